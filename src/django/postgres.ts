/**
 * PostgreSQL for the runtime gates: the server the tests and migrations gates create their throwaway
 * databases on, and the variables that carry a database to the user's settings.
 *
 * Where the server comes from, in order:
 *  1. the environment (DATABASE_URL, DB_HOST…, PGHOST… — e.g. a `services: postgres` container in CI);
 *  2. the embedded default: a throwaway cluster (initdb + pg_ctl) in a temp folder on a free port, run as an
 *     unprivileged user when we are root, stopped and removed afterwards — also on failure, Ctrl-C and SIGTERM;
 *  3. none: the gates that need a database are skipped, loudly.
 * The `database-url` input is different: an existing (staging) database that is only checked, never written.
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { accessSync, appendFileSync, chownSync, constants, existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { MIN_SECRET_LENGTH } from '../finding';
import type { GateContext } from '../gates/gate';
import { runJsonScript, shippedScript, type HelperRun } from './python';

export { connectionEnv, connectionUrl, DATABASE_ENV_NAMES, DatabaseUrlError, hostPort, parseDatabaseUrl, serverFromEnv, type PgConnection } from './connection';
import { hostPort, serverFromEnv, type PgConnection } from './connection';

/** Is anything listening at host:port? Resolves to an error message naming host:port, or undefined when reachable. */
export function checkReachable(c: Pick<PgConnection, 'host' | 'port'>, timeoutMs = 5000): Promise<string | undefined> {
  return new Promise((resolvePromise) => {
    const target = c.host.startsWith('/') ? { path: join(c.host, `.s.PGSQL.${c.port}`) } : { host: c.host, port: c.port };
    const sock = connect(target as { host: string; port: number });
    const done = (err?: string) => {
      sock.destroy();
      resolvePromise(err);
    };
    sock.setTimeout(timeoutMs, () => done(`PostgreSQL at ${hostPort(c)} did not answer within ${Math.round(timeoutMs / 1000)} s`));
    sock.once('connect', () => done());
    sock.once('error', (e: NodeJS.ErrnoException) => {
      const why = e.code === 'ECONNREFUSED' ? 'connection refused' : e.code === 'ENOTFOUND' ? 'host not found' : e.code ?? e.message;
      done(`cannot reach PostgreSQL at ${hostPort(c)} (${why})`);
    });
  });
}

// ---------------------------------------------------------------------------------------------------------
// Finding the server binaries

const BINARIES = ['initdb', 'pg_ctl', 'postgres'];

