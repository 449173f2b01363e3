// The logic of `npm run realworld -- <folder>` (scripts/realworld.mjs): run the CLI over checkouts of real
// open-source Django projects and compare what it reports with the reviewed verdicts in
// test/realworld/verdicts.json. Everything here is importable (test/realworld.test.ts runs this same code on
// synthetic projects); only main() touches the terminal, and it never calls process.exit.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_VERDICTS = join(ROOT, 'test', 'realworld', 'verdicts.json');
export const DEFAULT_TIMEOUT_SECONDS = 300;
/** How many characters of a finding's message a verdict keeps to follow the finding when its line moves. */
export const MESSAGE_PREFIX = 80;
/** How many characters of a message the detail list prints. */
export const DETAIL_CHARS = 160;
/** The most false positives among errors + warnings a present project may have and still pass. */
export const MAX_FP = 1;

const VERDICTS = new Set(['TP', 'FP', '?']);
const HEX40 = /^[0-9a-f]{40}$/;

export const USAGE = `usage: npm run realworld -- <folder> [options]
  <folder>           holds one checkout per project, named as in the verdicts file (e.g. <folder>/wger)
  --verdicts FILE    reviewed verdicts (default: test/realworld/verdicts.json)
  --from-source      run src/ through TypeScript's transpiler instead of dist/cli.js (no build step)
  --cli FILE         run this CLI entry file with node instead of dist/cli.js
  --timeout SECONDS  time limit per project (default: ${DEFAULT_TIMEOUT_SECONDS})
  --jobs N           projects run at once, 1 or 2 (default: 2)
  --only a,b         only these projects
  --update           add a draft verdict ("verdict": "?") for every unreviewed finding and project root
  --json             print the comparison as JSON instead of the table
Exit: 0 every present project has the right production module, at most ${MAX_FP} false positive among
errors + warnings and nothing unreviewed; 1 otherwise; 2 bad input.`;

/** Bad input: main() prints the message as one line and exits 2. */
export class BadInput extends Error {}

// ---------------------------------------------------------------------------------------------------------
// The verdicts file

/**
 * Checks a parsed verdicts file; returns the problems (empty when it is well-formed). Schema:
 * { about, projects: [ { name, repo, commit (40 hex), checkout (string, or null = cannot be checked out
 *   here, with `reason`), production: [ { root, module (dotted name; "?" = drafted; null = a root not deployed,
 *   not judged), evidence, reason } ],
 *   findings: [ { rule, file, line, verdict: "TP"|"FP"|"?", reason, message? } ],
 *   expect?: { exit: 2, stderr: "text the one error line contains", reason } — the right answer is that the
 *   CLI refuses (no production settings in the repository), said in one line;
 *   settings?: { module, reason } — the CLI refuses without it and the operator names the module, as the
 *   refusal asks: the run passes `--settings <module>` and its findings are compared as usual } ] }
 */
