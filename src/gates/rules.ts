/**
 * `rules`: every static rule over the scanned project, in process — no Python, no Django. Like the runtime
 * gates it returns a GateResult with its findings (gate `rules`); beside it, what the checklist needs: the
 * rules that had nothing to look at (with why) and the rules that failed.
 *
 * A Django check the production settings silence (SILENCED_SYSTEM_CHECKS) silences the rule that carries it
 * there too: its findings become notes saying so, as deploy-checks reports Django's own silenced checks.
 */
import { djangoChecksOf, type Finding, type GateResult, type RuleMeta } from '../finding';
import type { ScanContext, ScannedProject } from '../project/scan';
import { READS_KINDS, type ReadsKind, type Rule, type RuleHit, type RunReview } from '../rules/rule';
import type { SourceFile } from '../project/workspace';
import { release } from '../project/memory';
import { shortcuts } from '../project/shortcuts';
import { migrationAppBatches } from '../project/migrations';
import { fileBatches } from '../project/files';
import { prepareViews } from '../project/views';
import { parsedChars } from '../project/python';

export interface RulesGateResult {
  gate: GateResult;
  /** Rule ID → why it had nothing to look at (only rules without hits). */
  notApplicable: Map<string, string>;
  /** IDs of the rules that threw: what they check was not checked. */
  failed: string[];
  /** Rule ID → why it could not decide (a setting it reads is unknown in production): not checked, not passed. */
  undecided: Map<string, string>;
  /** Where the gate's time went: each rule's checks, and the gate's own steps (`--time`). */
  timings: Timing[];
}

/**
 * A rule's time over the gate's batches, or one of the gate's own steps (the view index, the syntax check of the
 * files no rule parsed, letting go of trees between batches): wall milliseconds, source characters it parsed
 * (a tree another rule of its batch had parsed is not counted again), and how many times it ran.
 */
export interface Timing {
  what: string;
  ms: number;
  parsedChars: number;
  runs: number;
}

type Timings = Map<string, Timing>;

/** Adds one run of `what`, started at `t0` having parsed `p0` characters, to `timings` (in first-run order). */
function took(timings: Timings, what: string, t0: number, p0: number): void {
  const t = timings.get(what) ?? { what, ms: 0, parsedChars: 0, runs: 0 };
  t.ms += performance.now() - t0;
  t.parsedChars += parsedChars() - p0;
  t.runs++;
  timings.set(what, t);
}

/** fn, its time and the source it parsed added to `timings` as one run of `what`. */
async function timed<T>(timings: Timings, what: string, fn: () => T | Promise<T>): Promise<T> {
  const t0 = performance.now();
  const p0 = parsedChars();
  try {
    return await fn();
  } finally {
    took(timings, what, t0, p0);
  }
}

/** What one rule's check came to. */
interface Outcome {
  findings: Finding[];
  silenced: number;
  notApplicable?: string;
  /** Why the rule could not decide, as it said itself (undecidedBy adds the settings' reason, once summed). */
  undecided?: string;
  /** RuleResult.decidedFor. */
  decidedFor: string[];
  error?: string;
}

function runRule(ctx: ScanContext, rule: Rule, timings: Timings): Outcome {
  const t0 = performance.now();
  const p0 = parsedChars();
  try {
    return checked(ctx, rule);
  } finally {
    took(timings, rule.meta.id, t0, p0);
  }
}

function checked(ctx: ScanContext, rule: Rule): Outcome {
  try {
    const res = rule.check(ctx);
    const findings: Finding[] = [];
    let silenced = 0;
    for (const h of res.hits) {
      const f = toFinding(rule.meta, h);
      const by = silencedBy(ctx, f, h.djangoCheck ? [h.djangoCheck] : djangoChecksOf(rule.meta));
      if (by) {
        f.level = 'note';
        f.message = `${f.message} (silenced by SILENCED_SYSTEM_CHECKS in ${by})`;
        silenced++;
      }
      findings.push(f);
    }
    return {
      findings,
      silenced,
      decidedFor: res.decidedFor ?? [],
      ...(res.notApplicable !== undefined && res.hits.length === 0 ? { notApplicable: res.notApplicable } : {}),
      ...(res.undecided ? { undecided: res.undecided } : {}),
    };
  } catch (e) {
    return { findings: [], silenced: 0, decidedFor: [], error: `rule ${rule.meta.id} failed: ${(e as Error).message}` };
  }
}

