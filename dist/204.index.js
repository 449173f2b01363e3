export const id = 204;
export const ids = [204];
export const modules = {

/***/ 22491:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   x: () => (/* binding */ arrayPieces)
/* harmony export */ });
/**
 * The pieces around the array `name`, an object key `depth` levels deep (its key line indented by two spaces per
 * level) that is not the object's last key, in `whole` (the document stringified with the array empty).
 * Undefined when no such key line is there: the caller writes the document whole instead. Unique: inside a JSON
 * string every line break is escaped, so only the document's own key reads like this.
 */
function arrayPieces(whole, name, depth) {
    const pad = '  '.repeat(depth);
    const key = `\n${pad}${JSON.stringify(name)}: [],\n`;
    const at = whole.indexOf(key);
    if (at < 0)
        return undefined;
    const inner = `${pad}  `;
    return {
        head: `${whole.slice(0, at)}\n${pad}${JSON.stringify(name)}: [\n`,
        item: (value, last) => `${inner}${JSON.stringify(value, null, 2).replace(/\n/g, `\n${inner}`)}${last ? '' : ','}\n`,
        tail: `${pad}],\n${whole.slice(at + key.length)}\n`,
    };
}


/***/ }),

/***/ 43204:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  gP: () => (/* binding */ sarifChunks)
});

// UNUSED EXPORTS: DEFAULT_CATEGORY, SARIF_SCHEMA, SITEROOT, SRCROOT, automationId, sarifText, serializeSarif, toSarif

// EXTERNAL MODULE: ./src/finding.ts
var finding = __webpack_require__(52018);
// EXTERNAL MODULE: ./src/files.ts
var files = __webpack_require__(59148);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
;// CONCATENATED MODULE: ./src/rules/docs.ts
/**
 * A rule's documentation page (docs/rules/<ID>.md), the SARIF `help` text.
 *
 * Two layouts exist at runtime:
 *  - the ncc bundle `dist/index.js`, with the pages copied to `dist/docs/rules/`;
 *  - the sources (`src/rules/docs.ts` run by vitest/tsx), with the pages at `../../docs/rules/`.
 * Both candidates are tried relative to this module's URL; results (including misses) are cached.
 */

const CANDIDATE_DIRS = ['./docs/rules/', '../../docs/rules/'];
/** Rule IDs are Django-style (`launch.E010`, `security.W004`): anything else never touches the file system. */
const SAFE_ID = /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/;
const cache = new Map();
function ruleDoc(id) {
    if (cache.has(id))
        return cache.get(id);
    let text;
    if (SAFE_ID.test(id)) {
        for (const dir of CANDIDATE_DIRS) {
            try {
                text = (0,external_node_fs_.readFileSync)(new URL(`${dir}${id}.md`, import.meta.url), 'utf8');
                break;
            }
            catch {
                // not in this layout: try the next one
            }
        }
    }
    cache.set(id, text);
    return text;
}

// EXTERNAL MODULE: ./src/version.ts
var version = __webpack_require__(311);
;// CONCATENATED MODULE: ./src/report/fingerprint.ts
/**
 * `partialFingerprints.primaryLocationLineHash`, computed exactly as github/codeql-action does
 * (src/fingerprints.ts, function `hash`), so GitHub code scanning tracks our alerts across commits the
 * same way it would if the upload action had fingerprinted the file itself.
 *
 * The algorithm: a rolling polynomial hash (base 37, 64-bit wrap-around arithmetic as with the `long`
 * package) over a window of BLOCK_SIZE = 100 characters (UTF-16 code units). Spaces and tabs are skipped,
 * CR, LF and CRLF all count as one LF, and a sentinel 65535 is appended at the end of the input followed by
 * BLOCK_SIZE zeros. The hash of a line is the window hash at the moment its first character leaves the
 * window, printed as unsigned hex, suffixed with `:n` where n counts how often that hash value has been
 * seen so far in the file. A line is "started" by its first non-space/tab character (or its newline),
 * so the hash of line N covers the next 100 significant characters starting at line N.
 *
 * The 64-bit state is kept as two unsigned 32-bit halves: exact, and much faster than BigInt per character.
 */
