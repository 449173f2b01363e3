/**
 * Runtime gates: they run the user's Django (check --deploy, tests, migrations, collectstatic) and turn
 * what it says into Findings. Like rules, they know nothing of SARIF, GitHub or the terminal.
 */
import type { GateName, GateResult } from '../finding';
import type { ScanContext } from '../project/scan';

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

/** A gate result for a gate that threw: an error of the gate, never "passed". */
export function gateError(gate: GateName, started: number, err: unknown): GateResult {
  const message = err instanceof Error ? err.message : String(err);
  return { gate, status: 'error', durationMs: performance.now() - started, detail: message.split('\n').slice(0, 12).join('\n'), findings: [] };
}
