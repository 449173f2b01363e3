/**
 * The history gate's edge: git processes, a fixed number whatever the history's size — `gitOutput` for the
 * small questions (rev-parse, ls-files); ONE `git log --all --raw` stream over every ref, parsed line by line
 * as it arrives (`RawLogParser`); two `git cat-file` processes for the contents of the file versions that
 * matter (`readBlobs`). Never a process per commit, never the whole output in memory.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { StringDecoder } from 'node:string_decoder';

/**
 * The files worth reading in the history, relative to the scanned folder, case-insensitive: Python settings
 * and config modules, env files, deploy files. Matched here, not by git pathspecs: git matches every glob
 * pathspec against every changed path of every commit, which made one `git log -p` with these ~40 globs take
 * 12 s on baserow's 3,465 commits and 39 s on awx's 47,000, where the whole `--raw` log takes 0.4 s and 2 s.
 */
const HISTORY_FILE = new RegExp(
  [
    '(^|/)[^/]*settings[^/]*\\.py$', // settings.py, local_settings.py, test_settings.py
    '(^|/)settings/(.+/)?[^/]+\\.py$', // settings/base.py, settings/prod/db.py
    '(^|/)local_settings[^/]*$',
    '(^|/)[^/]*config[^/]*\\.py$',
    '(^|/)[^/]*secret[^/]*\\.py$',
    '(^|/)gunicorn[^/]*\\.py$',
    '(^|/)\\.env$',
    '(^|/)[^/]+\\.env$',
    '(^|/)\\.env\\.[^/]+$',
    '(^|/)(dockerfile|containerfile)[^/]*$',
    '\\.dockerfile$',
    '(^|/)(docker-)?compose[^/]*\\.ya?ml$',
    '(^|/)procfile[^/]*$',
    '\\.service$',
    '\\.sh$',
    '(^|/)uwsgi[^/]*\\.ini$',
    '(^|/)(deploy|deployment|deployments|k8s|kubernetes|helm|charts|\\.do)/(.+/)?[^/]+\\.ya?ml$',
    '(^|/)(app\\.json|app\\.yaml|fly\\.toml|render\\.yaml|heroku\\.yml)$',
  ].join('|'),
  'i',
);

/** Third-party code checked in (a virtualenv, vendored packages): not the project's secrets. */
const VENDORED = /(^|\/)(node_modules|site-packages|dist-packages|bower_components|vendor|vendored|third[_-]party|\.venv|venv|virtualenv|\.tox)\//i;

export function isHistoryFile(path: string): boolean {
  return HISTORY_FILE.test(path) && !VENDORED.test(path);
}

/** Config that would change what git prints; set on every call so a user's git config cannot. */
const GIT_CONFIG = [
  '-c', 'core.quotePath=false',
  '-c', 'diff.relative=false',
  '-c', 'log.showRoot=true',
  '-c', 'log.showSignature=false',
  '-c', 'core.pager=cat',
];

/**
 * `git log` for the gate: every commit on every ref (HEAD included), each with the files it changed and their
 * blob IDs before and after (abbreviated, as `%h` is: unique at the time) — no patches, no history simplification, limited to the scanned folder
 * (`pathspec`: '.' below the repository's top, none at it). One stream for the whole history.
 */
export function logArgs(pathspec?: string): string[] {
  return [
    ...GIT_CONFIG,
    'log',
    '--all',
    '--full-history',
    '--no-merges',
    '--raw',
    '--no-renames',
    '--no-color',
    '--format=%x00%h%x00%ct',
    ...(pathspec ? ['--', pathspec] : []),
  ];
}

export class GitMissingError extends Error {
  override name = 'GitMissingError';
}

export interface GitRun {
  cwd: string;
  env: Record<string, string | undefined>;
  signal: AbortSignal;
  timeoutMs: number;
}

function gitEnv(env: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined) out[k] = v;
  // messages in English (the gate reads "not a git repository"), no pager, no prompt, no index refresh writes
  return { ...out, LC_ALL: 'C', LANGUAGE: 'C', GIT_PAGER: 'cat', GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0' };
}

export interface GitResult {
  code: number | null;
  stderr: string;
}

/**
 * Runs git with `args`; every stdout chunk goes to `onData` as it arrives. Rejects with GitMissingError when
 * git is not installed, and kills git on abort or after `timeoutMs`.
 */
