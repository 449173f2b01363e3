/**
 * Expressions: literals, names, subscripts, calls (builtins, string methods, the modelled libraries),
 * operators and comparisons. Depth is bounded (MAX_EXPR_DEPTH): past it a value is unknown, and long
 * operator chains (`a + b + c + …`, which CPython compiles at any length) are folded iteratively.
 */
import { callParts, dottedName, stringValue, type SyntaxNode } from '../python';
import { NONE, UNKNOWN, bool, num, sameValue, str, truthy, type Value } from '../values';
import { MAX_EXPR_DEPTH, inTemplate, type Frame, type Scope } from './frame';
import { canonical, castValue, envRead, evalLibraryCall, guardedRaise, isSet } from './libraries';
import { envHelperOf } from './env-helpers';

export function evalExpr(frame: Frame, node: SyntaxNode, scope: Scope): Value {
  if (frame.exprDepth >= MAX_EXPR_DEPTH) return UNKNOWN;
  if (frame.templateRows && inTemplate(frame, node)) return UNKNOWN;
  frame.exprDepth++;
  try {
    return evalNode(frame, node, scope);
  } finally {
    frame.exprDepth--;
  }
}

function evalNode(frame: Frame, node: SyntaxNode, scope: Scope): Value {
  switch (node.type) {
    case 'string':
    case 'concatenated_string': {
      const s = stringValue(node);
      if (s !== undefined) return str(s, true);
      const p = fstringPrefix(node);
      return p ? { kind: 'prefix', value: p, literal: true } : UNKNOWN;
    }
    case 'integer':
    case 'float': {
      const n = Number(node.text.replace(/_/g, ''));
      return Number.isFinite(n) ? num(n) : UNKNOWN;
    }
    case 'true':
      return bool(true);
    case 'false':
      return bool(false);
    case 'none':
      return NONE;
    case 'parenthesized_expression': {
      const inner = node.namedChildren.find((c) => c.type !== 'comment');
      return inner ? evalExpr(frame, inner, scope) : UNKNOWN;
    }
    case 'list':
    case 'tuple':
    case 'set':
      return evalSequence(frame, node, scope);
    case 'dictionary':
      return evalDict(frame, node, scope);
    case 'identifier': {
      const e = scope.get(node.text);
      if (e) {
        for (const r of e.envVars) frame.reads.add(r);
        return e.value;
      }
      // every module evaluated here is imported (settings, and what they import), never run as a script: its
      // `__name__` is its dotted name, so `if __name__ == "__main__":` (JustFix's docker_django_management.py, whose
      // script entry point calls an exec()) is a branch the settings never take
      if (node.text === '__name__' && frame.src.module) return { kind: 'str', value: frame.src.module, literal: false };
      return UNKNOWN;
    }
    case 'subscript': {
      const obj = node.childForFieldName('value');
      const key = node.childForFieldName('subscript');
      if (!obj || !key) return UNKNOWN;
      if (canonical(frame, dottedName(obj)) === 'os.environ') {
        const name = envRead(frame, evalExpr(frame, key, scope));
        if (name === undefined) return UNKNOWN;
        if (isSet(frame, name)) return { kind: 'env', name };
        return { kind: 'raise', reason: `os.environ["${name}"] is required` };
      }
      if (key.type === 'slice') return sliceOf(evalExpr(frame, obj, scope), key, frame, scope);
      return getIn(evalExpr(frame, obj, scope), [evalExpr(frame, key, scope)]);
    }
    case 'call':
      return evalCall(frame, node, scope);
    case 'not_operator': {
      const a = node.childForFieldName('argument');
      const av = a ? evalExpr(frame, a, scope) : UNKNOWN;
      if (av.kind === 'raise') return av;
      const t = truthy(av);
      return t === undefined ? UNKNOWN : bool(!t);
    }
    case 'boolean_operator':
      return evalBoolean(frame, node, scope);
    case 'comparison_operator':
      return evalComparison(frame, node, scope);
    case 'conditional_expression': {
      const [a, c, b] = node.namedChildren;
      if (!a || !c || !b) return UNKNOWN;
      const t = truthy(evalExpr(frame, c, scope));
      if (t === true) return evalExpr(frame, a, scope);
      if (t === false) return evalExpr(frame, b, scope);
      const av = evalExpr(frame, a, scope);
      const bv = evalExpr(frame, b, scope);
      return sameValue(av, bv) ? av : UNKNOWN;
    }
    case 'binary_operator':
      return evalBinary(frame, node, scope);
    case 'unary_operator': {
      const a = node.childForFieldName('argument');
      const v = a ? evalExpr(frame, a, scope) : UNKNOWN;
      const op = node.childForFieldName('operator')?.text ?? node.children[0]?.text;
      if (v.kind === 'num') return num(op === '-' ? -v.value : v.value);
      return UNKNOWN;
    }
    case 'attribute': {
      // Django 6.0's CSP source keywords (`CSP.SELF`, `CSP.NONE` in SECURE_CSP), a StrEnum of fixed strings
      const csp = /^django\.utils\.csp\.CSP\.([A-Z_]+)$/.exec(canonical(frame, dottedName(node)) ?? '');
      return csp && CSP_KEYWORDS[csp[1]] ? { kind: 'str', value: CSP_KEYWORDS[csp[1]], literal: true } : UNKNOWN;
    }
    default:
      return UNKNOWN;
  }
}

