export const id = 322;
export const ids = [322];
export const modules = {

/***/ 19556:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $B: () => (/* binding */ need),
/* harmony export */   DS: () => (/* binding */ isDependabot),
/* harmony export */   af: () => (/* binding */ ContextError),
/* harmony export */   mK: () => (/* binding */ defaultBaseRef),
/* harmony export */   u1: () => (/* binding */ resolveTarget),
/* harmony export */   uM: () => (/* binding */ gitIn),
/* harmony export */   yI: () => (/* binding */ readContext)
/* harmony export */ });
/* unused harmony exports SHA_RE, REF_RE, PULL_REQUEST_EVENTS, parsePullRequest */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(83916);
/**
 * What the action knows about the workflow run: the `GITHUB_*` variables and the event payload
 * (GITHUB_EVENT_PATH), read defensively. Nothing here throws while reading; a value that is missing or
 * malformed is left undefined and a message naming the variable is kept in `problems`, to be raised by
 * `need()` only by the step that actually needs the value (an upload needs the repository, a plain scan
 * does not).
 *
 * `resolveTarget` picks the `ref` and `commit_sha` of a code scanning upload the way github/codeql-action
 * does (src/git-utils.ts `getRef`/`getCommitOid`): the commit is what is checked out (`git rev-parse HEAD`);
 * on a pull request the ref is `refs/pull/N/merge` when the merge commit is checked out and
 * `refs/pull/N/head` when the head commit is.
 */



