/**
 * Which findings become GitHub annotations. GitHub shows at most 10 annotations of each type per step,
 * so the most severe are chosen (compareFindings order), and when anything is left out the last notice
 * slot is kept for one notice that says how many more there are and where to find them.
 */
import { compareFindings, type Level, type Report } from '../finding';
import { fixFor, plural, ruleFor } from './text';

export interface Annotation {
  kind: 'error' | 'warning' | 'notice';
  title: string;
  message: string;
  /** Relative to the scan root. '' (with startLine 0) for the overflow notice and a live site's findings, which have no file. */
  file: string;
  startLine: number;
  startColumn?: number;
}

const KIND: Record<Level, Annotation['kind']> = { error: 'error', warning: 'warning', note: 'notice' };

export function selectAnnotations(report: Report, max = 10): Annotation[] {
  const cap = Math.max(0, Math.floor(max));
  if (cap === 0) return [];
  // A suppressed finding is never annotated (the SARIF marks it suppressed; the summary lists it apart).
  const sorted = report.findings.filter((f) => !f.suppression).sort(compareFindings);
  const byKind = { error: sorted.filter((f) => f.level === 'error'), warning: sorted.filter((f) => f.level === 'warning'), notice: sorted.filter((f) => f.level === 'note') };
  const overflow = byKind.error.length > cap || byKind.warning.length > cap || byKind.notice.length > cap;
  const limits = { error: cap, warning: cap, notice: overflow ? cap - 1 : cap };

  const out: Annotation[] = [];
  for (const kind of ['error', 'warning', 'notice'] as const) {
    for (const f of byKind[kind].slice(0, limits[kind])) {
      const rule = ruleFor(report, f);
      const fix = fixFor(report, f);
      // A live site's finding (verify) is about a URL, not a file of the repository: no file, the URL in the title.
      const url = report.site ? `${report.root}${f.location.file}` : undefined;
      const a: Annotation = {
        kind: KIND[f.level],
        title: `${rule ? `${f.ruleId}: ${rule.title}` : f.ruleId}${url ? ` (${url})` : ''}`,
        message: fix ? `${f.message}\nFix: ${fix}` : f.message,
        file: url ? '' : f.location.file,
        startLine: url ? 0 : Math.max(1, Math.floor(f.location.line) || 1),
      };
      if (f.location.column !== undefined && f.location.column >= 1) a.startColumn = Math.floor(f.location.column);
      out.push(a);
    }
  }
  const left = sorted.length - out.length;
  if (left > 0) {
    out.push({
      kind: 'notice',
      title: `${plural(left, 'more finding')} not annotated`,
      message: `GitHub shows at most ${cap} annotations of each type, so ${plural(left, 'more finding')} ${left === 1 ? 'is' : 'are'} not shown here. All findings are in the SARIF report (code scanning) and the job summary.`,
      file: '',
      startLine: 0,
    });
  }
  return out;
}