export function validateVerdicts(doc) {
  const problems = [];
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return ['the top level must be an object'];
  if (!Array.isArray(doc.projects)) return ['"projects" must be an array'];
  const names = new Set();
  doc.projects.forEach((p, i) => {
    const at = `projects[${i}]${p && typeof p.name === 'string' ? ` (${p.name})` : ''}`;
    if (!p || typeof p !== 'object') return problems.push(`${at} must be an object`);
    if (typeof p.name !== 'string' || !p.name || /[/\\]/.test(p.name) || p.name.startsWith('.')) problems.push(`${at}: "name" must be a folder name`);
    else if (names.has(p.name)) problems.push(`${at}: "name" is listed twice`);
    else names.add(p.name);
    if (typeof p.repo !== 'string' || !/^[^/\s]+\/[^/\s]+$/.test(p.repo)) problems.push(`${at}: "repo" must be owner/name`);
    if (p.commit !== null && (typeof p.commit !== 'string' || !HEX40.test(p.commit))) problems.push(`${at}: "commit" must be 40 lowercase hex digits or null`);
    if (p.checkout !== null && typeof p.checkout !== 'string') problems.push(`${at}: "checkout" must be a string or null`);
    if (p.checkout === null && typeof p.reason !== 'string') problems.push(`${at}: "checkout" is null, so "reason" must say why`);
    if (!Array.isArray(p.production)) problems.push(`${at}: "production" must be an array`);
    else {
      const roots = new Set();
      p.production.forEach((e, j) => {
        const pat = `${at}.production[${j}]`;
        if (!e || typeof e !== 'object') return problems.push(`${pat} must be an object`);
        if (typeof e.root !== 'string') problems.push(`${pat}: "root" must be a string ("." for the checkout's top)`);
        else if (roots.has(normRoot(e.root))) problems.push(`${pat}: root "${e.root}" is listed twice`);
        else roots.add(normRoot(e.root));
        if (e.module !== null && (typeof e.module !== 'string' || !e.module)) problems.push(`${pat}: "module" must be a dotted module name, "?" or null`);
        if (e.module !== null && e.module !== '?' && typeof e.evidence !== 'string') problems.push(`${pat}: "evidence" must name the file and line`);
      });
    }
    if (p.expect !== undefined) {
      const x = p.expect;
      if (!x || typeof x !== 'object' || x.exit !== 2 || typeof x.stderr !== 'string' || !x.stderr || typeof x.reason !== 'string') {
        problems.push(`${at}: "expect" must be { "exit": 2, "stderr": "text of the error line", "reason": "why that is right" }`);
      }
    }
    if (p.settings !== undefined) {
      const x = p.settings;
      if (!x || typeof x !== 'object' || typeof x.module !== 'string' || !/^[A-Za-z_][\w.]*$/.test(x.module) || typeof x.reason !== 'string') {
        problems.push(`${at}: "settings" must be { "module": "dotted.module", "reason": "why the operator names it" }`);
      }
    }
    if (!Array.isArray(p.findings)) problems.push(`${at}: "findings" must be an array`);
    else {
      p.findings.forEach((f, j) => {
        const fat = `${at}.findings[${j}]`;
        if (!f || typeof f !== 'object') return problems.push(`${fat} must be an object`);
        if (typeof f.rule !== 'string' || !f.rule) problems.push(`${fat}: "rule" must be a rule id`);
        if (typeof f.file !== 'string') problems.push(`${fat}: "file" must be a path`);
        if (!Number.isInteger(f.line) || f.line < 0) problems.push(`${fat}: "line" must be a line number`);
        if (!VERDICTS.has(f.verdict)) problems.push(`${fat}: "verdict" must be "TP", "FP" or "?"`);
        if (f.message !== undefined && typeof f.message !== 'string') problems.push(`${fat}: "message" must be a string`);
      });
    }
  });
  return problems;
}

/** Reads and checks the verdicts file; throws BadInput with one line when it cannot be used. */
export function loadVerdicts(file) {
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new BadInput(`cannot read the verdicts file ${file}: ${err.code ?? err.message}`);
  }
  let doc;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new BadInput(`the verdicts file ${file} is not valid JSON: ${err.message}`);
  }
  const problems = validateVerdicts(doc);
  if (problems.length) throw new BadInput(`the verdicts file ${file} is not usable: ${problems[0]}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''}`);
  return doc;
}

// ---------------------------------------------------------------------------------------------------------
// Comparing one report with one project's verdicts (pure)

/** The report says "" for the scanned folder itself; the verdicts file says ".". */
export function normRoot(root) {
  const r = String(root ?? '').replace(/\\/g, '/').replace(/^\.\/+/, '').replace(/\/+$/, '');
  return r === '' || r === '.' ? '.' : r;
}

function normFile(file) {
  return String(file ?? '').replace(/\\/g, '/').replace(/^\.\/+/, '');
}

/** Errors and warnings only: notes are not counted. */
export function countedFindings(report) {
  return (report?.findings ?? [])
    .filter((f) => f && (f.level === 'error' || f.level === 'warning'))
    .map((f) => ({
      rule: String(f.ruleId ?? ''),
      level: f.level,
      file: normFile(f.location?.file),
      line: Number.isInteger(f.location?.line) ? f.location.line : 0,
      message: String(f.message ?? ''),
    }));
}

function samePrefix(verdict, message) {
  if (typeof verdict.message !== 'string' || !verdict.message) return false;
  const n = Math.min(verdict.message.length, MESSAGE_PREFIX);
  return n > 0 && message.slice(0, n) === verdict.message.slice(0, n);
}

/**
 * Production settings: every root the report names must be in the verdicts with the module the report
 * picked (module null: that root is not deployed, whatever it picks is not judged; "?": drafted, not yet
 * reviewed). Returns { ok: true | false | null (not reviewed), text, roots, unreviewedRoots }.
 */
