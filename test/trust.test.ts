/**
 * Never a silent pass (issue 7): every case here ended in "launch may proceed" (exit 0), a judgement of the
 * wrong settings module, or "unexpected error" before production settings were resolved from evidence.
 * Each runs the CLI as users do and checks the exit code, the one stderr line, and what the report says.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from '../src/cli';

const made: string[] = [];
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

function project(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'dlg-trust-'));
  made.push(dir);
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  return dir;
}

async function run(argv: string[]): Promise<{ code: number; out: string; err: string; json?: { findings: Array<{ ruleId: string; level: string; location: { file: string; line: number }; message: string; fix?: string }>; projects: Array<{ settingsModule: string | null; settingsFile: string | null; reason: string; status?: string }> } }> {
  let out = '';
  let err = '';
  const code = await cli(argv, { stdout: { write: (t: string) => (out += t) }, stderr: { write: (t: string) => (err += t) }, cwd: process.cwd(), env: {} });
  let json;
  if (argv.includes('json')) {
    try {
      json = JSON.parse(out);
    } catch {
      json = undefined;
    }
  }
  return { code, out, err, json };
}

function oneLine(err: string): string {
  const lines = err.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^django-launch-gate: .+ — .+/);
  expect(err).not.toMatch(/\n\s+at .+:\d+:\d+/);
  return lines[0];
}

const MANAGE = (module: string) => `import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "${module}")\n`;

describe('PEP 263: production settings in Latin-1', () => {
  const latin1 = Buffer.from('# -*- coding: latin-1 -*-\nSITE_NAME = "Caf\xe9"\nALLOWED_HOSTS = ["example.com"]\nDEBUG = True\n', 'latin1');

  it('with a coding line and a non-ASCII byte: read as Python reads it, DEBUG = True is found (was: dev module judged, exit 0)', async () => {
    const dir = project({
      'manage.py': MANAGE('app.settings.dev'),
      'app/__init__.py': '',
      'app/wsgi.py': MANAGE('app.settings.prod'),
      'app/settings/__init__.py': '',
      'app/settings/dev.py': 'DEBUG = True\n',
      'app/settings/prod.py': latin1,
    });
    const r = await run([dir, '--format', 'json']);
    expect(r.code).toBe(1);
    expect(r.json!.projects[0].settingsModule).toBe('app.settings.prod');
    expect(r.json!.findings.map((f) => `${f.ruleId} ${f.location.file}:${f.location.line}`)).toContain('launch.E010 app/settings/prod.py:4');
  });

  it('when manage.py names the same module (was: "no settings module found" → may proceed)', async () => {
    const dir = project({ 'manage.py': MANAGE('app.settings'), 'app/__init__.py': '', 'app/settings.py': latin1 });
    const r = await run([dir, '--format', 'json']);
    expect(r.code).toBe(1);
    expect(r.json!.findings.some((f) => f.ruleId === 'launch.E010')).toBe(true);
  });

  it('without a coding line the file is refused as CPython refuses it: an error on that file, never a fallback', async () => {
    const dir = project({
      'manage.py': MANAGE('app.settings.dev'),
      'app/__init__.py': '',
      'app/wsgi.py': MANAGE('app.settings.prod'),
      'app/settings/__init__.py': '',
      'app/settings/dev.py': 'DEBUG = False\nALLOWED_HOSTS = ["x"]\n',
      'app/settings/prod.py': Buffer.from('SITE_NAME = "Caf\xe9"\nDEBUG = True\n', 'latin1'),
    });
    const r = await run([dir, '--format', 'json']);
    expect(r.code).toBe(1);
    expect(r.json!.projects[0].settingsModule).toBe('app.settings.prod');
    const e002 = r.json!.findings.filter((f) => f.ruleId === 'launch.E002');
    expect(e002).toHaveLength(1);
    expect(e002[0]).toMatchObject({ level: 'error', location: { file: 'app/settings/prod.py', line: 1 } });
    expect(e002[0].message).toContain('could not be read');
    expect(e002[0].message).not.toMatch(/syntax/i);
    // Nothing is judged from the development module in its place.
    expect(r.json!.findings.filter((f) => f.location.file === 'app/settings/dev.py' && f.level !== 'note')).toEqual([]);
  });

  it('Python 2 settings (a print statement tree-sitter reads): blocked as Python 3 refuses them, saying Python 2 is past its end of life — not "a syntax error"', async () => {
    const dir = project({
      'manage.py': MANAGE('app.settings'),
      'app/__init__.py': '',
      'app/settings.py': 'import os\nDEBUG = False\ntry:\n    from local_settings import *\nexcept Exception as e:\n    print e\n',
    });
    const r = await run([dir, '--format', 'json']);
    expect(r.code).toBe(1);
    const e002 = r.json!.findings.filter((f) => f.ruleId === 'launch.E002');
    expect(e002).toHaveLength(1);
    expect(e002[0]).toMatchObject({ level: 'error', location: { file: 'app/settings.py', line: 6 } });
    expect(e002[0].message).toContain('it is Python 2 code (near line 6), which Python 3 refuses to import');
    expect(e002[0].message).toContain('end of life');
    expect(e002[0].message).not.toMatch(/syntax error/);
    expect(e002[0].fix).toMatch(/^Port the project to Python 3/);
  });

  it('a syntax error in a module production star-imports blocks the launch at that file', async () => {
    const dir = project({
      'manage.py': MANAGE('app.settings'),
      'app/__init__.py': '',
      'app/settings.py': 'from .base import *  # noqa\nDEBUG = False\n',
      'app/base.py': 'ALLOWED_HOSTS = ["example.com"]\nMIDDLEWARE = [\n',
    });
    const r = await run([dir, '--format', 'json']);
    expect(r.code).toBe(1);
    const e002 = r.json!.findings.find((f) => f.ruleId === 'launch.E002')!;
    expect(e002.location.file).toBe('app/base.py');
    // Nothing reported as missing from a chain the scan could not read.
    expect(r.json!.findings.filter((f) => f.ruleId === 'launch.W100')).toEqual([]);
  });
});

describe('the module production is told to use does not exist', () => {
  it('wsgi.py names a missing module: an error at that line, and no other module judged in its place', async () => {
    const dir = project({
      'manage.py': MANAGE('app.settings'),
      'app/__init__.py': '',
      'app/wsgi.py': 'import os\n\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "app.settings_prod")\n',
      'app/settings.py': 'DEBUG = True\nSECRET_KEY = "dev"\n',
    });
    const r = await run([dir, '--format', 'json']);
    expect(r.code).toBe(1);
    const e003 = r.json!.findings.filter((f) => f.ruleId === 'launch.E003');
    expect(e003).toHaveLength(1);
    expect(e003[0].location).toEqual({ file: 'app/wsgi.py', line: 3 });
    expect(e003[0].message).toContain('app.settings_prod');
    expect(r.json!.projects[0]).toMatchObject({ settingsModule: null, status: 'missing' });
    expect(r.json!.findings.filter((f) => f.ruleId === 'launch.E010' || f.ruleId === 'launch.E030')).toEqual([]);
  });

  it('named explicitly (--settings) and missing: exit 2, one line naming it', async () => {
    const dir = project({ 'manage.py': MANAGE('app.settings'), 'app/__init__.py': '', 'app/settings.py': 'DEBUG = False\n' });
    const r = await run([dir, '--settings', 'app.settings_live']);
    expect(r.code).toBe(2);
    expect(oneLine(r.err)).toContain('app.settings_live');
  });
});

describe('a project with no production settings to judge: exit 2, one line, never "may proceed"', () => {
  it('manage.py with no DJANGO_SETTINGS_MODULE and nothing else naming one', async () => {
    const dir = project({ 'manage.py': 'import sys\nprint(sys.argv)\n', 'app/__init__.py': '', 'app/settings.py': 'DEBUG = True\n' });
    const r = await run([dir]);
    expect(r.code).toBe(2);
    const line = oneLine(r.err);
    expect(line).toContain('--settings');
    expect(line).toContain('project .');
  });

  it('only development settings are named (wsgi and manage.py → settings.dev): never judged as production', async () => {
    const dir = project({
      'manage.py': MANAGE('app.settings.dev'),
      'app/__init__.py': '',
      'app/wsgi.py': MANAGE('app.settings.dev'),
      'app/settings/__init__.py': '',
      'app/settings/dev.py': 'DEBUG = True\n',
    });
    const r = await run([dir]);
    expect(r.code).toBe(2);
    const line = oneLine(r.err);
    expect(line).toContain('only development settings');
    expect(line).toContain('app.settings.dev');
  });

  it('the same project with --settings naming the dev module judges it (the user said so)', async () => {
    const dir = project({ 'manage.py': MANAGE('app.settings.dev'), 'app/__init__.py': '', 'app/settings/__init__.py': '', 'app/settings/dev.py': 'DEBUG = True\n' });
    const r = await run([dir, '--settings', 'app.settings.dev', '--format', 'json']);
    expect(r.code).toBe(1);
    expect(r.json!.findings.some((f) => f.ruleId === 'launch.E010')).toBe(true);
  });
});

describe('valid Python of any size', () => {
  it('a + chain of 1,500 terms in settings: findings, not "unexpected error: Maximum call stack size exceeded"', async () => {
    const chain = Array.from({ length: 1500 }, (_, i) => `"part${i}"`).join(' + ');
    const dir = project({ 'manage.py': MANAGE('app.settings'), 'app/__init__.py': '', 'app/settings.py': `TITLE = ${chain}\nALLOWED_HOSTS = ["example.com"]\nDEBUG = True\n` });
    const r = await run([dir, '--format', 'json']);
    expect(r.err).not.toMatch(/unexpected error|call stack/i);
    expect(r.code).toBe(1);
    expect(r.json!.findings.some((f) => f.ruleId === 'launch.E010' && f.location.line === 3)).toBe(true);
  });
});

describe('a setting the scan cannot compute is not checked, never passed', () => {
  it('the default database ENGINE made from a config value (pretalx: "django.db.backends." + backend, SQLite by default)', async () => {
    const settings = [
      'import os',
      'SECRET_KEY = os.environ["SECRET_KEY"]',
      'ALLOWED_HOSTS = ["example.com"]',
      'from app.config import load_config',
      'backend = load_config().get("database", "backend")',
      'DATABASES = {"default": {"ENGINE": "django.db.backends." + backend.strip(), "NAME": "app", "CONN_MAX_AGE": 60}}',
      '',
    ].join('\n');
    const dir = project({ 'manage.py': MANAGE('app.settings'), 'app/__init__.py': '', 'app/settings.py': settings });
    const r = await run([dir, '--format', 'json']);
    const report = JSON.parse(r.out) as { checklist: Array<{ item: string; status: string; reason?: string }> };
    const database = report.checklist.find((c) => c.item === 'database');
    expect(database?.status).toBe('not-checked');
    expect(database?.reason).toContain("the default database's ENGINE in app.settings cannot be computed statically (app/settings.py:6)");
  });

  it('a model field named FileField from a module the scan cannot place: uploads not checked, never "no FileField in the models" (WAStD)', async () => {
    const settings = 'import os\nSECRET_KEY = os.environ["SECRET_KEY"]\nDEBUG = False\nALLOWED_HOSTS = ["example.com"]\n';
    const models = 'from geofields import models\n\n\nclass Survey(models.Model):\n    photo = models.FileField(upload_to="surveys/")\n';
    const dir = project({ 'manage.py': MANAGE('app.settings'), 'app/__init__.py': '', 'app/settings.py': settings, 'Procfile': 'web: gunicorn app.wsgi\n', 'surveys/__init__.py': '', 'surveys/models.py': models });
    const r = await run([dir, '--format', 'json']);
    const report = JSON.parse(r.out) as { checklist: Array<{ item: string; status: string; reason?: string }> };
    const uploads = report.checklist.find((c) => c.item === 'uploads');
    expect(uploads?.status).toBe('not-checked');
    expect(uploads?.reason).toContain('models.FileField() at surveys/models.py:5');
  });
});

describe("the admin's login is a login endpoint: never 'no login endpoint found' while it is routed", () => {
  const settings = (apps: string) => `import os\nSECRET_KEY = os.environ["SECRET_KEY"]\nDEBUG = False\nALLOWED_HOSTS = ["example.com"]\nINSTALLED_APPS = ["django.contrib.admin", "django.contrib.auth", "django.contrib.contenttypes", "django.contrib.sessions"${apps}]\nROOT_URLCONF = "app.urls"\n`;
  const urls = 'from django.contrib import admin\nfrom django.urls import path\n\nurlpatterns = [\n    path("admin/", admin.site.urls),\n]\n';
  const rateLimiting = async (apps: string) => {
    const dir = project({ 'manage.py': MANAGE('app.settings'), 'app/__init__.py': '', 'app/settings.py': settings(apps), 'app/urls.py': urls });
    const r = await run([dir, '--format', 'json']);
    return (JSON.parse(r.out) as { checklist: Array<{ item: string; status: string; reason?: string }> }).checklist.find((c) => c.item === 'rate-limiting');
  };
  it('only admin.site.urls routed, no lockout app: not checked, naming the route (was: not applicable — the RCA, Toolhub)', async () => {
    const item = await rateLimiting('');
    expect(item?.status).toBe('not-checked');
    expect(item?.reason).toContain("the admin's login page (app/urls.py:5)");
  });
  it('with django-axes installed, which limits the admin login too: passed', async () => {
    expect((await rateLimiting(', "axes"'))?.status).toBe('pass');
  });
});

describe('a deploy file names a module the scan cannot find', () => {
  it('whatever is judged instead comes with a launch.I004 note naming it (was: the ENV dropped without a word)', async () => {
    const dir = project({
      'manage.py': MANAGE('settings.common'),
      'settings/__init__.py': '',
      'settings/common.py': 'DEBUG = False\nALLOWED_HOSTS = ["x.example"]\n',
      // made by a script at build time, which the scan cannot read
      'docker/Dockerfile': 'FROM python:3.12\nWORKDIR /app\nCOPY . .\nRUN ./make-config.sh\nENV DJANGO_SETTINGS_MODULE=settings.config\n',
    });
    const r = await run([dir, '--format', 'json']);
    const note = r.json!.findings.find((f) => f.ruleId === 'launch.I004');
    expect(note?.message).toContain('judged `settings.common`');
    expect(note?.message).toContain('also named: `settings.config` (ENV in docker/Dockerfile (docker/Dockerfile, line 5) — not in the repository, and no build step the scan reads makes it)');
  });
});

describe('a message names what decides it, or nothing', () => {
  it("settings that do not load without an environment variable (DORA's prod.py raises without DATABASE_URL): a finding there is not qualified by 'whenever its environment variable is set'", async () => {
    const dir = project({
      'manage.py': 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "app.settings")\n',
      'app/__init__.py': '',
      'app/base.py': 'import os\nDATABASE_URL = os.getenv("DATABASE_URL")\nSECRET_KEY = os.environ.get("SECRET_KEY")\nALLOWED_HOSTS = ["example.com"]\nMIDDLEWARE = ["django.middleware.security.SecurityMiddleware"]\n',
      'app/settings.py': [
        'from .base import *',
        'if DATABASE_URL:',
        '    DATABASES = {"default": {"ENGINE": "django.db.backends.postgresql", "NAME": "app", "CONN_MAX_AGE": 60}}',
        'else:',
        '    raise Exception("DATABASE_URL absent")',
        'SECURE_SSL_REDIRECT = True',
        '',
      ].join('\n'),
      Dockerfile: 'FROM python:3.12\nCOPY . /app\nCMD ["gunicorn", "app.wsgi", "--bind", "0.0.0.0:8000"]\n',
    });
    const r = await run([dir, '--format', 'json', '--gates', 'rules']);
    const e109 = r.json!.findings.find((f) => f.ruleId === 'launch.E109')!;
    expect(e109.level).toBe('error');
    expect(e109.message).toContain('but SECURE_PROXY_SSL_HEADER is not set: behind a proxy');
    expect(e109.message).not.toContain('environment variable');
  });
});
