/**
 * `npm run realworld` (scripts/realworld.mjs → scripts/realworld-lib.mjs): the comparison of CLI reports
 * with reviewed verdicts, on synthetic projects in a temp dir — no real-world checkout needed. Most cases
 * run a fake CLI (`--cli`) that prints a canned report, crashes, exits 2 or hangs; one runs the real CLI
 * from source on a tiny Django project.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from './support/tmp';
// @ts-expect-error plain ESM script without types
import * as rw from '../scripts/realworld-lib.mjs';

const SHA_A = 'a'.repeat(40);
const SHA_B = 'b'.repeat(40);

interface RawFinding {
  ruleId: string;
  level: 'error' | 'warning' | 'note';
  message: string;
  location: { file: string; line: number };
}
function finding(ruleId: string, file: string, line: number, message: string, level: RawFinding['level'] = 'warning'): RawFinding {
  return { ruleId, level, message, location: { file, line } };
}
function report(module: string | null, findings: RawFinding[], root = '') {
  return { projects: [{ root, settingsModule: module, settingsFile: module ? `${module.replace(/\./g, '/')}.py` : null, reason: 'the default in wsgi.py' }], findings };
}

const FAKE_CLI = `
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
const dir = process.argv[2];
if (process.argv[3] !== '--format' || process.argv[4] !== 'json') { console.error('fake: bad argv ' + process.argv.slice(2).join(' ')); process.exit(9); }
const spec = JSON.parse(readFileSync(join(dir, 'fake.json'), 'utf8'));
if (spec.mode === 'crash') { console.error('TypeError: boom\\n    at x (file.js:1:2)'); process.exit(3); }
if (spec.mode === 'exit2') { console.error('django-launch-gate: no Django project found under ' + dir); process.exit(2); }
if (spec.mode === 'hang') { setTimeout(() => {}, 60000); }
else { process.stdout.write(JSON.stringify(spec.report)); process.exitCode = spec.exit ?? 1; }
`;

function write(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}

/** A temp workspace: <tmp>/fake-cli.mjs, <tmp>/checkouts/<name>/fake.json, <tmp>/verdicts.json. */
function workspace(projects: Record<string, { spec?: object; commit?: string }>, verdicts: object) {
  const dir = tempDir('dlg-realworld-');
  write(join(dir, 'fake-cli.mjs'), FAKE_CLI);
  for (const [name, p] of Object.entries(projects)) {
    if (p.spec) write(join(dir, 'checkouts', name, 'fake.json'), JSON.stringify(p.spec));
    if (p.commit) write(join(dir, 'checkouts', name, '.realworld-commit'), `${p.commit}\n`);
  }
  const verdictsFile = join(dir, 'verdicts.json');
  write(verdictsFile, JSON.stringify(verdicts, null, 2));
  return { dir, folder: join(dir, 'checkouts'), cli: join(dir, 'fake-cli.mjs'), verdictsFile };
}

function entry(name: string, extra: object = {}) {
  return { name, repo: `example/${name}`, commit: SHA_A, checkout: 'synthetic', production: [], findings: [], ...extra };
}

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await rw.main(argv, { stdout: (t: string) => (out += t), stderr: (t: string) => (err += t), cwd: process.cwd() });
  return { code, out, err };
}

function row(out: string, name: string): string[] {
  const line = out.split('\n').find((l) => l.startsWith(`| ${name} `));
  expect(line, `table row for ${name}`).toBeTruthy();
  return line!.split('|').slice(1, -1).map((c) => c.trim());
}
// Columns: project, commit, run, production, errors+warnings, TP, FP, unreviewed, missing, time, result.

