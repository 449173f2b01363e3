export const id = 850;
export const ids = [850];
export const modules = {

/***/ 7850:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  publish: () => (/* binding */ publish)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 11 modules
var core = __webpack_require__(91659);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./src/files.ts
var files = __webpack_require__(59148);
// EXTERNAL MODULE: ./src/report/sarif.ts + 2 modules
var sarif = __webpack_require__(43204);
// EXTERNAL MODULE: ./src/finding.ts
var finding = __webpack_require__(52018);
// EXTERNAL MODULE: ./src/version.ts
var version = __webpack_require__(311);
// EXTERNAL MODULE: ./src/report/text.ts
var report_text = __webpack_require__(65655);
;// CONCATENATED MODULE: ./src/report/summary.ts
/**
 * The GitHub job summary (GitHub-flavoured markdown): verdict, gates, the checklist at a glance, then the
 * findings per checklist item. Everything that comes from outside (messages, details, paths) is escaped,
 * and the whole stays under GitHub's 1 MiB step-summary limit by leaving out the least severe findings.
 */



/** GitHub refuses step summaries over 1 MiB; keep a margin for whatever else the step appends. */
const DEFAULT_MAX_SUMMARY_BYTES = 1024 * 1024 - 32 * 1024;
const GATE_STATUS = {
    passed: '✅ passed',
    failed: '❌ failed',
    skipped: '⏭️ skipped',
    error: '⚠️ error',
};
const LEVEL_ICON = { error: '🔴', warning: '🟠', note: '🔵' };
function jobSummary(report, opts = {}) {
    const maxBytes = Math.max(0, Math.floor(opts.maxBytes ?? DEFAULT_MAX_SUMMARY_BYTES));
    const v = (0,report_text/* verdict */.WJ)(report);
    const head = [];
    const icon = v.blocked ? '❌' : v.verified ? '✅' : '⚠️';
    head.push(`## ${icon} ${escapeInline(v.text)}`, '');
    const site = (0,report_text/* siteLines */.HD)(report);
    if (site.length > 0) {
        for (const l of site)
            head.push(...(/^INSECURE/.test(l) ? ['', '> [!CAUTION]', `> ${escapeInline(l)}`, ''] : [`- ${escapeInline(l)}`]));
        head.push('');
    }
    if (report.projects.length > 0) {
        for (const p of report.projects) {
            const where = p.root === '' ? '.' : p.root;
            const settings = p.settingsModule ? `settings ${codeSpan(p.settingsModule)}` : 'no settings module found';
            head.push(`- Project ${codeSpan(where)}: ${settings}${p.reason ? ` — ${escapeInline(p.reason)}` : ''}`);
        }
        head.push('');
    }
    head.push('| Gate | Status | Duration | Detail |', '| --- | --- | --- | --- |');
    for (const g of (0,report_text/* sortGates */.ny)(report.gates)) {
        // One line per project: <br> between the detail's lines.
        const detail = (0,report_text/* detailLines */.ZN)(g.detail).map(escapeCell).join('<br>');
        head.push(`| ${escapeCell(g.gate)} | ${GATE_STATUS[g.status] ?? escapeCell(g.status)} | ${(0,report_text/* formatDuration */.a3)(g.durationMs)} | ${detail} |`);
    }
    head.push('');
    const groups = (0,report_text/* groupFindings */.kG)(report);
    const byItem = new Map(groups.map((g) => [g.item, g.findings]));
    const statuses = new Map(report.checklist.map((s) => [s.item, s]));
    head.push('| Checklist item | Status | Rules |', '| --- | --- | --- |');
    for (const item of Object.keys(finding/* CHECKLIST */.VD)) {
        const found = byItem.get(item);
        const status = statuses.get(item);
        if (!found && !status)
            continue;
        let cell;
        // Notes of rules that could not decide (migrations without a base) leave the item not checked: say both.
        if (found && status?.status === 'not-checked')
            cell = `⬜ not checked${status.reason ? ` — ${escapeCell(status.reason)}` : ''} (${(0,report_text/* plural */.LS)(found.length, 'note')})`;
        else if (found)
            cell = `${worstIcon(found)} ${(0,report_text/* plural */.LS)(found.length, 'finding')}`;
        else if (status?.status === 'not-applicable')
            cell = `➖ not applicable${status.reason ? ` — ${escapeCell(status.reason)}` : ''}`;
        else if (status?.status === 'not-checked')
            cell = `⬜ not checked${status.reason ? ` — ${escapeCell(status.reason)}` : ''}`;
        else
            cell = `✅ pass${status?.reason ? ` — ${escapeCell(status.reason)}` : ''}`;
        head.push(`| ${escapeCell(finding/* CHECKLIST */.VD[item])} | ${cell} | ${ruleLinks(report, item, found)} |`);
    }
    const other = byItem.get(report_text/* OTHER_GROUP */.dO);
    if (other)
        head.push(`| ${report_text/* OTHER_TITLE */.C6} | ${worstIcon(other)} ${(0,report_text/* plural */.LS)(other.length, 'finding')} | ${otherLinks(other)} |`);
    // Finding sections: the most severe findings that fit (compareFindings order), shown per checklist item.
    const counted = report.findings.filter((f) => !f.suppression);
    const total = counted.length;
    const headingOf = (g) => `\n### ${escapeInline(g.title)} (${(0,report_text/* countsPhrase */.__)(g.findings).split(', ').filter((x) => !x.startsWith('0 ')).join(', ')})\n`;
    const groupOf = new Map();
    for (const g of groups)
        for (const f of g.findings)
            groupOf.set(f, g);
    const lineOf = new Map();
    const shownSet = new Set();
    const opened = new Set();
    let budget = maxBytes - bytes(joinLines(head)) - bytes(`\n${overflowNote(total, total)}\n`);
    for (const f of [...counted].sort(finding/* compareFindings */.Eg)) {
        const g = groupOf.get(f);
        const line = findingLine(report, f);
        const cost = bytes(line) + 1 + (opened.has(g) ? 0 : bytes(headingOf(g)) + 1);
        if (cost > budget)
            break;
        budget -= cost;
        opened.add(g);
        shownSet.add(f);
        lineOf.set(f, line);
    }
    const body = [];
    for (const g of groups) {
        if (!opened.has(g))
            continue;
        body.push(headingOf(g));
        for (const f of g.findings)
            if (shownSet.has(f))
                body.push(lineOf.get(f));
    }
    const shown = shownSet.size;
    const out = [...head, ...body];
    if (shown < total)
        out.push('', overflowNote(total - shown, total));
    out.push(...suppressedSection(report, budget));
    let text = joinLines(out);
    if (bytes(text) > maxBytes) {
        // Even the tables do not fit: verdict and the note only.
        text = joinLines([`## ${icon} ${escapeInline(v.text)}`, '', overflowNote(total, total)]);
        if (bytes(text) > maxBytes)
            text = truncateBytes(text, maxBytes);
    }
    return text;
}
/**
 * The suppressed findings, folded: one line each, as many as fit in `budget` bytes (the rest counted). They
 * are not counted anywhere else in the summary.
 */
function suppressedSection(report, budget) {
    const all = (0,report_text/* suppressedFindings */.Fe)(report);
    if (all.length === 0)
        return [];
    const open = `<details><summary>${(0,report_text/* plural */.LS)(all.length, 'finding')} suppressed in source (not counted)</summary>`;
    const close = '</details>';
    let left = budget - bytes(`\n${open}\n\n\n${close}\n`) - 200;
    const lines = [];
    for (const f of all) {
        const line = `- ${escapeInline((0,report_text/* suppressedLine */.hC)(report, f))}`;
        if (bytes(line) + 1 > left)
            break;
        left -= bytes(line) + 1;
        lines.push(line);
    }
    if (lines.length === 0)
        return ['', `${(0,report_text/* plural */.LS)(all.length, 'finding')} suppressed in source (not counted); all of them are in the SARIF report.`];
    if (lines.length < all.length)
        lines.push(`- … ${all.length - lines.length} more in the SARIF report`);
    return ['', open, '', ...lines, '', close];
}
function findingLine(report, f) {
    const rule = (0,report_text/* ruleFor */.sG)(report, f);
    const where = (0,report_text/* findingWhere */.RI)(report, f.location);
    const id = rule && rule.id === f.ruleId ? `[${escapeInline(f.ruleId)}](${(0,version/* docsUrl */.f)(f.ruleId)})` : `**${escapeInline(f.ruleId)}**`;
    let line = `- ${LEVEL_ICON[f.level] ?? ''} ${codeSpan(where)} ${id} ${escapeInline(f.message)}`;
    for (const r of f.related ?? []) {
        line += `<br>↳ ${codeSpan(`${r.location.file}:${r.location.line}`)} ${escapeInline(r.message)}`;
    }
    const fix = (0,report_text/* fixFor */.jc)(report, f);
    if (fix)
        line += `<br>**Fix:** ${escapeInline(fix)}${rule && rule.id !== f.ruleId ? ` (see [${escapeInline(rule.id)}](${(0,version/* docsUrl */.f)(rule.id)}))` : ''}`;
    return line;
}
function ruleLinks(report, item, found) {
    const ids = found
        ? uniqSorted(found.map((f) => (0,report_text/* ruleFor */.sG)(report, f)?.id).filter((x) => x !== undefined))
        : uniqSorted(report.rules.filter((r) => r.checklist === item).map((r) => r.id));
    return ids.map((id) => `[${escapeCell(id)}](${(0,version/* docsUrl */.f)(id)})`).join(' ');
}
function otherLinks(found) {
    return uniqSorted(found.map((f) => f.ruleId)).map(escapeCell).join(' ');
}
function worstIcon(findings) {
    if (findings.some((f) => f.level === 'error'))
        return '❌';
    if (findings.some((f) => f.level === 'warning'))
        return '⚠️';
    return 'ℹ️';
}
function overflowNote(left, total) {
    return `> [!NOTE]\n> ${(0,report_text/* plural */.LS)(left, 'more finding')} of ${total} ${left === 1 ? 'is' : 'are'} not shown here (the summary is limited to 1 MiB); all of them are in the SARIF report.`;
}
/** Text inside a paragraph or list item: no HTML, no markdown syntax, no line breaks. */
function escapeInline(s) {
    return String(s)
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/([\\`*_[\]|~#!])/g, '\\$1')
        .replace(/@/g, '@\u200b') // no @-mentions
        .replace(/\r\n?|\n/g, '<br>');
}
/** Text inside a table cell: as inline, with line breaks as spaces (a `<br>` would make tall rows). */
function escapeCell(s) {
    return escapeInline(String(s).replace(/\s*(\r\n?|\n)\s*/g, ' '));
}
/** A code span that survives tables and odd characters: backticks and pipes fall back to escaped text. */
function codeSpan(s) {
    return /[`|\r\n]/.test(s) ? escapeInline(s) : `\`${s}\``;
}
function uniqSorted(xs) {
    return [...new Set(xs)].sort();
}
function joinLines(lines) {
    return `${lines.join('\n')}\n`;
}
function bytes(s) {
    return Buffer.byteLength(s, 'utf8');
}
function truncateBytes(s, max) {
    const buf = Buffer.from(s, 'utf8').subarray(0, Math.max(0, max));
    // drop a partial UTF-8 sequence at the end
    return buf.toString('utf8').replace(/\uFFFD$/, '');
}

;// CONCATENATED MODULE: ./src/report/annotations.ts
/**
 * Which findings become GitHub annotations. GitHub shows at most 10 annotations of each type per step,
 * so the most severe are chosen (compareFindings order), and when anything is left out the last notice
 * slot is kept for one notice that says how many more there are and where to find them.
 */


const KIND = { error: 'error', warning: 'warning', note: 'notice' };
function selectAnnotations(report, max = 10) {
    const cap = Math.max(0, Math.floor(max));
    if (cap === 0)
        return [];
    // A suppressed finding is never annotated (the SARIF marks it suppressed; the summary lists it apart).
    const sorted = report.findings.filter((f) => !f.suppression).sort(finding/* compareFindings */.Eg);
    const byKind = { error: sorted.filter((f) => f.level === 'error'), warning: sorted.filter((f) => f.level === 'warning'), notice: sorted.filter((f) => f.level === 'note') };
    const overflow = byKind.error.length > cap || byKind.warning.length > cap || byKind.notice.length > cap;
    const limits = { error: cap, warning: cap, notice: overflow ? cap - 1 : cap };
    const out = [];
    for (const kind of ['error', 'warning', 'notice']) {
        for (const f of byKind[kind].slice(0, limits[kind])) {
            const rule = (0,report_text/* ruleFor */.sG)(report, f);
            const fix = (0,report_text/* fixFor */.jc)(report, f);
            // A live site's finding (verify) is about a URL, not a file of the repository: no file, the URL in the title.
            const url = report.site ? `${report.root}${f.location.file}` : undefined;
            const a = {
                kind: KIND[f.level],
                title: `${rule ? `${f.ruleId}: ${rule.title}` : f.ruleId}${url ? ` (${url})` : ''}`,
                message: fix ? `${f.message}\nFix: ${fix}` : f.message,
                file: url ? '' : f.location.file,
                startLine: url ? 0 : Math.max(1, Math.floor(f.location.line) || 1),
            };
            if (f.location.column !== undefined && f.location.column >= 1)
                a.startColumn = Math.floor(f.location.column);
            out.push(a);
        }
    }
    const left = sorted.length - out.length;
    if (left > 0) {
        out.push({
            kind: 'notice',
            title: `${(0,report_text/* plural */.LS)(left, 'more finding')} not annotated`,
            message: `GitHub shows at most ${cap} annotations of each type, so ${(0,report_text/* plural */.LS)(left, 'more finding')} ${left === 1 ? 'is' : 'are'} not shown here. All findings are in the SARIF report (code scanning) and the job summary.`,
            file: '',
            startLine: 0,
        });
    }
    return out;
}

;// CONCATENATED MODULE: ./src/github/annotate.ts
/**
 * Annotations on the pull request: the reporter picks them (selectAnnotations), this file turns
 * them into workflow commands with repository-relative paths.
 */


/** GitHub caps annotations per step at 10 per level; selectAnnotations keeps the most useful ones. */
const MAX_ANNOTATIONS = 10;
/**
 * Emit the report's annotations (report already rebased on the repository checkout and redacted; redacted
 * again here). The overflow notice has no file: it is emitted without a location. Returns how many were emitted.
 */
function annotate(report, redactor) {
    const annotations = selectAnnotations(report, MAX_ANNOTATIONS);
    for (const a of annotations) {
        const props = { title: redactor.redact(a.title) };
        if (a.file) {
            props.file = a.file;
            if (a.startLine > 0)
                props.startLine = a.startLine;
            if (a.startColumn !== undefined)
                props.startColumn = a.startColumn;
        }
        const message = redactor.redact(a.message);
        if (a.kind === 'error')
            core.error(message, props);
        else if (a.kind === 'warning')
            core.warning(message, props);
        else
            core.notice(message, props);
    }
    return annotations.length;
}

;// CONCATENATED MODULE: ./src/github/baseline.ts
/**
 * `baseline-sarif`: the base branch's SARIF (e.g. an artifact of the last run on main). The job summary
 * then tells "New in this PR" from "Already on the base branch" (and counts what the PR fixed).
 *
 * Matching is the way code scanning tracks alerts: same rule and same `primaryLocationLineHash` (the
 * fingerprint survives unrelated edits that move the line); results without a fingerprint on either side
 * fall back to rule + file + message. Each base result matches at most one current result.
 */


/** The baseline log, or why it cannot be used (never throws). */
function readBaseline(path) {
    let text;
    try {
        text = (0,external_node_fs_.readFileSync)(path, 'utf8');
    }
    catch (e) {
        return { error: `baseline-sarif ${path} cannot be read (${e.code ?? e.message})` };
    }
    let log;
    try {
        log = JSON.parse(text.replace(/^\uFEFF/, ''));
    }
    catch {
        return { error: `baseline-sarif ${path} is not JSON` };
    }
    const l = log;
    if (!l || typeof l !== 'object' || !Array.isArray(l.runs))
        return { error: `baseline-sarif ${path} is not a SARIF log (no runs)` };
    return { log: l };
}
function keyed(log, tool) {
    const out = [];
    for (const run of log.runs ?? []) {
        if (tool !== undefined && run?.tool?.driver?.name !== tool)
            continue;
        const rules = run.tool?.driver?.rules ?? [];
        for (const res of run.results ?? []) {
            // Suppressed (an accepted or unqualified suppression, SARIF §3.35): dismissed, neither new nor existing.
            if (res.suppressions?.some((s) => s.status === undefined || s.status === 'accepted'))
                continue;
            const rule = res.ruleIndex !== undefined ? rules[res.ruleIndex] : undefined;
            const ruleId = res.ruleId ?? rule?.id ?? res.rule?.id ?? '';
            const phys = res.locations?.[0]?.physicalLocation;
            const uri = phys?.artifactLocation?.uri ?? '';
            let file = uri;
            try {
                file = decodeURIComponent(uri);
            }
            catch {
                // keep as is
            }
            const item = {
                ruleId,
                level: res.level ?? rule?.defaultConfiguration?.level ?? 'warning',
                file,
                line: phys?.region?.startLine ?? 0,
                message: res.message?.text ?? '',
            };
            const hash = res.partialFingerprints?.primaryLocationLineHash;
            out.push({ item, hashKey: hash ? `${ruleId}\0${hash}` : undefined, textKey: `${ruleId}\0${file}\0${item.message}` });
        }
    }
    return out;
}
/** Split the current results into new and already-present ones (only the base runs of the same tool count). */
function compareWithBaseline(current, base) {
    const tool = current.runs?.[0]?.tool?.driver?.name;
    const cur = keyed(current, tool);
    const old = keyed(base, tool);
    const matched = new Set();
    const oldMatched = new Set();
    const take = (key) => {
        const pool = new Map();
        for (const o of old) {
            if (oldMatched.has(o))
                continue;
            const k = key(o);
            if (k === undefined)
                continue;
            const list = pool.get(k);
            if (list)
                list.push(o);
            else
                pool.set(k, [o]);
        }
        for (const c of cur) {
            if (matched.has(c))
                continue;
            const k = key(c);
            const o = k === undefined ? undefined : pool.get(k)?.shift();
            if (o) {
                matched.add(c);
                oldMatched.add(o);
            }
        }
    };
    take((k) => k.hashKey);
    take((k) => k.textKey);
    return {
        introduced: cur.filter((c) => !matched.has(c)).map((c) => c.item),
        existing: cur.filter((c) => matched.has(c)).map((c) => c.item),
        fixed: old.filter((o) => !oldMatched.has(o)).map((o) => o.item),
    };
}
const ICON = { error: '🔴', warning: '🟠', note: '🔵', none: '⚪' };
/** Markdown for the job summary, at most `maxBytes` (lists are cut first, with a count of what is left out). */
function baselineSection(cmp, maxBytes = 256 * 1024) {
    const head = [
        '',
        '### Compared with the base branch',
        '',
        `**${cmp.introduced.length} new in this PR** · ${cmp.existing.length} already on the base branch · ${cmp.fixed.length} fixed by this PR`,
        '',
    ].join('\n');
    const parts = [head];
    let budget = maxBytes - baseline_bytes(head);
    const list = (title, items, fold) => {
        if (items.length === 0)
            return;
        const open = fold ? `<details><summary>${escapeInline(title)} (${items.length})</summary>\n\n` : `#### ${escapeInline(title)} (${items.length})\n\n`;
        const close = fold ? '\n</details>\n' : '\n';
        const reserve = baseline_bytes(open) + baseline_bytes(close) + 120;
        if (budget < reserve)
            return;
        budget -= reserve;
        const lines = [];
        let shown = 0;
        for (const it of items) {
            const line = `- ${ICON[it.level] ?? ''} \`${it.file.replace(/[`|]/g, '?')}:${it.line}\` **${escapeInline(it.ruleId)}** ${escapeInline(it.message)}`;
            if (baseline_bytes(line) + 1 > budget)
                break;
            budget -= baseline_bytes(line) + 1;
            lines.push(line);
            shown++;
        }
        if (shown < items.length)
            lines.push(`- … and ${items.length - shown} more (all of them are in the SARIF report)`);
        parts.push(open + lines.join('\n') + '\n' + close);
    };
    list('New in this PR', cmp.introduced, false);
    list('Already on the base branch', cmp.existing, true);
    list('Fixed by this PR', cmp.fixed, true);
    const text = parts.join('');
    return baseline_bytes(text) <= maxBytes ? text : Buffer.from(text, 'utf8').subarray(0, maxBytes).toString('utf8').replace(/\uFFFD$/, '');
}
function baseline_bytes(s) {
    return Buffer.byteLength(s, 'utf8');
}

