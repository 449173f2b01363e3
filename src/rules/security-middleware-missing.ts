import type { Rule } from './rule';
import { subclassesMiddleware } from '../project/middleware';
import { SECURITY_MIDDLEWARE, forProduction, label, listHasIn, locationOf, securityMiddlewareIn, worldClause, worldsWhere } from './settings-util';

/** launch.W100: SecurityMiddleware is not in MIDDLEWARE (security.W001). */
export default {
  meta: {
    id: 'launch.W100',
    name: 'security-middleware-missing',
    checklist: 'security-settings',
    level: 'warning',
    title: 'django.middleware.security.SecurityMiddleware is not in MIDDLEWARE',
    fix: 'Add "django.middleware.security.SecurityMiddleware" at the top of MIDDLEWARE.',
    securitySeverity: 5.3,
    precision: 'very-high',
    tags: ['security', 'external/cwe/cwe-693'],
    settings: ['MIDDLEWARE'],
    djangoCheck: 'security.W001',
  },
  check(ctx) {
    return forProduction(ctx, (s) => {
      const worlds = worldsWhere((w) => {
        const has = securityMiddlewareIn(s, w);
        if (has !== false) return has === undefined ? undefined : false;
        // the classes are resolved only where SecurityMiddleware itself is missing
        const subclass = listHasIn(s, 'MIDDLEWARE', w, { kind: 'list', items: [] }, (m) => subclassesMiddleware(ctx, m, s.file, SECURITY_MIDDLEWARE));
        return subclass === undefined ? undefined : !subclass;
      });
      if (worlds.length === 0) return [];
      const b = s.bindings.get('MIDDLEWARE');
      return [{
        location: locationOf(s, 'MIDDLEWARE'),
        message: `${b ? `MIDDLEWARE in ${label(s)} lacks SecurityMiddleware` : `MIDDLEWARE is not set in ${label(s)}, so SecurityMiddleware is not installed`}${worldClause(ctx, worlds, [b])}: SECURE_SSL_REDIRECT, HSTS, SECURE_CONTENT_TYPE_NOSNIFF, SECURE_REFERRER_POLICY and SECURE_CROSS_ORIGIN_OPENER_POLICY have no effect.`,
      }];
    });
  },
} satisfies Rule;
