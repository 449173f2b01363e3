/**
 * `tests`: the project's test suite against its own new PostgreSQL database (the environment's server or the
 * embedded throwaway cluster). The runner:
 *  - the `test-command` input / --test-command when given (run by the shell in the manage.py folder);
 *  - else pytest when the project uses pytest-django (pytest.ini / pyproject [tool.pytest.ini_options] /
 *    setup.cfg / tox.ini naming DJANGO_SETTINGS_MODULE, or pytest-django in requirements);
 *  - else `manage.py test`, run through db_helper.py with a runner wrapping the project's own, which writes the
 *    failures (with tracebacks), the counts and the database vendor to a JSON file.
 * Each failing or erroring test is a launch.E201 finding at the test's file:line with the assertion message.
 * A run past timeout-minutes is killed and reported as an error of the gate.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Finding, GateResult, Location } from '../finding';
import type { ScannedProject } from '../project/scan';
import { describeFailure, djangoEnv, lastLines, runPython, type RunPythonResult } from '../django/python';
import { connectionEnv, databaseServer, dbHelperPath, freshDatabase, type DatabaseServer, type PgConnection } from '../django/postgres';
import { projectFile } from '../files';
import { runPerProject, type GateContext, type ProjectOutcome, type RuntimeGate } from './gate';

// ---------------------------------------------------------------------------------------------------------
// Parsing what test runners say

/** One failing or erroring test, as the runner reported it. */
export interface TestProblem {
  kind: 'failure' | 'error';
  /** Test id, e.g. `notes.tests.NoteTests.test_title` or `tests/test_notes.py::test_title`. */
  test: string;
  /** Absolute (or cwd-relative) file of the test, when known. */
  file?: string;
  line?: number;
  /** The exception / assertion text (a few lines). */
  message: string;
  /** Full traceback text, when the runner gave one. */
  traceback?: string;
}

export interface TestCounts {
  ran: number;
  failed: number;
  errored: number;
  skipped: number;
  seconds?: number;
}

const FRAME = /^\s*File "(.+?)", line (\d+)(?:, in (.+))?\s*$/;

/**
 * From a Python traceback: the frame to point at (the last one in `preferFile`, else the last one under
 * `root` outside site-packages/virtualenvs) and the exception text after the last frame.
 */
export function parseTraceback(tb: string, opts: { preferFile?: string; root?: string; cwd?: string } = {}): { file?: string; line?: number; message: string } {
  const lines = tb.replace(/\r\n/g, '\n').split('\n');
  const frames: Array<{ file: string; line: number; index: number }> = [];
  lines.forEach((l, index) => {
    const m = FRAME.exec(l);
    if (m) frames.push({ file: opts.cwd ? resolve(opts.cwd, m[1]) : m[1], line: Number(m[2]), index });
  });
  const own = (f: string) => !/[\\/](site-packages|dist-packages|\.venv|venv|\.tox|lib[\\/]python\d)/.test(f) && (!opts.root || f.startsWith(resolve(opts.root)));
  const pick =
    [...frames].reverse().find((f) => opts.preferFile && resolve(f.file) === resolve(opts.preferFile)) ??
    [...frames].reverse().find((f) => own(f.file));
  let message = '';
  const last = frames[frames.length - 1];
  if (last) {
    let j = last.index + 1;
    while (j < lines.length && /^\s/.test(lines[j]) && lines[j].trim()) j++;
    message = lines
      .slice(j)
      .filter((l) => l.trim() && !/^-{20,}$/.test(l.trim()))
      .join('\n');
  } else {
    message = lines.filter((l) => l.trim()).slice(-3).join('\n');
  }
  return { ...(pick ? { file: pick.file, line: pick.line } : {}), message: message.trim() };
}

/**
 * A crash as one line: the exception and where it was raised in the project (`ModuleNotFoundError: No module
 * named 'x' (at proj/settings.py:2)`), else the last lines of the output.
 */
export function summarizeCrash(text: string, root: string): string {
  const at = text.lastIndexOf('Traceback (most recent call last):');
  if (at < 0) return lastLines(text, 6);
  const tb = parseTraceback(text.slice(at), { root });
  const base = resolve(root);
  const where = tb.file && resolve(tb.file).startsWith(base + '/') ? ` (at ${resolve(tb.file).slice(base.length + 1)}:${tb.line})` : '';
  const message = tb.message.split('\n').filter((l) => l.trim()).slice(0, 3).join(' ');
  return `${message || lastLines(text, 2)}${where}`;
}

const SEP_EQ = /^={40,}$/;
const SEP_DASH = /^-{40,}$/;

