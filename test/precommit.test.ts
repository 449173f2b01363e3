/**
 * The pre-commit hook (.pre-commit-hooks.yaml → `dist/cli.js --files FILE...`).
 *
 * In process: `--files` scans the whole project and reports only the findings about the files given (and
 * those about the production settings when one of their files is given); its usage errors; src/file-scope.ts
 * on its own; the manifest's `files` pattern against every file the scan reads in this repository's fixtures.
 *
 * For real: Debian's pre-commit (scripts/test-all.sh installs it) with PRE_COMMIT_HOME in a temp folder, a
 * hook repository made the way a release is (the manifest, package.json and the bundle — $DLG_DIST, default
 * dist/ — committed in a local git repository) and test/fixtures/hardened in another: `pre-commit install`,
 * then real `git commit`s — a staged settings file with DEBUG = True is refused with the finding printed, a
 * commit of a clean file goes through, a commit of a README skips the hook — and `pre-commit run --files`
 * (exit 1 on a file with an error, 0 on a clean one). No network: npm's registry and pip's index point
 * nowhere, so a hook that needed an install would fail here.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { cli, type CliIO } from '../src/cli';
import { fileScope, scopeReport } from '../src/file-scope';
import type { Finding, Report } from '../src/finding';
import { EXCLUDED_DIRS, isDeployFile, PY_TEMPLATE } from '../src/project/workspace';
import { JINJA_NAME } from '../src/project/server-templates';
import { git } from './support/git';
import { tempDir } from './support/tmp';

const ROOT = resolve(__dirname, '..');
const DIST = resolve(ROOT, process.env.DLG_DIST ?? 'dist');
const MANIFEST = parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Array<Record<string, unknown>>;

function has(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).status === 0;
}

/** A Django project done right (split settings: production.py star-imports base.py; gunicorn in the Procfile). */
const FIXTURE = join(ROOT, 'test', 'fixtures', 'hardened');
const PRODUCTION = 'config/settings/production.py';
const BASE = 'config/settings/base.py';
const CLEAN = 'shop/forms.py';

function copyProject(dir: string): void {
  cpSync(FIXTURE, dir, { recursive: true, filter: (src) => !src.includes('__pycache__') });
  writeFileSync(join(dir, 'README.md'), '# shop\n');
}

function edit(dir: string, rel: string, change: (text: string) => string): void {
  writeFileSync(join(dir, rel), change(readFileSync(join(dir, rel), 'utf8')));
}

const work = tempDir('dlg-precommit-');
let nth = 0;
function freshProject(): string {
  const dir = join(work, `project-${++nth}`);
  copyProject(dir);
  return dir;
}

async function runCli(cwd: string, argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
    cwd,
    env: { PATH: process.env.PATH, NO_COLOR: '1' },
  };
  const code = await cli(argv, io);
  return { code, stdout, stderr };
}

async function json(cwd: string, files: string[], extra: string[] = []): Promise<{ code: number; report: { findings: Array<{ ruleId: string; level: string; location: { file: string } }>; gates: Array<{ gate: string; status: string; detail?: string }>; checklist: unknown[] } }> {
  const r = await runCli(cwd, ['--files', '--format', 'json', ...extra, ...files]);
  expect(r.stderr).toBe('');
  return { code: r.code, report: JSON.parse(r.stdout) };
}

