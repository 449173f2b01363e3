import { isTestPath } from '../project/files';
import { shortcuts } from '../project/shortcuts';
import type { Location } from '../finding';
import { callParts, stringValue, walk, type SyntaxNode } from '../project/python';
import { allParams } from '../project/request-data';
import type { ScanContext, ScannedProject } from '../project/scan';
import type { SourceFile } from '../project/workspace';
import { neutraliseTemplate } from '../project/evaluator/template';
import type { Rule, RuleHit } from './rule';
import {
  PyIndex,
  asViewClass,
  type Def,
  type RouteCall,
  baseName,
  classAttr,
  countsFor,
  decoratorTexts,
  classAncestry,
  defKey,
  findViews,
  routeTarget,
  targetNode,
  inFileBatch,
  isUrlsFile,
  onceForBatches,
  inDevFolder,
  isDevName,
  loc,
  methodsOf,
  routeCalls,
  unwrapView,
  walkBody,
  CALL,
  onlyWhenDebug,
} from '../project/model';
import { WORLDS, appInstalled, debugOffInProduction, dictGet, label, strItems, switchedOffInProduction, truthy, valueIn, type EvaluatedSettings } from './settings-util';

/** Which limiter applies: Django views (axes/defender/ratelimit/nginx), DRF views (also DRF throttling), allauth (its own limits). */
type Kind = 'django' | 'drf' | 'allauth';

/** Library login views, by qualified name. */
const AUTH_VIEWS: Record<string, Kind> = {
  'django.contrib.auth.views.LoginView': 'django',
  'django.contrib.auth.views.login': 'django',
  // django-two-factor-auth's wizard: its first step is the password form (django-otp throttles the token step only)
  'two_factor.views.LoginView': 'django',
  'two_factor.views.core.LoginView': 'django',
  'knox.views.LoginView': 'drf',
  'rest_framework.authtoken.views.ObtainAuthToken': 'drf',
  'rest_framework.authtoken.views.obtain_auth_token': 'drf',
  'rest_framework_simplejwt.views.TokenObtainPairView': 'drf',
  'rest_framework_simplejwt.views.TokenObtainSlidingView': 'drf',
  'rest_framework_simplejwt.views.TokenObtainView': 'drf',
  'rest_framework_simplejwt.views.token_obtain_pair': 'drf',
  'rest_framework_simplejwt.views.token_obtain_sliding': 'drf',
  'rest_framework_jwt.views.ObtainJSONWebTokenView': 'drf',
  'rest_framework_jwt.views.ObtainJSONWebToken': 'drf',
  'rest_framework_jwt.views.obtain_jwt_token': 'drf',
  'dj_rest_auth.views.LoginView': 'drf',
  'rest_auth.views.LoginView': 'drf',
  'allauth.account.views.LoginView': 'allauth',
  'allauth.account.views.login': 'allauth',
};

/** URLconfs that contain a login view. */
const AUTH_INCLUDES: Record<string, Kind> = {
  'django.contrib.auth.urls': 'django',
  'rest_framework.urls': 'django',
  'allauth.urls': 'allauth',
  'allauth.account.urls': 'allauth',
  'dj_rest_auth.urls': 'drf',
  'rest_auth.urls': 'drf',
  'knox.urls': 'drf',
  'djoser.urls.jwt': 'drf',
  'djoser.urls.authtoken': 'drf',
  // django-two-factor-auth: its LoginView at account/login/ (the password step first)
  'two_factor.urls': 'django',
};

/** The libraries that define those views: their own URLconfs and views are reported where a project routes to them. */
const LIBRARY = /^(django|rest_framework|rest_framework_simplejwt|rest_framework_jwt|allauth|knox|dj_rest_auth|rest_auth|djoser|axes|defender)(\.|$)/;

/** Rate-limiting decorators / wrappers: django-ratelimit's @ratelimit, DRF @throttle_classes, brake, method_decorator(ratelimit(...)). */
const LIMIT_TEXT = /rate_?limit|throttl/i;

/**
 * Names of the project's own limiters: `check_rate_limit`, `is_ratelimited`, `throttle_login`, `TokenBucket`,
 * `LoginLimiter`, `lockout`, `record_failed_attempt`, `too_many_attempts`. Matched on the last segment of a
 * called name, a base class or a decorator — never on strings or comments; word parts only (`csv_delimiter`
 * and `clockout` are not limiters).
 */
const LIMITER_NAME =
  /[Rr]ate_?[Ll]imit|RATE_?LIMIT|[Tt]hrottl|THROTTL|[Tt]oken_?[Bb]ucket|[Ll]eaky_?[Bb]ucket|(^|_)limiter|Limiter|(^|_)lock_?out|Lock_?[Oo]ut|[Bb]rute_?[Ff]orce|[Tt]oo_?[Mm]any_?([Aa]ttempts|[Rr]equests|[Ff]ailures)|([Ff]ailed|[Ll]ogin|[Aa]uth)_?[Aa]ttempts?/;

/** Django's cache: `cache.incr(...)`, `caches["x"].get(...)`. */
const CACHE_CALL = /(^|\.)(cache|caches\[[^\]]*\]|get_cache\([^)]*\))\.(incr|decr|get|set|add|get_or_set|touch)$/;
/** A cache key about who is logging in: the client address or the account. */
const WHO_KEY = /\b(ip|ips|ip_?addr(ess)?|client_?ip|remote_?addr|REMOTE_ADDR|X[-_]FORWARDED[-_]FOR|forwarded|get_client_ip|get_ip(_address)?|username|user_?name|email|login|user)\b|_ip\b|\bip_/i;

/** Class attributes naming a class, by attribute: `form_type = AuthenticationForm` -> form_type -> its qualified name. */
function classRefs(idx: PyIndex, file: SourceFile, cls: SyntaxNode): Map<string, string> {
  const out = new Map<string, string>();
  for (const c of cls.childForFieldName('body')?.namedChildren ?? []) {
    const a = c.type === 'expression_statement' ? c.namedChildren[0] : undefined;
    const name = a?.type === 'assignment' ? a.childForFieldName('left')?.text : undefined;
    const right = a?.childForFieldName('right');
    if (!name || !right || (right.type !== 'identifier' && right.type !== 'attribute')) continue;
    const q = idx.qualify(file, right);
    if (q) out.set(name, q);
  }
  return out;
}

/**
 * The form classes a view class uses, defined in the project: `form_class = …`, `authentication_form = …`, or any
 * class attribute naming a `…Form` class (`form_type = AuthenticationForm`, used as `self.form_type(...)`).
 */
function formsOf(idx: PyIndex, file: SourceFile, cls: SyntaxNode): Def[] {
  const out: Def[] = [];
  for (const [name, q] of classRefs(idx, file, cls)) {
    const d = idx.resolveDef(q, file.rel);
    if (d?.node.type === 'class_definition' && (/^(form_class|authentication_form)$/.test(name) || /Form$/.test(d.name))) out.push(d);
  }
  return out;
}

