import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { primaryLocationLineHashes } from '../../src/report/fingerprint';
import { Redactor } from '../../src/report/redact';
import { automationId, sarifChunks, sarifText, serializeSarif, toSarif } from '../../src/report/sarif';
import { ruleDoc } from '../../src/rules/docs';
import { docsUrl } from '../../src/version';
import { makeReport, SETTINGS_PY, TWO_PROJECT_GATE } from './fixture';
import { validateSarif } from '../support/multitool';

const readText = (rel: string) => (rel === 'mysite/settings/prod.py' ? SETTINGS_PY : undefined);

const tmp = mkdtempSync(join(tmpdir(), 'dlg-sarif-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('toSarif', () => {
  const report = makeReport();
  const log = toSarif(report, { readText });
  const run = log.runs[0];
  const rules = run.tool.driver.rules!;
  const results = run.results!;

  test('one SARIF 2.1.0 run with schema, tool and automation details', () => {
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif-2\.1\.0/);
    expect(log.runs).toHaveLength(1);
    expect(run.tool.driver).toMatchObject({
      name: 'django-launch-gate',
      version: '0.1.0',
      semanticVersion: '0.1.0',
      informationUri: 'https://github.com/django-launch-gate/django-launch-gate',
    });
    expect(run.automationDetails).toEqual({ id: 'django-launch-gate/' });
  });

  test('every report rule, sorted by ID, then a synthesized rule for the Django check ID', () => {
    expect(rules.map((r) => r.id)).toEqual(['test.E010', 'test.E030', 'test.I090', 'test.W020', 'security.W004']);
    const e010 = rules[0];
    expect(e010.name).toBe('debug-enabled');
    expect(e010.shortDescription?.text).toBe('DEBUG is on in production settings.');
    expect(e010.helpUri).toBe(docsUrl('test.E010'));
    expect(e010.defaultConfiguration?.level).toBe('error');
    // no docs page exists for these hand-made rules: help falls back to title + fix
    expect(e010.help?.text).toContain('Set DEBUG = False');
    expect(e010.help?.markdown).toContain(`[Documentation](${docsUrl('test.E010')})`);
    expect(e010.properties).toEqual({
      tags: ['security', 'external/cwe/cwe-489'],
      precision: 'high',
      'security-severity': '7.5',
      'problem.severity': 'error',
      djangoCheck: 'security.W018',
    });
    const w020 = rules.find((r) => r.id === 'test.W020')!;
    expect(w020.properties?.tags).toEqual(['security', 'external/cwe/cwe-20']); // 'security' added
    expect(w020.properties?.['security-severity']).toBe('5.0');
    expect(rules.find((r) => r.id === 'test.I090')!.properties?.['problem.severity']).toBe('recommendation');

    const w004 = rules[4];
    expect(w004.defaultConfiguration?.level).toBe('warning');
    expect(w004.shortDescription?.text).toContain('security.W004');
    expect(w004.helpUri).toMatch(/^https:\/\/docs\.djangoproject\.com\//);
  });

  test('results in compareFindings order with correct rule indexes and locations', () => {
    expect(results.map((r) => r.ruleId)).toEqual(['test.E010', 'test.E030', 'security.W004', 'test.W020', 'test.I090']);
    for (const r of results) expect(rules[r.ruleIndex!].id).toBe(r.ruleId);

    const debug = results[0];
    expect(debug.level).toBe('error');
    expect(debug.message.text).toBe('DEBUG = True in the production settings <mysite.settings.prod>.');
    expect(debug.locations).toEqual([
      { physicalLocation: { artifactLocation: { uri: 'mysite/settings/prod.py', uriBaseId: '%SRCROOT%' }, region: { startLine: 3, startColumn: 1 } } },
    ]);
    expect(debug.relatedLocations).toEqual([
      {
        id: 1,
        physicalLocation: { artifactLocation: { uri: 'manage.py', uriBaseId: '%SRCROOT%' }, region: { startLine: 9 } },
        message: { text: 'DJANGO_SETTINGS_MODULE selects this module here.' },
      },
    ]);
    expect(debug.properties).toEqual({ gate: 'rules', djangoCheck: 'security.W018' });

    const hosts = results.find((r) => r.ruleId === 'test.W020')!;
    expect(hosts.locations![0].physicalLocation!.region).toEqual({ startLine: 4, startColumn: 18, endLine: 4, endColumn: 21 });

    const w004 = results.find((r) => r.ruleId === 'security.W004')!;
    expect(w004.properties).toEqual({ gate: 'deploy-checks', djangoCheck: 'security.W004' });

    // path segments are percent-encoded
    expect(results[4].locations![0].physicalLocation!.artifactLocation!.uri).toBe('dir%20with%20space/app.py');
  });

  test('primaryLocationLineHash from the file text; none when the file cannot be read', () => {
    const hashes = primaryLocationLineHashes(SETTINGS_PY);
    expect(results[0].partialFingerprints).toEqual({ primaryLocationLineHash: hashes[2] });
    expect(results[1].partialFingerprints).toEqual({ primaryLocationLineHash: hashes[4] });
    expect(results[4].partialFingerprints).toBeUndefined(); // dir with space/app.py is unreadable
  });

  test('invocation: not successful when a gate errored; notifications for errored and skipped gates', () => {
    const inv = run.invocations![0];
    expect(inv.executionSuccessful).toBe(false);
    expect(inv.toolExecutionNotifications).toEqual([
      {
        level: 'error',
        message: { text: 'The deploy-checks gate could not run: python exited with 1: ImportError.' },
        properties: { gate: 'deploy-checks', status: 'error' },
      },
      {
        level: 'note',
        message: { text: 'The tests gate was skipped: disabled by the `gates` input.' },
        properties: { gate: 'tests', status: 'skipped' },
      },
    ]);
    const ok = toSarif(makeReport({ gates: [{ gate: 'rules', status: 'passed', durationMs: 1, findings: [] }] }), { readText });
    expect(ok.runs[0].invocations).toEqual([{ executionSuccessful: true }]);
  });

  test('run.properties carries gate results in canonical order, without durations (identical input, identical bytes)', () => {
    expect(run.properties).toEqual({
      gates: [
        { name: 'rules', status: 'failed', detail: '33 rules over 12 files' },
        { name: 'deploy-checks', status: 'error', detail: 'python exited with 1: ImportError' },
        { name: 'tests', status: 'skipped', detail: 'disabled by the `gates` input' },
      ],
    });
  });

  test('category: trailing slashes stripped, one added, default when empty', () => {
    expect(automationId(undefined)).toBe('django-launch-gate/');
    expect(automationId('')).toBe('django-launch-gate/');
    expect(automationId('launch/prod/')).toBe('launch/prod/');
    expect(automationId('launch//')).toBe('launch/');
    expect(toSarif(report, { readText, category: 'staging' }).runs[0].automationDetails).toEqual({ id: 'staging/' });
  });

  test("a finding's own fix is in its result message; a rule covering several Django checks lists them", () => {
    const r = makeReport();
    r.rules = r.rules.map((x) => (x.id === 'test.E010' ? { ...x, djangoChecks: ['security.W020'] } : x));
    r.findings = r.findings.map((f) => (f.ruleId === 'test.E030' ? { ...f, fix: 'Rotate the key and read it from the environment' } : f));
    const out = toSarif(r, { readText }).runs[0];
    const e030 = out.results!.find((x) => x.ruleId === 'test.E030')!;
    expect(e030.message.text).toBe('SECRET_KEY is a string literal. Fix: Rotate the key and read it from the environment.');
    expect(out.results!.find((x) => x.ruleId === 'test.E010')!.message.text).toBe('DEBUG = True in the production settings <mysite.settings.prod>.');
    const e010 = out.tool.driver.rules!.find((x) => x.id === 'test.E010')!;
    expect(e010.properties).toMatchObject({ djangoCheck: 'security.W018', djangoChecks: ['security.W018', 'security.W020'] });
    expect(rules.find((x) => x.id === 'test.W020')!.properties).not.toHaveProperty('djangoChecks');
  });

  test("a skipped or errored gate's detail (one line per project) is one notification line", () => {
    const gate = { ...TWO_PROJECT_GATE, status: 'error' as const };
    const n = toSarif(makeReport({ gates: [gate] }), { readText }).runs[0].invocations![0].toolExecutionNotifications!;
    expect(n[0].message.text).toBe(`The deploy-checks gate could not run: ${gate.detail!.split('\n').join('; ')}.`);
  });

  test('deterministic: byte-identical output for the same input, whatever the input order', () => {
    const a = serializeSarif(toSarif(makeReport(), { readText }));
    const b = serializeSarif(toSarif(makeReport(), { readText }));
    expect(b).toBe(a);
    const shuffled = makeReport();
    shuffled.findings.reverse();
    shuffled.rules = [...shuffled.rules].reverse();
    shuffled.gates.reverse();
    expect(serializeSarif(toSarif(shuffled, { readText }))).toBe(a);
    expect(a.endsWith('}\n')).toBe(true);
    expect(a.split('\n')[1]).toMatch(/^ {2}"\$schema"/);
  });

  test('written in pieces (the log around its results, then each result): serializeSarif\'s document to the byte, redacted', () => {
    const secret = 'sk-live-9f8e7d6c5b4a3210ffee';
    const root = join(tmp, 'chunks');
    mkdirSync(join(root, 'mysite/settings'), { recursive: true });
    const text = `${SETTINGS_PY}\nSTRIPE = "${secret}"\n`;
    writeFileSync(join(root, 'mysite/settings/prod.py'), text);
    const report = makeReport({ root });
    report.findings[0] = { ...report.findings[0]!, message: `${report.findings[0]!.message} (key ${secret})` };
    const redactor = new Redactor([secret]);
    const pieces = [...sarifChunks(report, 'web', redactor)];
    expect(pieces.length).toBe(report.findings.length + 2);
    const joined = pieces.join('');
    const whole = redactor.redact(serializeSarif(toSarif(report, { category: 'web', readText: (rel) => (rel === 'mysite/settings/prod.py' ? redactor.redact(text) : undefined) })));
    expect(joined).toBe(whole);
    expect(sarifText(report, 'web', redactor)).toBe(whole);
    expect(joined).not.toContain(secret);
    expect(joined).toContain('[REDACTED]');
    // the line hashes kept for the results' lines are the whole file's
    const hashes = primaryLocationLineHashes(redactor.redact(text));
    const parsed = JSON.parse(joined);
    for (const r of parsed.runs[0].results) {
      const loc = r.locations[0].physicalLocation;
      if (loc.artifactLocation.uri === 'mysite/settings/prod.py') expect(r.partialFingerprints).toEqual({ primaryLocationLineHash: hashes[loc.region.startLine - 1] });
    }
    expect(joined).toBe(serializeSarif(parsed));

    const none = makeReport({ root, findings: [] });
    expect([...sarifChunks(none, undefined, redactor)]).toHaveLength(1);
    expect(sarifText(none, undefined, redactor)).toBe(serializeSarif(toSarif(none, { readText: () => undefined })));
  });

  test('clamps invalid positions and anchors file-less findings so GitHub accepts every result', () => {
    const r = makeReport({
      findings: [{ ruleId: 'test.E010', gate: 'rules', level: 'error', message: 'x.', location: { file: '', line: 0, column: 0, endLine: 0 } }],
    });
    const res = toSarif(r, { readText }).runs[0].results![0];
    expect(res.locations![0].physicalLocation).toEqual({
      artifactLocation: { uri: 'mysite/settings/prod.py', uriBaseId: '%SRCROOT%' },
      region: { startLine: 1 },
    });
    expect(res.partialFingerprints).toEqual({ primaryLocationLineHash: primaryLocationLineHashes(SETTINGS_PY)[0] });
  });
});

