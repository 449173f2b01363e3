/**
 * The terminal report: who was scanned, how each gate went, then findings grouped by checklist item,
 * each with the rule's fix, and one closing verdict line.
 *
 * Also home of the small helpers the other human-facing reporters (summary, annotations) share:
 * rule lookup, checklist grouping, the verdict.
 */
import {
  CHECKLIST,
  compareFindings,
  countByLevel,
  GATE_NAMES,
  launchBlocked,
  ruleMetaFor,
  suppressedCount,
  type ChecklistItem,
  type Finding,
  type GateResult,
  type GateStatus,
  type Level,
  type Report,
  type RuleMeta,
} from '../finding';

export interface TextOptions {
  color: boolean;
}

/** The group for findings whose rule the report does not describe (and no rule names their Django check). */
export const OTHER_GROUP = 'other';
export const OTHER_TITLE = 'Other checks';

export interface FindingGroup {
  item: ChecklistItem | typeof OTHER_GROUP;
  title: string;
  findings: Finding[];
}

/**
 * The rule behind a finding: by ID, else the rule that covers the finding's Django check
 * (a runtime `security.W004` maps to the static rule that reports `security.W004`).
 */
export function ruleFor(report: Report, finding: Finding): RuleMeta | undefined {
  return ruleMetaFor(report.rules, finding);
}

/** What to do about a finding: its own fix when its cause needs one, else its rule's. */
export function fixFor(report: Report, finding: Finding): string | undefined {
  return finding.fix ?? ruleFor(report, finding)?.fix;
}

/**
 * Findings grouped by checklist item in CHECKLIST order (sorted within), unmatched findings last. Suppressed
 * findings are not in any group: see suppressedFindings.
 */
export function groupFindings(report: Report): FindingGroup[] {
  const byItem = new Map<string, Finding[]>();
  for (const f of [...report.findings].filter((x) => !x.suppression).sort(compareFindings)) {
    const item = ruleFor(report, f)?.checklist ?? OTHER_GROUP;
    const list = byItem.get(item) ?? [];
    list.push(f);
    byItem.set(item, list);
  }
  const groups: FindingGroup[] = [];
  for (const item of Object.keys(CHECKLIST) as ChecklistItem[]) {
    const findings = byItem.get(item);
    if (findings) groups.push({ item, title: CHECKLIST[item], findings });
    byItem.delete(item);
  }
  // A finding whose rule names no known item still shows, under "Other checks": never dropped.
  const other = [...byItem.values()].flat();
  if (other.length) groups.push({ item: OTHER_GROUP, title: OTHER_TITLE, findings: other.sort(compareFindings) });
  return groups;
}

/** Where a finding is, as the human-facing reporters print it: `file:line`, or a live site's URL path. */
export function findingWhere(report: Report, location: { file: string; line: number }): string {
  if (report.site) return location.file || '/';
  return `${location.file || '(project)'}:${location.line}`;
}

/** A live site's head lines (verify): the URL, the HTTP side, the certificate; --insecure said loudly. */
export function siteLines(report: Report): string[] {
  const site = report.site;
  if (!site) return [];
  const lines = [`Site ${site.url} (HTTP side: ${site.httpUrl})`];
  const cert = site.certificate;
  if (cert) {
    lines.push(
      `Certificate ${cert.subject || '(no subject)'}, issued by ${cert.issuer || '(unknown)'}, valid until ${cert.validTo.slice(0, 10)} (${cert.daysLeft} days left): ${cert.verified ? 'verifies against the trusted CAs' : `does not verify (${cert.error ?? 'unknown error'})`}`,
    );
  }
  if (site.insecure) {
    lines.push(
      cert && !cert.verified
        ? 'INSECURE (--insecure): this certificate does not verify and was accepted anyway; browsers refuse it. Not a production result.'
        : 'INSECURE (--insecure): certificates were accepted without verification (this one verified anyway).',
    );
  }
  lines.push(`${site.requests.length} request${site.requests.length === 1 ? '' : 's'}, redirects followed hop by hop on ${new URL(site.url).hostname} only (--format json lists each)`);
  return lines;
}

/** `3 errors, 2 warnings, 1 note` (zero counts included so the line always reads the same way); suppressed ones not counted. */
export function countsPhrase(findings: readonly Finding[]): string {
  const c = countByLevel(findings);
  return [plural(c.error, 'error'), plural(c.warning, 'warning'), plural(c.note, 'note')].join(', ');
}

/** The findings an inline suppression covers, in the report's order: shown apart, compactly, never counted. */
export function suppressedFindings(report: Report): Finding[] {
  return report.findings.filter((f) => f.suppression).sort(compareFindings);
}

/** One suppressed finding on a line: `ID at file:line — reason` (the reason redacted like all report text). */
export function suppressedLine(report: Report, f: Finding): string {
  const why = f.suppression?.justification;
  return `${f.ruleId} at ${findingWhere(report, f.location)} — ${why ? `"${why}"` : 'no reason given'}`;
}

/**
 * Why this report cannot say the launch may proceed even without blocking findings, or undefined when it
 * can: a gate that could not run, a project whose production settings were not checked.
 */
