/**
 * Views and URL routing: which functions and classes are views (routed from urls.py, class-based,
 * `@api_view`, `request`-first functions of views modules), the route calls of urls.py modules, and
 * helpers to unwrap a route's view argument. Cached per scan.
 */
import type { Location } from '../finding';
import type { ScanContext } from './scan';
import type { SourceFile } from './workspace';
import { callParts, eachOfType, stringValue, type SyntaxNode } from './python';
import { baseName, isDevName, isManagementCommand, isMigration, isTestPath } from './files';
import { PyIndex } from './modules';
import { baseNodes, decoratorDotted, loc, methodsOf, paramNames } from './syntax';

/** Base class names that make a class a view. */
const VIEW_BASES = new Set([
  'View', 'TemplateView', 'FormView', 'CreateView', 'UpdateView', 'DeleteView', 'ListView', 'DetailView', 'RedirectView',
  'ArchiveIndexView', 'YearArchiveView', 'MonthArchiveView', 'WeekArchiveView', 'DayArchiveView', 'TodayArchiveView', 'DateDetailView',
  'APIView', 'GenericAPIView', 'ViewSet', 'ModelViewSet', 'ReadOnlyModelViewSet', 'GenericViewSet',
  'CreateAPIView', 'ListAPIView', 'RetrieveAPIView', 'DestroyAPIView', 'UpdateAPIView', 'ListCreateAPIView',
  'RetrieveUpdateAPIView', 'RetrieveDestroyAPIView', 'RetrieveUpdateDestroyAPIView', 'LoginView', 'LogoutView',
]);

/** Does a base class name look like a view (`View`, `*View`, `*ViewSet`, `*APIView`)? Admin and test classes are not. */
export function isViewBaseName(qualified: string): boolean {
  const last = qualified.split('.').pop() ?? '';
  if (VIEW_BASES.has(last)) return true;
  if (/^(Test|Mock|Fake)/.test(last)) return false;
  return /[a-z0-9]View$|ViewSet$|APIView$/.test(last) && !/(TreeView|ListView|TableView|GraphicsView|WebView)$/.test(last) || VIEW_BASES.has(last);
}

const TASK_DECORATOR = /(^|\.)(shared_task|task|actor|job|periodic_task|db_task|db_periodic_task|background)$/;

export function isTaskFunction(fn: SyntaxNode): boolean {
  return decoratorDotted(fn).some((d) => TASK_DECORATOR.test(d));
}

/** View-marking decorators on plain functions. */
const VIEW_DECORATOR = /(^|\.)(api_view|require_http_methods|require_POST|require_GET|require_safe|csrf_exempt|csrf_protect|login_required|permission_required|staff_member_required|never_cache|cache_page)$/;

export interface ViewFunction {
  file: SourceFile;
  /** function_definition (a function view or a method of a class-based view). */
  node: SyntaxNode;
  /** `contact` or `ContactView.post`. */
  label: string;
  /** The class for methods of class-based views. */
  cls?: SyntaxNode;
  /** Where a route reaches it (urls.py line), when found. */
  route?: Location;
  /** The route's view argument as written (decorator wrappers included), when routed. */
  routeView?: SyntaxNode;
  /** DRF: `@api_view` function or a class whose bases come from rest_framework (throttling applies). */
  drf: boolean;
}

export interface ViewClass {
  file: SourceFile;
  node: SyntaxNode;
  name: string;
  route?: Location;
  routeView?: SyntaxNode;
  drf: boolean;
}

export interface RouteCall {
  file: SourceFile;
  /** The path()/re_path()/url() call. */
  call: SyntaxNode;
  /** The view argument (possibly wrapped in decorators: login_required(views.x)). */
  view: SyntaxNode;
}

/** urls.py modules: `urls.py`, `*_urls.py`, `urls_*.py` (Sefaria's `urls_shared.py`), files of a `urls/` package. */
export function isUrlsFile(rel: string): boolean {
  const name = baseName(rel);
  return /(^|_)urls(_\w+)?\.py$/.test(name) || rel.split('/').slice(0, -1).pop() === 'urls';
}

/** Every path()/re_path()/url() route call with a view argument, in non-test urls files. */
const routeCache = new WeakMap<ScanContext, RouteCall[]>();

