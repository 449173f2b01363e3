/**
 * The rules gate runs the migration rules a batch of apps at a time (runRulesReleasing, migrationAppBatches),
 * letting each batch's trees go before the next: what each rule comes to — findings, not applicable with why,
 * undecided with why — must be what it comes to over every app at once (runRules). With a base ref most batches
 * have nothing new to judge, which is where summing could go wrong. test/shortcuts.test.ts covers runs without one.
 */
import { afterEach, expect, it } from 'vitest';
import { runRules, runRulesReleasing, type RulesGateResult } from '../../src/gates/rules';
import { migrationAppBatches, migrationFiles } from '../../src/project/migrations';
import { scan } from '../../src/project/scan';
import { shortcuts } from '../../src/project/shortcuts';
import { RULES } from '../../src/rules/index';
// @ts-expect-error plain ESM script without types
import { generateMonolith } from '../../bench/monolith.mjs';
import { tempDir } from '../support/tmp';

const was = { ...shortcuts };
afterEach(() => void Object.assign(shortcuts, was));

const dir = () => generateMonolith(tempDir('dlg-batches-'), 40_000).dir as string;

function view(r: RulesGateResult) {
  return { findings: r.gate.findings, status: r.gate.status, na: [...r.notApplicable], undecided: [...r.undecided], failed: r.failed };
}

async function both(root: string, newFiles?: (all: string[]) => Set<string>) {
  const probe = scan(root, { env: {} });
  const rels = migrationFiles(probe).map((m) => m.file.rel);
  const opts = { env: {}, ...(newFiles ? { newFiles: newFiles(rels) } : {}) };
  shortcuts.migrationBatchChars = 1; // one app per batch
  const ctx = scan(root, opts);
  const batches = migrationAppBatches(ctx, 1);
  const batched = view(await runRulesReleasing(ctx, RULES));
  const whole = view(runRules(scan(root, opts), RULES));
  return { batched, whole, batches, rels };
}

it('a pull request adding one migration: the batches of the other apps judge nothing, the sum is the whole', async () => {
  const { batched, whole, batches, rels } = await both(dir(), (all) => new Set([all.find((r) => /\/0002_/.test(r))!]));
  expect(rels.length).toBeGreaterThan(20);
  // with a base ref only the app with the new migration weighs anything: it is a batch, the apps before and
  // after it (weighing nothing) one each at most
  expect(batches.length).toBeGreaterThanOrEqual(2);
  expect(batches.length).toBeLessThanOrEqual(3);
  expect(batched).toEqual(whole);
  // the migration rules judged the new migration: not "not applicable" for want of one
  expect(whole.na.map(([id]) => id)).not.toContain('launch.I235');
});

it('a pull request adding no migration: every batch, and the whole, say none was added', async () => {
  const { batched, whole } = await both(dir(), () => new Set(['apps/README.md']));
  expect(batched).toEqual(whole);
  expect(new Map(whole.na).get('launch.I235')).toBe('no migration was added since the base ref');
});

it('no base ref: one app per batch, every migration judged as a note, the sum is the whole', async () => {
  const { batched, whole, batches } = await both(dir());
  expect(batches.length).toBeGreaterThan(5);
  expect(batched).toEqual(whole);
  expect(whole.findings.some((f) => f.ruleId === 'launch.W231' && f.level === 'note')).toBe(true);
});
