/**
 * The GitHub Action: inputs in; SARIF file, job summary, annotations and outputs out.
 * All decisions live in run(), the reporters and src/github/ (publish: SARIF, code scanning, summary,
 * annotations); this file only wires them to @actions/core.
 */
import { errorLine, PROG } from './errors';
import { blocksLaunch, countByLevel } from './finding';
import { defaultBaseRef, readContext } from './github/context';
import { debug } from './github/early';
import { readInputs, type ActionInputs } from './github/inputs';
import { rebaseReport } from './report/rebase';
import { Redactor, redactReport, vocabulary } from './report/redact';
import { detailLines, textPieces } from './report/text';
import { timingLines } from './report/timings';
import { exitCodeFor, run, type RunResult } from './run';

/** mode: scan — the repository (run.ts); mode: verify — the live site (src/verify/). */
async function engine(inputs: ActionInputs): Promise<RunResult> {
  // the live-site checks are imported only in verify mode: they load Node's http, https and tls
  if (inputs.mode === 'verify' && inputs.verify) {
    const { verify } = await import('./verify/index');
    return verify({ ...inputs.verify, failOn: inputs.failOn ?? 'error', env: process.env }).then((r) => ({ ...r, timings: [] }));
  }
  // A base the workflow names is its input (a ref git lacks is exit 2); the event's own base is ours to try.
  const base = inputs.baseRef ?? defaultBaseRef(readContext(process.env));
  return run({
    path: inputs.workingDirectory,
    gates: inputs.gates,
    settingsModule: inputs.settingsModule,
    python: inputs.python,
    extraEnv: inputs.extraEnv,
    timeoutMinutes: inputs.timeoutMinutes,
    testCommand: inputs.testCommand,
    databaseUrl: inputs.databaseUrl,
    parallel: inputs.parallel,
    failOn: inputs.failOn,
    config: inputs.config,
    env: process.env,
    cwd: process.cwd(),
    ...(base ? { baseRef: base, baseRefDefault: inputs.baseRef === undefined } : {}),
    onGateStart: (gate, ms) => debug(`gate ${gate} started ${Math.round(ms)} ms after the action's process started`),
  });
}

export async function main(): Promise<void> {
  let redactor = new Redactor(new Set<string>());
  const startedAt = new Date();
  let published = false;
  try {
    const inputs = readInputs();
    const { report: rawReport, secrets, timings } = await engine(inputs);
    // @actions/core once the gates are done: importing it loads an HTTP stack the gates do not use (src/github/early.ts)
    const core = await import('@actions/core');
    for (const secret of secrets) core.setSecret(secret);
    redactor = new Redactor(secrets, vocabulary(rawReport));
    // where the rules gate's time went, in the debug log (ACTIONS_STEP_DEBUG): the CLI's --time table, redacted as every output
    if (core.isDebug() && timings.length) for (const line of timingLines(timings, rawReport.gates.find((g) => g.gate === 'rules')?.durationMs)) core.debug(redactor.redact(line));
    // GitHub wants paths relative to the repository checkout, not to working-directory (a live site's are URL paths).
    const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
    const redacted = redactReport(rawReport, redactor);
    const report = redacted.site ? redacted : rebaseReport(redacted, workspace);

    // in pieces of whole lines: each core.info ends in a line break, so the log reads as one text (textPieces)
    for (const piece of textPieces(report, { color: true })) core.info(redactor.redact(piece.slice(0, -1)));
    core.info('');

    // SARIF file, code scanning upload, job summary, annotations (src/github/publish.ts).
    // Loaded here, after the gates: the publisher brings the GitHub API client (octokit, undici), which the
    // gates do not need, and loading it first delayed the first gate.
    const { publish } = await import('./github/publish');
    const pub = await publish(report, inputs, redactor, readContext(process.env), process.env, startedAt);
    core.setOutput('upload', pub.upload);
    core.setOutput('sarif-id', pub.sarifId);
    core.setOutput('analyses-url', pub.analysesUrl);
    core.setOutput('alerts-dismissed', pub.alertsDismissed);
    core.setOutput('alerts-reopened', pub.alertsReopened);
    published = true;

    const counts = countByLevel(report.findings);
    const code = exitCodeFor(report, report.failOn);
    const result = code === 2 ? 'error' : code === 1 ? 'fail' : 'pass';
    core.setOutput('sarif-file', inputs.sarifFile);
    core.setOutput('errors', counts.error);
    core.setOutput('warnings', counts.warning);
    core.setOutput('notes', counts.note);
    core.setOutput('result', result);

    if (code === 2 && report.site) {
      const { siteUnreachable } = await import('./verify/index');
      core.setFailed(redactor.redact(siteUnreachable(report)));
    } else if (code === 2) {
      const broken = report.gates.filter((g) => g.status === 'error');
      core.setFailed(
        redactor.redact(
          `${PROG}: ${broken.map((g) => `gate ${g.gate} could not run${g.detail ? ` (${detailLines(g.detail).join('; ')})` : ''}`).join('; ')} — fix the cause and run again; a gate that cannot run never counts as passing`,
        ),
      );
    } else if (code === 1) {
      const blocking = report.findings.filter((f) => blocksLaunch(f, report.failOn)).length;
      core.setFailed(
        `${PROG}: ${report.site ? `the live site ${report.site.url} fails on` : 'launch blocked by'} ${blocking} finding${blocking === 1 ? '' : 's'} at or above fail-on=${report.failOn} — fix them (see the job summary) or change fail-on`,
      );
    }
    // An upload that should have worked and did not (permission refusals are warnings, not failures).
    if (pub.failure) core.setFailed(redactor.redact(pub.failure));
  } catch (err) {
    const core = await import('@actions/core');
    core.setOutput('result', 'error');
    if (!published) for (const [k, v] of [['upload', 'skipped'], ['sarif-id', ''], ['analyses-url', ''], ['alerts-dismissed', '0'], ['alerts-reopened', '0']]) core.setOutput(k, v);
    core.setFailed(redactor.redact(errorLine(err, process.env.DLG_DEBUG === '1')));
  }
}