export function compareProduction(expected, report) {
  const got = new Map();
  for (const p of report?.projects ?? []) got.set(normRoot(p.root), p);
  const byRoot = new Map((expected ?? []).map((e) => [normRoot(e.root), e]));
  const roots = [];
  const unreviewedRoots = [];
  const wrong = [];
  let noSettings = 0;
  for (const [root, e] of byRoot) {
    const g = got.get(root);
    const gotModule = g ? g.settingsModule ?? null : undefined;
    let state;
    if (e.module === null) state = 'not judged';
    else if (e.module === '?') state = 'unreviewed';
    else if (gotModule === undefined) state = 'root not found';
    else if (gotModule === null) state = 'no settings';
    else state = gotModule === e.module ? 'right' : 'wrong';
    roots.push({ root, expected: e.module, got: gotModule ?? null, state, reason: g?.reason ?? null, settingsFile: g?.settingsFile ?? null });
    if (state === 'unreviewed') unreviewedRoots.push({ root, got: gotModule ?? null, settingsFile: g?.settingsFile ?? null, reason: g?.reason ?? null });
    if (state === 'wrong' || state === 'root not found') wrong.push(roots[roots.length - 1]);
    if (state === 'no settings') noSettings++;
  }
  for (const [root, g] of got) {
    if (byRoot.has(root)) continue;
    const r = { root, expected: undefined, got: g.settingsModule ?? null, state: 'unreviewed', reason: g.reason ?? null, settingsFile: g.settingsFile ?? null };
    roots.push(r);
    unreviewedRoots.push({ root, got: r.got, settingsFile: r.settingsFile, reason: r.reason });
  }
  const at = (r) => (r.root === '.' ? '' : ` (root ${r.root})`);
  let ok;
  let text;
  if (wrong.length) {
    const w = wrong[0];
    ok = false;
    text = w.state === 'root not found'
      ? `no: no project at ${w.root}, expected ${w.expected}`
      : `no: got ${w.got} expected ${w.expected}${at(w)}`;
    if (wrong.length > 1) text += ` (+${wrong.length - 1} more)`;
  } else if (noSettings || [...got.values()].every((p) => !p.settingsModule)) {
    // The tool named no module for a root production runs, or for any root at all: judged nothing.
    ok = false;
    text = 'no settings';
  } else if (unreviewedRoots.length) {
    ok = null;
    const first = unreviewedRoots[0];
    text = `? got ${first.got ?? 'none'}${at(first)}${unreviewedRoots.length > 1 ? ` (+${unreviewedRoots.length - 1} roots)` : ''}`;
  } else if (roots.some((r) => r.state === 'right')) {
    ok = true;
    text = 'yes';
  } else {
    // Every root is "not judged": nothing says which module production runs.
    ok = null;
    text = '? no production root reviewed';
  }
  return { ok, text, roots, unreviewedRoots };
}

/**
 * Findings: each error/warning is matched with a verdict by rule + file + line, else (the line moved) by
 * rule + file + the verdict's message prefix. Unmatched findings are unreviewed, as are matches whose
 * verdict is still "?"; verdicts nothing matched are missing (a missing TP is a lost true positive).
 */
export function compareFindings(verdicts, report) {
  const findings = countedFindings(report);
  const notes = (report?.findings ?? []).filter((f) => f && f.level === 'note');
  const pool = (verdicts ?? []).map((v, index) => ({ ...v, file: normFile(v.file), index, used: false }));
  const matched = new Array(findings.length).fill(null);
  const drift = [];
  // Pass 1: rule + file + line (a verdict whose message prefix also matches wins a tie).
  findings.forEach((f, i) => {
    const same = pool.filter((v) => !v.used && v.rule === f.rule && v.file === f.file && v.line === f.line);
    const v = same.find((c) => samePrefix(c, f.message)) ?? same.find((c) => typeof c.message !== 'string') ?? same[0];
    if (v) {
      v.used = true;
      matched[i] = v;
    }
  });
  // Pass 2: the line moved — rule + file + message prefix.
  findings.forEach((f, i) => {
    if (matched[i]) return;
    const v = pool.find((c) => !c.used && c.rule === f.rule && c.file === f.file && samePrefix(c, f.message));
    if (v) {
      v.used = true;
      matched[i] = v;
      drift.push({ rule: f.rule, file: f.file, from: v.line, to: f.line });
    }
  });
  const tp = [];
  const fp = [];
  const unreviewed = [];
  findings.forEach((f, i) => {
    const v = matched[i];
    const item = { ...f, reason: v?.reason ?? null, verdictLine: v ? v.line : null };
    if (!v || v.verdict === '?') unreviewed.push({ ...item, drafted: Boolean(v) });
    else if (v.verdict === 'TP') tp.push(item);
    else fp.push(item);
  });
  const missing = pool
    .filter((v) => !v.used)
    .map((v) => {
      const asNote = notes.some((n) => n.ruleId === v.rule && normFile(n.location?.file) === v.file && n.location?.line === v.line);
      return { rule: v.rule, file: v.file, line: v.line, verdict: v.verdict, reason: v.reason ?? null, nowNote: asNote };
    });
  return { findings, tp, fp, unreviewed, missing, lostTP: missing.filter((m) => m.verdict === 'TP'), drift };
}

