import type { Rule } from './rule';
import { forProduction, guardNote, label, startupGuard, truthy, worldClause, worldsWhere } from './settings-util';

/** launch.E010: DEBUG is True in production — literally, or whenever its environment variable is unset. */
export default {
  meta: {
    id: 'launch.E010',
    name: 'debug-enabled',
    checklist: 'debug',
    level: 'error',
    title: 'DEBUG is True in production settings',
    fix: 'Set DEBUG = False in production, or read it from the environment with a False default.',
    securitySeverity: 7.5,
    precision: 'very-high',
    tags: ['security', 'external/cwe/cwe-489', 'external/cwe/cwe-215'],
    settings: ['DEBUG'],
    djangoCheck: 'security.W018',
  },
  check(ctx) {
    return forProduction(ctx, (s) => {
      const b = s.bindings.get('DEBUG');
      // Missing DEBUG is Django's default False. The set world alone is launch.W011's job.
      if (!b || truthy(b.unset) !== true) return [];
      const worlds = worldsWhere((w) => truthy(b[w]));
      const guard = startupGuard(
        ctx,
        s,
        (t) => /^(not (settings\.)?DEBUG|(settings\.)?DEBUG (is|==) False|(settings\.)?DEBUG (is not|!=) True)$/.test(t),
        (t) => /^(settings\.)?DEBUG( (is|==) True)?$/.test(t),
      );
      return [{
        location: b.location,
        message: `DEBUG is True in ${label(s)}${worldClause(ctx, worlds, [b])}: tracebacks, settings and SQL are shown to every visitor${guard ? guardNote(guard) : ''}.`,
        ...(guard ? { level: 'note' as const, related: [{ location: guard.location, message: 'the check that refuses DEBUG' }] } : {}),
      }];
    });
  },
} satisfies Rule;
