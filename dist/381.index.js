export const id = 381;
export const ids = [381];
export const modules = {

/***/ 68381:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  cli: () => (/* binding */ cli),
  endQuietlyOnClosedPipe: () => (/* binding */ endQuietlyOnClosedPipe)
});

// UNUSED EXPORTS: HELP, VERIFY_HELP

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(57975);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/files.ts
var files = __webpack_require__(59148);
// EXTERNAL MODULE: ./src/finding.ts
var finding = __webpack_require__(52018);
// EXTERNAL MODULE: ./src/options.ts
var options = __webpack_require__(88381);
// EXTERNAL MODULE: ./src/report/pieces.ts
var report_pieces = __webpack_require__(22491);
// EXTERNAL MODULE: ./src/report/text.ts
var report_text = __webpack_require__(65655);
;// CONCATENATED MODULE: ./src/report/json.ts
/**
 * The Report as stable JSON for the CLI's `--format json`: fixed key order, findings in compareFindings
 * order, rules by ID, gates in canonical order, plus the verdict, so equal reports give equal bytes.
 */



function toJson(report) {
    return [...jsonChunks(report)].join('');
}
/**
 * toJson's text in pieces — the document around the findings, then each finding — for a writer that need not
 * hold it all at once: the CLI writes (and redacts) piece by piece, and a 1 M-line monolith's 7,296 findings
 * made a 4 MB document whose one string (and its redacted copy) was the scan's last 18 MB of peak memory.
 * The pieces are what JSON.stringify(doc, null, 2) writes (arrayPieces).
 */
function* jsonChunks(report) {
    const findings = [...report.findings].sort(finding/* compareFindings */.Eg);
    const pieces = findings.length > 0 ? (0,report_pieces/* arrayPieces */.x)(JSON.stringify(documentOf(report), null, 2), 'findings', 1) : undefined;
    if (!pieces) {
        // (no findings, or a document reshaped without its findings key where this looks for it — written whole, not without them)
        yield `${JSON.stringify({ ...documentOf(report), findings: findings.map(json_finding) }, null, 2)}\n`;
        return;
    }
    yield pieces.head;
    for (const [i, f] of findings.entries())
        yield pieces.item(json_finding(f), i === findings.length - 1);
    yield pieces.tail;
}
/** The document, its findings left empty (jsonChunks writes them one by one). */
function documentOf(report) {
    return {
        tool: { name: report.tool.name, version: report.tool.version, informationUri: report.tool.informationUri },
        root: report.root,
        failOn: report.failOn,
        blocked: (0,finding/* launchBlocked */.Cx)(report.findings, report.failOn),
        verified: (0,report_text/* unverifiedReason */.Ug)(report) === undefined,
        unverifiedReason: (0,report_text/* unverifiedReason */.Ug)(report),
        verdict: (0,report_text/* verdict */.WJ)(report).text,
        counts: (0,finding/* countByLevel */.B)(report.findings),
        // Findings an inline suppression covers: listed (each with its suppression), never in counts.
        suppressed: (0,finding/* suppressedCount */.Gh)(report.findings),
        // verify: the live site, its certificate and every request made, hop by hop.
        site: report.site,
        projects: report.projects.map((p) => ({
            root: p.root,
            settingsModule: p.settingsModule,
            settingsFile: p.settingsFile,
            reason: p.reason,
            status: p.status,
            evidence: p.evidence ? json_location(p.evidence) : undefined,
            configuration: p.configuration,
        })),
        gates: (0,report_text/* sortGates */.ny)(report.gates).map((g) => ({
            gate: g.gate,
            status: g.status,
            durationMs: Math.round(g.durationMs),
            detail: g.detail,
            findings: g.findings.length,
        })),
        checklist: report.checklist.map((c) => ({ item: c.item, status: c.status, reason: c.reason })),
        findings: [],
        rules: [...report.rules].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map(rule),
    };
}
function json_finding(f) {
    return {
        ruleId: f.ruleId,
        level: f.level,
        message: f.message,
        location: json_location(f.location),
        gate: f.gate,
        djangoCheck: f.djangoCheck,
        fix: f.fix,
        related: f.related?.map((r) => ({ location: json_location(r.location), message: r.message })),
        suppression: f.suppression ? { kind: f.suppression.kind, justification: f.suppression.justification, location: json_location(f.suppression.location) } : undefined,
    };
}
function json_location(l) {
    return { file: l.file, line: l.line, column: l.column, endLine: l.endLine, endColumn: l.endColumn };
}
function rule(r) {
    return {
        id: r.id,
        name: r.name,
        checklist: r.checklist,
        level: r.level,
        title: r.title,
        fix: r.fix,
        securitySeverity: r.securitySeverity,
        precision: r.precision,
        tags: [...r.tags],
        djangoCheck: r.djangoCheck,
        djangoChecks: r.djangoChecks ? [...r.djangoChecks] : undefined,
    };
}

