/**
 * The static settings evaluator: runs a settings module's top level symbolically, twice — once with
 * every environment variable unset, once with every variable set to an operator-chosen value — and
 * returns each setting's value in both worlds with the line that determined it.
 *
 * Hand-written because no library interprets Python statically; it covers what settings modules do.
 * The parts, by concern (src/project/evaluator/):
 *   frame.ts        scopes, limits, what could not be seen (dynamic names, unreadable files)
 *   statements.ts   assignments, list/dict changes, if/elif/else, try/except, raise guards, loops, loaders
 *   expressions.ts  literals, names, operators, calls, string methods
 *   imports.ts      imports, star-import chains, optional imports, django-split-settings include()
 *   libraries.ts    os.environ, django-environ, python-decouple, dj-database-url
 *   classes.ts      class-based settings (loader-exported classes, django-configurations)
 *   template.ts     cookiecutter/Jinja-templated settings
 * Anything else is `unknown`, and rules never guess from unknown.
 */
import { MIN_SECRET_LENGTH, type Location } from '../finding';
import { lineOf, type SyntaxNode } from './python';
import type { Workspace } from './workspace';
import { UNKNOWN, type DynamicMark, type EvaluatedSettings, type Overridden, type SettingBinding, type UnreadableMark, type Value, type World } from './values';
import { applyConfigurations } from './evaluator/classes';
import { isSettingName, overriddenOf, overrideIfRequired, replaceable, type EntryOverride, type EvaluateOptions, type ModuleSource, type Scope, type WorldState } from './evaluator/frame';
import { runModule } from './evaluator/imports';
import { isPlaceholderValue, SECRET_NAME } from './secret-values';

export { DEV_ONLY_MODULE } from './evaluator/imports';
export type { EvaluateOptions, ModuleSource, Resolve, ResolvedModule, UnreadableModule } from './evaluator/frame';
export { isUnreadable } from './evaluator/frame';
export { databaseFromUrl } from './evaluator/libraries';


interface WorldResult {
  scope: Scope;
  raised?: { location: Location; reason: string };
  dynamic: DynamicMark[];
  unreadable: UnreadableMark[];
  /** Variables python-decouple answered from the image's .env. */
  dotenvUsed: ReadonlySet<string>;
  configuration?: string;
}

function runWorld(ws: Workspace, src: ModuleSource, world: World, opts: EvaluateOptions, files: Set<string>): WorldResult {
  const state: WorldState = { world, dotenvUsed: new Set(), opts, ws, files, stack: new Set(), dynamic: [], unreadable: [], modules: new Map(), absentOverrides: [], configurationClasses: new Map(), envObjects: new Map() };
  const r = runModule(state, src, 0);
  if (!r.raised) overrideIfRequired(state, r.scope);
  const configuration = r.raised ? undefined : applyConfigurations(r.frame, r.scope);
  return { scope: r.scope, raised: r.raised, dynamic: state.dynamic, unreadable: state.unreadable, dotenvUsed: state.dotenvUsed, ...(configuration ? { configuration } : {}) };
}

