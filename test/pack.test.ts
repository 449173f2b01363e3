/**
 * The CLI outside this repository, the three ways the README installs it — all from what `npm pack` makes
 * (the tarball the release workflow attaches to each GitHub release), with no registry:
 * (a) the tarball holds dist/, README, LICENSE and package.json, and installs nothing else (dist/ bundles
 *     every runtime dependency, so package.json has none);
 * (b) `npm install --offline <tarball>` into an empty folder, then `npx django-launch-gate` from there;
 * (c) `npx <release asset URL>`: the tarball served over HTTP behind a redirect, as GitHub serves
 *     releases/latest/download/django-launch-gate.tgz;
 * (d) a `github:` ref: npm clones a git repository holding the committed dist/ (here git+file://…#v1).
 * The registry is an unreachable address throughout, and the npm cache a new empty folder.
 */
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..');
const PKG = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  bin: Record<string, string>;
  files: string[];
  engines: { node: string };
  dependencies?: Record<string, string>;
  private?: boolean;
  license: string;
  repository: { url: string };
  keywords: string[];
};
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const NPX = process.platform === 'win32' ? 'npx.cmd' : 'npx';

let work: string;
let tarball: string;
let project: string;
let cache: string;

/** The child's environment: no npm_* settings inherited from `npm test`, a new cache, no registry reachable. */
function env(): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^npm_/i.test(k) || k.startsWith('GITHUB_') || k.startsWith('INPUT_') || k.startsWith('RUNNER_')) continue;
    if (k === 'DJANGO_LAUNCH_GATE_MODE' || k === 'DJANGO_SETTINGS_MODULE' || k === 'FORCE_COLOR') continue;
    out[k] = v;
  }
  return {
    ...out,
    NO_COLOR: '1',
    npm_config_cache: cache,
    npm_config_registry: 'http://127.0.0.1:9/', // nothing listens: any registry request fails
    npm_config_update_notifier: 'false',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_AUTHOR_NAME: 'pack test',
    GIT_AUTHOR_EMAIL: 'pack@example.com',
    GIT_COMMITTER_NAME: 'pack test',
    GIT_COMMITTER_EMAIL: 'pack@example.com',
  };
}

/** A process, asynchronously (the HTTP server of (c) answers from this event loop meanwhile). */
function run(cmd: string, args: string[], cwd: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 150_000);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

/** A tiny Django project with DEBUG on: the installed CLI must find launch.E010 there. */
function makeProject(dir: string): string {
  const files: Record<string, string> = {
    'manage.py': 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "mysite.settings")\n',
    'mysite/__init__.py': '',
    'mysite/settings.py': 'import os\nDEBUG = True\nSECRET_KEY = os.environ["DJANGO_SECRET_KEY"]\nALLOWED_HOSTS = ["example.com"]\nROOT_URLCONF = "mysite.urls"\n',
    'mysite/urls.py': 'urlpatterns = []\n',
    'mysite/wsgi.py':
      'import os\nfrom django.core.wsgi import get_wsgi_application\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "mysite.settings")\napplication = get_wsgi_application()\n',
  };
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  return dir;
}

