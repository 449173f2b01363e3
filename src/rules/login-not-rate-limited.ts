import type { Location } from '../finding';
import { callParts, stringValue, type SyntaxNode } from '../project/python';
import type { ScanContext, ScannedProject } from '../project/scan';
import type { SourceFile } from '../project/workspace';
import type { Rule, RuleHit } from './rule';
import {
  PyIndex,
  asViewClass,
  baseName,
  baseNodes,
  classAttr,
  countsFor,
  decoratorTexts,
  findViews,
  inDevFolder,
  isDevName,
  loc,
  methodsOf,
  routeCalls,
  unwrapView,
  walkBody,
} from '../project/model';
import { WORLDS, appInstalled, dictGet, label, truthy, type EvaluatedSettings } from './settings-util';

/** Which limiter applies: Django views (axes/defender/ratelimit/nginx), DRF views (also DRF throttling), allauth (its own limits). */
type Kind = 'django' | 'drf' | 'allauth';

/** Library login views, by qualified name. */
const AUTH_VIEWS: Record<string, Kind> = {
  'django.contrib.auth.views.LoginView': 'django',
  'django.contrib.auth.views.login': 'django',
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
};

/** The libraries that define those views: their own URLconfs and views are reported where a project routes to them. */
const LIBRARY = /^(django|rest_framework|rest_framework_simplejwt|rest_framework_jwt|allauth|knox|dj_rest_auth|rest_auth|djoser|axes|defender)(\.|$)/;

/** Rate-limiting decorators / wrappers: django-ratelimit's @ratelimit, DRF @throttle_classes, brake, method_decorator(ratelimit(...)). */
const LIMIT_TEXT = /rate_?limit|throttl/i;

