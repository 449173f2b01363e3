import type { Rule, RuleHit } from './rule';
import type { Location } from '../finding';
import { productionPythonFiles } from '../project/files';
import { subclassesMiddleware } from '../project/middleware';
import { PyIndex } from '../project/modules';
import type { ScanContext, ScannedProject } from '../project/scan';
import type { SourceFile } from '../project/workspace';
import { forProduction, label, listHasIn, locationOf, middlewareHas, sessionless, worldClause, worldsWhere } from './settings-util';

const CSRF_MIDDLEWARE = 'django.middleware.csrf.CsrfViewMiddleware';
/** CSRF middleware of other packages that check every unsafe request as Django's does: django-session-csrf (Mozilla's Socorro, ReMo). */
const CSRF_ALTERNATIVES = new Set(['session_csrf.CsrfMiddleware']);
/** A class named like a CSRF middleware (`mtp_common.auth.csrf.CsrfViewMiddleware`): one outside the repository cannot be read. */
const CSRF_NAMED = /(?:^|\.)\w*Csrf\w*Middleware$/;

const SESSIONLESS =
  ' — a note: production runs neither SessionMiddleware nor AuthenticationMiddleware, so no request is logged in by a session cookie for another site to forge (an API authenticated by a header)';

/**
 * The project checks CSRF itself, view by view: it applies Django's `csrf_protect` (Review Board decorates its
 * form views and runs no CSRF middleware), or defines a check of its own (`def check_csrf(request)`, Helios
 * compares a session token on every POST). The views that do not call it are unchecked — which the scan cannot
 * tell view by view: a note that names the first place.
 */
