/**
 * Everything the action does with a finished Report on GitHub: the SARIF file (with the category of this
 * workflow/job/matrix), the code scanning upload, the job summary (with the code scanning status and the
 * baseline comparison, within 1 MiB together) and the annotations (all, or the PR's changed lines).
 * main.ts calls this once; the result is what becomes the step's outputs.
 */
import * as core from '@actions/core';
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Report } from '../finding';
import { ensureDir, writePieces } from '../files';
import type { Redactor } from '../report/redact';
import { sarifChunks } from '../report/sarif';
import { DEFAULT_MAX_SUMMARY_BYTES, jobSummary } from '../report/summary';
import { annotate } from './annotate';
import { baselineSection, compareWithBaseline, readBaseline } from './baseline';
import { resolveCategory } from './category';
import { annotationScope } from './changed-lines';
import { codeScanningSummary, publishToCodeScanning, type UploadOutput } from './code-scanning';
import type { GitHubContext } from './context';
import type { ActionInputs } from './inputs';
import { octokitFor, timingFromEnv, type Logger } from './upload';

export interface Published {
  upload: UploadOutput;
  sarifId: string;
  analysesUrl: string;
  /** Alerts dismissed as suppressed in source / re-opened because their suppression is gone (0 when none or not uploaded). */
  alertsDismissed: number;
  alertsReopened: number;
  /** The step must fail with this (besides the gate's own verdict). */
  failure?: string;
}

export async function publish(
  report: Report,
  inputs: ActionInputs,
  redactor: Redactor,
  ctx: GitHubContext,
  env: Record<string, string | undefined>,
  startedAt: Date,
): Promise<Published> {
  const log: Logger = {
    info: (m) => core.info(redactor.redact(m)),
    warning: (m) => core.warning(redactor.redact(m)),
    debug: (m) => core.debug(redactor.redact(m)),
  };
  const timing = timingFromEnv(env);

  const { category, warnings } = resolveCategory(inputs.category, inputs.matrix, env);
  for (const w of warnings) log.warning(`django-launch-gate: ${w}`);
  // Written a result at a time, never held whole (a monolith's SARIF is 8 MB of text): the upload and the
  // baseline comparison read the file back when they need it.
  ensureDir(dirname(inputs.sarifFile));
  writePieces(inputs.sarifFile, sarifChunks(report, category, redactor));
  log.info(`SARIF written to ${inputs.sarifFile}${category ? ` (category ${category})` : ''}`);

  if (inputs.token) core.setSecret(inputs.token);
  const octokit = inputs.token ? octokitFor(inputs.token, ctx.apiUrl) : undefined;
  const cs = await publishToCodeScanning({
    report,
    sarifFile: inputs.sarifFile,
    mode: inputs.upload,
    token: inputs.token,
    ref: inputs.ref,
    sha: inputs.sha,
    category,
    ctx,
    env,
    timing,
    log,
    startedAt,
    octokit,
    redact: (t) => redactor.redact(t),
  });

  let extra = codeScanningSummary(cs);
  if (inputs.baselineSarif) {
    const base = readBaseline(inputs.baselineSarif);
    if ('error' in base) log.warning(`django-launch-gate: ${base.error} — the summary does not compare with the base branch`);
    else extra += baselineSection(compareWithBaseline(JSON.parse(readFileSync(inputs.sarifFile, 'utf8')), base.log));
  }
  const maxBytes = DEFAULT_MAX_SUMMARY_BYTES - Buffer.byteLength(extra, 'utf8');
  await core.summary.addRaw(redactor.redact(jobSummary(report, { maxBytes }) + extra)).write();

  annotate(await annotationScope(report, inputs.annotations, ctx, octokit, timing, log), redactor);

  return {
    upload: cs.upload,
    sarifId: cs.sarifId,
    analysesUrl: cs.analysesUrl,
    alertsDismissed: cs.alerts?.dismissed.length ?? 0,
    alertsReopened: cs.alerts?.reopened.length ?? 0,
    failure: cs.failure,
  };
}
