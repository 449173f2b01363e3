/**
 * Statements and control flow: assignments, in-place changes of lists and dicts, if/elif/else on known
 * conditions (both sides merged when unknown), try/except ImportError, raise guards, and the constructs
 * that set names the evaluator cannot follow (loops, `globals()`, `exec`, `setattr` on the module, loader
 * functions), which make those names unknown and are recorded as dynamic.
 *
 * Nesting is bounded (MAX_STMT_DEPTH) and if/elif chains are walked iteratively, so no valid module can
 * exhaust the stack.
 */
import type { Location } from '../../finding';
import { callParts, lineOf, stringValue, walk, type SyntaxNode } from '../python';
import { NONE, UNKNOWN, bool, sameValue, truthy, type Value } from '../values';
import { exportClassFromLoader } from './classes';
import { binaryAdd, evalExpr, getIn } from './expressions';
import { MAX_ALTERNATIVES, MAX_STMT_DEPTH, Raised, carryOverride, inTemplate, isSettingName, joinOverrides, loc, markAbsentOverride, markDynamic, type Entry, type Frame, type Scope } from './frame';
import { execImport, execImportFrom, execInclude, isIncludeCall, optionalImportTarget } from './imports';
import { canonical, emailUrlKeys, envScheme, isSet } from './libraries';

export function execBlock(frame: Frame, stmts: readonly SyntaxNode[], scope: Scope): void {
  for (const st of stmts) execStmt(frame, st, scope);
}

export function blockOf(node: SyntaxNode | null | undefined): SyntaxNode[] {
  if (!node) return [];
  return node.type === 'block' ? node.namedChildren : [node];
}

function execStmt(frame: Frame, st: SyntaxNode, scope: Scope): void {
  if (frame.stmtDepth >= MAX_STMT_DEPTH) return unmodelled(frame, st, scope, 'nested too deeply to evaluate');
  if (frame.templateRows && inTemplate(frame, st)) {
    return unmodelled(frame, st, scope, 'template tags make it unknown');
  }
  frame.stmtDepth++;
  try {
    execStmtInner(frame, st, scope);
  } finally {
    frame.stmtDepth--;
  }
}

function execStmtInner(frame: Frame, st: SyntaxNode, scope: Scope): void {
  switch (st.type) {
    case 'expression_statement': {
      const e = st.namedChildren[0];
      if (!e) return;
      if (e.type === 'assignment') {
        // `ns = SettingNamespace(global_symbol_table=globals())` (Mayan EDMS): the object it makes holds the
        // module's namespace and may set any setting later (`ns.update_globals()`), as a call statement may now.
        // Only the namespace itself: `__version__ = get_version(__name__)` merely names the module.
        const right = e.childForFieldName('right');
        if (right?.type === 'call' && !frame.functions.has(right.childForFieldName('function')?.text ?? '')) handsOverModule(frame, right, scope, true);
        return execAssign(frame, e, scope);
      }
      if (e.type === 'augmented_assignment') return execAugAssign(frame, e, scope);
      if (e.type === 'call') return execCallStmt(frame, e, scope);
      return;
    }
    case 'import_statement':
      return execImport(frame, st, scope);
    case 'import_from_statement':
      return execImportFrom(frame, st, scope);
    case 'if_statement':
      return execIf(frame, st, scope);
    case 'try_statement':
      return execTry(frame, st, scope);
    case 'with_statement':
      return execWith(frame, st, scope);
    case 'raise_statement':
      throw new Raised(loc(frame, st), `${frame.src.module} raises at line ${lineOf(st)}`);
    case 'decorated_definition':
    case 'function_definition':
    case 'class_definition': {
      const def = st.type === 'decorated_definition' ? st.childForFieldName('definition') : st;
      const name = def?.childForFieldName('name')?.text;
      if (!def || !name) return;
      (def.type === 'class_definition' ? frame.classes : frame.functions).set(name, def);
      scope.set(name, { value: UNKNOWN, location: loc(frame, st), envVars: new Set() });
      return;
    }
    case 'delete_statement':
      for (const t of st.namedChildren.flatMap((c) => (c.type === 'expression_list' ? c.namedChildren : [c]))) {
        if (t.type === 'identifier') scope.delete(t.text);
        else {
          const root = rootName(t);
          const e = root ? scope.get(root) : undefined;
          if (root && e) scope.set(root, { ...e, value: UNKNOWN, alternatives: undefined, location: loc(frame, st), conditional: true });
        }
      }
      return;
    case 'for_statement':
      if (namesLoop(frame, st, scope)) return;
      requiredEnvLoop(frame, st, scope);
      return unmodelled(frame, st, scope, 'a for loop sets it');
    case 'while_statement':
    case 'match_statement':
      return unmodelled(frame, st, scope, `a ${st.type.replace('_statement', '')} loop sets it`);
    default:
      return;
  }
}

/**
 * A loop over a literal list of names that only binds each one in the module's namespace — `for loc in ENV_VARS:
 * locals()[loc] = env_var(loc)` (SEED's docker settings) — is those assignments, one per name, run here in order.
 * Only that shape: a known list of strings, no `else`, and a body of `globals()/locals()/vars()[<the name>] = …`
 * statements. true when it was run.
 */