function ownCsrfCheck(files: readonly SourceFile[]): Location | undefined {
  const re = /^[ \t]*(?:@(?:[\w.]+\.)?csrf_protect\b|(?:[\w.]+\s*=\s*)?method_decorator\(\s*csrf_protect\b|def\s+\w*(?:check|verify|validate|require)_?csrf\w*\s*\(|def\s+csrf_\w*(?:check|protect|verify|valid)\w*\s*\()/m;
  for (const f of files) {
    const m = re.exec(f.text);
    if (m) return { file: f.rel, line: f.text.slice(0, m.index).split('\n').length };
  }
  return undefined;
}

/**
 * A view of the project's own that takes a form by POST and is not exempt from CSRF: a class built on Django's
 * form views (`UpdateView`, `FormView`, a form wizard…), or a form bound to the POST data (`EmailForm(request.POST)`,
 * `form_class(data=request.POST)`), in a function or class neither `csrf_exempt` nor a Django REST framework view
 * (DRF exempts its views and checks CSRF itself under session authentication). A bare `request.POST` read is not
 * enough: helpers, middleware, rate limiters and protocol endpoints read it too (CarbuRe's entity middleware,
 * MapIt's rate limiter, SHARE's OAI-PMH endpoint). Read line by line: indentation gives the enclosing function and
 * class and their decorators. The admin's code (`admin.py`, `admin_*.py`, an `admin/` folder: its views run through
 * `admin_view`, which checks CSRF) is left out. None: nothing yet for a forged request to submit.
 */
function postFormView(files: readonly SourceFile[]): Location | undefined {
  const FORM_VIEW = /^\s*class\s+\w+\s*\([^)]*\b(?:FormView|CreateView|UpdateView|DeleteView|BaseFormView|ProcessFormView|\w*WizardView)\b/;
  const BOUND_FORM = /\b\w*[Ff]orm\w*\s*\(\s*(?:data\s*=\s*)?request\.POST\b/;
  const DRF = /\b(?:APIView|\w*ViewSet|GenericAPIView|\w+APIView|api_view)\b/;
  for (const f of files) {
    if (/(^|\/)admin(\/|[\w-]*\.py$)/.test(f.rel) || !/request\.POST\b|(?:FormView|CreateView|UpdateView|DeleteView|WizardView)\b/.test(f.text)) continue;
    const lines = f.text.split('\n');
    // open blocks: indent, header line, decorators just above it
    const stack: Array<{ indent: number; header: string; decorators: string }> = [];
    const exempt = () => stack.some((b) => /csrf_exempt/.test(b.decorators) || DRF.test(b.header) || DRF.test(b.decorators));
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      if (line.trim() === '' || line.trim().startsWith('#')) continue;
      const indent = line.length - line.trimStart().length;
      while (stack.length && stack[stack.length - 1]!.indent >= indent) stack.pop();
      if (/^\s*(?:async\s+)?(?:def|class)\s/.test(line)) {
        let decorators = '';
        for (let j = i - 1; j >= 0 && /^\s*@/.test(lines[j]!); j--) decorators += lines[j]!;
        stack.push({ indent, header: line, decorators });
        if (FORM_VIEW.test(line) && !exempt()) return { file: f.rel, line: i + 1 };
        continue;
      }
      if (stack.length > 0 && BOUND_FORM.test(line) && !exempt()) return { file: f.rel, line: i + 1 };
    }
  }
  return undefined;
}

/** launch.W129: CsrfViewMiddleware is not in MIDDLEWARE (security.W003). */
export default {
  meta: {
    id: 'launch.W129',
    name: 'csrf-middleware-missing',
    checklist: 'code-security',
    level: 'warning',
    title: 'django.middleware.csrf.CsrfViewMiddleware is not in MIDDLEWARE',
    fix: 'Add "django.middleware.csrf.CsrfViewMiddleware" to MIDDLEWARE (after SessionMiddleware), and exempt only the views that must take cross-site POSTs with @csrf_exempt.',
    securitySeverity: 6.5,
    precision: 'high',
    tags: ['security', 'external/cwe/cwe-352'],
    settings: ['MIDDLEWARE'],
    djangoCheck: 'security.W003',
  },
  check(ctx) {
    return forProduction(ctx, (s, project) => {
      const worlds = worldsWhere((w) => {
        const has = middlewareHas(s, w, CSRF_MIDDLEWARE);
        if (has !== false) return has === undefined ? undefined : false;
        const other = listHasIn(s, 'MIDDLEWARE', w, { kind: 'list', items: [] }, (m) => CSRF_ALTERNATIVES.has(m) || subclassesMiddleware(ctx, m, s.file, CSRF_MIDDLEWARE));
        if (other !== false) return other === undefined ? undefined : false;
        // a class named like a CSRF middleware that is not in the repository (one in it was judged by its bases): not decided
        const named = listHasIn(s, 'MIDDLEWARE', w, { kind: 'list', items: [] }, (m) => CSRF_NAMED.test(m) && !PyIndex.of(ctx).resolveDef(m, s.file));
        return named === false ? true : undefined;
      });
      if (worlds.length === 0) return [];
      const b = s.bindings.get('MIDDLEWARE');
      const missing = b ? `MIDDLEWARE in ${label(s)} lacks CsrfViewMiddleware` : `MIDDLEWARE is not set in ${label(s)}, so CsrfViewMiddleware is not installed`;
      const base = `${missing}${worldClause(ctx, worlds, [b])}: a POST to the project's own views is not checked for a CSRF token, so a page on any site can submit a logged-in user's forms with their session cookie (the admin, Django's auth views and DRF's session authentication still check it themselves)`;
      const location = locationOf(s, 'MIDDLEWARE');
      return [withEvidence(ctx, project, s.file, location, base, sessionless(s))];
    });
  },
} satisfies Rule;

/** The finding, a note when no request is cookie-authenticated, the project checks CSRF itself, or no view of its own takes a POST form. */
function withEvidence(ctx: ScanContext, project: ScannedProject, settingsFile: string, location: Location, base: string, noSessions: boolean): RuleHit {
  if (noSessions) return { location, level: 'note', message: `${base}${SESSIONLESS}.` };
  const files = productionPythonFiles(ctx, project).filter((f) => f.rel !== settingsFile);
  const own = ownCsrfCheck(files);
  if (own) {
    return {
      location,
      level: 'note',
      message: `${base} — a note: the project checks CSRF itself, view by view (${own.file}:${own.line}); a view that does not is unchecked, which the scan cannot tell view by view.`,
      related: [{ location: own, message: 'the project checks CSRF here itself' }],
    };
  }
  const form = postFormView(files);
  if (!form) {
    return {
      location,
      level: 'note',
      message: `${base} — a note: no view of the project's own takes a form by POST outside the admin, Django REST framework and views exempt from CSRF on purpose, so there is nothing yet for a forged request to submit; the first such view will be unchecked.`,
    };
  }
  return { location, message: `${base}. A view that takes a form: ${form.file}:${form.line}.`, related: [{ location: form, message: 'this view takes a POST form with no CSRF check' }] };
}