/**
 * One project's row. `run` is what runProject returned (or { status: 'not present' }); `commit` is
 * { actual, source } or null.
 */
export function compareProject(entry, run, commit = null) {
  const row = {
    name: entry.name,
    repo: entry.repo,
    commit: { expected: entry.commit ?? null, actual: commit?.actual ?? null, source: commit?.source ?? null, mismatch: false },
    status: run.status,
    detail: run.detail ?? null,
    exitCode: run.exitCode ?? null,
    ms: run.ms ?? null,
    present: run.status !== 'not present',
    production: null,
    counts: null,
    fp: [],
    tp: [],
    unreviewed: [],
    unreviewedRoots: [],
    missing: [],
    drift: [],
    pass: null,
    problems: [],
  };
  if (row.commit.actual && row.commit.expected && row.commit.actual !== row.commit.expected) row.commit.mismatch = true;
  if (!row.present) return row;
  if (run.report) {
    const prod = compareProduction(entry.production, run.report);
    const fnd = compareFindings(entry.findings, run.report);
    row.production = prod;
    row.unreviewedRoots = prod.unreviewedRoots;
    row.tp = fnd.tp;
    row.fp = fnd.fp;
    row.unreviewed = fnd.unreviewed;
    row.missing = fnd.missing;
    row.drift = fnd.drift;
    row.counts = {
      findings: fnd.findings.length,
      tp: fnd.tp.length,
      fp: fnd.fp.length,
      unreviewed: fnd.unreviewed.length,
      missing: fnd.missing.length,
      lostTP: fnd.lostTP.length,
    };
  }
  if (entry.expect) {
    // The right answer is a refusal (exit 2, one line): there are no production settings to judge.
    const said = run.status === 'exit 2' && typeof run.detail === 'string' && run.detail.includes(entry.expect.stderr);
    row.production = { ok: said, text: said ? 'yes: none here (refused, exit 2)' : `no: expected exit 2 saying "${entry.expect.stderr}", got ${run.status}${run.detail ? `: ${run.detail}` : ''}`, roots: [], unreviewedRoots: [] };
    if (!said) row.problems.push(`expected the CLI to refuse: exit 2 saying "${entry.expect.stderr}"`);
    row.pass = row.problems.length === 0;
    return row;
  }
  if (run.status !== 'ok') row.problems.push(run.status === 'exit 2' ? 'the CLI exited 2 (could not run)' : `the CLI run ended in a ${run.status}`);
  if (row.production && row.production.ok === false) row.problems.push(`production module: ${row.production.text}`);
  if (row.production && row.production.ok === null) row.problems.push('production module not reviewed');
  if (row.counts && row.counts.fp > MAX_FP) row.problems.push(`${row.counts.fp} false positives (at most ${MAX_FP})`);
  if (row.counts && row.counts.unreviewed) row.problems.push(`${row.counts.unreviewed} unreviewed findings`);
  // A true positive the tool no longer reports is a regression: a rewrite that reports nothing must not pass.
  if (row.counts && row.counts.lostTP) row.problems.push(`${row.counts.lostTP} true positive${row.counts.lostTP > 1 ? 's' : ''} no longer reported`);
  if (row.unreviewedRoots.length) row.problems.push(`${row.unreviewedRoots.length} unreviewed project roots`);
  row.pass = row.problems.length === 0;
  return row;
}

export function summarize(rows) {
  const present = rows.filter((r) => r.present);
  const sum = (k) => present.reduce((n, r) => n + (r.counts?.[k] ?? 0), 0);
  const total = {
    projects: rows.length,
    present: present.length,
    notPresent: rows.length - present.length,
    passing: present.filter((r) => r.pass).length,
    productionRight: present.filter((r) => r.production?.ok === true).length,
    findings: sum('findings'),
    tp: sum('tp'),
    fp: sum('fp'),
    unreviewed: sum('unreviewed'),
    missing: sum('missing'),
    lostTP: sum('lostTP'),
    ms: present.reduce((n, r) => n + (r.ms ?? 0), 0),
  };
  // Nothing measured is not a pass.
  const pass = present.length > 0 && present.every((r) => r.pass);
  return { total, pass };
}

// ---------------------------------------------------------------------------------------------------------
// Rendering