function namesLoop(frame: Frame, st: SyntaxNode, scope: Scope): boolean {
  const target = st.childForFieldName('left');
  const body = st.childForFieldName('body')?.namedChildren.filter((n) => n.type !== 'comment') ?? [];
  if (target?.type !== 'identifier' || st.childForFieldName('alternative') || body.length === 0) return false;
  const binds = (n: SyntaxNode) => {
    const a = n.type === 'expression_statement' ? n.namedChildren[0] : undefined;
    const left = a?.type === 'assignment' ? a.childForFieldName('left') : undefined;
    return left?.type === 'subscript' && MODULE_DICT.test(left.childForFieldName('value')?.text.replace(/\s+/g, '') ?? '') && left.childForFieldName('subscript')?.text === target.text;
  };
  if (!body.every(binds)) return false;
  const iter = st.childForFieldName('right');
  const list = iter ? evalExpr(frame, iter, scope) : UNKNOWN;
  if (list.kind !== 'list' || list.items.length === 0 || list.items.length > 200 || !list.items.every((i) => i.kind === 'str')) return false;
  const before = scope.get(target.text);
  for (const item of list.items) {
    scope.set(target.text, { value: item, location: loc(frame, st), envVars: new Set() });
    for (const b of body) execStmt(frame, b, scope);
  }
  if (before) scope.set(target.text, before);
  else scope.set(target.text, { value: list.items[list.items.length - 1], location: loc(frame, st), envVars: new Set() });
  return true;
}

/**
 * A loop that refuses to start without each of a list of variables — `for key in ("SECRET_KEY", "API_HOST"): if key
 * not in os.environ: raise …` (the MoJ's Find a Legal Adviser) — is a guard on each, as `if not os.environ.get("X"):
 * raise` is (execGuarded): where one of them is unset, the settings that read it never hold their default, and a
 * later read of it raises. Only that shape: a literal list of names, one `if` on membership in `os.environ` (or a
 * falsy `os.environ.get`/`os.getenv`) whose body raises.
 */
function requiredEnvLoop(frame: Frame, st: SyntaxNode, scope: Scope): void {
  const target = st.childForFieldName('left');
  const body = st.childForFieldName('body')?.namedChildren.filter((n) => n.type !== 'comment') ?? [];
  if (target?.type !== 'identifier' || body.length !== 1 || body[0].type !== 'if_statement' || body[0].childForFieldName('alternative')) return;
  const cond = body[0].childForFieldName('condition')?.text.replace(/\s+/g, ' ').trim() ?? '';
  const k = target.text;
  const env = '(?:os\\.)?environ';
  const missing = new RegExp(`^(?:${k} not in ${env}|not ${env}\\.get\\(${k}\\)|not (?:os\\.)?getenv\\(${k}\\))$`);
  // `if not locals().get(loc): raise` after `locals()[loc] = env_var(loc)` (SEED): the name holds its variable's read
  const bound = new RegExp(`^not (?:locals|globals|vars)\\(\\)\\.get\\(${k}\\)$`);
  const byName = !missing.test(cond) && bound.test(cond);
  if ((!missing.test(cond) && !byName) || !body[0].childForFieldName('consequence')?.descendantsOfType('raise_statement').length) return;
  const iter = st.childForFieldName('right');
  const list = iter ? evalExpr(frame, iter, scope) : UNKNOWN;
  if (list.kind !== 'list' || list.items.length === 0 || !list.items.every((i) => i.kind === 'str')) return;
  const names = list.items.map((i) => (i as { value: string }).value);
  if (byName && !names.every((n) => scope.get(n)?.envVars.has(n))) return;
  for (const n of names) frame.guardedEnv.add(n);
  const unset = names.filter((n) => !isSet(frame, n));
  if (unset.length === 0) return;
  for (const [name, e] of scope) {
    if ([...e.envVars].some((ev) => unset.includes(ev))) scope.set(name, { ...e, value: { kind: 'raise', reason: `${[...e.envVars].find((ev) => unset.includes(ev))} is required by a guard (line ${st.startPosition.row + 1})` }, alternatives: undefined });
  }
}

/** `X[...][...]` / `X.attr` → `X`. */
function rootName(node: SyntaxNode): string | undefined {
  let cur: SyntaxNode | null = node;
  while (cur && (cur.type === 'subscript' || cur.type === 'attribute')) {
    cur = cur.type === 'subscript' ? cur.childForFieldName('value') : cur.childForFieldName('object');
  }
  return cur?.type === 'identifier' ? cur.text : undefined;
}

/**
 * A statement the evaluator does not run (a loop, a template region, nesting past the limit): every
 * setting it may assign or change becomes unknown, and anything in it that sets names dynamically is
 * recorded.
 */
export function unmodelled(frame: Frame, st: SyntaxNode, scope: Scope, why: string): void {
  const location = loc(frame, st);
  const touched = new Set<string>();
  walk(st, (n) => {
    if (n.type === 'assignment' || n.type === 'augmented_assignment') {
      const left = n.childForFieldName('left');
      if (left) for (const name of targetNames(left)) touched.add(name);
    } else if (n.type === 'call') {
      const fn = n.childForFieldName('function');
      if (fn?.type === 'attribute') {
        const root = rootName(fn.childForFieldName('object') ?? fn);
        if (root) touched.add(root);
      }
    } else if (n.type === 'for_in_clause' || n.type === 'for_statement') {
      const left = n.childForFieldName('left');
      if (left) for (const name of targetNames(left)) touched.add(name);
    }
    return true;
  });
  for (const name of touched) {
    const prev = scope.get(name);
    scope.set(name, { value: UNKNOWN, location: prev?.location ?? location, envVars: prev?.envVars ?? new Set(), conditional: true });
  }
  for (const d of dynamicConstructs(frame, st)) markDynamic(frame, d.node, scope, d.reason, true);
  void why;
}

