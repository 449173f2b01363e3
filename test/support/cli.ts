/** The CLI in-process with captured output, and real project files in a temp folder (shared by the CLI-level tests). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { cli } from '../../src/cli';
import { tempDir } from './tmp';

export async function runCli(argv: string[], cwd = process.cwd()): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await cli(argv, { stdout: { write: (t: string) => (out += t) }, stderr: { write: (t: string) => (err += t) }, cwd, env: {} });
  return { code, out, err };
}

/** A new temp folder (removed after the test file) holding `files` (path relative to it → text). */
export function projectDir(prefix: string, files: Record<string, string>): string {
  const dir = tempDir(prefix);
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  return dir;
}
