/**
 * The command line: `django-launch-gate [path] [options]`.
 * Exit 0: the launch may proceed. 1: findings at or above --fail-on. 2: bad input or a gate that could not run.
 * Never throws; every problem is one line on stderr: `django-launch-gate: <what is wrong> — <what to do>`.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_HINT, errorLine, oneLine, PROG, UsageError } from './errors';
import { ensureDir, writePieces } from './files';
import { GATE_NAMES, type FailOn, type GateName, type Report } from './finding';
import { parseEnvPairs, parseFailOn, parseGates, parseTimeoutMinutes } from './options';
import { jsonChunks } from './report/json';
import { Redactor, redactReport, vocabulary } from './report/redact';
import { sarifChunks } from './report/sarif';
import { detailLines, textPieces } from './report/text';
import { timingLines } from './report/timings';
// The engine (the scan, the rules, tree-sitter) and the live-site checks are loaded once the arguments ask for
// them: `--version` and `--help` answer without (start-up, issue 10).
import { parseRetries, resolveTarget, type VerifyInput } from './verify/options';
import { TOOL } from './version';

export interface CliIO {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown };
  cwd: string;
  env: Record<string, string | undefined>;
}

const FORMATS = ['text', 'json', 'sarif'] as const;
type Format = (typeof FORMATS)[number];

export const HELP = `Usage: ${PROG} [path] [options]
       ${PROG} --files [options] FILE...   only the findings about these files (the pre-commit hook)
       ${PROG} verify URL [options]   check the live site (${PROG} verify --help)

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
  --fail-on LEVEL      error, warning, note or never (default: the config file's, else error)
  --config FILE        config file (default: .django-launch-gate.toml or pyproject.toml)
  --category NAME      SARIF category (for several runs on one repository)
  --base-ref REF       judge the migrations added since REF, e.g. origin/main (without it, every migration
                       is judged, as a note: the scan cannot tell which ones production already applied;
                       with --files the default is HEAD: the migrations the commit adds)
  --files              the arguments are files (a commit's, as pre-commit passes them), not a folder: the
                       project in the current folder is scanned and only the findings about those files are
                       reported, with those about the production settings when one of their files is given;
                       gates default to rules, no checklist
  --no-color           plain text output
  --time               after the report, where the rules gate spent its time, on stderr: each rule's
                       seconds and the source it parsed, the view index, the syntax check
  -h, --help           show this help
  --version            show the version

Exit status: 0 launch may proceed, 1 findings at or above --fail-on, 2 bad input or a gate could not run.
`;

export const VERIFY_HELP = `Usage: ${PROG} verify URL [options]

Checks the live Django site at URL the way a browser and an attacker see it: HTTP → HTTPS redirect, the
certificate, HSTS and security headers (also on the 404), cookies, no Django debug page, a static file,
the admin path. Requests go only to URL's host.

Options:
  --http-url URL       where the plain-HTTP side answers (default: http://HOST/ on port 80)
  --insecure           accept a certificate that does not verify (staging, self-signed); said loudly in the report
  --static-path PATH   the static file to check (default: an entry of STATIC_URL/staticfiles.json, or a stylesheet or script the home page links)
  --login-path PATH    the login page whose cookies are checked (default: accounts/login/)
  --retries N          retry while the site warms up (connection refused, 502, 503, 504), with backoff (default: 0)
  --format FORMAT      stdout format: text, json or sarif (default: text)
  --sarif FILE         also write the SARIF report to FILE (results located at the site's URLs)
  --fail-on LEVEL      error, warning, note or never (default: error)
  --no-color           plain text output
  -h, --help           show this help

Exit status: 0 the site passes, 1 findings at or above --fail-on, 2 bad input or the site could not be reached.
`;

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
  /** --fail-on; when absent, the config file's fail-on, else error (run() decides: report.failOn). */
  failOn?: FailOn;
  config?: string;
  category?: string;
  baseRef?: string;
  /** --files: the given files, relative to path (the current folder), forward slashes. */
  files?: string[];
  color: boolean;
  /** --time: where the rules gate spent its time, on stderr. */
  time: boolean;
}

