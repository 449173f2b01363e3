import type { Rule } from './rule';
import { bool, forProduction, label, locationOf, truthy, valueIn, worldClause, worldsWhere, type Value } from './settings-util';

/** launch.E021: ALLOWED_HOSTS empty or missing in production while DEBUG is False: every request is a 400. */
export default {
  meta: {
    id: 'launch.E021',
    name: 'allowed-hosts-empty',
    checklist: 'allowed-hosts',
    level: 'error',
    title: 'ALLOWED_HOSTS is empty while DEBUG is False: every request gets 400 Bad Request',
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
      const worlds = worldsWhere((w) => {
        const debug = truthy(valueIn(s, 'DEBUG', w, bool(false))!);
        const hosts = valueIn(s, 'ALLOWED_HOSTS', w, empty)!;
        const isEmpty = hosts.kind === 'list' ? hosts.items.length === 0 : hosts.kind === 'none' || (hosts.kind === 'str' && hosts.value === '');
        return debug === false && isEmpty;
      });
      if (worlds.length === 0) return [];
      const b = s.bindings.get('ALLOWED_HOSTS');
      const what = b ? 'ALLOWED_HOSTS is empty' : 'ALLOWED_HOSTS is not set';
      return [{
        location: locationOf(s, 'ALLOWED_HOSTS'),
        message: `${what} in ${label(s)}${worldClause(ctx, worlds, [b, s.bindings.get('DEBUG')])}, and DEBUG is False: Django answers every request with 400 Bad Request, and runserver refuses to start.`,
      }];
    });
  },
} satisfies Rule;
