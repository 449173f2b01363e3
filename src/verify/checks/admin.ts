/**
 * Check 9: Django's admin at its default path `admin/` (a warning). It is there when `GET admin/` redirects to
 * `admin/login/` or answers the admin's own page ("Django site admin"); a 404, or a 401/403 from a proxy that
 * restricts it, passes.
 */
import { headerValues, isRedirect, pathOf, type CheckOutcome, type LiveCheck, type Observations } from '../types';
import { liveRule } from './rule';

export const ADMIN_DEFAULT_PATH = liveRule({
  id: 'launch.W319',
  name: 'admin-default-path',
  level: 'warning',
  title: "Django's admin answers at the default path /admin/",
  fix: 'Mount the admin under a path of your own (path("manage-7f3a/", admin.site.urls)), or restrict /admin/ at the proxy (allow list, VPN); keep login rate limiting on it.',
  securitySeverity: 3.0,
  precision: 'high',
  tags: ['security'],
});

/** Sentences of Django's admin templates (base_site.html's title and header, login.html). */
const ADMIN_PAGE = /\|\s*Django site admin\s*<\/title>|>\s*Django administration\s*</i;

export const adminCheck: LiveCheck = {
  name: 'admin path',
  rules: [ADMIN_DEFAULT_PATH],
  check(obs: Observations): CheckOutcome {
    if (obs.httpsSkipped) return { hits: [], notChecked: obs.httpsSkipped };
    const ex = obs.admin;
    if (!ex) return { hits: [], notChecked: 'admin/ was not requested' };
    if (ex.error) return { hits: [], notChecked: `${ex.url} does not answer (${ex.error.code})` };
    const location = headerValues(ex, 'location')[0];
    let toLogin = false;
    if (isRedirect(ex.status) && location) {
      try {
        toLogin = new URL(location, ex.url).pathname === `${new URL(ex.url).pathname}login/`;
      } catch {
        toLogin = false;
      }
    }
    const adminPage = ex.status === 200 && ADMIN_PAGE.test(ex.body);
    if (!toLogin && !adminPage) return { hits: [] };
    return {
      hits: [
        {
          ruleId: ADMIN_DEFAULT_PATH.id,
          path: pathOf(ex.url),
          message: `${ex.url} is Django's admin (${toLogin ? `it redirects to ${location}` : 'its own login page'}): the first path every scanner tries for password guessing.`,
        },
      ],
    };
  },
};
