import type { Value } from '../project/values';
import type { Rule } from './rule';
import { bool, forProduction, label, locationOf, num, offPhrase, settingOff, withSecurityMiddleware, worldClause, worldsWhere } from './settings-util';

const NOTE =
  ' — a note: it is set to False explicitly, and turning it on makes browsers refuse plain HTTP on every subdomain of the domain, which a team sharing the domain with other applications may rule out on purpose';

const isFalse = (v: Value) => v.kind === 'bool' && !v.value;

/** launch.W102: HSTS on without SECURE_HSTS_INCLUDE_SUBDOMAINS (security.W005). */
export default {
  meta: {
    id: 'launch.W102',
    name: 'hsts-subdomains',
    checklist: 'security-settings',
    level: 'warning',
    title: 'HSTS does not cover subdomains (SECURE_HSTS_INCLUDE_SUBDOMAINS is not True)',
    fix: 'Set SECURE_HSTS_INCLUDE_SUBDOMAINS = True once every subdomain is served over HTTPS.',
    securitySeverity: 4.3,
    precision: 'high',
    tags: ['security', 'external/cwe/cwe-319'],
    settings: ['SECURE_HSTS_INCLUDE_SUBDOMAINS'],
    djangoCheck: 'security.W005',
  },
  check(ctx) {
    return forProduction(ctx, (s) => {
      const worlds = worldsWhere(withSecurityMiddleware(s, (w) =>
        settingOff(s, 'SECURE_HSTS_SECONDS', w, num(0)) === false ? settingOff(s, 'SECURE_HSTS_INCLUDE_SUBDOMAINS', w, bool(false)) : undefined,
      ));
      if (worlds.length === 0) return [];
      const b = s.bindings.get('SECURE_HSTS_INCLUDE_SUBDOMAINS');
      // Written False whatever the environment says: a decision, not an omission. includeSubDomains makes
      // browsers refuse plain HTTP on every subdomain of the domain, which a project sharing its domain with
      // other applications rules out on purpose (bakerydemo's production settings say so above the line).
      const decided = !!b && !b.conditional && isFalse(b.unset) && isFalse(b.set);
      return [{
        location: locationOf(s, 'SECURE_HSTS_INCLUDE_SUBDOMAINS'),
        message: `SECURE_HSTS_INCLUDE_SUBDOMAINS ${offPhrase(s, 'SECURE_HSTS_INCLUDE_SUBDOMAINS')} in ${label(s)} while HSTS is on${worldClause(ctx, worlds, [b, s.bindings.get('SECURE_HSTS_SECONDS')])}: subdomains can still be reached over plain HTTP and used to set or read cookies for the parent domain${decided ? NOTE : ''}.`,
        ...(decided ? { level: 'note' as const } : {}),
      }];
    });
  },
} satisfies Rule;
