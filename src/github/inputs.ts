/** The action's inputs (action.yml), with the same defaults when an input is absent. */
import * as core from '@actions/core';
import { resolve } from 'node:path';
import type { FailOn, GateName } from '../finding';
import { parseFailOn, parseGates } from '../run';

export interface ActionInputs {
  workingDirectory: string;
  settingsModule?: string;
  gates: GateName[];
  failOn: FailOn;
  /** Absolute path of the SARIF file to write. */
  sarifFile: string;
  config?: string;
  python?: string;
  category?: string;
}

function input(name: string, fallback = ''): string {
  return core.getInput(name) || fallback;
}

/** Read and check every input. Throws UsageError (from parseGates/parseFailOn) on a bad value. */
export function readInputs(cwd: string = process.cwd()): ActionInputs {
  const workingDirectory = resolve(cwd, input('working-directory', '.'));
  const optional = (name: string) => input(name) || undefined;
  const config = optional('config');
  return {
    workingDirectory,
    settingsModule: optional('settings-module'),
    gates: parseGates(input('gates', 'rules'), 'input gates'),
    failOn: parseFailOn(input('fail-on', 'error'), 'input fail-on'),
    sarifFile: resolve(cwd, input('sarif-file', 'django-launch-gate.sarif')),
    config: config === undefined ? undefined : resolve(cwd, config),
    python: optional('python'),
    category: optional('category'),
  };
}
