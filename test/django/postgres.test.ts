/**
 * postgres.ts for real: the URL/variables plumbing, finding the server binaries, and the throwaway cluster —
 * started (as an unprivileged user when root), used, stopped and removed, also when the process is
 * ended by SIGTERM or Ctrl-C (SIGINT).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  alive,
  checkReachable,
  clusterGone,
  connectionEnv,
  connectionUrl,
  createDatabase,
  DATABASE_ENV_NAMES,
  dropDatabase,
  findPostgresBin,
  freePort,
  parseDatabaseUrl,
  runCommand,
  serverFromEnv,
  startCluster,
} from '../../src/django/postgres';
import { useCluster } from '../support/postgres';

const ROOT = join(__dirname, '..', '..');

describe('database URLs and variables', () => {
  it('parses a postgres URL, decoding user, password and name', () => {
    expect(parseDatabaseUrl('postgres://app%40x:p%3Ass@db.example.com:6543/shop%20db')).toEqual({
      host: 'db.example.com',
      port: 6543,
      user: 'app@x',
      password: 'p:ss',
      database: 'shop db',
    });
    expect(parseDatabaseUrl('postgresql://u@[::1]/d')).toMatchObject({ host: '::1', port: 5432, user: 'u', database: 'd' });
    expect(parseDatabaseUrl('postgres://u@%2Fvar%2Frun%2Fpostgresql/d')).toMatchObject({ host: '/var/run/postgresql' });
  });

  it('refuses what is not a PostgreSQL URL, without echoing it', () => {
    expect(() => parseDatabaseUrl('sqlite:///db.sqlite3')).toThrow(/scheme "sqlite", not postgres/);
    expect(() => parseDatabaseUrl('not a url secretpassword')).toThrow(/^database-url is not a URL — use postgres:\/\/USER:PASSWORD@HOST:5432\/NAME$/);
  });

  it('round-trips through connectionUrl', () => {
    const c = { host: '127.0.0.1', port: 5433, user: 'ad min', password: 'p@ss/w:rd', database: 'x y' };
    expect(parseDatabaseUrl(connectionUrl(c))).toEqual(c);
    const ipv6 = { host: '::1', port: 5432, user: 'u', database: 'd' };
    expect(parseDatabaseUrl(connectionUrl(ipv6))).toEqual(ipv6);
  });

  it('sets every variable users read, all naming the same database', () => {
    const env = connectionEnv({ host: 'h', port: 1234, user: 'u', password: 'pw', database: 'd' });
    expect(Object.keys(env).sort()).toEqual([...DATABASE_ENV_NAMES].sort());
    expect(env).toMatchObject({
      DATABASE_URL: 'postgres://u:pw@h:1234/d',
      DB_NAME: 'd', DB_USER: 'u', DB_PASSWORD: 'pw', DB_HOST: 'h', DB_PORT: '1234',
      PGHOST: 'h', PGPORT: '1234', PGUSER: 'u', PGPASSWORD: 'pw', PGDATABASE: 'd',
      POSTGRES_DB: 'd', POSTGRES_USER: 'u', POSTGRES_PASSWORD: 'pw', POSTGRES_HOST: 'h', POSTGRES_PORT: '1234',
    });
  });

  it('finds a server configured in the environment: DATABASE_URL, then DB_*, then PG*', () => {
    expect(serverFromEnv({})).toBeUndefined();
    expect(serverFromEnv({ DATABASE_URL: 'sqlite:///x.db' })).toBeUndefined();
    expect(serverFromEnv({ DATABASE_URL: 'postgres://a:b@h:1/n', DB_HOST: 'other' })).toEqual({ host: 'h', port: 1, user: 'a', password: 'b', database: 'n' });
    expect(serverFromEnv({ DB_HOST: 'dbh', DB_USER: 'shop', DB_PASSWORD: 'x', PGHOST: 'pgh' })).toEqual({ host: 'dbh', port: 5432, user: 'shop', password: 'x', database: 'postgres' });
    expect(serverFromEnv({ PGHOST: 'localhost', PGPORT: '5433' })).toEqual({ host: 'localhost', port: 5433, user: 'postgres', database: 'postgres' });
  });
});

describe('finding the server binaries', () => {
  it("finds Debian's /usr/lib/postgresql/<version>/bin (following PATH symlinks to it)", () => {
    const bin = findPostgresBin({ PATH: process.env.PATH });
    expect(bin).toMatch(/^\/usr\/lib\/postgresql\/\d+\/bin$/);
    expect(findPostgresBin({ PATH: '' })).toBe(bin);
  });

  it('DLG_POSTGRES_BIN names the folder, or turns the embedded server off', () => {
    const bin = findPostgresBin({ PATH: '' })!;
    expect(findPostgresBin({ DLG_POSTGRES_BIN: bin })).toBe(bin);
    expect(findPostgresBin({ DLG_POSTGRES_BIN: 'none', PATH: process.env.PATH })).toBeNull();
    expect(findPostgresBin({ DLG_POSTGRES_BIN: '/nonexistent' })).toBeNull();
  });
});

describe('the throwaway cluster', () => {
  const pg = useCluster();

  const psql = (db: string, sql: string, user = 'postgres') =>
    runCommand(join(pg.cluster.bin, 'psql'), ['-X', '-At', '-h', pg.cluster.admin.host, '-p', String(pg.cluster.admin.port), '-U', user, '-d', db, '-c', sql], {
      env: { PATH: process.env.PATH },
    });

  it('accepts connections on 127.0.0.1 and a free port, with a random password marked as such', async () => {
    expect(pg.cluster.admin).toMatchObject({ host: '127.0.0.1', user: 'postgres', database: 'postgres' });
    expect(pg.cluster.admin.password).toMatch(/^[\w-]{20,}$/);
    expect(await checkReachable(pg.cluster.admin)).toBeUndefined();
    const r = await psql('postgres', 'SHOW fsync');
    expect(r.stdout.trim(), r.stderr).toBe('off');
  });

  it('runs as an unprivileged user when we are root, from its own temp folder', () => {
    const pid = pg.cluster.pid()!;
    expect(alive(pid)).toBe(true);
    const uid = Number(/^Uid:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]);
    if (process.getuid!() === 0) {
      expect(pg.cluster.runAs).toBe('postgres');
      expect(uid).not.toBe(0);
    } else {
      expect(uid).toBe(process.getuid!());
    }
    expect(relative(tmpdir(), pg.cluster.dir)).toMatch(/^dlg-pg-/);
    expect(statSync(join(pg.cluster.dir, 'data')).uid).toBe(uid);
  });

  it('creates and drops databases', async () => {
    await createDatabase(pg.cluster.admin, 'dlg_test_create', { psqlDir: pg.cluster.bin });
    expect((await psql('dlg_test_create', 'SELECT current_database()')).stdout.trim()).toBe('dlg_test_create');
    await expect(createDatabase(pg.cluster.admin, 'dlg_test_create', { psqlDir: pg.cluster.bin })).rejects.toThrow(/cannot create database dlg_test_create on 127\.0\.0\.1:\d+: .*already exists/);
    await dropDatabase(pg.cluster.admin, 'dlg_test_create', { psqlDir: pg.cluster.bin });
    expect((await psql('postgres', "SELECT count(*) FROM pg_database WHERE datname = 'dlg_test_create'")).stdout.trim()).toBe('0');
  });

  it('creates databases through Python and psycopg2 when there is no psql', async () => {
    const admin = pg.cluster.admin;
    await createDatabase(admin, 'dlg_test_py', { python: '/usr/bin/python3', env: { PATH: '/nonexistent' } });
    expect((await psql('postgres', "SELECT count(*) FROM pg_database WHERE datname = 'dlg_test_py'")).stdout.trim()).toBe('1');
  });

  it('stops and removes itself', async () => {
    const other = await startCluster();
    const pid = other.pid();
    expect(pid).toBeGreaterThan(0);
    await other.stop();
    expect(clusterGone(other.dir, pid)).toBe(true);
    expect(await checkReachable(other.admin)).toMatch(/connection refused/);
    await other.stop(); // idempotent
  }, 120_000);
});

describe('an unreachable server', () => {
  it('is one message naming host:port', async () => {
    const port = await freePort();
    expect(await checkReachable({ host: '127.0.0.1', port })).toBe(`cannot reach PostgreSQL at 127.0.0.1:${port} (connection refused)`);
  });
});

/**
 * postgres.ts (and what it imports) compiled to plain ESM in a temp folder, so a separate Node process can
 * start a cluster and be killed.
 */
