/**
 * The rules' shortcuts, on by default: text pre-filters that skip a file whose text cannot hold what a rule
 * looks for (slow-work-in-view, uploads-on-local-disk), and node searches done by tree-sitter natively in place
 * of node-by-node walks from JavaScript (walkBody with `types`, eachOfType), and launch.I001's syntax check done
 * last without keeping trees no rule needs (runRulesReleasing in src/gates/rules.ts). Each is meant to change only the
 * time a rule takes, never its findings. Turned off, every rule takes the long way: test/shortcuts.test.ts runs
 * the rules over the Debian corpus both ways and requires identical findings.
 */
export const shortcuts = {
  on: true,
  /**
   * With the shortcuts on, the migration rules run a batch of apps at a time whose migrations come to at most
   * this many characters of source (migrationAppBatches in src/project/migrations.ts); the equality test sets
   * it to 1 (one app per batch) so that splitting is exercised on every project it runs.
   */
  migrationBatchChars: 512 * 1024,
  /**
   * Likewise the model and view rules: a batch of files at a time whose source those rules parse comes to at
   * most this many characters (fileBatches in src/project/files.ts); the equality test makes it small.
   */
  fileBatchChars: 768 * 1024,
  /**
   * The view index (prepareViews in src/project/views.ts) is built a few files at a time, its trees let go whenever
   * this many characters of source are held; the equality test makes it small (a letting-go after every file).
   */
  viewIndexChars: 512 * 1024,
};

/** Runs `fn` with the shortcuts off (for the equality test and for measuring them). */
export function withoutShortcuts<T>(fn: () => T): T {
  const was = shortcuts.on;
  shortcuts.on = false;
  try {
    return fn();
  } finally {
    shortcuts.on = was;
  }
}
