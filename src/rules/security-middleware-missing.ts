import type { Rule } from './rule';
import { PyIndex, baseNodes } from '../project/model';
import type { ScanContext } from '../project/scan';
import { SECURITY_MIDDLEWARE, forProduction, label, listHasIn, locationOf, middlewareHas, worldClause, worldsWhere } from './settings-util';

/**
 * A middleware class of the project's own that subclasses SecurityMiddleware (normandy's
 * NormandySecurityMiddleware): it sends what SecurityMiddleware sends. Followed three base classes deep; a class the
 * scan cannot find is no such subclass.
 */
function subclassesSecurity(ctx: ScanContext, dotted: string, fromRel: string): boolean {
  const idx = PyIndex.of(ctx);
  const seen = new Set<string>();
  const walk = (q: string, from: string, depth: number): boolean => {
    if (q === SECURITY_MIDDLEWARE) return true;
    if (depth > 3 || seen.has(q)) return false;
    seen.add(q);
    const d = idx.resolveDef(q, from);
    if (!d || d.node.type !== 'class_definition') return false;
    return baseNodes(d.node).some((b) => {
      const bq = idx.qualify(d.file, b);
      return !!bq && walk(bq, d.file.rel, depth + 1);
    });
  };
  return walk(dotted, fromRel, 0);
}

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
        const has = middlewareHas(s, w, SECURITY_MIDDLEWARE);
        if (has !== false) return has === undefined ? undefined : false;
        // the classes are resolved only where SecurityMiddleware itself is missing
        const subclass = listHasIn(s, 'MIDDLEWARE', w, { kind: 'list', items: [] }, (m) => subclassesSecurity(ctx, m, s.file));
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
