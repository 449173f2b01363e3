/**
 * The Report as stable JSON for the CLI's `--format json`: fixed key order, findings in compareFindings
 * order, rules by ID, gates in canonical order, plus the verdict, so equal reports give equal bytes.
 */
import { compareFindings, countByLevel, launchBlocked, suppressedCount, type Finding, type Location, type Report, type RuleMeta } from '../finding';
import { sortGates, unverifiedReason, verdict } from './text';

export function toJson(report: Report): string {
  const doc = {
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
    findings: [...report.findings].sort(compareFindings).map(finding),
    rules: [...report.rules].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map(rule),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
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