export function routeCalls(ctx: ScanContext): RouteCall[] {
  const cached = routeCache.get(ctx);
  if (cached) return cached;
  const out: RouteCall[] = [];
  routeCache.set(ctx, out);
  for (const f of ctx.workspace.pythonFiles()) {
    // a development URLconf (`dev_urls.py`, `urls_dev.py`: Kolibri Studio's, which only its dev settings name as
    // ROOT_URLCONF) routes nothing production serves
    if (!isUrlsFile(f.rel) || isTestPath(f.rel) || isDevName(baseName(f.rel).replace(/\.py$/, ''))) continue;
    eachOfType(ctx.workspace.tree(f).rootNode, 'call', (n) => {
      const { callee, args, kwargs } = callParts(n);
      const last = callee?.split('.').pop();
      if (last === 'path' || last === 're_path' || last === 'url' || last === 'register_path') {
        const view = kwargs.get('view') ?? args[1];
        if (view && callee !== 'os.path' && !/(^|\.)os\.path$/.test(callee ?? '')) out.push({ file: f, call: n, view });
      }
    });
  }
  return out;
}

/** Strip decorator wrappers from a route's view argument: `login_required(views.x)` -> `views.x`, `cache_page(60)(v)` -> `v`. */
export function unwrapView(view: SyntaxNode): SyntaxNode {
  let v = view;
  for (let i = 0; i < 6 && v.type === 'call'; i++) {
    const fn = v.childForFieldName('function');
    if (fn?.type === 'attribute' && fn.childForFieldName('attribute')?.text === 'as_view') return v;
    const { args } = callParts(v);
    const first = args[0];
    if (!first || !['identifier', 'attribute', 'call'].includes(first.type)) return v;
    v = first;
  }
  return v;
}

/** For an `X.as_view(...)` call: X; otherwise undefined. */
export function asViewClass(view: SyntaxNode): SyntaxNode | undefined {
  if (view.type !== 'call') return undefined;
  const fn = view.childForFieldName('function');
  if (fn?.type === 'attribute' && fn.childForFieldName('attribute')?.text === 'as_view') return fn.childForFieldName('object') ?? undefined;
  return undefined;
}

function isDrfClass(idx: PyIndex, file: SourceFile, cls: SyntaxNode, depth = 0): boolean {
  for (const b of baseNodes(cls)) {
    const q = idx.qualify(file, b) ?? '';
    if (q.startsWith('rest_framework.') || q.startsWith('rest_framework_simplejwt.') || q.startsWith('knox.') || q.startsWith('dj_rest_auth.') || q.startsWith('rest_auth.')) return true;
    if (/^(APIView|GenericAPIView|ViewSet|ModelViewSet|ReadOnlyModelViewSet|GenericViewSet|\w+APIView)$/.test(q)) return true;
    if (depth < 3) {
      const d = idx.resolveDef(q, file.rel);
      if (d && d.node.type === 'class_definition' && d.node.id !== cls.id && isDrfClass(idx, d.file, d.node, depth + 1)) return true;
    }
  }
  return false;
}

/** Is this class a view: a view-like base, directly or through project base classes? */
function isViewClass(idx: PyIndex, file: SourceFile, cls: SyntaxNode, depth = 0): boolean {
  for (const b of baseNodes(cls)) {
    const q = idx.qualify(file, b);
    if (!q) continue;
    if (q.startsWith('django.contrib.admin') || /(^|\.)(ModelAdmin|TestCase|SimpleTestCase|TransactionTestCase)$/.test(q)) continue;
    if (isViewBaseName(q)) return true;
    if (depth < 3) {
      const d = idx.resolveDef(q, file.rel);
      if (d && d.node.type === 'class_definition' && d.node.id !== cls.id && isViewClass(idx, d.file, d.node, depth + 1)) return true;
    }
  }
  return false;
}

export function isViewsModule(rel: string): boolean {
  const name = baseName(rel);
  return /(^|_)views?\.py$/.test(name) || rel.split('/').slice(0, -1).includes('views');
}

export interface ViewSet {
  functions: ViewFunction[];
  classes: ViewClass[];
}

const viewCache = new WeakMap<ScanContext, ViewSet>();

/**
 * Every view of the scanned tree (tests, migrations, management commands and task functions excluded):
 *  - functions and classes a urls.py routes to (path/re_path/url, `.as_view()`, DRF router `register`);
 *  - classes with a view base (View, TemplateView, APIView, ViewSet, any `*View`), methods included;
 *  - `@api_view` (and other view-decorated) functions; functions of views modules taking `request` first.
 */
