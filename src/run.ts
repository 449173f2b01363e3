/**
 * The engine: options in, Report out. Shared by the CLI (src/cli.ts) and the action (src/main.ts).
 * Knows nothing of terminals, SARIF or GitHub.
 */
import { setMaxListeners } from 'node:events';
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { checklistStatus } from './checklist';
import { loadConfig } from './config';
import { UsageError } from './errors';
import { fileScope, scopeReport } from './file-scope';
import { readTextUnder } from './files';
import { MIN_SECRET_LENGTH, compareFindings, djangoChecksOf, launchBlocked, rank, suppressedCount, type FailOn, type Finding, type GateName, type GateResult, type Level, type Report, type RuleMeta } from './finding';
import { gateError, SharedResources, type RuntimeOptions } from './gates/gate';
import { workersFromEnv } from './project/syntax-pool';
import { reviewRules, runRulesReleasing, type RulesGateResult, type Timing } from './gates/rules';
import { RUNTIME_RULES } from './gates/rules-meta';
import { AVAILABLE_GATES, databaseUrlPassword, parseGates } from './options';
import { addedSince, BaseRefError, type Changes } from './project/changes';
import { proxyHttps, type ProxyHttps } from './project/proxy';
import { scan, ScanInputError, type ScanContext } from './project/scan';
import { RULES } from './rules/index';
import { applySuppressions, ranOf, runReview, suppressionsOf } from './suppressions';
import { TOOL } from './version';

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
  /**
   * Base ref (branch, tag or sha): the migrations added since it are judged at their level (src/project/changes.ts).
   * A ref git cannot resolve is bad input (exit 2) unless `baseRefDefault` says the tool chose it (the
   * action's pull request base), then the migration-safety item says why it is not checked.
   */
  baseRef?: string;
  baseRefDefault?: boolean;
  /**
   * `--files` (the pre-commit hook): the whole project is scanned, and only the findings about these files
   * (relative to the scan root, forward slashes) are reported — src/file-scope.ts.
   */
  files?: readonly string[];
  /**
   * Told as each gate starts, with the milliseconds since the process started (performance.now()): the action
   * logs it as a debug line, and bench/speed.mjs reads it for the action's time to its first gate.
   */
  onGateStart?: (gate: GateName, msSinceStart: number) => void;
}

export interface RunResult {
  report: Report;
  /** Where the rules gate's time went (`--time`); empty when it did not run. */
  timings: Timing[];
  /** Secret values found in the source: every output must be redacted with these (and masked in Actions). */
  secrets: Set<string>;
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
  // how many threads check the syntax beside the rules (DJANGO_LAUNCH_GATE_WORKERS; a bad value is exit 2 before any work)
  const syntaxWorkers = workersFromEnv(options.env);
  const gates = options.gates ?? config.gates ?? ['rules'];
  for (const g of gates) if (!AVAILABLE_GATES.includes(g)) parseGates(g);
  const failOn = options.failOn ?? config.failOn ?? 'error';
  const settingsModule = options.settingsModule || config.settingsModule;