/** unittest's text output (manage.py test, python -m unittest): FAIL/ERROR blocks and the closing counts. */
export function parseUnittestOutput(text: string, cwd?: string): { problems: TestProblem[]; counts?: TestCounts } {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const problems: TestProblem[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!SEP_EQ.test(lines[i].trim())) continue;
    const head = /^(FAIL|ERROR): (.+)$/.exec(lines[i + 1] ?? '');
    if (!head || !SEP_DASH.test((lines[i + 2] ?? '').trim())) continue;
    let j = i + 3;
    const body: string[] = [];
    while (j < lines.length && !SEP_EQ.test(lines[j].trim()) && !(SEP_DASH.test(lines[j].trim()) && /^Ran \d+ tests?/.test(lines[j + 1] ?? ''))) {
      body.push(lines[j]);
      j++;
    }
    const tb = body.join('\n');
    // `test_x (app.tests.Case)` before Python 3.11, `test_x (app.tests.Case.test_x)` since; a subTest adds ` (i=1)`.
    const name = /^(\w+) \(([\w.]+)\)(.*)$/.exec(head[2].trim());
    const method = name?.[1];
    const test = name ? `${name[2].endsWith(`.${name[1]}`) ? name[2] : `${name[2]}.${name[1]}`}${name[3]}` : head[2].trim();
    const parsed = parseTraceback(tb, { cwd });
    // Prefer the frame of the test method itself when there is one.
    const frames = body.map((l) => FRAME.exec(l)).filter((m): m is RegExpExecArray => !!m);
    const inTest = method ? [...frames].reverse().find((m) => m[3] === method) : undefined;
    problems.push({
      kind: head[1] === 'FAIL' ? 'failure' : 'error',
      test,
      ...(inTest ? { file: cwd ? resolve(cwd, inTest[1]) : inTest[1], line: Number(inTest[2]) } : parsed.file ? { file: parsed.file, line: parsed.line } : {}),
      message: parsed.message,
      traceback: tb,
    });
    i = j - 1;
  }
  let counts: TestCounts | undefined;
  const ran = /^Ran (\d+) tests? in ([\d.]+)s/m.exec(text);
  if (ran) {
    const tail = text.slice(ran.index);
    const status = /^(OK|FAILED)(?: \((.*)\))?\s*$/m.exec(tail);
    const kv = new Map<string, number>();
    for (const m of (status?.[2] ?? '').matchAll(/(\w+)=(\d+)/g)) kv.set(m[1], Number(m[2]));
    counts = { ran: Number(ran[1]), failed: kv.get('failures') ?? 0, errored: kv.get('errors') ?? 0, skipped: kv.get('skipped') ?? 0, seconds: Number(ran[2]) };
  }
  return { problems, ...(counts ? { counts } : {}) };
}

function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot|apos);/gi, (_, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" } as Record<string, string>)[e.toLowerCase()];
  });
}

function attrs(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g)) out[m[1]] = unescapeXml(m[3] ?? m[4] ?? '');
  return out;
}

/** pytest's JUnit XML (`--junitxml`, family xunit1 for file/line): problems and counts. */
export function parseJunitXml(xml: string, cwd?: string): { problems: TestProblem[]; counts: TestCounts } {
  const problems: TestProblem[] = [];
  const counts: TestCounts = { ran: 0, failed: 0, errored: 0, skipped: 0, seconds: 0 };
  for (const suite of xml.matchAll(/<testsuite\b([^>]*)>/g)) counts.seconds! += Number(attrs(suite[1]).time ?? 0) || 0;
  for (const m of xml.matchAll(/<testcase\b([^>]*?)(\/>|>([\s\S]*?)<\/testcase>)/g)) {
    const a = attrs(m[1]);
    const body = m[3] ?? '';
    counts.ran++;
    if (/<skipped\b/.test(body)) {
      counts.skipped++;
      continue;
    }
    const p = /<(failure|error)\b([^>]*?)(?:\/>|>([\s\S]*?)<\/\1>)/.exec(body);
    if (!p) continue;
    const kind = p[1] === 'failure' ? 'failure' : 'error';
    if (kind === 'failure') counts.failed++;
    else counts.errored++;
    const pa = attrs(p[2]);
    const text = unescapeXml(p[3] ?? '');
    const name = a.classname ? `${a.classname}.${a.name}` : a.name;
    // pytest's long report ends with `path:line: ExceptionType` at the failing line.
    const locs = [...text.matchAll(/^(.+?\.py):(\d+): (\w[\w.]*)\s*$/gm)];
    const file = a.file ? (cwd ? resolve(cwd, a.file) : a.file) : undefined;
    const inFile = file ? [...locs].reverse().find((l) => resolve(cwd ?? '.', l[1]) === resolve(file)) : undefined;
    const loc = inFile ?? locs[locs.length - 1];
    const message = (pa.message ?? '').trim() || text.split('\n').filter((l) => /^E\s/.test(l)).map((l) => l.slice(1).trim()).join('\n');
    problems.push({
      kind,
      test: name,
      ...(loc ? { file: cwd ? resolve(cwd, loc[1]) : loc[1], line: Number(loc[2]) } : file ? { file, line: Number(a.line ?? 0) + 1 } : {}),
      message: message || (kind === 'error' ? 'error' : 'failed'),
      traceback: text,
    });
  }
  return { problems, counts };
}

