/**
 * Imports and module resolution: `import` / `from … import` (star-imports bring a module's settings in),
 * optional imports in try/except, django-split-settings `include()` / `optional()` (files run in the same
 * namespace), and the module run itself (one scope per module per world, cached).
 *
 * What cannot be seen is said, never guessed: a star-import from outside the repository, an include of a
 * file outside it, an absent override module — all are dynamic marks (a setting missing from the scope may
 * still be set there). A module of the chain that exists but cannot be read is an unreadable mark.
 */
import { callParts, type SyntaxNode } from '../python';
import { UNKNOWN, type Value } from '../values';
import type { SourceFile, Workspace } from '../workspace';
import { evalExpr } from './expressions';
import {
  MAX_IMPORT_DEPTH,
  Raised,
  isSettingName,
  isUnreadable,
  loc,
  markDynamic,
  type Frame,
  type ModuleSource,
  type ResolvedModule,
  type Scope,
  type WorldState,
} from './frame';
import { canonical } from './libraries';
import { deployWrites } from '../deploy-writes';
import { absoluteModuleName } from '../settings-modules';
import { execBlock } from './statements';
import { templateRows } from './template';
import { recordConfigurationClasses } from './classes';

/** Development/test modules: when production imports one inside try/except, it is taken as not deployed. */
export const DEV_ONLY_MODULE = /(^|[._])(dev|devel|develop|development|test|tests|testing|ci|debug)$/i;
/** Site-specific override modules (`local_settings`, `settings_local`, `local`, `secrets`): deployed when present. */
const OVERRIDE_MODULE = /(^|[._])(local|locals|localsettings|local_settings|settings_local|secret|secrets|override|overrides|site|site_settings|custom|custom_settings|production_settings|prod_settings)$/i;

/** Django's own defaults: a star-import of them sets every setting to what a missing one means anyway. */
const DJANGO_DEFAULTS = 'django.conf.global_settings';

interface ImportSpec {
  module: string;
  level: number;
  wildcard: boolean;
  names: Array<[string, string]>;
}

const specs = new WeakMap<Workspace, Map<string, ImportSpec | undefined>>();

/**
 * importSpec, read once per statement: the evaluator runs every module once in each world, and reading
 * long import lists node by node was most of a second of saleor's scan.
 */
function specOf(frame: Frame, st: SyntaxNode): ImportSpec | undefined {
  let byStatement = specs.get(frame.ws);
  if (!byStatement) specs.set(frame.ws, (byStatement = new Map()));
  const key = `${frame.src.file.rel}:${st.startIndex}`;
  if (!byStatement.has(key)) byStatement.set(key, importSpec(st));
  return byStatement.get(key);
}

function importSpec(st: SyntaxNode): ImportSpec | undefined {
  const modNode = st.childForFieldName('module_name');
  if (!modNode) return undefined;
  let level = 0;
  let module = modNode.text;
  if (modNode.type === 'relative_import') {
    const prefix = modNode.namedChildren.find((c) => c.type === 'import_prefix');
    level = prefix ? prefix.text.length : 0;
    module = modNode.namedChildren.find((c) => c.type === 'dotted_name')?.text ?? '';
  }
  const names: Array<[string, string]> = [];
  for (const c of st.childrenForFieldName('name')) {
    if (c.type === 'dotted_name') names.push([c.text, c.text]);
    else if (c.type === 'aliased_import') {
      const n = c.childForFieldName('name')?.text;
      const a = c.childForFieldName('alias')?.text;
      if (n && a) names.push([n, a]);
    }
  }
  return { module, level, wildcard: st.namedChildren.some((c) => c.type === 'wildcard_import'), names };
}

export function execImport(frame: Frame, st: SyntaxNode, scope: Scope): void {
  void scope;
  for (const n of st.namedChildren) {
    if (n.type === 'dotted_name') frame.aliases.set(n.text.split('.')[0], n.text.split('.')[0]);
    else if (n.type === 'aliased_import') {
      const name = n.childForFieldName('name')?.text;
      const alias = n.childForFieldName('alias')?.text;
      if (name && alias) frame.aliases.set(alias, name);
    }
  }
}

