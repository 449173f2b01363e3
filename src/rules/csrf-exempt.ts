import type { Location } from '../finding';
import { callParts, stringValue, walk, type SyntaxNode } from '../project/python';
import type { ScanContext } from '../project/scan';
import type { SourceFile } from '../project/workspace';
import {
  PyIndex,
  asViewClass,
  classAncestry,
  baseNodes,
  classAttr,
  decoratorTexts,
  defKey,
  findViews,
  inFileBatch,
  isUrlsFile,
  loc,
  methodsOf,
  productionPythonFiles,
  projectOf,
  routeCalls,
  unnamedView,
  unwrapView,
  walkBody,
  type ViewClass,
} from '../project/model';
import { ReadOnly } from '../project/effects';
import { FunctionFlow, SINKS, isRequestData } from '../project/request-data';
import type { Rule, RuleHit } from './rule';
import { WORLDS, label, sessionSameSite, strOf, valueIn } from './settings-util';

const CSRF_EXEMPT = /^django\.views\.decorators\.csrf\.csrf_exempt$/;
/** The HTTP method handlers of a class-based view (View.http_method_names). */
const HANDLER = /^(get|post|put|patch|delete|head|options|trace)$/;
const METHOD_DECORATOR = /^django\.utils\.decorators\.method_decorator$/;

/** Decorators and mixins that rely on the logged-in user (the session cookie). */
const SESSION_DECORATOR = /(^|\.)(login_required|permission_required|user_passes_test|staff_member_required|superuser_required|admin_required)$/;
const SESSION_MIXIN = /(^|\.)(LoginRequiredMixin|PermissionRequiredMixin|UserPassesTestMixin|AccessMixin|StaffuserRequiredMixin|SuperuserRequiredMixin)$/;
/** Calls that change or read the session: logging in and out, password changes. */
const SESSION_CALL = /^django\.contrib\.auth\.(login|logout|update_session_auth_hash|get_user)$|(^|\.)(auth_login|auth_logout|django_login|django_logout)$/;

/** Signature checks of webhook senders (Stripe, GitHub, Slack, Twilio, Svix, Shopify…) and constant-time compares. */
const SIGNATURE_CALL =
  /(^|\.)(compare_digest|constant_time_compare|construct_event|verify_header|verify_signature|validate_signature|check_signature|verify_webhook|verify_request|is_valid_signature|validate_webhook|verify_hmac|verify)$|^hmac\.(new|digest)$|(^|\.)(verify|validate|check)_\w*signature\w*$|(^|\.)\w*signature\w*_(valid|ok|verified|matches)$/i;

/**
 * Secrets the request carries and the view verifies: a session key it loads (`SessionStore(key)`, any session
 * engine's), a value signed with SECRET_KEY (`signing.loads()`, `Signer(…).unsign()`/`unsign_object()`).
 */
const SECRET_LOAD = /(^|\.)SessionStore$|^django\.core\.signing\.loads$|(^|\.)signing\.loads$/;
const SECRET_METHOD = /^(unsign|unsign_object)$/;
/** Where those take the secret when it is passed by keyword. */
const SECRET_KEYWORD = /^(session_key|s|signed_value|signed_obj|value)$/;

/** Protocol endpoints that receive cross-site POSTs by design (SAML POST binding, OAuth/OIDC callbacks, social-auth). */
/**
 * Sign-in protocol endpoints: SAML (ACS, SSO, SLO), OAuth/OIDC callbacks, python-social-auth's `complete`, LTI 1.3
 * launches (an OIDC id_token the LMS posts). By the view's name (`saml_acs`, `oauth_callback`, exactly `complete`
 * — not `complete_version_api`), or by its file's path (`sso/views.py`, a project's own copy of social-auth's views
 * in `psa.py` — tethys —, mediacms' `lti/views.py`), parts delimited by `_`, `/`, `.` or the ends.
 */
const PROTOCOL_NAME = /saml|(^|_)(sso|acs|slo|lti)(_|$)|assertion_consumer|oidc|oauth|openid|social|^complete$|callback|logout_response/i;
const PROTOCOL_PATH = /saml|(^|[_/.])(sso|acs|slo|lti|psa)([_/.]|$)|assertion_consumer|oidc|oauth|openid|social|callback/i;

/** django-oauth-toolkit's views for OAuth clients, csrf_exempt in the library: token, revocation, introspection. */
const OAUTH_TOKEN_ENDPOINT = /^oauth2_provider\.views(\.base|\.introspect)?\.(TokenView|RevokeTokenView|IntrospectTokenView)$/;

/** django-oauth-toolkit's authorization (approval) view: CSRF-protected in the library. */
const OAUTH_APPROVAL = /^oauth2_provider\.views(\.base)?\.AuthorizationView$/;

