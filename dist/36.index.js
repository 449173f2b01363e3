export const id = 36;
export const ids = [36];
export const modules = {

/***/ 59148:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A0: () => (/* binding */ ensureDir),
/* harmony export */   Cc: () => (/* binding */ readTextUnder),
/* harmony export */   Rx: () => (/* binding */ writePieces),
/* harmony export */   g7: () => (/* binding */ projectFile)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/** File-system helpers both entries use when they write reports (the CLI's --sarif, the action's sarif-file). */


/**
 * mkdir -p without `mkdirSync(..., { recursive: true })`, which spins forever on some paths
 * (e.g. under /proc) instead of failing.
 */
function ensureDir(dir) {
    const missing = [];
    for (let d = dir; !(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(d); d = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(d)) {
        if ((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(d) === d)
            break;
        missing.unshift(d);
    }
    for (const d of missing)
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)(d);
}
/**
 * Writes `pieces` to `file` one at a time (created or truncated): a report written as it is rendered is never
 * held whole, nor copied into one buffer (sarifChunks, jsonChunks).
 */
function writePieces(file, pieces) {
    const fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)(file, 'w');
    try {
        for (const piece of pieces) {
            const bytes = Buffer.from(piece, 'utf8');
            // write(2) may write less than asked (a full disk, a signal): the rest follows, or the error is thrown
            for (let at = 0; at < bytes.length;)
                at += (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeSync)(fd, bytes, at);
        }
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
    }
}
/** A reader of UTF-8 files under `root` (paths relative to it); undefined for a file it cannot read. */
function readTextUnder(root) {
    return (file) => {
        try {
            return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(root, file), 'utf8');
        }
        catch {
            return undefined;
        }
    };
}
/**
 * A file of the user's project: `dir` + separator + `name`, joined without path.join/resolve on purpose —
 * ncc's asset relocator statically evaluates those calls, and when a file of that name exists anywhere in
 * this source tree (a test fixture's pyproject.toml) it copies it into dist/ and rewrites the runtime path to
 * point at the copy. A project's files are never the tool's assets.
 */
function projectFile(dir, name) {
    return dir.endsWith('/') || dir.endsWith('\\') ? dir + name : `${dir}${process.platform === 'win32' ? '\\' : '/'}${name}`;
}


/***/ }),

/***/ 52018:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A_: () => (/* binding */ LEVELS),
/* harmony export */   B: () => (/* binding */ countByLevel),
/* harmony export */   Cx: () => (/* binding */ launchBlocked),
/* harmony export */   Eg: () => (/* binding */ compareFindings),
/* harmony export */   Gh: () => (/* binding */ suppressedCount),
/* harmony export */   Nm: () => (/* binding */ ruleMetaFor),
/* harmony export */   Qm: () => (/* binding */ FAIL_ON_VALUES),
/* harmony export */   Tm: () => (/* binding */ rank),
/* harmony export */   VD: () => (/* binding */ CHECKLIST),
/* harmony export */   W7: () => (/* binding */ VERIFY_GATE),
/* harmony export */   qw: () => (/* binding */ blocksLaunch),
/* harmony export */   rn: () => (/* binding */ GATE_NAMES),
/* harmony export */   vb: () => (/* binding */ MIN_SECRET_LENGTH),
/* harmony export */   yz: () => (/* binding */ djangoChecksOf)
/* harmony export */ });
/* unused harmony export LEVEL_RANK */
/**
 * The one shared vocabulary. Every gate produces `Finding`s and a `GateResult`;
 * every reporter (SARIF, text, JSON, job summary, annotations, outputs) consumes a `Report`.
 * Gates know nothing of SARIF or GitHub; reporters know nothing of Django.
 */
const LEVELS = ['error', 'warning', 'note'];
const LEVEL_RANK = { error: 3, warning: 2, note: 1 };
const FAIL_ON_VALUES = ['error', 'warning', 'note', 'never'];
const GATE_NAMES = ['rules', 'deploy-checks', 'tests', 'migrations', 'collectstatic', 'history'];
/**
 * `verify URL` (src/verify/): the live site's checks, reported as one gate of their own. Not a scan gate — never
 * in --gates / the gates input, which take GATE_NAMES only.
 */
const VERIFY_GATE = 'verify';
/** Checklist items: how the summary and the text output group findings. */
const CHECKLIST = {
    settings: 'Production settings identified and read',
    debug: 'DEBUG off in production',
    'allowed-hosts': 'ALLOWED_HOSTS restricted',
    'secret-key': 'SECRET_KEY secret and stable',
    database: 'Production database (a server, not SQLite; CONN_MAX_AGE that fits the server)',
    'app-server': 'A real app server (no runserver)',
    'static-files': 'Static files collected (STATIC_ROOT, STORAGES)',
    uploads: 'Uploads off the app disk',
    'slow-work': 'Slow work out of the request path',
    monitoring: 'Error monitoring',
    'security-settings': 'HTTPS and security headers',
    'rate-limiting': 'Login rate limiting',
    'code-security': 'Django security mistakes in code, templates and settings',
    'test-suite': 'Test suite passes',
    migrations: 'Migrations apply on PostgreSQL',
    'migration-safety': 'Migrations safe while the old release still runs',
    scan: 'Scan coverage: unreadable files and inline suppressions',
    'live-site': 'The live site (HTTPS, headers, no debug page)',
};
/** Every Django check a rule covers: `djangoCheck` first, then `djangoChecks`. */
function djangoChecksOf(rule) {
    return [...new Set([...(rule.djangoCheck ? [rule.djangoCheck] : []), ...(rule.djangoChecks ?? [])])];
}
/**
 * The rule behind a finding: by ID, else the rule that covers the finding's Django check (a runtime
 * `security.W004` belongs to the static rule that reports `security.W004`).
 */
