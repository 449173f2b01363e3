#!/usr/bin/env node
// Speed of the `rules` gate beside its peers, in one run, on the real corpus of scripts/corpus.mjs
// (.cache/corpus/<package>: Debian's Django and five Django applications; prepared here when missing):
//  - django-launch-gate: `node cli.js <package folder> --format json --fail-on never` (Django's own source
//    with `--settings django.conf.global_settings`): the process's wall time, and the rules gate's
//    durationMs from the JSON report (in-process: no node start-up, no project discovery);
//  - ruff, its WebAssembly build from npm (@astral-sh/ruff-wasm-nodejs, in this process): `Workspace.check`
//    on the text of every .py file of the package, with the build's default rules (`new Workspace({})`: the
//    playground's selection of some 400 rules) and with the `S` (bandit) rules selected — texts read before
//    timing, one Workspace per configuration made before timing, no process start-up counted;
//  - bandit from Debian: `bandit -r <package folder> -q -f json` (/usr/bin/bandit), the process's wall time.
// Files and lines are each tool's own count where it reports one (ours: Python and deploy files scanned;
// bandit: the files in its metrics), else the .py files of the folder. Best of `--rounds` (default 3).
// `--cli PATH` runs that CLI instead of a bundle of the current sources.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CORPUS_DIR, CORPUS_PACKAGES, prepareCorpus } from '../scripts/corpus.mjs';
import { benchCli, int, pad, ROOT, roundsOf, runCli } from './cli.mjs';
import { countLines, walkPy } from './parse.mjs';

const require = createRequire(import.meta.url);
const BANDIT = '/usr/bin/bandit';
const EXTRA_ARGS = { 'python3-django': ['--settings', 'django.conf.global_settings'] };

function ruffEngines() {
  const ruff = require('@astral-sh/ruff-wasm-nodejs');
  const make = (label, options) => ({ label, workspace: new ruff.Workspace(options, ruff.PositionEncoding.Utf16) });
  // The wasm build's defaults are the playground's wide selection (B, C4, F, I, S, UP, …), not the CLI's E4/E7/E9/F.
  const defaults = ruff.Workspace.defaultSettings().get('lint')?.get('select')?.length ?? '?';
  return {
    version: ruff.Workspace.version(),
    engines: [make(`ruff (wasm), its ${defaults} default rules`, {}), make('ruff (wasm), --select S', { lint: { select: ['S'] } })],
  };
}

function timeRuff(workspace, texts) {
  let diagnostics = 0;
  const start = process.hrtime.bigint();
  for (const t of texts) diagnostics += workspace.check(t).length;
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, diagnostics };
}

function bandit(dir) {
  return new Promise((done, fail) => {
    const started = process.hrtime.bigint();
    const child = spawn(BANDIT, ['-r', dir, '-q', '-f', 'json'], { stdio: ['ignore', 'pipe', 'ignore'] });
    const out = [];
    child.stdout.on('data', (b) => out.push(b));
    child.on('error', fail);
    child.on('close', (code) => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      // exit 1: issues found
      if (code !== 0 && code !== 1) return fail(new Error(`bandit exited ${code} on ${dir}`));
      const r = JSON.parse(Buffer.concat(out).toString('utf8'));
      done({ ms, files: Object.keys(r.metrics).filter((k) => k !== '_totals').length, loc: r.metrics._totals.loc, findings: r.results.length });
    });
  });
}

async function ours(cli, pkg, dir) {
  const r = await runCli(cli, [dir, '--format', 'json', '--fail-on', 'never', ...(EXTRA_ARGS[pkg] ?? [])]);
  // A folder with no Django project (postorius: an app without settings) is refused before any scan.
  if (r.code === 2 && /no Django project found/.test(r.stderr)) return { ms: r.ms, gateMs: 0, files: 0, findings: 0, none: 'no project: not scanned' };
  if (r.code !== 0) throw new Error(`django-launch-gate exited ${r.code} on ${pkg}:\n${r.stderr.slice(-1500)}`);
  const report = JSON.parse(r.stdout);
  const gate = report.gates.find((g) => g.gate === 'rules');
  const files = Number(/over (\d+) files/.exec(gate.detail)?.[1] ?? NaN);
  return { ms: r.ms, gateMs: gate.durationMs, files, findings: report.findings.length };
}

