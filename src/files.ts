/** File-system helpers both entries use when they write reports (the CLI's --sarif, the action's sarif-file). */
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
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

/**
 * Writes `pieces` to `file` one at a time (created or truncated): a report written as it is rendered is never
 * held whole, nor copied into one buffer (sarifChunks, jsonChunks).
 */
export function writePieces(file: string, pieces: Iterable<string>): void {
  const fd = openSync(file, 'w');
  try {
    for (const piece of pieces) {
      const bytes = Buffer.from(piece, 'utf8');
      // write(2) may write less than asked (a full disk, a signal): the rest follows, or the error is thrown
      for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at);
    }
  } finally {
    closeSync(fd);
  }
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