function targetNames(left: SyntaxNode): string[] {
  if (left.type === 'identifier') return [left.text];
  if (left.type === 'subscript' || left.type === 'attribute') {
    const r = rootName(left);
    return r ? [r] : [];
  }
  if (left.type === 'pattern_list' || left.type === 'tuple_pattern' || left.type === 'list_pattern' || left.type === 'tuple' || left.type === 'list') {
    return left.namedChildren.flatMap(targetNames);
  }
  return [];
}

// ---------------------------------------------------------------------------------------------
// Names set by code the evaluator cannot follow

const MODULE_DICT = /^(globals|vars|locals)\(\)$/;

/** Is `node` this module object (`sys.modules[__name__]`, or a name bound to it)? */
function isThisModule(frame: Frame, node: SyntaxNode | null | undefined): boolean {
  if (!node) return false;
  const t = node.text.replace(/\s+/g, '');
  if (/^sys\.modules\[__name__\]$/.test(t) || /^(sys\.modules\.get\(__name__\))$/.test(t)) return true;
  if (node.type === 'identifier') return frame.aliases.get(node.text) === '__this_module__';
  return false;
}

/** Places in `node` that set module names dynamically, with why (none of them modelled precisely here). */
function dynamicConstructs(frame: Frame, node: SyntaxNode): Array<{ node: SyntaxNode; reason: string }> {
  const out: Array<{ node: SyntaxNode; reason: string }> = [];
  walk(node, (n) => {
    if (n.type === 'call') {
      const { callee, calleeNode, args } = callParts(n);
      const objText = calleeNode?.type === 'attribute' ? calleeNode.childForFieldName('object')?.text.replace(/\s+/g, '') : undefined;
      if ((callee === 'exec' || callee === 'execfile') && frame.aliases.get(callee) === undefined) out.push({ node: n, reason: `${callee}(...) may set any setting` });
      else if (objText && MODULE_DICT.test(objText) && calleeNode?.childForFieldName('attribute')?.text === 'update') out.push({ node: n, reason: `${objText}.update(...) may set any setting` });
      else if (callee === 'setattr' && isThisModule(frame, args[0])) out.push({ node: n, reason: 'setattr() on the settings module may set any setting' });
      else if (isIncludeCall(frame, n)) out.push({ node: n, reason: 'split-settings include() of files the scan cannot see may set any setting' });
    } else if (n.type === 'assignment') {
      const left = n.childForFieldName('left');
      if (left?.type === 'subscript' && MODULE_DICT.test(left.childForFieldName('value')?.text.replace(/\s+/g, '') ?? '')) {
        out.push({ node: n, reason: 'assignment through globals()[...] may set any setting' });
      }
    }
    return true;
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Control flow

interface Branch {
  cond: SyntaxNode | null;
  body: SyntaxNode[];
}

function execIf(frame: Frame, st: SyntaxNode, scope: Scope): void {
  const branches: Branch[] = [{ cond: st.childForFieldName('condition'), body: blockOf(st.childForFieldName('consequence')) }];
  for (const alt of st.childrenForFieldName('alternative')) {
    if (alt.type === 'elif_clause') branches.push({ cond: alt.childForFieldName('condition'), body: blockOf(alt.childForFieldName('consequence')) });
    else branches.push({ cond: null, body: blockOf(alt.childForFieldName('body')) });
  }
  execBranches(frame, branches, scope);
}

/**
 * Runs an if/elif/else chain. Known conditions pick their branch; each unknown condition forks: its body
 * runs on a copy (one outcome) and the chain goes on for the other outcome. Outcomes are merged at the
 * end: what differs becomes unknown (and conditional). Iterative, whatever the number of elif clauses.
 */
function execBranches(frame: Frame, branches: Branch[], scope: Scope): void {
  const outcomes: Scope[] = [];
  let raisedAt: Location | undefined;
  let rest: Scope | undefined = scope;
  /** The environment variables the undecided conditions read: a name the paths set apart depends on them too. */
  const forkReads = new Set<string>();
  for (const br of branches) {
    if (!rest) break;
    if (!br.cond) {
      if (tryRun(frame, () => execBlock(frame, br.body, rest!))) outcomes.push(rest);
      else raisedAt ??= loc(frame, br.body[0] ?? branches[0].cond!);
      rest = undefined;
      break;
    }
    frame.reads = new Set();
    const c = isTestRunCondition(br.cond) ? bool(false) : evalExpr(frame, br.cond, rest);
    const condReads = frame.reads;
    const t = truthy(c);
    if (t === false) continue;
    if (t === true) {
      const target: Scope = rest;
      if (tryRun(frame, () => execGuarded(frame, br.body, target, br.cond!, condReads))) outcomes.push(target);
      else raisedAt ??= loc(frame, br.cond);
      rest = undefined;
      break;
    }
    for (const r of condReads) forkReads.add(r);
    const fork: Scope = new Map(rest);
    if (tryRun(frame, () => execBlock(frame, br.body, fork))) outcomes.push(fork);
    else raisedAt ??= loc(frame, br.cond);
  }
  if (rest) outcomes.push(rest); // no branch taken
  if (outcomes.length === 0) throw new Raised(raisedAt ?? loc(frame, branches[0].cond!), `${frame.src.module} raises on every branch`);
  if (outcomes.length === 1 && outcomes[0] === scope) return;
  const merged = mergeScopes(scope, outcomes, forkReads);
  scope.clear();
  for (const [k, v] of merged) scope.set(k, v);
}

/** Run `fn`; false when it raised (a Python exception in that path). */
function tryRun(frame: Frame, fn: () => void): boolean {
  void frame;
  try {
    fn();
    return true;
  } catch (e) {
    if (e instanceof Raised) return false;
    throw e;
  }
}

/** Merge the scopes of several possible paths: a name bound alike on every path keeps its value; else unknown. */
function mergeScopes(before: Scope, outcomes: Scope[], condReads: ReadonlySet<string> = new Set()): Scope {
  if (outcomes.length === 1) return new Map(outcomes[0]);
  const out: Scope = new Map();
  const keys = new Set(outcomes.flatMap((o) => [...o.keys()]));
  for (const k of keys) {
    const entries = outcomes.map((o) => o.get(k));
    const first = entries[0];
    const same = first !== undefined && entries.every((e) => e !== undefined && (e === first || sameValue(e.value, first.value)));
    if (same) {
      if (entries.every((e) => e === first)) out.set(k, first);
      else {
        // what a name was before an override holds after the paths join only when every path has one (joinOverrides)
        const { overridden: _own, ...rest } = first;
        out.set(k, { ...rest, conditional: entries.some((e) => e!.conditional) || undefined, ...joinOverrides(entries, first.location) });
      }
      continue;
    }
    const changed = entries.find((e) => e !== undefined && e !== before.get(k)) ?? entries.find((e) => e !== undefined)!;
    const envVars = new Set([...entries.flatMap((e) => [...(e?.envVars ?? [])]), ...condReads]);
    const alternatives = alternativesOf(entries);
    // With alternatives, findings about the setting point where it was defined before the paths parted.
    const location = alternatives && before.get(k) ? before.get(k)!.location : changed.location;
    out.set(k, { value: UNKNOWN, location, envVars, conditional: true, ...(alternatives ? { alternatives } : {}) });
  }
  return out;
}

/** The distinct known values a name has on every path (none missing, none unknown), or undefined. */
function alternativesOf(entries: Array<Entry | undefined>): Value[] | undefined {
  const all: Value[] = [];
  for (const e of entries) {
    if (!e) return undefined;
    for (const v of e.alternatives ?? [e.value]) {
      if (v.kind === 'unknown' || v.kind === 'raise') return undefined;
      if (!all.some((x) => sameValue(x, v))) all.push(v);
    }
  }
  return all.length > 1 && all.length <= MAX_ALTERNATIVES ? all : undefined;
}

/** Apply `op` to every alternative; undefined when one of them becomes unknown. */
function mapAlternatives(alternatives: Value[] | undefined, op: (v: Value) => Value | undefined): Value[] | undefined {
  if (!alternatives) return undefined;
  const out: Value[] = [];
  for (const a of alternatives) {
    const v = op(a) ?? a;
    if (v.kind === 'unknown' || v.kind === 'raise') return undefined;
    if (!out.some((x) => sameValue(x, v))) out.push(v);
  }
  return out.length > 1 ? out : undefined;
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
        scope.set(k, { ...v, value: { kind: 'raise', reason: e.reason }, alternatives: undefined });
        guarded++;
      }
    }
    if (guarded === 0 && condReads.size === 0 && names.size === 0) throw e;
  }
}

