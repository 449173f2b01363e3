/**
 * The migrations gate for real: Django 3.2 (system), 4.2 and 5.2 (.cache/django) against a PostgreSQL cluster
 * started by the product's own postgres.ts (one per file), handed to the gate the way a CI service
 * container is — through PGHOST/PGPORT/PGUSER/PGPASSWORD.
 */
import { chmodSync, cpSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/tmp';
import type { GateResult, Report } from '../../src/finding';
import { createDatabase, freePort, runCommand } from '../../src/django/postgres';
import { run, type RunOptions } from '../../src/run';
import { djangoVersions, HARDENED_ENV, type DjangoVersion } from '../support/django';
import { useCluster } from '../support/postgres';

const FIXTURES = join(__dirname, '..', 'fixtures');
const RUNTIME = join(FIXTURES, 'runtime');
const VERSIONS = djangoVersions();
const V32 = VERSIONS[0];

const pg = useCluster();

/** The hardened fixture's production settings need these; DB_* come from the gate. */
const HARDENED_APP_ENV = Object.fromEntries(Object.entries(HARDENED_ENV).filter(([k]) => !k.startsWith('DB_')));

async function migrations(path: string, v: DjangoVersion, opts: Partial<RunOptions> = {}): Promise<{ gate: GateResult; report: Report; secrets: Set<string> }> {
  const { report, secrets } = await run({
    path,
    gates: ['migrations'],
    python: v.python,
    env: { ...v.env, ...pg.serverEnv() },
    timeoutMinutes: 3,
    ...opts,
  });
  const gate = report.gates.find((g) => g.gate === 'migrations')!;
  return { gate, report, secrets };
}

describe.each(VERSIONS)('migrations gate on Django $version', (v) => {
  const t = v.missing ? it.skip : it;

  t('passes the hardened fixture: makemigrations clean, migrate on PostgreSQL, migrate --check clean', async () => {
    const { gate } = await migrations(join(FIXTURES, 'hardened'), v, { extraEnv: HARDENED_APP_ENV });
    expect(gate.detail).toMatch(/makemigrations --check: no changes/);
    expect(gate.status, gate.detail).toBe('passed');
    expect(gate.detail).toMatch(new RegExp(`on Django ${v.version.replace('.', '\\.')}`));
    expect(gate.detail).toMatch(/migrate applied \d+ migrations on postgresql database dlg_migrations_1_[0-9a-f]{8}/);
    expect(gate.detail).toMatch(/migrate --check: nothing unapplied/);
  }, 120_000);

  t('reports a model change without a migration at the model (launch.E211)', async () => {
    const { gate, report } = await migrations(join(RUNTIME, 'missing-migration'), v);
    expect(gate.status, gate.detail).toBe('failed');
    const f = report.findings.filter((x) => x.ruleId === 'launch.E211');
    expect(f).toHaveLength(1);
    expect(f[0].location).toMatchObject({ file: 'notes/models.py', line: 4 });
    expect(f[0].message).toMatch(/^app notes has model changes without a migration: makemigrations would write notes\/migrations\/0002_note_pinned\.py \(Add field pinned to note\)/);
  }, 120_000);

  t('reports a data migration that only works on SQLite at its failing line, with PostgreSQL\'s error (launch.E212)', async () => {
    const { gate, report } = await migrations(join(RUNTIME, 'too-long-value'), v);
    expect(gate.status, gate.detail).toBe('failed');
    const f = report.findings.filter((x) => x.ruleId === 'launch.E212');
    expect(f).toHaveLength(1);
    expect(f[0].location).toMatchObject({ file: 'notes/migrations/0002_welcome_note.py', line: 7 });
    expect(f[0].message).toMatch(/^migration notes\.0002_welcome_note fails on PostgreSQL in "Raw Python operation": DataError: value too long for type character varying\(20\)/);
  }, 120_000);

  t('reports settings that ignore the database provided (launch.E213) and migrates nothing', async () => {
    const dir = join(RUNTIME, 'ignores-database-url');
    const { gate, report } = await migrations(dir, v);
    expect(gate.status, gate.detail).toBe('failed');
    const f = report.findings.filter((x) => x.ruleId === 'launch.E213');
    expect(f).toHaveLength(1);
    expect(f[0].location).toMatchObject({ file: 'proj/settings.py', line: 11 });
    expect(f[0].message).toMatch(/makes Django use SQLite \(django\.db\.backends\.sqlite3\), not the PostgreSQL database provided .*your settings ignore DATABASE_URL \/ DB_\* variables/);
    // migrate never ran on the hard-coded SQLite file
    expect(existsSync(join(dir, 'db.sqlite3'))).toBe(false);
  }, 120_000);
});

describe('migrations gate (Django 3.2)', () => {
  const t = V32.missing ? it.skip : it;

  t('conflicting migrations are launch.E211 with the fix for a conflict (a merge migration), not "run makemigrations"', async () => {
    const dir = tempDir('dlg-conflict-');
    cpSync(join(RUNTIME, 'failing-test'), dir, { recursive: true });
    for (const name of ['0002_left', '0002_right']) {
      writeFileSync(join(dir, 'notes', 'migrations', `${name}.py`), 'from django.db import migrations\n\n\nclass Migration(migrations.Migration):\n    dependencies = [("notes", "0001_initial")]\n    operations = []\n');
    }
    const { gate, report } = await migrations(dir, V32);
    expect(gate.status, gate.detail).toBe('failed');
    const f = report.findings.filter((x) => x.ruleId === 'launch.E211');
    expect(f.map((x) => x.message)).toEqual([expect.stringMatching(/^app notes has conflicting migrations \(0002_left, 0002_right\)/)]);
    expect(f[0].fix).toBe('Run manage.py makemigrations --merge notes and commit the merge migration it writes.');
  }, 120_000);

  t('points a failing RunSQL at its operation in the migration file', async () => {
    const { report } = await migrations(join(RUNTIME, 'sqlite-only-sql'), V32);
    const f = report.findings.filter((x) => x.ruleId === 'launch.E212');
    expect(f).toHaveLength(1);
    expect(f[0].location).toMatchObject({ file: 'notes/migrations/0002_seed.py', line: 13 });
    expect(f[0].message).toMatch(/migration notes\.0002_seed fails on PostgreSQL in "Raw SQL operation": ProgrammingError: syntax error at or near "OR"/);
  }, 120_000);
});

describe('migrations gate against an existing database (database-url, Django 3.2)', () => {
  const t = V32.missing ? it.skip : it;
  const PASSWORD = 'staging-password-123';
  const url = (db: string, port = pg.cluster.admin.port) => `postgres://postgres:${PASSWORD}@127.0.0.1:${port}/${db}`;
  const psql = (db: string, sql: string) =>
    runCommand(join(pg.cluster.bin, 'psql'), ['-X', '-At', '-h', '127.0.0.1', '-p', String(pg.cluster.admin.port), '-U', 'postgres', '-d', db, '-c', sql]);

  t('lists the migrations not applied there (launch.E214), changes nothing, and keeps the password secret', async () => {
    await createDatabase(pg.cluster.admin, 'staging_empty', { psqlDir: pg.cluster.bin });
    const { gate, report, secrets } = await migrations(join(RUNTIME, 'failing-test'), V32, { databaseUrl: url('staging_empty'), env: { ...V32.env } });
    expect(gate.status, gate.detail).toBe('failed');
    expect(gate.detail).toContain(`against database-url 127.0.0.1:${pg.cluster.admin.port}/staging_empty`);
    const f = report.findings.filter((x) => x.ruleId === 'launch.E214');
    expect(f.map((x) => x.message.split(' ')[1])).toEqual(expect.arrayContaining(['contenttypes.0001_initial', 'notes.0001_initial']));
    expect(f.find((x) => x.message.includes('notes.0001_initial'))!.location).toMatchObject({ file: 'notes/migrations/0001_initial.py', line: 1 });
    expect(f[0].message).toMatch(/is not applied on the database at 127\.0\.0\.1:\d+\/staging_empty \(database-url\)/);
    // Unapplied on staging: the rule's own fix (migrate there) is the right one, no other.
    expect(f.every((x) => x.fix === undefined)).toBe(true);
    // migrate --check only: not even django_migrations was created
    const q = await psql('staging_empty', "SELECT count(*) FROM information_schema.tables WHERE table_name = 'django_migrations'");
    expect(q.stdout.trim(), q.stderr).toBe('0');
    expect(secrets.has(PASSWORD)).toBe(true);
    expect(JSON.stringify(report)).not.toContain(PASSWORD);
  }, 120_000);

  t('passes when every migration is applied there', async () => {
    await createDatabase(pg.cluster.admin, 'staging_full', { psqlDir: pg.cluster.bin });
    const dir = join(RUNTIME, 'failing-test');
    const env = { ...V32.env, PGHOST: '127.0.0.1', PGPORT: String(pg.cluster.admin.port), PGUSER: 'postgres', PGDATABASE: 'staging_full' };
    const m = await runCommand(V32.python, ['manage.py', 'migrate', '--noinput'], { cwd: dir, env });
    expect(m.code, m.stderr).toBe(0);
    const { gate, report } = await migrations(dir, V32, { databaseUrl: url('staging_full'), env: { ...V32.env } });
    expect(gate.status, gate.detail).toBe('passed');
    expect(gate.detail).toContain('migrate --check: nothing unapplied');
    expect(report.findings).toEqual([]);
  }, 120_000);

  t('an unreachable database-url is one gate error naming host:port', async () => {
    const port = await freePort();
    const { gate, report } = await migrations(join(RUNTIME, 'failing-test'), V32, { databaseUrl: url('staging', port), env: { ...V32.env } });
    expect(gate.status).toBe('error');
    expect(gate.detail).toContain(`cannot reach PostgreSQL at 127.0.0.1:${port} (connection refused)`);
    expect(gate.detail).toContain('check database-url');
    expect(gate.detail).not.toContain(PASSWORD);
    expect(report.findings).toEqual([]);
  }, 60_000);

  t('a database-url that is not PostgreSQL is a gate error saying so', async () => {
    const { gate } = await migrations(join(RUNTIME, 'failing-test'), V32, { databaseUrl: 'mysql://app@db.example.com/app', env: { ...V32.env } });
    expect(gate.status).toBe('error');
    expect(gate.detail).toMatch(/database-url has scheme "mysql", not postgres/);
  }, 60_000);
});

describe('migrations gate without PostgreSQL (Django 3.2)', () => {
  const t = V32.missing ? it.skip : it;
  const noServer = () => ({ ...V32.env, DLG_POSTGRES_BIN: 'none' });

  t('is skipped, loudly, never passed', async () => {
    const { gate, report } = await migrations(join(RUNTIME, 'failing-test'), V32, { env: noServer() });
    expect(gate.status).toBe('skipped');
    expect(gate.detail).toMatch(/^skipped: no PostgreSQL — install postgresql or pass database-url/);
    expect(gate.detail).toContain('makemigrations --check: no changes');
    expect(report.findings).toEqual([]);
  }, 60_000);

  t('still reports models without a migration (makemigrations needs no database)', async () => {
    const { gate, report } = await migrations(join(RUNTIME, 'missing-migration'), V32, { env: noServer() });
    expect(gate.status).toBe('failed');
    expect(gate.detail).toContain('skipped: no PostgreSQL');
    expect(report.findings.map((f) => f.ruleId)).toEqual(['launch.E211']);
  }, 60_000);

  t('a PostgreSQL named by the environment that does not answer is one gate error naming host:port', async () => {
    const port = await freePort();
    const { gate } = await migrations(join(RUNTIME, 'failing-test'), V32, { env: { ...V32.env, DB_HOST: '127.0.0.1', DB_PORT: String(port) } });
    expect(gate.status).toBe('error');
    expect(gate.detail).toContain(`cannot reach PostgreSQL at 127.0.0.1:${port} (connection refused)`);
  }, 60_000);
});

describe('migrations gate: bad input is one clear gate error (Django 3.2)', () => {
  const t = V32.missing ? it.skip : it;

  t('no such Python', async () => {
    const { gate } = await migrations(join(RUNTIME, 'failing-test'), V32, { python: '/nonexistent/python3' });
    expect(gate.status).toBe('error');
    expect(gate.detail).toContain('/nonexistent/python3 not found — set the python input / --python');
  }, 60_000);

  t('Django not installed for that Python', async () => {
    // An interpreter without site-packages: python3 -S.
    const dir = tempDir('dlg-nodjango-');
    const py = join(dir, 'python3');
    writeFileSync(py, `#!/bin/sh\nexec ${V32.python} -S "$@"\n`);
    chmodSync(py, 0o755);
    try {
      const { gate } = await migrations(join(RUNTIME, 'failing-test'), V32, { python: py });
      expect(gate.status).toBe('error');
      expect(gate.detail).toMatch(/^Django is not installed for .*python3 — pip install -r requirements\.txt/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  t('settings that raise on import', async () => {
    const { gate } = await migrations(join(RUNTIME, 'import-error'), V32);
    expect(gate.status).toBe('error');
    expect(gate.detail).toMatch(/^settings module proj\.settings raises ModuleNotFoundError: No module named 'launch_gate_not_installed_package' \(at proj\/settings\.py:2\) — /);
    expect(gate.detail).toContain('fix the settings or provide what they need');
  }, 60_000);
});
