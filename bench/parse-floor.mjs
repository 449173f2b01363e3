#!/usr/bin/env node
// The parser's floor, for the speed benchmark: tree-sitter alone over the same files, as a whole process.
//   node bench/parse-floor.mjs ROOT LIST
// LIST: a file of paths relative to ROOT, one a line (the Python files the rules gate reads there). Parses each
// file once with the native binding and the grammar the gate uses (tree-sitter, tree-sitter-python), on one
// thread, and keeps no tree (a full collection and an event-loop turn every 1 MiB of source, as the gate's
// syntax check does: src/project/memory.ts). No rule runs: this is the time any design built on tree-sitter
// spends before it looks at a single node, the floor under the rules gate's wall time. Prints one JSON line:
// {"files", "bytes", "errors"} (errors: files whose tree has a syntax error).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

const require = createRequire(import.meta.url);
const [root, list] = process.argv.slice(2);
if (!root || !list) {
  console.error('usage: node bench/parse-floor.mjs ROOT LIST');
  process.exit(2);
}
const Parser = require('tree-sitter');
const parser = new Parser();
parser.setLanguage(require('tree-sitter-python'));
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc');
let files = 0;
let bytes = 0;
let errors = 0;
let held = 0;
for (const rel of readFileSync(list, 'utf8').split('\n')) {
  if (!rel) continue;
  const text = readFileSync(join(root, rel), 'utf8');
  files++;
  bytes += text.length;
  if (parser.parse(text).rootNode.hasError) errors++;
  held += text.length;
  if (held >= 1 << 20) {
    held = 0;
    gc();
    await new Promise((done) => setImmediate(done));
  }
}
console.log(JSON.stringify({ files, bytes, errors }));
