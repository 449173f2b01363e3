/**
 * The shipped bundle (dist/): fresh, self-contained, cross-platform, and working in both faces.
 * (a) `scripts/bundle.mjs` rebuilds dist/ byte for byte.
 * (b) a copy of dist/ in an empty folder (no node_modules above it) runs as the CLI.
 * (c) every platform's native bindings are shipped and picked at run time.
 * (d) as a GitHub Action: outputs, job summary, annotations, exit status per fail-on.
 * All real processes and files; nothing mocked.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';

const ROOT = join(__dirname, '..');
const DIST = join(ROOT, 'dist');
const PKG = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
const PLATFORMS = ['linux-x64', 'linux-arm64', 'darwin-arm64', 'darwin-x64', 'win32-x64'];
const MODULES = [
  { module: 'tree-sitter', file: 'tree-sitter.node' },
  { module: 'tree-sitter-python', file: 'tree-sitter-python.node' },
];
/** A SECRET_KEY literal in the fixture: must never appear in any output. */
const SECRET = 'q7Lr2XwT9zNp4Hs8Jd3Kf6Mb1Gc5Ye0Va-x_dlg-fixture-secret';
const ONE_LINE_ERROR = /^django-launch-gate: .+ — .+$/;

function filesUnder(dir: string, base = dir): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...filesUnder(p, base));
    else out.push(relative(base, p).split(sep).join('/'));
  }
  return out;
}

function listTree(dir: string): string[] {
  return filesUnder(dir).sort();
}

/** The environment of a child: this one without anything that would switch modes or feed action inputs. */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (k.startsWith('GITHUB_') || k.startsWith('INPUT_') || k.startsWith('RUNNER_')) continue;
    if (k === 'DJANGO_LAUNCH_GATE_MODE' || k === 'DJANGO_SETTINGS_MODULE' || k === 'FORCE_COLOR' || k === 'DLG_DEBUG') continue;
    env[k] = v;
  }
  return { ...env, NO_COLOR: '1', ...extra };
}

function node(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, args, {
    cwd: opts.cwd ?? ROOT,
    env: opts.env ?? cleanEnv(),
    encoding: 'utf8',
    // the bundle's rebuild takes about 20 s on a quiet runner; a busy one (other jobs on its two cores) takes
    // several times that, and a killed build is not a stale dist/
    timeout: 280_000,
  });
}

/** A tiny Django project with DEBUG on, a wildcard ALLOWED_HOSTS and a SECRET_KEY literal. */
function makeProject(dir: string): string {
  const files: Record<string, string> = {
    'manage.py': [
      '#!/usr/bin/env python',
      'import os',
      'import sys',
      '',
      'if __name__ == "__main__":',
      '    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mysite.settings")',
      '    from django.core.management import execute_from_command_line',
      '    execute_from_command_line(sys.argv)',
      '',
    ].join('\n'),
    'mysite/__init__.py': '',
    'mysite/settings.py': [
      'DEBUG = True',
      `SECRET_KEY = "${SECRET}"`,
      'ALLOWED_HOSTS = ["*"]',
      'INSTALLED_APPS = ["django.contrib.admin", "django.contrib.auth", "django.contrib.contenttypes"]',
      'ROOT_URLCONF = "mysite.urls"',
      'WSGI_APPLICATION = "mysite.wsgi.application"',
      '',
    ].join('\n'),
    'mysite/urls.py': 'urlpatterns = []\n',
    'mysite/wsgi.py': [
      'import os',
      'from django.core.wsgi import get_wsgi_application',
      'os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mysite.settings")',
      'application = get_wsgi_application()',
      '',
    ].join('\n'),
  };
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  return dir;
}

interface JsonFinding {
  ruleId: string;
  level: string;
  location: { file: string; line: number };
}

