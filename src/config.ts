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
import type { FailOn, GateName } from './finding';
import { parseFailOn, parseGates } from './options';
import { RULES } from './rules/index';

export interface Config {
  file?: string;
  settingsModule?: string;
  gates?: GateName[];
  failOn?: FailOn;
  /** Rule IDs not to run. */
  disable: string[];
}

export const CONFIG_KEYS = ['settings-module', 'gates', 'fail-on', 'disable'];

const OWN_CONFIG = '.django-launch-gate.toml';
const PYPROJECT = 'pyproject.toml';

/** Reads the config for the scan root: `explicit` (relative to cwd) when given, else the root's own file, else defaults. */
export function loadConfig(root: string, explicit: string | undefined, cwd: string): Config {
  let file: string | undefined;
  let table: Record<string, unknown> | undefined;
  const read = (f: string): Record<string, unknown> => {
    try {
      return parseToml(readFileSync(f, 'utf8')) as Record<string, unknown>;
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
  const cfg: Config = { disable: [] };
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
  return cfg;
}
