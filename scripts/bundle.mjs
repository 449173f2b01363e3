#!/usr/bin/env node
// `npm run bundle [-- --out DIR]`: build the action/CLI bundle into DIR (default dist/).
//
// 1. @vercel/ncc compiles src/index.ts into one ESM file (the @actions/* packages are ESM-only), with
//    licenses.txt, no source maps, no minification.
// 2. ncc hard-codes the native bindings of THIS machine (tree-sitter's build/Release binding or one
//    prebuild, tree-sitter-python's prebuild). Those two paths are rewritten to pick the binding for the
//    platform at run time: prebuilds/<module>/<platform>-<arch>/<module>.node. The build fails if either
//    path is not found exactly once (a changed tree-sitter release must be looked at, not shipped blind).
// 3. The binaries ncc copied are deleted; every platform's prebuild is copied instead, from
//    node_modules/<module>/prebuilds/*, except where vendor/prebuilds/ has an override (see VENDORED).
// 4. docs/rules/*.md go to DIR/docs/rules/ (the rule docs the reports link to); DIR/cli.js is the npm bin.
// 5. src/django/helper.py and db_helper.py go to DIR/django/: the runtime gates run them with the user's Python.
// The output is deterministic: two builds are byte-identical (test/dist.test.ts checks dist/ is fresh).
//
// `node scripts/bundle.mjs --refresh-vendor [PLATFORM…]` rebuilds vendor/prebuilds/ (default: every VENDORED
// platform), on Debian bookworm x64 (GCC 12):
//   linux-x64    copies this machine's tree-sitter build (node_modules/tree-sitter/build/Release, compiled by
//                `npm ci` when the prebuild cannot load);
//   linux-arm64  cross-compiles a copy of node_modules/tree-sitter's source with node-gyp and bookworm's
//                aarch64-linux-gnu-g++ (`apt-get install g++-aarch64-linux-gnu`), against this node's headers.
// Either is stripped and must need no libstdc++ above GLIBCXX_MAX nor glibc above GLIBC_MAX.
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));

/** Platforms every release ships (the prebuilds both packages publish). */
export const PLATFORMS = ['linux-x64', 'linux-arm64', 'darwin-arm64', 'darwin-x64', 'win32-x64', 'win32-arm64'];

/**
 * The native modules: what ncc emits for this machine (matched exactly once in the bundle) and the
 * platform-selecting path that replaces it.
 */
export const NATIVE = [
  {
    module: 'tree-sitter',
    file: 'tree-sitter.node',
    emitted: /__(?:nccwpck|webpack)_require__\.ab \+ "(?:build\/Release\/tree_sitter_runtime_binding|prebuilds\/[a-z0-9]+-[a-z0-9]+\/tree-sitter)\.node"/g,
  },
  {
    module: 'tree-sitter-python',
    file: 'tree-sitter-python.node',
    emitted: /__(?:nccwpck|webpack)_require__\.ab \+ "(?:build\/Release\/tree_sitter_python_binding|prebuilds\/[a-z0-9]+-[a-z0-9]+\/tree-sitter-python)\.node"/g,
  },
];

/** `req`: the require function's name where the path was emitted (`__webpack_require__` inside a chunk's modules). */
export function loaderPath(module, file, req = '__nccwpck_require__') {
  return `${req}.ab + "prebuilds/${module}/" + process.platform + "-" + process.arch + "/${file}"`;
}

/**
 * Prebuilds replaced by a vendored build. tree-sitter's published linux-x64 and linux-arm64 prebuilds need
 * libstdc++ GLIBCXX_3.4.31 (GCC 13), so they do not load on Debian bookworm or Ubuntu 22.04 (ubuntu-22.04 and
 * ubuntu-22.04-arm runners); the vendored ones are built from the same tree-sitter source with GCC 12 (need
 * GLIBCXX_3.4.29) and load on both and on newer. `cross`: the aarch64 toolchain prefix used to build it on x64.
 */
