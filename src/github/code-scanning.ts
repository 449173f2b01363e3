/**
 * The code scanning step of the action: decide whether to upload, upload (src/github/upload.ts), and when
 * GitHub refuses for lack of permission (fork, Dependabot, missing `security-events: write`, Code Security
 * off) explain exactly what is missing and keep the SARIF as a workflow artifact — without failing the gate.
 *
 * Never uploads the report of a run where a gate errored: that report is incomplete, and code scanning
 * would close every open alert it does not repeat.
 *
 * After an upload GitHub has processed, the alerts of suppressed results are dismissed (and ours whose
 * suppression is gone re-opened): src/github/alerts.ts.
 */
import * as core from '@actions/core';
import type * as Sarif from 'sarif';
import { pathToFileURL } from 'node:url';
import { readFileSync } from 'node:fs';
import type { Report } from '../finding';
import { escapeInline } from '../report/summary';
import { resultSpots, syncSuppressedAlerts, type AlertSync } from './alerts';
import { artifactName, saveSarifArtifact, type ArtifactResult } from './artifact';
import { ContextError, gitIn, isDependabot, need, resolveTarget, type Git, type GitHubContext, type Target } from './context';
import type { UploadMode } from './inputs';
import { ApiError, fitToLimits, octokitFor, uploadSarif, validateSarif, type Logger, type Octokit, type Timing } from './upload';

/** Events `upload: auto` uploads on. */
export const AUTO_EVENTS = ['push', 'pull_request', 'merge_group', 'workflow_dispatch', 'schedule'] as const;

export type UploadOutput = 'uploaded' | 'skipped' | 'artifact' | 'failed';

export interface CodeScanningResult {
  upload: UploadOutput;
  sarifId: string;
  analysesUrl: string;
  /** The code scanning alerts page for the ref. */
  webUrl?: string;
  /** One or two sentences for the job summary. */
  message: string;
  /** When set, the step fails with this message (an upload that should have worked did not). */
  failure?: string;
  artifact?: ArtifactResult;
  target?: Target;
  /** The alerts of suppressed results dismissed / re-opened after a processed upload (src/github/alerts.ts). */
  alerts?: AlertSync;
}

type Decision = { upload: true } | { upload: false; reason: string; warn: boolean; fail?: boolean };

/** Whether to upload at all (before any network). */
export function uploadDecision(report: Pick<Report, 'gates' | 'site'>, mode: UploadMode, ctx: GitHubContext, token: string): Decision {
  if (mode === 'never') return { upload: false, reason: 'upload: never — the SARIF was written but not uploaded', warn: false };
  // verify: a live site's findings are URLs, not code locations — uploaded only when asked for by name.
  if (report.site && mode === 'auto') {
    return { upload: false, reason: 'mode: verify — a live site\'s findings are URLs, not code locations: the SARIF was written but not uploaded (upload: always uploads it)', warn: false };
  }
  const broken = report.gates.filter((g) => g.status === 'error');
  if (broken.length > 0) {
    return {
      upload: false,
      warn: true,
      reason: `not uploaded to code scanning: the ${broken.map((g) => g.gate).join(', ')} gate${broken.length === 1 ? '' : 's'} could not run, so this report is incomplete — uploading it would close the open alerts it does not repeat. Fix the gate and run again`,
    };
  }
  if (mode === 'always') {
    if (!token) return { upload: false, warn: true, fail: true, reason: 'upload: always, but the token input is empty — pass token: ${{ github.token }} (the default) or a token with security-events: write' };
    return { upload: true };
  }
  if (!ctx.onGitHub) return { upload: false, reason: 'not running in GitHub Actions (upload: auto)', warn: false };
  if (!token) return { upload: false, reason: 'no token (upload: auto) — the token input is empty', warn: false };
  if (!ctx.eventName || !(AUTO_EVENTS as readonly string[]).includes(ctx.eventName)) {
    return {
      upload: false,
      warn: false,
      reason: `upload: auto does not upload on ${ctx.eventName ? `the ${ctx.eventName} event` : `an unknown event (${ctx.problems.eventName ?? 'GITHUB_EVENT_NAME'})`} (only ${AUTO_EVENTS.join(', ')}) — set upload: always to upload anyway`,
    };
  }
  return { upload: true };
}

/**
 * Exactly what is missing when GitHub refuses the upload with 401/403/404, or undefined when the refusal
 * is not about permissions (rate limits are retried before this is asked).
 */
