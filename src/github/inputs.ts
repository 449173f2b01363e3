/** The action's inputs (action.yml), with the same defaults when an input is absent. */
import { resolve } from 'node:path';
import type { FailOn, GateName } from '../finding';
import { UsageError } from '../errors';
import { getInput } from './early';
import { parseEnvPairs, parseFailOn, parseGates, parseTimeoutMinutes } from '../options';
import { parseRetries, resolveTarget, type VerifyInput } from '../verify/options';

/** scan: the repository (the default); verify: the live site at `url`. */
export const ACTION_MODES = ['scan', 'verify'] as const;
export type ActionMode = (typeof ACTION_MODES)[number];
/** Code scanning upload: auto (on the events code scanning takes), always or never. */
export const UPLOAD_MODES = ['auto', 'always', 'never'] as const;
export type UploadMode = (typeof UPLOAD_MODES)[number];
/** Annotations: every finding, or only those on lines the pull request changes. */
export const ANNOTATION_MODES = ['all', 'changed-lines'] as const;
export type AnnotationMode = (typeof ANNOTATION_MODES)[number];

export interface ActionInputs {
  mode: ActionMode;
  /** mode: verify — the site and how to check it (url, http-url, insecure, static-path, login-path, retries). */
  verify?: VerifyInput;
  workingDirectory: string;
  settingsModule?: string;
  gates: GateName[];
  /** fail-on input; absent: the config file's fail-on, else error (report.failOn has the one used). */
  failOn?: FailOn;
  /** Absolute path of the SARIF file to write. */
  sarifFile: string;
  config?: string;
  python?: string;
  /** The env input's KEY=VALUE lines, parsed. */
  extraEnv?: Record<string, string>;
  timeoutMinutes?: number;
  /** test-command input: what the tests gate runs instead of manage.py test / pytest. */
  testCommand?: string;
  /** database-url input: an existing database the migrations gate only checks (migrate --check). */
  databaseUrl?: string;
  /** parallel input: run the test suite in parallel. */
  parallel?: boolean;
  category?: string;
  /** base-ref input: the migrations added since it are judged (default: the pull request's base, the commit before a push). */
  baseRef?: string;
  /** Code scanning upload (issue 4): auto, always or never. */
  upload: UploadMode;
  /** Token for the upload and the pull request diff ('' when none). */
  token: string;
  /** ref/sha overrides of the upload target (both or neither; checked by resolveTarget). */
  ref?: string;
  sha?: string;
  /** `${{ toJSON(matrix) }}`, for the default category. */
  matrix?: string;
  annotations: AnnotationMode;
  /** Absolute path of the base branch's SARIF. */
  baselineSarif?: string;
}

/**
 * One of a closed set of values (the upload and annotations inputs). Kept here, not beside the code that acts on
 * the value: that code loads the GitHub API client, which the action loads only once the gates are done.
 */
function oneOf<T extends string>(values: readonly T[], value: string, source: string): T {
  const v = value.trim().toLowerCase();
  if ((values as readonly string[]).includes(v)) return v as T;
  throw new UsageError(`${source}: unknown value "${value}" — use one of: ${values.join(', ')}`);
}

/** The upload input: auto, always or never. */
export function parseUploadMode(value: string, source = 'input upload'): UploadMode {
  return oneOf(UPLOAD_MODES, value, source);
}

/** The annotations input: all or changed-lines. */
export function parseAnnotationMode(value: string, source = 'input annotations'): AnnotationMode {
  return oneOf(ANNOTATION_MODES, value, source);
}

/** The parallel input: true/false (YAML 1.2 core booleans, as core.getBooleanInput accepts). */
function parseParallel(value: string): boolean {
  const v = value.trim();
  if (['true', 'True', 'TRUE'].includes(v)) return true;
  if (['false', 'False', 'FALSE', ''].includes(v)) return false;
  throw new UsageError(`input parallel: "${v.slice(0, 20)}" is not true or false — use parallel: true`);
}

function input(name: string, fallback = ''): string {
  return getInput(name) || fallback;
}

/** A true/false input (YAML 1.2 core booleans, as core.getBooleanInput accepts). */
function parseBooleanInput(name: string): boolean {
  const v = input(name, 'false').trim();
  if (['true', 'True', 'TRUE'].includes(v)) return true;
  if (['false', 'False', 'FALSE', ''].includes(v)) return false;
  throw new UsageError(`input ${name}: "${v.slice(0, 20)}" is not true or false — use ${name}: true`);
}

function parseMode(value: string): ActionMode {
  const v = value.trim().toLowerCase();
  if ((ACTION_MODES as readonly string[]).includes(v)) return v as ActionMode;
  throw new UsageError(`input mode: unknown value "${value.slice(0, 20)}" — use scan (the repository, the default) or verify (the live site at url)`);
}

/** mode: verify's inputs, checked as the CLI checks them (a bad URL or path is a usage error before any request). */
function readVerifyInputs(mode: ActionMode): VerifyInput | undefined {
  const url = input('url').trim();
  if (mode === 'scan') {
    if (url) throw new UsageError('input url is set but mode is scan — add mode: verify to check the live site');
    return undefined;
  }
  if (!url) throw new UsageError('input url is required with mode: verify — the live site, e.g. url: https://example.com/');
  const optional = (name: string) => input(name) || undefined;
  const verify: VerifyInput = {
    url,
    httpUrl: optional('http-url'),
    insecure: parseBooleanInput('insecure'),
    staticPath: optional('static-path'),
    loginPath: optional('login-path'),
    retries: parseRetries(input('retries', '0'), 'input retries'),
  };
  resolveTarget(verify, { url: 'input url', httpUrl: 'input http-url', staticPath: 'input static-path', loginPath: 'input login-path' });
  return verify;
}

/** Read and check every input. Throws UsageError (from parseGates/parseFailOn) on a bad value. */
export function readInputs(cwd: string = process.cwd()): ActionInputs {
  const workingDirectory = resolve(cwd, input('working-directory', '.'));
  const optional = (name: string) => input(name) || undefined;
  const config = optional('config');
  const mode = parseMode(input('mode', 'scan'));
  const verify = readVerifyInputs(mode);
  return {
    mode,
    ...(verify ? { verify } : {}),
    workingDirectory,
    settingsModule: optional('settings-module'),
    gates: parseGates(input('gates', 'rules'), 'input gates'),
    failOn: optional('fail-on') === undefined ? undefined : parseFailOn(input('fail-on'), 'input fail-on'),
    sarifFile: resolve(cwd, input('sarif-file', 'django-launch-gate.sarif')),
    config: config === undefined ? undefined : resolve(cwd, config),
    python: optional('python'),
    extraEnv: optional('env') === undefined ? undefined : parseEnvPairs([input('env')], 'input env'),
    timeoutMinutes: optional('timeout-minutes') === undefined ? undefined : parseTimeoutMinutes(input('timeout-minutes'), 'input timeout-minutes'),
    testCommand: optional('test-command'),
    databaseUrl: optional('database-url'),
    parallel: parseParallel(input('parallel', 'false')),
    category: optional('category'),
    baseRef: optional('base-ref')?.trim() || undefined,
    upload: parseUploadMode(input('upload', 'auto'), 'input upload'),
    token: input('token'),
    ref: optional('ref'),
    sha: optional('sha'),
    matrix: optional('matrix'),
    annotations: parseAnnotationMode(input('annotations', 'all'), 'input annotations'),
    baselineSarif: optional('baseline-sarif') === undefined ? undefined : resolve(cwd, input('baseline-sarif')),
  };
}
