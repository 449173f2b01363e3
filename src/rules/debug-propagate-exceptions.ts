import type { Rule } from './rule';
import { forProduction, label, truthy, worldClause, worldsWhere } from './settings-util';

/** launch.W127: DEBUG_PROPAGATE_EXCEPTIONS = True in production settings. */
export default {
  meta: {
    id: 'launch.W127',
    name: 'debug-propagate-exceptions',
    checklist: 'code-security',
    level: 'warning',
    title: 'DEBUG_PROPAGATE_EXCEPTIONS is True in production settings',
    fix: 'Remove DEBUG_PROPAGATE_EXCEPTIONS from production settings (Django\'s default is False); keep it for test setups that need it.',
    securitySeverity: 5.3,
    precision: 'very-high',
    tags: ['security', 'reliability', 'external/cwe/cwe-209', 'external/cwe/cwe-755'],
    settings: ['DEBUG_PROPAGATE_EXCEPTIONS'],
  },
  check(ctx) {
    return forProduction(ctx, (s) => {
      const b = s.bindings.get('DEBUG_PROPAGATE_EXCEPTIONS');
      if (!b) return [];
      const worlds = worldsWhere((w) => truthy(b[w]));
      if (worlds.length === 0) return [];
      return [{
        location: b.location,
        message: `DEBUG_PROPAGATE_EXCEPTIONS is True in ${label(s)}${worldClause(ctx, worlds, [b])}: an unhandled exception skips handler500 and the django.request error log (so ADMINS get no email), and goes up to the app server, which writes the error page — with the traceback, if it is one that shows it.`,
      }];
    });
  },
} satisfies Rule;
