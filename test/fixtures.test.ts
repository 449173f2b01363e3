/**
 * The two realistic projects: `example/` (the README's example, which must trip every rule) and
 * `test/fixtures/hardened/` (a production-ready project, which must trip none above a note).
 *
 * `# expect: launch.XNNN` annotations in example/ (any file, any number of IDs per comment):
 *  - trailing a line of code: the finding is on that line;
 *  - on a comment line of its own: the finding is on the next line that is not itself an
 *    `# expect:` line (so several standalone expect lines can stack above one statement).
 *
 * Both projects are also run for real with /usr/bin/python3 and its Django (Debian's 3.2 here):
 * `manage.py check` must pass, and Django's own `check --deploy` must find nothing in the hardened
 * production settings (and must agree that the example is insecure).
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding, Report } from '../src/finding';
import { RULES } from '../src/rules/index';
import { run } from '../src/run';

const EXAMPLE = fileURLToPath(new URL('../example', import.meta.url));
const HARDENED = fileURLToPath(new URL('./fixtures/hardened', import.meta.url));
const PLANTED_SECRET = 'django-insecure-PLANTED-SECRET-9f3b2c1e7d';
const ID = /launch\.[EWI]\d{3}/g;

interface Expectation {
  file: string;
  line: number;
  ruleId: string;
}

function show(f: Finding): string {
  return `${f.location.file}:${f.location.line} ${f.ruleId} (${f.level}) ${f.message}`;
}

/** Every file under root except docs, caches, databases and media (read as latin1: the I001 file is not UTF-8). */
function filesUnder(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const ent of readdirSync(dir, { withFileTypes: true })) {
      if (ent.name === '__pycache__' || ent.name === 'media') continue;
      const abs = join(dir, ent.name);
      if (ent.isDirectory()) walk(abs);
      else if (ent.isFile() && !/\.(md|sqlite3|pyc|png|jpe?g|gif|ico)$/.test(ent.name)) out.push(abs);
    }
  };
  walk(root);
  return out.sort();
}

function parseExpectations(root: string): Expectation[] {
  const out: Expectation[] = [];
  for (const abs of filesUnder(root)) {
    const file = relative(root, abs).split(sep).join('/');
    const lines = readFileSync(abs, 'latin1').split(/\r?\n/);
    const standalone = (i: number): boolean => /^\s*#\s*expect:/.test(lines[i] ?? '');
    lines.forEach((text, i) => {
      const m = /#\s*expect:(.*)$/.exec(text);
      if (!m) return;
      const ids = m[1].match(ID) ?? [];
      if (ids.length === 0) throw new Error(`${file}:${i + 1}: "# expect:" names no rule ID`);
      let target = i;
      if (standalone(i)) {
        target = i + 1;
        while (target < lines.length && standalone(target)) target++;
        if (target >= lines.length) throw new Error(`${file}:${i + 1}: standalone "# expect:" with no line after it`);
      }
      for (const ruleId of ids) out.push({ file, line: target + 1, ruleId });
    });
  }
  return out;
}

describe('example/ (the README example)', () => {
  let report: Report;
  let secrets: Set<string>;
  const expectations = parseExpectations(EXAMPLE);
  beforeAll(async () => {
    ({ report, secrets } = await run({ path: EXAMPLE, env: {}, failOn: 'error' }));
  });

  it('finds the six Django projects and their production settings (legacy/ names one that does not exist)', () => {
    const projects = report.projects.map((p) => `${p.root || '.'}=${p.settingsModule}`).sort();
    expect(projects).toEqual(['.=shop.settings', 'intranet=intranet.settings.docker', 'legacy=null', 'newsletter=newsletter.settings', 'webhooks=webhooks.settings', 'worker=config.settings.production']);
  });

  it('reports every rule at least once', () => {
    const seen = new Set(report.findings.map((f) => f.ruleId));
    const missing = RULES.map((r) => r.meta.id).filter((id) => !seen.has(id));
    expect(missing, `rules with no finding on example/:\n${missing.join('\n')}\nall findings:\n${report.findings.map(show).join('\n')}`).toEqual([]);
  });

  it('annotates every rule ID and only known IDs', () => {
    const known = new Set(RULES.map((r) => r.meta.id));
    expect(expectations.filter((e) => !known.has(e.ruleId)).map((e) => `${e.file}:${e.line} ${e.ruleId}`)).toEqual([]);
    const annotated = new Set(expectations.map((e) => e.ruleId));
    expect([...known].filter((id) => !annotated.has(id))).toEqual([]);
  });

  it('has a finding for every "# expect:" annotation', () => {
    const missed = expectations.filter(
      (e) => !report.findings.some((f) => f.ruleId === e.ruleId && f.location.file === e.file && f.location.line === e.line),
    );
    expect(
      missed.map((e) => `${e.file}:${e.line} ${e.ruleId}`),
      `expected findings that did not occur. Findings were:\n${report.findings.map(show).join('\n')}`,
    ).toEqual([]);
  });

  it('annotates every finding (the example documents exactly what the gate reports)', () => {
    const extra = report.findings.filter(
      (f) => !expectations.some((e) => e.ruleId === f.ruleId && e.file === f.location.file && e.line === f.location.line),
    );
    expect(extra.map(show), 'findings without a "# expect:" annotation in example/').toEqual([]);
  });

  it('blocks the launch and collects the planted secret for redaction without printing it', () => {
    expect(report.gates.find((g) => g.gate === 'rules')?.status).toBe('failed');
    expect(report.findings.some((f) => f.level === 'error')).toBe(true);
    expect(secrets.has(PLANTED_SECRET)).toBe(true);
    expect(JSON.stringify(report)).not.toContain('PLANTED-SECRET');
  });
});