export function spawnGit(args: string[], run: GitRun, onData: (chunk: Buffer) => void, input?: string): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    let child: ChildProcess;
    try {
      child = spawn('git', args, { cwd: run.cwd, env: gitEnv(run.env), stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
    } catch (e) {
      reject(e);
      return;
    }
    let stderr = '';
    let failure: Error | undefined;
    if (input !== undefined && child.stdin) {
      child.stdin.on('error', () => {}); // git exited early: its exit code and stderr say why
      child.stdin.end(input);
    }
    const kill = (why: Error) => {
      failure ??= why;
      child.kill('SIGKILL');
    };
    const onAbort = () => kill(new Error('interrupted'));
    run.signal.addEventListener('abort', onAbort, { once: true });
    const timer = setTimeout(() => kill(new Error(`git ${args.find((a) => !a.startsWith('-') && !a.includes('=')) ?? ''} took longer than ${Math.round(run.timeoutMs / 60_000)} minutes (timeout-minutes)`)), run.timeoutMs);
    child.stdout!.on('data', (chunk: Buffer) => {
      if (failure) return;
      try {
        onData(chunk);
      } catch (e) {
        kill(e instanceof Error ? e : new Error(String(e)));
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      if (stderr.length < 8192) stderr += chunk.toString('utf8');
    });
    child.on('error', (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      run.signal.removeEventListener('abort', onAbort);
      reject(e.code === 'ENOENT' ? new GitMissingError('git is not installed (not on PATH) — install git on the runner, or run without the history gate') : e);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      run.signal.removeEventListener('abort', onAbort);
      if (failure) reject(failure);
      else resolve({ code, stderr });
    });
  });
}

/** A small git command's whole stdout. */
export async function gitOutput(args: string[], run: GitRun): Promise<GitResult & { stdout: string }> {
  const chunks: Buffer[] = [];
  const r = await spawnGit([...GIT_CONFIG, ...args], run, (c) => chunks.push(c));
  return { ...r, stdout: Buffer.concat(chunks).toString('utf8') };
}

/** What the log parser reports, in stream order (newest commits first). */
export interface RawSink {
  commit(shortSha: string, committedAt: number): void;
  /**
   * A file the commit changed (`path` relative to the repository's top): its blob before and after, null
   * where there is none (added, deleted) or it is not a regular file (a symlink, a submodule).
   */
  change(path: string, before: string | null, after: string | null): void;
}

/**
 * Incremental parser of `git log --raw --no-abbrev --format=%x00%h%x00%ct`: feed it chunks, it calls the sink
 * line by line. A line starting with NUL is a commit header; `:` starts a raw diff line
 * (`:100644 100644 <old> <new> M<TAB><path>`, the path C-quoted when git quotes it).
 */
export class RawLogParser {
  private readonly decoder = new StringDecoder('utf8');
  private rest = '';

  constructor(private readonly sink: RawSink) {}

  push(chunk: Buffer | string): void {
    const text = this.rest + (typeof chunk === 'string' ? chunk : this.decoder.write(chunk));
    let start = 0;
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
      this.onLine(text.slice(start, nl));
      start = nl + 1;
    }
    this.rest = text.slice(start);
  }

  end(): void {
    const tail = this.rest + this.decoder.end();
    this.rest = '';
    if (tail) this.onLine(tail);
  }

  private onLine(line: string): void {
    if (line.charCodeAt(0) === 0) {
      const [, sha, at] = line.split('\0');
      this.sink.commit(sha, Number(at) || 0);
      return;
    }
    if (line.charCodeAt(0) !== 58 /* : */) return;
    const tab = line.indexOf('\t');
    if (tab === -1) return;
    const [modeA, modeB, a, b] = line.slice(1, tab).split(' ');
    if (b === undefined) return;
    const raw = line.slice(tab + 1);
    const path = raw.startsWith('"') ? cString(raw, 0)?.value : raw;
    if (path === undefined) return;
    const blob = (mode: string, oid: string) => (/^1006[0-7]{2}$/.test(mode) && !/^0+\.*$/.test(oid) ? oid.replace(/\.+$/, '') : null);
    this.sink.change(path, blob(modeA, a), blob(modeB, b));
  }
}

/**
 * Reads blobs with two `git cat-file` processes whatever their number: `--batch-check` for the sizes, then
 * `--batch` for the contents of those of at most `maxBytes` — each handed to `onBlob` as it arrives, never all
 * in memory. Resolves with the IDs it did not read (too large, missing).
 */
