/**
 * The Report as stable JSON for the CLI's `--format json`: fixed key order, findings in compareFindings
 * order, rules by ID, gates in canonical order, plus the verdict, so equal reports give equal bytes.
 */
import { compareFindings, countByLevel, launchBlocked, suppressedCount, type Finding, type Location, type Report, type RuleMeta } from '../finding';
import { arrayPieces } from './pieces';
import { sortGates, unverifiedReason, verdict } from './text';

export function toJson(report: Report): string {
  return [...jsonChunks(report)].join('');
}

/**
 * toJson's text in pieces — the document around the findings, then each finding — for a writer that need not
 * hold it all at once: the CLI writes (and redacts) piece by piece, and a 1 M-line monolith's 7,296 findings
 * made a 4 MB document whose one string (and its redacted copy) was the scan's last 18 MB of peak memory.
 * The pieces are what JSON.stringify(doc, null, 2) writes (arrayPieces).
 */
export function* jsonChunks(report: Report): Generator<string> {
  const findings = [...report.findings].sort(compareFindings);
  const pieces = findings.length > 0 ? arrayPieces(JSON.stringify(documentOf(report), null, 2), 'findings', 1) : undefined;
  if (!pieces) {
    // (no findings, or a document reshaped without its findings key where this looks for it — written whole, not without them)
    yield `${JSON.stringify({ ...documentOf(report), findings: findings.map(finding) }, null, 2)}\n`;
    return;
  }
  yield pieces.head;
  for (const [i, f] of findings.entries()) yield pieces.item(finding(f), i === findings.length - 1);
  yield pieces.tail;
}

/** The document, its findings left empty (jsonChunks writes them one by one). */
function documentOf(report: Report) {
  return {
    tool: { name: report.tool.name, version: report.tool.version, informationUri: report.tool.informationUri },
    root: report.root,
    failOn: report.failOn,
    blocked: launchBlocked(report.findings, report.failOn),
    verified: unverifiedReason(report) === undefined,
    unverifiedReason: unverifiedReason(report),
    verdict: verdict(report).text,
    counts: countByLevel(report.findings),
    // Findings an inline suppression covers: listed (each with its suppression), never in counts.
    suppressed: suppressedCount(report.findings),
    // verify: the live site, its certificate and every request made, hop by hop.
    site: report.site,
    projects: report.projects.map((p) => ({
      root: p.root,
      settingsModule: p.settingsModule,
      settingsFile: p.settingsFile,
      reason: p.reason,
      status: p.status,
      evidence: p.evidence ? location(p.evidence) : undefined,
      configuration: p.configuration,
    })),
    gates: sortGates(report.gates).map((g) => ({
      gate: g.gate,
      status: g.status,
      durationMs: Math.round(g.durationMs),
      detail: g.detail,
      findings: g.findings.length,
    })),
    checklist: report.checklist.map((c) => ({ item: c.item, status: c.status, reason: c.reason })),
    findings: [] as ReturnType<typeof finding>[],
    rules: [...report.rules].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map(rule),
  };
}

function finding(f: Finding) {
  return {
    ruleId: f.ruleId,
    level: f.level,
    message: f.message,
    location: location(f.location),
    gate: f.gate,
    djangoCheck: f.djangoCheck,
    fix: f.fix,
    related: f.related?.map((r) => ({ location: location(r.location), message: r.message })),
    suppression: f.suppression ? { kind: f.suppression.kind, justification: f.suppression.justification, location: location(f.suppression.location) } : undefined,
  };
}

function location(l: Location) {
  return { file: l.file, line: l.line, column: l.column, endLine: l.endLine, endColumn: l.endColumn };
}

function rule(r: RuleMeta) {
  return {
    id: r.id,
    name: r.name,
    checklist: r.checklist,
    level: r.level,
    title: r.title,
    fix: r.fix,
    securitySeverity: r.securitySeverity,
    precision: r.precision,
    tags: [...r.tags],
    djangoCheck: r.djangoCheck,
    djangoChecks: r.djangoChecks ? [...r.djangoChecks] : undefined,
  };
}
