import type { Rule, RuleHit } from './rule';
import { proxyHttps } from '../project/proxy';
import type { ScanContext } from '../project/scan';
import { WORLDS, dictGet, forProduction, label, locationOf, middlewareHas, sessionless, strOf, truthy, valueIn, worldClause, worldsWhere, type EvaluatedSettings, type Value, type World } from './settings-util';

const CLICKJACKING_MIDDLEWARE = 'django.middleware.clickjacking.XFrameOptionsMiddleware';

/**
 * launch.W107: XFrameOptionsMiddleware missing (security.W002), or X_FRAME_OPTIONS other than DENY (security.W019)
 * — unless the project's own production proxy config forbids framing by other sites (X-Frame-Options DENY or
 * SAMEORIGIN, or a CSP frame-ancestors; src/project/proxy.ts): then both causes are beside the point (the doc
 * page says why for W019). A proxy that does so only under an operator's choice turns the finding into a note.
 */
export default {
  meta: {
    id: 'launch.W107',
    name: 'x-frame-options',
    checklist: 'security-settings',
    level: 'warning',
    title: 'Pages can be framed by other sites (XFrameOptionsMiddleware missing or X_FRAME_OPTIONS not DENY)',
    fix: 'Keep "django.middleware.clickjacking.XFrameOptionsMiddleware" in MIDDLEWARE and leave X_FRAME_OPTIONS at its default "DENY", or send X-Frame-Options from the reverse proxy config in the repository.',
    securitySeverity: 4.3,
    precision: 'high',
    tags: ['security', 'external/cwe/cwe-1021'],
    settings: ['MIDDLEWARE', 'X_FRAME_OPTIONS'],
    djangoCheck: 'security.W002',
    djangoChecks: ['security.W019'],
  },
  check(ctx) {
    const decidedFor = ctx.projects.filter((p) => p.production && proxyHttps(ctx, p).frameOptions.some((x) => !x.when)).map((p) => p.root);
    const result = forProduction(ctx, (s, project) => {
      let hits = settingsHits(ctx, s).map((h) => (h.djangoCheck === 'security.W002' && sessionless(s) ? { ...h, level: 'note' as const, message: `${h.message.replace(/\.$/, '')}${SESSIONLESS}.` } : h));
      if (hits.length === 0) return [];
      // the app's own Content-Security-Policy: a frame-ancestors that keeps other sites out does what X-Frame-Options
      // would (browsers obey it over X-Frame-Options)
      const csp = WORLDS.map((w) => cspFrameAncestors(s, w));
      if (csp.every((c) => c.state === 'forbids')) return [];
      // …and one that lets every site frame the pages says so on purpose (Aides-territoires' widget, embedded on
      // other sites: CSP_FRAME_ANCESTORS = ("*",)): X-Frame-Options would change nothing, browsers obey frame-ancestors
      if (csp.every((c) => c.state === 'allows')) {
        return hits.map((h) => ({ ...h, level: 'note' as const, message: `${h.message.replace(/\.$/, '')} — but the app's Content-Security-Policy lets every site frame its pages on purpose (${csp[0].why}), and browsers obey frame-ancestors over X-Frame-Options: a note — make sure no page a logged-in user acts on needs to be framed by any site.` }));
      }
      if (csp.every((c) => c.state !== 'no')) {
        const why = csp.find((c) => c.state === 'maybe')!.why;
        hits = hits.map((h) => ({ ...h, level: 'note' as const, message: `${h.message.replace(/\.$/, '')} — unless the app's Content-Security-Policy forbids it: ${why}; a note, not a warning.` }));
      }
      const proxy = proxyHttps(ctx, project).frameOptions;
      if (proxy.some((p) => !p.when)) return [];
      const maybe = proxy[0];
      if (!maybe) return hits;
      return hits.map((h) => ({
        ...h,
        level: 'note' as const,
        message: `${h.message.replace(/\.$/, '')} — unless the project's proxy forbids framing: ${maybe.what} (${maybe.location.file}:${maybe.location.line}) does when ${maybe.when}, an operator's choice the scan cannot make: a note, not a warning.`,
        related: [{ location: maybe.location, message: `${maybe.what} forbids framing by other sites when ${maybe.when}` }],
      }));
    });
    return { ...result, ...(decidedFor.length ? { decidedFor } : {}) };
  },
} satisfies Rule;