function isExecutable(p: string): boolean {
  try {
    accessSync(p, constants.X_OK);
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

function hasServer(dir: string): boolean {
  return BINARIES.every((b) => isExecutable(join(dir, b)));
}

/** Installed version folders under `base` (e.g. /usr/lib/postgresql/15/bin), newest first. */
function versionDirs(base: string, pattern: RegExp): string[] {
  try {
    return readdirSync(base)
      .filter((d) => pattern.test(d))
      .sort((a, b) => (Number(/\d+/.exec(b)?.[0] ?? 0) - Number(/\d+/.exec(a)?.[0] ?? 0)))
      .map((d) => join(base, d, 'bin'));
  } catch {
    return [];
  }
}

/**
 * The folder holding initdb, pg_ctl and postgres, or null. `DLG_POSTGRES_BIN` names the folder (or `none`
 * to turn the embedded server off); else PATH, Debian/Ubuntu's /usr/lib/postgresql/<version>/bin (GitHub's
 * Ubuntu runners ship them there), Homebrew's and Postgres.app's folders.
 */
export function findPostgresBin(env: Record<string, string | undefined> = process.env): string | null {
  const forced = env.DLG_POSTGRES_BIN?.trim();
  if (forced) return forced === 'none' || !hasServer(forced) ? null : forced;
  const candidates = [
    ...(env.PATH ?? '').split(delimiter).filter(Boolean),
    ...versionDirs('/usr/lib/postgresql', /^\d+(\.\d+)?$/),
    ...versionDirs('/usr/pgsql', /^\d+$/).map((d) => d),
    ...versionDirs('/opt/homebrew/opt', /^postgresql(@\d+)?$/),
    ...versionDirs('/usr/local/opt', /^postgresql(@\d+)?$/),
    ...versionDirs('/Applications/Postgres.app/Contents/Versions', /^\d+$/),
  ];
  for (const dir of candidates) {
    if (!hasServer(dir)) continue;
    // PATH may hold symlinks to the real folder (which also has psql): use the real one.
    try {
      const real = dirname(realpathSync(join(dir, 'initdb')));
      if (hasServer(real)) return real;
    } catch {
      // keep dir
    }
    return dir;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------
// The embedded cluster

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Run a command to completion (no shell), collecting its output. Never rejects on a non-zero exit. */
export function runCommand(
  cmd: string,
  args: string[],
  opts: { env?: Record<string, string | undefined>; cwd?: string; timeoutMs?: number; input?: string } = {},
): Promise<RunResult> {
  return new Promise((resolvePromise) => {
    const child = spawn(cmd, args, { env: opts.env as NodeJS.ProcessEnv, cwd: opts.cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', (e) => {
      if (timer) clearTimeout(timer);
      resolvePromise({ code: 127, stdout, stderr: stderr + e.message });
    });
    child.on('close', (code) => {
      if (timer) clearTimeout(timer);
      resolvePromise({ code, stdout, stderr });
    });
    if (opts.timeoutMs) {
      timer = setTimeout(() => {
        stderr += `\n(killed after ${Math.round(opts.timeoutMs! / 1000)} s)`;
        child.kill('SIGKILL');
      }, opts.timeoutMs);
    }
    child.stdin.end(opts.input ?? '');
  });
}

/** An unused TCP port on 127.0.0.1 (asked from the kernel; a start that loses the race retries). */
export function freePort(): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const srv = createServer();
    srv.unref();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (addr && typeof addr === 'object' ? resolvePromise(addr.port) : reject(new Error('no free port'))));
    });
  });
}

interface RunAs {
  user: string;
  uid: number;
  gid: number;
  /** argv prefix that runs a command as that user */
  prefix: string[];
}

function lookupUser(name: string): { uid: number; gid: number } | undefined {
  try {
    for (const line of readFileSync('/etc/passwd', 'utf8').split('\n')) {
      const f = line.split(':');
      if (f[0] === name && f.length >= 4) return { uid: Number(f[2]), gid: Number(f[3]) };
    }
  } catch {
    // no /etc/passwd: not a Unix we can switch users on
  }
  return undefined;
}

function which(cmd: string, path: string = [process.env.PATH ?? '', '/usr/sbin', '/sbin', '/usr/bin', '/bin'].join(delimiter)): string | undefined {
  for (const d of path.split(delimiter)) {
    if (d && isExecutable(join(d, cmd))) return join(d, cmd);
  }
  return undefined;
}

/**
 * PostgreSQL refuses to run as root: pick an unprivileged user (`postgres` when the package created it,
 * else `nobody`) and a way to switch to it (runuser, else setpriv).
 */
function unprivilegedUser(): RunAs | undefined {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return undefined;
  for (const name of ['postgres', 'nobody']) {
    const u = lookupUser(name);
    if (!u || u.uid === 0) continue;
    const runuser = which('runuser');
    if (runuser) return { user: name, ...u, prefix: [runuser, '-u', name, '--'] };
    const setpriv = which('setpriv');
    if (setpriv) return { user: name, ...u, prefix: [setpriv, `--reuid=${u.uid}`, `--regid=${u.gid}`, '--clear-groups', '--'] };
    throw new Error('running as root, and neither runuser nor setpriv is available to start PostgreSQL as an unprivileged user');
  }
  throw new Error('running as root, and no unprivileged user (postgres, nobody) exists to start PostgreSQL as');
}

/** Can every user reach `dir` (o+x on it and all its ancestors)? */
function traversable(dir: string): boolean {
  let d = resolve(dir);
  for (;;) {
    try {
      if ((statSync(d).mode & 0o001) === 0) return false;
    } catch {
      return false;
    }
    const up = dirname(d);
    if (up === d) return true;
    d = up;
  }
}

