/**
 * The checklist: for every item, what the gates that ran say about it. An item passes only when a gate that
 * ran looked at it and found nothing; an item no gate that ran looks at — or whose gate could not run or was
 * skipped — is "not checked", with the reason, and never shown as passed.
 *
 * Who looks at what: the rules gate at every item that has (enabled) rules; deploy-checks (Django's
 * check --deploy) at DEBUG, ALLOWED_HOSTS, SECRET_KEY and the security settings; collectstatic at the
 * static files; tests at the test suite; migrations at the migrations.
 */
import { CHECKLIST, ruleMetaFor, type ChecklistItem, type ChecklistStatus, type Finding, type GateName, type GateResult, type RuleMeta } from './finding';

/** The runtime gates' items, and how a pass by that gate alone is described. */
export const GATE_ITEMS: ReadonlyArray<{ gate: GateName; items: readonly ChecklistItem[]; by: string }> = [
  { gate: 'deploy-checks', items: ['debug', 'allowed-hosts', 'secret-key', 'security-settings'], by: "checked by Django's check --deploy only" },
  { gate: 'collectstatic', items: ['static-files'], by: 'checked by collectstatic only' },
  { gate: 'tests', items: ['test-suite'], by: 'checked by the tests gate only' },
  { gate: 'migrations', items: ['migrations'], by: 'checked by the migrations gate only' },
];

/**
 * The history gate's items (secrets ever committed). Not in GATE_ITEMS: a scan that does not ask for history does
 * not leave them unchecked, and history alone never passes them — see checklistStatus.
 */
const HISTORY_ITEMS: readonly ChecklistItem[] = ['secret-key'];

export interface ChecklistInput {
  /** Every static rule this version has (enabled or not). */
  staticRules: readonly RuleMeta[];
  /** IDs of the static rules that ran (the rest are disabled by the config). */
  enabled: ReadonlySet<string>;
  /** What the rules gate said, when it ran. */
  rulesGate?: { notApplicable: ReadonlyMap<string, string>; failed: readonly string[]; undecided?: ReadonlyMap<string, string> };
  gates: readonly GateResult[];
  findings: readonly Finding[];
  /** The report's rules, to place each finding (by ID or Django check) under its item. */
  reportRules: readonly RuleMeta[];
}

type Verdict = { status: 'pass' | 'not-applicable' | 'not-checked'; reason?: string };

export function checklistStatus(input: ChecklistInput): ChecklistStatus[] {
  const withFindings = new Set<ChecklistItem>();
  const beyondNotes = new Set<ChecklistItem>();
  // A finding an inline suppression covers does not hold its item back; a pass says how many there were.
  const suppressed = new Map<ChecklistItem, number>();
  for (const f of input.findings) {
    const item = ruleMetaFor(input.reportRules, f)?.checklist;
    if (item && f.suppression) {
      suppressed.set(item, (suppressed.get(item) ?? 0) + 1);
      continue;
    }
    if (item) withFindings.add(item);
    if (item && f.level !== 'note') beyondNotes.add(item);
  }
  const out: ChecklistStatus[] = [];
  for (const item of Object.keys(CHECKLIST) as ChecklistItem[]) {
    // The live site is verify's item (src/verify/): a scan of the code never looks at it, nor lists it.
    if (item === 'live-site') continue;
    const itemRules = input.staticRules.filter((r) => r.checklist === item);
    if (withFindings.has(item)) {
      // Notes from rules that could not decide (migrations without a base ref) do not check the item.
      const undecided = beyondNotes.has(item) || !itemRules.length ? undefined : rulesVerdict(itemRules, input);
      out.push(undecided?.status === 'not-checked' ? { item, ...undecided } : { item, status: 'findings' });
      continue;
    }
    const verdicts: Verdict[] = [];
    if (itemRules.length) verdicts.push(rulesVerdict(itemRules, input));
    for (const { gate, items, by } of GATE_ITEMS) {
      if (!items.includes(item)) continue;
      const g = input.gates.find((x) => x.gate === gate);
      if (!g) verdicts.push({ status: 'not-checked', reason: `${gate} gate not run` });
      else if (g.status === 'error') verdicts.push({ status: 'not-checked', reason: `${gate} gate could not run` });
      else if (g.status === 'skipped') verdicts.push({ status: 'not-checked', reason: `${gate} gate skipped${g.detail ? `: ${lines(g.detail)}` : ''}` });
      else verdicts.push({ status: 'pass', ...(itemRules.length ? { reason: by } : {}) });
    }
    let status = combine(item, verdicts);
    // The history gate, when asked for, is part of its item: the committed history may hold the key the code no
    // longer does. Skipped (a shallow clone, no git) or broken, it leaves the item not checked — whatever else passed.
    const history = input.gates.find((g) => g.gate === 'history');
    if (history && HISTORY_ITEMS.includes(item) && (history.status === 'skipped' || history.status === 'error')) {
      const why = history.status === 'error' ? 'history gate could not run' : `history gate skipped${history.detail ? `: ${lines(history.detail)}` : ''}`;
      status = { item, status: 'not-checked', reason: why };
    }
    const n = suppressed.get(item);
    if (n && status.status === 'pass') status.reason = [status.reason, `${n} finding${n === 1 ? '' : 's'} suppressed in source`].filter(Boolean).join('; ');
    out.push(status);
  }
  return out;
}

function rulesVerdict(itemRules: readonly RuleMeta[], input: ChecklistInput): Verdict {
  if (!input.rulesGate) return { status: 'not-checked', reason: 'rules gate not run' };
  const enabled = itemRules.filter((r) => input.enabled.has(r.id));
  if (enabled.length === 0) return { status: 'not-checked', reason: `${itemRules.length === 1 ? 'its rule is' : 'its rules are'} disabled in the config` };
  const failed = enabled.filter((r) => input.rulesGate!.failed.includes(r.id)).map((r) => r.id);
  if (failed.length) return { status: 'not-checked', reason: `rule ${failed.join(', ')} failed` };
  // A rule that could not decide (a setting it reads is unknown in production) did not check its item.
  const undecided = enabled.map((r) => input.rulesGate!.undecided?.get(r.id)).filter((x): x is string => Boolean(x));
  if (undecided.length) return { status: 'not-checked', reason: [...new Set(undecided)].join('; ') };
  const na = input.rulesGate.notApplicable;
  if (enabled.every((r) => na.has(r.id))) return { status: 'not-applicable', reason: [...new Set(enabled.map((r) => na.get(r.id)!))].join('; ') };
  return { status: 'pass' };
}

/** A pass by any gate wins (the rules gate's first), then not applicable, else not checked with every reason. */
function combine(item: ChecklistItem, verdicts: Verdict[]): ChecklistStatus {
  const pass = verdicts.find((v) => v.status === 'pass');
  if (pass) return { item, status: 'pass', ...(pass.reason ? { reason: pass.reason } : {}) };
  const pick = verdicts.some((v) => v.status === 'not-applicable') ? 'not-applicable' : 'not-checked';
  const reasons = [...new Set(verdicts.filter((v) => v.status === pick && v.reason).map((v) => v.reason!))];
  if (verdicts.length === 0) reasons.push('no gate checks it');
  return { item, status: pick, ...(reasons.length ? { reason: reasons.join('; ') } : {}) };
}

function lines(detail: string): string {
  return detail.split('\n').map((l) => l.trim()).filter(Boolean).join('; ');
}
