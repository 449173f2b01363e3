#!/usr/bin/env node
// Parsing speed on a real corpus: native tree-sitter (node addon) vs web-tree-sitter (WebAssembly),
// both with tree-sitter-python's grammar (prebuilt .node vs its .wasm).
// Corpus: every .py of Debian's Django (/usr/lib/python3/dist-packages/django) and of the Debian packages
// graphite-web, lava-server, mailman3-web, python3-django-hyperkitty and python3-django-postorius
// (their files from `dpkg -L`). Texts are read before timing; each engine parses the whole corpus
// `--rounds` times (default 3) after one warm-up file, and the best round counts.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const DJANGO_DIR = '/usr/lib/python3/dist-packages/django';
const PACKAGES = ['graphite-web', 'lava-server', 'mailman3-web', 'python3-django-hyperkitty', 'python3-django-postorius'];

export function walkPy(dir, out = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) walkPy(p, out);
    else if (entry.isFile() && entry.name.endsWith('.py')) out.push(p);
  }
  return out;
}

function packageFiles(pkg) {
  try {
    return execFileSync('dpkg', ['-L', pkg], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
      .split('\n')
      .filter((p) => p.endsWith('.py'));
  } catch {
    return null;
  }
}

export function corpus() {
  const sources = [];
  const seen = new Set();
  const add = (group, paths) => {
    let files = 0;
    let lines = 0;
    for (const p of paths) {
      if (!existsSync(p) || !statSync(p).isFile()) continue;
      const real = realpathSync(p);
      if (seen.has(real)) continue;
      seen.add(real);
      const text = readFileSync(real, 'utf8');
      sources.push(text);
      files++;
      lines += countLines(text);
    }
    return { group, files, lines };
  };
  const groups = [];
  if (existsSync(DJANGO_DIR)) groups.push(add('django', walkPy(DJANGO_DIR, []).sort()));
  else groups.push({ group: 'django', files: 0, lines: 0, missing: true });
  for (const pkg of PACKAGES) {
    const files = packageFiles(pkg);
    if (files === null) groups.push({ group: pkg, files: 0, lines: 0, missing: true });
    else groups.push(add(pkg, files.sort()));
  }
  return { sources, groups };
}

export function countLines(text) {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return text.length > 0 && !text.endsWith('\n') ? n + 1 : n;
}

const CHUNK = 64 * 1024;

async function nativeEngine() {
  const Parser = require('tree-sitter');
  const Python = require('tree-sitter-python');
  const parser = new Parser();
  parser.setLanguage(Python);
  return {
    name: 'native tree-sitter',
    version: require('tree-sitter/package.json').version,
    parse(text) {
      // Callback input: the binding's string input is limited to 32 KiB.
      const tree = parser.parse((i) => (i < text.length ? text.slice(i, i + CHUNK) : ''));
      return tree.rootNode.hasError ? 1 : 0;
    },
  };
}

async function wasmEngine() {
  const { Parser, Language } = await import('web-tree-sitter');
  await Parser.init();
  const wasm = join(dirname(require.resolve('tree-sitter-python/package.json')), 'tree-sitter-python.wasm');
  const language = await Language.load(readFileSync(wasm));
  const parser = new Parser();
  parser.setLanguage(language);
  return {
    name: 'web-tree-sitter (wasm)',
    version: JSON.parse(readFileSync(join(dirname(require.resolve('web-tree-sitter')), 'package.json'), 'utf8')).version,
    parse(text) {
      const tree = parser.parse(text);
      const errors = tree.rootNode.hasError ? 1 : 0;
      tree.delete();
      return errors;
    },
  };
}

function time(engine, sources, rounds) {
  engine.parse(sources[0] ?? 'x = 1\n');
  let best = Infinity;
  let withErrors = 0;
  for (let r = 0; r < rounds; r++) {
    withErrors = 0;
    const start = process.hrtime.bigint();
    for (const text of sources) withErrors += engine.parse(text);
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    best = Math.min(best, ms);
  }
  return { ms: best, withErrors };
}

function pad(s, n, right = false) {
  s = String(s);
  return right ? s.padStart(n) : s.padEnd(n);
}

export async function main(argv = process.argv.slice(2)) {
  const roundsArg = argv.indexOf('--rounds');
  const rounds = roundsArg >= 0 ? Math.max(1, Number(argv[roundsArg + 1]) || 1) : 3;
  const { sources, groups } = corpus();
  const files = sources.length;
  const lines = groups.reduce((a, g) => a + g.lines, 0);
  const bytes = sources.reduce((a, t) => a + Buffer.byteLength(t), 0);

  console.log(`corpus (${process.platform}-${process.arch}, node ${process.versions.node}):`);
  for (const g of groups) {
    console.log(`  ${pad(g.group, 28)} ${g.missing ? 'not installed' : `${pad(g.files, 5, true)} files ${pad(g.lines, 8, true)} lines`}`);
  }
  console.log(`  ${pad('total', 28)} ${pad(files, 5, true)} files ${pad(lines, 8, true)} lines ${(bytes / 1024 / 1024).toFixed(1)} MiB`);
  if (files === 0) {
    console.error('bench: no corpus: install python3-django and the packages above (apt-get install ...)');
    process.exitCode = 1;
    return;
  }

  console.log(`\nparse, best of ${rounds} round${rounds === 1 ? '' : 's'}:`);
  console.log(`  ${pad('engine', 34)} ${pad('files', 6, true)} ${pad('lines', 9, true)} ${pad('ms', 9, true)} ${pad('lines/s', 11, true)}  files with syntax errors`);
  const results = [];
  for (const make of [nativeEngine, wasmEngine]) {
    const engine = await make();
    const { ms, withErrors } = time(engine, sources, rounds);
    results.push({ engine: engine.name, ms });
    console.log(
      `  ${pad(`${engine.name} ${engine.version}`, 34)} ${pad(files, 6, true)} ${pad(lines, 9, true)} ${pad(ms.toFixed(0), 9, true)} ${pad(Math.round((lines / ms) * 1000), 11, true)}  ${withErrors}`,
    );
  }
  const [native, wasm] = results;
  console.log(`\nnative is ${(wasm.ms / native.ms).toFixed(2)}x the speed of wasm on this corpus`);
}

if (process.argv[1] && pathToFileURL(realpathSync(process.argv[1])).href === import.meta.url) {
  await main();
}
