/**
 * The one shared vocabulary. Every gate produces `Finding`s and a `GateResult`;
 * every reporter (SARIF, text, JSON, job summary, annotations, outputs) consumes a `Report`.
 * Gates know nothing of SARIF or GitHub; reporters know nothing of Django.
 */

/** Finding severity, ordered error > warning > note (SARIF's levels; Django's E/W/I letters). */
export type Level = 'error' | 'warning' | 'note';
export const LEVELS: readonly Level[] = ['error', 'warning', 'note'];
export const LEVEL_RANK: Record<Level, number> = { error: 3, warning: 2, note: 1 };

/** `never` disables failing; the others fail on findings at or above that level. */
export type FailOn = Level | 'never';
export const FAIL_ON_VALUES: readonly FailOn[] = ['error', 'warning', 'note', 'never'];

export const GATE_NAMES = ['rules', 'deploy-checks', 'tests', 'migrations', 'collectstatic', 'history'] as const;
export type GateName = (typeof GATE_NAMES)[number];
/**
 * `verify URL` (src/verify/): the live site's checks, reported as one gate of their own. Not a scan gate — never
 * in --gates / the gates input, which take GATE_NAMES only.
 */
export const VERIFY_GATE = 'verify';
/** Who made a finding or a gate result: a scan gate, or verify. */
export type ReportGate = GateName | typeof VERIFY_GATE;

/**
 * A place in a file. `file` is relative to the scan root, with forward slashes. Lines and columns are 1-based.
 * In a report about a live site (Report.site), `file` is the URL path that was checked (`/`, `/static/app.css`)
 * on the site's origin (Report.root) and `line` is 1.
 */
export interface Location {
  file: string;
  line: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
}

export interface Finding {
  /** Stable rule ID in Django's style, e.g. `launch.E010`, or a Django check ID for runtime gates. */
  ruleId: string;
  gate: ReportGate;
  level: Level;
  /** One or two sentences. Never contains a secret value (reporters also pass it through redaction). */
  message: string;
  location: Location;
  /** The matching Django system check, e.g. `security.W018`, when one exists. */
  djangoCheck?: string;
  /**
   * What to do about this finding, when its cause needs other advice than the rule's one-line `fix` (a file
   * that is not UTF-8 is not a syntax error). Reporters prefer it to the rule's fix. Never a secret.
   */
  fix?: string;
  /** Related places (e.g. the urls.py route that reaches a view). */
  related?: Array<{ location: Location; message: string }>;
  /**
   * Set when an inline `# launch-gate: ignore[ID] reason` comment covers this finding (src/suppressions.ts).
   * A suppressed finding stays in the report — SARIF carries it with a `suppressions` entry — but never counts:
   * not in countByLevel, never blocking, never annotated.
   */
  suppression?: FindingSuppression;
}

/** SARIF's `suppression` (§3.35) as the engine records it: kind inSource, the comment's reason and place. */
export interface FindingSuppression {
  kind: 'inSource';
  /** The reason written after the IDs; absent when none was (launch.I006 reports that). Never a secret: redacted. */
  justification?: string;
  /** Where the comment is. */
  location: Location;
}

export type GateStatus = 'passed' | 'failed' | 'skipped' | 'error';

export interface GateResult {
  gate: ReportGate;
  /** passed: ran, no findings at/above fail-on. failed: ran, findings. skipped: not applicable (reason in detail). error: could not run. */
  status: GateStatus;
  durationMs: number;
  /**
   * What ran, or why it was skipped or errored: one line per project (lines separated by '\n'); reporters
   * show each line on its own.
   */
  detail?: string;
  findings: Finding[];
}

