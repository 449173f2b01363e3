/**
 * The tests gate for real: Django 3.2 (system), 4.2 and 5.2 (.cache/django), manage.py test and pytest-django,
 * against a PostgreSQL cluster started by the product's own postgres.ts (one per file, handed to the gate
 * through PGHOST/PGPORT/PGUSER/PGPASSWORD as a CI service container would be) — and once with the gate
 * starting and removing its own throwaway cluster.
 */
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GateResult, Report } from '../../src/finding';
import { freePort } from '../../src/django/postgres';
import { cli } from '../../src/cli';
import { detectPytest, parseUnittestOutput } from '../../src/gates/tests';
import { run, type RunOptions } from '../../src/run';
import { djangoVersions, type DjangoVersion } from '../support/django';
import { useCluster } from '../support/postgres';

const ROOT = join(__dirname, '..', '..');
const FIXTURES = join(__dirname, '..', 'fixtures');
const RUNTIME = join(FIXTURES, 'runtime');
const VERSIONS = djangoVersions();
const V32 = VERSIONS[0];

const pg = useCluster();

async function tests(path: string, v: DjangoVersion, opts: Partial<RunOptions> = {}): Promise<{ gate: GateResult; report: Report }> {
  const { report } = await run({ path, gates: ['tests'], python: v.python, env: { ...v.env, ...pg.serverEnv() }, timeoutMinutes: 3, ...opts });
  return { gate: report.gates.find((g) => g.gate === 'tests')!, report };
}

