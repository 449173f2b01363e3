/**
 * The bundled CLI with every gate, on broken projects copied side by side into one repository: each problem
 * of issue 3's list is a finding at the right file:line in the ONE SARIF report, which validates with 0 errors.
 * Runs on Debian's Django 3.2 (/usr/bin/python3) and a throwaway PostgreSQL the product starts itself.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type * as Sarif from 'sarif';
import { describe, expect, it } from 'vitest';
import { tempDir } from './support/tmp';
import { validateSarif } from './support/multitool';

const ROOT = resolve(__dirname, '..');
const RUNTIME = join(ROOT, 'test', 'fixtures', 'runtime');
const CASES = ['failing-test', 'missing-migration', 'sqlite-only-sql', 'ignores-database-url', 'missing-static'];
const hasDjango = spawnSync('/usr/bin/python3', ['-c', 'import django'], { encoding: 'utf8' }).status === 0;

function lineOf(file: string, re: RegExp): number {
  return readFileSync(file, 'utf8').split('\n').findIndex((l) => re.test(l)) + 1;
}

describe.skipIf(!hasDjango)('dist CLI, every gate, one SARIF', () => {
  it('finds each runtime problem at its file and line', () => {
    const repo = tempDir('dlg-e2e-runtime-');
    for (const c of CASES) cpSync(join(RUNTIME, c), join(repo, c), { recursive: true });
    const env: Record<string, string> = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/root' };
    const r = spawnSync(
      process.execPath,
      [join(ROOT, 'dist', 'cli.js'), repo, '--gates', 'rules,deploy-checks,collectstatic,migrations,tests', '--python', '/usr/bin/python3', '--format', 'sarif', '--fail-on', 'error'],
      { encoding: 'utf8', env, timeout: 600_000 },
    );
    expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(r.status, r.stderr).toBe(1);
    const log = JSON.parse(r.stdout) as Sarif.Log;
    const run = log.runs[0];
    const gates = (run.properties as { gates: Array<{ name: string; status: string; detail?: string }> }).gates;
    for (const g of gates) expect(g.status, `${g.name}: ${g.detail}`).not.toBe('error');
    const at = new Set(
      (run.results ?? []).map((x) => `${x.ruleId} ${x.locations?.[0]?.physicalLocation?.artifactLocation?.uri}:${x.locations?.[0]?.physicalLocation?.region?.startLine}`),
    );
    const tpl = 'missing-static/pages/templates/pages/home.html';
    const expected = [
      `launch.E201 failing-test/notes/tests.py:${lineOf(join(repo, 'failing-test/notes/tests.py'), /def test_title_is_stored_in_capitals/) + 2}`,
      'launch.E211 missing-migration/notes/models.py:4',
      'launch.E212 sqlite-only-sql/notes/migrations/0002_seed.py:13',
      'launch.E213 ignores-database-url/proj/settings.py:11',
      `launch.E221 ${tpl}:${lineOf(join(repo, tpl), /css\/print\.css/)}`,
    ];
    for (const e of expected) expect([...at].filter((a) => a.startsWith(e.split(':')[0].split(' ')[0])), e).toContain(e);
    expect(validateSarif(repo, r.stdout, 'runtime').errors).toEqual([]);
  }, 600_000);
});
