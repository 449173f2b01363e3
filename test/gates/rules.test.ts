/**
 * The rules gate (src/gates/rules.ts) and what the run makes of it: SILENCED_SYSTEM_CHECKS in the production
 * settings silences the rule that carries the check (a note saying so), a hit names which of its rule's
 * Django checks it is, findings carry the fix of their cause, and the checklist never calls an item that no
 * gate looked at "passed".
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/tmp';
import type { ChecklistStatus, Finding, Report } from '../../src/finding';
import { runRules } from '../../src/gates/rules';
import { scan } from '../../src/project/scan';
import { formatText } from '../../src/report/text';
import { RULES } from '../../src/rules/index';
import type { Rule } from '../../src/rules/rule';
import { proxyHandled, run } from '../../src/run';

const MIDDLEWARE = `MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]
`;

/** A project whose production settings are app/settings.py (manage.py's default), plus `files`. */
function project(settings: string, files: Record<string, string | Buffer> = {}): string {
  const dir = tempDir('dlg-rules-');
  const all: Record<string, string | Buffer> = {
    'manage.py': 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "app.settings")\n',
    'app/__init__.py': '',
    'app/settings.py': settings,
    ...files,
  };
  for (const [rel, text] of Object.entries(all)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  return dir;
}

function only(findings: Finding[], id: string): Finding {
  const mine = findings.filter((f) => f.ruleId === id);
  expect(mine.map((f) => f.message), id).toHaveLength(1);
  return mine[0];
}

function rulesOf(...ids: string[]): Rule[] {
  return RULES.filter((r) => ids.includes(r.meta.id));
}

const SECURE_BASE = `import os
SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
DEBUG = False
ALLOWED_HOSTS = ["example.com"]
INSTALLED_APPS = ["django.contrib.sessions", "django.contrib.staticfiles"]
${MIDDLEWARE}SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
`;