export async function main(argv = process.argv.slice(2)) {
  const rounds = roundsOf(argv);
  const { cli, from } = benchCli(argv);
  if (CORPUS_PACKAGES.some((p) => !existsSync(join(CORPUS_DIR, p)))) prepareCorpus();
  const haveBandit = existsSync(BANDIT);
  const banditVersion = haveBandit ? /bandit (\S+)/.exec(execFileSync(BANDIT, ['--version'], { encoding: 'utf8' }))?.[1] : undefined;
  const { version: ruffVersion, engines } = ruffEngines();
  const ourVersion = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;

  const packages = CORPUS_PACKAGES.map((pkg) => {
    const dir = join(CORPUS_DIR, pkg);
    const texts = walkPy(dir).sort().map((f) => readFileSync(f, 'utf8'));
    return { pkg, dir, texts, files: texts.length, lines: texts.reduce((a, t) => a + countLines(t), 0), best: {} };
  });
  const keep = (p, key, r) => {
    if (!p.best[key] || r.ms < p.best[key].ms) p.best[key] = r;
  };
  for (const e of engines) e.workspace.check(packages[0].texts[0] ?? 'x = 1\n'); // warm-up
  for (let round = 0; round < rounds; round++) {
    for (const p of packages) {
      keep(p, 'ours', await ours(cli, p.pkg, p.dir));
      for (const e of engines) keep(p, e.label, timeRuff(e.workspace, p.texts));
      if (haveBandit) keep(p, 'bandit', await bandit(p.dir));
    }
  }
  for (const e of engines) e.workspace.free();

  const tools = [
    { ours: true, label: `django-launch-gate ${ourVersion} (process)`, files: (p) => p.best.ours.files, ms: (p) => p.best.ours.ms },
    { ours: true, label: `  its rules gate (durationMs)`, files: (p) => p.best.ours.files, ms: (p) => p.best.ours.gateMs },
    ...engines.map((e) => ({ label: `${e.label} ${ruffVersion}`, files: (p) => p.files, ms: (p) => p.best[e.label].ms })),
    ...(haveBandit ? [{ label: `bandit ${banditVersion} -r (process)`, files: (p) => p.best.bandit.files, ms: (p) => p.best.bandit.ms }] : []),
  ];

  console.log(`\nscan speed on the corpus (.cache/corpus), best of ${rounds} round${rounds === 1 ? '' : 's'}, ${cpus().length} cores, node ${process.versions.node}`);
  console.log(`CLI: ${from}${haveBandit ? '' : `; ${BANDIT} not installed (apt-get install bandit): bandit left out`}`);
  const header = ['package', '.py files', 'lines', ...tools.map((t) => t.label.trim())];
  const rows = packages.map((p) => [p.pkg, int(p.files), int(p.lines), ...tools.map((t) => (t.ours && p.best.ours.none ? p.best.ours.none : `${int(t.ms(p))} ms`))]);
  // Totals over the packages every tool scanned.
  const scanned = packages.filter((p) => !p.best.ours.none);
  const total = (f) => scanned.reduce((a, p) => a + f(p), 0);
  rows.push([scanned.length === packages.length ? 'total' : `total (${scanned.length} scanned by all)`, int(total((p) => p.files)), int(total((p) => p.lines)), ...tools.map((t) => `${int(total(t.ms))} ms`)]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? pad(c, widths[i]) : pad(c, widths[i], true))).join('  ');
  console.log('');
  console.log(line(header));
  for (const r of rows) console.log(line(r));
  console.log(`\nfiles each tool read in those packages (ours: Python and deploy files; bandit: files in its metrics):`);
  for (const t of tools) if (!t.label.startsWith(' ')) console.log(`  ${pad(t.label, 44)} ${pad(int(total(t.files)), 6, true)} files`);
  const lines = total((p) => p.lines);
  console.log(`\nthroughput over those ${int(lines)} lines of Python:`);
  for (const t of tools) console.log(`  ${pad(t.label.trim(), 44)} ${pad(int((lines / total(t.ms)) * 1000), 9, true)} lines/s`);
}

if (process.argv[1] && pathToFileURL(realpathSync(process.argv[1])).href === import.meta.url) {
  try {
    await main();
  } catch (e) {
    console.error(`bench/scan: ${e.message}`);
    process.exitCode = 1;
  }
}