const SHA_RE = /^[0-9a-f]{40}$/;
/** The refs code scanning accepts (REST API `ref` parameter). */
const REF_RE = /^refs\/(?:heads\/.+|tags\/.+|pull\/\d+\/(?:merge|head))$/;
const REPO_RE = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;
/** A value the current step needs but the workflow context does not provide (names the variable). */
class ContextError extends _errors__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .eb {
    name = 'ContextError';
}
/** Events whose pull request payload decides the ref. */
const PULL_REQUEST_EVENTS = ['pull_request', 'pull_request_target'];
function readContext(env = process.env, cwd = process.cwd()) {
    const problems = {};
    const val = (name) => {
        const v = env[name];
        return v === undefined || v.trim() === '' ? undefined : v.trim();
    };
    const ctx = {
        onGitHub: env.GITHUB_ACTIONS === 'true',
        serverUrl: 'https://github.com',
        apiUrl: 'https://api.github.com',
        workspace: val('GITHUB_WORKSPACE') ?? cwd,
        problems,
    };
    ctx.eventName = val('GITHUB_EVENT_NAME');
    if (!ctx.eventName)
        problems.eventName = 'GITHUB_EVENT_NAME is not set';
    const repo = val('GITHUB_REPOSITORY');
    if (!repo)
        problems.repository = 'GITHUB_REPOSITORY is not set';
    else if (!REPO_RE.test(repo))
        problems.repository = `GITHUB_REPOSITORY is "${repo}", not "owner/name"`;
    else {
        const [owner, name] = repo.split('/');
        ctx.repository = { owner, repo: name, fullName: repo };
    }
    for (const [name, field, fallback] of [
        ['GITHUB_API_URL', 'apiUrl', 'https://api.github.com'],
        ['GITHUB_SERVER_URL', 'serverUrl', 'https://github.com'],
    ]) {
        const v = val(name);
        if (v === undefined)
            continue;
        if (/^https?:\/\/[^\s/]+/.test(v) && isUrl(v))
            ctx[field] = v.replace(/\/+$/, '');
        else {
            problems[field] = `${name} is "${v}", not an http(s) URL`;
            ctx[field] = fallback;
        }
    }
    const ref = val('GITHUB_REF') ?? val('CODE_SCANNING_REF');
    if (!ref)
        problems.ref = 'GITHUB_REF is not set';
    else if (!REF_RE.test(ref))
        problems.ref = `GITHUB_REF is "${ref}", not refs/heads/…, refs/tags/… or refs/pull/N/(merge|head)`;
    else
        ctx.ref = ref;
    const sha = val('GITHUB_SHA');
    if (!sha)
        problems.sha = 'GITHUB_SHA is not set';
    else if (!SHA_RE.test(sha.toLowerCase()))
        problems.sha = `GITHUB_SHA is "${sha}", not a 40-hex commit SHA`;
    else
        ctx.sha = sha.toLowerCase();
    ctx.workflow = val('GITHUB_WORKFLOW');
    ctx.job = val('GITHUB_JOB');
    ctx.runId = val('GITHUB_RUN_ID');
    ctx.actor = val('GITHUB_ACTOR');
    const event = readEvent(val('GITHUB_EVENT_PATH'), problems);
    if (event) {
        const repository = obj(event.repository);
        if (repository && typeof repository.private === 'boolean')
            ctx.repoPrivate = repository.private;
        if (ctx.eventName && PULL_REQUEST_EVENTS.includes(ctx.eventName)) {
            const pr = parsePullRequest(event, ctx.repository?.fullName);
            if (typeof pr === 'string')
                problems.pullRequest = `GITHUB_EVENT_PATH: ${pr}`;
            else
                ctx.pullRequest = pr;
        }
        const before = str(event.before)?.toLowerCase();
        // A new branch's push has before = 0000…: there is no commit before it.
        if (ctx.eventName === 'push' && before && SHA_RE.test(before) && !/^0+$/.test(before))
            ctx.pushBefore = before;
    }
    else if (ctx.eventName && PULL_REQUEST_EVENTS.includes(ctx.eventName)) {
        problems.pullRequest = problems.event ?? 'GITHUB_EVENT_PATH is not set';
    }
    return ctx;
}
function readEvent(path, problems) {
    if (!path) {
        problems.event = 'GITHUB_EVENT_PATH is not set';
        return undefined;
    }
    let text;
    try {
        text = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(path, 'utf8');
    }
    catch (e) {
        problems.event = `GITHUB_EVENT_PATH (${path}) cannot be read (${e.code ?? e.message})`;
        return undefined;
    }
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch {
        problems.event = `GITHUB_EVENT_PATH (${path}) is not valid JSON`;
        return undefined;
    }
    const o = obj(parsed);
    if (!o)
        problems.event = `GITHUB_EVENT_PATH (${path}) does not hold a JSON object`;
    return o;
}
/** The pull request of a pull_request(_target) payload, or what is wrong with it. */
function parsePullRequest(event, repository) {
    const pr = obj(event.pull_request);
    if (!pr)
        return 'the event has no pull_request object';
    const number = typeof pr.number === 'number' ? pr.number : typeof event.number === 'number' ? event.number : NaN;
    if (!Number.isInteger(number) || number <= 0)
        return 'pull_request.number is missing or not a positive integer';
    const head = obj(pr.head);
    const base = obj(pr.base);
    const headSha = str(head?.sha)?.toLowerCase();
    const baseSha = str(base?.sha)?.toLowerCase();
    if (!headSha || !SHA_RE.test(headSha))
        return 'pull_request.head.sha is missing or not a 40-hex commit SHA';
    if (!baseSha || !SHA_RE.test(baseSha))
        return 'pull_request.base.sha is missing or not a 40-hex commit SHA';
    const headRepo = str(obj(head?.repo)?.full_name);
    return {
        number,
        headSha,
        headRef: str(head?.ref) ?? '',
        headRepo,
        baseSha,
        baseRef: str(base?.ref) ?? '',
        // A deleted fork has head.repo null: that is a fork too.
        fromFork: repository !== undefined && (headRepo === undefined ? head?.repo === null : headRepo.toLowerCase() !== repository.toLowerCase()),
    };
}
/**
 * The base the migration-safety rules compare with when the workflow names none: the pull request's base
 * commit, or on a push the commit before it. undefined on other events (schedule, workflow_dispatch).
 */