function ruleMetaFor(rules, finding) {
    const byId = rules.find((r) => r.id === finding.ruleId);
    if (byId)
        return byId;
    const check = finding.djangoCheck ?? finding.ruleId;
    return rules.find((r) => djangoChecksOf(r).includes(check));
}
function rank(level) {
    return LEVEL_RANK[level];
}
/** Most severe first, then by file, line, rule: the one stable order every reporter uses. */
function compareFindings(a, b) {
    return (rank(b.level) - rank(a.level) ||
        cmp(a.location.file, b.location.file) ||
        a.location.line - b.location.line ||
        (a.location.column ?? 0) - (b.location.column ?? 0) ||
        cmp(a.ruleId, b.ruleId) ||
        cmp(a.message, b.message));
}
function cmp(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
/** Findings per level; suppressed findings are not counted (suppressedCount says how many there are). */
function countByLevel(findings) {
    const out = { error: 0, warning: 0, note: 0 };
    for (const f of findings)
        if (!f.suppression)
            out[f.level]++;
    return out;
}
/** How many findings an inline suppression covers. */
function suppressedCount(findings) {
    return findings.filter((f) => f.suppression).length;
}
/** Is this finding at or above `failOn`? A suppressed finding never is. */
function blocksLaunch(finding, failOn) {
    return failOn !== 'never' && !finding.suppression && rank(finding.level) >= rank(failOn);
}
/** Does this set of findings stop the launch under `failOn`? */
function launchBlocked(findings, failOn) {
    return findings.some((f) => blocksLaunch(f, failOn));
}
/**
 * Secret values shorter than this are not collected or redacted: they would match ordinary words ("pass",
 * "admin") and corrupt every report, and no message ever contains a value in the first place.
 */
const MIN_SECRET_LENGTH = 8;


/***/ }),

/***/ 88381:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ej: () => (/* binding */ parseTimeoutMinutes),
/* harmony export */   L_: () => (/* binding */ AVAILABLE_GATES),
/* harmony export */   MJ: () => (/* binding */ parseGates),
/* harmony export */   WS: () => (/* binding */ parseEnvPairs),
/* harmony export */   XV: () => (/* binding */ parseFailOn),
/* harmony export */   cV: () => (/* binding */ databaseUrlPassword)
/* harmony export */ });
/* harmony import */ var _finding__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(52018);
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83916);
/* harmony import */ var _version__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(311);
/**
 * Option values as both entries read them (CLI flags, action inputs, the config file): parsed and checked
 * here once, a bad value a UsageError naming its source (`--gates`, `input gates`, `config …: gates`).
 */



/**
 * Gates this version runs: all of GATE_NAMES since `history` shipped — `rules` and every gate src/gates/index.ts
 * lists (test/gates/registry.test.ts holds the two equal). Not read from that registry: importing it loads every
 * runtime gate's code, which a run of the rules gate alone never calls (the action's time to its first gate).
 */
const AVAILABLE_GATES = _finding__WEBPACK_IMPORTED_MODULE_0__/* .GATE_NAMES */ .rn;
function parseGates(value, source = '--gates') {
    const names = value
        .split(/[\s,]+/)
        .map((s) => s.trim())
        .filter(Boolean);
    if (names.length === 0)
        throw new _errors__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb(`${source} is empty — name at least one gate: ${_finding__WEBPACK_IMPORTED_MODULE_0__/* .GATE_NAMES */ .rn.join(', ')}`);
    const out = [];
    for (const n of names) {
        if (!_finding__WEBPACK_IMPORTED_MODULE_0__/* .GATE_NAMES */ .rn.includes(n)) {
            throw new _errors__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb(`${source}: unknown gate "${n}" — use one or more of: ${_finding__WEBPACK_IMPORTED_MODULE_0__/* .GATE_NAMES */ .rn.join(', ')}`);
        }
        if (!AVAILABLE_GATES.includes(n)) {
            throw new _errors__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb(`${source}: gate "${n}" is not available in ${_version__WEBPACK_IMPORTED_MODULE_2__/* .TOOL */ .j.name} ${_version__WEBPACK_IMPORTED_MODULE_2__/* .TOOL */ .j.version} yet — run with gates: ${AVAILABLE_GATES.join(', ')}`);
        }
        if (!out.includes(n))
            out.push(n);
    }
    return out;
}
function parseFailOn(value, source = '--fail-on') {
    const v = value.trim().toLowerCase();
    if (_finding__WEBPACK_IMPORTED_MODULE_0__/* .FAIL_ON_VALUES */ .Qm.includes(v))
        return v;
    throw new _errors__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb(`${source}: unknown value "${value}" — use one of: ${_finding__WEBPACK_IMPORTED_MODULE_0__/* .FAIL_ON_VALUES */ .Qm.join(', ')}`);
}
/**
 * `KEY=VALUE` pairs (the env input's lines, repeated --env options) for the user's Django. Blank lines and
 * `#` comment lines are skipped; anything else without `=` or with a bad name is a UsageError naming `source`.
 */