export function execImportFrom(frame: Frame, st: SyntaxNode, scope: Scope): void {
  const spec = specOf(frame, st);
  if (!spec) return;
  const shown = `${'.'.repeat(spec.level)}${spec.module}`;
  if (spec.level === 0 && spec.module === DJANGO_DEFAULTS) return;
  const target = frame.opts.resolve(spec.module, frame.src.module, spec.level);
  if (!target) {
    // Not in the repository: a library (remember aliases for the env helpers we model), or a module created
    // at deploy time. Its settings are unknown; a star-import may set any of them.
    for (const [n, a] of spec.names) {
      frame.aliases.set(a, `${spec.module}.${n}`);
      if (isSettingName(a)) scope.set(a, { value: UNKNOWN, location: loc(frame, st), envVars: new Set() });
    }
    if (spec.wildcard) markDynamic(frame, st, scope, `\`from ${shown} import *\`: ${shown} is not in the repository, so the settings it sets are unknown`, true);
    return;
  }
  // what a name from the repository is, for a call of it (a project's own environment helper: env-helpers.ts)
  if (!isUnreadable(target)) for (const [n, a] of spec.names) frame.aliases.set(a, `${target.module}.${n}`);
  const sub = moduleScope(frame, target, st, scope);
  if (!sub) return;
  // the module's Env instances, under the names they are imported as
  const envs = 'file' in target ? frame.state.envObjects.get(target.file.rel) : undefined;
  for (const [n, scheme] of envs ?? []) {
    if (spec.wildcard && !n.startsWith('_')) frame.envObjects.set(n, scheme);
    for (const [name, alias] of spec.names) if (name === n) frame.envObjects.set(alias, scheme);
  }
  if (spec.wildcard) {
    // A module whose namespace code the scan cannot follow may fill (`vars().update(yaml.safe_load(f))`: Open
    // edX's analytics dashboard, star-imported after its base settings) hands every such name on: what this
    // module set before the import may be replaced too.
    const open = frame.state.dynamic.find((d) => d.overrides && 'file' in target && d.location.file === target.file.rel);
    if (open) markDynamic(frame, st, scope, `\`from ${shown} import *\` brings in whatever ${open.reason.replace(/ may set any setting$/, '')} sets there (${open.location.file}:${open.location.line}), which may be any setting`, true);
    for (const [k, v] of sub) if (!k.startsWith('_')) scope.set(k, v);
    // CodaLab's settings package star-imports `Dev` from default.py: production's settings are the attributes of
    // the class DJANGO_CONFIGURATION selects, defined in another module — not followed across modules, so what
    // it sets is said to be unknown, never taken for unset
    const classes = [...(frame.state.configurationClasses.get(target.module) ?? [])].filter((n) => !n.startsWith('_'));
    if (classes.length) {
      markDynamic(frame, st, scope, `\`from ${shown} import *\` brings in the django-configurations class${classes.length > 1 ? 'es' : ''} ${classes.map((c) => `\`${c}\``).join(', ')} (${'file' in target ? target.file.rel : target.module}), whose attributes are production's settings when DJANGO_CONFIGURATION selects ${classes.length > 1 ? 'one' : 'it'}: the scan does not follow a configuration class into the module that imports it, so any setting may be set there`, true);
    }
  } else {
    const classes = frame.state.configurationClasses.get(target.module);
    for (const [n, a] of spec.names) {
      if (classes?.has(n)) (frame.importedConfigurations ??= []).push({ name: a, file: 'file' in target ? target.file.rel : target.module, at: st });
      const v = sub.get(n);
      if (v) scope.set(a, v);
      else if (isSettingName(a)) scope.set(a, { value: UNKNOWN, location: loc(frame, st), envVars: new Set() });
    }
  }
}

/**
 * The scope of an imported module of the repository, run once per world; undefined (with the marks that
 * say why) when it cannot be read, is already being imported (a cycle), or the chain is too long.
 */
function moduleScope(frame: Frame, target: ResolvedModule, at: SyntaxNode, scope: Scope): Scope | undefined {
  if (isUnreadable(target)) {
    recordUnreadable(frame.state, target.module, target.unreadable.rel, target.unreadable.line, target.unreadable.reason, loc(frame, at));
    markDynamic(frame, at, scope, `${target.module} could not be read`, true);
    return undefined;
  }
  if (frame.state.stack.has(target.file.rel)) return undefined; // import cycle
  if (frame.importDepth >= MAX_IMPORT_DEPTH) {
    markDynamic(frame, at, scope, `the import chain is longer than ${MAX_IMPORT_DEPTH} modules; what ${target.module} sets is unknown`, true);
    return undefined;
  }
  const cached = frame.state.modules.get(target.file.rel);
  if (cached) {
    frame.state.files.add(target.file.rel);
    return cached;
  }
  const r = runModule(frame.state, target, frame.importDepth + 1);
  if (r.raised) throw new Raised(r.raised.location, r.raised.reason);
  frame.state.modules.set(target.file.rel, r.scope);
  return r.scope;
}

export function recordUnreadable(state: WorldState, module: string, rel: string, line: number, reason: string, importedAt?: import('../../finding').Location): void {
  if (state.unreadable.some((u) => u.location.file === rel)) return;
  state.unreadable.push({ location: { file: rel, line }, module, reason, ...(importedAt ? { importedAt } : {}) });
}