/** Checklist items: how the summary and the text output group findings. */
export const CHECKLIST = {
  settings: 'Production settings identified and read',
  debug: 'DEBUG off in production',
  'allowed-hosts': 'ALLOWED_HOSTS restricted',
  'secret-key': 'SECRET_KEY secret and stable',
  database: 'Production database (a server, not SQLite; CONN_MAX_AGE that fits the server)',
  'app-server': 'A real app server (no runserver)',
  'static-files': 'Static files collected (STATIC_ROOT, STORAGES)',
  uploads: 'Uploads off the app disk',
  'slow-work': 'Slow work out of the request path',
  monitoring: 'Error monitoring',
  'security-settings': 'HTTPS and security headers',
  'rate-limiting': 'Login rate limiting',
  'code-security': 'Django security mistakes in code, templates and settings',
  'test-suite': 'Test suite passes',
  migrations: 'Migrations apply on PostgreSQL',
  'migration-safety': 'Migrations safe while the old release still runs',
  scan: 'Scan coverage: unreadable files and inline suppressions',
  'live-site': 'The live site (HTTPS, headers, no debug page)',
} as const;
export type ChecklistItem = keyof typeof CHECKLIST;

export type Precision = 'very-high' | 'high' | 'medium' | 'low';

/** What every reporter needs to know about a rule (SARIF driver rules, summary links, text fix lines). */
export interface RuleMeta {
  id: string;
  /** kebab-case name, e.g. `debug-enabled`. */
  name: string;
  checklist: ChecklistItem;
  level: Level;
  /** One line: what is wrong (SARIF shortDescription). */
  title: string;
  /** One line: what to do (text output "fix:" line, Django's hint). */
  fix: string;
  /** 0.0–10.0, for GitHub code scanning's security severity. */
  securitySeverity: number;
  precision: Precision;
  /** e.g. ['security', 'external/cwe/cwe-489'] */
  tags: string[];
  /** The Django system check this rule mirrors (its main one), e.g. `security.W018`. */
  djangoCheck?: string;
  /**
   * Further Django checks the rule reports besides `djangoCheck` (one rule, several causes: launch.W107 is
   * security.W002 or security.W019). A hit names which one it is (RuleHit.djangoCheck).
   */
  djangoChecks?: string[];
  /**
   * The production settings the rule decides from. When one of them cannot be known in production (its
   * default value is not computable, or it may be set by code the scan cannot follow) and the rule reported
   * nothing, the rule did not decide: its checklist item is "not checked", never "passed".
   */
  settings?: string[];
}

/** Every Django check a rule covers: `djangoCheck` first, then `djangoChecks`. */
export function djangoChecksOf(rule: RuleMeta): string[] {
  return [...new Set([...(rule.djangoCheck ? [rule.djangoCheck] : []), ...(rule.djangoChecks ?? [])])];
}

/**
 * The rule behind a finding: by ID, else the rule that covers the finding's Django check (a runtime
 * `security.W004` belongs to the static rule that reports `security.W004`).
 */
export function ruleMetaFor(rules: readonly RuleMeta[], finding: Finding): RuleMeta | undefined {
  const byId = rules.find((r) => r.id === finding.ruleId);
  if (byId) return byId;
  const check = finding.djangoCheck ?? finding.ruleId;
  return rules.find((r) => djangoChecksOf(r).includes(check));
}

export interface ProjectInfo {
  /** manage.py folder relative to the scan root ('' for the root itself). */
  root: string;
  settingsModule: string | null;
  settingsFile: string | null;
  /** One sentence: why this module is taken as the production settings (or why none is). */
  reason: string;
  /**
   * resolved: one module, from evidence; ambiguous: evidence names several (a note says which, and how to
   * choose); missing: the module wsgi/asgi/manage.py names does not exist (an error finding); development:
   * a development/test/example project (its folder says so), not judged as production.
   */
  status?: 'resolved' | 'ambiguous' | 'missing' | 'development';
  /** Where the module is named (the Dockerfile line, the wsgi.py line…), when a file names it. */
  evidence?: Location;
  /** django-configurations: the Configuration class the settings come from. */
  configuration?: string;
}

/** The TLS certificate a live site presented (verify). */
export interface CertificateInfo {
  subject: string;
  issuer: string;
  /** subjectAltName entries, e.g. `DNS:example.com`, `IP Address:127.0.0.1`. */
  altNames: string[];
  /** ISO 8601. */
  validFrom: string;
  validTo: string;
  /** Whole days until validTo (negative once expired). */
  daysLeft: number;
  /** Whether the chain and the host name verify against the trusted CAs (Node's, the system's, NODE_EXTRA_CA_CERTS). */
  verified: boolean;
  /** Why not, as Node/OpenSSL name it: CERT_HAS_EXPIRED, DEPTH_ZERO_SELF_SIGNED_CERT, ERR_TLS_CERT_ALTNAME_INVALID… */
  error?: string;
  /** TLSv1.3, TLSv1.2… */
  protocol?: string;
  fingerprint256: string;
}