export function explainRefusal(status: number, githubMessage: string, ctx: GitHubContext): string | undefined {
  const says = githubMessage ? ` (GitHub: "${githubMessage}")` : '';
  const repo = ctx.repository?.fullName ?? 'this repository';
  if (/(advanced security|code security|code scanning).{0,40}(must be enabled|is not enabled|not enabled|disabled)/i.test(githubMessage)) {
    return `code scanning is not enabled for ${repo}${says}: enable GitHub Code Security (Advanced Security for private repositories) in the repository's Settings → Code security, then run again`;
  }
  if (status === 401) return `the token was refused${says}: pass a valid token (the default \${{ github.token }} works when the job has security-events: write)`;
  if (status !== 403 && status !== 404) return undefined;
  const pr = ctx.pullRequest;
  if (pr?.fromFork) {
    return `this pull request comes from the fork ${pr.headRepo ?? '(deleted fork)'}, and GitHub gives workflows of fork pull requests a read-only token: it cannot have the \`security-events: write\` permission${says}`;
  }
  if (isDependabot(ctx)) {
    return `Dependabot's pull request runs get a read-only token without the \`security-events: write\` permission${says}`;
  }
  const actions =
    ctx.repoPrivate === true
      ? ' and `actions: read` (this repository is private)'
      : ctx.repoPrivate === false
        ? ''
        : ' (and `actions: read` if the repository is private)';
  if (/resource not accessible by integration/i.test(githubMessage) || status === 403) {
    return `the token lacks the \`security-events: write\` permission${actions}${says}: add \`permissions: { contents: read, security-events: write${ctx.repoPrivate === true ? ', actions: read' : ''} }\` to the job`;
  }
  return `GitHub answered 404${says}: the token cannot see ${repo} or its code scanning — the job needs \`security-events: write\`${actions}; a personal access token needs the \`security_events\` scope`;
}

export interface PublishInput {
  report: Pick<Report, 'gates' | 'tool' | 'site'>;
  /** The SARIF as written (redacted): read back only to upload it. */
  sarifFile: string;
  mode: UploadMode;
  token: string;
  ref?: string;
  sha?: string;
  category?: string;
  ctx: GitHubContext;
  env: Record<string, string | undefined>;
  timing: Timing;
  log: Logger;
  startedAt: Date;
  git?: Git;
  /** Reused for the pull request diff; created here when missing. */
  octokit?: Octokit;
  /** The Redactor's redact, for the texts sent to GitHub besides the SARIF (alert dismissal comments). */
  redact?: (text: string) => string;
}

const SENTINEL_PREFIX = 'DJANGO_LAUNCH_GATE_UPLOADED_';

/** The env variable that marks "this job already uploaded this category" (as codeql-action's CODEQL_UPLOAD_SARIF_…). */
export function categorySentinel(category: string | undefined): string {
  return SENTINEL_PREFIX + (category ?? '_').replace(/[^A-Za-z0-9_]/g, '_').toUpperCase();
}