export function evaluateSettings(ws: Workspace, src: ModuleSource, opts: EvaluateOptions): EvaluatedSettings {
  const files = new Set<string>();
  const results: Record<World, WorldResult> = {
    unset: runWorld(ws, src, 'unset', opts, files),
    set: runWorld(ws, src, 'set', opts, files),
  };
  if (opts.judgedByName) completedElsewhere(ws, src, results);
  const bindings = new Map<string, SettingBinding>();
  const names = new Set([...results.unset.scope.keys(), ...results.set.scope.keys()]);
  for (const name of [...names].sort()) {
    if (!isSettingName(name)) continue;
    const u = results.unset.scope.get(name);
    const s = results.set.scope.get(name);
    const location = (u ?? s)!.location;
    const alternatives = { ...(u?.alternatives ? { unset: u.alternatives } : {}), ...(s?.alternatives ? { set: s.alternatives } : {}) };
    const ou = publicOverride(overriddenOf(u));
    const os = publicOverride(overriddenOf(s));
    const overridden = { ...(ou ? { unset: ou } : {}), ...(os ? { set: os } : {}) };
    const envVars = [...new Set([...(u?.envVars ?? []), ...(s?.envVars ?? [])])].sort();
    bindings.set(name, {
      name,
      unset: u ? u.value : UNKNOWN,
      set: s ? s.value : UNKNOWN,
      location,
      ...(u && s && (s.location.file !== u.location.file || s.location.line !== u.location.line) ? { setLocation: s.location } : {}),
      ...(u?.conditional || s?.conditional || !u || !s ? { conditional: true } : {}),
      ...(alternatives.unset || alternatives.set ? { alternatives } : {}),
      ...(overridden.unset || overridden.set ? { overridden } : {}),
      ...(envVars.length ? { envVars } : {}),
      // the unset world's value came (in part) from the image's .env
      ...(opts.dotenv && [...(u?.envVars ?? [])].some((v) => results.unset.dotenvUsed.has(v)) ? { imageDotenv: opts.dotenv.where } : {}),
    });
    collectSecrets(name, u?.value, opts.secrets);
    collectSecrets(name, s?.value, opts.secrets);
  }
  const tree = ws.tree(src.file);
  const configuration = results.set.configuration ?? results.unset.configuration;
  return {
    module: src.module,
    file: src.file.rel,
    production: opts.production,
    reason: opts.reason,
    bindings,
    anchor: { file: src.file.rel, line: anchorLine(tree.rootNode) },
    files: [...files].sort(),
    ...(results.unset.raised ? { failsWhenUnset: results.unset.raised } : {}),
    dynamic: mergeMarks(results.unset.dynamic, results.set.dynamic, (d) => `${d.location.file}:${d.location.line}`),
    unreadable: mergeMarks(results.unset.unreadable, results.set.unreadable, (u) => u.location.file),
    ...(configuration ? { configuration } : {}),
    ...(src.file.template || src.file.templateRows ? { template: true } : {}),
  };
}

/**
 * Settings that set no SECRET_KEY in either world, with nothing the scan cannot follow that could add one, cannot
 * serve: Django signs nothing without it (sessions, CSRF tokens, password resets). Production runs them completed by
 * settings the repository does not hold — Recoco's `production.py` is the base its deploy's server-held settings
 * import (its fabfile runs a manage.py that lives on the server). As with an absent optional override
 * (overrideIfRequired), every value may be replaced: each becomes unknown with what it was before, and the mark is
 * said (launch.I005), so nothing those settings may change is reported or passed. Only for settings judged by their
 * name (production.ts, step 4): a module the deploy or wsgi.py names is what production runs as it is, and a test
 * fixture's few lines set no SECRET_KEY either.
 */
function completedElsewhere(ws: Workspace, src: ModuleSource, results: Record<World, WorldResult>): void {
  const all = [results.unset, results.set];
  if (all.some((r) => r.raised || r.scope.has('SECRET_KEY') || r.dynamic.length || r.unreadable.length)) return;
  const location = { file: src.file.rel, line: anchorLine(ws.tree(src.file).rootNode) };
  const mark: DynamicMark = {
    location,
    reason: `these settings set no SECRET_KEY, and Django signs nothing without one (sessions, CSRF tokens, password resets): production must complete them with settings the repository does not hold (a module on the server that imports these, or the platform's)`,
    overrides: true,
  };
  const by = { location, code: `settings that complete ${src.module}` };
  for (const r of all) {
    r.dynamic.push(mark);
    for (const [k, e] of r.scope) if (isSettingName(k)) replaceable(r.scope, k, e, by);
  }
}

/** What a rule may read of an override: the evaluator's own bookkeeping (entryAt) left out. */
function publicOverride(o: EntryOverride | undefined): Overridden | undefined {
  return o ? { before: o.before, location: o.location, by: o.by } : undefined;
}

function mergeMarks<T>(a: T[], b: T[], key: (x: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const x of [...a, ...b]) if (!seen.has(key(x))) seen.set(key(x), x);
  return [...seen.values()];
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
  // A placeholder word (`ELASTICSEARCH_PASSWORD = env(…, default="password")`: CourtListener) is known to everyone, as
  // in a URL below: redacting it would blank the word out of every message, and so tell the reader the value.
  if (v.kind === 'str' && v.literal && secretish && v.value.length >= MIN_SECRET_LENGTH && !CONFIG_VALUE.test(v.value) && !isPlaceholderValue(v.value)) out.add(v.value);
  // The password of a URL (postgres://user:PASSWORD@host/db), as written and decoded.
  const m = v.kind === 'str' && v.literal ? /^[a-z][a-z0-9+.-]*:\/\/[^/\s:@]+:([^@\s/]+)@/i.exec(v.value) : null;
  if (m && m[1].length >= MIN_SECRET_LENGTH && !isPlaceholderValue(decodeURIComponentSafe(m[1]))) {
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
