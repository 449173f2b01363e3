// The CLI the benchmarks run: `--cli PATH` (e.g. `--cli dist/cli.js`, the committed bundle), else a bundle
// of the current sources, built once per process by scripts/bundle.mjs into a temp folder that is removed
// when the process exits (dist/ is never written).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

let built;

/** Path of the cli.js to run, and where it came from (for the printed header). */
export function benchCli(argv = []) {
  const at = argv.indexOf('--cli');
  if (at >= 0) {
    const cli = resolve(argv[at + 1] ?? '');
    if (!argv[at + 1] || !existsSync(cli)) throw new Error(`--cli ${argv[at + 1] ?? ''}: no such file`);
    return { cli, from: cli };
  }
  if (built) return built;
  const dir = mkdtempSync(join(tmpdir(), 'dlg-bench-'));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  const out = join(dir, 'bundle');
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'bundle.mjs'), '--out', out], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`building a bundle of the sources failed:\n${r.stderr || r.stdout}`);
  built = { cli: join(out, 'cli.js'), from: 'a bundle of the current sources (scripts/bundle.mjs --out <temp>)' };
  return built;
}

/** Runs `node cli args…`; resolves with exit code, stdout, stderr and the wall time in ms. */
export function runCli(cli, args, { cwd = ROOT, env = process.env } = {}) {
  return new Promise((done, fail) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, [cli, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [];
    const err = [];
    child.stdout.on('data', (b) => out.push(b));
    child.stderr.on('data', (b) => err.push(b));
    child.on('error', fail);
    child.on('close', (code) =>
      done({
        code,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        ms: Number(process.hrtime.bigint() - started) / 1e6,
      }),
    );
  });
}

/** `--rounds N` (default `fallback`). */
export function roundsOf(argv, fallback = 3) {
  const at = argv.indexOf('--rounds');
  return at >= 0 ? Math.max(1, Number(argv[at + 1]) || 1) : fallback;
}

export function pad(s, n, right = false) {
  s = String(s);
  return right ? s.padStart(n) : s.padEnd(n);
}

export function int(n) {
  return Math.round(n).toLocaleString('en-US');
}

/** mulberry32: a seeded generator, so generated benchmark inputs are the same on every machine and run. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
