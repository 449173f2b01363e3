import type { Rule } from './rule';
import { forProduction, label, locationOf, num, offPhrase, settingOff, withSecurityMiddleware, worldClause, worldsWhere } from './settings-util';

/** launch.W101: SECURE_HSTS_SECONDS missing or 0 (security.W004). */
export default {
  meta: {
    id: 'launch.W101',
    name: 'hsts-missing',
    checklist: 'security-settings',
    level: 'warning',
    title: 'SECURE_HSTS_SECONDS is not set: no HTTP Strict Transport Security',
    fix: 'Set SECURE_HSTS_SECONDS (start with 3600, then 31536000 once HTTPS works everywhere).',
    securitySeverity: 5.3,
    precision: 'high',
    tags: ['security', 'external/cwe/cwe-319'],
    settings: ['MIDDLEWARE', 'SECURE_HSTS_SECONDS'],
    djangoCheck: 'security.W004',
  },
  check(ctx) {
    return forProduction(ctx, (s) => {
      const worlds = worldsWhere(withSecurityMiddleware(s, (w) => settingOff(s, 'SECURE_HSTS_SECONDS', w, num(0))));
      if (worlds.length === 0) return [];
      const b = s.bindings.get('SECURE_HSTS_SECONDS');
      return [{
        location: locationOf(s, 'SECURE_HSTS_SECONDS'),
        message: `SECURE_HSTS_SECONDS ${offPhrase(s, 'SECURE_HSTS_SECONDS')} in ${label(s)}${worldClause(ctx, worlds, [b])}: browsers are not told to use HTTPS only, so a first plain-HTTP request can be intercepted (SSL stripping).`,
      }];
    });
  },
} satisfies Rule;
