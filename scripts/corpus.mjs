#!/usr/bin/env node
// Prepares the real-code corpus: Django code nobody here wrote, from Debian's packages, copied into
// .cache/corpus/<package>/ with the paths dpkg installed them at (so wsgi.py/manage.py layouts stay real),
// except that /usr/lib/python3/dist-packages/ becomes the corpus root.
// Usage: node scripts/corpus.mjs [--list]   (prints the package folders; installs nothing: .ci/run does)
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
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

const KEEP = /(\.py|\/manage\.py|\/Procfile|\/Dockerfile[^/]*|\.service|\.conf|\.ya?ml|\.sh)$/;

export function prepareCorpus() {
  const out = {};
  for (const pkg of CORPUS_PACKAGES) {
    let files;
    try {
      files = execFileSync('dpkg', ['-L', pkg], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).split('\n');
    } catch {
      throw new Error(`Debian package ${pkg} is not installed — run: apt-get install -y ${CORPUS_PACKAGES.join(' ')}`);
    }
    const dest = join(CORPUS_DIR, pkg);
    rmSync(dest, { recursive: true, force: true });
    mkdirSync(dest, { recursive: true });
    for (const f of files) {
      if (!f || !KEEP.test(f) || f.startsWith('/usr/share/doc/') && !f.includes('/examples/')) continue;
      let st;
      try {
        st = lstatSync(f);
      } catch {
        continue;
      }
      if (st.isSymbolicLink()) {
        try {
          if (!statSync(f).isFile()) continue;
        } catch {
          continue;
        }
      } else if (!st.isFile()) continue;
      // Installed Python packages land at the corpus root (dist-packages itself is, rightly, never scanned).
      const target = join(dest, f.replace(/^\/usr\/lib\/python3\/dist-packages\//, '/'));
      mkdirSync(dirname(target), { recursive: true });
      cpSync(f, target, { dereference: true });
    }
    out[pkg] = dest;
  }
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dirs = prepareCorpus();
  for (const [pkg, dir] of Object.entries(dirs)) console.log(`${pkg}\t${dir}${existsSync(dir) ? '' : ' (missing)'}`);
}
