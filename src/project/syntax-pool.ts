/**
 * launch.I001's syntax check on the cores the rules leave idle. The check parses every Python file no rule
 * parsed — on saleor 24 MB of 28, 60 % of the gate's time — while the rules run on one thread. Worker threads
 * (the bundle's own entry, src/index.ts, with a job of this kind) take the project's plain Python files from a
 * queue shared with the main thread and record each file's first syntax error line in shared memory; the main
 * thread marks the files its rules parse (their syntax is known) so that no worker parses them again, and when
 * the rules are done it takes files from the same queue until it is empty, then waits for the workers.
 *
 * Each worker reads a file from disk and decodes it as the workspace does (src/project/source-encoding.ts),
 * and hashes the text it parsed; a result is taken only when that hash is the hash of the text the workspace
 * holds, so a file changed between the two reads is parsed again by the main thread. A worker that fails, a
 * file a worker could not read and a result that does not match all fall back to the main thread: the
 * workers change how long the check takes, never what it records. Templates (`.py-tpl`, Jinja-tagged `.py`)
 * are never queued: their text is not the file's.
 *
 * How many: DJANGO_LAUNCH_GATE_WORKERS (0: none; N: N, whatever the project's size), else autoWorkers. The
 * workers run from the bundle (dist/index.js); run from the TypeScript sources (vitest), there is no entry to
 * start and the main thread checks every file — test/workers.test.ts runs the bundle.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { UsageError } from '../errors';

/** workerData.job of a syntax-check worker (src/index.ts starts src/project/syntax-worker.ts on it). */
export const SYNTAX_JOB = 'django-launch-gate syntax check';

export interface SyntaxJobData {
  job: typeof SYNTAX_JOB;
  /** Absolute paths, in queue order. */
  paths: string[];
  shared: SharedArrayBuffer;
}

/** What a worker reports when the queue is empty. */
export interface SyntaxWorkerReport {
  ms: number;
  parsedChars: number;
  files: number;
}

/** A file's slot: its first syntax error line, or one of these. */
export const PENDING = -1;
export const NOT_READ = -2;
export const CLEAN = 0;

/** The shared buffer: the queue's next index, then per file a known flag, a result line, a text hash and a Python 2 flag. */
export function sharedViews(shared: SharedArrayBuffer, n: number) {
  return {
    next: new Int32Array(shared, 0, 1),
    known: new Int32Array(shared, 4, n),
    line: new Int32Array(shared, 4 + 4 * n, n),
    hash: new Int32Array(shared, 4 + 8 * n, n),
    py2: new Int32Array(shared, 4 + 12 * n, n),
  };
}

/** FNV-1a over the text's UTF-16 code units: the same text on both threads, or the result is not taken. */
export function textHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

export const WORKERS_VARIABLE = 'DJANGO_LAUNCH_GATE_WORKERS';
const MIN_AUTO_CHARS = 2 * 1024 * 1024;
const MAX_AUTO_PROJECT_CHARS = 32 * 1024 * 1024;

/**
 * 'auto': one worker, when there is a second core, the queue holds at least MIN_AUTO_CHARS of source and the
 * project's Python comes to less than MAX_AUTO_PROJECT_CHARS. A worker costs 30–45 MB of memory for the rest of
 * the process (measured on the 1 M-line monolith: 235 → 272–279 MB; saleor's gate 16.0 → 10.5 s, findings
 * identical), and the gate keeps to 256 MB: the monolith's 37 MB of Python already bring the main thread to
 * about 240 MB, saleor's 27 MB to 150. More workers, or workers on a larger project, are for a machine with the
 * memory to spare: DJANGO_LAUNCH_GATE_WORKERS=N.
 */
function autoWorkers(queuedChars: number, projectChars: number): number {
  if (queuedChars < MIN_AUTO_CHARS || projectChars >= MAX_AUTO_PROJECT_CHARS) return 0;
  return Math.min(availableParallelism() - 1, 1);
}

/** The worker count DJANGO_LAUNCH_GATE_WORKERS asks for, or 'auto' when it is unset. Bad values are exit 2. */
export function workersFromEnv(env: Record<string, string | undefined> | undefined): number | 'auto' {
  const v = env?.[WORKERS_VARIABLE]?.trim();
  if (v === undefined || v === '' || v === 'auto') return 'auto';
  if (!/^\d{1,2}$/.test(v)) throw new UsageError(`${WORKERS_VARIABLE}=${v.slice(0, 20)} is not a number of worker threads — use 0 (none), a count such as 2, or auto (unset)`);
  return Number(v);
}