/**
 * An optional import production does not take (nothing to mark), an absent override an operator may deploy
 * (markAbsentOverride), or one the repository's deploy writes: it runs in production and may replace every
 * setting before it (a dynamic mark that overrides).
 */
function markOptional(frame: Frame, optional: NonNullable<ReturnType<typeof optionalImportTarget>>, scope: Scope): void {
  if (!optional.absentOverride || optional.names) return; // named imports: importedMayReplace, after the handler
  if (optional.deployed) markDynamic(frame, optional.node, scope, optional.absentOverride, true);
  else markAbsentOverride(frame, optional.node, scope, optional.absentOverride);
}

/**
 * `try: from .settings import * / except ImportError: from .settings_dev import *` with `.settings` absent
 * (Harvard LIL's CAP: "if it doesn't exist we assume this is a vanilla development environment"): what the handler
 * imports is a development module, so the absent one is what production deploys — as if the repository's deploy
 * wrote it, it may replace every setting, the development module's included. Why, or undefined (a handler that
 * imports anything but development modules, or none).
 */
function devFallback(frame: Frame, optional: NonNullable<ReturnType<typeof optionalImportTarget>>, handler: SyntaxNode[]): string | undefined {
  if (!optional.absentOverride || optional.names || optional.deployed) return undefined;
  const imports = handler.flatMap((h) => (IMPORT_TYPES.has(h.type) ? [h] : h.descendantsOfType(['import_statement', 'import_from_statement'])));
  const dev = imports.map((i) => optionalImportTarget(frame, i));
  if (!imports.length || dev.some((d) => !d || d.absentOverride)) return undefined;
  const shown = optional.absentOverride.split(' is ')[0];
  return `${shown} is not in the repository, and without it the settings fall back to a development module (${imports[0].text.slice(0, 60)}): production deploys it, so the settings it sets there are unknown`;
}

const IMPORT_TYPES = new Set(['import_statement', 'import_from_statement']);