const TAB = 0x09;
const SPACE = 0x20;
const LF = 0x0a;
const CR = 0x0d;
const EOF_CHAR = 65535;
const BLOCK_SIZE = 100;
const TWO_32 = 0x1_0000_0000;
/** 37^BLOCK_SIZE mod 2^64, as [hi, lo]. */
const FIRST_MOD = (() => {
    const v = BigInt.asUintN(64, 37n ** BigInt(BLOCK_SIZE));
    return [Number(v >> 32n), Number(v & 0xffffffffn)];
})();
/**
 * One hash per line of `text`: index 0 is line 1. The number of entries equals
 * `text.split(/\r\n|\r|\n/).length` (a trailing newline gives a final, empty line, as in codeql-action).
 * `text` is the file decoded as UTF-8 without stripping a BOM (what `fs.createReadStream(path, 'utf8')` yields).
 */
function primaryLocationLineHashes(text) {
    const out = [];
    const window = new Array(BLOCK_SIZE).fill(0);
    const lineNumbers = new Array(BLOCK_SIZE).fill(-1);
    let hi = 0;
    let lo = 0;
    let index = 0;
    let lineNumber = 0;
    let lineStart = true;
    let prevCR = false;
    const hashCounts = new Map();
    const [fmHi, fmLo] = FIRST_MOD;
    const outputHash = () => {
        const value = hi === 0 ? lo.toString(16) : hi.toString(16) + lo.toString(16).padStart(8, '0');
        const count = (hashCounts.get(value) ?? 0) + 1;
        hashCounts.set(value, count);
        out[lineNumbers[index] - 1] = `${value}:${count}`;
        lineNumbers[index] = -1;
    };
    // hash = 37 * hash + current - 37^BLOCK_SIZE * begin  (mod 2^64)
    const updateHash = (current) => {
        const begin = window[index];
        window[index] = current;
        // 37 * hash: lo * 37 < 2^38, exact in a double
        let l = lo * 37;
        let carry = Math.floor(l / TWO_32);
        l -= carry * TWO_32;
        let h = (Math.imul(hi, 37) + carry) >>> 0;
        // + current (< 2^16)
        l += current;
        if (l >= TWO_32) {
            l -= TWO_32;
            h = (h + 1) >>> 0;
        }
        // - FIRST_MOD * begin (begin < 2^16, so fmLo * begin < 2^48)
        if (begin !== 0) {
            let pl = fmLo * begin;
            carry = Math.floor(pl / TWO_32);
            pl -= carry * TWO_32;
            const ph = (Math.imul(fmHi, begin) + carry) >>> 0;
            l -= pl;
            let borrow = 0;
            if (l < 0) {
                l += TWO_32;
                borrow = 1;
            }
            h = (h - ph - borrow) >>> 0;
        }
        hi = h;
        lo = l;
        index = (index + 1) % BLOCK_SIZE;
    };
    const processCharacter = (ch) => {
        // skip tabs, spaces, and a LF directly after a CR
        if (ch === SPACE || ch === TAB || (prevCR && ch === LF)) {
            prevCR = false;
            return;
        }
        let current = ch;
        if (current === CR) {
            current = LF;
            prevCR = true;
        }
        else {
            prevCR = false;
        }
        if (lineNumbers[index] !== -1)
            outputHash();
        if (lineStart) {
            lineStart = false;
            lineNumber++;
            lineNumbers[index] = lineNumber;
        }
        if (current === LF)
            lineStart = true;
        updateHash(current);
    };
    for (let i = 0; i < text.length; i++)
        processCharacter(text.charCodeAt(i));
    processCharacter(EOF_CHAR);
    // Flush the remaining lines
    for (let i = 0; i < BLOCK_SIZE; i++) {
        if (lineNumbers[index] !== -1)
            outputHash();
        updateHash(0);
    }
    return out;
}

// EXTERNAL MODULE: ./src/report/pieces.ts
var report_pieces = __webpack_require__(22491);
// EXTERNAL MODULE: ./src/report/text.ts
var report_text = __webpack_require__(65655);
;// CONCATENATED MODULE: ./src/report/sarif.ts







