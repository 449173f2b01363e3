import type { Rule } from './rule';
import { forProduction, label, truthy, whereIn, worldClause } from './settings-util';

/**
 * launch.W011: DEBUG is True whatever the operator writes into its variable — `bool(os.getenv("DEBUG", False))`
 * (the string "False" is truthy) or the raw string `os.getenv("DEBUG")`. Reads that compare
 * (`== "True"`, `.lower() in ("1", "true")`) or parse (`env.bool`, `int(...)`) are unknown in the set world: no finding.
 */
export default {
  meta: {
    id: 'launch.W011',
    name: 'debug-on-when-set',
    checklist: 'debug',
    level: 'warning',
    title: 'DEBUG turns on whenever its environment variable is set, even to "False"',
    fix: 'Parse the variable explicitly: os.getenv("DEBUG", "False").lower() in ("1", "true"), or env.bool("DEBUG", default=False).',
    securitySeverity: 7.5,
    precision: 'high',
    tags: ['security', 'external/cwe/cwe-489', 'external/cwe/cwe-215'],
    settings: ['DEBUG'],
    djangoCheck: 'security.W018',
  },
  check(ctx) {
    return forProduction(ctx, (s) => {
      const b = s.bindings.get('DEBUG');
      // When DEBUG is already True with the variable unset, launch.E010 reports it (for both worlds).
      if (!b || truthy(b.set) !== true || truthy(b.unset) === true) return [];
      return [{
        location: whereIn(b, ['set']),
        message: `DEBUG is True in ${label(s)}${worldClause(ctx, ['set'], [b])}: any non-empty string, "False" and "0" included, is truthy, so setting the variable can only turn DEBUG on.`,
      }];
    });
  },
} satisfies Rule;
