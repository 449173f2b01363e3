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
 * Keeps V8's young generation at its starting size for the rest of the process (`--semi-space-growth-factor=1`;
 * V8 otherwise doubles it, up to 16 MB a semi-space on Node 20 and more on Node 24, as a scan allocates). A scan
 * allocates a great many short-lived objects — the tree-sitter binding's node objects above all — and V8 keeps
 * the pages a grown young generation used, although what lives in them dies young. Measured on the 1 M-line
 * monolith (`npm run bench`'s corpus), whole process: peak RSS 299 → 265 MB on Node 20, 423 → 298 MB on Node 24
 * (the action's runtime), wall time within the runs' noise (more, smaller scavenges; each as cheap as what
 * survives it). Both runtimes know the flag; V8 reads it each time it would grow the space, so setting it once
 * the process runs takes effect (checked by the figures above). Set by the entry (src/index.ts), never by a test.
 */
export function keepYoungGenerationSmall(): void {
  setFlagsFromString('--semi-space-growth-factor=1');
}

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