function defaultBaseRef(ctx) {
    return ctx.pullRequest?.baseSha ?? ctx.pushBefore;
}
/** The value, or a ContextError naming the variable and what to do. */
function need(ctx, field, purpose) {
    const v = ctx[field];
    if (v !== undefined && v !== null)
        return v;
    const why = ctx.problems[field] ?? `${field} is unknown`;
    throw new ContextError(`${why}, which ${purpose} needs — run inside GitHub Actions, or set the variable${field === 'ref' || field === 'sha' ? ' (or the ref and sha inputs)' : ''}`);
}
/** The Dependabot actor: its pull_request workflows get a read-only token. */
function isDependabot(ctx) {
    return ctx.actor === 'dependabot[bot]';
}
/** Real git in `cwd`. Failures (git missing, not a repository, dubious ownership) read as "unknown". */
function gitIn(cwd) {
    const run = (args) => {
        try {
            return (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.execFileSync)('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 30_000 }).trim();
        }
        catch {
            return undefined;
        }
    };
    return {
        revParse(rev) {
            const out = run(['rev-parse', '--verify', '--quiet', `${rev}^{commit}`]);
            return out && SHA_RE.test(out) ? out : undefined;
        },
        parents(rev) {
            const out = run(['log', '-1', '--format=%P', rev]);
            return out === undefined ? undefined : out.split(/\s+/).filter((s) => SHA_RE.test(s));
        },
    };
}
/**
 * The ref and commit to upload to. `ref`/`sha` overrides win (both or neither). Otherwise the commit is
 * HEAD of the checkout (GITHUB_SHA when git cannot tell) and the ref is GITHUB_REF, except on pull requests:
 * - HEAD is the pull request's head commit → `refs/pull/N/head`;
 * - HEAD is GITHUB_SHA or `refs/remotes/pull/N/merge`, or a merge commit whose second parent is the head
 *   commit → `refs/pull/N/merge`;
 * - otherwise on `pull_request` (GITHUB_REF `refs/pull/N/merge` but HEAD moved) → `refs/pull/N/head`, as
 *   codeql-action rewrites it; on `pull_request_target` GITHUB_REF (the base branch) stays.
 */
function resolveTarget(ctx, overrides, git) {
    const refIn = overrides.ref?.trim() || undefined;
    const shaIn = overrides.sha?.trim() || undefined;
    if (refIn || shaIn) {
        if (!refIn || !shaIn)
            throw new _errors__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .eb(`input ${refIn ? 'ref' : 'sha'} is set without input ${refIn ? 'sha' : 'ref'} — set both or neither`);
        if (!REF_RE.test(refIn))
            throw new _errors__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .eb(`input ref "${refIn}" is not refs/heads/<branch>, refs/tags/<tag> or refs/pull/<number>/(merge|head) — give the full ref`);
        if (!SHA_RE.test(shaIn.toLowerCase()))
            throw new _errors__WEBPACK_IMPORTED_MODULE_2__/* .UsageError */ .eb(`input sha "${shaIn}" is not a 40-hex commit SHA — give the full commit SHA`);
        return { ref: refIn, sha: shaIn.toLowerCase(), how: 'from the ref and sha inputs' };
    }
    const ref = need(ctx, 'ref', 'a code scanning upload');
    const head = git.revParse('HEAD');
    const sha = head ?? need(ctx, 'sha', 'a code scanning upload (git could not read HEAD of the checkout)');
    const from = head ? 'HEAD of the checkout' : 'GITHUB_SHA (git could not read HEAD of the checkout)';
    const pr = ctx.pullRequest;
    const mergeRef = /^refs\/pull\/(\d+)\/merge$/.exec(ref);
    const isPrEvent = ctx.eventName !== undefined && PULL_REQUEST_EVENTS.includes(ctx.eventName);
    const number = pr?.number ?? (mergeRef ? Number(mergeRef[1]) : undefined);
    if (!isPrEvent && !mergeRef)
        return { ref, sha, how: `GITHUB_REF and ${from}` };
    if (number === undefined)
        return { ref, sha, how: `GITHUB_REF and ${from}` };
    const headRef = `refs/pull/${number}/head`;
    const merge = `refs/pull/${number}/merge`;
    if (pr && sha === pr.headSha)
        return { ref: headRef, sha, how: `${from} is the pull request's head commit` };
    if (head && (head === ctx.sha && mergeRef))
        return { ref: merge, sha, how: `${from} is GITHUB_SHA, the merge commit of the pull request` };
    if (head && git.revParse(`refs/remotes/pull/${number}/merge`) === head)
        return { ref: merge, sha, how: `${from} is refs/remotes/pull/${number}/merge` };
    const parents = head ? git.parents('HEAD') : undefined;
    if (pr && parents && parents.length === 2 && parents[1] === pr.headSha) {
        return { ref: merge, sha, how: `${from} is a merge commit of the pull request's head into the base` };
    }
    if (!head && mergeRef)
        return { ref: merge, sha, how: `${from} on the merge ref` };
    if (ctx.eventName === 'pull_request' || (mergeRef && ctx.eventName !== 'pull_request_target')) {
        return { ref: headRef, sha, how: `${from} is not the merge commit, so the results belong to the pull request head (as codeql-action reports them)` };
    }
    return { ref, sha, how: `GITHUB_REF and ${from}` };
}
function obj(v) {
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? v : undefined;
}
function str(v) {
    return typeof v === 'string' && v !== '' ? v : undefined;
}
function isUrl(s) {
    try {
        new URL(s);
        return true;
    }
    catch {
        return false;
    }
}


/***/ }),

