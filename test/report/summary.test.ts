import { describe, expect, test } from 'vitest';
import type { Finding } from '../../src/finding';
import { DEFAULT_MAX_SUMMARY_BYTES, jobSummary } from '../../src/report/summary';
import { docsUrl } from '../../src/version';
import { makeReport, TWO_PROJECT_GATE } from './fixture';

/** Cells of a markdown table row, splitting on pipes that are not escaped. */
function cells(row: string): string[] {
  return row
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split(/(?<!\\)\|/)
    .map((c) => c.trim());
}

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

describe('jobSummary', () => {
  const md = jobSummary(makeReport());
  const lines = md.split('\n');

  test('verdict first', () => {
    expect(lines[0]).toBe('## ❌ 2 errors, 2 warnings, 1 note — launch blocked (fail-on: warning); 1 gate could not run (deploy-checks)');
    const ok = jobSummary(makeReport({ failOn: 'error', findings: [], gates: [] }));
    expect(ok.split('\n')[0]).toBe('## ✅ 0 errors, 0 warnings, 0 notes — launch may proceed (fail-on: error)');
  });

  test('gates table: gate, status emoji and word, duration, escaped one-line detail', () => {
    const start = lines.indexOf('| Gate | Status | Duration | Detail |');
    expect(lines[start + 1]).toBe('| --- | --- | --- | --- |');
    const rows = lines.slice(start + 2, start + 5).map(cells);
    expect(rows).toEqual([
      ['rules', '❌ failed', '123 ms', '33 rules over 12 files'],
      ['deploy-checks', '⚠️ error', '2.0 s', 'python exited with 1: ImportError'],
      ['tests', '⏭️ skipped', '0 ms', 'disabled by the \\`gates\\` input'],
    ]);
  });

  test('checklist table: findings, pass, not applicable with reason, rule links', () => {
    const start = lines.indexOf('| Checklist item | Status | Rules |');
    const rows: string[][] = [];
    for (let i = start + 2; lines[i]?.startsWith('|'); i++) rows.push(cells(lines[i]));
    expect(rows.map((r) => r[0])).toEqual([
      'DEBUG off in production',
      'ALLOWED\\_HOSTS restricted',
      'SECRET\\_KEY secret and stable',
      'Production database (a server, not SQLite; CONN\\_MAX\\_AGE that fits the server)',
      'Uploads off the app disk',
      'Error monitoring',
      'Other checks',
    ]);
    for (const r of rows) expect(r).toHaveLength(3);
    expect(rows[0].slice(1)).toEqual(['❌ 1 finding', `[test.E010](${docsUrl('test.E010')})`]);
    expect(rows[1][1]).toBe('⚠️ 1 finding');
    expect(rows[3][1]).toBe('✅ pass');
    expect(rows[4][1]).toBe('➖ not applicable — no FileField or ImageField in any model');
    expect(rows[6].slice(1)).toEqual(['⚠️ 1 finding', 'security.W004']);
  });

  test('a section per checklist item with findings: location, linked rule ID, message, fix', () => {
    const i = lines.indexOf('### DEBUG off in production (1 error)');
    expect(i).toBeGreaterThan(0);
    expect(lines[i + 2]).toBe(
      `- 🔴 \`mysite/settings/prod.py:3\` [test.E010](${docsUrl('test.E010')}) DEBUG = True in the production settings &lt;mysite.settings.prod&gt;.` +
        '<br>↳ `manage.py:9` DJANGO\\_SETTINGS\\_MODULE selects this module here.' +
        '<br>**Fix:** Set DEBUG = False, or read it from the environment with a False default',
    );
    expect(md).toContain('### Other checks (1 warning)');
    expect(md).toContain('**security.W004** You have not set a value for the SECURE\\_HSTS\\_SECONDS setting.');
  });

  test('messages cannot inject HTML, table cells or extra lines', () => {
    const report = makeReport();
    report.findings = [
      { ...report.findings[0], message: 'a | b <script>alert(1)</script>\n## not a heading\n@octocat [x](javascript:1)' },
    ];
    report.gates = [{ gate: 'rules', status: 'failed', durationMs: 1, detail: 'x | y\n<b>z</b>', findings: [] }];
    const out = jobSummary(report);
    expect(out).not.toContain('<script>');
    expect(out).not.toContain('<b>');
    expect(out).not.toMatch(/^## not a heading/m);
    expect(out).not.toContain('@octocat');
    expect(out).not.toMatch(/(?<!\\)\]\(javascript/); // the link syntax is escaped: \[x\](…
    const gateRow = out.split('\n').find((l) => l.startsWith('| rules |'))!;
    // each detail line (one per project) is its own line in the cell: our <br>, never the message's HTML
    expect(cells(gateRow)).toEqual(['rules', '❌ failed', '1 ms', 'x \\| y<br>&lt;b&gt;z&lt;/b&gt;']);
    const findingLine = out.split('\n').find((l) => l.startsWith('- 🟠'))!;
    expect(findingLine).toContain('a \\| b &lt;script&gt;alert(1)&lt;/script&gt;<br>\\#\\# not a heading<br>');
  });

  test('stays under maxBytes, keeps the most severe findings, says how many were left out', () => {
    const report = makeReport();
    const many: Finding[] = [];
    for (let i = 0; i < 3000; i++) {
      many.push({ ruleId: 'test.I090', gate: 'rules', level: 'note', message: `note number ${i} ${'x'.repeat(80)}`, location: { file: 'a.py', line: i + 1 } });
    }
    many.push({ ruleId: 'test.E030', gate: 'rules', level: 'error', message: 'the one error', location: { file: 'z.py', line: 1 } });
    report.findings = many;
    const maxBytes = 50_000;
    const out = jobSummary(report, { maxBytes });
    expect(bytes(out)).toBeLessThanOrEqual(maxBytes);
    expect(out).toContain('the one error');
    const shown = out.split('\n').filter((l) => l.startsWith('- 🔵')).length;
    expect(shown).toBeGreaterThan(100);
    expect(shown).toBeLessThan(3000);
    const left = 3001 - 1 - shown;
    expect(out).toContain(`> ${left} more findings of 3001 are not shown here`);
    expect(out).toContain('all of them are in the SARIF report');
    // shown notes are the first ones in compareFindings order (by line)
    expect(out).toContain('note number 0 ');
    expect(out).not.toContain('note number 2999 ');

    // the default limit keeps a margin under GitHub's 1 MiB
    expect(DEFAULT_MAX_SUMMARY_BYTES).toBeLessThan(1024 * 1024);
    const huge = jobSummary({ ...report, findings: [...many, ...many, ...many, ...many] });
    expect(bytes(huge)).toBeLessThanOrEqual(DEFAULT_MAX_SUMMARY_BYTES);
  });

  test('nothing left out: no note', () => {
    expect(md).not.toContain('not shown here');
  });

  test('severity beats checklist order when truncating', () => {
    const report = makeReport();
    const notes: Finding[] = Array.from({ length: 200 }, (_, i) => ({
      ruleId: 'test.E010', // the debug item comes first in CHECKLIST order…
      gate: 'rules',
      level: 'note', // …but these are only notes
      message: `debug note ${i} ${'y'.repeat(100)}`,
      location: { file: 'a.py', line: i + 1 },
    }));
    const warning: Finding = { ruleId: 'test.I090', gate: 'rules', level: 'warning', message: 'late item warning', location: { file: 'b.py', line: 1 } };
    report.findings = [...notes, warning];
    const out = jobSummary(report, { maxBytes: 8_000 });
    expect(out).toContain('late item warning');
    expect(out).toMatch(/> \d+ more findings of 201 are not shown here/);
  });

  test('a gate that ran on two projects: its detail cell has one line per project', () => {
    const out = jobSummary(makeReport({ gates: [TWO_PROJECT_GATE] }));
    const row = cells(out.split('\n').find((l) => l.startsWith('| deploy-checks |'))!);
    expect(row[3].split('<br>')).toEqual([
      'shop.settings with DEBUG=True on Django 4.2.11, /usr/bin/python3 (Python 3.11.2): 9 checks reported',
      'webhooks.settings (webhooks) with DEBUG=False on Django 4.2.11, /usr/bin/python3 (Python 3.11.2): 1 check reported',
    ]);
  });

  test('checklist: "not checked" with its reason, never a pass; a pass by deploy-checks alone says so', () => {
    const report = makeReport({
      findings: [],
      checklist: [
        { item: 'security-settings', status: 'pass', reason: "checked by Django's check --deploy only" },
        { item: 'app-server', status: 'not-checked', reason: 'rules gate not run' },
      ],
    });
    const out = jobSummary(report).split('\n');
    const row = (title: string) => cells(out.find((l) => l.startsWith(`| ${title} |`))!);
    expect(row('HTTPS and security headers')[1]).toBe("✅ pass — checked by Django's check --deploy only");
    expect(row('A real app server (no runserver)')[1]).toBe('⬜ not checked — rules gate not run');
  });

  test('verdict: not verified (⚠️) when a gate could not run and nothing blocks', () => {
    const report = makeReport({ findings: [], failOn: 'error', gates: [{ gate: 'tests', status: 'error', durationMs: 1, findings: [] }] });
    expect(jobSummary(report).split('\n')[0]).toBe('## ⚠️ 0 errors, 0 warnings, 0 notes — launch not verified: 1 gate could not run (tests)');
  });

  test("a finding's own fix wins over its rule's", () => {
    const report = makeReport();
    report.findings = report.findings.map((f) => (f.ruleId === 'test.E010' ? { ...f, fix: 'Read DEBUG with env.bool("DEBUG", default=False)' } : f));
    const out = jobSummary(report);
    expect(out).toContain('<br>**Fix:** Read DEBUG with env.bool("DEBUG", default=False)');
    expect(out).not.toContain('**Fix:** Set DEBUG = False');
  });
});