function parseEnvPairs(items, source = '--env') {
    const out = {};
    const lines = items.flatMap((i) => i.split(/\r?\n/));
    for (const [i, raw] of lines.entries()) {
        const line = raw.trim();
        if (!line || line.startsWith('#'))
            continue;
        const at = line.indexOf('=');
        const key = at > 0 ? line.slice(0, at).trim() : '';
        if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) {
            // The text itself is never echoed: a malformed line may hold a secret value.
            const what = at > 0 ? `"${key.slice(0, 40)}" is not a variable name` : `entry ${i + 1} has no "="`;
            throw new _errors__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb(`${source}: ${what} — write one KEY=VALUE per line, e.g. DJANGO_ALLOWED_HOSTS=example.com`);
        }
        out[key] = line.slice(at + 1).trim();
    }
    return out;
}
/** A positive number of minutes (fractions allowed), else a UsageError naming `source`. */
function parseTimeoutMinutes(value, source = '--timeout-minutes') {
    const v = value.trim();
    const n = Number(v);
    if (!v || !Number.isFinite(n) || n <= 0)
        throw new _errors__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb(`${source}: "${value}" is not a positive number of minutes — e.g. 20`);
    return n;
}
/** The password in a database URL (`scheme://user:password@host/name`), decoded; undefined when none. */
function databaseUrlPassword(url) {
    if (!url)
        return undefined;
    try {
        const p = new URL(url.trim()).password;
        return p ? decodeURIComponent(p) : undefined;
    }
    catch {
        return undefined;
    }
}


/***/ }),

/***/ 20649:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a5: () => (/* binding */ redactReport),
/* harmony export */   pO: () => (/* binding */ Redactor),
/* harmony export */   vP: () => (/* binding */ vocabulary)
/* harmony export */ });
/* unused harmony export REDACTED */
/* harmony import */ var _finding__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(52018);
/**
 * Last line of defence for secret values (SECRET_KEY literals, passwords, DSNs): every reporter's input goes
 * through `redactReport` first, so a value that slipped into a message never reaches SARIF, the terminal,
 * the job summary or annotations.
 */

const REDACTED = '[REDACTED]';
/** Secrets shorter than this are only redacted as whole tokens (not inside a longer word). */
const TOKEN_ONLY_BELOW = 16;
const WORD = /[A-Za-z0-9_]/;
class Redactor {
    /** Longest first, so the common case (one secret inside another) is one span. */
    secrets;
    /** The tool's own words (rule names, checklist keys…): an occurrence of a secret wholly inside one is kept. */
    protect;
    constructor(secrets, protect = []) {
        const all = new Set();
        for (const secret of secrets) {
            if (typeof secret !== 'string' || secret.length < _finding__WEBPACK_IMPORTED_MODULE_0__/* .MIN_SECRET_LENGTH */ .vb)
                continue;
            all.add(secret);
            // The same value as it shows up inside a JSON/Python string literal and inside a URL (DSN passwords).
            const jsonEscaped = JSON.stringify(secret).slice(1, -1);
            if (jsonEscaped !== secret)
                all.add(jsonEscaped);
            const uriEncoded = encodeURIComponent(secret);
            if (uriEncoded !== secret)
                all.add(uriEncoded);
        }
        this.secrets = [...all].sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));
        // Only words a secret is a proper part of: a secret equal to a whole word is still redacted as a value.
        this.protect = [...new Set(protect)].filter((w) => this.secrets.some((x) => w.length > x.length && w.includes(x)));
    }
    /** True when there is nothing to redact (no secret of at least MIN_SECRET_LENGTH characters). */
    get empty() {
        return this.secrets.length === 0;
    }
    /**
     * Every occurrence of every secret becomes `[REDACTED]`. Occurrences that overlap or touch (two secrets
     * sharing characters) are merged into one span, so no character of any occurrence survives.
     */
    redact(text) {
        if (this.secrets.length === 0 || typeof text !== 'string')
            return text;
        const kept = [];
        for (const word of this.protect) {
            for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + 1))
                kept.push([at, at + word.length]);
        }
        const spans = [];
        for (const secret of this.secrets) {
            for (let at = text.indexOf(secret); at !== -1; at = text.indexOf(secret, at + 1)) {
                if (secret.length < TOKEN_ONLY_BELOW && (WORD.test(text[at - 1] ?? '') || WORD.test(text[at + secret.length] ?? '')))
                    continue;
                if (kept.some(([s, e]) => s <= at && at + secret.length <= e))
                    continue; // part of the tool's own vocabulary
                spans.push([at, at + secret.length]);
            }
        }
        if (spans.length === 0)
            return text;
        spans.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
        let out = '';
        let cursor = 0;
        let [start, end] = spans[0];
        for (const [s, e] of spans) {
            if (s <= end) {
                end = Math.max(end, e);
                continue;
            }
            out += text.slice(cursor, start) + REDACTED;
            cursor = end;
            [start, end] = [s, e];
        }
        out += text.slice(cursor, start) + REDACTED + text.slice(end);
        return out;
    }
    /** A copy of a JSON-able value with every string (object keys included) redacted. */
    redactDeep(value) {
        if (this.secrets.length === 0)
            return value;
        return this.walk(value);
    }
    walk(value) {
        if (typeof value === 'string')
            return this.redact(value);
        if (Array.isArray(value))
            return value.map((v) => this.walk(v));
        if (value !== null && typeof value === 'object') {
            const out = {};
            for (const [k, v] of Object.entries(value))
                out[this.redact(k)] = this.walk(v);
            return out;
        }
        return value;
    }
}
/**
 * The report every reporter should see: every string that comes from the scanned project or the run
 * redacted (messages, related messages, fixes, gate details, project reasons, checklist reasons, file
 * reasons). The tool's own vocabulary is not: rule metadata, rule IDs, gate names, levels and checklist keys
 * come from this code, never from the project — and a secret that happens to equal one of them (a
 * placeholder password "secret-key") must not turn the checklist key `secret-key` into `[REDACTED]` and lose
 * the findings grouped under it. Nor are file paths and module names: they are the repository's layout, and
 * a weak password equal to a folder name ("mathesar") must not hide where a finding is. Call this in the
 * entries before any reporter.
 */