/** Reads of a non-cookie credential: the Authorization header, an API key header. */
const AUTH_HEADER = /HTTP_AUTHORIZATION|["']authorization["']|HTTP_X_API_KEY|["']x-api-key["']|get_authorization_header/i;

interface Exempt {
  file: SourceFile;
  /** Where csrf_exempt is applied. */
  at: Location;
  label: string;
  /** The function bodies that answer the request (the view, or every method of a class-based view). */
  bodies: Array<{ file: SourceFile; fn: SyntaxNode; cls?: SyntaxNode }>;
  cls?: ViewClass;
  decorators: string[];
  how: string;
}

/** launch.W120: @csrf_exempt on a view that uses the logged-in session. */
export default {
  // an exemption is reported where csrf_exempt is applied: a decorator's file, or a URLconf's
  reads: 'views',
  batchWeight: (f) => (f.text.includes('csrf_exempt') || isUrlsFile(f.rel) ? f.text.length : 0),
  meta: {
    id: 'launch.W120',
    name: 'csrf-exempt',
    checklist: 'code-security',
    level: 'warning',
    title: 'CSRF protection is switched off (csrf_exempt) on a view that acts for the logged-in user',
    fix: 'Remove csrf_exempt and send the CSRF token (the csrftoken cookie as the X-CSRFToken header for fetch/XHR); an endpoint for other servers (a webhook) should authenticate the sender — verify its signature with hmac.compare_digest — and never rely on the session.',
    securitySeverity: 8.8,
    precision: 'high',
    tags: ['security', 'external/cwe/cwe-352'],
  },
  check(ctx) {
    const idx = PyIndex.of(ctx);
    const views = findViews(ctx);
    const found = exemptions(ctx, idx, views.classes);
    if (found.length === 0) return { hits: [], notApplicable: 'no view is csrf_exempt' };
    const hits: RuleHit[] = [];
    const seen = new Set<string>();
    for (const e of found) {
      const key = `${e.at.file}:${e.at.line}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const hit = judge(ctx, idx, e);
      if (hit) hits.push(hit);
    }
    return { hits };
  },
} satisfies Rule;

function qualifiedDecorators(idx: PyIndex, file: SourceFile, def: SyntaxNode): Array<{ q: string; node: SyntaxNode }> {
  const parent = def.parent;
  if (parent?.type !== 'decorated_definition') return [];
  const out: Array<{ q: string; node: SyntaxNode }> = [];
  for (const d of parent.namedChildren) {
    if (d.type !== 'decorator') continue;
    const expr = d.namedChildren[0];
    if (!expr) continue;
    if (expr.type === 'call') {
      const q = idx.qualify(file, expr.childForFieldName('function'));
      if (q && METHOD_DECORATOR.test(q)) {
        // @method_decorator(csrf_exempt, name="dispatch") / @method_decorator([csrf_exempt, …])
        const { args } = callParts(expr);
        const first = args[0];
        const inner = first?.type === 'list' || first?.type === 'tuple' ? first.namedChildren : first ? [first] : [];
        for (const i of inner) {
          const iq = idx.qualify(file, i.type === 'call' ? i.childForFieldName('function') : i);
          if (iq) out.push({ q: iq, node: d });
        }
        continue;
      }
      if (q) out.push({ q, node: d });
    } else {
      const q = idx.qualify(file, expr);
      if (q) out.push({ q, node: d });
    }
  }
  return out;
}

/** Every place csrf_exempt is applied to a view: decorators on functions, methods and classes, and urls.py wrappers. */
function exemptions(ctx: ScanContext, idx: PyIndex, viewClasses: ViewClass[]): Exempt[] {
  const out: Exempt[] = [];
  const classByKey = new Map(viewClasses.map((c) => [c.key, c]));
  // a mixin that exempts dispatch() is judged in the view classes that use it
  const viewsOf = (file: SourceFile, cls: SyntaxNode): ViewClass[] => {
    const own = classByKey.get(defKey(file, cls));
    if (own) return [own];
    return viewClasses.filter((v) => inherits(idx, v.file, v.node, cls));
  };
  for (const file of productionPythonFiles(ctx)) {
    if (!inFileBatch(ctx, file.rel) || !file.text.includes('csrf_exempt')) continue;
    walk(ctx.workspace.tree(file).rootNode, (n) => {
      if (n.type !== 'function_definition' && n.type !== 'class_definition') return true;
      const decos = qualifiedDecorators(idx, file, n);
      const ex = decos.find((d) => CSRF_EXEMPT.test(d.q));
      if (!ex) return true;
      const names = decos.map((d) => d.q);
      if (n.type === 'class_definition') {
        for (const c of viewsOf(file, n)) out.push({ file, at: loc(file, ex.node), label: c.name, bodies: methodsOf(c.node).map((m) => ({ file: c.file, fn: m, cls: c.node })), cls: c, decorators: names, how: `method_decorator(csrf_exempt) on ${c.node.id === n.id ? 'the class' : `its base \`${n.childForFieldName('name')?.text ?? '?'}\``}` });
        return true;
      }
      const cls = n.parent?.parent?.type === 'block' ? n.parent.parent.parent : n.parent?.type === 'block' ? n.parent.parent : null;
      if (cls?.type === 'class_definition') {
        const name = n.childForFieldName('name')?.text ?? '?';
        const clsName = cls.childForFieldName('name')?.text ?? '?';
        // csrf_exempt on dispatch() exempts the whole view; on another method it does nothing (as_view copies dispatch's attributes only)
        if (name !== 'dispatch') return true;
        for (const c of viewsOf(file, cls)) {
          out.push({ file, at: loc(file, ex.node), label: c.name, bodies: [...methodsOf(c.node), ...(c.node.id === cls.id ? [] : methodsOf(cls))].map((m) => ({ file: c.file, fn: m, cls: c.node })), cls: c, decorators: [...names, ...classDecorators(idx, c.file, c.node)], how: c.node.id === cls.id ? 'csrf_exempt on dispatch()' : `csrf_exempt on its base's \`${clsName}.dispatch()\`` });
        }
        return true;
      }
      // a function that looked like a view and that nothing names (no route, import or call): dead code
      if (unnamedView(ctx, defKey(file, n))) return true;
      out.push({ file, at: loc(file, ex.node), label: n.childForFieldName('name')?.text ?? '?', bodies: [{ file, fn: n }], decorators: names, how: '@csrf_exempt' });
      return true;
    });
  }
  // urls.py: path("x/", csrf_exempt(views.x)), path("y/", csrf_exempt(YView.as_view()))
  for (const r of routeCalls(ctx, 'in-batch')) {
    let v: SyntaxNode | undefined = r.view;
    let wrapped = false;
    for (let i = 0; i < 6 && v?.type === 'call'; i++) {
      const fn = v.childForFieldName('function');
      if (fn?.type === 'attribute' && fn.childForFieldName('attribute')?.text === 'as_view') break;
      const q = idx.qualify(r.file, fn);
      if (q && CSRF_EXEMPT.test(q)) wrapped = true;
      v = callParts(v).args[0];
    }
    if (!wrapped || !v) continue;
    const target = unwrapView(r.view);
    const asView = asViewClass(target);
    // GetView().as_view() (an instance) names the class too
    const clsExpr = asView?.type === 'call' ? asView.childForFieldName('function') ?? asView : asView;
    const q = idx.qualify(r.file, clsExpr ?? target) ?? (target.type === 'string' ? stringValue(target) : undefined);
    const d = q ? idx.resolveDef(q, r.file.rel) : undefined;
    const at = loc(r.file, r.view);
    if (!d) {
      out.push({ file: r.file, at, label: (clsExpr ?? target).text, bodies: [], decorators: [], how: 'csrf_exempt() in urls.py' });
      continue;
    }
    if (d.node.type === 'class_definition') {
      out.push({ file: r.file, at, label: d.name, bodies: methodsOf(d.node).map((m) => ({ file: d.file, fn: m, cls: d.node })), cls: classByKey.get(defKey(d.file, d.node)), decorators: classDecorators(idx, d.file, d.node), how: 'csrf_exempt() in urls.py' });
    } else {
      out.push({ file: r.file, at, label: d.name, bodies: [{ file: d.file, fn: d.node }], decorators: qualifiedDecorators(idx, d.file, d.node).map((x) => x.q), how: 'csrf_exempt() in urls.py' });
    }
  }
  return out;
}

/** Does `cls` have `base` among its (project) base classes, a few levels up? */
function inherits(idx: PyIndex, file: SourceFile, cls: SyntaxNode, base: SyntaxNode, depth = 0): boolean {
  if (depth > 3) return false;
  for (const b of baseNodes(cls)) {
    const q = idx.qualify(file, b);
    const d = q ? idx.resolveDef(q, file.rel) : undefined;
    if (!d || d.node.type !== 'class_definition' || d.node.id === cls.id) continue;
    if (d.node.id === base.id || inherits(idx, d.file, d.node, base, depth + 1)) return true;
  }
  return false;
}

function classDecorators(idx: PyIndex, file: SourceFile, cls: SyntaxNode): string[] {
  return qualifiedDecorators(idx, file, cls).map((d) => d.q);
}

/** Does the class (or a project base of it) come from DRF? DRF's APIView is CSRF-exempt and enforces CSRF itself for session auth. */
function isDrf(idx: PyIndex, file: SourceFile, cls: SyntaxNode, depth = 0): boolean {
  for (const b of baseNodes(cls)) {
    const q = idx.qualify(file, b) ?? '';
    if (/^(rest_framework|rest_framework_simplejwt|knox|dj_rest_auth|rest_auth|adrf)\./.test(q)) return true;
    if (depth < 3) {
      const d = idx.resolveDef(q, file.rel);
      if (d && d.node.type === 'class_definition' && d.node.id !== cls.id && isDrf(idx, d.file, d.node, depth + 1)) return true;
    }
  }
  return false;
}

function classMixins(idx: PyIndex, file: SourceFile, cls: SyntaxNode, depth = 0): string[] {
  const out: string[] = [];
  for (const b of baseNodes(cls)) {
    const q = idx.qualify(file, b) ?? b.text;
    out.push(q);
    if (depth < 3) {
      const d = idx.resolveDef(q, file.rel);
      if (d && d.node.type === 'class_definition' && d.node.id !== cls.id) out.push(...classMixins(idx, d.file, d.node, depth + 1));
    }
  }
  return out;
}

/** A test of `request.method` against safe methods: `== "GET"` or `in ("GET", "HEAD")` (`eq`), `!=`/`not in` (`ne`). */
const methodTest = (eq: string, inList: string): RegExp => {
  const safe = `["'](GET|HEAD|OPTIONS)["']`;
  return new RegExp(`^(self\\.)?request\\.method\\s*(${eq}\\s*["'](GET|HEAD)["']|${inList}\\s*[[({]\\s*${safe}(\\s*,\\s*${safe})*\\s*,?\\s*[\\])}])$`);
};
/** `request.method == "GET"`, `request.method in ("GET", "HEAD")`: the request is a safe method. */
const IS_SAFE_METHOD = methodTest('==', 'in');
/** `request.method != "GET"`, `request.method not in ("GET", "HEAD")`: it is not. */
const NOT_SAFE_METHOD = methodTest('!=', 'not\\s+in');

/** Statements that only answer — `return …`/`raise …` not handing the request on — with nothing else done. */
function onlyAnswers(statements: readonly SyntaxNode[]): boolean {
  return statements.length > 0 && statements.every((st) => (st.type === 'return_statement' || st.type === 'raise_statement') && !/\brequest\b/.test(st.text));
}

/**
 * A function view that answers safe methods only, by its own test: `if request.method == "GET": … return …`
 * followed only by an error answer (Sefaria's user_collections_api), or `if request.method != "GET": return …`
 * first. Imports and a docstring may come before; a fallback that hands the request on (`return
 * handle(request)`) or does anything else keeps it unsafe.
 */
function safeMethodsByTest(fn: SyntaxNode): boolean {
  const body = (fn.childForFieldName('body')?.namedChildren ?? []).filter((st) => st.type !== 'comment' && !(st.type === 'expression_statement' && st.namedChildren[0]?.type === 'string'));
  const block = (n: SyntaxNode | null | undefined): SyntaxNode[] => (n?.namedChildren ?? []).filter((st) => st.type !== 'comment');
  for (const [i, st] of body.entries()) {
    if (st.type === 'import_statement' || st.type === 'import_from_statement') continue;
    if (st.type !== 'if_statement') return false;
    const cond = (st.childForFieldName('condition')?.text ?? '').replace(/\s+/g, ' ').trim();
    const alternatives = st.namedChildren.filter((c) => c.type === 'elif_clause' || c.type === 'else_clause');
    if (NOT_SAFE_METHOD.test(cond)) return alternatives.length === 0 && onlyAnswers(block(st.childForFieldName('consequence')));
    if (!IS_SAFE_METHOD.test(cond)) return false;
    const rest = [...alternatives.flatMap((a) => (a.type === 'else_clause' ? block(a.childForFieldName('body')) : [a])), ...body.slice(i + 1)];
    return onlyAnswers(rest);
  }
  return false;
}

