/**
 * The GitHub job summary (GitHub-flavoured markdown): verdict, gates, the checklist at a glance, then the
 * findings per checklist item. Everything that comes from outside (messages, details, paths) is escaped,
 * and the whole stays under GitHub's 1 MiB step-summary limit by leaving out the least severe findings.
 */
import { CHECKLIST, compareFindings, type ChecklistItem, type Finding, type GateStatus, type Level, type Report } from '../finding';
import { docsUrl } from '../version';
import { OTHER_GROUP, OTHER_TITLE, type FindingGroup, countsPhrase, detailLines, findingWhere, fixFor, formatDuration, groupFindings, plural, ruleFor, siteLines, sortGates, suppressedFindings, suppressedLine, verdict } from './text';

/** GitHub refuses step summaries over 1 MiB; keep a margin for whatever else the step appends. */
export const DEFAULT_MAX_SUMMARY_BYTES = 1024 * 1024 - 32 * 1024;

export interface SummaryOptions {
  maxBytes?: number;
}

const GATE_STATUS: Record<GateStatus, string> = {
  passed: '✅ passed',
  failed: '❌ failed',
  skipped: '⏭️ skipped',
  error: '⚠️ error',
};

const LEVEL_ICON: Record<Level, string> = { error: '🔴', warning: '🟠', note: '🔵' };

