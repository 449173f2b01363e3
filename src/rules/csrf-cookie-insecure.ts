import type { Rule } from './rule';
import { bool, forProduction, httpsNote, label, locationOf, middlewareHas, offPhrase, settingOff, worldClause, worldsWhere } from './settings-util';

/** launch.W106: CSRF_COOKIE_SECURE not True while CsrfViewMiddleware is installed (security.W016). */
export default {
  meta: {
    id: 'launch.W106',
    name: 'csrf-cookie-insecure',
    checklist: 'security-settings',
    level: 'warning',
    title: 'CSRF_COOKIE_SECURE is not True: the CSRF cookie is sent over plain HTTP',
    fix: 'Set CSRF_COOKIE_SECURE = True.',
    securitySeverity: 4.3,
    precision: 'high',
    tags: ['security', 'external/cwe/cwe-614'],
    settings: ['CSRF_COOKIE_SECURE'],
    djangoCheck: 'security.W016',
  },
  check(ctx) {
    return forProduction(ctx, (s) => {
      const worlds = worldsWhere((w) => {
        if (middlewareHas(s, w, 'django.middleware.csrf.CsrfViewMiddleware') !== true) return undefined;
        if (settingOff(s, 'CSRF_USE_SESSIONS', w, bool(false)) !== true) return undefined; // token lives in the session
        return settingOff(s, 'CSRF_COOKIE_SECURE', w, bool(false));
      });
      if (worlds.length === 0) return [];
      const b = s.bindings.get('CSRF_COOKIE_SECURE');
      const note = httpsNote(ctx, s, 'CSRF_COOKIE_SECURE', worlds);
      return [{
        location: locationOf(s, 'CSRF_COOKIE_SECURE'),
        message: `CSRF_COOKIE_SECURE ${offPhrase(s, 'CSRF_COOKIE_SECURE')} in ${label(s)}${worldClause(ctx, worlds, [b, note?.debug])}: the browser also sends the CSRF cookie over plain HTTP, where it can be read or planted${note?.clause ?? ''}.`,
        ...(note ? { level: 'note' as const } : {}),
      }];
    });
  },
} satisfies Rule;
