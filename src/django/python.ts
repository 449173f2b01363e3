/**
 * Running the user's Python: `runPython` (any script/arguments, never throws for a non-zero exit) and the
 * JSON helper `helper.py` shipped next to the bundle (`probe`, `checks`, `collectstatic` subcommands).
 *
 * helper.py is found in two layouts, relative to this module's URL (like src/rules/docs.ts):
 *  - the ncc bundle `dist/index.js`, with the helper copied to `dist/django/helper.py` by scripts/bundle.mjs;
 *  - the sources (`src/django/python.ts` run by vitest), with the helper next to this file.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { isAbsolute, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ScannedProject } from '../project/scan';
import type { GateContext } from '../gates/gate';
import { connectionEnv, DATABASE_ENV_NAMES } from './connection';

export interface RunPythonOptions {
  /** Interpreter: a path or a name looked up on PATH (of `env.PATH`). */
  python: string;
  cwd: string;
  /** The complete environment of the child (not merged with process.env). */
  env: Record<string, string | undefined>;
  args: string[];
  /** Kill the process (group) after this many milliseconds; 0/undefined: no limit. */
  timeoutMs?: number;
  /** Kill the process (group) when aborted. */
  signal?: AbortSignal;
  /** Text written to stdin (then closed); default: stdin is closed at once. */
  input?: string;
}

export interface RunPythonResult {
  /** Exit code; null when killed by a signal or never started. */
  code: number | null;
  stdout: string;
  stderr: string;
  /** Killed because timeoutMs passed. */
  timedOut: boolean;
  /** Killed because the signal aborted. */
  aborted: boolean;
  /** The process could not start (e.g. `ENOENT` for an interpreter not found): the error, else undefined. */
  spawnError?: NodeJS.ErrnoException;
  durationMs: number;
}

/**
 * Runs `python args…` in `cwd` with exactly `env`. Never throws: a missing interpreter is `spawnError`,
 * a non-zero exit is `code`. On timeout or abort the whole process group is killed (SIGTERM, then SIGKILL
 * after 3 s), so test runners' children die too.
 */
export function runPython(opts: RunPythonOptions): Promise<RunPythonResult> {
  const started = performance.now();
  return new Promise((done) => {
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let timedOut = false;
    let aborted = false;
    let spawnError: NodeJS.ErrnoException | undefined;
    let finished = false;
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(opts.env)) if (v !== undefined) env[k] = v;
    env.PYTHONUNBUFFERED = '1';
    env.PYTHONIOENCODING = env.PYTHONIOENCODING || 'utf-8';

    const finish = (code: number | null): void => {
      if (finished) return;
      finished = true;
      if (timer) clearTimeout(timer);
      if (killTimer) clearTimeout(killTimer);
      opts.signal?.removeEventListener('abort', onAbort);
      done({
        code,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        timedOut,
        aborted,
        ...(spawnError ? { spawnError } : {}),
        durationMs: performance.now() - started,
      });
    };

    let timer: NodeJS.Timeout | undefined;
    let killTimer: NodeJS.Timeout | undefined;
    if (opts.signal?.aborted) {
      aborted = true;
      finish(null);
      return;
    }
    let child;
    try {
      child = spawn(opts.python, opts.args, {
        cwd: opts.cwd,
        env,
        detached: process.platform !== 'win32', // own process group: killable as a whole
        stdio: ['pipe', 'pipe', 'pipe'],
        windowsHide: true,
      });
    } catch (e) {
      spawnError = e as NodeJS.ErrnoException;
      finish(null);
      return;
    }
    const killGroup = (sig: NodeJS.Signals): void => {
      if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
      try {
        if (process.platform !== 'win32') process.kill(-child.pid, sig);
        else child.kill(sig);
      } catch {
        try {
          child.kill(sig);
        } catch {
          // already gone
        }
      }
    };
    const stop = (): void => {
      killGroup('SIGTERM');
      killTimer = setTimeout(() => killGroup('SIGKILL'), 3000);
      killTimer.unref?.();
    };
    function onAbort(): void {
      aborted = true;
      stop();
    }
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    if (opts.timeoutMs && opts.timeoutMs > 0) {
      timer = setTimeout(() => {
        timedOut = true;
        stop();
      }, opts.timeoutMs);
    }
    child.stdout!.on('data', (b: Buffer) => out.push(b));
    child.stderr!.on('data', (b: Buffer) => err.push(b));
    child.stdin!.on('error', () => {
      // the child exited before reading its input: its exit status tells the story
    });
    child.stdin!.end(opts.input ?? '');
    child.on('error', (e: NodeJS.ErrnoException) => {
      spawnError = e;
      finish(null);
    });
    child.on('close', (code) => {
      // Leftover grandchildren (a test runner's workers) must not outlive a killed run.
      if (timedOut || aborted) killGroup('SIGKILL');
      finish(code);
    });
  });
}

const shipped = new Map<string, string>();

/**
 * Absolute path of a Python script shipped with the action (`helper.py`, `db_helper.py`): bundle:
 * dist/django/<name>; sources: src/django/<name>, next to this module.
 */
