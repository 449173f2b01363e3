/**
 * The engine: options in, Report out. Shared by the CLI (src/cli.ts) and the action (src/main.ts).
 * Knows nothing of terminals, SARIF or GitHub.
 */
import { setMaxListeners } from 'node:events';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse as parseToml } from 'smol-toml';
import {
  CHECKLIST,
  FAIL_ON_VALUES,
  GATE_NAMES,
  MIN_SECRET_LENGTH,
  compareFindings,
  type ChecklistItem,
  type ChecklistStatus,
  type FailOn,
  type Finding,
  type GateName,
  type GateResult,
  type Report,
} from './finding';
import { scan, ScanInputError, type ScanContext } from './project/scan';
import { RULES } from './rules/index';
import type { Rule } from './rules/rule';
import { TOOL } from './version';
import { gateError, SharedResources, type RuntimeOptions } from './gates/gate';
import { RUNTIME_GATES } from './gates/index';
import { RUNTIME_RULES } from './gates/rules-meta';

export interface RunOptions {
  /** Folder to scan (absolute or relative to cwd). */
  path: string;
  /** Gates to run; default from config, else ['rules']. */
  gates?: GateName[];
  /** Production settings module, overriding discovery (and DJANGO_SETTINGS_MODULE). */
  settingsModule?: string;
  /** Python interpreter for the runtime gates. */
  python?: string;
  failOn?: FailOn;
  /** Config file (TOML) path; default: `.django-launch-gate.toml` or `[tool.django-launch-gate]` in pyproject.toml under path. */
  config?: string;
  /** Environment used for DJANGO_SETTINGS_MODULE discovery; default process.env. */
  env?: Record<string, string | undefined>;
  /** Working directory that relative paths resolve against; default process.cwd(). */
  cwd?: string;
  /** Extra environment for the user's Django (`KEY=VALUE` pairs already parsed). */
  extraEnv?: Record<string, string>;
  /** Per-gate time limit in minutes for the runtime gates (default 20). */
  timeoutMinutes?: number;
  testCommand?: string;
  databaseUrl?: string;
  parallel?: boolean;
  /** Aborts the runtime gates (Ctrl-C). */
  signal?: AbortSignal;
}

export interface RunResult {
  report: Report;
  /** Secret values found in the source: every output must be redacted with these (and masked in Actions). */
  secrets: Set<string>;
}

/** Bad input from the user (unknown gate, bad path, unresolvable settings module): exit 2, one clear message. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Gates this version runs. The others are named (stable) but arrive in later releases. */
export const AVAILABLE_GATES: readonly GateName[] = ['rules', ...(Object.keys(RUNTIME_GATES) as GateName[])];

export function parseGates(value: string, source = '--gates'): GateName[] {
  const names = value
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (names.length === 0) throw new UsageError(`${source} is empty — name at least one gate: ${GATE_NAMES.join(', ')}`);
  const out: GateName[] = [];
  for (const n of names) {
    if (!(GATE_NAMES as readonly string[]).includes(n)) {
      throw new UsageError(`${source}: unknown gate "${n}" — use one or more of: ${GATE_NAMES.join(', ')}`);
    }
    if (!AVAILABLE_GATES.includes(n as GateName)) {
      throw new UsageError(`${source}: gate "${n}" is not available in ${TOOL.name} ${TOOL.version} yet — run with gates: ${AVAILABLE_GATES.join(', ')}`);
    }
    if (!out.includes(n as GateName)) out.push(n as GateName);
  }
  return out;
}

export function parseFailOn(value: string, source = '--fail-on'): FailOn {
  const v = value.trim().toLowerCase();
  if ((FAIL_ON_VALUES as readonly string[]).includes(v)) return v as FailOn;
  throw new UsageError(`${source}: unknown value "${value}" — use one of: ${FAIL_ON_VALUES.join(', ')}`);
}

/**
 * `KEY=VALUE` pairs (the env input's lines, repeated --env options) for the user's Django. Blank lines and
 * `#` comment lines are skipped; anything else without `=` or with a bad name is a UsageError naming `source`.
 */
export function parseEnvPairs(items: readonly string[], source = '--env'): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = items.flatMap((i) => i.split(/\r?\n/));
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const at = line.indexOf('=');
    const key = at > 0 ? line.slice(0, at).trim() : '';
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) {
      // The text itself is never echoed: a malformed line may hold a secret value.
      const what = at > 0 ? `"${key.slice(0, 40)}" is not a variable name` : `entry ${i + 1} has no "="`;
      throw new UsageError(`${source}: ${what} — write one KEY=VALUE per line, e.g. DJANGO_ALLOWED_HOSTS=example.com`);
    }
    out[key] = line.slice(at + 1).trim();
  }
  return out;
}

/** The password in a database URL (`scheme://user:password@host/name`), decoded; undefined when none. */
function databaseUrlPassword(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const p = new URL(url.trim()).password;
    return p ? decodeURIComponent(p) : undefined;
  } catch {
    return undefined;
  }
}