/** django.utils.csp.CSP's members (Django 6.0). */
const CSP_KEYWORDS: Record<string, string> = {
  NONE: "'none'",
  REPORT_SAMPLE: "'report-sample'",
  SELF: "'self'",
  STRICT_DYNAMIC: "'strict-dynamic'",
  UNSAFE_EVAL: "'unsafe-eval'",
  UNSAFE_HASHES: "'unsafe-hashes'",
  UNSAFE_INLINE: "'unsafe-inline'",
  WASM_UNSAFE_EVAL: "'wasm-unsafe-eval'",
  NONCE: '<CSP_NONCE_SENTINEL>',
};

/** The literal text before the first interpolation of an f-string (`f"sqlite:///{BASE_DIR}"` → `sqlite:///`). */
function fstringPrefix(node: SyntaxNode): string | undefined {
  const first = node.type === 'concatenated_string' ? node.namedChildren[0] : node;
  if (!first || first.type !== 'string') return undefined;
  const start = first.namedChildren.find((c) => c.type === 'string_start')?.text.toLowerCase() ?? '';
  if (!start.includes('f') || start.includes('b')) return undefined;
  let out = '';
  for (const c of first.namedChildren) {
    if (c.type === 'string_start') continue;
    if (c.type === 'interpolation' || c.type === 'string_end') break;
    if (c.type === 'string_content' && !c.text.includes('\\') && !c.text.includes('{')) out += c.text;
    else break;
  }
  return out || undefined;
}

function evalSequence(frame: Frame, node: SyntaxNode, scope: Scope): Value {
  const items: Value[] = [];
  for (const c of node.namedChildren) {
    if (c.type === 'comment') continue;
    if (c.type === 'list_splat') {
      const inner = c.namedChildren[0];
      const v = inner ? evalExpr(frame, inner, scope) : UNKNOWN;
      if (v.kind !== 'list') return UNKNOWN;
      items.push(...v.items);
    } else if (c.type === 'list_comprehension' || c.type === 'for_in_clause') {
      return UNKNOWN;
    } else items.push(evalExpr(frame, c, scope));
  }
  return { kind: 'list', items };
}

function evalDict(frame: Frame, node: SyntaxNode, scope: Scope): Value {
  const entries: Array<[string, Value]> = [];
  for (const c of node.namedChildren) {
    if (c.type === 'pair') {
      const k = c.childForFieldName('key');
      const v = c.childForFieldName('value');
      const kv = k ? evalExpr(frame, k, scope) : UNKNOWN;
      if (kv.kind !== 'str' || !v) return UNKNOWN;
      entries.push([kv.value, evalExpr(frame, v, scope)]);
    } else if (c.type === 'dictionary_splat') {
      const inner = c.namedChildren[0];
      const v = inner ? evalExpr(frame, inner, scope) : UNKNOWN;
      if (v.kind !== 'dict') return UNKNOWN;
      entries.push(...v.entries);
    } else if (c.type !== 'comment') return UNKNOWN;
  }
  return { kind: 'dict', entries };
}