describe('--files: the project is scanned, the findings about the given files reported', { timeout: 60_000 }, () => {
  it('a settings file with DEBUG = True: its findings only, exit 1', async () => {
    const dir = freshProject();
    edit(dir, PRODUCTION, (t) => `${t}DEBUG = True\n`);
    edit(dir, 'Procfile', (t) => t.replace(/^web: .*$/m, 'web: python manage.py runserver 0.0.0.0:$PORT'));
    const r = await runCli(dir, ['--files', PRODUCTION]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/config\/settings\/production\.py:\d+ +launch\.E010 +DEBUG is True/);
    // The Procfile's runserver is not about this file: not reported, counted in the gate's detail.
    expect(r.stdout).not.toContain('launch.E050');
    expect(r.stdout).toMatch(/findings about the 1 file given \(\d+ elsewhere in the project not shown\)/);
    // No checklist: passes and "not checked" are about the whole project, not a commit's files.
    expect(r.stdout).not.toMatch(/^Passed:|^Not checked:/m);
    expect(r.stdout).toMatch(/launch blocked \(fail-on: error\)/);
    const { report } = await json(dir, [PRODUCTION]);
    expect(report.checklist).toEqual([]);
    expect(report.findings.length).toBeGreaterThan(0);
    for (const f of report.findings) expect([PRODUCTION, BASE]).toContain(f.location.file);
  });

  it('the production settings are one set: a change to production.py reports what base.py now sets in production', async () => {
    const dir = freshProject();
    edit(dir, PRODUCTION, (t) => t.replace(/^DEBUG = .*$/m, ''));
    edit(dir, BASE, (t) => `${t}DEBUG = True\n`);
    const { code, report } = await json(dir, [PRODUCTION]);
    expect(code).toBe(1);
    expect(report.findings.map((f) => `${f.ruleId} ${f.location.file}`)).toContain(`launch.E010 ${BASE}`);
    // …and a file outside the settings set does not bring them in.
    const clean = await json(dir, [CLEAN]);
    expect(clean.code).toBe(0);
    expect(clean.report.findings).toEqual([]);
    expect(clean.report.gates.find((g) => g.gate === 'rules')).toMatchObject({ status: 'passed' });
    expect(clean.report.gates.find((g) => g.gate === 'rules')?.detail).toMatch(/\d+ elsewhere in the project not shown/);
  });

  it('a deploy file: the Procfile that starts runserver, exit 1', async () => {
    const dir = freshProject();
    edit(dir, 'Procfile', (t) => t.replace(/^web: .*$/m, 'web: python manage.py runserver 0.0.0.0:$PORT'));
    const { code, report } = await json(dir, ['Procfile', CLEAN, 'README.md']);
    expect(code).toBe(1);
    expect(report.findings.map((f) => `${f.ruleId} ${f.location.file}`)).toEqual(['launch.E050 Procfile']);
  });

  it('runs the rules only, whatever gates the config file lists (the runtime gates are for the launch)', async () => {
    const dir = freshProject();
    writeFileSync(join(dir, '.django-launch-gate.toml'), 'gates = ["rules", "tests", "migrations"]\n');
    const { report } = await json(dir, [CLEAN]);
    expect(report.gates.map((g) => g.gate)).toEqual(['rules']);
  });

  it('judges the migrations the commit adds: the base ref is HEAD', async () => {
    const dir = freshProject();
    git(dir, 'init', '-q');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'initial');
    writeFileSync(join(dir, 'shop/migrations/0002_note.py'), 'from django.db import migrations\n\n\nclass Migration(migrations.Migration):\n    dependencies = [("shop", "0001_initial")]\n    operations = []\n');
    const { report } = await json(dir, ['shop/migrations/0002_note.py']);
    expect(report.gates.find((g) => g.gate === 'rules')?.detail).toMatch(/base ref HEAD: 1 file added since/);
    // --base-ref still names another one.
    const other = await runCli(dir, ['--files', '--base-ref', 'no-such-ref', CLEAN]);
    expect(other.code).toBe(2);
  });

  it('bad input: one line, exit 2; no files: nothing to check, exit 0', async () => {
    const dir = freshProject();
    const missing = await runCli(dir, ['--files', 'shop/nope.py']);
    expect([missing.code, missing.stderr]).toEqual([2, 'django-launch-gate: file not found: shop/nope.py — pass files that exist (pre-commit passes the staged ones)\n']);
    const outside = await runCli(join(dir, 'shop'), ['--files', '../manage.py']);
    expect(outside.code).toBe(2);
    expect(outside.stderr).toMatch(/^django-launch-gate: \.\.\/manage\.py is not under the current folder — run from the repository root/);
    const folder = await runCli(dir, ['--files', 'shop']);
    expect([folder.code, folder.stderr]).toEqual([2, 'django-launch-gate: not a file: shop — with --files, pass files; without it, one project folder\n']);
    const none = await runCli(dir, ['--files']);
    expect([none.code, none.stdout, none.stderr]).toEqual([0, 'No files given: nothing to check.\n', '']);
    const twoPaths = await runCli(dir, ['shop', 'config']);
    expect(twoPaths.code).toBe(2);
    expect(twoPaths.stderr).toContain('or files with --files');
  });
});

