/**
 * The static settings evaluator: runs a settings module's top level symbolically, twice — once with
 * every environment variable unset, once with every variable set to an operator-chosen value — and
 * returns each setting's value in both worlds with the line that determined it.
 *
 * Hand-written because no library interprets Python statically; it covers what settings modules do:
 * literals, star-import chains, `+=`/append/insert/extend/remove, dict item assignment and update,
 * if/elif/else on known conditions, try/except ImportError, env reads (os, django-environ,
 * python-decouple, dj-database-url). Anything else is `unknown`, and rules never guess from unknown.
 */
import { MIN_SECRET_LENGTH, type Location } from '../finding';
import { callParts, dottedName, lineOf, stringValue, type SyntaxNode } from './python';
import type { SourceFile, Workspace } from './workspace';
import {
  NONE,
  UNKNOWN,
  bool,
  num,
  sameValue,
  str,
  truthy,
  type EvaluatedSettings,
  type SettingBinding,
  type Value,
  type World,
} from './values';

/** Module names that are development-only by convention: skipped when production star-imports them inside try/except. */
export const DEV_MODULE = /(^|[._])(local|locals|dev|develop|development|test|tests|testing|ci|debug|localsettings|local_settings)$/i;

interface Entry {
  value: Value;
  location: Location;
  envVars: Set<string>;
  conditional?: boolean;
}

type Scope = Map<string, Entry>;

export interface ModuleSource {
  file: SourceFile;
  module: string;
}

export type Resolve = (module: string, fromModule: string, level: number) => ModuleSource | undefined;

export interface EvaluateOptions {
  production: boolean;
  reason: string;
  resolve: Resolve;
  /** Collected secret literal values (keys, passwords, DSNs) for redaction. */
  secrets: Set<string>;
}

const SECRET_NAME = /(SECRET|PASSWORD|PASSWD|TOKEN|API_KEY|APIKEY|PRIVATE_KEY|DSN|CREDENTIALS)/i;

export function evaluateSettings(ws: Workspace, src: ModuleSource, opts: EvaluateOptions): EvaluatedSettings {
  const files = new Set<string>();
  const results: Record<World, { scope: Scope; raised?: { location: Location; reason: string } }> = {
    unset: runWorld(ws, src, 'unset', opts, files),
    set: runWorld(ws, src, 'set', opts, files),
  };
  const bindings = new Map<string, SettingBinding>();
  const names = new Set([...results.unset.scope.keys(), ...results.set.scope.keys()]);
  for (const name of [...names].sort()) {
    if (!/^[A-Z][A-Z0-9_]*$/.test(name)) continue;
    const u = results.unset.scope.get(name);
    const s = results.set.scope.get(name);
    const location = (u ?? s)!.location;
    bindings.set(name, {
      name,
      unset: u ? u.value : UNKNOWN,
      set: s ? s.value : UNKNOWN,
      location,
      ...(u?.conditional || s?.conditional || !u || !s ? { conditional: true } : {}),
    });
    collectSecrets(name, u?.value, opts.secrets);
    collectSecrets(name, s?.value, opts.secrets);
  }
  const tree = ws.tree(src.file);
  return {
    module: src.module,
    file: src.file.rel,
    production: opts.production,
    reason: opts.reason,
    bindings,
    anchor: { file: src.file.rel, line: anchorLine(tree.rootNode) },
    files: [...files].sort(),
    ...(results.unset.raised ? { failsWhenUnset: results.unset.raised } : {}),
  };
}

function anchorLine(root: SyntaxNode): number {
  for (const st of root.namedChildren) {
    if (st.type === 'comment') continue;
    if (st.type === 'expression_statement' && st.namedChildren[0]?.type === 'string') continue;
    return lineOf(st);
  }
  return 1;
}

/** Settings named like secrets that hold configuration, not secrets (AUTH_PASSWORD_VALIDATORS, PASSWORD_HASHERS…). */
const NOT_SECRET_NAME = /(VALIDATORS|HASHERS|TIMEOUT|BACKENDS?|CLASS(ES)?|FORMS?|TEMPLATES?|_URL_NAME|_LENGTH|_AGE|_NAME|_HEADER|_FIELD)$/i;
/** A dotted Python path or a plain identifier is configuration, never a secret. */
const CONFIG_VALUE = /^[A-Za-z_][\w]*(\.[A-Za-z_][\w]*)+$/;

