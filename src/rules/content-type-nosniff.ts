import type { Rule } from './rule';
import { bool, forProduction, label, locationOf, offPhrase, settingOff, withSecurityMiddleware, worldClause, worldsWhere } from './settings-util';

/** launch.W108: SECURE_CONTENT_TYPE_NOSNIFF set to False (Django's default is True since 3.0; security.W006). */
export default {
  meta: {
    id: 'launch.W108',
    name: 'content-type-nosniff',
    checklist: 'security-settings',
    level: 'warning',
    title: 'SECURE_CONTENT_TYPE_NOSNIFF is False: browsers may MIME-sniff responses',
    fix: 'Remove SECURE_CONTENT_TYPE_NOSNIFF (its default is True) or set it to True.',
    securitySeverity: 4.3,
    precision: 'very-high',
    tags: ['security', 'external/cwe/cwe-693'],
    settings: ['MIDDLEWARE', 'SECURE_CONTENT_TYPE_NOSNIFF'],
    djangoCheck: 'security.W006',
  },
  check(ctx) {
    return forProduction(ctx, (s) => {
      const worlds = worldsWhere(withSecurityMiddleware(s, (w) => settingOff(s, 'SECURE_CONTENT_TYPE_NOSNIFF', w, bool(true))));
      if (worlds.length === 0) return [];
      const b = s.bindings.get('SECURE_CONTENT_TYPE_NOSNIFF');
      return [{
        location: locationOf(s, 'SECURE_CONTENT_TYPE_NOSNIFF'),
        message: `SECURE_CONTENT_TYPE_NOSNIFF ${offPhrase(s, 'SECURE_CONTENT_TYPE_NOSNIFF')} in ${label(s)}${worldClause(ctx, worlds, [b])}: without X-Content-Type-Options: nosniff a browser may run an uploaded file as a script or stylesheet.`,
      }];
    });
  },
} satisfies Rule;
