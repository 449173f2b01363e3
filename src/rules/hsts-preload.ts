import type { Rule } from './rule';
import { bool, forProduction, label, locationOf, num, offPhrase, settingOff, withSecurityMiddleware, worldClause, worldsWhere } from './settings-util';

/** launch.I103: HSTS on without SECURE_HSTS_PRELOAD (security.W021). A note: preloading is a commitment. */
export default {
  meta: {
    id: 'launch.I103',
    name: 'hsts-preload',
    checklist: 'security-settings',
    level: 'note',
    title: 'HSTS preload is off (SECURE_HSTS_PRELOAD is not True)',
    fix: 'When HSTS covers subdomains with a max-age of at least a year, set SECURE_HSTS_PRELOAD = True and submit the domain to hstspreload.org.',
    securitySeverity: 2.0,
    precision: 'high',
    tags: ['security', 'external/cwe/cwe-319'],
    djangoCheck: 'security.W021',
  },
  check(ctx) {
    return forProduction(ctx, (s) => {
      const worlds = worldsWhere(withSecurityMiddleware(s, (w) =>
        settingOff(s, 'SECURE_HSTS_SECONDS', w, num(0)) === false ? settingOff(s, 'SECURE_HSTS_PRELOAD', w, bool(false)) : undefined,
      ));
      if (worlds.length === 0) return [];
      const b = s.bindings.get('SECURE_HSTS_PRELOAD');
      return [{
        location: locationOf(s, 'SECURE_HSTS_PRELOAD'),
        message: `SECURE_HSTS_PRELOAD ${offPhrase(s, 'SECURE_HSTS_PRELOAD')} in ${label(s)} while HSTS is on${worldClause(ctx, worlds, [b, s.bindings.get('SECURE_HSTS_SECONDS')])}: a browser's very first visit is still unprotected until the domain is on the preload list.`,
      }];
    });
  },
} satisfies Rule;
