/**
 * The Linux native bindings load on the oldest runners: ubuntu-22.04 and ubuntu-22.04-arm, and Debian bookworm.
 * (a) vendor/: both vendored tree-sitter builds (linux-x64, linux-arm64) are for their machine, match
 *     node_modules/tree-sitter's version, and need no libstdc++ above GLIBCXX_3.4.29 nor glibc above 2.35 —
 *     read from the files' own version strings (no binutils needed).
 * (b) the bundle (DLG_DIST or dist/): the same for all four Linux bindings it ships (tree-sitter and
 *     tree-sitter-python, x64 and arm64).
 * (c) the bundle's CLI on arm64 under qemu-aarch64, with Debian bookworm's arm64 node and libstdc++
 *     (`bash scripts/arm64-node.sh` unpacks them into .cache/arm64-node/): tree-sitter parses the project's
 *     Python with the linux-arm64 bindings, and the rules report on its lines. Skipped, saying why, without
 *     qemu or that folder.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without types
import { compareVersions, GLIBC_MAX, GLIBCXX_MAX, symbolVersions, VENDORED, vendoredProblem } from '../scripts/bundle.mjs';
import { tempDir } from './support/tmp';

interface Finding {
  ruleId: string;
  location: { file: string; line: number };
}

interface Vendored {
  module: string;
  platform: string;
  file: string;
  machine: number;
}

const ROOT = join(__dirname, '..');
const DIST = resolve(ROOT, process.env.DLG_DIST ?? 'dist');
const VENDOR = join(ROOT, 'vendor', 'prebuilds');
const vendored = VENDORED as Vendored[];
const MACHINE: Record<string, number> = { 'linux-x64': 62, 'linux-arm64': 183 };
const LINUX_BINDINGS = ['linux-x64', 'linux-arm64'].flatMap((platform) =>
  ['tree-sitter', 'tree-sitter-python'].map((module) => ({ platform, module, path: `prebuilds/${module}/${platform}/${module}.node` })),
);
const SYSROOT = resolve(ROOT, process.env.DLG_ARM64_SYSROOT ?? '.cache/arm64-node');

function moduleVersion(name: string): string {
  return (JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
}

function which(cmd: string): string | null {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

describe('(a) vendor/: the tree-sitter builds that replace the published linux prebuilds', () => {
  it('vendors linux-x64 and linux-arm64', () => {
    expect(vendored.map((v) => `${v.module} ${v.platform}`).sort()).toEqual(['tree-sitter linux-arm64', 'tree-sitter linux-x64']);
  });

  it.each(vendored)(`$module $platform: this tree-sitter version, its machine, at most GLIBCXX_${GLIBCXX_MAX} and GLIBC_${GLIBC_MAX}`, (v) => {
    const dir = join(VENDOR, v.module, v.platform);
    expect(readFileSync(join(dir, 'VERSION'), 'utf8').trim()).toBe(moduleVersion(v.module));
    expect(v.machine).toBe(MACHINE[v.platform]);
    const file = join(dir, v.file);
    const need = symbolVersions(readFileSync(file)) as { GLIBCXX: string | null; GLIBC: string | null };
    // A C++ binding names libstdc++ versions: none found would mean the reader, not the file, is wrong.
    expect(need.GLIBCXX, 'GLIBCXX versions found').toMatch(/^3\.4\.\d+$/);
    expect(need.GLIBC, 'GLIBC versions found').toMatch(/^2\.\d+$/);
    expect(vendoredProblem(file, v.machine)).toBeNull();
  });

  it('the reader sees what the published prebuilds need (GLIBCXX_3.4.31 where tree-sitter 0.25.1 has it)', () => {
    for (const platform of ['linux-x64', 'linux-arm64']) {
      const file = join(ROOT, 'node_modules', 'tree-sitter', 'prebuilds', platform, 'tree-sitter.node');
      const need = symbolVersions(readFileSync(file)) as { GLIBCXX: string };
      if (moduleVersion('tree-sitter') === '0.25.1') expect(need.GLIBCXX, file).toBe('3.4.31');
      // Were the published one good enough, the vendored build could go: say so.
      expect(vendoredProblem(file, MACHINE[platform]), `${file} needs no more than the limits: drop its vendored build`).toMatch(
        /needs GLIBCXX_/,
      );
    }
  });
});

describe('(b) the bundle ships Linux bindings the oldest runners load', () => {
  it.each(LINUX_BINDINGS)('$path', ({ platform, path }) => {
    const file = join(DIST, path);
    expect(existsSync(file), file).toBe(true);
    expect(vendoredProblem(file, MACHINE[platform]), 'stale dist/? run `npm run bundle`').toBeNull();
  });
});

describe('(c) the bundle on arm64 under qemu (Debian bookworm arm64 node and libstdc++)', () => {
  const qemu = which('qemu-aarch64-static') ?? which('qemu-aarch64');
  const node = join(SYSROOT, 'usr', 'bin', 'node');
  const missing = !qemu
    ? 'no qemu-aarch64-static or qemu-aarch64 (apt-get install qemu-user-static)'
    : !existsSync(node)
      ? `no arm64 node in ${SYSROOT} (bash scripts/arm64-node.sh)`
      : '';
  if (missing) {
    it.skip(`skipped: ${missing}`, () => {});
    return;
  }

  function arm64Node(args: string[], cwd: string) {
    return spawnSync(qemu!, ['-L', SYSROOT, node, ...args], { cwd, encoding: 'utf8', timeout: 120_000, env: { PATH: process.env.PATH, NO_COLOR: '1' } });
  }

  it('the folder is Debian bookworm arm64: libstdc++ no newer than GLIBCXX_3.4.30, node runs as arm64', () => {
    const libstdcxx = readFileSync(join(SYSROOT, 'usr', 'lib', 'aarch64-linux-gnu', 'libstdc++.so.6'));
    expect(compareVersions((symbolVersions(libstdcxx) as { GLIBCXX: string }).GLIBCXX, '3.4.30')).toBeLessThanOrEqual(0);
    const r = arm64Node(['-p', 'process.platform + "-" + process.arch'], ROOT);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.trim()).toBe('linux-arm64');
  });

  it('cli.js scans a Django project: tree-sitter parses its Python with the linux-arm64 bindings', () => {
    const work = tempDir('dlg-arm64-');
    const gate = join(work, 'gate');
    cpSync(DIST, gate, { recursive: true });
    const project = join(work, 'project');
    const files: Record<string, string> = {
      'manage.py': 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "mysite.settings")\n',
      'mysite/__init__.py': '',
      'mysite/settings.py': 'ALLOWED_HOSTS = ["example.com"]\n\n\nDEBUG = True\n',
    };
    for (const [rel, text] of Object.entries(files)) {
      mkdirSync(dirname(join(project, rel)), { recursive: true });
      writeFileSync(join(project, rel), text);
    }
    const r = arm64Node([join(gate, 'cli.js'), '--format', 'json', project], work);
    expect(r.stderr).not.toMatch(/GLIBCXX|GLIBC_|cannot open shared object/);
    expect(r.status, r.stderr).toBe(1);
    const out = JSON.parse(r.stdout) as { findings?: Finding[]; report?: { findings: Finding[] } };
    const findings = out.findings ?? out.report?.findings ?? [];
    // DEBUG = True on line 4: only a parse of the file gives that line.
    expect(findings.map((f) => `${f.ruleId} ${f.location.file}:${f.location.line}`)).toContain('launch.E010 mysite/settings.py:4');
  }, 180_000);
});
