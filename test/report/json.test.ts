import { describe, expect, test } from 'vitest';
import { toJson } from '../../src/report/json';
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
    expect(doc.gates[1]).toEqual({ gate: 'deploy-checks', status: 'error', durationMs: 2042, detail: 'python exited with 1:\nImportError', findings: 0 });
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
});