export async function readBlobs(
  oids: readonly string[],
  run: GitRun,
  maxBytes: number,
  onBlob: (oid: string, content: Buffer) => void,
): Promise<{ tooLarge: number; missing: number }> {
  if (oids.length === 0) return { tooLarge: 0, missing: 0 };
  let checked = '';
  // `<id> <id>`: %(rest) gives back the ID as the log abbreviated it, the key the caller knows it by
  const input = oids.map((o) => `${o} ${o}`).join('\n') + '\n';
  const check = await spawnGit([...GIT_CONFIG, 'cat-file', '--batch-check=%(rest) %(objecttype) %(objectsize)', '--buffer'], run, (c) => (checked += c.toString('latin1')), input);
  if (check.code !== 0) throw new Error(`git cat-file --batch-check failed: ${check.stderr.trim().split('\n')[0] ?? `exit ${check.code}`}`);
  const wanted: string[] = [];
  let tooLarge = 0;
  let missing = 0;
  for (const l of checked.split('\n')) {
    const [oid, type, size] = l.split(' ');
    if (!oid) continue;
    if (type !== 'blob') missing++;
    else if (Number(size) > maxBytes) tooLarge++;
    else wanted.push(oid);
  }
  if (wanted.length === 0) return { tooLarge, missing };
  const parser = new BatchParser(onBlob);
  const batch = await spawnGit([...GIT_CONFIG, 'cat-file', '--batch=%(rest) %(objecttype) %(objectsize)', '--buffer'], run, (c) => parser.push(c), wanted.map((o) => `${o} ${o}`).join('\n') + '\n');
  if (batch.code !== 0) throw new Error(`git cat-file --batch failed: ${batch.stderr.trim().split('\n')[0] ?? `exit ${batch.code}`}`);
  return { tooLarge, missing };
}

/** `git cat-file --batch` output: `<id> <type> <size>\n<size bytes>\n` (`<id> missing\n`), repeated; chunk boundaries anywhere. */
export class BatchParser {
  private chunks: Buffer[] = [];
  private length = 0;
  private current: { oid: string; size: number } | undefined;

  constructor(private readonly onBlob: (oid: string, content: Buffer) => void) {}

  push(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.length += chunk.length;
    for (;;) {
      if (!this.current) {
        const buf = this.flat();
        const nl = buf.indexOf(10);
        if (nl === -1) return;
        const [oid, type, size] = buf.subarray(0, nl).toString('latin1').split(' ');
        this.take(nl + 1);
        if (type === 'missing' || size === undefined) continue;
        this.current = { oid, size: Number(size) };
      }
      if (this.length < this.current.size + 1) return;
      const buf = this.flat();
      this.onBlob(this.current.oid, buf.subarray(0, this.current.size));
      this.take(this.current.size + 1);
      this.current = undefined;
    }
  }

  private flat(): Buffer {
    if (this.chunks.length > 1) this.chunks = [Buffer.concat(this.chunks, this.length)];
    return this.chunks[0] ?? Buffer.alloc(0);
  }

  private take(n: number): void {
    const buf = this.flat().subarray(n);
    this.chunks = buf.length ? [buf] : [];
    this.length = buf.length;
  }
}

/** A C-style quoted string at `s[i]` as git writes paths: \t \n \" \\ and octal bytes (UTF-8). */
function cString(s: string, i: number): { value: string; end: number } | undefined {
  if (s[i] !== '"') return undefined;
  const bytes: number[] = [];
  for (let j = i + 1; j < s.length; j++) {
    const c = s[j];
    if (c === '"') return { value: Buffer.from(bytes).toString('utf8'), end: j + 1 };
    if (c === '\\') {
      const n = s[j + 1];
      if (/[0-7]/.test(n)) {
        bytes.push(parseInt(s.slice(j + 1, j + 4), 8));
        j += 3;
        continue;
      }
      const map: Record<string, number> = { n: 10, t: 9, r: 13, a: 7, b: 8, f: 12, v: 11, '"': 34, '\\': 92 };
      bytes.push(map[n] ?? n.charCodeAt(0));
      j++;
      continue;
    }
    bytes.push(...Buffer.from(c, 'utf8'));
  }
  return undefined;
}
