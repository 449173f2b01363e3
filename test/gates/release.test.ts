/**
 * The rules gate lets go of syntax trees as it goes (src/gates/rules.ts runRulesReleasing, src/project/memory.ts):
 * the rules run grouped by the kind of file they parse (Rule.reads), and a group's trees are freed before the
 * next one parses — a tree held by a cache the group's rules built would keep memory to the end. The migration
 * rules, the group that parses most, run a batch of apps at a time, each batch's trees freed before the next.
 * Whether the findings stay the same is test/shortcuts.test.ts's to say; this one counts the trees alive, with a
 * FinalizationRegistry told of every tree the rules parse.
 */
import { expect, it } from 'vitest';
import { runRulesReleasing } from '../../src/gates/rules';
import { release } from '../../src/project/memory';
import { shortcuts } from '../../src/project/shortcuts';
import { scan } from '../../src/project/scan';
import type { Tree } from '../../src/project/python';
import { RULES } from '../../src/rules/index';
import { READS_KINDS } from '../../src/rules/rule';
// @ts-expect-error plain ESM script without types
import { generateMonolith } from '../../bench/monolith.mjs';
import { tempDir } from '../support/tmp';

it('a group of rules frees its trees before the next group parses; none is alive after the gate', async () => {
  const batchChars = shortcuts.migrationBatchChars;
  const dir = generateMonolith(tempDir('dlg-release-'), 40_000).dir as string;
  const ctx = scan(dir, { env: {} });
  const ws = ctx.workspace as unknown as { tree(f: unknown): Tree };
  const tree = ws.tree.bind(ws);
  let alive = 0;
  let maxAlive = 0;
  // trees alive at once while the migration rules parse
  let migrationsAlive = 0;
  let parsed = 0;
  // Trees parsed per group, the group being the running rule's kind.
  let group = 'settings';
  const perGroup = new Map<string, number>();
  const seen = new WeakSet<Tree>();
  const freed = new FinalizationRegistry<null>(() => alive--);
  ws.tree = (f) => {
    const t = tree(f);
    if (!seen.has(t)) {
      seen.add(t);
      freed.register(t, null);
      parsed++;
      perGroup.set(group, (perGroup.get(group) ?? 0) + 1);
      maxAlive = Math.max(maxAlive, ++alive);
      if (group === 'migrations') migrationsAlive = Math.max(migrationsAlive, alive);
    }
    return t;
  };
  // The migration rules run one app at a time here (the default batches 2 MB of source).
  shortcuts.migrationBatchChars = 1;
  const rules = RULES.map((r) => ({ ...r, check: (c: typeof ctx) => ((group = r.reads ?? 'settings'), r.check(c)) }));
  const result = await runRulesReleasing(ctx, rules).finally(() => (shortcuts.migrationBatchChars = batchChars));
  expect(result.gate.status).not.toBe('error');
  await release();
  await release();
  // Every kind of Rule.reads is some rule's, and each group parsed something here.
  expect(new Set(RULES.flatMap((r) => (r.reads ? [r.reads] : [])))).toEqual(new Set(READS_KINDS));
  expect(parsed).toBeGreaterThan(100);
  // At most one group's trees were ever alive at once: each group's were gone before the next one parsed.
  expect(perGroup.size).toBeGreaterThanOrEqual(3);
  expect(maxAlive).toBeLessThanOrEqual(Math.max(...perGroup.values()));
  expect(maxAlive).toBeLessThan(parsed);
  // the monolith's 9 apps: a batch's migration trees were let go before the next app's were parsed
  expect(migrationsAlive).toBeGreaterThan(0);
  expect(migrationsAlive).toBeLessThan(perGroup.get('migrations')! / 2);
  expect(alive).toBe(0);
}, 120_000);

it('a group run in batches of files parses each file about once, not once a batch', async () => {
  // Each batch of a group parses its own files and what its rules follow out of them (a helper's module, an
  // imported base class); a rule that asks every batch for a node of every view (launch.W124 once did: 5 MB of
  // the 1 M-line monolith's views parsed again in each of its 15 batches) or for every URLconf's routes
  // (launch.W110's admin-login lookup) parses the project once a batch. Counted, not timed: characters parsed
  // per group against the distinct files' characters, with batches small enough to make many.
  const saved = { files: shortcuts.fileBatchChars, migrations: shortcuts.migrationBatchChars };
  const dir = generateMonolith(tempDir('dlg-reparse-'), 40_000).dir as string;
  const ctx = scan(dir, { env: {} });
  const ws = ctx.workspace as unknown as { tree(f: { rel: string; text: string }): Tree };
  const tree = ws.tree.bind(ws);
  let group = 'settings';
  const seen = new WeakSet<Tree>();
  const chars = new Map<string, { parsed: number; files: Map<string, number> }>();
  ws.tree = (f) => {
    const t = tree(f);
    if (!seen.has(t)) {
      seen.add(t);
      const g = chars.get(group) ?? { parsed: 0, files: new Map() };
      chars.set(group, g);
      g.parsed += f.text.length;
      g.files.set(f.rel, f.text.length);
    }
    return t;
  };
  shortcuts.fileBatchChars = 16 * 1024;
  shortcuts.migrationBatchChars = 16 * 1024;
  const rules = RULES.map((r) => ({ ...r, check: (c: typeof ctx) => ((group = r.reads ?? 'settings'), r.check(c)) }));
  const result = await runRulesReleasing(ctx, rules).finally(() => Object.assign(shortcuts, { fileBatchChars: saved.files, migrationBatchChars: saved.migrations }));
  expect(result.gate.status).not.toBe('error');
  const ratios = Object.fromEntries([...chars].map(([g, c]) => [g, c.parsed / [...c.files.values()].reduce((a, b) => a + b, 0)]));
  // the view rules ran in many batches here, and parsed something
  expect(chars.get('views')!.files.size).toBeGreaterThan(20);
  for (const [g, r] of Object.entries(ratios)) expect({ group: g, ratio: r }).toEqual({ group: g, ratio: expect.toSatisfy((x: number) => x <= 1.5) });
}, 120_000);
