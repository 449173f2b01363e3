/**
 * The rule IDs a user may name — in the config's `level` table and in inline suppressions: this tool's own
 * (`launch.E010`), and Django system check IDs (`security.W004`, `models.W042`, a third-party app's
 * `axes.W003`), which the deploy-checks gate reports under Django's own ID. Django's checks depend on the
 * Django version and the installed apps, so any ID of their shape is accepted; a `launch.` ID must exist.
 */
import { RUNTIME_RULES } from './gates/rules-meta';
import { RULES } from './rules/index';
import { VERIFY_RULES } from './verify/checks/index';

/** `<app label>.<C|E|W|I|D><3 digits>`, Django's check ID form — never `launch.`, which is this tool's. */
export const DJANGO_CHECK_ID = /^(?!launch\.)[a-z_][a-z0-9_]*\.[CEWID]\d{3}$/;

/** IDs of the rules a scan can report: the code rules and the runtime gates' own. */
export function scanRuleIds(): Set<string> {
  return new Set([...RULES.map((r) => r.meta.id), ...RUNTIME_RULES.map((r) => r.id)]);
}

/** A rule of this tool (scan or verify), or a Django check ID. */
export function isKnownRuleId(id: string): boolean {
  return DJANGO_CHECK_ID.test(id) || scanRuleIds().has(id) || VERIFY_RULES.some((r) => r.id === id);
}
