/**
 * The rules' shortcuts (src/project/shortcuts.ts: text pre-filters, native node searches, the migration rules
 * run a batch of apps at a time — here one app per batch —, the model and view rules a batch of files at a time —
 * here one file per batch —, the view index built a file at a time) change how long the rules take, never what they
 * find: the rules gate over every package of the Debian corpus (scripts/corpus.mjs) with the shortcuts on and
 * off, and the reports must be identical — every finding, in order, and the gate's status and detail. The
 * corpus has no finding of the rules with text pre-filters (slow-work-in-view, W080), so a small tree of
 * bench/monolith.mjs (deterministic, ~40,000 lines, 9 apps) is checked the same way too, and must have some.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../src/cli';
import { shortcuts } from '../src/project/shortcuts';
// @ts-expect-error plain ESM script without types
import { CORPUS_PACKAGES, prepareCorpus } from '../scripts/corpus.mjs';
// @ts-expect-error plain ESM script without types
import { generateMonolith } from '../bench/monolith.mjs';
import { tempDir } from './support/tmp';

/** As test/corpus.test.ts: Django's own source has no project; its global defaults are judged as production settings. */
const ARGS: Record<string, string[]> = {
  'python3-django': ['--settings', 'django.conf.global_settings'],
};

let dirs: Record<string, string> = {};
beforeAll(() => {
  dirs = prepareCorpus();
}, 300_000);

async function rulesReport(dir: string, args: string[], on: boolean): Promise<{ code: number; report: string; err: string }> {
  let out = '';
  let err = '';
  const was = { ...shortcuts };
  shortcuts.on = on;
  // one app's migrations per batch: the migration rules' outcomes summed over batches must be the whole's
  shortcuts.migrationBatchChars = 1;
  // and the model and view rules a file at a time (each file they parse its own batch)
  shortcuts.fileBatchChars = 1;
  // and the view index built a file at a time, its trees let go after every file
  shortcuts.viewIndexChars = 1;
  try {
    const code = await cli([dir, '--gates', 'rules', '--format', 'json', '--fail-on', 'never', ...args], {
      stdout: { write: (t: string) => (out += t) },
      stderr: { write: (t: string) => (err += t) },
      cwd: process.cwd(),
      env: {},
    });
    if (code !== 0) return { code, report: '', err };
    const r = JSON.parse(out) as { findings: unknown[]; gates: Array<{ gate: string; status: string; detail?: string }>; checklist: unknown[] };
    // the checklist carries what the rules could not decide or had nothing to look at, with why
    return { code, report: JSON.stringify({ findings: r.findings, gates: r.gates.map((g) => [g.gate, g.status, g.detail]), checklist: r.checklist }, null, 1), err };
  } finally {
    Object.assign(shortcuts, was);
  }
}

describe('shortcuts on and off: identical findings on the Debian corpus', () => {
  for (const pkg of CORPUS_PACKAGES as string[]) {
    it(pkg, async () => {
      const args = ARGS[pkg] ?? [];
      const fast = await rulesReport(dirs[pkg], args, true);
      const slow = await rulesReport(dirs[pkg], args, false);
      expect(fast.code).toBe(slow.code);
      expect(fast.err).toBe(slow.err);
      expect(fast.report).toBe(slow.report);
    }, 120_000);
  }
});

it('shortcuts on and off: identical findings on a generated monolith, W080 among them', async () => {
  const dir = generateMonolith(tempDir('dlg-shortcuts-'), 40_000).dir as string;
  const fast = await rulesReport(dir, [], true);
  const slow = await rulesReport(dir, [], false);
  expect(fast.code).toBe(0);
  expect(fast.report).toContain('"launch.W080"');
  expect(fast.report).toBe(slow.report);
}, 120_000);