/***/ 55322:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  main: () => (/* binding */ main)
});

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/finding.ts
var finding = __webpack_require__(52018);
// EXTERNAL MODULE: ./src/github/context.ts
var context = __webpack_require__(19556);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
;// CONCATENATED MODULE: ./src/github/early.ts
/**
 * What the action does before its gates run: read its inputs and write debug lines. Written here as
 * @actions/core writes them — getInput reads INPUT_<NAME> (spaces as underscores, upper-cased) trimmed; debug
 * is the `::debug::` workflow command with its data escaped (%, CR, LF) — because importing @actions/core
 * loads its OIDC client's HTTP stack (@actions/http-client and undici): about 150 ms, and Node's http, https,
 * net and tls modules, before the first gate, for code the action uses only once the gates are done.
 * src/main.ts imports @actions/core after the gates; test/github/early.test.ts holds these two equal to core's.
 */

/** core.getInput(name): the input's value, trimmed; '' when absent. */
function getInput(name) {
    return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '').trim();
}
/** core.debug(message): one line of the step's debug log (shown when the run has debug logging on). */
function debug(message) {
    process.stdout.write(`::debug::${message.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')}${external_node_os_.EOL}`);
}

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/options.ts
var options = __webpack_require__(88381);
// EXTERNAL MODULE: ./src/verify/options.ts
var verify_options = __webpack_require__(23659);
;// CONCATENATED MODULE: ./src/github/inputs.ts
/** The action's inputs (action.yml), with the same defaults when an input is absent. */





/** scan: the repository (the default); verify: the live site at `url`. */
const ACTION_MODES = ['scan', 'verify'];
/** Code scanning upload: auto (on the events code scanning takes), always or never. */
const UPLOAD_MODES = ['auto', 'always', 'never'];
/** Annotations: every finding, or only those on lines the pull request changes. */
const ANNOTATION_MODES = ['all', 'changed-lines'];
/**
 * One of a closed set of values (the upload and annotations inputs). Kept here, not beside the code that acts on
 * the value: that code loads the GitHub API client, which the action loads only once the gates are done.
 */