function redactReport(report, redactor) {
    if (redactor.empty)
        return report;
    return {
        ...report,
        projects: report.projects.map((p) => ({ ...p, reason: redactor.redact(p.reason) })),
        gates: report.gates.map((g) => ({ ...g, ...(g.detail !== undefined ? { detail: redactor.redact(g.detail) } : {}), findings: g.findings.map((f) => redactFinding(f, redactor)) })),
        findings: report.findings.map((f) => redactFinding(f, redactor)),
        checklist: report.checklist.map((c) => ({ ...c, ...(c.reason !== undefined ? { reason: redactor.redact(c.reason) } : {}) })),
    };
}
function redactFinding(f, redactor) {
    return {
        ...f,
        message: redactor.redact(f.message),
        ...(f.fix !== undefined ? { fix: redactor.redact(f.fix) } : {}),
        ...(f.related ? { related: f.related.map((r) => ({ ...r, message: redactor.redact(r.message) })) } : {}),
        ...(f.suppression?.justification !== undefined ? { suppression: { ...f.suppression, justification: redactor.redact(f.suppression.justification) } } : {}),
    };
}
/** A relative path with a folder and a file extension, as messages cite other files: `app/models.py`, `deploy/prod.env`. */
const PATH_IN_TEXT = /(?<![\w./-])[\w.-]+(?:\/[\w.-]+)+\.(?:py|html?|txt|ya?ml|toml|cfg|ini|env|conf|json|sh|service)(?::\d+)?(?![\w/])/g;
/**
 * The tool's own vocabulary in a report — rule IDs, names, titles and checklist keys, Django check IDs,
 * gate names, checklist titles — for `new Redactor(secrets, vocabulary(report))`: a placeholder secret that
 * equals a word of it ("secret-key") is still redacted everywhere else, but never inside these.
 */
function vocabulary(report) {
    const words = new Set([...Object.values(_finding__WEBPACK_IMPORTED_MODULE_0__/* .CHECKLIST */ .VD), ..._finding__WEBPACK_IMPORTED_MODULE_0__/* .GATE_NAMES */ .rn]);
    // Checklist keys as the JSON and SARIF outputs spell them (a bare key equal to a secret stays redactable).
    for (const key of Object.keys(_finding__WEBPACK_IMPORTED_MODULE_0__/* .CHECKLIST */ .VD))
        for (const field of ['checklist', 'item'])
            words.add(`"${field}": "${key}"`);
    for (const r of report.rules) {
        for (const w of [r.id, r.name, r.title, ...(r.djangoCheck ? [r.djangoCheck] : []), ...(r.djangoChecks ?? []), ...r.tags])
            words.add(w);
    }
    // The repository's layout: paths and modules where findings are, as reporters print them.
    words.add(report.root);
    for (const p of report.projects) {
        for (const w of [p.root, p.settingsFile, p.settingsModule, p.evidence?.file])
            if (w)
                words.add(w);
        // A project's folder as the JSON and text outputs spell it: tabbycat's compose password is "tabbycat", the
        // name of the folder its project lives in, and the bare root would otherwise be blanked out.
        if (p.root)
            for (const w of [`"root": ${JSON.stringify(p.root)}`, `Project ${p.root}:`])
                words.add(w);
    }
    for (const f of [...report.findings, ...report.gates.flatMap((g) => g.findings)]) {
        for (const l of [f.location, ...(f.related ?? []).map((r) => r.location)]) {
            words.add(l.file);
            words.add(`${l.file}:${l.line}`);
            // A migration as its messages name it, `label.0011_name` (the label is the app folder's name unless the
            // app config says otherwise): mathesar's weak compose password "mathesar" blanked its app label out.
            const migration = /(?:^|\/)([^/]+)\/migrations\/([^/]+)\.py$/.exec(l.file);
            if (migration)
                words.add(`${migration[1]}.${migration[2]}`);
        }
        // Other files a message names (`max_length 150 → 63, src/paperless/migrations/0002_x.py:14`): a path of
        // the repository in the text, kept whole like the locations (paperless' compose password is "paperless").
        for (const text of [f.message, ...(f.related ?? []).map((r) => r.message)])
            for (const m of text.matchAll(PATH_IN_TEXT))
                words.add(m[0]);
    }
    return [...words];
}


/***/ }),

/***/ 65655:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C6: () => (/* binding */ OTHER_TITLE),
/* harmony export */   Fe: () => (/* binding */ suppressedFindings),
/* harmony export */   HD: () => (/* binding */ siteLines),
/* harmony export */   LS: () => (/* binding */ plural),
/* harmony export */   RI: () => (/* binding */ findingWhere),
/* harmony export */   Ug: () => (/* binding */ unverifiedReason),
/* harmony export */   Vk: () => (/* binding */ textPieces),
/* harmony export */   WJ: () => (/* binding */ verdict),
/* harmony export */   ZN: () => (/* binding */ detailLines),
/* harmony export */   __: () => (/* binding */ countsPhrase),
/* harmony export */   a3: () => (/* binding */ formatDuration),
/* harmony export */   dO: () => (/* binding */ OTHER_GROUP),
/* harmony export */   hC: () => (/* binding */ suppressedLine),
/* harmony export */   jc: () => (/* binding */ fixFor),
/* harmony export */   kG: () => (/* binding */ groupFindings),
/* harmony export */   ny: () => (/* binding */ sortGates),
/* harmony export */   sG: () => (/* binding */ ruleFor)
/* harmony export */ });
/* unused harmony export formatText */
/* harmony import */ var _finding__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(52018);
/**
 * The terminal report: who was scanned, how each gate went, then findings grouped by checklist item,
 * each with the rule's fix, and one closing verdict line.
 *
 * Also home of the small helpers the other human-facing reporters (summary, annotations) share:
 * rule lookup, checklist grouping, the verdict.
 */