export function newFrame(state: WorldState, src: ModuleSource, importDepth: number): Frame {
  return {
    state,
    ws: state.ws,
    src,
    world: state.world,
    opts: state.opts,
    aliases: new Map(),
    envObjects: new Map(),
    functions: new Map(),
    classes: new Map(),
    reads: new Set(),
    guardedEnv: new Set(),
    exprDepth: 0,
    stmtDepth: 0,
    importDepth,
    ...templateOf(state, src.file),
  };
}

function templateOf(state: WorldState, file: SourceFile): { templateRows?: Set<number> } {
  const rows = templateRows(file);
  return rows ? { templateRows: rows } : {};
}

/** Run a module of the repository in one world. A syntax error makes it unreadable (CPython refuses it). */
export function runModule(
  state: WorldState,
  src: ModuleSource,
  importDepth: number,
): { scope: Scope; frame: Frame; raised?: { location: import('../../finding').Location; reason: string } } {
  const frame = newFrame(state, src, importDepth);
  const scope: Scope = new Map();
  state.files.add(src.file.rel);
  const syntax = state.ws.syntaxError(src.file);
  if (syntax !== undefined) {
    recordUnreadable(state, src.module, src.file.rel, syntax, state.ws.syntaxReason(src.file)!);
    return { scope, frame };
  }
  state.stack.add(src.file.rel);
  try {
    execBlock(frame, state.ws.tree(src.file).rootNode.namedChildren, scope);
    if (importDepth > 0) recordConfigurationClasses(frame);
    if (frame.envObjects.size) state.envObjects.set(src.file.rel, frame.envObjects);
  } catch (e) {
    if (e instanceof Raised) return { scope: markAllRaised(scope, e), frame, raised: { location: e.location, reason: e.reason } };
    throw e;
  } finally {
    state.stack.delete(src.file.rel);
  }
  return { scope, frame };
}

function markAllRaised(scope: Scope, e: Raised): Scope {
  // Importing the module fails in this world: nothing in it runs in production. That is loud, never silently insecure.
  const out: Scope = new Map();
  for (const [k, v] of scope) out.set(k, { ...v, value: { kind: 'raise', reason: e.reason }, alternatives: undefined });
  return out;
}

// ---------------------------------------------------------------------------------------------
// try: import … except ImportError

/**
 * For a statement in a `try:` body: the import of a module production does not have — a development/test
 * module of the repository (skipped in production), or an override module that is not in the repository
 * (what an operator may deploy: `absentOverride` says so; `deployed` when the repository's own deploy writes
 * it: deployWrites). undefined when the import runs normally.
 */
export function optionalImportTarget(frame: Frame, st: SyntaxNode): { node: SyntaxNode; absentOverride?: string; deployed?: true; names?: string[] } | undefined {
  let module: string;
  let level = 0;
  // `from .secret import SENTRY_KEY`: importing the absent module binds these names here and nothing else
  let names: string[] | undefined;
  if (st.type === 'import_from_statement') {
    const spec = specOf(frame, st);
    if (!spec) return undefined;
    module = spec.module;
    level = spec.level;
    if (!spec.wildcard && spec.names.length) names = spec.names.map(([, alias]) => alias);
  } else if (st.type === 'import_statement') {
    const first = st.namedChildren[0];
    module = (first?.type === 'aliased_import' ? first.childForFieldName('name')?.text : first?.text) ?? '';
  } else return undefined;
  const last = module.split('.').pop() ?? '';
  const target = frame.opts.resolve(module, frame.src.module, level);
  const shown = `${'.'.repeat(level)}${module}`;
  if (target) return DEV_ONLY_MODULE.test(last) && frame.opts.production ? { node: st } : undefined;
  if (level > 0 || OVERRIDE_MODULE.test(last)) {
    const full = absoluteModuleName(frame.src.module, /(^|\/)__init__\.py$/.test(frame.src.file.rel), module, level);
    const written = full === undefined ? undefined : deployWrites(frame.ws, `${full.replace(/\./g, '/')}.py`);
    if (written) {
      return { node: st, absentOverride: `${shown} is not in the repository, but ${written.file} (line ${written.line}) writes it on deploy: the settings it sets in production are unknown`, deployed: true, ...(names ? { names } : {}) };
    }
    return { node: st, absentOverride: `${shown} is imported if present but is not in the repository: settings it may set on the server are unknown`, ...(names ? { names } : {}) };
  }
  return undefined; // a library, installed in production
}

// ---------------------------------------------------------------------------------------------
// django-split-settings