const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const DEFAULT_CATEGORY = 'django-launch-gate';
const SRCROOT = '%SRCROOT%';
/**
 * verify: a live site's findings are URL paths, resolved against this base (run.originalUriBaseIds.SITE = the
 * site's origin + `/`): `artifactLocation { uri: "static/site.css", uriBaseId: "SITE" }`, the site root `./`.
 * Relative URIs keep the log valid SARIF (an absolute https: URI is too, but code scanning refuses the scheme).
 */
const SITEROOT = 'SITE';
const DJANGO_CHECKS_URL = 'https://docs.djangoproject.com/en/stable/ref/checks/';
/** GitHub code scanning limits (larger files are rejected or truncated by the service). */
const MAX_RESULTS = 25_000;
const MAX_RELATED_LOCATIONS = 1_000;
const MAX_TAGS = 20;
function toSarif(report, opts) {
    const { log, results } = sarifParts(report, opts);
    log.runs[0].results = [...results()];
    return log;
}
/**
 * The log with its results left empty, and the results one at a time (sarifChunks writes each as it comes, and
 * a file's line hashes are kept only for the lines results start on: a 1 M-line monolith's hash of every line
 * of every file with a finding, and its 7,296 results held at once, were the action's last 50 MB of peak memory).
 */
function sarifParts(report, opts) {
    const findings = [...report.findings].sort(finding/* compareFindings */.Eg);
    const kept = findings.slice(0, MAX_RESULTS);
    // Rules: every known rule (by ID), then a minimal rule for each finding ID we have no metadata for.
    const knownIds = new Set();
    const known = [];
    for (const r of [...report.rules].sort((a, b) => cmp(a.id, b.id))) {
        if (knownIds.has(r.id))
            continue; // a duplicate ID would make ruleIndex ambiguous
        knownIds.add(r.id);
        known.push(r);
    }
    const unknown = new Map();
    for (const f of kept)
        if (!knownIds.has(f.ruleId) && !unknown.has(f.ruleId))
            unknown.set(f.ruleId, f);
    const rules = [
        ...known.map(ruleDescriptor),
        ...[...unknown.keys()].sort(cmp).map((id) => syntheticRuleDescriptor(id, kept)),
    ];
    const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
    const fallbackFile = anchorFile(report);
    // The lines each file's results start on: only their hashes are kept.
    const wanted = new Map();
    if (!report.site) {
        for (const f of kept) {
            const file = relPath(f.location.file, report.root) || fallbackFile;
            const lines = wanted.get(file) ?? wanted.set(file, new Set()).get(file);
            lines.add(toRegion(f.location).startLine);
        }
    }
    const hashCache = new Map();
    const lineHash = (file, line) => {
        if (!hashCache.has(file)) {
            const text = safeRead(opts.readText, file);
            const all = text === undefined ? undefined : primaryLocationLineHashes(text);
            hashCache.set(file, all && new Map([...(wanted.get(file) ?? [])].flatMap((n) => (all[n - 1] === undefined ? [] : [[n, all[n - 1]]]))));
        }
        return hashCache.get(file)?.get(line);
    };
    function* results() {
        for (const f of kept) {
            yield report.site ? siteResult(f, ruleIndex.get(f.ruleId) ?? 0) : toResult(f, ruleIndex.get(f.ruleId) ?? 0, lineHash, fallbackFile, report.root);
        }
    }
    const notifications = [];
    for (const g of sortedGates(report.gates)) {
        if (g.status !== 'error' && g.status !== 'skipped')
            continue;
        notifications.push({
            level: g.status === 'error' ? 'error' : 'note',
            message: { text: sentence(`The ${g.gate} gate ${g.status === 'error' ? 'could not run' : 'was skipped'}${g.detail ? `: ${(0,report_text/* detailLines */.ZN)(g.detail).join('; ')}` : ''}`) },
            properties: { gate: g.gate, status: g.status },
        });
    }
    if (findings.length > kept.length) {
        notifications.push({
            level: 'warning',
            message: { text: `${findings.length - kept.length} less severe findings were left out: GitHub code scanning accepts at most ${MAX_RESULTS} results per run.` },
        });
    }
    const invocation = {
        executionSuccessful: !report.gates.some((g) => g.status === 'error'),
    };
    if (notifications.length > 0)
        invocation.toolExecutionNotifications = notifications;
    const run = {
        tool: {
            driver: {
                name: report.tool.name,
                version: report.tool.version,
                semanticVersion: report.tool.version,
                informationUri: report.tool.informationUri,
                rules,
            },
        },
        automationDetails: { id: automationId(opts.category) },
        ...(report.site ? { originalUriBaseIds: { [SITEROOT]: { uri: `${report.root.replace(/\/+$/, '')}/`, description: { text: `The live site checked by verify (${report.site.url}).` } } } } : {}),
        invocations: [invocation],
        columnKind: 'utf16CodeUnits',
        results: [],
        properties: {
            gates: sortedGates(report.gates).map((g) => {
                const out = { name: g.gate, status: g.status };
                if (g.detail !== undefined)
                    out.detail = g.detail;
                return out;
            }),
        },
    };
    return { log: { $schema: SARIF_SCHEMA, version: '2.1.0', runs: [run] }, results, count: kept.length };
}
/**
 * The SARIF report as the entries write it (CLI --sarif / --format sarif, the action's sarif-file): file texts
 * for the line hashes read under the report's root, everything redacted.
 */