export const VENDORED = [
  { module: 'tree-sitter', platform: 'linux-x64', file: 'tree-sitter.node', machine: 62 /* EM_X86_64 */ },
  { module: 'tree-sitter', platform: 'linux-arm64', file: 'tree-sitter.node', machine: 183 /* EM_AARCH64 */, cross: 'aarch64-linux-gnu-' },
];
const vendorDir = join(root, 'vendor', 'prebuilds');
/** The newest symbol versions a vendored build may need: Ubuntu 22.04's libstdc++ and glibc (bookworm has more). */
export const GLIBCXX_MAX = '3.4.29';
export const GLIBC_MAX = '2.35';

/** The GLIBC_ and GLIBCXX_ versions an ELF file names (its .dynstr entries), newest first. */
export function symbolVersions(elf) {
  const text = elf.toString('latin1');
  const newest = (prefix) =>
    [...text.matchAll(new RegExp(`(?<=\\0)${prefix}_([0-9][0-9.]*)(?=\\0)`, 'g'))]
      .map((m) => m[1])
      .sort(compareVersions)
      .pop() ?? null;
  return { GLIBCXX: newest('GLIBCXX'), GLIBC: newest('GLIBC') };
}

export function compareVersions(a, b) {
  const x = a.split('.').map(Number);
  const y = b.split('.').map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
}

/** Why a vendored binding would not do (wrong architecture, too new a libstdc++ or glibc), or null. */
export function vendoredProblem(path, machine) {
  const elf = readFileSync(path);
  if (elf.readUInt32BE(0) !== 0x7f454c46) return `${path} is not an ELF file`;
  if (elf.readUInt16LE(18) !== machine) return `${path} is for ELF machine ${elf.readUInt16LE(18)}, not ${machine}`;
  const v = symbolVersions(elf);
  if (v.GLIBCXX && compareVersions(v.GLIBCXX, GLIBCXX_MAX) > 0) return `${path} needs GLIBCXX_${v.GLIBCXX} (at most ${GLIBCXX_MAX})`;
  if (v.GLIBC && compareVersions(v.GLIBC, GLIBC_MAX) > 0) return `${path} needs GLIBC_${v.GLIBC} (at most ${GLIBC_MAX})`;
  return null;
}

class BundleError extends Error {}

function fail(message) {
  throw new BundleError(message);
}

function moduleDir(name) {
  return dirname(require.resolve(`${name}/package.json`));
}

function moduleVersion(name) {
  return JSON.parse(readFileSync(join(moduleDir(name), 'package.json'), 'utf8')).version;
}

function listFiles(dir, base = dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(p, base));
    else out.push(relative(base, p).split(sep).join('/'));
  }
  return out.sort();
}

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', ...opts });
  if (r.error) fail(`${cmd}: ${r.error.message}`);
  if (r.status !== 0) fail(`${cmd} ${args.join(' ')} failed (exit ${r.status ?? r.signal})${r.stderr ? `\n${r.stderr.trim().slice(-2000)}` : ''}`);
  return r.stdout ?? '';
}

