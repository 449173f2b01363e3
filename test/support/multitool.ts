/** Real SARIF validation with @microsoft/sarif-multitool (shared by the SARIF tests). */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type * as Sarif from 'sarif';
import { expect } from 'vitest';

/** The platform binary of @microsoft/sarif-multitool (its npm bin runs through a shell; we call the binary directly). */
function multitoolBinary(): string {
  const require = createRequire(import.meta.url);
  return require('@microsoft/sarif-multitool') as string;
}

export interface Validation {
  errors: string[];
  warnings: string[];
  ruleIds: string[];
}

/**
 * Run `sarif-multitool validate` with the SARIF, GitHub (Gh) and GitHub Advanced Security (Ghas) rule kinds,
 * every level reported, its own results written as SARIF, and return the findings at error and warning level.
 * SARIF2006 (URIs reachable: HTTP GETs) is switched off through a policy file so the test never needs the network.
 */
export function validateSarif(tmp: string, sarifText: string, name: string): Validation {
  const input = join(tmp, `${name}.sarif`);
  const output = join(tmp, `${name}.validation.sarif`);
  const config = join(tmp, 'policy.xml');
  writeFileSync(input, sarifText);
  writeFileSync(
    config,
    `<?xml version="1.0" encoding="utf-8"?>
<Properties>
  <Properties Key="SARIF2006.UrisShouldBeReachable.Options">
    <Property Key="RuleEnabled" Value="Disabled" Type="Driver.RuleEnabledState" />
  </Properties>
</Properties>
`,
  );
  const run = spawnSync(
    multitoolBinary(),
    ['validate', '--rule-kind', 'Sarif;Gh;Ghas', '--level', 'Error;Warning;Note', '-c', config, '-o', output, '--log', 'ForceOverwrite;PrettyPrint', input],
    { encoding: 'utf8', timeout: 120_000 },
  );
  expect(run.error).toBeUndefined();
  expect(run.status, run.stdout + run.stderr).toBe(0);
  expect(run.stdout).toContain('Analysis completed successfully');

  const log = JSON.parse(readFileSync(output, 'utf8')) as Sarif.Log;
  const vrun = log.runs[0];
  expect(vrun.invocations?.[0]?.executionSuccessful).toBe(true);
  const rules = vrun.tool.driver.rules ?? [];
  const levelOf = (r: Sarif.Result): string =>
    r.level ?? rules.find((d) => d.id === r.ruleId)?.defaultConfiguration?.level ?? 'warning';
  const text = (r: Sarif.Result) => `${r.ruleId}: ${r.message.text ?? r.message.arguments?.join(' | ') ?? ''}`;
  const results = vrun.results ?? [];
  const execErrors = (vrun.invocations?.[0]?.toolExecutionNotifications ?? []).filter((n) => (n.level ?? 'warning') === 'error');
  return {
    errors: [...results.filter((r) => levelOf(r) === 'error').map(text), ...execErrors.map((n) => n.message.text ?? '')],
    warnings: results.filter((r) => levelOf(r) === 'warning').map(text),
    ruleIds: results.map((r) => r.ruleId ?? ''),
  };
}