/** The group for findings whose rule the report does not describe (and no rule names their Django check). */
const OTHER_GROUP = 'other';
const OTHER_TITLE = 'Other checks';
/**
 * The rule behind a finding: by ID, else the rule that covers the finding's Django check
 * (a runtime `security.W004` maps to the static rule that reports `security.W004`).
 */
function ruleFor(report, finding) {
    return (0,_finding__WEBPACK_IMPORTED_MODULE_0__/* .ruleMetaFor */ .Nm)(report.rules, finding);
}
/** What to do about a finding: its own fix when its cause needs one, else its rule's. */
function fixFor(report, finding) {
    return finding.fix ?? ruleFor(report, finding)?.fix;
}
/**
 * Findings grouped by checklist item in CHECKLIST order (sorted within), unmatched findings last. Suppressed
 * findings are not in any group: see suppressedFindings.
 */
function groupFindings(report) {
    const byItem = new Map();
    for (const f of [...report.findings].filter((x) => !x.suppression).sort(_finding__WEBPACK_IMPORTED_MODULE_0__/* .compareFindings */ .Eg)) {
        const item = ruleFor(report, f)?.checklist ?? OTHER_GROUP;
        const list = byItem.get(item) ?? [];
        list.push(f);
        byItem.set(item, list);
    }
    const groups = [];
    for (const item of Object.keys(_finding__WEBPACK_IMPORTED_MODULE_0__/* .CHECKLIST */ .VD)) {
        const findings = byItem.get(item);
        if (findings)
            groups.push({ item, title: _finding__WEBPACK_IMPORTED_MODULE_0__/* .CHECKLIST */ .VD[item], findings });
        byItem.delete(item);
    }
    // A finding whose rule names no known item still shows, under "Other checks": never dropped.
    const other = [...byItem.values()].flat();
    if (other.length)
        groups.push({ item: OTHER_GROUP, title: OTHER_TITLE, findings: other.sort(_finding__WEBPACK_IMPORTED_MODULE_0__/* .compareFindings */ .Eg) });
    return groups;
}
/** Where a finding is, as the human-facing reporters print it: `file:line`, or a live site's URL path. */
function findingWhere(report, location) {
    if (report.site)
        return location.file || '/';
    return `${location.file || '(project)'}:${location.line}`;
}
/** A live site's head lines (verify): the URL, the HTTP side, the certificate; --insecure said loudly. */
function siteLines(report) {
    const site = report.site;
    if (!site)
        return [];
    const lines = [`Site ${site.url} (HTTP side: ${site.httpUrl})`];
    const cert = site.certificate;
    if (cert) {
        lines.push(`Certificate ${cert.subject || '(no subject)'}, issued by ${cert.issuer || '(unknown)'}, valid until ${cert.validTo.slice(0, 10)} (${cert.daysLeft} days left): ${cert.verified ? 'verifies against the trusted CAs' : `does not verify (${cert.error ?? 'unknown error'})`}`);
    }
    if (site.insecure) {
        lines.push(cert && !cert.verified
            ? 'INSECURE (--insecure): this certificate does not verify and was accepted anyway; browsers refuse it. Not a production result.'
            : 'INSECURE (--insecure): certificates were accepted without verification (this one verified anyway).');
    }
    lines.push(`${site.requests.length} request${site.requests.length === 1 ? '' : 's'}, redirects followed hop by hop on ${new URL(site.url).hostname} only (--format json lists each)`);
    return lines;
}
/** `3 errors, 2 warnings, 1 note` (zero counts included so the line always reads the same way); suppressed ones not counted. */
function countsPhrase(findings) {
    const c = (0,_finding__WEBPACK_IMPORTED_MODULE_0__/* .countByLevel */ .B)(findings);
    return [plural(c.error, 'error'), plural(c.warning, 'warning'), plural(c.note, 'note')].join(', ');
}
/** The findings an inline suppression covers, in the report's order: shown apart, compactly, never counted. */
function suppressedFindings(report) {
    return report.findings.filter((f) => f.suppression).sort(_finding__WEBPACK_IMPORTED_MODULE_0__/* .compareFindings */ .Eg);
}
/** One suppressed finding on a line: `ID at file:line — reason` (the reason redacted like all report text). */
function suppressedLine(report, f) {
    const why = f.suppression?.justification;
    return `${f.ruleId} at ${findingWhere(report, f.location)} — ${why ? `"${why}"` : 'no reason given'}`;
}
/**
 * Why this report cannot say the launch may proceed even without blocking findings, or undefined when it
 * can: a gate that could not run, a project whose production settings were not checked.
 */
