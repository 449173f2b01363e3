/**
 * The deploy-checks gate on real Python and real Django 3.2, 4.2 and 5.2: Django's deploy checks become
 * findings at the settings lines, warnings fail the gate, silenced checks stay as notes, the hardened
 * fixture passes, and every bad input (no Python, no Django, settings raising) is one clear gate error.
 */
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/tmp';
import { cli } from '../../src/cli';
import type { Finding, GateResult, Report } from '../../src/finding';
import { run } from '../../src/run';
import { djangoVersions, EXAMPLE_ENV, HARDENED_ENV, ROOT, SYSTEM_PYTHON } from '../support/django';

const EXAMPLE = join(ROOT, 'example');
const HARDENED = join(ROOT, 'test', 'fixtures', 'hardened');
const RUNTIME = join(ROOT, 'test', 'fixtures', 'runtime');

/** 1-based line of the first line in `rel` (under root) matching `re`. */
function lineOf(root: string, rel: string, re: RegExp): number {
  const lines = readFileSync(join(root, rel), 'utf8').split('\n');
  const i = lines.findIndex((l) => re.test(l));
  expect(i, `${rel} has a line matching ${re}`).toBeGreaterThanOrEqual(0);
  return i + 1;
}

function gate(report: Report, name: string): GateResult {
  const g = report.gates.find((x) => x.gate === name);
  expect(g, `gate ${name} ran`).toBeDefined();
  return g!;
}

function at(findings: Finding[], id: string, file: string): Finding[] {
  return findings.filter((f) => f.ruleId === id && f.location.file === file);
}

const TIMEOUT = 120_000;

