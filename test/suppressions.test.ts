/**
 * Inline suppressions, end to end on real projects in temp folders through the CLI: `# launch-gate:
 * ignore[ID] reason` on a finding's line or the line before keeps the finding in every report, marked, and takes
 * it out of the counts, the verdict, the exit code and the annotations; the SARIF carries a `suppressions` entry
 * of kind inSource with the reason, valid for the real SARIF validator; a suppression without a reason still
 * suppresses and is a launch.I006 note; one that suppresses nothing is a launch.I007 note; a secret in a reason
 * is redacted like any other text.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type * as Sarif from 'sarif';
import { describe, expect, it } from 'vitest';
import { suppressionComments } from '../src/project/suppressions';
import { selectAnnotations } from '../src/report/annotations';
import { redactReport, Redactor, vocabulary } from '../src/report/redact';
import { jobSummary } from '../src/report/summary';
import { run } from '../src/run';
import { ranOf } from '../src/suppressions';
import { validateSarif } from './support/multitool';
import { projectDir, runCli } from './support/cli';
import { tempDir } from './support/tmp';

/** Production settings with nothing wrong but what a test adds: errors only from `extra`. */
const CLEAN = `import os
SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
ALLOWED_HOSTS = ["example.com"]
INSTALLED_APPS = ["django.contrib.sessions", "django.contrib.staticfiles"]
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]
SECURE_SSL_REDIRECT = True
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
STATIC_ROOT = "/srv/static"
DATABASES = {"default": {"ENGINE": "django.db.backends.postgresql", "NAME": "app", "CONN_MAX_AGE": 60}}
`;

/** The line number of the first line a test adds after CLEAN. */
const L = CLEAN.split('\n').length;

/** A literal key in development settings: a note, and a value the redactor knows. */
const PLANTED = 'django-insecure-PLANTED-dev-key-7f3a9c';

function project(settings: string, files: Record<string, string> = {}): string {
  return projectDir('dlg-suppress-', {
    'manage.py': 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "app.settings")\n',
    'app/__init__.py': '',
    'app/settings.py': `${CLEAN}${settings}`,
    'app/settings_dev.py': `from .settings import *\nSECRET_KEY = "${PLANTED}"\n`,
    ...files,
  });
}

interface JsonFinding {
  ruleId: string;
  level: string;
  location: { file: string; line: number };
  suppression?: { kind: string; justification?: string; location: { file: string; line: number } };
}
interface JsonReport {
  counts: Record<string, number>;
  suppressed: number;
  verdict: string;
  blocked: boolean;
  findings: JsonFinding[];
  gates: Array<{ gate: string; status: string; detail?: string }>;
}

async function json(dir: string, ...args: string[]): Promise<{ code: number; report: JsonReport; err: string }> {
  const r = await runCli([dir, '--format', 'json', ...args]);
  return { code: r.code, report: JSON.parse(r.out) as JsonReport, err: r.err };
}

const at = (report: JsonReport, id: string) => report.findings.filter((f) => f.ruleId === id).map((f) => `${f.location.file}:${f.location.line}`);

const DEBUG_ON = '# launch-gate: ignore[launch.E010] a staging mirror behind the VPN; DEBUG pages are how it is debugged\nDEBUG = True\n';
const RUNSERVER = 'FROM python:3.12-slim\nENV DJANGO_SETTINGS_MODULE=app.settings\n# launch-gate: ignore[launch.E050] the development image; production runs gunicorn from deploy/\nCMD ["python", "manage.py", "runserver", "0.0.0.0:8000"]\n';

