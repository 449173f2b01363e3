/**
 * What the deploy and backup tests share: test/fixtures/deploy-app (a small Django app on PostgreSQL) and the
 * later versions the tests commit on top of it, temp folders every user can enter (PostgreSQL and nginx's
 * workers run unprivileged), and small process helpers.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, closeSync, cpSync, mkdirSync, mkdtempSync, openSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { dirname, join, resolve } from 'node:path';
import { expect } from 'vitest';
import type { EmbeddedCluster, RunResult } from '../../src/django/postgres';

export const ROOT = resolve(__dirname, '..', '..');
export const FIXTURE = join(ROOT, 'test', 'fixtures', 'deploy-app');
export const WORKFLOWS = join(ROOT, 'workflows');
/** Debian's Python, whose dist-packages hold Django 3.2, psycopg2 and gunicorn. */
export const PY = '/usr/bin/python3';

export function has(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).status === 0;
}

export const canRunApp = spawnSync(PY, ['-c', 'import django, psycopg2'], { encoding: 'utf8' }).status === 0;

/** A temp folder under /tmp that every user can traverse (mkdtemp makes it 0700). */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join('/tmp', prefix));
  chmodSync(dir, 0o755);
  return dir;
}

export function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
}

/** Version 2: an additive migration (a nullable column: version 1 keeps working on the new schema). */
export const V2: Record<string, string> = {
  'notes/version.py': 'VERSION = "2"\n',
  'notes/models.py': `from django.db import models


class Note(models.Model):
    text = models.CharField(max_length=200)
    done = models.BooleanField(null=True)
`,
  'notes/migrations/0002_note_done.py': `from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("notes", "0001_initial")]
    operations = [migrations.AddField(model_name="note", name="done", field=models.BooleanField(null=True))]
`,
};

/** On top of version 2: a migration that adds a column, then fails (its column must not survive). */
export const BROKEN: Record<string, string> = {
  'notes/version.py': 'VERSION = "3"\n',
  'notes/migrations/0003_note_pinned.py': `from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("notes", "0002_note_done")]
    operations = [
        migrations.AddField(model_name="note", name="pinned", field=models.BooleanField(null=True)),
        migrations.RunSQL("SELECT 1 / 0"),
    ]
`,
};

/** On top of version 2: DEBUG left on (check --deploy fails) together with a new migration (never applied). */
export function insecure(settings: string): Record<string, string> {
  return {
    'site_app/settings.py': settings.replace('DEBUG = False', 'DEBUG = True'),
    'notes/migrations/0003_note_tag.py': `from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("notes", "0002_note_done")]
    operations = [migrations.AddField(model_name="note", name="tag", field=models.CharField(max_length=20, null=True))]
`,
  };
}

/** A copy of the fixture (plus files) in dir. */
export function copyApp(dir: string, files: Record<string, string> = {}): string {
  cpSync(FIXTURE, dir, { recursive: true });
  writeFiles(dir, files);
  return dir;
}

/** The one line a script wrote on stderr (fails the test when there are more or none). */
export function oneLine(r: RunResult): string {
  const lines = r.stderr.split('\n').filter(Boolean);
  expect(lines, r.stderr + r.stdout).toHaveLength(1);
  return lines[0];
}

/** Run a command to completion, collecting its output; stdin is /dev/null or the file named. */
export function collect(cmd: string, args: string[], env: Record<string, string | undefined>, stdinFile?: string): Promise<RunResult> {
  return new Promise((resolvePromise) => {
    const fd = stdinFile ? openSync(stdinFile, 'r') : undefined;
    const child = spawn(cmd, args, { env: env as NodeJS.ProcessEnv, stdio: [fd ?? 'ignore', 'pipe', 'pipe'], timeout: 300_000 });
    if (fd !== undefined) closeSync(fd);
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', (e) => resolvePromise({ code: 127, stdout, stderr: stderr + e.message }));
    child.on('close', (code) => resolvePromise({ code, stdout, stderr }));
  });
}

/** Run SQL on one database of the test cluster; the rows as text (psql -tA). */
export async function psql(cluster: EmbeddedCluster, database: string, sql: string): Promise<string> {
  const { admin } = cluster;
  const r = await collect(join(cluster.bin, 'psql'), ['-X', '-q', '-tA', '-v', 'ON_ERROR_STOP=1', '-h', admin.host, '-p', String(admin.port), '-U', admin.user, '-d', database, '-c', sql], {
    ...process.env,
    PGPASSWORD: admin.password ?? '',
  });
  if (r.code !== 0) throw new Error(`psql ${sql}: ${r.stderr}`);
  return r.stdout.trim();
}

/** The environment the scripts run in: this process's, without what would point Python elsewhere. */
export function scriptEnv(extra: Record<string, string> = {}): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = { ...process.env, LANG: 'C.UTF-8' };
  for (const k of ['PYTHONPATH', 'PYTHONHOME', 'VIRTUAL_ENV', 'DJANGO_SETTINGS_MODULE', 'DATABASE_URL', 'PGHOST', 'PGPORT', 'PGUSER', 'PGPASSWORD', 'PGDATABASE']) delete env[k];
  return { ...env, ...extra };
}

/**
 * A POSIX shell script run under dash, as on a Debian/Ubuntu server (stdin: /dev/null) — or, with `stdin`,
 * read by `dash -s` from its standard input, as `ssh host sh -s -- ARGS < script` runs it.
 */
export function sh(script: string, args: string[], env: Record<string, string | undefined>, opts: { stdin?: boolean } = {}): Promise<RunResult> {
  return opts.stdin ? collect('dash', ['-s', '--', ...args], env, script) : collect('dash', [script, ...args], env);
}

export interface Response {
  status: number;
  headers: IncomingHttpHeaders;
  /** header name (lowercase) → every value sent, in order (repeated headers stay apart) */
  raw: Map<string, string[]>;
  body: string;
}

/** One HTTP(S) request to 127.0.0.1:port with the given Host header (self-signed certificates accepted). */
export function get(url: string, host: string, headers: Record<string, string> = {}): Promise<Response> {
  const u = new URL(url);
  const https = u.protocol === 'https:';
  return new Promise((resolvePromise, reject) => {
    const req = (https ? httpsRequest : httpRequest)(
      {
        host: u.hostname,
        port: u.port,
        path: u.pathname + u.search,
        method: 'GET',
        headers: { Host: host, Connection: 'close', ...headers },
        ...(https ? { rejectUnauthorized: false, servername: host } : {}),
        timeout: 10_000,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (body += d));
        res.on('end', () => {
          const raw = new Map<string, string[]>();
          for (let i = 0; i < res.rawHeaders.length; i += 2) {
            const k = res.rawHeaders[i].toLowerCase();
            raw.set(k, [...(raw.get(k) ?? []), res.rawHeaders[i + 1]]);
          }
          resolvePromise({ status: res.statusCode ?? 0, headers: res.headers, raw, body });
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error(`${url}: no answer within 10 s`)));
    req.on('error', reject);
    req.end();
  });
}

/** Poll until check() returns a value (not undefined), or fail after ms with the last reason. */
export async function eventually<T>(what: string, check: () => Promise<T | undefined>, ms = 30_000): Promise<T> {
  const until = Date.now() + ms;
  let last = '';
  for (;;) {
    try {
      const v = await check();
      if (v !== undefined) return v;
    } catch (e) {
      last = (e as Error).message;
    }
    if (Date.now() > until) throw new Error(`${what}: not within ${ms / 1000} s${last ? ` (${last})` : ''}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