describe('rule help from docs/rules', () => {
  // launch.I001's page is part of the repository (docs/rules/launch.I001.md)
  const page = readFileSync(new URL('../../docs/rules/launch.I001.md', import.meta.url), 'utf8');
  const rule = {
    id: 'launch.I001',
    name: 'file-unscannable',
    checklist: 'scan' as const,
    level: 'note' as const,
    title: 'A file could not be scanned fully',
    fix: 'Fix the syntax error.',
    securitySeverity: 0,
    precision: 'very-high' as const,
    tags: ['maintainability'],
  };

  test('ruleDoc finds the page from the sources, and refuses IDs that are not rule IDs', () => {
    expect(ruleDoc('launch.I001')).toBe(page);
    expect(ruleDoc('launch.X999')).toBeUndefined();
    expect(ruleDoc('../../package.json')).toBeUndefined();
    expect(ruleDoc('../README')).toBeUndefined();
  });

  test('help is the page; fullDescription its "What it does" paragraph; severity 0 is not a security alert', () => {
    const log = toSarif(makeReport({ rules: [rule], findings: [] }), { readText });
    const d = log.runs[0].tool.driver.rules![0];
    expect(d.help).toEqual({ text: page, markdown: page });
    expect(d.fullDescription?.text).toMatch(/^Reports a Python or deploy file the scan could not read completely/);
    expect(d.fullDescription?.text).not.toContain('\n');
    expect(d.properties).toEqual({ tags: ['maintainability'], precision: 'very-high', 'problem.severity': 'recommendation' });
  });
});

