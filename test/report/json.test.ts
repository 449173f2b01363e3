import { describe, expect, test } from 'vitest';
import { jsonChunks, toJson } from '../../src/report/json';
import { makeReport } from './fixture';

describe('toJson', () => {
  test('stable: findings in compareFindings order, rules by ID, gates canonical, whatever the input order', () => {
    const a = toJson(makeReport());
    const shuffled = makeReport();
    shuffled.findings.reverse();
    shuffled.rules = [...shuffled.rules].reverse();
    shuffled.gates.reverse();
    // key order inside a finding does not matter either
    shuffled.findings = shuffled.findings.map((f) => Object.fromEntries(Object.entries(f).reverse()) as typeof f);
    expect(toJson(shuffled)).toBe(a);
    expect(a.endsWith('}\n')).toBe(true);

    const doc = JSON.parse(a);
    expect(doc.findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['test.E010', 'test.E030', 'security.W004', 'test.W020', 'test.I090']);
    expect(doc.rules.map((r: { id: string }) => r.id)).toEqual(['test.E010', 'test.E030', 'test.I090', 'test.W020']);
    expect(doc.gates.map((g: { gate: string }) => g.gate)).toEqual(['rules', 'deploy-checks', 'tests']);
    expect(doc.gates[1]).toEqual({ gate: 'deploy-checks', status: 'error', durationMs: 2042, detail: 'python exited with 1: ImportError', findings: 0 });
    expect(doc).toMatchObject({ failOn: 'warning', blocked: true, counts: { error: 2, warning: 2, note: 1 } });
    expect(doc.findings[0]).toEqual({
      ruleId: 'test.E010',
      level: 'error',
      message: 'DEBUG = True in the production settings <mysite.settings.prod>.',
      location: { file: 'mysite/settings/prod.py', line: 3, column: 1 },
      gate: 'rules',
      djangoCheck: 'security.W018',
      related: [{ location: { file: 'manage.py', line: 9 }, message: 'DJANGO_SETTINGS_MODULE selects this module here.' }],
    });
  });

  test('checklist "not checked" with reason, the verdict, and a finding\'s own fix', () => {
    const report = makeReport({
      failOn: 'error',
      findings: [{ ruleId: 'test.I090', gate: 'rules', level: 'note', message: 'n', location: { file: 'a.py', line: 1 }, fix: 'Do this instead' }],
      checklist: [
        { item: 'monitoring', status: 'findings' },
        { item: 'app-server', status: 'not-checked', reason: 'rules gate not run' },
      ],
    });
    const doc = JSON.parse(toJson(report));
    expect(doc.checklist).toEqual([
      { item: 'monitoring', status: 'findings' },
      { item: 'app-server', status: 'not-checked', reason: 'rules gate not run' },
    ]);
    expect(doc).toMatchObject({
      blocked: false,
      verified: false,
      unverifiedReason: '1 gate could not run (deploy-checks)',
      verdict: '0 errors, 0 warnings, 1 note — launch not verified: 1 gate could not run (deploy-checks)',
    });
    expect(doc.findings[0].fix).toBe('Do this instead');
    const ok = JSON.parse(toJson(makeReport({ findings: [], gates: [] })));
    expect(ok).toMatchObject({ verified: true, verdict: '0 errors, 0 warnings, 0 notes — launch may proceed (fail-on: warning)' });
    expect('unverifiedReason' in ok).toBe(false);
  });

  test('written in pieces (one a finding), the pieces are JSON.stringify(document, null, 2) to the byte', () => {
    const report = makeReport();
    // strings JSON escapes or indents around: line breaks, quotes, backslashes, non-Latin-1, a nested list
    report.findings[0] = {
      ...report.findings[0],
      message: 'line one\nline "two" \\ — \u{1F680}\t{"findings": []}',
      fix: '\n  "findings": [],\n',
      related: [
        { location: { file: 'a.py', line: 1 }, message: 'r1' },
        { location: { file: 'b.py', line: 2, column: 3 }, message: 'r2\n' },
      ],
    };
    const pieces = [...jsonChunks(report)];
    expect(pieces.length).toBe(report.findings.length + 2);
    const text = pieces.join('');
    expect(text).toBe(toJson(report));
    // parsed and written back whole by JSON.stringify: the same bytes (key order survives a parse)
    expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
    expect(JSON.parse(text).findings.map((f: { message: string }) => f.message)).toContain(report.findings[0].message);
    expect(JSON.parse(text).findings).toHaveLength(report.findings.length);

    const none = makeReport({ findings: [] });
    expect([...jsonChunks(none)]).toHaveLength(1);
    const empty = toJson(none);
    expect(empty).toBe(`${JSON.stringify(JSON.parse(empty), null, 2)}\n`);
    expect(JSON.parse(empty).findings).toEqual([]);
  });
});
