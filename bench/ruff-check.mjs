#!/usr/bin/env node
// ruff's WebAssembly build (npm @astral-sh/ruff-wasm-nodejs) as a whole process, for the speed benchmark:
//   node bench/ruff-check.mjs ROOT LIST
// LIST: a file of paths relative to ROOT, one a line (the Python files the rules gate reads there). Loads the
// wasm module, makes one Workspace with the DJ (flake8-django) and S (flake8-bandit) rules selected, reads
// each file and checks it; prints one JSON line: {"version", "files", "diagnostics", "errors"}. A file that is
// not UTF-8 is checked as ruff would read it (replacement characters); a check that throws counts in errors.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const [root, list] = process.argv.slice(2);
if (!root || !list) {
  console.error('usage: node bench/ruff-check.mjs ROOT LIST');
  process.exit(2);
}
const ruff = require('@astral-sh/ruff-wasm-nodejs');
const workspace = new ruff.Workspace({ lint: { select: ['DJ', 'S'] } }, ruff.PositionEncoding.Utf16);
let files = 0;
let diagnostics = 0;
let errors = 0;
for (const rel of readFileSync(list, 'utf8').split('\n')) {
  if (!rel) continue;
  files++;
  try {
    diagnostics += workspace.check(readFileSync(join(root, rel), 'utf8')).length;
  } catch {
    errors++;
  }
}
workspace.free();
console.log(JSON.stringify({ version: ruff.Workspace.version(), files, diagnostics, errors }));
