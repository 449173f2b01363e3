/**
 * tree-sitter access for Python sources, and small helpers over its syntax tree.
 * The native binding (prebuilt per platform, see scripts/bundle.mjs) is loaded once.
 */
import Parser from 'tree-sitter';
import Python from 'tree-sitter-python';
import { shortcuts } from './shortcuts';

export type SyntaxNode = Parser.SyntaxNode;
export type Tree = Parser.Tree;

let parser: Parser | undefined;

function getParser(): Parser {
  if (!parser) {
    parser = new Parser();
    parser.setLanguage(Python as unknown as Parser.Language);
    withoutNodeCache();
  }
  return parser;
}

/**
 * tree-sitter's Node binding registers every node JavaScript receives in a per-tree cache (a C++ map entry and
 * a weak reference with a finalizer each), so that asking for the same node twice returns the same object and
 * `tree.edit()` can move it. This code never edits a tree and compares nodes by `id`, never by object; and the
 * cache costs: visiting the 1.4 M nodes of the monolith's views and URLconfs took 3.8 s and 400 MB of native
 * memory with it, 1.4 s and 12 MB without — memory freed only after a garbage collection and an event-loop
 * turn, which the synchronous rules never give it. So the binding's two registration methods (private, of the
 * pinned version scripts/bundle.mjs ships) do nothing while the shortcuts are on; with them off (the equality
 * test) every node is registered as the binding does.
 */
function withoutNodeCache(): void {
  const proto = (Parser as unknown as { Tree: { prototype: Record<string, (...args: unknown[]) => unknown> } }).Tree.prototype;
  const cacheNode = proto._cacheNode;
  const cacheNodes = proto._cacheNodes;
  if (typeof cacheNode !== 'function' || typeof cacheNodes !== 'function') return; // another binding: leave it be
  proto._cacheNode = function (this: unknown, ...args: unknown[]) {
    return shortcuts.on ? undefined : cacheNode.apply(this, args);
  };
  proto._cacheNodes = function (this: unknown, ...args: unknown[]) {
    return shortcuts.on ? undefined : cacheNodes.apply(this, args);
  };
}

const CHUNK = 64 * 1024;

/** Characters of source parsed by this process so far (the rules gate's --time table says what each rule parsed). */
let parsedSoFar = 0;
export function parsedChars(): number {
  return parsedSoFar;
}

/**
 * Parse Python text. Uses a callback input so texts beyond the binding's 32 KiB string limit parse too. A tree
 * parsed from a callback gets a node's text by calling it again, chunk by chunk (64 KiB sliced for every
 * `node.text`: half a second on a 1 M-line project); the tree's getText is pointed at the text itself instead,
 * which returns the same characters (the indexes are the callback's, JavaScript string indexes).
 */
export function parsePython(text: string): Tree {
  parsedSoFar += text.length;
  const tree = getParser().parse((index: number) => (index < text.length ? text.slice(index, index + CHUNK) : ''));
  (tree as unknown as { getText(node: { startIndex: number; endIndex: number }): string }).getText = (node) => text.substring(node.startIndex, node.endIndex);
  return tree;
}

/** 1-based line of a node's start. */
export function lineOf(node: SyntaxNode): number {
  return node.startPosition.row + 1;
}

/** Dotted name of an identifier/attribute chain (`a.b.c`), or undefined for anything else. */
export function dottedName(node: SyntaxNode | null | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === 'identifier') return node.text;
  if (node.type === 'attribute') {
    const obj = dottedName(node.childForFieldName('object'));
    const attr = node.childForFieldName('attribute');
    return obj && attr ? `${obj}.${attr.text}` : undefined;
  }
  return undefined;
}

/** For a `call` node: the dotted callee (`os.environ.get`) and its positional and keyword arguments. */
export function callParts(node: SyntaxNode): {
  callee: string | undefined;
  calleeNode: SyntaxNode | null;
  args: SyntaxNode[];
  kwargs: Map<string, SyntaxNode>;
} {
  const calleeNode = node.childForFieldName('function');
  const argList = node.childForFieldName('arguments');
  const args: SyntaxNode[] = [];
  const kwargs = new Map<string, SyntaxNode>();
  if (argList && argList.type === 'argument_list') {
    for (const a of argList.namedChildren) {
      if (a.type === 'keyword_argument') {
        const name = a.childForFieldName('name');
        const value = a.childForFieldName('value');
        if (name && value) kwargs.set(name.text, value);
      } else if (a.type !== 'comment') {
        args.push(a);
      }
    }
  } else if (argList) {
    // generator_expression as sole argument
    args.push(argList);
  }
  return { callee: dottedName(calleeNode), calleeNode, args, kwargs };
}

/**
 * The value of a plain string literal (no f-string interpolation, no bytes), with implicit concatenation.
 * Undefined when the node is not a constant string.
 */