describe('SILENCED_SYSTEM_CHECKS silences the static rules too', () => {
  it("a rule whose Django check is silenced reports a note saying so; the others stay warnings", () => {
    const dir = project(`${SECURE_BASE}X_FRAME_OPTIONS = "SAMEORIGIN"\nSILENCED_SYSTEM_CHECKS = ["security.W004", "security.W019"]\n`);
    const { gate } = runRules(scan(dir), rulesOf('launch.W101', 'launch.W104', 'launch.W107'));
    const hsts = only(gate.findings, 'launch.W101');
    expect(hsts.level).toBe('note');
    expect(hsts.message).toMatch(/\(silenced by SILENCED_SYSTEM_CHECKS in app\.settings\)$/);
    const frame = only(gate.findings, 'launch.W107');
    expect([frame.level, frame.djangoCheck]).toEqual(['note', 'security.W019']);
    expect(frame.message).toMatch(/\(silenced by SILENCED_SYSTEM_CHECKS in app\.settings\)$/);
    const ssl = only(gate.findings, 'launch.W104');
    expect(ssl.level).toBe('warning');
    expect(ssl.message).not.toContain('silenced');
    expect(gate.status).toBe('failed'); // W104 still fails it
    expect(gate.detail).toContain('2 findings silenced by SILENCED_SYSTEM_CHECKS');
  });

  it('only the check the hit is: silencing security.W019 does not silence a missing XFrameOptionsMiddleware (security.W002)', () => {
    const settings = SECURE_BASE.replace('    "django.middleware.clickjacking.XFrameOptionsMiddleware",\n', '');
    const dir = project(`${settings}SILENCED_SYSTEM_CHECKS = ["security.W019"]\n`);
    const frame = only(runRules(scan(dir), rulesOf('launch.W107')).gate.findings, 'launch.W107');
    expect([frame.level, frame.djangoCheck]).toEqual(['warning', 'security.W002']);
  });

  it('a list the scan cannot know (read from the environment) silences nothing', () => {
    const dir = project(`${SECURE_BASE}SILENCED_SYSTEM_CHECKS = os.environ.get("SILENCED", "security.W004").split(",")\n`);
    const hsts = only(runRules(scan(dir), rulesOf('launch.W101')).gate.findings, 'launch.W101');
    expect(hsts.level).toBe('warning');
    expect(hsts.message).not.toContain('silenced');
  });

  it('a rule covering several checks (W105: security.W010/W011/W012) is silenced by the one Django reports', () => {
    const settings = SECURE_BASE.replace('SESSION_COOKIE_SECURE = True', 'SESSION_COOKIE_SECURE = False').replace(
      '    "django.contrib.sessions.middleware.SessionMiddleware",\n',
      '',
    );
    // sessions app without SessionMiddleware: Django says security.W010, not W012
    const dir = project(`${settings}SILENCED_SYSTEM_CHECKS = ["security.W010"]\n`);
    const cookie = only(runRules(scan(dir), rulesOf('launch.W105')).gate.findings, 'launch.W105');
    expect(cookie.level).toBe('note');
    expect(cookie.message).toContain('(silenced by SILENCED_SYSTEM_CHECKS in app.settings)');
  });

  it('a list undecided paths extend is silenced for the checks every path holds (bugsink: `else: SILENCED_SYSTEM_CHECKS += [...]`)', () => {
    const tail = 'SILENCED_SYSTEM_CHECKS = ["security.W004"]\nif os.environ.get("BEHIND_HTTPS_PROXY", "False").lower() in ("true", "1"):\n    SESSION_COOKIE_SECURE = True\nelse:\n    SILENCED_SYSTEM_CHECKS += ["security.W008"]\n';
    const { gate } = runRules(scan(project(`${SECURE_BASE}${tail}`)), rulesOf('launch.W101', 'launch.W104'));
    expect(only(gate.findings, 'launch.W101').level).toBe('note');
    // W008 only where the variable is unset: with it set, the redirect warning stands
    expect(only(gate.findings, 'launch.W104').level).toBe('warning');
  });

  it('a dev settings module silencing a check changes nothing in production', () => {
    const dir = project(SECURE_BASE, { 'app/settings_dev.py': 'from .settings import *\nSILENCED_SYSTEM_CHECKS = ["security.W004"]\n' });
    expect(only(runRules(scan(dir), rulesOf('launch.W101')).gate.findings, 'launch.W101').level).toBe('warning');
  });
});

