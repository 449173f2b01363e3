/** The metadata every live-site rule shares: checklist item `live-site`, an ID `launch.[EWI]3NN` whose letter is its level. */
import type { Level, Precision, RuleMeta } from '../../finding';

export function liveRule(meta: {
  id: string;
  name: string;
  level: Level;
  title: string;
  fix: string;
  securitySeverity: number;
  precision?: Precision;
  tags: string[];
}): RuleMeta {
  return { checklist: 'live-site', precision: 'very-high', ...meta, tags: [...meta.tags, 'live-site'] };
}
