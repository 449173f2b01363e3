/**
 * launch.I001's syntax check in worker threads (src/project/syntax-pool.ts) changes how long the rules gate takes,
 * never what it reports: the bundle's CLI (the workers run from dist/index.js) over every package of the Debian
 * corpus and over a generated monolith with broken, Python 2, PEP 263 and BOM files added, with
 * DJANGO_LAUNCH_GATE_WORKERS=2 and =0, must print identical reports — and with 2, `--time` must show the workers
 * did the work.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without types
import { CORPUS_PACKAGES, prepareCorpus } from '../scripts/corpus.mjs';
// @ts-expect-error plain ESM script without types
import { generateMonolith } from '../bench/monolith.mjs';
import { tempDir } from './support/tmp';

const CLI = resolve(__dirname, '..', 'dist', 'cli.js');
const ARGS: Record<string, string[]> = { 'python3-django': ['--settings', 'django.conf.global_settings'] };

function gate(dir: string, workers: string, args: string[] = []) {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: '1', DJANGO_LAUNCH_GATE_WORKERS: workers };
  const r = spawnSync(process.execPath, [CLI, dir, '--gates', 'rules', '--format', 'json', '--fail-on', 'never', '--time', ...args], { env, encoding: 'utf8', timeout: 240_000, maxBuffer: 256 << 20 });
  if (r.status !== 0) return { status: r.status, report: undefined, same: r.stderr, time: r.stderr };
  const report = JSON.parse(r.stdout) as { findings: Array<{ ruleId: string; location?: { file: string; line: number }; message: string }>; gates: Array<{ gate: string; status: string; detail?: string }>; checklist: unknown[] };
  return {
    status: 0,
    report,
    same: JSON.stringify({ findings: report.findings, gates: report.gates.map((g) => [g.gate, g.status, g.detail]), checklist: report.checklist }, null, 1),
    time: r.stderr,
  };
}

/** The --time row of the workers: the source they parsed, in MB. */
function workersParsedMb(time: string): number | undefined {
  const m = /^\s*[\d.]+\s+([\d.]+)\s+\d+\s+syntax check in worker threads/m.exec(time);
  return m ? Number(m[1]) : undefined;
}

let dirs: Record<string, string> = {};
/** The packages where the workers parsed something (DJANGO_LAUNCH_GATE_WORKERS=2 starts them whatever the size). */
const withWork: string[] = [];
beforeAll(() => {
  dirs = prepareCorpus();
}, 300_000);

describe('syntax workers on and off: identical reports on the Debian corpus', () => {
  for (const pkg of CORPUS_PACKAGES as string[]) {
    it(pkg, () => {
      const on = gate(dirs[pkg], '2', ARGS[pkg]);
      const off = gate(dirs[pkg], '0', ARGS[pkg]);
      expect(on.status).toBe(off.status);
      expect(on.same).toBe(off.same);
      expect(workersParsedMb(off.time)).toBeUndefined();
      if ((workersParsedMb(on.time) ?? 0) > 0) withWork.push(pkg);
    }, 240_000);
  }
  it('the workers had files to check in the packages with a project', () => {
    expect(withWork.length, withWork.join(', ')).toBeGreaterThanOrEqual(3);
  });
});

it('syntax workers on and off: identical on a monolith with broken, Python 2, Latin-1 and BOM files, found by the workers', () => {
  const dir = generateMonolith(tempDir('dlg-workers-'), 40_000).dir as string;
  const odd = join(dir, 'apps', 'odd_files');
  mkdirSync(odd, { recursive: true });
  writeFileSync(join(odd, '__init__.py'), '');
  writeFileSync(join(odd, 'broken.py'), 'def ok():\n    return 1\n\n\ndef broken(:\n    pass\n');
  writeFileSync(join(odd, 'legacy.py'), 'import os\n\nprint "hello from Python 2"\n');
  writeFileSync(join(odd, 'latin.py'), Buffer.concat([Buffer.from('# -*- coding: latin-1 -*-\nNAME = "caf'), Buffer.from([0xe9]), Buffer.from('"\ndef f(:\n')]));
  writeFileSync(join(odd, 'bom.py'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('X = 1\nclass (:\n')]));
  const on = gate(dir, '2');
  const off = gate(dir, '0');
  expect(on.status, on.time).toBe(0);
  expect(on.same).toBe(off.same);
  expect(workersParsedMb(on.time)).toBeGreaterThan(0);
  const unscannable = on.report!.findings.filter((f) => f.ruleId === 'launch.I001').map((f) => `${f.location?.file}:${f.location?.line}`);
  expect(unscannable).toEqual(expect.arrayContaining(['apps/odd_files/broken.py:5', 'apps/odd_files/legacy.py:3', 'apps/odd_files/latin.py:3', 'apps/odd_files/bom.py:2']));
}, 240_000);

it('DJANGO_LAUNCH_GATE_WORKERS that is not a count: one clear line, exit 2', () => {
  const r = spawnSync(process.execPath, [CLI, dirs['graphite-web'], '--gates', 'rules'], { env: { PATH: process.env.PATH, NO_COLOR: '1', DJANGO_LAUNCH_GATE_WORKERS: 'many' }, encoding: 'utf8' });
  expect(r.status).toBe(2);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).toContain('DJANGO_LAUNCH_GATE_WORKERS=many is not a number of worker threads');
});