function evalBoolean(frame: Frame, node: SyntaxNode, scope: Scope): Value {
  const l = node.childForFieldName('left');
  const r = node.childForFieldName('right');
  const op = node.childForFieldName('operator')?.text ?? node.children.find((c) => c.type === 'and' || c.type === 'or')?.text;
  if (!l || !r) return UNKNOWN;
  const lv = evalExpr(frame, l, scope);
  const rv = evalExpr(frame, r, scope);
  const t = truthy(lv);
  // `len(sys.argv) > 1 and sys.argv[1] == "test"`: whichever side it gives back, an `and` whose right side is
  // False is false (astrobin's TESTING, which left DEBUG unknown)
  if (t === undefined) return op === 'and' && rv.kind === 'bool' && !rv.value ? rv : UNKNOWN;
  if (op === 'and') return t ? rv : lv;
  return t ? lv : rv;
}

function evalComparison(frame: Frame, node: SyntaxNode, scope: Scope): Value {
  const operands = node.namedChildren;
  const ops: string[] = [];
  let pending = '';
  for (const c of node.children) {
    if (c.isNamed) {
      if (pending) ops.push(pending.trim());
      pending = '';
    } else pending += ` ${c.text}`;
  }
  const testRun = testRunComparison(operands, ops);
  if (testRun !== undefined) return bool(testRun);
  let result: Value = bool(true);
  for (let i = 0; i < operands.length - 1; i++) {
    const r = compare(ops[i] ?? '', evalExpr(frame, operands[i], scope), evalExpr(frame, operands[i + 1], scope));
    const t = truthy(r);
    if (t === false) return bool(false);
    if (t === undefined) result = UNKNOWN;
  }
  return result;
}

/**
 * `"test" in sys.argv`, `sys.argv[1] == "test"`, `"pytest" in sys.argv[0]`: whether this process is a test run,
 * which production's (gunicorn's, uWSGI's, a management command's) never is — so the comparison is False, and
 * `!=` / `not in` True. CourtListener's `TESTING = "test" in sys.argv`, then `if TESTING: DEBUG = …`, left
 * DEBUG unknown. undefined for any other comparison (the `if` statement's own test: isTestRunCondition).
 */
function testRunComparison(operands: SyntaxNode[], ops: string[]): boolean | undefined {
  if (operands.length !== 2 || !['in', 'not in', '==', '!='].includes(ops[0] ?? '')) return undefined;
  const argv = (n: SyntaxNode) => /^sys\.argv(\[[^\]]*\])?$/.test(n.text.replace(/\s+/g, ''));
  const testWord = (n: SyntaxNode) => n.type === 'string' && /test/.test(stringValue(n) ?? '');
  const [a, b] = operands;
  if (!((argv(a) && testWord(b)) || (testWord(a) && argv(b)))) return undefined;
  return ops[0] === 'not in' || ops[0] === '!=';
}

/**
 * `a + b + c …`: tree-sitter nests a left-deep chain, one level per operator; walk down the left spine
 * iteratively and fold the operands left to right, so any length CPython accepts is evaluated.
 */
function evalBinary(frame: Frame, node: SyntaxNode, scope: Scope): Value {
  const op = node.childForFieldName('operator')?.text;
  const rights: SyntaxNode[] = [];
  let left: SyntaxNode | null = node;
  while (left && left.type === 'binary_operator' && left.childForFieldName('operator')?.text === op) {
    const r = left.childForFieldName('right');
    if (!r) return UNKNOWN;
    rights.push(r);
    left = left.childForFieldName('left');
  }
  if (!left) return UNKNOWN;
  let acc = evalExpr(frame, left, scope);
  for (let i = rights.length - 1; i >= 0; i--) acc = applyBinary(op, acc, evalExpr(frame, rights[i], scope));
  return acc;
}

function applyBinary(op: string | undefined, lv: Value, rv: Value): Value {
  if (op === '+') return binaryAdd(lv, rv);
  if (lv.kind === 'num' && rv.kind === 'num') {
    switch (op) {
      case '*': return num(lv.value * rv.value);
      case '-': return num(lv.value - rv.value);
      case '//': return rv.value ? num(Math.floor(lv.value / rv.value)) : UNKNOWN;
      case '/': return rv.value ? num(lv.value / rv.value) : UNKNOWN;
      case '**': return num(lv.value ** rv.value);
    }
  }
  if (lv.kind === 'raise') return lv;
  if (rv.kind === 'raise') return rv;
  return UNKNOWN;
}

