/**
 * Python modules and imports inside the scanned tree: the dotted module name of every file, what each
 * local name is bound to by an import, module-level definitions, and resolving a qualified name to the
 * definition it refers to. A name that cannot be resolved is simply not matched.
 */
import type { ScanContext } from './scan';
import type { SourceFile } from './workspace';
import { dottedName, eachOfType, type SyntaxNode } from './python';
import { baseName, isTestPath, projectOf } from './files';
import { shortcuts } from './shortcuts';
import { scanFactOf } from './scan-facts';
import { enclosingDef, walkMatching } from './syntax';

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
}

/** The module names of the scan's files and their import bindings: facts, worked out once per scan (scanFactOf). */
interface ModuleTable {
  byModule: Map<string, SourceFile[]>;
  info: Map<string, FileInfo>;
}

const IDENT = /^[A-Za-z_]\w*$/;

/** Module index of the workspace (cached per scan). */
/** A line an import statement spans: the keyword `import` (in `import x` and `from x import y`). */
const IMPORT_LINE = /\bimport\b/;

export class PyIndex {
  private readonly ctx: ScanContext;
  private readonly byModule: Map<string, SourceFile[]>;
  private readonly info: Map<string, FileInfo>;
  /** Definitions by file: syntax nodes, so kept per context (its trees), not with the scan's facts. */
  private readonly defsOf = new Map<string, Map<string, SyntaxNode>>();