/**
 * `try: from .secret import SENTRY_KEY / except ImportError: SENTRY_KEY = None` with `.secret` absent from the
 * repository (the Kartoza projects site): where the module exists, the import binds the names it lists and
 * nothing else — a module cannot set another's names by being imported. So, as for an absent module's
 * star-import (markAbsentOverride, which does not override), what the handler set stands, and a listed name the
 * handler left unset may exist with a value the scan cannot see; no other setting is in doubt.
 */
function importedMayReplace(frame: Frame, optional: NonNullable<ReturnType<typeof optionalImportTarget>>, scope: Scope): void {
  if (!optional.absentOverride || !optional.names) return;
  const location = loc(frame, optional.node);
  for (const name of optional.names) if (!scope.has(name)) scope.set(name, { value: UNKNOWN, location, envVars: new Set(), conditional: true });
}

/**
 * `with contextlib.suppress(ImportError): from .local_settings import *` is a try/except ImportError:
 * optional imports in it are handled the same way. Any other `with` runs its body.
 */
function execWith(frame: Frame, st: SyntaxNode, scope: Scope): void {
  const body = blockOf(st.childForFieldName('body'));
  const items = st.namedChildren.find((c) => c.type === 'with_clause')?.text ?? '';
  if (!/\bsuppress\s*\([^)]*\b(ImportError|ModuleNotFoundError|Exception)\b/.test(items)) return execBlock(frame, body, scope);
  for (const s of body) {
    const optional = optionalImportTarget(frame, s);
    if (optional) {
      markOptional(frame, optional, scope);
      importedMayReplace(frame, optional, scope);
      continue;
    }
    const before = new Map(scope);
    try {
      execStmt(frame, s, scope);
    } catch (e) {
      if (!(e instanceof Raised)) throw e;
      scope.clear();
      for (const [k, v] of before) scope.set(k, v);
      return;
    }
  }
}

function execTry(frame: Frame, st: SyntaxNode, scope: Scope): void {
  const body = blockOf(st.childForFieldName('body'));
  const handlers = st.namedChildren.filter((c) => c.type === 'except_clause');
  const elseClause = st.namedChildren.find((c) => c.type === 'else_clause');
  const finallyClause = st.namedChildren.find((c) => c.type === 'finally_clause');
  const handlerBody = (h: SyntaxNode | undefined) => blockOf(h?.namedChildren.find((c) => c.type === 'block') ?? null);
  // An optional module imported here that production does not have (a dev/test module, or an override
  // file absent from the repository): the handler is what runs. An absent override file may still be
  // deployed by the operator: names it could add are unknown (recorded as dynamic, not overriding).
  const optional = body.map((s) => optionalImportTarget(frame, s)).find((x) => x !== undefined);
  if (optional) {
    const fallback = devFallback(frame, optional, handlerBody(handlers[0]));
    if (!fallback) markOptional(frame, optional, scope);
    execBlock(frame, handlerBody(handlers[0]), scope);
    if (fallback) markDynamic(frame, optional.node, scope, fallback, true);
    importedMayReplace(frame, optional, scope);
  } else {
    const before = new Map(scope);
    try {
      execBlock(frame, body, scope);
      if (elseClause) execBlock(frame, blockOf(elseClause.childForFieldName('body')), scope);
    } catch (e) {
      if (!(e instanceof Raised)) throw e;
      scope.clear();
      for (const [k, v] of before) scope.set(k, v);
      execBlock(frame, handlerBody(handlers[0]), scope);
    }
  }
  if (finallyClause) execBlock(frame, handlerBody(finallyClause), scope);
}

// ---------------------------------------------------------------------------------------------
// Assignments and in-place changes

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
  const location = loc(frame, node);
  if (right.type === 'call') {
    const callee = canonical(frame, callParts(right).callee);
    // django-environ: env = environ.Env(DEBUG=(bool, False)); environs: env = Env() — read alike (`env("X", default)`,
    // `env.bool("X", default)`), but environs' keyword arguments are options (eager, expand_vars), not a scheme
    if (callee === 'environ.Env' || callee === 'environs.Env') {
      const name = left.type === 'identifier' ? left.text : undefined;
      if (name) frame.envObjects.set(name, callee === 'environ.Env' ? envScheme(frame, right, scope) : new Map());
    }
    // everett: `_config = ConfigManager.basic_config()` (Mozilla's Socorro, Tecken, basket), then `_config("KEY",
    // default="…", parser=…)` reads the variable KEY (libraries.ts)
    if (callee && /^everett\.manager\.ConfigManager(\.basic_config)?$/.test(callee) && left.type === 'identifier') frame.aliases.set(left.text, 'everett.config');
    // `this = sys.modules[__name__]`: a name for the settings module itself
  }
  if (left.type === 'identifier' && /^sys\.modules\[__name__\]$/.test(right.text.replace(/\s+/g, ''))) frame.aliases.set(left.text, '__this_module__');
  if (targets.length === 1 && selfConcatenation(frame, left, right, value, scope, location, reads)) return;
  for (const t of targets) assignTarget(frame, t, value, scope, location, reads);
}

/**
 * `MIDDLEWARE = ("debug_toolbar.middleware.DebugToolbarMiddleware",) + MIDDLEWARE` (or `X = X + [...]`) while X has
 * alternatives (an earlier `if DEBUG:` changed it): the concatenation applied to each, as `X += …` is — else the
 * whole list became unknown and every MIDDLEWARE rule went quiet (mitxpro). True when it set the name.
 */