export function binaryAdd(a: Value, b: Value): Value {
  if (a.kind === 'raise') return a;
  if (b.kind === 'raise') return b;
  if (a.kind === 'list' && b.kind === 'list') return { kind: 'list', items: [...a.items, ...b.items] };
  if (a.kind === 'str' && b.kind === 'str') return str(a.value + b.value, a.literal && b.literal);
  if (a.kind === 'num' && b.kind === 'num') return num(a.value + b.value);
  // A string whose start is known stays a known prefix, whatever follows.
  if ((a.kind === 'str' || a.kind === 'prefix') && a.value !== '' && b.kind !== 'list' && b.kind !== 'dict' && b.kind !== 'num' && b.kind !== 'bool' && b.kind !== 'none') {
    return { kind: 'prefix', value: a.kind === 'str' && b.kind === 'str' ? a.value + b.value : a.value, literal: a.literal };
  }
  return UNKNOWN;
}

export function compare(op: string, a: Value, b: Value): Value {
  if (a.kind === 'raise') return a;
  if (b.kind === 'raise') return b;
  const prim = (v: Value) => v.kind === 'str' || v.kind === 'num' || v.kind === 'bool' || v.kind === 'none';
  if (op === 'in' || op === 'not in') {
    if (b.kind === 'list' && prim(a) && b.items.every(prim)) {
      const r = b.items.some((it) => eqPrim(a, it));
      return bool(op === 'in' ? r : !r);
    }
    if (b.kind === 'str' && a.kind === 'str') return bool(op === 'in' ? b.value.includes(a.value) : !b.value.includes(a.value));
    if (b.kind === 'list' && a.kind === 'env') return b.items.length === 0 ? bool(op !== 'in') : UNKNOWN;
    return UNKNOWN;
  }
  if (op === '==' || op === '!=' || op === 'is' || op === 'is not') {
    if (prim(a) && prim(b)) {
      const r = eqPrim(a, b);
      return bool(op === '==' || op === 'is' ? r : !r);
    }
    if ((a.kind === 'env' && b.kind === 'none') || (b.kind === 'env' && a.kind === 'none')) return bool(op === '!=' || op === 'is not');
    return UNKNOWN;
  }
  if (a.kind === 'num' && b.kind === 'num') {
    switch (op) {
      case '<': return bool(a.value < b.value);
      case '<=': return bool(a.value <= b.value);
      case '>': return bool(a.value > b.value);
      case '>=': return bool(a.value >= b.value);
    }
  }
  return UNKNOWN;
}

function eqPrim(a: Value, b: Value): boolean {
  if (a.kind === 'none' || b.kind === 'none') return a.kind === b.kind;
  const av = a.kind === 'bool' ? Number(a.value) : (a as { value: unknown }).value;
  const bv = b.kind === 'bool' ? Number(b.value) : (b as { value: unknown }).value;
  return av === bv;
}

export function getIn(v: Value, keys: Value[]): Value {
  let cur = v;
  for (const k of keys) {
    if (cur.kind === 'dict' && k.kind === 'str') cur = cur.entries.filter(([kk]) => kk === k.value).pop()?.[1] ?? UNKNOWN;
    else if (cur.kind === 'list' && k.kind === 'num') cur = cur.items[k.value < 0 ? cur.items.length + k.value : k.value] ?? UNKNOWN;
    else return UNKNOWN;
  }
  return cur;
}

const STRING_METHODS = ['lower', 'upper', 'strip', 'lstrip', 'rstrip', 'split', 'title', 'casefold', 'startswith', 'endswith'];

