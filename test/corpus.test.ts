/**
 * The CLI over real Django code nobody here wrote (Debian's packages: Django itself, graphite-web,
 * lava-server, mailman3-web, hyperkitty, postorius — fetched with apt-get download and unpacked with dpkg -x
 * by scripts/corpus.mjs, never installed). No crash, and every finding it makes there is listed
 * in test/corpus/expectations.json with a reviewed verdict (true/false positive and why). The test fails
 * when the list changes: a new finding, a finding gone, or an unreviewed entry.
 *
 * To refresh after a deliberate rule change: UPDATE_CORPUS=1 npx vitest run test/corpus.test.ts, then
 * review every entry whose verdict is "unreviewed".
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../src/cli';
// @ts-expect-error plain ESM script without types
import { CORPUS_PACKAGES, prepareCorpus } from '../scripts/corpus.mjs';

interface Expected {
  rule: string;
  location: string;
  verdict: 'true-positive' | 'false-positive' | 'unreviewed';
  why: string;
}
interface PackageExpectation {
  args: string[];
  exit: number;
  /** For exit 2: the one line the CLI must print. */
  stderr?: string;
  findings: Expected[];
}

const FILE = join(__dirname, 'corpus', 'expectations.json');
const expectations: Record<string, PackageExpectation> = existsSync(FILE) ? JSON.parse(readFileSync(FILE, 'utf8')) : {};
const update = process.env.UPDATE_CORPUS === '1';

/** Extra CLI arguments per package: Django's own source has no project; judge its global defaults as production settings. */
const ARGS: Record<string, string[]> = {
  'python3-django': ['--settings', 'django.conf.global_settings'],
};

let dirs: Record<string, string> = {};
beforeAll(() => {
  dirs = prepareCorpus(); // fetches the .debs first when .cache/debs/ lacks them (npm run test:all already did)
}, 300_000);

async function runCli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await cli(argv, { stdout: { write: (t: string) => (out += t) }, stderr: { write: (t: string) => (err += t) }, cwd: process.cwd(), env: {} });
  return { code, out, err };
}

describe('real Django code from Debian', () => {
  const results: Record<string, PackageExpectation> = {};
  for (const pkg of CORPUS_PACKAGES as string[]) {
    it(`${pkg}: runs without a crash and makes exactly the reviewed findings`, async () => {
      const args = ARGS[pkg] ?? [];
      const r = await runCli([dirs[pkg], '--format', 'json', '--fail-on', 'never', ...args]);
      expect(r.err).not.toMatch(/\n\s+at .+:\d+:\d+/); // never a stack trace
      const prev = expectations[pkg];
      const got: PackageExpectation = { args, exit: r.code, findings: [] };
      if (r.code === 2) {
        expect(r.err.trim().split('\n')).toHaveLength(1);
        got.stderr = r.err.trim().replace(dirs[pkg], '<corpus>');
      } else {
        expect(r.code).toBe(0);
        const report = JSON.parse(r.out) as { findings: Array<{ ruleId: string; location: { file: string; line: number } }> };
        const seen = new Set<string>();
        for (const f of report.findings) {
          const key = `${f.ruleId} ${f.location.file}:${f.location.line}`;
          if (seen.has(key)) continue;
          seen.add(key);
          const old = prev?.findings.find((e) => e.rule === f.ruleId && e.location === `${f.location.file}:${f.location.line}`);
          got.findings.push(old ?? { rule: f.ruleId, location: `${f.location.file}:${f.location.line}`, verdict: 'unreviewed', why: '' });
        }
      }
      results[pkg] = got;
      if (update) {
        const all = existsSync(FILE) ? JSON.parse(readFileSync(FILE, 'utf8')) : {};
        all[pkg] = got;
        writeFileSync(FILE, JSON.stringify(all, null, 2) + '\n');
        return;
      }
      expect(prev, `no expectations for ${pkg}: run with UPDATE_CORPUS=1 and review`).toBeDefined();
      expect(got.exit).toBe(prev!.exit);
      if (prev!.stderr !== undefined) expect(got.stderr).toBe(prev!.stderr);
      const key = (e: Expected) => `${e.rule} ${e.location}`;
      expect(got.findings.map(key).sort()).toEqual(prev!.findings.map(key).sort());
      const unreviewed = prev!.findings.filter((e) => e.verdict === 'unreviewed' || !e.why);
      expect(unreviewed.map(key), 'every corpus finding needs a verdict and a reason').toEqual([]);
    }, 120_000);
  }
});