/** One request verify made, as it went: redirects are followed hop by hop, each hop its own entry. */
export interface SiteRequest {
  /** What it was for: `home`, `http`, `not-found`, `bogus-host`, `login`, `manifest`, `static`, `admin`. */
  purpose: string;
  method: 'GET';
  url: string;
  /** The Host header sent when it is not the URL's own (the bogus-Host probe). */
  hostHeader?: string;
  status?: number;
  /** The Location header of a redirect. */
  location?: string;
  /** No answer: the connection or TLS error (ECONNREFUSED, ETIMEDOUT, CERT_HAS_EXPIRED…). */
  error?: string;
  ms: number;
}

/** The live site a report is about (`verify URL`): set on verify reports only. */
export interface SiteInfo {
  /** The HTTPS URL checked (the home page). */
  url: string;
  /** Where the HTTP → HTTPS redirect was checked. */
  httpUrl: string;
  /** --insecure: certificates were accepted without verification. */
  insecure: boolean;
  certificate?: CertificateInfo;
  requests: SiteRequest[];
}

export interface Report {
  tool: { name: string; version: string; informationUri: string };
  /**
   * Absolute scan root; every Location.file is relative to it. For a live site (site set): its origin
   * (`https://example.com`), and every Location.file is a URL path on it.
   */
  root: string;
  /** verify: the live site checked (then projects is empty). */
  site?: SiteInfo;
  projects: ProjectInfo[];
  gates: GateResult[];
  findings: Finding[];
  rules: RuleMeta[];
  /** Status of every checklist item, in CHECKLIST order. */
  checklist: ChecklistStatus[];
  failOn: FailOn;
}

/**
 * pass: a gate that ran looked at the item and found nothing; findings: at least one finding;
 * not-applicable: a gate looked and there was nothing to check (reason says why); not-checked: no gate that
 * ran looked at it, or the one that would could not (reason says which) — never shown as passed.
 */
export type ChecklistState = 'pass' | 'findings' | 'not-applicable' | 'not-checked';

export interface ChecklistStatus {
  item: ChecklistItem;
  status: ChecklistState;
  /** Why not applicable or not checked; for a pass, what checked it when that was not the rules gate. */
  reason?: string;
}

export function rank(level: Level): number {
  return LEVEL_RANK[level];
}

/** Most severe first, then by file, line, rule: the one stable order every reporter uses. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    rank(b.level) - rank(a.level) ||
    cmp(a.location.file, b.location.file) ||
    a.location.line - b.location.line ||
    (a.location.column ?? 0) - (b.location.column ?? 0) ||
    cmp(a.ruleId, b.ruleId) ||
    cmp(a.message, b.message)
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Findings per level; suppressed findings are not counted (suppressedCount says how many there are). */
export function countByLevel(findings: readonly Finding[]): Record<Level, number> {
  const out: Record<Level, number> = { error: 0, warning: 0, note: 0 };
  for (const f of findings) if (!f.suppression) out[f.level]++;
  return out;
}

/** How many findings an inline suppression covers. */
export function suppressedCount(findings: readonly Finding[]): number {
  return findings.filter((f) => f.suppression).length;
}

/** Is this finding at or above `failOn`? A suppressed finding never is. */
export function blocksLaunch(finding: Finding, failOn: FailOn): boolean {
  return failOn !== 'never' && !finding.suppression && rank(finding.level) >= rank(failOn);
}

/** Does this set of findings stop the launch under `failOn`? */
export function launchBlocked(findings: readonly Finding[], failOn: FailOn): boolean {
  return findings.some((f) => blocksLaunch(f, failOn));
}

/**
 * Secret values shorter than this are not collected or redacted: they would match ordinary words ("pass",
 * "admin") and corrupt every report, and no message ever contains a value in the first place.
 */
export const MIN_SECRET_LENGTH = 8;
