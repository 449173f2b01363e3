#!/usr/bin/env node
// Prepares the real-code corpus: Django code nobody here wrote, from Debian's packages. The tests only *read*
// these packages, so they are never installed: each .deb is fetched with `apt-get download` and unpacked with
// `dpkg -x` into .cache/debs/<package>/ (no maintainer script runs: no service, no initramfs, no user), and
// the files the scan reads are copied into .cache/corpus/<package>/ with the paths the package installs them at
// (so wsgi.py/manage.py layouts stay real), except that /usr/lib/python3/dist-packages/ becomes the corpus root.
//
// Symlinks are resolved inside the unpacked tree (an absolute target /etc/x is <tree>/etc/x). A target that
// no .deb ships because a maintainer script makes it at install time is taken from the file the script
// makes it from (MADE_AT_INSTALL) — the package's own content, never this machine's /etc.
//
// Usage: node scripts/corpus.mjs            fetch what is missing, then (re)build .cache/corpus/
//        node scripts/corpus.mjs --fetch    only fetch and unpack what is missing (scripts/test-all.sh)
//        node scripts/corpus.mjs --refresh  fetch every package again (the archive moved on)
// Fetching needs the machine's apt package lists (`apt-get update`); nothing is installed, root is not needed.
import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CORPUS_PACKAGES = [
  'python3-django',
  'graphite-web',
  'lava-server',
  'mailman3-web',
  'python3-django-hyperkitty',
  'python3-django-postorius',
];

const here = dirname(fileURLToPath(import.meta.url));
export const CORPUS_DIR = resolve(here, '..', '.cache', 'corpus');
/** One unpacked .deb per package: .cache/debs/<package>/ is the `dpkg -x` tree, with .deb naming the file. */
export const DEBS_DIR = resolve(here, '..', '.cache', 'debs');

/**
 * Files a maintainer script creates at install time, which a symlink in the package points to: the file the
 * script makes it from. mailman3-web's postinst (create_config) copies settings_local.py.sample to
 * /etc/mailman3/mailman-web.py with ucf, filling SECRET_KEY, MAILMAN_ARCHIVER_KEY and the REST password
 * with generated values; usr/share/mailman3-web/settings_local.py links to it.
 */
const MADE_AT_INSTALL = {
  'mailman3-web': { '/etc/mailman3/mailman-web.py': '/usr/share/mailman3-web/settings_local.py.sample' },
};

const KEEP = /(\.py|\/manage\.py|\/Procfile|\/Dockerfile[^/]*|\.service|\.conf|\.ya?ml|\.sh)$/;

function treeOf(pkg) {
  return join(DEBS_DIR, pkg);
}