/** A value that counts: `1`, `attempts + 1`, `count`, `failures - 1` (what a hand-written limiter stores). */
function isCount(v: SyntaxNode | undefined, assigned: Map<string, string>): boolean {
  if (!v) return false;
  if (v.type === 'integer') return true;
  if (v.type === 'binary_operator' && /^[+-]$/.test(v.childForFieldName('operator')?.text ?? '')) return true;
  if (v.type === 'identifier') return /count|attempt|tries|hits|fail|num|total/i.test(v.text) || /[+-]\s*1\b/.test(assigned.get(v.text) ?? '');
  return false;
}

/**
 * The project's own limiters around a login view or form (found statically, a few calls deep):
 *  - a call whose name says it limits (`check_rate_limit(...)`, `is_ratelimited(...)`, `TokenBucket(...)`);
 *  - a cache counter keyed on the client or the account: `cache.incr(key)`, or `cache.get(key)` with
 *    `cache.set/add(key, …)`, where the key (or what it is built from in that function) names the IP address,
 *    username or email;
 *  - decorators (`@ratelimit`, `@throttle_classes`, a project decorator whose body does one of the above),
 *    project mixins and base classes, the form the view uses (`form_class`, `authentication_form`, a form it
 *    constructs), and project functions those call.
 */
class LimiterFinder {
  private readonly seen = new Map<number, boolean>();
  constructor(private readonly idx: PyIndex) {}

  /** Does a function (a view, a form method, a decorator) limit attempts? `nested`: look inside inner functions too (decorator wrappers). */
  fn(file: SourceFile, fn: SyntaxNode, depth = 0, nested = false): boolean {
    const key = fn.id * 2 + (nested ? 1 : 0);
    const memo = this.seen.get(key);
    if (memo !== undefined) return memo;
    this.seen.set(key, false); // recursion guard
    const found = this.decorated(file, fn, depth) || this.body(file, fn, depth, nested);
    this.seen.set(key, found);
    return found;
  }

  /** Limiting decorators on a definition: by name (`@ratelimit`, `@method_decorator(throttle(...))`), or project decorators that limit. */
  decorated(file: SourceFile, def: SyntaxNode, depth: number): boolean {
    if (decoratorTexts(def).some((d) => LIMIT_TEXT.test(d))) return true;
    const parent = def.parent;
    if (!parent || parent.type !== 'decorated_definition' || depth > 2) return false;
    for (const d of parent.namedChildren) {
      if (d.type !== 'decorator') continue;
      if (this.wrapperLimits(file, d, depth)) return true;
    }
    return false;
  }

  /** A decorator or route wrapper expression (`installation_complete(View.as_view())`, `@login_guard`): its project functions limit. */
  wrapperLimits(file: SourceFile, expr: SyntaxNode, depth: number): boolean {
    let found = false;
    walk(expr, (n) => {
      if (found) return false;
      if (n.type !== 'identifier' && n.type !== 'attribute') return true;
      if (n.parent?.type === 'attribute' && n.parent.childForFieldName('object')?.id === n.id) return true;
      const q = this.idx.qualify(file, n);
      const last = q?.split('.').pop() ?? '';
      if (LIMITER_NAME.test(last)) found = true;
      else if (q && last !== 'as_view') {
        const d = this.idx.resolveDef(q, file.rel);
        if (d?.node.type === 'function_definition') found = this.fn(d.file, d.node, depth + 1, true);
      }
      return false;
    });
    return found;
  }

  private body(file: SourceFile, fn: SyntaxNode, depth: number, nested: boolean): boolean {
    const body = fn.childForFieldName('body');
    if (!body) return false;
    const calls: SyntaxNode[] = [];
    const assigned = new Map<string, string>();
    walk(body, (n) => {
      if (!nested && (n.type === 'function_definition' || n.type === 'lambda' || n.type === 'class_definition' || n.type === 'decorated_definition')) return false;
      if (n.type === 'call') calls.push(n);
      else if (n.type === 'assignment') {
        const left = n.childForFieldName('left');
        if (left?.type === 'identifier') assigned.set(left.text, `${assigned.get(left.text) ?? ''} ${n.childForFieldName('right')?.text ?? ''}`);
      }
      return true;
    });
    const gets = new Set<string>();
    const sets = new Set<string>();
    for (const call of calls) {
      const fnNode = call.childForFieldName('function');
      const q = this.idx.qualify(file, fnNode) ?? fnNode?.text ?? '';
      const last = q.split('.').pop() ?? '';
      if (LIMITER_NAME.test(last)) return true;
      const cache = CACHE_CALL.exec(fnNode?.text ?? '') ?? (/^django\.core\.cache\.cache\./.test(q) ? ['', '', '', last] : null);
      if (cache) {
        const keyNode = callParts(call).args[0];
        if (!keyNode) continue;
        const keyText = keyNode.type === 'identifier' ? `${keyNode.text} ${assigned.get(keyNode.text) ?? ''}` : keyNode.text;
        if (!WHO_KEY.test(keyText)) continue;
        const op = cache[3];
        if (op === 'incr' || op === 'decr') return true;
        if (op === 'get' || op === 'get_or_set') gets.add(keyNode.text);
        else if (isCount(callParts(call).args[1], assigned)) sets.add(keyNode.text);
        if (gets.has(keyNode.text) && sets.has(keyNode.text)) return true;
        continue;
      }
      if (depth >= 2 || !q || q.startsWith('self.') || q.startsWith('super')) continue;
      const d = this.idx.resolveDef(q, file.rel);
      if (!d) continue;
      if (d.node.type === 'function_definition' && this.fn(d.file, d.node, depth + 1)) return true;
      if (d.node.type === 'class_definition' && this.cls(d.file, d.node, depth + 1)) return true;
    }
    return false;
  }

  /** A view, mixin or form class: its decorators, throttles, limiter base classes, the form it uses, every method (and its project ancestors'). */
  cls(file: SourceFile, cls: SyntaxNode, depth = 0): boolean {
    const key = -cls.id - 1;
    const memo = this.seen.get(key);
    if (memo !== undefined) return memo;
    this.seen.set(key, false);
    let found = classLimited(cls) || this.decorated(file, cls, depth) || methodsOf(cls).some((m) => this.fn(file, m, depth));
    if (!found && depth < 3) {
      for (const form of formsOf(this.idx, file, cls)) {
        if (this.cls(form.file, form.node, depth + 1)) {
          found = true;
          break;
        }
      }
    }
    if (!found && depth < 3) {
      for (const a of classAncestry(this.idx, file, cls)) {
        if (LIMITER_NAME.test(shortRef(a.q))) found = true;
        else if (a.cls && a.cls.id !== cls.id) {
          const d = this.idx.resolveDef(a.q, file.rel);
          if (d && this.cls(d.file, d.node, depth + 1)) found = true;
        }
        if (found) break;
      }
    }
    this.seen.set(key, found);
    return found;
  }