describe('a hit names its own Django check and fix', () => {
  it('X_FRAME_OPTIONS not DENY is security.W019 with its own fix; the rule keeps W002 as its main check', () => {
    const dir = project(`${SECURE_BASE}X_FRAME_OPTIONS = "SAMEORIGIN"\n`);
    const frame = only(runRules(scan(dir), rulesOf('launch.W107')).gate.findings, 'launch.W107');
    expect(frame.djangoCheck).toBe('security.W019');
    expect(frame.fix).toMatch(/^Set X_FRAME_OPTIONS = "DENY"/);
    expect(RULES.find((r) => r.meta.id === 'launch.W107')!.meta).toMatchObject({ djangoCheck: 'security.W002', djangoChecks: ['security.W019'] });
  });

  it('a hit naming a Django check its rule does not declare is a failure of that rule, not a finding', () => {
    const bogus: Rule = {
      meta: { ...RULES[0].meta, id: 'launch.I999' },
      check: () => ({ hits: [{ location: { file: 'app/settings.py', line: 1 }, message: 'x', djangoCheck: 'security.W999' }] }),
    };
    const r = runRules(scan(project(SECURE_BASE)), [bogus]);
    expect(r.gate.status).toBe('error');
    expect(r.failed).toEqual(['launch.I999']);
    expect(r.gate.detail).toContain('security.W999');
  });

  it('launch.I001: each cause gets its own fix (a file that is not UTF-8 has no syntax error to fix)', () => {
    const dir = project(SECURE_BASE, {
      'app/broken.py': 'def f(:\n    pass\n',
      'app/latin1.py': Buffer.from('x = "caf\xe9"\n', 'latin1'),
      'app/blob.py': Buffer.from([0x00, 0x01, 0x02]),
    });
    const notes = runRules(scan(dir), rulesOf('launch.I001')).gate.findings;
    const fix = (file: string) => notes.find((f) => f.location.file === file)?.fix ?? '';
    expect(fix('app/broken.py')).toMatch(/syntax/);
    expect(fix('app/latin1.py')).toMatch(/UTF-8/);
    expect(fix('app/latin1.py')).not.toMatch(/syntax/);
    expect(fix('app/blob.py')).toMatch(/binary/);
    expect(fix('app/blob.py')).not.toMatch(/syntax/);
  });

  it('a deploy file saved as UTF-16 with its byte-order mark is read as text, as pip reads it (StudyBud), not skipped as binary', () => {
    const utf16 = (t: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, 'utf16le')]);
    const dir = project(SECURE_BASE, { 'requirements.txt': utf16('Django==5.0.6\ngunicorn==22.0.0\n'), 'app/utf16.py': utf16('x = 1\n') });
    const ctx = scan(dir);
    expect(ctx.workspace.deployFiles().find((f) => f.rel === 'requirements.txt')?.text).toBe('Django==5.0.6\ngunicorn==22.0.0\n');
    const notes = runRules(ctx, rulesOf('launch.I001')).gate.findings;
    expect(notes.map((f) => f.location.file)).not.toContain('requirements.txt');
    // Python source in UTF-16 is not something CPython runs: still said
    expect(notes.find((f) => f.location.file === 'app/utf16.py')?.fix ?? '').toMatch(/binary/);
  });
});

function item(report: Report, name: string): ChecklistStatus {
  const s = report.checklist.find((c) => c.item === name);
  expect(s, `checklist has ${name}`).toBeDefined();
  return s!;
}