export interface EmbeddedCluster {
  /** Folder of the PostgreSQL binaries used. */
  bin: string;
  /** The temp folder (data directory, socket, log): removed by stop(). */
  dir: string;
  /** Superuser connection to the `postgres` database. */
  admin: PgConnection;
  /** The OS user the server runs as (undefined: the current user). */
  runAs?: string;
  /** PID of the postmaster while it runs. */
  pid(): number | undefined;
  /** Stop the server and remove the folder. Idempotent, never throws. */
  stop(): Promise<void>;
}

interface Live {
  dir: string;
  stopSync(): void;
}

/** Clusters to stop when the process ends unexpectedly. */
const live = new Set<Live>();
let handlersInstalled = false;

function onExit(): void {
  for (const c of [...live]) c.stopSync();
}

function onSignal(signal: NodeJS.Signals): void {
  onExit();
  removeHandlers();
  // Nobody else listens: behave as if we had not been here (the default action ends the process).
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}

const sigint = () => onSignal('SIGINT');
const sigterm = () => onSignal('SIGTERM');
const sighup = () => onSignal('SIGHUP');

function installHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.on('exit', onExit);
  process.on('SIGINT', sigint);
  process.on('SIGTERM', sigterm);
  process.on('SIGHUP', sighup);
}

function removeHandlers(): void {
  if (!handlersInstalled) return;
  handlersInstalled = false;
  process.off('exit', onExit);
  process.off('SIGINT', sigint);
  process.off('SIGTERM', sigterm);
  process.off('SIGHUP', sighup);
}