export function jobSummary(report: Report, opts: SummaryOptions = {}): string {
  const maxBytes = Math.max(0, Math.floor(opts.maxBytes ?? DEFAULT_MAX_SUMMARY_BYTES));
  const v = verdict(report);
  const head: string[] = [];

  const icon = v.blocked ? '❌' : v.verified ? '✅' : '⚠️';
  head.push(`## ${icon} ${escapeInline(v.text)}`, '');
  const site = siteLines(report);
  if (site.length > 0) {
    for (const l of site) head.push(...(/^INSECURE/.test(l) ? ['', '> [!CAUTION]', `> ${escapeInline(l)}`, ''] : [`- ${escapeInline(l)}`]));
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
  for (const g of sortGates(report.gates)) {
    // One line per project: <br> between the detail's lines.
    const detail = detailLines(g.detail).map(escapeCell).join('<br>');
    head.push(`| ${escapeCell(g.gate)} | ${GATE_STATUS[g.status] ?? escapeCell(g.status)} | ${formatDuration(g.durationMs)} | ${detail} |`);
  }
  head.push('');

  const groups = groupFindings(report);
  const byItem = new Map(groups.map((g) => [g.item as string, g.findings]));
  const statuses = new Map(report.checklist.map((s) => [s.item as string, s]));
  head.push('| Checklist item | Status | Rules |', '| --- | --- | --- |');
  for (const item of Object.keys(CHECKLIST) as ChecklistItem[]) {
    const found = byItem.get(item);
    const status = statuses.get(item);
    if (!found && !status) continue;
    let cell: string;
    // Notes of rules that could not decide (migrations without a base) leave the item not checked: say both.
    if (found && status?.status === 'not-checked') cell = `⬜ not checked${status.reason ? ` — ${escapeCell(status.reason)}` : ''} (${plural(found.length, 'note')})`;
    else if (found) cell = `${worstIcon(found)} ${plural(found.length, 'finding')}`;
    else if (status?.status === 'not-applicable') cell = `➖ not applicable${status.reason ? ` — ${escapeCell(status.reason)}` : ''}`;
    else if (status?.status === 'not-checked') cell = `⬜ not checked${status.reason ? ` — ${escapeCell(status.reason)}` : ''}`;
    else cell = `✅ pass${status?.reason ? ` — ${escapeCell(status.reason)}` : ''}`;
    head.push(`| ${escapeCell(CHECKLIST[item])} | ${cell} | ${ruleLinks(report, item, found)} |`);
  }
  const other = byItem.get(OTHER_GROUP);
  if (other) head.push(`| ${OTHER_TITLE} | ${worstIcon(other)} ${plural(other.length, 'finding')} | ${otherLinks(other)} |`);

  // Finding sections: the most severe findings that fit (compareFindings order), shown per checklist item.
  const counted = report.findings.filter((f) => !f.suppression);
  const total = counted.length;
  const headingOf = (g: FindingGroup) =>
    `\n### ${escapeInline(g.title)} (${countsPhrase(g.findings).split(', ').filter((x) => !x.startsWith('0 ')).join(', ')})\n`;
  const groupOf = new Map<Finding, FindingGroup>();
  for (const g of groups) for (const f of g.findings) groupOf.set(f, g);
  const lineOf = new Map<Finding, string>();
  const shownSet = new Set<Finding>();
  const opened = new Set<FindingGroup>();
  let budget = maxBytes - bytes(joinLines(head)) - bytes(`\n${overflowNote(total, total)}\n`);
  for (const f of [...counted].sort(compareFindings)) {
    const g = groupOf.get(f)!;
    const line = findingLine(report, f);
    const cost = bytes(line) + 1 + (opened.has(g) ? 0 : bytes(headingOf(g)) + 1);
    if (cost > budget) break;
    budget -= cost;
    opened.add(g);
    shownSet.add(f);
    lineOf.set(f, line);
  }
  const body: string[] = [];
  for (const g of groups) {
    if (!opened.has(g)) continue;
    body.push(headingOf(g));
    for (const f of g.findings) if (shownSet.has(f)) body.push(lineOf.get(f)!);
  }
  const shown = shownSet.size;

  const out = [...head, ...body];
  if (shown < total) out.push('', overflowNote(total - shown, total));
  out.push(...suppressedSection(report, budget));
  let text = joinLines(out);
  if (bytes(text) > maxBytes) {
    // Even the tables do not fit: verdict and the note only.
    text = joinLines([`## ${icon} ${escapeInline(v.text)}`, '', overflowNote(total, total)]);
    if (bytes(text) > maxBytes) text = truncateBytes(text, maxBytes);
  }
  return text;
}

/**
 * The suppressed findings, folded: one line each, as many as fit in `budget` bytes (the rest counted). They
 * are not counted anywhere else in the summary.
 */
function suppressedSection(report: Report, budget: number): string[] {
  const all = suppressedFindings(report);
  if (all.length === 0) return [];
  const open = `<details><summary>${plural(all.length, 'finding')} suppressed in source (not counted)</summary>`;
  const close = '</details>';
  let left = budget - bytes(`\n${open}\n\n\n${close}\n`) - 200;
  const lines: string[] = [];
  for (const f of all) {
    const line = `- ${escapeInline(suppressedLine(report, f))}`;
    if (bytes(line) + 1 > left) break;
    left -= bytes(line) + 1;
    lines.push(line);
  }
  if (lines.length === 0) return ['', `${plural(all.length, 'finding')} suppressed in source (not counted); all of them are in the SARIF report.`];
  if (lines.length < all.length) lines.push(`- … ${all.length - lines.length} more in the SARIF report`);
  return ['', open, '', ...lines, '', close];
}

function findingLine(report: Report, f: Finding): string {
  const rule = ruleFor(report, f);
  const where = findingWhere(report, f.location);
  const id = rule && rule.id === f.ruleId ? `[${escapeInline(f.ruleId)}](${docsUrl(f.ruleId)})` : `**${escapeInline(f.ruleId)}**`;
  let line = `- ${LEVEL_ICON[f.level] ?? ''} ${codeSpan(where)} ${id} ${escapeInline(f.message)}`;
  for (const r of f.related ?? []) {
    line += `<br>↳ ${codeSpan(`${r.location.file}:${r.location.line}`)} ${escapeInline(r.message)}`;
  }
  const fix = fixFor(report, f);
  if (fix) line += `<br>**Fix:** ${escapeInline(fix)}${rule && rule.id !== f.ruleId ? ` (see [${escapeInline(rule.id)}](${docsUrl(rule.id)}))` : ''}`;
  return line;
}

function ruleLinks(report: Report, item: ChecklistItem, found: Finding[] | undefined): string {
  const ids = found
    ? uniqSorted(found.map((f) => ruleFor(report, f)?.id).filter((x): x is string => x !== undefined))
    : uniqSorted(report.rules.filter((r) => r.checklist === item).map((r) => r.id));
  return ids.map((id) => `[${escapeCell(id)}](${docsUrl(id)})`).join(' ');
}

function otherLinks(found: Finding[]): string {
  return uniqSorted(found.map((f) => f.ruleId)).map(escapeCell).join(' ');
}

function worstIcon(findings: readonly Finding[]): string {
  if (findings.some((f) => f.level === 'error')) return '❌';
  if (findings.some((f) => f.level === 'warning')) return '⚠️';
  return 'ℹ️';
}

function overflowNote(left: number, total: number): string {
  return `> [!NOTE]\n> ${plural(left, 'more finding')} of ${total} ${left === 1 ? 'is' : 'are'} not shown here (the summary is limited to 1 MiB); all of them are in the SARIF report.`;
}

/** Text inside a paragraph or list item: no HTML, no markdown syntax, no line breaks. */
export function escapeInline(s: string): string {
  return String(s)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]|~#!])/g, '\\$1')
    .replace(/@/g, '@\u200b') // no @-mentions
    .replace(/\r\n?|\n/g, '<br>');
}

/** Text inside a table cell: as inline, with line breaks as spaces (a `<br>` would make tall rows). */
function escapeCell(s: string): string {
  return escapeInline(String(s).replace(/\s*(\r\n?|\n)\s*/g, ' '));
}

/** A code span that survives tables and odd characters: backticks and pipes fall back to escaped text. */
function codeSpan(s: string): string {
  return /[`|\r\n]/.test(s) ? escapeInline(s) : `\`${s}\``;
}

function uniqSorted(xs: string[]): string[] {
  return [...new Set(xs)].sort();
}

function joinLines(lines: string[]): string {
  return `${lines.join('\n')}\n`;
}

function bytes(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

function truncateBytes(s: string, max: number): string {
  const buf = Buffer.from(s, 'utf8').subarray(0, Math.max(0, max));
  // drop a partial UTF-8 sequence at the end
  return buf.toString('utf8').replace(/\uFFFD$/, '');
}