for (const v of djangoVersions()) {
  describe(`deploy-checks on Django ${v.version}`, () => {
    if (v.missing) {
      it.skip(`skipped: ${v.missing}`, () => {});
      return;
    }

    describe('the insecure example', () => {
      let report: Report;
      beforeAll(async () => {
        ({ report } = await run({ path: EXAMPLE, gates: ['deploy-checks'], python: v.python, env: { ...v.env, ...EXAMPLE_ENV } }));
      }, TIMEOUT);

      it('fails, naming the settings module and the DEBUG value it ran with, one detail line per project', () => {
        const g = gate(report, 'deploy-checks');
        expect(g.status, g.detail).toBe('failed');
        expect(g.detail).toContain('shop.settings with DEBUG=True');
        expect(g.detail).toContain(`Django ${v.version}.`);
        const lines = g.detail!.split('\n');
        expect(lines.map((l) => l.split(' ')[0]).sort()).toEqual(['config.settings.production', 'intranet.settings.docker', 'newsletter.settings', 'shop.settings', 'webhooks.settings']);
        for (const l of lines.filter((x) => !x.startsWith('intranet'))) expect(l).toMatch(/: \d+ checks? reported/);
        // The intranet's settings cannot be read (launch.E002): not run, said so, never an error of the gate.
        expect(lines.find((l) => l.startsWith('intranet'))).toBe('intranet.settings.docker (intranet): not run — its production settings could not be read (launch.E002)');
      });

      it('reports Django IDs at the settings lines that set the values, as warnings', () => {
        const f = report.findings.filter((x) => x.gate === 'deploy-checks');
        const settings = 'shop/settings.py';
        const debug = at(f, 'security.W018', settings);
        expect(debug).toHaveLength(1);
        expect(debug[0].level).toBe('warning');
        expect(debug[0].location.line).toBe(lineOf(EXAMPLE, settings, /^DEBUG = True/));
        expect(at(f, 'security.W009', settings).map((x) => x.location.line)).toEqual([lineOf(EXAMPLE, settings, /^SECRET_KEY = /)]);
        expect(at(f, 'security.W019', settings)).toHaveLength(1);
        // Settings the module never sets point at its first statement (the anchor), not line 1.
        const anchor = lineOf(EXAMPLE, settings, /^from pathlib import Path/);
        for (const id of ['security.W004', 'security.W008', 'security.W012', 'security.W016']) {
          expect(at(f, id, settings).map((x) => x.location.line), id).toEqual([anchor]);
        }
      });

      it('never puts the secret key value in a message', () => {
        const text = JSON.stringify(report.findings);
        expect(text).not.toContain('PLANTED-SECRET');
      });

    });

    it('the hardened fixture passes with its required environment', async () => {
      const { report } = await run({ path: HARDENED, gates: ['deploy-checks'], python: v.python, env: { ...v.env, ...HARDENED_ENV } });
      const g = gate(report, 'deploy-checks');
      expect(g.findings.map((f) => `${f.ruleId} ${f.message}`)).toEqual([]);
      expect(g.status, g.detail).toBe('passed');
      expect(g.detail).toContain('config.settings.production with DEBUG=False');
      // Only what Django's check --deploy looks at passes, and says so; the rest was not checked.
      const status = (item: string) => report.checklist.find((c) => c.item === item);
      for (const item of ['debug', 'allowed-hosts', 'secret-key', 'security-settings']) {
        expect(status(item), item).toEqual({ item, status: 'pass', reason: "checked by Django's check --deploy only" });
      }
      expect(status('app-server')).toEqual({ item: 'app-server', status: 'not-checked', reason: 'rules gate not run' });
      expect(report.checklist.filter((c) => c.status === 'pass').map((c) => c.item).sort()).toEqual(['allowed-hosts', 'debug', 'secret-key', 'security-settings']);
    }, TIMEOUT);

    describe('a project silencing a check', () => {
      const dir = join(RUNTIME, 'silenced');
      let report: Report;
      beforeAll(async () => {
        ({ report } = await run({ path: dir, gates: ['deploy-checks'], python: v.python, env: v.env }));
      }, TIMEOUT);

      it('reports the silenced check as a note, not dropped', () => {
        const hsts = at(report.findings, 'security.W004', 'proj/settings.py');
        expect(hsts).toHaveLength(1);
        expect(hsts[0].level).toBe('note');
        expect(hsts[0].message).toMatch(/\(silenced by SILENCED_SYSTEM_CHECKS in proj\.settings\)$/);
        expect(gate(report, 'deploy-checks').detail).toMatch(/, 1 silenced$/);
      });

      it('still fails on the unsilenced warning, at its settings line', () => {
        const ssl = at(report.findings, 'security.W008', 'proj/settings.py');
        expect(ssl.map((f) => [f.level, f.location.line])).toEqual([['warning', lineOf(dir, 'proj/settings.py', /^SECURE_SSL_REDIRECT = False/)]]);
        expect(gate(report, 'deploy-checks').status).toBe('failed');
      });

      it('locates model and field checks at the models.py line', () => {
        const field = report.findings.find((f) => f.ruleId === 'fields.W340');
        expect(field?.location).toEqual({ file: 'notes/models.py', line: lineOf(dir, 'notes/models.py', /tags = models.ManyToManyField/) });
        expect(field?.message).toContain('notes.Note.tags');
        const auto = report.findings.filter((f) => f.ruleId === 'models.W042').map((f) => `${f.location.file}:${f.location.line}`).sort();
        expect(auto).toEqual([`notes/models.py:${lineOf(dir, 'notes/models.py', /^class Tag/)}`, `notes/models.py:${lineOf(dir, 'notes/models.py', /^class Note/)}`].sort());
      });
    });
  });
}

async function runCli(argv: string[], env: Record<string, string | undefined>): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await cli(argv, { stdout: { write: (t: string) => (out += t) }, stderr: { write: (t: string) => (err += t) }, cwd: ROOT, env });
  return { code, out, err };
}