export function shippedScript(name: string): string {
  const known = shipped.get(name);
  if (known) return known;
  // Candidates as plain strings (no literal in `new URL`): ncc must not take the scripts for assets.
  const candidates = ['./django/', './'].map((dir) => dir + name);
  for (const c of candidates) {
    const p = fileURLToPath(new URL(c, import.meta.url));
    if (existsSync(p)) {
      shipped.set(name, p);
      return p;
    }
  }
  throw new Error(`${name} not found next to ${fileURLToPath(import.meta.url)} — the bundle is incomplete; rebuild it with npm run bundle`);
}

/** Absolute path of helper.py (bundle: dist/django/helper.py; sources: src/django/helper.py). */
export function helperPath(): string {
  return shippedScript('helper.py');
}

/** What the probe learned about the interpreter, Django and the production settings of one project. */
export interface ProbeInfo {
  /** The interpreter as given (input/option). */
  python: string;
  /** sys.executable as Python reports it. */
  executable: string;
  pythonVersion: string;
  djangoVersion: string;
  /** The settings module actually imported (settings.SETTINGS_MODULE). */
  settingsModule: string;
  /** settings.DEBUG as imported, e.g. `False`. */
  debug: string;
  /** Absolute project root (manage.py folder): the cwd for every run of the user's code. */
  cwd: string;
  /** Environment for every run: options.env + DJANGO_SETTINGS_MODULE (+ PYTHONPATH for a src/ layout). */
  env: Record<string, string | undefined>;
}

export type ProbeResult = { ok: true; info: ProbeInfo } | { ok: false; error: string };

/** The environment and cwd the user's Django runs with for `project` (production settings module). */
/** Database variables naming nowhere (a function: postgres.ts imports this module too). */
export function placeholderDatabaseEnv(): Record<string, string> {
  return connectionEnv({ host: '127.0.0.1', port: 9, user: 'launch_gate', password: '', database: 'launch_gate_no_database' });
}

export function djangoEnv(ctx: GateContext, project: ScannedProject): { cwd: string; env: Record<string, string | undefined> } {
  const cwd = resolve(ctx.scan.root, project.root || '.');
  const env: Record<string, string | undefined> = { ...ctx.options.env };
  if (project.info.settingsModule) env.DJANGO_SETTINGS_MODULE = project.info.settingsModule;
  // Settings often require database variables just to import (os.environ["DATABASE_URL"]). When the environment
  // names no database, the probe, deploy-checks and collectstatic see placeholders pointing at 127.0.0.1:9 where
  // nothing listens (they never connect); tests and migrations replace them with their real database.
  if (!DATABASE_ENV_NAMES.some((n) => env[n])) Object.assign(env, placeholderDatabaseEnv());
  // Settings may live under src/ (src layout) or at the scan root: make those importable as manage.py would not.
  const extra = [cwd, resolve(cwd, 'src'), ctx.scan.root].filter((p, i, a) => a.indexOf(p) === i && existsSync(p));
  const existing = env.PYTHONPATH ? env.PYTHONPATH.split(':').filter(Boolean) : [];
  env.PYTHONPATH = [...existing, ...extra.filter((p) => !existing.includes(p))].join(':');
  return { cwd, env };
}

/** The last `n` non-empty lines of a traceback/stderr, joined with newlines. */
export function lastLines(text: string, n = 6): string {
  return text
    .split(/\r?\n/)
    .filter((l) => l.trim())
    .slice(-n)
    .join('\n');
}

/**
 * A Python traceback as one clause: the exception line (`KeyError: 'DB_PASSWORD'`) and the innermost frame
 * inside the scan root (`at proj/settings.py:12`), where the user's code raised.
 */
export function raised(traceback: string, type: string | undefined, root: string): string {
  const lines = traceback.split(/\r?\n/).filter((l) => l.trim());
  const last = lines.at(-1)?.trim() || type || 'an error';
  let where = '';
  const prefix = root.endsWith(sep) ? root : root + sep;
  for (const l of lines) {
    const m = /^\s*File "([^"]+)", line (\d+)/.exec(l);
    if (m && m[1].startsWith(prefix)) where = `${m[1].slice(prefix.length).split(sep).join('/')}:${m[2]}`;
  }
  return where ? `${last} (at ${where})` : last;
}

/** Marker line before the helper's JSON on stdout: user code (settings) may print to stdout too. */
const JSON_MARK = '@@django-launch-gate-json@@';

export interface HelperRun<T> {
  run: RunPythonResult;
  /** The JSON the helper printed, when it got that far. */
  data?: T;
}

/**
 * Runs `python <script> <args>` with exactly `env` in `cwd` (the run's interpreter, time limit and abort
 * signal); parses the JSON the script prints last, after JSON_MARK.
 */
