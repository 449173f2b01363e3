/**
 * Runtime gates: they run the user's Django (check --deploy, tests, migrations, collectstatic) and turn
 * what it says into Findings. Like rules, they know nothing of SARIF, GitHub or the terminal.
 */
import { oneLine } from '../errors';
import type { Finding, GateName, GateResult } from '../finding';
import type { ScanContext, ScannedProject } from '../project/scan';

export interface RuntimeOptions {
  /** Python interpreter (default `python` on PATH, as actions/setup-python leaves it). */
  python: string;
  /** The environment the user's Django runs with: process env plus `extraEnv`. */
  env: Record<string, string | undefined>;
  /** `KEY=VALUE` pairs from the env input/--env, already parsed. */
  extraEnv: Record<string, string>;
  /** Per-gate time limit (timeout-minutes input); a gate past it is killed and reported as an error. */
  timeoutMs: number;
  /** Overrides the detected test runner (test-command input). */
  testCommand?: string;
  /** Existing database (staging): migrations run `migrate --check` only against it. */
  databaseUrl?: string;
  /** Run the test suite in parallel (manage.py test --parallel / pytest -n auto when available). */
  parallel?: boolean;
}

/**
 * Things several gates share, created once per run on first use and closed after every gate finished
 * (also on failure and Ctrl-C): the Python/Django probe per project, the throwaway PostgreSQL server.
 */
export interface Resources {
  /** Memoised per key: the first caller creates, later callers await the same promise. */
  once<T>(key: string, create: () => Promise<T>, close?: (value: T) => Promise<void> | void): Promise<T>;
}

export interface GateContext {
  scan: ScanContext;
  options: RuntimeOptions;
  resources: Resources;
  /** Aborted on Ctrl-C / SIGTERM: kill child processes and return. */
  signal: AbortSignal;
}

export interface RuntimeGate {
  name: GateName;
  run(ctx: GateContext): Promise<GateResult>;
}

/** A Resources implementation; `closeAll` runs every close hook (in reverse order), never throwing. */
export class SharedResources implements Resources {
  private readonly values = new Map<string, Promise<unknown>>();
  private readonly closers: Array<() => Promise<void>> = [];

  once<T>(key: string, create: () => Promise<T>, close?: (value: T) => Promise<void> | void): Promise<T> {
    let p = this.values.get(key) as Promise<T> | undefined;
    if (!p) {
      p = create();
      this.values.set(key, p);
      if (close) {
        const made = p;
        this.closers.push(async () => {
          try {
            await close(await made);
          } catch {
            // creation failed (nothing to close) or closing failed: never mask the gate results
          }
        });
      }
    }
    return p;
  }

  async closeAll(): Promise<void> {
    for (const c of this.closers.reverse()) await c();
    this.closers.length = 0;
  }
}

/** A gate result for a gate that threw: an error of the gate, never "passed"; its detail one line. */
export function gateError(gate: GateName, started: number, err: unknown): GateResult {
  const message = err instanceof Error ? err.message : String(err);
  return { gate, status: 'error', durationMs: performance.now() - started, detail: oneLine(message.split('\n').slice(0, 12).join('\n')), findings: [] };
}


/** What a gate found for one project. */
export interface ProjectOutcome {
  findings: Finding[];
  /** One line for the gate's detail ('' when there is nothing to add, e.g. beside an error). */
  detail: string;
  /** The project could not be checked: the gate is an error, with this text first in its detail. */
  error?: string;
  /** Nothing ran for the project (no database, nothing to run): not a pass. */
  skipped?: boolean;
}

export interface PerProjectOptions {
  /** The gate's detail when no project qualifies (status skipped). */
  none: string;
  /** The projects the gate runs for; default: those with production settings. */
  projects?: (project: ScannedProject) => boolean;
  /** Runs once, before the projects, when at least one qualifies; a string skips the whole gate with it as detail. */
  prepare?: () => Promise<string | undefined>;
  /** `all` (default): skipped when every project was; `any`: when one was (the gate must not pass in part). */
  skippedWhen?: 'all' | 'any';
}

/**
 * A gate that checks each project on its own, concurrently: `perProject` for every qualifying project (index
 * from 1), its throw an error of that project, then one GateResult — error when any project could not be
 * checked (errors first in the detail), failed on a finding above note level, skipped (see `skippedWhen`),
 * else passed. The detail has one line per project (each error or detail made one line), '\n' between.
 */
export async function runPerProject(
  gate: GateName,
  ctx: GateContext,
  perProject: (project: ScannedProject, index: number) => Promise<ProjectOutcome>,
  options: PerProjectOptions,
): Promise<GateResult> {
  const started = performance.now();
  const result = (status: GateResult['status'], detail: string, findings: Finding[] = []): GateResult => ({
    gate,
    status,
    durationMs: performance.now() - started,
    detail,
    findings,
  });
  const qualifying = ctx.scan.projects.filter(options.projects ?? ((p) => Boolean(p.production)));
  // Production settings the scan could not read (launch.E002) would not import under Django either: the
  // gate does not run for that project, and says so (the error finding already blocks the launch).
  const unreadable = qualifying.filter((p) => p.production?.unreadable.length);
  const notRun = unreadable.map((p) => `${p.production!.module}${p.root ? ` (${p.root})` : ''}: not run — its production settings could not be read (launch.E002)`);
  const projects = qualifying.filter((p) => !unreadable.includes(p));
  if (projects.length === 0) return result('skipped', notRun.length ? notRun.join('\n') : options.none);
  const skip = await options.prepare?.();
  if (skip !== undefined) return result('skipped', skip);
  const outcomes = await Promise.all(
    projects.map((p, i) =>
      perProject(p, i + 1).catch((e: unknown): ProjectOutcome => ({ findings: [], detail: '', error: e instanceof Error ? e.message : String(e) })),
    ),
  );
  const findings = outcomes.flatMap((o) => o.findings);
  // One line per project that could not be checked, named when several projects are; the same cause in every
  // project (an interpreter that does not exist) is said once.
  const failedProjects = projects.flatMap((p, i) => (outcomes[i].error ? [{ p, error: oneLine(outcomes[i].error!) }] : []));
  const distinct = [...new Set(failedProjects.map((x) => x.error))];
  const errors = projects.length > 1 && distinct.length > 1 ? failedProjects.map(({ p, error }) => `${p.production?.module ?? 'project'}${p.root ? ` (${p.root})` : ''}: ${error}`) : distinct;
  const details = [...outcomes.map((o) => oneLine(o.detail)).filter(Boolean), ...notRun];
  if (errors.length) return result('error', [...errors, ...details].join('\n'), findings);
  const detail = details.join('\n');
  if (findings.some((f) => f.level !== 'note')) return result('failed', detail, findings);
  const skipped = options.skippedWhen === 'any' ? outcomes.some((o) => o.skipped) : outcomes.every((o) => o.skipped);
  return result(skipped ? 'skipped' : 'passed', detail, findings);
}