function emptyFolder(name: string): string {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** The installed CLI, through npx, as a user runs it: its version, and a scan with DEBUG = True found. */
async function expectWorkingCli(cwd: string, npxArgs: string[]) {
  const v = await run(NPX, [...npxArgs, '--version'], cwd);
  expect(v.status, v.stderr).toBe(0);
  expect(v.stdout.trim()).toBe(`django-launch-gate ${PKG.version}`);
  const scan = await run(NPX, [...npxArgs, project, '--format', 'json'], cwd);
  expect(scan.status, scan.stderr).toBe(1); // DEBUG = True blocks the launch
  const report = JSON.parse(scan.stdout) as { findings?: Array<{ ruleId: string }>; report?: { findings: Array<{ ruleId: string }> } };
  const findings = report.findings ?? report.report?.findings ?? [];
  expect(findings.map((f) => f.ruleId)).toContain('launch.E010');
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'dlg-pack-'));
  for (let d = work; d !== dirname(d); d = dirname(d)) {
    if (existsSync(join(d, 'node_modules')) || existsSync(join(d, 'package.json'))) throw new Error(`${d} has node_modules or package.json: the test would not be isolated`);
  }
  cache = join(work, 'npm-cache');
  project = makeProject(join(work, 'project'));
  const out = emptyFolder('packed');
  const r = await run(NPM, ['pack', '--json', '--pack-destination', out], ROOT);
  expect(r.status, r.stderr).toBe(0);
  const [{ filename }] = JSON.parse(r.stdout) as Array<{ filename: string }>;
  tarball = join(out, filename);
}, 180_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('(a) package.json and the tarball', () => {
  it('package.json is ready to publish: files, bin, engines, repository, keywords, a license file; no runtime dependencies', () => {
    expect(PKG.private, 'not private (README: Development)').toBeUndefined();
    expect(PKG.files.sort()).toEqual(['LICENSE', 'README.md', 'dist/']);
    expect(PKG.bin).toEqual({ 'django-launch-gate': 'dist/cli.js' });
    expect(PKG.engines.node).toBe('>=20');
    expect(PKG.repository.url).toBe('git+https://github.com/django-launch-gate/django-launch-gate.git');
    expect(PKG.keywords).toEqual(expect.arrayContaining(['django', 'github-action', 'sarif']));
    expect(PKG.dependencies ?? {}, 'dist/ bundles everything: dependencies would only make npx install them').toEqual({});
    expect(PKG.license).toBe('MIT');
    expect(readFileSync(join(ROOT, 'LICENSE'), 'utf8')).toMatch(/^MIT License\n\nCopyright \(c\) \d{4} /);
  });

  it('holds dist/, README.md, LICENSE and package.json — nothing else', async () => {
    const r = await run('tar', ['-tzf', tarball], work);
    expect(r.status, r.stderr).toBe(0);
    const files = r.stdout.trim().split('\n').map((f) => f.replace(/^package\//, ''));
    const outside = files.filter((f) => !f.startsWith('dist/') && !['README.md', 'LICENSE', 'package.json'].includes(f));
    expect(outside).toEqual([]);
    for (const f of ['dist/cli.js', 'dist/index.js', 'dist/package.json', 'dist/django/helper.py', 'README.md', 'LICENSE']) expect(files).toContain(f);
    expect(files.filter((f) => /__pycache__|\.pyc$/.test(f))).toEqual([]);
    expect(statSync(tarball).size, 'tarball size').toBeLessThan(20 * 1024 * 1024);
  });
});

describe('(b) the release tarball, installed offline into an empty folder', () => {
  it('npm install --offline <tarball> installs only the CLI; npx django-launch-gate runs it', async () => {
    const app = emptyFolder('app');
    writeFileSync(join(app, 'package.json'), '{ "name": "app", "private": true }\n');
    const r = await run(NPM, ['install', '--offline', '--no-audit', '--no-fund', tarball], app);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(/EBADENGINE/);
    expect(readdirSync(join(app, 'node_modules')).filter((d) => !d.startsWith('.'))).toEqual(['django-launch-gate']);
    await expectWorkingCli(app, ['--offline', 'django-launch-gate']);
  }, 180_000);
});

describe('(c) npx from the release asset URL', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    // GitHub answers releases/latest/download/<asset> with a redirect to the asset's storage.
    server = createServer((req, res) => {
      if (req.url === '/releases/latest/download/django-launch-gate.tgz') {
        res.writeHead(302, { location: '/storage/django-launch-gate.tgz' }).end();
      } else if (req.url === '/storage/django-launch-gate.tgz') {
        res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(readFileSync(tarball));
      } else {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  it('npx --yes <URL> runs the CLI from an empty folder', async () => {
    const dir = emptyFolder('npx-url');
    await expectWorkingCli(dir, ['--yes', `${base}/releases/latest/download/django-launch-gate.tgz`]);
  }, 180_000);
});

describe('(d) a github: ref (a git repository with the committed dist/)', () => {
  it('npm install --offline git+file://…#v1, then npx django-launch-gate', async () => {
    // The repository as npm sees a tag of it: package.json and the committed dist/. No `prepare` script,
    // so npm packs the clone by `files` and installs no devDependencies.
    const repo = emptyFolder('repo');
    const x = await run('tar', ['-xzf', tarball, '-C', repo, '--strip-components=1'], work);
    expect(x.status, x.stderr).toBe(0);
    for (const args of [['init', '-q'], ['add', '-A'], ['commit', '-q', '-m', 'release'], ['tag', 'v1']]) {
      const g = await run('git', args, repo);
      expect(g.status, `git ${args.join(' ')}: ${g.stderr}`).toBe(0);
    }
    expect(JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')).scripts?.prepare).toBeUndefined();
    const app = emptyFolder('app-git');
    writeFileSync(join(app, 'package.json'), '{ "name": "app-git", "private": true }\n');
    const r = await run(NPM, ['install', '--offline', '--no-audit', '--no-fund', `git+file://${repo}#v1`], app);
    expect(r.status, r.stderr).toBe(0);
    await expectWorkingCli(app, ['--offline', 'django-launch-gate']);
  }, 180_000);
});
