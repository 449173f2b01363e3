/**
 * The bundled CLI (dist/) on the bundled example app, end to end: every output format, and the action's
 * job summary, annotations and outputs. The SARIF validates with 0 errors, and no planted secret from
 * example/ appears in any output.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from './support/tmp';
import { validateSarif } from './support/multitool';

const ROOT = resolve(__dirname, '..');
const EXAMPLE = join(ROOT, 'example');
const tmp = tempDir('dlg-e2e-');

/** Every literal marked PLANTED in example/: secrets that must never be printed. */
const PLANTED = (() => {
  const out = new Set<string>();
  const grep = spawnSync('grep', ['-rhoE', '"[^"]*PLANTED[^"]*"', EXAMPLE], { encoding: 'utf8' });
  for (const m of grep.stdout.split('\n')) if (m) out.add(m.slice(1, -1));
  return [...out];
})();

function cliRun(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', ...env },
    timeout: 120_000,
  });
}

function assertNoSecret(label: string, text: string): void {
  for (const s of PLANTED) expect(text.includes(s), `${label} leaks a planted secret`).toBe(false);
}

describe('dist CLI on example/', () => {
  it('has planted secrets to look for', () => {
    expect(PLANTED.length).toBeGreaterThanOrEqual(3);
  });

  it('text, json and sarif: exit 1, findings, no secret; the SARIF validates with 0 errors', () => {
    const sarifFile = join(tmp, 'example.sarif');
    const text = cliRun([EXAMPLE, '--no-color', '--sarif', sarifFile]);
    expect(text.status, text.stderr).toBe(1);
    expect(text.stdout).toContain('launch.E010');
    expect(text.stdout).toMatch(/shop\/settings\.py:\d+/);
    assertNoSecret('text', text.stdout + text.stderr);

    const json = cliRun([EXAMPLE, '--format', 'json']);
    expect(json.status).toBe(1);
    assertNoSecret('json', json.stdout + json.stderr);
    expect(JSON.parse(json.stdout).findings.length).toBeGreaterThan(30);

    const sarif = cliRun([EXAMPLE, '--format', 'sarif']);
    expect(sarif.status).toBe(1);
    assertNoSecret('sarif (stdout)', sarif.stdout);
    const written = readFileSync(sarifFile, 'utf8');
    assertNoSecret('sarif (file)', written);
    expect(written).toBe(sarif.stdout.endsWith('\n') ? sarif.stdout : `${sarif.stdout}\n`);
    const v = validateSarif(tmp, written, 'example');
    expect(v.errors).toEqual([]);
  });

  it('identical input gives byte-identical SARIF', () => {
    const a = cliRun([EXAMPLE, '--format', 'sarif']).stdout;
    const b = cliRun([EXAMPLE, '--format', 'sarif']).stdout;
    expect(a).toBe(b);
  });

  it('action mode: summary, annotations and outputs carry no secret', () => {
    const out = join(tmp, 'out.txt');
    const summary = join(tmp, 'summary.md');
    writeFileSync(out, '');
    writeFileSync(summary, '');
    const r = spawnSync(process.execPath, [join(ROOT, 'dist', 'index.js')], {
      encoding: 'utf8',
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        GITHUB_ACTIONS: 'true',
        GITHUB_WORKSPACE: ROOT,
        GITHUB_OUTPUT: out,
        GITHUB_STEP_SUMMARY: summary,
        'INPUT_WORKING-DIRECTORY': 'example',
        'INPUT_SARIF-FILE': join(tmp, 'action.sarif'),
        'INPUT_FAIL-ON': 'error',
        INPUT_GATES: 'rules',
      },
      timeout: 120_000,
    });
    expect(r.status).toBe(1);
    const all = r.stdout + r.stderr + readFileSync(out, 'utf8') + readFileSync(summary, 'utf8') + readFileSync(join(tmp, 'action.sarif'), 'utf8');
    assertNoSecret('action', all.replace(/::add-mask::.*\n/g, ''));
    // annotations point at repository-relative paths (working-directory prefixed)
    expect(r.stdout).toMatch(/::error title=launch\.E\d{3}[^,]*,file=example\/shop\/settings\.py,line=\d+/);
    expect(readFileSync(join(tmp, 'action.sarif'), 'utf8')).toContain('"uri": "example/shop/settings.py"');
    expect(readFileSync(out, 'utf8')).toMatch(/result<<[\s\S]*fail/);
  });
});