/** The bundle's entry, next to this chunk in dist/; undefined when running from the TypeScript sources. */
function bundleEntry(): string | undefined {
  const entry = join(dirname(fileURLToPath(import.meta.url)), 'index.js');
  return existsSync(entry) ? entry : undefined;
}

export interface QueuedFile {
  rel: string;
  abs: string;
  text: string;
}

export class SyntaxPool<F extends QueuedFile = QueuedFile> {
  private readonly index = new Map<string, number>();
  private readonly v: ReturnType<typeof sharedViews>;
  private readonly finished: Promise<{ reports: SyntaxWorkerReport[]; failures: string[] }>;

  /** Starts `count` workers on `files` (in queue order), or returns undefined when none should start. */
  static start<F extends QueuedFile>(files: readonly F[], count: number | 'auto', projectChars: number): SyntaxPool<F> | undefined {
    if (!files.length) return undefined;
    const n = count === 'auto' ? autoWorkers(files.reduce((s, f) => s + f.text.length, 0), projectChars) : count;
    const entry = n > 0 ? bundleEntry() : undefined;
    return entry ? new SyntaxPool(files, n, entry) : undefined;
  }

  private constructor(
    private readonly files: readonly F[],
    readonly workers: number,
    entry: string,
  ) {
    files.forEach((f, i) => this.index.set(f.rel, i));
    const shared = new SharedArrayBuffer(4 + 16 * files.length);
    this.v = sharedViews(shared, files.length);
    this.v.line.fill(PENDING);
    const data: SyntaxJobData = { job: SYNTAX_JOB, paths: files.map((f) => f.abs), shared };
    const runs: Array<Promise<SyntaxWorkerReport | string>> = [];
    for (let w = 0; w < workers; w++) {
      runs.push(
        new Promise((done) => {
          let report: SyntaxWorkerReport | undefined;
          let failure: string | undefined;
          // a worker's young generation kept small, as the main thread's (src/project/memory.ts)
          const worker = new Worker(entry, { workerData: data, resourceLimits: { maxYoungGenerationSizeMb: 1 } });
          worker.on('message', (m: SyntaxWorkerReport) => (report = m));
          worker.on('error', (e) => (failure = e.message));
          worker.on('exit', (code) => done(report ?? failure ?? `a worker thread exited with code ${code} and no report`));
        }),
      );
    }
    this.finished = Promise.all(runs).then((rs) => ({
      reports: rs.filter((r): r is SyntaxWorkerReport => typeof r !== 'string'),
      failures: rs.filter((r): r is string => typeof r === 'string'),
    }));
  }

  /** The main thread has recorded this file's syntax: no worker need parse it. */
  known(rel: string): void {
    const i = this.index.get(rel);
    if (i !== undefined) Atomics.store(this.v.known, i, 1);
  }

  /** The next queued file no thread has taken, for the main thread to check itself; undefined when the queue is empty. */
  take(): F | undefined {
    for (;;) {
      const i = Atomics.add(this.v.next, 0, 1);
      if (i >= this.files.length) return undefined;
      if (!Atomics.load(this.v.known, i)) return this.files[i];
    }
  }

  /**
   * Waits for the workers, then their results: each file `wanted` a worker parsed whose text was the workspace's, with
   * its first syntax error line (undefined: none) and whether that error is Python 2 syntax tree-sitter accepts.
   */
  async results(wanted: (file: F) => boolean): Promise<{ checked: Array<{ file: F; line: number | undefined; python2: boolean }>; reports: SyntaxWorkerReport[]; failures: string[] }> {
    const { reports, failures } = await this.finished;
    const checked: Array<{ file: F; line: number | undefined; python2: boolean }> = [];
    this.files.forEach((file, i) => {
      const line = Atomics.load(this.v.line, i);
      if (line < CLEAN || !wanted(file) || Atomics.load(this.v.hash, i) !== textHash(file.text)) return;
      checked.push({ file, line: line === CLEAN ? undefined : line, python2: Atomics.load(this.v.py2, i) === 1 });
    });
    return { checked, reports, failures };
  }
}
