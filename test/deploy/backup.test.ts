/**
 * workflows/backup/backup.sh and restore-check.sh for real, under dash, against a throwaway PostgreSQL cluster
 * where the app's role logs in with a password (scram-sha-256; a password full of URL characters, given
 * percent-encoded in DATABASE_URL): dump, restore into a new database, migrate --check with
 * test/fixtures/deploy-app — passing for the code the dump was taken with, failing loudly for code with a
 * newer migration. The PostgreSQL tools are reached through PG_BIN shims that record their arguments (the
 * password must never be there) and a hash of the PGPASSWORD they were given (the decoded password).
 */
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunResult } from '../../src/django/postgres';
import { STRONG_SECRET_KEY } from '../support/django';
import { useCluster } from '../support/postgres';
import { canRunApp, copyApp, has, oneLine, psql, PY, scriptEnv, sh, tempDir, V2, WORKFLOWS } from './app';

const BACKUP = join(WORKFLOWS, 'backup', 'backup.sh');
const RESTORE = join(WORKFLOWS, 'backup', 'restore-check.sh');
/** Every character that means something in a URL, a space and a non-ASCII one. */
const PASSWORD = 'p@ss:w/rd?#%&=+ é!';
const ENCODED = encodeURIComponent(PASSWORD);
const DAY = 24 * 60 * 60 * 1000;