// EXTERNAL MODULE: ./src/report/redact.ts
var redact = __webpack_require__(20649);
// EXTERNAL MODULE: ./src/report/sarif.ts + 2 modules
var sarif = __webpack_require__(43204);
// EXTERNAL MODULE: ./src/report/timings.ts
var report_timings = __webpack_require__(50509);
// EXTERNAL MODULE: ./src/verify/options.ts
var verify_options = __webpack_require__(23659);
// EXTERNAL MODULE: ./src/version.ts
var version = __webpack_require__(311);
;// CONCATENATED MODULE: ./src/cli.ts
/**
 * The command line: `django-launch-gate [path] [options]`.
 * Exit 0: the launch may proceed. 1: findings at or above --fail-on. 2: bad input or a gate that could not run.
 * Never throws; every problem is one line on stderr: `django-launch-gate: <what is wrong> — <what to do>`.
 */












// The engine (the scan, the rules, tree-sitter) and the live-site checks are loaded once the arguments ask for
// them: `--version` and `--help` answer without (start-up, issue 10).


const FORMATS = ['text', 'json', 'sarif'];
const HELP = `Usage: ${errors/* PROG */.n3} [path] [options]
       ${errors/* PROG */.n3} --files [options] FILE...   only the findings about these files (the pre-commit hook)
       ${errors/* PROG */.n3} verify URL [options]   check the live site (${errors/* PROG */.n3} verify --help)

Refuses a Django launch until the production checklist holds.
Scans the Django project under path (default: the current folder).

Options:
  --gates a,b          gates to run (default: rules); one of: ${finding/* GATE_NAMES */.rn.join(', ')}
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
const VERIFY_HELP = `Usage: ${errors/* PROG */.n3} verify URL [options]

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
function useColor(noColor, io) {
    if (noColor)
        return false;
    if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '')
        return false;
    if (io.env.FORCE_COLOR !== undefined)
        return io.env.FORCE_COLOR !== '0' && io.env.FORCE_COLOR !== 'false';
    return io.stdout.isTTY === true;
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
};
/**
 * parseArgs reads `--timeout-minutes -5` as an option `-5` and would say the value is missing: a negative
 * number after an option that takes a value is that value (`--timeout-minutes=-5`), so the option's own check
 * can say what is wrong with it.
 */