;// CONCATENATED MODULE: ./src/github/category.ts
/**
 * The code scanning category (`runs[].automationDetails.id` = `<category>/`). Code scanning keeps one
 * analysis per tool and category and closes the alerts an analysis no longer reports, so the category must
 * be the same on every run of the same job: workflow, job and matrix values — never a commit SHA or a run id
 * (with those, every run is a new analysis and no alert ever closes).
 *
 * The default mirrors codeql-action's `computeAutomationID` (`<analysis key>/<key>:<value>/…`, matrix keys
 * sorted) with the workflow name in place of the workflow path: `<GITHUB_WORKFLOW>:<GITHUB_JOB>/python:3.12/`.
 */
/** The category input when given, else workflow + job + matrix values. */
function resolveCategory(input, matrixInput, env) {
    const warnings = [];
    const given = input?.trim();
    if (given) {
        const bad = volatilePart(given, env);
        if (bad) {
            warnings.push(`category "${given}" contains ${bad}: every run becomes a new analysis and code scanning never closes fixed alerts — use a category that is the same on every run (workflow, job, matrix values)`);
        }
        return { category: given, warnings };
    }
    const workflow = env.GITHUB_WORKFLOW?.trim();
    const job = env.GITHUB_JOB?.trim();
    if (!workflow && !job)
        return { warnings };
    let category = `${workflow ?? ''}:${job ?? ''}/`;
    const matrix = parseMatrix(matrixInput);
    if (typeof matrix === 'string')
        warnings.push(matrix);
    else
        for (const [k, v] of matrix)
            category += `${k}:${v}/`;
    return { category: category.replace(/\/+$/, ''), warnings };
}
/** `${{ toJSON(matrix) }}` as sorted [key, value] pairs; `null`/empty is no matrix; a string is a warning. */
function parseMatrix(text) {
    const t = text?.trim();
    if (!t || t === 'null')
        return [];
    let parsed;
    try {
        parsed = JSON.parse(t);
    }
    catch {
        return 'input matrix is not JSON — pass it as ${{ toJSON(matrix) }}; the category leaves the matrix out';
    }
    if (parsed === null)
        return [];
    if (typeof parsed !== 'object' || Array.isArray(parsed))
        return 'input matrix is not a JSON object — pass it as ${{ toJSON(matrix) }}; the category leaves the matrix out';
    return Object.entries(parsed)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, typeof v === 'string' ? v : v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v)]);
}
/** Describes a per-run value inside the category, or undefined. */
function volatilePart(category, env) {
    const sha = env.GITHUB_SHA?.trim();
    if (sha && sha.length >= 7 && category.toLowerCase().includes(sha.slice(0, 7).toLowerCase()))
        return 'the commit SHA';
    if (/\b[0-9a-f]{40}\b/i.test(category))
        return 'a commit SHA';
    for (const name of ['GITHUB_RUN_ID', 'GITHUB_RUN_NUMBER']) {
        const v = env[name]?.trim();
        if (v && v.length >= 3 && new RegExp(`(^|[^0-9])${v}([^0-9]|$)`).test(category))
            return `the run id (${name})`;
    }
    return undefined;
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: ./node_modules/@actions/github/lib/github.js
var github = __webpack_require__(61351);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(38522);
;// CONCATENATED MODULE: ./src/github/upload.ts
/**
 * Upload a SARIF log to GitHub code scanning (`POST /repos/{owner}/{repo}/code-scanning/sarifs`) the way
 * github/codeql-action's upload-lib does: validated first, gzip + base64, `commit_sha`/`ref` of what was
 * analysed, `checkout_uri` as a file URI of the checkout, then the processing status polled
 * (`GET /repos/{owner}/{repo}/code-scanning/sarifs/{sarif_id}`) until `complete` or `failed`.
 *
 * Before the upload the log is checked against SARIF 2.1.0's structure (the parts code scanning relies on;
 * the full schema is checked by the tests with sarif-multitool) and fitted to GitHub's documented limits
 * ("SARIF results exceed one or more limits"): over a limit, the most severe entries are kept and every
 * cut is reported.
 *
 * Retries: 5xx, 429, secondary rate limits (403 with "secondary rate limit" or x-ratelimit-remaining: 0)
 * and network errors, honouring `retry-after` / `x-ratelimit-reset`; never 400/401/403/404/413/422.
 * Timings are injectable so tests run in milliseconds.
 */


/** GitHub's hard limits for one upload (docs: "SARIF support for code scanning", "results exceed limit"). */
const LIMITS = {
    gzipBytes: 10 * 1024 * 1024,
    runs: 20,
    resultsPerRun: 25_000,
    rulesPerRun: 25_000,
    extensionsPerRun: 100,
    locationsPerResult: 1_000,
    threadFlowLocationsPerResult: 10_000,
    tagsPerRule: 20,
};
// ---------------------------------------------------------------------------------------------------------
// validation
const LEVELS = ['none', 'note', 'warning', 'error'];
/** Structural problems code scanning would reject (empty: fine). Paths are JSON-pointer-like. */
function validateSarif(log) {
    const errors = [];
    const add = (where, what) => {
        if (errors.length < 50)
            errors.push(`${where}: ${what}`);
    };
    if (!isObj(log))
        return ['the SARIF log is not a JSON object'];
    if (log.version !== '2.1.0')
        add('/version', `is ${JSON.stringify(log.version)}, code scanning needs "2.1.0"`);
    if (!Array.isArray(log.runs))
        return [...errors, '/runs: missing or not an array'];
    if (log.runs.length === 0)
        add('/runs', 'is empty');
    log.runs.forEach((run, r) => {
        const at = `/runs/${r}`;
        if (!isObj(run))
            return add(at, 'is not an object');
        const driver = isObj(run.tool) && isObj(run.tool.driver) ? run.tool.driver : undefined;
        if (!driver)
            add(`${at}/tool/driver`, 'is missing');
        else if (typeof driver.name !== 'string' || driver.name === '')
            add(`${at}/tool/driver/name`, 'is missing');
        const rules = driver && Array.isArray(driver.rules) ? driver.rules : [];
        if (driver && driver.rules !== undefined && !Array.isArray(driver.rules))
            add(`${at}/tool/driver/rules`, 'is not an array');
        rules.forEach((rule, i) => {
            if (!isObj(rule) || typeof rule.id !== 'string' || rule.id === '')
                return add(`${at}/tool/driver/rules/${i}`, 'has no id');
            const props = isObj(rule.properties) ? rule.properties : undefined;
            const sev = props?.['security-severity'];
            if (sev !== undefined && !(typeof sev === 'string' && sev.trim() !== '' && Number.isFinite(Number(sev)))) {
                add(`${at}/tool/driver/rules/${i}/properties/security-severity`, 'is not a number (as a string)');
            }
            if (props?.tags !== undefined && (!Array.isArray(props.tags) || props.tags.some((t) => typeof t !== 'string'))) {
                add(`${at}/tool/driver/rules/${i}/properties/tags`, 'is not a list of strings');
            }
        });
        if (run.automationDetails !== undefined && !(isObj(run.automationDetails) && (run.automationDetails.id === undefined || typeof run.automationDetails.id === 'string'))) {
            add(`${at}/automationDetails`, 'is not an object with a string id');
        }
        if (!Array.isArray(run.results))
            return add(`${at}/results`, 'missing or not an array');
        run.results.forEach((res, i) => {
            const rat = `${at}/results/${i}`;
            if (!isObj(res))
                return add(rat, 'is not an object');
            if (!isObj(res.message) || (typeof res.message.text !== 'string' && typeof res.message.id !== 'string'))
                add(`${rat}/message`, 'needs text or id');
            if (res.ruleId === undefined && res.ruleIndex === undefined && !isObj(res.rule))
                add(rat, 'names no rule (ruleId, ruleIndex or rule)');
            if (res.ruleId !== undefined && typeof res.ruleId !== 'string')
                add(`${rat}/ruleId`, 'is not a string');
            if (res.ruleIndex !== undefined && !(Number.isInteger(res.ruleIndex) && res.ruleIndex >= 0 && res.ruleIndex < rules.length)) {
                add(`${rat}/ruleIndex`, `is not an index into the ${rules.length} rules`);
            }
            if (res.level !== undefined && !LEVELS.includes(res.level))
                add(`${rat}/level`, `is ${JSON.stringify(res.level)}, not one of ${LEVELS.join(', ')}`);
            if (!Array.isArray(res.locations) || res.locations.length === 0)
                add(`${rat}/locations`, 'is missing: code scanning needs a location for every result');
            else {
                res.locations.forEach((loc, l) => checkLocation(loc, `${rat}/locations/${l}`, add));
            }
            if (res.relatedLocations !== undefined) {
                if (!Array.isArray(res.relatedLocations))
                    add(`${rat}/relatedLocations`, 'is not an array');
                else
                    res.relatedLocations.forEach((loc, l) => checkLocation(loc, `${rat}/relatedLocations/${l}`, add));
            }
            if (res.partialFingerprints !== undefined) {
                if (!isObj(res.partialFingerprints) || Object.values(res.partialFingerprints).some((v) => typeof v !== 'string')) {
                    add(`${rat}/partialFingerprints`, 'is not an object of strings');
                }
            }
        });
    });
    return errors;
}
function checkLocation(loc, at, add) {
    if (!isObj(loc))
        return add(at, 'is not an object');
    const phys = loc.physicalLocation;
    if (phys === undefined)
        return;
    if (!isObj(phys))
        return add(`${at}/physicalLocation`, 'is not an object');
    const art = phys.artifactLocation;
    if (!isObj(art) || typeof art.uri !== 'string' || art.uri === '')
        add(`${at}/physicalLocation/artifactLocation/uri`, 'is missing');
    else if (/\s/.test(art.uri))
        add(`${at}/physicalLocation/artifactLocation/uri`, 'contains white space (not a valid URI)');
    const region = phys.region;
    if (region === undefined)
        return;
    if (!isObj(region))
        return add(`${at}/physicalLocation/region`, 'is not an object');
    for (const k of ['startLine', 'startColumn', 'endLine', 'endColumn']) {
        const v = region[k];
        if (v !== undefined && !(Number.isInteger(v) && v >= 1))
            add(`${at}/physicalLocation/region/${k}`, 'is not a positive integer');
    }
    if (typeof region.startLine === 'number' && typeof region.endLine === 'number' && region.endLine < region.startLine) {
        add(`${at}/physicalLocation/region/endLine`, 'is before startLine');
    }
}
/** Gzip + base64, as the upload endpoint wants it (`gzip -c file | base64 -w0`). */
function encodeSarif(log) {
    const gz = (0,external_node_zlib_.gzipSync)(Buffer.from(JSON.stringify(log), 'utf8'));
    return { payload: gz.toString('base64'), gzipBytes: gz.length };
}
const LEVEL_RANK = { error: 3, warning: 2, note: 1, none: 0 };
/**
 * The log within GitHub's limits: at most 20 runs, 25 000 rules and results per run (the most severe results
 * kept), 1 000 locations and related locations per result, 10 000 thread-flow locations per result, 20 tags
 * per rule, 100 extensions per run, and 10 MB gzipped (least severe results dropped until it fits). The input
 * is not modified.
 */
function fitToLimits(input, limits = LIMITS) {
    // Copied only when something must be cut (a monolith's log parsed is tens of MB, and a copy as much again).
    let log = withinCounts(input, limits) ? input : structuredClone(input);
    const dropped = [];
    if (log.runs.length > limits.runs) {
        dropped.push(`${log.runs.length - limits.runs} of ${log.runs.length} runs (GitHub accepts at most ${limits.runs} runs per upload)`);
        log.runs = log.runs.slice(0, limits.runs);
    }
    log.runs.forEach((run, r) => {
        const name = run.tool?.driver?.name ?? `run ${r + 1}`;
        const ext = run.tool?.extensions;
        if (ext && ext.length > limits.extensionsPerRun) {
            dropped.push(`${ext.length - limits.extensionsPerRun} tool extensions of ${name} (at most ${limits.extensionsPerRun} per run)`);
            run.tool.extensions = ext.slice(0, limits.extensionsPerRun);
        }
        let tagCuts = 0;
        for (const rule of run.tool?.driver?.rules ?? []) {
            const tags = rule.properties?.tags;
            if (Array.isArray(tags) && tags.length > limits.tagsPerRule) {
                rule.properties.tags = tags.slice(0, limits.tagsPerRule);
                tagCuts++;
            }
        }
        if (tagCuts)
            dropped.push(`tags beyond the first ${limits.tagsPerRule} of ${tagCuts} rule${tagCuts === 1 ? '' : 's'} of ${name} (at most ${limits.tagsPerRule} tags per rule)`);
        const results = run.results ?? [];
        let locCuts = 0;
        let flowCuts = 0;
        for (const res of results) {
            if (res.locations && res.locations.length > limits.locationsPerResult) {
                res.locations = res.locations.slice(0, limits.locationsPerResult);
                locCuts++;
            }
            if (res.relatedLocations && res.relatedLocations.length > limits.locationsPerResult) {
                res.relatedLocations = res.relatedLocations.slice(0, limits.locationsPerResult);
                locCuts++;
            }
            let budget = limits.threadFlowLocationsPerResult;
            let cut = false;
            for (const flow of res.codeFlows ?? []) {
                for (const tf of flow.threadFlows ?? []) {
                    if (tf.locations.length > budget) {
                        tf.locations = tf.locations.slice(0, budget);
                        cut = true;
                    }
                    budget -= tf.locations.length;
                }
            }
            if (cut)
                flowCuts++;
        }
        if (locCuts)
            dropped.push(`locations beyond the first ${limits.locationsPerResult} of ${locCuts} result${locCuts === 1 ? '' : 's'} of ${name} (at most ${limits.locationsPerResult} per result)`);
        if (flowCuts)
            dropped.push(`thread-flow locations beyond ${limits.threadFlowLocationsPerResult} of ${flowCuts} result${flowCuts === 1 ? '' : 's'} of ${name}`);
        if (results.length > limits.resultsPerRun) {
            const kept = mostSevere(run, results, limits.resultsPerRun);
            dropped.push(`${results.length - kept.length} least severe of ${results.length} results of ${name} (at most ${limits.resultsPerRun} per run)`);
            run.results = kept;
        }
        const rules = run.tool?.driver?.rules;
        if (rules && rules.length > limits.rulesPerRun) {
            const before = rules.length;
            trimRules(run, limits.rulesPerRun);
            dropped.push(`${before - limits.rulesPerRun} rules of ${name} that no kept result uses (at most ${limits.rulesPerRun} per run)`);
        }
    });
    let enc = encodeSarif(log);
    if (enc.gzipBytes > limits.gzipBytes) {
        // Drop the least severe results (across runs) until the gzipped log fits: binary search on how many to keep.
        const all = log.runs.flatMap((run, r) => (run.results ?? []).map((res, i) => ({ r, i, rank: severity(run, res) })));
        const order = [...all].sort((a, b) => b.rank - a.rank || a.r - b.r || a.i - b.i);
        const originals = log.runs.map((run) => run.results ?? []);
        const keep = (n) => {
            const chosen = new Set(order.slice(0, n).map((x) => `${x.r}:${x.i}`));
            return { ...log, runs: log.runs.map((run, r) => ({ ...run, results: originals[r].filter((_, i) => chosen.has(`${r}:${i}`)) })) };
        };
        let lo = 0;
        let hi = order.length;
        while (lo < hi) {
            const mid = Math.ceil((lo + hi) / 2);
            if (encodeSarif(keep(mid)).gzipBytes <= limits.gzipBytes)
                lo = mid;
            else
                hi = mid - 1;
        }
        const fitted = keep(lo);
        dropped.push(`${order.length - lo} least severe of ${order.length} results, to bring the gzipped upload from ${mb(enc.gzipBytes)} under GitHub's ${mb(limits.gzipBytes)} limit`);
        log = { ...log, runs: fitted.runs };
        enc = encodeSarif(log);
    }
    return { log, dropped, payload: enc.payload, gzipBytes: enc.gzipBytes };
}
/** True when fitToLimits' count cuts (every limit but the gzipped size) would leave the log as it is. */
function withinCounts(log, limits) {
    if (log.runs.length > limits.runs)
        return false;
    return log.runs.every((run) => {
        if ((run.tool?.extensions?.length ?? 0) > limits.extensionsPerRun)
            return false;
        const rules = run.tool?.driver?.rules ?? [];
        if (rules.length > limits.rulesPerRun)
            return false;
        if (rules.some((rule) => Array.isArray(rule.properties?.tags) && rule.properties.tags.length > limits.tagsPerRule))
            return false;
        const results = run.results ?? [];
        if (results.length > limits.resultsPerRun)
            return false;
        return results.every((res) => (res.locations?.length ?? 0) <= limits.locationsPerResult &&
            (res.relatedLocations?.length ?? 0) <= limits.locationsPerResult &&
            (res.codeFlows ?? []).reduce((n, flow) => n + (flow.threadFlows ?? []).reduce((m, tf) => m + tf.locations.length, 0), 0) <= limits.threadFlowLocationsPerResult);
    });
}
function mb(n) {
    return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
/** error > warning > note > none, then the rule's security-severity. */
function severity(run, res) {
    const rules = run.tool?.driver?.rules ?? [];
    const rule = res.ruleIndex !== undefined ? rules[res.ruleIndex] : rules.find((x) => x.id === res.ruleId);
    const level = res.level ?? rule?.defaultConfiguration?.level ?? 'warning';
    const sec = Number(rule?.properties?.['security-severity'] ?? 0);
    return (LEVEL_RANK[level] ?? 2) * 100 + (Number.isFinite(sec) ? Math.min(10, Math.max(0, sec)) : 0);
}
function mostSevere(run, results, n) {
    const ranked = results.map((res, i) => ({ res, i, rank: severity(run, res) }));
    const keep = new Set(ranked.sort((a, b) => b.rank - a.rank || a.i - b.i).slice(0, n).map((x) => x.i));
    return results.filter((_, i) => keep.has(i)); // original order
}
/** Keep the rules results use (then the first others) up to `n`, re-pointing every ruleIndex. */
function trimRules(run, n) {
    const rules = run.tool.driver.rules ?? [];
    const used = new Set();
    for (const res of run.results ?? []) {
        const idx = res.ruleIndex ?? rules.findIndex((x) => x.id === res.ruleId);
        if (idx !== undefined && idx >= 0)
            used.add(idx);
    }
    const keepIdx = [...used].sort((a, b) => a - b);
    for (let i = 0; keepIdx.length < n && i < rules.length; i++)
        if (!used.has(i))
            keepIdx.push(i);
    keepIdx.sort((a, b) => a - b);
    const newIndex = new Map(keepIdx.map((old, i) => [old, i]));
    run.tool.driver.rules = keepIdx.map((i) => rules[i]);
    for (const res of run.results ?? []) {
        if (res.ruleIndex !== undefined) {
            const ni = newIndex.get(res.ruleIndex);
            if (ni === undefined)
                delete res.ruleIndex;
            else
                res.ruleIndex = ni;
        }
    }
}
const DEFAULT_TIMING = {
    maxAttempts: 5,
    retryBaseMs: 3_000,
    maxRetryDelayMs: 120_000,
    pollDelaysMs: [5_000, 15_000, 35_000, 75_000],
    requestTimeoutMs: 60_000,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};
/** DEFAULT_TIMING with the test-only overrides DLG_POLL_DELAYS_MS (comma list), DLG_RETRY_BASE_MS, DLG_HTTP_TIMEOUT_MS. */
function timingFromEnv(env) {
    const t = { ...DEFAULT_TIMING, pollDelaysMs: [...DEFAULT_TIMING.pollDelaysMs] };
    const poll = env.DLG_POLL_DELAYS_MS?.split(',').map((s) => Number(s.trim()));
    if (poll && poll.length > 0 && poll.every((n) => Number.isFinite(n) && n >= 0))
        t.pollDelaysMs = poll;
    const base = Number(env.DLG_RETRY_BASE_MS);
    if (env.DLG_RETRY_BASE_MS && Number.isFinite(base) && base >= 0)
        t.retryBaseMs = base;
    const timeout = Number(env.DLG_HTTP_TIMEOUT_MS);
    if (env.DLG_HTTP_TIMEOUT_MS && Number.isFinite(timeout) && timeout > 0)
        t.requestTimeoutMs = timeout;
    return t;
}
/** What GitHub answered when it did not accept a request (after retries). */
class ApiError extends Error {
    status;
    githubMessage;
    attempts;
    name = 'ApiError';
    constructor(message, 
    /** HTTP status; 0 for a network error or time-out. */
    status, 
    /** GitHub's own message (`message` of the JSON error body), without the documentation URL. */
    githubMessage, attempts) {
        super(message);
        this.status = status;
        this.githubMessage = githubMessage;
        this.attempts = attempts;
    }
}
function octokitFor(token, apiUrl) {
    return github/* getOctokit */.Q(token, { baseUrl: apiUrl, userAgent: 'django-launch-gate' });
}
/**
 * One API call with retries. Retried: network errors and time-outs, 5xx, 429, and 403s that are rate
 * limits; each waits `retry-after` (seconds or an HTTP date) or until `x-ratelimit-reset` when GitHub says,
 * else retryBaseMs × 2^attempt. Anything else throws ApiError at once.
 */
async function requestWithRetry(what, call, timing, log) {
    for (let attempt = 1;; attempt++) {
        try {
            return { value: await call(AbortSignal.timeout(timing.requestTimeoutMs)), attempts: attempt };
        }
        catch (raw) {
            const e = raw;
            const status = typeof e.status === 'number' ? e.status : 0;
            const headers = lowerKeys(e.response?.headers ?? {});
            const ghMessage = githubMessage(e);
            const network = status === 0 || (status === 500 && e.response === undefined);
            const rateLimited = status === 429 ||
                ((status === 403 || status === 429) && (/secondary rate limit|rate limit exceeded|abuse detection/i.test(ghMessage) || headers['x-ratelimit-remaining'] === '0'));
            const retryable = network || rateLimited || status >= 500;
            const label = network ? `network error (${oneLine(e.message ?? 'no response')})` : `HTTP ${status}${ghMessage ? ` "${ghMessage}"` : ''}`;
            if (!retryable)
                throw new ApiError(`${what}: ${label}`, status, ghMessage, attempt);
            if (attempt >= timing.maxAttempts)
                throw new ApiError(`${what}: ${label}, still after ${attempt} attempts`, network ? 0 : status, ghMessage, attempt);
            let delay = timing.retryBaseMs * 2 ** (attempt - 1);
            let why = 'backing off';
            const asked = waitAskedFor(headers);
            if (asked !== undefined) {
                if (asked > timing.maxRetryDelayMs) {
                    throw new ApiError(`${what}: ${label}; GitHub asks to wait ${Math.ceil(asked / 1000)} s, longer than ${Math.ceil(timing.maxRetryDelayMs / 1000)} s`, status, ghMessage, attempt);
                }
                delay = asked;
                why = headers['retry-after'] !== undefined ? 'as retry-after asks' : 'until the rate limit resets';
            }
            else if (rateLimited && status !== 429) {
                delay = Math.max(delay, Math.min(60_000, timing.maxRetryDelayMs)); // secondary limit without a header: GitHub asks for at least a minute
            }
            log.info(`${what}: ${label} — retrying in ${(delay / 1000).toFixed(delay < 1000 ? 2 : 0)} s (${why}; attempt ${attempt + 1} of ${timing.maxAttempts})`);
            await timing.sleep(delay);
        }
    }
}
function waitAskedFor(headers) {
    const ra = headers['retry-after'];
    if (ra !== undefined) {
        const secs = Number(ra);
        if (Number.isFinite(secs) && secs >= 0)
            return secs * 1000;
        const at = Date.parse(ra);
        if (Number.isFinite(at))
            return Math.max(0, at - Date.now());
    }
    if (headers['x-ratelimit-remaining'] === '0' && headers['x-ratelimit-reset'] !== undefined) {
        const reset = Number(headers['x-ratelimit-reset']) * 1000;
        if (Number.isFinite(reset))
            return Math.max(0, reset - Date.now()) + 1000;
    }
    return undefined;
}
function lowerKeys(h) {
    const out = {};
    for (const [k, v] of Object.entries(h))
        if (v !== undefined)
            out[k.toLowerCase()] = String(v);
    return out;
}
/** GitHub's `message` from an error response body, else the error's message without the docs URL. */
function githubMessage(e) {
    const data = e.response?.data;
    if (isObj(data) && typeof data.message === 'string')
        return oneLine(data.message);
    if (typeof data === 'string' && data.trim() !== '' && data.length < 500)
        return oneLine(data);
    return oneLine((e.message ?? '').replace(/ - https?:\/\/\S+$/, ''));
}
async function uploadSarif(octokit, apiUrl, p, timing, log) {
    const { value: res, attempts } = await requestWithRetry('code scanning upload', (signal) => octokit.request('POST /repos/{owner}/{repo}/code-scanning/sarifs', {
        owner: p.owner,
        repo: p.repo,
        commit_sha: p.sha,
        ref: p.ref,
        sarif: p.payload,
        checkout_uri: p.checkoutUri,
        started_at: p.startedAt,
        tool_name: p.toolName,
        request: { signal },
    }), timing, log);
    const data = res.data;
    const id = isObj(data) && (typeof data.id === 'string' || typeof data.id === 'number') ? String(data.id) : '';
    if (!id)
        throw new ApiError(`code scanning upload: GitHub answered ${res.status ?? '?'} without a SARIF id`, res.status ?? 0, '', attempts);
    const statusUrl = isObj(data) && typeof data.url === 'string' ? data.url : undefined;
    log.info(`Uploaded the SARIF to code scanning (${p.ref} at ${p.sha.slice(0, 12)}): sarif id ${id}`);
    const status = await waitForProcessing(octokit, p.owner, p.repo, id, timing, log);
    return {
        sarifId: id,
        statusUrl,
        analysesUrl: status.analysesUrl ?? `${apiUrl.replace(/\/+$/, '')}/repos/${p.owner}/${p.repo}/code-scanning/analyses?sarif_id=${encodeURIComponent(id)}`,
        processing: status.processing,
        errors: status.errors,
        attempts,
    };
}
/**
 * Poll the processing status after each delay of the schedule. `failed` carries GitHub's errors; still
 * `pending` after the schedule, or a status request that fails, is reported (warning), never thrown: the
 * upload itself was accepted and GitHub keeps processing it.
 */
async function waitForProcessing(octokit, owner, repo, sarifId, timing, log) {
    let analysesUrl;
    for (const delay of timing.pollDelaysMs) {
        await timing.sleep(delay);
        let data;
        try {
            ({ value: { data } } = await requestWithRetry('code scanning processing status', (signal) => octokit.request('GET /repos/{owner}/{repo}/code-scanning/sarifs/{sarif_id}', { owner, repo, sarif_id: sarifId, request: { signal } }), { ...timing, maxAttempts: Math.min(timing.maxAttempts, 3) }, log));
        }
        catch (e) {
            log.warning(`Could not read the processing status of SARIF ${sarifId} (${e.message}). GitHub processes the upload in the background; errors during processing are not shown here.`);
            return { processing: 'unknown', errors: [], analysesUrl };
        }
        const status = isObj(data) ? data.processing_status : undefined;
        if (isObj(data) && typeof data.analyses_url === 'string')
            analysesUrl = data.analyses_url;
        const errors = isObj(data) && Array.isArray(data.errors) ? data.errors.map((x) => String(x)) : [];
        log.info(`Code scanning processing status: ${String(status)}`);
        if (status === 'complete')
            return { processing: 'complete', errors, analysesUrl };
        if (status === 'failed')
            return { processing: 'failed', errors, analysesUrl };
    }
    const waited = timing.pollDelaysMs.reduce((a, b) => a + b, 0);
    log.warning(`Code scanning was still processing SARIF ${sarifId} after ${Math.round(waited / 1000)} s; the upload stands and GitHub finishes it in the background (processing errors, if any, will not be shown here).`);
    return { processing: 'pending', errors: [], analysesUrl };
}
function isObj(v) {
    return v !== null && typeof v === 'object' && !Array.isArray(v);
}
function oneLine(s) {
    return s.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

;// CONCATENATED MODULE: ./src/github/changed-lines.ts
/**
 * `annotations: changed-lines`: annotate only findings on lines the pull request adds or changes.
 * The diff comes from the API (`GET /repos/{owner}/{repo}/pulls/{number}/files`, patch hunks) and, when
 * that is not possible, from git when both the base and head commits are in the checkout. A file whose
 * patch GitHub leaves out (too large, binary) counts as changed everywhere.
 */


/** Line numbers (new side) of the `+` lines of a unified diff patch. */
function addedLines(patch) {
    const lines = new Set();
    let next = 0;
    let inHunk = false;
    for (const line of patch.split('\n')) {
        const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(line);
        if (hunk) {
            next = Number(hunk[1]);
            inHunk = true;
            continue;
        }
        if (!inHunk)
            continue;
        if (line.startsWith('+'))
            lines.add(next++);
        else if (line.startsWith(' '))
            next++;
        else if (line.startsWith('\\'))
            continue; // "\ No newline at end of file"
        // '-' lines do not exist on the new side
    }
    return lines;
}
/** Changed lines from the pull request files API (paginated; GitHub lists at most 3 000 files). */
async function changedLinesFromApi(octokit, owner, repo, pull, timing, log) {
    const out = new Map();
    for (let page = 1; page <= 30; page++) {
        const { value } = await requestWithRetry('pull request files', (signal) => octokit.request('GET /repos/{owner}/{repo}/pulls/{pull_number}/files', { owner, repo, pull_number: pull, per_page: 100, page, request: { signal } }), timing, log);
        const files = value.data;
        if (!Array.isArray(files))
            break;
        for (const f of files) {
            if (!f || typeof f.filename !== 'string' || f.status === 'removed')
                continue;
            out.set(f.filename, typeof f.patch === 'string' ? addedLines(f.patch) : 'all');
        }
        if (files.length < 100)
            break;
    }
    return out;
}
/** Changed lines from `git diff base...head` in the checkout, or undefined when git cannot tell. */
function changedLinesFromGit(cwd, base, head) {
    let diff;
    try {
        diff = (0,external_node_child_process_.execFileSync)('git', ['-c', 'core.quotePath=false', 'diff', '--no-color', '--no-ext-diff', '--unified=0', '--find-renames', `${base}...${head}`], {
            cwd,
            encoding: 'utf8',
            stdio: ['ignore', 'pipe', 'ignore'],
            maxBuffer: 256 * 1024 * 1024,
            timeout: 60_000,
        });
    }
    catch {
        return undefined;
    }
    const out = new Map();
    for (const chunk of diff.split(/^diff --git /m).slice(1)) {
        const m = /^\+\+\+ (?:b\/)?(.+)$/m.exec(chunk);
        if (!m || m[1] === '/dev/null')
            continue;
        const file = m[1].replace(/\t$/, '');
        out.set(file, /^Binary files /m.test(chunk) ? 'all' : addedLines(chunk));
    }
    return out;
}
/** The report with only the findings on changed lines (locations relative to the repository root). */
function onChangedLines(report, changed) {
    return {
        ...report,
        findings: report.findings.filter((f) => {
            const lines = changed.get(f.location.file);
            return lines === 'all' || (lines !== undefined && lines.has(f.location.line));
        }),
    };
}
/**
 * The pull request's changed lines: API first (needs the token's `pull-requests: read`, which the workflow
 * token has by default), then git. undefined with a reason when neither works.
 */
async function pullRequestChanges(ctx, octokit, timing, log) {
    const pr = ctx.pullRequest;
    if (!pr)
        return { changed: undefined, reason: `this run is not for a pull request (${ctx.problems.pullRequest ?? `event ${ctx.eventName ?? 'unknown'}`})` };
    let apiProblem = 'no token';
    if (octokit && ctx.repository) {
        try {
            return { changed: await changedLinesFromApi(octokit, ctx.repository.owner, ctx.repository.repo, pr.number, timing, log), source: 'the pull request files API' };
        }
        catch (e) {
            apiProblem = e.message;
        }
    }
    const git = changedLinesFromGit(ctx.workspace, pr.baseSha, pr.headSha);
    if (git)
        return { changed: git, source: 'git diff of the base and head commits' };
    return {
        changed: undefined,
        reason: `the pull request diff could not be read (API: ${apiProblem}; git: base ${pr.baseSha.slice(0, 12)} or head ${pr.headSha.slice(0, 12)} is not in the checkout — fetch-depth: 0 helps)`,
    };
}
/**
 * The findings to annotate: all of them, or with `changed-lines` only those on lines the pull request
 * changes. When the diff cannot be read (not a pull request, no access), every finding is annotated and
 * the log says why.
 */
async function annotationScope(report, mode, ctx, octokit, timing, log) {
    if (mode === 'all')
        return report;
    const res = await pullRequestChanges(ctx, octokit, timing, log);
    if (!res.changed) {
        log.warning(`django-launch-gate: annotations: changed-lines — ${res.reason}; annotating every finding instead`);
        return report;
    }
    const scoped = onChangedLines(report, res.changed);
    const left = report.findings.length - scoped.findings.length;
    log.info(`Annotations: ${scoped.findings.length} of ${report.findings.length} findings are on lines this pull request changes (diff from ${res.source})${left ? `; the other ${left} are in the job summary and code scanning` : ''}.`);
    return scoped;
}

// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(73136);
;// CONCATENATED MODULE: ./src/github/alerts.ts

/** Every comment this action writes starts with it; only alerts dismissed with it are ever re-opened. */
const DISMISS_COMMENT_PREFIX = 'Suppressed in source: ';
const DISMISS_REASON = "won't fix";
/** GitHub's limit for `dismissed_comment`. */
const MAX_COMMENT_CHARS = 280;
const PER_PAGE = 100;
/** At most this many pages of alerts per listing (100 000 alerts): a bound, never reached in practice. */
const MAX_PAGES = 1000;
/** The results of the uploaded log, suppressed and not. */
function resultSpots(log) {
    const suppressed = [];
    const unsuppressed = [];
    for (const run of log.runs ?? []) {
        const toolName = run.tool?.driver?.name;
        if (!toolName)
            continue;
        const rules = run.tool.driver.rules ?? [];
        const category = categoryOf(run.automationDetails?.id);
        for (const res of run.results ?? []) {
            const ruleId = res.ruleId ?? (res.ruleIndex !== undefined ? rules[res.ruleIndex]?.id : undefined) ?? res.rule?.id;
            const phys = res.locations?.[0]?.physicalLocation;
            const uri = phys?.artifactLocation?.uri;
            const startLine = phys?.region?.startLine;
            if (!ruleId || !uri || typeof startLine !== 'number')
                continue;
            const spot = { toolName, category, ruleId, path: decodePath(uri), startLine, startColumn: phys?.region?.startColumn };
            const supp = (res.suppressions ?? []).find((s) => s.kind === 'inSource' && (s.status === undefined || s.status === 'accepted'));
            if (supp)
                suppressed.push({ ...spot, justification: supp.justification ?? '' });
            else
                unsuppressed.push(spot);
        }
    }
    return { suppressed, unsuppressed };
}
/** Code scanning's category of a run: its automationDetails.id up to the last `/` (`a:b/python:3.12/` → `a:b/python:3.12`). */
function categoryOf(id) {
    if (id === undefined)
        return undefined;
    const cut = id.lastIndexOf('/');
    return cut < 0 ? undefined : id.slice(0, cut);
}
function decodePath(uri) {
    const rel = uri.replace(/^\.\//, '');
    try {
        return rel.split('/').map(decodeURIComponent).join('/');
    }
    catch {
        return rel;
    }
}
/** The `dismissed_comment`: the prefix and the (redacted) reason, at most 280 characters. */
function dismissComment(justification, redact = (s) => s) {
    const reason = redact((justification ?? '').replace(/\s+/g, ' ').trim());
    return truncate(`${DISMISS_COMMENT_PREFIX}${reason || '(no reason given)'}`, MAX_COMMENT_CHARS);
}
/** At most `max` characters, counted both as code points and as UTF-16 units (whichever GitHub counts). */
function truncate(text, max) {
    if (text.length <= max)
        return text;
    const points = Array.from(text);
    let n = Math.min(points.length, max - 1);
    while (n > 0 && points.slice(0, n).join('').length + 1 > max)
        n--;
    return `${points.slice(0, n).join('').trimEnd()}…`;
}
/** Whether this action wrote the alert's dismissal (reason and comment prefix). */
function dismissedByUs(alert) {
    return alert.dismissed_reason === DISMISS_REASON && typeof alert.dismissed_comment === 'string' && alert.dismissed_comment.startsWith(DISMISS_COMMENT_PREFIX);
}
/**
 * Which result of this run the alert's most recent instance on `ref` is: exactly one rule, path and start line
 * (and start column when both give one), of the same tool, category and ref. Results of both kinds there
 * (which inline suppressions cannot produce) match nothing: the alert is left as it is.
 */
function matchAlert(alert, ref, spots) {
    const inst = alert.most_recent_instance;
    const loc = inst?.location;
    const ruleId = alert.rule?.id;
    if (!inst || !loc || !ruleId || typeof loc.path !== 'string' || typeof loc.start_line !== 'number')
        return { kind: 'none' };
    if (inst.ref !== undefined && normalRef(inst.ref) !== normalRef(ref))
        return { kind: 'none' };
    const same = (s) => s.ruleId === ruleId &&
        s.path === loc.path &&
        s.startLine === loc.start_line &&
        (s.startColumn === undefined || loc.start_column === undefined || s.startColumn === loc.start_column) &&
        (alert.tool?.name == null || alert.tool.name === s.toolName);
    const sameCategory = (s) => inst.category === undefined || s.category === undefined || trimSlashes(inst.category) === trimSlashes(s.category);
    const sup = spots.suppressed.filter(same);
    const unsup = spots.unsuppressed.filter(same);
    if (sup.length === 0 && unsup.length === 0)
        return { kind: 'none' };
    const supC = sup.filter(sameCategory);
    const unsupC = unsup.filter(sameCategory);
    if (supC.length === 0 && unsupC.length === 0)
        return { kind: 'none', why: `category ${JSON.stringify(inst.category)}` };
    if (supC.length > 0 && unsupC.length > 0)
        return { kind: 'none', why: 'both a suppressed and an unsuppressed result there' };
    return supC.length > 0 ? { kind: 'suppressed', spot: supC[0] } : { kind: 'unsuppressed', spot: unsupC[0] };
}
function normalRef(ref) {
    return ref.replace(/^refs\/heads\//, '');
}
function trimSlashes(s) {
    return s.replace(/^\/+|\/+$/g, '');
}
/** Dismiss the alerts of this run's suppressed results; re-open those this action dismissed whose suppression is gone. */
async function syncSuppressedAlerts(input) {
    const out = { dismissed: [], reopened: [], alreadyDismissed: 0, message: '' };
    const spots = resultSpots(input.sarif);
    const log = input.log;
    if (spots.suppressed.length === 0 && spots.unsuppressed.length === 0)
        return out;
    const tools = [...new Set([...spots.suppressed, ...spots.unsuppressed].map((s) => s.toolName))];
    const failed = [];
    let stop;
    const refusal = (e, doing) => {
        if (!(e instanceof ApiError))
            return `${doing}: ${e.message}`;
        const why = input.explain?.(e.status, e.githubMessage);
        return why ? `${doing}: ${why}` : e.message;
    };
    const isRefusal = (e) => e instanceof ApiError && (e.status === 401 || e.status === 403);
    const patch = async (alert, change, doing) => {
        try {
            await requestWithRetry(`code scanning alert ${alert.number}`, (signal) => input.octokit.request('PATCH /repos/{owner}/{repo}/code-scanning/alerts/{alert_number}', {
                owner: input.owner,
                repo: input.repo,
                alert_number: alert.number,
                ...change,
                request: { signal },
            }), input.timing, log);
            return true;
        }
        catch (e) {
            // dismiss-alerts' case: dismissed meanwhile (by someone or a concurrent job) — nothing left to do.
            if (e instanceof ApiError && e.status === 400 && /already dismissed/i.test(e.githubMessage)) {
                out.alreadyDismissed++;
                return false;
            }
            const what = refusal(e, doing);
            if (isRefusal(e))
                stop = what;
            else
                failed.push(what);
            return false;
        }
    };
    const list = async (toolName, state) => {
        try {
            return await listAlerts(input, toolName, state);
        }
        catch (e) {
            const what = refusal(e, `listing the ${state} code scanning alerts of ${toolName} on ${input.ref}`);
            if (isRefusal(e) || (e instanceof ApiError && e.status === 404))
                stop = what;
            else
                failed.push(what);
            return undefined;
        }
    };
    const skipped = new Set();
    const note = (m, alert) => {
        if (m.kind === 'none' && m.why)
            skipped.add(`alert ${alert.number} (${m.why})`);
    };
    for (const tool of tools) {
        if (stop)
            break;
        const mine = { suppressed: spots.suppressed.filter((s) => s.toolName === tool), unsuppressed: spots.unsuppressed.filter((s) => s.toolName === tool) };
        if (mine.suppressed.length > 0) {
            const open = await list(tool, 'open');
            for (const alert of open ?? []) {
                if (stop)
                    break;
                const m = matchAlert(alert, input.ref, mine);
                note(m, alert);
                if (m.kind !== 'suppressed' || alert.state !== 'open')
                    continue;
                const comment = dismissComment(m.spot.justification, input.redact);
                const ok = await patch(alert, { state: 'dismissed', dismissed_reason: DISMISS_REASON, dismissed_comment: comment }, `dismissing code scanning alert ${alert.number} (${m.spot.ruleId} at ${m.spot.path}:${m.spot.startLine})`);
                if (ok) {
                    out.dismissed.push(alert.number);
                    log.info(`Code scanning alert ${alert.number} (${m.spot.ruleId} at ${m.spot.path}:${m.spot.startLine}) dismissed as won't fix: "${comment}"`);
                }
            }
        }
        if (stop)
            break;
        if (mine.unsuppressed.length > 0) {
            const dismissed = await list(tool, 'dismissed');
            for (const alert of dismissed ?? []) {
                if (stop)
                    break;
                if (alert.state !== 'dismissed' || !dismissedByUs(alert))
                    continue;
                const m = matchAlert(alert, input.ref, mine);
                note(m, alert);
                if (m.kind !== 'unsuppressed')
                    continue;
                const ok = await patch(alert, { state: 'open' }, `re-opening code scanning alert ${alert.number} (${m.spot.ruleId} at ${m.spot.path}:${m.spot.startLine})`);
                if (ok) {
                    out.reopened.push(alert.number);
                    log.info(`Code scanning alert ${alert.number} (${m.spot.ruleId} at ${m.spot.path}:${m.spot.startLine}) re-opened: this action had dismissed it as suppressed in source, and the suppression is gone`);
                }
            }
        }
    }
    if (skipped.size > 0)
        log.info(`Code scanning alerts at the place of a result of this run left as they are: ${[...skipped].slice(0, 10).join('; ')}${skipped.size > 10 ? `; and ${skipped.size - 10} more` : ''}`);
    const parts = [];
    if (out.dismissed.length > 0)
        parts.push(`${plural(out.dismissed.length, 'alert')} dismissed as suppressed in source`);
    if (out.reopened.length > 0)
        parts.push(`${plural(out.reopened.length, 'alert')} re-opened (dismissed earlier as suppressed in source; the suppression is gone)`);
    if (parts.length > 0)
        log.info(`${capital(parts.join('; '))}.`);
    const problems = [...failed, ...(stop ? [stop] : [])];
    if (problems.length > 0) {
        const shown = problems.slice(0, 3).join('; ') + (problems.length > 3 ? `; and ${problems.length - 3} more` : '');
        out.problem = shown;
        log.warning(`django-launch-gate: the code scanning alerts of suppressed results could not all be updated — ${shown}. The upload stands and the gate result is unchanged; dismiss those alerts by hand, or fix the permission and run again.`);
        parts.push(`the alerts of suppressed results could not all be updated (${shown})`);
    }
    out.message = parts.length > 0 ? `${capital(parts.join('; '))}.` : '';
    return out;
}
/** Every alert of `toolName` on the ref in `state`, page after page (100 a page) while GitHub links a next page. */
async function listAlerts(input, toolName, state) {
    const all = [];
    for (let page = 1; page <= MAX_PAGES; page++) {
        const { value: res } = await requestWithRetry(`code scanning alerts (${state}, page ${page})`, (signal) => input.octokit.request('GET /repos/{owner}/{repo}/code-scanning/alerts', {
            owner: input.owner,
            repo: input.repo,
            tool_name: toolName,
            ref: input.ref,
            state,
            per_page: PER_PAGE,
            page,
            request: { signal },
        }), input.timing, input.log);
        const data = res.data;
        const items = Array.isArray(data) ? data.filter((a) => a && typeof a.number === 'number') : [];
        all.push(...items);
        const link = String(res.headers?.link ?? '');
        const hasNext = link ? /rel="next"/.test(link) : items.length === PER_PAGE;
        if (!hasNext || items.length === 0)
            break;
    }
    return all;
}
function plural(n, word) {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}
function capital(s) {
    return s.charAt(0).toUpperCase() + s.slice(1);
}

;// CONCATENATED MODULE: ./src/github/artifact.ts
/**
 * Keep the SARIF as a workflow artifact when code scanning cannot take it (missing permission, fork,
 * Advanced Security off): @actions/artifact, which talks to the runner's results service
 * (ACTIONS_RUNTIME_TOKEN + ACTIONS_RESULTS_URL). Never throws: says why it could not save instead.
 *
 * @actions/artifact (with the Azure storage client under it) is most of the bundle's code: it is imported
 * only when a SARIF is saved, so the action's gates run without it in memory (a chunk of its own in dist/).
 */

/** A name artifact storage accepts (no `" : < > | * ? \ /`, CR, LF), unique per category. */
function artifactName(category) {
    const tail = (category ?? '')
        .replace(/[^A-Za-z0-9._-]+/g, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, 120);
    return tail ? `django-launch-gate-sarif-${tail}` : 'django-launch-gate-sarif';
}
async function saveSarifArtifact(file, name, env, repoUrl) {
    for (const v of ['ACTIONS_RUNTIME_TOKEN', 'ACTIONS_RESULTS_URL']) {
        if (!env[v])
            return { saved: false, name, reason: `${v} is not set (the step does not run on a GitHub Actions runner that offers artifact storage)` };
    }
    try {
        const { DefaultArtifactClient } = await __webpack_require__.e(/* import() */ 645).then(__webpack_require__.bind(__webpack_require__, 9645));
        const client = new DefaultArtifactClient();
        const res = await client.uploadArtifact(name, [file], (0,external_node_path_.dirname)(file), { retentionDays: undefined });
        const id = res.id;
        const runId = env.GITHUB_RUN_ID;
        const url = id !== undefined && repoUrl && runId ? `${repoUrl}/actions/runs/${runId}/artifacts/${id}` : undefined;
        return { saved: true, name, id, url };
    }
    catch (e) {
        const msg = (e instanceof Error ? e.message : String(e)).replace(/\s*[\r\n]+\s*/g, ' ').trim();
        return { saved: false, name, reason: `saving ${(0,external_node_path_.basename)(file)} as artifact "${name}" failed: ${msg}` };
    }
}

// EXTERNAL MODULE: ./src/github/context.ts
var context = __webpack_require__(19556);
;// CONCATENATED MODULE: ./src/github/code-scanning.ts
/**
 * The code scanning step of the action: decide whether to upload, upload (src/github/upload.ts), and when
 * GitHub refuses for lack of permission (fork, Dependabot, missing `security-events: write`, Code Security
 * off) explain exactly what is missing and keep the SARIF as a workflow artifact — without failing the gate.
 *
 * Never uploads the report of a run where a gate errored: that report is incomplete, and code scanning
 * would close every open alert it does not repeat.
 *
 * After an upload GitHub has processed, the alerts of suppressed results are dismissed (and ours whose
 * suppression is gone re-opened): src/github/alerts.ts.
 */








/** Events `upload: auto` uploads on. */
const AUTO_EVENTS = ['push', 'pull_request', 'merge_group', 'workflow_dispatch', 'schedule'];
/** Whether to upload at all (before any network). */
function uploadDecision(report, mode, ctx, token) {
    if (mode === 'never')
        return { upload: false, reason: 'upload: never — the SARIF was written but not uploaded', warn: false };
    // verify: a live site's findings are URLs, not code locations — uploaded only when asked for by name.
    if (report.site && mode === 'auto') {
        return { upload: false, reason: 'mode: verify — a live site\'s findings are URLs, not code locations: the SARIF was written but not uploaded (upload: always uploads it)', warn: false };
    }
    const broken = report.gates.filter((g) => g.status === 'error');
    if (broken.length > 0) {
        return {
            upload: false,
            warn: true,
            reason: `not uploaded to code scanning: the ${broken.map((g) => g.gate).join(', ')} gate${broken.length === 1 ? '' : 's'} could not run, so this report is incomplete — uploading it would close the open alerts it does not repeat. Fix the gate and run again`,
        };
    }
    if (mode === 'always') {
        if (!token)
            return { upload: false, warn: true, fail: true, reason: 'upload: always, but the token input is empty — pass token: ${{ github.token }} (the default) or a token with security-events: write' };
        return { upload: true };
    }
    if (!ctx.onGitHub)
        return { upload: false, reason: 'not running in GitHub Actions (upload: auto)', warn: false };
    if (!token)
        return { upload: false, reason: 'no token (upload: auto) — the token input is empty', warn: false };
    if (!ctx.eventName || !AUTO_EVENTS.includes(ctx.eventName)) {
        return {
            upload: false,
            warn: false,
            reason: `upload: auto does not upload on ${ctx.eventName ? `the ${ctx.eventName} event` : `an unknown event (${ctx.problems.eventName ?? 'GITHUB_EVENT_NAME'})`} (only ${AUTO_EVENTS.join(', ')}) — set upload: always to upload anyway`,
        };
    }
    return { upload: true };
}
/**
 * Exactly what is missing when GitHub refuses the upload with 401/403/404, or undefined when the refusal
 * is not about permissions (rate limits are retried before this is asked).
 */
function explainRefusal(status, githubMessage, ctx) {
    const says = githubMessage ? ` (GitHub: "${githubMessage}")` : '';
    const repo = ctx.repository?.fullName ?? 'this repository';
    if (/(advanced security|code security|code scanning).{0,40}(must be enabled|is not enabled|not enabled|disabled)/i.test(githubMessage)) {
        return `code scanning is not enabled for ${repo}${says}: enable GitHub Code Security (Advanced Security for private repositories) in the repository's Settings → Code security, then run again`;
    }
    if (status === 401)
        return `the token was refused${says}: pass a valid token (the default \${{ github.token }} works when the job has security-events: write)`;
    if (status !== 403 && status !== 404)
        return undefined;
    const pr = ctx.pullRequest;
    if (pr?.fromFork) {
        return `this pull request comes from the fork ${pr.headRepo ?? '(deleted fork)'}, and GitHub gives workflows of fork pull requests a read-only token: it cannot have the \`security-events: write\` permission${says}`;
    }
    if ((0,context/* isDependabot */.DS)(ctx)) {
        return `Dependabot's pull request runs get a read-only token without the \`security-events: write\` permission${says}`;
    }
    const actions = ctx.repoPrivate === true
        ? ' and `actions: read` (this repository is private)'
        : ctx.repoPrivate === false
            ? ''
            : ' (and `actions: read` if the repository is private)';
    if (/resource not accessible by integration/i.test(githubMessage) || status === 403) {
        return `the token lacks the \`security-events: write\` permission${actions}${says}: add \`permissions: { contents: read, security-events: write${ctx.repoPrivate === true ? ', actions: read' : ''} }\` to the job`;
    }
    return `GitHub answered 404${says}: the token cannot see ${repo} or its code scanning — the job needs \`security-events: write\`${actions}; a personal access token needs the \`security_events\` scope`;
}
const SENTINEL_PREFIX = 'DJANGO_LAUNCH_GATE_UPLOADED_';
/** The env variable that marks "this job already uploaded this category" (as codeql-action's CODEQL_UPLOAD_SARIF_…). */
function categorySentinel(category) {
    return SENTINEL_PREFIX + (category ?? '_').replace(/[^A-Za-z0-9_]/g, '_').toUpperCase();
}
async function publishToCodeScanning(input) {
    const { ctx, log } = input;
    const empty = { sarifId: '', analysesUrl: '' };
    const decision = uploadDecision(input.report, input.mode, ctx, input.token);
    if (!decision.upload) {
        if (decision.warn)
            log.warning(`django-launch-gate: ${decision.reason}`);
        else
            log.info(`Code scanning: ${decision.reason}`);
        return { upload: decision.fail ? 'failed' : 'skipped', ...empty, message: decision.reason, failure: decision.fail ? `django-launch-gate: ${decision.reason}` : undefined };
    }
    const fail = async (what, withArtifact) => {
        const artifact = withArtifact ? await keepAsArtifact(input) : undefined;
        const kept = artifact ? artifactSentence(artifact, input.sarifFile) : '';
        return { upload: 'failed', ...empty, message: `${what}${kept ? ` ${kept}` : ''}`, failure: `django-launch-gate: ${what}${kept ? ` ${kept}` : ''}`, artifact };
    };
    const sentinel = categorySentinel(input.category);
    if (input.env[sentinel]) {
        return fail(`this job already uploaded a SARIF with category "${input.category ?? '(default)'}" — a second upload would replace the first analysis; give each step its own category input`, false);
    }
    let target;
    let repo;
    try {
        repo = (0,context/* need */.$B)(ctx, 'repository', 'a code scanning upload');
        target = (0,context/* resolveTarget */.u1)(ctx, { ref: input.ref, sha: input.sha }, input.git ?? (0,context/* gitIn */.uM)(ctx.workspace));
    }
    catch (e) {
        const what = `code scanning upload not possible: ${e.message}`;
        // upload: auto with a context that lacks what an upload needs: say so, do not fail the gate for it.
        if (input.mode === 'auto' && e instanceof context/* ContextError */.af) {
            log.warning(`django-launch-gate: ${what}`);
            return { upload: 'skipped', ...empty, message: what };
        }
        return fail(what, false);
    }
    log.info(`Code scanning target: ${target.ref} at ${target.sha} (${target.how})`);
    let log_;
    try {
        log_ = JSON.parse((0,external_node_fs_.readFileSync)(input.sarifFile, 'utf8'));
    }
    catch (e) {
        const code = e.code;
        if (code)
            return fail(`cannot read the SARIF file ${input.sarifFile} (${code}) — check that nothing removed or replaced it during the step`, false);
        return fail(`the SARIF is not JSON (${e.message}) — report this as a bug`, true);
    }
    const invalid = validateSarif(log_);
    if (invalid.length > 0)
        return fail(`the SARIF is not valid for code scanning: ${invalid.slice(0, 5).join('; ')} — report this as a bug`, true);
    const fitted = fitToLimits(log_);
    for (const d of fitted.dropped)
        log.warning(`django-launch-gate: left out of the upload to stay within GitHub's limits: ${d}`);
    const octokit = input.octokit ?? octokitFor(input.token, ctx.apiUrl);
    const webUrl = alertsUrl(ctx, target.ref);
    try {
        const up = await uploadSarif(octokit, ctx.apiUrl, {
            owner: repo.owner,
            repo: repo.repo,
            ref: target.ref,
            sha: target.sha,
            checkoutUri: (0,external_node_url_.pathToFileURL)(ctx.workspace).href,
            startedAt: input.startedAt.toISOString().replace(/\.\d{3}Z$/, 'Z'),
            toolName: input.report.tool.name,
            payload: fitted.payload,
        }, input.timing, log);
        core.exportVariable(sentinel, up.sarifId);
        const base = { sarifId: up.sarifId, analysesUrl: up.analysesUrl, webUrl, target };
        const where = `\`${target.ref}\` at \`${target.sha.slice(0, 12)}\``;
        const cut = fitted.dropped.length ? ` (within GitHub's limits: left out ${fitted.dropped.join('; ')})` : '';
        if (up.processing === 'failed') {
            // GitHub's own words, bounded (the summary must stay under 1 MiB whatever GitHub sends).
            const shown = up.errors.slice(0, 20).map((x) => (x.length > 500 ? `${x.slice(0, 500)}…` : x));
            const errs = up.errors.length ? shown.join('; ') + (up.errors.length > shown.length ? `; and ${up.errors.length - shown.length} more` : '') : 'no reason given';
            const what = `code scanning could not process the uploaded SARIF (sarif id ${up.sarifId}): ${errs}`;
            return { upload: 'failed', ...base, message: what, failure: `django-launch-gate: ${what}` };
        }
        const state = up.processing === 'complete'
            ? 'processed'
            : up.processing === 'pending'
                ? 'accepted; GitHub was still processing it when the step stopped waiting'
                : 'accepted; its processing status could not be read';
        const message = `Uploaded to code scanning for ${where} (sarif id ${up.sarifId}, ${state})${cut}.`;
        // Code scanning opens alerts for suppressed third-party results: dismiss them (and re-open ours whose
        // suppression is gone) once GitHub has made the alerts of this upload — scan mode only.
        if (input.report.site)
            return { upload: 'uploaded', ...base, message };
        // A dismissal belongs to the alert on every branch: a pull request — unreviewed code — must not dismiss an
        // alert of the default branch by adding a suppression comment. Its suppressions take effect once merged.
        if (/^refs\/pull\//.test(target.ref)) {
            const n = resultSpots(fitted.log).suppressed.length;
            if (n === 0)
                return { upload: 'uploaded', ...base, message };
            const why = `the alerts of ${n} suppressed result${n === 1 ? '' : 's'} are left as they are on a pull request: a dismissal holds on every branch, so the run on the branch it merges into dismisses them`;
            log.info(`Code scanning: ${why}`);
            return { upload: 'uploaded', ...base, message: `${message} ${why.charAt(0).toUpperCase()}${why.slice(1)}.` };
        }
        if (up.processing !== 'complete') {
            const n = resultSpots(fitted.log).suppressed.length;
            if (n === 0)
                return { upload: 'uploaded', ...base, message };
            const why = `the alerts of ${n} suppressed result${n === 1 ? '' : 's'} were not dismissed: GitHub had not finished processing the upload`;
            log.info(`Code scanning: ${why}`);
            return { upload: 'uploaded', ...base, message: `${message} ${why.charAt(0).toUpperCase()}${why.slice(1)}.` };
        }
        let alerts;
        try {
            alerts = await syncSuppressedAlerts({
                octokit,
                owner: repo.owner,
                repo: repo.repo,
                ref: target.ref,
                sarif: fitted.log,
                timing: input.timing,
                log,
                redact: input.redact,
                explain: (status, said) => (status === 401 || status === 403 ? explainRefusal(status, said, ctx) : undefined),
            });
        }
        catch (e) {
            const what = `the alerts of suppressed results were not updated (${e.message})`;
            log.warning(`django-launch-gate: ${what}. The upload stands.`);
            alerts = { dismissed: [], reopened: [], alreadyDismissed: 0, problem: what, message: `${what.charAt(0).toUpperCase()}${what.slice(1)}.` };
        }
        return { upload: 'uploaded', ...base, alerts, message: alerts.message ? `${message} ${alerts.message}` : message };
    }
    catch (e) {
        if (!(e instanceof ApiError))
            return fail(`code scanning upload failed: ${e.message}`, true);
        const why = explainRefusal(e.status, e.githubMessage, ctx);
        if (why) {
            const artifact = await keepAsArtifact(input);
            const kept = artifactSentence(artifact, input.sarifFile);
            log.warning(`django-launch-gate: SARIF not uploaded to code scanning — ${why}. This does not change the gate result; the findings are in the job summary and annotations. ${kept}`);
            return { upload: artifact.saved ? 'artifact' : 'skipped', ...empty, webUrl: undefined, target, artifact, message: `Not uploaded to code scanning: ${why}. ${kept}` };
        }
        const hint = e.status === 422 || e.status === 400
            ? ' — GitHub rejected the request as invalid (not retried)'
            : e.status === 413
                ? ' — the upload is over GitHub\'s size limit'
                : e.status >= 500 || e.status === 0 || e.status === 429
                    ? ' — GitHub or the network kept failing; run the job again later'
                    : '';
        return fail(`${e.message}${hint}.`, true);
    }
}
async function keepAsArtifact(input) {
    const repoUrl = input.ctx.repository ? `${input.ctx.serverUrl}/${input.ctx.repository.fullName}` : undefined;
    const res = await saveSarifArtifact(input.sarifFile, artifactName(input.category), input.env, repoUrl);
    if (res.saved)
        input.log.info(`Saved the SARIF as workflow artifact "${res.name}"${res.id !== undefined ? ` (id ${res.id})` : ''}.`);
    return res;
}
function artifactSentence(a, file) {
    return a.saved
        ? `The SARIF is saved as workflow artifact "${a.name}"${a.url ? ` (${a.url})` : ''}.`
        : `The SARIF could not be saved as an artifact (${a.reason}); it stays at ${file} for a later step.`;
}
/** The code scanning alerts page filtered to the ref (pull request or branch). */
function alertsUrl(ctx, ref) {
    if (!ctx.repository)
        return undefined;
    const pr = /^refs\/pull\/(\d+)\//.exec(ref);
    const branch = /^refs\/heads\/(.+)$/.exec(ref);
    const q = pr ? `is:open pr:${pr[1]}` : branch ? `is:open branch:${branch[1]}` : 'is:open';
    return `${ctx.serverUrl}/${ctx.repository.fullName}/security/code-scanning?query=${encodeURIComponent(q)}`;
}
/** The "Code scanning" part of the job summary. */
function codeScanningSummary(r) {
    const icon = r.upload === 'uploaded' ? '✅' : r.upload === 'failed' ? '❌' : r.upload === 'artifact' ? '⚠️' : 'ℹ️';
    const link = r.webUrl && r.upload === 'uploaded' ? ` [Open alerts for this ref](${r.webUrl}).` : '';
    return `\n### Code scanning\n\n${icon} ${markdownWithCode(r.message)}${link}\n`;
}
/** Escaped text where `…` spans stay code spans. */
function markdownWithCode(text) {
    const parts = text.split('`');
    if (parts.length % 2 === 0)
        return escapeInline(text); // unbalanced backticks: all text
    return parts
        .map((part, i) => (i % 2 === 1 && part !== '' && !/[|\r\n]/.test(part) ? `\`${part}\`` : escapeInline(part)))
        .join('');
}

;// CONCATENATED MODULE: ./src/github/publish.ts
/**
 * Everything the action does with a finished Report on GitHub: the SARIF file (with the category of this
 * workflow/job/matrix), the code scanning upload, the job summary (with the code scanning status and the
 * baseline comparison, within 1 MiB together) and the annotations (all, or the PR's changed lines).
 * main.ts calls this once; the result is what becomes the step's outputs.
 */












async function publish(report, inputs, redactor, ctx, env, startedAt) {
    const log = {
        info: (m) => core.info(redactor.redact(m)),
        warning: (m) => core.warning(redactor.redact(m)),
        debug: (m) => core.debug(redactor.redact(m)),
    };
    const timing = timingFromEnv(env);
    const { category, warnings } = resolveCategory(inputs.category, inputs.matrix, env);
    for (const w of warnings)
        log.warning(`django-launch-gate: ${w}`);
    // Written a result at a time, never held whole (a monolith's SARIF is 8 MB of text): the upload and the
    // baseline comparison read the file back when they need it.
    (0,files/* ensureDir */.A0)((0,external_node_path_.dirname)(inputs.sarifFile));
    (0,files/* writePieces */.Rx)(inputs.sarifFile, (0,sarif/* sarifChunks */.gP)(report, category, redactor));
    log.info(`SARIF written to ${inputs.sarifFile}${category ? ` (category ${category})` : ''}`);
    if (inputs.token)
        core.setSecret(inputs.token);
    const octokit = inputs.token ? octokitFor(inputs.token, ctx.apiUrl) : undefined;
    const cs = await publishToCodeScanning({
        report,
        sarifFile: inputs.sarifFile,
        mode: inputs.upload,
        token: inputs.token,
        ref: inputs.ref,
        sha: inputs.sha,
        category,
        ctx,
        env,
        timing,
        log,
        startedAt,
        octokit,
        redact: (t) => redactor.redact(t),
    });
    let extra = codeScanningSummary(cs);
    if (inputs.baselineSarif) {
        const base = readBaseline(inputs.baselineSarif);
        if ('error' in base)
            log.warning(`django-launch-gate: ${base.error} — the summary does not compare with the base branch`);
        else
            extra += baselineSection(compareWithBaseline(JSON.parse((0,external_node_fs_.readFileSync)(inputs.sarifFile, 'utf8')), base.log));
    }
    const maxBytes = DEFAULT_MAX_SUMMARY_BYTES - Buffer.byteLength(extra, 'utf8');
    await core.summary.addRaw(redactor.redact(jobSummary(report, { maxBytes }) + extra)).write();
    annotate(await annotationScope(report, inputs.annotations, ctx, octokit, timing, log), redactor);
    return {
        upload: cs.upload,
        sarifId: cs.sarifId,
        analysesUrl: cs.analysesUrl,
        alertsDismissed: cs.alerts?.dismissed.length ?? 0,
        alertsReopened: cs.alerts?.reopened.length ?? 0,
        failure: cs.failure,
    };
}


/***/ })

};
