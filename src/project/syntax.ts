/**
 * Small tree-sitter helpers over Python definitions: locations, enclosing definitions, decorators,
 * parameters, base classes, methods, class attributes, and walking a body without entering nested scopes.
 */
import type { Location } from '../finding';
import type { ScanContext } from './scan';
import type { SourceFile } from './workspace';
import { dottedName, lineOf, walk, type SyntaxNode } from './python';
import { shortcuts } from './shortcuts';

export function loc(file: SourceFile, node: SyntaxNode): Location {
  return { file: file.rel, line: lineOf(node), column: node.startPosition.column + 1 };
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

/**
 * Dotted names of the decorators that apply to a method, `method_decorator(…)` unwrapped: on the method
 * (`@method_decorator(cache_page(60))` → `cache_page`, a list argument's each) and on its class with `name=` the
 * method or `dispatch`, which every method goes through. Plain decorators as `decoratorDotted`.
 */
export function appliedDecorators(def: SyntaxNode): string[] {
  const out: string[] = [];
  const inner = (d: SyntaxNode, only?: string[]): void => {
    const call = d.namedChildren[0];
    if (call?.type !== 'call') return;
    const fn = dottedName(call.childForFieldName('function')!);
    if (!fn || !/(^|\.)method_decorator$/.test(fn)) return;
    const args = call.childForFieldName('arguments')?.namedChildren ?? [];
    const name = args.find((a) => a.type === 'keyword_argument' && a.childForFieldName('name')?.text === 'name')?.childForFieldName('value');
    const target = name?.type === 'string' ? name.text.replace(/^[rbuf]*['"]|['"]$/gi, '') : undefined;
    if (only && (!target || !only.includes(target))) return;
    const first = args[0];
    if (!first || first.type === 'keyword_argument') return;
    for (let e of first.type === 'list' || first.type === 'tuple' ? first.namedChildren : [first]) {
      while (e.type === 'call') e = e.childForFieldName('function')!;
      const n = dottedName(e);
      if (n) out.push(n);
    }
  };
  out.push(...decoratorDotted(def));
  if (def.parent?.type === 'decorated_definition') for (const d of def.parent.namedChildren) if (d.type === 'decorator') inner(d);
  const body = (def.parent?.type === 'decorated_definition' ? def.parent : def).parent;
  const cls = body?.type === 'block' ? body.parent : undefined;
  const name = def.childForFieldName('name')?.text;
  if (cls?.type === 'class_definition' && name && cls.parent?.type === 'decorated_definition') {
    for (const d of cls.parent.namedChildren) if (d.type === 'decorator') inner(d, [name, 'dispatch']);
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

/** walkBody's `types` for visitors of calls only. */
export const CALL: readonly string[] = ['call'];

const NESTED_SCOPES = ['function_definition', 'lambda', 'class_definition', 'decorated_definition'];

/**
 * Walk a function body, not descending into nested functions, lambdas or classes (callbacks, on_commit hooks).
 * With `types`, only the nodes of those types are visited — the same nodes, in the same (document) order, as a
 * visitor that ignores every other type would act on — found by tree-sitter natively (descendantsOfType)
 * instead of one JavaScript call per node: a node lies in a nested scope exactly when its start lies in the
 * range of one of the body's nested scopes.
 */
export function walkBody(fn: SyntaxNode, visit: (n: SyntaxNode) => void, types?: readonly string[]): void {
  const body = fn.childForFieldName('body');
  if (!body) return;
  if (types && shortcuts.on) {
    const nested = body.descendantsOfType(NESTED_SCOPES).map((d) => [d.startIndex, d.endIndex] as const);
    for (const n of body.descendantsOfType(types as string[])) {
      const at = n.startIndex;
      if (nested.some(([start, end]) => at >= start && at < end)) continue;
      visit(n);
    }
    return;
  }
  walk(body, (n) => {
    if (NESTED_SCOPES.includes(n.type)) return false;
    if (!types || types.includes(n.type)) visit(n);
    return true;
  });
}

/**
 * Walk a file's syntax tree, visiting only the subtrees that span a line matching `re` (the rest is skipped
 * without being unmarshalled): a fast way to find the calls of a few names in a big file. Only nodes of the
 * given `types` are visited. The walk reads type and position from the cursor and makes a node object only for
 * those: each node object holds native memory until a garbage collection *and* a turn of the event loop
 * (src/project/memory.ts), which a synchronous rule never gives — on the 1 M-line monolith the views group's
 * walks made about 600,000 of them.
 */
export function walkMatching(ctx: ScanContext, file: SourceFile, re: RegExp, types: readonly string[], visit: (n: SyntaxNode) => void): void {
  const rows: number[] = [];
  const lines = file.text.split('\n');
  const test = new RegExp(re.source, re.flags.replace('g', ''));
  for (let i = 0; i < lines.length; i++) if (test.test(lines[i])) rows.push(i);
  if (rows.length === 0) return;
  const spans = (start: number, end: number): boolean => {
    // first matching row >= start
    let lo = 0;
    let hi = rows.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (rows[mid] < start) lo = mid + 1;
      else hi = mid;
    }
    return lo < rows.length && rows[lo] <= end;
  };
  const cursor = ctx.workspace.tree(file).rootNode.walk();
  let descend = true;
  for (;;) {
    if (descend && spans(cursor.startPosition.row, cursor.endPosition.row)) {
      if (types.includes(cursor.nodeType)) visit(cursor.currentNode);
      if (cursor.gotoFirstChild()) continue;
    }
    if (cursor.gotoNextSibling()) {
      descend = true;
      continue;
    }
    if (!cursor.gotoParent()) return;
    descend = false;
  }
}

/** `settings.NAME`, `getattr(settings, "NAME")` or `getattr(settings, "NAME", <default>)`: a test of a setting. */
const SETTING_TEST = /^(?:settings\.([A-Z][A-Z0-9_]*)|getattr\(\s*settings\s*,\s*["']([A-Z][A-Z0-9_]*)["']\s*(?:,\s*(\w+|""|'')\s*)?\))$/;

/**
 * The settings that must be truthy for the node to run: the tests of `if settings.NAME:` (or `getattr(settings,
 * "NAME", False)`, or an `and` with one — `if not found and settings.VOIP_FORWARD_DATA:`, django-crm; Tournesol's
 * `settings.DEBUG and not index_html.is_file()`) around it in its function, whose body (not its else) holds it.
 * An `or`, or a `not`, can hold with the setting off. `orUnset`: the getattr default, when a falsy one is given.
 */
export function requiredSettings(node: SyntaxNode): Array<{ name: string; orUnset: boolean }> {
  const out: Array<{ name: string; orUnset: boolean }> = [];
  const tests = (cond: SyntaxNode | null): void => {
    if (!cond) return;
    if (cond.type === 'parenthesized_expression') return tests(cond.namedChildren.find((c) => c.type !== 'comment') ?? null);
    if (cond.type === 'boolean_operator' && cond.childForFieldName('operator')?.type === 'and') {
      tests(cond.childForFieldName('left'));
      tests(cond.childForFieldName('right'));
      return;
    }
    const m = SETTING_TEST.exec(cond.text.replace(/\s+/g, ' '));
    if (m) out.push({ name: m[1] ?? m[2], orUnset: m[3] !== undefined && /^(False|None|0|""|'')$/.test(m[3]) });
  };
  for (let child = node, p = node.parent; p; child = p, p = p.parent) {
    if (p.type === 'function_definition' || p.type === 'class_definition' || p.type === 'module') break;
    if (p.type === 'if_statement' && p.childForFieldName('consequence')?.id === child.id) tests(p.childForFieldName('condition'));
  }
  return out;
}

/** What a finding on code `onlyWhenDebug` says, when production's DEBUG is not known to be off (launch.W080, launch.W124). */
export const DEBUG_ONLY_NOTE = 'it runs only when DEBUG is on (under `if settings.DEBUG`), and the scan could not show that production keeps DEBUG off (launch.E010 says when it is on)';

/**
 * Does the node run only when DEBUG is on — inside the body of an `if settings.DEBUG:` (or
 * `if getattr(settings, "DEBUG", False):`, or an `and` with either) of its function, not its else (requiredSettings)?
 * (Kolibri Studio fetches its service worker from the webpack dev server there.)
 */
export function onlyWhenDebug(node: SyntaxNode): boolean {
  return requiredSettings(node).some((r) => r.name === 'DEBUG');
}