function compileForNode(): string {
  const out = mkdtempSync(join(tmpdir(), 'dlg-pgjs-'));
  for (const file of ['src/django/postgres.ts', 'src/django/connection.ts', 'src/django/python.ts', 'src/finding.ts']) {
    const js = ts.transpileModule(readFileSync(join(ROOT, file), 'utf8'), {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: false },
    }).outputText.replace(/(from\s+['"])(\.{1,2}\/[^'"]+)(['"])/g, '$1$2.js$3');
    const dest = join(out, file.replace(/\.ts$/, '.js'));
    mkdirSync(dirname(dest), { recursive: true });
    writeFileSync(dest, js);
  }
  writeFileSync(join(out, 'package.json'), '{"type":"module"}\n');
  writeFileSync(
    join(out, 'main.js'),
    `import { startCluster } from './src/django/postgres.js';
const c = await startCluster();
process.stdout.write(JSON.stringify({ dir: c.dir, pid: c.pid() }) + '\\n');
setInterval(() => {}, 1000);
`,
  );
  return out;
}

describe('cleanup when the process is ended', () => {
  let compiled: string;
  beforeAll(() => {
    compiled = compileForNode();
  });
  afterAll(() => rmSync(compiled, { recursive: true, force: true }));

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`stops and removes the cluster on ${signal}, then ends like the signal would`, async () => {
      const child = spawn(process.execPath, [join(compiled, 'main.js')], { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      child.stderr.on('data', (d: Buffer) => (err += d.toString()));
      const info = await new Promise<{ dir: string; pid: number }>((resolveInfo, reject) => {
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          if (out.includes('\n')) resolveInfo(JSON.parse(out.split('\n')[0]));
        });
        child.on('exit', () => reject(new Error(`child exited early: ${err}`)));
      });
      expect(alive(info.pid)).toBe(true);
      const exited = new Promise<NodeJS.Signals | null>((r) => child.on('exit', (_code, sig) => r(sig)));
      child.kill(signal);
      expect(await exited).toBe(signal);
      expect(clusterGone(info.dir, info.pid)).toBe(true);
    }, 120_000);
  }
});