describe('comparison (pure)', () => {
  const verdicts = [
    { rule: 'launch.E010', file: 'app/settings.py', line: 3, verdict: 'TP', reason: 'DEBUG = True in the module production runs' },
    { rule: 'launch.W101', file: 'app/settings.py', line: 1, verdict: 'FP', reason: 'the proxy sets HSTS' },
    { rule: 'launch.W090', file: 'app/settings.py', line: 1, verdict: 'TP', reason: 'no error tracker' },
    { rule: 'launch.W080', file: 'app/views.py', line: 10, verdict: 'TP', reason: 'SMTP in the view', message: 'send_mail() in view `contact` sends email' },
    { rule: 'launch.W070', file: 'app/models.py', line: 5, verdict: 'FP', reason: 'storage set by the operator' },
  ];
  const rep = report('app.settings.prod', [
    finding('launch.E010', 'app/settings.py', 3, 'DEBUG is True', 'error'),
    finding('launch.W101', 'app/settings.py', 1, 'SECURE_HSTS_SECONDS is not set'),
    finding('launch.W080', 'app/views.py', 14, 'send_mail() in view `contact` sends email over SMTP'), // moved from line 10
    finding('launch.W110', 'app/urls.py', 7, 'login with no rate limiting'), // not reviewed
    finding('launch.W070', 'app/models.py', 5, 'uploads on local disk', 'note'), // now a note: not counted
    finding('launch.I103', 'app/settings.py', 2, 'a note', 'note'),
  ]);

  it('matches by rule + file + line, then by message prefix when the line moved; notes are not counted', () => {
    const c = rw.compareFindings(verdicts, rep);
    expect(c.findings).toHaveLength(4);
    expect(c.tp.map((f: { rule: string }) => f.rule)).toEqual(['launch.E010', 'launch.W080']);
    expect(c.fp.map((f: { rule: string }) => f.rule)).toEqual(['launch.W101']);
    expect(c.unreviewed.map((f: { rule: string; line: number }) => `${f.rule}:${f.line}`)).toEqual(['launch.W110:7']);
    expect(c.drift).toEqual([{ rule: 'launch.W080', file: 'app/views.py', from: 10, to: 14 }]);
    expect(c.missing).toEqual([
      { rule: 'launch.W090', file: 'app/settings.py', line: 1, verdict: 'TP', reason: 'no error tracker', nowNote: false },
      { rule: 'launch.W070', file: 'app/models.py', line: 5, verdict: 'FP', reason: 'storage set by the operator', nowNote: true },
    ]);
    expect(c.lostTP).toHaveLength(1);
  });

  it('a moved line without a stored message prefix is unreviewed, not matched', () => {
    const c = rw.compareFindings([{ rule: 'launch.E010', file: 'a.py', line: 3, verdict: 'TP', reason: 'x' }], report('m', [finding('launch.E010', 'a.py', 4, 'DEBUG is True', 'error')]));
    expect(c.unreviewed).toHaveLength(1);
    expect(c.missing).toHaveLength(1);
  });

  it('production module: right, wrong, no settings, unreviewed root, not-judged root', () => {
    const expected = [
      { root: '.', module: 'app.settings.prod', evidence: 'Dockerfile:3 ENV', reason: 'r' },
      { root: 'demo', module: null, evidence: '', reason: 'example app, not deployed' },
    ];
    const both = (m: string | null) => ({ projects: [...report(m, []).projects, { root: 'demo', settingsModule: 'demo.settings', settingsFile: null, reason: '' }], findings: [] });
    expect(rw.compareProduction(expected, both('app.settings.prod'))).toMatchObject({ ok: true, text: 'yes' });
    expect(rw.compareProduction(expected, both('app.settings.dev'))).toMatchObject({ ok: false, text: 'no: got app.settings.dev expected app.settings.prod' });
    expect(rw.compareProduction(expected, both(null))).toMatchObject({ ok: false, text: 'no settings' });
    expect(rw.compareProduction(expected, report('app.settings.prod', []))).toMatchObject({ ok: true });
    expect(rw.compareProduction([], report('app.settings.prod', []))).toMatchObject({ ok: null, text: '? got app.settings.prod' });
    expect(rw.compareProduction([], report(null, []))).toMatchObject({ ok: false, text: 'no settings' });
    expect(rw.compareProduction([], { projects: [], findings: [] })).toMatchObject({ ok: false, text: 'no settings' });
    const nested = [{ root: 'backend', module: 'core.settings', evidence: 'x:1', reason: 'r' }];
    expect(rw.compareProduction(nested, report('core.settings', [], 'backend/'))).toMatchObject({ ok: true });
    expect(rw.compareProduction(nested, report('core.settings', []))).toMatchObject({ ok: false, text: 'no: no project at backend, expected core.settings' });
  });

  it('a project the operator names the settings module for is run with --settings, and its entry is checked', async () => {
    expect(rw.validateVerdicts({ projects: [entry('y', { settings: { module: 'ynr.settings.deploy', reason: 'named in SSM only' } })] })).toEqual([]);
    expect(rw.validateVerdicts({ projects: [entry('y', { settings: { module: '../x' } })] })[0]).toMatch(/"settings" must be/);
    const dir = tempDir('dlg-realworld-args-');
    const cli = join(dir, 'echo-cli.mjs');
    writeFileSync(cli, 'console.log(JSON.stringify({ argv: process.argv.slice(2), projects: [], findings: [] }));\n');
    const run = await rw.runProject(dir, { command: { args: [cli], label: 'echo', env: {} }, timeoutMs: 20_000, extraArgs: ['--settings', 'ynr.settings.deploy'] });
    expect(run.status).toBe('ok');
    expect((run.report as { argv: string[] }).argv).toEqual([dir, '--format', 'json', '--settings', 'ynr.settings.deploy']);
  });

  it('a lost true positive fails the row; a project whose right answer is a refusal passes only on that exit-2 line', () => {
    const lost = rw.compareProject(entry('p', { production: [{ root: '.', module: 'app.settings.prod', evidence: 'x:1', reason: 'r' }], findings: [verdicts[2]] }), { status: 'ok', report: report('app.settings.prod', []) });
    expect(lost.pass).toBe(false);
    expect(lost.problems).toContain('1 true positive no longer reported');
    const expectRefusal = entry('m', { expect: { exit: 2, stderr: 'only development settings', reason: 'devproject only' } });
    expect(rw.validateVerdicts({ projects: [expectRefusal] })).toEqual([]);
    expect(rw.validateVerdicts({ projects: [entry('m', { expect: { exit: 1 } })] })[0]).toMatch(/expect/);
    const refused = rw.compareProject(expectRefusal, { status: 'exit 2', detail: 'django-launch-gate: project .: only development settings are named — name it', report: null });
    expect(refused).toMatchObject({ pass: true, production: { ok: true } });
    const judged = rw.compareProject(expectRefusal, { status: 'ok', report: report('devproject.settings', []) });
    expect(judged.pass).toBe(false);
    expect(judged.production.text).toMatch(/^no: expected exit 2/);
  });

  it('the verdicts schema is checked', () => {
    expect(rw.validateVerdicts({ projects: [entry('ok')] })).toEqual([]);
    expect(rw.validateVerdicts({ projects: [entry('x', { commit: 'abc' })] })[0]).toMatch(/commit/);
    expect(rw.validateVerdicts({ projects: [entry('x', { findings: [{ rule: 'launch.E010', file: 'a', line: 1, verdict: 'maybe' }] })] })[0]).toMatch(/verdict/);
    expect(rw.validateVerdicts({ projects: [entry('x', { checkout: null })] })[0]).toMatch(/reason/);
    expect(rw.validateVerdicts({ projects: [entry('x'), entry('x')] })[0]).toMatch(/twice/);
    expect(rw.validateVerdicts([])[0]).toMatch(/object/);
  });
});

