import type { Location } from '../finding';
import type { SuppressionComment } from '../project/suppressions';
import type { Rule, RuleHit, RunReview } from './rule';
import { beforeReview } from './suppression-without-reason';

/** The rules about suppressions: their own findings are never suppressed inline. */
const UNSUPPRESSIBLE = new Set(['launch.I006', 'launch.I007']);

/**
 * launch.I007: an inline suppression that suppresses nothing — it names an ID whose rule ran and reported
 * nothing on its line (the code was fixed, or the comment is on the wrong line), an ID no rule has, or it is
 * not `ignore[…]` at all. An ID whose rule did not run (a runtime gate that was not asked for, a disabled
 * rule) is not judged: nothing says it would not report there.
 */
const rule: Rule = {
  meta: {
    id: 'launch.I007',
    name: 'suppression-unused',
    checklist: 'scan',
    level: 'note',
    title: 'An inline suppression suppresses nothing',
    fix: 'Remove the suppression (or the IDs that match nothing); a stale one would silently hide the next real finding on that line.',
    securitySeverity: 0,
    precision: 'very-high',
    tags: ['maintainability'],
  },
  check: beforeReview,
  review(_ctx, run) {
    const hits: RuleHit[] = [];
    for (const s of run.suppressions) {
      if (s.malformed) {
        hits.push({
          location: s.location,
          message: `This launch-gate comment suppresses nothing: ${s.malformed}.`,
          fix: 'Write it as `# launch-gate: ignore[launch.E010] reason` (several IDs comma-separated), on the finding\'s line or the line before.',
        });
        continue;
      }
      const unknown = s.ids.filter((id) => !run.known(id));
      const own = s.ids.filter((id) => UNSUPPRESSIBLE.has(id));
      const unused = s.ids.filter((id) => run.known(id) && !UNSUPPRESSIBLE.has(id) && run.ran(id) && !used(run, s, id));
      if (!unknown.length && !own.length && !unused.length) continue;
      const parts = [
        ...(unknown.length ? [`names ${list(unknown)}, which ${unknown.length === 1 ? 'is' : 'are'} neither a rule of django-launch-gate nor a Django check ID`] : []),
        ...(own.length ? [`names ${list(own)}, whose notes cannot be suppressed inline`] : []),
        ...(unused.length ? [`names ${list(unused)}, which reported nothing on line ${target(s)}`] : []),
      ];
      const all = unknown.length + own.length + unused.length === s.ids.length;
      hits.push({
        location: s.location,
        message: `The suppression ${parts.join('; and ')}: ${all ? 'it suppresses nothing' : 'those IDs suppress nothing'}.`,
        fix: unknown.length
          ? 'Check the ID against the rule list (docs/rules, or the Django check the deploy-checks gate names), or remove it.'
          : own.length
            ? 'Set the level of launch.I006/launch.I007 in the config (level = { "launch.I006" = "note" }) or disable them there instead.'
            : `Remove ${all ? 'the comment' : 'those IDs'}; if the finding moved, move the comment with it (the finding's line, or the line before it).`,
      });
    }
    return hits;
  },
};
export default rule;

/** Did a finding of `id` on the comment's lines get suppressed by this comment? */
function used(run: RunReview, s: SuppressionComment, id: string): boolean {
  return run.findings.some((f) => f.suppression && same(f.suppression.location, s.location) && (f.ruleId === id || f.djangoCheck === id));
}

function same(a: Location, b: Location): boolean {
  return a.file === b.file && a.line === b.line && a.column === b.column;
}

/** The line the comment is for: the next code line for a comment on a line of its own, else its own. */
function target(s: SuppressionComment): number {
  return s.lines[s.lines.length - 1];
}

function list(ids: string[]): string {
  return ids.join(', ');
}
