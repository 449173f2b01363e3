#!/usr/bin/env node
// Issue 10's benchmark: the rules gate beside ruff's WebAssembly build and bandit, whole processes, on three
// corpora, with wall time and peak memory:
//   node bench/speed.mjs [--rounds N] [--bandit-rounds N] [--realworld DIR] [--cli PATH] [--corpora debian,monolith,realworld]
// (also the last part of `npm run bench`).
//
// Corpora:
//  - debian: the packages of scripts/corpus.mjs (.cache/corpus) that hold a Django project (postorius has
//    none), each package one run of each tool; the corpus's time is the sum of the packages' medians, its peak
//    RSS the largest;
//  - monolith: the generated 1 M-line Django-shaped tree of bench/monolith.mjs (cached under .cache/bench/);
//  - realworld: the largest (most lines of Python) project in --realworld DIR (default /work/realworld,
//    fetched checkouts kept outside the repository: nothing of them is copied here); "not available" when absent.
// Tools, each a process started by this script and timed from spawn to exit:
//  - ours: `node cli.js ROOT --gates rules --format json --fail-on never` (a bundle of the current sources built
//    into a temp folder, or --cli PATH);
//  - ruff: bench/ruff-check.mjs — ruff's WebAssembly build (npm @astral-sh/ruff-wasm-nodejs), DJ + S rules, over
//    the same .py files (the list below), module load included;
//  - the floor: bench/parse-floor.mjs — tree-sitter's native parse of the same files on one thread, no rule;
//    what any tree-sitter design spends before its rules look at a node (the summary sets it beside the 5×
//    target's budget);
//  - bandit: /usr/bin/bandit (Debian; `apt-get install bandit`, else the row says so) over the same .py files.
// "The same files": the .py files under ROOT outside the folders the scan never enters (the EXCLUDED_DIRS
// list of src/project/workspace.ts, copied below, and *.egg-info), which is what the rules gate reads too.
// Wall: median of --rounds runs (default 3) after one warm-up run; bandit, which takes a minute on a 1 M-line
// tree, runs --bandit-rounds times (default 1) with no warm-up. Peak RSS: GNU time's maximum resident set
// size of the child (/usr/bin/time -f %M), the largest over the runs.
// Start-up, last: `node cli.js --version`, and the bundle run as the GitHub Action on example/ (rules gate, no
// upload) until its rules gate starts, read from the action's own debug line; each the median of 10 after a
// warm-up. `--corpora none` measures start-up alone.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CORPUS_DIR, CORPUS_PACKAGES, prepareCorpus } from '../scripts/corpus.mjs';
import { benchCli, int, pad, ROOT, roundsOf } from './cli.mjs';
import { defaultMonolithDir, generateMonolith } from './monolith.mjs';

const BANDIT = '/usr/bin/bandit';
const GNU_TIME = '/usr/bin/time';
const RUFF_CHECK = join(ROOT, 'bench', 'ruff-check.mjs');
const PARSE_FLOOR = join(ROOT, 'bench', 'parse-floor.mjs');
const EXTRA_ARGS = { 'python3-django': ['--settings', 'django.conf.global_settings'] };
/** src/project/workspace.ts EXCLUDED_DIRS (keep in step). */
const EXCLUDED_DIRS = new Set([
  '.git', '.hg', '.svn', 'node_modules', '__pycache__', '.venv', 'venv', 'env', '.env', 'virtualenv', '.virtualenv',
  '.tox', '.nox', '.mypy_cache', '.pytest_cache', '.ruff_cache', 'site-packages', 'dist-packages', 'vendor',
  'vendored', '_vendor', 'third_party', 'bower_components', '.idea', '.vscode', 'htmlcov', 'build', 'dist',
  '.eggs', 'staticfiles', '.cache',
]);