function sarifText(report, category, redactor) {
    return [...sarifChunks(report, category, redactor)].join('');
}
/**
 * sarifText's text in pieces — the log around its results, then each result — each redacted, for a writer that
 * need not hold it all (a monolith's SARIF is 8 MB of text; as one string, its redacted copy and the file's
 * buffer it was the action's peak memory). The pieces are serializeSarif's document to the byte (arrayPieces). A
 * secret cannot span two pieces: pieces break only between results.
 */
function* sarifChunks(report, category, redactor) {
    // A live site's locations are URLs: there is no file text to hash.
    const readText = report.site ? () => undefined : (0,files/* readTextUnder */.Cc)(report.root);
    const { log, results, count } = sarifParts(report, {
        category,
        readText: (file) => {
            const text = readText(file);
            return text === undefined ? undefined : redactor.redact(text);
        },
    });
    // the run's results: the only results key, three levels deep ($schema/version/runs → the run)
    const pieces = count > 0 ? (0,report_pieces/* arrayPieces */.x)(JSON.stringify(log, null, 2), 'results', 3) : undefined;
    if (!pieces) {
        // (no results, or a log reshaped without the key where this looks for it — written whole, not without its results)
        if (count > 0)
            log.runs[0].results = [...results()];
        yield redactor.redact(serializeSarif(log));
        return;
    }
    yield redactor.redact(pieces.head);
    let i = 0;
    for (const r of results())
        yield redactor.redact(pieces.item(r, ++i === count));
    yield redactor.redact(pieces.tail);
}
/** 2-space JSON with a trailing newline. Key order is fixed by construction, so output is byte-stable. */
function serializeSarif(log) {
    return `${JSON.stringify(log, null, 2)}\n`;
}
/** `<category>/`, as codeql-action forms `automationDetails.id` from a category (no run IDs or SHAs). */
function automationId(category) {
    const trimmed = (category ?? '').trim().replace(/\/+$/, '');
    return `${trimmed === '' ? DEFAULT_CATEGORY : trimmed}/`;
}
function ruleDescriptor(rule) {
    const doc = ruleDoc(rule.id);
    const helpUri = (0,version/* docsUrl */.f)(rule.id);
    const fallbackText = `${sentence(rule.title)}\n\nFix: ${sentence(rule.fix)}\n\nDocumentation: ${helpUri}`;
    const fallbackMarkdown = `**${sentence(rule.title)}**\n\nFix: ${sentence(rule.fix)}\n\n[Documentation](${helpUri})`;
    // A rule with a security severity is a security alert on GitHub ('security' tag + 'security-severity');
    // a severity of 0 (e.g. "file could not be scanned") stays an ordinary alert.
    const security = Number.isFinite(rule.securitySeverity) && rule.securitySeverity > 0;
    const tags = uniq(security ? ['security', ...rule.tags] : rule.tags).slice(0, MAX_TAGS);
    const properties = { tags, precision: rule.precision };
    if (security)
        properties['security-severity'] = securitySeverity(rule.securitySeverity);
    properties['problem.severity'] = problemSeverity(rule.level);
    if (rule.djangoCheck)
        properties.djangoCheck = rule.djangoCheck;
    const checks = (0,finding/* djangoChecksOf */.yz)(rule);
    if (checks.length > 1)
        properties.djangoChecks = checks;
    return {
        id: rule.id,
        name: rule.name,
        shortDescription: { text: sentence(rule.title) },
        fullDescription: { text: (doc && whatItDoes(doc)) || `${sentence(rule.title)} ${sentence(rule.fix)}` },
        help: doc ? { text: doc, markdown: doc } : { text: fallbackText, markdown: fallbackMarkdown },
        helpUri,
        defaultConfiguration: { level: rule.level },
        properties,
    };
}
/** A rule the report has no metadata for (e.g. a Django check ID such as `security.W004` from a runtime gate). */
function syntheticRuleDescriptor(id, findings) {
    const mine = findings.filter((f) => f.ruleId === id);
    const first = mine[0]; // findings are sorted most severe first
    const level = first?.level ?? 'warning';
    const systemCheck = mine.some((f) => f.djangoCheck === id);
    const text = systemCheck
        ? `Django system check ${id}${first ? `, reported by the ${first.gate} gate` : ''}.`
        : `${id}${first ? `, reported by the ${first.gate} gate` : ''}.`;
    const descriptor = {
        id,
        name: id.replace(/[^A-Za-z0-9]+/g, '-').toLowerCase(),
        shortDescription: { text },
        fullDescription: { text },
    };
    if (systemCheck) {
        descriptor.help = { text: `${text} See ${DJANGO_CHECKS_URL}`, markdown: `${text} See [Django's system check reference](${DJANGO_CHECKS_URL}).` };
        descriptor.helpUri = DJANGO_CHECKS_URL;
    }
    else {
        descriptor.help = { text, markdown: text };
    }
    descriptor.defaultConfiguration = { level };
    descriptor.properties = { tags: ['security'], 'problem.severity': problemSeverity(level) };
    return descriptor;
}
function toResult(f, ruleIndex, lineHash, fallbackFile, root) {
    const file = relPath(f.location.file, root) || fallbackFile;
    const region = toRegion(f.location);
    const result = {
        ruleId: f.ruleId,
        ruleIndex,
        level: f.level,
        // A finding with its own fix (its cause needs other advice than the rule's help) says it in the message.
        message: { text: f.fix ? `${sentence(f.message)} Fix: ${sentence(f.fix)}` : f.message },
        locations: [{ physicalLocation: { artifactLocation: { uri: toUri(file), uriBaseId: SRCROOT }, region } }],
    };
    const hash = lineHash(file, region.startLine);
    if (hash !== undefined)
        result.partialFingerprints = { primaryLocationLineHash: hash };
    if (f.related && f.related.length > 0) {
        result.relatedLocations = f.related.slice(0, MAX_RELATED_LOCATIONS).map((r, i) => ({
            id: i + 1,
            physicalLocation: {
                artifactLocation: { uri: toUri(relPath(r.location.file, root) || fallbackFile), uriBaseId: SRCROOT },
                region: toRegion(r.location),
            },
            message: { text: r.message },
        }));
    }
    // SARIF §3.35: an inline suppression keeps the result, marked as suppressed in source with its reason.
    if (f.suppression) {
        const s = f.suppression;
        const at = {
            physicalLocation: { artifactLocation: { uri: toUri(relPath(s.location.file, root) || fallbackFile), uriBaseId: SRCROOT }, region: toRegion(s.location) },
        };
        result.suppressions = [{ kind: s.kind, status: 'accepted', ...(s.justification ? { justification: s.justification } : {}), location: at }];
    }
    const properties = { gate: f.gate };
    if (f.djangoCheck)
        properties.djangoCheck = f.djangoCheck;
    result.properties = properties;
    return result;
}
/** A live site's finding: the URL path relative to the SITE base (`./` for the root), region line 1; no line hash. */
function siteResult(f, ruleIndex) {
    const rel = f.location.file.replace(/^\/+/, '');
    return {
        ruleId: f.ruleId,
        ruleIndex,
        level: f.level,
        message: { text: f.fix ? `${sentence(f.message)} Fix: ${sentence(f.fix)}` : f.message },
        locations: [{ physicalLocation: { artifactLocation: { uri: rel === '' ? './' : rel, uriBaseId: SITEROOT }, region: { startLine: 1 } } }],
        properties: { gate: f.gate },
    };
}
/** A 1-based region; inconsistent ends are dropped rather than emitted invalid. */
function toRegion(loc) {
    const startLine = posInt(loc.line) ?? 1;
    const region = { startLine };
    const startColumn = posInt(loc.column);
    if (startColumn !== undefined)
        region.startColumn = startColumn;
    const endLine = posInt(loc.endLine);
    if (endLine !== undefined && endLine >= startLine) {
        const endColumn = posInt(loc.endColumn);
        if (endLine > startLine || endColumn === undefined || endColumn >= (startColumn ?? 1)) {
            region.endLine = endLine;
            if (endColumn !== undefined)
                region.endColumn = endColumn;
        }
    }
    return region;
}
function posInt(n) {
    return typeof n === 'number' && Number.isFinite(n) && n >= 1 ? Math.floor(n) : undefined;
}
/** Forward slashes, no leading `./`; absolute paths under the root made relative. */
function relPath(file, root) {
    let p = file.replace(/\\/g, '/');
    const r = root.replace(/\\/g, '/').replace(/\/+$/, '');
    if (r && p.startsWith(`${r}/`))
        p = p.slice(r.length + 1);
    while (p.startsWith('./'))
        p = p.slice(2);
    return p;
}
/** Percent-encode each path segment (spaces, `#`, `?`, non-ASCII) so the URI is valid; GitHub decodes it. */
function toUri(rel) {
    return rel.split('/').map(encodeURIComponent).join('/');
}
/** GitHub rejects results without a location: a finding without a file is anchored at the project's settings or manage.py. */
function anchorFile(report) {
    const p = report.projects[0];
    if (p?.settingsFile)
        return relPath(p.settingsFile, report.root);
    if (p)
        return p.root ? `${p.root.replace(/\/+$/, '')}/manage.py` : 'manage.py';
    return 'manage.py';
}
function safeRead(read, rel) {
    try {
        const text = read(rel);
        return typeof text === 'string' ? text : undefined;
    }
    catch {
        return undefined;
    }
}
/** The first paragraph under a "What it does" heading of a ruff-style rule page, on one line. */
function whatItDoes(doc) {
    const m = /^#{1,6}\s*What it does\s*$/im.exec(doc);
    if (!m)
        return undefined;
    const rest = doc.slice(m.index + m[0].length).replace(/^\s+/, '');
    const para = rest.split(/\n\s*\n|\n#/)[0]?.trim();
    return para ? para.replace(/\s*\n\s*/g, ' ') : undefined;
}
function securitySeverity(n) {
    const v = Number.isFinite(n) ? Math.min(10, Math.max(0, n)) : 0;
    return v.toFixed(1);
}
function problemSeverity(level) {
    return level === 'note' ? 'recommendation' : level;
}
/** Gates in their canonical order (they finish concurrently, in any order). */
function sortedGates(gates) {
    const order = (g) => {
        const i = finding/* GATE_NAMES */.rn.indexOf(g.gate);
        return i === -1 ? finding/* GATE_NAMES */.rn.length : i;
    };
    return [...gates].sort((a, b) => order(a) - order(b) || cmp(a.gate, b.gate));
}
function sentence(s) {
    const t = s.trim();
    return t === '' || /[.!?]$/.test(t) ? t : `${t}.`;
}
function uniq(xs) {
    return [...new Set(xs)];
}
function cmp(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}


/***/ })

};