function unverifiedReason(report) {
    const reasons = [];
    // verify --insecure: a certificate that does not verify was accepted — never a plain pass.
    const cert = report.site?.certificate;
    if (report.site?.insecure && cert && !cert.verified)
        reasons.push(`--insecure: the certificate does not verify (${cert.error ?? 'unknown error'})`);
    const errored = sortGates(report.gates).filter((g) => g.status === 'error').map((g) => g.gate);
    if (errored.length > 0)
        reasons.push(`${plural(errored.length, 'gate')} could not run (${errored.join(', ')})`);
    // The history gate asked for but unable to read the history (a shallow clone, no git): its work is not done.
    const history = report.gates.find((g) => g.gate === 'history' && g.status === 'skipped');
    if (history)
        reasons.push(history.detail ? detailLines(history.detail)[0] : 'history not checked');
    // A development/test/example project beside a real one is not judged on purpose; any other project without
    // production settings was not checked.
    const unchecked = report.projects.filter((p) => p.settingsModule === null && p.status !== 'development').map((p) => p.root || '.');
    if (unchecked.length > 0)
        reasons.push(`no production settings checked in ${plural(unchecked.length, 'project')} (${unchecked.join(', ')})`);
    return reasons.length ? reasons.join('; ') : undefined;
}
/**
 * The closing line. Blocked: findings at or above fail-on. Not verified: nothing blocks, but something was
 * not checked that should have been (unverifiedReason) — never "may proceed" then.
 */
function verdict(report) {
    const blocked = (0,_finding__WEBPACK_IMPORTED_MODULE_0__/* .launchBlocked */ .Cx)(report.findings, report.failOn);
    const unverified = unverifiedReason(report);
    const n = (0,_finding__WEBPACK_IMPORTED_MODULE_0__/* .suppressedCount */ .Gh)(report.findings);
    const counts = `${countsPhrase(report.findings)}${n ? ` (${n} suppressed)` : ''}`;
    // A scan judges a launch; verify judges a live site.
    const [isBlocked, notVerified, proceeds] = report.site ? ['live site fails', 'live site not verified', 'live site passes'] : ['launch blocked', 'launch not verified', 'launch may proceed'];
    let text;
    if (blocked)
        text = `${counts} — ${isBlocked} (fail-on: ${report.failOn})${unverified ? `; ${unverified}` : ''}`;
    else if (unverified)
        text = `${counts} — ${notVerified}: ${unverified}`;
    else
        text = `${counts} — ${proceeds} (fail-on: ${report.failOn})`;
    return { blocked, verified: unverified === undefined, text };
}
/** Gates in their canonical order (GATE_NAMES); they finish concurrently, in any order. */
function sortGates(gates) {
    const order = (g) => {
        const i = _finding__WEBPACK_IMPORTED_MODULE_0__/* .GATE_NAMES */ .rn.indexOf(g.gate);
        return i === -1 ? _finding__WEBPACK_IMPORTED_MODULE_0__/* .GATE_NAMES */ .rn.length : i;
    };
    return [...gates].sort((a, b) => order(a) - order(b) || (a.gate < b.gate ? -1 : a.gate > b.gate ? 1 : 0));
}
function plural(n, word) {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}
function formatDuration(ms) {
    const v = Number.isFinite(ms) && ms > 0 ? ms : 0;
    if (v < 1000)
        return `${Math.round(v)} ms`;
    if (v < 60_000)
        return `${(v / 1000).toFixed(1)} s`;
    const s = Math.round(v / 1000);
    return `${Math.floor(s / 60)} min ${s % 60} s`;
}
function formatText(report, opts) {
    return `${[...textLines(report, opts)].join('\n')}\n`;
}
/**
 * formatText's text in pieces of whole lines, each at most about `maxChars` characters (a longer line is a piece
 * of its own) and ending in a line break: a writer prints them one by one (the CLI's stdout, the action's log)
 * and never holds the whole report — a 1 M-line monolith's 7,296 findings make 4 MB of text, 30 MB of the
 * action's peak memory as one string and its redacted copy. Joined, the pieces are formatText's text.
 */
