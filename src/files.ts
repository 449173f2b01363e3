/** File-system helpers both entries use when they write reports (the CLI's --sarif, the action's sarif-file). */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * mkdir -p without `mkdirSync(..., { recursive: true })`, which spins forever on some paths
 * (e.g. under /proc) instead of failing.
 */
export function ensureDir(dir: string): void {
  const missing: string[] = [];
  for (let d = dir; !existsSync(d); d = dirname(d)) {
    if (dirname(d) === d) break;
    missing.unshift(d);
  }
  for (const d of missing) mkdirSync(d);
}

/** A reader of UTF-8 files under `root` (paths relative to it); undefined for a file it cannot read. */
export function readTextUnder(root: string): (file: string) => string | undefined {
  return (file: string) => {
    try {
      return readFileSync(resolve(root, file), 'utf8');
    } catch {
      return undefined;
    }
  };
}

/**
 * A file of the user's project: `dir` + separator + `name`, joined without path.join/resolve on purpose —
 * ncc's asset relocator statically evaluates those calls, and when a file of that name exists anywhere in
 * this source tree (a test fixture's pyproject.toml) it copies it into dist/ and rewrites the runtime path to
 * point at the copy. A project's files are never the tool's assets.
 */
export function projectFile(dir: string, name: string): string {
  return dir.endsWith('/') || dir.endsWith('\\') ? dir + name : `${dir}${process.platform === 'win32' ? '\\' : '/'}${name}`;
}
