import { describe, expect, test } from 'vitest';
import type { Finding, Level } from '../../src/finding';
import { selectAnnotations } from '../../src/report/annotations';
import { makeReport } from './fixture';

function many(level: Level, n: number, ruleId: string): Finding[] {
  return Array.from({ length: n }, (_, i) => ({
    ruleId,
    gate: 'rules' as const,
    level,
    message: `${level} ${i}`,
    location: { file: `f${String(i).padStart(3, '0')}.py`, line: 1 },
  }));
}

describe('selectAnnotations', () => {
  test('maps levels to kinds, most severe first, with title and fix', () => {
    const out = selectAnnotations(makeReport());
    expect(out.map((a) => [a.kind, a.title.split(':')[0]])).toEqual([
      ['error', 'test.E010'],
      ['error', 'test.E030'],
      ['warning', 'security.W004'],
      ['warning', 'test.W020'],
      ['notice', 'test.I090'],
    ]);
    expect(out[0]).toEqual({
      kind: 'error',
      title: 'test.E010: DEBUG is on in production settings',
      message: 'DEBUG = True in the production settings <mysite.settings.prod>.\nFix: Set DEBUG = False, or read it from the environment with a False default',
      file: 'mysite/settings/prod.py',
      startLine: 3,
      startColumn: 1,
    });
    // unknown rule (a Django check ID): just the ID and the message
    expect(out[2]).toEqual({
      kind: 'warning',
      title: 'security.W004',
      message: 'You have not set a value for the SECURE_HSTS_SECONDS setting.',
      file: 'mysite/settings/prod.py',
      startLine: 1,
    });
  });

  test("a finding's own fix wins over its rule's", () => {
    const report = makeReport();
    report.findings = report.findings.map((f) => (f.ruleId === 'test.E010' ? { ...f, fix: 'Use env.bool("DEBUG", default=False)' } : f));
    const e010 = selectAnnotations(report).find((a) => a.title.startsWith('test.E010'))!;
    expect(e010.message).toBe('DEBUG = True in the production settings <mysite.settings.prod>.\nFix: Use env.bool("DEBUG", default=False)');
  });

  test('nothing left out: no overflow notice, all 10 notice slots usable', () => {
    const report = makeReport({ findings: [...many('error', 10, 'test.E010'), ...many('note', 10, 'test.I090')] });
    const out = selectAnnotations(report);
    expect(out).toHaveLength(20);
    expect(out.filter((a) => a.kind === 'notice')).toHaveLength(10);
    expect(out.every((a) => a.file !== '')).toBe(true);
  });

  test('at most max per kind; the last notice slot says how many more and where they are', () => {
    const report = makeReport({
      findings: [...many('note', 4, 'test.I090'), ...many('warning', 12, 'test.W020'), ...many('error', 15, 'test.E010')],
    });
    const out = selectAnnotations(report);
    const kinds = (k: string) => out.filter((a) => a.kind === k);
    expect(kinds('error')).toHaveLength(10);
    expect(kinds('warning')).toHaveLength(10);
    expect(kinds('notice')).toHaveLength(5); // 4 notes + the overflow notice
    expect(kinds('error').map((a) => a.file)).toEqual(many('error', 10, 'x').map((f) => f.location.file)); // first in compareFindings order
    const last = out.at(-1)!;
    expect(last.kind).toBe('notice');
    expect(last.file).toBe('');
    expect(last.message).toContain('7 more findings'); // 5 errors + 2 warnings
    expect(last.message).toContain('SARIF report');
    expect(last.message).toContain('job summary');
  });

  test('the overflow notice takes the tenth notice slot when notes overflow', () => {
    const report = makeReport({ findings: many('note', 25, 'test.I090') });
    const out = selectAnnotations(report);
    expect(out).toHaveLength(10);
    expect(out.slice(0, 9).every((a) => a.title.startsWith('test.I090'))).toBe(true);
    expect(out[9].message).toContain('16 more findings');
    // notes fill exactly max but errors overflow: one note gives way to the notice
    const mixed = selectAnnotations(makeReport({ findings: [...many('note', 10, 'test.I090'), ...many('error', 11, 'test.E010')] }));
    expect(mixed.filter((a) => a.kind === 'notice')).toHaveLength(10);
    expect(mixed.at(-1)!.message).toContain('2 more findings');
  });

  test('custom max, and max 1', () => {
    const report = makeReport({ findings: [...many('error', 3, 'test.E010'), ...many('note', 3, 'test.I090')] });
    const out = selectAnnotations(report, 2);
    expect(out.map((a) => a.kind)).toEqual(['error', 'error', 'notice', 'notice']);
    expect(out.at(-1)!.message).toContain('3 more findings');
    const one = selectAnnotations(report, 1);
    expect(one.map((a) => a.kind)).toEqual(['error', 'notice']);
    expect(one[1].file).toBe('');
    expect(one[1].message).toContain('5 more findings');
    expect(selectAnnotations(report, 0)).toEqual([]);
  });
});