describe('test/fixtures/hardened (production-ready)', () => {
  let report: Report;
  beforeAll(async () => {
    ({ report } = await run({ path: HARDENED, env: {}, failOn: 'warning' }));
  });

  it('takes config.settings.production (from wsgi.py) as the production settings', () => {
    expect(report.projects).toHaveLength(1);
    expect(report.projects[0].settingsModule).toBe('config.settings.production');
  });

  it('has no error or warning finding', () => {
    const bad = report.findings.filter((f) => f.level !== 'note');
    expect(bad.map(show), `hardened fixture findings:\n${bad.map(show).join('\n')}`).toEqual([]);
    expect(report.gates.find((g) => g.gate === 'rules')?.status).toBe('passed');
  });

  it('only notes the literal keys of dev.py and test.py', () => {
    const notes = report.findings.filter((f) => f.level === 'note').map((f) => `${f.ruleId} ${f.location.file}`);
    expect(notes.sort()).toEqual(['launch.I035 config/settings/dev.py', 'launch.I035 config/settings/test.py']);
  });

  it('checks every checklist item (none is "not applicable")', () => {
    const notChecked = report.checklist.filter((c) => c.item !== 'scan' && c.status === 'not-applicable');
    expect(notChecked.map((c) => `${c.item}: ${c.status} ${c.reason ?? ''}`)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Runtime: the projects are real Django projects.

const PY = '/usr/bin/python3';

function python(args: string[], cwd: string, env: Record<string, string> = {}) {
  const base: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith('DJANGO_')) base[k] = v;
  const r = spawnSync(PY, args, {
    cwd,
    env: { ...base, PYTHONDONTWRITEBYTECODE: '1', PYTHONPATH: '', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: r.status, out: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error) : ''}` };
}

function canImport(module: string): boolean {
  return existsSync(PY) && python(['-c', `import ${module}`], '/').status === 0;
}

const HAS_DJANGO = canImport('django');
const NO_DJANGO = `${PY} cannot import django (apt-get install python3-django)`;
const HARDENED_DEPS = ['axes', 'celery', 'sentry_sdk'].filter((m) => HAS_DJANGO && !canImport(m));
const NO_HARDENED_DEPS = `${PY} cannot import ${HARDENED_DEPS.join(', ')} (apt-get install python3-django-axes python3-celery python3-sentry-sdk)`;

/** Production environment for the hardened settings: every required variable, a strong key. */
const HARDENED_PROD_ENV = {
  DJANGO_SETTINGS_MODULE: 'config.settings.production',
  DJANGO_SECRET_KEY: randomBytes(48).toString('base64url'),
  DJANGO_ALLOWED_HOSTS: 'shop.example.com,www.shop.example.com',
  DB_NAME: 'shop',
  DB_USER: 'shop',
  DB_PASSWORD: randomBytes(12).toString('hex'),
  DB_HOST: 'db.internal',
  AWS_STORAGE_BUCKET_NAME: 'shop-uploads',
  CELERY_BROKER_URL: 'redis://redis.internal:6379/0',
};

function cleanSqlite(dir: string): void {
  rmSync(join(dir, 'db.sqlite3'), { force: true });
}

// Each test starts Python and Django (a second or two, several on a loaded 2-core runner): not the 5 s default.
describe('the projects run under Django (/usr/bin/python3)', { timeout: 60_000 }, () => {
  it('example/: manage.py check passes, and Django\'s check --deploy agrees it is insecure', ({ skip }) => {
    skip(!HAS_DJANGO, NO_DJANGO);
    const check = python(['manage.py', 'check'], EXAMPLE);
    expect(check.status, check.out).toBe(0);
    const deploy = python(['manage.py', 'check', '--deploy'], EXAMPLE);
    expect(deploy.status, deploy.out).toBe(0);
    for (const id of ['security.W004', 'security.W008', 'security.W009', 'security.W012', 'security.W016', 'security.W018', 'security.W019']) {
      expect(deploy.out, `check --deploy on example/ should report ${id}`).toContain(id);
    }
    cleanSqlite(EXAMPLE);
  });

  it('example/worker: manage.py check passes with local and with production settings', ({ skip }) => {
    skip(!HAS_DJANGO, NO_DJANGO);
    const dir = join(EXAMPLE, 'worker');
    const local = python(['manage.py', 'check'], dir);
    expect(local.status, local.out).toBe(0);
    const prod = python(['manage.py', 'check'], dir, { DJANGO_SETTINGS_MODULE: 'config.settings.production' });
    expect(prod.status, prod.out).toBe(0);
    cleanSqlite(dir);
  });

  it('example/webhooks: manage.py check passes', ({ skip }) => {
    skip(!HAS_DJANGO, NO_DJANGO);
    const r = python(['manage.py', 'check'], join(EXAMPLE, 'webhooks'), { DB_PASSWORD: 'x', STRIPE_WEBHOOK_SECRET: 'whsec_test' });
    expect(r.status, r.out).toBe(0);
  });

  it('example/newsletter: manage.py check --deploy passes with the environment its compose file gives', ({ skip }) => {
    skip(!HAS_DJANGO, NO_DJANGO);
    const env = { NEWSLETTER_SECRET_KEY: randomBytes(48).toString('base64url'), DB_NAME: 'n', DB_USER: 'n', DB_PASSWORD: 'x', DB_HOST: 'localhost', NEWSLETTER_ADMIN_EMAIL: 'ops@news.invalid' };
    const r = python(['manage.py', 'check', '--deploy', '--fail-level', 'WARNING'], join(EXAMPLE, 'newsletter'), env);
    expect(r.status, r.out).toBe(0);
  });

  it('hardened: manage.py check passes (dev settings)', ({ skip }) => {
    skip(!HAS_DJANGO, NO_DJANGO);
    skip(HARDENED_DEPS.length > 0, NO_HARDENED_DEPS);
    const r = python(['manage.py', 'check'], HARDENED);
    expect(r.status, r.out).toBe(0);
    cleanSqlite(HARDENED);
  });

  it('hardened: production settings refuse to import without DJANGO_SECRET_KEY', ({ skip }) => {
    skip(!HAS_DJANGO, NO_DJANGO);
    skip(HARDENED_DEPS.length > 0, NO_HARDENED_DEPS);
    const { DJANGO_SECRET_KEY: _key, ...env } = HARDENED_PROD_ENV;
    const r = python(['manage.py', 'check'], HARDENED, env);
    expect(r.status).not.toBe(0);
    expect(r.out).toContain("KeyError: 'DJANGO_SECRET_KEY'");
  });

  it('hardened: check --deploy with the production settings finds nothing, not even a warning', ({ skip }) => {
    skip(!HAS_DJANGO, NO_DJANGO);
    skip(HARDENED_DEPS.length > 0, NO_HARDENED_DEPS);
    const r = python(['manage.py', 'check', '--deploy', '--fail-level', 'WARNING'], HARDENED, HARDENED_PROD_ENV);
    expect(r.status, r.out).toBe(0);
    expect(r.out).toContain('System check identified no issues');
    // Control: the same check does see a weakened setting (so the clean result above means something).
    const weak = python(['manage.py', 'check', '--deploy', '--fail-level', 'WARNING'], HARDENED, { ...HARDENED_PROD_ENV, DJANGO_SECURE_SSL_REDIRECT: 'False' });
    expect(weak.status, weak.out).not.toBe(0);
    expect(weak.out).toContain('security.W008');
  });

  it('hardened: its test suite passes with the test settings', ({ skip }) => {
    skip(!HAS_DJANGO, NO_DJANGO);
    skip(HARDENED_DEPS.length > 0, NO_HARDENED_DEPS);
    const r = python(['manage.py', 'test', '--noinput'], HARDENED, { DJANGO_SETTINGS_MODULE: 'config.settings.test' });
    expect(r.status, r.out).toBe(0);
    expect(r.out).toMatch(/Ran [1-9]\d* tests?/);
  });
});
