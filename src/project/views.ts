/**
 * Views and URL routing: which functions and classes are views (routed from urls.py, class-based,
 * `@api_view`, `request`-first functions of views modules), the route calls of urls.py modules, and
 * helpers to unwrap a route's view argument. Cached per scan.
 */
import type { Location } from '../finding';
import type { ScanContext } from './scan';
import type { SourceFile, Workspace } from './workspace';
import { callParts, eachOfType, stringValue, type SyntaxNode } from './python';
import { baseName, devOnlySettingsFiles, inFileBatch, isDevName, isManagementCommand, isMigration, isTestPath, productionPythonFiles } from './files';
import { release } from './memory';
import { scanFact, scanFactOf, setScanFact } from './scan-facts';
import { shortcuts } from './shortcuts';
import { PyIndex, bindingTarget } from './modules';
import { unnamedFunctions } from './unnamed';
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

/** A django-ninja operation decorator in a file's text: `@router.get(`, `@api.post(`, `@router.api_operation(`. */
const NINJA_ROUTE_TEXT = /^\s*@\w+\.(get|post|put|patch|delete|api_operation)\(/m;
/** A module that imports django-ninja. */
const NINJA_IMPORT = /^\s*(from\s+ninja(\.\w+)*\s+import\b|import\s+ninja\b)/m;

/**
 * A django-ninja operation: a decorator `<router>.get/post/put/patch/delete/api_operation` whose object is a ninja
 * `Router()` or `NinjaAPI()` — made in this module, or imported from the module of the project that makes it
 * (BCIERS' `from .router import router`, `router = Router()`). Ninja routes the decorated function through the
 * API's `urls` that a urls.py includes (`path("api/", api.urls)`): a view.
 */
function ninjaOperation(idx: PyIndex, file: SourceFile, decorator: string): boolean {
  const m = /^(\w+)\.(get|post|put|patch|delete|api_operation)$/.exec(decorator);
  if (!m) return false;
  const makes = (text: string, name: string) => NINJA_IMPORT.test(text) && new RegExp(`^${name}\\s*(:[^=\\n]+)?=\\s*(ninja\\.)?(Router|NinjaAPI)\\(`, 'm').test(text);
  if (makes(file.text, m[1])) return true;
  const b = idx.imports(file).get(m[1]);
  const source = b?.name ? idx.resolveModule(b.module, file.rel) : undefined;
  return !!source && makes(source.text, b!.name!);
}

/** View-marking decorators on plain functions. */
const VIEW_DECORATOR = /(^|\.)(api_view|require_http_methods|require_POST|require_GET|require_safe|csrf_exempt|csrf_protect|login_required|permission_required|staff_member_required|never_cache|cache_page)$/;

export interface ViewFunction {
  file: SourceFile;
  /** The definition's key (defKey): names the view without parsing its file. */
  key: string;
  /** For methods of class-based views: the class's key. */
  clsKey?: string;
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
  /** The class's key (defKey). */
  key: string;
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

/**
 * When no view was found: is that because there are none, or because a URLconf routes to something of the project
 * the scan cannot follow (an API object's `urls` — `path("api/", api.urls)` of a framework it does not read)? The
 * first such route, as `file:line` and what it names, or undefined (then "no views" is a fact, not a guess).
 */
export function unfollowedRoute(ctx: ScanContext): string | undefined {
  const idx = PyIndex.of(ctx);
  for (const r of routeCalls(ctx)) {
    if (isTestPath(r.file.rel)) continue;
    const v = unwrapView(r.view);
    if (v.type !== 'identifier' && v.type !== 'attribute') continue;
    const q = idx.qualify(r.file, v);
    if (!q || idx.resolveDef(q, r.file.rel)) continue;
    // the longest module of the dotted name the project holds: its own object, which the scan cannot follow
    const parts = q.split('.');
    for (let i = parts.length - 1; i > 0; i--) {
      if (idx.resolveModule(parts.slice(0, i).join('.'), r.file.rel)) return `${r.file.rel}:${loc(r.file, r.call).line} routes to \`${v.text}\`, which the scan cannot follow to its views`;
    }
  }
  return undefined;
}

/**
 * What a view rule says when no view was found: "not checked" when a route goes to something the scan cannot follow
 * (unfollowedRoute) — views it did not see, never "no views" — else "not applicable".
 */
export function noViewsFound(ctx: ScanContext): { undecided: string } | { notApplicable: string } {
  const unfollowed = unfollowedRoute(ctx);
  return unfollowed ? { undecided: unfollowed } : { notApplicable: 'no views found (no urls.py routes, class-based views or views modules)' };
}

/** urls.py modules: `urls.py`, `*_urls.py`, `urls_*.py` (Sefaria's `urls_shared.py`), files of a `urls/` package. */
export function isUrlsFile(rel: string): boolean {
  const name = baseName(rel);
  return /(^|_)urls(_\w+)?\.py$/.test(name) || rel.split('/').slice(0, -1).pop() === 'urls';
}

/**
 * Every path()/re_path()/url() route call with a view argument, in non-test urls files; with `inBatch`, only in the
 * files of the batch the rules run on (ScanContext.fileBatch), the others left unparsed.
 */
const routeCache = new WeakMap<ScanContext, RouteCall[]>();
const batchRouteCache = new WeakMap<ScanContext, RouteCall[]>();

export function routeCalls(ctx: ScanContext, inBatch?: 'in-batch'): RouteCall[] {
  const cache = inBatch ? batchRouteCache : routeCache;
  const cached = cache.get(ctx);
  if (cached) return cached;
  const out: RouteCall[] = [];
  cache.set(ctx, out);
  for (const f of ctx.workspace.pythonFiles()) {
    if (routesFile(ctx, f) && (!inBatch || inFileBatch(ctx, f.rel))) out.push(...routeCallsOf(ctx, f));
  }
  return out;
}

/**
 * A URLconf whose routes production serves: not a test, not a development URLconf by its name (`dev_urls.py`,
 * `urls_dev.py`: Kolibri Studio's, which only its dev settings name as ROOT_URLCONF), and not one that only
 * development settings name as ROOT_URLCONF (devUrlconfs: django-helpdesk's demo project beside its Docker
 * deployment).
 */
function routesFile(ctx: ScanContext, f: SourceFile): boolean {
  return (isUrlsFile(f.rel) || namedUrlconfs(ctx).has(f.rel)) && !isTestPath(f.rel) && !isDevName(baseName(f.rel).replace(/\.py$/, '')) && !devUrlconfs(ctx).has(f.rel);
}

const escDots = (x: string): string => x.replace(/\./g, '\\.');

/** `from pkg import … name …` naming the dotted module `pkg.name` (undefined for a top-level module). */
function fromParentImport(module: string): RegExp | undefined {
  const dot = module.lastIndexOf('.');
  return dot > 0 ? new RegExp(`from\\s+${escDots(module.slice(0, dot))}\\s+import\\b[^\\n]*\\b${module.slice(dot + 1)}\\b`) : undefined;
}

/** A module-level `urlpatterns` assignment: what makes a module a URLconf for Django. */
const URLPATTERNS = /^urlpatterns\s*(=|\+=)/m;

/**
 * Modules not named like URLconfs that are ones: they set `urlpatterns` at module level and a URLconf names them
 * — `include("conference.accounts")`, `from conference.accounts import urlpatterns as accounts_urls` then
 * `include((accounts_urls, "conference"))` (EuroPython's epcon keeps its login route in `conference/accounts.py`).
 * Followed one step from the urls files, again from those found, until no more.
 */
function namedUrlconfs(ctx: ScanContext): Set<string> {
  return scanFactOf(ctx, 'named-urlconfs', () => {
    const out = new Set<string>();
    const idx = PyIndex.of(ctx);
    const candidates = ctx.workspace.pythonFiles().filter((f) => !isUrlsFile(f.rel) && !isTestPath(f.rel) && f.text.includes('urlpatterns') && URLPATTERNS.test(f.text));
    if (candidates.length === 0) return out;
    let namers = ctx.workspace.pythonFiles().filter((f) => isUrlsFile(f.rel) && !isTestPath(f.rel));
    // production's ROOT_URLCONF, whatever its name (`ROOT_URLCONF = "project.routes"`)
    for (const p of ctx.projects) {
      const b = p.production?.bindings.get('ROOT_URLCONF');
      const file = b && b.unset.kind === 'str' ? idx.resolveModule(b.unset.value, p.production?.files[0]) : undefined;
      if (file && candidates.includes(file) && !out.has(file.rel)) {
        out.add(file.rel);
        namers.push(file);
      }
    }
    while (namers.length) {
      const found: SourceFile[] = [];
      for (const c of candidates) {
        if (out.has(c.rel)) continue;
        const m = idx.moduleName(c);
        if (!m) continue;
        const fromImport = fromParentImport(m);
        const quoted = new RegExp(`["']${escDots(m)}["']|\\bfrom\\s+${escDots(m)}\\s+import\\b|\\bimport\\s+${escDots(m)}\\b`);
        const last = m.slice(m.lastIndexOf('.') + 1);
        if (namers.some((f) => f.rel !== c.rel && f.text.includes(last) && (quoted.test(f.text) || !!fromImport?.test(f.text)))) {
          out.add(c.rel);
          found.push(c);
        }
      }
      namers = found;
    }
    return out;
  });
}

/**
 * The URLconfs only development settings serve: the ROOT_URLCONF (a literal) of a settings module production never
 * runs (devOnlySettingsFiles), when it is not production's own ROOT_URLCONF and no production code names its module
 * or package (an include("…urls") or an import) — so nothing production serves routes through it. Nothing, when
 * production's ROOT_URLCONF is not known: what it reaches cannot be ruled out.
 */
function devUrlconfs(ctx: ScanContext): Set<string> {
  return scanFactOf(ctx, 'dev-urlconfs', () => {
    const out = new Set<string>();
    const idx = PyIndex.of(ctx);
    for (const p of ctx.projects) {
      const b = p.production?.bindings.get('ROOT_URLCONF');
      const prod = b && b.unset.kind === 'str' && b.set.kind === 'str' && b.unset.value === b.set.value ? b.unset.value : undefined;
      if (!prod) continue;
      const code = productionPythonFiles(ctx, p);
      for (const rel of devOnlySettingsFiles(ctx, p)) {
        const m = /^ROOT_URLCONF\s*=\s*["']([\w.]+)["']/m.exec(ctx.workspace.get(rel)?.text ?? '')?.[1];
        if (!m || m === prod) continue;
        const file = idx.resolveModule(m, rel);
        if (!file) continue;
        // named: `include("demodesk.config.urls")`, `import demodesk.config.urls`, `from demodesk.config import urls`
        const fromImport = fromParentImport(m);
        const named = (text: string) => text.includes(m) || !!fromImport?.test(text);
        if (code.some((f) => f.rel !== file.rel && named(f.text))) continue;
        out.add(file.rel);
      }
    }
    return out;
  });
}

function routeCallsOf(ctx: ScanContext, f: SourceFile): RouteCall[] {
  const out: RouteCall[] = [];
  eachOfType(ctx.workspace.tree(f).rootNode, 'call', (n) => {
    const { callee, args, kwargs } = callParts(n);
    const last = callee?.split('.').pop();
    if (last === 'path' || last === 're_path' || last === 'url' || last === 'register_path') {
      const view = kwargs.get('view') ?? args[1];
      if (view && callee !== 'os.path' && !/(^|\.)os\.path$/.test(callee ?? '')) out.push({ file: f, call: n, view });
    }
  });
  return out;
}

/** Strip decorator wrappers from a route's view argument: `login_required(views.x)` -> `views.x`, `cache_page(60)(v)` -> `v`. */
export function unwrapView(view: SyntaxNode): SyntaxNode {
  let v = view;
  for (let i = 0; i < 6 && v.type === 'call'; i++) {
    const fn = v.childForFieldName('function');
    if (fn?.type === 'attribute' && fn.childForFieldName('attribute')?.text === 'as_view') return v;
    const { args, callee } = callParts(v);
    // include(patterns) is no wrapper of a view: `include(two_factor_urls)` names a URLconf's patterns
    if (callee && /(^|\.)include$/.test(callee)) return v;
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

/**
 * Where a definition or expression is: its file, its range and its node type — facts, not a syntax node, so that
 * holding them holds no tree. `nodeOf` finds the node again in whatever tree the workspace holds for the file (a
 * tree let go is parsed again, to the same tree).
 */
export interface NodeRef {
  file: SourceFile;
  start: number;
  end: number;
  type: string;
}

function refOf(file: SourceFile, node: SyntaxNode): NodeRef {
  return { file, start: node.startIndex, end: node.endIndex, type: node.type };
}

function nodeOf(ws: Workspace, r: NodeRef): SyntaxNode {
  const root = ws.tree(r.file).rootNode;
  for (let n: SyntaxNode | null = root.descendantForIndex(r.start, Math.max(r.start, r.end - 1)); n; n = n.parent) {
    if (n.startIndex === r.start && n.endIndex === r.end && n.type === r.type) return n;
  }
  throw new Error(`${r.file.rel}: no ${r.type} at ${r.start}–${r.end} (the file changed during the scan?)`);
}

/** The key of a definition: its file and where it starts (viewKeys, ViewFunction.key). */
export function defKey(file: SourceFile, node: SyntaxNode): string {
  return `${file.rel}:${node.startIndex}`;
}

interface ClassFacts {
  ref: NodeRef;
  key: string;
  name: string;
  route?: Location;
  routeView?: NodeRef;
  drf: boolean;
  /** Its methods (task functions left out): range, key and name. */
  methods: Array<{ ref: NodeRef; key: string; name: string }>;
}

interface FunctionFacts {
  ref: NodeRef;
  key: string;
  label: string;
  route?: Location;
  routeView?: NodeRef;
  drf: boolean;
}

/** What a route's view argument resolves to, as the view index found it (routeTarget). */
export interface RouteTarget {
  /** The qualified name the view argument stands for (`X` of `X.as_view()`). */
  q: string;
  /** The definition: a class_definition or function_definition (its file, range and type). */
  ref: NodeRef;
  name: string;
  /** For a class: the qualified names of its bases, through project classes (classAncestry). */
  ancestors: string[];
}

/** The view index as facts: what findViews found, in its order, holding no syntax node. */
interface ViewFacts {
  classes: ClassFacts[];
  functions: FunctionFacts[];
  /** Route call (defKey of the call) → what its view argument resolves to, for the routes that resolve. */
  targets: Map<string, RouteTarget>;
  /** Functions that looked like views and are not: no route reaches them and nothing names them (unnamed.ts). */
  unnamed: Set<string>;
}

/** A view function of the index: its nodes found again, when asked, in the tree the workspace holds now. */
class IndexedView implements ViewFunction {
  constructor(
    private readonly ws: Workspace,
    private readonly ref: NodeRef,
    readonly key: string,
    readonly label: string,
    readonly drf: boolean,
    readonly route: Location | undefined,
    private readonly routeRef: NodeRef | undefined,
    private readonly clsRef: NodeRef | undefined,
    readonly clsKey: string | undefined,
  ) {}
  get file(): SourceFile {
    return this.ref.file;
  }
  get node(): SyntaxNode {
    return nodeOf(this.ws, this.ref);
  }
  get cls(): SyntaxNode | undefined {
    return this.clsRef && nodeOf(this.ws, this.clsRef);
  }
  get routeView(): SyntaxNode | undefined {
    return this.routeRef && nodeOf(this.ws, this.routeRef);
  }
}

class IndexedClass implements ViewClass {
  constructor(
    private readonly ws: Workspace,
    private readonly facts: ClassFacts,
  ) {}
  get file(): SourceFile {
    return this.facts.ref.file;
  }
  get node(): SyntaxNode {
    return nodeOf(this.ws, this.facts.ref);
  }
  get key(): string {
    return this.facts.key;
  }
  get name(): string {
    return this.facts.name;
  }
  get route(): Location | undefined {
    return this.facts.route;
  }
  get routeView(): SyntaxNode | undefined {
    return this.facts.routeView && nodeOf(this.ws, this.facts.routeView);
  }
  get drf(): boolean {
    return this.facts.drf;
  }
}

function cachedFacts(ctx: ScanContext): ViewFacts | undefined {
  return scanFact<ViewFacts>(ctx, 'views');
}

/** The view index's facts, built at once (findViews) unless prepareViews built them. */
function factsOf(ctx: ScanContext): ViewFacts {
  let facts = cachedFacts(ctx);
  if (!facts) {
    const steps = collectViews(ctx);
    let r = steps.next();
    while (!r.done) r = steps.next();
    cacheFacts(ctx, (facts = r.value));
  }
  return facts;
}

function cacheFacts(ctx: ScanContext, facts: ViewFacts): void {
  setScanFact(ctx, 'views', facts);
}

const viewCache = new WeakMap<ViewFacts, ViewSet>();

/**
 * Every view of the scanned tree (tests, migrations, management commands and task functions excluded):
 *  - functions and classes a urls.py routes to (path/re_path/url, `.as_view()`, DRF router `register`);
 *  - classes with a view base (View, TemplateView, APIView, ViewSet, any `*View`), methods included;
 *  - `@api_view` (and other view-decorated) functions; functions of views modules taking `request` first.
 * The index is facts (file, range, route): a view's node is found again when a rule asks for it, so a rule that
 * looks at the views of a batch of files parses only those (ViewFunction.key names a view without its node).
 */
export function findViews(ctx: ScanContext): ViewSet {
  const facts = factsOf(ctx);
  let set = viewCache.get(facts);
  if (!set) {
    const ws = ctx.workspace;
    const classes = facts.classes.map((c) => new IndexedClass(ws, c));
    const functions: ViewFunction[] = facts.functions.map((f) => new IndexedView(ws, f.ref, f.key, f.label, f.drf, f.route, f.routeView, undefined, undefined));
    for (const c of facts.classes) {
      for (const m of c.methods) functions.push(new IndexedView(ws, m.ref, m.key, `${c.name}.${m.name}`, c.drf, c.route, c.routeView, c.ref, c.key));
    }
    viewCache.set(facts, (set = { functions, classes }));
  }
  return set;
}

/**
 * The keys (defKey) of the views: `functions`, the function views; `all`, methods of class-based views too. A
 * rule asks whether a function is a view without parsing any other view's file.
 */
export function viewKeys(ctx: ScanContext, which: 'functions' | 'all'): Set<string> {
  const facts = factsOf(ctx);
  let keys = keyCache.get(facts);
  if (!keys) {
    const functions = new Set(facts.functions.map((f) => f.key));
    const all = new Set([...functions, ...facts.classes.flatMap((c) => c.methods.map((m) => m.key))]);
    keyCache.set(facts, (keys = { functions, all }));
  }
  return keys[which];
}
const keyCache = new WeakMap<ViewFacts, { functions: Set<string>; all: Set<string> }>();

/** What a route's view argument resolves to (the view index's facts): no file parsed to find it. */
export function routeTarget(ctx: ScanContext, r: RouteCall): RouteTarget | undefined {
  const facts = factsOf(ctx);
  return facts.targets.get(defKey(r.file, r.call));
}

/** A route target's definition node, found again in the tree the workspace holds now. */
export function targetNode(ctx: ScanContext, t: RouteTarget): SyntaxNode {
  return nodeOf(ctx.workspace, t.ref);
}

/** Qualified names of a class's bases, through project classes (a few levels). */
export function classAncestry(idx: PyIndex, file: SourceFile, cls: SyntaxNode, depth = 0, out: Array<{ q: string; cls?: SyntaxNode }> = []): Array<{ q: string; cls?: SyntaxNode }> {
  for (const b of baseNodes(cls)) {
    const q = idx.qualify(file, b);
    if (!q) continue;
    const d = depth < 3 ? idx.resolveDef(q, file.rel) : undefined;
    out.push({ q, cls: d?.node.type === 'class_definition' ? d.node : undefined });
    if (d && d.node.type === 'class_definition' && d.node.id !== cls.id) classAncestry(idx, d.file, d.node, depth + 1, out);
  }
  return out;
}

/**
 * Is the class a qualified name refers to — or the name itself — one `matches` accepts, up its ancestry (the
 * project's classes resolved three deep, classAncestry)? A subclass of Django's SecurityMiddleware (normandy's), of
 * django-celery-email's backend (astrobin's). A class the scan cannot find is no such subclass.
 */
export function classExtends(idx: PyIndex, qualified: string, fromRel: string | undefined, matches: (q: string) => boolean): boolean {
  if (matches(qualified)) return true;
  const d = idx.resolveDef(qualified, fromRel);
  return d?.node.type === 'class_definition' && classAncestry(idx, d.file, d.node).some((a) => matches(a.q));
}

/**
 * Builds the view index before the view rules run, parsing a few files at a time: whenever the trees held come to
 * shortcuts.viewIndexChars characters of source, they (and the module index holding their nodes) are let go
 * (src/project/memory.ts). The same facts as findViews builds at once; the rules gate calls this first
 * (runRulesReleasing in src/gates/rules.ts).
 */
export async function prepareViews(ctx: ScanContext): Promise<void> {
  if (cachedFacts(ctx)) return;
  const ws = ctx.workspace;
  const steps = collectViews({ ...ctx });
  let r = steps.next();
  while (!r.done) {
    let fresh: ScanContext | undefined;
    if (ws.heldChars >= shortcuts.viewIndexChars) {
      ws.releaseTrees();
      await release();
      fresh = { ...ctx };
    }
    r = steps.next(fresh);
  }
  cacheFacts(ctx, r.value);
  ws.releaseTrees();
  await release();
}

/**
 * Where an entry was first added in findViews' original sequence — every URLconf's routes (phase 1), then the DRF
 * routers (2), then every module's view definitions (3), each in file order (file) and document order (n) — so
 * that the index, built a file at a time in one pass, lists the views and attaches their routes in that order.
 */
type Order = readonly [phase: number, file: number, n: number];

function before(a: Order, b: Order): boolean {
  return a[0] !== b[0] ? a[0] < b[0] : a[1] !== b[1] ? a[1] < b[1] : a[2] < b[2];
}

interface Ordered<T> {
  facts: T;
  first: Order;
  /** The order of the add that gave the route (and the route's view argument) kept. */
  routeAt?: Order;
  routeViewAt?: Order;
}

/**
 * The view index, a file at a time, in one pass over the files (a URLconf's routes, a router's registrations and
 * a module's definitions read while its tree is at hand): it yields after each file, and takes a fresh copy of
 * the scan context (a new module index, holding no tree) when the caller let the trees go (prepareViews);
 * findViews runs it through. Each entry keeps where findViews' sequence would have added it first (Order), and
 * the index is put in that order at the end.
 */
function* collectViews(first: ScanContext): Generator<void, ViewFacts, ScanContext | undefined> {
  let ctx = first;
  let idx = PyIndex.of(ctx);
  const classes = new Map<string, Ordered<ClassFacts>>();
  const functions = new Map<string, Ordered<FunctionFacts>>();
  const targets = new Map<string, RouteTarget>();
  const excluded = (rel: string) => isTestPath(rel) || isMigration(rel) || isManagementCommand(rel) || /(^|\/)tasks\.py$/.test(rel);

  const merge = <T extends { route?: Location; routeView?: NodeRef }>(prev: Ordered<T>, at: Order, route?: Location, routeView?: NodeRef) => {
    if (before(at, prev.first)) prev.first = at;
    if (route && (!prev.routeAt || before(at, prev.routeAt))) {
      prev.facts.route = route;
      prev.routeAt = at;
    }
    if (routeView && (!prev.routeViewAt || before(at, prev.routeViewAt))) {
      prev.facts.routeView = routeView;
      prev.routeViewAt = at;
    }
  };
  const addClass = (at: Order, file: SourceFile, node: SyntaxNode, route?: Location, routeView?: NodeRef) => {
    if (excluded(file.rel)) return;
    const key = defKey(file, node);
    let entry = classes.get(key);
    if (!entry) {
      const name = node.childForFieldName('name')?.text ?? '?';
      const methods = methodsOf(node).filter((m) => !isTaskFunction(m)).map((m) => ({ ref: refOf(file, m), key: defKey(file, m), name: m.childForFieldName('name')?.text ?? '?' }));
      classes.set(key, (entry = { facts: { ref: refOf(file, node), key, name, drf: isDrfClass(idx, file, node), methods }, first: at }));
    }
    merge(entry, at, route, routeView);
  };
  const addFunction = (at: Order, file: SourceFile, node: SyntaxNode, route?: Location, routeView?: NodeRef) => {
    if (excluded(file.rel) || isTaskFunction(node)) return;
    const key = defKey(file, node);
    let entry = functions.get(key);
    if (!entry) {
      const name = node.childForFieldName('name')?.text ?? '?';
      functions.set(key, (entry = { facts: { ref: refOf(file, node), key, label: name, drf: decoratorDotted(node).some((d) => /(^|\.)api_view$/.test(d)) }, first: at }));
    }
    merge(entry, at, route, routeView);
  };

  for (const [i, f] of ctx.workspace.pythonFiles().entries()) {
    let n = 0;
    // 1. routes
    if (routesFile(ctx, f)) {
      for (const r of routeCallsOf(ctx, f)) {
        const at: Order = [1, i, n++];
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
        const ancestors = d.node.type === 'class_definition' ? classAncestry(idx, d.file, d.node).map((a) => a.q) : [];
        targets.set(defKey(r.file, r.call), { q: target, ref: refOf(d.file, d.node), name: d.name, ancestors });
        if (d.node.type === 'class_definition') addClass(at, d.file, d.node, routeLoc, refOf(r.file, r.view));
        else addFunction(at, d.file, d.node, routeLoc, refOf(r.file, r.view));
      }
    }
    // DRF routers: router.register(r"x", SomeViewSet)
    n = 0;
    if (!excluded(f.rel) && (isUrlsFile(f.rel) || /(^|\/)(api|routers?)\.py$/.test(f.rel))) {
      eachOfType(ctx.workspace.tree(f).rootNode, 'call', (c) => {
        const { callee, args } = callParts(c);
        if (!callee || !/router\w*\.register$/i.test(callee) || !args[1]) return;
        const at: Order = [2, i, n++];
        const q = idx.qualify(f, args[1]);
        const d = q ? idx.resolveDef(q, f.rel) : undefined;
        if (d && d.node.type === 'class_definition') addClass(at, d.file, d.node, loc(f, c));
      });
    }
    // 2. classes with view bases, view-decorated functions, request-first functions of views modules
    n = 0;
    const viewsModule = isViewsModule(f.rel);
    const ninja = NINJA_ROUTE_TEXT.test(f.text);
    if (!excluded(f.rel) && (viewsModule || ninja || /View\b|ViewSet\b|api_view|require_(http_methods|POST|GET|safe)\b/.test(f.text))) {
      for (const [, d] of idx.defs(f)) {
        const at: Order = [3, i, n++];
        if (d.type === 'class_definition') {
          if (isViewClass(idx, f, d)) addClass(at, f, d);
        } else if (d.type === 'function_definition') {
          const decos = decoratorDotted(d);
          if (decos.some((x) => VIEW_DECORATOR.test(x) && !/(login_required|permission_required|never_cache|cache_page|csrf_exempt|csrf_protect|staff_member_required)$/.test(x))) addFunction(at, f, d);
          else if (ninja && decos.some((x) => ninjaOperation(idx, f, x))) addFunction(at, f, d);
          else if (viewsModule && paramNames(d)[0] === 'request') addFunction(at, f, d);
          else if (decos.some((x) => VIEW_DECORATOR.test(x)) && paramNames(d)[0] === 'request') addFunction(at, f, d);
        }
      }
    }
    const fresh = yield;
    if (fresh) {
      ctx = fresh;
      idx = PyIndex.of(ctx);
    }
  }
  // request-first functions of views modules no route reaches and nothing names: dead code, not views (unnamed.ts)
  const urlconfs = ctx.workspace.pythonFiles().filter((f) => routesFile(ctx, f));
  const unrouted = [...functions.values()].filter((e) => !e.facts.route && importedBy(idx, e.facts.ref.file, urlconfs)).map((e) => ({ file: e.facts.ref.file, node: nodeOf(ctx.workspace, e.facts.ref), key: e.facts.key }));
  const unnamed = unnamedFunctions(ctx, idx, unrouted, urlconfs);
  for (const key of unnamed) functions.delete(key);
  const inOrder = <T>(m: Map<string, Ordered<T>>) => [...m.values()].sort((a, b) => (before(a.first, b.first) ? -1 : before(b.first, a.first) ? 1 : 0)).map((e) => e.facts);
  return { classes: inOrder(classes), functions: inOrder(functions), targets, unnamed };
}

/**
 * Does a URLconf production serves import this module (`from . import views`, `from app.views import x`)? Then its
 * routing is read where it is made, and a function of it that no route reaches is not routed from elsewhere.
 */
function importedBy(idx: PyIndex, file: SourceFile, urlconfs: readonly SourceFile[]): boolean {
  const module = idx.moduleName(file);
  return !!module && urlconfs.some((u) => [...idx.imports(u).values()].some((b) => b.module === module || bindingTarget(b) === module));
}

/** Was this function (defKey) left out of the views because nothing names it (unnamed.ts)? */
export function unnamedView(ctx: ScanContext, key: string): boolean {
  return factsOf(ctx).unnamed.has(key);
}
