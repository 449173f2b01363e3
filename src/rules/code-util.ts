/**
 * Shared helpers for the code and deploy-file rules (runserver, uploads, slow work, monitoring, Sentry,
 * login rate limiting): which files count as production code, Python module/import resolution inside
 * the scanned tree, and which functions are views (routed from urls.py, class-based, `@api_view`,
 * `request`-first functions of views modules).
 *
 * Everything here is static and conservative: a name that cannot be resolved is simply not matched,
 * so rules built on it miss rather than invent findings.
 */
import type { Location } from '../finding';
import type { ScanContext, ScannedProject } from '../project/scan';
import type { SourceFile } from '../project/workspace';
import { callParts, dottedName, lineOf, stringValue, walk, type SyntaxNode } from '../project/python';

// ---------------------------------------------------------------------------------------------
// Paths

export function baseName(rel: string): string {
  return rel.slice(rel.lastIndexOf('/') + 1);
}

export function dirName(rel: string): string {
  const i = rel.lastIndexOf('/');
  return i < 0 ? '' : rel.slice(0, i);
}

/** Test code: tests/ folders, test_*.py, *_tests.py, tests.py, conftest.py, testing settings. */
export function isTestPath(rel: string): boolean {
  const parts = rel.split('/');
  const name = parts[parts.length - 1];
  if (parts.slice(0, -1).some((p) => /^(tests?|testing|test_\w+|\w+_tests?|testapp|testproject|test_project|functional_tests|e2e|spec|specs)$/i.test(p))) return true;
  return /^(test_.*|.*_tests?|tests?|conftest|testing)\.py$/i.test(name);
}

/** Development-only by name: a word dev/development/local/test/ci/example/sample in a file or folder name. */
const DEV_WORD = /(^|[._\-/])(dev|devel|develop|development|local|locals|localhost|test|tests|testing|ci|example|examples|sample|samples|debug)([._\-/]|$)/i;

export function isDevName(name: string): boolean {
  return DEV_WORD.test(name);
}

/**
 * Folders whose content never runs in production: dev containers, docs, examples. Judged below the
 * owning project's folder when ctx is given (a project that itself lives in `example/` is still a project).
 */
export function inDevFolder(rel: string, ctx?: ScanContext): boolean {
  const base = ctx ? projectOf(ctx, rel)?.root : undefined;
  const inner = base && rel.startsWith(base + '/') ? rel.slice(base.length + 1) : rel;
  return inner
    .split('/')
    .slice(0, -1)
    .some((p) => /^(\.devcontainer|\.github|docs?|examples?|samples?|dev|devel|development|local|tests?|testing|ci|fixtures)$/i.test(p));
}

export function isMigration(rel: string): boolean {
  return rel.split('/').includes('migrations');
}

export function isManagementCommand(rel: string): boolean {
  return /(^|\/)management\/commands\//.test(rel);
}

/** Folder holding a project (longest manage.py root that contains rel), or undefined. */
export function projectOf(ctx: ScanContext, rel: string): ScannedProject | undefined {
  let best: ScannedProject | undefined;
  for (const p of ctx.projects) {
    if (p.root === '' || rel === p.root || rel.startsWith(p.root + '/')) {
      if (!best || p.root.length > best.root.length) best = p;
    }
  }
  return best;
}

/** Files that count for a project: its own files, plus files outside every project (repo-level deploy files). */
export function countsFor(ctx: ScanContext, project: ScannedProject, rel: string): boolean {
  const owner = projectOf(ctx, rel);
  return owner === undefined || owner === project;
}

/** Settings modules that only development/test settings use (in some non-production module, never in the production chain). */
export function devOnlySettingsFiles(project: ScannedProject): Set<string> {
  const prod = new Set(project.production?.files ?? []);
  const out = new Set<string>();
  for (const s of project.settings) {
    if (s.production) continue;
    for (const f of s.files) if (!prod.has(f)) out.add(f);
  }
  return out;
}