function shortCommit(row) {
  const c = row.commit.actual ?? row.commit.expected;
  if (!c) return '—';
  return `${c.slice(0, 7)}${row.commit.mismatch ? ' (!)' : ''}`;
}

function seconds(ms) {
  return ms === null || ms === undefined ? '—' : `${(ms / 1000).toFixed(1)}s`;
}

function runText(row) {
  if (row.status === 'ok') return 'ok';
  if (row.status === 'timeout') return `timeout (${seconds(row.ms)})`;
  return row.status;
}

function cell(v) {
  return String(v).replace(/\|/g, '\\|');
}

/** One Markdown table (quotable in the README as is): one row per project and a total row. */
export function renderTable(rows, summary) {
  const head = ['project', 'commit', 'run', 'production module right?', 'errors+warnings', 'TP', 'FP', 'unreviewed', 'missing', 'time', 'result'];
  const body = rows.map((r) => {
    if (!r.present) return [r.name, shortCommit(r), 'not present', '—', '—', '—', '—', '—', '—', '—', '—'];
    const c = r.counts;
    const missing = c ? (c.lostTP ? `${c.missing} (${c.lostTP} lost TP)` : String(c.missing)) : '—';
    return [
      r.name,
      shortCommit(r),
      runText(r),
      r.production ? r.production.text : '—',
      c ? c.findings : '—',
      c ? c.tp : '—',
      c ? c.fp : '—',
      c ? c.unreviewed + (r.unreviewedRoots.length ? ` (+${r.unreviewedRoots.length} roots)` : '') : '—',
      missing,
      seconds(r.ms),
      r.pass ? 'pass' : 'FAIL',
    ];
  });
  const t = summary.total;
  body.push([
    `total (${t.present} present, ${t.notPresent} not present)`,
    '',
    '',
    `${t.productionRight}/${t.present} right`,
    t.findings,
    t.tp,
    t.fp,
    t.unreviewed,
    t.lostTP ? `${t.missing} (${t.lostTP} lost TP)` : t.missing,
    seconds(t.ms),
    `${t.passing}/${t.present} pass`,
  ]);
  const all = [head, ...body].map((row) => row.map(cell));
  const width = head.map((_, i) => Math.max(...all.map((row) => row[i].length)));
  const line = (row) => `| ${row.map((v, i) => v.padEnd(width[i])).join(' | ')} |`;
  return [line(all[0]), `|${width.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...all.slice(1).map(line)].join('\n');
}

function clip(message) {
  const one = message.replace(/\s+/g, ' ').trim();
  return one.length > DETAIL_CHARS ? `${one.slice(0, DETAIL_CHARS)}…` : one;
}

/** Everything a reviewer acts on, below the table. */
export function renderDetails(rows) {
  const out = [];
  for (const r of rows) {
    if (r.commit.mismatch) out.push(`warning: ${r.name}: checkout is at ${r.commit.actual} (${r.commit.source}), the verdicts are for ${r.commit.expected} — verdicts are per commit`);
    if (r.present && r.commit.expected && !r.commit.actual) out.push(`warning: ${r.name}: cannot tell the checkout's commit (not a git repository, no .realworld-commit file)`);
    if (r.present && r.status !== 'ok') out.push(`${r.name}: ${runText(r)}${r.exitCode !== null && r.status === 'crash' ? ` (exit ${r.exitCode})` : ''}${r.detail ? `: ${r.detail}` : ''}`);
  }
  const fps = rows.flatMap((r) => r.fp.map((f) => ({ r, f })));
  if (fps.length) {
    out.push('', `False positives (${fps.length}):`);
    for (const { r, f } of fps) out.push(`  ${r.name}  ${f.rule}  ${f.file}:${f.line}  ${clip(f.message)}${f.reason ? `\n      why false: ${f.reason}` : ''}`);
  }
  const unrev = rows.flatMap((r) => r.unreviewed.map((f) => ({ r, f })));
  const roots = rows.flatMap((r) => r.unreviewedRoots.map((p) => ({ r, p })));
  if (unrev.length || roots.length) {
    out.push('', `Unreviewed (${unrev.length} findings, ${roots.length} project roots) — add them to the verdicts file (--update drafts them):`);
    for (const { r, p } of roots) out.push(`  ${r.name}  root ${p.root}: production module ${p.got ?? 'none'}${p.settingsFile ? ` (${p.settingsFile})` : ''}${p.reason ? ` — ${clip(p.reason)}` : ''}`);
    for (const { r, f } of unrev) out.push(`  ${r.name}  ${f.rule} [${f.level}]  ${f.file}:${f.line}  ${clip(f.message)}${f.drafted ? '  (drafted, verdict "?")' : ''}`);
  }
  const missing = rows.flatMap((r) => r.missing.map((m) => ({ r, m })));
  if (missing.length) {
    out.push('', `Missing — in the verdicts file, no longer reported (${missing.length}):`);
    for (const { r, m } of missing) {
      const what = m.verdict === 'TP' ? 'LOST TRUE POSITIVE' : m.verdict === 'FP' ? 'false positive gone: remove the entry' : 'stale draft';
      out.push(`  ${r.name}  ${m.rule}  ${m.file}:${m.line}  ${what}${m.nowNote ? ' (now reported as a note)' : ''}`);
    }
  }
  const drift = rows.flatMap((r) => r.drift.map((d) => ({ r, d })));
  if (drift.length) {
    out.push('', `Matched by rule + file + message because the line moved (${drift.length}) — update the line in the verdicts file:`);
    for (const { r, d } of drift) out.push(`  ${r.name}  ${d.rule}  ${d.file}: line ${d.from} → ${d.to}`);
  }
  return out.join('\n');
}