export function unverifiedReason(report: Report): string | undefined {
  const reasons: string[] = [];
  // verify --insecure: a certificate that does not verify was accepted — never a plain pass.
  const cert = report.site?.certificate;
  if (report.site?.insecure && cert && !cert.verified) reasons.push(`--insecure: the certificate does not verify (${cert.error ?? 'unknown error'})`);
  const errored = sortGates(report.gates).filter((g) => g.status === 'error').map((g) => g.gate);
  if (errored.length > 0) reasons.push(`${plural(errored.length, 'gate')} could not run (${errored.join(', ')})`);
  // The history gate asked for but unable to read the history (a shallow clone, no git): its work is not done.
  const history = report.gates.find((g) => g.gate === 'history' && g.status === 'skipped');
  if (history) reasons.push(history.detail ? detailLines(history.detail)[0]! : 'history not checked');
  // A development/test/example project beside a real one is not judged on purpose; any other project without
  // production settings was not checked.
  const unchecked = report.projects.filter((p) => p.settingsModule === null && p.status !== 'development').map((p) => p.root || '.');
  if (unchecked.length > 0) reasons.push(`no production settings checked in ${plural(unchecked.length, 'project')} (${unchecked.join(', ')})`);
  return reasons.length ? reasons.join('; ') : undefined;
}

/**
 * The closing line. Blocked: findings at or above fail-on. Not verified: nothing blocks, but something was
 * not checked that should have been (unverifiedReason) — never "may proceed" then.
 */
export function verdict(report: Report): { blocked: boolean; verified: boolean; text: string } {
  const blocked = launchBlocked(report.findings, report.failOn);
  const unverified = unverifiedReason(report);
  const n = suppressedCount(report.findings);
  const counts = `${countsPhrase(report.findings)}${n ? ` (${n} suppressed)` : ''}`;
  // A scan judges a launch; verify judges a live site.
  const [isBlocked, notVerified, proceeds] = report.site ? ['live site fails', 'live site not verified', 'live site passes'] : ['launch blocked', 'launch not verified', 'launch may proceed'];
  let text: string;
  if (blocked) text = `${counts} — ${isBlocked} (fail-on: ${report.failOn})${unverified ? `; ${unverified}` : ''}`;
  else if (unverified) text = `${counts} — ${notVerified}: ${unverified}`;
  else text = `${counts} — ${proceeds} (fail-on: ${report.failOn})`;
  return { blocked, verified: unverified === undefined, text };
}