function oneOf(values, value, source) {
    const v = value.trim().toLowerCase();
    if (values.includes(v))
        return v;
    throw new errors/* UsageError */.eb(`${source}: unknown value "${value}" — use one of: ${values.join(', ')}`);
}
/** The upload input: auto, always or never. */
function parseUploadMode(value, source = 'input upload') {
    return oneOf(UPLOAD_MODES, value, source);
}
/** The annotations input: all or changed-lines. */
function parseAnnotationMode(value, source = 'input annotations') {
    return oneOf(ANNOTATION_MODES, value, source);
}
/** The parallel input: true/false (YAML 1.2 core booleans, as core.getBooleanInput accepts). */
function parseParallel(value) {
    const v = value.trim();
    if (['true', 'True', 'TRUE'].includes(v))
        return true;
    if (['false', 'False', 'FALSE', ''].includes(v))
        return false;
    throw new errors/* UsageError */.eb(`input parallel: "${v.slice(0, 20)}" is not true or false — use parallel: true`);
}
function input(name, fallback = '') {
    return getInput(name) || fallback;
}
/** A true/false input (YAML 1.2 core booleans, as core.getBooleanInput accepts). */
function parseBooleanInput(name) {
    const v = input(name, 'false').trim();
    if (['true', 'True', 'TRUE'].includes(v))
        return true;
    if (['false', 'False', 'FALSE', ''].includes(v))
        return false;
    throw new errors/* UsageError */.eb(`input ${name}: "${v.slice(0, 20)}" is not true or false — use ${name}: true`);
}
function parseMode(value) {
    const v = value.trim().toLowerCase();
    if (ACTION_MODES.includes(v))
        return v;
    throw new errors/* UsageError */.eb(`input mode: unknown value "${value.slice(0, 20)}" — use scan (the repository, the default) or verify (the live site at url)`);
}
/** mode: verify's inputs, checked as the CLI checks them (a bad URL or path is a usage error before any request). */
function readVerifyInputs(mode) {
    const url = input('url').trim();
    if (mode === 'scan') {
        if (url)
            throw new errors/* UsageError */.eb('input url is set but mode is scan — add mode: verify to check the live site');
        return undefined;
    }
    if (!url)
        throw new errors/* UsageError */.eb('input url is required with mode: verify — the live site, e.g. url: https://example.com/');
    const optional = (name) => input(name) || undefined;
    const verify = {
        url,
        httpUrl: optional('http-url'),
        insecure: parseBooleanInput('insecure'),
        staticPath: optional('static-path'),
        loginPath: optional('login-path'),
        retries: (0,verify_options/* parseRetries */.ok)(input('retries', '0'), 'input retries'),
    };
    (0,verify_options/* resolveTarget */.u1)(verify, { url: 'input url', httpUrl: 'input http-url', staticPath: 'input static-path', loginPath: 'input login-path' });
    return verify;
}
/** Read and check every input. Throws UsageError (from parseGates/parseFailOn) on a bad value. */
function readInputs(cwd = process.cwd()) {
    const workingDirectory = (0,external_node_path_.resolve)(cwd, input('working-directory', '.'));
    const optional = (name) => input(name) || undefined;
    const config = optional('config');
    const mode = parseMode(input('mode', 'scan'));
    const verify = readVerifyInputs(mode);
    return {
        mode,
        ...(verify ? { verify } : {}),
        workingDirectory,
        settingsModule: optional('settings-module'),
        gates: (0,options/* parseGates */.MJ)(input('gates', 'rules'), 'input gates'),
        failOn: optional('fail-on') === undefined ? undefined : (0,options/* parseFailOn */.XV)(input('fail-on'), 'input fail-on'),
        sarifFile: (0,external_node_path_.resolve)(cwd, input('sarif-file', 'django-launch-gate.sarif')),
        config: config === undefined ? undefined : (0,external_node_path_.resolve)(cwd, config),
        python: optional('python'),
        extraEnv: optional('env') === undefined ? undefined : (0,options/* parseEnvPairs */.WS)([input('env')], 'input env'),
        timeoutMinutes: optional('timeout-minutes') === undefined ? undefined : (0,options/* parseTimeoutMinutes */.Ej)(input('timeout-minutes'), 'input timeout-minutes'),
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
        baselineSarif: optional('baseline-sarif') === undefined ? undefined : (0,external_node_path_.resolve)(cwd, input('baseline-sarif')),
    };
}

