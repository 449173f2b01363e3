import type { Finding, Level, Location, RuleMeta } from '../finding';
import type { SourceFile } from '../project/workspace';
import type { ScanContext } from '../project/scan';
import type { SuppressionComment } from '../project/suppressions';

/** What a rule reports; the engine turns it into a Finding (gate `rules`, level from meta unless overridden). */
export interface RuleHit {
  location: Location;
  /** Never include a secret value. Say what is wrong here, concretely (setting name, world, file). */
  message: string;
  /** Override the rule's default level (e.g. a literal key in dev settings is a note). */
  level?: Level;
  /** What to do, when this cause needs other advice than the rule's `fix` (reporters prefer it). */
  fix?: string;
  /** Which of the rule's Django checks (RuleMeta.djangoCheck / djangoChecks) this hit is; default: all of them. */
  djangoCheck?: string;
  related?: Array<{ location: Location; message: string }>;
}

export interface RuleResult {
  hits: RuleHit[];
  /** Set when the rule had nothing to look at (e.g. no auth endpoints): the summary shows "not applicable" with this reason. */
  notApplicable?: string;
  /**
   * Set when the rule reported nothing but could not decide (what it needs is unknown in production): its
   * checklist item is "not checked" with this reason, never "passed". Settings rules get this from
   * `meta.settings` without saying it; rules that also read code say it themselves.
   */
  undecided?: string;
  /**
   * Project roots for which the rule decided from something other than the settings it reads (the project's
   * own proxy sends HSTS): an unknown setting does not make it undecided there.
   */
  decidedFor?: string[];
}

/**
 * A rule is one file in src/rules/, one fixture in test/rules/<ID>/, one doc page docs/rules/<ID>.md.
 * It knows only the parsed project (ScanContext): never SARIF, GitHub or the terminal.
 */
export interface Rule {
  meta: RuleMeta;
  check(ctx: ScanContext): RuleResult;
  /**
   * The kind of Python file the rule parses, beyond the settings chain and deploy files the scan has read:
   * the rules gate runs the rules of a kind one after another and lets go of their trees before the next kind
   * (src/gates/rules.ts). A hint for memory only — a wrong or missing one costs time or memory, never findings.
   */
  reads?: ReadsKind;
  /**
   * Set by a rule that reports file by file: it reports only on the files of ScanContext.fileBatch
   * (inFileBatch), reading any other file it needs to decide, so that the rules gate may run it a batch of files
   * at a time when every rule of its kind (reads) can be. Returns how much of a file's source the rule parses
   * (0 when its text filters leave the file unparsed), to size the batches: a wrong weight costs memory, never
   * findings.
   */
  batchWeight?(file: SourceFile): number;
  /**
   * For the few rules about the run itself (inline suppressions that suppress nothing): called by the engine
   * after every gate, with every finding; its hits become findings of the rules gate like check's. Never
   * suppressed themselves (suppressions are applied before).
   */
  review?(ctx: ScanContext, run: RunReview): RuleHit[];
}

/** Kinds of Python files (Rule.reads), in the order the rules gate runs them. */
export const READS_KINDS = ['models', 'views', 'migrations'] as const;
export type ReadsKind = (typeof READS_KINDS)[number];

/** What a reviewing rule sees of the finished run. */
export interface RunReview {
  /** Every finding of every gate, inline suppressions applied (Finding.suppression). */
  findings: readonly Finding[];
  /** Every inline suppression comment read: in the files the scan read and in any file a finding points at. */
  suppressions: readonly SuppressionComment[];
  /** Is `id` a rule ID this tool has, or shaped like a Django system check ID (`security.W004`)? */
  known(id: string): boolean;
  /** Did what reports `id` run and finish — so that no finding of it means there was none to report? */
  ran(id: string): boolean;
}