function selfConcatenation(frame: Frame, left: SyntaxNode, right: SyntaxNode, value: Value, scope: Scope, location: Location, reads: Set<string>): boolean {
  if (value.kind !== 'unknown' || left.type !== 'identifier' || right.type !== 'binary_operator' || right.childForFieldName('operator')?.text !== '+') return false;
  const l = right.childForFieldName('left');
  const r = right.childForFieldName('right');
  const prev = scope.get(left.text);
  if (!l || !r || !prev?.alternatives || (l.text === left.text) === (r.text === left.text)) return false;
  const selfFirst = l.text === left.text;
  const other = evalExpr(frame, selfFirst ? r : l, scope);
  const alternatives = mapAlternatives(prev.alternatives, (a) => (selfFirst ? binaryAdd(a, other) : binaryAdd(other, a)));
  if (!alternatives) return false;
  scope.set(left.text, { value: UNKNOWN, location, envVars: new Set([...prev.envVars, ...reads]), alternatives });
  return true;
}

function assignTarget(frame: Frame, t: SyntaxNode, value: Value, scope: Scope, location: Location, reads: Set<string>): void {
  if (t.type === 'identifier') {
    scope.set(t.text, { value, location, envVars: reads });
  } else if (t.type === 'subscript') {
    const obj = t.childForFieldName('value');
    if (obj && MODULE_DICT.test(obj.text.replace(/\s+/g, ''))) {
      // globals()["NAME"] = value: an assignment when the name is known (a literal, or a name bound to one)
      const sub = t.childForFieldName('subscript');
      const known = sub ? evalExpr(frame, sub, scope) : UNKNOWN;
      const key = stringValue(sub) ?? (known.kind === 'str' ? known.value : undefined);
      if (key) scope.set(key, { value, location, envVars: reads });
      else markDynamic(frame, t, scope, 'assignment through globals()[...] may set any setting', true);
      return;
    }
    assignSubscript(frame, t, value, scope, location, reads);
  } else if (t.type === 'pattern_list' || t.type === 'tuple_pattern' || t.type === 'list_pattern' || t.type === 'tuple' || t.type === 'list') {
    const items = t.namedChildren;
    if (value.kind === 'list' && value.items.length === items.length && items.every((n) => n.type === 'identifier')) {
      items.forEach((n, i) => scope.set(n.text, { value: value.items[i], location, envVars: reads }));
    } else for (const name of targetNames(t)) scope.set(name, { value: UNKNOWN, location, envVars: reads });
  } else if (t.type === 'attribute') {
    const root = rootName(t);
    const e = root ? scope.get(root) : undefined;
    if (root && e && isSettingName(root)) scope.set(root, { ...e, value: UNKNOWN, alternatives: undefined, location });
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
  if (!cur || cur.type !== 'identifier') {
    const root = cur ? rootName(cur) : undefined;
    const e = root ? scope.get(root) : undefined;
    if (root && e) scope.set(root, { ...e, value: UNKNOWN, alternatives: undefined, location, conditional: true });
    return;
  }
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
    else return UNKNOWN;
    return { kind: 'list', items };
  }
  return UNKNOWN;
}

function execAugAssign(frame: Frame, node: SyntaxNode, scope: Scope): void {
  const left = node.childForFieldName('left');
  const right = node.childForFieldName('right');
  const op = node.childForFieldName('operator')?.text ?? node.children.find((c) => !c.isNamed)?.text;
  if (!left || !right) return;
  if (left.type === 'subscript' && op === '+=') {
    // `D["a"]["b"] += [x]`: the value at the path, extended, put back.
    const path: SyntaxNode[] = [];
    let cur: SyntaxNode | null = left;
    while (cur && cur.type === 'subscript') {
      const k = cur.childForFieldName('subscript');
      if (!k) break;
      path.unshift(k);
      cur = cur.childForFieldName('value');
    }
    const e = cur?.type === 'identifier' ? scope.get(cur.text) : undefined;
    if (cur?.type === 'identifier' && e) {
      frame.reads = new Set();
      const keys = path.map((k) => evalExpr(frame, k, scope));
      const rhs = evalExpr(frame, right, scope);
      const updated = setIn(e.value, keys, binaryAdd(getIn(e.value, keys), rhs));
      scope.set(cur.text, { value: updated, location: loc(frame, node), envVars: new Set([...e.envVars, ...frame.reads]) });
      return;
    }
  }
  if (left.type !== 'identifier') {
    const root = rootName(left);
    const e = root ? scope.get(root) : undefined;
    if (root && e) scope.set(root, { ...e, value: UNKNOWN, alternatives: undefined, location: loc(frame, node), conditional: true });
    return;
  }
  const prev = scope.get(left.text);
  frame.reads = new Set();
  const rhs = evalExpr(frame, right, scope);
  const reads = frame.reads;
  const value = prev && op === '+=' ? binaryAdd(prev.value, rhs) : UNKNOWN;
  const alternatives = op === '+=' && value.kind === 'unknown' ? mapAlternatives(prev?.alternatives, (a) => binaryAdd(a, rhs)) : undefined;
  const location = loc(frame, node);
  const carried = op === '+=' ? carryOverride(prev, location, (b) => binaryAdd(b, rhs)) : {};
  scope.set(left.text, { value, location, envVars: new Set([...(prev?.envVars ?? []), ...reads]), ...(alternatives ? { alternatives } : {}), ...carried });
}

