/**
 * `--time` (src/report/timings.ts): where the rules gate spent its time, each rule and the gate's own steps,
 * on stderr — and nothing else changes: the report on stdout is the one a run without it writes.
 */
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { runRulesReleasing } from '../../src/gates/rules';
import { scan } from '../../src/project/scan';
import { shortcuts } from '../../src/project/shortcuts';
import { timingLines } from '../../src/report/timings';
import { RULES } from '../../src/rules/index';
// @ts-expect-error plain ESM script without types
import { generateMonolith } from '../../bench/monolith.mjs';
import { runCli } from '../support/cli';
import { tempDir } from '../support/tmp';

const EXAMPLE = join(__dirname, '..', '..', 'example');
const ROW = /^ {0,4}\d+\.\d\d +\d+\.\d +(\d+)? +\S/;

it('--time writes a table of rules and steps to stderr, and the report is the same as without it', async () => {
  const plain = await runCli([EXAMPLE, '--format', 'json', '--fail-on', 'never']);
  const timed = await runCli([EXAMPLE, '--format', 'json', '--fail-on', 'never', '--time']);
  expect(timed.code).toBe(plain.code);
  expect(JSON.parse(timed.out).findings).toEqual(JSON.parse(plain.out).findings);
  expect(plain.err).toBe('');
  const lines = timed.err.trimEnd().split('\n');
  expect(lines[0]).toMatch(/^rules gate: \d+\.\d\d s, \d+\.\d MB of Python source parsed/);
  expect(lines[1]).toMatch(/seconds +parsed MB +runs +rule or step/);
  // every other line a row: a rule (its ID), a step of the gate, or the rest summed
  for (const line of lines.slice(2)) expect(line).toMatch(ROW);
  expect(lines.some((l) => / launch\.[EWI]\d{3}$/.test(l))).toBe(true);
  expect(lines.some((l) => /syntax check of the files no rule parsed/.test(l))).toBe(true);
  // rule IDs and step names only: none of the example's planted secrets (\`django-insecure-…-PLANTED-…\`)
  expect(timed.err).not.toMatch(/django-insecure|PLANTED/);
});

it('--time with no rules gate says there is nothing to time', () => {
  expect(timingLines([], undefined)).toEqual(['--time: the rules gate did not run (--gates without rules): nothing to time']);
});

it("the gate's timings: each rule that ran once, its runs its batches, and every Python file parsed and counted", async () => {
  const saved = shortcuts.fileBatchChars;
  const dir = generateMonolith(tempDir('dlg-timings-'), 20_000).dir as string;
  const ctx = scan(dir, { env: {} });
  shortcuts.fileBatchChars = 32 * 1024;
  const result = await runRulesReleasing(ctx, RULES).finally(() => (shortcuts.fileBatchChars = saved));
  const byWhat = new Map(result.timings.map((t) => [t.what, t]));
  expect(byWhat.size).toBe(result.timings.length);
  for (const r of RULES) expect(byWhat.get(r.meta.id)?.runs ?? 0).toBeGreaterThanOrEqual(1);
  // each rule runs once a batch of its group (its kind, Rule.reads; launch.I001 once, last), and the trees are let
  // go after every batch of every group
  const batchesOf = new Map<string, number>();
  for (const r of RULES) {
    if (r.meta.id === 'launch.I001') continue;
    const group = r.reads ?? 'settings';
    const runs = byWhat.get(r.meta.id)!.runs;
    expect({ rule: r.meta.id, runs }).toEqual({ rule: r.meta.id, runs: batchesOf.get(group) ?? runs });
    batchesOf.set(group, runs);
  }
  expect(batchesOf.get('views')).toBeGreaterThan(1); // batches this small make many
  expect(byWhat.get('letting go of trees between batches (garbage collection)')!.runs).toBe([...batchesOf.values()].reduce((a, b) => a + b, 0));
  // launch.I001 reads every Python file's syntax: each was parsed at least once, by a rule or by the check
  const pythonChars = ctx.workspace.pythonFiles().reduce((n, f) => n + f.text.length, 0);
  expect(result.timings.reduce((n, t) => n + t.parsedChars, 0)).toBeGreaterThanOrEqual(pythonChars);
  expect(result.timings.every((t) => t.ms >= 0 && t.parsedChars >= 0)).toBe(true);
}, 120_000);