  /** A route's view argument: wrappers around it (project throttle decorators), and `as_view(form_class=…, authentication_form=…)`. */
  route(file: SourceFile, view: SyntaxNode): boolean {
    if (LIMIT_TEXT.test(view.text)) return true;
    let v: SyntaxNode | null = view;
    for (let i = 0; i < 6 && v && v.type === 'call'; i++) {
      const fnNode = v.childForFieldName('function');
      const { args, kwargs } = callParts(v);
      if (fnNode?.type === 'attribute' && fnNode.childForFieldName('attribute')?.text === 'as_view') {
        for (const k of ['form_class', 'authentication_form']) {
          const f = kwargs.get(k);
          const q = f ? this.idx.qualify(file, f) : undefined;
          const d = q ? this.idx.resolveDef(q, file.rel) : undefined;
          if (d?.node.type === 'class_definition' && this.cls(d.file, d.node, 1)) return true;
        }
        return false;
      }
      if (fnNode && this.wrapperLimits(file, fnNode, 0)) return true;
      v = args[0] ?? null;
    }
    return false;
  }
}

interface Limits {
  axes: boolean | undefined;
  /** A project middleware in MIDDLEWARE in every world that limits requests (EnvErgo's RateLimitingMiddleware): its name. */
  middleware?: string;
  drfThrottle: boolean | undefined;
  allauthOff: boolean;
  nginx: Location | undefined;
}

/** django-axes or django-defender installed (and axes not switched off) in some world; undefined when unknowable. */
function lockoutApp(s: EvaluatedSettings): boolean | undefined {
  let unknown = false;
  for (const w of WORLDS) {
    for (const app of ['axes', 'defender']) {
      const on = appInstalled(s, w, app);
      if (on === undefined) unknown = true;
      if (on === true) {
        const enabled = s.bindings.get(app === 'axes' ? 'AXES_ENABLED' : 'DEFENDER_ENABLED')?.[w];
        if (!enabled || truthy(enabled) !== false) return true;
      }
    }
  }
  return unknown ? undefined : false;
}

/** REST_FRAMEWORK["DEFAULT_THROTTLE_CLASSES"] non-empty in some world; undefined when unknowable. */
function drfThrottle(s: EvaluatedSettings): boolean | undefined {
  const b = s.bindings.get('REST_FRAMEWORK');
  if (!b) return false;
  let unknown = false;
  for (const w of WORLDS) {
    const v = b[w];
    if (v.kind !== 'dict') {
      unknown = true;
      continue;
    }
    const t = dictGet(v, 'DEFAULT_THROTTLE_CLASSES');
    if (!t) continue;
    const on = truthy(t);
    if (on === true) return true;
    if (on === undefined) unknown = true;
  }
  return unknown ? undefined : false;
}

/** allauth's built-in login limits switched off: ACCOUNT_RATE_LIMITS = False. */
function allauthOff(s: EvaluatedSettings): boolean {
  const b = s.bindings.get('ACCOUNT_RATE_LIMITS');
  return !!b && WORLDS.some((w) => b[w].kind === 'bool' && truthy(b[w]) === false);
}

/**
 * An nginx config of the project with `limit_req` server-wide or in a location covering login URLs — also the
 * Heroku nginx buildpack's `config/nginx.conf.erb` (MuckRock's Squarelet: `limit_req zone=one burst=20` in the
 * server every request goes through), where a limit inside an ERB conditional does not count.
 */
function nginxLimit(ctx: ScanContext, project: ScannedProject): Location | undefined {
  for (const f of ctx.workspace.deployFiles()) {
    const erb = f.rel.endsWith('.conf.erb');
    if ((!f.rel.endsWith('.conf') && !erb) || !countsFor(ctx, project, f.rel) || inDevFolder(f.rel, ctx) || isDevName(baseName(f.rel).replace(/\.conf(\.erb)?$/, ''))) continue;
    if (!/\blimit_req\s/.test(f.text)) continue;
    const stack: string[] = [];
    let header = '';
    // the ERB tags blanked (same lines); rows a tag renders or a conditional block holds are unknown
    const rendered = erb ? neutraliseTemplate(f.text) : undefined;
    const unknownRows = new Set(rendered?.rows);
    const lines = (rendered?.text ?? f.text).split('\n');
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i].replace(/#.*$/, '');
      for (const tok of line.split(/([{};])/)) {
        if (tok === '{') {
          stack.push(header.trim());
          header = '';
        } else if (tok === '}') {
          stack.pop();
          header = '';
        } else if (tok === ';') {
          const stmt = header.trim();
          header = '';
          if (!/^limit_req\s/.test(stmt) || unknownRows.has(i)) continue;
          const locs = stack.filter((h) => /^location\b/.test(h));
          if (locs.length === 0) return { file: f.rel, line: i + 1 };
          const inner = locs[locs.length - 1];
          if (/^location\s+(=\s*)?\/\s*$/.test(inner) || /login|signin|sign-in|sign_in|auth|token|account|session|admin/i.test(inner)) return { file: f.rel, line: i + 1 };
        } else header += tok;
      }
      header += ' ';
    }
  }
  return undefined;
}

/** Is a kind of endpoint limited project-wide? true, false, or undefined (cannot know: no finding). */
function limitedGlobally(kind: Kind, l: Limits): boolean | undefined {
  if (l.axes === true || l.nginx || l.middleware) return true;
  if (kind === 'allauth' && !l.allauthOff) return true;
  if (kind === 'drf' && l.drfThrottle === true) return true;
  if (l.axes === undefined) return undefined;
  if (kind === 'drf' && l.drfThrottle === undefined) return undefined;
  return false;
}

/**
 * A middleware of the project, in production's MIDDLEWARE in every world, whose request hooks (`__call__`,
 * `process_request`, `process_view`) limit requests as a view's limiter would (LimiterFinder: django-ratelimit's
 * `is_ratelimited(...)`, a cache counter keyed on the client): every POST — a login's too — passes through it.
 * EnvErgo's RateLimitingMiddleware caps unsafe requests at 100 a minute per address. Its dotted path, or undefined.
 */
function limitingMiddleware(idx: PyIndex, finder: LimiterFinder, s: EvaluatedSettings): string | undefined {
  const lists = WORLDS.map((w) => strItems(valueIn(s, 'MIDDLEWARE', w)));
  if (lists.some((l) => l === undefined)) return undefined;
  for (const path of lists[0]!) {
    if (!lists.every((l) => l!.includes(path))) continue;
    const d = idx.resolveDef(path, s.file);
    if (d?.node.type !== 'class_definition') continue;
    const hooks = methodsOf(d.node).filter((m) => /^(__call__|process_request|process_view)$/.test(m.childForFieldName('name')?.text ?? ''));
    if (hooks.some((m) => hookLimits(finder, d.file, m))) return path;
  }
  return undefined;
}

/**
 * A middleware hook that limits before the view runs: `process_request`/`process_view` whose code limits, or a
 * `__call__` that calls a limiter by name (`is_ratelimited(...)`) before it hands the request on
 * (`self.get_response(request)`) — Pontoon's ThrottleIpMiddleware counts only after the view has answered, so a
 * password was already checked. Not when a settings test that returns comes first (`if settings.THROTTLE_ENABLED
 * is False: return …`): switched by the deployment, which the scan does not decide here.
 */