describe('fileScope / scopeReport', () => {
  const at = (file: string, level: Finding['level'] = 'error', related?: string): Finding => ({
    ruleId: 'launch.X',
    gate: 'rules',
    level,
    message: file,
    location: { file, line: 1 },
    ...(related ? { related: [{ location: { file: related, line: 2 }, message: 'here' }] } : {}),
  });
  const settings = [{ chain: ['a/settings/prod.py', 'a/settings/base.py'], evidence: 'Dockerfile' }, { chain: ['b/settings.py'] }];

  it('in scope: a finding in a given file, one pointing at it, and the settings set of a given settings file', () => {
    const scope = fileScope(['a/views.py', 'Dockerfile'], settings);
    expect(scope.covers(at('a/views.py'))).toBe(true);
    expect(scope.covers(at('a/other.py', 'warning', 'a/views.py'))).toBe(true);
    expect(scope.covers(at('a/settings/base.py'))).toBe(true); // the Dockerfile names these settings
    expect(scope.covers(at('b/settings.py'))).toBe(false);
    expect(scope.covers(at('a/models.py'))).toBe(false);
    expect(fileScope(['b/settings.py'], settings).covers(at('a/settings/prod.py'))).toBe(false);
    // A settings file given: the settings chain, not the rest of the Dockerfile that names them.
    const prod = fileScope(['a/settings/prod.py'], settings);
    expect(prod.covers(at('a/settings/base.py'))).toBe(true);
    expect(prod.covers(at('Dockerfile'))).toBe(false);
  });

  it('a gate that failed only outside the scope passes; the checklist goes', () => {
    const inside = at('x.py', 'note');
    const outside = at('y.py');
    const report = {
      findings: [inside, outside],
      gates: [{ gate: 'rules', status: 'failed', durationMs: 1, detail: '40 rules', findings: [inside, outside] }],
      checklist: [{ item: 'debug', status: 'findings' }],
    } as unknown as Report;
    const scoped = scopeReport(report, fileScope(['x.py'], []));
    expect(scoped.findings).toEqual([inside]);
    expect(scoped.gates[0]).toMatchObject({ status: 'passed', detail: '40 rules\nfindings about the 1 file given (1 elsewhere in the project not shown)', findings: [inside] });
    expect(scoped.checklist).toEqual([]);
    expect(report.gates[0].status).toBe('failed'); // not mutated
  });
});

/** pre-commit's `files` pattern (Python `(?ix)` verbose syntax) as a JavaScript RegExp. */
function manifestPattern(): RegExp {
  const hook = MANIFEST.find((h) => h.id === 'django-launch-gate')!;
  const source = String(hook.files);
  expect(source.startsWith('(?ix)')).toBe(true);
  return new RegExp(source.slice('(?ix)'.length).replace(/\s+/g, ''), 'i');
}

function walk(dir: string, base: string, out: string[]): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) {
      if (!EXCLUDED_DIRS.has(e.name)) walk(join(dir, e.name), base, out);
    } else if (e.isFile()) out.push(relative(base, join(dir, e.name)).split('\\').join('/'));
  }
  return out;
}

describe('.pre-commit-hooks.yaml', () => {
  it('one hook, run from the committed bundle with no install (language: script), every staged file at once', () => {
    expect(MANIFEST).toHaveLength(1);
    expect(MANIFEST[0]).toMatchObject({ id: 'django-launch-gate', entry: 'dist/cli.js --files', language: 'script', pass_filenames: true, require_serial: true });
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };
    expect(pkg.bin['django-launch-gate']).toBe('dist/cli.js');
  });

  it('its files pattern takes every file the scan reads (Python, Python templates, deploy files, Jinja templates, Django templates), not the rest', () => {
    const re = manifestPattern();
    const read = (rel: string) => {
      const name = rel.split('/').pop()!;
      return name.endsWith('.py') || PY_TEMPLATE.test(name) || isDeployFile(name, rel) || JINJA_NAME.test(name) || (/\.(html?|txt)$/i.test(name) && rel.split('/').slice(0, -1).includes('templates'));
    };
    const files = [...walk(join(ROOT, 'example'), ROOT, []), ...walk(join(ROOT, 'test', 'fixtures'), ROOT, []), ...walk(join(ROOT, 'test', 'rules'), ROOT, [])];
    const scanned = files.filter(read);
    expect(scanned.length).toBeGreaterThan(200);
    expect(scanned.filter((f) => !re.test(f))).toEqual([]);
    const samples = [
      'Procfile', 'Procfile.dev', 'Dockerfile', 'docker/Dockerfile.prod', 'web.dockerfile', 'Containerfile', 'docker-compose.yml',
      'compose.prod.yaml', 'terraform/app.tf', 'manifest-prod.yml', 'deploy/gunicorn.service', 'bin/start.sh', 'docker-entrypoint', 'Makefile', 'nginx/default.conf',
      'nginx/sites-available/default', 'etc/Caddyfile', 'traefik/dynamic.yml', 'proxy/site.vhost', 'nginx/app.conf.template',
      'pyproject.toml', 'setup.cfg', 'tox.ini', 'requirements.txt', 'requirements-prod.txt', 'requirements/base.in', 'Pipfile',
      'Pipfile.lock', 'poetry.lock', 'uv.lock', 'app.yaml', 'app.json', 'fly.toml', 'render.yaml', 'heroku.yml', '.env',
      '.env.production', 'prod.env', 'k8s/deployment.yaml', 'charts/app/values.yaml', 'mysite/settings.py',
      'mysite/settings.py.j2', 'mysite/local_settings.py.example', 'deploy/puppet/templates/local_settings.py.erb', 'ureport/settings.py.prod', 'conf/site/site_supervisor.conf', 'ansible/roles/web/templates/site.j2', 'nginx.conf.jinja2', 'shop/templates/shop/index.html', 'templates/email.txt',
    ];
    for (const s of samples) expect([s, read(s) && re.test(s)]).toEqual([s, true]);
    for (const s of ['README.md', 'docs/setup.md', 'static/logo.png', 'package.json', '.gitignore', 'LICENSE', 'shop/static/app.js', 'notes.txt']) {
      expect([s, re.test(s)]).toEqual([s, false]);
    }
  });
});