/** Python files that run in production: no tests, migrations, dev-named or dev-only settings files. */
export function productionPythonFiles(ctx: ScanContext, project?: ScannedProject): SourceFile[] {
  const devOnly = new Set<string>();
  const prodChain = new Set<string>();
  for (const p of project ? [project] : ctx.projects) {
    for (const f of devOnlySettingsFiles(p)) devOnly.add(f);
    for (const f of p.production?.files ?? []) prodChain.add(f);
  }
  return ctx.workspace.pythonFiles().filter((f) => {
    if (project && !countsFor(ctx, project, f.rel)) return false;
    if (prodChain.has(f.rel)) return true; // the production settings chain, whatever its file names say
    if (isTestPath(f.rel) || isMigration(f.rel) || inDevFolder(f.rel, ctx) || devOnly.has(f.rel)) return false;
    const name = baseName(f.rel).replace(/\.py$/, '');
    if (isDevName(name)) return false;
    return true;
  });
}

export function loc(file: SourceFile, node: SyntaxNode): Location {
  return { file: file.rel, line: lineOf(node), column: node.startPosition.column + 1 };
}

// ---------------------------------------------------------------------------------------------
// Modules and imports

/** What a local name is bound to by an import: `module` (+ `name` for `from module import name`). */
export interface ImportBinding {
  module: string;
  name?: string;
}

/** The fully qualified dotted name a binding stands for. */
export function bindingTarget(b: ImportBinding): string {
  return b.name ? `${b.module}.${b.name}` : b.module;
}

export interface Def {
  file: SourceFile;
  node: SyntaxNode; // function_definition or class_definition
  name: string;
}

interface FileInfo {
  modules: string[];
  /** The module name under which relative imports resolve. */
  module: string;
  isPackage: boolean;
  imports?: Map<string, ImportBinding>;
  stars?: string[];
  defs?: Map<string, SyntaxNode>;
}

const IDENT = /^[A-Za-z_]\w*$/;

/** Module index of the workspace (cached per scan). */
export class PyIndex {
  private readonly ctx: ScanContext;
  private readonly byModule = new Map<string, SourceFile[]>();
  private readonly info = new Map<string, FileInfo>();

  constructor(ctx: ScanContext) {
    this.ctx = ctx;
    const ws = ctx.workspace;
    const rootPkg = ws.get('__init__.py') ? baseName(ctx.root.replace(/[\\/]+$/, '')) : undefined;
    for (const f of ws.pythonFiles()) {
      const names = new Set<string>();
      const segs = f.rel.replace(/\.py$/, '').split('/');
      const isPackage = segs[segs.length - 1] === '__init__';
      const stem = isPackage ? [] : [segs[segs.length - 1]];
      const dirs = segs.slice(0, -1);
      // 1. the __init__.py chain: walk up while the folder is a package; above it is the sys.path entry
      let top = dirs.length;
      while (top > 0 && ws.get(`${dirs.slice(0, top).join('/')}/__init__.py`)) top--;
      let chain = [...dirs.slice(top), ...stem];
      if (top === 0 && rootPkg) {
        if (chain.length && chain.every((p) => IDENT.test(p))) names.add(chain.join('.'));
        chain = [rootPkg, ...chain];
      }
      if (chain.length && chain.every((p) => IDENT.test(p))) names.add(chain.join('.'));
      // 2. relative to each project root and to the scan root (namespace packages, src layouts)
      for (const base of [...this.ctx.projects.map((p) => p.root), ...this.ctx.projects.map((p) => (p.root ? `${p.root}/src` : 'src')), '']) {
        if (base && !f.rel.startsWith(base + '/')) continue;
        const inner = (base ? f.rel.slice(base.length + 1) : f.rel).replace(/\.py$/, '').split('/');
        if (inner[inner.length - 1] === '__init__') inner.pop();
        if (inner.length && inner.every((p) => IDENT.test(p))) names.add(inner.join('.'));
      }
      const list = [...names];
      // the most specific (longest) chain name is what relative imports resolve against
      const primary = chain.length && chain.every((p) => IDENT.test(p)) ? chain.join('.') : list.sort((a, b) => b.length - a.length)[0] ?? '';
      this.info.set(f.rel, { modules: list, module: primary, isPackage });
      for (const m of list) {
        const arr = this.byModule.get(m) ?? [];
        arr.push(f);
        this.byModule.set(m, arr);
      }
    }
  }

  private static cache = new WeakMap<ScanContext, PyIndex>();
  static of(ctx: ScanContext): PyIndex {
    let idx = PyIndex.cache.get(ctx);
    if (!idx) {
      idx = new PyIndex(ctx);
      PyIndex.cache.set(ctx, idx);
    }
    return idx;
  }