export async function publishToCodeScanning(input: PublishInput): Promise<CodeScanningResult> {
  const { ctx, log } = input;
  const empty = { sarifId: '', analysesUrl: '' };
  const decision = uploadDecision(input.report, input.mode, ctx, input.token);
  if (!decision.upload) {
    if (decision.warn) log.warning(`django-launch-gate: ${decision.reason}`);
    else log.info(`Code scanning: ${decision.reason}`);
    return { upload: decision.fail ? 'failed' : 'skipped', ...empty, message: decision.reason, failure: decision.fail ? `django-launch-gate: ${decision.reason}` : undefined };
  }

  const fail = async (what: string, withArtifact: boolean): Promise<CodeScanningResult> => {
    const artifact = withArtifact ? await keepAsArtifact(input) : undefined;
    const kept = artifact ? artifactSentence(artifact, input.sarifFile) : '';
    return { upload: 'failed', ...empty, message: `${what}${kept ? ` ${kept}` : ''}`, failure: `django-launch-gate: ${what}${kept ? ` ${kept}` : ''}`, artifact };
  };

  const sentinel = categorySentinel(input.category);
  if (input.env[sentinel]) {
    return fail(
      `this job already uploaded a SARIF with category "${input.category ?? '(default)'}" — a second upload would replace the first analysis; give each step its own category input`,
      false,
    );
  }

  let target: Target;
  let repo: NonNullable<GitHubContext['repository']>;
  try {
    repo = need(ctx, 'repository', 'a code scanning upload');
    target = resolveTarget(ctx, { ref: input.ref, sha: input.sha }, input.git ?? gitIn(ctx.workspace));
  } catch (e) {
    const what = `code scanning upload not possible: ${(e as Error).message}`;
    // upload: auto with a context that lacks what an upload needs: say so, do not fail the gate for it.
    if (input.mode === 'auto' && e instanceof ContextError) {
      log.warning(`django-launch-gate: ${what}`);
      return { upload: 'skipped', ...empty, message: what };
    }
    return fail(what, false);
  }
  log.info(`Code scanning target: ${target.ref} at ${target.sha} (${target.how})`);

  let log_: Sarif.Log;
  try {
    log_ = JSON.parse(readFileSync(input.sarifFile, 'utf8')) as Sarif.Log;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code) return fail(`cannot read the SARIF file ${input.sarifFile} (${code}) — check that nothing removed or replaced it during the step`, false);
    return fail(`the SARIF is not JSON (${(e as Error).message}) — report this as a bug`, true);
  }
  const invalid = validateSarif(log_);
  if (invalid.length > 0) return fail(`the SARIF is not valid for code scanning: ${invalid.slice(0, 5).join('; ')} — report this as a bug`, true);
  const fitted = fitToLimits(log_);
  for (const d of fitted.dropped) log.warning(`django-launch-gate: left out of the upload to stay within GitHub's limits: ${d}`);

  const octokit = input.octokit ?? octokitFor(input.token, ctx.apiUrl);
  const webUrl = alertsUrl(ctx, target.ref);
  try {
    const up = await uploadSarif(
      octokit,
      ctx.apiUrl,
      {
        owner: repo.owner,
        repo: repo.repo,
        ref: target.ref,
        sha: target.sha,
        checkoutUri: pathToFileURL(ctx.workspace).href,
        startedAt: input.startedAt.toISOString().replace(/\.\d{3}Z$/, 'Z'),
        toolName: input.report.tool.name,
        payload: fitted.payload,
      },
      input.timing,
      log,
    );
    core.exportVariable(sentinel, up.sarifId);
    const base = { sarifId: up.sarifId, analysesUrl: up.analysesUrl, webUrl, target };
    const where = `\`${target.ref}\` at \`${target.sha.slice(0, 12)}\``;
    const cut = fitted.dropped.length ? ` (within GitHub's limits: left out ${fitted.dropped.join('; ')})` : '';
    if (up.processing === 'failed') {
      // GitHub's own words, bounded (the summary must stay under 1 MiB whatever GitHub sends).
      const shown = up.errors.slice(0, 20).map((x) => (x.length > 500 ? `${x.slice(0, 500)}…` : x));
      const errs = up.errors.length ? shown.join('; ') + (up.errors.length > shown.length ? `; and ${up.errors.length - shown.length} more` : '') : 'no reason given';
      const what = `code scanning could not process the uploaded SARIF (sarif id ${up.sarifId}): ${errs}`;
      return { upload: 'failed', ...base, message: what, failure: `django-launch-gate: ${what}` };
    }
    const state =
      up.processing === 'complete'
        ? 'processed'
        : up.processing === 'pending'
          ? 'accepted; GitHub was still processing it when the step stopped waiting'
          : 'accepted; its processing status could not be read';
    const message = `Uploaded to code scanning for ${where} (sarif id ${up.sarifId}, ${state})${cut}.`;
    // Code scanning opens alerts for suppressed third-party results: dismiss them (and re-open ours whose
    // suppression is gone) once GitHub has made the alerts of this upload — scan mode only.
    if (input.report.site) return { upload: 'uploaded', ...base, message };
    // A dismissal belongs to the alert on every branch: a pull request — unreviewed code — must not dismiss an
    // alert of the default branch by adding a suppression comment. Its suppressions take effect once merged.
    if (/^refs\/pull\//.test(target.ref)) {
      const n = resultSpots(fitted.log).suppressed.length;
      if (n === 0) return { upload: 'uploaded', ...base, message };
      const why = `the alerts of ${n} suppressed result${n === 1 ? '' : 's'} are left as they are on a pull request: a dismissal holds on every branch, so the run on the branch it merges into dismisses them`;
      log.info(`Code scanning: ${why}`);
      return { upload: 'uploaded', ...base, message: `${message} ${why.charAt(0).toUpperCase()}${why.slice(1)}.` };
    }
    if (up.processing !== 'complete') {
      const n = resultSpots(fitted.log).suppressed.length;
      if (n === 0) return { upload: 'uploaded', ...base, message };
      const why = `the alerts of ${n} suppressed result${n === 1 ? '' : 's'} were not dismissed: GitHub had not finished processing the upload`;
      log.info(`Code scanning: ${why}`);
      return { upload: 'uploaded', ...base, message: `${message} ${why.charAt(0).toUpperCase()}${why.slice(1)}.` };
    }
    let alerts: AlertSync;
    try {
      alerts = await syncSuppressedAlerts({
        octokit,
        owner: repo.owner,
        repo: repo.repo,
        ref: target.ref,
        sarif: fitted.log,
        timing: input.timing,
        log,
        redact: input.redact,
        explain: (status, said) => (status === 401 || status === 403 ? explainRefusal(status, said, ctx) : undefined),
      });
    } catch (e) {
      const what = `the alerts of suppressed results were not updated (${(e as Error).message})`;
      log.warning(`django-launch-gate: ${what}. The upload stands.`);
      alerts = { dismissed: [], reopened: [], alreadyDismissed: 0, problem: what, message: `${what.charAt(0).toUpperCase()}${what.slice(1)}.` };
    }
    return { upload: 'uploaded', ...base, alerts, message: alerts.message ? `${message} ${alerts.message}` : message };
  } catch (e) {
    if (!(e instanceof ApiError)) return fail(`code scanning upload failed: ${(e as Error).message}`, true);
    const why = explainRefusal(e.status, e.githubMessage, ctx);
    if (why) {
      const artifact = await keepAsArtifact(input);
      const kept = artifactSentence(artifact, input.sarifFile);
      log.warning(`django-launch-gate: SARIF not uploaded to code scanning — ${why}. This does not change the gate result; the findings are in the job summary and annotations. ${kept}`);
      return { upload: artifact.saved ? 'artifact' : 'skipped', ...empty, webUrl: undefined, target, artifact, message: `Not uploaded to code scanning: ${why}. ${kept}` };
    }
    const hint =
      e.status === 422 || e.status === 400
        ? ' — GitHub rejected the request as invalid (not retried)'
        : e.status === 413
          ? ' — the upload is over GitHub\'s size limit'
          : e.status >= 500 || e.status === 0 || e.status === 429
            ? ' — GitHub or the network kept failing; run the job again later'
            : '';
    return fail(`${e.message}${hint}.`, true);
  }
}