const OPTIONS = {
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
  'base-ref': { type: 'string' },
  files: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  time: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const;

/**
 * parseArgs reads `--timeout-minutes -5` as an option `-5` and would say the value is missing: a negative
 * number after an option that takes a value is that value (`--timeout-minutes=-5`), so the option's own check
 * can say what is wrong with it.
 */
function negativeValuesJoined(argv: readonly string[], options: Record<string, { type: string }> = OPTIONS): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      out.push(...argv.slice(i));
      break;
    }
    const name = /^--([a-z-]+)$/.exec(arg)?.[1];
    const next = argv[i + 1];
    const option = name !== undefined ? options[name] : undefined;
    if (option?.type === 'string' && next !== undefined && /^-(\d|\.\d)/.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else {
      out.push(arg);
    }
  }
  return out;
}

function parse(argv: string[], io: CliIO): ParsedArgs | 'help' | 'version' {
  let parsed;
  try {
    parsed = parseArgs({ args: negativeValuesJoined(argv), allowPositionals: true, strict: true, options: OPTIONS });
  } catch (err) {
    throw argsError(err);
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  if (values.version) return 'version';

  const files = values.files ? givenFiles(positionals, io.cwd) : undefined;
  if (!files && positionals.length > 1) {
    throw new UsageError(`expected one path, got ${positionals.length}: ${positionals.join(' ')}`, 'pass a single project folder, or files with --files');
  }
  const path = resolve(io.cwd, files ? '.' : positionals[0] ?? '.');
  if (!existsSync(path)) {
    throw new UsageError(`path not found: ${positionals[0] ?? '.'}`, 'pass the folder of the Django project (where manage.py is)');
  }
  if (!statSync(path).isDirectory()) {
    throw new UsageError(`not a folder: ${positionals[0]}`, 'pass the folder of the Django project, not a file');
  }

  const format = values.format ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`unknown format '${format}'`, `use --format ${FORMATS.join(', ')}`);
  }
  for (const name of ['gates', 'settings', 'python', 'sarif', 'config', 'category', 'test-command', 'database-url', 'base-ref'] as const) {
    if (values[name] !== undefined && values[name]!.trim() === '') {
      throw new UsageError(`--${name} needs a value`, DEFAULT_HINT);
    }
  }

  const gates = values.gates !== undefined ? parseGates(values.gates) : undefined;
  const failOn = values['fail-on'] !== undefined ? parseFailOn(values['fail-on']) : undefined;
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
    baseRef: values['base-ref'],
    files,
    color: useColor(values['no-color'] === true, io),
    time: values.time === true,
  };
}

/**
 * --files: each argument a file under the current folder (the scan root), as a root-relative path with
 * forward slashes — a Location.file. pre-commit passes paths relative to the repository root, where it runs.
 */
function givenFiles(args: readonly string[], cwd: string): string[] {
  const out = new Set<string>();
  for (const arg of args) {
    const abs = resolve(cwd, arg);
    const rel = relative(cwd, abs);
    if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) {
      throw new UsageError(`${arg} is not under the current folder`, 'run from the repository root and pass files below it (pre-commit does)');
    }
    let st;
    try {
      st = statSync(abs);
    } catch {
      throw new UsageError(`file not found: ${arg}`, 'pass files that exist (pre-commit passes the staged ones)');
    }
    if (!st.isFile()) throw new UsageError(`not a file: ${arg}`, 'with --files, pass files; without it, one project folder');
    out.add(rel.split(sep).join('/'));
  }
  return [...out].sort();
}

/** node:util parseArgs errors, reworded as one line with a hint. */
function argsError(err: unknown): UsageError {
  const code = (err as { code?: string }).code;
  const msg = err instanceof Error ? err.message : String(err);
  const option = /'([^']+)'/.exec(msg)?.[1];
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return new UsageError(`unknown option ${option ?? ''}`.trim(), DEFAULT_HINT);
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': {
      const name = /--([a-z-]+)/.exec(msg)?.[1];
      return /argument missing/.test(msg)
        ? new UsageError(`--${name ?? option} needs a value`, DEFAULT_HINT)
        : new UsageError(`--${name ?? option} takes no value`, DEFAULT_HINT);
    }
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return new UsageError(`unexpected argument ${option ?? ''}`.trim(), DEFAULT_HINT);
    default:
      return new UsageError(oneLine(msg), DEFAULT_HINT);
  }
}