/** What the app's own CSP says of framing by other sites (cspFrameAncestors). */
type FrameAncestors = { state: 'forbids' | 'allows' | 'maybe' | 'no'; why?: string };

/** Middleware that send the settings' Content-Security-Policy: Django's own (6.0) and django-csp's. */
const DJANGO_CSP_MIDDLEWARE = 'django.middleware.csp.ContentSecurityPolicyMiddleware';
const DJANGO_CSP_PACKAGE_MIDDLEWARE = 'csp.middleware.CSPMiddleware';

/**
 * Does the app's enforced Content-Security-Policy keep other sites from framing its pages in this world?
 * `forbids`: its middleware is installed and `frame-ancestors` lists only sources other than `*` and bare schemes
 * (`'none'`, `'self'`, named hosts) — Django 6.0's `SECURE_CSP` (`CSP.SELF`, `CSP.NONE`: ONS's dis-wagtail),
 * django-csp 4's `CONTENT_SECURITY_POLICY["DIRECTIVES"]`, or django-csp 3's `CSP_FRAME_ANCESTORS` (unless
 * `CSP_REPORT_ONLY`); `maybe`: it may, but the scan cannot tell (a value or the middleware undecided); `no`.
 */
function cspFrameAncestors(s: EvaluatedSettings, w: World): FrameAncestors {
  const django = middlewareHas(s, w, DJANGO_CSP_MIDDLEWARE);
  const pkg = middlewareHas(s, w, DJANGO_CSP_PACKAGE_MIDDLEWARE);
  const states: Array<FrameAncestors> = [];
  if (django !== false) {
    const policy = valueIn(s, 'SECURE_CSP', w, { kind: 'dict', entries: [] });
    states.push(judgeSources(policy?.kind === 'dict' ? dictGet(policy, 'frame-ancestors') ?? null : undefined, 'SECURE_CSP["frame-ancestors"]', django));
  }
  if (pkg !== false) {
    const v4 = valueIn(s, 'CONTENT_SECURITY_POLICY', w);
    const reportOnly = truthy(valueIn(s, 'CSP_REPORT_ONLY', w, { kind: 'bool', value: false }) ?? { kind: 'unknown' });
    if (s.bindings.has('CONTENT_SECURITY_POLICY')) {
      const directives = v4?.kind === 'dict' ? dictGet(v4, 'DIRECTIVES') : undefined;
      states.push(judgeSources(v4?.kind === 'dict' ? (directives?.kind === 'dict' ? dictGet(directives, 'frame-ancestors') ?? null : directives ? undefined : null) : undefined, 'CONTENT_SECURITY_POLICY["DIRECTIVES"]["frame-ancestors"]', pkg));
    } else if (reportOnly === true) states.push({ state: 'no' });
    else {
      const j = judgeSources(s.bindings.has('CSP_FRAME_ANCESTORS') ? valueIn(s, 'CSP_FRAME_ANCESTORS', w) : null, 'CSP_FRAME_ANCESTORS', pkg);
      states.push(reportOnly === undefined && j.state === 'forbids' ? { state: 'maybe', why: 'CSP_REPORT_ONLY cannot be known statically' } : reportOnly === undefined && j.state === 'allows' ? { state: 'no' } : j);
    }
  }
  return states.find((x) => x.state === 'forbids') ?? states.find((x) => x.state === 'maybe') ?? states.find((x) => x.state === 'allows') ?? { state: 'no' };
}