function evalCall(frame: Frame, node: SyntaxNode, scope: Scope): Value {
  const { callee, calleeNode, args, kwargs } = callParts(node);
  const kind = canonical(frame, callee);
  const lib = evalLibraryCall(frame, node, kind, scope);
  if (lib !== undefined) return lib;
  const arg = (i: number, kw?: string): Value | undefined => {
    const n = (kw && kwargs.get(kw)) || args[i];
    return n ? evalExpr(frame, n, scope) : undefined;
  };
  const helper = envHelperOf(frame, node);
  if (helper) {
    // the project's own environment helper (env-helpers.ts): the default when unset, the operator's value when set
    const name = envRead(frame, arg(0));
    if (name === undefined) return UNKNOWN;
    if (isSet(frame, name)) return helper.kind === 'raw' ? { kind: 'env', name } : UNKNOWN;
    if (helper.maxPositional !== undefined && args.length > helper.maxPositional) return UNKNOWN;
    const dflt = arg(helper.defaultIndex ?? 1, helper.defaultParam);
    const required = helper.requiredParam ? arg(2, helper.requiredParam) : undefined;
    if (required && truthy(required) !== false) {
      const t = dflt ? truthy(dflt) : false;
      if (t === undefined || truthy(required) === undefined) return UNKNOWN;
      if (!t) return { kind: 'raise', reason: `${name} is required and not set` };
    }
    if (helper.decouple) return decoupleWrapperUnset(frame, name, dflt ?? helper.omitted ?? UNKNOWN, kwargs, scope);
    return guardedRaise(frame, name) ?? dflt ?? helper.omitted ?? UNKNOWN;
  }
  if (calleeNode?.type === 'identifier') {
    const f = calleeNode.text;
    const x = arg(0);
    if (x?.kind === 'raise' && ['bool', 'int', 'float', 'str', 'list', 'tuple'].includes(f)) return x;
    if (f === 'bool') {
      if (!x) return bool(false);
      const t = truthy(x);
      return t === undefined ? UNKNOWN : bool(t);
    }
    if (f === 'int' || f === 'float') return x ? castValue(x, f) : num(0);
    if (f === 'str') return x && (x.kind === 'str' || x.kind === 'env' || x.kind === 'prefix') ? x : UNKNOWN;
    if (f === 'list' || f === 'tuple') return x && x.kind === 'list' ? x : x === undefined ? { kind: 'list', items: [] } : UNKNOWN;
    // `filter(None, [...])`: the items that are true (Mozilla Foundation's `MIDDLEWARE = list(filter(None, [...,
    // "…" if FLAG else None]))`); an item whose truth is undecided is an unknown item, as a conditional one is
    if (f === 'filter' && args.length === 2 && kwargs.size === 0 && args[0].type === 'none') {
      const seq = arg(1);
      if (seq?.kind === 'raise') return seq;
      if (seq?.kind !== 'list') return UNKNOWN;
      const items: Value[] = [];
      for (const it of seq.items) {
        const t = truthy(it);
        if (t !== false) items.push(t === true ? it : UNKNOWN);
      }
      return { kind: 'list', items };
    }
    if (f === 'dict') {
      const entries: Array<[string, Value]> = [];
      if (x && x.kind === 'dict') entries.push(...x.entries);
      else if (x) return UNKNOWN;
      for (const [k, vn] of kwargs) entries.push([k, evalExpr(frame, vn, scope)]);
      return { kind: 'dict', entries };
    }
  }
  if (calleeNode?.type === 'attribute') {
    const method = calleeNode.childForFieldName('attribute')?.text;
    const obj = calleeNode.childForFieldName('object');
    if (obj && method && STRING_METHODS.includes(method)) return stringMethod(frame, obj, method, arg, args.length, scope);
    // `MIDDLEWARE.index("…")`, to insert beside a known entry (kitsune inserts silk's middleware so)
    if (obj && method === 'index' && args.length === 1 && kwargs.size === 0) return listIndex(evalExpr(frame, obj, scope), arg(0) ?? UNKNOWN);
  }
  return UNKNOWN;
}

/** `seq[a:b]` of a known list with literal bounds (no step): Python's slice, negative bounds included. */
function sliceOf(seq: Value, slice: SyntaxNode, frame: Frame, scope: Scope): Value {
  if (seq.kind !== 'list') return UNKNOWN;
  const bounds: Array<SyntaxNode | undefined> = [undefined, undefined, undefined];
  let part = 0;
  for (const c of slice.children) {
    if (c.type === ':') part++;
    else if (c.isNamed && c.type !== 'comment') bounds[part] = c;
  }
  if (part > 1 || bounds[2]) return UNKNOWN; // a step
  const at = (n: SyntaxNode | undefined): number | null | undefined => {
    if (!n) return null;
    const v = evalExpr(frame, n, scope);
    return v.kind === 'num' && Number.isInteger(v.value) ? v.value : v.kind === 'none' ? null : undefined;
  };
  const [start, stop] = [at(bounds[0]), at(bounds[1])];
  if (start === undefined || stop === undefined) return UNKNOWN;
  return { kind: 'list', items: seq.items.slice(start ?? 0, stop ?? seq.items.length) };
}