/** Findings from the JSON output, whatever envelope toJson chooses ({findings} or {report: {findings}}). */
function jsonFindings(stdout: string): JsonFinding[] {
  const parsed = JSON.parse(stdout) as { findings?: JsonFinding[]; report?: { findings?: JsonFinding[] } };
  const findings = parsed.findings ?? parsed.report?.findings;
  expect(Array.isArray(findings), 'JSON output has a findings array').toBe(true);
  return findings!;
}

function expectOneLineError(r: SpawnSyncReturns<string>): string {
  expect(r.status, r.stderr).toBe(2);
  const lines = r.stderr.trimEnd().split('\n');
  expect(lines, r.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(ONE_LINE_ERROR);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  return lines[0];
}

let work: string;
let project: string;
let isolated: string;

beforeAll(() => {
  if (!existsSync(join(DIST, 'index.js'))) throw new Error('dist/ has no bundle: run `npm run bundle`');
  // os.tmpdir(): no node_modules in any folder above, so the bundle must stand alone.
  work = mkdtempSync(join(tmpdir(), 'dlg-dist-'));
  project = makeProject(join(work, 'project'));
  isolated = join(work, 'gate');
  cpSync(DIST, isolated, { recursive: true });
  for (let d = work; d !== dirname(d); d = dirname(d)) {
    if (existsSync(join(d, 'node_modules'))) throw new Error(`${d} has node_modules: the isolation test would be void`);
  }
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('(a) dist/ is fresh', () => {
  it('scripts/bundle.mjs rebuilds dist/ byte for byte', () => {
    const out = join(work, 'rebuilt');
    const r = node(['scripts/bundle.mjs', '--out', out]);
    expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
    const want = listTree(DIST);
    const got = listTree(out);
    expect(got, 'same file list (run `npm run bundle` and commit dist/)').toEqual(want);
    const stale = want.filter((f) => !readFileSync(join(DIST, f)).equals(readFileSync(join(out, f))));
    expect(stale, 'files that differ from a fresh bundle (run `npm run bundle`)').toEqual([]);
    expect(statSync(join(out, 'cli.js')).mode & 0o111, 'cli.js is executable').not.toBe(0);
  }, 300_000);
});

describe('(b) the bundle alone, as the CLI', () => {
  it('cli.js scans a project from an empty folder and reports JSON findings', () => {
    const r = node([join(isolated, 'cli.js'), project, '--format', 'json'], { cwd: work });
    expect([0, 1], r.stderr).toContain(r.status);
    expect(r.status, 'DEBUG = True blocks the launch').toBe(1);
    const findings = jsonFindings(r.stdout);
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.map((f) => f.ruleId)).toContain('launch.E010');
    const debug = findings.find((f) => f.ruleId === 'launch.E010')!;
    expect(debug.location).toMatchObject({ file: 'mysite/settings.py', line: 1 });
    expect(r.stdout + r.stderr).not.toContain(SECRET);
  });

  it('the CLI loads none of the action\'s code: it runs with the chunks holding @actions/* deleted', () => {
    const cliOnly = join(work, 'cli-only');
    cpSync(DIST, cliOnly, { recursive: true });
    const actionChunks = readdirSync(cliOnly).filter((f) => /^\d+\.index\.js$/.test(f) && readFileSync(join(cliOnly, f), 'utf8').includes('node_modules/@actions/'));
    expect(actionChunks.length, 'the action\'s code is in chunks of its own').toBeGreaterThan(0);
    for (const f of actionChunks) rmSync(join(cliOnly, f));
    const r = node([join(cliOnly, 'cli.js'), project, '--format', 'json'], { cwd: work });
    expect(r.status, r.stderr).toBe(1);
    expect(jsonFindings(r.stdout).map((f) => f.ruleId)).toContain('launch.E010');
    // and the action does need them: the same folder as an action fails to load one
    const a = node([join(cliOnly, 'index.js')], { cwd: work, env: cleanEnv({ GITHUB_ACTIONS: 'true' }) });
    expect(a.status).not.toBe(0);
    expect(a.stderr).toMatch(/index\.js/);
  });

  it('--version and --help load no engine: they answer with the chunks holding tree-sitter and the rules deleted', () => {
    const bare = join(work, 'no-engine');
    cpSync(DIST, bare, { recursive: true });
    const engine = readdirSync(bare).filter((f) => /^\d+\.index\.js$/.test(f) && /node_modules\/tree-sitter\/|src\/rules\/index\.ts/.test(readFileSync(join(bare, f), 'utf8')));
    expect(engine.length, 'the engine is in chunks of its own').toBeGreaterThan(0);
    for (const f of engine) rmSync(join(bare, f));
    const v = node([join(bare, 'cli.js'), '--version'], { cwd: work });
    expect(v.status, v.stderr).toBe(0);
    expect(v.stdout).toMatch(/^django-launch-gate \d+\.\d+\.\d+/);
    const h = node([join(bare, 'cli.js'), '--help'], { cwd: work });
    expect(h.status, h.stderr).toBe(0);
    expect(h.stdout).toContain('--time');
    // and a scan does need them
    const r = node([join(bare, 'cli.js'), project, '--format', 'json'], { cwd: work });
    expect(r.status).toBe(2);
  });

  it('index.js without GITHUB_ACTIONS behaves as the CLI', () => {
    const r = node([join(isolated, 'index.js'), project, '--format', 'json', '--fail-on', 'never'], { cwd: work });
    expect(r.status, r.stderr).toBe(0);
    expect(jsonFindings(r.stdout).map((f) => f.ruleId)).toContain('launch.E010');
    expect(r.stdout).not.toMatch(/^::/m);
  });

  it('cli.js stays the CLI inside GitHub Actions (a workflow step running the command)', () => {
    const r = node([join(isolated, 'cli.js'), project, '--format', 'json'], { cwd: work, env: cleanEnv({ GITHUB_ACTIONS: 'true' }) });
    expect(r.status, r.stderr).toBe(1);
    expect(jsonFindings(r.stdout).map((f) => f.ruleId)).toContain('launch.E010');
    expect(r.stdout).not.toMatch(/^::/m);
  });

  it('scans the example app (every rule fires) and the hardened fixture (no error or warning)', () => {
    const ex = node([join(isolated, 'cli.js'), join(ROOT, 'example'), '--format', 'json'], { cwd: work });
    expect(ex.status, ex.stderr).toBe(1);
    const ids = new Set(jsonFindings(ex.stdout).map((f) => f.ruleId));
    expect(ids.size).toBeGreaterThanOrEqual(33);
    const hard = node([join(isolated, 'cli.js'), join(ROOT, 'test', 'fixtures', 'hardened'), '--format', 'json', '--fail-on', 'warning'], { cwd: work });
    expect(hard.status, hard.stdout).toBe(0);
  });

  it('text output by default; SARIF on stdout and to a file, with no secret in any of them', () => {
    const text = node([join(isolated, 'cli.js'), project], { cwd: work });
    expect(text.status, text.stderr).toBe(1);
    expect(text.stdout).toContain('launch.E010');
    expect(text.stdout).not.toMatch(/\u001b\[/);

    const sarifFile = join(work, 'out', 'cli.sarif');
    const sarif = node([join(isolated, 'cli.js'), project, '--format', 'sarif', '--sarif', sarifFile, '--category', 'backend'], {
      cwd: work,
    });
    expect(sarif.status, sarif.stderr).toBe(1);
    const log = JSON.parse(sarif.stdout) as { version: string; runs: Array<{ results: Array<{ ruleId: string }> }> };
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0].results.map((r) => r.ruleId)).toContain('launch.E010');
    const written = readFileSync(sarifFile, 'utf8');
    expect(JSON.parse(written)).toEqual(log);
    expect(written).toContain('backend');
    for (const out of [text.stdout, text.stderr, sarif.stdout, sarif.stderr, written]) expect(out).not.toContain(SECRET);
  });

  it('--version and --help', () => {
    const v = node([join(isolated, 'cli.js'), '--version'], { cwd: work });
    expect(v.status).toBe(0);
    expect(v.stdout.trim()).toBe(`django-launch-gate ${PKG.version}`);
    const h = node([join(isolated, 'cli.js'), '--help'], { cwd: work });
    expect(h.status).toBe(0);
    expect(h.stdout).toMatch(/^Usage: django-launch-gate \[path\]/);
    for (const opt of ['--gates', '--settings', '--python', '--format', '--sarif', '--fail-on', '--config', '--category', '--no-color']) {
      expect(h.stdout).toContain(opt);
    }
  });

  it.each([
    ['an unknown option', ['--bogus'], /unknown option --bogus/],
    ['an unknown gate', ['--gates', 'rules,nope'], /nope/],
    ['a bad --fail-on', ['--fail-on', 'sometimes'], /sometimes/],
    ['a bad --format', ['--format', 'xml'], /xml/],
    ['a missing path', ['does/not/exist'], /does\/not\/exist/],
    ['an option without its value', ['--gates'], /--gates/],
    ['a missing config file', ['--config', 'nope.toml'], /nope\.toml/],
    ['an unwritable --sarif path', ['--sarif', 'manage.py/out.sarif'], /cannot write .*manage\.py/],
  ])('%s: one line on stderr, exit 2', (_name, args, what) => {
    const hasPath = args[0] === 'does/not/exist';
    const r = node([join(isolated, 'cli.js'), ...(hasPath ? [] : [project]), ...args], { cwd: project });
    const line = expectOneLineError(r);
    expect(line).toMatch(what);
    expect(r.stdout).toBe('');
  });
});

describe('(c) native bindings for every platform', () => {
  it('ships both modules for each platform and no build/Release binding', () => {
    const files = listTree(DIST);
    for (const { module, file } of MODULES) {
      for (const platform of PLATFORMS) {
        const p = `prebuilds/${module}/${platform}/${file}`;
        expect(files, p).toContain(p);
        expect(statSync(join(DIST, p)).size).toBeGreaterThan(100_000);
      }
    }
    expect(files.filter((f) => f.endsWith('.node') && !f.startsWith('prebuilds/'))).toEqual([]);
    expect(files).not.toContain('build/Release/tree_sitter_runtime_binding.node');
  });

  it('the bundle picks the binding by process.platform and process.arch', () => {
    // index.js and the chunks ncc splits off at dynamic imports (`<id>.index.js`): a binding is loaded from one of them
    const js = readdirSync(DIST).filter((f) => /^(\d+\.)?index\.js$/.test(f));
    expect(js).toContain('index.js');
    const code = js.map((f) => readFileSync(join(DIST, f), 'utf8')).join('\n');
    for (const { module, file } of MODULES) {
      const loader = new RegExp(`__(nccwpck|webpack)_require__\\.ab \\+ "prebuilds/${module}/" \\+ process\\.platform \\+ "-" \\+ process\\.arch \\+ "/${file.replace(/\./g, '\\.')}"`, 'g');
      expect(code.match(loader)?.length ?? 0, `${module}'s loader`).toBe(1);
    }
    expect(code).not.toContain('build/Release');
    expect(code).not.toMatch(/__(nccwpck|webpack)_require__\.ab \+ "prebuilds\/(linux|darwin|win32)-/);
    expect(readFileSync(join(DIST, 'cli.js'), 'utf8')).toMatch(/^#!\/usr\/bin\/env node\n/);
    expect(JSON.parse(readFileSync(join(DIST, 'package.json'), 'utf8'))).toEqual({ type: 'module' });
  });

  it.skipIf(`${process.platform}-${process.arch}` !== 'linux-x64')('the linux-x64 tree-sitter binding loads here (Debian bookworm libstdc++)', () => {
    const r = node(['-e', `require(${JSON.stringify(join(isolated, 'prebuilds/tree-sitter/linux-x64/tree-sitter.node'))})`], {
      cwd: work,
    });
    expect(r.status, r.stderr).toBe(0);
  });
});

describe('(d) the bundle as a GitHub Action', () => {
  function action(inputs: Record<string, string>, ws: string) {
    const outputFile = join(ws, 'github-output');
    const summaryFile = join(ws, 'step-summary.md');
    writeFileSync(outputFile, '');
    writeFileSync(summaryFile, '');
    const env = cleanEnv({
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: ws,
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: summaryFile,
    });
    for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
    const r = node([join(DIST, 'index.js')], { cwd: ws, env });
    return { r, outputs: parseOutputs(readFileSync(outputFile, 'utf8')), summary: readFileSync(summaryFile, 'utf8') };
  }

  /** GITHUB_OUTPUT's `name<<DELIMITER\nvalue\nDELIMITER` records. */
  function parseOutputs(text: string): Record<string, string> {
    const out: Record<string, string> = {};
    const re = /^([^<\n]+)<<(\S+)\n([\s\S]*?)\n\2$/gm;
    for (let m = re.exec(text); m; m = re.exec(text)) out[m[1]] = m[3];
    return out;
  }

  function workspace(name: string): string {
    const ws = join(work, name);
    mkdirSync(ws, { recursive: true });
    cpSync(project, join(ws, 'app'), { recursive: true });
    return ws;
  }

  it('findings at fail-on: outputs, SARIF, summary, annotations, exit 1', () => {
    const ws = workspace('ws-fail');
    const { r, outputs, summary } = action({ 'working-directory': 'app', 'fail-on': 'error', 'sarif-file': 'reports/gate.sarif' }, ws);
    expect(r.status, r.stdout + r.stderr).toBe(1);
    expect(outputs.result).toBe('fail');
    expect(Number(outputs.errors)).toBeGreaterThan(0);
    expect(outputs.warnings).toMatch(/^\d+$/);
    expect(outputs.notes).toMatch(/^\d+$/);
    expect(outputs['sarif-file']).toBe(join(ws, 'reports', 'gate.sarif'));
    const sarif = JSON.parse(readFileSync(outputs['sarif-file'], 'utf8')) as { runs: Array<{ results: Array<{ ruleId: string }> }> };
    expect(sarif.runs[0].results.map((x) => x.ruleId)).toContain('launch.E010');

    expect(summary).toContain('launch.E010');
    const annotations = r.stdout.split('\n').filter((l) => /^::(error|warning|notice) /.test(l));
    expect(annotations.length).toBeGreaterThan(0);
    expect(annotations.length).toBeLessThanOrEqual(30);
    const debug = annotations.find((l) => l.startsWith('::error ') && l.includes('file=app/mysite/settings.py') && l.includes('line=1'));
    expect(debug, annotations.join('\n')).toBeDefined();
    expect(r.stdout).toMatch(/^::error::django-launch-gate: .+ — .+$/m);
    // when its first gate started, for the step debug log and bench/speed.mjs
    expect(r.stdout).toMatch(/^::debug::gate rules started \d+ ms after the action's process started$/m);

    // The secret is masked for the runner and redacted everywhere we write.
    expect(r.stdout).toContain(`::add-mask::${SECRET}`);
    const withoutMask = r.stdout.split('\n').filter((l) => !l.startsWith('::add-mask::')).join('\n');
    for (const out of [withoutMask, r.stderr, summary, readFileSync(outputs['sarif-file'], 'utf8'), JSON.stringify(outputs)]) {
      expect(out).not.toContain(SECRET);
    }
  });

  it('action.yml declares exactly the inputs the action reads and the outputs it sets', () => {
    const meta = parseYaml(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as {
      name: string;
      description: string;
      branding: { icon: string; color: string };
      inputs: Record<string, { description: string; default?: string }>;
      outputs: Record<string, { description: string }>;
      runs: { using: string; main: string };
    };
    expect(meta.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
    expect(meta.name && meta.description && meta.branding.icon && meta.branding.color).toBeTruthy();
    const source = readFileSync(join(ROOT, 'src', 'github', 'inputs.ts'), 'utf8');
    const read = new Set([...source.matchAll(/(?:input|optional|parseBooleanInput)\(\s*'([a-z-]+)'/g)].map((m) => m[1]));
    expect(Object.keys(meta.inputs).sort()).toEqual([...read].sort());
    for (const [name, spec] of Object.entries(meta.inputs)) expect(spec.description, name).toBeTruthy();
    expect(meta.inputs['working-directory'].default).toBe('.');
    expect(meta.inputs.gates.default).toBe('rules');
    expect(meta.inputs['fail-on'].default).toBe(''); // empty: the config file's fail-on, else error (src/github/inputs.ts)
    expect(meta.inputs['sarif-file'].default).toBe('django-launch-gate.sarif');

    const ws = workspace('ws-outputs');
    const { outputs } = action({ 'working-directory': 'app' }, ws);
    expect(Object.keys(outputs).sort()).toEqual(Object.keys(meta.outputs).sort());
    for (const [name, spec] of Object.entries(meta.outputs)) expect(spec.description, name).toBeTruthy();
  });

  it('fail-on never: result pass, exit 0', () => {
    const ws = workspace('ws-never');
    const { r, outputs } = action({ 'working-directory': 'app', 'fail-on': 'never' }, ws);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(outputs.result).toBe('pass');
    expect(Number(outputs.errors)).toBeGreaterThan(0);
    expect(outputs['sarif-file']).toBe(join(ws, 'django-launch-gate.sarif'));
    expect(existsSync(join(ws, 'django-launch-gate.sarif'))).toBe(true);
    expect(r.stdout).not.toMatch(/^::error::/m);
  });

  it('reaches its first gate without an HTTP stack: @actions/core (undici) and the live-site checks load after the gates', () => {
    const ws = workspace('ws-start');
    // records Node's built-in modules loaded when the action logs its first gate's start
    const probe = join(ws, 'probe.cjs');
    writeFileSync(
      probe,
      `const w = process.stdout.write.bind(process.stdout); let seen = false;
process.stdout.write = (c, ...a) => { if (!seen && String(c).startsWith('::debug::gate ')) { seen = true;
  require('fs').writeFileSync(${JSON.stringify(join(ws, 'loaded.txt'))}, process.moduleLoadList.join('\\n')); } return w(c, ...a); };`,
    );
    writeFileSync(join(ws, 'out'), '');
    writeFileSync(join(ws, 'summary'), '');
    const env = cleanEnv({ GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: ws, GITHUB_OUTPUT: join(ws, 'out'), GITHUB_STEP_SUMMARY: join(ws, 'summary') });
    Object.assign(env, { 'INPUT_WORKING-DIRECTORY': 'app', 'INPUT_FAIL-ON': 'never', INPUT_UPLOAD: 'never' });
    const r = node(['-r', probe, join(DIST, 'index.js')], { cwd: ws, env });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^::debug::gate rules started \d+ ms after the action's process started$/m);
    const loaded = readFileSync(join(ws, 'loaded.txt'), 'utf8').split('\n');
    expect(loaded).toContain('NativeModule child_process'); // the probe saw the gate's start, with the engine loaded
    for (const m of ['http', 'https', 'tls', 'zlib']) expect(loaded, `node:${m} before the first gate`).not.toContain(`NativeModule ${m}`);
    // and after the gates, the GitHub code ran: the outputs are set
    expect(readFileSync(join(ws, 'out'), 'utf8')).toContain('result<<');
  });

  it('a bad fail-on input: one clear error line, result error, exit 1', () => {
    const ws = workspace('ws-bad');
    const { r, outputs } = action({ 'working-directory': 'app', 'fail-on': 'sometimes' }, ws);
    expect(r.status).toBe(1);
    expect(outputs.result).toBe('error');
    const errors = r.stdout.split('\n').filter((l) => l.startsWith('::error'));
    expect(errors, r.stdout).toHaveLength(1);
    expect(errors[0]).toMatch(/^::error::django-launch-gate: .*sometimes.* — .+$/);
    expect(r.stdout + r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(ws, 'django-launch-gate.sarif'))).toBe(false);
  });
});