async function keepAsArtifact(input: PublishInput): Promise<ArtifactResult> {
  const repoUrl = input.ctx.repository ? `${input.ctx.serverUrl}/${input.ctx.repository.fullName}` : undefined;
  const res = await saveSarifArtifact(input.sarifFile, artifactName(input.category), input.env, repoUrl);
  if (res.saved) input.log.info(`Saved the SARIF as workflow artifact "${res.name}"${res.id !== undefined ? ` (id ${res.id})` : ''}.`);
  return res;
}

function artifactSentence(a: ArtifactResult, file: string): string {
  return a.saved
    ? `The SARIF is saved as workflow artifact "${a.name}"${a.url ? ` (${a.url})` : ''}.`
    : `The SARIF could not be saved as an artifact (${a.reason}); it stays at ${file} for a later step.`;
}

/** The code scanning alerts page filtered to the ref (pull request or branch). */
export function alertsUrl(ctx: GitHubContext, ref: string): string | undefined {
  if (!ctx.repository) return undefined;
  const pr = /^refs\/pull\/(\d+)\//.exec(ref);
  const branch = /^refs\/heads\/(.+)$/.exec(ref);
  const q = pr ? `is:open pr:${pr[1]}` : branch ? `is:open branch:${branch[1]}` : 'is:open';
  return `${ctx.serverUrl}/${ctx.repository.fullName}/security/code-scanning?query=${encodeURIComponent(q)}`;
}

/** The "Code scanning" part of the job summary. */
export function codeScanningSummary(r: CodeScanningResult): string {
  const icon = r.upload === 'uploaded' ? '✅' : r.upload === 'failed' ? '❌' : r.upload === 'artifact' ? '⚠️' : 'ℹ️';
  const link = r.webUrl && r.upload === 'uploaded' ? ` [Open alerts for this ref](${r.webUrl}).` : '';
  return `\n### Code scanning\n\n${icon} ${markdownWithCode(r.message)}${link}\n`;
}

/** Escaped text where `…` spans stay code spans. */
function markdownWithCode(text: string): string {
  const parts = text.split('`');
  if (parts.length % 2 === 0) return escapeInline(text); // unbalanced backticks: all text
  return parts
    .map((part, i) => (i % 2 === 1 && part !== '' && !/[|\r\n]/.test(part) ? `\`${part}\`` : escapeInline(part)))
    .join('');
}
