import type { Location } from '../finding';
import type { Rule } from './rule';
import { forProduction, guardNote, label, startupGuard, truthy, worldClause, worldsWhere, type EvaluatedSettings } from './settings-util';

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
      if (!b) return [];
      const o = b.overridden?.unset;
      if (truthy(b.unset) === undefined && o && o.before.every((v) => truthy(v) === true)) {
        // True until code the scan cannot see, which production runs, may change it (EvaP's optional localsettings)
        const by = o.by[o.by.length - 1];
        return [{
          location: o.location,
          level: 'note',
          message: `DEBUG is True in ${label(s)} unless \`${by.code}\` (${by.location.file}:${by.location.line}) changes it — a note: ${dynamicReason(s, by.location) ?? 'that code is not in the repository'}; make sure the file production uses sets DEBUG = False.`,
          related: [{ location: by.location, message: 'code the scan cannot see, which may set DEBUG' }],
        }];
      }
      if (truthy(b.unset) !== true) return [];
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

/** The reason the evaluator gave for the dynamic code at this location. */
function dynamicReason(s: EvaluatedSettings, at: Location): string | undefined {
  return s.dynamic.find((d) => d.location.file === at.file && d.location.line === at.line)?.reason;
}