describe('sarif-multitool validate (SARIF + GitHub rule kinds)', () => {
  test('our log (including a rule with a real docs page as help): 0 errors, 0 warnings', () => {
    const report = makeReport();
    report.rules.push({
      id: 'launch.I001',
      name: 'file-unscannable',
      checklist: 'scan',
      level: 'note',
      title: 'A file could not be scanned fully',
      fix: 'Fix the syntax error.',
      securitySeverity: 0,
      precision: 'very-high',
      tags: ['maintainability'],
    });
    report.findings.push({ ruleId: 'launch.I001', gate: 'rules', level: 'note', message: 'Syntax error.', location: { file: 'bad.py', line: 7, column: 3 } });
    const v = validateSarif(tmp, serializeSarif(toSarif(report, { readText })), 'ours');
    expect(v.errors).toEqual([]);
    expect(v.warnings).toEqual([]);
    // the GitHub/GHAS and SARIF rules really ran: they produce notes on our log too
    expect(v.ruleIds.some((id) => id.startsWith('SARIF2'))).toBe(true);
  }, 120_000);

  test('an empty report validates too', () => {
    const empty = makeReport({ findings: [], rules: [], gates: [] });
    const v = validateSarif(tmp, serializeSarif(toSarif(empty, { readText })), 'empty');
    expect(v.errors).toEqual([]);
  }, 120_000);

  test('control: a broken log is reported with errors (the output is parsed for real)', () => {
    const log = toSarif(makeReport(), { readText });
    log.runs[0].results![0].locations![0].physicalLocation!.region!.startLine = 0;
    delete log.runs[0].tool.driver.rules;
    const v = validateSarif(tmp, serializeSarif(log), 'broken');
    expect(v.errors.some((e) => e.startsWith('JSON1008'))).toBe(true); // startLine below minimum
    expect(v.errors.some((e) => e.startsWith('GH1018'))).toBe(true); // GitHub requires driver.rules
  }, 120_000);
});