function unpackedDeb(pkg) {
  try {
    return readFileSync(join(treeOf(pkg), '.deb'), 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

/** `apt-get download` + `dpkg -x` for each package not unpacked yet (all of them with refresh). */
export function fetchDebs({ refresh = false, log = () => {} } = {}) {
  const need = CORPUS_PACKAGES.filter((p) => refresh || !unpackedDeb(p));
  if (need.length === 0) return [];
  mkdirSync(DEBS_DIR, { recursive: true });
  const tmp = mkdtempSync(join(tmpdir(), 'corpus-debs-'));
  try {
    const opts = ['-q', ...(process.getuid?.() === 0 ? ['-o', 'APT::Sandbox::User=root'] : [])];
    try {
      execFileSync('apt-get', [...opts, 'download', ...need], { cwd: tmp, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
    } catch (err) {
      const why = String(err.stderr || err.message).trim().split('\n').filter((l) => l.startsWith('E:'))[0] ?? String(err.message).split('\n')[0];
      throw new Error(`apt-get download ${need.join(' ')} failed (${why}) — run apt-get update (as root) and try again`);
    }
    for (const pkg of need) {
      const deb = readdirSync(tmp).find((f) => f.startsWith(`${pkg}_`) && f.endsWith('.deb'));
      if (!deb) throw new Error(`apt-get download gave no .deb for ${pkg}`);
      const partial = join(DEBS_DIR, `${pkg}.partial`);
      rmSync(partial, { recursive: true, force: true });
      execFileSync('dpkg', ['-x', join(tmp, deb), partial], { stdio: ['ignore', 'ignore', 'pipe'] });
      writeFileSync(join(partial, '.deb'), `${decodeURIComponent(deb)}\n`);
      rmSync(treeOf(pkg), { recursive: true, force: true });
      renameSync(partial, treeOf(pkg));
      log(`corpus: unpacked ${decodeURIComponent(deb)} into ${relative(process.cwd(), treeOf(pkg)) || '.'}`);
    }
    return need;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** Every path under dir, relative, without descending into symlinked folders. */
function walk(dir, rel = '') {
  const out = [];
  for (const e of readdirSync(join(dir, rel), { withFileTypes: true })) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...walk(dir, r));
    else out.push(r);
  }
  return out;
}

function inside(root, p) {
  const r = relative(root, p);
  return r === '' || (!r.startsWith('..') && !isAbsolute(r));
}

/**
 * What a path of the unpacked package holds: the file itself, or for a symlink the file it leads to inside
 * the tree (absolute targets are taken relative to the tree's root), or the file a maintainer script makes
 * the missing target from. Undefined for folders, and for links that leave the package (another package's
 * file) or lead nowhere.
 */
function contentOf(pkg, root, rel) {
  let abs = join(root, rel);
  for (let hops = 0; hops < 20; hops++) {
    let st;
    try {
      st = lstatSync(abs);
    } catch {
      const made = MADE_AT_INSTALL[pkg]?.[`/${relative(root, abs).split(sep).join('/')}`];
      return made ? contentOf(pkg, root, made.slice(1)) : undefined;
    }
    if (st.isFile()) return abs;
    if (!st.isSymbolicLink()) return undefined;
    const target = readlinkSync(abs);
    abs = isAbsolute(target) ? join(root, target) : resolve(dirname(abs), target);
    if (!inside(root, abs)) return undefined;
  }
  return undefined;
}

export function prepareCorpus({ log = () => {} } = {}) {
  fetchDebs({ log });
  const out = {};
  for (const pkg of CORPUS_PACKAGES) {
    const root = treeOf(pkg);
    const dest = join(CORPUS_DIR, pkg);
    rmSync(dest, { recursive: true, force: true });
    mkdirSync(dest, { recursive: true });
    for (const rel of walk(root)) {
      const f = `/${rel}`;
      if (!KEEP.test(f) || (f.startsWith('/usr/share/doc/') && !f.includes('/examples/'))) continue;
      const source = contentOf(pkg, root, rel);
      if (!source) continue;
      // Installed Python packages land at the corpus root (dist-packages itself is, rightly, never scanned).
      const target = join(dest, f.replace(/^\/usr\/lib\/python3\/dist-packages\//, '/'));
      mkdirSync(dirname(target), { recursive: true });
      copyFileSync(source, target);
    }
    out[pkg] = dest;
  }
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const log = (line) => console.log(line);
  try {
    if (args.includes('--fetch') || args.includes('--refresh')) {
      const got = fetchDebs({ refresh: args.includes('--refresh'), log });
      if (got.length === 0) console.log(`corpus: ${CORPUS_PACKAGES.length} packages already unpacked in ${relative(process.cwd(), DEBS_DIR)}`);
    } else {
      const dirs = prepareCorpus({ log });
      for (const [pkg, dir] of Object.entries(dirs)) console.log(`${pkg}\t${unpackedDeb(pkg)}\t${dir}${existsSync(dir) ? '' : ' (missing)'}`);
    }
  } catch (err) {
    console.error(`corpus: ${err.message}`);
    process.exit(1);
  }
}
