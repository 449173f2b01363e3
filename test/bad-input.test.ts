/**
 * Bad input: one clear line naming the input and what to do, exit 2, never a stack trace; unreadable files
 * become a note-level finding and the scan goes on.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from './support/tmp';
import { cli } from '../src/cli';

async function runCli(argv: string[], cwd = process.cwd()): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await cli(argv, {
    stdout: { write: (t: string) => (out += t) },
    stderr: { write: (t: string) => (err += t) },
    cwd,
    env: {},
  });
  return { code, out, err };
}

function project(files: Record<string, string | Buffer>): string {
  const dir = tempDir('dlg-bad-');
  const all: Record<string, string | Buffer> = {
    'manage.py': 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "app.settings")\n',
    'app/__init__.py': '',
    'app/settings.py': 'DEBUG = False\nALLOWED_HOSTS = ["example.com"]\n',
    ...files,
  };
  for (const [rel, text] of Object.entries(all)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  return dir;
}

function oneCleanLine(err: string): void {
  const lines = err.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^django-launch-gate: .+ — .+/);
  expect(err).not.toMatch(/\n\s+at .+:\d+:\d+/); // no stack frames
}

describe('usage errors exit 2 with one line', () => {
  it('a path without a Django project', async () => {
    const dir = tempDir('dlg-empty-');
    writeFileSync(join(dir, 'hello.py'), 'print("hi")\n');
    const r = await runCli([dir]);
    expect(r.code).toBe(2);
    oneCleanLine(r.err);
    expect(r.err).toContain('no Django project found');
  });

  it('a path that does not exist', async () => {
    const r = await runCli(['/definitely/not/here']);
    expect(r.code).toBe(2);
    oneCleanLine(r.err);
    expect(r.err).toContain('/definitely/not/here');
  });

  it('an unresolvable settings module', async () => {
    const r = await runCli([project({}), '--settings', 'nope.settings.prod']);
    expect(r.code).toBe(2);
    oneCleanLine(r.err);
    expect(r.err).toContain('nope.settings.prod');
  });

  it('an unknown fail-on value', async () => {
    const r = await runCli([project({}), '--fail-on', 'sometimes']);
    expect(r.code).toBe(2);
    oneCleanLine(r.err);
    expect(r.err).toContain('sometimes');
  });

  it('an unknown gate name, and a gate that is not available yet', async () => {
    const a = await runCli([project({}), '--gates', 'rules,lint']);
    expect(a.code).toBe(2);
    oneCleanLine(a.err);
    expect(a.err).toContain('"lint"');
    const b = await runCli([project({}), '--gates', 'migrations']);
    expect(b.code).toBe(2);
    oneCleanLine(b.err);
    expect(b.err).toContain('migrations');
  });

  it('a negative number says the value is wrong, not that it is missing', async () => {
    for (const value of ['-5', '-0.5']) {
      const r = await runCli([project({}), '--timeout-minutes', value]);
      expect(r.code).toBe(2);
      oneCleanLine(r.err);
      expect(r.err).toContain(`--timeout-minutes: "${value}" is not a positive number of minutes — e.g. 20`);
      expect(r.err).not.toContain('needs a value');
    }
    // an option that really has no value still says so
    const missing = await runCli([project({}), '--timeout-minutes']);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('--timeout-minutes needs a value');
    // a negative number is only ever joined to an option that takes a value
    const flag = await runCli([project({}), '--parallel', '-5']);
    expect(flag.code).toBe(2);
    oneCleanLine(flag.err);
    expect(flag.err).toContain('unknown option -5');
  });

  it('an invalid config file', async () => {
    const dir = project({ '.django-launch-gate.toml': 'gates = [rules\n' });
    const r = await runCli([dir]);
    expect(r.code).toBe(2);
    oneCleanLine(r.err);
    expect(r.err).toContain('.django-launch-gate.toml');
  });
});

describe('unreadable files: a note, and the scan continues', () => {
  it('syntax errors, non-UTF-8, binary and 10 MB files are notes; findings elsewhere still reported', async () => {
    const dir = project({
      'app/settings.py': 'DEBUG = True\nALLOWED_HOSTS = ["example.com"]\n',
      'app/broken.py': 'def f(:\n    pass\n',
      'app/latin1.py': Buffer.from('x = "caf\xe9"\n', 'latin1'),
      'app/blob.py': Buffer.from([0x00, 0x01, 0x02, 0x03]),
      'app/generated.py': 'X = 1\n'.repeat(1_800_000),
    });
    const r = await runCli([dir, '--format', 'json']);
    expect(r.err).toBe('');
    expect(r.code).toBe(1); // DEBUG = True is an error: findings are not a tool failure
    const report = JSON.parse(r.out);
    const notes = report.findings.filter((f: { ruleId: string }) => f.ruleId === 'launch.I001');
    const files = notes.map((f: { location: { file: string } }) => f.location.file).sort();
    expect(files).toEqual(['app/blob.py', 'app/broken.py', 'app/generated.py', 'app/latin1.py']);
    expect(notes.every((f: { level: string }) => f.level === 'note')).toBe(true);
    expect(report.findings.some((f: { ruleId: string }) => f.ruleId === 'launch.E010')).toBe(true);
  });

  it('a symlink loop does not hang or crash the walk', async () => {
    const dir = project({ 'app/settings.py': 'DEBUG = True\n' });
    symlinkSync(dir, join(dir, 'app', 'loop'));
    symlinkSync(join(dir, 'app', 'missing-target'), join(dir, 'app', 'dangling.py'));
    const r = await runCli([dir, '--format', 'json']);
    expect(r.err).toBe('');
    expect([0, 1]).toContain(r.code);
    const report = JSON.parse(r.out);
    expect(report.findings.filter((f: { ruleId: string }) => f.ruleId === 'launch.E010')).toHaveLength(1);
  });
});

const ROOT = join(__dirname, '..');

describe('a reader that closes the pipe early', () => {
  it('`--format sarif | head -c 1`: the output ends quietly — no EPIPE stack trace, the exit code is the verdict', () => {
    const tmp = tempDir('dlg-epipe-');
    // The CLI from the sources (src/index.ts through TypeScript's transpiler, as npm run realworld --from-source
    // runs it) writing ~200 KB into a real pipe whose reader stops after the first byte, as `| head -1` does;
    // bash reports the CLI's own exit status, then its stderr.
    const script = 'node --import "$HOOKS" "$ENTRY" example --format sarif 2>"$ERR" | head -c 1; echo " ${PIPESTATUS[0]}"; cat "$ERR"';
    const r = spawnSync('bash', ['-c', script], {
      cwd: ROOT,
      encoding: 'utf8',
      env: {
        PATH: process.env.PATH ?? '',
        HOME: tmp,
        DJANGO_LAUNCH_GATE_MODE: 'cli',
        HOOKS: join(ROOT, 'scripts', 'realworld-ts-hooks.mjs'),
        ENTRY: join(ROOT, 'src', 'index.ts'),
        ERR: join(tmp, 'stderr.txt'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 120_000,
    });
    // '{' from head, the CLI's exit status 1 (example/ has errors: the verdict, not a crash), no stderr at all
    expect(r.stdout).toBe('{ 1\n');
    expect(r.stderr).toBe('');
  }, 120_000);
});
