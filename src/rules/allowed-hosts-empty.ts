import type { Rule } from './rule';
import { bool, forProduction, label, locationOf, madeFrom, truthy, valueIn, worldClause, worldsWhere, type Value, type World } from './settings-util';

/** launch.E021: ALLOWED_HOSTS empty or missing in production while DEBUG is False: every request is a 400. */
export default {
  meta: {
    id: 'launch.E021',
    name: 'allowed-hosts-empty',
    checklist: 'allowed-hosts',
    level: 'error',
    title: 'ALLOWED_HOSTS is empty: every request to the site gets 400 Bad Request',
    fix: 'Set ALLOWED_HOSTS to the domains the site is served on, e.g. ALLOWED_HOSTS = ["example.com"].',
    securitySeverity: 0,
    precision: 'very-high',
    tags: ['reliability'],
    settings: ['ALLOWED_HOSTS', 'DEBUG'],
    djangoCheck: 'security.W020',
  },
  check(ctx) {
    return forProduction(ctx, (s) => {
      const empty: Value = { kind: 'list', items: [] };
      const emptyIn = (w: World) => {
        const hosts = valueIn(s, 'ALLOWED_HOSTS', w, empty)!;
        return hosts.kind === 'list' ? hosts.items.length === 0 : hosts.kind === 'none' || (hosts.kind === 'str' && hosts.value === '');
      };
      const debugIn = (w: World) => truthy(valueIn(s, 'DEBUG', w, bool(false))!);
      let worlds = worldsWhere((w) => debugIn(w) === false && emptyIn(w));
      // With DEBUG on, Django accepts only localhost (`.localhost`, 127.0.0.1, [::1]): the site's own domain gets 400
      // too — a launch as it stands serves no one (StudyBud, Try-Django: startproject's `ALLOWED_HOSTS = []`), and
      // turning DEBUG off (launch.E010) makes it every request
      const debugOn = worlds.length === 0;
      if (debugOn) worlds = worldsWhere((w) => debugIn(w) === true && emptyIn(w));
      if (worlds.length === 0) return [];
      const b = s.bindings.get('ALLOWED_HOSTS');
      const what = b ? 'ALLOWED_HOSTS is empty' : 'ALLOWED_HOSTS is not set';
      const message = debugOn
        ? `${what} in ${label(s)}${worldClause(ctx, worlds, [b, s.bindings.get('DEBUG')])}, and DEBUG is on, so Django accepts only localhost: every request to the site's own domain gets 400 Bad Request — and once DEBUG is turned off (launch.E010) every request does`
        : `${what} in ${label(s)}${worldClause(ctx, worlds, [b, s.bindings.get('DEBUG')])}, and DEBUG is False: Django answers every request with 400 Bad Request, and runserver refuses to start`;
      // Settings made at deploy time from an example the operator fills in (patchwork's production.example.py,
      // whose install guide says to add ALLOWED_HOSTS): the example leaves out what only the operator knows, and
      // a site made from it that serves anything has set it. A note that says so, not an error.
      const example = b ? undefined : madeFrom(s);
      if (example) {
        return [{
          location: locationOf(s, 'ALLOWED_HOSTS'),
          level: 'note' as const,
          message: `${message} — a note: these settings are made at deploy time from ${example}, which leaves ALLOWED_HOSTS to whoever fills it in; set it to the site's domains there.`,
        }];
      }
      return [{ location: locationOf(s, 'ALLOWED_HOSTS'), message: `${message}.` }];
    });
  },
} satisfies Rule;
