/**
 * Letting go of syntax trees. tree-sitter's Node binding frees a tree's native memory only from a finalizer,
 * and Node runs such finalizers after a garbage collection *and* a turn of the event loop; V8 alone collects
 * late, since it does not see the trees' native memory (about 1.2 KB per line of Python). Measured: parsing a
 * 737-line file 2,000 times and dropping each tree peaks at 1.7 GB without both, at 130 MB with them. So the
 * rules gate calls release() between groups of rules (src/gates/rules.ts) and, in launch.I001's syntax check,
 * every batch of files (Workspace.checkSyntaxOfAll).
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | undefined;

/**
 * A full garbage collection, then a turn of the event loop (tree-sitter's finalizers run there). Measured on
 * a 1 M-line project: young-generation collections (`gc({type: 'minor'})`) left the trees alive (peak memory
 * grew), and on Node 20 `gc({type: 'major'})` collects nothing: plain gc() it is.
 */
export async function release(): Promise<void> {
  if (!gc) {
    // `--expose-gc` set at run time makes `gc` a global of contexts made after it: one is made to fetch it.
    // The flag stays set for this process; nothing else here reads it.
    setFlagsFromString('--expose-gc');
    const exposed: unknown = runInNewContext('typeof gc === "function" ? gc : undefined');
    // A runtime that does not expose it (none known: Node 20 and 24 do) costs memory, never findings.
    gc = typeof exposed === 'function' ? (exposed as () => void) : () => {};
  }
  gc();
  await new Promise((done) => setImmediate(done));
}