describe('npm run realworld over synthetic checkouts', () => {
  const reviewed = [
    { rule: 'launch.E010', file: 'app/settings.py', line: 3, verdict: 'TP', reason: 'DEBUG = True in the module production runs' },
    { rule: 'launch.W101', file: 'app/settings.py', line: 1, verdict: 'FP', reason: 'HSTS set at the proxy' },
    { rule: 'launch.W090', file: 'app/settings.py', line: 1, verdict: 'TP', reason: 'no error tracker' },
  ];
  const good = report('app.settings.prod', [
    finding('launch.E010', 'app/settings.py', 3, 'DEBUG is True', 'error'),
    finding('launch.W101', 'app/settings.py', 1, 'SECURE_HSTS_SECONDS is not set'),
    finding('launch.W090', 'app/settings.py', 1, 'Nothing reports errors'),
    finding('launch.I103', 'app/settings.py', 9, 'a note', 'note'),
  ]);
  const prodRight = [{ root: '.', module: 'app.settings.prod', evidence: 'Dockerfile:7 ENV DJANGO_SETTINGS_MODULE=app.settings.prod', reason: 'the image sets it' }];

  function mixed() {
    return workspace(
      {
        right: { spec: { report: good }, commit: SHA_A },
        wrong: { spec: { report: report('app.settings.dev', []) }, commit: SHA_B },
        lost: { spec: { report: report('app.settings.prod', [finding('launch.W110', 'app/urls.py', 4, 'login with no rate limiting')]), exit: 0 } },
        crashy: { spec: { mode: 'crash' } },
        exit2: { spec: { mode: 'exit2' } },
        slow: { spec: { mode: 'hang' } },
        extra: { spec: { report: good } },
      },
      {
        about: 'synthetic',
        projects: [
          entry('right', { production: prodRight, findings: reviewed }),
          entry('wrong', { production: prodRight }),
          entry('lost', { production: prodRight, findings: reviewed }),
          entry('crashy'),
          entry('exit2'),
          entry('slow'),
          entry('absent', { production: prodRight }),
          entry('nocheckout', { commit: null, checkout: null, reason: 'over the fetch limit' }),
        ],
      },
    );
  }

  it('prints one row per project, the details, and exits 1 when a present project fails', async () => {
    const ws = mixed();
    const r = await run([ws.folder, '--cli', ws.cli, '--verdicts', ws.verdictsFile, '--timeout', '4']);
    expect(r.code).toBe(1);
    expect(row(r.out, 'right')).toEqual(['right', 'aaaaaaa', 'ok', 'yes', '3', '2', '1', '0', '0', expect.stringMatching(/s$/), 'pass']);
    expect(row(r.out, 'wrong').slice(2, 4)).toEqual(['ok', 'no: got app.settings.dev expected app.settings.prod']);
    expect(row(r.out, 'wrong')[1]).toBe('bbbbbbb (!)');
    expect(row(r.out, 'wrong')[10]).toBe('FAIL');
    expect(row(r.out, 'lost').slice(4, 9)).toEqual(['1', '0', '0', '1', '3 (2 lost TP)']);
    expect(row(r.out, 'crashy').slice(2, 3)).toEqual(['crash']);
    expect(row(r.out, 'exit2').slice(2, 3)).toEqual(['exit 2']);
    expect(row(r.out, 'slow')[2]).toMatch(/^timeout/);
    for (const name of ['crashy', 'exit2', 'slow']) expect(row(r.out, name)[10]).toBe('FAIL');
    expect(row(r.out, 'absent')).toEqual(['absent', 'aaaaaaa', 'not present', '—', '—', '—', '—', '—', '—', '—', '—']);
    expect(row(r.out, 'nocheckout').slice(0, 3)).toEqual(['nocheckout', '—', 'not present']);
    expect(r.out).toMatch(/^\| total \(6 present, 2 not present\) .*\| 2\/6 right .*\| 1\/6 pass +\|$/m);

    // The details a reviewer acts on.
    expect(r.out).toContain('False positives (1):');
    expect(r.out).toMatch(/right {2}launch\.W101 {2}app\/settings\.py:1 {2}SECURE_HSTS_SECONDS is not set\n {6}why false: HSTS set at the proxy/);
    expect(r.out).toMatch(/lost {2}launch\.W110 \[warning\] {2}app\/urls\.py:4 {2}login with no rate limiting/);
    expect(r.out).toMatch(/lost {2}launch\.E010 {2}app\/settings\.py:3 {2}LOST TRUE POSITIVE/);
    expect(r.out).toMatch(/lost {2}launch\.W101 {2}app\/settings\.py:1 {2}false positive gone/);
    expect(r.out).toMatch(/warning: wrong: checkout is at b{40} \(\.realworld-commit\), the verdicts are for a{40}/);
    expect(r.out).toMatch(/crashy: crash \(exit 3\): no JSON report on stdout: TypeError: boom/);
    expect(r.out).toMatch(/exit2: exit 2: django-launch-gate: no Django project found/);
    expect(r.out).toMatch(/slow: timeout .*killed after 4s/);
    expect(r.out).toMatch(/absent: not present — .*absent is missing/);
    expect(r.out).toMatch(/nocheckout: not present — no checkout: over the fetch limit/);
    expect(r.out).toMatch(/not in the verdicts file \(not run\): extra/);
    expect(r.err).toMatch(/right: ok \(exit 1\) in \d+\.\ds/);
  }, 30_000);

  it('--json prints the comparison as JSON', async () => {
    const ws = mixed();
    const r = await run([ws.folder, '--cli', ws.cli, '--verdicts', ws.verdictsFile, '--timeout', '4', '--json', '--jobs', '1']);
    expect(r.code).toBe(1);
    expect(r.err).toBe('');
    const doc = JSON.parse(r.out);
    expect(doc.pass).toBe(false);
    expect(doc.total).toMatchObject({ projects: 8, present: 6, notPresent: 2, passing: 1, productionRight: 2, tp: 2, fp: 1, unreviewed: 1, missing: 3, lostTP: 2 });
    const byName = Object.fromEntries(doc.projects.map((p: { name: string }) => [p.name, p]));
    expect(byName.right).toMatchObject({ status: 'ok', pass: true, counts: { findings: 3, tp: 2, fp: 1, unreviewed: 0, missing: 0 } });
    expect(byName.wrong.production).toMatchObject({ ok: false });
    expect(byName.wrong.commit).toEqual({ expected: SHA_A, actual: SHA_B, source: '.realworld-commit', mismatch: true });
    expect(byName.absent).toMatchObject({ status: 'not present', pass: null });
    expect(byName.slow.status).toBe('timeout');
    expect(doc.extraFolders).toEqual(['extra']);
  }, 30_000);

  it('exits 0 when every present project has the right module, at most one FP and nothing unreviewed; 1 with two FPs', async () => {
    const ws = workspace({ right: { spec: { report: good } } }, { projects: [entry('right', { production: prodRight, findings: reviewed }), entry('absent')] });
    const ok = await run([ws.folder, '--cli', ws.cli, '--verdicts', ws.verdictsFile]);
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/every present project passes/);
    expect(ok.out).toMatch(/warning: right: cannot tell the checkout's commit/);

    const twoFp = reviewed.map((v) => (v.rule === 'launch.W090' ? { ...v, verdict: 'FP' } : v));
    writeFileSync(ws.verdictsFile, JSON.stringify({ projects: [entry('right', { production: prodRight, findings: twoFp })] }));
    const bad = await run([ws.folder, '--cli', ws.cli, '--verdicts', ws.verdictsFile]);
    expect(bad.code).toBe(1);
    expect(row(bad.out, 'right').slice(6, 7)).toEqual(['2']);
  });

  it('no present project at all is not a pass', async () => {
    const ws = workspace({}, { projects: [entry('absent')] });
    mkdirSync(ws.folder, { recursive: true });
    const r = await run([ws.folder, '--cli', ws.cli, '--verdicts', ws.verdictsFile]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/no project present: nothing was measured/);
  });

  it('--update drafts a "?" entry for every unreviewed finding and root, never a verdict', async () => {
    const ws = workspace({ fresh: { spec: { report: good } } }, { projects: [entry('fresh', { findings: [reviewed[0]] })] });
    const r = await run([ws.folder, '--cli', ws.cli, '--verdicts', ws.verdictsFile, '--update']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/--update: 3 draft entries/);
    const doc = JSON.parse(readFileSync(ws.verdictsFile, 'utf8'));
    const p = doc.projects[0];
    expect(p.findings[0]).toEqual(reviewed[0]);
    expect(p.findings.slice(1)).toEqual([
      { rule: 'launch.W101', file: 'app/settings.py', line: 1, verdict: '?', reason: '', message: 'SECURE_HSTS_SECONDS is not set' },
      { rule: 'launch.W090', file: 'app/settings.py', line: 1, verdict: '?', reason: '', message: 'Nothing reports errors' },
    ]);
    expect(p.production).toEqual([{ root: '.', module: '?', evidence: '', reason: 'the tool picked app.settings.prod: the default in wsgi.py' }]);
    // Drafts are still unreviewed, and a second --update adds nothing.
    const again = await run([ws.folder, '--cli', ws.cli, '--verdicts', ws.verdictsFile, '--update']);
    expect(again.code).toBe(1);
    expect(row(again.out, 'fresh').slice(3, 8)).toEqual(['? got app.settings.prod', '3', '1', '0', '2 (+1 roots)']);
    expect(again.out).toContain('(drafted, verdict "?")');
    expect(again.err).toMatch(/--update: 0 draft entries/);
  });

  describe('bad input: exit 2 with one line', () => {
    const oneLine = (r: { code: number; out: string; err: string }, pattern: RegExp) => {
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err.trim().split('\n')).toHaveLength(1);
      expect(r.err).toMatch(pattern);
    };
    it('missing folder argument', async () => oneLine(await run([]), /^realworld: missing the folder argument/));
    it('folder that does not exist', async () => oneLine(await run([join(tmpdir(), 'dlg-no-such-folder-x')]), /does not exist/));
    it('unreadable verdicts file', async () => {
      const ws = workspace({}, { projects: [] });
      oneLine(await run([ws.dir, '--verdicts', join(ws.dir, 'missing.json')]), /cannot read the verdicts file .*missing\.json: ENOENT/);
    });
    it('verdicts file that is not JSON', async () => {
      const ws = workspace({}, { projects: [] });
      writeFileSync(ws.verdictsFile, '{ nope');
      oneLine(await run([ws.dir, '--verdicts', ws.verdictsFile]), /is not valid JSON/);
    });
    it('verdicts file with a wrong field', async () => {
      const ws = workspace({}, { projects: [entry('x', { findings: [{ rule: 'launch.E010', file: 'a.py', line: 1, verdict: 'true' }] })] });
      oneLine(await run([ws.dir, '--verdicts', ws.verdictsFile]), /not usable: projects\[0\] \(x\)\.findings\[0\]: "verdict" must be/);
    });
    it('unknown option and bad values', async () => {
      oneLine(await run(['/tmp', '--bogus']), /unknown option --bogus/);
      oneLine(await run(['/tmp', '--jobs', '4']), /--jobs must be 1 or 2/);
      oneLine(await run(['/tmp', '--timeout', '-5']), /--timeout/);
    });
  });
});