function collectSecrets(name: string, v: Value | undefined, out: Set<string>, force = false): void {
  if (!v) return;
  const secretish = force || (SECRET_NAME.test(name) && !NOT_SECRET_NAME.test(name));
  if (v.kind === 'str' && v.literal && secretish && v.value.length >= MIN_SECRET_LENGTH && !CONFIG_VALUE.test(v.value)) out.add(v.value);
  // The password of a URL (postgres://user:PASSWORD@host/db), as written and decoded.
  const m = v.kind === 'str' && v.literal ? /^[a-z][a-z0-9+.-]*:\/\/[^/\s:@]+:([^@\s/]+)@/i.exec(v.value) : null;
  if (m && m[1].length >= MIN_SECRET_LENGTH) {
    out.add(m[1]);
    out.add(decodeURIComponentSafe(m[1]));
  }
  if (v.kind === 'list') for (const it of v.items) collectSecrets(name, it, out, secretish);
  if (v.kind === 'dict') for (const [k, it] of v.entries) collectSecrets(k, it, out, secretish || (SECRET_NAME.test(k) && !NOT_SECRET_NAME.test(k)));
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

// ---------------------------------------------------------------------------------------------
// One world

class Raised extends Error {
  constructor(readonly location: Location, readonly reason: string) {
    super(reason);
  }
}

interface Frame {
  ws: Workspace;
  src: ModuleSource;
  world: World;
  opts: EvaluateOptions;
  files: Set<string>;
  /** module-level names → canonical dotted names of what they were imported as */
  aliases: Map<string, string>;
  /** django-environ Env instances: variable name → scheme (var → [cast, default]) */
  envObjects: Map<string, Map<string, { cast?: string; default?: Value }>>;
  stack: Set<string>;
  /** env vars read by the expression being evaluated */
  reads: Set<string>;
  /** env vars a `raise` guard has already proven required (unset world): later reads fail loudly, too */
  guardedEnv: Set<string>;
}

const moduleCache = new WeakMap<Workspace, Map<string, Scope>>();

function runWorld(
  ws: Workspace,
  src: ModuleSource,
  world: World,
  opts: EvaluateOptions,
  files: Set<string>,
  stack = new Set<string>(),
): { scope: Scope; raised?: { location: Location; reason: string } } {
  const frame: Frame = { ws, src, world, opts, files, aliases: new Map(), envObjects: new Map(), stack, reads: new Set(), guardedEnv: new Set() };
  const scope: Scope = new Map();
  files.add(src.file.rel);
  stack.add(src.file.rel);
  try {
    execBlock(frame, ws.tree(src.file).rootNode.namedChildren, scope);
  } catch (e) {
    if (e instanceof Raised) return { scope: markAllRaised(scope, e), raised: { location: e.location, reason: e.reason } };
    throw e;
  } finally {
    stack.delete(src.file.rel);
  }
  return { scope };
}

function markAllRaised(scope: Scope, e: Raised): Scope {
  // Importing the module fails in this world: nothing in it runs in production. That is loud, never silently insecure.
  const out: Scope = new Map();
  for (const [k, v] of scope) out.set(k, { ...v, value: { kind: 'raise', reason: e.reason } });
  return out;
}

function loc(frame: Frame, node: SyntaxNode): Location {
  return { file: frame.src.file.rel, line: lineOf(node), column: node.startPosition.column + 1 };
}

function execBlock(frame: Frame, stmts: SyntaxNode[], scope: Scope): void {
  for (const st of stmts) execStmt(frame, st, scope);
}

function blockOf(node: SyntaxNode | null): SyntaxNode[] {
  if (!node) return [];
  return node.type === 'block' ? node.namedChildren : [node];
}

function execStmt(frame: Frame, st: SyntaxNode, scope: Scope): void {
  switch (st.type) {
    case 'expression_statement': {
      const e = st.namedChildren[0];
      if (!e) return;
      if (e.type === 'assignment') return execAssign(frame, e, scope);
      if (e.type === 'augmented_assignment') return execAugAssign(frame, e, scope);
      if (e.type === 'call') return execCallStmt(frame, e, scope);
      return;
    }
    case 'import_statement':
      for (const n of st.namedChildren) {
        if (n.type === 'dotted_name') frame.aliases.set(n.text.split('.')[0], n.text.split('.')[0]);
        else if (n.type === 'aliased_import') {
          const name = n.childForFieldName('name')?.text;
          const alias = n.childForFieldName('alias')?.text;
          if (name && alias) frame.aliases.set(alias, name);
        }
      }
      return;
    case 'import_from_statement':
      return execImportFrom(frame, st, scope);
    case 'if_statement':
      return execIf(frame, st, scope);
    case 'try_statement':
      return execTry(frame, st, scope);
    case 'with_statement':
      return execBlock(frame, blockOf(st.childForFieldName('body')), scope);
    case 'raise_statement':
      throw new Raised(loc(frame, st), `${frame.src.module} raises at line ${lineOf(st)}`);
    case 'decorated_definition':
    case 'function_definition':
    case 'class_definition': {
      const def = st.type === 'decorated_definition' ? st.childForFieldName('definition') : st;
      const name = def?.childForFieldName('name')?.text;
      if (name) scope.set(name, { value: UNKNOWN, location: loc(frame, st), envVars: new Set() });
      return;
    }
    default:
      return;
  }
}

function execImportFrom(frame: Frame, st: SyntaxNode, scope: Scope): void {
  const modNode = st.childForFieldName('module_name');
  if (!modNode) return;
  let level = 0;
  let modName = modNode.text;
  if (modNode.type === 'relative_import') {
    const prefix = modNode.namedChildren.find((c) => c.type === 'import_prefix');
    level = prefix ? prefix.text.length : 0;
    modName = modNode.namedChildren.find((c) => c.type === 'dotted_name')?.text ?? '';
  }
  const isWildcard = st.namedChildren.some((c) => c.type === 'wildcard_import');
  const imported: Array<[string, string]> = [];
  for (const c of st.childrenForFieldName('name')) {
    if (c.type === 'dotted_name') imported.push([c.text, c.text]);
    else if (c.type === 'aliased_import') {
      const n = c.childForFieldName('name')?.text;
      const a = c.childForFieldName('alias')?.text;
      if (n && a) imported.push([n, a]);
    }
  }
  const target = frame.opts.resolve(modName, frame.src.module, level);
  if (!target) {
    // Third-party import: remember aliases for the env helpers we understand.
    for (const [n, a] of imported) frame.aliases.set(a, `${modName}.${n}`);
    return;
  }
  if (frame.stack.has(target.file.rel)) return; // import cycle
  const sub = evaluateModuleScope(frame, target);
  if (isWildcard) {
    for (const [k, v] of sub) if (!k.startsWith('_')) scope.set(k, v);
  } else {
    for (const [n, a] of imported) {
      const v = sub.get(n);
      if (v) scope.set(a, v);
    }
  }
}

function evaluateModuleScope(frame: Frame, target: ModuleSource): Scope {
  let cache = moduleCache.get(frame.ws);
  if (!cache) moduleCache.set(frame.ws, (cache = new Map()));
  const key = `${frame.world}\0${frame.opts.production}\0${target.file.rel}`;
  const hit = cache.get(key);
  if (hit) {
    frame.files.add(target.file.rel);
    return hit;
  }
  const r = runWorld(frame.ws, target, frame.world, frame.opts, frame.files, frame.stack);
  if (r.raised) throw new Raised(r.raised.location, r.raised.reason);
  cache.set(key, r.scope);
  return r.scope;
}

function execTry(frame: Frame, st: SyntaxNode, scope: Scope): void {
  const body = blockOf(st.childForFieldName('body'));
  const handlers = st.namedChildren.filter((c) => c.type === 'except_clause');
  const elseClause = st.namedChildren.find((c) => c.type === 'else_clause');
  const finallyClause = st.namedChildren.find((c) => c.type === 'finally_clause');
  // In production, a local/dev override module imported inside try/except is taken as absent (not deployed).
  const importsDevOnly = body.some((s) => {
    if (s.type !== 'import_from_statement' && s.type !== 'import_statement') return false;
    const mod = s.childForFieldName('module_name')?.text ?? s.namedChildren[0]?.text ?? '';
    const last = mod.replace(/^\.+/, '').split('.').pop() ?? '';
    if (DEV_MODULE.test(last)) return frame.opts.production;
    if (mod.startsWith('.')) {
      const level = /^\.+/.exec(mod)?.[0].length ?? 0;
      return !frame.opts.resolve(mod.slice(level), frame.src.module, level);
    }
    return false;
  });
  if (importsDevOnly) {
    const h = handlers[0];
    if (h) execBlock(frame, blockOf(h.namedChildren.find((c) => c.type === 'block') ?? null), scope);
  } else {
    const before = new Map(scope);
    try {
      execBlock(frame, body, scope);
      if (elseClause) execBlock(frame, blockOf(elseClause.childForFieldName('body')), scope);
    } catch (e) {
      if (!(e instanceof Raised)) throw e;
      scope.clear();
      for (const [k, v] of before) scope.set(k, v);
      const h = handlers[0];
      if (h) execBlock(frame, blockOf(h.namedChildren.find((c) => c.type === 'block') ?? null), scope);
    }
  }
  if (finallyClause) execBlock(frame, blockOf(finallyClause.namedChildren.find((c) => c.type === 'block') ?? null), scope);
}

function execIf(frame: Frame, st: SyntaxNode, scope: Scope): void {
  const cond = st.childForFieldName('condition');
  const branches: Array<{ cond: SyntaxNode | null; body: SyntaxNode[] }> = [
    { cond, body: blockOf(st.childForFieldName('consequence')) },
  ];
  for (const alt of st.childrenForFieldName('alternative')) {
    if (alt.type === 'elif_clause') branches.push({ cond: alt.childForFieldName('condition'), body: blockOf(alt.childForFieldName('consequence')) });
    else branches.push({ cond: null, body: blockOf(alt.childForFieldName('body')) });
  }
  execBranches(frame, branches, scope);
}

function execBranches(frame: Frame, branches: Array<{ cond: SyntaxNode | null; body: SyntaxNode[] }>, scope: Scope): void {
  if (branches.length === 0) return;
  const [first, ...rest] = branches;
  if (!first.cond) return execBlock(frame, first.body, scope);
  frame.reads = new Set();
  const c = isTestRunCondition(first.cond) ? bool(false) : evalExpr(frame, first.cond, scope);
  const condReads = frame.reads;
  const t = truthy(c);
  if (t === true) return execGuarded(frame, first.body, scope, first.cond, condReads);
  if (t === false) return execBranches(frame, rest, scope);
  // Unknown condition: run both sides and merge; what differs becomes unknown (and conditional).
  const a = new Map(scope);
  const b = new Map(scope);
  let aRaised = false;
  let bRaised = false;
  try {
    execBlock(frame, first.body, a);
  } catch (e) {
    if (!(e instanceof Raised)) throw e;
    aRaised = true;
  }
  try {
    execBranches(frame, rest, b);
  } catch (e) {
    if (!(e instanceof Raised)) throw e;
    bRaised = true;
  }
  if (aRaised && bRaised) throw new Raised(loc(frame, first.cond), `${frame.src.module} raises on every branch`);
  const pick = aRaised ? b : bRaised ? a : undefined;
  scope.clear();
  if (pick) {
    for (const [k, v] of pick) scope.set(k, v);
    return;
  }
  const keys = new Set([...a.keys(), ...b.keys()]);
  for (const k of keys) {
    const x = a.get(k);
    const y = b.get(k);
    if (x && y && (x === y || (sameValue(x.value, y.value)))) scope.set(k, x === y ? x : { ...x, conditional: x.conditional || y.conditional });
    else {
      const changed = x && x !== scope.get(k) ? x : y ?? x!;
      scope.set(k, { value: UNKNOWN, location: changed.location, envVars: new Set([...(x?.envVars ?? []), ...(y?.envVars ?? [])]), conditional: true });
    }
  }
}

/** `if "test" in sys.argv:` and similar: never true in production. */
function isTestRunCondition(cond: SyntaxNode): boolean {
  const t = cond.text.replace(/\s+/g, '');
  return /sys\.argv/.test(t) && /test/.test(t);
}

/** A block under a known-true condition. A `raise` there guards the settings the condition read. */
function execGuarded(frame: Frame, body: SyntaxNode[], scope: Scope, cond: SyntaxNode, condReads: Set<string>): void {
  try {
    execBlock(frame, body, scope);
  } catch (e) {
    if (!(e instanceof Raised)) throw e;
    // A guard such as `if not os.getenv("ALLOWED_HOSTS"): raise ImproperlyConfigured(...)`: the operator gets a
    // loud failure instead of a silently bad value. Mark only the settings the guard is about as raising,
    // and keep evaluating the rest (the operator must set the guarded variable for anything to run).
    const names = new Set(cond.descendantsOfType('identifier').map((n) => n.text));
    for (const ev of condReads) frame.guardedEnv.add(ev);
    let guarded = 0;
    for (const [k, v] of scope) {
      if (names.has(k) || [...v.envVars].some((ev) => condReads.has(ev))) {
        scope.set(k, { ...v, value: { kind: 'raise', reason: e.reason } });
        guarded++;
      }
    }
    if (guarded === 0 && condReads.size === 0 && names.size === 0) throw e;
  }
}

/** In the unset world, a variable that an earlier `raise` guard requires never reaches its default. */
function guardedRaise(frame: Frame, name: string): Value | undefined {
  return frame.world === 'unset' && frame.guardedEnv.has(name) ? { kind: 'raise', reason: `${name} is required by a guard` } : undefined;
}

function targetName(node: SyntaxNode): string | undefined {
  return node.type === 'identifier' ? node.text : undefined;
}

function execAssign(frame: Frame, node: SyntaxNode, scope: Scope): void {
  const left = node.childForFieldName('left');
  let right = node.childForFieldName('right');
  if (!left) return;
  const targets: SyntaxNode[] = [left];
  while (right && right.type === 'assignment') {
    const l = right.childForFieldName('left');
    if (l) targets.push(l);
    right = right.childForFieldName('right');
  }
  if (!right) return; // annotation only
  frame.reads = new Set();
  const value = evalExpr(frame, right, scope);
  const reads = frame.reads;
  // django-environ: env = environ.Env(DEBUG=(bool, False))
  if (right.type === 'call' && canonical(frame, callParts(right).callee) === 'environ.Env') {
    const name = targetName(left);
    if (name) frame.envObjects.set(name, envScheme(frame, right, scope));
  }
  for (const t of targets) {
    if (t.type === 'identifier') {
      scope.set(t.text, { value, location: loc(frame, node), envVars: reads });
    } else if (t.type === 'subscript') {
      assignSubscript(frame, t, value, scope, loc(frame, node), reads);
    } else if (t.type === 'pattern_list' || t.type === 'tuple_pattern' || t.type === 'list_pattern') {
      for (const n of t.namedChildren) if (n.type === 'identifier') scope.set(n.text, { value: UNKNOWN, location: loc(frame, node), envVars: reads });
    }
  }
}

/** `D["a"]["b"] = v`: rebuild the nested dict with the new value. */
function assignSubscript(frame: Frame, t: SyntaxNode, value: Value, scope: Scope, location: Location, reads: Set<string>): void {
  const path: SyntaxNode[] = [];
  let cur: SyntaxNode | null = t;
  while (cur && cur.type === 'subscript') {
    const k = cur.childForFieldName('subscript');
    if (!k) return;
    path.unshift(k);
    cur = cur.childForFieldName('value');
  }
  if (!cur || cur.type !== 'identifier') return;
  const entry = scope.get(cur.text);
  if (!entry) return;
  const keys = path.map((k) => evalExpr(frame, k, scope));
  const updated = setIn(entry.value, keys, value);
  scope.set(cur.text, { value: updated, location, envVars: new Set([...entry.envVars, ...reads]) });
}

function setIn(container: Value, keys: Value[], value: Value): Value {
  if (keys.length === 0) return value;
  const [k, ...rest] = keys;
  if (container.kind === 'dict' && k.kind === 'str') {
    const existing = container.entries.find(([kk]) => kk === k.value)?.[1] ?? { kind: 'dict', entries: [] };
    const entries = container.entries.filter(([kk]) => kk !== k.value);
    entries.push([k.value, setIn(existing, rest, value)]);
    return { kind: 'dict', entries };
  }
  if (container.kind === 'list' && k.kind === 'num') {
    const items = container.items.slice();
    const i = k.value < 0 ? items.length + k.value : k.value;
    if (i >= 0 && i < items.length) items[i] = setIn(items[i], rest, value);
    return { kind: 'list', items };
  }
  return UNKNOWN;
}

function execAugAssign(frame: Frame, node: SyntaxNode, scope: Scope): void {
  const left = node.childForFieldName('left');
  const right = node.childForFieldName('right');
  const op = node.childForFieldName('operator')?.text ?? node.children.find((c) => !c.isNamed)?.text;
  if (!left || !right || left.type !== 'identifier') return;
  const prev = scope.get(left.text);
  frame.reads = new Set();
  const rhs = evalExpr(frame, right, scope);
  const reads = frame.reads;
  const value = prev && op === '+=' ? binaryAdd(prev.value, rhs) : UNKNOWN;
  scope.set(left.text, { value, location: loc(frame, node), envVars: new Set([...(prev?.envVars ?? []), ...reads]) });
}

function binaryAdd(a: Value, b: Value): Value {
  if (a.kind === 'raise') return a;
  if (b.kind === 'raise') return b;
  if (a.kind === 'list' && b.kind === 'list') return { kind: 'list', items: [...a.items, ...b.items] };
  if (a.kind === 'str' && b.kind === 'str') return str(a.value + b.value, a.literal && b.literal);
  if (a.kind === 'num' && b.kind === 'num') return num(a.value + b.value);
  return UNKNOWN;
}

/** `MIDDLEWARE.append(x)`, `.insert(i, x)`, `.extend(xs)`, `.remove(x)`, `D.update({...})`, `D["k"].update(...)`. */
function execCallStmt(frame: Frame, call: SyntaxNode, scope: Scope): void {
  const fn = call.childForFieldName('function');
  if (!fn || fn.type !== 'attribute') return;
  const method = fn.childForFieldName('attribute')?.text;
  const obj = fn.childForFieldName('object');
  if (!obj || !method) return;
  const { args, kwargs } = callParts(call);
  // Find the root setting name and the key path (for D["default"].update(...)).
  const path: SyntaxNode[] = [];
  let root: SyntaxNode | null = obj;
  while (root && root.type === 'subscript') {
    const k = root.childForFieldName('subscript');
    if (!k) return;
    path.unshift(k);
    root = root.childForFieldName('value');
  }
  if (!root || root.type !== 'identifier') return;
  const entry = scope.get(root.text);
  if (!entry) return;
  frame.reads = new Set();
  const keys = path.map((k) => evalExpr(frame, k, scope));
  const target = getIn(entry.value, keys);
  const argv = args.map((a) => evalExpr(frame, a, scope));
  let next: Value | undefined;
  if (target.kind === 'list') {
    switch (method) {
      case 'append':
        next = argv.length === 1 ? { kind: 'list', items: [...target.items, argv[0]] } : UNKNOWN;
        break;
      case 'insert': {
        const [i, x] = argv;
        if (i?.kind === 'num' && x) {
          const items = target.items.slice();
          const idx = i.value < 0 ? Math.max(0, items.length + i.value) : Math.min(i.value, items.length);
          items.splice(idx, 0, x);
          next = { kind: 'list', items };
        } else next = UNKNOWN;
        break;
      }
      case 'extend':
        next = argv[0]?.kind === 'list' ? { kind: 'list', items: [...target.items, ...argv[0].items] } : UNKNOWN;
        break;
      case 'remove': {
        const x = argv[0];
        const i = x ? target.items.findIndex((it) => sameValue(it, x)) : -1;
        if (i >= 0) {
          const items = target.items.slice();
          items.splice(i, 1);
          next = { kind: 'list', items };
        } else next = x && x.kind !== 'unknown' ? { kind: 'raise', reason: 'list.remove(x): x not in list' } : UNKNOWN;
        break;
      }
      default:
        return;
    }
  } else if (target.kind === 'dict' && method === 'update') {
    let entries = target.entries.slice();
    const add = argv[0];
    if (add && add.kind !== 'dict') next = UNKNOWN;
    else {
      for (const [k, v] of add?.kind === 'dict' ? add.entries : []) entries = [...entries.filter(([kk]) => kk !== k), [k, v]];
      for (const [k, vn] of kwargs) {
        const v = evalExpr(frame, vn, scope);
        entries = [...entries.filter(([kk]) => kk !== k), [k, v]];
      }
      next = { kind: 'dict', entries };
    }
  } else if (target.kind === 'dict' && method === 'setdefault') {
    const k = argv[0];
    if (k?.kind === 'str' && !target.entries.some(([kk]) => kk === k.value)) next = { kind: 'dict', entries: [...target.entries, [k.value, argv[1] ?? NONE]] };
    else return;
  } else if (['append', 'insert', 'extend', 'remove', 'update'].includes(method)) {
    next = UNKNOWN;
  } else return;
  const updated = keys.length ? setIn(entry.value, keys, next) : next;
  scope.set(root.text, { value: updated, location: loc(frame, call), envVars: new Set([...entry.envVars, ...frame.reads]) });
}

function getIn(v: Value, keys: Value[]): Value {
  let cur = v;
  for (const k of keys) {
    if (cur.kind === 'dict' && k.kind === 'str') cur = cur.entries.filter(([kk]) => kk === k.value).pop()?.[1] ?? UNKNOWN;
    else if (cur.kind === 'list' && k.kind === 'num') cur = cur.items[k.value < 0 ? cur.items.length + k.value : k.value] ?? UNKNOWN;
    else return UNKNOWN;
  }
  return cur;
}

// ---------------------------------------------------------------------------------------------
// Expressions

/**
 * The dotted name a call resolves to after import aliasing, with the env readers normalised:
 * `os.getenv`, `os.environ.get`, `os.environ.setdefault`, `environ.Env`, `decouple.config`,
 * `dj_database_url.config|parse`, `get_random_secret_key`; anything else as written.
 */
function canonical(frame: Frame, dotted: string | undefined): string | undefined {
  if (!dotted) return undefined;
  const [head, ...rest] = dotted.split('.');
  const base = frame.aliases.get(head) ?? head;
  const full = [base, ...rest].join('.');
  if (full === 'os.environ.getenv') return 'os.getenv';
  if (full === 'environ.Env' || full === 'environ.environ.Env') return 'environ.Env';
  if (full === 'decouple.config' || full === 'decouple.AutoConfig') return 'decouple.config';
  if (full.endsWith('get_random_secret_key')) return 'get_random_secret_key';
  return full;
}

function envScheme(frame: Frame, call: SyntaxNode, scope: Scope): Map<string, { cast?: string; default?: Value }> {
  const out = new Map<string, { cast?: string; default?: Value }>();
  for (const [k, v] of callParts(call).kwargs) {
    if (v.type === 'tuple') {
      const [c, d] = v.namedChildren;
      out.set(k, { cast: c?.text, default: d ? evalExpr(frame, d, scope) : undefined });
    } else out.set(k, { cast: v.text });
  }
  return out;
}

function envRead(frame: Frame, name: Value | undefined): string | undefined {
  if (name?.kind !== 'str') return undefined;
  frame.reads.add(name.value);
  return name.value;
}

/** Cast a value the way django-environ / decouple would (bool: "true/yes/1/on" → True). */
function castValue(v: Value, cast: string | undefined): Value {
  if (!cast) return v;
  const c = cast.replace(/^builtins\./, '');
  if (c === 'bool') {
    if (v.kind === 'bool') return v;
    if (v.kind === 'str') return bool(['true', 'on', 'ok', 'y', 'yes', '1', 't'].includes(v.value.trim().toLowerCase()));
    if (v.kind === 'num') return bool(v.value !== 0);
    if (v.kind === 'none') return bool(false);
    return UNKNOWN;
  }
  if (c === 'int' || c === 'float') {
    if (v.kind === 'num') return v;
    if (v.kind === 'str' && v.value.trim() !== '' && !Number.isNaN(Number(v.value))) return num(Number(v.value));
    return UNKNOWN;
  }
  if (c === 'str') return v.kind === 'str' ? v : v.kind === 'env' ? v : UNKNOWN;
  if (c === 'list' || /Csv\(/.test(c)) {
    if (v.kind === 'list') return v;
    if (v.kind === 'str') return { kind: 'list', items: v.value.split(',').filter((s, _i, all) => !(all.length === 1 && s === '')).map((s) => str(s.trim(), v.literal)) };
    return UNKNOWN;
  }
  return UNKNOWN;
}

/** Parse a database URL the way dj-database-url / django-environ map schemes to engines. */
export function databaseFromUrl(url: Value, extra: Array<[string, Value]> = []): Value {
  if (url.kind !== 'str') return { kind: 'dict', entries: [['ENGINE', UNKNOWN], ...extra] };
  const m = /^([a-z0-9+.-]+):\/\//i.exec(url.value.trim());
  const scheme = m?.[1].toLowerCase();
  const engines: Record<string, string> = {
    sqlite: 'django.db.backends.sqlite3',
    spatialite: 'django.contrib.gis.db.backends.spatialite',
    postgres: 'django.db.backends.postgresql',
    postgresql: 'django.db.backends.postgresql',
    pgsql: 'django.db.backends.postgresql',
    psql: 'django.db.backends.postgresql',
    postgis: 'django.contrib.gis.db.backends.postgis',
    mysql: 'django.db.backends.mysql',
    mysql2: 'django.db.backends.mysql',
    mysqlgis: 'django.contrib.gis.db.backends.mysql',
    oracle: 'django.db.backends.oracle',
    mssql: 'mssql',
  };
  const engine = scheme && engines[scheme] ? str(engines[scheme], url.literal) : UNKNOWN;
  return { kind: 'dict', entries: [['ENGINE', engine], ...extra] };
}

function evalCall(frame: Frame, node: SyntaxNode, scope: Scope): Value {
  const { callee, calleeNode, args, kwargs } = callParts(node);
  const kind = canonical(frame, callee);
  const arg = (i: number, kw?: string): Value | undefined => {
    const n = (kw && kwargs.get(kw)) || args[i];
    return n ? evalExpr(frame, n, scope) : undefined;
  };
  // os.getenv / os.environ.get / setdefault
  if (kind === 'os.getenv' || kind === 'os.environ.get' || kind === 'os.environ.setdefault') {
    const name = envRead(frame, arg(0, kind === 'os.getenv' ? 'key' : undefined));
    if (name === undefined) return UNKNOWN;
    if (frame.world === 'set') return { kind: 'env', name };
    const g = guardedRaise(frame, name);
    if (g) return g;
    return arg(1, 'default') ?? NONE;
  }
  if (kind === 'get_random_secret_key') return { kind: 'call', callee: 'get_random_secret_key' };
  if (kind === 'decouple.config') {
    const name = envRead(frame, arg(0));
    if (name === undefined) return UNKNOWN;
    const castNode = kwargs.get('cast');
    const cast = castNode?.text;
    if (frame.world === 'set') return cast ? UNKNOWN : { kind: 'env', name };
    const g = guardedRaise(frame, name);
    if (g) return g;
    const d = kwargs.get('default');
    if (!d) return { kind: 'raise', reason: `decouple: ${name} not found and no default` };
    const dv = evalExpr(frame, d, scope);
    return castValue(dv, cast);
  }
  if (kind === 'dj_database_url.config') {
    const envName = arg(99, 'env');
    const name = envRead(frame, envName ?? str('DATABASE_URL'));
    const extra = dbExtras(frame, kwargs, scope);
    if (frame.world === 'set') return databaseFromUrl({ kind: 'env', name: name ?? 'DATABASE_URL' }, extra);
    const d = arg(99, 'default');
    if (!d || d.kind === 'none') return UNKNOWN; // {} — Django fails loudly at first query
    return databaseFromUrl(d, extra);
  }
  if (kind === 'dj_database_url.parse') {
    return databaseFromUrl(arg(0, 'url') ?? UNKNOWN, dbExtras(frame, kwargs, scope));
  }
  // django-environ: env("X", default=..., cast=...), env.bool("X", default=...), env.db(...)
  if (calleeNode) {
    const headName = calleeNode.type === 'identifier' ? calleeNode.text : calleeNode.type === 'attribute' ? dottedName(calleeNode.childForFieldName('object')) : undefined;
    const method = calleeNode.type === 'attribute' ? calleeNode.childForFieldName('attribute')?.text : undefined;
    const scheme = headName ? frame.envObjects.get(headName) : undefined;
    if (scheme) return evalEnviron(frame, scheme, method, args, kwargs, scope);
  }
  // builtins and string methods
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
    if (f === 'str') return x && (x.kind === 'str' || x.kind === 'env') ? x : UNKNOWN;
    if (f === 'list' || f === 'tuple') return x && x.kind === 'list' ? x : x === undefined ? { kind: 'list', items: [] } : UNKNOWN;
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
    if (obj && method && ['lower', 'upper', 'strip', 'lstrip', 'rstrip', 'split', 'title', 'casefold'].includes(method)) {
      const v = evalExpr(frame, obj, scope);
      if (v.kind === 'raise') return v;
      if (v.kind === 'env') return method === 'split' ? UNKNOWN : v;
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
          return args.length ? UNKNOWN : str(method === 'strip' ? v.value.trim() : method === 'lstrip' ? v.value.trimStart() : v.value.trimEnd(), v.literal);
        case 'split': {
          const sep = arg(0, 'sep');
          if (!sep || sep.kind === 'none') return { kind: 'list', items: v.value.split(/\s+/).filter(Boolean).map((s) => str(s, v.literal)) };
          if (sep.kind !== 'str' || sep.value === '') return UNKNOWN;
          return { kind: 'list', items: v.value.split(sep.value).map((s) => str(s, v.literal)) };
        }
      }
    }
  }
  return UNKNOWN;
}