  moduleName(file: SourceFile): string {
    return this.info.get(file.rel)?.module ?? '';
  }

  /** The file of a dotted module, the candidate nearest to `fromRel` when several match. */
  resolveModule(name: string, fromRel?: string): SourceFile | undefined {
    const cands = this.byModule.get(name);
    if (!cands || cands.length === 0) return undefined;
    if (cands.length === 1 || !fromRel) return cands[0];
    let best = cands[0];
    let bestLen = -1;
    for (const c of cands) {
      const n = commonPrefix(c.rel, fromRel);
      if (n > bestLen) {
        best = c;
        bestLen = n;
      }
    }
    return best;
  }

  /** Absolute module for a relative import `from ...x import` in `file`. */
  private absolute(file: SourceFile, dots: number, rest: string): string | undefined {
    const info = this.info.get(file.rel);
    if (!info) return undefined;
    const parts = info.module ? info.module.split('.') : [];
    const pkg = info.isPackage ? parts : parts.slice(0, -1);
    const keep = pkg.length - (dots - 1);
    if (keep < 0) return undefined;
    const out = [...pkg.slice(0, keep), ...(rest ? rest.split('.') : [])];
    return out.join('.');
  }

  /** Local name -> import binding, for every import in the file (module level first; function-level imports fill gaps). */
  imports(file: SourceFile): Map<string, ImportBinding> {
    const info = this.info.get(file.rel)!;
    if (info.imports) return info.imports;
    const map = new Map<string, ImportBinding>();
    const stars: string[] = [];
    const root = this.ctx.workspace.tree(file).rootNode;
    const late: Array<[string, ImportBinding]> = [];
    walk(root, (n) => {
      if (n.type !== 'import_statement' && n.type !== 'import_from_statement') return true;
      const nested = !!enclosingDef(n);
      const add = (local: string, b: ImportBinding) => (nested ? late.push([local, b]) : map.set(local, b));
      if (n.type === 'import_statement') {
        for (const c of n.childrenForFieldName('name')) {
          if (c.type === 'aliased_import') {
            const name = c.childForFieldName('name')?.text;
            const alias = c.childForFieldName('alias')?.text;
            if (name && alias) add(alias, { module: name });
          } else if (c.type === 'dotted_name') {
            const first = c.text.split('.')[0];
            add(first, { module: first });
          }
        }
      } else {
        const modNode = n.childForFieldName('module_name');
        let module: string | undefined;
        if (modNode?.type === 'relative_import') {
          const dots = modNode.namedChildren.find((c) => c.type === 'import_prefix')?.text.length ?? 1;
          const rest = modNode.namedChildren.find((c) => c.type === 'dotted_name')?.text ?? '';
          module = this.absolute(file, dots, rest);
        } else module = modNode?.text;
        if (module === undefined) return false;
        if (n.namedChildren.some((c) => c.type === 'wildcard_import')) {
          if (!nested) stars.push(module);
          return false;
        }
        for (const c of n.childrenForFieldName('name')) {
          if (c.type === 'aliased_import') {
            const name = c.childForFieldName('name')?.text;
            const alias = c.childForFieldName('alias')?.text;
            if (name && alias) add(alias, { module, name });
          } else if (c.type === 'dotted_name') add(c.text, { module, name: c.text });
        }
      }
      return false;
    });
    for (const [k, v] of late) if (!map.has(k)) map.set(k, v);
    info.imports = map;
    info.stars = stars;
    return map;
  }

  starImports(file: SourceFile): string[] {
    this.imports(file);
    return this.info.get(file.rel)!.stars ?? [];
  }

  /** Module-level function and class definitions (also inside module-level if/try blocks), by name. */
  defs(file: SourceFile): Map<string, SyntaxNode> {
    const info = this.info.get(file.rel)!;
    if (info.defs) return info.defs;
    const map = new Map<string, SyntaxNode>();
    const visit = (block: SyntaxNode) => {
      for (const c of block.namedChildren) {
        const d = c.type === 'decorated_definition' ? c.childForFieldName('definition') : c;
        if (d && (d.type === 'function_definition' || d.type === 'class_definition')) {
          const name = d.childForFieldName('name')?.text;
          if (name) map.set(name, d);
        } else if (['if_statement', 'try_statement', 'else_clause', 'elif_clause', 'except_clause', 'finally_clause', 'block', 'with_statement'].includes(c.type)) {
          visit(c);
        }
      }
    };
    visit(this.ctx.workspace.tree(file).rootNode);
    info.defs = map;
    return map;
  }