/** A rule's whole outcome: when it did not say why it could not decide, whether a setting it reads kept it from deciding. */
function settled(ctx: ScanContext, rule: Rule, o: Outcome): Outcome {
  if (o.error !== undefined || o.undecided) return o;
  const why = undecidedBy(ctx, rule.meta, o.findings, o.decidedFor);
  return why ? { ...o, undecided: why } : o;
}

export function runRules(ctx: ScanContext, rules: readonly Rule[]): RulesGateResult {
  const started = performance.now();
  const timings: Timings = new Map();
  return gateOf(ctx, rules, rules.map((rule) => settled(ctx, rule, runRule(ctx, rule, timings))), started, timings);
}

/**
 * The rules gate as the CLI and the action run it: the same rules and the same result as runRules, in an
 * order that keeps memory down. The rules run grouped by the kind of file they parse (Rule.reads: the
 * settings-and-deploy rules first, then models, views, migrations), and between groups the trees are let go
 * (Workspace.releaseTrees, src/project/memory.ts): each group sees a fresh copy of the ScanContext, so the
 * indexes the rules cache per context (views, imports, migration histories), which hold syntax nodes, go with
 * it. A tree a later group needs is parsed again, to the same tree. launch.I001's syntax check of every
 * Python file comes last, on the files no rule parsed, without keeping their trees. Only the order in which
 * things are found differs; reports sort their findings. With the shortcuts off (src/project/shortcuts.ts)
 * this is runRules.
 */
export async function runRulesReleasing(ctx: ScanContext, rules: readonly Rule[], options: { workers?: number | 'auto' } = {}): Promise<RulesGateResult> {
  if (!shortcuts.on) return runRules(ctx, rules);
  const started = performance.now();
  const last = (r: Rule) => r.meta.id === SYNTAX_RULE;
  const outcomes: Outcome[] = new Array(rules.length);
  const timings: Timings = new Map();
  // launch.I001's syntax check starts now in worker threads, beside the rules (src/project/syntax-pool.ts)
  if (rules.some(last)) ctx.workspace.startSyntaxWorkers(options.workers ?? 'auto');
  const groups: Array<Array<number>> = [[], ...READS_KINDS.map(() => [])];
  rules.forEach((rule, i) => {
    if (!last(rule)) groups[rule.reads ? READS_KINDS.indexOf(rule.reads) + 1 : 0].push(i);
  });
  // the view index as facts, built a few files at a time before any rule asks for it (prepareViews)
  if (rules.some((r) => r.reads === 'views')) await timed(timings, VIEW_INDEX, () => prepareViews(ctx));
  for (const [g, group] of groups.entries()) {
    if (!group.length) continue;
    const batches = batchesOf(ctx, rules, READS_KINDS[g - 1], group);
    await runInBatches(ctx, rules, group, batches.length > 1 ? batches : [{}], outcomes, timings);
  }
  if (rules.some(last)) {
    const workers = await timed(timings, SYNTAX_CHECK, () => ctx.workspace.checkSyntaxOfAll());
    if (workers) {
      // the workers' own time, spent while the rules ran: the rows no longer add up to the gate's wall time
      const failed = workers.failures.length ? `; ${workers.failures.length} stopped early (${workers.failures[0].slice(0, 120)}), the main thread checked their files` : '';
      timings.set(SYNTAX_WORKERS, {
        what: `${SYNTAX_WORKERS} (${workers.workers} thread${workers.workers === 1 ? '' : 's'}, beside the rules; their seconds added up${failed})`,
        ms: workers.reports.reduce((n, r) => n + r.ms, 0),
        parsedChars: workers.reports.reduce((n, r) => n + r.parsedChars, 0),
        runs: workers.workers,
      });
    }
    rules.forEach((rule, i) => {
      if (last(rule)) outcomes[i] = settled(ctx, rule, runRule(ctx, rule, timings));
    });
  }
  return gateOf(ctx, rules, outcomes, started, timings);
}

