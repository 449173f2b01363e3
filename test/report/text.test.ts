import { describe, expect, test } from 'vitest';
import type { RuleMeta } from '../../src/finding';
import { formatText, textPieces, unverifiedReason, verdict } from '../../src/report/text';
import { makeReport, TWO_PROJECT_GATE } from './fixture';

const ESC = '\u001b';

describe('formatText', () => {
  const text = formatText(makeReport(), { color: false });
  const lines = text.split('\n');

  test('header: tool, project with settings module and reason', () => {
    expect(lines[0]).toBe('django-launch-gate 0.1.0');
    expect(text).toContain('Project .: settings mysite.settings.prod (mysite/settings/prod.py)');
    expect(text).toContain('  manage.py sets DJANGO_SETTINGS_MODULE to mysite.settings.prod.');
  });

  test('gates in canonical order with status, duration and one-line detail', () => {
    const gateLines = lines.slice(lines.indexOf('Gates') + 1, lines.indexOf('Gates') + 4);
    expect(gateLines[0]).toMatch(/^ {2}rules +failed +123 ms {2}33 rules over 12 files$/);
    expect(gateLines[1]).toMatch(/^ {2}deploy-checks +error +2\.0 s {2}python exited with 1: ImportError$/);
    expect(gateLines[2]).toMatch(/^ {2}tests +skipped +0 ms {2}disabled by the `gates` input$/);
  });

  test('findings grouped by checklist item in CHECKLIST order, each with its fix', () => {
    const headings = lines.filter((l) => / — \d+ (error|warning|note)/.test(l) && !l.startsWith(' '));
    expect(headings).toEqual([
      'DEBUG off in production — 1 error',
      'ALLOWED_HOSTS restricted — 1 warning',
      'SECRET_KEY secret and stable — 1 error',
      'Error monitoring — 1 note',
      'Other checks — 1 warning',
    ]);
    const i = lines.indexOf('  mysite/settings/prod.py:3  test.E010  DEBUG = True in the production settings <mysite.settings.prod>.');
    expect(i).toBeGreaterThan(0);
    expect(lines[i + 1]).toBe('      manage.py:9: DJANGO_SETTINGS_MODULE selects this module here.');
    expect(lines[i + 2]).toBe('      fix: Set DEBUG = False, or read it from the environment with a False default');
    // a multi-line message stays indented under its finding
    const j = lines.indexOf('  dir with space/app.py:2  test.I090  Nothing reports unhandled exceptions | multi');
    expect(lines[j + 1]).toBe('      line.');
  });

  test('a Django check finding joins the checklist item of the rule that mirrors it', () => {
    const mirror: RuleMeta = {
      id: 'test.W101',
      name: 'hsts-missing',
      checklist: 'security-settings',
      level: 'warning',
      title: 'HSTS is not enabled',
      fix: 'Set SECURE_HSTS_SECONDS',
      securitySeverity: 5,
      precision: 'high',
      tags: [],
      djangoCheck: 'security.W004',
    };
    const report = makeReport();
    report.rules = [...report.rules, mirror];
    const out = formatText(report, { color: false });
    expect(out).not.toContain('Other checks');
    expect(out).toMatch(/HTTPS and security headers — 1 warning\n {2}mysite\/settings\/prod\.py:1 {2}security\.W004 {2}You have not set .*\n {6}fix: Set SECURE_HSTS_SECONDS\n/);
  });

  test('items without findings are listed compactly as passed / not applicable', () => {
    expect(text).toContain('Passed: Production database (a server, not SQLite; CONN_MAX_AGE that fits the server)');
    expect(text).toContain('Not applicable: Uploads off the app disk (no FileField or ImageField in any model)');
  });

  test('closing verdict line', () => {
    expect(lines.at(-2)).toBe('2 errors, 2 warnings, 1 note — launch blocked (fail-on: warning); 1 gate could not run (deploy-checks)');
    expect(text.endsWith('\n')).toBe(true);
    const ok = makeReport({ failOn: 'never', gates: [{ gate: 'rules', status: 'passed', durationMs: 5, findings: [] }] });
    expect(formatText(ok, { color: false }).trimEnd().split('\n').at(-1)).toBe('2 errors, 2 warnings, 1 note — launch may proceed (fail-on: never)');
    const clean = makeReport({ findings: [], failOn: 'note', gates: [] });
    expect(formatText(clean, { color: false }).trimEnd().split('\n').at(-1)).toBe('0 errors, 0 warnings, 0 notes — launch may proceed (fail-on: note)');
  });

  test('color only when asked; control characters from messages never reach the terminal', () => {
    expect(text).not.toContain(ESC);
    const colored = formatText(makeReport(), { color: true });
    expect(colored).toContain(`${ESC}[31m`);
    expect(colored.replace(/\u001b\[\d+m/g, '')).toBe(text);

    const report = makeReport();
    report.findings[0] = { ...report.findings[0], message: `evil ${ESC}]0;pwned\u0007 title ${ESC}[2J` };
    const out = formatText(report, { color: false });
    expect(out).not.toContain(ESC);
    expect(out).not.toContain('\u0007');
  });

  test('a gate that ran on two projects: one detail line per project, the second aligned under the first', () => {
    const report = makeReport({ gates: [{ gate: 'rules', status: 'passed', durationMs: 5, detail: '33 rules', findings: [] }, TWO_PROJECT_GATE] });
    const out = formatText(report, { color: false }).split('\n');
    const i = out.findIndex((l) => l.startsWith('  deploy-checks'));
    expect(out[i]).toMatch(/^ {2}deploy-checks +failed +3\.1 s {2}shop\.settings with DEBUG=True .*: 9 checks reported$/);
    expect(out[i + 1]).toMatch(/^ +webhooks\.settings \(webhooks\) with DEBUG=False .*: 1 check reported$/);
    expect(out[i + 1].indexOf('webhooks.settings')).toBe(out[i].indexOf('shop.settings'));
  });

  test('"Not checked" items are listed with their reason, never as passed; a pass by deploy-checks alone says so', () => {
    const report = makeReport({
      checklist: [
        { item: 'debug', status: 'findings' },
        { item: 'security-settings', status: 'pass', reason: "checked by Django's check --deploy only" },
        { item: 'app-server', status: 'not-checked', reason: 'rules gate not run' },
        { item: 'test-suite', status: 'not-checked', reason: 'tests gate could not run' },
      ],
    });
    const out = formatText(report, { color: false });
    expect(out).toContain("Passed: HTTPS and security headers (checked by Django's check --deploy only)");
    expect(out).toContain('Not checked: A real app server (no runserver) (rules gate not run); Test suite passes (tests gate could not run)');
    expect(out).not.toMatch(/Passed:.*A real app server/);
  });

  test('verdict: a gate that could not run makes the launch "not verified", never "may proceed"', () => {
    const errored = makeReport({ findings: [], failOn: 'error', gates: [{ gate: 'tests', status: 'error', durationMs: 1, detail: 'no python', findings: [] }] });
    const v = verdict(errored);
    expect(v).toEqual({ blocked: false, verified: false, text: '0 errors, 0 warnings, 0 notes — launch not verified: 1 gate could not run (tests)' });
    expect(formatText(errored, { color: false }).trimEnd().split('\n').at(-1)).toBe(v.text);
    // blocking findings stay "blocked", with the gate named
    expect(verdict(makeReport()).text).toBe('2 errors, 2 warnings, 1 note — launch blocked (fail-on: warning); 1 gate could not run (deploy-checks)');
  });

  test('verdict: a project whose production settings were not checked is "not verified" too', () => {
    const report = makeReport({ findings: [], failOn: 'error', gates: [{ gate: 'rules', status: 'passed', durationMs: 1, findings: [] }] });
    report.projects = [...report.projects, { root: 'worker', settingsModule: null, settingsFile: null, reason: 'no settings module found' }];
    expect(unverifiedReason(report)).toBe('no production settings checked in 1 project (worker)');
    expect(verdict(report).text).toBe('0 errors, 0 warnings, 0 notes — launch not verified: no production settings checked in 1 project (worker)');
    report.projects = report.projects.slice(0, 1);
    expect(unverifiedReason(report)).toBeUndefined();
    expect(verdict(report).text).toBe('0 errors, 0 warnings, 0 notes — launch may proceed (fail-on: error)');
  });

  test("a finding's own fix wins over its rule's", () => {
    const report = makeReport();
    report.findings = report.findings.map((f) => (f.ruleId === 'test.E030' ? { ...f, fix: 'Rotate the key, then read it from the environment' } : f));
    const lines = formatText(report, { color: false }).split('\n');
    const i = lines.findIndex((l) => l.includes('test.E030  SECRET_KEY is a string literal.'));
    expect(lines[i + 1]).toBe('      fix: Rotate the key, then read it from the environment');
    expect(lines.join('\n')).not.toContain('fix: Read SECRET_KEY from the environment or a secrets manager');
  });
});

describe('textPieces', () => {
  test('whole lines, each piece ending in a line break, joined the text formatText writes', () => {
    const report = makeReport();
    for (const color of [false, true]) {
      const whole = formatText(report, { color });
      const pieces = [...textPieces(report, { color }, 80)];
      expect(pieces.length).toBeGreaterThan(3);
      expect(pieces.every((p) => p.endsWith('\n') && !p.startsWith('\n\n'))).toBe(true);
      expect(pieces.join('')).toBe(whole);
      // a piece holds as many whole lines as fit, and a longer line alone
      expect(pieces.every((p) => p.length <= 81 || !p.slice(0, -1).includes('\n'))).toBe(true);
      expect([...textPieces(report, { color })]).toEqual([whole]);
    }
  });
});
