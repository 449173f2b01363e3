/**
 * The evaluator's state: a scope of names, the frame of the module being run in one world, the limits
 * that keep any valid Python from exhausting the stack, and the marks that say what could not be seen
 * (names set dynamically, files that could not be read, template regions).
 */
import type { ImageDotenv } from '../image-dotenv';
import type { Location } from '../../finding';
import { lineOf, type SyntaxNode } from '../python';
import type { SourceFile, UnreadableFile, Workspace } from '../workspace';
import { UNKNOWN, sameValue, type DynamicMark, type Overridden, type UnreadableMark, type Value, type World } from '../values';

export interface Entry {
  value: Value;
  location: Location;
  envVars: Set<string>;
  conditional?: boolean;
  /**
   * When `value` is unknown only because paths the evaluator could not decide between set different known
   * values (`if FLAG: MIDDLEWARE += [...]`): every value it may have. Helpers that can answer for all of them
   * (is SecurityMiddleware in MIDDLEWARE?) use them; everything else sees `value`, unknown.
   */
  alternatives?: Value[];
  /**
   * Set by markDynamic: the value this name had before code the scan cannot follow may have replaced it.
   * Valid only while the entry is the one markDynamic left — see overriddenOf().
   */
  overridden?: EntryOverride;
}

/** Overridden, and the location of the entry it belongs to: valid only while the entry stays there (overriddenOf). */
export interface EntryOverride extends Overridden {
  entryAt: Location;
}

/** At most this many alternatives are kept for one name; beyond, the value is simply unknown. */
export const MAX_ALTERNATIVES = 16;

export type Scope = Map<string, Entry>;

export interface ModuleSource {
  file: SourceFile;
  module: string;
}

/** A module that exists in the repository but could not be read as Python. */
export interface UnreadableModule {
  module: string;
  unreadable: UnreadableFile;
}

export type ResolvedModule = ModuleSource | UnreadableModule;

export function isUnreadable(m: ResolvedModule): m is UnreadableModule {
  return 'unreadable' in m;
}

/** Resolve a (possibly relative) import from `fromModule` to a file of the project. */
export type Resolve = (module: string, fromModule: string, level: number) => ResolvedModule | undefined;

export interface EvaluateOptions {
  production: boolean;
  reason: string;
  resolve: Resolve;
  /** Collected secret literal values (keys, passwords, DSNs) for redaction. */
  secrets: Set<string>;
  /** django-configurations: the Configuration class production selects (DJANGO_CONFIGURATION), when known. */
  configuration?: string;
  /** Variables the project's production deploy manifests always set: never "unset" in production. */
  provided?: ReadonlySet<string>;
  /** The `.env` the production image holds where python-decouple finds it (src/project/image-dotenv.ts). */
  dotenv?: ImageDotenv;
  /**
   * Judged by its name beside what wsgi.py/manage.py name (production.ts, step 4), not named by the deploy: if it
   * sets no SECRET_KEY it is a base that settings outside the repository complete (evaluate.ts completedElsewhere).
   */
  judgedByName?: boolean;
}

/**
 * Limits. Valid Python can nest expressions and statements deeply and chain star-imports long; past these
 * limits a value is unknown (never an error, never a guess). The JavaScript stack holds a few frames per
 * level, so these keep every evaluation far below its limit.
 */
export const MAX_EXPR_DEPTH = 120;
export const MAX_STMT_DEPTH = 80;
export const MAX_IMPORT_DEPTH = 40;

/** What one world's run of a settings module (and everything it imports) shares. */
export interface WorldState {
  world: World;
  /** Variables python-decouple answered from the image's `.env` in this world (EvaluateOptions.dotenv). */
  dotenvUsed: Set<string>;
  opts: EvaluateOptions;
  ws: Workspace;
  /** Files read while evaluating. */
  files: Set<string>;
  /** Files on the import stack (cycles). */
  stack: Set<string>;
  dynamic: DynamicMark[];
  unreadable: UnreadableMark[];
  /** Module scopes already evaluated in this world. */
  modules: Map<string, Scope>;
  /**
   * Optional override modules imported if present but absent from the repository (`try: from .localsettings
   * import *`), with the settings entries in scope at that point: see overrideIfRequired().
   */
  absentOverrides: Array<{ location: Location; code: string; entries: Array<[string, Entry]> }>;
  /**
   * The django-configurations classes each module of the repository run in this world defines (by dotted module
   * name): a module that star-imports one brings the class production's DJANGO_CONFIGURATION selects
   * (configurationClassesOf).
   */
  configurationClasses: Map<string, Set<string>>;
  /**
   * The django-environ/environs Env instances each module of the repository run in this world defines (by file):
   * a module that imports one — `from .base import env`, or `from .base import *` (cookiecutter-django's production
   * settings, OSMCha's) — reads the environment through it alike.
   */
  envObjects: Map<string, Frame['envObjects']>;
}