/** Runs the rules at `group` on their own copy of the context, which is unreachable once this returns. */
function runGroup(own: ScanContext, rules: readonly Rule[], group: readonly number[], outcomes: Outcome[], timings: Timings): void {
  for (const i of group) outcomes[i] = runRule(own, rules[i], timings);
}

/** What a batch of a group's rules runs on: a batch of apps or of files; {} for everything. */
type Batch = Pick<ScanContext, 'migrationApps' | 'fileBatch' | 'batchShared'>;

/**
 * The batches a group of rules (of kind `kind`; undefined for the settings and deploy rules) runs in: the migration
 * rules a batch of apps, a kind whose every rule reports file by file (Rule.batchWeight) a batch of files, the
 * others none (one run over everything).
 */
function batchesOf(ctx: ScanContext, rules: readonly Rule[], kind: ReadsKind | undefined, group: readonly number[]): Batch[] {
  if (kind === 'migrations') return migrationAppBatches(ctx, shortcuts.migrationBatchChars).map((apps) => ({ migrationApps: apps }));
  if (!kind || !group.every((i) => rules[i].batchWeight)) return [];
  const weight = (f: SourceFile) => Math.max(...group.map((i) => rules[i].batchWeight!(f)));
  return fileBatches(ctx, weight, shortcuts.fileBatchChars).map((files) => ({ fileBatch: files }));
}

/**
 * A group's rules once per batch — for the migration rules a batch of apps (migrationAppBatches,
 * ScanContext.migrationApps), for a group whose rules all report file by file (Rule.batchWeight) a batch of files
 * (fileBatches, ScanContext.fileBatch), for the others one batch of everything — each batch's trees let go
 * before the next. A project's migrations are the most source any group parses (the 1 M-line monolith's 3,699), and each
 * app's are read on their own: its history, its label. A rule's outcome is the sum of its batches' — their
 * findings, in order; not applicable only when no batch had anything to judge; an error when one batch's check
 * threw (the sum of one batch is that batch's outcome).
 */
async function runInBatches(ctx: ScanContext, rules: readonly Rule[], group: readonly number[], batches: readonly Batch[], outcomes: Outcome[], timings: Timings): Promise<void> {
  const parts: Outcome[][] = group.map(() => []);
  const batchShared = new Map<string, unknown>();
  for (const batch of batches) {
    const part: Outcome[] = new Array(rules.length);
    runGroup({ ...ctx, ...batch, ...(batches.length > 1 ? { batchShared } : {}) }, rules, group, part, timings);
    group.forEach((i, k) => parts[k].push(part[i]));
    ctx.workspace.releaseTrees();
    await timed(timings, RELEASE, release);
  }
  group.forEach((i, k) => (outcomes[i] = settled(ctx, rules[i], sumOf(parts[k]))));
}

function sumOf(parts: readonly Outcome[]): Outcome {
  const error = parts.find((o) => o.error !== undefined)?.error;
  if (error !== undefined) return { findings: [], silenced: 0, decidedFor: [], error };
  const notApplicable = parts.every((o) => o.notApplicable !== undefined) ? parts[0].notApplicable : undefined;
  const undecided = parts.find((o) => o.undecided)?.undecided;
  return {
    findings: parts.flatMap((o) => o.findings),
    silenced: parts.reduce((n, o) => n + o.silenced, 0),
    decidedFor: [...new Set(parts.flatMap((o) => o.decidedFor))],
    ...(notApplicable !== undefined ? { notApplicable } : {}),
    ...(undecided ? { undecided } : {}),
  };
}

