/**
 * Values of the static settings evaluator. Settings are evaluated in two worlds:
 *  - `unset`: every environment variable the settings read is absent;
 *  - `set`:   every such variable holds a value the operator chose — an arbitrary non-empty string,
 *             modelled as `env` (its content unknown, but known to be a non-empty string).
 * Anything the evaluator cannot know is `unknown`; rules never report a finding from an unknown.
 */
import type { Location } from '../finding';

export type Value =
  | { kind: 'str'; value: string; /** the text came from a literal in the source (directly or as an env default) */ literal: boolean }
  /** a string whose beginning is known and whose rest is not: `"sqlite:///" + str(BASE_DIR / "db.sqlite3")` */
  | { kind: 'prefix'; value: string; literal: boolean }
  | { kind: 'num'; value: number }
  | { kind: 'bool'; value: boolean }
  | { kind: 'none' }
  | { kind: 'list'; items: Value[] }
  | { kind: 'dict'; entries: Array<[string, Value]> }
  /** an operator-provided environment value (set world): a non-empty string of unknown content */
  | { kind: 'env'; name: string }
  /** importing the settings fails here (required env var missing, explicit raise): loud, never silently insecure */
  | { kind: 'raise'; reason: string }
  /** the result of a call the rules care about by name, e.g. `get_random_secret_key` */
  | { kind: 'call'; callee: string }
  | { kind: 'unknown' };

export type World = 'unset' | 'set';
export const WORLDS: readonly World[] = ['unset', 'set'];

export const UNKNOWN: Value = { kind: 'unknown' };
export const NONE: Value = { kind: 'none' };
export const str = (value: string, literal = false): Value => ({ kind: 'str', value, literal });
export const bool = (value: boolean): Value => ({ kind: 'bool', value });
export const num = (value: number): Value => ({ kind: 'num', value });

/** Python truthiness; undefined when it cannot be known. */
export function truthy(v: Value): boolean | undefined {
  switch (v.kind) {
    case 'str': return v.value.length > 0;
    case 'prefix': return v.value.length > 0 ? true : undefined;
    case 'num': return v.value !== 0;
    case 'bool': return v.value;
    case 'none': return false;
    case 'list': return v.items.length > 0;
    case 'dict': return v.entries.length > 0;
    case 'env': return true; // a set variable is a non-empty string
    default: return undefined;
  }
}

export function dictGet(v: Value | undefined, key: string): Value | undefined {
  if (!v || v.kind !== 'dict') return undefined;
  for (let i = v.entries.length - 1; i >= 0; i--) if (v.entries[i][0] === key) return v.entries[i][1];
  return undefined;
}

/** Structural equality (for merging branches). */
export function sameValue(a: Value, b: Value): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export interface SettingBinding {
  name: string;
  unset: Value;
  set: Value;
  /** Where the value was last assigned or changed (the line a rule points at) — with the variables unset. */
  location: Location;
  /**
   * Where the set world's value was last assigned, when that is another line (Sefaria's `if os.getenv("CI_RUN"):
   * from sefaria.local_settings_ci import *`): a finding that holds only with the variables set points there
   * (settings-util's whereIn).
   */
  setLocation?: Location;
  /** The value was assigned only under a condition the evaluator could not decide. */
  conditional?: boolean;
  /**
   * The environment variables the value was computed from, through names in between (`database_url =
   * config("DATABASE_URL", …)` then `dj_database_url.parse(database_url)`): what a finding names as "when X is
   * unset" when the assignment's own line reads none (settings-util's worldClause). Absent when none.
   */
  envVars?: string[];
  /**
   * With the variables unset, the value comes from the `.env` the production image holds, which python-decouple
   * reads before the default written in the settings: where the image gets it (src/project/image-dotenv.ts).
   */
  imageDotenv?: string;
  /**
   * Where a world's value is unknown only because undecided paths set different known values: every value
   * it may have (see settings-util's `listHasIn`). Absent for a world whose value is known or truly unknown.
   */
  alternatives?: { unset?: Value[]; set?: Value[] };
  /**
   * Where a world's value is unknown only because code the scan cannot follow ran after it was set (a
   * star-import of a module not in the repository, `exec()` of a local file): what it was before. Never the
   * value — that code may have replaced it; a rule may only say "X unless that code changed it" (a note).
   */
  overridden?: { unset?: Overridden; set?: Overridden };
}

/** A setting's value before code the scan cannot follow may have replaced it (SettingBinding.overridden). */
export interface Overridden {
  /** the value it had (every value, when undecided paths gave it several) */
  before: Value[];
  /** where that value was set */
  location: Location;
  /** the code that may have replaced it, in order: where, and its text (one line, shortened) */
  by: Array<{ location: Location; code: string }>;
}

/** A place where settings may be set by code the evaluator cannot follow. */
export interface DynamicMark {
  location: Location;
  /** e.g. `globals().update(...) may set any setting` */
  reason: string;
  /** values set before this point may have been replaced (not only new names added) */
  overrides: boolean;
}

/** A file of the settings' import chain that could not be read as Python (CPython would refuse it too). */
export interface UnreadableMark {
  /** where the file is (line of the problem) */
  location: Location;
  /** the module it is */
  module: string;
  /** completes "could not be read: …" */
  reason: string;
  /** where it is imported from, when it is not the settings module itself */
  importedAt?: Location;
}

export interface EvaluatedSettings {
  /** Dotted module name, e.g. `mysite.settings.production`. */
  module: string;
  /** Relative path of the module's file. */
  file: string;
  /** Production settings (what wsgi/asgi or the input names) vs dev/local/test modules. */
  production: boolean;
  /** One sentence: why this module is (or is not) production. */
  reason: string;
  bindings: Map<string, SettingBinding>;
  /** The module's first statement (after any docstring): where findings about a MISSING setting point. */
  anchor: Location;
  /** Files read while evaluating (the module and its star-import chain), relative. */
  files: string[];
  /** Importing this module fails when the environment is unset (e.g. `os.environ["SECRET_KEY"]`). */
  failsWhenUnset?: { location: Location; reason: string };
  /** Places where settings may be set dynamically: a setting missing from `bindings` may still be set. */
  dynamic: DynamicMark[];
  /** Files of the chain that could not be read: what they set is unknown, and the launch cannot be verified. */
  unreadable: UnreadableMark[];
  /** django-configurations: the Configuration class whose attributes are the settings. */
  configuration?: string;
  /** The module is a template rendered at deploy time (`nautobot_config.py.j2`, cookiecutter): tagged lines are unknown. */
  template?: boolean;
}