// ---------------------------------------------------------------------------------------------------------
// Choosing the runner

function read(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}


/** Why this project is run with pytest (pytest-django), or undefined for manage.py test. */
export function detectPytest(dirs: string[]): string | undefined {
  for (const dir of dirs) {
    const ini = read(projectFile(dir, 'pytest.ini'));
    if (ini && /DJANGO_SETTINGS_MODULE|--ds[= ]/.test(ini)) return 'pytest.ini configures pytest-django';
    const pyproject = read(projectFile(dir, 'pyproject.toml'));
    if (pyproject) {
      const section = /^\[tool\.pytest\.ini_options\]([\s\S]*?)(?=^\[|(?![\s\S]))/m.exec(pyproject)?.[1];
      if (section && /DJANGO_SETTINGS_MODULE|--ds[= ]/.test(section)) return 'pyproject.toml [tool.pytest.ini_options] configures pytest-django';
    }
    for (const [f, header] of [['setup.cfg', 'tool:pytest'], ['tox.ini', 'pytest']] as const) {
      const text = read(projectFile(dir, f));
      const section = text && new RegExp(`^\\[${header.replace(':', '\\:')}\\]([\\s\\S]*?)(?=^\\[|(?![\\s\\S]))`, 'm').exec(text)?.[1];
      if (section && /DJANGO_SETTINGS_MODULE|--ds[= ]/.test(section)) return `${f} [${header}] configures pytest-django`;
    }
    let reqs: string[] = [];
    try {
      reqs = readdirSync(dir).filter((f) => /^requirements.*\.(txt|in)$/.test(f)).map((f) => join(dir, f));
      if (existsSync(join(dir, 'requirements'))) reqs.push(...readdirSync(join(dir, 'requirements')).filter((f) => /\.(txt|in)$/.test(f)).map((f) => join(dir, 'requirements', f)));
    } catch {
      // unreadable folder
    }
    for (const r of [...reqs, projectFile(dir, 'pyproject.toml'), projectFile(dir, 'setup.cfg')]) {
      const text = read(r);
      if (text && /(^|["'\s,])pytest[-_]django\b/im.test(text)) return `${r.slice(dir.length + 1)} requires pytest-django`;
    }
  }
  return undefined;
}

/** Settings modules named like test settings (config.settings.test, settings_test, test_settings, ci). */
const TEST_SETTINGS = /^(test|tests|testing|test_settings|settings_test|ci)$/;

/**
 * DJANGO_SETTINGS_MODULE for manage.py test: the user's (env input / environment) when set, else the
 * project's test settings module when it has one, else manage.py's own default (undefined).
 */
export function testSettingsModule(ctx: GateContext, project: ScannedProject): string | undefined {
  const user = ctx.options.env.DJANGO_SETTINGS_MODULE?.trim();
  if (user) return user;
  return project.settings.find((s) => !s.production && TEST_SETTINGS.test(s.module.split('.').pop() ?? ''))?.module;
}

// ---------------------------------------------------------------------------------------------------------
// The gate

interface RunnerReport {
  ran: number;
  failures: Array<{ kind: 'failure' | 'error'; test: string; description: string; file: string | null; traceback: string }>;
  skipped: number;
  expected_failures: number;
  unexpected_successes: string[];
  seconds: number;
  runner: string;
  vendor?: string;
  database?: string;
  settings?: string | null;
}

function relToRoot(root: string, file: string | undefined): string | undefined {
  if (!file) return undefined;
  const r = resolve(file);
  const base = resolve(root);
  if (!r.startsWith(base + '/') && !r.startsWith(base + '\\')) return undefined;
  return r.slice(base.length + 1).split('\\').join('/');
}

function clip(text: string, max = 300): string {
  const t = text.split('\n').map((l) => l.trim()).filter(Boolean).slice(0, 4).join(' ');
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function findingOf(ctx: GateContext, project: ScannedProject, p: TestProblem): Finding {
  const file = relToRoot(ctx.scan.root, p.file);
  const fallback: Location = { file: project.root ? `${project.root}/manage.py` : 'manage.py', line: 1 };
  const location: Location = file ? { file, line: p.line && p.line > 0 ? p.line : 1 } : fallback;
  const what = p.kind === 'failure' ? 'fails' : 'errors';
  return {
    ruleId: 'launch.E201',
    gate: 'tests',
    level: 'error',
    message: `test ${p.test} ${what}: ${clip(p.message) || '(no message)'}`,
    location,
  };
}

function minutes(ms: number): string {
  const m = ms / 60_000;
  return String(Math.round(m * 100) / 100);
}

function shellCommand(cmd: string): { exe: string; args: string[] } {
  return process.platform === 'win32' ? { exe: process.env.ComSpec ?? 'cmd.exe', args: ['/d', '/s', '/c', cmd] } : { exe: '/bin/sh', args: ['-c', cmd] };
}

async function hasModule(ctx: GateContext, cwd: string, env: Record<string, string | undefined>, module: string): Promise<boolean> {
  const r = await runPython({ python: ctx.options.python, cwd, env, args: ['-c', `import ${module}`], timeoutMs: 60_000, signal: ctx.signal });
  return r.code === 0;
}

async function testProject(ctx: GateContext, project: ScannedProject, server: DatabaseServer, index: number): Promise<ProjectOutcome> {
  const label = project.root ? `${project.root}: ` : '';
  const { cwd, env: djEnv } = djangoEnv(ctx, project);
  const conn: PgConnection = await freshDatabase(ctx, server, index > 1 ? `tests_${index}` : 'tests');
  const env: Record<string, string | undefined> = { ...djEnv, ...connectionEnv(conn) };
  const work = mkdtempSync(join(tmpdir(), 'dlg-tests-'));
  try {
    const pytestWhy = detectPytest([cwd, ctx.scan.root]);
    const custom = ctx.options.testCommand?.trim();
    const junit = join(work, 'junit.xml');
    const reportFile = join(work, 'report.json');
    let how: string;
    let run: RunPythonResult;
    let mode: 'custom' | 'pytest' | 'manage';
    const notes: string[] = [];
    if (custom) {
      mode = 'custom';
      env.DJANGO_SETTINGS_MODULE = ctx.options.env.DJANGO_SETTINGS_MODULE;
      const isPytest = /(^|[\s/])(py\.test|pytest)(\s|$)/.test(custom) && !/--junit-?xml/.test(custom);
      const cmd = isPytest ? `${custom} --junitxml=${JSON.stringify(junit)} -o junit_family=xunit1` : custom;
      const sh = shellCommand(cmd);
      how = `\`${custom}\` (test-command)`;
      run = await runPython({ python: sh.exe, args: sh.args, cwd, env, timeoutMs: ctx.options.timeoutMs, signal: ctx.signal });
    } else if (pytestWhy) {
      mode = 'pytest';
      // pytest-django reads DJANGO_SETTINGS_MODULE from the environment before its ini: keep the user's only.
      env.DJANGO_SETTINGS_MODULE = ctx.options.env.DJANGO_SETTINGS_MODULE;
      const args = ['-m', 'pytest', `--junitxml=${junit}`, '-o', 'junit_family=xunit1', '-p', 'no:cacheprovider', '-q'];
      if (ctx.options.parallel) {
        if (await hasModule(ctx, cwd, env, 'xdist')) args.push('-n', 'auto');
        else notes.push('parallel: pytest-xdist is not installed, ran serially');
      }
      how = `pytest (${pytestWhy})`;
      run = await runPython({ python: ctx.options.python, args, cwd, env, timeoutMs: ctx.options.timeoutMs, signal: ctx.signal });
    } else {
      mode = 'manage';
      const manage = join(cwd, 'manage.py');
      if (!existsSync(manage)) {
        return { findings: [], detail: `${label}no manage.py and no pytest-django configuration: nothing runs the tests — pass test-command`, skipped: true };
      }
      const settings = testSettingsModule(ctx, project);
      env.DJANGO_SETTINGS_MODULE = settings;
      env.DLG_TEST_REPORT = reportFile;
      const args = [dbHelperPath(), 'manage-test', manage, '--noinput', ...(ctx.options.parallel ? ['--parallel'] : [])];
      how = `manage.py test${ctx.options.parallel ? ' --parallel' : ''}`;
      run = await runPython({ python: ctx.options.python, args, cwd, env, timeoutMs: ctx.options.timeoutMs, signal: ctx.signal });
    }
    if (run.spawnError) {
      if (mode === 'custom') return { findings: [], detail: '', error: `the shell could not start the test-command (${run.spawnError.code ?? run.spawnError.message})` };
      return { findings: [], detail: '', error: describeFailure(ctx, 'the tests', run) };
    }
    if (run.timedOut) {
      return {
        findings: [],
        detail: '',
        error: `${label}tests timed out after ${minutes(ctx.options.timeoutMs)} minutes (timeout-minutes) and were killed — a test hangs (network, a lock, input?): fix it, or raise timeout-minutes / --timeout-minutes`,
      };
    }
    if (run.aborted) return { findings: [], detail: '', error: `${label}tests were interrupted` };

    let problems: TestProblem[] = [];
    let counts: TestCounts | undefined;
    let vendor: string | undefined;
    let dbName: string | undefined;
    let settingsRan: string | undefined;
    const output = `${run.stdout}\n${run.stderr}`;
    const report = mode === 'manage' ? read(reportFile) : undefined;
    if (report) {
      const r = JSON.parse(report) as RunnerReport;
      problems = r.failures.map((f) => {
        const parsed = parseTraceback(f.traceback, { preferFile: f.file ?? undefined, root: ctx.scan.root });
        return { kind: f.kind, test: f.test, ...(parsed.file ? { file: parsed.file, line: parsed.line } : f.file ? { file: f.file } : {}), message: parsed.message, traceback: f.traceback };
      });
      counts = { ran: r.ran, failed: r.failures.filter((f) => f.kind === 'failure').length, errored: r.failures.filter((f) => f.kind === 'error').length, skipped: r.skipped, seconds: r.seconds };
      vendor = r.vendor;
      dbName = r.database;
      settingsRan = r.settings ?? undefined;
      if (r.unexpected_successes.length) notes.push(`${plural(r.unexpected_successes.length, 'unexpected success')}`);
    } else {
      const xml = mode !== 'manage' ? read(junit) : undefined;
      if (xml) ({ problems, counts } = parseJunitXml(xml, cwd));
      else ({ problems, counts } = parseUnittestOutput(output, cwd));
    }
    const findings = problems.map((p) => findingOf(ctx, project, p));
    if (run.code !== 0 && findings.length === 0) {
      // pytest exit 5: no tests collected.
      if (mode !== 'manage' && run.code === 5) return { findings, detail: `${label}${how}: no tests collected — the project has no tests to run`, skipped: true };
      const why = summarizeCrash(run.stderr || run.stdout, ctx.scan.root);
      return { findings, detail: '', error: `${label}${how} failed before reporting any test result (exit ${run.code ?? 'signal'})${why ? `: ${why}` : ''}` };
    }
    const seconds = counts?.seconds !== undefined ? ` in ${counts.seconds.toFixed(2)} s` : '';
    const tally = counts
      ? `ran ${plural(counts.ran, 'test')}${seconds}: ${counts.failed} failed, ${counts.errored} errored, ${counts.skipped} skipped`
      : `exit ${run.code}`;
    const on = vendor ? ` on ${vendor}${dbName ? ` database ${dbName}` : ''}` : '';
    const settingsUsed = settingsRan ? `, settings ${settingsRan}` : mode === 'manage' ? `, settings ${env.DJANGO_SETTINGS_MODULE ?? "manage.py's default"}` : '';
    const detail = `${label}${tally} — ${how}${settingsUsed}${on}, ${server.describe}${notes.length ? `; ${notes.join('; ')}` : ''}`;
    // No test at all is not a pass: say so (skipped, with the detail).
    if (counts && counts.ran === 0 && findings.length === 0 && run.code === 0) return { findings, detail: `${detail} — the project has no tests to run`, skipped: true };
    return { findings, detail };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export const testsGate: RuntimeGate = {
  name: 'tests',
  run(ctx: GateContext): Promise<GateResult> {
    let server: DatabaseServer;
    return runPerProject('tests', ctx, (p, i) => testProject(ctx, p, server, i), {
      none: 'no Django project with tests to run',
      projects: (p) => Boolean(p.production) || existsSync(join(ctx.scan.root, p.root, 'manage.py')),
      prepare: async () => {
        const choice = await databaseServer(ctx);
        if ('none' in choice) return choice.none;
        server = choice.server;
        return undefined;
      },
    });
  },
};