function negativeValuesJoined(argv, options = OPTIONS) {
    const out = [];
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
        }
        else {
            out.push(arg);
        }
    }
    return out;
}
function parse(argv, io) {
    let parsed;
    try {
        parsed = (0,external_node_util_.parseArgs)({ args: negativeValuesJoined(argv), allowPositionals: true, strict: true, options: OPTIONS });
    }
    catch (err) {
        throw argsError(err);
    }
    const { values, positionals } = parsed;
    if (values.help)
        return 'help';
    if (values.version)
        return 'version';
    const files = values.files ? givenFiles(positionals, io.cwd) : undefined;
    if (!files && positionals.length > 1) {
        throw new errors/* UsageError */.eb(`expected one path, got ${positionals.length}: ${positionals.join(' ')}`, 'pass a single project folder, or files with --files');
    }
    const path = (0,external_node_path_.resolve)(io.cwd, files ? '.' : positionals[0] ?? '.');
    if (!(0,external_node_fs_.existsSync)(path)) {
        throw new errors/* UsageError */.eb(`path not found: ${positionals[0] ?? '.'}`, 'pass the folder of the Django project (where manage.py is)');
    }
    if (!(0,external_node_fs_.statSync)(path).isDirectory()) {
        throw new errors/* UsageError */.eb(`not a folder: ${positionals[0]}`, 'pass the folder of the Django project, not a file');
    }
    const format = values.format ?? 'text';
    if (!FORMATS.includes(format)) {
        throw new errors/* UsageError */.eb(`unknown format '${format}'`, `use --format ${FORMATS.join(', ')}`);
    }
    for (const name of ['gates', 'settings', 'python', 'sarif', 'config', 'category', 'test-command', 'database-url', 'base-ref']) {
        if (values[name] !== undefined && values[name].trim() === '') {
            throw new errors/* UsageError */.eb(`--${name} needs a value`, errors/* DEFAULT_HINT */.GH);
        }
    }
    const gates = values.gates !== undefined ? (0,options/* parseGates */.MJ)(values.gates) : undefined;
    const failOn = values['fail-on'] !== undefined ? (0,options/* parseFailOn */.XV)(values['fail-on']) : undefined;
    return {
        path,
        gates,
        settingsModule: values.settings,
        python: values.python,
        extraEnv: values.env !== undefined ? (0,options/* parseEnvPairs */.WS)(values.env, '--env') : undefined,
        timeoutMinutes: values['timeout-minutes'] !== undefined ? (0,options/* parseTimeoutMinutes */.Ej)(values['timeout-minutes'], '--timeout-minutes') : undefined,
        testCommand: values['test-command'],
        databaseUrl: values['database-url'],
        parallel: values.parallel === true ? true : undefined,
        format: format,
        sarif: values.sarif !== undefined ? (0,external_node_path_.resolve)(io.cwd, values.sarif) : undefined,
        failOn,
        config: values.config !== undefined ? (0,external_node_path_.resolve)(io.cwd, values.config) : undefined,
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
function givenFiles(args, cwd) {
    const out = new Set();
    for (const arg of args) {
        const abs = (0,external_node_path_.resolve)(cwd, arg);
        const rel = (0,external_node_path_.relative)(cwd, abs);
        if (rel === '..' || rel.startsWith(`..${external_node_path_.sep}`) || (0,external_node_path_.isAbsolute)(rel)) {
            throw new errors/* UsageError */.eb(`${arg} is not under the current folder`, 'run from the repository root and pass files below it (pre-commit does)');
        }
        let st;
        try {
            st = (0,external_node_fs_.statSync)(abs);
        }
        catch {
            throw new errors/* UsageError */.eb(`file not found: ${arg}`, 'pass files that exist (pre-commit passes the staged ones)');
        }
        if (!st.isFile())
            throw new errors/* UsageError */.eb(`not a file: ${arg}`, 'with --files, pass files; without it, one project folder');
        out.add(rel.split(external_node_path_.sep).join('/'));
    }
    return [...out].sort();
}
/** node:util parseArgs errors, reworded as one line with a hint. */
function argsError(err) {
    const code = err.code;
    const msg = err instanceof Error ? err.message : String(err);
    const option = /'([^']+)'/.exec(msg)?.[1];
    switch (code) {
        case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
            return new errors/* UsageError */.eb(`unknown option ${option ?? ''}`.trim(), errors/* DEFAULT_HINT */.GH);
        case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': {
            const name = /--([a-z-]+)/.exec(msg)?.[1];
            return /argument missing/.test(msg)
                ? new errors/* UsageError */.eb(`--${name ?? option} needs a value`, errors/* DEFAULT_HINT */.GH)
                : new errors/* UsageError */.eb(`--${name ?? option} takes no value`, errors/* DEFAULT_HINT */.GH);
        }
        case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
            return new errors/* UsageError */.eb(`unexpected argument ${option ?? ''}`.trim(), errors/* DEFAULT_HINT */.GH);
        default:
            return new errors/* UsageError */.eb((0,errors/* oneLine */.TN)(msg), errors/* DEFAULT_HINT */.GH);
    }
}
function writeSarif(file, pieces) {
    try {
        (0,files/* ensureDir */.A0)((0,external_node_path_.dirname)(file));
        (0,files/* writePieces */.Rx)(file, pieces);
    }
    catch (err) {
        throw new errors/* UsageError */.eb(`cannot write ${file}: ${err.message}`, 'pass a writable --sarif path');
    }
}
/**
 * Render the report in `format`, already redacted, in pieces the caller writes one by one (jsonChunks: a monolith's
 * thousands of findings are never one string); each piece redacted again.
 */
