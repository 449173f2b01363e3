/**
 * A syntax-check worker thread (src/project/syntax-pool.ts): takes files from the shared queue until it is
 * empty, skipping those the main thread has checked; reads and decodes each as the workspace does, parses it,
 * and stores its first syntax error line, whether that error is Python 2 syntax, and the hash of the text it
 * parsed. Trees are let go as the main thread lets its go (src/project/memory.ts). Reports its time and the
 * source it parsed when done.
 */
import { readFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { release } from './memory';
import { firstErrorLine, parsedChars, parsePython } from './python';
import { decodePythonSource } from './source-encoding';
import { CLEAN, NOT_READ, sharedViews, textHash, type SyntaxJobData, type SyntaxWorkerReport } from './syntax-pool';

/** Trees are let go every this many characters parsed (the workspace's syntax check uses 1 MiB). */
const RELEASE_EVERY = 64 * 1024;

/** The file's text as Workspace.addFile reads a plain Python file; undefined when it cannot be read so. */
function read(abs: string): string | undefined {
  try {
    const d = decodePythonSource(readFileSync(abs));
    if (!d.ok) return undefined;
    return d.text.charCodeAt(0) === 0xfeff ? d.text.slice(1) : d.text;
  } catch {
    return undefined;
  }
}

export async function syntaxWorker(data: SyntaxJobData): Promise<void> {
  const started = performance.now();
  const v = sharedViews(data.shared, data.paths.length);
  let held = 0;
  let files = 0;
  for (;;) {
    const i = Atomics.add(v.next, 0, 1);
    if (i >= data.paths.length) break;
    if (Atomics.load(v.known, i)) continue;
    const text = read(data.paths[i]);
    if (text === undefined) {
      Atomics.store(v.line, i, NOT_READ);
      continue;
    }
    const tree = parsePython(text);
    const line = firstErrorLine(tree, text);
    Atomics.store(v.hash, i, textHash(text));
    Atomics.store(v.py2, i, line !== undefined && !tree.rootNode.hasError ? 1 : 0);
    // the line last: a result is whole once its line is stored (the main thread reads them after the worker exits)
    Atomics.store(v.line, i, line ?? CLEAN);
    files++;
    held += text.length;
    if (held >= RELEASE_EVERY) {
      held = 0;
      await release();
    }
  }
  const report: SyntaxWorkerReport = { ms: performance.now() - started, parsedChars: parsedChars(), files };
  parentPort?.postMessage(report);
}
