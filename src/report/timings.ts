/**
 * `--time`: where the rules gate spent its time, as a table on stderr (the action writes the same lines to its
 * debug log) — each rule's seconds over its batches, the source it parsed and how many batches it ran in, and
 * the gate's own steps (the view index, the syntax check of the files no rule parsed, letting go of trees). Like
 * semgrep's `--time`: for a team whose gate got slow on a large monolith, the rule or step to look at first.
 * Rule IDs and step names only: nothing of the project's source or settings appears.
 */
import type { Timing } from '../gates/rules';

/** Rows shown before the rest are summed in one line. */
const SHOWN = 25;

export function timingLines(timings: readonly Timing[], gateMs: number | undefined): string[] {
  if (!timings.length) return ['--time: the rules gate did not run (--gates without rules): nothing to time'];
  const sorted = [...timings].sort((a, b) => b.ms - a.ms || a.what.localeCompare(b.what));
  const parsed = timings.reduce((n, t) => n + t.parsedChars, 0);
  const mb = (chars: number) => (chars / 1e6).toFixed(1);
  const s = (ms: number) => (ms / 1000).toFixed(2);
  const out = [
    `rules gate: ${gateMs === undefined ? '' : `${s(gateMs)} s, `}${mb(parsed)} MB of Python source parsed (a file parsed again in a later batch counts again)`,
    `${'seconds'.padStart(8)} ${'parsed MB'.padStart(9)} ${'runs'.padStart(5)}  rule or step`,
  ];
  for (const t of sorted.slice(0, SHOWN)) out.push(`${s(t.ms).padStart(8)} ${mb(t.parsedChars).padStart(9)} ${String(t.runs).padStart(5)}  ${t.what}`);
  const rest = sorted.slice(SHOWN);
  if (rest.length) {
    const ms = rest.reduce((n, t) => n + t.ms, 0);
    const chars = rest.reduce((n, t) => n + t.parsedChars, 0);
    out.push(`${s(ms).padStart(8)} ${mb(chars).padStart(9)} ${''.padStart(5)}  ${rest.length} more rules, together`);
  }
  return out;
}