describe.skipIf(!canRunApp || !has('dash'))('backup.sh and restore-check.sh', () => {
  const pg = useCluster();
  let tmp: string;
  let v1: string;
  let v2: string;
  let shims: string;
  let log: string;
  let hashes: string;
  const url = (db: string, password = ENCODED) => `postgres://shop:${password}@${pg.cluster.admin.host}:${pg.cluster.admin.port}/${db}`;
  const env = (extra: Record<string, string> = {}) => scriptEnv({ PG_BIN: shims, PYTHON: PY, DJANGO_SECRET_KEY: STRONG_SECRET_KEY, DJANGO_ALLOWED_HOSTS: 'app.example.test', ...extra });
  const backup = (dest: string, extra: Record<string, string> = {}) => sh(BACKUP, [dest], env({ DATABASE_URL: url('shop'), ...extra }));
  const restore = (args: string[]) => sh(RESTORE, args, env());
  const outputs: string[] = [];
  const record = (r: RunResult): RunResult => {
    outputs.push(r.stdout, r.stderr);
    return r;
  };
  const manage = (dir: string, ...args: string[]) =>
    spawnSync(PY, ['manage.py', ...args], { cwd: dir, encoding: 'utf8', env: env({ DATABASE_URL: url('shop') }) as NodeJS.ProcessEnv });

  beforeAll(async () => {
    tmp = tempDir('dlg-backup-');
    v1 = copyApp(join(tmp, 'app-v1'));
    v2 = copyApp(join(tmp, 'app-v2'), V2);

    // the app's role logs in with its password; everyone else keeps trust
    const { cluster } = pg;
    await psql(cluster, 'postgres', `CREATE ROLE shop LOGIN CREATEDB PASSWORD '${PASSWORD}'`);
    await psql(cluster, 'postgres', 'CREATE DATABASE shop OWNER shop');
    const hba = join(cluster.dir, 'data', 'pg_hba.conf');
    writeFileSync(hba, `host all shop 127.0.0.1/32 scram-sha-256\n${readFileSync(hba, 'utf8')}`);
    await psql(cluster, 'postgres', 'SELECT pg_reload_conf()');

    // the PostgreSQL tools, through shims that record what they were given
    shims = join(tmp, 'shims');
    mkdirSync(shims);
    log = join(tmp, 'argv.log');
    hashes = join(tmp, 'pgpassword.log');
    for (const tool of ['pg_dump', 'pg_restore', 'psql']) {
      const shim = join(shims, tool);
      writeFileSync(shim, `#!/bin/sh\nprintf '%s\\n' "${tool} $*" >> ${log}\nprintf '%s' "\${PGPASSWORD:-}" | sha256sum | cut -d' ' -f1 >> ${hashes}\nexec ${join(cluster.bin, tool)} "$@"\n`);
      chmodSync(shim, 0o755);
    }

    // version 1 of the app, migrated, with a row
    const m = manage(v1, 'migrate', '--noinput');
    expect(m.status, m.stderr).toBe(0);
    await psql(cluster, 'shop', "INSERT INTO notes_note (text) VALUES ('kept across the backup')");
  }, 120_000);

  afterAll(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  let dump: string;

  it('backup.sh writes NAME-<UTC time>.dump (custom format, 0600) and prints only its path', async () => {
    const dest = join(tmp, 'backups');
    const r = record(await backup(dest));
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
    dump = lines[0];
    expect(dump).toMatch(new RegExp(`^${dest}/shop-\\d{8}T\\d{6}Z\\.dump$`));
    expect(statSync(dump).mode & 0o777).toBe(0o600);
    expect(statSync(dest).mode & 0o777).toBe(0o700);
    expect(readdirSync(dest)).toEqual([dump.slice(dest.length + 1)]); // no partial file left
    expect(readFileSync(dump).subarray(0, 5).toString()).toBe('PGDMP'); // pg_dump's custom format
    expect(r.stderr).toContain(`backup.sh: pg_dump of postgres://shop:***@${pg.cluster.admin.host}:${pg.cluster.admin.port}/shop`);
    // pg_dump got the decoded password, and only in its environment
    const sha = createHash('sha256').update(PASSWORD).digest('hex');
    expect(readFileSync(hashes, 'utf8').split('\n').filter(Boolean)).toContain(sha);
    expect(readFileSync(log, 'utf8')).toMatch(/^pg_dump --format=custom --no-password --file=/m);
  }, 120_000);

  it('restore-check.sh restores the dump into a new database, and migrate --check passes for the code it was taken with', async () => {
    const r = record(await restore([dump, url('restored_v1'), v1]));
    expect(r.stderr, r.stdout).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`restore-check.sh: created the database postgres://shop:***@${pg.cluster.admin.host}:${pg.cluster.admin.port}/restored_v1`);
    expect(r.stdout).toMatch(/restore-check\.sh: restored .* into postgres:\/\/shop:\*\*\*@.*\/restored_v1: \d+ tables, views and sequences/);
    expect(r.stdout).toContain(`restore-check.sh: migrate --check passed: every migration of ${v1} is applied in the restored database`);
    expect(await psql(pg.cluster, 'restored_v1', 'SELECT text FROM notes_note')).toBe('kept across the backup');
    expect(readFileSync(log, 'utf8')).toMatch(/^pg_restore --no-owner --no-privileges --exit-on-error --no-password --dbname=restored_v1 /m);
  }, 120_000);

  it('a dump taken before a new migration fails migrate --check against the newer code, naming the migration', async () => {
    const r = record(await restore([dump, url('restored_v2'), v2]));
    expect(r.code).toBe(1);
    expect(oneLine(r)).toBe(`restore-check.sh: migrate --check failed (exit 1) — the dump's schema is behind the code in ${v2}: unapplied notes.0002_note_done`);
    // once the migration is applied where the dump comes from, the next dump passes
    expect(manage(v2, 'migrate', '--noinput').status).toBe(0);
    const again = record(await backup(join(tmp, 'backups')));
    expect(again.code, again.stderr).toBe(0);
    const newer = again.stdout.trim();
    expect(newer).not.toBe(dump);
    const ok = record(await restore([newer, url('restored_v2b'), v2]));
    expect(ok.code, ok.stdout + ok.stderr).toBe(0);
  }, 120_000);

  it('restore-check.sh never restores over data: a database with tables is refused', async () => {
    const r = record(await restore([dump, url('restored_v1'), v1]));
    expect(r.code).toBe(1);
    expect(oneLine(r)).toMatch(/^restore-check\.sh: postgres:\/\/shop:\*\*\*@[^ ]+\/restored_v1 is not empty \(\d+ tables, views or sequences\) — restore-check restores only into an empty database$/);
    // an existing empty database is used
    await psql(pg.cluster, 'postgres', 'CREATE DATABASE empty_one OWNER shop');
    const empty = record(await restore([dump, url('empty_one')]));
    expect(empty.code, empty.stdout + empty.stderr).toBe(0);
    expect(empty.stdout).toContain('restore-check.sh: restoring into the existing empty database');
  }, 120_000);

  it('retention: dumps of this name RETENTION_DAYS days old or older are deleted, nothing else', async () => {
    const dest = join(tmp, 'retention');
    mkdirSync(dest);
    const old = (name: string, days: number) => {
      writeFileSync(join(dest, name), 'x');
      const t = new Date(Date.now() - days * DAY);
      utimesSync(join(dest, name), t, t);
    };
    old('shop-20200101T000000Z.dump', 40);
    old('shop-20200301T000000Z.dump', 30.2);
    old('shop-20200401T000000Z.dump', 10);
    old('shop-archive-20200101T000000Z.dump', 40); // another name
    old('notes.txt', 40);
    const r = record(await backup(dest, { RETENTION_DAYS: '30' }));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`backup.sh: retention: removed ${dest}/shop-20200101T000000Z.dump (30 days old or older)`);
    const left = readdirSync(dest).sort();
    expect(left).toEqual(['notes.txt', 'shop-20200401T000000Z.dump', r.stdout.trim().slice(dest.length + 1), 'shop-archive-20200101T000000Z.dump'].sort());

    old('shop-20190101T000000Z.dump', 400);
    const keep = record(await backup(dest, { RETENTION_DAYS: '0', BACKUP_NAME: 'shop' }));
    expect(keep.code).toBe(0);
    expect(existsSync(join(dest, 'shop-20190101T000000Z.dump'))).toBe(true);
  }, 120_000);

  it('a failing pg_dump exits 1, leaves no file and no old dump deleted, and masks the password', async () => {
    const dest = join(tmp, 'failing');
    mkdirSync(dest);
    const t = new Date(Date.now() - 90 * DAY);
    writeFileSync(join(dest, 'shop-20200101T000000Z.dump'), 'x');
    utimesSync(join(dest, 'shop-20200101T000000Z.dump'), t, t);
    const wrong = 'wr0ng-Secret-value';
    const r = record(await backup(dest, { DATABASE_URL: url('shop', wrong) }));
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/password authentication failed for user "shop"/);
    expect(r.stderr.trim().split('\n').pop()).toBe(`backup.sh: pg_dump failed (exit 1) for postgres://shop:***@${pg.cluster.admin.host}:${pg.cluster.admin.port}/shop — no dump written`);
    expect(r.stderr).not.toContain(wrong);
    expect(readdirSync(dest)).toEqual(['shop-20200101T000000Z.dump']);
  }, 120_000);

  it('the password written raw (not percent-encoded) works too', async () => {
    const r = record(await backup(join(tmp, 'raw'), { DATABASE_URL: url('shop', PASSWORD) }));
    expect(r.code, r.stderr).toBe(0);
  }, 120_000);

  it('bad input: exit 2 with the reason; a file that is no dump: exit 1', async () => {
    const noUrl = record(await sh(BACKUP, [join(tmp, 'x')], env()));
    expect(noUrl.code).toBe(2);
    expect(noUrl.stderr).toContain('backup.sh: DATABASE_URL is not set');
    const mysql = record(await sh(BACKUP, [join(tmp, 'x')], env({ DATABASE_URL: `mysql://shop:${ENCODED}@db/shop` })));
    expect(mysql.code).toBe(2);
    expect(mysql.stderr).toContain('backup.sh: DATABASE_URL: not a PostgreSQL URL (postgres://USER:PASSWORD@HOST:PORT/NAME)');
    const usage = record(await restore([dump]));
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/^usage: restore-check\.sh DUMP DATABASE_URL \[PROJECT_DIR\]\n/);
    const text = join(tmp, 'not-a-dump.dump');
    writeFileSync(text, 'hello');
    const notDump = record(await restore([text, url('never_made')]));
    expect(notDump.code).toBe(1);
    expect(oneLine(notDump)).toBe(`restore-check.sh: pg_restore --list failed (exit 1) — ${text} is not a readable pg_dump custom-format archive`);
  }, 60_000);

  it('the password appears in no output of the scripts and on no command line of the tools', () => {
    expect(outputs.length).toBeGreaterThan(10);
    for (const secret of [PASSWORD, ENCODED, 'p@ss:w', 'rd?#%']) {
      for (const o of outputs) expect(o).not.toContain(secret);
      expect(readFileSync(log, 'utf8')).not.toContain(secret);
    }
  });

  it.skipIf(!has('shellcheck'))('is shellcheck-clean (POSIX sh)', () => {
    const r = spawnSync('shellcheck', ['--shell=sh', '--external-sources', BACKUP, RESTORE, join(WORKFLOWS, 'backup', 'pg-url.sh')], { encoding: 'utf8' });
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});
