/**
 * The rules gate runs a kind of rules whose every rule reports file by file (Rule.batchWeight: the model and view
 * rules) a batch of files at a time (runRulesReleasing, fileBatches, ScanContext.fileBatch), letting each batch's
 * trees go before the next: what each rule comes to — findings, not applicable with why, undecided with why — must
 * be what it comes to over every file at once (runRules). Here one file per batch, over each such rule's own
 * fixture folder (test/rules/<ID>/, many projects with findings of every kind); test/shortcuts.test.ts runs the
 * Debian corpus and a generated monolith the same way.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runRules, runRulesReleasing, type RulesGateResult } from '../../src/gates/rules';
import { fileBatches } from '../../src/project/files';
import { scan } from '../../src/project/scan';
import { shortcuts } from '../../src/project/shortcuts';
import { RULES } from '../../src/rules/index';

const FIXTURES = join(__dirname, '..', 'rules');
const was = { ...shortcuts };
afterEach(() => void Object.assign(shortcuts, was));

function view(r: RulesGateResult) {
  const findings = r.gate.findings.map((f) => JSON.stringify(f)).sort();
  return { findings, status: r.gate.status, na: [...r.notApplicable], undecided: [...r.undecided], failed: r.failed };
}

function scanFixture(id: string) {
  const dir = join(FIXTURES, id);
  const marker = join(dir, '.new-files');
  const newFiles = existsSync(marker) ? new Set(readFileSync(marker, 'utf8').split('\n').map((l) => l.trim()).filter(Boolean)) : undefined;
  return scan(dir, newFiles ? { newFiles } : {});
}

const batched = RULES.filter((r) => r.batchWeight);

describe('a file at a time: the sum of the batches is the whole', () => {
  it('the model and view rules report file by file', () => {
    expect(batched.map((r) => r.meta.id)).toContain('launch.W070');
  });
  for (const rule of batched) {
    it(`${rule.meta.id} ${rule.meta.name}`, async () => {
      shortcuts.fileBatchChars = 1;
      const ctx = scanFixture(rule.meta.id);
      const batches = fileBatches(ctx, (f) => rule.batchWeight!(f), 1);
      const parts = view(await runRulesReleasing(ctx, [rule]));
      const whole = view(runRules(scanFixture(rule.meta.id), [rule]));
      expect(batches.length).toBeGreaterThan(2);
      expect(whole.findings.length).toBeGreaterThan(2);
      expect(parts).toEqual(whole);
    }, 60_000);
  }
});