/** A frame-ancestors source list (null: not set; undefined: not knowable), under a middleware known installed or not. */
function judgeSources(v: Value | null | undefined, name: string, installed: boolean | undefined): FrameAncestors {
  if (v === null) return { state: 'no' };
  const items = v === undefined ? undefined : v.kind === 'str' ? [v] : v.kind === 'list' ? v.items : undefined;
  const open = (x: string) => x.trim() === '*' || /^[a-z][a-z0-9+.-]*:$/i.test(x.trim());
  const known = items?.map((i) => strOf(i));
  // `*` enforced by an installed middleware: every site may frame the pages, on purpose
  if (installed === true && known?.some((x) => x !== undefined && x.trim() === '*')) return { state: 'allows', why: `${name} is ${known.map((x) => x ?? '…').join(' ')}` };
  if (known?.some((x) => x !== undefined && open(x)) || (known && known.length === 0)) return { state: 'no' };
  if (!known || known.some((x) => x === undefined)) return { state: 'maybe', why: `${name} cannot be known statically` };
  if (installed !== true) return { state: 'maybe', why: `${name} is ${known.join(' ')}, but whether its middleware is installed cannot be known statically` };
  return { state: 'forbids' };
}

const SESSIONLESS =
  ' — a note: production runs neither SessionMiddleware nor AuthenticationMiddleware, so no page is logged in by a session cookie for a framing site to make a user click through (an API authenticated by a header, like Saleor)';

/** What Django's own settings say: the middleware is missing (W002), else X_FRAME_OPTIONS is not DENY (W019). */
function settingsHits(ctx: ScanContext, s: EvaluatedSettings): RuleHit[] {
  const missing = worldsWhere((w) => {
    const has = middlewareHas(s, w, CLICKJACKING_MIDDLEWARE);
    return has === undefined ? undefined : !has;
  });
  if (missing.length) {
    const b = s.bindings.get('MIDDLEWARE');
    return [{
      location: locationOf(s, 'MIDDLEWARE'),
      message: `${b ? `MIDDLEWARE in ${label(s)} lacks` : `MIDDLEWARE is not set in ${label(s)}, so it lacks`} XFrameOptionsMiddleware${worldClause(ctx, missing, [b])}: responses carry no X-Frame-Options header, so any site can frame the pages (clickjacking).`,
      djangoCheck: 'security.W002',
      fix: 'Add "django.middleware.clickjacking.XFrameOptionsMiddleware" to MIDDLEWARE, or send X-Frame-Options from the reverse proxy config in the repository.',
    }];
  }
  const xb = s.bindings.get('X_FRAME_OPTIONS');
  const notDeny = worldsWhere((w) => {
    if (middlewareHas(s, w, CLICKJACKING_MIDDLEWARE) !== true || !xb) return undefined;
    const v = strOf(xb[w]);
    return v === undefined ? undefined : v.toUpperCase() !== 'DENY';
  });
  if (!notDeny.length || !xb) return [];
  // SAMEORIGIN is not a clickjacking hole — other sites still cannot frame the pages — and sites that frame their
  // own pages (paperless-ngx's document previews) need it: a note, as the doc page says; anything else a warning.
  const sameOrigin = notDeny.every((w) => strOf(xb[w])?.toUpperCase() === 'SAMEORIGIN');
  return [{
    location: xb.location,
    ...(sameOrigin ? { level: 'note' as const } : {}),
    message: sameOrigin
      ? `X_FRAME_OPTIONS is 'SAMEORIGIN' in ${label(s)}${worldClause(ctx, notDeny, [xb])}: other sites cannot frame the pages, but any page of the same origin can (it matters if users can upload HTML there); 'DENY' is stricter unless the site frames its own pages.`
      : `X_FRAME_OPTIONS is not 'DENY' in ${label(s)}${worldClause(ctx, notDeny, [xb])}: pages can be framed; use 'DENY' unless the site frames its own pages.`,
    djangoCheck: 'security.W019',
    fix: 'Set X_FRAME_OPTIONS = "DENY" (or remove the setting: DENY is the default since Django 3.0), unless the site frames its own pages.',
  }];
}