function* render(report, format, color, category, redactor) {
    switch (format) {
        case 'json':
            for (const chunk of jsonChunks(report))
                yield redactor.redact(chunk);
            return;
        case 'sarif':
            yield* (0,sarif/* sarifChunks */.gP)(report, category, redactor);
            return;
        default:
            for (const piece of (0,report_text/* textPieces */.Vk)(report, { color }))
                yield redactor.redact(piece);
    }
}
/** Writes the rendered pieces to stdout, ending with a line break. */
function writeRendered(io, pieces) {
    let last = '';
    for (const piece of pieces) {
        if (!piece)
            continue;
        io.stdout.write(piece);
        last = piece;
    }
    if (!last.endsWith('\n'))
        io.stdout.write('\n');
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
};
const VERIFY_FORMATS = ['text', 'json', 'sarif'];
function parseVerify(argv, io) {
    let parsed;
    try {
        parsed = (0,external_node_util_.parseArgs)({ args: negativeValuesJoined(argv, VERIFY_OPTIONS), allowPositionals: true, strict: true, options: VERIFY_OPTIONS });
    }
    catch (err) {
        const e = argsError(err);
        throw new errors/* UsageError */.eb(e.message, `run ${errors/* PROG */.n3} verify --help for usage`);
    }
    const { values, positionals } = parsed;
    if (values.help)
        return 'help';
    if (positionals.length !== 1) {
        throw new errors/* UsageError */.eb(positionals.length === 0 ? 'verify needs the site\'s URL' : `verify takes one URL, got ${positionals.length}: ${positionals.join(' ')}`, `e.g. ${errors/* PROG */.n3} verify https://example.com/`);
    }
    const format = values.format ?? 'text';
    if (!VERIFY_FORMATS.includes(format))
        throw new errors/* UsageError */.eb(`unknown format '${format}'`, `use --format ${VERIFY_FORMATS.join(', ')}`);
    if (values.sarif !== undefined && values.sarif.trim() === '')
        throw new errors/* UsageError */.eb('--sarif needs a file name', 'e.g. --sarif site.sarif');
    const input = {
        url: positionals[0],
        httpUrl: values['http-url'],
        insecure: values.insecure === true,
        staticPath: values['static-path'],
        loginPath: values['login-path'],
        retries: values.retries !== undefined ? (0,verify_options/* parseRetries */.ok)(values.retries, '--retries') : undefined,
    };
    (0,verify_options/* resolveTarget */.u1)(input); // every URL and path checked before any request
    return { input, format: format, sarif: values.sarif !== undefined ? (0,external_node_path_.resolve)(io.cwd, values.sarif) : undefined, failOn: (0,options/* parseFailOn */.XV)(values['fail-on'] ?? 'error'), color: useColor(values['no-color'] === true, io) };
}
/** `django-launch-gate verify URL …`: the live site, through the same reporters and exit codes as the scan. */
async function verifyCli(argv, io) {
    try {
        const args = parseVerify(argv, io);
        if (args === 'help') {
            io.stdout.write(VERIFY_HELP);
            return 0;
        }
        const [{ verify, siteUnreachable }, { exitCodeFor }] = await Promise.all([Promise.all(/* import() */[__webpack_require__.e(347), __webpack_require__.e(13)]).then(__webpack_require__.bind(__webpack_require__, 98013)), Promise.all(/* import() */[__webpack_require__.e(568), __webpack_require__.e(54), __webpack_require__.e(347), __webpack_require__.e(262), __webpack_require__.e(728)]).then(__webpack_require__.bind(__webpack_require__, 76728))]);
        const { report } = await verify({ ...args.input, failOn: args.failOn, env: io.env });
        // A live site's report holds no secret the scan collected: nothing to redact.
        const redactor = new redact/* Redactor */.pO(new Set());
        if (args.sarif)
            writeSarif(args.sarif, (0,sarif/* sarifChunks */.gP)(report, undefined, redactor));
        writeRendered(io, render(report, args.format, args.color, undefined, redactor));
        const code = exitCodeFor(report, args.failOn);
        if (code === 2)
            io.stderr.write(`${siteUnreachable(report)}\n`);
        return code;
    }
    catch (err) {
        io.stderr.write(`${(0,errors/* errorLine */.BP)(err, io.env.DLG_DEBUG === '1')}\n`);
        return 2;
    }
}
async function cli(argv, io = { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env }) {
    // `verify URL`: a folder named verify is still scanned as ./verify.
    if (argv[0] === 'verify')
        return verifyCli(argv.slice(1), io);
    const debug = io.env.DLG_DEBUG === '1';
    let redactor = new redact/* Redactor */.pO(new Set());
    try {
        const args = parse(argv, io);
        if (args === 'help') {
            io.stdout.write(HELP);
            return 0;
        }
        if (args === 'version') {
            io.stdout.write(`${version/* TOOL */.j.name} ${version/* TOOL */.j.version}\n`);
            return 0;
        }
        if (args.files?.length === 0) {
            io.stdout.write('No files given: nothing to check.\n');
            return 0;
        }
        const { run, exitCodeFor } = await Promise.all(/* import() */[__webpack_require__.e(568), __webpack_require__.e(54), __webpack_require__.e(347), __webpack_require__.e(262), __webpack_require__.e(728)]).then(__webpack_require__.bind(__webpack_require__, 76728));
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
        redactor = new redact/* Redactor */.pO(secrets, (0,redact/* vocabulary */.vP)(rawReport));
        const report = (0,redact/* redactReport */.a5)(rawReport, redactor);
        if (args.sarif)
            writeSarif(args.sarif, (0,sarif/* sarifChunks */.gP)(report, args.category, redactor));
        writeRendered(io, render(report, args.format, args.color, args.category, redactor));
        if (args.time)
            io.stderr.write(redactor.redact(`${(0,report_timings/* timingLines */.M)(timings, report.gates.find((g) => g.gate === 'rules')?.durationMs).join('\n')}\n`));
        for (const gate of report.gates) {
            if (gate.status === 'error') {
                io.stderr.write(redactor.redact(`${errors/* PROG */.n3}: gate ${gate.gate} could not run${gate.detail ? `: ${(0,report_text/* detailLines */.ZN)(gate.detail).join('; ')}` : ''} — fix the cause and run again; a gate that cannot run never counts as passing\n`));
            }
        }
        return exitCodeFor(report, report.failOn);
    }
    catch (err) {
        try {
            io.stderr.write(`${redactor.redact((0,errors/* errorLine */.BP)(err, debug))}\n`);
        }
        catch {
            io.stderr.write(`${errors/* PROG */.n3}: unexpected error — set DLG_DEBUG=1 for details\n`);
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
function endQuietlyOnClosedPipe(streams = [process.stdout, process.stderr]) {
    for (const stream of streams) {
        let closed = false;
        stream.on('error', (err) => {
            if (closed)
                return; // writes after the pipe closed fail too (ERR_STREAM_DESTROYED)
            if (err.code === 'EPIPE') {
                closed = true;
                return;
            }
            closed = true;
            process.exitCode = 2;
            if (stream !== process.stderr)
                process.stderr.write(`${(0,errors/* errorLine */.BP)(new errors/* UsageError */.eb(`cannot write the output: ${err.code ?? err.message}`, 'check where stdout goes'))}\n`);
        });
    }
}


/***/ })

};