function hookLimits(finder: LimiterFinder, file: SourceFile, hook: SyntaxNode): boolean {
  const text = hook.childForFieldName('body')?.text ?? '';
  if (!finder.fn(file, hook)) return false;
  let named = -1;
  for (const m of text.matchAll(/([A-Za-z_][\w.]*)\s*\(/g)) {
    if (LIMITER_NAME.test(m[1].split('.').pop() ?? '')) {
      named = m.index;
      break;
    }
  }
  const isCall = hook.childForFieldName('name')?.text === '__call__';
  if (isCall) {
    const handedOn = text.indexOf('get_response(');
    if (named < 0 || (handedOn >= 0 && handedOn < named)) return false;
  }
  const before = named < 0 ? text : text.slice(0, named);
  return !(/^\s*if\b[^\n]*\bsettings\./m.test(before) && /\breturn\b/.test(before));
}

/** Rate-limit decorators or DRF throttles on a project view class (class decorators, method decorators, throttle_classes). */
function classLimited(cls: SyntaxNode): boolean {
  if (decoratorTexts(cls).some((d) => LIMIT_TEXT.test(d))) return true;
  if (methodsOf(cls).some((m) => decoratorTexts(m).some((d) => LIMIT_TEXT.test(d)))) return true;
  const throttles = classAttr(cls, 'throttle_classes');
  if (throttles && !/^[([]\s*[)\]]$/.test(throttles.text)) return true;
  return !!classAttr(cls, 'throttle_scope');
}

function shortRef(q: string): string {
  return q.split('.').slice(-1)[0];
}

function why(kind: Kind, s: EvaluatedSettings): string {
  const axesOff = WORLDS.some((w) => appInstalled(s, w, 'axes') === true) && s.bindings.has('AXES_ENABLED');
  const none = [axesOff ? `django-axes is switched off (AXES_ENABLED = False) in ${label(s)}` : `no django-axes or django-defender in INSTALLED_APPS of ${label(s)}`];
  if (kind === 'drf') none.push('no DEFAULT_THROTTLE_CLASSES in REST_FRAMEWORK');
  none.push('no @ratelimit or limiter in the view, its form, mixins or decorators', 'no nginx limit_req');
  const prefix = kind === 'allauth' ? "ACCOUNT_RATE_LIMITS = False switches off allauth's own login limits; " : '';
  return prefix + none.join(', ');
}

const IMPACT = 'attackers can guess passwords (credential stuffing, brute force) as fast as the server answers.';

/** A credential keyword that carries a password. */
const PASSWORD_KEY = /password|passwd|passphrase|^(pass|pwd|pw)$/i;

/**
 * Does an `authenticate(...)` call check a password? Yes with a password keyword (`password=`, `passwd=`), or
 * `**credentials` in a function that handles a password (a name, key or argument in its code, docstrings aside:
 * `request.POST["password"]`, `{"password": …}`). No for other credentials only — `authenticate(request, token=…)` (a signed
 * magic link), `remote_user=`, `assertion=` — or none at all (header-based backends).
 */
function passwordCredential(call: SyntaxNode, fn: SyntaxNode): boolean {
  const { named, positional, splat } = credentials(call);
  if (named.some(([k]) => PASSWORD_KEY.test(k))) return true;
  if (positional.length >= 3) return true; // authenticate(request, username, password) in an old signature
  return splat && handlesPassword(fn);
}

/** Does a function handle a password: a name, key or argument `password` in its code (docstrings and comments aside)? */
function handlesPassword(fn: SyntaxNode): boolean {
  let found = false;
  walk(fn, (n) => {
    if (found || n.type === 'comment') return false;
    if (n.type === 'identifier' && PASSWORD_KEY.test(n.text)) found = true;
    else if (n.type === 'string' && n.parent?.type !== 'expression_statement' && PASSWORD_KEY.test(stringValue(n) ?? '')) found = true;
    return !found && n.type !== 'string';
  });
  return found;
}

/** The password an authenticate() call passes: `password=…` (or a key like it), or the last of three positional values. */
function passwordArg(call: SyntaxNode): SyntaxNode | undefined {
  const { named, positional } = credentials(call);
  return named.find(([k]) => PASSWORD_KEY.test(k))?.[1] ?? (positional.length >= 3 ? positional[positional.length - 1] : undefined);
}

/** The credentials an authenticate() call passes: keyword (name → value) and positional values, and whether it spreads a `**dict`. */
function credentials(call: SyntaxNode): { named: Array<[string, SyntaxNode]>; positional: SyntaxNode[]; splat: boolean } {
  const named: Array<[string, SyntaxNode]> = [];
  const positional: SyntaxNode[] = [];
  let splat = false;
  for (const a of call.childForFieldName('arguments')?.namedChildren ?? []) {
    if (a.type === 'keyword_argument') {
      const k = a.childForFieldName('name')?.text;
      const v = a.childForFieldName('value');
      if (k && v) named.push([k, v]);
    } else if (a.type === 'dictionary_splat') splat = true;
    else if (a.type !== 'comment' && a.type !== 'list_splat') positional.push(a);
  }
  return { named, positional, splat };
}

/**
 * Re-authentication of the user already logged in — `authenticate(username=request.user.username,
 * password=…)` before a password or username change (peeringdb): the account is the session's own, so
 * guessing needs the victim's session and reaches that one account. Not a login endpoint. The user may come
 * through a local name: `user = request.user`, or a call given the request alone whose name says it returns
 * a user (`user = get_user_or_pre_auth_user(self.request)`: JumpServer's, the session user or the one a first
 * factor already identified; Django's `get_user(request)`) — a user the request's session decides, not a name
 * the client posts.
 */
function reauthenticates(call: SyntaxNode, fn: SyntaxNode): boolean {
  const { named, positional } = credentials(call);
  const identity = [...named.filter(([k]) => !PASSWORD_KEY.test(k) && k !== 'request').map(([, v]) => v), ...positional.slice(1, -1)];
  if (identity.length === 0) return false;
  const sessionUsers = new Set<string>();
  walkBody(fn, (n) => {
    if (n.type !== 'assignment' || n.endIndex > call.startIndex) return; // those before the call, not the one holding it
    const left = n.childForFieldName('left');
    const right = n.childForFieldName('right');
    if (left?.type !== 'identifier' || !right) return;
    if (SESSION_USER.test(right.text)) sessionUsers.add(left.text);
    else if (right.type === 'call') {
      const { callee, args, kwargs } = callParts(right);
      if (args.length === 1 && kwargs.size === 0 && REQUEST_ITSELF.test(args[0].text) && /user/i.test((callee ?? '').split('.').pop() ?? '')) sessionUsers.add(left.text);
      else sessionUsers.delete(left.text);
    } else sessionUsers.delete(left.text);
  }, ['assignment']);
  return identity.every((v) => SESSION_USER.test(v.text) || (/^\w+(\.\w+)?$/.test(v.text) && sessionUsers.has(v.text.split('.')[0])));
}

const SESSION_USER = /^(self\.)?request\.user(\.\w+)?$/;
const REQUEST_ITSELF = /^(self\.)?request$/;

/**
 * Is a form constructed with data to validate (`AuthenticationForm(request, data=request.POST)`,
 * `LoginForm(request.POST)`)? An empty one — `LoginForm()`, `AuthenticationForm(request)` — only shows a form
 * (bookwyrm's sign-up view renders the landing page's login form again): it checks no password.
 */
function boundForm(call: SyntaxNode): boolean {
  const { args, kwargs } = callParts(call);
  return kwargs.has('data') || args.some((a) => !REQUEST_ITSELF.test(a.text));
}

/** Creating an account: a form's save(), create_user(), `User.objects.create(…)`. */
const CREATES_USER = /(^|\.)(save|create_user|create_superuser)$|(^|\.)objects\.create$/;

/**
 * Signing in the account the view has just created — `user = form.save()`, then `login(request,
 * authenticate(username=…, password=request.POST["password1"]))` (peeringdb's registration): the password is
 * the sign-up form's (UserCreationForm's `password1`), checked against the account made from it a moment
 * before. It tells nothing about any other account: not a login endpoint (sign-up abuse is another matter). So
 * for a set-password form's `new_password1` after its save() (ESP's password-reset confirmation signs the user in
 * with the password the token-checked form has just set).
 */
function signsInNewUser(call: SyntaxNode, fn: SyntaxNode): boolean {
  const password = passwordArg(call);
  if (!password) return false;
  // `raw_password = form.cleaned_data.get("password1")`, then `password=raw_password` (Codabench's sign-up):
  // one local assignment before the call is followed
  let value = password.text;
  if (password.type === 'identifier') {
    walkBody(fn, (n) => {
      if (n.endIndex <= call.startIndex && n.childForFieldName('left')?.text === password.text) value = n.childForFieldName('right')?.text ?? value;
    }, ['assignment']);
  }
  if (!/\b(new_)?password1\b/.test(value)) return false;
  let created = false;
  walkBody(fn, (n) => {
    if (!created && n.endIndex <= call.startIndex && CREATES_USER.test(callParts(n).callee ?? '')) created = true;
  }, CALL);
  return created;
}

/**
 * Signing in with the password the view has just set — `user.set_password(data["password"])`, then
 * `authenticate(username=…, password=data["password"])`, the same expression (Kegbot's first-run setup, making its
 * admin account and signing it in): the check can only confirm what the view itself wrote a moment before, so it
 * tells nothing about any account's password. A password from another expression keeps it a login.
 */
function passwordJustSet(call: SyntaxNode, fn: SyntaxNode): boolean {
  const password = passwordArg(call);
  if (!password) return false;
  let set = false;
  walkBody(fn, (n) => {
    if (set || n.endIndex > call.startIndex) return;
    const { callee, args, kwargs } = callParts(n);
    if (/(^|\.)set_password$/.test(callee ?? '') && args.length === 1 && kwargs.size === 0 && args[0].text === password.text) set = true;
  }, CALL);
  return set;
}

/**
 * A password the view makes itself — `username = password = prefix + uuid.uuid4().hex[:20]`, then
 * create_superuser() and authenticate() with it (Open edX credentials' auto-auth for development): nothing of
 * it comes from the client, so there is nothing to guess. Followed through the function's own assignments made
 * before the call; any name that is a parameter (the request, `self`, what a caller passes) or `request` keeps
 * it a login. A name the function never assigns is a module's (an import, a constant).
 */
function passwordMadeInView(call: SyntaxNode, fn: SyntaxNode): boolean {
  const password = passwordArg(call);
  if (!password) return false;
  const params = new Set([...allParams(fn), 'request', 'self']);
  // names bound any other way than a plain assignment (a loop, `with … as`, `except … as`, `:=`, a
  // comprehension, an import, global/nonlocal) may hold anything: as tainted as a parameter
  walk(fn, (n) => {
    const bound =
      n.type === 'for_statement' || n.type === 'for_in_clause' ? n.childForFieldName('left')
      : n.type === 'as_pattern' ? n.childForFieldName('alias')
      : n.type === 'named_expression' ? n.childForFieldName('name')
      : n.type === 'global_statement' || n.type === 'nonlocal_statement' || n.type === 'import_statement' || n.type === 'import_from_statement' ? n
      : null;
    if (bound) walk(bound, (x) => (x.type === 'identifier' && params.add(x.text), true));
    return true;
  });
  // name → the values assigned to it before the call (`a = b = v` gives both v; `a, b = v` gives each all of v)
  const assigned = new Map<string, SyntaxNode[]>();
  walkBody(fn, (n) => {
    if (n.endIndex > call.startIndex || n.parent?.type === 'assignment') return;
    const targets: SyntaxNode[] = [];
    let value: SyntaxNode | null = n;
    while (value?.type === 'assignment' || value?.type === 'augmented_assignment') {
      const left = value.childForFieldName('left');
      if (left) targets.push(left);
      value = value.childForFieldName('right');
    }
    if (!value) return;
    for (const t of targets) {
      // names bound by the target: a plain name, or the names of a tuple/list pattern (not `x.y =`, `x[k] =`)
      const names = t.type === 'identifier' ? [t] : t.type === 'pattern_list' || t.type === 'tuple_pattern' || t.type === 'list_pattern' ? t.namedChildren.filter((c) => c.type === 'identifier') : [];
      for (const id of names) assigned.set(id.text, [...(assigned.get(id.text) ?? []), value]);
    }
  }, ['assignment', 'augmented_assignment']);
  const seen = new Set<string>();
  const clean = (node: SyntaxNode): boolean => {
    let ok = true;
    walk(node, (x) => {
      if (!ok) return false;
      if (x.type !== 'identifier') return true;
      if (params.has(x.text)) ok = false;
      else if (!seen.has(x.text)) {
        seen.add(x.text);
        for (const v of assigned.get(x.text) ?? []) if (!clean(v)) ok = false;
      }
      return ok;
    });
    return ok;
  };
  return clean(password);
}

const AUTH_FORM = /(^|\.)(\w*AuthenticationForm|\w*Login\w*Form|\w*SignIn\w*Form)$/;
/** A word a file must hold for one of its calls to qualify to authenticate(), login() or an AUTH_FORM class. */
const PASSWORD_WORDS = /authenticate|AuthenticationForm|\blogin\b|Login\w*Form|SignIn\w*Form/;

/**
 * A hand-written login view: calls authenticate() with a password, or login() together with an
 * AuthenticationForm-like form (constructed directly, or through a class attribute: `self.form_type(...)`).
 * Returns how it checks passwords, for the message. `view` gives its bodies (and class), asked for only past the
 * text filter, so that a file without the words is not parsed.
 */
function checksPasswords(idx: PyIndex, file: SourceFile, view: () => { fns: SyntaxNode[]; cls?: SyntaxNode }): string | undefined {
  // A call qualifies to authenticate, login or an auth form only through the file's own imports, definitions
  // and class attributes (qualify, classRefs), so the file's text must hold one of those words: most views'
  // files do not, and walking their bodies was a second of a 1 M-line project.
  if (shortcuts.on && !PASSWORD_WORDS.test(file.text)) return undefined;
  const { fns, cls } = view();
  let authenticate = false;
  let login = false;
  let authForm: string | undefined;
  const attrs = cls ? classRefs(idx, file, cls) : new Map<string, string>();
  for (const fn of fns) {
    walkBody(fn, (n) => {
      if (n.type !== 'call') return;
      const fnNode = n.childForFieldName('function');
      let q = idx.qualify(file, fnNode) ?? '';
      const selfAttr = /^self\.(\w+)$/.exec(q);
      if (selfAttr && attrs.has(selfAttr[1])) q = attrs.get(selfAttr[1])!;
      if (q === 'django.contrib.auth.authenticate') authenticate ||= passwordCredential(n, fn) && !reauthenticates(n, fn) && !signsInNewUser(n, fn) && !passwordJustSet(n, fn) && !passwordMadeInView(n, fn);
      else if (q === 'django.contrib.auth.login') login = true;
      else if (AUTH_FORM.test(q) && boundForm(n) && !passwordlessForm(idx, file, q)) authForm = shortRef(q);
    }, CALL);
  }
  if (authenticate) return 'authenticate() with a password credential';
  return login && authForm ? `${authForm} and login()` : undefined;
}

/**
 * A login form of the project's own that takes no password: a plain `forms.Form`/`ModelForm` subclass whose code
 * names no password (OpenSAFELY Airlock's `TokenLoginForm`: a user and a token its backend checks against another
 * service). A form with any other base — AuthenticationForm, a form of its own — keeps the password reading.
 */
function passwordlessForm(idx: PyIndex, file: SourceFile, q: string): boolean {
  const d = idx.resolveDef(q, file.rel);
  if (d?.node.type !== 'class_definition') return false;
  const bases = d.node.childForFieldName('superclasses')?.namedChildren.filter((b) => b.type !== 'comment') ?? [];
  if (bases.length === 0 || !bases.every((b) => /^(django\.)?(forms\.)?(Form|ModelForm)$/.test(b.text))) return false;
  return !handlesPassword(d.node);
}

/** The login route an auth URLconf adds, relative to where it is included. */
const INCLUDE_LOGIN_ROUTE: Record<string, string> = {
  'django.contrib.auth.urls': 'login/',
  'rest_framework.urls': 'login/',
  'allauth.urls': 'login/',
  'allauth.account.urls': 'login/',
  'dj_rest_auth.urls': 'login/',
  'rest_auth.urls': 'login/',
  'knox.urls': 'login/',
  'two_factor.urls': 'account/login/',
};

/**
 * Does a Python regex (a re_path()/url() route) match `text`? Python-only syntax is translated — `(?P<name>`,
 * `(?P=name)`, `\Z` — and a pattern JavaScript still cannot compile counts as no match (ArchiveBox's
 * `^static/(?P<path>.*)$` crashed the rule, and with it the gate).
 */
function pyRegexTest(pattern: string, text: string): boolean {
  const js = pattern.replace(/\(\?P</g, '(?<').replace(/\(\?P=(\w+)\)/g, '\\k<$1>').replace(/\\Z/g, '$');
  try {
    return new RegExp(js).test(text);
  } catch {
    return false;
  }
}

/** The route string of a path()/re_path() call (`"auth/"`), when it is a literal. */
function routeString(call: SyntaxNode): string | undefined {
  return stringValue(callParts(call).args[0]);
}

/**
 * Is the login view an `include()` adds shadowed by an earlier route in the same list that answers the same
 * path (`path("auth/login/", MyLoginView…)` before `path("auth/", include("django.contrib.auth.urls"))`)? Django
 * resolves the first match, so the included LoginView is never reached.
 */
function shadowedInclude(ctx: ScanContext, r: RouteCall, target: string): boolean {
  const suffix = INCLUDE_LOGIN_ROUTE[target];
  const prefix = routeString(r.call);
  const list = r.call.parent;
  if (!suffix || prefix === undefined || !list || (list.type !== 'list' && list.type !== 'tuple')) return false;
  const isRegex = /(^|\.)(re_path|url)$/.test(callParts(r.call).callee ?? '');
  // a regex include at the root (`re_path('', include(...))`, `url(r'^', …)`) adds its routes as they are
  const full = isRegex ? (prefix === '' || prefix === '^' ? suffix : undefined) : prefix + suffix;
  for (const sib of list.namedChildren) {
    if (sib.id === r.call.id) break;
    if (sib.type !== 'call') continue;
    const route = routeString(sib);
    if (route === undefined) continue;
    const sibRegex = /(^|\.)(re_path|url)$/.test(callParts(sib).callee ?? '');
    if (full !== undefined && !sibRegex && route === full) return true;
    // a regex ending in `$`; or an earlier view (not an include) whose anchored regex has no `$`, which answers
    // every path it starts — Django searches an endpoint's pattern unless it ends in `$` (EuroPython's
    // `re_path(r'^login/', RedirectView…)` before its root include of django.contrib.auth.urls)
    const sibView = callParts(sib).args[1];
    const sibInclude = sibView?.type === 'call' && /(^|\.)include$/.test(callParts(sibView).callee ?? '');
    if (full !== undefined && sibRegex && (/\$$/.test(route) || (!sibInclude && route.startsWith('^'))) && pyRegexTest(route, full)) return true;
    // an earlier include of the project's own URLconf that routes the same path (KPI: `path("", include(
    // "kobo.apps.accounts.mfa.urls"))`, whose `accounts/login/` comes before allauth's)
    if (full !== undefined && !sibRegex && full.startsWith(route) && includesRoute(ctx, r.file.rel, sib, full.slice(route.length))) return true;
  }
  return false;
}

/** Does `call` (a path(…, include("module"))) include a project URLconf with a plain path() route equal to `rest`? */
function includesRoute(ctx: ScanContext, fromRel: string, call: SyntaxNode, rest: string): boolean {
  const view = callParts(call).args[1];
  const included = view?.type === 'call' ? callParts(view) : undefined;
  const inc = included && /(^|\.)include$/.test(included.callee ?? '') ? included.args[0] : undefined;
  const module = inc ? stringValue(inc) : undefined;
  const file = module ? PyIndex.of(ctx).resolveModule(module, fromRel) : undefined;
  if (!file) return false;
  return routeCalls(ctx).some((rc) => rc.file.rel === file.rel && !/(^|\.)(re_path|url)$/.test(callParts(rc.call).callee ?? '') && routeString(rc.call) === rest);
}

/**
 * A password backend that limits attempts listed first in AUTHENTICATION_BACKENDS (django-ratelimit-backend,
 * a project backend named for it): every authenticate() call goes through it before any other backend checks a
 * password. Only a known list of strings counts.
 */
function limitingBackendFirst(s: EvaluatedSettings): boolean {
  const b = s.bindings.get('AUTHENTICATION_BACKENDS');
  if (!b || b.conditional) return false;
  return WORLDS.every((w) => {
    const items = strItems(b[w]);
    return !!items && items.length > 0 && LIMITER_NAME.test(items[0].split('.').slice(-2).join('.'));
  });
}

/**
 * Backends that sign users in without a password of theirs: OpenID Connect, remote user (the web server
 * authenticates), social auth, SAML, ADFS, CAS, OAuth2 tokens, magic links.
 */
const PASSWORDLESS_BACKEND = /^(mozilla_django_oidc\.auth\.OIDCAuthenticationBackend|django\.contrib\.auth\.backends\.RemoteUserBackend|social_core\.backends\.[\w.]+|djangosaml2\.backends\.Saml2Backend|django_auth_adfs\.backend\.\w+|django_cas_ng\.backends\.CASBackend|oauth2_provider\.backends\.OAuth2Backend|sesame\.backends\.ModelBackend)$/;

/**
 * Every backend in production's AUTHENTICATION_BACKENDS (known, in every world) signs users in without a password
 * — one of PASSWORDLESS_BACKEND, or a project class derived from one (mailarchive's `CustomOIDCBackend`): a
 * login form or authenticate() with a password then checks none, so attempts guess nothing. Why, or undefined.
 */
function passwordlessBackends(idx: PyIndex, s: EvaluatedSettings): string | undefined {
  const b = s.bindings.get('AUTHENTICATION_BACKENDS');
  if (!b || b.conditional) return undefined;
  const names = WORLDS.map((w) => strItems(b[w]));
  if (names.some((n) => !n || n.length === 0)) return undefined;
  const all = [...new Set(names.flat() as string[])];
  const passwordless = (q: string): boolean => {
    if (PASSWORDLESS_BACKEND.test(q)) return true;
    const d = idx.resolveDef(q);
    return !!d && d.node.type === 'class_definition' && classAncestry(idx, d.file, d.node).some((a) => PASSWORDLESS_BACKEND.test(a.q));
  };
  if (!all.every(passwordless)) return undefined;
  return `every backend in AUTHENTICATION_BACKENDS of ${label(s)} (${all.join(', ')}) signs users in without a password, so nothing here checks one; it becomes a password login, and needs a limit, once a password backend (ModelBackend) is added`;
}

/** launch.W110: login endpoints (Django LoginView, auth URLconfs, DRF token views, hand-written authenticate() views) without rate limiting. */
export default {
  reads: 'views',
  // a hand-written login view is reported in its file; the routes (URLconfs) once, in the first batch (onceForBatches)
  batchWeight: (f) => (PASSWORD_WORDS.test(f.text) || isUrlsFile(f.rel) ? f.text.length : 0),
  meta: {
    id: 'launch.W110',
    name: 'login-not-rate-limited',
    checklist: 'rate-limiting',
    level: 'warning',
    title: 'Login endpoint without rate limiting (brute force, credential stuffing)',
    fix: 'Limit login attempts: add django-axes (INSTALLED_APPS, AxesMiddleware, AxesBackend), or @ratelimit(key="ip", rate="5/m") on the view, or DRF DEFAULT_THROTTLE_CLASSES for API token views.',
    securitySeverity: 5.3,
    precision: 'high',
    tags: ['security', 'external/cwe/cwe-307'],
    settings: ['INSTALLED_APPS'],
  },
  check(ctx) {
    const idx = PyIndex.of(ctx);
    const finder = new LimiterFinder(idx);
    const hits: RuleHit[] = [];
    let endpoints = 0;
    let projects = 0;
    let undecidedEndpoints = 0;
    const views = findViews(ctx);
    for (const project of ctx.projects) {
      const s = project.production;
      if (!s) continue;
      projects++;
      const first = hits.length;
      let axes = lockoutApp(s);
      // INSTALLED_APPS unknown only because branches could not be decided (e.g. `if raven: INSTALLED_APPS += (...)`):
      // a lockout app needs its name in the settings files, so none mentioned means none installed.
      // Apps added from data the settings do not hold (`json.loads(os.environ["EXTRA_APPS"])`, ephios' plugins from
      // installed packages' entry points) may name one: undecided, and said (the rule's `undecided`), never passed.
      if (axes === undefined && s.bindings.get('INSTALLED_APPS')?.conditional && !s.files.some((rel) => /['"](axes|defender)(\.[\w.]+)?['"]/.test(ctx.workspace.get(rel)?.text ?? "'axes'"))) axes = false;
      if (limitingBackendFirst(s)) axes = true;
      const limits: Limits = { axes, drfThrottle: drfThrottle(s), allauthOff: allauthOff(s), nginx: undefined, middleware: limitingMiddleware(idx, finder, s) };
      let nginxChecked = false;
      /** Not reported: the endpoint is limited, or cannot be judged (then counted, and said as undecided). */
      const notReported = (limited: boolean | undefined): boolean => {
        if (limited === undefined) undecidedEndpoints++;
        return limited !== false;
      };
      const globally = (kind: Kind) => {
        if (!nginxChecked) {
          limits.nginx = nginxLimit(ctx, project);
          nginxChecked = true;
        }
        return limitedGlobally(kind, limits);
      };
      // 1. routes in urls.py to library login views, auth URLconfs, and project subclasses of login views: one
      // finding per login view, a second route to the same view named on the first finding — worked out once for
      // every batch (the routes of all URLconfs), reported by the batch that worked it out
      const routes = onceForBatches(ctx, `launch.W110 routes of ${project.root}`, () => {
        const out = { hits: [] as RuleHit[], classes: new Set<string>(), endpoints: 0 };
        const reportedTargets = new Map<string, RuleHit>();
        for (const r of routeCalls(ctx)) {
          if (!countsFor(ctx, project, r.file.rel) || LIBRARY.test(idx.moduleName(r.file))) continue;
          const v = unwrapView(r.view);
          let kind: Kind | undefined;
          let what = '';
          let target = '';
          let projectClass: { file: SourceFile; node: SyntaxNode } | undefined;
          const callee = v.type === 'call' ? callParts(v).callee : undefined;
          if (callee && /(^|\.)include$/.test(callee)) {
            const arg = callParts(v).args[0];
            // a URLconf's patterns imported by name (`from two_factor.urls import urlpatterns as tf_urls`) are that URLconf
            const included = (stringValue(arg) ?? (arg?.type === 'tuple' ? stringValue(arg.namedChildren[0]) : undefined) ?? (arg ? idx.qualify(r.file, arg) : undefined))?.replace(/\.urlpatterns$/, '');
            if (included && AUTH_INCLUDES[included]) {
              if (shadowedInclude(ctx, r, included)) continue;
              kind = AUTH_INCLUDES[included];
              what = `\`include("${included}")\` adds a login view`;
              target = `include:${r.file.rel}:${r.call.startPosition.row}`;
            }
          } else {
            const ref = asViewClass(v) ?? (v.type === 'identifier' || v.type === 'attribute' ? v : undefined);
            const q = ref ? idx.qualify(r.file, ref) : undefined;
            if (q && AUTH_VIEWS[q]) {
              kind = AUTH_VIEWS[q];
              what = `The route to \`${shortRef(q)}\` is a login endpoint`;
              target = q;
            } else if (q) {
              // what the view index resolved the route to, with its class's bases: no view module parsed for it
              const t = routeTarget(ctx, r);
              if (t && t.q === q && t.ref.type === 'class_definition') {
                const base = t.ancestors.find((a) => AUTH_VIEWS[a]);
                if (base) {
                  kind = AUTH_VIEWS[base];
                  projectClass = { file: t.ref.file, node: targetNode(ctx, t) };
                  what = `The route to \`${t.name}\` (a ${shortRef(base)}) is a login endpoint`;
                  target = q;
                }
              }
            }
          }
          if (!kind) continue;
          // routed only when DEBUG is on (evalai's `if settings.DEBUG: urlpatterns += [… include("rest_framework.urls")]`)
          // or when another setting production turns off is on: production serves no such route
          const debugOnly = onlyWhenDebug(r.call);
          if ((debugOnly && debugOffInProduction(ctx, r.file.rel)) || switchedOffInProduction(ctx, r.file.rel, r.call)) continue;
          out.endpoints++;
          if (projectClass) out.classes.add(defKey(projectClass.file, projectClass.node));
          if (finder.route(r.file, r.view)) continue;
          if (projectClass && finder.cls(projectClass.file, projectClass.node)) continue;
          if (notReported(globally(kind))) continue;
          const earlier = reportedTargets.get(target);
          if (earlier) {
            (earlier.related ??= []).push({ location: loc(r.file, r.call), message: 'another route to the same login view' });
            continue;
          }
          const hit: RuleHit = {
            location: loc(r.file, r.call),
            message: `${what} with no rate limiting: ${why(kind, s)}; ${debugOnly ? `${IMPACT.replace(/\.$/, '')} — a note: the route is there only when DEBUG is on (under \`if settings.DEBUG\`), and the scan could not show that production keeps DEBUG off (launch.E010 says when it is on).` : IMPACT}`,
            ...(debugOnly ? { level: 'note' as const } : {}),
          };
          reportedTargets.set(target, hit);
          out.hits.push(hit);
        }
        return out;
      });
      endpoints += routes.value.endpoints;
      if (routes.fresh) hits.push(...routes.value.hits);

      // 2. hand-written login views: authenticate() with a password (or login() with an AuthenticationForm) in a view
      const seen = new Set<string>();
      const routeFile = (route: Location | undefined) => (route ? ctx.workspace.get(route.file) : undefined);
      const routeLimited = (route: Location | undefined, routeView: SyntaxNode | undefined) => {
        const f = routeFile(route);
        return !!(f && routeView && finder.route(f, routeView));
      };
      // the views of the batch, each reported in its file
      for (const c of views.classes) {
        if (!inFileBatch(ctx, c.file.rel) || !countsFor(ctx, project, c.file.rel) || routes.value.classes.has(c.key) || seen.has(c.key) || LIBRARY.test(idx.moduleName(c.file))) continue;
        seen.add(c.key);
        const how = checksPasswords(idx, c.file, () => ({ fns: methodsOf(c.node), cls: c.node }));
        if (!how) continue;
        endpoints++;
        const kind: Kind = c.drf ? 'drf' : 'django';
        if (finder.cls(c.file, c.node) || routeLimited(c.route, c.routeView)) continue;
        if (notReported(globally(kind))) continue;
        hits.push({
          location: loc(c.file, c.node),
          message: `View \`${c.name}\` checks passwords (${how}) with no rate limiting: ${why(kind, s)}; ${IMPACT}`,
          ...(c.route ? { related: [{ location: c.route, message: `the route to \`${c.name}\`` }] } : {}),
        });
      }
      for (const f of views.functions) {
        if (f.clsKey || !inFileBatch(ctx, f.file.rel) || !countsFor(ctx, project, f.file.rel) || seen.has(f.key) || LIBRARY.test(idx.moduleName(f.file))) continue;
        seen.add(f.key);
        const how = checksPasswords(idx, f.file, () => ({ fns: [f.node] }));
        if (!how) continue;
        endpoints++;
        const kind: Kind = f.drf ? 'drf' : 'django';
        if (finder.fn(f.file, f.node) || routeLimited(f.route, f.routeView)) continue;
        if (notReported(globally(kind))) continue;
        hits.push({
          location: loc(f.file, f.node),
          message: `View \`${f.label}\` checks passwords (${how}) with no rate limiting: ${why(kind, s)}; ${IMPACT}`,
          ...(f.route ? { related: [{ location: f.route, message: `the route to \`${f.label}\`` }] } : {}),
        });
      }
      // no backend production uses checks a password (mailarchive's OIDC backend): there is nothing to guess
      const passwordless = passwordlessBackends(idx, s);
      if (passwordless) for (let i = first; i < hits.length; i++) hits[i] = { ...hits[i], level: 'note', message: `${hits[i].message.replace(/\.$/, '')} — a note: ${passwordless}.` };
    }
    if (projects === 0) return { hits, notApplicable: 'no production settings module was found' };
    if (endpoints === 0) {
      // The admin's own login (Django's admin.site.urls, Wagtail's admin URLs) is one this rule does not judge: never
      // "no login endpoint" while one is routed (Wagtail sites: the RCA's, Toolhub's Django admin)
      // the routes of every URLconf, so worked out once for every batch
      const admin = onceForBatches(ctx, 'launch.W110 admin login', () => adminLogin(ctx)).value;
      const covered = ctx.projects.every((p) => !p.production || lockoutApp(p.production) === true);
      if (admin && !covered) return { hits, undecided: `the admin's login page (${admin}) is a login endpoint this rule does not judge — check that production limits its attempts (django-axes covers it)` };
      if (admin) return { hits }; // django-axes or django-defender limits the admin's login too
      return { hits, notApplicable: 'no login endpoint found (no LoginView route, auth URLconf include, token view or view calling authenticate() with a password)' };
    }
    if (undecidedEndpoints > 0 && hits.length === 0) {
      return { hits, undecided: `${undecidedEndpoints} login endpoint${undecidedEndpoints === 1 ? '' : 's'} found, but whether production limits login attempts cannot be decided (INSTALLED_APPS, or DRF's throttles, cannot be computed statically)` };
    }
    return { hits };
  },
} satisfies Rule;

/** A route to an admin site's URLs — `admin.site.urls`, Wagtail's `wagtailadmin_urls` — as `file:line`, or undefined. */
function adminLogin(ctx: ScanContext): string | undefined {
  const idx = PyIndex.of(ctx);
  for (const r of routeCalls(ctx)) {
    if (isTestPath(r.file.rel)) continue;
    const v = r.view;
    const arg = v.type === 'call' && /(^|\.)include$/.test(callParts(v).callee ?? '') ? callParts(v).args[0] : v;
    const q = arg ? (stringValue(arg) ?? idx.qualify(r.file, arg)) : undefined;
    if (q && (/(^|\.)site\.urls$/.test(arg!.text) || /^wagtail(\.wagtailadmin|\.admin)\.urls(\.urlpatterns)?$/.test(q))) return `${r.file.rel}:${r.call.startPosition.row + 1}`;
  }
  return undefined;
}
