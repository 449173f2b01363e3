import { describe, expect, test } from 'vitest';
import type { Report } from '../../src/finding';
import { selectAnnotations } from '../../src/report/annotations';
import { toJson } from '../../src/report/json';
import { REDACTED, Redactor, redactReport, vocabulary } from '../../src/report/redact';
import { serializeSarif, toSarif } from '../../src/report/sarif';
import { jobSummary } from '../../src/report/summary';
import { formatText } from '../../src/report/text';
import { makeReport, SETTINGS_PY } from './fixture';

describe('Redactor', () => {
  test('replaces every occurrence; ignores secrets shorter than 8 characters (they would eat ordinary words)', () => {
    const r = new Redactor(['hunter22', 'pass', '']);
    expect(r.redact('pw=hunter22 and again hunter22; pass stays')).toBe(`pw=${REDACTED} and again ${REDACTED}; pass stays`);
    expect(new Redactor(['pass']).empty).toBe(true);
    expect(new Redactor(['pass']).redact('pass')).toBe('pass');
  });

  test('short secrets are redacted as whole tokens only; long ones anywhere', () => {
    const r = new Redactor(['password', 'k3y-0123456789abcdef']);
    expect(r.redact('passwords PASSWORD password x')).toBe(`passwords PASSWORD ${REDACTED} x`);
    expect(r.redact('xk3y-0123456789abcdefx')).toBe(`x${REDACTED}x`);
  });

  test('longest first: a secret containing another is redacted whole', () => {
    const r = new Redactor(['pass-word', 'pass-word-123']);
    expect(r.redact('x pass-word-123 y pass-word z')).toBe(`x ${REDACTED} y ${REDACTED} z`);
  });

  test('overlapping secrets leave no character of either behind', () => {
    const r = new Redactor(['abcdefghijklmnopqr', 'xxabcdefghijklmnop']);
    expect(r.redact('1xxabcdefghijklmnopqr2')).toBe(`1${REDACTED}2`);
  });

  test('also the JSON-escaped and URL-encoded forms of a secret', () => {
    const secret = 'p@ss"w\\rd/+';
    const r = new Redactor([secret]);
    expect(r.redact(`json: ${JSON.stringify(secret)}`)).toBe(`json: "${REDACTED}"`);
    expect(r.redact(`postgres://u:${encodeURIComponent(secret)}@db/x`)).toBe(`postgres://u:${REDACTED}@db/x`);
  });

  test('regex metacharacters in secrets are literal', () => {
    const r = new Redactor(['a.b*c(d)']);
    expect(r.redact('aXbbbc(d) a.b*c(d)')).toBe(`aXbbbc(d) ${REDACTED}`);
  });

  test('redactDeep: every string of a JSON-able value, without mutating it', () => {
    const r = new Redactor(['topsecret']);
    const value = { a: 'topsecret!', b: [1, 'x topsecret', null, { c: true, topsecret: 'k' }], d: undefined };
    const out = r.redactDeep(value);
    expect(out).toEqual({ a: `${REDACTED}!`, b: [1, `x ${REDACTED}`, null, { c: true, [REDACTED]: 'k' }], d: undefined });
    expect(value.a).toBe('topsecret!');
  });
});

describe('no reporter output contains a planted secret once the report is redacted', () => {
  const SECRET = 's3cr3t-do-not-leak-0123456789'; // also the SECRET_KEY literal in the fixture's settings file
  const SECRET2 = 'pa|ss<wo>rd_*x-long-enough'; // changes shape under markdown/HTML escaping

  function plantedReport(): Report {
    const report = makeReport();
    report.findings[1] = {
      ...report.findings[1],
      message: `SECRET_KEY is '${SECRET}' here`,
      related: [{ location: { file: 'manage.py', line: 2 }, message: `DSN postgres://u:${SECRET2}@db and ${SECRET}` }],
    };
    report.findings[4] = { ...report.findings[4], message: `note with ${SECRET2}` };
    report.gates[2] = { ...report.gates[2], detail: `ImportError: bad key ${SECRET}` };
    report.projects[0] = { ...report.projects[0], reason: `chosen because of ${SECRET2}` };
    return report;
  }

  const readText = (rel: string) => (rel === 'mysite/settings/prod.py' ? SETTINGS_PY : undefined);
  const outputs = (report: Report): Record<string, string> => ({
    sarif: serializeSarif(toSarif(report, { readText })),
    text: formatText(report, { color: false }),
    textColor: formatText(report, { color: true }),
    json: toJson(report),
    summary: jobSummary(report),
    annotations: JSON.stringify(selectAnnotations(report)),
  });
  /** The secret as it would look after each reporter's own escaping. */
  const forms = (s: string) => [s, JSON.stringify(s).slice(1, -1), s.replace(/[|<>_*]/g, (c) => ({ '<': '&lt;', '>': '&gt;' })[c] ?? `\\${c}`)];

  test('control: without redaction every output leaks (so the check below can fail)', () => {
    for (const [name, out] of Object.entries(outputs(plantedReport()))) {
      expect(forms(SECRET).some((f) => out.includes(f)), name).toBe(true);
    }
  });

  test('with redactReport: no form of either secret anywhere', () => {
    const redacted = redactReport(plantedReport(), new Redactor([SECRET, SECRET2]));
    for (const [name, out] of Object.entries(outputs(redacted))) {
      for (const f of [...forms(SECRET), ...forms(SECRET2)]) expect(out.includes(f), `${name} leaks ${f}`).toBe(false);
      expect(out, name).toContain(REDACTED.replace(/[[\]]/g, name === 'summary' ? '\\$&' : '$&'));
    }
  });

  test('redaction keeps everything else: locations, rule IDs, fingerprints', () => {
    const plain = toSarif(plantedReport(), { readText });
    const redacted = toSarif(redactReport(plantedReport(), new Redactor([SECRET, SECRET2])), { readText });
    const shape = (log: typeof plain) =>
      log.runs[0].results!.map((r) => [r.ruleId, r.locations![0].physicalLocation!.region!.startLine, r.partialFingerprints?.primaryLocationLineHash]);
    expect(shape(redacted)).toEqual(shape(plain));
  });
});