export function isIncludeCall(frame: Frame, call: SyntaxNode): boolean {
  const callee = canonical(frame, callParts(call).callee);
  return callee === 'split_settings.tools.include';
}

/**
 * `include("components/base.py", "components/*.py", optional("local_settings.py"))`: each file, relative to
 * the including file, globbed and sorted as split-settings does, runs in this same namespace. An optional
 * file that is absent may exist on the server; a path outside the repository (absolute) or one the
 * evaluator cannot compute is read by production but not by the scan: both are dynamic.
 */
export function execInclude(frame: Frame, call: SyntaxNode, scope: Scope): void {
  const { args } = callParts(call);
  for (const a of args) {
    let node: SyntaxNode = a;
    let isOptional = false;
    if (a.type === 'call' && /(^|\.)optional$/.test(canonical(frame, callParts(a).callee) ?? '')) {
      isOptional = true;
      const inner = callParts(a).args[0];
      if (!inner) continue;
      node = inner;
    }
    const v: Value = evalExpr(frame, node, scope);
    if (v.kind !== 'str') {
      markDynamic(frame, a, scope, `include() of a path the scan cannot compute (${a.text.slice(0, 60)}) may set any setting`, true);
      continue;
    }
    if (v.value.startsWith('/') || /^[A-Za-z]:[\\/]/.test(v.value)) {
      markDynamic(frame, a, scope, `include() of ${v.value}, outside the repository, may set any setting`, true);
      continue;
    }
    const files = globIncluded(frame, v.value);
    if (files.length === 0) {
      markDynamic(frame, a, scope, isOptional
        ? `optional include ${v.value} is not in the repository: settings it may set on the server are unknown`
        : `include() of ${v.value}, which is not in the repository (created at deploy time?), may set any setting`, !isOptional);
      continue;
    }
    for (const f of files) runIncluded(frame, f, a, scope);
  }
}

/** Workspace files matching an include pattern, relative to the including file's folder; sorted. */
function globIncluded(frame: Frame, pattern: string): Array<SourceFile | { rel: string; unreadable: true }> {
  const dir = frame.src.file.rel.includes('/') ? frame.src.file.rel.slice(0, frame.src.file.rel.lastIndexOf('/')) : '';
  const joined = normalise(dir ? `${dir}/${pattern}` : pattern);
  if (joined === undefined) return [];
  if (!/[*?[]/.test(joined)) {
    const f = frame.ws.get(joined);
    if (f) return [f];
    return frame.ws.unreadableFile(joined) ? [{ rel: joined, unreadable: true }] : [];
  }
  const re = new RegExp(`^${joined.split('/').map(globSegment).join('/')}$`);
  return frame.ws.pythonFiles().filter((f) => re.test(f.rel));
}

function normalise(path: string): string | undefined {
  const out: string[] = [];
  for (const p of path.split('/')) {
    if (p === '' || p === '.') continue;
    if (p === '..') {
      if (out.length === 0) return undefined;
      out.pop();
    } else out.push(p);
  }
  return out.join('/');
}

function globSegment(seg: string): string {
  let re = '';
  for (let i = 0; i < seg.length; i++) {
    const c = seg[i];
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const end = seg.indexOf(']', i + 1);
      if (end > i) {
        re += `[${seg.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
        i = end;
      } else re += '\\[';
    } else re += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return re;
}

/** An included file runs in the includer's namespace (its imports and names land in the same scope). */
function runIncluded(frame: Frame, f: SourceFile | { rel: string; unreadable: true }, at: SyntaxNode, scope: Scope): void {
  if ('unreadable' in f) {
    const u = frame.ws.unreadableFile(f.rel)!;
    recordUnreadable(frame.state, f.rel, f.rel, u.line, u.reason, loc(frame, at));
    markDynamic(frame, at, scope, `${f.rel} could not be read`, true);
    return;
  }
  if (frame.state.stack.has(f.rel)) return;
  frame.state.files.add(f.rel);
  const syntax = frame.ws.syntaxError(f);
  if (syntax !== undefined) {
    recordUnreadable(frame.state, f.rel, f.rel, syntax, frame.ws.syntaxReason(f)!, loc(frame, at));
    markDynamic(frame, at, scope, `${f.rel} could not be read`, true);
    return;
  }
  const child: Frame = {
    ...frame,
    src: { file: f, module: frame.src.module },
    reads: new Set(),
    ...(templateRows(f) ? { templateRows: templateRows(f) } : { templateRows: undefined }),
  };
  frame.state.stack.add(f.rel);
  try {
    execBlock(child, frame.ws.tree(f).rootNode.namedChildren, scope);
  } finally {
    frame.state.stack.delete(f.rel);
  }
}