export async function runJsonScript<T>(
  ctx: GateContext,
  script: string,
  opts: { cwd: string; env: Record<string, string | undefined>; args: string[]; timeoutMs?: number },
): Promise<HelperRun<T>> {
  const run = await runPython({
    python: ctx.options.python,
    cwd: opts.cwd,
    env: opts.env,
    args: [script, ...opts.args],
    timeoutMs: opts.timeoutMs ?? ctx.options.timeoutMs,
    signal: ctx.signal,
  });
  const at = run.stdout.lastIndexOf(JSON_MARK);
  if (at < 0) return { run };
  try {
    return { run, data: JSON.parse(run.stdout.slice(at + JSON_MARK.length)) as T };
  } catch {
    return { run };
  }
}

/** Runs `helper.py <args>` for a project with its Django environment; parses the JSON it prints last. */
export function runHelper<T>(ctx: GateContext, project: ScannedProject, args: string[], extraEnv: Record<string, string> = {}): Promise<HelperRun<T>> {
  const { cwd, env } = djangoEnv(ctx, project);
  return runJsonScript<T>(ctx, helperPath(), { cwd, env: { ...env, ...extraEnv }, args });
}

/** `20 minutes`, `1.5 minutes`, `3 seconds`. */
export function duration(ms: number): string {
  if (ms < 60_000) return `${Math.round(ms / 1000)} second${Math.round(ms / 1000) === 1 ? '' : 's'}`;
  const m = Math.round((ms / 60_000) * 10) / 10;
  return `${m} minute${m === 1 ? '' : 's'}`;
}

/**
 * Why a helper run produced nothing usable, as one sentence naming the cause and what to do
 * (interpreter not found, timeout, abort, crash with the last traceback lines).
 */
export function describeFailure(ctx: GateContext, what: string, run: RunPythonResult): string {
  const py = ctx.options.python;
  if (run.spawnError) {
    if (run.spawnError.code === 'ENOENT') return `${py} not found — set the python input / --python to an interpreter that has your requirements installed`;
    if (run.spawnError.code === 'EACCES') return `${py} is not executable — set the python input / --python to a Python interpreter`;
    return `${py} could not start (${run.spawnError.message}) — set the python input / --python`;
  }
  if (run.timedOut) return `${what} did not finish within ${duration(ctx.options.timeoutMs)} and was killed — raise timeout-minutes / --timeout-minutes or fix the hang`;
  if (run.aborted) return `${what} was interrupted`;
  const tail = lastLines(run.stderr || run.stdout);
  return `${what} failed (exit ${run.code ?? 'signal'})${tail ? `:\n${tail}` : ''}`;
}

interface ProbeJson {
  executable: string;
  python: string;
  django: string | null;
  django_error?: string;
  settings_module: string | null;
  settings_ok: boolean;
  settings_error?: string;
  settings_error_type?: string;
  debug?: string;
  setup_ok?: boolean;
  setup_error?: string;
  setup_error_type?: string;
}

/**
 * Probes `project` once per run (memoised in ctx.resources, shared by every gate): Python and Django
 * versions, whether Django imports, whether the production settings import, DEBUG and the module used.
 * Never throws: a failure is `{ ok: false, error }` with one clear sentence — python not found, Django not
 * installed for that interpreter, or the settings module raising (with the last traceback lines).
 * A gate with `ok: false` reports status `error` with that text as detail.
 */
export function probe(ctx: GateContext, project: ScannedProject): Promise<ProbeResult> {
  return ctx.resources.once(`django-probe:${project.root}`, async () => {
    const module = project.info.settingsModule;
    if (!module) {
      return { ok: false, error: `no production settings module found for the project in ${project.root || '.'} — name it with the settings-module input / --settings` };
    }
    const { cwd, env } = djangoEnv(ctx, project);
    const py = ctx.options.python;
    const { run, data } = await runHelper<ProbeJson>(ctx, project, ['probe']);
    if (!data) return { ok: false, error: describeFailure(ctx, `probing ${py}`, run) };
    const shownPy = isAbsolute(py) ? py : `${py} (${data.executable})`;
    if (!data.django) {
      return {
        ok: false,
        error: `Django is not installed for ${shownPy} — pip install -r requirements.txt before the gate, or set the python input / --python to the interpreter that has it${data.django_error ? ` (${lastLines(data.django_error, 1)})` : ''}`,
      };
    }
    if (!data.settings_ok) {
      return {
        ok: false,
        error: `settings module ${module} raises ${raised(data.settings_error ?? '', data.settings_error_type, ctx.scan.root)} — fix the settings or provide what they need (env input / --env KEY=VALUE)`,
      };
    }
    if (data.setup_ok === false) {
      return {
        ok: false,
        error: `django.setup() with ${module} raises ${raised(data.setup_error ?? '', data.setup_error_type, ctx.scan.root)} — install the project's requirements for ${shownPy} and check INSTALLED_APPS`,
      };
    }
    return {
      ok: true,
      info: {
        python: py,
        executable: data.executable,
        pythonVersion: data.python,
        djangoVersion: data.django,
        settingsModule: data.settings_module ?? module ?? '',
        debug: data.debug ?? 'unknown',
        cwd,
        env,
      },
    };
  });
}

export { JSON_MARK };