/** `seq.index(x)` of a known list: the first position of an equal known item; a missing one raises ValueError. */
function listIndex(seq: Value, x: Value): Value {
  if (seq.kind !== 'list' || (x.kind !== 'str' && x.kind !== 'num')) return UNKNOWN;
  for (let i = 0; i < seq.items.length; i++) {
    const it = seq.items[i];
    if (it.kind !== 'str' && it.kind !== 'num') return UNKNOWN; // might be equal
    if (it.kind === x.kind && it.value === x.value) return num(i);
  }
  return { kind: 'raise', reason: `.index(${JSON.stringify(x.value)}) finds no such item (ValueError)` };
}

function stringMethod(
  frame: Frame,
  obj: SyntaxNode,
  method: string,
  arg: (i: number, kw?: string) => Value | undefined,
  argc: number,
  scope: Scope,
): Value {
  const v = evalExpr(frame, obj, scope);
  if (v.kind === 'raise') return v;
  if (v.kind === 'env') return method === 'split' || method === 'startswith' || method === 'endswith' ? UNKNOWN : v;
  if (v.kind !== 'str') return UNKNOWN;
  switch (method) {
    case 'lower':
    case 'casefold':
      return str(v.value.toLowerCase(), v.literal);
    case 'upper':
      return str(v.value.toUpperCase(), v.literal);
    case 'title':
      return str(v.value.replace(/\b\w/g, (c) => c.toUpperCase()), v.literal);
    case 'strip':
    case 'lstrip':
    case 'rstrip':
      return argc ? UNKNOWN : str(method === 'strip' ? v.value.trim() : method === 'lstrip' ? v.value.trimStart() : v.value.trimEnd(), v.literal);
    case 'startswith':
    case 'endswith': {
      // `SECRET_KEY.startswith("SECRET_KEY")` in a guard that refuses the literal default (Azavea's climate API)
      const p = argc === 1 ? arg(0) : undefined;
      const prefixes = p?.kind === 'str' ? [p] : p?.kind === 'list' ? p.items : undefined; // a tuple is a list here
      if (!prefixes?.length || prefixes.some((x) => x.kind !== 'str')) return UNKNOWN;
      const texts = prefixes.map((x) => (x as { value: string }).value);
      return bool(texts.some((t) => (method === 'startswith' ? v.value.startsWith(t) : v.value.endsWith(t))));
    }
    case 'split': {
      const sep = arg(0, 'sep');
      if (!sep || sep.kind === 'none') return { kind: 'list', items: v.value.split(/\s+/).filter(Boolean).map((s) => str(s, v.literal)) };
      if (sep.kind !== 'str' || sep.value === '') return UNKNOWN;
      return { kind: 'list', items: v.value.split(sep.value).map((s) => str(s, v.literal)) };
    }
  }
  return UNKNOWN;
}

/**
 * A decouple wrapper's value when the variable is unset: the image's .env first (decouple reads it before the
 * default), else the default; cast by `cast=`, or to the default's type; `split=True` reads it as comma-separated
 * values, as decouple's Csv does (`""` is `[]`).
 */
function decoupleWrapperUnset(frame: Frame, name: string, dflt: Value, kwargs: Map<string, SyntaxNode>, scope: Scope): Value {
  const g = guardedRaise(frame, name);
  if (g) return g;
  const cast = kwargs.get('cast')?.text;
  const splitNode = kwargs.get('split');
  const split = splitNode ? truthy(evalExpr(frame, splitNode, scope)) : false;
  if (split === undefined) return UNKNOWN;
  let v = dflt;
  const fromImage = frame.opts.dotenv?.values.get(name);
  if (fromImage !== undefined) {
    frame.state.dotenvUsed.add(name);
    v = str(fromImage, true);
    if (!cast && !split && (dflt.kind === 'bool' || dflt.kind === 'num')) v = castValue(v, dflt.kind === 'bool' ? 'bool' : 'float');
  }
  if (v.kind === 'raise' || v.kind === 'unknown') return v;
  if (split) {
    if (v.kind === 'list') return v;
    if (v.kind !== 'str') return UNKNOWN;
    return { kind: 'list', items: v.value.split(',').map((x) => x.trim()).filter(Boolean).map((x) => str(x, v.kind === 'str' && v.literal)) };
  }
  return cast ? castValue(v, cast) : v;
}