export interface Frame {
  state: WorldState;
  ws: Workspace;
  src: ModuleSource;
  world: World;
  opts: EvaluateOptions;
  /** module-level names → canonical dotted names of what they were imported as */
  aliases: Map<string, string>;
  /** django-environ Env instances: variable name → scheme (var → [cast, default]) */
  envObjects: Map<string, Map<string, { cast?: string; default?: Value }>>;
  /** functions defined at module level (for calls at module level: loaders, export helpers) */
  functions: Map<string, SyntaxNode>;
  /** classes defined at module level (class-based settings) */
  classes: Map<string, SyntaxNode>;
  /** env vars read by the expression being evaluated */
  reads: Set<string>;
  /** env vars a `raise` guard has already proven required (unset world): later reads fail loudly, too */
  guardedEnv: Set<string>;
  exprDepth: number;
  stmtDepth: number;
  importDepth: number;
  /**
   * django-configurations classes this module imports by name from another module of the repository
   * (Mozilla's donate-wagtail: `from .production import Production` in its settings package): classes.ts
   * applyConfigurations() says what they may set.
   */
  importedConfigurations?: Array<{ name: string; file: string; at: SyntaxNode }>;
  /** 0-based rows of a template file whose text is rendered at deploy time: values there are unknown */
  templateRows?: Set<number>;
}

export class Raised extends Error {
  constructor(
    readonly location: Location,
    readonly reason: string,
  ) {
    super(reason);
  }
}

export function loc(frame: Frame, node: SyntaxNode): Location {
  return { file: frame.src.file.rel, line: lineOf(node), column: node.startPosition.column + 1 };
}

/** Is a setting name (Django reads UPPER_CASE module attributes only)? */
export function isSettingName(name: string): boolean {
  return /^[A-Z][A-Z0-9_]*$/.test(name);
}

/**
 * Names may be set here by code the evaluator cannot follow (`globals().update(...)`, `exec`, a star-import
 * from outside the repository, an optional override file). With `overrides`, every value set before this
 * point may have been replaced: it becomes unknown. Either way a setting missing from the scope may exist.
 */
export function markDynamic(frame: Frame, node: SyntaxNode, scope: Scope, reason: string, overrides: boolean): void {
  const location = loc(frame, node);
  if (!frame.state.dynamic.some((d) => d.location.file === location.file && d.location.line === location.line)) {
    frame.state.dynamic.push({ location, reason, overrides });
  }
  if (!overrides) return;
  const by = { location, code: shortCode(node.text) };
  for (const [k, e] of scope) {
    if (!isSettingName(k)) continue;
    // The value stays unknown; what it was before is kept beside it, so that a rule can say "X is set at
    // <line> unless this code changes it" as a note instead of knowing nothing.
    const prior = overriddenOf(e);
    const overridden: EntryOverride = prior
      ? { ...prior, by: prior.by.some((b) => sameLocation(b.location, location)) ? prior.by : [...prior.by, by] }
      : { before: e.alternatives ?? [e.value], location: e.location, by: [by], entryAt: e.location };
    scope.set(k, { ...e, value: UNKNOWN, alternatives: undefined, conditional: true, overridden });
  }
}

/**
 * An optional override module that is absent here (`try: from .localsettings import * / except ImportError:
 * pass`): what may set names the scan cannot see. Recorded as a dynamic mark that adds names, and kept with the
 * entries it could replace, for overrideIfRequired().
 */
export function markAbsentOverride(frame: Frame, node: SyntaxNode, scope: Scope, reason: string): void {
  markDynamic(frame, node, scope, reason, false);
  frame.state.absentOverrides.push({ location: loc(frame, node), code: shortCode(node.text), entries: [...scope].filter(([k]) => isSettingName(k)) });
}

