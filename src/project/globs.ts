/**
 * Glob matching for the config's `exclude` (paths relative to the scan root) and `production-settings` /
 * `dev-settings` (dotted module names). picomatch rather than a hand-made regex: it has no dependencies, it is
 * the matcher under micromatch, fast-glob, chokidar and vitest, and `**`, `{a,b}`, `[…]` and `!` negation behave
 * the way users know them from other tools. Its posix build never reads `\` as a separator: the scan's paths
 * always use `/`. `dot: true`: a pattern names hidden folders too (`.github/**`).
 */
import picomatch from 'picomatch/posix.js';

/** One predicate for a list of globs: true when any matches. No globs: nothing matches. */
export function globMatcher(patterns: readonly string[]): (s: string) => boolean {
  if (patterns.length === 0) return () => false;
  return picomatch([...patterns], { dot: true });
}