export function stringValue(node: SyntaxNode | null | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === 'concatenated_string') {
    let out = '';
    for (const part of node.namedChildren) {
      const v = stringValue(part);
      if (v === undefined) return undefined;
      out += v;
    }
    return out;
  }
  if (node.type !== 'string') return undefined;
  const start = node.namedChildren.find((c) => c.type === 'string_start');
  const prefix = (start?.text ?? '"').replace(/["']/g, '').toLowerCase();
  if (prefix.includes('f') || prefix.includes('b')) {
    if (node.namedChildren.some((c) => c.type === 'interpolation') || prefix.includes('b')) return undefined;
  }
  const raw = prefix.includes('r');
  let out = '';
  for (const c of node.namedChildren) {
    if (c.type === 'string_content') out += raw ? c.text : unescapePython(c.text);
    else if (c.type === 'escape_sequence') out += raw ? c.text : unescapePython(c.text);
    else if (c.type === 'interpolation') return undefined;
  }
  return out;
}

export function unescapePython(s: string): string {
  return s.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|N\{[^}]*\}|[0-7]{1,3}|[\s\S])/g, (_m, e: string) => {
    switch (e[0]) {
      case 'n': return '\n';
      case 't': return '\t';
      case 'r': return '\r';
      case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7':
        return String.fromCharCode(parseInt(e, 8));
      case 'x': case 'u': case 'U':
        return e.length > 1 ? String.fromCodePoint(parseInt(e.slice(1), 16)) : e;
      case '\n': return '';
      case '\\': return '\\';
      case "'": return "'";
      case '"': return '"';
      case 'a': return '\x07';
      case 'b': return '\b';
      case 'f': return '\f';
      case 'v': return '\v';
      default: return '\\' + e;
    }
  });
}

/** Depth-first walk; the visitor returns false to skip a node's children. */
export function walk(node: SyntaxNode, visit: (n: SyntaxNode) => boolean | void): void {
  const cursor = node.walk();
  let descend = true;
  for (;;) {
    if (descend) {
      const r = visit(cursor.currentNode);
      if (r !== false && cursor.gotoFirstChild()) continue;
    }
    if (cursor.gotoNextSibling()) {
      descend = true;
      continue;
    }
    if (!cursor.gotoParent()) return;
    descend = false;
    if (cursor.currentNode.id === node.id) return;
  }
}

/**
 * Every node of the given types at or below `node`, in document order — what walk() acts on when its visitor
 * looks only at those types and never stops the descent — found by tree-sitter natively (descendantsOfType),
 * without a JavaScript call per node.
 */
export function eachOfType(node: SyntaxNode, types: string | readonly string[], visit: (n: SyntaxNode) => void): void {
  if (!shortcuts.on) {
    const wanted = typeof types === 'string' ? [types] : types;
    walk(node, (n) => {
      if (wanted.includes(n.type)) visit(n);
      return true;
    });
    return;
  }
  for (const n of node.descendantsOfType(types as string | string[])) visit(n);
}

/** The innermost enclosing function_definition / class_definition of a node. */
export function enclosing(node: SyntaxNode, type: 'function_definition' | 'class_definition'): SyntaxNode | null {
  let p = node.parent;
  while (p) {
    if (p.type === type) return p;
    p = p.parent;
  }
  return null;
}

/**
 * Does the tree contain syntax errors? Returns the first error's 1-based line, or undefined. `text` is the
 * source the tree was parsed from (default: the root node's text), for the Python 2 test below.
 */
export function firstErrorLine(tree: Tree, text?: string): number | undefined {
  if (!tree.rootNode.hasError) return python2Only(tree, text);
  let line: number | undefined;
  walk(tree.rootNode, (n) => {
    if (line !== undefined) return false;
    if (n.type === 'ERROR' || n.isMissing) {
      line = lineOf(n);
      return false;
    }
    return n.hasError;
  });
  return line ?? 1;
}

/**
 * Python 2 syntax that tree-sitter-python still accepts but CPython 3 rejects: `print "x"`, `exec "code"`,
 * `raise E, "msg"`, backquotes, `0777`, `ur""`, `<>`, tuple parameters. A cheap text test first; only a file
 * that may hold one is looked at, and then only the node types that can hold one (found by tree-sitter
 * itself, natively — a node-by-node walk from JavaScript cost seconds on a large project), each type only when
 * the text holds what its node would be made of. The first in document order is the lowest line.
 */