const METHOD_EQ = /^(?:self\.)?request\.method\s*==\s*["']([A-Z]+)["']$/;

/**
 * The methods a function view answers when its body is one `return` of a chain of conditional expressions that
 * dispatch on the method — `A(request) if request.method == "GET" else (B(request) if request.method == "PUT" else
 * JsonResponse({}, status=405))` (Data Workspace's API views). A condition that does not test the method may stand
 * where one of its two branches only answers (an error that does not hand the request on); the last `else` must
 * only answer. undefined for any other shape, or a branch that may answer any method.
 */
function methodsByDispatch(fn: SyntaxNode, prelude = false): Set<string> | undefined {
  let body = (fn.childForFieldName('body')?.namedChildren ?? []).filter(
    (st) => st.type !== 'comment' && st.type !== 'import_statement' && st.type !== 'import_from_statement' && !(st.type === 'expression_statement' && st.namedChildren[0]?.type === 'string'),
  );
  // `prelude`: assignments may come first, and a try of assignments whose handlers only answer (Data Workspace's
  // permission check before the dispatch) — they run for every method, so only where the outcome is a note
  if (prelude) {
    const assigns = (st: SyntaxNode): boolean => st.type === 'expression_statement' && st.namedChildren[0]?.type === 'assignment';
    while (body.length > 1 && (assigns(body[0]) || (body[0].type === 'try_statement' && (body[0].childForFieldName('body')?.namedChildren ?? []).every(assigns) &&
      body[0].namedChildren.filter((c) => c.type === 'except_clause').every((c) => onlyAnswers((c.namedChildren.at(-1)?.namedChildren ?? []).filter((x) => x.type !== 'comment')))))) body = body.slice(1);
  }
  if (body.length !== 1 || body[0].type !== 'return_statement') return undefined;
  const methods = new Set<string>();
  const answers = (n: SyntaxNode): boolean => n.type !== 'conditional_expression' && !/\brequest\b/.test(n.text);
  const unwrap = (n: SyntaxNode | undefined): SyntaxNode | undefined => (n?.type === 'parenthesized_expression' ? unwrap(n.namedChildren[0]) : n);
  const visit = (node: SyntaxNode | undefined): boolean => {
    const n = unwrap(node);
    if (!n) return false;
    if (n.type !== 'conditional_expression') return answers(n);
    const [then, cond, other] = n.namedChildren;
    if (!then || !cond || !other) return false;
    const m = METHOD_EQ.exec(cond.text.replace(/\s+/g, ' ').trim());
    if (m) {
      methods.add(m[1]);
      return visit(other);
    }
    if (/\brequest\.method\b/.test(cond.text)) return false;
    // `error if not allowed else (…)`: one side only answers, the other goes on dispatching
    const a = unwrap(then);
    const b = unwrap(other);
    if (a && answers(a)) return visit(b);
    if (b && answers(b)) return visit(a);
    return false;
  };
  return visit(body[0].namedChildren[0]) && methods.size ? methods : undefined;
}

/** Methods a cross-site page can send without a CORS preflight besides POST: none that change data. */
const SAFE_METHOD = /^(GET|HEAD|OPTIONS)$/;
/** Methods a form cannot send and fetch() sends to another origin only after a CORS preflight. */
const PREFLIGHTED_METHOD = /^(PUT|PATCH|DELETE)$/;

/**
 * The methods that change data a function view answers, when all of them are ones another site can send only after
 * a CORS preflight (methodsByDispatch): PUT, PATCH, DELETE — no POST. undefined otherwise.
 */
function preflightedOnly(idx: PyIndex, e: Exempt): string[] | undefined {
  if (e.bodies.length && e.bodies.every((b) => b.cls)) return preflightedClass(idx, e.bodies[0].file, e.bodies[0].cls!);
  if (e.bodies.length !== 1 || e.bodies[0].cls) return undefined;
  const methods = gatedMethods(idx, e.bodies[0].file, e.bodies[0].fn) ?? methodsByDispatch(e.bodies[0].fn, true);
  if (!methods || ![...methods].every((m) => SAFE_METHOD.test(m) || PREFLIGHTED_METHOD.test(m))) return undefined;
  const unsafe = [...methods].filter((m) => PREFLIGHTED_METHOD.test(m));
  return unsafe.length ? unsafe : undefined;
}

/**
 * The methods a function view's decorator lets through to its body, whatever the body does: Django's
 * `@require_http_methods([...])` given a literal list (Portail RSE's `suppression_enjeu`, DELETE only),
 * `@require_POST`, `@require_GET`, `@require_safe`, or the project's own copy of require_http_methods. undefined
 * when no such decorator bounds them.
 */
function gatedMethods(idx: PyIndex, file: SourceFile, fn: SyntaxNode): Set<string> | undefined {
  for (const { q, node } of qualifiedDecorators(idx, file, fn)) {
    const short = /^django\.views\.decorators\.http\.(require_http_methods|require_POST|require_GET|require_safe)$/.exec(q)?.[1];
    if (short === 'require_POST') return new Set(['POST']);
    if (short === 'require_GET') return new Set(['GET']);
    if (short === 'require_safe') return new Set(['GET', 'HEAD']);
    if (short !== 'require_http_methods') continue;
    const call = node.namedChildren[0];
    const list = call?.type === 'call' ? callParts(call).args[0] : undefined;
    if ((list?.type !== 'list' && list?.type !== 'tuple') || !list.namedChildren.length) continue;
    const methods = list.namedChildren.map((x) => /^["']([A-Za-z]+)["']$/.exec(x.text)?.[1].toUpperCase());
    if (methods.every((m): m is string => !!m)) return new Set(methods);
  }
  const own = projectMethodGate(idx, file, fn);
  return own ? new Set(own) : undefined;
}

/**
 * The same for a class-based view on Django's plain View (through the project's own classes only): its handlers,
 * its own and inherited, are safe ones and PUT/PATCH/DELETE — no post(), no dispatch() that does more than hand
 * on, no http_method_names naming POST (Promgen's ProxyDeleteSilence, a delete() alone). A library base other
 * than View may answer POST itself (DeleteView's post() deletes), so any other base makes it undefined.
 */
function preflightedClass(idx: PyIndex, file: SourceFile, cls: SyntaxNode): string[] | undefined {
  const methods: SyntaxNode[] = [];
  const collect = (f: SourceFile, c: SyntaxNode, depth: number): boolean => {
    if (depth > 5) return false;
    methods.push(...methodsOf(c));
    const allowed = classAttr(c, 'http_method_names');
    if (allowed && allowed.namedChildren.some((x) => !/^["'](get|head|options|put|patch|delete)["']$/.test(x.text))) return false;
    const bases = baseNodes(c);
    if (bases.length === 0) return false;
    return bases.every((b) => {
      const q = idx.qualify(f, b);
      if (q && PLAIN_VIEW.test(q)) return true;
      const d = q ? idx.resolveDef(q, f.rel) : undefined;
      return d?.node.type === 'class_definition' && collect(d.file, d.node, depth + 1);
    });
  };
  if (!collect(file, cls, 0)) return undefined;
  const names = methods.map((m) => m.childForFieldName('name')?.text ?? '');
  if (names.some((n) => n === 'post' || n === 'handle') || methods.some((m) => m.childForFieldName('name')?.text === 'dispatch' && !passesOn(m))) return undefined;
  const unsafe = [...new Set(names.filter((n) => /^(put|patch|delete)$/.test(n)).map((n) => n.toUpperCase()))];
  return unsafe.length ? unsafe : undefined;
}

/** Only safe methods answered: @require_GET / require_safe, require_http_methods(["GET"]), a class with only get/head/options. */
function safeMethodsOnly(idx: PyIndex, e: Exempt): boolean {
  if (e.bodies.length === 1 && !e.bodies[0].cls && safeMethodsByTest(e.bodies[0].fn)) return true;
  if (e.bodies.length === 1 && !e.bodies[0].cls && [...(methodsByDispatch(e.bodies[0].fn) ?? ['POST'])].every((m) => SAFE_METHOD.test(m))) return true;
  for (const b of e.bodies) {
    for (const t of decoratorTexts(b.fn)) {
      if (/require_(GET|safe)\b/.test(t)) return true;
      const m = /require_http_methods\(\s*\[([^\]]*)\]/.exec(t);
      if (m && m[1].split(',').every((x) => /^\s*["'](GET|HEAD|OPTIONS)["']\s*$/.test(x))) return true;
    }
    if (!b.cls && projectMethodGate(idx, b.file, b.fn)?.every((x) => SAFE_METHOD.test(x))) return true;
  }
  if (e.bodies.length && e.bodies.every((b) => b.cls)) {
    const methods = e.bodies.map((b) => b.fn.childForFieldName('name')?.text ?? '');
    const handlers = methods.filter((m) => HANDLER.test(m));
    const dispatch = e.bodies.some((b) => /^(dispatch|handle)$/.test(b.fn.childForFieldName('name')?.text ?? '') && !passesOn(b.fn));
    // post() doing what get() does — both return the same self.method(...) (JumpServer's PDF export): a
    // cross-site POST can do nothing a cross-site GET, never CSRF-checked, cannot.
    const shared = delegateOf(e.bodies.find((b) => b.fn.childForFieldName('name')?.text === 'get')?.fn);
    const unsafe = e.bodies.filter((b) => /^(post|put|patch|delete)$/.test(b.fn.childForFieldName('name')?.text ?? ''));
    if (!dispatch && shared && unsafe.length && unsafe.every((b) => delegateOf(b.fn) === shared)) return true;
    const inherited = inheritedMethods(idx, e.bodies[0].file, e.bodies[0].cls!);
    if (handlers.length && !dispatch && handlers.every((m) => /^(get|head|options)$/.test(m)) && inherited && !inherited.some(answersUnsafe)) {
      const cls = e.bodies[0].cls!;
      const allowed = classAttr(cls, 'http_method_names');
      if (!allowed || allowed.namedChildren.every((x) => /^["'](get|head|options)["']$/.test(x.text))) return true;
    }
  }
  return false;
}

/**
 * The methods a project's own decorator factory lets through to the view, when it is require_http_methods written
 * again — the wrapper's first statement `if request.method in methods: return fn(…)` (else an answer that does
 * not call the view), or `if request.method not in methods: return …` — and the decorator is applied with a
 * literal list of method names (gPodder's `@allowed_methods(["GET"])`). undefined for anything else.
 */
function projectMethodGate(idx: PyIndex, file: SourceFile, def: SyntaxNode): string[] | undefined {
  for (const { q, node } of qualifiedDecorators(idx, file, def)) {
    const call = node.namedChildren[0];
    if (call?.type !== 'call') continue;
    const list = callParts(call).args[0];
    if ((list?.type !== 'list' && list?.type !== 'tuple') || !list.namedChildren.length) continue;
    const methods = list.namedChildren.map((x) => /^["']([A-Za-z]+)["']$/.exec(x.text)?.[1].toUpperCase());
    if (methods.some((m) => !m)) continue;
    const factory = idx.resolveDef(q, file.rel);
    if (factory?.node.type !== 'function_definition') continue;
    const param = factory.node.childForFieldName('parameters')?.namedChildren[0];
    if (param?.type !== 'identifier') continue;
    const decorator = innerDefs(factory.node)[0];
    const viewParam = decorator?.childForFieldName('parameters')?.namedChildren[0];
    const wrapper = decorator && innerDefs(decorator)[0];
    if (viewParam?.type !== 'identifier' || !wrapper) continue;
    const first = wrapper.childForFieldName('body')?.namedChildren.find((st) => st.type !== 'comment' && !(st.type === 'expression_statement' && st.namedChildren[0]?.type === 'string'));
    if (first?.type === 'if_statement' && gatesOn(first, param.text, viewParam.text)) return methods as string[];
  }
  return undefined;
}

/** The function definitions directly in a function's body (decorated or not). */
function innerDefs(fn: SyntaxNode): SyntaxNode[] {
  return (fn.childForFieldName('body')?.namedChildren ?? [])
    .map((c) => (c.type === 'decorated_definition' ? c.childForFieldName('definition') : c))
    .filter((c): c is SyntaxNode => c?.type === 'function_definition');
}

/** `if request.method in P: return view(…)` + `else: return <not view>`, or `if request.method not in P: return <not view>`. */
function gatesOn(test: SyntaxNode, param: string, view: string): boolean {
  const cond = test.childForFieldName('condition')?.text.replace(/\s+/g, ' ') ?? '';
  const body = test.childForFieldName('consequence')?.namedChildren.filter((st) => st.type !== 'comment') ?? [];
  const onlyReturn = (sts: SyntaxNode[], callsView: boolean): boolean =>
    sts.length === 1 && sts[0].type === 'return_statement' && new RegExp(`^return ${view}\\(`).test(sts[0].text) === callsView && (callsView || !new RegExp(`\\b${view}\\b`).test(sts[0].text));
  const alternatives = test.namedChildren.filter((c) => c.type === 'else_clause' || c.type === 'elif_clause');
  if (cond === `request.method in ${param}`) {
    const other = alternatives.length === 1 && alternatives[0].type === 'else_clause' ? alternatives[0].childForFieldName('body')?.namedChildren.filter((st) => st.type !== 'comment') ?? [] : undefined;
    const after = test.nextNamedSibling;
    // the answer for other methods: the else branch, or the statement after the if
    return onlyReturn(body, true) && (other ? onlyReturn(other, false) : alternatives.length === 0 && !!after && onlyReturn([after], false));
  }
  return cond === `request.method not in ${param}` && alternatives.length === 0 && onlyReturn(body, false);
}

/**
 * A dispatch() that hands every request on — its last statement `return super().dispatch(…)` — and does not look at
 * the method or the posted data: View.dispatch then calls the handler the method names, so the class's handlers
 * alone say which methods it answers, and whatever dispatch() does first, a GET does too, which CSRF never checks
 * (WAStD's staff check, Arches' APIBase that rewrites the query parameters).
 */
function passesOn(fn: SyntaxNode): boolean {
  const body = fn.childForFieldName('body')?.namedChildren.filter((st) => st.type !== 'comment' && !(st.type === 'expression_statement' && st.namedChildren[0]?.type === 'string'));
  if (!body?.length) return false;
  const last = body[body.length - 1];
  if (last.type !== 'return_statement' || !/^super\(\s*(\w+\s*,\s*self\s*)?\)\s*\.\s*dispatch\s*\(/.test(last.namedChildren[0]?.text ?? '')) return false;
  return !/\brequest\.(method|POST|body|data|FILES)\b/.test(fn.text);
}

/**
 * A cookie read by a literal name that names no credential (`request.COOKIES.get("use_high_contrast_theme")`):
 * a preference the browser sends along, which logs no one in — astrobin's theme toggle. A name read from a setting
 * counts as the one string production's settings give it (`setting`); one the scan cannot read, or a name (or
 * setting) that looks like a credential (session, auth, token, login, user, key…), still counts.
 */
function preferenceCookie(cookies: SyntaxNode, setting: (name: string) => string | undefined = () => undefined): string | undefined {
  const p = cookies.parent;
  let arg: SyntaxNode | undefined;
  if (p?.type === 'subscript' && p.childForFieldName('value')?.id === cookies.id) arg = p.childForFieldName('subscript') ?? undefined;
  else if (p?.type === 'attribute' && p.childForFieldName('attribute')?.text === 'get' && p.parent?.type === 'call') arg = p.parent.childForFieldName('arguments')?.namedChildren[0];
  // `cookie_name = "astrobin_use_high_contrast_theme"` then `request.COOKIES.get(cookie_name)`: the one literal the
  // function assigns to that name
  if (arg?.type === 'identifier') arg = literalOf(arg);
  // `request.COOKIES.get(settings.VISITOR_COOKIE_NAME, "")` (EnvErgo's CSP report view): the name production's
  // settings give it, the same string in every world — judged by that name and by the setting's own
  const named = arg?.type === 'attribute' && arg.childForFieldName('object')?.text === 'settings' ? arg.childForFieldName('attribute')?.text : undefined;
  const value = named ? setting(named) : undefined;
  if (named) return value !== undefined && !CREDENTIAL_WORD.test(named) && !CREDENTIAL_WORD.test(value) ? JSON.stringify(value) : undefined;
  if (arg?.type !== 'string' || arg.descendantsOfType('interpolation').length) return undefined;
  return CREDENTIAL_WORD.test(arg.text) ? undefined : arg.text;
}

/** What a cookie's name says when it carries a credential: a session, a token, a login… */
const CREDENTIAL_WORD = /sess|auth|token|jwt|login|user|sid|key|remember|csrf|account|secret|ident|pass|cred|sso|oauth|member/i;

/** A setting production's settings give the same string in every world, for the project that holds `rel`. */
function settingString(ctx: ScanContext, rel: string): (name: string) => string | undefined {
  const s = projectOf(ctx, rel)?.production;
  return (name) => {
    const values = s ? WORLDS.map((w) => strOf(valueIn(s, name, w))) : [];
    return values.length && values.every((v) => v !== undefined && v === values[0]) ? values[0] : undefined;
  };
}

/** The string literal a name is bound to by the only assignment to it in its function, or undefined. */
function literalOf(name: SyntaxNode): SyntaxNode | undefined {
  let fn = name.parent;
  while (fn && fn.type !== 'function_definition') fn = fn.parent;
  if (!fn) return undefined;
  const values: SyntaxNode[] = [];
  walkBody(fn, (n) => {
    if (n.type === 'assignment' && n.childForFieldName('left')?.text === name.text) values.push(n.childForFieldName('right') ?? n);
  });
  return values.length === 1 && values[0].type === 'string' ? values[0] : undefined;
}

/**
 * Methods the class gets from the project's own base classes, followed up the tree: [] when every base is outside
 * the project (Django's View, a library mixin), undefined when a base cannot be placed. A class that defines only
 * get() may still answer POST through a base of the project's that defines post().
 */
function inheritedMethods(idx: PyIndex, file: SourceFile, cls: SyntaxNode, depth = 0): SyntaxNode[] | undefined {
  if (depth > 5) return undefined;
  const out: SyntaxNode[] = [];
  for (const b of baseNodes(cls)) {
    const q = idx.qualify(file, b);
    if (!q) {
      if (b.text === 'object') continue;
      return undefined;
    }
    const d = idx.resolveDef(q, file.rel);
    if (!d) continue; // outside the project
    if (d.node.type !== 'class_definition') return undefined;
    out.push(...methodsOf(d.node));
    const up = inheritedMethods(idx, d.file, d.node, depth + 1);
    if (!up) return undefined;
    out.push(...up);
  }
  return out;
}

/** A method through which a request other than GET may be answered: an unsafe handler, or a dispatch that does not only hand on. */
function answersUnsafe(m: SyntaxNode): boolean {
  const name = m.childForFieldName('name')?.text ?? '';
  return /^(post|put|patch|delete|handle)$/.test(name) || (name === 'dispatch' && !passesOn(m));
}

/** A decorator that refuses requests without the X-Requested-With header (`@require_AJAX`, `@ajax_required`). */
const AJAX_ONLY = /^@?[\w.]*\b(require_?ajax|ajax_?required|requires_?ajax|ajax_?only)\b/i;

/**
 * The method a handler hands its work to: a body of assignments (reading its parameters) ending in
 * `return self.method(…)`, docstrings aside. undefined for anything else.
 */
function delegateOf(fn: SyntaxNode | undefined): string | undefined {
  const body = fn?.childForFieldName('body')?.namedChildren.filter((st) => st.type !== 'comment' && !(st.type === 'expression_statement' && st.namedChildren[0]?.type === 'string'));
  if (!body?.length) return undefined;
  const last = body[body.length - 1];
  if (!body.slice(0, -1).every((st) => st.type === 'expression_statement' && st.namedChildren[0]?.type === 'assignment')) return undefined;
  const call = last.type === 'return_statement' ? last.namedChildren[0] : undefined;
  const callee = call?.type === 'call' ? call.childForFieldName('function') : undefined;
  return callee?.type === 'attribute' && callee.childForFieldName('object')?.text === 'self' ? callee.childForFieldName('attribute')?.text : undefined;
}

interface Evidence {
  session?: string;
  signature?: string;
  /** A secret taken from the request (not a cookie) and verified: `SessionStore(request.POST["session"])`. */
  secret?: string;
  /** `request.user` read before the view assigns it from its own authentication (a session fallback). */
  userBeforeAssign?: string;
  authHeader?: boolean;
  passesRequest?: string;
  /** A project decorator of the view that sets `request.user` itself on every request it lets through. */
  userFromDecorator?: string;
  /** A cookie it reads that names no credential (`"high_contrast_theme"`): a preference, no login. */
  preference?: string;
}

/**
 * Does this decorator (a function of the project's own) set `request.user` itself before the view runs? Its
 * wrapper — a function defined in it — assigns `request.user` outside any branch, or calls a same-module helper,
 * given the request, that does (OpenSAFELY OpenCodelists' `@require_authentication`: DRF's TokenAuthentication
 * from the Authorization header, a 401 without it). The value must not come from the session or a cookie.
 */
function decoratorSetsUser(idx: PyIndex, from: SourceFile, q: string): boolean {
  const d = idx.resolveDef(q, from.rel);
  if (d?.node.type !== 'function_definition') return false;
  const defs = idx.defs(d.file);
  const assigns = (fn: SyntaxNode): boolean => {
    let found = false;
    walkBody(fn, (n) => {
      if (found || n.type !== 'assignment' || !unconditional(n, fn)) return;
      const right = n.childForFieldName('right')?.text ?? '';
      if (/^request\.user$/.test(n.childForFieldName('left')?.text ?? '') && !/session|COOKIES/i.test(right)) found = true;
    });
    return found;
  };
  // the wrapper, `@wraps(view_fn)` or not
  const wrappers = (d.node.childForFieldName('body')?.namedChildren ?? [])
    .map((c) => (c.type === 'decorated_definition' ? c.childForFieldName('definition') : c))
    .filter((c): c is SyntaxNode => c?.type === 'function_definition');
  return wrappers.some((w) => {
    if (assigns(w)) return true;
    let viaHelper = false;
    walkBody(w, (n) => {
      if (viaHelper || n.type !== 'call' || !unconditional(n, w)) return;
      const callee = n.childForFieldName('function');
      const helper = callee?.type === 'identifier' ? defs.get(callee.text) : undefined;
      const args = n.childForFieldName('arguments')?.namedChildren ?? [];
      if (helper?.type === 'function_definition' && args.some((a) => a.text === 'request') && assigns(helper)) viaHelper = true;
    });
    return viaHelper;
  });
}

/**
 * Is the call a check of a secret taken from the request body, query or a header (never a cookie, which the
 * browser sends along whatever site asks): `SessionStore(request.POST.get("session"))`, `signing.loads(token)`,
 * `TimestampSigner().unsign(request.GET["t"])`? Returns the call as written for the message.
 */
function secretCheck(ctx: ScanContext, file: SourceFile, fn: SyntaxNode, call: SyntaxNode, q: string): string | undefined {
  const callee = call.childForFieldName('function');
  if (!callee) return undefined;
  const method = callee.type === 'attribute' ? callee.childForFieldName('attribute')?.text ?? '' : '';
  if (!SECRET_LOAD.test(q) && !SECRET_LOAD.test(callee.text) && !SECRET_METHOD.test(method)) return undefined;
  const args = (call.childForFieldName('arguments')?.namedChildren ?? []).filter((a) => a.type !== 'comment');
  const arg = args.find((a) => a.type !== 'keyword_argument' && a.type !== 'list_splat' && a.type !== 'dictionary_splat') ?? args.find((a) => a.type === 'keyword_argument' && SECRET_KEYWORD.test(a.childForFieldName('name')?.text ?? ''))?.childForFieldName('value');
  if (!arg) return undefined;
  const p = FunctionFlow.of(ctx, file, fn).prov(arg);
  if (!SINKS.some((s) => isRequestData(p, s))) return undefined;
  if (/cookie/i.test(p.source?.text ?? '') || /cookie/i.test(arg.text)) return undefined;
  const text = call.text.replace(/\s+/g, ' ');
  return `\`${text.length > 80 ? `${text.slice(0, 77)}…` : text}\``;
}

/**
 * Does this node run whenever the function does: not in an if/else branch, a loop body, an except handler, the
 * right side of `and`/`or` or a conditional expression (an if's or a while's condition runs, so it counts)?
 */
function unconditional(node: SyntaxNode, fn: SyntaxNode): boolean {
  let child = node;
  for (let p = node.parent; p && p.id !== fn.id; child = p, p = p.parent) {
    switch (p.type) {
      case 'if_statement':
      case 'while_statement':
        if (p.childForFieldName('condition')?.id !== child.id) return false;
        break;
      case 'elif_clause':
      case 'else_clause':
      case 'except_clause':
      case 'for_statement':
      case 'conditional_expression':
      case 'match_statement':
      case 'lambda':
      case 'list_comprehension':
      case 'generator_expression':
      case 'dictionary_comprehension':
      case 'set_comprehension':
        return false;
      case 'boolean_operator':
        if (p.childForFieldName('left')?.id !== child.id) return false;
        break;
      default:
        break;
    }
  }
  return true;
}

/** What the view's code shows: session use, a signature check, a non-cookie credential. One level of same-module helpers and self.methods. */
function evidence(ctx: ScanContext, idx: PyIndex, e: Exempt): Evidence {
  const out: Evidence = {};
  for (const d of e.decorators) if (SESSION_DECORATOR.test(d)) out.session ??= `@${d.split('.').pop()}`;
  const userSetBy = e.bodies.length === 1 && !e.bodies[0].cls ? e.decorators.find((d) => !d.startsWith('django.') && decoratorSetsUser(idx, e.bodies[0].file, d)) : undefined;
  if (e.cls || e.bodies[0]?.cls) {
    const cls = e.cls?.node ?? e.bodies[0].cls!;
    for (const m of classMixins(idx, e.bodies[0]?.file ?? e.file, cls)) if (SESSION_MIXIN.test(m)) out.session ??= m.split('.').pop();
  }
  const visited = new Set<number>();
  // secret checks that run on every request a body answers, by the body (view function or method) they are in
  const secrets = new Map<number, string>();
  // the check each scanned function makes itself, outside its branches (a helper two handlers call counts for both)
  const ownSecret = new Map<number, string>();
  const scan = (file: SourceFile, fn: SyntaxNode, depth: number, cls?: SyntaxNode, root: SyntaxNode = fn, reached = true) => {
    if (visited.has(fn.id)) {
      const own = ownSecret.get(fn.id);
      if (own && reached && !secrets.has(root.id)) secrets.set(root.id, own);
      return;
    }
    visited.add(fn.id);
    const defs = idx.defs(file);
    // request.user assigned by the view itself (from a token): where it is first assigned, per spelling
    const assignedUser = new Map<string, number>();
    walkBody(fn, (n) => {
      if (n.type === 'assignment') {
        const left = n.childForFieldName('left')?.text ?? '';
        if (/^(self\.)?request\.user$/.test(left) && !assignedUser.has(left)) assignedUser.set(left, n.startIndex);
      }
    });
    walkBody(fn, (n) => {
      if (n.type === 'attribute') {
        const t = n.text;
        if (/^(self\.)?request\.COOKIES$/.test(t)) {
          const pref = preferenceCookie(n, settingString(ctx, file.rel));
          if (!pref) out.session ??= `\`${t}\``; // a cookie the browser sends along, whatever site asks
          else out.preference ??= pref;
        }
        else if (/^(self\.)?request\.(user|session|auth)$/.test(t) && !(n.parent?.type === 'assignment' && n.parent.childForFieldName('left')?.id === n.id)) {
          const assignedAt = assignedUser.get(t.replace(/\.(session|auth)$/, '.user'));
          if (userSetBy && /\.user$/.test(t)) out.userFromDecorator ??= `@${userSetBy.split('.').pop()}`;
          else if (assignedAt === undefined) out.session ??= `\`${t}\``;
          // read before the view sets request.user itself: the logged-in user is what it falls back from
          else if (n.startIndex < assignedAt && /\.user$/.test(t)) out.userBeforeAssign ??= `\`${(n.parent?.type === 'attribute' ? n.parent : n).text}\`, line ${n.startPosition.row + 1}`;
        }
      } else if (n.type === 'call') {
        const fnNode = n.childForFieldName('function');
        const q = idx.qualify(file, fnNode) ?? fnNode?.text ?? '';
        if (SESSION_CALL.test(q)) out.session ??= `\`${q.split('.').pop()}()\``;
        if (SIGNATURE_CALL.test(q) || SIGNATURE_CALL.test(fnNode?.text ?? '')) out.signature ??= `\`${(fnNode?.text ?? q).replace(/\s+/g, '')}()\``;
        if (!ownSecret.has(fn.id) && unconditional(n, fn)) {
          const secret = secretCheck(ctx, file, fn, n, q);
          if (secret) ownSecret.set(fn.id, secret);
          if (secret && reached && !secrets.has(root.id)) secrets.set(root.id, secret);
        }
        if (depth === 0) {
          // helpers: same-module functions, and self.<method>() of the same class
          if (fnNode?.type === 'identifier') {
            const h = defs.get(fnNode.text);
            if (h?.type === 'function_definition') scan(file, h, depth + 1, undefined, root, unconditional(n, fn));
            else if (!h) {
              const args = n.childForFieldName('arguments')?.namedChildren ?? [];
              if (args.some((a) => /^(self\.)?request$/.test(a.text)) && !q.startsWith('django.')) out.passesRequest ??= fnNode.text;
            }
          } else if (fnNode?.type === 'attribute' && fnNode.childForFieldName('object')?.text === 'self' && cls) {
            const m = methodsOf(cls).find((x) => x.childForFieldName('name')?.text === fnNode.childForFieldName('attribute')?.text);
            if (m) scan(file, m, depth + 1, cls, root, unconditional(n, fn));
          } else if (fnNode) {
            const args = n.childForFieldName('arguments')?.namedChildren ?? [];
            if (args.some((a) => /^(self\.)?request$/.test(a.text)) && !/^super\(/.test(fnNode.text) && !q.startsWith('django.')) out.passesRequest ??= fnNode.text;
          }
        }
      }
      if ((n.type === 'subscript' || n.type === 'call') && n.text.length < 200 && /\b(headers|META)\b/.test(n.text) && AUTH_HEADER.test(n.text)) out.authHeader = true;
    });
  };
  for (const b of e.bodies) scan(b.file, b.fn, 0, b.cls);
  // the secret is the credential when every request passes a check: a function view's, dispatch()'s, or one in
  // each handler of a method that changes data (post/put/patch/delete) the class answers
  const nameOf = (fn: SyntaxNode) => fn.childForFieldName('name')?.text ?? '';
  const dispatch = e.bodies.find((b) => b.cls && nameOf(b.fn) === 'dispatch' && secrets.has(b.fn.id));
  const unsafe = e.bodies.filter((b) => b.cls && /^(post|put|patch|delete)$/.test(nameOf(b.fn)));
  if (!e.bodies.some((b) => b.cls)) out.secret = e.bodies.map((b) => secrets.get(b.fn.id)).find(Boolean);
  else if (dispatch) out.secret = secrets.get(dispatch.fn.id);
  else if (unsafe.length && unsafe.every((b) => secrets.has(b.fn.id))) out.secret = secrets.get(unsafe[0].fn.id);
  return out;
}

function judge(ctx: ScanContext, idx: PyIndex, e: Exempt): RuleHit | undefined {
  const cls = e.cls?.node ?? e.bodies[0]?.cls;
  if (cls && isDrf(idx, e.bodies[0]?.file ?? e.file, cls)) return undefined;
  // django-oauth-toolkit's token endpoints: the library exempts them itself (OAuth clients post client credentials
  // and a code or refresh token, not a session), so a subclass's csrf_exempt changes nothing (CMS Blue Button's TokenView)
  const ancestry = cls ? classAncestry(idx, e.bodies[0]?.file ?? e.file, cls).map((a) => a.q) : [];
  if (ancestry.some((q) => OAUTH_TOKEN_ENDPOINT.test(q))) return undefined;
  if (e.bodies.length === 1 && !cls && e.bodies[0].fn.parent?.type === 'decorated_definition') {
    const decos = qualifiedDecorators(idx, e.bodies[0].file, e.bodies[0].fn).map((d) => d.q);
    if (decos.some((d) => /(^|\.)api_view$/.test(d))) return undefined; // DRF @api_view
  }
  if (safeMethodsOnly(idx, e)) return undefined;
  const ev = evidence(ctx, idx, e);
  const what = `CSRF protection is off for \`${e.label}\` (${e.how})`;
  if (e.bodies.length === 0) {
    // a view from a library (its code is not in the repository)
    const graphql = /graphql/i.test(e.label);
    return {
      location: e.at,
      level: 'note',
      message: graphql
        ? `${what}: GraphQL views accept form-encoded POSTs, so if the schema's resolvers use the logged-in user (\`info.context.user\`), any site can run mutations as the visitor.`
        : `${what}; its code is not in the repository, so whether it acts for the logged-in user cannot be seen here.`,
      fix: graphql
        ? 'Keep CSRF on for a session-authenticated GraphQL endpoint (send the X-CSRFToken header from the client), or authenticate it by token only.'
        : 'Remove csrf_exempt if browsers with a session call this view; keep it only for endpoints that authenticate their callers another way.',
    };
  }
  if (ev.signature) {
    return {
      location: e.at,
      level: 'note',
      message: `${what}; it checks a signature or shared secret (${ev.signature}), as an endpoint for other servers should — make sure every request is verified before it acts, and that it never relies on the session.`,
      fix: 'Keep the signature check first in the view, compare with hmac.compare_digest, and reject unsigned requests.',
    };
  }
  if (ev.secret) {
    return {
      location: e.at,
      level: 'note',
      message: `${what}; its credential is a secret from the request (not a cookie) that the view verifies (${ev.secret}), which another site cannot supply — check that the request is refused when it does not verify, before the view ${ev.session ? `acts for the logged-in user (${ev.session})` : 'acts'}.`,
      fix: 'Keep the check first in the view and refuse the request (PermissionDenied) when the secret does not verify; never fall back to the session cookie alone.',
    };
  }
  // the provider's own approval form (django-oauth-toolkit's AuthorizationView, CSRF-protected in the library) is a
  // form the logged-in user submits, not a protocol endpoint that receives cross-site POSTs
  const approval = ancestry.some((q) => OAUTH_APPROVAL.test(q));
  if (ev.session && !approval && (PROTOCOL_NAME.test(e.label) || PROTOCOL_PATH.test(e.file.rel))) {
    return {
      location: e.at,
      level: 'note',
      message: `${what}, which looks like a sign-in protocol endpoint (SAML, OAuth/OIDC, social auth, LTI): those receive cross-site POSTs by design and must check the protocol's own state (RelayState, state, nonce) instead.`,
      fix: "Keep CSRF off only where the protocol posts cross-site, and make sure the library's state/nonce check runs.",
    };
  }
  const preflighted = ev.session && !ev.authHeader ? preflightedOnly(idx, e) : undefined;
  if (preflighted) {
    // Data Workspace's application API: GET, PUT, PATCH and DELETE answered, anything else 405
    return {
      location: e.at,
      level: 'note',
      message: `${what}; it acts for the logged-in user (${ev.session}), but changes data only on ${preflighted.join(', ')} and answers POST with an error: another site's form cannot send those methods, and fetch() sends them to another origin only after a CORS preflight — fine while CORS lets no other origin make them with credentials.`,
      fix: 'Keep CSRF on if the view ever answers POST; make sure CORS (django-cors-headers) never allows other origins these methods with credentials.',
    };
  }
  const decorator = e.bodies.flatMap((b) => decoratorTexts(b.fn)).find((t) => AJAX_ONLY.test(t));
  const ajaxOnly = decorator ? `\`${decorator.replace(/^@/, '')}\`` : inlineAjaxCheck(idx, e);
  if (ev.session && !ev.authHeader && ajaxOnly) {
    // pontoon's @require_AJAX: a request without X-Requested-With is refused
    return {
      location: e.at,
      level: 'note',
      message: `${what}; it acts for the logged-in user (${ev.session}), but ${ajaxOnly} refuses requests without the X-Requested-With header, which another site's form cannot send and fetch() sends only after a CORS preflight — fine while CORS lets no other origin send that header.`,
      fix: 'Keep CSRF on (send the X-CSRFToken header from the same JavaScript), or make sure CORS_ALLOWED_ORIGINS never allows X-Requested-With from other sites.',
    };
  }
  if (ev.session && !ev.authHeader && ev.passesRequest && /proxy/i.test(ev.passesRequest)) {
    // JumpServer's Flower view: the user is checked, then the whole request goes to another service
    return {
      location: e.at,
      level: 'note',
      message: `${what}; it checks the logged-in user (${ev.session}) and hands the request to \`${ev.passesRequest}()\`, a reverse proxy to another service: whether a cross-site POST can change anything there is that service's to say — check that it requires its own credential for what changes data.`,
      fix: 'Keep CSRF on if the proxied service trusts the forwarded session; exempt it only when that service authenticates every state-changing request itself.',
    };
  }
  const reprotected = ev.session && !ev.authHeader ? reappliesCsrf(idx, e) : undefined;
  if (reprotected) {
    // Sefaria's APIs: exempt for API-key clients, with the logged-in user's branch run through csrf_protect
    return {
      location: e.at,
      level: 'note',
      message: `${what}, but the view puts CSRF protection back itself (${reprotected}) — the usual shape of an endpoint that exempts API-key clients and protects the logged-in user's branch: check that every path that acts for the logged-in user (${ev.session}) goes through it.`,
      fix: 'Keep every session-authenticated branch behind csrf_protect; anything reachable with the session cookie alone needs the token.',
    };
  }
  const readOnly = ev.session && !ev.authHeader ? onlyReads(ctx, idx, e) : undefined;
  if (readOnly) {
    return {
      location: e.at,
      level: 'note',
      message: `${what}; it acts for the logged-in user (${ev.session}), but only reads: nothing it calls writes to the database, the session, a cookie or a file, or sends mail, requests or tasks — so a cross-site request changes nothing, and the browser does not let the other site read the answer.`,
      fix: 'Nothing to do while it only reads; if it ever changes data, remove csrf_exempt and send the CSRF token.',
    };
  }
  if (ev.session && !ev.authHeader) {
    // With SameSite=Lax (Django's default) or Strict, today's browsers leave the session cookie off other sites'
    // POSTs: the message says what is left, instead of claiming any website can forge the request.
    const s = projectOf(ctx, e.file.rel)?.production;
    const sameSite = s && WORLDS.every((w) => sessionSameSite(s, w) === 'lax');
    return {
      location: e.at,
      message: sameSite
        ? `${what}, and the view acts for the logged-in user (${ev.session}): with CSRF off, only the session cookie's SameSite attribute (${s.bindings.has('SESSION_COOKIE_SAMESITE') ? `SESSION_COOKIE_SAMESITE in ${label(s)}` : "Django's default, Lax"}) stands between it and a forged request — and pages on sibling subdomains (the same site) and browsers that ignore SameSite send the cookie anyway (cross-site request forgery).`
        : `${what}, and the view acts for the logged-in user (${ev.session}): any website the user visits can submit this request with the user's session cookie (cross-site request forgery).`,
    };
  }
  const fallback = ev.session ?? ev.userBeforeAssign;
  const why = ev.authHeader
    ? fallback
      ? `the view reads the Authorization header (a credential the browser does not add by itself), but also uses the logged-in user (${fallback}), and if that is its fallback when the header is missing, a cross-site request with the session cookie gets through`
      : 'the view reads the Authorization header (a credential the browser does not add by itself)'
    : ev.userFromDecorator
      ? `the \`request.user\` it reads is the one ${ev.userFromDecorator} sets itself before the view runs (its own authentication, not the session cookie)${ev.passesRequest ? `, though it passes the request to \`${ev.passesRequest}()\`, which may read the session` : ''}`
      : ev.userBeforeAssign
      ? `it reads the logged-in user (${ev.userBeforeAssign}) before it sets \`request.user\` from its own authentication${ev.passesRequest ? ` (\`${ev.passesRequest}()\`)` : ''}, so a request with the session cookie — a cross-site one too — is answered as the visitor`
      : ev.passesRequest
        ? `nothing in it reads the session or \`request.user\`, but it passes the request to \`${ev.passesRequest}()\`, which may`
        : ev.preference
          ? `nothing in it reads the session or \`request.user\` — the only cookie it reads, ${ev.preference}, is a preference that logs no one in — so a forged request carries no login`
          : 'nothing in it reads the session or `request.user`, so a forged request carries no login';
  const tail =
    ev.authHeader && fallback
      ? 'check that a request without the header is refused'
      : ev.userBeforeAssign
        ? 'fine while nothing it does for a session user changes data (read-only queries; for GraphQL, no mutations) — otherwise keep CSRF on for requests without its own credential'
        : ev.preference && !ev.passesRequest
          ? 'a forged request can at most change that preference'
          : 'fine for an endpoint other servers call with their own credential (a token, a signature) — check that is what it does';
  return {
    location: e.at,
    level: 'note',
    message: `${what}; ${why}: ${tail}.`,
    fix: 'If browsers with a session call it, remove csrf_exempt and send the CSRF token; if servers call it, authenticate them (signature or token) and never use the session.',
  };
}

/**
 * A function view that changes nothing: what its body calls only reads (see ReadOnly), and no project decorator
 * looks at the method or the posted data. A cross-site request to it can do no harm — the same-origin policy
 * keeps the other site from reading the answer — so the exemption costs nothing (the reasoning that excuses a
 * class whose post() returns what get() returns). The other decorators run for every request alike, GETs too,
 * which CSRF never checks: whatever they do, a cross-site link can already make them do.
 */
function onlyReads(ctx: ScanContext, idx: PyIndex, e: Exempt): boolean {
  if (e.bodies.length && e.bodies.every((b) => b.cls && b.cls.id === e.bodies[0].cls!.id)) {
    // A class: every method it defines changes nothing (astrobin's language detection, a post() that answers from
    // the text it is sent) — and no base of the project's own may add a handler that does.
    const cls = e.bodies[0].cls!;
    const file = e.bodies[0].file;
    const inherited = inheritedMethods(idx, file, cls);
    if (!inherited || inherited.length) return false;
    return e.bodies.every((b) => ReadOnly.of(ctx).unjudged(b.file, b.fn, cls) === undefined);
  }
  if (e.bodies.length !== 1 || e.bodies[0].cls) return false;
  const { file, fn } = e.bodies[0];
  for (const d of qualifiedDecorators(idx, file, fn)) {
    const def = idx.resolveDef(d.q, file.rel);
    if (def && /\.(method|POST|body|FILES|data)\b/.test(def.node.text)) return false;
  }
  return ReadOnly.of(ctx).unjudged(file, fn) === undefined;
}

const CSRF_PROTECT = /^django\.views\.decorators\.csrf\.csrf_protect$/;

/**
 * Does the exempt view put CSRF protection back on part of what it does — `csrf_protect` applied inside it (a
 * nested `@csrf_protect def protected_post(request)`, `_do_post = csrf_protect(_do_post)`) or a call of a project
 * function decorated with it? Where, for the message, or undefined.
 */
function reappliesCsrf(idx: PyIndex, e: Exempt): string | undefined {
  for (const { file, fn } of e.bodies) {
    let found: string | undefined;
    walk(fn, (n) => {
      if (found) return false;
      if (n.type === 'identifier' && n.text === 'csrf_protect' && CSRF_PROTECT.test(idx.qualify(file, n) ?? '')) found = `csrf_protect at ${file.rel}:${n.startPosition.row + 1}`;
      else if (n.type === 'call') {
        const callee = n.childForFieldName('function');
        const q = callee && callee.type === 'identifier' ? idx.qualify(file, callee) : undefined;
        const def = q && !q.startsWith('django.') ? idx.resolveDef(q, file.rel) : undefined;
        if (def && def.node.type === 'function_definition' && qualifiedDecorators(idx, def.file, def.node).some((d) => CSRF_PROTECT.test(d.q))) found = `\`${callee!.text}()\`, decorated with csrf_protect, called at ${file.rel}:${n.startPosition.row + 1}`;
      }
      return true;
    });
    if (found) return found;
  }
  return undefined;
}

/** `request.is_ajax()`, `request.headers.get("x-requested-with") == "XMLHttpRequest"`, `request.META[…]` alike. */
function isAjaxTest(idx: PyIndex, file: SourceFile, expr: SyntaxNode | null | undefined, request: string, depth = 0, op: '==' | '!=' = '=='): boolean {
  if (!expr) return false;
  if (expr.type === 'parenthesized_expression') return isAjaxTest(idx, file, expr.namedChildren[0], request, depth, op);
  if (expr.type === 'comparison_operator') {
    const ops = expr.children.filter((c) => !c.isNamed).map((c) => c.text);
    const [a, b] = expr.namedChildren;
    const header = (x?: SyntaxNode) => !!x && new RegExp(`^${request}\\.(headers|META)\\b`).test(x.text) && /x[-_]requested[-_]with/i.test(x.text);
    const xhr = (x?: SyntaxNode) => !!x && stringValue(x) === 'XMLHttpRequest';
    return ops.length === 1 && ops[0] === op && ((header(a) && xhr(b)) || (header(b) && xhr(a)));
  }
  if (expr.type !== 'call' || op !== '==') return false;
  const callee = expr.childForFieldName('function');
  if (callee?.text === `${request}.is_ajax`) return true;
  // a helper of the project: `is_ajax(request)` whose body is `return <one of the above>`
  const args = expr.childForFieldName('arguments')?.namedChildren ?? [];
  if (depth > 0 || callee?.type !== 'identifier' || args.length !== 1 || args[0].text !== request) return false;
  const q = idx.qualify(file, callee);
  const d = q ? idx.resolveDef(q, file.rel) : undefined;
  const param = d?.node.childForFieldName('parameters')?.namedChildren[0];
  const body = d?.node.type === 'function_definition' ? statements(d.node) : [];
  return param?.type === 'identifier' && body.length === 1 && body[0].type === 'return_statement' && isAjaxTest(idx, d!.file, body[0].namedChildren[0], param.text, depth + 1);
}

/** A function's statements, docstring and comments aside. */
function statements(fn: SyntaxNode): SyntaxNode[] {
  return (fn.childForFieldName('body')?.namedChildren ?? []).filter((st) => st.type !== 'comment' && !(st.type === 'expression_statement' && st.namedChildren[0]?.type === 'string'));
}

/** A statement that refuses the request and does nothing else: `raise …`, `return HttpResponse…(…)`/a literal. */
function refuses(idx: PyIndex, file: SourceFile, st: SyntaxNode): boolean {
  if (st.type === 'raise_statement') return true;
  if (st.type !== 'return_statement') return false;
  const v = st.namedChildren[0];
  if (!v || /^(none|string|integer|true|false)$/.test(v.type)) return true;
  // `django.http.HttpResponseForbidden`, or the module it lives in: `from django.http.response import …` (Junction)
  return v.type === 'call' && /^django\.http\.(response\.)?\w+$/.test(idx.qualify(file, v.childForFieldName('function')) ?? '') && !v.descendantsOfType('call').some((c) => c.id !== v.id);
}

/**
 * The X-Requested-With check written in the view itself, the same protection as @ajax_required when it guards
 * all the view does: its first statement refuses requests without the header (`if not is_ajax(request): return
 * HttpResponseBadRequest()`, `if request.headers.get("x-requested-with") != "XMLHttpRequest": raise Http404`), or
 * the whole work sits in `if is_ajax(request) [and …]:` followed only by a refusal (`raise Http404`). A class-based
 * view (csrf_exempt on dispatch()) counts when it is a plain View — no handler inherited from a generic view — whose
 * dispatch() only hands over to View's, and each of its handlers (get, post, …) starts so (frePPLe's
 * OperationPlanDetail). Returns the check as the message shows it.
 */
function inlineAjaxCheck(idx: PyIndex, e: Exempt): string | undefined {
  if (e.bodies.length === 1 && !e.bodies[0].cls) return ajaxGuarded(idx, e.bodies[0].file, e.bodies[0].fn, 0);
  const cls = e.bodies[0]?.cls;
  if (!cls || e.bodies.some((b) => b.cls?.id !== cls.id) || !baseNodes(cls).every((b) => PLAIN_VIEW.test(idx.qualify(e.bodies[0].file, b) ?? ''))) return undefined;
  let shown: string | undefined;
  for (const { file, fn } of e.bodies) {
    const name = fn.childForFieldName('name')?.text ?? '';
    if (name === 'dispatch') {
      if (!delegatesDispatch(fn)) return undefined;
    } else if (HANDLER.test(name)) {
      const check = ajaxGuarded(idx, file, fn, 1);
      if (!check) return undefined;
      shown ??= check;
    }
  }
  return shown ? `${shown} in each of its handlers` : undefined;
}

/** Django's View itself: it adds no handler but options(). */
const PLAIN_VIEW = /^django\.views(\.generic)?(\.base)?\.View$/;

/** `def dispatch(self, request, *args, **kwargs): return super().dispatch(request, *args, **kwargs)` and nothing else. */
function delegatesDispatch(fn: SyntaxNode): boolean {
  const body = statements(fn);
  const call = body.length === 1 && body[0].type === 'return_statement' ? body[0].namedChildren[0] : undefined;
  return call?.type === 'call' && /^super\(\s*(\w+\s*,\s*self\s*)?\)\.dispatch$/.test(call.childForFieldName('function')?.text.replace(/\s+/g, '') ?? '');
}

/** The check at the start of one function (its request is parameter `at`: 0 for a function view, 1 after self), or undefined. */
function ajaxGuarded(idx: PyIndex, file: SourceFile, fn: SyntaxNode, at: number): string | undefined {
  const request = fn.childForFieldName('parameters')?.namedChildren[at];
  if (request?.type !== 'identifier') return undefined;
  const body = statements(fn);
  const first = body[0];
  if (first?.type !== 'if_statement') return undefined;
  const cond = first.childForFieldName('condition');
  const operands = (x: SyntaxNode | null | undefined, op: string): SyntaxNode[] =>
    !x ? [] : x.type === 'boolean_operator' && x.children.some((c) => c.text === op && !c.isNamed) ? [...operands(x.childForFieldName('left'), op), ...operands(x.childForFieldName('right'), op)] : [x];
  const clauses = first.namedChildren.filter((c) => c.type === 'elif_clause' || c.type === 'else_clause');
  const block = (x: SyntaxNode) => (x.childForFieldName('consequence') ?? x.childForFieldName('body'))?.namedChildren.filter((st) => st.type !== 'comment') ?? [];
  const shown = `its check \`if ${(cond?.text ?? '').replace(/\s+/g, ' ')}\``;
  // if not <test> [or …]: refuse — or `if <header> != "XMLHttpRequest": refuse`
  const refusing = operands(cond, 'or').some((x) => (x.type === 'not_operator' && isAjaxTest(idx, file, x.childForFieldName('argument'), request.text)) || isAjaxTest(idx, file, x, request.text, 0, '!='));
  if (refusing && clauses.length === 0 && block(first).length > 0 && block(first).every((st) => refuses(idx, file, st))) return shown;
  // if <test> [and …]: work — then only a refusal
  const guarding = operands(cond, 'and').some((x) => isAjaxTest(idx, file, x, request.text));
  const rest = [...clauses.flatMap(block), ...body.slice(1)];
  if (guarding && !clauses.some((c) => c.type === 'elif_clause') && rest.length > 0 && rest.every((st) => refuses(idx, file, st))) return shown;
  return undefined;
}