/** `; 2 files and 1 folder git ignores (untracked) not read`, or '' when the walk skipped nothing for git. */
function ignoredNote({ files, folders }: { files: number; folders: number }): string {
  const parts = [files ? `${files} file${files === 1 ? '' : 's'}` : '', folders ? `${folders} folder${folders === 1 ? '' : 's'}` : ''].filter(Boolean);
  return parts.length ? `; ${parts.join(' and ')} git ignores (untracked) not read` : '';
}

/** launch.I001 (file-unscannable): its check parses every Python file for its syntax error. */
const SYNTAX_RULE = 'launch.I001';
/** The gate's own steps, as its timings name them. */
const VIEW_INDEX = 'view index (the views every URLconf routes to)';
const SYNTAX_CHECK = 'syntax check of the files no rule parsed (launch.I001)';
const SYNTAX_WORKERS = 'syntax check in worker threads (launch.I001)';
const RELEASE = 'letting go of trees between batches (garbage collection)';

function gateOf(ctx: ScanContext, rules: readonly Rule[], outcomes: readonly Outcome[], started: number, timings: Timings): RulesGateResult {
  const findings: Finding[] = [];
  const errors: string[] = [];
  const failed: string[] = [];
  const notApplicable = new Map<string, string>();
  const undecided = new Map<string, string>();
  let silenced = 0;
  rules.forEach((rule, i) => {
    const o = outcomes[i];
    if (o.error !== undefined) {
      failed.push(rule.meta.id);
      errors.push(o.error);
      return;
    }
    silenced += o.silenced;
    if (o.notApplicable !== undefined) notApplicable.set(rule.meta.id, o.notApplicable);
    if (o.undecided) undecided.set(rule.meta.id, o.undecided);
    findings.push(...o.findings);
  });
  const durationMs = performance.now() - started;
  const files = ctx.workspace.pythonFiles().length + ctx.workspace.deployFiles().length;
  const n = ctx.projects.length;
  const gate: GateResult = errors.length
    ? { gate: 'rules', status: 'error', durationMs, detail: errors.join('\n'), findings }
    : {
        gate: 'rules',
        status: findings.some((f) => f.level !== 'note') ? 'failed' : 'passed',
        durationMs,
        detail: `${rules.length} rules over ${files} files in ${n} project${n === 1 ? '' : 's'}${ignoredNote(ctx.workspace.gitIgnoredSkipped)}${silenced ? `; ${silenced} finding${silenced === 1 ? '' : 's'} silenced by SILENCED_SYSTEM_CHECKS` : ''}`,
        findings,
      };
  return { gate, notApplicable, failed, undecided, timings: [...timings.values()] };
}

/**
 * The rules gate's second pass, after every other gate (src/run.ts): the rules that review the run
 * (Rule.review — inline suppressions without a reason or that suppress nothing). Their findings join the gate's
 * and are returned; a review that throws fails its rule and errors the gate, as a check that throws does.
 */
export function reviewRules(ctx: ScanContext, rules: readonly Rule[], result: RulesGateResult, run: RunReview): Finding[] {
  const out: Finding[] = [];
  for (const rule of rules) {
    if (!rule.review || result.failed.includes(rule.meta.id)) continue;
    try {
      const mine = rule.review(ctx, run).map((h) => toFinding(rule.meta, h));
      if (mine.length) result.notApplicable.delete(rule.meta.id);
      out.push(...mine);
    } catch (e) {
      result.failed.push(rule.meta.id);
      const line = `rule ${rule.meta.id} failed: ${(e as Error).message}`;
      result.gate.detail = result.gate.status === 'error' ? `${result.gate.detail ?? ''}\n${line}` : line;
      result.gate.status = 'error';
    }
  }
  result.gate.findings.push(...out);
  return out;
}

/**
 * Why a settings rule could not decide for some project it reported nothing on: a setting it reads is
 * unknown in the production default (not computable), may be set by code the scan cannot follow, or the
 * project's production settings were not judged at all. undefined when it decided everywhere.
 */
