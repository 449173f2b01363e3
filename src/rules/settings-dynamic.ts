import type { Rule } from './rule';

/**
 * launch.I005: production settings set names in a way the scan cannot follow (`globals().update(...)`,
 * `exec`, `setattr` on the module, a star-import or include of a file outside the repository, an optional
 * override file that is not in it). Those settings are unknown, and rules about a missing setting stay quiet
 * for this module: said out loud, never turned into a pass.
 */
export default {
  meta: {
    id: 'launch.I005',
    name: 'settings-dynamic',
    checklist: 'settings',
    level: 'note',
    title: 'Production settings are partly set by code the scan cannot follow',
    fix: 'Nothing to fix: check the settings this code sets yourself, or run the deploy-checks gate, which imports the real settings.',
    securitySeverity: 0,
    precision: 'very-high',
    tags: ['maintainability'],
  },
  check(ctx) {
    const hits = [];
    const seen = new Set<string>();
    for (const p of ctx.projects) {
      const s = p.production;
      if (!s) continue;
      // One note per file: its first such place, naming the others.
      const byFile = new Map<string, typeof s.dynamic>();
      for (const d of s.dynamic) {
        if (s.unreadable.some((u) => d.reason === `${u.location.file} could not be read` || d.reason.endsWith(' could not be read'))) continue;
        byFile.set(d.location.file, [...(byFile.get(d.location.file) ?? []), d]);
      }
      for (const [file, marks] of byFile) {
        const [first, ...rest] = [...marks].sort((a, b) => a.location.line - b.location.line);
        const key = `${file}:${first.location.line}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const overrides = marks.some((m) => m.overrides);
        hits.push({
          location: first.location,
          message: `${first.reason}${rest.length ? `; also on line${rest.length > 1 ? 's' : ''} ${rest.map((r) => r.location.line).join(', ')} (${[...new Set(rest.map((r) => r.reason))].join('; ')})` : ''} — production settings \`${s.module}\`${overrides ? ': settings set before may be replaced, so their values are unknown' : ''}; rules do not report a setting as missing here (at most a note).`,
        });
      }
    }
    return { hits };
  },
} satisfies Rule;