describe.skipIf(!has('pre-commit') || !has('git'))('a real pre-commit run (Debian pre-commit, local hook repository, no network)', { timeout: 120_000 }, () => {
  let hookRepo: string;
  let project: string;
  let env: NodeJS.ProcessEnv;

  /** A command in the project, as a user runs it, with the environment pre-commit and git see. */
  function sh(cmd: string, ...args: string[]): { status: number; out: string } {
    const r = spawnSync(cmd, args, { cwd: project, env, encoding: 'utf8', timeout: 120_000 });
    if (r.error) throw r.error;
    return { status: r.status ?? -1, out: `${r.stdout}${r.stderr}` };
  }

  beforeAll(() => {
    if (!existsSync(join(DIST, 'cli.js'))) throw new Error(`${DIST} has no bundle: run \`node scripts/bundle.mjs --out ${DIST}\``);
    // The hook repository at a commit, as pre-commit clones it: the manifest, package.json and the bundle.
    hookRepo = join(work, 'hook-repo');
    mkdirSync(hookRepo);
    for (const f of ['.pre-commit-hooks.yaml', 'package.json', 'LICENSE']) cpSync(join(ROOT, f), join(hookRepo, f));
    cpSync(DIST, join(hookRepo, 'dist'), { recursive: true });
    git(hookRepo, 'init', '-q');
    git(hookRepo, 'add', '-A');
    git(hookRepo, 'commit', '-q', '-m', 'release');
    const rev = git(hookRepo, 'rev-parse', 'HEAD');

    env = {
      PATH: process.env.PATH,
      HOME: join(work, 'home'),
      PRE_COMMIT_HOME: join(work, 'pre-commit-home'),
      PRE_COMMIT_COLOR: 'never',
      NO_COLOR: '1',
      LANG: 'C.UTF-8',
      GIT_AUTHOR_NAME: 'Test',
      GIT_AUTHOR_EMAIL: 'test@example.com',
      GIT_COMMITTER_NAME: 'Test',
      GIT_COMMITTER_EMAIL: 'test@example.com',
      GIT_CONFIG_NOSYSTEM: '1',
      // No network: an npm or pip install (a node or python hook environment) would fail, not download.
      npm_config_registry: 'http://127.0.0.1:9/',
      npm_config_offline: 'true',
      PIP_NO_INDEX: '1',
    };
    mkdirSync(env.HOME!);
    project = join(work, 'sample');
    copyProject(project);
    writeFileSync(
      join(project, '.pre-commit-config.yaml'),
      `repos:\n  - repo: ${hookRepo}\n    rev: ${rev}\n    hooks:\n      - id: django-launch-gate\n`,
    );
    git(project, 'init', '-q');
    git(project, 'add', '-A');
    git(project, 'commit', '-q', '-m', 'a small Django project');
    const install = sh('pre-commit', 'install');
    expect(install.out).toContain('pre-commit installed at .git/hooks/pre-commit');
    expect(install.status).toBe(0);
  }, 120_000);

  it('a commit of a settings file with DEBUG = True is refused, the finding printed', () => {
    edit(project, PRODUCTION, (t) => `${t}DEBUG = True\n`);
    git(project, 'add', PRODUCTION);
    const head = git(project, 'rev-parse', 'HEAD');
    const r = sh('git', 'commit', '-m', 'debug on');
    expect(r.status, r.out).toBe(1);
    expect(r.out).toMatch(/django-launch-gate\.+Failed/);
    expect(r.out).toMatch(/config\/settings\/production\.py:\d+ +launch\.E010 +DEBUG is True in production settings `config\.settings\.production`/);
    expect(r.out).toContain('fix:');
    expect(git(project, 'rev-parse', 'HEAD')).toBe(head);
    // pre-commit ran the committed bundle from its clone: no node environment was made, nothing installed.
    const clones = readdirSync(env.PRE_COMMIT_HOME!, { withFileTypes: true }).filter((d) => d.isDirectory());
    expect(clones.length).toBeGreaterThan(0);
    for (const clone of clones) expect(readdirSync(join(env.PRE_COMMIT_HOME!, clone.name)).filter((e) => /^node_env|^node_modules$/.test(e))).toEqual([]);
  });

  it('pre-commit run --files: exit 1 on the file with an error, 0 on a clean one', () => {
    const bad = sh('pre-commit', 'run', '--files', PRODUCTION);
    expect(bad.status, bad.out).toBe(1);
    expect(bad.out).toContain('launch.E010');
    const clean = sh('pre-commit', 'run', '--files', CLEAN);
    expect(clean.status, clean.out).toBe(0);
    expect(clean.out).toMatch(/django-launch-gate\.+Passed/);
  });

  it('a commit of a clean file goes through, with DEBUG = True still in the working tree but not staged', () => {
    git(project, 'restore', '--staged', PRODUCTION);
    edit(project, CLEAN, (t) => `${t}\n\ndef quantity_label(n):\n    return f"{n} item(s)"\n`);
    git(project, 'add', CLEAN);
    const head = git(project, 'rev-parse', 'HEAD');
    const r = sh('git', 'commit', '-m', 'count');
    expect(r.status, r.out).toBe(0);
    expect(r.out).toMatch(/django-launch-gate\.+Passed/);
    expect(git(project, 'rev-parse', 'HEAD')).not.toBe(head);
  });

  it('a commit with none of the files the scan reads skips the hook', () => {
    edit(project, 'README.md', (t) => `${t}\nRun it with gunicorn.\n`);
    git(project, 'add', 'README.md');
    const r = sh('git', 'commit', '-m', 'readme');
    expect(r.status, r.out).toBe(0);
    expect(r.out).toMatch(/django-launch-gate\.+\(no files to check\)Skipped/);
  });

  it("the README's .pre-commit-config.yaml: this repository, this hook, a release tag pre-commit takes without a warning", () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('\n## pre-commit\n'));
    const snippet = /```yaml\n([\s\S]*?)```/.exec(section)?.[1];
    expect(snippet).toBeDefined();
    const config = parse(snippet!) as { repos: Array<{ repo: string; rev: string; hooks: Array<{ id: string }> }> };
    expect(config.repos).toHaveLength(1);
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { homepage: string };
    expect(config.repos[0].repo).toBe(pkg.homepage);
    expect(config.repos[0].rev).toMatch(/^v\d+\.\d+\.\d+$/); // the release tags release.yml makes; not the moving v1
    expect(config.repos[0].hooks.map((h) => h.id)).toEqual(MANIFEST.map((h) => h.id));
    const file = join(work, 'readme-pre-commit-config.yaml');
    writeFileSync(file, snippet!);
    const r = sh('pre-commit', 'validate-config', file);
    expect([r.status, r.out]).toEqual([0, '']);
  });

  it('a Procfile that starts runserver is refused too (a deploy file)', () => {
    edit(project, 'Procfile', (t) => t.replace(/^web: .*$/m, 'web: python manage.py runserver 0.0.0.0:$PORT'));
    git(project, 'add', 'Procfile');
    const r = sh('git', 'commit', '-m', 'runserver');
    expect(r.status, r.out).toBe(1);
    expect(r.out).toMatch(/Procfile:2 +launch\.E050/);
    expect(r.out).not.toContain('launch.E010'); // production.py is not staged
  });
});
