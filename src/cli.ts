/**
 * The command line: `django-launch-gate [path] [options]`.
 * Exit 0: the launch may proceed. 1: findings at or above --fail-on. 2: bad input or a gate that could not run.
 * Never throws; every problem is one line on stderr: `django-launch-gate: <what is wrong> — <what to do>`.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { GATE_NAMES, launchBlocked, type FailOn, type GateName, type Report } from './finding';
import { parseEnvPairs, parseFailOn, parseGates, parseTimeoutMinutes, run, UsageError } from './run';
import { toJson } from './report/json';
import { Redactor, redactReport } from './report/redact';
import { serializeSarif, toSarif } from './report/sarif';
import { formatText } from './report/text';
import { TOOL } from './version';

export const PROG = 'django-launch-gate';

export interface CliIO {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown };
  cwd: string;
  env: Record<string, string | undefined>;
}

const FORMATS = ['text', 'json', 'sarif'] as const;
type Format = (typeof FORMATS)[number];

export const HELP = `Usage: ${PROG} [path] [options]

Refuses a Django launch until the production checklist holds.
Scans the Django project under path (default: the current folder).

Options:
  --gates a,b          gates to run (default: rules); one of: ${GATE_NAMES.join(', ')}
  --settings MODULE    production settings module (default: discovered)
  --python PATH        Python interpreter for the runtime gates (default: python)
  --env KEY=VALUE      environment for the user's Django in the runtime gates (repeatable)
  --timeout-minutes N  time limit per runtime gate (default: 20)
  --test-command CMD   command the tests gate runs (default: manage.py test, or pytest with pytest-django)
  --database-url URL   existing PostgreSQL (e.g. staging): the migrations gate only runs migrate --check on it
  --parallel           run the test suite in parallel (manage.py test --parallel / pytest -n auto)
  --format FORMAT      stdout format: text, json or sarif (default: text)
  --sarif FILE         also write the SARIF report to FILE
  --fail-on LEVEL      error, warning, note or never (default: error)
  --config FILE        config file (default: .django-launch-gate.toml or pyproject.toml)
  --category NAME      SARIF category (for several runs on one repository)
  --no-color           plain text output
  -h, --help           show this help
  --version            show the version

Exit status: 0 launch may proceed, 1 findings at or above --fail-on, 2 bad input or a gate could not run.
`;

/** A problem worth one line and exit 2. `hint` is what to do. */
class CliError extends Error {
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
  }
}

const DEFAULT_HINT = `run ${PROG} --help for usage`;

/**
 * One line `django-launch-gate: <what is wrong> — <what to do>` for any error.
 * With `debug`, the stack follows on the next lines.
 */
export function errorLine(err: unknown, debug = false): string {
  let what: string;
  let hint: string;
  if (err instanceof CliError) {
    what = err.message;
    hint = err.hint;
  } else if (err instanceof UsageError) {
    [what, hint] = splitHint(err.message, DEFAULT_HINT);
  } else {
    const msg = err instanceof Error ? err.message : String(err);
    [what, hint] = splitHint(`unexpected error: ${msg}`, 'set DLG_DEBUG=1 for details and report it as a bug');
  }
  let line = `${PROG}: ${oneLine(what)} — ${oneLine(hint)}`;
  if (debug && err instanceof Error && err.stack) line += `\n${err.stack}`;
  return line;
}

function splitHint(message: string, fallbackHint: string): [string, string] {
  const text = oneLine(message).replace(new RegExp(`^${PROG}:\\s*`), '');
  const at = text.indexOf(' — ');
  return at >= 0 ? [text.slice(0, at), text.slice(at + 3)] : [text, fallbackHint];
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

/**
 * mkdir -p without `mkdirSync(..., { recursive: true })`, which spins forever on some paths
 * (e.g. under /proc) instead of failing.
 */
export function ensureDir(dir: string): void {
  const missing: string[] = [];
  for (let d = dir; !existsSync(d); d = dirname(d)) {
    if (dirname(d) === d) break;
    missing.unshift(d);
  }
  for (const d of missing) mkdirSync(d);
}

function withNewline(text: string): string {
  return text.endsWith('\n') ? text : `${text}\n`;
}

function useColor(noColor: boolean, io: CliIO): boolean {
  if (noColor) return false;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.FORCE_COLOR !== undefined) return io.env.FORCE_COLOR !== '0' && io.env.FORCE_COLOR !== 'false';
  return io.stdout.isTTY === true;
}

