/**
 * `annotations: changed-lines`: annotate only findings on lines the pull request adds or changes.
 * The diff comes from the API (`GET /repos/{owner}/{repo}/pulls/{number}/files`, patch hunks) and, when
 * that is not possible, from git when both the base and head commits are in the checkout. A file whose
 * patch GitHub leaves out (too large, binary) counts as changed everywhere.
 */
import { execFileSync } from 'node:child_process';
import type { Report } from '../finding';
import type { GitHubContext } from './context';
import type { AnnotationMode } from './inputs';
import { requestWithRetry, type Logger, type Octokit, type Timing } from './upload';

/** Repository-relative path → changed line numbers of the new file, or 'all'. */
export type ChangedLines = Map<string, Set<number> | 'all'>;

/** Line numbers (new side) of the `+` lines of a unified diff patch. */
export function addedLines(patch: string): Set<number> {
  const lines = new Set<number>();
  let next = 0;
  let inHunk = false;
  for (const line of patch.split('\n')) {
    const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(line);
    if (hunk) {
      next = Number(hunk[1]);
      inHunk = true;
      continue;
    }
    if (!inHunk) continue;
    if (line.startsWith('+')) lines.add(next++);
    else if (line.startsWith(' ')) next++;
    else if (line.startsWith('\\')) continue; // "\ No newline at end of file"
    // '-' lines do not exist on the new side
  }
  return lines;
}

interface PullFile {
  filename: string;
  status: string;
  patch?: string;
}

/** Changed lines from the pull request files API (paginated; GitHub lists at most 3 000 files). */
export async function changedLinesFromApi(octokit: Octokit, owner: string, repo: string, pull: number, timing: Timing, log: Logger): Promise<ChangedLines> {
  const out: ChangedLines = new Map();
  for (let page = 1; page <= 30; page++) {
    const { value } = await requestWithRetry(
      'pull request files',
      (signal) => octokit.request('GET /repos/{owner}/{repo}/pulls/{pull_number}/files', { owner, repo, pull_number: pull, per_page: 100, page, request: { signal } }),
      timing,
      log,
    );
    const files = (value as { data: PullFile[] }).data;
    if (!Array.isArray(files)) break;
    for (const f of files) {
      if (!f || typeof f.filename !== 'string' || f.status === 'removed') continue;
      out.set(f.filename, typeof f.patch === 'string' ? addedLines(f.patch) : 'all');
    }
    if (files.length < 100) break;
  }
  return out;
}

/** Changed lines from `git diff base...head` in the checkout, or undefined when git cannot tell. */
export function changedLinesFromGit(cwd: string, base: string, head: string): ChangedLines | undefined {
  let diff: string;
  try {
    diff = execFileSync('git', ['-c', 'core.quotePath=false', 'diff', '--no-color', '--no-ext-diff', '--unified=0', '--find-renames', `${base}...${head}`], {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      maxBuffer: 256 * 1024 * 1024,
      timeout: 60_000,
    });
  } catch {
    return undefined;
  }
  const out: ChangedLines = new Map();
  for (const chunk of diff.split(/^diff --git /m).slice(1)) {
    const m = /^\+\+\+ (?:b\/)?(.+)$/m.exec(chunk);
    if (!m || m[1] === '/dev/null') continue;
    const file = m[1]!.replace(/\t$/, '');
    out.set(file, /^Binary files /m.test(chunk) ? 'all' : addedLines(chunk));
  }
  return out;
}

/** The report with only the findings on changed lines (locations relative to the repository root). */
export function onChangedLines(report: Report, changed: ChangedLines): Report {
  return {
    ...report,
    findings: report.findings.filter((f) => {
      const lines = changed.get(f.location.file);
      return lines === 'all' || (lines !== undefined && lines.has(f.location.line));
    }),
  };
}

/**
 * The pull request's changed lines: API first (needs the token's `pull-requests: read`, which the workflow
 * token has by default), then git. undefined with a reason when neither works.
 */
export async function pullRequestChanges(
  ctx: GitHubContext,
  octokit: Octokit | undefined,
  timing: Timing,
  log: Logger,
): Promise<{ changed: ChangedLines; source: string } | { changed: undefined; reason: string }> {
  const pr = ctx.pullRequest;
  if (!pr) return { changed: undefined, reason: `this run is not for a pull request (${ctx.problems.pullRequest ?? `event ${ctx.eventName ?? 'unknown'}`})` };
  let apiProblem = 'no token';
  if (octokit && ctx.repository) {
    try {
      return { changed: await changedLinesFromApi(octokit, ctx.repository.owner, ctx.repository.repo, pr.number, timing, log), source: 'the pull request files API' };
    } catch (e) {
      apiProblem = (e as Error).message;
    }
  }
  const git = changedLinesFromGit(ctx.workspace, pr.baseSha, pr.headSha);
  if (git) return { changed: git, source: 'git diff of the base and head commits' };
  return {
    changed: undefined,
    reason: `the pull request diff could not be read (API: ${apiProblem}; git: base ${pr.baseSha.slice(0, 12)} or head ${pr.headSha.slice(0, 12)} is not in the checkout — fetch-depth: 0 helps)`,
  };
}

/**
 * The findings to annotate: all of them, or with `changed-lines` only those on lines the pull request
 * changes. When the diff cannot be read (not a pull request, no access), every finding is annotated and
 * the log says why.
 */
export async function annotationScope(
  report: Report,
  mode: AnnotationMode,
  ctx: GitHubContext,
  octokit: Octokit | undefined,
  timing: Timing,
  log: Logger,
): Promise<Report> {
  if (mode === 'all') return report;
  const res = await pullRequestChanges(ctx, octokit, timing, log);
  if (!res.changed) {
    log.warning(`django-launch-gate: annotations: changed-lines — ${res.reason}; annotating every finding instead`);
    return report;
  }
  const scoped = onChangedLines(report, res.changed);
  const left = report.findings.length - scoped.findings.length;
  log.info(
    `Annotations: ${scoped.findings.length} of ${report.findings.length} findings are on lines this pull request changes (diff from ${res.source})${left ? `; the other ${left} are in the job summary and code scanning` : ''}.`,
  );
  return scoped;
}