function writeSarif(file: string, pieces: Iterable<string>): void {
  try {
    ensureDir(dirname(file));
    writePieces(file, pieces);
  } catch (err) {
    throw new UsageError(`cannot write ${file}: ${(err as Error).message}`, 'pass a writable --sarif path');
  }
}

/**
 * Render the report in `format`, already redacted, in pieces the caller writes one by one (jsonChunks: a monolith's
 * thousands of findings are never one string); each piece redacted again.
 */
function* render(report: Report, format: Format, color: boolean, category: string | undefined, redactor: Redactor): Generator<string> {
  switch (format) {
    case 'json':
      for (const chunk of jsonChunks(report)) yield redactor.redact(chunk);
      return;
    case 'sarif':
      yield* sarifChunks(report, category, redactor);
      return;
    default:
      for (const piece of textPieces(report, { color })) yield redactor.redact(piece);
  }
}

/** Writes the rendered pieces to stdout, ending with a line break. */
function writeRendered(io: CliIO, pieces: Iterable<string>): void {
  let last = '';
  for (const piece of pieces) {
    if (!piece) continue;
    io.stdout.write(piece);
    last = piece;
  }
  if (!last.endsWith('\n')) io.stdout.write('\n');
}

const VERIFY_OPTIONS = {
  'http-url': { type: 'string' },
  insecure: { type: 'boolean' },
  'static-path': { type: 'string' },
  'login-path': { type: 'string' },
  retries: { type: 'string' },
  format: { type: 'string' },
  sarif: { type: 'string' },
  'fail-on': { type: 'string' },
  'no-color': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

const VERIFY_FORMATS = ['text', 'json', 'sarif'] as const;

interface VerifyArgs {
  input: VerifyInput;
  format: (typeof VERIFY_FORMATS)[number];
  sarif?: string;
  failOn: FailOn;
  color: boolean;
}

function parseVerify(argv: string[], io: CliIO): VerifyArgs | 'help' {
  let parsed;
  try {
    parsed = parseArgs({ args: negativeValuesJoined(argv, VERIFY_OPTIONS), allowPositionals: true, strict: true, options: VERIFY_OPTIONS });
  } catch (err) {
    const e = argsError(err);
    throw new UsageError(e.message, `run ${PROG} verify --help for usage`);
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  if (positionals.length !== 1) {
    throw new UsageError(positionals.length === 0 ? 'verify needs the site\'s URL' : `verify takes one URL, got ${positionals.length}: ${positionals.join(' ')}`, `e.g. ${PROG} verify https://example.com/`);
  }
  const format = values.format ?? 'text';
  if (!(VERIFY_FORMATS as readonly string[]).includes(format)) throw new UsageError(`unknown format '${format}'`, `use --format ${VERIFY_FORMATS.join(', ')}`);
  if (values.sarif !== undefined && values.sarif.trim() === '') throw new UsageError('--sarif needs a file name', 'e.g. --sarif site.sarif');
  const input: VerifyInput = {
    url: positionals[0],
    httpUrl: values['http-url'],
    insecure: values.insecure === true,
    staticPath: values['static-path'],
    loginPath: values['login-path'],
    retries: values.retries !== undefined ? parseRetries(values.retries, '--retries') : undefined,
  };
  resolveTarget(input); // every URL and path checked before any request
  return { input, format: format as VerifyArgs['format'], sarif: values.sarif !== undefined ? resolve(io.cwd, values.sarif) : undefined, failOn: parseFailOn(values['fail-on'] ?? 'error'), color: useColor(values['no-color'] === true, io) };
}

/** `django-launch-gate verify URL …`: the live site, through the same reporters and exit codes as the scan. */
async function verifyCli(argv: string[], io: CliIO): Promise<number> {
  try {
    const args = parseVerify(argv, io);
    if (args === 'help') {
      io.stdout.write(VERIFY_HELP);
      return 0;
    }
    const [{ verify, siteUnreachable }, { exitCodeFor }] = await Promise.all([import('./verify/index'), import('./run')]);
    const { report } = await verify({ ...args.input, failOn: args.failOn, env: io.env });
    // A live site's report holds no secret the scan collected: nothing to redact.
    const redactor = new Redactor(new Set<string>());
    if (args.sarif) writeSarif(args.sarif, sarifChunks(report, undefined, redactor));
    writeRendered(io, render(report, args.format, args.color, undefined, redactor));
    const code = exitCodeFor(report, args.failOn);
    if (code === 2) io.stderr.write(`${siteUnreachable(report)}\n`);
    return code;
  } catch (err) {
    io.stderr.write(`${errorLine(err, io.env.DLG_DEBUG === '1')}\n`);
    return 2;
  }
}

export async function cli(
  argv: string[],
  io: CliIO = { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env },
): Promise<number> {
  // `verify URL`: a folder named verify is still scanned as ./verify.
  if (argv[0] === 'verify') return verifyCli(argv.slice(1), io);
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

    if (args.files?.length === 0) {
      io.stdout.write('No files given: nothing to check.\n');
      return 0;
    }
    const { run, exitCodeFor } = await import('./run');
    const { report: rawReport, secrets, timings } = await run({
      path: args.path,
      // A commit is checked with the code rules: the runtime gates of a config file are for the launch.
      gates: args.gates ?? (args.files ? ['rules'] : undefined),
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
      // --files: the migrations the commit adds are those not in HEAD (none yet: not checked, said so).
      baseRef: args.baseRef ?? (args.files ? 'HEAD' : undefined),
      baseRefDefault: args.baseRef === undefined && args.files !== undefined,
      files: args.files,
    });
    redactor = new Redactor(secrets, vocabulary(rawReport));
    const report = redactReport(rawReport, redactor);

    if (args.sarif) writeSarif(args.sarif, sarifChunks(report, args.category, redactor));

    writeRendered(io, render(report, args.format, args.color, args.category, redactor));
    if (args.time) io.stderr.write(redactor.redact(`${timingLines(timings, report.gates.find((g) => g.gate === 'rules')?.durationMs).join('\n')}\n`));

    for (const gate of report.gates) {
      if (gate.status === 'error') {
        io.stderr.write(
          redactor.redact(
            `${PROG}: gate ${gate.gate} could not run${gate.detail ? `: ${detailLines(gate.detail).join('; ')}` : ''} — fix the cause and run again; a gate that cannot run never counts as passing\n`,
          ),
        );
      }
    }
    return exitCodeFor(report, report.failOn);
  } catch (err) {
    try {
      io.stderr.write(`${redactor.redact(errorLine(err, debug))}\n`);
    } catch {
      io.stderr.write(`${PROG}: unexpected error — set DLG_DEBUG=1 for details\n`);
    }
    return 2;
  }
}


/**
 * A reader that stops early (`django-launch-gate --format sarif | head -1`) closes the pipe: the next write
 * fails with EPIPE, which Node emits as an 'error' event that would end the process with a stack trace.
 * Nobody is left to read anything: the output ends quietly there, and the exit code stays the verdict's.
 * Any other write error on these streams is one line on stderr (when it still works) and exit 2.
 */
export function endQuietlyOnClosedPipe(streams: NodeJS.WriteStream[] = [process.stdout, process.stderr]): void {
  for (const stream of streams) {
    let closed = false;
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (closed) return; // writes after the pipe closed fail too (ERR_STREAM_DESTROYED)
      if (err.code === 'EPIPE') {
        closed = true;
        return;
      }
      closed = true;
      process.exitCode = 2;
      if (stream !== process.stderr) process.stderr.write(`${errorLine(new UsageError(`cannot write the output: ${err.code ?? err.message}`, 'check where stdout goes'))}\n`);
    });
  }
}