export function toJsonDoc(rows, summary, meta) {
  return {
    ...meta,
    pass: summary.pass,
    total: summary.total,
    projects: rows.map((r) => ({
      name: r.name,
      repo: r.repo,
      commit: r.commit,
      status: r.status,
      detail: r.detail,
      exitCode: r.exitCode,
      ms: r.ms,
      pass: r.pass,
      problems: r.problems,
      production: r.production,
      counts: r.counts,
      tp: r.tp,
      fp: r.fp,
      unreviewed: r.unreviewed,
      missing: r.missing,
      drift: r.drift,
    })),
  };
}

// ---------------------------------------------------------------------------------------------------------
// --update: drafts, never verdicts

/** Adds a `"?"` entry for every unreviewed finding and root not yet drafted; returns how many were added. */
export function addDrafts(doc, rows) {
  let added = 0;
  for (const r of rows) {
    const entry = doc.projects.find((p) => p.name === r.name);
    if (!entry) continue;
    for (const f of r.unreviewed) {
      if (f.drafted) continue;
      entry.findings.push({ rule: f.rule, file: f.file, line: f.line, verdict: '?', reason: '', message: f.message.slice(0, MESSAGE_PREFIX) });
      added++;
    }
    for (const p of r.unreviewedRoots) {
      if (entry.production.some((e) => normRoot(e.root) === p.root)) continue;
      entry.production.push({ root: p.root, module: '?', evidence: '', reason: `the tool picked ${p.got ?? 'no module'}${p.reason ? `: ${p.reason}` : ''}` });
      added++;
    }
  }
  return added;
}

// ---------------------------------------------------------------------------------------------------------
// The edges: commits, running the CLI