  constructor(ctx: ScanContext) {
    this.ctx = ctx;
    const table = scanFactOf(ctx, 'modules', () => moduleTable(ctx));
    this.byModule = table.byModule;
    this.info = table.info;
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
    const late: Array<[string, ImportBinding]> = [];
    // The import statements, in document order. Every one spans a line holding the keyword `import`, so only
    // the subtrees spanning such a line are walked (a models file is thousands of lines under a few imports;
    // tree-sitter's own search of the whole tree was a second of a 1 M-line project). Imports never nest.
    const statements: SyntaxNode[] = [];
    const isImport = (n: SyntaxNode) => n.type === 'import_statement' || n.type === 'import_from_statement';
    if (shortcuts.on) walkMatching(this.ctx, file, IMPORT_LINE, ['import_statement', 'import_from_statement'], (n) => isImport(n) && statements.push(n));
    else eachOfType(this.ctx.workspace.tree(file).rootNode, ['import_statement', 'import_from_statement'], (n) => statements.push(n));
    for (const n of statements) {
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
        if (module === undefined) continue;
        if (n.namedChildren.some((c) => c.type === 'wildcard_import')) {
          if (!nested) stars.push(module);
          continue;
        }
        for (const c of n.childrenForFieldName('name')) {
          if (c.type === 'aliased_import') {
            const name = c.childForFieldName('name')?.text;
            const alias = c.childForFieldName('alias')?.text;
            if (name && alias) add(alias, { module, name });
          } else if (c.type === 'dotted_name') add(c.text, { module, name: c.text });
        }
      }
    }
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
    const known = this.defsOf.get(file.rel);
    if (known) return known;
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
    this.defsOf.set(file.rel, map);
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

/** Top-level names a file's code refers to: `import x`, `import a, x`, `from x import`, and dotted strings ('x.apps.Config', "x:app"). */
const IMPORT_NAMES = /^[ \t]*(?:from[ \t]+([A-Za-z_]\w*)|import[ \t]+([^#\n;]+))/gm;
const DOTTED_STRING = /['"]([A-Za-z_]\w*)(?=[.:'"])/g;

function namesReferenced(text: string, into: Set<string>): void {
  for (const m of text.matchAll(IMPORT_NAMES)) {
    if (m[1]) into.add(m[1]);
    else for (const part of m[2].replace(/[()\\]/g, ' ').split(',')) {
      const first = /^\s*([A-Za-z_]\w*)/.exec(part)?.[1];
      if (first) into.add(first);
    }
  }
  for (const m of text.matchAll(DOTTED_STRING)) into.add(m[1]);
}

/** Names a file outside every project can be imported by: the top of its __init__.py chain, and its first folder (namespace import from the scan root). undefined for a loose script (its folder is no package). */
function packageNames(ctx: ScanContext, rel: string): string[] | undefined {
  const dirs = rel.split('/').slice(0, -1);
  if (dirs.length === 0 || !ctx.workspace.get(`${dirs.join('/')}/__init__.py`)) return undefined;
  let top = dirs.length;
  while (top > 1 && ctx.workspace.get(`${dirs.slice(0, top - 1).join('/')}/__init__.py`)) top--;
  return [...new Set([dirs[top - 1], dirs[0]])];
}

const referencedCache = new WeakMap<ScanContext, Set<string>>();

/**
 * Every top-level name the Django projects' code refers to, following packages outside the projects that it
 * refers to (a shared library the settings import, and what that imports in turn). Read from the text, so a
 * name in a comment counts too: it can only keep more code in scope.
 */
function namesProjectsReach(ctx: ScanContext): Set<string> {
  let names = referencedCache.get(ctx);
  if (names) return names;
  names = new Set<string>();
  const outside = new Map<string, SourceFile[]>();
  const queue: SourceFile[] = [];
  for (const f of ctx.workspace.pythonFiles()) {
    if (projectOf(ctx, f.rel)) {
      if (!isTestPath(f.rel)) queue.push(f);
      continue;
    }
    for (const n of packageNames(ctx, f.rel) ?? []) outside.set(n, [...(outside.get(n) ?? []), f]);
  }
  for (let f = queue.pop(); f; f = queue.pop()) {
    const found = new Set<string>();
    namesReferenced(f.text, found);
    for (const n of found) {
      if (names.has(n)) continue;
      names.add(n);
      queue.push(...(outside.get(n) ?? []));
    }
  }
  referencedCache.set(ctx, names);
  return names;
}

/**
 * The separate package a file belongs to when no Django project of the scan runs it, else undefined. Such a
 * file lies outside every project's folder (manage.py's), inside a Python package (its folder has __init__.py),
 * and no project's code imports that package or names it in a dotted string (INSTALLED_APPS, a Celery include),
 * directly or through outside packages it imports: a monorepo's queue consumer or media daemon beside the
 * Django `api` package, installed and started on its own. Safe for rules about the Django application: Python
 * only runs a package's code when something imports it, and the project never does. So is a file under a folder
 * named like a Python keyword, inside a project's folder or not (unimportableFolder). Otherwise a loose script
 * outside the projects (a gunicorn.conf.py at the repository root), a scan without projects, or a file inside a
 * project's folder is never separate.
 */
export function separatePackage(ctx: ScanContext, rel: string): string | undefined {
  if (ctx.projects.length === 0) return undefined;
  const project = projectOf(ctx, rel);
  if (project) return unimportableFolder(ctx, project.root, rel);
  const folder = unimportableFolder(ctx, '', rel);
  if (folder) return folder;
  const names = packageNames(ctx, rel);
  if (!names) return undefined;
  const reached = namesProjectsReach(ctx);
  return names.some((n) => reached.has(n)) ? undefined : names[0];
}

/** Python's keywords: a folder named like one (`lambda/`) is no package name an import can spell. */
const KEYWORDS = new Set(['False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif', 'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try', 'while', 'with', 'yield']);

/**
 * A file the projects cannot import, in a project's folder or outside them all: a folder on its path (below the
 * project root) is named like a Python keyword (`lambda/`), so no import spells it. i.AI's Consult keeps AWS Lambda
 * functions in `lambda/<name>/code/main.py`, each with a Sentry of its own, beside the Django backend: the folder
 * (`lambda`), else undefined. Only keywords: a folder that is no identifier (`deploy-config/`) may hold a file a
 * server loads by path (`gunicorn -c deploy-config/gunicorn.conf.py`), which runs in the web application's process;
 * so may any file named like a server's config.
 */
function unimportableFolder(ctx: ScanContext, root: string, rel: string): string | undefined {
  const below = (root ? rel.slice(root.length + 1) : rel).split('/');
  const dirs = below.slice(0, -1);
  if (/gunicorn|uwsgi|\.conf\.py$|_conf\.py$/i.test(below[below.length - 1])) return undefined;
  const at = dirs.findIndex((d) => KEYWORDS.has(d));
  if (at < 0) return undefined;
  // Only a path entry below that folder could import it: a file of the projects that changes the import path
  // (`sys.path.append(…)`, site.addsitedir) and names the folder in a path keeps it (by text: a comment too).
  const folder = [root, ...dirs.slice(0, at + 1)].filter(Boolean).join('/');
  const inPath = `${dirs[at]}/`;
  const addsPath = (f: SourceFile) => /\bsys\.path\b|\baddsitedir\b/.test(f.text) && f.text.includes(inPath);
  if (ctx.workspace.pythonFiles().some((f) => projectOf(ctx, f.rel) && !f.rel.startsWith(`${folder}/`) && addsPath(f))) return undefined;
  return folder;
}

/** Every file's module names (the __init__.py chain; relative to each project root, its src/ and the scan root). */
function moduleTable(ctx: ScanContext): ModuleTable {
  const ws = ctx.workspace;
  const byModule = new Map<string, SourceFile[]>();
  const info = new Map<string, FileInfo>();
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
    for (const base of [...ctx.projects.map((p) => p.root), ...ctx.projects.map((p) => (p.root ? `${p.root}/src` : 'src')), '']) {
      if (base && !f.rel.startsWith(base + '/')) continue;
      const inner = (base ? f.rel.slice(base.length + 1) : f.rel).replace(/\.py$/, '').split('/');
      if (inner[inner.length - 1] === '__init__') inner.pop();
      if (inner.length && inner.every((p) => IDENT.test(p))) names.add(inner.join('.'));
    }
    const list = [...names];
    // the most specific (longest) chain name is what relative imports resolve against
    const primary = chain.length && chain.every((p) => IDENT.test(p)) ? chain.join('.') : list.sort((a, b) => b.length - a.length)[0] ?? '';
    info.set(f.rel, { modules: list, module: primary, isPackage });
    for (const m of list) {
      const arr = byModule.get(m) ?? [];
      arr.push(f);
      byModule.set(m, arr);
    }
  }
  return { byModule, info };
}