/** A positive number of minutes (fractions allowed), else a UsageError naming `source`. */
export function parseTimeoutMinutes(value: string, source = '--timeout-minutes'): number {
  const v = value.trim();
  const n = Number(v);
  if (!v || !Number.isFinite(n) || n <= 0) throw new UsageError(`${source}: "${value}" is not a positive number of minutes — e.g. 20`);
  return n;
}

interface Config {
  file?: string;
  settingsModule?: string;
  gates?: GateName[];
  failOn?: FailOn;
  /** Rule IDs not to run. */
  disable: string[];
}

const CONFIG_KEYS = ['settings-module', 'gates', 'fail-on', 'disable'];

/** Reads `.django-launch-gate.toml` or `[tool.django-launch-gate]` in pyproject.toml (TOML via smol-toml). */
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
    table = file.endsWith('pyproject.toml') ? ((t.tool as Record<string, unknown> | undefined)?.['django-launch-gate'] as Record<string, unknown> | undefined) ?? {} : t;
  } else if (existsSync(resolve(root, '.django-launch-gate.toml'))) {
    file = resolve(root, '.django-launch-gate.toml');
    table = read(file);
  } else if (existsSync(resolve(root, 'pyproject.toml'))) {
    const t = read(resolve(root, 'pyproject.toml'));
    const sub = (t.tool as Record<string, unknown> | undefined)?.['django-launch-gate'];
    if (sub && typeof sub === 'object') {
      file = resolve(root, 'pyproject.toml');
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

export async function run(options: RunOptions): Promise<RunResult> {
  const cwd = options.cwd ?? process.cwd();
  const root = resolve(cwd, options.path || '.');
  let st;
  try {
    st = statSync(root);
  } catch {
    throw new UsageError(`path ${options.path} does not exist — pass the folder that holds your Django project (manage.py)`);
  }
  if (!st.isDirectory()) throw new UsageError(`path ${options.path} is not a folder — pass the folder that holds your Django project (manage.py)`);
  const config = loadConfig(root, options.config, cwd);
  const gates = options.gates ?? config.gates ?? ['rules'];
  for (const g of gates) if (!AVAILABLE_GATES.includes(g)) parseGates(g);
  const failOn = options.failOn ?? config.failOn ?? 'error';
  const settingsModule = options.settingsModule || config.settingsModule;

  let ctx: ScanContext;
  try {
    ctx = scan(root, { settingsModule, env: options.env ?? process.env });
  } catch (e) {
    if (e instanceof ScanInputError) throw new UsageError(`${e.message} — ${settingsModule ? 'check the settings module name' : 'point the path at your project, or name the settings module with --settings / settings-module'}`);
    throw e;
  }

  // Values passed for the user's Django that look secret (passwords, keys, DSNs) are redacted like source secrets.
  for (const [k, v] of Object.entries(options.extraEnv ?? {})) {
    if (/SECRET|PASSWORD|PASSWD|TOKEN|KEY|DSN|DATABASE_URL|CREDENTIALS/i.test(k) && v.length >= MIN_SECRET_LENGTH) ctx.secrets.add(v);
  }
  // The database-url password (the URL is also checked, and its password added, by the migrations gate).
  const dbPassword = databaseUrlPassword(options.databaseUrl);
  if (dbPassword && dbPassword.length >= MIN_SECRET_LENGTH) ctx.secrets.add(dbPassword);
  const rules = RULES.filter((r) => !config.disable.includes(r.meta.id));
  const results: GateResult[] = [];
  let findings: Finding[] = [];
  const notApplicable = new Map<string, string>();
  if (gates.includes('rules')) {
    const r = runRules(ctx, rules);
    results.push(r.gate);
    findings = [...r.gate.findings];
    for (const [k, v] of r.notApplicable) notApplicable.set(k, v);
  }
  const runtime = gates.filter((g) => g !== 'rules' && RUNTIME_GATES[g]);
  if (runtime.length) {
    const env = options.env ?? process.env;
    const runtimeOptions: RuntimeOptions = {
      python: options.python || 'python',
      env: { ...env, ...(options.extraEnv ?? {}) },
      extraEnv: options.extraEnv ?? {},
      timeoutMs: (options.timeoutMinutes ?? 20) * 60_000,
      testCommand: options.testCommand,
      databaseUrl: options.databaseUrl,
      parallel: options.parallel,
    };
    const resources = new SharedResources();
    const signal = options.signal ?? new AbortController().signal;
    setMaxListeners(0, signal); // every child process of every gate listens for the abort
    try {
      // Runtime gates run concurrently: total wall time is about the slowest gate's.
      const done = await Promise.all(
        runtime.map(async (name) => {
          const started = performance.now();
          try {
            return await RUNTIME_GATES[name]!.run({ scan: ctx, options: runtimeOptions, resources, signal });
          } catch (e) {
            return gateError(name, started, e);
          }
        }),
      );
      for (const g of done) {
        results.push(g);
        findings.push(...g.findings);
      }
    } finally {
      await resources.closeAll();
    }
  }
  if (runtime.length) findings = dedupeAcrossGates(results, findings, ctx);
  findings = dedupe(findings).sort(compareFindings);
  const checklist = [...checklistStatus(rules, findings, notApplicable), ...gateChecklist(results, findings)];
  const report: Report = {
    tool: { ...TOOL },
    root,
    projects: ctx.projects.map((p) => p.info),
    gates: results,
    findings,
    rules: [...rules.map((r) => r.meta), ...RUNTIME_RULES],
    checklist,
    failOn,
  };
  return { report, secrets: ctx.secrets };
}

export function runRules(ctx: ScanContext, rules: readonly Rule[]): { gate: GateResult; notApplicable: Map<string, string> } {
  const started = performance.now();
  const findings: Finding[] = [];
  const errors: string[] = [];
  const notApplicable = new Map<string, string>();
  for (const rule of rules) {
    try {
      const res = rule.check(ctx);
      if (res.notApplicable !== undefined && res.hits.length === 0) notApplicable.set(rule.meta.id, res.notApplicable);
      for (const h of res.hits) {
        findings.push({
          ruleId: rule.meta.id,
          gate: 'rules',
          level: h.level ?? rule.meta.level,
          message: h.message,
          location: h.location,
          ...(rule.meta.djangoCheck ? { djangoCheck: rule.meta.djangoCheck } : {}),
          ...(h.related?.length ? { related: h.related } : {}),
        });
      }
    } catch (e) {
      errors.push(`rule ${rule.meta.id} failed: ${(e as Error).message}`);
    }
  }
  const durationMs = performance.now() - started;
  const files = ctx.workspace.pythonFiles().length + ctx.workspace.deployFiles().length;
  const gate: GateResult = errors.length
    ? { gate: 'rules', status: 'error', durationMs, detail: errors.join('; '), findings }
    : {
        gate: 'rules',
        status: findings.some((f) => f.level !== 'note') ? 'failed' : 'passed',
        durationMs,
        detail: `${rules.length} rules over ${files} files in ${ctx.projects.length} project${ctx.projects.length === 1 ? '' : 's'}`,
        findings,
      };
  return { gate, notApplicable };
}

/**
 * One finding, not two: a runtime finding whose Django check ID equals the `djangoCheck` of a rules finding
 * about the same project's production settings (same file, or files of the same settings chain) is dropped —
 * the static one stays, with its line and fix. The gate's own findings list drops it too.
 */
export function dedupeAcrossGates(results: GateResult[], findings: Finding[], ctx: ScanContext): Finding[] {
  const chainOf = (file: string): string => {
    const p = ctx.projects.find((x) => x.production?.files.includes(file));
    return p ? `project:${p.root}` : `file:${file}`;
  };
  const flagged = new Set<string>();
  for (const f of findings) if (f.gate === 'rules' && f.djangoCheck) flagged.add(`${f.djangoCheck}\0${chainOf(f.location.file)}`);
  if (flagged.size === 0) return findings;
  const dup = (f: Finding): boolean => f.gate !== 'rules' && flagged.has(`${f.ruleId}\0${chainOf(f.location.file)}`);
  for (const g of results) {
    if (g.gate === 'rules') continue;
    const kept = g.findings.filter((f) => !dup(f));
    const dropped = g.findings.length - kept.length;
    if (dropped) {
      g.findings = kept;
      g.detail = `${g.detail ? `${g.detail}; ` : ''}${dropped} also found by the rules gate, reported once there`;
    }
  }
  return findings.filter((f) => !dup(f));
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const k = `${f.ruleId}\0${f.location.file}\0${f.location.line}\0${f.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Checklist items that one runtime gate answers: the test suite and the migrations. */
const GATE_ITEMS: Array<[GateName, ChecklistItem]> = [
  ['tests', 'test-suite'],
  ['migrations', 'migrations'],
];

function gateChecklist(results: GateResult[], findings: Finding[]): ChecklistStatus[] {
  const out: ChecklistStatus[] = [];
  for (const [gate, item] of GATE_ITEMS) {
    const g = results.find((r) => r.gate === gate);
    if (!g || g.status === 'error') continue; // the gates table says why it could not run
    if (findings.some((f) => f.gate === gate)) out.push({ item, status: 'findings' });
    else if (g.status === 'skipped') out.push({ item, status: 'not-applicable', ...(g.detail ? { reason: g.detail } : {}) });
    else out.push({ item, status: 'pass' });
  }
  return out;
}

function checklistStatus(rules: readonly Rule[], findings: Finding[], notApplicable: Map<string, string>): ChecklistStatus[] {
  const out: ChecklistStatus[] = [];
  for (const item of Object.keys(CHECKLIST) as ChecklistItem[]) {
    const itemRules = rules.filter((r) => r.meta.checklist === item);
    if (itemRules.length === 0) continue;
    const ids = new Set(itemRules.map((r) => r.meta.id));
    const hits = findings.filter((f) => ids.has(f.ruleId));
    if (hits.length) out.push({ item, status: 'findings' });
    else if (itemRules.every((r) => notApplicable.has(r.meta.id))) {
      const reasons = [...new Set(itemRules.map((r) => notApplicable.get(r.meta.id)!))];
      out.push({ item, status: 'not-applicable', reason: reasons.join('; ') });
    } else out.push({ item, status: 'pass' });
  }
  return out;
}
