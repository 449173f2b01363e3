/**
 * Locations are relative to the scan root; GitHub wants them relative to the repository checkout.
 * `rebaseReport` re-roots every location (findings, related locations, suppression comments) at `newRoot`.
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { Finding, Location, Report } from '../finding';

export function rebaseReport(report: Report, newRoot: string): Report {
  const rel = (file: string): string => {
    const abs = isAbsolute(file) ? file : resolve(report.root, file);
    return relative(newRoot, abs).split(sep).join('/');
  };
  const loc = (l: Location): Location => ({ ...l, file: l.file ? rel(l.file) : l.file });
  const finding = (f: Finding): Finding => ({
    ...f,
    location: loc(f.location),
    ...(f.related ? { related: f.related.map((r) => ({ ...r, location: loc(r.location) })) } : {}),
    ...(f.suppression ? { suppression: { ...f.suppression, location: loc(f.suppression.location) } } : {}),
  });
  return {
    ...report,
    root: newRoot,
    projects: report.projects.map((p) => ({
      ...p,
      root: rel(p.root || '.') || '',
      settingsFile: p.settingsFile ? rel(p.settingsFile) : null,
    })),
    findings: report.findings.map(finding),
    gates: report.gates.map((g) => ({ ...g, findings: g.findings.map(finding) })),
  };
}