export function undecidedBy(ctx: ScanContext, meta: RuleMeta, hits: readonly Finding[], decidedFor: readonly string[] = []): string | undefined {
  if (!meta.settings?.length) return undefined;
  for (const p of ctx.projects) {
    if (p.development || decidedFor.includes(p.root)) continue;
    const s = p.production;
    if (!s) {
      if (p.info.status === 'missing') return `no production settings were judged for project ${p.root || '.'}`;
      continue;
    }
    if (hits.some((h) => s.files.includes(h.location.file))) continue;
    for (const name of meta.settings) {
      const b = s.bindings.get(name);
      if (b && b.unset.kind === 'unknown') {
        const dyn = s.dynamic.find((d) => d.overrides && d.location.file === b.location.file && d.location.line >= b.location.line) ?? s.dynamic.find((d) => d.overrides);
        return dyn
          ? `${name} may be set by code the scan cannot follow (${dyn.location.file}:${dyn.location.line})`
          : `${name} cannot be computed statically (${b.location.file}:${b.location.line})`;
      }
      if (!b && (s.dynamic.length || s.unreadable.length)) {
        const d = s.unreadable[0]?.location ?? s.dynamic[0].location;
        return `${name} may be set by code the scan cannot follow (${d.file}:${d.line})`;
      }
    }
  }
  return undefined;
}

function toFinding(meta: RuleMeta, h: RuleHit): Finding {
  const checks = djangoChecksOf(meta);
  if (h.djangoCheck !== undefined && !checks.includes(h.djangoCheck)) {
    throw new Error(`a hit names Django check ${h.djangoCheck}, which the rule does not declare (djangoCheck / djangoChecks)`);
  }
  const djangoCheck = h.djangoCheck ?? meta.djangoCheck;
  return {
    ruleId: meta.id,
    gate: 'rules',
    level: h.level ?? meta.level,
    message: h.message,
    location: h.location,
    ...(djangoCheck ? { djangoCheck } : {}),
    ...(h.fix ? { fix: h.fix } : {}),
    ...(h.related?.length ? { related: h.related } : {}),
  };
}

/**
 * The production settings module that silences one of `checks` for this finding, or undefined. The finding
 * belongs to the projects whose production settings chain holds its file; every one of them must silence
 * the check. SILENCED_SYSTEM_CHECKS must hold the ID in both worlds; anything unknown is not silenced.
 */
export function silencedBy(ctx: ScanContext, finding: Finding, checks: readonly string[]): string | undefined {
  if (checks.length === 0) return undefined;
  const owners = ctx.projects.filter((p) => p.production?.files.includes(finding.location.file));
  if (owners.length === 0) return undefined;
  for (const p of owners) {
    const silenced = silencedChecks(p);
    if (!checks.some((c) => silenced.has(c))) return undefined;
  }
  return owners[0].production!.module;
}

/** The check IDs a project's production settings certainly silence (in both worlds). */
export function silencedChecks(project: ScannedProject): Set<string> {
  const b = project.production?.bindings.get('SILENCED_SYSTEM_CHECKS');
  if (!b) return new Set();
  // each value the world may have: the known one, or — where undecided paths set it apart (bugsink's
  // `else: SILENCED_SYSTEM_CHECKS += [...]`) — every alternative; a check counts when all of them hold it
  const known = (w: 'unset' | 'set'): Set<string> => {
    const values = b.alternatives?.[w] ?? (b[w].kind === 'list' ? [b[w]] : []);
    const sets = values.map((v) => new Set(v.kind === 'list' ? v.items.flatMap((i) => (i.kind === 'str' ? [i.value] : [])) : []));
    if (sets.length === 0) return new Set();
    return new Set([...sets[0]].filter((c) => sets.every((x) => x.has(c))));
  };
  const unset = known('unset');
  return new Set([...known('set')].filter((c) => unset.has(c)));
}