describe('the real CLI on a tiny Django project', () => {
  it('dist/cli.js and src/ from source (no build step): reads the JSON report and round-trips --update', async () => {
    const ws = workspace({}, { projects: [entry('tiny', { commit: null })] });
    const dir = join(ws.folder, 'tiny');
    write(join(dir, 'manage.py'), 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "mysite.settings")\n');
    write(join(dir, 'mysite', '__init__.py'), '');
    write(join(dir, 'mysite', 'wsgi.py'), 'import os\nfrom django.core.wsgi import get_wsgi_application\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "mysite.settings")\napplication = get_wsgi_application()\n');
    write(join(dir, 'mysite', 'settings.py'), 'SECRET_KEY = "django-insecure-abc"\nDEBUG = True\nALLOWED_HOSTS = ["*"]\n');
    // dist/cli.js is committed (test/dist.test.ts keeps it fresh); without it, the sources only.
    const ways = existsSync(join(rw.ROOT, 'dist', 'cli.js')) ? [[], ['--from-source']] : [['--from-source']];

    const first = await run([ws.folder, ...ways[0], '--verdicts', ws.verdictsFile, '--update']);
    expect(first.code).toBe(1);
    expect(row(first.out, 'tiny')[2], first.out).toBe('ok');
    const doc = JSON.parse(readFileSync(ws.verdictsFile, 'utf8'));
    const tiny = doc.projects[0];
    expect(tiny.production).toEqual([expect.objectContaining({ root: '.', module: '?' })]);
    expect(tiny.findings.length).toBeGreaterThan(0);
    expect(tiny.findings.some((f: { rule: string; file: string }) => f.file === 'mysite/settings.py')).toBe(true);
    // A reviewer fills in the drafts; then nothing is unreviewed, whichever way the CLI runs.
    tiny.production = [{ root: '.', module: 'mysite.settings', evidence: 'mysite/wsgi.py:3', reason: 'the wsgi default' }];
    tiny.findings = tiny.findings.map((f: object) => ({ ...f, verdict: 'TP', reason: 'synthetic' }));
    writeFileSync(ws.verdictsFile, JSON.stringify(doc));
    const n = String(tiny.findings.length);
    for (const way of ways) {
      const again = await run([ws.folder, ...way, '--verdicts', ws.verdictsFile]);
      expect(row(again.out, 'tiny').slice(2, 9), again.out).toEqual(['ok', 'yes', n, n, '0', '0', '0']);
      expect(again.code).toBe(0);
    }
  }, 60_000);
});