  /**
   * Fully qualified name of an identifier/attribute expression in a file: the first part replaced by
   * what an import binds it to (`views.index` -> `blog.views.index`), or by the module itself for a
   * module-level definition. Unbound names come back as written.
   */
  qualify(file: SourceFile, node: SyntaxNode | null | undefined): string | undefined {
    const d = dottedName(node);
    if (!d) return undefined;
    return this.qualifyName(file, d);
  }

  qualifyName(file: SourceFile, dotted: string): string {
    const [first, ...rest] = dotted.split('.');
    const b = this.imports(file).get(first);
    if (b) return [bindingTarget(b), ...rest].join('.');
    if (this.defs(file).has(first)) {
      const m = this.moduleName(file);
      return m ? [m, first, ...rest].join('.') : dotted;
    }
    return dotted;
  }

  /**
   * The definition a qualified name refers to inside the scanned tree (following re-exports and star
   * imports a few levels), with any trailing attribute parts (e.g. a class for `views.Cls.method`).
   */
  resolveDef(qualified: string, fromRel?: string, depth = 0): Def | undefined {
    if (depth > 4) return undefined;
    const parts = qualified.split('.');
    for (let i = parts.length - 1; i >= 1; i--) {
      const file = this.resolveModule(parts.slice(0, i).join('.'), fromRel);
      if (!file) continue;
      const name = parts[i];
      const def = this.defs(file).get(name);
      if (def) return { file, node: def, name };
      // a submodule (`from . import views` then views.fn)
      const sub = this.resolveModule(parts.slice(0, i + 1).join('.'), fromRel);
      if (sub && i + 1 < parts.length) return this.resolveDef(parts.join('.'), sub.rel, depth + 1);
      const b = this.imports(file).get(name);
      if (b) return this.resolveDef([bindingTarget(b), ...parts.slice(i + 1)].join('.'), file.rel, depth + 1);
      for (const star of this.starImports(file)) {
        const r = this.resolveDef([star, ...parts.slice(i)].join('.'), file.rel, depth + 1);
        if (r) return r;
      }
      return undefined;
    }
    return undefined;
  }
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/** Innermost enclosing function or lambda. */
export function enclosingDef(node: SyntaxNode): SyntaxNode | null {
  let p = node.parent;
  while (p) {
    if (p.type === 'function_definition' || p.type === 'lambda') return p;
    p = p.parent;
  }
  return null;
}

/** The decorators of a definition, as source text (`@method_decorator(ratelimit(...), name="post")`). */
export function decoratorTexts(def: SyntaxNode): string[] {
  const parent = def.parent;
  if (!parent || parent.type !== 'decorated_definition') return [];
  return parent.namedChildren.filter((d) => d.type === 'decorator').map((d) => d.text);
}

/** Dotted names of a decorator list (`shared_task`, `app.task`, `api_view`), call or not. */
export function decoratorDotted(def: SyntaxNode): string[] {
  const parent = def.parent;
  if (!parent || parent.type !== 'decorated_definition') return [];
  const out: string[] = [];
  for (const d of parent.namedChildren) {
    if (d.type !== 'decorator') continue;
    let expr = d.namedChildren[0];
    while (expr && expr.type === 'call') expr = expr.childForFieldName('function')!;
    const name = dottedName(expr);
    if (name) out.push(name);
  }
  return out;
}

/** Names of the positional parameters of a function definition. */
export function paramNames(fn: SyntaxNode): string[] {
  const params = fn.childForFieldName('parameters');
  if (!params) return [];
  const out: string[] = [];
  for (const p of params.namedChildren) {
    if (p.type === 'identifier') out.push(p.text);
    else if (p.type === 'typed_parameter') {
      const id = p.namedChildren.find((c) => c.type === 'identifier');
      if (id) out.push(id.text);
    } else if (p.type === 'default_parameter' || p.type === 'typed_default_parameter') {
      const id = p.childForFieldName('name');
      if (id) out.push(id.text);
    } else break;
  }
  return out;
}

/** Superclass expressions of a class definition (keyword arguments such as metaclass= left out). */
export function baseNodes(cls: SyntaxNode): SyntaxNode[] {
  const sup = cls.childForFieldName('superclasses');
  if (!sup) return [];
  return sup.namedChildren.filter((c) => c.type !== 'keyword_argument' && c.type !== 'comment');
}

/** Methods defined directly in a class body. */
export function methodsOf(cls: SyntaxNode): SyntaxNode[] {
  const body = cls.childForFieldName('body');
  if (!body) return [];
  const out: SyntaxNode[] = [];
  for (const c of body.namedChildren) {
    const d = c.type === 'decorated_definition' ? c.childForFieldName('definition') : c;
    if (d?.type === 'function_definition') out.push(d);
  }
  return out;
}

/** Class-level assignments `name = value` in a class body. */
export function classAttr(cls: SyntaxNode, name: string): SyntaxNode | undefined {
  const body = cls.childForFieldName('body');
  if (!body) return undefined;
  let found: SyntaxNode | undefined;
  for (const c of body.namedChildren) {
    if (c.type !== 'expression_statement') continue;
    const a = c.namedChildren[0];
    if (a?.type === 'assignment' && a.childForFieldName('left')?.text === name) found = a.childForFieldName('right') ?? undefined;
  }
  return found;
}

/** Walk a function body, not descending into nested functions, lambdas or classes (callbacks, on_commit hooks). */
export function walkBody(fn: SyntaxNode, visit: (n: SyntaxNode) => void): void {
  const body = fn.childForFieldName('body');
  if (!body) return;
  walk(body, (n) => {
    if (n.type === 'function_definition' || n.type === 'lambda' || n.type === 'class_definition' || n.type === 'decorated_definition') return false;
    visit(n);
    return true;
  });
}

// ---------------------------------------------------------------------------------------------
// Views

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

/** urls.py modules: `urls.py`, `*_urls.py`, files of a `urls/` package. */
export function isUrlsFile(rel: string): boolean {
  const name = baseName(rel);
  return /(^|_)urls\.py$/.test(name) || rel.split('/').slice(0, -1).pop() === 'urls';
}

/** Every path()/re_path()/url() route call with a view argument, in non-test urls files. */
const routeCache = new WeakMap<ScanContext, RouteCall[]>();

export function routeCalls(ctx: ScanContext): RouteCall[] {
  const cached = routeCache.get(ctx);
  if (cached) return cached;
  const out: RouteCall[] = [];
  routeCache.set(ctx, out);
  for (const f of ctx.workspace.pythonFiles()) {
    if (!isUrlsFile(f.rel) || isTestPath(f.rel)) continue;
    walk(ctx.workspace.tree(f).rootNode, (n) => {
      if (n.type !== 'call') return true;
      const { callee, args, kwargs } = callParts(n);
      const last = callee?.split('.').pop();
      if (last === 'path' || last === 're_path' || last === 'url' || last === 'register_path') {
        const view = kwargs.get('view') ?? args[1];
        if (view && callee !== 'os.path' && !/(^|\.)os\.path$/.test(callee ?? '')) out.push({ file: f, call: n, view });
      }
      return true;
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
    walk(ctx.workspace.tree(f).rootNode, (n) => {
      if (n.type !== 'call') return true;
      const { callee, args } = callParts(n);
      if (!callee || !/router\w*\.register$/i.test(callee) || !args[1]) return true;
      const q = idx.qualify(f, args[1]);
      const d = q ? idx.resolveDef(q, f.rel) : undefined;
      if (d && d.node.type === 'class_definition') addClass(d.file, d.node, loc(f, n));
      return true;
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

// ---------------------------------------------------------------------------------------------
// Sentry

/** Every `sentry_sdk.init(...)` call (any import spelling) in the given files. */
export function sentryInits(ctx: ScanContext, files: readonly SourceFile[]): Array<{ file: SourceFile; call: SyntaxNode }> {
  const idx = PyIndex.of(ctx);
  const out: Array<{ file: SourceFile; call: SyntaxNode }> = [];
  for (const f of files) {
    if (!f.text.includes('sentry_sdk')) continue;
    walk(ctx.workspace.tree(f).rootNode, (n) => {
      if (n.type === 'call' && idx.qualify(f, n.childForFieldName('function')) === 'sentry_sdk.init') out.push({ file: f, call: n });
      return true;
    });
  }
  return out;
}