function pyFiles(root, dir = root, out = []) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      if (EXCLUDED_DIRS.has(e.name) || e.name.endsWith('.egg-info') || existsSync(join(p, 'pyvenv.cfg'))) continue;
      pyFiles(root, p, out);
    } else if (e.isFile() && e.name.endsWith('.py')) out.push(relative(root, p));
  }
  return out.sort();
}

function measure(root, files) {
  let lines = 0;
  let bytes = 0;
  for (const f of files) {
    const buf = readFileSync(join(root, f));
    bytes += buf.length;
    let n = 0;
    for (let i = buf.indexOf(10); i !== -1; i = buf.indexOf(10, i + 1)) n++;
    if (buf.length && buf[buf.length - 1] !== 10) n++;
    lines += n;
  }
  return { lines, bytes };
}

/** Runs a command under GNU time; resolves with wall ms, peak RSS (KiB), exit code, stdout. */
function timed(cmd, args, { cwd, tmp, env = process.env }) {
  const out = join(tmp, `time-${process.hrtime.bigint()}.txt`);
  return new Promise((done, fail) => {
    const started = process.hrtime.bigint();
    const child = spawn(GNU_TIME, ['-f', '%M', '-o', out, cmd, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout = [];
    const stderr = [];
    child.stdout.on('data', (b) => stdout.push(b));
    child.stderr.on('data', (b) => stderr.push(b));
    child.on('error', fail);
    child.on('close', (code) => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const text = existsSync(out) ? readFileSync(out, 'utf8') : '';
      rmSync(out, { force: true });
      const kb = Number(/(\d+)\s*$/.exec(text.trim())?.[1] ?? NaN);
      done({ ms, kb, code, stdout: Buffer.concat(stdout).toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8') });
    });
  });
}

/** Runs the bundle as the action on example/ and returns when its rules gate started (ms since its process started). */
async function actionFirstGate(index, tmp) {
  const ws = mkdtempSync(join(tmp, 'action-'));
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: join(ROOT, 'example'), GITHUB_OUTPUT: join(ws, 'output'), GITHUB_STEP_SUMMARY: join(ws, 'summary') };
  writeFileSync(env.GITHUB_OUTPUT, '');
  writeFileSync(env.GITHUB_STEP_SUMMARY, '');
  // the SARIF goes to the temp folder, not into example/
  Object.assign(env, { INPUT_GATES: 'rules', INPUT_UPLOAD: 'never', 'INPUT_FAIL-ON': 'never', 'INPUT_WORKING-DIRECTORY': '.', 'INPUT_SARIF-FILE': join(ws, 'gate.sarif') });
  const r = await timed(process.execPath, [index], { cwd: join(ROOT, 'example'), tmp, env });
  const ms = Number(/::debug::gate rules started (\d+) ms/.exec(r.stdout)?.[1]);
  if (!Number.isFinite(ms)) throw new Error(`the action printed no gate start (exit ${r.code}):\n${(r.stdout + r.stderr).slice(-1500)}`);
  return ms;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** One tool on one root: runs it, checks it worked, returns { ms, kb, note }. */
const TOOLS = {
  async ours({ cli, root, extra, tmp }) {
    const r = await timed(process.execPath, [cli, root, '--gates', 'rules', '--format', 'json', '--fail-on', 'never', ...extra], { cwd: ROOT, tmp });
    if (r.code !== 0) throw new Error(`django-launch-gate exited ${r.code} on ${root}:\n${r.stderr.slice(-1500)}`);
    const report = JSON.parse(r.stdout);
    const gate = report.gates.find((g) => g.gate === 'rules');
    if (gate.status === 'error') throw new Error(`the rules gate errored on ${root}: ${gate.detail}`);
    return { ms: r.ms, kb: r.kb, findings: report.findings.length, gateMs: gate.durationMs };
  },
  async ruff({ root, list, tmp }) {
    const r = await timed(process.execPath, [RUFF_CHECK, root, list], { cwd: ROOT, tmp });
    if (r.code !== 0) throw new Error(`ruff-check exited ${r.code} on ${root}:\n${r.stderr.slice(-1500)}`);
    const o = JSON.parse(r.stdout.trim().split('\n').pop());
    return { ms: r.ms, kb: r.kb, findings: o.diagnostics, version: o.version };
  },
  async floor({ root, list, tmp }) {
    const r = await timed(process.execPath, [PARSE_FLOOR, root, list], { cwd: ROOT, tmp });
    if (r.code !== 0) throw new Error(`parse-floor exited ${r.code} on ${root}:\n${r.stderr.slice(-1500)}`);
    const o = JSON.parse(r.stdout.trim().split('\n').pop());
    return { ms: r.ms, kb: r.kb, findings: o.errors };
  },
  async bandit({ root, files, tmp }) {
    // bandit exits 1 when it finds issues; the file list is passed as arguments (relative, from ROOT).
    const r = await timed(BANDIT, ['-q', '-f', 'json', ...files], { cwd: root, tmp });
    if (r.code !== 0 && r.code !== 1) throw new Error(`bandit exited ${r.code} on ${root}:\n${r.stderr.slice(-1500)}`);
    const o = JSON.parse(r.stdout);
    return { ms: r.ms, kb: r.kb, findings: o.results.length };
  },
};

async function runTool(name, job, { rounds, warmup }) {
  if (warmup) await TOOLS[name](job);
  const runs = [];
  for (let i = 0; i < rounds; i++) runs.push(await TOOLS[name](job));
  return { ms: median(runs.map((r) => r.ms)), kb: Math.max(...runs.map((r) => r.kb)), findings: runs[0].findings, version: runs[0].version, gateMs: median(runs.map((r) => r.gateMs ?? 0)) };
}

function largestProject(dir) {
  if (!dir || !existsSync(dir)) return undefined;
  let best;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (!e.isDirectory()) continue;
    const root = join(dir, e.name);
    const files = pyFiles(root);
    const { lines } = measure(root, files);
    if (!best || lines > best.lines) best = { name: e.name, root, lines };
  }
  return best;
}

function option(argv, name) {
  const at = argv.indexOf(name);
  return at >= 0 ? argv[at + 1] : undefined;
}

export async function main(argv = process.argv.slice(2)) {
  const rounds = roundsOf(argv);
  const banditRounds = Math.max(1, Number(option(argv, '--bandit-rounds') ?? 1) || 1);
  const only = option(argv, '--corpora')?.split(',');
  if (!existsSync(GNU_TIME)) throw new Error(`${GNU_TIME} (GNU time) is needed for peak RSS: apt-get install time`);
  const { cli, from } = benchCli(argv);
  const haveBandit = existsSync(BANDIT);
  const banditVersion = haveBandit ? /bandit (\S+)/.exec(execFileSync(BANDIT, ['--version'], { encoding: 'utf8' }))?.[1] : undefined;
  const ourVersion = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;
  const tmp = mkdtempSync(join(tmpdir(), 'dlg-speed-'));
  process.on('exit', () => rmSync(tmp, { recursive: true, force: true }));

  const corpora = [];
  if (!only || only.includes('debian')) {
    if (CORPUS_PACKAGES.some((p) => !existsSync(join(CORPUS_DIR, p)))) prepareCorpus();
    // postorius is an app without a project: the CLI refuses it before any scan, so it is left out for all.
    const parts = CORPUS_PACKAGES.filter((p) => p !== 'python3-django-postorius').map((p) => ({ root: join(CORPUS_DIR, p), extra: EXTRA_ARGS[p] ?? [] }));
    corpora.push({ name: 'debian', label: `Debian corpus (.cache/corpus, ${parts.length} packages)`, parts });
  }
  if (!only || only.includes('monolith')) {
    const m = generateMonolith(defaultMonolithDir());
    corpora.push({ name: 'monolith', label: `generated monolith (bench/monolith.mjs, ${m.apps} apps)`, parts: [{ root: m.dir, extra: [] }] });
  }
  if (!only || only.includes('realworld')) {
    const dir = option(argv, '--realworld') ?? '/work/realworld';
    const best = largestProject(dir);
    corpora.push(best ? { name: 'realworld', label: `largest real-world project: ${best.name} (${dir})`, parts: [{ root: best.root, extra: [] }] } : { name: 'realworld', label: `real-world projects (${dir})`, missing: `not available (${dir} holds no project; pass --realworld DIR)` });
  }

  console.log(`\nspeed (issue 10): rules gate vs ruff (wasm) vs bandit — ${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), node ${process.versions.node}`);
  console.log(`CLI: ${from}`);
  console.log(`wall: median of ${rounds} run${rounds === 1 ? '' : 's'} after a warm-up (bandit: ${banditRounds} run${banditRounds === 1 ? '' : 's'}, no warm-up); peak RSS: /usr/bin/time %M, largest run`);
  const summary = [];
  for (const c of corpora) {
    console.log(`\n${c.label}`);
    if (c.missing) {
      console.log(`  ${c.missing}`);
      continue;
    }
    const totals = { files: 0, lines: 0, bytes: 0 };
    const acc = {};
    for (const part of c.parts) {
      const files = pyFiles(part.root);
      const list = join(tmp, 'files.txt');
      writeFileSync(list, files.join('\n') + '\n');
      const m = measure(part.root, files);
      totals.files += files.length;
      totals.lines += m.lines;
      totals.bytes += m.bytes;
      const job = { cli, root: part.root, extra: part.extra, list, files, tmp };
      const add = (name, r) => {
        const a = (acc[name] ??= { ms: 0, kb: 0, findings: 0, gateMs: 0 });
        a.ms += r.ms;
        a.gateMs += r.gateMs ?? 0;
        a.kb = Math.max(a.kb, r.kb);
        a.findings += r.findings;
        if (r.version) a.version = r.version;
      };
      add('ours', await runTool('ours', job, { rounds, warmup: true }));
      add('ruff', await runTool('ruff', job, { rounds, warmup: true }));
      add('floor', await runTool('floor', job, { rounds, warmup: true }));
      if (haveBandit) add('bandit', await runTool('bandit', job, { rounds: banditRounds, warmup: false }));
    }
    const rows = [
      [`django-launch-gate ${ourVersion} --gates rules`, acc.ours, `${int(acc.ours.findings)} findings; gate ${(acc.ours.gateMs / 1000).toFixed(2)} s`],
      [`ruff ${acc.ruff.version} wasm, DJ + S`, acc.ruff, `${int(acc.ruff.findings)} diagnostics`],
      ['tree-sitter parse alone, 1 thread (the floor)', acc.floor, `${int(acc.floor.findings)} files with a syntax error; no rule`],
      haveBandit ? [`bandit ${banditVersion}`, acc.bandit, `${int(acc.bandit.findings)} issues`] : [`bandit`, undefined, `not installed (apt-get install bandit)`],
    ];
    console.log(`  ${int(totals.files)} .py files, ${int(totals.lines)} lines, ${(totals.bytes / 1048576).toFixed(1)} MB`);
    const header = ['tool', 'wall s', 'lines/s', 'peak RSS MB', 'wall ÷ ours', ''];
    const table = rows.map(([label, r, note]) =>
      r ? [label, (r.ms / 1000).toFixed(2), int(totals.lines / (r.ms / 1000)), int(r.kb / 1024), `${(r.ms / acc.ours.ms).toFixed(1)}×`, note] : [label, '—', '—', '—', '—', note],
    );
    const widths = header.map((h, i) => Math.max(h.length, ...table.map((r) => r[i].length)));
    const line = (cells) => `  ${cells.map((x, i) => (i === 0 || i === cells.length - 1 ? pad(x, widths[i]) : pad(x, widths[i], true))).join('  ')}`.trimEnd();
    console.log(line(header));
    for (const r of table) console.log(line(r));
    const mb = acc.ours.kb / 1024;
    const vsRuff = acc.ruff.ms / acc.ours.ms;
    const vsBandit = acc.bandit ? acc.bandit.ms / acc.ours.ms : undefined;
    // ratio: the other tool's wall time ÷ ours (> 1: we are faster)
    const versus = (ratio, tool, target) => `${ratio >= 1 ? `${ratio.toFixed(1)}× faster than ${tool}` : `${(1 / ratio).toFixed(1)}× slower than ${tool}`} (target ≥ ${target}× faster: ${ratio >= target ? 'met' : 'NOT met'})`;
    summary.push(`${c.name}: ${versus(vsRuff, 'ruff', 5)}, ${vsBandit === undefined ? 'bandit not run' : versus(vsBandit, 'bandit', 30)}, peak RSS ${int(mb)} MB (target < 256: ${mb < 256 ? 'met' : 'NOT met'})`);
    // What the targets leave beside what the parser alone takes: a budget under the floor cannot be met by any
    // design that parses these files with tree-sitter on this machine's cores, one file per core at best.
    const floorAll = acc.floor.ms / cpus().length;
    const budgets = [[acc.ruff.ms / 5, 'the 5× ruff target'], ...(acc.bandit ? [[acc.bandit.ms / 30, 'the 30× bandit target']] : [])];
    summary.push(`${c.name}: tree-sitter's parse of these files alone takes ${(acc.floor.ms / 1000).toFixed(2)} s on one thread, ${(floorAll / 1000).toFixed(2)} s spread over all ${cpus().length} cores at best; ${budgets.map(([b, what]) => `${what} leaves ${(b / 1000).toFixed(2)} s (${b >= floorAll ? 'above' : 'below'} that floor)`).join(', ')}`);
  }
  // Start-up: `node cli.js --version`, median of 10 after a warm-up.
  const starts = [];
  for (let i = 0; i < 11; i++) starts.push((await timed(process.execPath, [cli, '--version'], { cwd: ROOT, tmp })).ms);
  const startMs = median(starts.slice(1));
  summary.push(`start-up: node cli.js --version ${int(startMs)} ms, median of 10 (target < 300: ${startMs < 300 ? 'met' : 'NOT met'})`);
  // The action's time to its first gate: the bundle as a GitHub Action on the example app (rules gate, no
  // upload), read from its own debug line (src/main.ts: `gate rules started N ms after the action's process
  // started`, performance.now() — node's start-up, reading the inputs and the scan included).
  const firsts = [];
  for (let i = 0; i < 11; i++) firsts.push(await actionFirstGate(join(dirname(cli), 'index.js'), tmp));
  const firstMs = median(firsts.slice(1));
  // Beside both, the floor: Node starting and exiting with nothing to do (`node -e 0`), on this machine.
  const bare = [];
  for (let i = 0; i < 11; i++) bare.push((await timed(process.execPath, ['-e', '0'], { cwd: ROOT, tmp })).ms);
  const bareMs = median(bare.slice(1));
  summary.push(`action: first gate ${int(firstMs)} ms after its process started, median of 10 (example app; target < 300: ${firstMs < 300 ? 'met' : 'NOT met'})`);
  summary.push(`start-up floor: node -e 0 ${int(bareMs)} ms, median of 10 (Node alone, on this machine)`);
  console.log('\ntargets (issue 10; the speed targets are for monolith and realworld):');
  for (const s of summary) console.log(`  ${s}`);
}

if (process.argv[1] && pathToFileURL(realpathSync(process.argv[1])).href === import.meta.url) {
  try {
    await main();
  } catch (e) {
    console.error(`bench/speed: ${e.message}`);
    process.exitCode = 1;
  }
}