export function findViews(ctx: ScanContext): ViewSet {
  const cached = viewCache.get(ctx);
  if (cached) return cached;
  const idx = PyIndex.of(ctx);
  const classes = new Map<number, ViewClass>();
  const functions = new Map<number, ViewFunction>();
  const excluded = (rel: string) => isTestPath(rel) || isMigration(rel) || isManagementCommand(rel) || /(^|\/)tasks\.py$/.test(rel);

  const addClass = (file: SourceFile, node: SyntaxNode, route?: Location, routeView?: SyntaxNode) => {
    if (excluded(file.rel)) return;
    const prev = classes.get(node.id);
    if (prev) {
      prev.route ??= route;
      prev.routeView ??= routeView;
      return;
    }
    const name = node.childForFieldName('name')?.text ?? '?';
    classes.set(node.id, { file, node, name, route, routeView, drf: isDrfClass(idx, file, node) });
  };
  const addFunction = (file: SourceFile, node: SyntaxNode, route?: Location, routeView?: SyntaxNode) => {
    if (excluded(file.rel) || isTaskFunction(node)) return;
    const prev = functions.get(node.id);
    if (prev) {
      prev.route ??= route;
      prev.routeView ??= routeView;
      return;
    }
    const name = node.childForFieldName('name')?.text ?? '?';
    functions.set(node.id, { file, node, label: name, route, routeView, drf: decoratorDotted(node).some((d) => /(^|\.)api_view$/.test(d)) });
  };

  // 1. routes
  for (const r of routeCalls(ctx)) {
    const v = unwrapView(r.view);
    const routeLoc = loc(r.file, r.call);
    const clsExpr = asViewClass(v);
    let target: string | undefined;
    if (clsExpr) target = idx.qualify(r.file, clsExpr);
    else if (v.type === 'identifier' || v.type === 'attribute') target = idx.qualify(r.file, v);
    else if (v.type === 'string') target = stringValue(v);
    if (!target) continue;
    const d = idx.resolveDef(target, r.file.rel);
    if (!d) continue;
    if (d.node.type === 'class_definition') addClass(d.file, d.node, routeLoc, r.view);
    else addFunction(d.file, d.node, routeLoc, r.view);
  }
  // DRF routers: router.register(r"x", SomeViewSet)
  for (const f of ctx.workspace.pythonFiles()) {
    if (excluded(f.rel) || !isUrlsFile(f.rel) && !/(^|\/)(api|routers?)\.py$/.test(f.rel)) continue;
    eachOfType(ctx.workspace.tree(f).rootNode, 'call', (n) => {
      const { callee, args } = callParts(n);
      if (!callee || !/router\w*\.register$/i.test(callee) || !args[1]) return;
      const q = idx.qualify(f, args[1]);
      const d = q ? idx.resolveDef(q, f.rel) : undefined;
      if (d && d.node.type === 'class_definition') addClass(d.file, d.node, loc(f, n));
    });
  }
  // 2. classes with view bases, view-decorated functions, request-first functions of views modules
  for (const f of ctx.workspace.pythonFiles()) {
    if (excluded(f.rel)) continue;
    const viewsModule = isViewsModule(f.rel);
    if (!viewsModule && !/View\b|ViewSet\b|api_view|require_(http_methods|POST|GET|safe)\b/.test(f.text)) continue;
    for (const [, d] of idx.defs(f)) {
      if (d.type === 'class_definition') {
        if (isViewClass(idx, f, d)) addClass(f, d);
      } else if (d.type === 'function_definition') {
        const decos = decoratorDotted(d);
        if (decos.some((x) => VIEW_DECORATOR.test(x) && !/(login_required|permission_required|never_cache|cache_page|csrf_exempt|csrf_protect|staff_member_required)$/.test(x))) addFunction(f, d);
        else if (viewsModule && paramNames(d)[0] === 'request') addFunction(f, d);
        else if (decos.some((x) => VIEW_DECORATOR.test(x)) && paramNames(d)[0] === 'request') addFunction(f, d);
      }
    }
  }
  const fnList = [...functions.values()];
  // class-based views: every method
  for (const c of classes.values()) {
    for (const m of methodsOf(c.node)) {
      if (isTaskFunction(m)) continue;
      fnList.push({ file: c.file, node: m, label: `${c.name}.${m.childForFieldName('name')?.text ?? '?'}`, cls: c.node, route: c.route, routeView: c.routeView, drf: c.drf });
    }
  }
  const result: ViewSet = { functions: fnList, classes: [...classes.values()] };
  viewCache.set(ctx, result);
  return result;
}