/** Processes whose command line mentions `text` (zombies excluded). */
function processesMentioning(text: string): string[] {
  const out: string[] = [];
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      if (/^\d+ \(.*\) Z/s.test(readFileSync(`/proc/${pid}/stat`, 'utf8'))) continue;
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
      if (cmd.includes(text)) out.push(`${pid}: ${cmd}`);
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

const FAILING = join(RUNTIME, 'failing-test');

function expectFailingTestFindings(report: Report): void {
  const f = report.findings.filter((x) => x.ruleId === 'launch.E201');
  expect(f).toHaveLength(2);
  const failure = f.find((x) => x.message.includes('test_title_is_stored_in_capitals'))!;
  expect(failure.location).toMatchObject({ file: 'notes/tests.py', line: 15 });
  expect(failure.message).toMatch(/^test notes\.tests\.NoteTests\.test_title_is_stored_in_capitals fails: AssertionError: 'launch' != 'LAUNCH'/);
  expect(failure.message).toContain('titles are upper-cased on save');
  const error = f.find((x) => x.message.includes('test_lookup_of_a_missing_note'))!;
  expect(error.location).toMatchObject({ file: 'notes/tests.py', line: 18 });
  expect(error.message).toMatch(/^test notes\.tests\.NoteTests\.test_lookup_of_a_missing_note errors: notes\.models\.Note\.DoesNotExist: Note matching query does not exist\./);
}

describe.each(VERSIONS)('tests gate on Django $version', (v) => {
  const t = v.missing ? it.skip : it;

  t('passes the hardened fixture with its test settings', async () => {
    const { gate, report } = await tests(join(FIXTURES, 'hardened'), v);
    expect(gate.status, gate.detail).toBe('passed');
    expect(gate.detail).toMatch(/^ran 2 tests in [\d.]+ s: 0 failed, 0 errored, 0 skipped — manage\.py test, settings config\.settings\.test on sqlite/);
    expect(report.findings).toEqual([]);
  }, 120_000);

  t('reports a failing and an erroring test at their lines (launch.E201), on PostgreSQL', async () => {
    const { gate, report } = await tests(FAILING, v);
    expect(gate.status, gate.detail).toBe('failed');
    expect(gate.detail).toMatch(/^ran 4 tests in [\d.]+ s: 1 failed, 1 errored, 1 skipped — manage\.py test, settings proj\.settings on postgresql database test_dlg_tests_[0-9a-f]{8}/);
    expectFailingTestFindings(report);
  }, 120_000);
});

describe('tests gate (Django 3.2)', () => {
  const t = V32.missing ? it.skip : it;

  t('runs manage.py test --parallel when asked, with the same findings', async () => {
    const { gate, report } = await tests(FAILING, V32, { parallel: true });
    expect(gate.detail).toContain('manage.py test --parallel');
    expectFailingTestFindings(report);
  }, 120_000);

  t('runs pytest for a pytest-django project and reads its JUnit report', async () => {
    const { gate, report } = await tests(join(RUNTIME, 'pytest-failing'), V32);
    expect(gate.status, gate.detail).toBe('failed');
    expect(gate.detail).toMatch(/^ran 3 tests in [\d.]+ s: 1 failed, 0 errored, 1 skipped — pytest \(pytest\.ini configures pytest-django\)/);
    expect(report.findings).toHaveLength(1);
    expect(report.findings[0]).toMatchObject({ ruleId: 'launch.E201', gate: 'tests', level: 'error', location: { file: 'notes/test_notes.py', line: 15 } });
    expect(report.findings[0].message).toMatch(/^test notes\.test_notes\.test_titles_are_trimmed fails: AssertionError: assert '  padded  ' == 'padded'/);
  }, 120_000);

  t('runs the test-command given, parsing unittest output', async () => {
    const { gate, report } = await tests(FAILING, V32, { testCommand: `${V32.python} manage.py test --noinput` });
    expect(gate.status, gate.detail).toBe('failed');
    expect(gate.detail).toMatch(/^ran 4 tests in [\d.]+ s: 1 failed, 1 errored, 1 skipped — `\/usr\/bin\/python3 manage\.py test --noinput` \(test-command\)/);
    expectFailingTestFindings(report);
  }, 120_000);

  t('kills a hung test at timeout-minutes: one gate error, no process left', async () => {
    const dir = join(RUNTIME, 'hung-test');
    const started = Date.now();
    const { gate, report } = await tests(dir, V32, { timeoutMinutes: 0.1 });
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(gate.status, gate.detail).toBe('error');
    expect(gate.detail).toMatch(/^tests timed out after 0\.1 minutes \(timeout-minutes\) and were killed/);
    expect(report.findings).toEqual([]);
    // The whole process group was killed (SIGTERM, SIGKILL 3 s later): give the kernel a moment.
    for (let i = 0; i < 50 && processesMentioning(dir).length; i++) await new Promise((r) => setTimeout(r, 100));
    expect(processesMentioning(dir)).toEqual([]);
  }, 120_000);

  t('settings that raise on import: one gate error naming the exception and the line', async () => {
    const { gate } = await tests(join(RUNTIME, 'import-error'), V32);
    expect(gate.status).toBe('error');
    expect(gate.detail).toBe("manage.py test failed before reporting any test result (exit 1): ModuleNotFoundError: No module named 'launch_gate_not_installed_package' (at proj/settings.py:2)");
  }, 120_000);

  t('a project without tests is skipped, not passed', async () => {
    const { gate } = await tests(join(RUNTIME, 'too-long-value'), V32);
    expect(gate.status, gate.detail).toBe('skipped');
    expect(gate.detail).toMatch(/^ran 0 tests in [\d.]+ s: .* — the project has no tests to run$/);
  }, 120_000);

  t('is skipped, loudly, without PostgreSQL', async () => {
    const { gate } = await tests(FAILING, V32, { env: { ...V32.env, DLG_POSTGRES_BIN: 'none' } });
    expect(gate.status).toBe('skipped');
    expect(gate.detail).toBe('skipped: no PostgreSQL — install postgresql or pass database-url');
  }, 60_000);

  t('starts one throwaway cluster for tests and migrations when none is configured, and removes it afterwards', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'dlg-own-'));
    chmodSync(parent, 0o755);
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = parent;
    try {
      const { report, secrets } = await run({ path: FAILING, gates: ['tests', 'migrations'], python: V32.python, env: { ...V32.env }, timeoutMinutes: 3 });
      const gate = report.gates.find((g) => g.gate === 'tests')!;
      const migrations = report.gates.find((g) => g.gate === 'migrations')!;
      const cluster = /throwaway PostgreSQL [\d.]+ cluster on 127\.0\.0\.1:(\d+)/;
      expect(gate.detail).toMatch(cluster);
      expect(gate.detail).toContain('on postgresql database test_dlg_tests_');
      expectFailingTestFindings(report);
      // Both gates used the same cluster, each with its own database.
      expect(migrations.status, migrations.detail).toBe('passed');
      expect(cluster.exec(migrations.detail!)![1]).toBe(cluster.exec(gate.detail!)![1]);
      expect(migrations.detail).toMatch(/database dlg_migrations_1_[0-9a-f]{8}/);
      // The cluster's random password is a secret of the run.
      expect([...secrets].some((x) => /^[\w-]{24}$/.test(x))).toBe(true);
      // The cluster's folder is gone and no postgres process runs from it.
      expect(readdirSync(parent)).toEqual([]);
      expect(processesMentioning(parent)).toEqual([]);
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
      rmSync(parent, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('the command line (Django 3.2)', () => {
  const t = V32.missing ? it.skip : it;
  const io = (env: Record<string, string | undefined>) => {
    const out = { stdout: '', stderr: '' };
    return {
      out,
      io: { stdout: { write: (x: string) => (out.stdout += x) }, stderr: { write: (x: string) => (out.stderr += x) }, cwd: ROOT, env },
    };
  };

  t('--parallel reaches the tests gate; failing tests exit 1', async () => {
    const { out, io: cliIo } = io({ ...V32.env, ...pg.serverEnv() });
    const code = await cli([FAILING, '--gates', 'tests', '--python', V32.python, '--parallel', '--no-color'], cliIo);
    expect(code, out.stderr).toBe(1);
    expect(out.stdout).toContain('manage.py test --parallel');
    expect(out.stdout).toContain('launch.E201');
  }, 120_000);

  t('--test-command reaches the tests gate', async () => {
    const { out, io: cliIo } = io({ ...V32.env, ...pg.serverEnv() });
    const code = await cli([FAILING, '--gates', 'tests', '--python', V32.python, '--test-command', `${V32.python} manage.py test notes.tests.NoteTests.test_runs_on_postgresql`, '--no-color'], cliIo);
    expect(code, out.stdout + out.stderr).toBe(0);
    expect(out.stdout).toMatch(/ran 1 test in [\d.]+ s: 0 failed, 0 errored, 0 skipped/);
  }, 120_000);

  t('--database-url that does not answer: exit 2, host:port named, password never printed', async () => {
    const { out, io: cliIo } = io({ ...V32.env });
    const port = await freePort();
    const code = await cli([FAILING, '--gates', 'migrations', '--python', V32.python, '--database-url', `postgres://app:cli-secret-password-42@127.0.0.1:${port}/app`, '--no-color'], cliIo);
    expect(code).toBe(2);
    expect(out.stderr).toContain(`gate migrations could not run: cannot reach PostgreSQL at 127.0.0.1:${port} (connection refused)`);
    expect(out.stdout + out.stderr).not.toContain('cli-secret-password-42');
  }, 60_000);
});

describe('choosing and reading the runner', () => {
  const dir = () => mkdtempSync(join(tmpdir(), 'dlg-detect-'));

  it('detects pytest-django from pyproject, setup.cfg, tox.ini and requirements — and not from plain pytest', () => {
    const cases: Array<[string, string, RegExp | undefined]> = [
      ['pyproject.toml', '[tool.pytest.ini_options]\nDJANGO_SETTINGS_MODULE = "proj.settings"\n', /pyproject\.toml \[tool\.pytest\.ini_options\]/],
      ['pyproject.toml', '[tool.pytest.ini_options]\naddopts = "-q"\n[tool.other]\nDJANGO_SETTINGS_MODULE = "x"\n', undefined],
      ['setup.cfg', '[tool:pytest]\naddopts = --ds=proj.settings\n', /setup\.cfg \[tool:pytest\]/],
      ['tox.ini', '[pytest]\nDJANGO_SETTINGS_MODULE = proj.settings\n', /tox\.ini \[pytest\]/],
      ['requirements-dev.txt', 'pytest==8.0\npytest-django>=4.5\n', /requirements-dev\.txt requires pytest-django/],
      ['requirements.txt', 'pytest==8.0\n', undefined],
    ];
    for (const [file, text, want] of cases) {
      const d = dir();
      writeFileSync(join(d, file), text);
      const got = detectPytest([d]);
      if (want) expect(got, `${file}: ${text}`).toMatch(want);
      else expect(got, `${file}: ${text}`).toBeUndefined();
      rmSync(d, { recursive: true, force: true });
    }
  });

  it('reads unittest output of Python before and after 3.11, with subtests', () => {
    const out = [
      '======================================================================',
      'FAIL: test_a (app.tests.T) (i=2)',
      '----------------------------------------------------------------------',
      'Traceback (most recent call last):',
      '  File "/p/app/tests.py", line 9, in test_a',
      '    self.assertEqual(i, 1)',
      'AssertionError: 2 != 1',
      '',
      '======================================================================',
      'ERROR: test_b (app.tests.T.test_b)',
      '----------------------------------------------------------------------',
      'Traceback (most recent call last):',
      '  File "/p/app/tests.py", line 12, in test_b',
      '    helper()',
      '  File "/p/app/util.py", line 3, in helper',
      '    raise ValueError("boom")',
      'ValueError: boom',
      '',
      '----------------------------------------------------------------------',
      'Ran 3 tests in 0.012s',
      '',
      'FAILED (failures=1, errors=1)',
    ].join('\n');
    const { problems, counts } = parseUnittestOutput(out);
    expect(counts).toEqual({ ran: 3, failed: 1, errored: 1, skipped: 0, seconds: 0.012 });
    expect(problems).toMatchObject([
      { kind: 'failure', test: 'app.tests.T.test_a (i=2)', file: '/p/app/tests.py', line: 9, message: 'AssertionError: 2 != 1' },
      { kind: 'error', test: 'app.tests.T.test_b', file: '/p/app/tests.py', line: 12, message: 'ValueError: boom' },
    ]);
  });
});
