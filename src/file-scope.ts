/**
 * `--files` (the pre-commit hook): the whole project is scanned — which settings are production, and what
 * they evaluate to, needs every file — and the report is then narrowed to the findings about the files given
 * (the files a commit changes). Pure: the project's settings files in, a filter out.
 *
 * A finding is about the given files when
 *   - it is located in one of them, or one of its related places is (the urls.py route that reaches a view);
 *   - or it is located in a project's production settings — the settings module and the files it
 *     star-imports — and one of those files is given, or the file that names the module (Dockerfile ENV,
 *     wsgi.py): a change to production.py can turn on a DEBUG = True that base.py sets and production.py no
 *     longer overrides; a Dockerfile can name other settings.
 */
import { type Finding, type GateResult, type Report } from './finding';

/** What a project's production settings are made of, relative to the scan root. */
export interface SettingsFiles {
  /** The production settings module and the files it reads (its star-import chain). */
  chain: readonly string[];
  /** The file that names the module (Dockerfile, Procfile, wsgi.py…), when one does. */
  evidence?: string;
}

export interface FileScope {
  /** The given files, relative to the scan root with forward slashes. */
  files: ReadonlySet<string>;
  /** Is this finding about the given files? */
  covers(finding: Finding): boolean;
}

export function fileScope(files: Iterable<string>, projects: readonly SettingsFiles[]): FileScope {
  const given = new Set(files);
  // Files whose findings are in scope although not given: the production settings (the chain) of a project
  // one of whose settings files, or the file naming them, is given. The findings in that naming file itself (a
  // Dockerfile's runserver) are not about the settings: in scope only when it is given.
  const settings = new Set<string>();
  for (const p of projects) {
    if ([...p.chain, ...(p.evidence ? [p.evidence] : [])].some((f) => given.has(f))) for (const f of p.chain) settings.add(f);
  }
  return {
    files: given,
    covers: (f) => given.has(f.location.file) || settings.has(f.location.file) || (f.related ?? []).some((r) => given.has(r.location.file)),
  };
}

/**
 * The report narrowed to the scope: its findings, and each gate's, filtered; a gate that failed only on
 * findings outside the scope passes; the rules gate's detail gets a line saying how many were left out. The
 * checklist is dropped: a pass or a "not checked" is a statement about the whole project, which a commit's
 * files are not.
 */
export function scopeReport(report: Report, scope: FileScope): Report {
  const inScope = report.findings.filter((f) => scope.covers(f));
  const left = report.findings.length - inScope.length;
  const n = scope.files.size;
  const gates: GateResult[] = report.gates.map((g) => {
    const findings = g.findings.filter((f) => scope.covers(f));
    const status = g.status === 'failed' && !findings.some(counts) ? 'passed' : g.status;
    const detail =
      g.gate === 'rules' && g.status !== 'error'
        ? `${g.detail ? `${g.detail}\n` : ''}findings about the ${n} file${n === 1 ? '' : 's'} given${left ? ` (${left} elsewhere in the project not shown)` : ''}`
        : g.detail;
    return { ...g, status, detail, findings };
  });
  return { ...report, gates, findings: inScope, checklist: [] };
}

/** A finding that fails its gate: above note level, and not covered by an inline suppression comment. */
function counts(f: Finding): boolean {
  return f.level !== 'note' && !(f as { suppression?: unknown }).suppression;
}