  let changes: Changes | undefined;
  try {
    changes = options.baseRef ? addedSince(root, options.baseRef, !options.baseRefDefault) : undefined;
  } catch (e) {
    if (e instanceof BaseRefError) throw new UsageError(e.message, e.hint);
    throw e;
  }
  let ctx: ScanContext;
  try {
    ctx = scan(root, {
      settingsModule,
      env: options.env ?? process.env,
      ...(changes && 'added' in changes ? { newFiles: changes.added } : {}),
      ...(changes && 'unavailable' in changes ? { baseUnavailable: changes.unavailable } : {}),
      exclude: config.exclude,
      productionSettings: config.productionSettings,
      devSettings: config.devSettings,
    });
  } catch (e) {
    if (e instanceof ScanInputError) throw new UsageError(`${e.message} — ${e.hint ?? (settingsModule ? 'check the settings module name' : 'point the path at your project, or name the settings module with --settings / settings-module')}`);
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
  let rulesGate: RulesGateResult | undefined;
  if (gates.includes('rules')) {
    options.onGateStart?.('rules', performance.now());
    rulesGate = await runRulesReleasing(ctx, rules, { workers: syntaxWorkers });
    if (changes && rulesGate.gate.status !== 'error') {
      const n = 'added' in changes ? changes.added.size : 0;
      rulesGate.gate.detail = `${rulesGate.gate.detail ?? ''}; base ref ${changes.base}: ${'added' in changes ? `${n} file${n === 1 ? '' : 's'} added since` : 'not in this clone'}`;
    }
    results.push(rulesGate.gate);
    findings = [...rulesGate.gate.findings];
  }
  const runtime = gates.filter((g) => g !== 'rules');
  if (runtime.length) {
    // Imported here: a run of the rules gate alone never loads the runtime gates' code (start-up, issue 10).
    const { RUNTIME_GATES } = await import('./gates/index');
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
          options.onGateStart?.(name, started);
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
  const reportRules = [...rules.map((r) => r.meta), ...RUNTIME_RULES];
  if (runtime.length) findings = dedupeAcrossGates(results, findings, ctx, reportRules);
  if (runtime.length) proxyHandled(findings, ctx);
  findings = dedupe(findings).sort(compareFindings);
  // The config's levels, then inline suppressions, then the rules that review them (src/suppressions.ts).
  const touched = new Set<Finding>(applyLevels(findings, config.level, reportRules));
  const comments = suppressionsOf(ctx, findings, readTextUnder(root));
  applySuppressions(findings, comments);
  for (const f of findings) if (f.suppression) touched.add(f);
  if (rulesGate) {
    const failed = rulesGate.failed;
    const staticRan = new Set(rules.map((r) => r.meta.id).filter((id) => !failed.includes(id)));
    const reviewed = reviewRules(ctx, rules, rulesGate, runReview(findings, comments, ranOf(staticRan, results)));
    for (const f of applyLevels(reviewed, config.level, reportRules)) touched.add(f);
    findings = [...findings, ...reviewed].sort(compareFindings);
  }
  settleGates(results, touched);
  const checklist = checklistStatus({
    staticRules: RULES.map((r) => r.meta),
    enabled: new Set(rules.map((r) => r.meta.id)),
    rulesGate,
    gates: results,
    findings,
    reportRules,
  });
  const report: Report = {
    tool: { ...TOOL },
    root,
    projects: ctx.projects.map((p) => p.info),
    gates: results,
    findings,
    rules: reportRules,
    checklist,
    failOn,
  };
  if (options.files) {
    const settings = ctx.projects.map((p) => ({ chain: p.production?.files ?? [], evidence: p.production ? p.info.evidence?.file : undefined }));
    return { report: scopeReport(report, fileScope(options.files, settings)), secrets: ctx.secrets, timings: rulesGate?.timings ?? [] };
  }
  return { report, secrets: ctx.secrets, timings: rulesGate?.timings ?? [] };
}

/**
 * One finding, not two: a runtime finding whose Django check ID is one the rule of a rules finding covers
 * (RuleMeta.djangoCheck / djangoChecks) about the same project's production settings (same file, or files of
 * the same settings chain) is dropped — the static one stays, with its line and fix. The gate's own findings
 * list drops it too, and its detail gets a line saying how many.
 */
export function dedupeAcrossGates(results: GateResult[], findings: Finding[], ctx: ScanContext, rules: readonly RuleMeta[]): Finding[] {
  const chainOf = (file: string): string => {
    const p = ctx.projects.find((x) => x.production?.files.includes(file));
    return p ? `project:${p.root}` : `file:${file}`;
  };
  const flagged = new Set<string>();
  for (const f of findings) {
    if (f.gate !== 'rules') continue;
    const rule = rules.find((r) => r.id === f.ruleId);
    const checks = new Set([...(rule ? djangoChecksOf(rule) : []), ...(f.djangoCheck ? [f.djangoCheck] : [])]);
    for (const c of checks) flagged.add(`${c}\0${chainOf(f.location.file)}`);
  }
  if (flagged.size === 0) return findings;
  const dup = (f: Finding): boolean => f.gate !== 'rules' && flagged.has(`${f.ruleId}\0${chainOf(f.location.file)}`);
  for (const g of results) {
    if (g.gate === 'rules') continue;
    const kept = g.findings.filter((f) => !dup(f));
    const dropped = g.findings.length - kept.length;
    if (dropped) {
      g.findings = kept;
      g.detail = `${g.detail ? `${g.detail}\n` : ''}${dropped} also found by the rules gate, reported once there`;
    }
  }
  return findings.filter((f) => !dup(f));
}

/** Django's checks that a reverse proxy answers in Django's place (HSTS header, HTTP → HTTPS redirect, framing, nosniff). */
const PROXY_CHECKS: Record<string, { fact: keyof ProxyHttps; what: string }> = {
  'security.W004': { fact: 'hsts', what: 'sends Strict-Transport-Security' },
  'security.W008': { fact: 'redirect', what: 'redirects HTTP to HTTPS' },
  // XFrameOptionsMiddleware missing, X_FRAME_OPTIONS not DENY: the proxy's header is the page's framing policy
  'security.W002': { fact: 'frameOptions', what: 'forbids framing by other sites' },
  'security.W019': { fact: 'frameOptions', what: 'forbids framing by other sites' },
  'security.W006': { fact: 'nosniff', what: 'sends X-Content-Type-Options: nosniff' },
};

/**
 * A runtime finding Django's check --deploy makes about HSTS, the SSL redirect, X-Frame-Options or nosniff, in a
 * project whose own production proxy config does it (src/project/proxy.ts), becomes a note saying so — as the
 * rules gate (launch.W101/W104/W107/W108) does not report it at all. Mutates the findings (shared with their
 * gate's list).
 */
export function proxyHandled(findings: Finding[], ctx: ScanContext): void {
  for (const f of findings) {
    const check = PROXY_CHECKS[f.ruleId];
    if (!check || f.gate === 'rules' || f.level === 'note') continue;
    const project = ctx.projects.find((p) => p.production?.files.includes(f.location.file));
    const fact = project ? proxyHttps(ctx, project)[check.fact].find((x) => !x.when) : undefined;
    if (!fact) continue;
    f.level = 'note';
    f.message = `${f.message.replace(/\.$/, '')} — the project's proxy ${check.what} (${fact.what}, ${fact.location.file}:${fact.location.line}).`;
  }
}

/**
 * The config's `level` table: a rule's findings at the rule's own level are reported at the configured one
 * instead; a finding the rule itself made lower (a note it cannot confirm, a check silenced by
 * SILENCED_SYSTEM_CHECKS) is never raised by it. Findings under a Django check ID take the configured level.
 * Mutates the findings (shared with their gate's list); returns those it changed.
 */
export function applyLevels(findings: readonly Finding[], levels: Readonly<Record<string, Level>>, rules: readonly RuleMeta[]): Finding[] {
  const changed: Finding[] = [];
  for (const f of findings) {
    const want = levels[f.ruleId];
    if (!want || f.level === want) continue;
    const own = rules.find((r) => r.id === f.ruleId)?.level;
    if (own && f.level !== own && rank(want) > rank(f.level)) continue;
    f.level = want;
    changed.push(f);
  }
  return changed;
}

/**
 * A gate whose findings the config's levels or inline suppressions changed: it failed only if a finding above
 * note level still counts, and its detail says how many of its findings are suppressed.
 */
function settleGates(gates: GateResult[], touched: ReadonlySet<Finding>): void {
  for (const g of gates) {
    if (!g.findings.some((f) => touched.has(f))) continue;
    const n = suppressedCount(g.findings);
    if (n) g.detail = `${g.detail ? `${g.detail}\n` : ''}${n} finding${n === 1 ? '' : 's'} suppressed in source`;
    if (g.status === 'passed' || g.status === 'failed') g.status = g.findings.some((f) => !f.suppression && f.level !== 'note') ? 'failed' : 'passed';
  }
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

/** Exit code for a finished run: 2 if a gate could not run, 1 if findings block the launch, else 0. */
export function exitCodeFor(report: Report, failOn: FailOn): number {
  if (report.gates.some((g) => g.status === 'error')) return 2;
  return launchBlocked(report.findings, failOn) ? 1 : 0;
}