;// CONCATENATED MODULE: ./src/report/rebase.ts
/**
 * Locations are relative to the scan root; GitHub wants them relative to the repository checkout.
 * `rebaseReport` re-roots every location (findings, related locations, suppression comments) at `newRoot`.
 */

function rebaseReport(report, newRoot) {
    const rel = (file) => {
        const abs = (0,external_node_path_.isAbsolute)(file) ? file : (0,external_node_path_.resolve)(report.root, file);
        return (0,external_node_path_.relative)(newRoot, abs).split(external_node_path_.sep).join('/');
    };
    const loc = (l) => ({ ...l, file: l.file ? rel(l.file) : l.file });
    const finding = (f) => ({
        ...f,
        location: loc(f.location),
        ...(f.related ? { related: f.related.map((r) => ({ ...r, location: loc(r.location) })) } : {}),
        ...(f.suppression ? { suppression: { ...f.suppression, location: loc(f.suppression.location) } } : {}),
    });
    return {
        ...report,
        root: newRoot,
        projects: report.projects.map((p) => ({
            ...p,
            root: rel(p.root || '.') || '',
            settingsFile: p.settingsFile ? rel(p.settingsFile) : null,
        })),
        findings: report.findings.map(finding),
        gates: report.gates.map((g) => ({ ...g, findings: g.findings.map(finding) })),
    };
}

// EXTERNAL MODULE: ./src/report/redact.ts
var redact = __webpack_require__(20649);
// EXTERNAL MODULE: ./src/report/text.ts
var report_text = __webpack_require__(65655);
// EXTERNAL MODULE: ./src/report/timings.ts
var report_timings = __webpack_require__(50509);
// EXTERNAL MODULE: ./src/run.ts + 116 modules
var run = __webpack_require__(76728);
;// CONCATENATED MODULE: ./src/main.ts
/**
 * The GitHub Action: inputs in; SARIF file, job summary, annotations and outputs out.
 * All decisions live in run(), the reporters and src/github/ (publish: SARIF, code scanning, summary,
 * annotations); this file only wires them to @actions/core.
 */










