import type { Rule } from './rule';

/**
 * launch.I004: the repository's deploy files (or production-named siblings) name different production
 * settings modules. The scan judged the first by the documented order; the note names the others and the
 * one input that settles it.
 */
export default {
  meta: {
    id: 'launch.I004',
    name: 'settings-ambiguous',
    checklist: 'settings',
    level: 'note',
    title: 'Deploy files name different production settings modules',
    fix: 'Name the production settings module with --settings (the settings-module input, or settings-module in .django-launch-gate.toml).',
    securitySeverity: 0,
    precision: 'high',
    tags: ['maintainability'],
  },
  check(ctx) {
    const hits = [];
    for (const p of ctx.projects) {
      const r = p.resolution;
      if (p.development || r.status !== 'ambiguous' || !r.chosen) continue;
      const where = r.chosen.at ?? p.production?.anchor;
      if (!where) continue;
      hits.push({
        location: where,
        message: `Production settings for project ${p.root || '.'} are ambiguous: judged \`${r.chosen.module}\` (${r.chosen.how}); also named: ${r.others.map((o) => `\`${o.module}\` (${o.how})`).join('; ')}. Pass --settings to choose.`,
        related: r.others.filter((o) => o.at).map((o) => ({ location: o.at!, message: `names ${o.module}` })),
      });
    }
    return { hits };
  },
} satisfies Rule;