function readPid(dataDir: string): number | undefined {
  try {
    const pid = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    return pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** Is the process running? (A zombie — exited, not yet reaped by its parent — is not.) */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^\d+ \(.*\) [ZX]/s.test(stat);
  } catch {
    return process.platform !== 'linux';
  }
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Wait (synchronously, up to `ms`) for a process to end. */
function waitGone(pid: number, ms: number): boolean {
  const until = Date.now() + ms;
  while (alive(pid)) {
    if (Date.now() > until) return false;
    sleepSync(20);
  }
  return true;
}

function tail(text: string, lines = 8): string {
  return text.trim().split('\n').slice(-lines).join('\n');
}

function quoteConf(s: string): string {
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

export interface StartOptions {
  /** Folder of initdb/pg_ctl/postgres (default: findPostgresBin()). */
  bin?: string;
  /** Where the temp folder goes (default: os.tmpdir()). */
  parent?: string;
  env?: Record<string, string | undefined>;
}

/**
 * Start a throwaway cluster: temp folder, `initdb -A trust -U postgres`, `pg_ctl start -w` on a free port of
 * 127.0.0.1 (socket in the temp folder), durability off (fsync, synchronous_commit: nothing here must
 * survive a crash). The password is random: trust authentication ignores it, but settings that require
 * DB_PASSWORD get one, and it is treated as a secret like any other.
 */
export async function startCluster(opts: StartOptions = {}): Promise<EmbeddedCluster> {
  const bin = opts.bin ?? findPostgresBin(opts.env);
  if (!bin) throw new Error('no PostgreSQL server binaries (initdb, pg_ctl, postgres) found — install postgresql or pass database-url');
  const runAs = unprivilegedUser();
  let parent = opts.parent ?? tmpdir();
  // The unprivileged user must be able to reach the folder: a private TMPDIR (mode 0700) is not usable.
  if (runAs && !traversable(parent)) {
    if (!opts.parent && traversable('/tmp')) parent = '/tmp';
    else throw new Error(`${parent} is not accessible to the user ${runAs.user} PostgreSQL runs as — make it world-searchable (chmod o+x) or set TMPDIR`);
  }
  const dir = mkdtempSync(join(parent, 'dlg-pg-'));
  const dataDir = join(dir, 'data');
  const logFile = join(dir, 'postgres.log');
  const baseEnv: Record<string, string | undefined> = { PATH: process.env.PATH, LANG: 'C', LC_ALL: 'C', TZ: 'UTC' };
  const as = (cmd: string, args: string[]): [string, string[]] =>
    runAs ? [runAs.prefix[0], [...runAs.prefix.slice(1), join(bin, cmd), ...args]] : [join(bin, cmd), args];

  let stopped = false;
  let postmaster: number | undefined;
  const stopSync = () => {
    if (stopped) return;
    stopped = true;
    live.delete(entry);
    if (live.size === 0) removeHandlers();
    const pid = readPid(dataDir) ?? postmaster;
    if (readPid(dataDir) !== undefined) {
      const [c, a] = as('pg_ctl', ['-D', dataDir, 'stop', '-m', 'immediate', '-w', '-t', '30']);
      spawnSync(c, a, { env: baseEnv as NodeJS.ProcessEnv, stdio: 'ignore', timeout: 35_000 });
    }
    if (pid !== undefined && !waitGone(pid, 5000)) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // gone meanwhile
      }
      waitGone(pid, 5000);
    }
    rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  };
  const entry: Live = { dir, stopSync };
  live.add(entry);
  installHandlers();

  try {
    if (runAs) chownSync(dir, runAs.uid, runAs.gid);
    const password = randomBytes(18).toString('base64url');
    const [ic, ia] = as('initdb', ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--no-sync']);
    const init = await runCommand(ic, ia, { env: baseEnv, cwd: dir, timeoutMs: 120_000 });
    if (init.code !== 0) throw new Error(`initdb failed (exit ${init.code}): ${tail(init.stderr || init.stdout)}`);

    let lastError = '';
    for (let attempt = 0; attempt < 4; attempt++) {
      const port = await freePort();
      appendFileSync(
        join(dataDir, 'postgresql.conf'),
        [
          '',
          '# django-launch-gate: throwaway cluster',
          `port = ${port}`,
          `listen_addresses = '127.0.0.1'`,
          `unix_socket_directories = ${quoteConf(dir)}`,
          'fsync = off',
          'synchronous_commit = off',
          'full_page_writes = off',
          'max_connections = 100',
          '',
        ].join('\n'),
      );
      const [sc, sa] = as('pg_ctl', ['-D', dataDir, '-l', logFile, '-w', '-t', '60', 'start']);
      const start = await runCommand(sc, sa, { env: baseEnv, cwd: dir, timeoutMs: 90_000 });
      if (start.code === 0) {
        postmaster = readPid(dataDir);
        const admin: PgConnection = { host: '127.0.0.1', port, user: 'postgres', password, database: 'postgres' };
        return {
          bin,
          dir,
          admin,
          ...(runAs ? { runAs: runAs.user } : {}),
          pid: () => (stopped ? undefined : readPid(dataDir)),
          stop: async () => {
            if (stopped) return;
            if (readPid(dataDir) !== undefined) {
              // Nothing here must survive: no shutdown checkpoint needed.
              const [c, a] = as('pg_ctl', ['-D', dataDir, 'stop', '-m', 'immediate', '-w', '-t', '30']);
              await runCommand(c, a, { env: baseEnv, timeoutMs: 40_000 });
            }
            stopSync();
          },
        };
      }
      let log = '';
      try {
        log = readFileSync(logFile, 'utf8');
      } catch {
        // no log written
      }
      lastError = tail(log || start.stderr || start.stdout);
      if (!/could not bind|Address already in use|could not create listen socket/i.test(lastError)) break;
      writeFileSync(logFile, '');
    }
    throw new Error(`pg_ctl start failed: ${lastError}`);
  } catch (e) {
    stopSync();
    throw e;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Creating databases

/** A database name of ours: lowercase, unique per run, safe unquoted. */
export function freshDatabaseName(purpose: string): string {
  return `dlg_${purpose.replace(/[^a-z0-9]+/gi, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`;
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * CREATE DATABASE on the server of `admin`, with psql when its folder is known (the embedded cluster), else
 * with psql on PATH, else with `python` and psycopg2/psycopg (what a Django project on PostgreSQL has).
 */
export async function createDatabase(
  admin: PgConnection,
  name: string,
  tools: { psqlDir?: string; python?: string; env?: Record<string, string | undefined> } = {},
): Promise<void> {
  await adminSql(admin, `CREATE DATABASE ${quoteIdent(name)}`, tools, `create database ${name}`);
}

/** DROP DATABASE (terminating leftover connections on PostgreSQL 13+). Never throws. */
export async function dropDatabase(
  admin: PgConnection,
  name: string,
  tools: { psqlDir?: string; python?: string; env?: Record<string, string | undefined> } = {},
): Promise<void> {
  try {
    await adminSql(admin, `DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`, tools, `drop database ${name}`);
  } catch {
    try {
      await adminSql(admin, `DROP DATABASE IF EXISTS ${quoteIdent(name)}`, tools, `drop database ${name}`);
    } catch {
      // best effort: a database we could not drop is left on a server the user owns
    }
  }
}

const PY_SQL = `
import os, sys
sql = sys.stdin.read()
try:
    import psycopg2 as db
except ImportError:
    try:
        import psycopg as db
    except ImportError:
        sys.stderr.write("neither psycopg2 nor psycopg is installed for this Python")
        sys.exit(3)
conn = db.connect(host=os.environ["PGHOST"], port=os.environ["PGPORT"], user=os.environ["PGUSER"],
                  password=os.environ.get("PGPASSWORD") or None, dbname=os.environ["PGDATABASE"])
conn.autocommit = True
conn.cursor().execute(sql)
conn.close()
`;

async function adminSql(
  admin: PgConnection,
  sql: string,
  tools: { psqlDir?: string; python?: string; env?: Record<string, string | undefined> },
  what: string,
): Promise<void> {
  const env: Record<string, string | undefined> = { ...(tools.env ?? process.env), PGHOST: admin.host, PGPORT: String(admin.port), PGUSER: admin.user, PGPASSWORD: admin.password ?? '', PGDATABASE: admin.database, PGCONNECT_TIMEOUT: '10' };
  const psql = tools.psqlDir && isExecutable(join(tools.psqlDir, 'psql')) ? join(tools.psqlDir, 'psql') : which('psql', env.PATH ?? '');
  let r: RunResult;
  if (psql) r = await runCommand(psql, ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-c', sql], { env, timeoutMs: 60_000 });
  else if (tools.python) r = await runCommand(tools.python, ['-c', PY_SQL], { env, input: sql, timeoutMs: 60_000 });
  else throw new Error(`cannot ${what} on ${hostPort(admin)}: no psql and no Python to run it with`);
  if (r.code !== 0) throw new Error(`cannot ${what} on ${hostPort(admin)}: ${tail(r.stderr || r.stdout, 4)}`);
}

/** Is this folder gone and its cluster's postmaster not running? (for tests and diagnostics) */
export function clusterGone(dir: string, pid: number | undefined): boolean {
  return !existsSync(dir) && (pid === undefined || !alive(pid));
}

// ---------------------------------------------------------------------------------------------------------
// The server the gates use (shared per run)

/** A server the gates may create throwaway databases on. */
export interface DatabaseServer {
  source: 'environment' | 'embedded';
  /** Connection to a database to run CREATE DATABASE from. */
  admin: PgConnection;
  /** psql's folder when known (the embedded cluster's binaries). */
  psqlDir?: string;
  cluster?: EmbeddedCluster;
  /** One phrase for gate details, e.g. `throwaway PostgreSQL 15.4 cluster on 127.0.0.1:54321`. */
  describe: string;
}

/** `server`: where to create databases; `none`: why there is none (the gate is skipped with it). */
export type ServerChoice = { server: DatabaseServer } | { none: string };

export const NO_POSTGRES = 'skipped: no PostgreSQL — install postgresql or pass database-url';

function addSecret(ctx: GateContext, value: string | undefined): void {
  if (value && value.length >= MIN_SECRET_LENGTH) ctx.scan.secrets.add(value);
}

/**
 * The PostgreSQL server of this run, started or found once and shared by every gate (closed — the embedded
 * cluster stopped and removed — when the run ends): the environment's (DATABASE_URL, DB_HOST, PGHOST),
 * else an embedded throwaway cluster when the binaries are installed, else none. An environment server
 * that does not answer rejects with one message naming host:port.
 */
export function databaseServer(ctx: GateContext): Promise<ServerChoice> {
  return ctx.resources.once<ServerChoice>(
    'postgres:server',
    async () => {
      const fromEnv = serverFromEnv(ctx.options.env);
      if (fromEnv) {
        addSecret(ctx, fromEnv.password);
        const unreachable = await checkReachable(fromEnv);
        if (unreachable) throw new Error(`${unreachable} — the PostgreSQL named by DATABASE_URL / DB_HOST / PGHOST in the environment must be running (e.g. a services: postgres container with ports mapped)`);
        return { server: { source: 'environment', admin: fromEnv, describe: `PostgreSQL at ${hostPort(fromEnv)} (from the environment)` } };
      }
      const bin = findPostgresBin(ctx.options.env);
      if (!bin) return { none: NO_POSTGRES };
      const cluster = await startCluster({ bin, env: ctx.options.env });
      addSecret(ctx, cluster.admin.password);
      const version = await runCommand(join(bin, 'postgres'), ['--version'], { timeoutMs: 10_000 });
      const v = /\(PostgreSQL\)\s+(\S+)/.exec(version.stdout)?.[1];
      return {
        server: {
          source: 'embedded',
          admin: cluster.admin,
          psqlDir: bin,
          cluster,
          describe: `throwaway PostgreSQL${v ? ` ${v}` : ''} cluster on ${hostPort(cluster.admin)}`,
        },
      };
    },
    async (choice) => {
      if ('server' in choice) await choice.server.cluster?.stop();
    },
  );
}

/**
 * A new, empty database of the run's server for one gate (`purpose`: e.g. `tests`, `migrations_1`), with the
 * server's credentials. On an environment server it is dropped when the run ends (with Django's `test_`
 * copy); the embedded cluster goes away whole.
 */
export async function freshDatabase(ctx: GateContext, server: DatabaseServer, purpose: string): Promise<PgConnection> {
  const name = freshDatabaseName(purpose);
  const tools = { psqlDir: server.psqlDir, python: ctx.options.python, env: ctx.options.env };
  await createDatabase(server.admin, name, tools);
  const conn: PgConnection = { ...server.admin, database: name };
  if (server.source === 'environment') {
    await ctx.resources.once(`postgres:db:${name}`, async () => conn, async () => {
      await dropDatabase(server.admin, `test_${name}`, tools);
      await dropDatabase(server.admin, name, tools);
    });
  }
  return conn;
}

// ---------------------------------------------------------------------------------------------------------
// db_helper.py: the database side of the user's Django (makemigrations, migrate, the test runner)

/** Absolute path of db_helper.py (bundle: dist/django/db_helper.py; sources: src/django/db_helper.py). */
export function dbHelperPath(): string {
  return shippedScript('db_helper.py');
}

/** Runs `db_helper.py <args>` with exactly `env` in `cwd`; parses the JSON it prints last (after the marker). */
export function runDbHelper<T>(
  ctx: GateContext,
  opts: { cwd: string; env: Record<string, string | undefined>; args: string[]; timeoutMs?: number },
): Promise<HelperRun<T>> {
  return runJsonScript<T>(ctx, dbHelperPath(), opts);
}

/** What db_helper.py reports when Django, the settings or django.setup() fail. */
export interface HelperSetupError {
  stage: 'django' | 'settings' | 'setup';
  type: string;
  message: string;
  traceback: string;
}

/** The last frame of a traceback under `root`, as ` (at rel/path.py:N)`, else ''. */
function raisedAt(traceback: string, root: string): string {
  const base = resolve(root);
  let where = '';
  for (const m of traceback.matchAll(/^\s*File "(.+?)", line (\d+)/gm)) {
    const f = resolve(m[1]);
    if (f.startsWith(base + '/') && !/[\\/](site-packages|dist-packages)[\\/]/.test(f)) where = ` (at ${f.slice(base.length + 1)}:${m[2]})`;
  }
  return where;
}

/** One sentence for a setup failure: what failed and what to do. */
export function describeSetupError(ctx: GateContext, settingsModule: string | undefined, e: HelperSetupError): string {
  const tb = `${e.type}: ${e.message.split('\n')[0]}${raisedAt(e.traceback, ctx.scan.root)}`;
  switch (e.stage) {
    case 'django':
      return `Django is not installed for ${ctx.options.python} — pip install -r requirements.txt before the gate, or set the python input / --python to the interpreter that has it (${e.type}: ${e.message.split('\n')[0]})`;
    case 'settings':
      return `settings module ${settingsModule ?? '(default)'} raises ${tb} — fix the settings or provide what they need (env input / --env KEY=VALUE)`;
    default:
      return `django.setup() fails with ${settingsModule ?? 'the settings'}: ${tb} — install the project's requirements for ${ctx.options.python} and check INSTALLED_APPS`;
  }
}