describe("a secret equal to one of the tool's own words (plane's placeholder AWS key \"secret-key\")", () => {
  const report: Report = makeReport({
    rules: [
      ...makeReport().rules,
      { id: 'launch.E033', name: 'secret-key-generated-at-import', checklist: 'secret-key', level: 'error', title: 'SECRET_KEY is generated at import', fix: 'Read it from the environment', securitySeverity: 7, precision: 'high', tags: ['security'] },
    ],
    findings: [
      { ruleId: 'launch.E033', gate: 'rules', level: 'error', message: 'SECRET_KEY is generated at import; AWS_SECRET_ACCESS_KEY defaults to secret-key', location: { file: 'app/settings.py', line: 3 } },
    ],
  });
  const redactor = new Redactor(['secret-key'], vocabulary(report));
  const red = redactReport(report, redactor);

  test('the finding keeps its group and is printed; the value is redacted where it is the value', () => {
    const text = redactor.redact(formatText(red, { color: false }));
    expect(text).toContain('SECRET_KEY secret and stable');
    expect(text).toContain('launch.E033');
    expect(text).toContain(`defaults to ${REDACTED}`);
    expect(red.checklist.map((c) => c.item)).toEqual(report.checklist.map((c) => c.item));
  });

  test('SARIF and JSON keep rule names and checklist keys', () => {
    const sarif = redactor.redact(serializeSarif(toSarif(red, { readText: () => undefined })));
    expect(sarif).toContain('secret-key-generated-at-import');
    expect(sarif).not.toContain('defaults to secret-key');
    const json = redactor.redact(toJson(red));
    expect(json).toContain('"checklist": "secret-key"');
    expect(json).not.toMatch(/defaults to secret-key/);
  });
});

describe('a weak secret equal to a folder name (a compose POSTGRES_PASSWORD "mathesar")', () => {
  test('file paths keep their names; the value is still redacted where it stands alone', () => {
    const report: Report = makeReport({
      findings: [{ ruleId: 'test.W020', gate: 'rules', level: 'warning', message: 'the database password mathesar is weak; see mathesar/urls.py:17', location: { file: 'mathesar/urls.py', line: 17 } }],
    });
    const redactor = new Redactor(['mathesar'], vocabulary(report));
    const red = redactReport(report, redactor);
    expect(red.findings[0].location.file).toBe('mathesar/urls.py');
    expect(red.findings[0].message).toBe(`the database password ${REDACTED} is weak; see mathesar/urls.py:17`);
    const text = redactor.redact(formatText(red, { color: false }));
    expect(text).toContain('mathesar/urls.py:17');
    expect(text).not.toMatch(/password mathesar/);
  });

  test('another file a message names keeps its path (paperless: the password is the package name)', () => {
    const report: Report = makeReport({
      findings: [{ ruleId: 'test.W233', gate: 'rules', level: 'note', message: 'paperless.0007_x narrows doc.title (max_length 150 → 63, src/paperless/migrations/0002_initial.py:14); paperless is weak', location: { file: 'src/paperless/migrations/0007_x.py', line: 9 } }],
    });
    const red = redactReport(report, new Redactor(['paperless'], vocabulary(report)));
    expect(red.findings[0].message).toBe(`paperless.0007_x narrows doc.title (max_length 150 → 63, src/paperless/migrations/0002_initial.py:14); ${REDACTED} is weak`);
  });

  test('a project whose folder is named like the password keeps its root in the JSON and text outputs (tabbycat)', () => {
    const report: Report = makeReport({
      projects: [{ root: 'tabbycat', settingsModule: 'settings', settingsFile: 'tabbycat/settings/__init__.py', reason: 'the default in tabbycat/wsgi.py; the password tabbycat is weak' }],
    });
    const redactor = new Redactor(['tabbycat'], vocabulary(report));
    const red = redactReport(report, redactor);
    const json = redactor.redact(toJson(red));
    expect(json).toContain('"root": "tabbycat"');
    expect(json).toContain(`the password ${REDACTED} is weak`);
    const text = redactor.redact(formatText(red, { color: false }));
    expect(text).toContain('Project tabbycat: settings settings (tabbycat/settings/__init__.py)');
    expect(text).not.toMatch(/password tabbycat/);
  });

  test("a migration's name in a message keeps its app label (label.0011_name)", () => {
    const file = 'mathesar/migrations/0011_downloadlink_fsspec_kwargs.py';
    const report: Report = makeReport({
      findings: [{ ruleId: 'test.W234', gate: 'rules', level: 'warning', message: 'mathesar.0011_downloadlink_fsspec_kwargs adds a NOT NULL column; the password mathesar is weak', location: { file, line: 14 } }],
    });
    const red = redactReport(report, new Redactor(['mathesar'], vocabulary(report)));
    expect(red.findings[0].message).toBe(`mathesar.0011_downloadlink_fsspec_kwargs adds a NOT NULL column; the password ${REDACTED} is weak`);
  });
});
