import type { Rule } from './rule';
import { forProduction, label, strItems, worldClause, worldsWhere } from './settings-util';

/**
 * launch.W022: ALLOWED_HOSTS is `[""]` — what `os.getenv("ALLOWED_HOSTS", "").split(",")` gives when the
 * variable is unset. Django's own "ALLOWED_HOSTS is empty" refusal does not fire (the list is not empty),
 * yet no Host matches: every request is a 400. A required read (`os.environ["ALLOWED_HOSTS"]`) is fine.
 */
export default {
  meta: {
    id: 'launch.W022',
    name: 'allowed-hosts-blank-from-env',
    checklist: 'allowed-hosts',
    level: 'warning',
    title: 'ALLOWED_HOSTS is [""] when its environment variable is unset: every request gets 400 Bad Request',
    fix: 'Fail loudly when the variable is missing (os.environ["ALLOWED_HOSTS"].split(",")) or drop empty items.',
    securitySeverity: 0,
    precision: 'high',
    tags: ['reliability'],
    settings: ['ALLOWED_HOSTS'],
  },
  check(ctx) {
    return forProduction(ctx, (s) => {
      const b = s.bindings.get('ALLOWED_HOSTS');
      if (!b) return [];
      const worlds = worldsWhere((w) => {
        const v = b[w];
        if (v.kind !== 'list' || v.items.length === 0) return false;
        return strItems(v)?.every((h) => h.trim() === '');
      });
      if (worlds.length === 0) return [];
      return [{
        location: b.location,
        message: `ALLOWED_HOSTS is [""] in ${label(s)}${worldClause(ctx, worlds, [b])}: no Host header matches an empty entry, so every request gets 400 Bad Request while Django's "ALLOWED_HOSTS is empty" check stays silent.`,
      }];
    });
  },
} satisfies Rule;