const PY2_HINT = /\bprint[ \t]+[^\s(=.,)\]}#]|\bprint[ \t]*>>|\bexec[ \t]+[^\s(=.,)\]}#]|\braise[ \t]+[\w.]+[ \t]*,|`|<>|\b0[0-9]*[1-9][0-9]*\b|\b[uU][rR]["']|\bdef[ \t]+\w+[ \t]*\([^)]*\(/;
/** An old octal literal's text (`0777`, `0_7`, `0777L`) starts like this. */
const OLD_OCTAL_START = /0[0-9_]*[1-9]/;
const UR_PREFIX = /[uU][rR]["']/;

export function python2Only(tree: Tree, text?: string): number | undefined {
  const root = tree.rootNode;
  const source = text ?? root.text;
  if (!PY2_HINT.test(source)) return undefined;
  if (shortcuts.on) return python2OnlyAt(root, source);
  const types = ['print_statement', 'exec_statement', 'raise_statement', 'parameters'];
  if (OLD_OCTAL_START.test(source)) types.push('integer');
  if (source.includes('`') || UR_PREFIX.test(source)) types.push('string_start');
  if (source.includes('<>')) types.push('comparison_operator');
  let line: number | undefined;
  for (const n of root.descendantsOfType(types)) {
    const row = n.startPosition.row + 1;
    if (line !== undefined && row >= line) continue;
    if (isPython2Only(n)) line = row;
  }
  return line;
}

/**
 * python2Only without asking tree-sitter for every node of those types: that search walks the whole tree, and
 * most files that pass the text test do so for a backquote or a `07` in a docstring or a date (half a second
 * of a 0.5 M-line project). The same nodes are judged, found from where their text starts instead — each
 * begins with a token its text must hold (`print`, `exec`, `raise`, `<>`, the `(` after `def name`, a `0`
 * that no letter, digit or underscore precedes, a backquote, `ur"`) — asking tree-sitter for the node there.
 * A position inside a string or a comment finds no such node. The first line is the lowest row either way.
 */
function python2OnlyAt(root: SyntaxNode, source: string): number | undefined {
  let line: number | undefined;
  const consider = (n: SyntaxNode | null | undefined) => {
    if (!n) return;
    const row = n.startPosition.row + 1;
    if ((line === undefined || row < line) && isPython2Only(n)) line = row;
  };
  /** The node of `type` that starts at `index` (the token there, or one of its ancestors starting there too). */
  const startingAt = (index: number, type: string) => {
    for (let n: SyntaxNode | null = root.descendantForIndex(index); n && n.startIndex === index; n = n.parent) {
      if (n.type === type) return consider(n);
    }
  };
  for (const m of source.matchAll(/\b(print|exec|raise)\b/g)) startingAt(m.index, `${m[1]}_statement`);
  for (const m of source.matchAll(/\bdef\s+[^\s(]+(?:\s|\\\r?\n)*\(/g)) startingAt(m.index + m[0].length - 1, 'parameters');
  for (let i = source.indexOf('<>'); i >= 0; i = source.indexOf('<>', i + 2)) {
    const op = root.descendantForIndex(i);
    if (op.type === '<>' && op.parent?.type === 'comparison_operator') consider(op.parent);
  }
  if (OLD_OCTAL_START.test(source)) {
    for (const m of source.matchAll(/(?<![0-9A-Za-z_])0[0-9_]*[1-9]/g)) startingAt(m.index, 'integer');
  }
  for (let i = source.indexOf('`'); i >= 0; i = source.indexOf('`', i + 1)) startingAt(i, 'string_start');
  for (const m of source.matchAll(/[uU][rR]["']/g)) startingAt(m.index, 'string_start');
  return line;
}

function isPython2Only(n: SyntaxNode): boolean {
  switch (n.type) {
    case 'print_statement':
    case 'exec_statement':
      return true;
    case 'raise_statement':
      return n.namedChildren[0]?.type === 'expression_list';
    case 'integer':
      return /^0[0-9]*[1-9][0-9]*$/.test(n.text.replace(/_/g, '').replace(/[lL]$/, ''));
    case 'string_start':
      return n.text.startsWith('`') || /^[uU][rR]/.test(n.text);
    case 'comparison_operator':
      return n.children.some((c) => !c.isNamed && c.text === '<>');
    case 'parameters':
      return n.namedChildren.some((c) => c.type === 'tuple_pattern');
    default:
      return false;
  }
}

/** Every parameter name (positional, keyword, *args, **kwargs). */
export function allParams(fn: SyntaxNode): string[] {
  const params = fn.childForFieldName('parameters');
  if (!params) return [];
  const out: string[] = [];
  for (const p of params.namedChildren) {
    if (p.type === 'identifier') out.push(p.text);
    else if (p.type === 'typed_parameter' || p.type === 'list_splat_pattern' || p.type === 'dictionary_splat_pattern') {
      const id = p.namedChildren.find((c) => c.type === 'identifier') ?? p.namedChildren[0]?.namedChildren.find((c) => c.type === 'identifier');
      if (id) out.push(id.text);
    } else if (p.type === 'default_parameter' || p.type === 'typed_default_parameter') {
      const id = p.childForFieldName('name');
      if (id) out.push(id.text);
    }
  }
  return out;
}
