/**
 * The config file: `.django-launch-gate.toml`, or `[tool.django-launch-gate]` in pyproject.toml (TOML via
 * smol-toml), or the file named by --config / the config input. Every key optional; an unknown key or a bad
 * value is a UsageError naming the file.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { UsageError } from './errors';
import { projectFile } from './files';
import { LEVELS, type FailOn, type GateName, type Level } from './finding';
import { parseFailOn, parseGates } from './options';
import { DJANGO_CHECK_ID, scanRuleIds } from './rule-ids';
import { RULES } from './rules/index';

export interface Config {
  file?: string;
  settingsModule?: string;
  gates?: GateName[];
  failOn?: FailOn;
  /** Rule IDs not to run. */
  disable: string[];
  /** Globs relative to the scan root: files and folders the scan never reads (src/project/workspace.ts). */
  exclude: string[];
  /** Rule ID (or Django check ID) → the level its findings are reported at (src/run.ts applyLevels). */
  level: Record<string, Level>;
  /** Module-name globs that are production settings: chosen before deploy-file evidence (src/project/production.ts). */
  productionSettings: string[];
  /** Module-name globs that are development settings: never judged as production unless named. */
  devSettings: string[];
}

export const CONFIG_KEYS = ['settings-module', 'gates', 'fail-on', 'disable', 'exclude', 'level', 'production-settings', 'dev-settings'];

const OWN_CONFIG = '.django-launch-gate.toml';
const PYPROJECT = 'pyproject.toml';

/** Reads the config for the scan root: `explicit` (relative to cwd) when given, else the root's own file, else defaults. */
export function loadConfig(root: string, explicit: string | undefined, cwd: string): Config {
  let file: string | undefined;
  let table: Record<string, unknown> | undefined;
  const read = (f: string): Record<string, unknown> => {
    let text: string;
    try {
      text = readFileSync(f, 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const why = code === 'EISDIR' ? 'is a folder, not a file' : code === 'EACCES' ? 'cannot be read (permission denied)' : `cannot be read (${(e as Error).message})`;
      throw new UsageError(`config ${f} ${why}`, 'pass the TOML file itself with --config, e.g. --config .django-launch-gate.toml');
    }
    try {
      return parseToml(text) as Record<string, unknown>;
    } catch (e) {
      throw new UsageError(`config ${f} is not valid TOML (${(e as Error).message.split('\n')[0]}) — fix the file or pass another with --config`);
    }
  };
  if (explicit) {
    file = resolve(cwd, explicit);
    if (!existsSync(file)) throw new UsageError(`config file ${explicit} does not exist — check the path (relative to ${cwd})`);
    const t = read(file);
    table = file.endsWith(PYPROJECT) ? ((t.tool as Record<string, unknown> | undefined)?.['django-launch-gate'] as Record<string, unknown> | undefined) ?? {} : t;
  } else if (existsSync(projectFile(root, OWN_CONFIG))) {
    file = projectFile(root, OWN_CONFIG);
    table = read(file);
  } else if (existsSync(projectFile(root, PYPROJECT))) {
    const t = read(projectFile(root, PYPROJECT));
    const sub = (t.tool as Record<string, unknown> | undefined)?.['django-launch-gate'];
    if (sub && typeof sub === 'object') {
      file = projectFile(root, PYPROJECT);
      table = sub as Record<string, unknown>;
    }
  }
  const cfg: Config = { disable: [], exclude: [], level: {}, productionSettings: [], devSettings: [] };
  if (!table || !file) return cfg;
  cfg.file = file;
  for (const k of Object.keys(table)) {
    if (!CONFIG_KEYS.includes(k)) throw new UsageError(`config ${file}: unknown key "${k}" — known keys: ${CONFIG_KEYS.join(', ')}`);
  }
  const s = table['settings-module'];
  if (s !== undefined) {
    if (typeof s !== 'string') throw new UsageError(`config ${file}: settings-module must be a string like "mysite.settings.production"`);
    cfg.settingsModule = s;
  }
  const g = table.gates;
  if (g !== undefined) cfg.gates = parseGates(Array.isArray(g) ? g.join(',') : String(g), `config ${file}: gates`);
  const f = table['fail-on'];
  if (f !== undefined) cfg.failOn = parseFailOn(String(f), `config ${file}: fail-on`);
  const d = table.disable;
  if (d !== undefined) {
    if (!Array.isArray(d) || d.some((x) => typeof x !== 'string')) throw new UsageError(`config ${file}: disable must be a list of rule IDs like ["launch.W090"]`);
    const known = new Set(RULES.map((r) => r.meta.id));
    for (const id of d as string[]) if (!known.has(id)) throw new UsageError(`config ${file}: disable names unknown rule "${id}" — see docs/rules for the IDs`);
    cfg.disable = d as string[];
  }
  const x = table.exclude;
  if (x !== undefined) {
    cfg.exclude = stringList(file, 'exclude', x, '["legacy/**", "**/tests/**"]');
    for (const glob of cfg.exclude) {
      if (glob.startsWith('/') || /^[A-Za-z]:/.test(glob) || glob.split('/').includes('..')) {
        throw new UsageError(`config ${file}: exclude "${glob}" is not relative to the scan root — write globs like "legacy/**" or "**/tests/**"`);
      }
    }
  }
  const l = table.level;
  if (l !== undefined) {
    if (!l || typeof l !== 'object' || Array.isArray(l)) throw new UsageError(`config ${file}: level must be a table of rule IDs, like level = { "launch.W090" = "note" }`);
    const known = scanRuleIds();
    for (const [id, v] of flatten(l as Record<string, unknown>)) {
      if (!known.has(id) && !DJANGO_CHECK_ID.test(id)) throw new UsageError(`config ${file}: level names unknown rule "${id}" — see docs/rules for the IDs (a Django check ID looks like security.W004)`);
      if (typeof v !== 'string' || !(LEVELS as readonly string[]).includes(v)) {
        throw new UsageError(`config ${file}: level "${id}" must be "error", "warning" or "note", not ${JSON.stringify(v)}${v === 'off' || v === 'ignore' || v === 'never' ? ' — to turn a rule off, list it in disable' : ''}`);
      }
      cfg.level[id] = v as Level;
    }
  }
  for (const [key, field] of [['production-settings', 'productionSettings'], ['dev-settings', 'devSettings']] as const) {
    const v = table[key];
    if (v === undefined) continue;
    cfg[field] = stringList(file, key, v, '["*.settings.prod*"]');
    for (const glob of cfg[field]) {
      if (!/^!?[\w.*?[\]{},-]+$/.test(glob)) throw new UsageError(`config ${file}: ${key} "${glob}" is not a dotted module name or glob — write e.g. "mysite.settings.production" or "*.settings.prod*"`);
    }
  }
  return cfg;
}

/** A TOML array of non-empty strings, or a UsageError naming the key and an example. */
function stringList(file: string, key: string, v: unknown, example: string): string[] {
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string' || x.trim() === '')) throw new UsageError(`config ${file}: ${key} must be a list of strings, like ${key} = ${example}`);
  return (v as string[]).map((x) => x.trim());
}

/**
 * The level table's entries. An unquoted `launch.W090 = "note"` is, in TOML, a dotted key — a nested table
 * { launch: { W090: … } } — so nested keys are joined back with dots: both spellings mean the rule.
 */
function flatten(table: Record<string, unknown>, prefix = ''): Array<[string, unknown]> {
  return Object.entries(table).flatMap(([k, v]) => (v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date) ? flatten(v as Record<string, unknown>, `${prefix}${k}.`) : [[`${prefix}${k}`, v] as [string, unknown]]));
}
