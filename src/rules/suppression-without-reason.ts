import { workspaceSuppressions } from '../project/suppressions';
import type { ScanContext } from '../project/scan';
import type { Rule, RuleResult } from './rule';

/**
 * The check of the rules about suppressions (this one and launch.I007), which judge in Rule.review after every
 * gate: nothing yet, or "not applicable" when the scanned files hold no suppression at all.
 */
export function beforeReview(ctx: ScanContext): RuleResult {
  return workspaceSuppressions(ctx.workspace).length ? { hits: [] } : { hits: [], notApplicable: 'no inline suppressions' };
}

/**
 * launch.I006: an inline suppression with no reason after its IDs. It still suppresses (a team may be mid-way
 * through a clean-up); the note keeps the debt visible. A team that wants every suppression explained makes it
 * an error: `level = { "launch.I006" = "error" }`.
 */
const rule: Rule = {
  meta: {
    id: 'launch.I006',
    name: 'suppression-without-reason',
    checklist: 'scan',
    level: 'note',
    title: 'An inline suppression gives no reason',
    fix: 'Write why after the IDs, e.g. `# launch-gate: ignore[launch.E040] SQLite is this internal tool\'s only database`; the reason is what code scanning shows as the dismissal.',
    securitySeverity: 0,
    precision: 'very-high',
    tags: ['maintainability'],
  },
  check: beforeReview,
  // Judged on every comment of the run, including those in files only a finding points at (templates).
  review(_ctx, run) {
    return run.suppressions
      .filter((s) => !s.malformed && s.reason === undefined)
      .map((s) => ({
        location: s.location,
        message: `The suppression of ${s.ids.join(', ')} gives no reason: it still suppresses, but nobody reading the code or the code scanning alert learns why.`,
      }));
  },
};
export default rule;
