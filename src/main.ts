/**
 * The GitHub Action: inputs in; SARIF file, job summary, annotations and outputs out.
 * All decisions live in run() and the reporters; this file only wires them to @actions/core.
 */
import * as core from '@actions/core';
import { writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { countByLevel, rank, type FailOn, type Finding } from './finding';
import { ensureDir, errorLine, exitCodeFor, PROG, sarifText } from './cli';
import { annotate } from './github/annotate';
import { readInputs } from './github/inputs';
import { rebaseReport } from './report/rebase';
import { Redactor, redactReport } from './report/redact';
import { DEFAULT_MAX_SUMMARY_BYTES, jobSummary } from './report/summary';
import { formatText } from './report/text';
import { run } from './run';

export async function main(): Promise<void> {
  let redactor = new Redactor(new Set<string>());
  try {
    const inputs = readInputs();
    const { report: rawReport, secrets } = await run({
      path: inputs.workingDirectory,
      gates: inputs.gates,
      settingsModule: inputs.settingsModule,
      python: inputs.python,
      failOn: inputs.failOn,
      config: inputs.config,
      env: process.env,
      cwd: process.cwd(),
    });
    for (const secret of secrets) core.setSecret(secret);
    redactor = new Redactor(secrets);
    // GitHub wants paths relative to the repository checkout, not to working-directory.
    const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
    const report = rebaseReport(redactReport(rawReport, redactor), workspace);

    core.info(redactor.redact(formatText(report, { color: true })));

    ensureDir(dirname(inputs.sarifFile));
    writeFileSync(inputs.sarifFile, `${sarifText(report, inputs.category, redactor)}\n`);
    core.info(`SARIF written to ${inputs.sarifFile}`);

    await core.summary.addRaw(redactor.redact(jobSummary(report, { maxBytes: DEFAULT_MAX_SUMMARY_BYTES }))).write();
    annotate(report, redactor);

    const counts = countByLevel(report.findings);
    const code = exitCodeFor(report, inputs.failOn);
    const result = code === 2 ? 'error' : code === 1 ? 'fail' : 'pass';
    core.setOutput('sarif-file', inputs.sarifFile);
    core.setOutput('errors', counts.error);
    core.setOutput('warnings', counts.warning);
    core.setOutput('notes', counts.note);
    core.setOutput('result', result);

    if (code === 2) {
      const broken = report.gates.filter((g) => g.status === 'error');
      core.setFailed(
        redactor.redact(
          `${PROG}: ${broken.map((g) => `gate ${g.gate} could not run${g.detail ? ` (${g.detail.replace(/\s+/g, ' ')})` : ''}`).join('; ')} — fix the cause and run again; a gate that cannot run never counts as passing`,
        ),
      );
    } else if (code === 1) {
      const blocking = report.findings.filter((f) => blocks(f, inputs.failOn)).length;
      core.setFailed(
        `${PROG}: launch blocked by ${blocking} finding${blocking === 1 ? '' : 's'} at or above fail-on=${inputs.failOn} — fix them (see the job summary) or change fail-on`,
      );
    }
  } catch (err) {
    core.setOutput('result', 'error');
    core.setFailed(redactor.redact(errorLine(err, process.env.DLG_DEBUG === '1')));
  }
}

function blocks(finding: Finding, failOn: FailOn): boolean {
  return failOn !== 'never' && rank(finding.level) >= rank(failOn);
}