/** Gates in their canonical order (GATE_NAMES); they finish concurrently, in any order. */
export function sortGates(gates: readonly GateResult[]): GateResult[] {
  const order = (g: GateResult) => {
    const i = (GATE_NAMES as readonly string[]).indexOf(g.gate);
    return i === -1 ? GATE_NAMES.length : i;
  };
  return [...gates].sort((a, b) => order(a) - order(b) || (a.gate < b.gate ? -1 : a.gate > b.gate ? 1 : 0));
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function formatDuration(ms: number): string {
  const v = Number.isFinite(ms) && ms > 0 ? ms : 0;
  if (v < 1000) return `${Math.round(v)} ms`;
  if (v < 60_000) return `${(v / 1000).toFixed(1)} s`;
  const s = Math.round(v / 1000);
  return `${Math.floor(s / 60)} min ${s % 60} s`;
}

export function formatText(report: Report, opts: TextOptions): string {
  return `${[...textLines(report, opts)].join('\n')}\n`;
}

/**
 * formatText's text in pieces of whole lines, each at most about `maxChars` characters (a longer line is a piece
 * of its own) and ending in a line break: a writer prints them one by one (the CLI's stdout, the action's log)
 * and never holds the whole report — a 1 M-line monolith's 7,296 findings make 4 MB of text, 30 MB of the
 * action's peak memory as one string and its redacted copy. Joined, the pieces are formatText's text.
 */
export function* textPieces(report: Report, opts: TextOptions, maxChars = 64 * 1024): Generator<string> {
  let piece: string[] = [];
  let size = 0;
  for (const line of textLines(report, opts)) {
    if (piece.length && size + line.length > maxChars) {
      yield `${piece.join('\n')}\n`;
      piece = [];
      size = 0;
    }
    piece.push(line);
    size += line.length + 1;
  }
  if (piece.length) yield `${piece.join('\n')}\n`;
}

/** formatText's lines, one at a time (no line breaks in them). */
function* textLines(report: Report, opts: TextOptions): Generator<string> {
  const c = palette(opts.color);
  yield c.bold(`${clean(report.tool.name)} ${clean(report.tool.version)}`);
  for (const l of siteLines(report)) yield /^INSECURE/.test(l) ? c.red(c.bold(clean(l))) : clean(l);
  if (report.projects.length === 0 && !report.site) yield 'No Django project found.';
  for (const p of report.projects) {
    const where = p.root === '' ? '.' : p.root;
    const settings = p.settingsModule
      ? `settings ${p.settingsModule}${p.settingsFile ? ` (${p.settingsFile})` : ''}`
      : 'no settings module found';
    yield `Project ${clean(where)}: ${clean(settings)}`;
    if (p.reason) yield `  ${c.dim(clean(p.reason))}`;
  }

  yield '';
  yield c.bold('Gates');
  const width = Math.max(0, ...report.gates.map((g) => g.gate.length));
  for (const g of sortGates(report.gates)) yield* gateLines(g, width, c).map((l) => `  ${l}`);
  if (report.gates.length === 0) yield '  (none ran)';

  const groups = groupFindings(report);
  for (const group of groups) {
    yield '';
    yield c.bold(`${group.title} — ${countsPhrase(group.findings).split(', ').filter((s) => !s.startsWith('0 ')).join(', ')}`);
    for (const f of group.findings) {
      const where = clean(findingWhere(report, f.location));
      const [first, ...rest] = clean(f.message).split('\n');
      yield `  ${where}  ${c.level(f.level, f.ruleId)}  ${first}`;
      for (const more of rest) yield `      ${more}`;
      for (const r of f.related ?? []) {
        yield `      ${c.dim(`${clean(r.location.file)}:${r.location.line}: ${clean(r.message).replace(/\n/g, ' ')}`)}`;
      }
      const fix = fixFor(report, f);
      if (fix) yield `      ${c.dim('fix:')} ${clean(fix).replace(/\n/g, ' ')}`;
    }
  }

  const suppressed = suppressedFindings(report);
  if (suppressed.length) {
    yield '';
    yield c.bold(`Suppressed in source — ${suppressed.length}`) + c.dim(' (not counted: a launch-gate: ignore[…] comment covers each)');
    for (const f of suppressed) yield `  ${c.dim(clean(suppressedLine(report, f)).replace(/\n/g, ' '))}`;
  }

  const withFindings = new Set(groups.map((g) => g.item));
  const passed: string[] = [];
  const notApplicable: string[] = [];
  const notChecked: string[] = [];
  for (const s of report.checklist) {
    if (withFindings.has(s.item)) continue;
    const title = CHECKLIST[s.item] ?? s.item;
    const entry = s.reason ? `${title} (${clean(s.reason).replace(/\n/g, '; ')})` : title;
    if (s.status === 'not-applicable') notApplicable.push(entry);
    else if (s.status === 'not-checked') notChecked.push(entry);
    else if (s.status === 'pass') passed.push(entry);
  }
  if (passed.length > 0 || notApplicable.length > 0 || notChecked.length > 0) yield '';
  if (passed.length > 0) yield `${c.green('Passed:')} ${passed.join('; ')}`;
  if (notApplicable.length > 0) yield `${c.dim('Not applicable:')} ${notApplicable.join('; ')}`;
  if (notChecked.length > 0) yield `${c.yellow('Not checked:')} ${notChecked.join('; ')}`;

  const v = verdict(report);
  yield '';
  yield v.blocked ? c.red(c.bold(v.text)) : v.verified ? c.green(c.bold(v.text)) : c.yellow(c.bold(v.text));
}

const STATUS_WORD: Record<GateStatus, string> = { passed: 'passed', failed: 'failed', skipped: 'skipped', error: 'error' };

/** A gate's line, then each further line of its detail (one per project) aligned under the first. */
function gateLines(g: GateResult, width: number, c: Palette): string[] {
  const status = STATUS_WORD[g.status] ?? g.status;
  const colored =
    g.status === 'passed' ? c.green(status.padEnd(7)) : g.status === 'failed' || g.status === 'error' ? c.red(status.padEnd(7)) : c.dim(status.padEnd(7));
  const head = `${g.gate.padEnd(width)}  ${colored}  ${formatDuration(g.durationMs).padStart(8)}`;
  const details = detailLines(g.detail);
  if (details.length === 0) return [head];
  const indent = ' '.repeat(width + 2 + 7 + 2 + 8 + 2);
  return [`${head}  ${details[0]}`, ...details.slice(1).map((d) => `${indent}${d}`)];
}

/** A gate's detail as its lines (one per project), cleaned, blank lines dropped. */
export function detailLines(detail: string | undefined): string[] {
  if (!detail) return [];
  return clean(detail)
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}

/** Terminal control characters (escape sequences from a subprocess's output) never reach the terminal. */
function clean(s: string): string {
  return String(s).replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '');
}

interface Palette {
  bold(s: string): string;
  dim(s: string): string;
  red(s: string): string;
  green(s: string): string;
  yellow(s: string): string;
  level(level: Level, s: string): string;
}

function palette(color: boolean): Palette {
  const wrap = (open: number, close: number) => (s: string) => (color ? `\u001b[${open}m${s}\u001b[${close}m` : s);
  const red = wrap(31, 39);
  const yellow = wrap(33, 39);
  const cyan = wrap(36, 39);
  return {
    bold: wrap(1, 22),
    dim: wrap(2, 22),
    red,
    green: wrap(32, 39),
    yellow,
    level: (level, s) => (level === 'error' ? red(s) : level === 'warning' ? yellow(s) : cyan(s)),
  };
}