/** The checkout's commit: `git rev-parse HEAD` in a git work tree, else a `.realworld-commit` file. */
export function checkoutCommit(dir) {
  if (existsSync(join(dir, '.git'))) {
    const r = spawnSync('git', ['-C', dir, 'rev-parse', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const sha = r.status === 0 ? r.stdout.trim() : '';
    if (HEX40.test(sha)) return { actual: sha, source: 'git rev-parse HEAD' };
  }
  try {
    const sha = readFileSync(join(dir, '.realworld-commit'), 'utf8').trim().toLowerCase();
    if (HEX40.test(sha)) return { actual: sha, source: '.realworld-commit' };
  } catch {
    // no file: the commit cannot be told
  }
  return null;
}

/** The command that runs the CLI the way users run it. */
export function cliCommand({ fromSource = false, cli = null } = {}) {
  if (cli) return { args: [resolve(cli)], label: cli, env: {} };
  if (fromSource) {
    return {
      args: ['--enable-source-maps', '--import', join(ROOT, 'scripts', 'realworld-ts-hooks.mjs'), join(ROOT, 'src', 'index.ts')],
      label: 'src/ (from source)',
      env: { DJANGO_LAUNCH_GATE_MODE: 'cli' },
    };
  }
  return { args: [join(ROOT, 'dist', 'cli.js')], label: 'dist/cli.js', env: {} };
}

/** The line of stderr that says what went wrong: an `...Error: ...` line when there is one, else the first. */
function firstLine(text) {
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  const error = lines.find((l) => /^(?:[A-Za-z]*Error|Error \[[A-Z_]+\])\b.*:/.test(l));
  return (error ?? lines[0] ?? '').slice(0, 300);
}

/**
 * Runs `node <cli> <dir> --format json` with a time limit. Resolves to { status: 'ok' | 'exit 2' | 'crash' |
 * 'timeout', report, exitCode, detail, ms }; a report is kept whenever stdout parsed as JSON.
 */
export function runProject(dir, { command, timeoutMs, extraArgs = [] }) {
  return new Promise((done) => {
    const start = process.hrtime.bigint();
    const env = { ...process.env, ...command.env };
    // An operator's DJANGO_SETTINGS_MODULE would be an explicit input and override the resolution measured here.
    delete env.DJANGO_SETTINGS_MODULE;
    const child = spawn(process.execPath, [...command.args, dir, '--format', 'json', ...extraArgs], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [];
    const err = [];
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.stdout.on('data', (b) => out.push(b));
    child.stderr.on('data', (b) => err.push(b));
    child.on('error', (e) => {
      clearTimeout(timer);
      done({ status: 'crash', report: null, exitCode: null, detail: e.message, ms: elapsed() });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const stdout = Buffer.concat(out).toString('utf8');
      const stderr = Buffer.concat(err).toString('utf8');
      let report = null;
      try {
        report = JSON.parse(stdout);
        if (!report || typeof report !== 'object' || !Array.isArray(report.findings)) report = null;
      } catch {
        report = null;
      }
      const ms = elapsed();
      if (timedOut) return done({ status: 'timeout', report: null, exitCode: null, detail: `killed after ${Math.round(timeoutMs / 1000)}s`, ms });
      if (signal) return done({ status: 'crash', report, exitCode: null, detail: `killed by ${signal}${stderr ? `: ${firstLine(stderr)}` : ''}`, ms });
      if (code === 2) return done({ status: 'exit 2', report, exitCode: 2, detail: firstLine(stderr) || 'no message', ms });
      if ((code === 0 || code === 1) && report) return done({ status: 'ok', report, exitCode: code, detail: null, ms });
      const why = report ? '' : 'no JSON report on stdout';
      done({ status: 'crash', report, exitCode: code, detail: [why, firstLine(stderr)].filter(Boolean).join(': ') || `exit ${code}`, ms });
    });
    function elapsed() {
      return Math.round(Number(process.hrtime.bigint() - start) / 1e6);
    }
  });
}

async function pool(items, jobs, fn) {
  const results = new Array(items.length);
  let next = 0;
  async function worker() {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i], i);
    }
  }
  await Promise.all(Array.from({ length: Math.min(jobs, items.length) }, worker));
  return results;
}

// ---------------------------------------------------------------------------------------------------------
// The command

