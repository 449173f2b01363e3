#!/usr/bin/env node
// `npm run bench [-- --rounds N] [-- --cli PATH]`: the project's benchmarks, one after another —
//  1. parse.mjs: parsing speed, native tree-sitter vs web-tree-sitter;
//  2. gates.mjs: the runtime gates' wall time against the slowest gate (test/fixtures/hardened);
//  3. scan.mjs: the rules gate beside ruff (wasm) and bandit on the real corpus, in-process ruff;
//  4. speed.mjs: issue 10's table — the rules gate, ruff (wasm, DJ + S) and bandit as whole processes, wall time
//     and peak RSS, on the Debian corpus, the generated 1 M-line monolith and the largest real-world project
//     (`--realworld DIR`, default /work/realworld), ratios and targets; `--only speed` runs it alone.
// 2, 3 and 4 run a bundle of the current sources built once into a temp folder (or the CLI named by --cli).
// A benchmark that cannot run says why; the others still run, and the exit status is 1.
import { main as parseBench } from './parse.mjs';
import { main as gatesBench } from './gates.mjs';
import { main as scanBench } from './scan.mjs';
import { main as speedBench } from './speed.mjs';

const argv = process.argv.slice(2);
for (const [name, bench] of [
  ['parse', parseBench],
  ['gates', gatesBench],
  ['scan', scanBench],
  ['speed', speedBench],
]) {
  const only = argv.indexOf('--only') >= 0 ? argv[argv.indexOf('--only') + 1] : undefined;
  if (only && !only.split(',').includes(name)) continue;
  try {
    await bench(argv);
  } catch (e) {
    console.error(`bench/${name}: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  }
}