const system = djangoVersions()[0];
describe.skipIf(!!system.missing)('deploy-checks with the rules gate', () => {
  const EXAMPLE_SETTINGS = 'shop/settings.py';
  it('one finding, not two: with the rules gate, runtime checks the static rules flagged are dropped', async () => {
    const both = (await run({ path: EXAMPLE, gates: ['rules', 'deploy-checks'], python: system.python, env: { ...system.env, ...EXAMPLE_ENV } })).report;
    const settings = EXAMPLE_SETTINGS;
    const hsts = both.findings.filter((x) => x.location.file === settings && (x.ruleId === 'security.W004' || x.djangoCheck === 'security.W004'));
    expect(hsts.map((x) => x.gate)).toEqual(['rules']);
    expect(hsts[0].ruleId).toBe('launch.W101');
    // Checks no static rule covers stay (the rules gate has no rule for security.W019 at this line).
    const runtimeIds = both.findings.filter((x) => x.gate === 'deploy-checks').map((x) => x.ruleId);
    const staticChecks = new Set(both.findings.filter((x) => x.gate === 'rules' && x.djangoCheck).map((x) => x.djangoCheck));
    for (const id of runtimeIds) {
      const dup = both.findings.some((x) => x.gate === 'rules' && x.djangoCheck === id && x.location.file === settings);
      expect(dup, `${id} reported twice`).toBe(false);
    }
    expect(staticChecks.has('security.W018')).toBe(true);
    // X_FRAME_OPTIONS = "SAMEORIGIN": launch.W107 is security.W019 here; ALLOWED_HOSTS = []: launch.E021 is security.W020.
    // (webhooks has no XFrameOptionsMiddleware at all: there launch.W107 is security.W002)
    expect(both.findings.filter((x) => x.ruleId === 'launch.W107').map((x) => [x.djangoCheck, x.location.file]).sort()).toEqual([
      ['security.W002', 'webhooks/webhooks/settings.py'],
      ['security.W019', settings],
    ]);
    expect(both.findings.filter((x) => x.ruleId === 'launch.E021').map((x) => [x.djangoCheck, x.location.file])).toEqual([['security.W020', 'webhooks/webhooks/settings.py']]);
    expect(runtimeIds).not.toContain('security.W019');
    expect(runtimeIds).not.toContain('security.W020');
    // …which deploy-checks alone does report
    const alone = (await run({ path: EXAMPLE, gates: ['deploy-checks'], python: system.python, env: { ...system.env, ...EXAMPLE_ENV } })).report;
    expect(alone.findings.map((x) => x.ruleId)).toEqual(expect.arrayContaining(['security.W019', 'security.W020']));
    const detail = gate(both, 'deploy-checks').detail!.split('\n');
    expect(detail.at(-1)).toMatch(/^\d+ also found by the rules gate, reported once there$/);
  }, TIMEOUT);

  it('a check the production settings silence is one note, from the rule, saying where it is silenced', async () => {
    const dir = join(RUNTIME, 'silenced');
    const { report } = await run({ path: dir, gates: ['rules', 'deploy-checks'], python: system.python, env: system.env });
    const hsts = report.findings.filter((x) => x.ruleId === 'security.W004' || x.ruleId === 'launch.W101');
    expect(hsts.map((x) => [x.ruleId, x.level])).toEqual([['launch.W101', 'note']]);
    expect(hsts[0].message).toMatch(/\(silenced by SILENCED_SYSTEM_CHECKS in proj\.settings\)$/);
    // the unsilenced one is still a warning from the rule
    expect(report.findings.filter((x) => x.ruleId === 'launch.W104').map((x) => x.level)).toEqual(['warning']);
  }, TIMEOUT);
});