describe('a suppression with a reason', () => {
  it('keeps the finding, marked, out of the counts, the verdict and the exit code (Python and Dockerfile)', async () => {
    const bare = project('DEBUG = True\n', { Dockerfile: RUNSERVER.replace(/^# launch-gate.*\n/m, '') });
    const before = await json(bare);
    expect(before.code).toBe(1);
    expect(before.report.counts.error).toBe(2);

    const dir = project(DEBUG_ON, { Dockerfile: RUNSERVER });
    const { code, report, err } = await json(dir);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(report.blocked).toBe(false);
    expect(report.counts.error).toBe(0);
    expect(report.suppressed).toBe(2);
    expect(report.verdict).toMatch(/^0 errors, \d+ warnings?, \d+ notes? \(2 suppressed\) — launch may proceed \(fail-on: error\)$/);
    const debug = report.findings.find((f) => f.ruleId === 'launch.E010')!;
    expect(debug).toMatchObject({
      level: 'error',
      location: { file: 'app/settings.py', line: L + 1 },
      suppression: { kind: 'inSource', justification: 'a staging mirror behind the VPN; DEBUG pages are how it is debugged', location: { file: 'app/settings.py', line: L } },
    });
    expect(report.findings.find((f) => f.ruleId === 'launch.E050')?.suppression).toMatchObject({
      justification: 'the development image; production runs gunicorn from deploy/',
      location: { file: 'Dockerfile', line: 3 },
    });
    // used, with reasons: neither suppression rule says anything
    expect(at(report, 'launch.I006')).toEqual([]);
    expect(at(report, 'launch.I007')).toEqual([]);
    expect(report.gates.find((g) => g.gate === 'rules')?.detail).toContain('2 findings suppressed in source');
  });

  it('the SARIF keeps the result with suppressions [{ kind: inSource, justification }], and the real validator accepts it', async () => {
    const dir = project(DEBUG_ON, { Dockerfile: RUNSERVER });
    const sarifFile = join(tempDir('dlg-suppress-sarif-'), 'out.sarif');
    const r = await runCli([dir, '--sarif', sarifFile]);
    expect(r.code).toBe(0);
    const text = readFileSync(sarifFile, 'utf8');
    const results = (JSON.parse(text) as Sarif.Log).runs[0].results!;
    const debug = results.find((x) => x.ruleId === 'launch.E010')!;
    expect(debug.level).toBe('error');
    expect(debug.suppressions).toEqual([
      {
        kind: 'inSource',
        status: 'accepted',
        justification: 'a staging mirror behind the VPN; DEBUG pages are how it is debugged',
        location: { physicalLocation: { artifactLocation: { uri: 'app/settings.py', uriBaseId: '%SRCROOT%' }, region: { startLine: L, startColumn: 1 } } },
      },
    ]);
    expect(results.find((x) => x.ruleId === 'launch.E050')?.suppressions?.[0]).toMatchObject({ kind: 'inSource', justification: 'the development image; production runs gunicorn from deploy/' });
    // what is not suppressed carries no suppressions at all
    for (const res of results.filter((x) => x.ruleId !== 'launch.E010' && x.ruleId !== 'launch.E050')) expect(res.suppressions).toBeUndefined();
    const v = validateSarif(tempDir('dlg-suppress-validate-'), text, 'suppressed');
    expect(v.errors).toEqual([]);
    expect(v.warnings).toEqual([]);
  }, 120_000);

  it('the text report and the job summary list it apart; annotations leave it out', async () => {
    const dir = project(DEBUG_ON, { Dockerfile: RUNSERVER });
    const text = (await runCli([dir, '--no-color'])).out;
    expect(text).toContain('Suppressed in source — 2');
    expect(text).toContain(`launch.E010 at app/settings.py:${L + 1} — "a staging mirror behind the VPN; DEBUG pages are how it is debugged"`);
    expect(text).toContain('DEBUG off in production (1 finding suppressed in source)');
    expect(text).not.toMatch(/^DEBUG off in production — /m); // no findings section for the item

    const { report } = await run({ path: dir, env: {} });
    const summary = jobSummary(report);
    expect(summary).toContain('<details><summary>2 findings suppressed in source (not counted)</summary>');
    expect(summary).toMatch(/^## ✅ 0 errors, .* \(2 suppressed\) — launch may proceed/);
    expect(selectAnnotations(report).some((a) => a.title.startsWith('launch.E010') || a.title.startsWith('launch.E050'))).toBe(false);
    expect(report.checklist.find((c) => c.item === 'debug')).toEqual({ item: 'debug', status: 'pass', reason: '1 finding suppressed in source' });
  });

  it('a Django check ID covers the code rule that mirrors it; stacked comment lines all apply; a trailing one covers its line', async () => {
    const dir = project(
      [
        'SECURE_HSTS_SECONDS = 0  # launch-gate: ignore[security.W004] the load balancer sends HSTS',
        '# launch-gate: ignore[launch.E010] staging mirror',
        '# launch-gate: ignore[launch.E020] the VPN decides who reaches it',
        'DEBUG = True; ALLOWED_HOSTS = ["*"]',
        '',
      ].join('\n'),
    );
    const { code, report } = await json(dir);
    expect(code).toBe(0);
    for (const id of ['launch.W101', 'launch.E010', 'launch.E020']) {
      expect(report.findings.filter((f) => f.ruleId === id).map((f) => Boolean(f.suppression)), id).toEqual([true]);
    }
    expect(at(report, 'launch.I007')).toEqual([]);
  });

  it('a # inside a string is no comment, and a comment two lines above covers nothing', async () => {
    const dir = project('NOTE = "# launch-gate: ignore[launch.E010] not a comment"\nDEBUG = True\n# launch-gate: ignore[launch.E020] too far away\n\nALLOWED_HOSTS = ["*"]\n');
    const { code, report } = await json(dir);
    expect(code).toBe(1);
    expect(report.findings.filter((f) => f.ruleId === 'launch.E010' || f.ruleId === 'launch.E020').every((f) => !f.suppression)).toBe(true);
    expect(at(report, 'launch.I007')).toEqual([`app/settings.py:${L + 2}`]); // the far one names E020, which reported nothing on the blank line
  });

  it('when every finding above note level is suppressed, the gate passes; a missing setting is suppressed at the first statement', async () => {
    const before = await json(project(''), '--fail-on', 'warning');
    expect(before.code).toBe(1);
    const warned = before.report.findings.filter((f) => f.level === 'warning');
    expect(warned.every((f) => f.location.line === 1)).toBe(true); // settings never set are reported at the first statement
    const ids = [...new Set(warned.map((f) => f.ruleId))].sort();
    const dir = project('', { 'app/settings.py': CLEAN.replace('import os\n', `import os  # launch-gate: ignore[${ids.join(', ')}] the platform sends HSTS and mails errors\n`) });
    const { code, report } = await json(dir, '--fail-on', 'warning');
    expect(code).toBe(0);
    expect(report.counts.warning).toBe(0);
    expect(report.gates.find((g) => g.gate === 'rules')?.status).toBe('passed');
    expect(at(report, 'launch.I007')).toEqual([]);
  });
});

describe('a suppression without a reason', () => {
  it('still suppresses, and is itself a launch.I006 note; the SARIF entry has no justification', async () => {
    const dir = project('# launch-gate: ignore[launch.E010]\nDEBUG = True\n');
    const { code, report } = await json(dir);
    expect(code).toBe(0);
    expect(report.findings.find((f) => f.ruleId === 'launch.E010')?.suppression).toEqual({ kind: 'inSource', location: { file: 'app/settings.py', line: L, column: 1 } });
    const notes = report.findings.filter((f) => f.ruleId === 'launch.I006');
    expect(notes.map((f) => [f.level, `${f.location.file}:${f.location.line}`, Boolean(f.suppression)])).toEqual([['note', `app/settings.py:${L}`, false]]);

    const sarifFile = join(tempDir('dlg-suppress-sarif-'), 'out.sarif');
    await runCli([dir, '--sarif', sarifFile]);
    const debug = (JSON.parse(readFileSync(sarifFile, 'utf8')) as Sarif.Log).runs[0].results!.find((x) => x.ruleId === 'launch.E010')!;
    expect(debug.suppressions).toHaveLength(1);
    expect(debug.suppressions![0].kind).toBe('inSource');
    expect(debug.suppressions![0].justification).toBeUndefined();
  });

  it('a team that wants every suppression explained makes launch.I006 an error', async () => {
    const dir = project('# launch-gate: ignore[launch.E010] -\nDEBUG = True\n', { '.django-launch-gate.toml': 'level = { "launch.I006" = "error" }\n' });
    const { code, report } = await json(dir);
    expect(code).toBe(1);
    expect(report.findings.filter((f) => f.ruleId === 'launch.I006').map((f) => f.level)).toEqual(['error']);
    expect(report.findings.find((f) => f.ruleId === 'launch.E010')?.suppression).toBeDefined();
  });
});

describe('a suppression that suppresses nothing', () => {
  it('is a launch.I007 note: an ID that reported nothing there, an unknown ID, a comment that is not ignore[…]', async () => {
    const dir = project(
      [
        '# launch-gate: ignore[launch.E040] we moved to PostgreSQL',
        'X_FRAME_OPTIONS = "DENY"',
        'SECURE_HSTS_SECONDS = 31536000  # launch-gate: ignore[launch.E999] a typo',
        '# launch-gate: ignore launch.E010 no brackets',
        'DEBUG = False',
        '# launch-gate: ignore[launch.E201] the tests gate did not run: not judged',
        '# launch-gate: ignore[security.W008] deploy-checks did not run: not judged',
        'USE_TZ = True',
        '',
      ].join('\n'),
    );
    const { report } = await json(dir);
    const notes = report.findings.filter((f) => f.ruleId === 'launch.I007');
    expect(notes.map((f) => `${f.location.file}:${f.location.line} ${f.level}`)).toEqual([L, L + 2, L + 3].map((n) => `app/settings.py:${n} note`));
    const messages = (await runCli([dir, '--no-color'])).out;
    expect(messages).toContain(`names launch.E040, which reported nothing on line ${L + 1}`);
    expect(messages).toContain('names launch.E999, which is neither a rule of django-launch-gate nor a Django check ID');
    expect(messages).toContain('suppresses nothing: the rule IDs must be in brackets');
  });

  it("in a Django template: every comment is read, once — I007 where nothing is suppressed, I006 without a reason", async () => {
    const page = 'app/templates/app/page.html';
    const dir = project('', {
      [page]: [
        '{# launch-gate: ignore[launch.W126] escaped in the view #}',
        '<p>{{ body }}</p>',
        '{# launch-gate: ignore[launch.W126] #}',
        '<p>{{ title }}</p>',
        '{# launch-gate: ignore[launch.W126] sanitised by our middleware #}',
        '<p>{{ request.GET.q|safe }}</p>',
        '',
      ].join('\n'),
    });
    const { report } = await json(dir);
    // the one real finding is suppressed, by the comment above it, read once
    expect(at(report, 'launch.W126')).toEqual([`${page}:6`]);
    expect(report.findings.find((f) => f.ruleId === 'launch.W126')?.suppression).toMatchObject({ kind: 'inSource', justification: 'sanitised by our middleware' });
    expect(at(report, 'launch.I007')).toEqual([`${page}:1`, `${page}:3`]);
    expect(at(report, 'launch.I006')).toEqual([`${page}:3`]);
  });

  it('only the IDs that matched nothing are named when others did match', async () => {
    const dir = project('DEBUG = True  # launch-gate: ignore[launch.E010, launch.W011] staging mirror\n');
    const { report } = await json(dir);
    expect(report.findings.find((f) => f.ruleId === 'launch.E010')?.suppression).toBeDefined();
    const text = (await runCli([dir, '--no-color'])).out;
    expect(text).toContain(`The suppression names launch.W011, which reported nothing on line ${L}: those IDs suppress nothing.`);
  });

  it("what did not run is not judged: a runtime gate's rule, a Django check without deploy-checks, a disabled rule", () => {
    const ran = ranOf(new Set(['launch.E010']), [
      { gate: 'rules', status: 'passed', durationMs: 1, findings: [] },
      { gate: 'migrations', status: 'skipped', durationMs: 1, findings: [] },
      { gate: 'tests', status: 'failed', durationMs: 1, findings: [] },
    ]);
    expect(['launch.E010', 'launch.E040', 'launch.E211', 'launch.E201', 'security.W004'].map(ran)).toEqual([true, false, false, true, false]);
    const withChecks = ranOf(new Set(), [{ gate: 'deploy-checks', status: 'failed', durationMs: 1, findings: [] }]);
    expect(withChecks('security.W004')).toBe(true);
  });
});

describe('secrets', () => {
  it('a secret typed into a reason is redacted in the text, JSON and SARIF', async () => {
    const dir = project(`# launch-gate: ignore[launch.E010] staging only, its key is ${PLANTED} anyway\nDEBUG = True\n`);
    const sarifFile = join(tempDir('dlg-suppress-sarif-'), 'out.sarif');
    const text = await runCli([dir, '--no-color', '--sarif', sarifFile]);
    const out = await json(dir);
    const sarif = readFileSync(sarifFile, 'utf8');
    for (const s of [text.out, JSON.stringify(out.report), sarif]) expect(s).not.toContain('PLANTED');
    expect(out.report.findings.find((f) => f.ruleId === 'launch.E010')?.suppression?.justification).toBe('staging only, its key is [REDACTED] anyway');
    const debug = (JSON.parse(sarif) as Sarif.Log).runs[0].results!.find((x) => x.ruleId === 'launch.E010')!;
    expect(debug.suppressions![0].justification).toBe('staging only, its key is [REDACTED] anyway');
    // the report every reporter is given (not only the final text) has it redacted
    const { report, secrets } = await run({ path: dir, env: {} });
    const redacted = redactReport(report, new Redactor(secrets, vocabulary(report)));
    expect(redacted.findings.find((f) => f.ruleId === 'launch.E010')?.suppression?.justification).toBe('staging only, its key is [REDACTED] anyway');
  });
});

describe('reading the comments', () => {
  it('Python through tree-sitter, other files by their lines; reasons trimmed of separators and template comment ends', () => {
    const py = suppressionComments('a.py', 'x = 1  # noqa: E501  # launch-gate: ignore[launch.E010,security.W004] — why\n\n# launch-gate: ignore[]\ny = "#launch-gate: ignore[launch.E010] in a string"\n');
    expect(py).toEqual([
      { location: { file: 'a.py', line: 1, column: 22 }, lines: [1], ids: ['launch.E010', 'security.W004'], reason: 'why' },
      { location: { file: 'a.py', line: 3, column: 1 }, lines: [3, 4], ids: [], malformed: 'it names no rule ID' },
    ]);
    const yaml = suppressionComments('docker-compose.yml', 'services:\n  web:\n    # launch-gate: ignore[launch.E050] dev compose\n    # another comment\n    command: python manage.py runserver  # launch-gate: ignore[launch.E050]\n    url: http://x/#launch-gate:ignore[launch.E050]\n');
    expect(yaml.map((s) => [s.location.line, s.lines, s.reason])).toEqual([
      [3, [3, 5], 'dev compose'],
      [5, [5], undefined],
    ]);
    const html = suppressionComments('templates/a.html', '{# launch-gate: ignore[launch.W126] escaped by the view #}\n{{ body|safe }}\n');
    expect(html.map((s) => [s.lines, s.ids, s.reason])).toEqual([[[1, 2], ['launch.W126'], 'escaped by the view']]);
  });
});