interface ParsedArgs {
  path: string;
  gates?: GateName[];
  settingsModule?: string;
  python?: string;
  extraEnv?: Record<string, string>;
  timeoutMinutes?: number;
  testCommand?: string;
  databaseUrl?: string;
  parallel?: boolean;
  format: Format;
  sarif?: string;
  failOn: FailOn;
  config?: string;
  category?: string;
  color: boolean;
}

function parse(argv: string[], io: CliIO): ParsedArgs | 'help' | 'version' {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        gates: { type: 'string' },
        settings: { type: 'string' },
        python: { type: 'string' },
        env: { type: 'string', multiple: true },
        'timeout-minutes': { type: 'string' },
        'test-command': { type: 'string' },
        'database-url': { type: 'string' },
        parallel: { type: 'boolean' },
        format: { type: 'string' },
        sarif: { type: 'string' },
        'fail-on': { type: 'string' },
        config: { type: 'string' },
        category: { type: 'string' },
        'no-color': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean' },
      },
    });
  } catch (err) {
    throw argsError(err);
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  if (values.version) return 'version';

  if (positionals.length > 1) {
    throw new CliError(`expected one path, got ${positionals.length}: ${positionals.join(' ')}`, 'pass a single project folder');
  }
  const path = resolve(io.cwd, positionals[0] ?? '.');
  if (!existsSync(path)) {
    throw new CliError(`path not found: ${positionals[0] ?? '.'}`, 'pass the folder of the Django project (where manage.py is)');
  }
  if (!statSync(path).isDirectory()) {
    throw new CliError(`not a folder: ${positionals[0]}`, 'pass the folder of the Django project, not a file');
  }

  const format = values.format ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new CliError(`unknown format '${format}'`, `use --format ${FORMATS.join(', ')}`);
  }
  for (const name of ['gates', 'settings', 'python', 'sarif', 'config', 'category', 'test-command', 'database-url'] as const) {
    if (values[name] !== undefined && values[name]!.trim() === '') {
      throw new CliError(`--${name} needs a value`, DEFAULT_HINT);
    }
  }

  const gates = values.gates !== undefined ? parseGates(values.gates) : undefined;
  const failOn = parseFailOn(values['fail-on'] ?? 'error');
  return {
    path,
    gates,
    settingsModule: values.settings,
    python: values.python,
    extraEnv: values.env !== undefined ? parseEnvPairs(values.env, '--env') : undefined,
    timeoutMinutes: values['timeout-minutes'] !== undefined ? parseTimeoutMinutes(values['timeout-minutes'], '--timeout-minutes') : undefined,
    testCommand: values['test-command'],
    databaseUrl: values['database-url'],
    parallel: values.parallel === true ? true : undefined,
    format: format as Format,
    sarif: values.sarif !== undefined ? resolve(io.cwd, values.sarif) : undefined,
    failOn,
    config: values.config !== undefined ? resolve(io.cwd, values.config) : undefined,
    category: values.category,
    color: useColor(values['no-color'] === true, io),
  };
}