function* textPieces(report, opts, maxChars = 64 * 1024) {
    let piece = [];
    let size = 0;
    for (const line of textLines(report, opts)) {
        if (piece.length && size + line.length > maxChars) {
            yield `${piece.join('\n')}\n`;
            piece = [];
            size = 0;
        }
        piece.push(line);
        size += line.length + 1;
    }
    if (piece.length)
        yield `${piece.join('\n')}\n`;
}
/** formatText's lines, one at a time (no line breaks in them). */
function* textLines(report, opts) {
    const c = palette(opts.color);
    yield c.bold(`${clean(report.tool.name)} ${clean(report.tool.version)}`);
    for (const l of siteLines(report))
        yield /^INSECURE/.test(l) ? c.red(c.bold(clean(l))) : clean(l);
    if (report.projects.length === 0 && !report.site)
        yield 'No Django project found.';
    for (const p of report.projects) {
        const where = p.root === '' ? '.' : p.root;
        const settings = p.settingsModule
            ? `settings ${p.settingsModule}${p.settingsFile ? ` (${p.settingsFile})` : ''}`
            : 'no settings module found';
        yield `Project ${clean(where)}: ${clean(settings)}`;
        if (p.reason)
            yield `  ${c.dim(clean(p.reason))}`;
    }
    yield '';
    yield c.bold('Gates');
    const width = Math.max(0, ...report.gates.map((g) => g.gate.length));
    for (const g of sortGates(report.gates))
        yield* gateLines(g, width, c).map((l) => `  ${l}`);
    if (report.gates.length === 0)
        yield '  (none ran)';
    const groups = groupFindings(report);
    for (const group of groups) {
        yield '';
        yield c.bold(`${group.title} — ${countsPhrase(group.findings).split(', ').filter((s) => !s.startsWith('0 ')).join(', ')}`);
        for (const f of group.findings) {
            const where = clean(findingWhere(report, f.location));
            const [first, ...rest] = clean(f.message).split('\n');
            yield `  ${where}  ${c.level(f.level, f.ruleId)}  ${first}`;
            for (const more of rest)
                yield `      ${more}`;
            for (const r of f.related ?? []) {
                yield `      ${c.dim(`${clean(r.location.file)}:${r.location.line}: ${clean(r.message).replace(/\n/g, ' ')}`)}`;
            }
            const fix = fixFor(report, f);
            if (fix)
                yield `      ${c.dim('fix:')} ${clean(fix).replace(/\n/g, ' ')}`;
        }
    }
    const suppressed = suppressedFindings(report);
    if (suppressed.length) {
        yield '';
        yield c.bold(`Suppressed in source — ${suppressed.length}`) + c.dim(' (not counted: a launch-gate: ignore[…] comment covers each)');
        for (const f of suppressed)
            yield `  ${c.dim(clean(suppressedLine(report, f)).replace(/\n/g, ' '))}`;
    }
    const withFindings = new Set(groups.map((g) => g.item));
    const passed = [];
    const notApplicable = [];
    const notChecked = [];
    for (const s of report.checklist) {
        if (withFindings.has(s.item))
            continue;
        const title = _finding__WEBPACK_IMPORTED_MODULE_0__/* .CHECKLIST */ .VD[s.item] ?? s.item;
        const entry = s.reason ? `${title} (${clean(s.reason).replace(/\n/g, '; ')})` : title;
        if (s.status === 'not-applicable')
            notApplicable.push(entry);
        else if (s.status === 'not-checked')
            notChecked.push(entry);
        else if (s.status === 'pass')
            passed.push(entry);
    }
    if (passed.length > 0 || notApplicable.length > 0 || notChecked.length > 0)
        yield '';
    if (passed.length > 0)
        yield `${c.green('Passed:')} ${passed.join('; ')}`;
    if (notApplicable.length > 0)
        yield `${c.dim('Not applicable:')} ${notApplicable.join('; ')}`;
    if (notChecked.length > 0)
        yield `${c.yellow('Not checked:')} ${notChecked.join('; ')}`;
    const v = verdict(report);
    yield '';
    yield v.blocked ? c.red(c.bold(v.text)) : v.verified ? c.green(c.bold(v.text)) : c.yellow(c.bold(v.text));
}
const STATUS_WORD = { passed: 'passed', failed: 'failed', skipped: 'skipped', error: 'error' };
/** A gate's line, then each further line of its detail (one per project) aligned under the first. */
function gateLines(g, width, c) {
    const status = STATUS_WORD[g.status] ?? g.status;
    const colored = g.status === 'passed' ? c.green(status.padEnd(7)) : g.status === 'failed' || g.status === 'error' ? c.red(status.padEnd(7)) : c.dim(status.padEnd(7));
    const head = `${g.gate.padEnd(width)}  ${colored}  ${formatDuration(g.durationMs).padStart(8)}`;
    const details = detailLines(g.detail);
    if (details.length === 0)
        return [head];
    const indent = ' '.repeat(width + 2 + 7 + 2 + 8 + 2);
    return [`${head}  ${details[0]}`, ...details.slice(1).map((d) => `${indent}${d}`)];
}
/** A gate's detail as its lines (one per project), cleaned, blank lines dropped. */
function detailLines(detail) {
    if (!detail)
        return [];
    return clean(detail)
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
}
/** Terminal control characters (escape sequences from a subprocess's output) never reach the terminal. */
function clean(s) {
    return String(s).replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '');
}
function palette(color) {
    const wrap = (open, close) => (s) => (color ? `\u001b[${open}m${s}\u001b[${close}m` : s);
    const red = wrap(31, 39);
    const yellow = wrap(33, 39);
    const cyan = wrap(36, 39);
    return {
        bold: wrap(1, 22),
        dim: wrap(2, 22),
        red,
        green: wrap(32, 39),
        yellow,
        level: (level, s) => (level === 'error' ? red(s) : level === 'warning' ? yellow(s) : cyan(s)),
    };
}


/***/ }),

/***/ 50509:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ timingLines)
/* harmony export */ });
/** Rows shown before the rest are summed in one line. */
const SHOWN = 25;
function timingLines(timings, gateMs) {
    if (!timings.length)
        return ['--time: the rules gate did not run (--gates without rules): nothing to time'];
    const sorted = [...timings].sort((a, b) => b.ms - a.ms || a.what.localeCompare(b.what));
    const parsed = timings.reduce((n, t) => n + t.parsedChars, 0);
    const mb = (chars) => (chars / 1e6).toFixed(1);
    const s = (ms) => (ms / 1000).toFixed(2);
    const out = [
        `rules gate: ${gateMs === undefined ? '' : `${s(gateMs)} s, `}${mb(parsed)} MB of Python source parsed (a file parsed again in a later batch counts again)`,
        `${'seconds'.padStart(8)} ${'parsed MB'.padStart(9)} ${'runs'.padStart(5)}  rule or step`,
    ];
    for (const t of sorted.slice(0, SHOWN))
        out.push(`${s(t.ms).padStart(8)} ${mb(t.parsedChars).padStart(9)} ${String(t.runs).padStart(5)}  ${t.what}`);
    const rest = sorted.slice(SHOWN);
    if (rest.length) {
        const ms = rest.reduce((n, t) => n + t.ms, 0);
        const chars = rest.reduce((n, t) => n + t.parsedChars, 0);
        out.push(`${s(ms).padStart(8)} ${mb(chars).padStart(9)} ${''.padStart(5)}  ${rest.length} more rules, together`);
    }
    return out;
}


