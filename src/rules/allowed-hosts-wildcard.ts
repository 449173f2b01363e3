import type { Rule, RuleHit } from './rule';
import { hostCheckingMiddleware, type HostCheckingMiddleware } from '../project/middleware';
import type { SettingBinding, Value } from '../project/values';
import { WORLDS, forProduction, label, listHas, listHasIn, locationOf, strItems, whereIn, worldClause, worldsWhere, type EvaluatedSettings } from './settings-util';

/**
 * launch.E020: '*' in ALLOWED_HOSTS in production, written out or as the default of an env read. A note,
 * not an error, where every such world's MIDDLEWARE holds a middleware of the project that raises
 * DisallowedHost itself (sites serving custom domains, such as pretalx): the host check is the project's.
 */
export default {
  meta: {
    id: 'launch.E020',
    name: 'allowed-hosts-wildcard',
    checklist: 'allowed-hosts',
    level: 'error',
    title: "ALLOWED_HOSTS accepts any Host header ('*')",
    fix: 'List the domains the site is served on, e.g. ALLOWED_HOSTS = ["example.com", "www.example.com"].',
    securitySeverity: 6.5,
    precision: 'very-high',
    tags: ['security', 'external/cwe/cwe-20', 'external/cwe/cwe-640'],
    settings: ['ALLOWED_HOSTS'],
  },
  check(ctx) {
    return forProduction(ctx, (s) => {
      const b = s.bindings.get('ALLOWED_HOSTS');
      if (!b) return [];
      // '*' among items the scan cannot all read is still there: mediacms appends a host from the environment
      // to ['*', 'mediacms.io', …], and Django still accepts any Host.
      const worlds = worldsWhere((w) => holdsWildcard(b[w]));
      if (worlds.length === 0) return overriddenWildcard(s, b);
      const where = `ALLOWED_HOSTS contains '*' in ${label(s)}${worldClause(ctx, worlds, [b])}`;
      // The project's own host check: a MIDDLEWARE entry (known in every world with '*') naming project code that raises DisallowedHost.
      const middlewareFrom = locationOf(s, 'MIDDLEWARE').file;
      const checks: HostCheckingMiddleware[] = [];
      const ownCheck = worlds.every(
        (w) =>
          listHasIn(s, 'MIDDLEWARE', w, { kind: 'list', items: [] }, (path) => {
            const m = hostCheckingMiddleware(ctx, path, middlewareFrom);
            if (m && !checks.some((c) => c.path === m.path)) checks.push(m);
            return !!m;
          }) === true,
      );
      if (ownCheck && checks.length > 0) {
        const m = checks[0];
        const at = `${m.raise.file}:${m.raise.line}`;
        return [{
          location: whereIn(b, worlds),
          level: 'note' as const,
          message: `${where}, so Django's own host check is off; the project's middleware \`${m.path}\` (in MIDDLEWARE) raises DisallowedHost for hosts it does not accept (${at}). A note, not an error: check that it covers every route — requests it lets through on any Host can still build links (password reset e-mails, absolute URLs) to an attacker's domain.`,
          fix: `Check that \`${m.path}\` rejects unknown hosts on every route before anything builds a URL from the Host header, or list the served domains in ALLOWED_HOSTS.`,
          related: [{ location: m.raise, message: `\`${m.path}\` raises DisallowedHost here` }],
        }];
      }
      return [{
        location: whereIn(b, worlds),
        message: `${where}: Django accepts any Host header, so links built from it (password reset e-mails, absolute URLs) can point at an attacker's domain.`,
      }];
    });
  },
} satisfies Rule;

/**
 * '*' written in the production settings, then code the scan cannot follow that may replace every setting (Open
 * edX's `vars().update(yaml)` of a config file outside the repository, an `exec()` of a local file): the value is
 * unknown, and the checklist item is "not checked" — but what the repository ships is '*', and only that code
 * can change it. A note that names both lines, never a pass and never an error the scan cannot stand behind.
 */
function overriddenWildcard(s: EvaluatedSettings, b: SettingBinding): RuleHit[] {
  const os = WORLDS.map((w) => b.overridden?.[w]);
  if (!os.every((o) => o && o.before.every(holdsWildcard))) return [];
  const o = os[0]!;
  const by = o.by[o.by.length - 1];
  if (!by) return [];
  return [{
    location: o.location,
    level: 'note',
    message: `ALLOWED_HOSTS contains '*' in ${label(s)} as the repository ships it (${o.location.file}:${o.location.line}); only \`${by.code}\` (${by.location.file}:${by.location.line}), code the scan cannot follow, can replace it — a note: if it does not, Django accepts any Host header, and links built from it (password reset e-mails, absolute URLs) can point at an attacker's domain.`,
    related: [{ location: by.location, message: 'this code may replace ALLOWED_HOSTS' }],
  }];
}

/** '*' among the hosts — also among items the scan cannot all read (a host appended from the environment). */
function holdsWildcard(v: Value | undefined): boolean {
  return !!strItems(v)?.includes('*') || listHas(v, (h) => h === '*') === true;
}
