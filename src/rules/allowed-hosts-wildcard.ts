import type { Rule } from './rule';
import { forProduction, label, strItems, worldClause, worldsWhere } from './settings-util';

/** launch.E020: '*' in ALLOWED_HOSTS in production, written out or as the default of an env read. */
export default {
  meta: {
    id: 'launch.E020',
    name: 'allowed-hosts-wildcard',
    checklist: 'allowed-hosts',
    level: 'error',
    title: "ALLOWED_HOSTS accepts any Host header ('*')",
    fix: 'List the domains the site is served on, e.g. ALLOWED_HOSTS = ["example.com", "www.example.com"].',
    securitySeverity: 6.5,
    precision: 'very-high',
    tags: ['security', 'external/cwe/cwe-20', 'external/cwe/cwe-640'],
    settings: ['ALLOWED_HOSTS'],
  },
  check(ctx) {
    return forProduction(ctx, (s) => {
      const b = s.bindings.get('ALLOWED_HOSTS');
      if (!b) return [];
      const worlds = worldsWhere((w) => strItems(b[w])?.includes('*'));
      if (worlds.length === 0) return [];
      return [{
        location: b.location,
        message: `ALLOWED_HOSTS contains '*' in ${label(s)}${worldClause(ctx, worlds, [b])}: Django accepts any Host header, so links built from it (password reset e-mails, absolute URLs) can point at an attacker's domain.`,
      }];
    });
  },
} satisfies Rule;
