/**
 * Middleware of the project itself: a MIDDLEWARE entry resolved to the class (or middleware factory
 * function) it names inside the scanned tree, and what that code does that rules care about — for now,
 * whether it rejects requests for unknown hosts by raising Django's `DisallowedHost`.
 */
import type { Location } from '../finding';
import type { ScanContext } from './scan';
import { PyIndex, bindingTarget, type Def } from './modules';
import { dottedName, eachOfType, lineOf, type SyntaxNode } from './python';
import { baseNodes } from './syntax';
import { classExtends } from './views';

/** The names `DisallowedHost` is importable under from Django (django.http.request re-exports it). */
const DISALLOWED_HOST = new Set(['django.core.exceptions.DisallowedHost', 'django.http.request.DisallowedHost']);

/** A project middleware that raises DisallowedHost. */
export interface HostCheckingMiddleware {
  /** The MIDDLEWARE entry, as written. */
  path: string;
  /** The class or function it resolves to. */
  def: Def;
  /** The first `raise DisallowedHost(...)` in it (or in a project base class). */
  raise: Location;
}

/**
 * The project middleware a MIDDLEWARE entry names, when it is a class or function defined in the scanned
 * tree (followed through re-exports) whose code — or the code of a base class in the tree — raises
 * `django.core.exceptions.DisallowedHost`. undefined for anything else: a third-party path, a name the scan
 * cannot resolve, a project middleware that never raises it.
 */
export function hostCheckingMiddleware(ctx: ScanContext, path: string, fromRel?: string): HostCheckingMiddleware | undefined {
  const cache = cacheOf(ctx);
  const key = `${path}\0${fromRel ?? ''}`;
  if (cache.has(key)) return cache.get(key) ?? undefined;
  const idx = PyIndex.of(ctx);
  const def = idx.resolveDef(path, fromRel);
  let found: HostCheckingMiddleware | undefined;
  if (def && (def.node.type === 'class_definition' || def.node.type === 'function_definition')) {
    const raise = raiseIn(idx, def, new Set(), 0);
    if (raise) found = { path, def, raise };
  }
  cache.set(key, found ?? null);
  return found;
}

const caches = new WeakMap<ScanContext, Map<string, HostCheckingMiddleware | null>>();
function cacheOf(ctx: ScanContext): Map<string, HostCheckingMiddleware | null> {
  let c = caches.get(ctx);
  if (!c) caches.set(ctx, (c = new Map()));
  return c;
}

/** The first `raise DisallowedHost...` in a definition, else in its base classes defined in the tree. */
function raiseIn(idx: PyIndex, def: Def, seen: Set<string>, depth: number): Location | undefined {
  const id = `${def.file.rel}:${def.node.startIndex}`;
  if (seen.has(id) || depth > 4) return undefined;
  seen.add(id);
  let hit: Location | undefined;
  eachOfType(def.node, 'raise_statement', (r) => {
    if (!hit && raisesDisallowedHost(idx, def, r)) hit = { file: def.file.rel, line: lineOf(r), column: r.startPosition.column + 1 };
  });
  if (hit || def.node.type !== 'class_definition') return hit;
  for (const base of baseNodes(def.node)) {
    const q = idx.qualify(def.file, base);
    const b = q ? idx.resolveDef(q, def.file.rel) : undefined;
    if (!b || b.node.type !== 'class_definition') continue;
    const r = raiseIn(idx, b, seen, depth + 1);
    if (r) return r;
  }
  return undefined;
}

/** `raise DisallowedHost(...)` / `raise exceptions.DisallowedHost` where the name is Django's. */
function raisesDisallowedHost(idx: PyIndex, def: Def, r: SyntaxNode): boolean {
  let e: SyntaxNode | null | undefined = r.namedChildren.find((c) => c.type !== 'comment'); // the raised expression comes before any `from` cause
  if (e?.type === 'call') e = e.childForFieldName('function');
  const name = dottedName(e);
  if (!name || name.split('.').pop() !== 'DisallowedHost') return false;
  return isDjangoDisallowedHost(idx, idx.qualifyName(def.file, name), def.file.rel);
}

/** Is a qualified name Django's DisallowedHost, directly or through a project module that re-exports it? */
function isDjangoDisallowedHost(idx: PyIndex, qualified: string, fromRel: string): boolean {
  for (let i = 0; i < 4; i++) {
    if (DISALLOWED_HOST.has(qualified)) return true;
    const dot = qualified.lastIndexOf('.');
    if (dot < 0) return false;
    const file = idx.resolveModule(qualified.slice(0, dot), fromRel);
    const b = file ? idx.imports(file).get(qualified.slice(dot + 1)) : undefined;
    if (!file || !b) return false;
    qualified = bindingTarget(b);
    fromRel = file.rel;
  }
  return false;
}

/**
 * A middleware class of the project's own that subclasses Django's `target` middleware (normandy's
 * NormandySecurityMiddleware subclasses SecurityMiddleware): it does what `target` does.
 */
export function subclassesMiddleware(ctx: ScanContext, dotted: string, fromRel: string, target: string): boolean {
  return classExtends(PyIndex.of(ctx), dotted, fromRel, (q) => q === target);
}
