/**
 * Inline suppressions, applied by the engine (src/run.ts) after every gate, to every finding, so every reporter
 * sees the same thing. `# launch-gate: ignore[launch.E010] reason` on a finding's line, or on the line before it
 * (src/project/suppressions.ts reads them), marks each finding of a named ID there suppressed: it stays in the
 * report — SARIF gives it a `suppressions` entry of kind `inSource` with the reason — and leaves the counts, the
 * fail-on verdict and the annotations. A Django check ID covers deploy-checks' finding of it and the code rule
 * that mirrors it (`security.W004` covers launch.W101). The rules that review the run (Rule.review:
 * launch.I006 a suppression without a reason, launch.I007 one that suppresses nothing) then see the result.
 */
import { MAX_FILE_BYTES } from './project/workspace';
import type { Finding, GateName, GateResult } from './finding';
import type { ScanContext } from './project/scan';
import { suppressionComments, workspaceSuppressions, type SuppressionComment } from './project/suppressions';
import { isKnownRuleId, DJANGO_CHECK_ID } from './rule-ids';
import type { RunReview } from './rules/rule';

/** Which runtime gate reports each of the runtime gates' own rule IDs (src/gates/rules-meta.ts). */
export const RUNTIME_RULE_GATE: Readonly<Record<string, GateName>> = {
  'launch.E201': 'tests',
  'launch.E211': 'migrations',
  'launch.E212': 'migrations',
  'launch.E213': 'migrations',
  'launch.E214': 'migrations',
  'launch.E221': 'collectstatic',
  'launch.E036': 'history',
  'launch.W037': 'history',
};

/**
 * Every suppression comment of the run: in the files the scan read, and in any other file a finding points at
 * (a Django template, a test module of the tests gate) — read with `readText`, relative to the scan root.
 */
export function suppressionsOf(ctx: ScanContext, findings: readonly Finding[], readText: (rel: string) => string | undefined): SuppressionComment[] {
  const out = [...workspaceSuppressions(ctx.workspace)];
  // Django templates were read with the workspace: their comments are already in `out`.
  const seen = new Set<string>(ctx.workspace.djangoTemplates().map((t) => t.rel));
  for (const f of findings) {
    const file = f.location.file;
    if (!file || seen.has(file) || ctx.workspace.get(file)) continue;
    seen.add(file);
    const text = readText(file);
    if (text !== undefined && text.length <= MAX_FILE_BYTES) out.push(...suppressionComments(file, text));
  }
  return out;
}

/** Marks every finding a comment covers (Finding.suppression, the first comment that does); returns how many. */
export function applySuppressions(findings: readonly Finding[], comments: readonly SuppressionComment[]): number {
  const byFile = new Map<string, SuppressionComment[]>();
  for (const c of comments) {
    if (c.malformed) continue;
    const list = byFile.get(c.location.file) ?? [];
    list.push(c);
    byFile.set(c.location.file, list);
  }
  let n = 0;
  for (const f of findings) {
    if (f.suppression) continue;
    const c = byFile.get(f.location.file)?.find((s) => s.lines.includes(f.location.line) && covers(s, f));
    if (!c) continue;
    f.suppression = { kind: 'inSource', ...(c.reason ? { justification: c.reason } : {}), location: { ...c.location } };
    n++;
  }
  return n;
}

/** Does the comment name the finding's rule, or the Django check it is? */
export function covers(comment: SuppressionComment, f: Finding): boolean {
  return comment.ids.includes(f.ruleId) || (f.djangoCheck !== undefined && comment.ids.includes(f.djangoCheck));
}

/**
 * What ran to completion in this run: the code rules that ran and did not fail; a runtime gate's own rules when
 * that gate passed or failed (not skipped, not errored); Django check IDs when deploy-checks did. A suppression
 * of an ID that did not run is not judged unused — there was nothing to compare it with.
 */
export function ranOf(staticRan: ReadonlySet<string>, gates: readonly GateResult[]): (id: string) => boolean {
  const finished = new Set(gates.filter((g) => g.status === 'passed' || g.status === 'failed').map((g) => g.gate));
  return (id) => {
    if (staticRan.has(id)) return true;
    const gate = RUNTIME_RULE_GATE[id];
    if (gate) return finished.has(gate);
    return DJANGO_CHECK_ID.test(id) && finished.has('deploy-checks');
  };
}

/** The review the reviewing rules get (Rule.review). */
export function runReview(findings: readonly Finding[], suppressions: readonly SuppressionComment[], ran: (id: string) => boolean): RunReview {
  return { findings, suppressions, known: isKnownRuleId, ran };
}