describe('checklist and verdict of a run: "not checked" is never "passed"', () => {
  it('rules only: every item with rules is judged; the test suite and migrations are not checked', async () => {
    const { report } = await run({ path: project(SECURE_BASE), env: {} });
    expect(item(report, 'debug')).toEqual({ item: 'debug', status: 'pass' });
    expect(item(report, 'uploads').status).toBe('not-applicable'); // the rule looked: no FileField
    expect(item(report, 'test-suite')).toEqual({ item: 'test-suite', status: 'not-checked', reason: 'tests gate not run' });
    expect(item(report, 'migrations')).toEqual({ item: 'migrations', status: 'not-checked', reason: 'migrations gate not run' });
    const text = formatText(report, { color: false });
    expect(text).toContain('Not checked: Test suite passes (tests gate not run); Migrations apply on PostgreSQL (migrations gate not run)');
  });

  it('no views found because a URLconf routes to an object of the project the scan cannot follow: slow work and timeouts are not checked, never "not applicable"', () => {
    const rules = rulesOf('launch.W080', 'launch.W124');
    const routed = project(`${SECURE_BASE}ROOT_URLCONF = "app.urls"\n`, {
      'app/urls.py': 'from django.contrib import admin\nfrom django.urls import path\n\nfrom app.api import api\n\nurlpatterns = [path("admin/", admin.site.urls), path("api/", api.urls)]\n',
      'app/api.py': 'from somewhere_framework import API\n\napi = API()\n',
    });
    const r = runRules(scan(routed, { env: {} }), rules);
    for (const id of ['launch.W080', 'launch.W124']) {
      expect(r.undecided.get(id)).toBe('app/urls.py:6 routes to `api.urls`, which the scan cannot follow to its views');
      expect(r.notApplicable.has(id)).toBe(false);
    }
    // only the admin (a library's URLs): no views of the project, a fact
    const adminOnly = project(`${SECURE_BASE}ROOT_URLCONF = "app.urls"\n`, { 'app/urls.py': 'from django.contrib import admin\nfrom django.urls import path\n\nurlpatterns = [path("admin/", admin.site.urls)]\n' });
    const a = runRules(scan(adminOnly, { env: {} }), rules);
    expect(a.notApplicable.get('launch.W080')).toMatch(/^no views found/);
    expect(a.undecided.has('launch.W080')).toBe(false);
  });

  it('a database whose ENGINE the scan cannot know: the database item is not checked, never passed (meine-stadt-transparent)', async () => {
    const w041 = (dir: string) => runRules(scan(dir, { env: {} }), rulesOf('launch.W041')).undecided.get('launch.W041');
    const procfile = { Procfile: 'web: gunicorn app.wsgi\n' };
    // the engine from the environment (env.db() with DATABASE_URL set)
    const fromEnv = project(`${SECURE_BASE}import environ\nenv = environ.Env()\nDATABASES = {"default": env.db()}\n`, procfile);
    expect(item((await run({ path: fromEnv, env: {} })).report, 'database').status).toBe('not-checked');
    expect(w041(fromEnv)).toMatch(/cannot be (known|read) statically \(app\/settings\.py:\d+/);
    // an ENGINE the scan cannot compute, CONN_MAX_AGE absent
    const engine = project(`${SECURE_BASE}from app.helpers import engine_name\nDATABASES = {"default": {"ENGINE": engine_name(), "NAME": "app"}}\n`, { ...procfile, 'app/helpers.py': 'import json\ndef engine_name():\n    return json.load(open("/etc/app/db.json"))["engine"]\n' });
    expect(w041(engine)).toMatch(/ENGINE .*cannot be known statically \(app\/settings\.py:\d+.*whether CONN_MAX_AGE matters is not known/);
    // a default entry the scan cannot read at all (a helper it does not model): engine and CONN_MAX_AGE unknown,
    // for both database rules (it was "Passed: Production database")
    const unread = project(`${SECURE_BASE}from app.helpers import db_config\nDATABASES = {"default": db_config()}\n`, { ...procfile, 'app/helpers.py': 'import json\ndef db_config():\n    return json.load(open("/etc/app/db.json"))\n' });
    expect(item((await run({ path: unread, env: {} })).report, 'database').status).toBe('not-checked');
    expect(w041(unread)).toMatch(/cannot be read statically .*ENGINE and CONN_MAX_AGE are not known/);
    expect(runRules(scan(unread, { env: {} }), rulesOf('launch.E040')).undecided.get('launch.E040')).toMatch(/may be SQLite/);
    // CONN_MAX_AGE set: whatever the engine, nothing to say — decided
    expect(w041(project(`${SECURE_BASE}import dj_database_url\nDATABASES = {"default": dj_database_url.config(conn_max_age=600)}\n`, procfile))).toBeUndefined();
  });

  it('deploy-checks only, and it could not run: nothing passes, and the launch is not verified', async () => {
    const { report } = await run({ path: project(SECURE_BASE), env: {}, gates: ['deploy-checks'], python: '/nonexistent/bin/python3' });
    expect(report.gates.map((g) => g.status)).toEqual(['error']);
    expect(report.checklist.filter((c) => c.status === 'pass')).toEqual([]);
    expect(item(report, 'app-server')).toEqual({ item: 'app-server', status: 'not-checked', reason: 'rules gate not run' });
    expect(item(report, 'debug')).toEqual({ item: 'debug', status: 'not-checked', reason: 'rules gate not run; deploy-checks gate could not run' });
    const text = formatText(report, { color: false });
    expect(text).not.toContain('Passed:');
    expect(text).toMatch(/Not checked: .*DEBUG off in production \(rules gate not run; deploy-checks gate could not run\);.* A real app server \(no runserver\) \(rules gate not run\)/);
    expect(text.trimEnd().split('\n').at(-1)).toBe('0 errors, 0 warnings, 0 notes — launch not verified: 1 gate could not run (deploy-checks)');
  });

  it('a rule disabled in the config leaves its item not checked (unless another rule of the item ran)', async () => {
    const dir = project(SECURE_BASE, { '.django-launch-gate.toml': 'disable = ["launch.E050", "launch.W110"]\n' });
    const { report } = await run({ path: dir, env: {} });
    expect(item(report, 'app-server')).toEqual({ item: 'app-server', status: 'not-checked', reason: 'its rule is disabled in the config' });
    expect(item(report, 'rate-limiting')).toMatchObject({ status: 'not-checked' });
    expect(item(report, 'debug').status).toBe('pass');
  });
});

describe('a rule that could not decide never passes its item', () => {
  it('settings replaced by globals().update: their items are "not checked" with the place; items decided elsewhere still pass', async () => {
    const dir = project(`import json\nDEBUG = False\nALLOWED_HOSTS = ["example.com"]\nSECRET_KEY = "x" * 0\nglobals().update(json.load(open("/etc/app.json")))\n`);
    const { report } = await run({ path: dir, env: {}, failOn: 'error' });
    const item = (name: string) => report.checklist.find((c) => c.item === name);
    expect(item('debug')).toMatchObject({ status: 'not-checked' });
    expect(item('debug')!.reason).toBe('DEBUG may be set by code the scan cannot follow (app/settings.py:5); deploy-checks gate not run');
    expect(item('allowed-hosts')).toMatchObject({ status: 'not-checked' });
    expect(item('app-server')).toMatchObject({ status: 'not-applicable' }); // no deploy file: nothing to decide
    expect(formatText(report, { color: false })).toMatch(/Not checked: .*DEBUG off in production \(DEBUG may be set by code the scan cannot follow/);
  });

  it('a value the evaluator cannot compute (DEBUG = read_flag()) is not checked; a known one passes', async () => {
    const unknown = await run({ path: project('from .flags import read_flag\nDEBUG = read_flag()\nALLOWED_HOSTS = ["example.com"]\n', { 'app/flags.py': 'def read_flag():\n    return False\n' }), env: {} });
    expect(unknown.report.checklist.find((c) => c.item === 'debug')).toMatchObject({ status: 'not-checked', reason: 'DEBUG cannot be computed statically (app/settings.py:2); deploy-checks gate not run' });
    const known = await run({ path: project('DEBUG = False\nALLOWED_HOSTS = ["example.com"]\n'), env: {} });
    expect(known.report.checklist.find((c) => c.item === 'debug')).toMatchObject({ status: 'pass' });
  });
});

describe("the project's own proxy answers Django's HTTPS checks", () => {
  it('deploy-checks security.W004 becomes a note naming the nginx HSTS header; W008 without a redirect stays', () => {
    const dir = project(`ALLOWED_HOSTS = ["example.com"]\n${MIDDLEWARE}`, {
      'deploy/nginx/shop.conf': 'server {\n    listen 443 ssl;\n    server_name shop.example.com;\n    add_header Strict-Transport-Security "max-age=31536000" always;\n    location / { proxy_pass http://127.0.0.1:8000; }\n}\n',
    });
    const ctx = scan(dir);
    const at = { file: 'app/settings.py', line: 1 };
    const findings: Finding[] = [
      { ruleId: 'security.W004', gate: 'deploy-checks', level: 'warning', message: 'You have not set a value for the SECURE_HSTS_SECONDS setting.', location: at },
      { ruleId: 'security.W008', gate: 'deploy-checks', level: 'warning', message: 'Your SECURE_SSL_REDIRECT setting is not set to True.', location: at },
    ];
    proxyHandled(findings, ctx);
    expect(findings[0].level).toBe('note');
    expect(findings[0].message).toMatch(/the project's proxy sends Strict-Transport-Security \(.*deploy\/nginx\/shop\.conf:4\)/);
    expect(findings[1].level).toBe('warning');
  });

  it("deploy-checks security.W002 / W019 become notes naming the proxy's X-Frame-Options, W006 its nosniff; the rules gate reports neither", () => {
    const settings = `ALLOWED_HOSTS = ["example.com"]\n${MIDDLEWARE.replace('    "django.middleware.clickjacking.XFrameOptionsMiddleware",\n', '')}SECURE_CONTENT_TYPE_NOSNIFF = False\n`;
    const conf = (...headers: string[]) => `server {\n    listen 8085;\n${headers.map((h) => `    ${h}\n`).join('')}    location / { proxy_pass http://localhost:8000/; }\n}\n`;
    const at = { file: 'app/settings.py', line: 1 };
    const deployChecks = (): Finding[] => [
      { ruleId: 'security.W002', gate: 'deploy-checks', level: 'warning', message: "You do not have 'django.middleware.clickjacking.XFrameOptionsMiddleware' in your MIDDLEWARE.", location: at },
      { ruleId: 'security.W019', gate: 'deploy-checks', level: 'warning', message: "You have 'django.middleware.clickjacking.XFrameOptionsMiddleware' in your MIDDLEWARE, but X_FRAME_OPTIONS is not set to 'DENY'.", location: at },
      { ruleId: 'security.W006', gate: 'deploy-checks', level: 'warning', message: 'Your SECURE_CONTENT_TYPE_NOSNIFF setting is not set to True.', location: at },
    ];

    // label-studio's shape: the image's nginx sends X-Frame-Options SAMEORIGIN, nothing for nosniff
    const frameOnly = scan(project(settings, { 'deploy/default.conf': conf('add_header X-Request-ID $request_id;', 'add_header X-Frame-Options "SAMEORIGIN" always;') }));
    const findings = deployChecks();
    proxyHandled(findings, frameOnly);
    expect(findings.map((f) => f.level)).toEqual(['note', 'note', 'warning']);
    expect(findings[0].message).toBe(
      "You do not have 'django.middleware.clickjacking.XFrameOptionsMiddleware' in your MIDDLEWARE — the project's proxy forbids framing by other sites (nginx add_header X-Frame-Options (SAMEORIGIN, always), deploy/default.conf:4).",
    );
    expect(findings[1].message).toMatch(/X_FRAME_OPTIONS is not set to 'DENY' — the project's proxy forbids framing by other sites \(.*deploy\/default\.conf:4\)\.$/);
    const gate = runRules(frameOnly, rulesOf('launch.W107', 'launch.W108')).gate;
    expect(gate.findings.map((f) => f.ruleId)).toEqual(['launch.W108']);
    // the proxy decides W107 there: a MIDDLEWARE the scan could not know would not leave it undecided
    expect(rulesOf('launch.W107')[0].check(frameOnly).decidedFor).toEqual([frameOnly.projects[0].root]);

    // nosniff from the proxy, and a framing header it does not count (ALLOW-FROM): the other way round
    const nosniffOnly = scan(project(settings, { 'deploy/default.conf': conf('add_header X-Frame-Options "ALLOW-FROM https://partner.example.org" always;', 'add_header X-Content-Type-Options nosniff;') }));
    const others = deployChecks();
    proxyHandled(others, nosniffOnly);
    expect(others.map((f) => f.level)).toEqual(['warning', 'warning', 'note']);
    expect(others[2].message).toBe(
      'Your SECURE_CONTENT_TYPE_NOSNIFF setting is not set to True — the project\'s proxy sends X-Content-Type-Options: nosniff (nginx add_header X-Content-Type-Options (nosniff, without `always`: not on error responses), deploy/default.conf:4).',
    );
    expect(runRules(nosniffOnly, rulesOf('launch.W107', 'launch.W108')).gate.findings.map((f) => f.ruleId)).toEqual(['launch.W107']);
    expect([rulesOf('launch.W107')[0].check(nosniffOnly).decidedFor, rulesOf('launch.W108')[0].check(nosniffOnly).decidedFor]).toEqual([undefined, [nosniffOnly.projects[0].root]]);
  });
});