interface Limits {
  axes: boolean | undefined;
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

/** An nginx config of the project with `limit_req` server-wide or in a location covering login URLs. */
function nginxLimit(ctx: ScanContext, project: ScannedProject): Location | undefined {
  for (const f of ctx.workspace.deployFiles()) {
    if (!f.rel.endsWith('.conf') || !countsFor(ctx, project, f.rel) || inDevFolder(f.rel, ctx) || isDevName(baseName(f.rel).replace(/\.conf$/, ''))) continue;
    if (!/\blimit_req\s/.test(f.text)) continue;
    const stack: string[] = [];
    let header = '';
    const lines = f.text.split('\n');
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
          if (!/^limit_req\s/.test(stmt)) continue;
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
  if (l.axes === true || l.nginx) return true;
  if (kind === 'allauth' && !l.allauthOff) return true;
  if (kind === 'drf' && l.drfThrottle === true) return true;
  if (l.axes === undefined) return undefined;
  if (kind === 'drf' && l.drfThrottle === undefined) return undefined;
  return false;
}

/** Rate-limit decorators or DRF throttles on a project view class (class decorators, method decorators, throttle_classes). */
function classLimited(cls: SyntaxNode): boolean {
  if (decoratorTexts(cls).some((d) => LIMIT_TEXT.test(d))) return true;
  if (methodsOf(cls).some((m) => decoratorTexts(m).some((d) => LIMIT_TEXT.test(d)))) return true;
  const throttles = classAttr(cls, 'throttle_classes');
  if (throttles && !/^[([]\s*[)\]]$/.test(throttles.text)) return true;
  return !!classAttr(cls, 'throttle_scope');
}

/** Qualified names of a class's bases, through project classes (a few levels). */
function ancestry(idx: PyIndex, file: SourceFile, cls: SyntaxNode, depth = 0, out: Array<{ q: string; cls?: SyntaxNode }> = []): Array<{ q: string; cls?: SyntaxNode }> {
  for (const b of baseNodes(cls)) {
    const q = idx.qualify(file, b);
    if (!q) continue;
    const d = depth < 3 ? idx.resolveDef(q, file.rel) : undefined;
    out.push({ q, cls: d?.node.type === 'class_definition' ? d.node : undefined });
    if (d && d.node.type === 'class_definition' && d.node.id !== cls.id) ancestry(idx, d.file, d.node, depth + 1, out);
  }
  return out;
}

function shortRef(q: string): string {
  return q.split('.').slice(-1)[0];
}

function why(kind: Kind, s: EvaluatedSettings): string {
  const axesOff = WORLDS.some((w) => appInstalled(s, w, 'axes') === true) && s.bindings.has('AXES_ENABLED');
  const none = [axesOff ? `django-axes is switched off (AXES_ENABLED = False) in ${label(s)}` : `no django-axes or django-defender in INSTALLED_APPS of ${label(s)}`];
  if (kind === 'drf') none.push('no DEFAULT_THROTTLE_CLASSES in REST_FRAMEWORK');
  none.push('no @ratelimit on the view', 'no nginx limit_req');
  const prefix = kind === 'allauth' ? "ACCOUNT_RATE_LIMITS = False switches off allauth's own login limits; " : '';
  return prefix + none.join(', ');
}

const IMPACT = 'attackers can guess passwords (credential stuffing, brute force) as fast as the server answers.';

/** A hand-written login view: calls authenticate(), or login() together with an AuthenticationForm-like form. */
function checksPasswords(idx: PyIndex, file: SourceFile, fns: SyntaxNode[]): boolean {
  let authenticate = false;
  let login = false;
  let authForm = false;
  for (const fn of fns) {
    walkBody(fn, (n) => {
      if (n.type !== 'call') return;
      const fnNode = n.childForFieldName('function');
      const q = idx.qualify(file, fnNode) ?? '';
      if (q === 'django.contrib.auth.authenticate') authenticate = true;
      else if (q === 'django.contrib.auth.login') login = true;
      else if (/(^|\.)(\w*AuthenticationForm|\w*Login\w*Form|\w*SignIn\w*Form)$/.test(q)) authForm = true;
    });
  }
  return authenticate || (login && authForm);
}

/** launch.W110: login endpoints (Django LoginView, auth URLconfs, DRF token views, hand-written authenticate() views) without rate limiting. */
export default {
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
  },
  check(ctx) {
    const idx = PyIndex.of(ctx);
    const hits: RuleHit[] = [];
    let endpoints = 0;
    let projects = 0;
    const views = findViews(ctx);
    for (const project of ctx.projects) {
      const s = project.production;
      if (!s) continue;
      projects++;
      let axes = lockoutApp(s);
      // INSTALLED_APPS unknown only because branches could not be decided (e.g. `if raven: INSTALLED_APPS += (...)`):
      // a lockout app needs its name in the settings files, so none mentioned means none installed.
      if (axes === undefined && s.bindings.get('INSTALLED_APPS')?.conditional && !s.files.some((rel) => /['"](axes|defender)(\.[\w.]+)?['"]/.test(ctx.workspace.get(rel)?.text ?? "'axes'"))) axes = false;
      const limits: Limits = { axes, drfThrottle: drfThrottle(s), allauthOff: allauthOff(s), nginx: undefined };
      let nginxChecked = false;
      const globally = (kind: Kind) => {
        if (!nginxChecked) {
          limits.nginx = nginxLimit(ctx, project);
          nginxChecked = true;
        }
        return limitedGlobally(kind, limits);
      };
      const reportedClasses = new Set<number>();

      // 1. routes in urls.py to library login views, auth URLconfs, and project subclasses of login views
      for (const r of routeCalls(ctx)) {
        if (!countsFor(ctx, project, r.file.rel) || LIBRARY.test(idx.moduleName(r.file))) continue;
        const v = unwrapView(r.view);
        let kind: Kind | undefined;
        let what = '';
        let projectClass: SyntaxNode | undefined;
        const callee = v.type === 'call' ? callParts(v).callee : undefined;
        if (callee && /(^|\.)include$/.test(callee)) {
          const arg = callParts(v).args[0];
          const target = stringValue(arg) ?? (arg?.type === 'tuple' ? stringValue(arg.namedChildren[0]) : undefined) ?? (arg ? idx.qualify(r.file, arg) : undefined);
          if (target && AUTH_INCLUDES[target]) {
            kind = AUTH_INCLUDES[target];
            what = `\`include("${target}")\` adds a login view`;
          }
        } else {
          const ref = asViewClass(v) ?? (v.type === 'identifier' || v.type === 'attribute' ? v : undefined);
          const q = ref ? idx.qualify(r.file, ref) : undefined;
          if (q && AUTH_VIEWS[q]) {
            kind = AUTH_VIEWS[q];
            what = `The route to \`${shortRef(q)}\` is a login endpoint`;
          } else if (q) {
            const d = idx.resolveDef(q, r.file.rel);
            if (d && d.node.type === 'class_definition') {
              const base = ancestry(idx, d.file, d.node).find((a) => AUTH_VIEWS[a.q]);
              if (base) {
                kind = AUTH_VIEWS[base.q];
                projectClass = d.node;
                what = `The route to \`${d.name}\` (a ${shortRef(base.q)}) is a login endpoint`;
              }
            }
          }
        }
        if (!kind) continue;
        endpoints++;
        if (projectClass) reportedClasses.add(projectClass.id);
        if (LIMIT_TEXT.test(r.view.text)) continue;
        if (projectClass && classLimited(projectClass)) continue;
        if (globally(kind) !== false) continue;
        hits.push({ location: loc(r.file, r.call), message: `${what} with no rate limiting: ${why(kind, s)}; ${IMPACT}` });
      }

      // 2. hand-written login views: authenticate() (or login() with an AuthenticationForm) in a view
      const seen = new Set<number>();
      for (const c of views.classes) {
        if (!countsFor(ctx, project, c.file.rel) || reportedClasses.has(c.node.id) || seen.has(c.node.id) || LIBRARY.test(idx.moduleName(c.file))) continue;
        seen.add(c.node.id);
        if (!checksPasswords(idx, c.file, methodsOf(c.node))) continue;
        endpoints++;
        const kind: Kind = c.drf ? 'drf' : 'django';
        if (classLimited(c.node) || (c.routeView && LIMIT_TEXT.test(c.routeView.text))) continue;
        if (globally(kind) !== false) continue;
        hits.push({
          location: loc(c.file, c.node),
          message: `View \`${c.name}\` checks passwords (authenticate()) with no rate limiting: ${why(kind, s)}; ${IMPACT}`,
          ...(c.route ? { related: [{ location: c.route, message: `the route to \`${c.name}\`` }] } : {}),
        });
      }
      for (const f of views.functions) {
        if (f.cls || !countsFor(ctx, project, f.file.rel) || seen.has(f.node.id) || LIBRARY.test(idx.moduleName(f.file))) continue;
        seen.add(f.node.id);
        if (!checksPasswords(idx, f.file, [f.node])) continue;
        endpoints++;
        const kind: Kind = f.drf ? 'drf' : 'django';
        if (decoratorTexts(f.node).some((d) => LIMIT_TEXT.test(d)) || (f.routeView && LIMIT_TEXT.test(f.routeView.text))) continue;
        if (globally(kind) !== false) continue;
        hits.push({
          location: loc(f.file, f.node),
          message: `View \`${f.label}\` checks passwords (authenticate()) with no rate limiting: ${why(kind, s)}; ${IMPACT}`,
          ...(f.route ? { related: [{ location: f.route, message: `the route to \`${f.label}\`` }] } : {}),
        });
      }
    }
    if (projects === 0) return { hits, notApplicable: 'no production settings module was found' };
    if (endpoints === 0) return { hits, notApplicable: 'no login endpoint found (no LoginView route, auth URLconf include, token view or view calling authenticate())' };
    return { hits };
  },
} satisfies Rule;