describe.skipIf(!!system.missing)('deploy-checks: bad inputs are one clear gate error, exit 2', () => {
  it('python not found', async () => {
    const r = await runCli(['test/fixtures/runtime/silenced', '--gates', 'deploy-checks', '--python', '/nonexistent/bin/python3'], system.env);
    expect(r.code).toBe(2);
    expect(r.err).toContain('gate deploy-checks could not run: /nonexistent/bin/python3 not found — set the python input / --python');
    expect(r.err.trim().split('\n')).toHaveLength(1);
  }, TIMEOUT);

  it('python not found with several projects: the cause said once, not once per project', async () => {
    const r = await runCli(['example', '--gates', 'deploy-checks', '--python', '/nonexistent/bin/python3'], system.env);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err.split('/nonexistent/bin/python3 not found')).toHaveLength(2);
  }, TIMEOUT);

  it('Django missing for the interpreter (Python without site-packages)', async () => {
    const dir = tempDir('dlg-nosite-');
    const py = join(dir, 'python-no-site');
    writeFileSync(py, `#!/bin/sh\nexec ${SYSTEM_PYTHON} -S "$@"\n`);
    chmodSync(py, 0o755);
    const r = await runCli(['test/fixtures/runtime/silenced', '--gates', 'deploy-checks', '--python', py], system.env);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`Django is not installed for ${py} — pip install -r requirements.txt before the gate`);
  }, TIMEOUT);

  it('settings raising ImportError, with the last traceback line', async () => {
    const r = await runCli(['test/fixtures/runtime/import-error', '--gates', 'deploy-checks', '--python', system.python], system.env);
    expect(r.code).toBe(2);
    expect(r.err).toContain("settings module proj.settings raises ModuleNotFoundError: No module named 'launch_gate_not_installed_package' (at proj/settings.py:2)");
    expect(r.err).not.toMatch(/\n\s+at .+:\d+:\d+/);
  }, TIMEOUT);

  it('a hang is killed after timeout-minutes and named', async () => {
    const started = Date.now();
    const r = await runCli(['test/fixtures/runtime/hang', '--gates', 'deploy-checks,collectstatic', '--python', system.python, '--timeout-minutes', '0.05'], system.env);
    expect(r.code).toBe(2);
    expect(Date.now() - started).toBeLessThan(30_000);
    for (const g of ['deploy-checks', 'collectstatic']) {
      expect(r.err).toContain(`gate ${g} could not run: probing ${system.python} did not finish within 3 seconds and was killed — raise timeout-minutes / --timeout-minutes or fix the hang`);
    }
  }, TIMEOUT);

  it('missing required variables name the variable (KeyError from os.environ)', async () => {
    const { report } = await run({ path: HARDENED, gates: ['deploy-checks'], python: system.python, env: system.env });
    const g = gate(report, 'deploy-checks');
    expect(g.status).toBe('error');
    expect(g.detail).toContain(`settings module config.settings.production raises KeyError: 'DJANGO_SECRET_KEY' (at config/settings/production.py:${lineOf(HARDENED, 'config/settings/production.py', /^SECRET_KEY = /)})`);
  }, TIMEOUT);

  it('--env passes KEY=VALUE pairs to the user\'s Django; a malformed one is a usage error', async () => {
    const envArgs = Object.entries(HARDENED_ENV).flatMap(([k, val]) => ['--env', `${k}=${val}`]);
    const ok = await runCli(['test/fixtures/hardened', '--gates', 'deploy-checks', '--python', system.python, ...envArgs], system.env);
    expect(ok.err).toBe('');
    expect(ok.code).toBe(0);
    const bad = await runCli(['test/fixtures/hardened', '--gates', 'deploy-checks', '--env', 'NOT A PAIR'], system.env);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/^django-launch-gate: --env: entry 1 has no "=" — write one KEY=VALUE per line/);
    const zero = await runCli(['test/fixtures/hardened', '--gates', 'deploy-checks', '--timeout-minutes', '0'], system.env);
    expect(zero.code).toBe(2);
    expect(zero.err).toContain('--timeout-minutes: "0" is not a positive number of minutes');
  }, TIMEOUT);
});