/***/ }),

/***/ 23659:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A5: () => (/* binding */ parseSiteUrl),
/* harmony export */   ok: () => (/* binding */ parseRetries),
/* harmony export */   u1: () => (/* binding */ resolveTarget)
/* harmony export */ });
/* unused harmony exports MAX_RETRIES, DEFAULT_LOGIN_PATH */
/* harmony import */ var _errors__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83916);
/**
 * verify's inputs, as both entries read them (CLI flags, action inputs): parsed and checked once, a bad value a
 * UsageError naming its source (`URL`, `--retries`, `input url`…). Requests only ever go to the host the user
 * named: --http-url, --static-path and --login-path must stay on it.
 */

const MAX_RETRIES = 30;
const DEFAULT_LOGIN_PATH = 'accounts/login/';
function parseUrl(value, source) {
    const text = value.trim();
    let url;
    try {
        url = new URL(text);
    }
    catch {
        throw new _errors__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`${source}: "${text.slice(0, 80)}" is not a URL — give the site's address, e.g. https://example.com/`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
        throw new _errors__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`${source}: ${url.protocol}// is not http:// or https:// — give the site's address, e.g. https://example.com/`);
    if (!url.hostname)
        throw new _errors__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`${source}: "${text.slice(0, 80)}" names no host — e.g. https://example.com/`);
    if (url.username || url.password)
        throw new _errors__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`${source}: the URL holds a user name or password — verify checks the public site; give it without credentials`);
    url.hash = '';
    return url;
}
/** The site URL. An http:// URL is checked as its HTTPS twin on port 443 (the http:// one is then the HTTP side). */
function parseSiteUrl(value, source = 'URL') {
    return parseUrl(value, source);
}
/** --retries: a whole number from 0 to MAX_RETRIES. */
function parseRetries(value, source = '--retries') {
    const v = value.trim();
    if (!/^\d+$/.test(v) || Number(v) > MAX_RETRIES)
        throw new _errors__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`${source}: "${value}" is not a whole number from 0 to ${MAX_RETRIES} — e.g. 5 while a new release warms up`);
    return Number(v);
}
/** A path on the site (`/static/app.css`, `static/app.css`) or a URL on its host; relative paths resolve against the site's folder. */
function onSite(value, source, target) {
    const text = value.trim();
    if (text === '')
        throw new _errors__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`${source} is empty — give a path on the site, e.g. /static/site.css`);
    let url;
    if (/^[a-z][a-z0-9+.-]*:/i.test(text))
        url = parseUrl(text, source);
    else {
        try {
            url = new URL(text, text.startsWith('/') ? target.url.origin : target.root);
        }
        catch {
            throw new _errors__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`${source}: "${text.slice(0, 80)}" is not a path — e.g. /static/site.css`);
        }
    }
    if (url.host !== target.url.host || url.protocol !== target.url.protocol) {
        throw new _errors__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`${source}: ${url.href} is not on ${target.url.origin} — verify requests only the site it was given`);
    }
    url.hash = '';
    return url;
}
function resolveTarget(input, sources = {}) {
    const given = parseSiteUrl(input.url, sources.url ?? 'URL');
    let url = given;
    let httpUrl;
    if (given.protocol === 'http:') {
        httpUrl = given;
        url = new URL(given.href);
        url.protocol = 'https:';
        url.port = '';
    }
    if (input.httpUrl !== undefined) {
        const source = sources.httpUrl ?? '--http-url';
        const h = parseUrl(input.httpUrl, source);
        if (h.protocol !== 'http:')
            throw new _errors__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`${source}: ${h.href} is not an http:// URL — it names where the plain-HTTP side answers, e.g. http://${url.hostname}:8080/`);
        if (h.hostname.toLowerCase() !== url.hostname.toLowerCase())
            throw new _errors__WEBPACK_IMPORTED_MODULE_0__/* .UsageError */ .eb(`${source}: ${h.hostname} is not ${url.hostname} — the HTTP side must be the same host`);
        httpUrl = h;
    }
    if (!httpUrl) {
        httpUrl = new URL(url.href);
        httpUrl.protocol = 'http:';
        httpUrl.port = '';
    }
    const root = new URL('./', url);
    const site = { url, root };
    return {
        url,
        root,
        httpUrl,
        insecure: input.insecure === true,
        ...(input.staticPath !== undefined ? { staticUrl: onSite(input.staticPath, sources.staticPath ?? '--static-path', site) } : {}),
        loginUrl: onSite(input.loginPath ?? DEFAULT_LOGIN_PATH, sources.loginPath ?? '--login-path', site),
        retries: input.retries ?? 0,
    };
}


/***/ }),

/***/ 311:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   f: () => (/* binding */ docsUrl),
/* harmony export */   j: () => (/* binding */ TOOL)
/* harmony export */ });
/** The tool's identity, as SARIF and the reporters name it. `version` must equal package.json's (a test pins it). */
const TOOL = {
    name: 'django-launch-gate',
    version: '0.1.0',
    informationUri: 'https://github.com/django-launch-gate/django-launch-gate',
};
/** Where a rule's documentation page lives on GitHub (the `v1` tag keeps links stable across patch releases). */
function docsUrl(ruleId) {
    return `${TOOL.informationUri}/blob/v1/docs/rules/${encodeURIComponent(ruleId)}.md`;
}


/***/ })

};