/** mode: scan — the repository (run.ts); mode: verify — the live site (src/verify/). */
async function engine(inputs) {
    // the live-site checks are imported only in verify mode: they load Node's http, https and tls
    if (inputs.mode === 'verify' && inputs.verify) {
        const { verify } = await __webpack_require__.e(/* import() */ 13).then(__webpack_require__.bind(__webpack_require__, 98013));
        return verify({ ...inputs.verify, failOn: inputs.failOn ?? 'error', env: process.env }).then((r) => ({ ...r, timings: [] }));
    }
    // A base the workflow names is its input (a ref git lacks is exit 2); the event's own base is ours to try.
    const base = inputs.baseRef ?? (0,context/* defaultBaseRef */.mK)((0,context/* readContext */.yI)(process.env));
    return (0,run.run)({
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
async function main() {
    let redactor = new redact/* Redactor */.pO(new Set());
    const startedAt = new Date();
    let published = false;
    try {
        const inputs = readInputs();
        const { report: rawReport, secrets, timings } = await engine(inputs);
        // @actions/core once the gates are done: importing it loads an HTTP stack the gates do not use (src/github/early.ts)
        const core = await __webpack_require__.e(/* import() */ 659).then(__webpack_require__.bind(__webpack_require__, 91659));
        for (const secret of secrets)
            core.setSecret(secret);
        redactor = new redact/* Redactor */.pO(secrets, (0,redact/* vocabulary */.vP)(rawReport));
        // where the rules gate's time went, in the debug log (ACTIONS_STEP_DEBUG): the CLI's --time table, redacted as every output
        if (core.isDebug() && timings.length)
            for (const line of (0,report_timings/* timingLines */.M)(timings, rawReport.gates.find((g) => g.gate === 'rules')?.durationMs))
                core.debug(redactor.redact(line));
        // GitHub wants paths relative to the repository checkout, not to working-directory (a live site's are URL paths).
        const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
        const redacted = (0,redact/* redactReport */.a5)(rawReport, redactor);
        const report = redacted.site ? redacted : rebaseReport(redacted, workspace);
        // in pieces of whole lines: each core.info ends in a line break, so the log reads as one text (textPieces)
        for (const piece of (0,report_text/* textPieces */.Vk)(report, { color: true }))
            core.info(redactor.redact(piece.slice(0, -1)));
        core.info('');
        // SARIF file, code scanning upload, job summary, annotations (src/github/publish.ts).
        // Loaded here, after the gates: the publisher brings the GitHub API client (octokit, undici), which the
        // gates do not need, and loading it first delayed the first gate.
        const { publish } = await Promise.all(/* import() */[__webpack_require__.e(659), __webpack_require__.e(351), __webpack_require__.e(204), __webpack_require__.e(850)]).then(__webpack_require__.bind(__webpack_require__, 7850));
        const pub = await publish(report, inputs, redactor, (0,context/* readContext */.yI)(process.env), process.env, startedAt);
        core.setOutput('upload', pub.upload);
        core.setOutput('sarif-id', pub.sarifId);
        core.setOutput('analyses-url', pub.analysesUrl);
        core.setOutput('alerts-dismissed', pub.alertsDismissed);
        core.setOutput('alerts-reopened', pub.alertsReopened);
        published = true;
        const counts = (0,finding/* countByLevel */.B)(report.findings);
        const code = (0,run.exitCodeFor)(report, report.failOn);
        const result = code === 2 ? 'error' : code === 1 ? 'fail' : 'pass';
        core.setOutput('sarif-file', inputs.sarifFile);
        core.setOutput('errors', counts.error);
        core.setOutput('warnings', counts.warning);
        core.setOutput('notes', counts.note);
        core.setOutput('result', result);
        if (code === 2 && report.site) {
            const { siteUnreachable } = await __webpack_require__.e(/* import() */ 13).then(__webpack_require__.bind(__webpack_require__, 98013));
            core.setFailed(redactor.redact(siteUnreachable(report)));
        }
        else if (code === 2) {
            const broken = report.gates.filter((g) => g.status === 'error');
            core.setFailed(redactor.redact(`${errors/* PROG */.n3}: ${broken.map((g) => `gate ${g.gate} could not run${g.detail ? ` (${(0,report_text/* detailLines */.ZN)(g.detail).join('; ')})` : ''}`).join('; ')} — fix the cause and run again; a gate that cannot run never counts as passing`));
        }
        else if (code === 1) {
            const blocking = report.findings.filter((f) => (0,finding/* blocksLaunch */.qw)(f, report.failOn)).length;
            core.setFailed(`${errors/* PROG */.n3}: ${report.site ? `the live site ${report.site.url} fails on` : 'launch blocked by'} ${blocking} finding${blocking === 1 ? '' : 's'} at or above fail-on=${report.failOn} — fix them (see the job summary) or change fail-on`);
        }
        // An upload that should have worked and did not (permission refusals are warnings, not failures).
        if (pub.failure)
            core.setFailed(redactor.redact(pub.failure));
    }
    catch (err) {
        const core = await __webpack_require__.e(/* import() */ 659).then(__webpack_require__.bind(__webpack_require__, 91659));
        core.setOutput('result', 'error');
        if (!published)
            for (const [k, v] of [['upload', 'skipped'], ['sarif-id', ''], ['analyses-url', ''], ['alerts-dismissed', '0'], ['alerts-reopened', '0']])
                core.setOutput(k, v);
        core.setFailed(redactor.redact((0,errors/* errorLine */.BP)(err, process.env.DLG_DEBUG === '1')));
    }
}


/***/ })

};