/** node-gyp: the one npm runs for `npm rebuild` (npm_config_node_gyp), else the one inside this node's npm. */
function nodeGyp() {
  const candidates = [
    process.env.npm_config_node_gyp,
    join(dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
  ].filter(Boolean);
  const found = candidates.find((p) => existsSync(p));
  if (!found) fail(`node-gyp not found (looked at ${candidates.join(', ')})`);
  return found;
}

/** This node's install prefix (it has include/node): node-gyp builds against it instead of downloading headers. */
function nodeDir() {
  const prefix = resolve(dirname(process.execPath), '..');
  if (!existsSync(join(prefix, 'include', 'node', 'node_api.h'))) fail(`${prefix}/include/node has no node_api.h: node-gyp needs this node's headers`);
  return prefix;
}

/** Cross-compiles node_modules/<module> for v.platform in a temporary copy (node_modules itself is not touched). */
function crossBuild(v) {
  const gxx = `${v.cross}g++`;
  const major = run(gxx, ['-dumpversion']).trim().split('.')[0];
  if (major !== '12') fail(`${gxx} is GCC ${major}: use Debian bookworm's (GCC 12) so the build needs no newer libstdc++`);
  const work = mkdtempSync(join(tmpdir(), 'dlg-vendor-'));
  try {
    const src = join(work, 'node_modules', v.module);
    copyTree(moduleDir(v.module), src, (f) => !/^(build|prebuilds|node-addon-api)\//.test(f));
    // binding.gyp asks require('node-addon-api') for its targets: the same copy the npm package would use.
    copyTree(moduleDir('node-addon-api'), join(work, 'node_modules', 'node-addon-api'));
    const arch = v.platform.split('-')[1];
    run(process.execPath, [nodeGyp(), 'rebuild', `--arch=${arch}`, `--nodedir=${nodeDir()}`, '-j', '2'], {
      cwd: src,
      env: { ...process.env, CC: `${v.cross}gcc`, CXX: gxx, LINK: gxx, AR: `${v.cross}ar`, CC_host: 'gcc', CXX_host: 'g++' },
    });
    const built = join(src, 'build', 'Release', 'tree_sitter_runtime_binding.node');
    const out = join(work, v.file);
    copyFileSync(built, out);
    return out;
  } catch (err) {
    rmSync(work, { recursive: true, force: true });
    throw err;
  }
}

function refreshVendor(platforms) {
  const unknown = platforms.filter((p) => !VENDORED.some((v) => v.platform === p));
  if (unknown.length) fail(`nothing is vendored for ${unknown.join(', ')} (VENDORED has ${VENDORED.map((v) => v.platform).join(', ')})`);
  for (const v of VENDORED) {
    if (platforms.length && !platforms.includes(v.platform)) continue;
    let built;
    let strip = 'strip';
    if (v.cross) {
      built = crossBuild(v);
      strip = `${v.cross}strip`;
    } else {
      built = join(moduleDir(v.module), 'build', 'Release', 'tree_sitter_runtime_binding.node');
      if (!existsSync(built)) {
        fail(`no local build at ${built}: run 'npm rebuild ${v.module} --build-from-source' on ${v.platform} first`);
      }
      if (`${process.platform}-${process.arch}` !== v.platform) fail(`--refresh-vendor ${v.platform} must run on ${v.platform}`);
    }
    const dest = join(vendorDir, v.module, v.platform);
    mkdirSync(dest, { recursive: true });
    copyFileSync(built, join(dest, v.file));
    if (v.cross) rmSync(dirname(built), { recursive: true, force: true });
    chmodSync(join(dest, v.file), 0o644);
    run(strip, ['--strip-unneeded', join(dest, v.file)]);
    const problem = vendoredProblem(join(dest, v.file), v.machine);
    if (problem) fail(problem);
    writeFileSync(join(dest, 'VERSION'), `${moduleVersion(v.module)}\n`);
    console.log(`bundle: vendored ${relative(root, join(dest, v.file))} (${v.module} ${moduleVersion(v.module)})`);
  }
}

function ncc(outDir) {
  const cli = join(moduleDir('@vercel/ncc'), 'dist', 'ncc', 'cli.js');
  const r = spawnSync(
    process.execPath,
    [cli, 'build', 'src/index.ts', '-o', outDir, '--license', 'licenses.txt', '--target', 'es2022', '--no-cache', '--quiet'],
    { cwd: root, stdio: 'inherit' },
  );
  if (r.status !== 0) fail(`ncc failed (exit ${r.status ?? r.signal})`);
}

/** Points the native bindings' paths at the running platform's prebuild, in whichever emitted file holds each (once). */
function rewriteLoaders(code) {
  for (const n of NATIVE) {
    const hits = Object.entries(code).flatMap(([name, text]) => (text.match(n.emitted) ?? []).map((m) => ({ name, m })));
    if (hits.length !== 1) {
      fail(
        `expected ncc's hard-coded ${n.module} binding path exactly once in the bundle, found ${hits.length}` +
          (hits.length ? ` (${hits.map((h) => `${h.m} in ${h.name}`).join(', ')})` : '') +
          ` — check how this ${n.module} release loads its binding and update NATIVE in scripts/bundle.mjs`,
      );
    }
    code[hits[0].name] = code[hits[0].name].replace(n.emitted, (m) => loaderPath(n.module, n.file, m.slice(0, m.indexOf('.ab'))));
  }
  if (Object.values(code).some((text) => /build\/Release/.test(text))) fail('the bundle still names a build/Release path: a machine-specific binding is left');
}

function copyPrebuilds(outDir) {
  for (const n of NATIVE) {
    const src = join(moduleDir(n.module), 'prebuilds');
    for (const platform of PLATFORMS) {
      const vendored = VENDORED.find((v) => v.module === n.module && v.platform === platform);
      let from = join(src, platform, n.file);
      if (vendored) {
        from = join(vendorDir, n.module, platform, n.file);
        const versionFile = join(vendorDir, n.module, platform, 'VERSION');
        const want = moduleVersion(n.module);
        const have = existsSync(versionFile) ? readFileSync(versionFile, 'utf8').trim() : '(none)';
        if (!existsSync(from) || have !== want) {
          fail(
            `vendored ${n.module} ${platform} binding is for ${have}, node_modules has ${want} — run 'node scripts/bundle.mjs --refresh-vendor ${platform}' on Debian bookworm x64 (vendor/README.md)`,
          );
        }
        const problem = vendoredProblem(from, vendored.machine);
        if (problem) fail(`vendored binding: ${problem}`);
      }
      if (!existsSync(from)) fail(`missing prebuild ${from}`);
      const dest = join(outDir, 'prebuilds', n.module, platform);
      mkdirSync(dest, { recursive: true });
      copyFileSync(from, join(dest, n.file));
      chmodSync(join(dest, n.file), 0o644);
    }
  }
}

function copyDocs(outDir) {
  const src = join(root, 'docs', 'rules');
  if (!existsSync(src)) return;
  const docs = readdirSync(src).filter((f) => f.endsWith('.md')).sort();
  if (docs.length === 0) return;
  const dest = join(outDir, 'docs', 'rules');
  mkdirSync(dest, { recursive: true });
  for (const f of docs) copyFileSync(join(src, f), join(dest, f));
}

function copyHelper(outDir) {
  const src = join(root, 'src', 'django', 'helper.py');
  if (!existsSync(src)) fail(`missing ${relative(root, src)}: the runtime gates need it in the bundle`);
  mkdirSync(join(outDir, 'django'), { recursive: true });
  copyFileSync(src, join(outDir, 'django', 'helper.py'));
  chmodSync(join(outDir, 'django', 'helper.py'), 0o644);
  // db_helper.py: makemigrations/migrate/test-runner side of the tests and migrations gates.
  const db = join(root, 'src', 'django', 'db_helper.py');
  if (!existsSync(db)) fail(`missing ${relative(root, db)}: the runtime gates need it in the bundle`);
  copyFileSync(db, join(outDir, 'django', 'db_helper.py'));
  chmodSync(join(outDir, 'django', 'db_helper.py'), 0o644);
}

const CLI_JS = `#!/usr/bin/env node
// django-launch-gate command line (the package's bin): the bundle, in CLI mode.
process.env.DJANGO_LAUNCH_GATE_MODE = 'cli';
await import('./index.js');
`;

function build(outArg) {
  const out = resolve(root, outArg);
  if (out === root || out === dirname(root) || existsSync(join(out, 'package-lock.json')) || existsSync(join(out, '.git'))) {
    fail(`refusing to write into ${out}`);
  }
  if (existsSync(out) && readdirSync(out).length > 0 && !existsSync(join(out, 'index.js'))) {
    fail(`${out} is not empty and holds no bundle: refusing to replace it`);
  }

  const work = mkdtempSync(join(tmpdir(), 'dlg-bundle-'));
  const stage = join(work, 'out');
  try {
    ncc(stage);

    // ncc writes index.js (ESM, with package.json {"type":"module"}) — older releases wrote index.mjs — and a
    // chunk `<id>.index.js` per dynamically imported part (src/index.ts loads the CLI or the action that way).
    const emitted = existsSync(join(stage, 'index.mjs')) ? 'index.mjs' : 'index.js';
    const chunks = readdirSync(stage).filter((f) => /^\d+\.index\.m?js$/.test(f)).sort();
    const code = { index: readFileSync(join(stage, emitted), 'utf8') };
    for (const c of chunks) code[c] = readFileSync(join(stage, c), 'utf8');
    if (!/^import .* from "module";$/m.test(code.index.slice(0, 2000)) && !/import\.meta\.url/.test(code.index)) {
      fail('ncc did not produce an ESM bundle');
    }
    rewriteLoaders(code);
    for (const [name, text] of Object.entries(code)) {
      // ncc's asset relocator rewrites path.join/resolve calls it can evaluate to point into dist/; for the
      // user's files (a pyproject.toml of the scanned project) that would read the wrong file. Only the native
      // bindings may be relocated (rewriteLoaders replaced their paths above).
      const relocated = (text.match(/__(?:nccwpck|webpack)_require__\.ab \+ "[^"]*"/g) ?? []).filter((m) => !m.includes('"prebuilds/'));
      if (relocated.length) fail(`ncc relocated a path it should not in ${name}: ${[...new Set(relocated)].join(', ')} — build such paths with projectFile() (src/files.ts)`);
      // No source maps ship: drop the dangling `sourceMappingURL` comments the bundled packages carry.
      code[name] = text.replace(/^\/\/# sourceMappingURL=\S+\.map[ \t]*$/gm, '');
    }

    // Everything ncc emitted must be known: the bundle and its chunks, its package.json, the licenses and native bindings.
    for (const f of listFiles(stage)) {
      if (f === emitted || chunks.includes(f) || f === 'package.json' || f === 'licenses.txt') continue;
      if (f.endsWith('.node')) {
        rmSync(join(stage, f));
        continue;
      }
      fail(`ncc emitted an unexpected asset ${f}: decide how to ship it in scripts/bundle.mjs`);
    }

    const final = join(work, 'final');
    mkdirSync(final);
    writeFileSync(join(final, 'index.js'), code.index);
    for (const c of chunks) writeFileSync(join(final, c.replace(/\.mjs$/, '.js')), code[c]);
    writeFileSync(join(final, 'package.json'), `${JSON.stringify({ type: 'module' }, null, 2)}\n`);
    copyFileSync(join(stage, 'licenses.txt'), join(final, 'licenses.txt'));
    writeFileSync(join(final, 'cli.js'), CLI_JS);
    chmodSync(join(final, 'cli.js'), 0o755);
    copyPrebuilds(final);
    copyDocs(final);
    copyHelper(final);

    rmSync(out, { recursive: true, force: true });
    mkdirSync(dirname(out), { recursive: true });
    try {
      renameSync(final, out);
    } catch {
      copyTree(final, out);
    }
    const files = listFiles(out);
    const bytes = files.reduce((a, f) => a + statSync(join(out, f)).size, 0);
    console.log(`bundle: ${relative(process.cwd(), out) || '.'}: ${files.length} files, ${(bytes / 1024 / 1024).toFixed(1)} MiB`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function copyTree(from, to, keep = () => true) {
  for (const f of listFiles(from).filter(keep)) {
    mkdirSync(dirname(join(to, f)), { recursive: true });
    copyFileSync(join(from, f), join(to, f));
    chmodSync(join(to, f), statSync(join(from, f)).mode & 0o777);
  }
}

function main(args) {
  try {
    if (args.includes('--refresh-vendor')) {
      refreshVendor(args.filter((a) => a !== '--refresh-vendor'));
    } else {
      const at = args.indexOf('--out');
      if (at >= 0 && !args[at + 1]) fail('--out needs a folder');
      build(at >= 0 ? args[at + 1] : 'dist');
    }
  } catch (err) {
    if (!(err instanceof BundleError)) throw err;
    console.error(`bundle: ${err.message}`);
    process.exitCode = 1;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