/**
 * Settings that never set SECRET_KEY cannot serve (Django refuses to sign anything without it), so production
 * must have the optional override module the repository lacks — EvaP's `evap.settings` is the base its
 * deployment's own settings import, and its `DEBUG = True` is for development. Then such a module may replace
 * every value set before its import: each entry still the one it could replace becomes unknown, with what it
 * was before (a rule may say "X unless that module changes it", a note), and its dynamic mark overrides.
 */
export function overrideIfRequired(state: WorldState, scope: Scope): void {
  if (state.absentOverrides.length === 0 || scope.has('SECRET_KEY')) return;
  for (const o of state.absentOverrides) {
    const mark = state.dynamic.find((d) => sameLocation(d.location, o.location));
    if (mark) {
      mark.overrides = true;
      mark.reason = `${mark.reason}, and the settings set no SECRET_KEY without it, so production must have it`;
    }
    const by = { location: o.location, code: o.code };
    for (const [k, e] of o.entries) if (scope.get(k) === e) replaceable(scope, k, e, by);
  }
}

/** The entry `k` becomes unknown: code the scan cannot see (`by`) may replace it; what it was before is kept beside it. */
export function replaceable(scope: Scope, k: string, e: Entry, by: EntryOverride['by'][number]): void {
  const overridden: EntryOverride = { before: e.alternatives ?? [e.value], location: e.location, by: [by], entryAt: e.location };
  scope.set(k, { ...e, value: UNKNOWN, alternatives: undefined, conditional: true, overridden });
}

/**
 * The entry's value before an override, while the entry is still the one markDynamic (or carryOverride,
 * joinOverrides) left: its value unknown and its location the one recorded. Any other change of the name
 * (`del MIDDLEWARE[1]`, `MIDDLEWARE[0] = …`, a new assignment, a raise) gives the entry a new location or a
 * fresh object without `overridden`, so a stale "before" is never read as the value after it.
 */
export function overriddenOf(e: Entry | undefined): EntryOverride | undefined {
  const o = e?.overridden;
  return o && e.value.kind === 'unknown' && sameLocation(o.entryAt, e.location) ? o : undefined;
}

/**
 * A change the evaluator models (`MIDDLEWARE += [...]`, `.append()`, `.remove()`) applied to a name whose
 * value an override made unknown: the same change applied to what it was before, for the entry written at
 * `at`. `op` gives undefined for a value it leaves as it is.
 */
export function carryOverride(prev: Entry | undefined, at: Location, op: (v: Value) => Value | undefined): { overridden?: EntryOverride } {
  const o = overriddenOf(prev);
  return o ? { overridden: { ...o, before: o.before.map((v) => op(v) ?? v), entryAt: at } } : {};
}

/**
 * Paths joined after an if/else: the override holds when every path has one for the same value (set at the
 * same line); what it was before is then any of theirs, and the code that may replace it any of theirs.
 */
export function joinOverrides(entries: Array<Entry | undefined>, at: Location): { overridden?: EntryOverride } {
  const os = entries.map(overriddenOf);
  const first = os[0];
  if (!first || !os.every((o) => o && sameLocation(o.location, first.location))) return {};
  const before: Value[] = [];
  const by: Overridden['by'] = [];
  for (const o of os as EntryOverride[]) {
    for (const v of o.before) if (!before.some((x) => sameValue(x, v))) before.push(v);
    for (const b of o.by) if (!by.some((x) => sameLocation(x.location, b.location))) by.push(b);
  }
  return before.length <= MAX_ALTERNATIVES ? { overridden: { before, location: first.location, by, entryAt: at } } : {};
}

function sameLocation(a: Location, b: Location): boolean {
  return a.file === b.file && a.line === b.line && a.column === b.column;
}

/** Code as one line, shortened for a message. */
function shortCode(text: string): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > 60 ? `${one.slice(0, 57)}...` : one;
}

/** Does a node's text lie on a template line (rendered at deploy time)? */
export function inTemplate(frame: Frame, node: SyntaxNode): boolean {
  const rows = frame.templateRows;
  if (!rows || rows.size === 0) return false;
  for (let r = node.startPosition.row; r <= node.endPosition.row; r++) if (rows.has(r)) return true;
  return false;
}
