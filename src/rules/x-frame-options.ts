import type { Rule, RuleHit } from './rule';
import { forProduction, label, locationOf, middlewareHas, strOf, worldClause, worldsWhere } from './settings-util';

const CLICKJACKING_MIDDLEWARE = 'django.middleware.clickjacking.XFrameOptionsMiddleware';

/** launch.W107: XFrameOptionsMiddleware missing (security.W002), or X_FRAME_OPTIONS other than DENY (security.W019). */
export default {
  meta: {
    id: 'launch.W107',
    name: 'x-frame-options',
    checklist: 'security-settings',
    level: 'warning',
    title: 'Pages can be framed by other sites (XFrameOptionsMiddleware missing or X_FRAME_OPTIONS not DENY)',
    fix: 'Keep "django.middleware.clickjacking.XFrameOptionsMiddleware" in MIDDLEWARE and leave X_FRAME_OPTIONS at its default "DENY".',
    securitySeverity: 4.3,
    precision: 'high',
    tags: ['security', 'external/cwe/cwe-1021'],
    settings: ['MIDDLEWARE', 'X_FRAME_OPTIONS'],
    djangoCheck: 'security.W002',
    djangoChecks: ['security.W019'],
  },
  check(ctx) {
    return forProduction(ctx, (s) => {
      const hits: RuleHit[] = [];
      const missing = worldsWhere((w) => {
        const has = middlewareHas(s, w, CLICKJACKING_MIDDLEWARE);
        return has === undefined ? undefined : !has;
      });
      if (missing.length) {
        const b = s.bindings.get('MIDDLEWARE');
        hits.push({
          location: locationOf(s, 'MIDDLEWARE'),
          message: `${b ? `MIDDLEWARE in ${label(s)} lacks` : `MIDDLEWARE is not set in ${label(s)}, so it lacks`} XFrameOptionsMiddleware${worldClause(ctx, missing, [b])}: responses carry no X-Frame-Options header, so any site can frame the pages (clickjacking).`,
          djangoCheck: 'security.W002',
          fix: 'Add "django.middleware.clickjacking.XFrameOptionsMiddleware" to MIDDLEWARE.',
        });
        return hits;
      }
      const xb = s.bindings.get('X_FRAME_OPTIONS');
      const notDeny = worldsWhere((w) => {
        if (middlewareHas(s, w, CLICKJACKING_MIDDLEWARE) !== true || !xb) return undefined;
        const v = strOf(xb[w]);
        return v === undefined ? undefined : v.toUpperCase() !== 'DENY';
      });
      if (notDeny.length && xb) {
        hits.push({
          location: xb.location,
          message: `X_FRAME_OPTIONS is not 'DENY' in ${label(s)}${worldClause(ctx, notDeny, [xb])}: pages can be framed${strOf(xb[notDeny[0]])?.toUpperCase() === 'SAMEORIGIN' ? ' by any page of the same origin' : ''}; use 'DENY' unless the site frames its own pages.`,
          djangoCheck: 'security.W019',
          fix: 'Set X_FRAME_OPTIONS = "DENY" (or remove the setting: DENY is the default since Django 3.0), unless the site frames its own pages.',
        });
      }
      return hits;
    });
  },
} satisfies Rule;
