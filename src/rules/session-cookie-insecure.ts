import type { Rule } from './rule';
import { appInstalled, bool, forProduction, httpsNote, label, listHasIn, locationOf, middlewareHas, offPhrase, settingOff, worldClause, worldsWhere, WORLDS } from './settings-util';

/** launch.W105: SESSION_COOKIE_SECURE not True while sessions are in use (security.W012). */
export default {
  meta: {
    id: 'launch.W105',
    name: 'session-cookie-insecure',
    checklist: 'security-settings',
    level: 'warning',
    title: 'SESSION_COOKIE_SECURE is not True: the session cookie is sent over plain HTTP',
    fix: 'Set SESSION_COOKIE_SECURE = True.',
    securitySeverity: 5.0,
    precision: 'high',
    tags: ['security', 'external/cwe/cwe-614'],
    settings: ['SESSION_COOKIE_SECURE'],
    djangoCheck: 'security.W012',
    // Django reports W010 (sessions app only), W011 (SessionMiddleware only) or W012 (both): the same condition.
    djangoChecks: ['security.W010', 'security.W011'],
  },
  check(ctx) {
    return forProduction(ctx, (s) => {
      const worlds = worldsWhere((w) => {
        const sessions =
          appInstalled(s, w, 'django.contrib.sessions') === true ||
          middlewareHas(s, w, 'django.contrib.sessions.middleware.SessionMiddleware') === true;
        return sessions ? settingOff(s, 'SESSION_COOKIE_SECURE', w, bool(false)) : undefined;
      });
      if (worlds.length === 0) return [];
      const b = s.bindings.get('SESSION_COOKIE_SECURE');
      // the sessions app installed but no session middleware in a MIDDLEWARE the settings set and the scan knows (koku:
      // identity from a header): nothing sets a session cookie — Django's check warns on the app alone (security.W010), a note here
      const noCookie = s.bindings.has('MIDDLEWARE') && WORLDS.every((w) => listHasIn(s, 'MIDDLEWARE', w, { kind: 'list', items: [] }, (m) => /session/i.test(m)) === false);
      const note = noCookie
        ? { clause: ' — a note: no session middleware is in MIDDLEWARE, so nothing sets a session cookie (the sessions app alone sets none)', debug: undefined }
        : httpsNote(ctx, s, 'SESSION_COOKIE_SECURE', worlds);
      return [{
        location: locationOf(s, 'SESSION_COOKIE_SECURE'),
        message: `SESSION_COOKIE_SECURE ${offPhrase(s, 'SESSION_COOKIE_SECURE')} in ${label(s)}${worldClause(ctx, worlds, [b, note?.debug])}: the browser also sends the session cookie over plain HTTP, where anyone on the network can take over the session${note?.clause ?? ''}.`,
        ...(note ? { level: 'note' as const } : {}),
      }];
    });
  },
} satisfies Rule;