const MUTATORS = ['append', 'insert', 'extend', 'remove', 'update', 'pop', 'clear', 'setdefault', 'discard', 'add', 'sort', 'reverse'];

/**
 * A call as a statement: `MIDDLEWARE.append(x)`, `.insert(i, x)`, `.extend(xs)`, `.remove(x)`,
 * `D.update({...})`, `D["k"].update(...)`; `globals().update(...)`, `exec(...)`, `setattr(module, …)`;
 * split-settings `include(...)`; and calls of the module's own functions (loaders).
 */
function execCallStmt(frame: Frame, call: SyntaxNode, scope: Scope): void {
  const fn = call.childForFieldName('function');
  if (!fn) return;
  if (isIncludeCall(frame, call)) return execInclude(frame, call, scope);
  if (execModuleDictCall(frame, call, scope)) return;
  if (fn.type === 'identifier') {
    const local = frame.functions.get(fn.text);
    if (local) return callLocalFunction(frame, call, local, scope);
  }
  if (handsOverModule(frame, call, scope)) return;
  if (fn.type === 'identifier') return;
  if (fn.type !== 'attribute') return;
  const method = fn.childForFieldName('attribute')?.text;
  const obj = fn.childForFieldName('object');
  if (!obj || !method) return;
  const { args, kwargs } = callParts(call);
  // The root setting name and the key path (for D["default"].update(...)).
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
  const next = mutate(frame, target, method, argv, kwargs, scope);
  if (next === undefined) return;
  const updated = keys.length ? setIn(entry.value, keys, next) : next;
  const alternatives = keys.length === 0 && updated.kind === 'unknown' ? mapAlternatives(entry.alternatives, (a) => mutate(frame, a, method, argv, kwargs, scope)) : undefined;
  const location = loc(frame, call);
  const carried = keys.length === 0 ? carryOverride(entry, location, (b) => mutate(frame, b, method, argv, kwargs, scope)) : {};
  scope.set(root.text, { value: updated, location, envVars: new Set([...entry.envVars, ...frame.reads]), ...(alternatives ? { alternatives } : {}), ...carried });
}

/** The new value of a list/dict after `method(...)`; undefined when the call does not change it. */
function mutate(frame: Frame, target: Value, method: string, argv: Value[], kwargs: Map<string, SyntaxNode>, scope: Scope): Value | undefined {
  if (target.kind === 'list') {
    switch (method) {
      case 'append':
        return argv.length === 1 ? { kind: 'list', items: [...target.items, argv[0]] } : UNKNOWN;
      case 'insert': {
        const [i, x] = argv;
        if (i?.kind !== 'num' || !x) return UNKNOWN;
        const items = target.items.slice();
        const idx = i.value < 0 ? Math.max(0, items.length + i.value) : Math.min(i.value, items.length);
        items.splice(idx, 0, x);
        return { kind: 'list', items };
      }
      case 'extend':
        return argv[0]?.kind === 'list' ? { kind: 'list', items: [...target.items, ...argv[0].items] } : UNKNOWN;
      case 'remove': {
        const x = argv[0];
        const i = x ? target.items.findIndex((it) => sameValue(it, x)) : -1;
        if (i >= 0) {
          const items = target.items.slice();
          items.splice(i, 1);
          return { kind: 'list', items };
        }
        return x && x.kind !== 'unknown' && target.items.every((it) => it.kind !== 'unknown') ? { kind: 'raise', reason: 'list.remove(x): x not in list' } : UNKNOWN;
      }
      default:
        return MUTATORS.includes(method) ? UNKNOWN : undefined;
    }
  }
  if (target.kind === 'dict' && method === 'update') {
    const add = argv[0];
    if (add && add.kind !== 'dict') return UNKNOWN;
    let entries = target.entries.slice();
    for (const [k, v] of add?.kind === 'dict' ? add.entries : []) entries = [...entries.filter(([kk]) => kk !== k), [k, v]];
    for (const [k, vn] of kwargs) {
      const v = evalExpr(frame, vn, scope);
      entries = [...entries.filter(([kk]) => kk !== k), [k, v]];
    }
    return { kind: 'dict', entries };
  }
  if (target.kind === 'dict' && method === 'setdefault') {
    const k = argv[0];
    if (k?.kind !== 'str') return UNKNOWN;
    if (target.entries.some(([kk]) => kk === k.value)) return undefined;
    return { kind: 'dict', entries: [...target.entries, [k.value, argv[1] ?? NONE]] };
  }
  return MUTATORS.includes(method) ? UNKNOWN : undefined;
}

/**
 * `globals().update({...})`, `vars().update(...)`, `setattr(sys.modules[__name__], "NAME", v)`, `exec(...)`:
 * precise when the names and values are known, else every setting may have been replaced (dynamic).
 * Returns true when the call was one of these.
 */