/** node:util parseArgs errors, reworded as one line with a hint. */
function argsError(err: unknown): CliError {
  const code = (err as { code?: string }).code;
  const msg = err instanceof Error ? err.message : String(err);
  const option = /'([^']+)'/.exec(msg)?.[1];
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return new CliError(`unknown option ${option ?? ''}`.trim(), DEFAULT_HINT);
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': {
      const name = /--([a-z-]+)/.exec(msg)?.[1];
      return /argument missing/.test(msg)
        ? new CliError(`--${name ?? option} needs a value`, DEFAULT_HINT)
        : new CliError(`--${name ?? option} takes no value`, DEFAULT_HINT);
    }
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return new CliError(`unexpected argument ${option ?? ''}`.trim(), DEFAULT_HINT);
    default:
      return new CliError(oneLine(msg), DEFAULT_HINT);
  }
}

function readTextUnder(root: string): (file: string) => string | undefined {
  return (file: string) => {
    try {
      return readFileSync(resolve(root, file), 'utf8');
    } catch {
      return undefined;
    }
  };
}

/** Render the report in `format`, already redacted. */
function render(report: Report, format: Format, color: boolean, category: string | undefined, redactor: Redactor): string {
  switch (format) {
    case 'json': {
      const json = toJson(report);
      return redactor.redact(typeof json === 'string' ? json : JSON.stringify(json, null, 2));
    }
    case 'sarif':
      return sarifText(report, category, redactor);
    default:
      return redactor.redact(formatText(report, { color }));
  }
}

export function sarifText(report: Report, category: string | undefined, redactor: Redactor): string {
  const readText = readTextUnder(report.root);
  const log = toSarif(report, { category, readText: (file: string) => {
    const text = readText(file);
    return text === undefined ? undefined : redactor.redact(text);
  } });
  return redactor.redact(serializeSarif(log));
}

/** Exit code for a finished run: 2 if a gate could not run, 1 if findings block the launch, else 0. */
export function exitCodeFor(report: Report, failOn: FailOn): number {
  if (report.gates.some((g) => g.status === 'error')) return 2;
  return launchBlocked(report.findings, failOn) ? 1 : 0;
}

export async function cli(
  argv: string[],
  io: CliIO = { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env },
): Promise<number> {
  const debug = io.env.DLG_DEBUG === '1';
  let redactor = new Redactor(new Set<string>());
  try {
    const args = parse(argv, io);
    if (args === 'help') {
      io.stdout.write(HELP);
      return 0;
    }
    if (args === 'version') {
      io.stdout.write(`${TOOL.name} ${TOOL.version}\n`);
      return 0;
    }

    const { report: rawReport, secrets } = await run({
      path: args.path,
      gates: args.gates,
      settingsModule: args.settingsModule,
      python: args.python,
      extraEnv: args.extraEnv,
      timeoutMinutes: args.timeoutMinutes,
      testCommand: args.testCommand,
      databaseUrl: args.databaseUrl,
      parallel: args.parallel,
      failOn: args.failOn,
      config: args.config,
      env: io.env,
      cwd: io.cwd,
    });
    redactor = new Redactor(secrets);
    const report = redactReport(rawReport, redactor);

    if (args.sarif) {
      const text = sarifText(report, args.category, redactor);
      try {
        ensureDir(dirname(args.sarif));
        writeFileSync(args.sarif, withNewline(text));
      } catch (err) {
        throw new CliError(`cannot write ${args.sarif}: ${(err as Error).message}`, 'pass a writable --sarif path');
      }
    }

    io.stdout.write(withNewline(render(report, args.format, args.color, args.category, redactor)));

    for (const gate of report.gates) {
      if (gate.status === 'error') {
        io.stderr.write(
          redactor.redact(
            `${PROG}: gate ${gate.gate} could not run${gate.detail ? `: ${oneLine(gate.detail)}` : ''} — fix the cause and run again; a gate that cannot run never counts as passing\n`,
          ),
        );
      }
    }
    return exitCodeFor(report, args.failOn);
  } catch (err) {
    try {
      io.stderr.write(`${redactor.redact(errorLine(err, debug))}\n`);
    } catch {
      io.stderr.write(`${PROG}: unexpected error — set DLG_DEBUG=1 for details\n`);
    }
    return 2;
  }
}