function dbExtras(frame: Frame, kwargs: Map<string, SyntaxNode>, scope: Scope): Array<[string, Value]> {
  const extra: Array<[string, Value]> = [];
  const cma = kwargs.get('conn_max_age');
  extra.push(['CONN_MAX_AGE', cma ? evalExpr(frame, cma, scope) : num(0)]);
  const hc = kwargs.get('conn_health_checks');
  if (hc) extra.push(['CONN_HEALTH_CHECKS', evalExpr(frame, hc, scope)]);
  return extra;
}

function evalEnviron(
  frame: Frame,
  scheme: Map<string, { cast?: string; default?: Value }>,
  method: string | undefined,
  args: SyntaxNode[],
  kwargs: Map<string, SyntaxNode>,
  scope: Scope,
): Value {
  const name = envRead(frame, args[0] ? evalExpr(frame, args[0], scope) : kwargs.get('var') ? evalExpr(frame, kwargs.get('var')!, scope) : method === 'db' || method === 'db_url' ? str('DATABASE_URL') : undefined);
  if (name === undefined) return UNKNOWN;
  const castByMethod: Record<string, string> = { bool: 'bool', int: 'int', float: 'float', str: 'str', list: 'list', tuple: 'list' };
  const isDb = method === 'db' || method === 'db_url' || method === 'database_url';
  if (method && !castByMethod[method] && !isDb) return UNKNOWN; // env.json, env.url, env.cache…: not modelled
  const cast = method ? castByMethod[method] : kwargs.get('cast')?.text ?? scheme.get(name)?.cast;
  const defaultNode = kwargs.get('default') ?? (isDb ? undefined : args[1]);
  const schemeDefault = scheme.get(name)?.default;
  const dv = defaultNode ? evalExpr(frame, defaultNode, scope) : schemeDefault;
  if (frame.world === 'unset' && frame.guardedEnv.has(name)) return { kind: 'raise', reason: `${name} is required by a guard` };
  if (frame.world === 'set') {
    if (isDb) return databaseFromUrl({ kind: 'env', name });
    // smart cast: a non-string default makes django-environ parse the value (content unknown)
    const smart = !cast && dv && dv.kind !== 'str' && dv.kind !== 'none';
    return (!cast || cast === 'str') && !smart ? { kind: 'env', name } : UNKNOWN;
  }
  if (!dv) return { kind: 'raise', reason: `django-environ: ${name} not set and no default` };
  if (isDb) return databaseFromUrl(dv);
  // django-environ's smart cast: a default's type decides the cast when none is given.
  const effective = cast ?? (dv.kind === 'bool' ? 'bool' : dv.kind === 'num' ? 'float' : dv.kind === 'list' ? 'list' : undefined);
  return castValue(dv, effective);
}