export function parseArgs(argv) {
  const opts = { folder: null, verdicts: DEFAULT_VERDICTS, fromSource: false, cli: null, timeout: DEFAULT_TIMEOUT_SECONDS, jobs: 2, only: null, update: false, json: false, help: false };
  const value = (i, name) => {
    const v = argv[i + 1];
    if (v === undefined || v.startsWith('--')) throw new BadInput(`${name} needs a value`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    let m;
    if ((m = /^(--[a-z-]+)=(.*)$/.exec(a))) {
      argv = [...argv.slice(0, i), m[1], m[2], ...argv.slice(i + 1)];
      i--;
      continue;
    }
    switch (a) {
      case '--help':
      case '-h':
        opts.help = true;
        break;
      case '--verdicts':
        opts.verdicts = resolve(value(i++, a));
        break;
      case '--from-source':
        opts.fromSource = true;
        break;
      case '--cli':
        opts.cli = resolve(value(i++, a));
        break;
      case '--timeout': {
        const n = Number(value(i++, a));
        if (!Number.isFinite(n) || n <= 0) throw new BadInput(`--timeout must be a positive number of seconds, got ${argv[i]}`);
        opts.timeout = n;
        break;
      }
      case '--jobs': {
        const n = Number(value(i++, a));
        if (n !== 1 && n !== 2) throw new BadInput(`--jobs must be 1 or 2, got ${argv[i]}`);
        opts.jobs = n;
        break;
      }
      case '--only':
        opts.only = value(i++, a).split(',').map((s) => s.trim()).filter(Boolean);
        break;
      case '--update':
        opts.update = true;
        break;
      case '--json':
        opts.json = true;
        break;
      default:
        if (a.startsWith('-')) throw new BadInput(`unknown option ${a}`);
        if (opts.folder !== null) throw new BadInput(`one folder only, got ${opts.folder} and ${a}`);
        opts.folder = a;
    }
  }
  return opts;
}

/**
 * `npm run realworld -- <folder> [options]`. io: { stdout(text), stderr(text), cwd }. Returns the exit code.
 */
export async function main(argv, io) {
  const PROG = 'realworld';
  let opts;
  let doc;
  try {
    opts = parseArgs(argv);
    if (opts.help) {
      io.stdout(`${USAGE}\n`);
      return 0;
    }
    if (opts.fromSource && opts.cli) throw new BadInput('--from-source and --cli exclude each other');
    if (opts.folder === null) throw new BadInput('missing the folder argument: the folder that holds one checkout per project (e.g. npm run realworld -- /work/realworld)');
    const folder = resolve(io.cwd ?? process.cwd(), opts.folder);
    let st;
    try {
      st = statSync(folder);
    } catch {
      throw new BadInput(`the folder ${folder} does not exist`);
    }
    if (!st.isDirectory()) throw new BadInput(`${folder} is not a folder`);
    opts.folder = folder;
    doc = loadVerdicts(opts.verdicts);
    if (opts.only) {
      const unknown = opts.only.filter((n) => !doc.projects.some((p) => p.name === n));
      if (unknown.length) throw new BadInput(`--only names projects not in the verdicts file: ${unknown.join(', ')}`);
    }
    const command = cliCommand(opts);
    if (!existsSync(command.args[command.args.length - 1])) {
      throw new BadInput(`${command.args[command.args.length - 1]} does not exist — build it with npm run bundle, or run with --from-source`);
    }
    opts.command = command;
  } catch (err) {
    if (err instanceof BadInput) {
      io.stderr(`${PROG}: ${err.message}\n`);
      return 2;
    }
    throw err;
  }

  const entries = doc.projects.filter((p) => !opts.only || opts.only.includes(p.name));
  const progress = (t) => {
    if (!opts.json) io.stderr(t);
  };
  const started = Date.now();
  progress(`running ${opts.command.label} on ${entries.length} projects under ${opts.folder} (${opts.jobs} at a time, ${opts.timeout}s limit each)\n`);
  const rows = await pool(entries, opts.jobs, async (entry) => {
    const dir = join(opts.folder, entry.name);
    const present = entry.checkout !== null && existsSync(dir) && statSync(dir).isDirectory();
    if (!present) {
      const why = entry.checkout === null ? `no checkout: ${entry.reason}` : `${dir} is missing`;
      progress(`  ${entry.name}: not present (${why})\n`);
      return compareProject(entry, { status: 'not present', detail: why });
    }
    const commit = checkoutCommit(dir);
    const run = await runProject(dir, { command: opts.command, timeoutMs: opts.timeout * 1000, extraArgs: entry.settings ? ['--settings', entry.settings.module] : [] });
    progress(`  ${entry.name}: ${run.status === 'ok' ? `ok (exit ${run.exitCode})` : run.status} in ${(run.ms / 1000).toFixed(1)}s\n`);
    return compareProject(entry, run, commit);
  });
  const summary = summarize(rows);

  const listed = new Set(doc.projects.map((p) => p.name));
  const extra = readdirSync(opts.folder, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !d.name.startsWith('.') && !listed.has(d.name))
    .map((d) => d.name);

  if (opts.json) {
    io.stdout(`${JSON.stringify(toJsonDoc(rows, summary, { folder: opts.folder, verdicts: opts.verdicts, cli: opts.command.label, extraFolders: extra }), null, 2)}\n`);
  } else {
    io.stdout(`${renderTable(rows, summary)}\n`);
    const notes = rows.filter((r) => !r.present).map((r) => `${r.name}: not present — ${r.detail}`);
    if (notes.length) io.stdout(`\n${notes.join('\n')}\n`);
    if (extra.length) io.stdout(`\nnot in the verdicts file (not run): ${extra.join(', ')}\n`);
    const details = renderDetails(rows);
    if (details) io.stdout(`\n${details}\n`);
    const verdict = summary.total.present === 0
      ? 'no project present: nothing was measured'
      : summary.pass
        ? `every present project passes (right production module, at most ${MAX_FP} false positive, nothing unreviewed)`
        : `${summary.total.present - summary.total.passing} of ${summary.total.present} present projects do not pass`;
    io.stdout(`\n${verdict} (${((Date.now() - started) / 1000).toFixed(1)}s wall clock, ${opts.jobs} at a time, ${opts.command.label})\n`);
  }

  if (opts.update) {
    const added = addDrafts(doc, rows);
    if (added) writeFileSync(opts.verdicts, `${JSON.stringify(doc, null, 2)}\n`);
    io.stderr(`${PROG}: --update: ${added} draft entries (verdict "?") added to ${opts.verdicts}${added ? ' — review each one' : ''}\n`);
  }
  return summary.pass ? 0 : 1;
}