function execModuleDictCall(frame: Frame, call: SyntaxNode, scope: Scope): boolean {
  const { callee, calleeNode, args, kwargs } = callParts(call);
  const location = loc(frame, call);
  if (calleeNode?.type === 'attribute' && calleeNode.childForFieldName('attribute')?.text === 'update') {
    const objText = calleeNode.childForFieldName('object')?.text.replace(/\s+/g, '') ?? '';
    if (!MODULE_DICT.test(objText)) return false;
    frame.reads = new Set();
    const add = args[0] ? evalExpr(frame, args[0], scope) : { kind: 'dict' as const, entries: [] };
    if (add.kind !== 'dict') {
      // an email URL's dict: its EMAIL_* keys, each maybe set, values unknown — not every setting
      const keys = args[0] ? emailUrlKeys(frame, assignedCall(frame, args[0], call) ?? args[0]) : undefined;
      if (keys) {
        for (const k of keys) scope.set(k, { value: UNKNOWN, location, envVars: frame.reads, conditional: true });
        return true;
      }
      markDynamic(frame, call, scope, `${objText}.update(...) may set any setting`, true);
      return true;
    }
    for (const [k, v] of add.entries) scope.set(k, { value: v, location, envVars: frame.reads });
    for (const [k, vn] of kwargs) scope.set(k, { value: evalExpr(frame, vn, scope), location, envVars: frame.reads });
    return true;
  }
  if (callee === 'setattr' && isThisModule(frame, args[0])) {
    const name = args[1] ? stringValue(args[1]) : undefined;
    if (name && args[2]) {
      frame.reads = new Set();
      scope.set(name, { value: evalExpr(frame, args[2], scope), location, envVars: frame.reads });
    } else markDynamic(frame, call, scope, 'setattr() on the settings module may set any setting', true);
    return true;
  }
  if ((callee === 'exec' || callee === 'execfile') && !scope.has(callee)) {
    markDynamic(frame, call, scope, `${callee}(...) may set any setting`, true);
    return true;
  }
  return false;
}

/**
 * The call a name was last assigned from at the module's top level before `at` (`EMAIL_CONFIG = env.email()` then
 * `vars().update(EMAIL_CONFIG)`: Abakus' lego), or undefined when `node` is no such name.
 */
function assignedCall(frame: Frame, node: SyntaxNode, at: SyntaxNode): SyntaxNode | undefined {
  if (node.type !== 'identifier') return undefined;
  let found: SyntaxNode | undefined;
  for (const st of frame.state.ws.tree(frame.src.file).rootNode.namedChildren) {
    if (st.startIndex >= at.startIndex) break;
    const a = st.type === 'expression_statement' ? st.namedChildren[0] : undefined;
    if (a?.type === 'assignment' && a.childForFieldName('left')?.text === node.text) {
      const right = a.childForFieldName('right');
      found = right?.type === 'call' ? right : undefined;
    }
  }
  return found;
}

/**
 * A call, not of the module's own functions, that is handed the settings module itself — its name
 * (`Settings.load_settings(__name__)`, readthedocs' class-based settings, which set every upper-case attribute
 * of a class on `sys.modules[__name__]`), the module object, or its namespace (`django_heroku.settings(locals())`)
 * — may set any setting, and the scan does not follow it there: dynamic, so the settings it may change are not
 * checked rather than read as never set. `namespaceOnly`: only the namespace counts (a call whose result is kept).
 * Returns true when the call was one of these.
 */
function handsOverModule(frame: Frame, call: SyntaxNode, scope: Scope, namespaceOnly = false): boolean {
  const { callee, args, kwargs } = callParts(call);
  // a logger's or the warnings filter's module=__name__ only names where messages come from
  if (/^(logging|warnings|logger|log)\b|^print$/.test(callee ?? '')) return false;
  const given = [...args, ...kwargs.values()].find((a) => MODULE_DICT.test(a.text.replace(/\s+/g, '')) || (!namespaceOnly && ((a.type === 'identifier' && a.text === '__name__' && !scope.has('__name__')) || isThisModule(frame, a))));
  if (!given) return false;
  markDynamic(frame, call, scope, `${callee ?? 'a call'}(${given.text}) is handed the settings module and may set any setting`, true);
  return true;
}

/**
 * A module-level call of a function defined in the module. Modelled: a loader exporting a settings class's
 * attributes onto the module. Otherwise: names it declares `global` or changes in place become unknown,
 * and dynamic constructs in it are recorded.
 */
function callLocalFunction(frame: Frame, call: SyntaxNode, def: SyntaxNode, scope: Scope): void {
  if (exportClassFromLoader(frame, call, def, scope)) return;
  const body = def.childForFieldName('body');
  if (!body) return;
  const touched = new Set<string>();
  walk(body, (n) => {
    if (n.type === 'function_definition' || n.type === 'class_definition') return false;
    if (n.type === 'global_statement') for (const id of n.namedChildren) if (id.type === 'identifier') touched.add(id.text);
    if (n.type === 'call') {
      const fn = n.childForFieldName('function');
      const method = fn?.type === 'attribute' ? fn.childForFieldName('attribute')?.text : undefined;
      const root = fn?.type === 'attribute' ? rootName(fn.childForFieldName('object') ?? fn) : undefined;
      if (method && root && MUTATORS.includes(method) && isSettingName(root)) touched.add(root);
    }
    if (n.type === 'assignment') {
      const left = n.childForFieldName('left');
      const root = left && left.type !== 'identifier' ? rootName(left) : undefined;
      if (root && isSettingName(root)) touched.add(root);
    }
    return true;
  });
  const location = loc(frame, call);
  for (const name of touched) {
    const prev: Entry | undefined = scope.get(name);
    scope.set(name, { value: UNKNOWN, location: prev?.location ?? location, envVars: prev?.envVars ?? new Set(), conditional: true });
  }
  for (const d of dynamicConstructs(frame, body)) markDynamic(frame, d.node, scope, d.reason, true);
}