function compare(op: string, a: Value, b: Value): Value {
  if (a.kind === 'raise') return a;
  if (b.kind === 'raise') return b;
  const prim = (v: Value) => v.kind === 'str' || v.kind === 'num' || v.kind === 'bool' || v.kind === 'none';
  if (op === 'in' || op === 'not in') {
    if (b.kind === 'list' && prim(a) && b.items.every(prim)) {
      const r = b.items.some((it) => eqPrim(a, it));
      return bool(op === 'in' ? r : !r);
    }
    if (b.kind === 'str' && a.kind === 'str') return bool(op === 'in' ? b.value.includes(a.value) : !b.value.includes(a.value));
    if (b.kind === 'list' && a.kind === 'env') {
      // An operator value can be anything: unless the list is empty, we cannot tell.
      return b.items.length === 0 ? bool(op !== 'in') : UNKNOWN;
    }
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

export function evalExpr(frame: Frame, node: SyntaxNode, scope: Scope): Value {
  switch (node.type) {
    case 'string':
    case 'concatenated_string': {
      const s = stringValue(node);
      return s === undefined ? UNKNOWN : str(s, true);
    }
    case 'integer': {
      const n = Number(node.text.replace(/_/g, ''));
      return Number.isFinite(n) ? num(n) : UNKNOWN;
    }
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
    case 'set': {
      const items: Value[] = [];
      for (const c of node.namedChildren) {
        if (c.type === 'comment') continue;
        if (c.type === 'list_splat') {
          const inner = c.namedChildren[0];
          const v = inner ? evalExpr(frame, inner, scope) : UNKNOWN;
          if (v.kind !== 'list') return UNKNOWN;
          items.push(...v.items);
        } else items.push(evalExpr(frame, c, scope));
      }
      return { kind: 'list', items };
    }
    case 'dictionary': {
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
    case 'identifier': {
      const e = scope.get(node.text);
      if (e) {
        for (const r of e.envVars) frame.reads.add(r);
        return e.value;
      }
      return UNKNOWN;
    }
    case 'subscript': {
      const obj = node.childForFieldName('value');
      const key = node.childForFieldName('subscript');
      if (!obj || !key) return UNKNOWN;
      if (canonical(frame, dottedName(obj)) === 'os.environ') {
        const name = envRead(frame, evalExpr(frame, key, scope));
        if (name === undefined) return UNKNOWN;
        return frame.world === 'set' ? { kind: 'env', name } : { kind: 'raise', reason: `os.environ["${name}"] is required` };
      }
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
    case 'boolean_operator': {
      const l = node.childForFieldName('left');
      const r = node.childForFieldName('right');
      const op = node.childForFieldName('operator')?.text ?? node.children.find((c) => c.type === 'and' || c.type === 'or')?.text;
      if (!l || !r) return UNKNOWN;
      const lv = evalExpr(frame, l, scope);
      const rv = evalExpr(frame, r, scope);
      const t = truthy(lv);
      if (t === undefined) return UNKNOWN;
      if (op === 'and') return t ? rv : lv;
      return t ? lv : rv;
    }
    case 'comparison_operator': {
      const operands = node.namedChildren;
      const ops: string[] = [];
      let pending = '';
      for (const c of node.children) {
        if (c.isNamed) {
          if (pending) ops.push(pending.trim());
          pending = '';
        } else pending += ` ${c.text}`;
      }
      let result: Value = bool(true);
      for (let i = 0; i < operands.length - 1; i++) {
        const r = compare(ops[i] ?? '', evalExpr(frame, operands[i], scope), evalExpr(frame, operands[i + 1], scope));
        const t = truthy(r);
        if (t === false) return bool(false);
        if (t === undefined) result = UNKNOWN;
      }
      return result;
    }
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
    case 'binary_operator': {
      const l = node.childForFieldName('left');
      const r = node.childForFieldName('right');
      const op = node.childForFieldName('operator')?.text;
      if (!l || !r) return UNKNOWN;
      const lv = evalExpr(frame, l, scope);
      const rv = evalExpr(frame, r, scope);
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
      return UNKNOWN;
    }
    case 'unary_operator': {
      const a = node.childForFieldName('argument');
      const v = a ? evalExpr(frame, a, scope) : UNKNOWN;
      const op = node.childForFieldName('operator')?.text ?? node.children[0]?.text;
      if (v.kind === 'num') return num(op === '-' ? -v.value : v.value);
      return UNKNOWN;
    }
    default:
      return UNKNOWN;
  }
}
