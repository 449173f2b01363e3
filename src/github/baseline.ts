/**
 * `baseline-sarif`: the base branch's SARIF (e.g. an artifact of the last run on main). The job summary
 * then tells "New in this PR" from "Already on the base branch" (and counts what the PR fixed).
 *
 * Matching is the way code scanning tracks alerts: same rule and same `primaryLocationLineHash` (the
 * fingerprint survives unrelated edits that move the line); results without a fingerprint on either side
 * fall back to rule + file + message. Each base result matches at most one current result.
 */
import { readFileSync } from 'node:fs';
import type * as Sarif from 'sarif';
import { escapeInline } from '../report/summary';

export interface BaselineItem {
  ruleId: string;
  level: string;
  file: string;
  line: number;
  message: string;
}

export interface BaselineComparison {
  introduced: BaselineItem[];
  existing: BaselineItem[];
  /** On the base branch, not any more. */
  fixed: BaselineItem[];
}

/** The baseline log, or why it cannot be used (never throws). */
export function readBaseline(path: string): { log: Sarif.Log } | { error: string } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    return { error: `baseline-sarif ${path} cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` };
  }
  let log: unknown;
  try {
    log = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { error: `baseline-sarif ${path} is not JSON` };
  }
  const l = log as Sarif.Log;
  if (!l || typeof l !== 'object' || !Array.isArray(l.runs)) return { error: `baseline-sarif ${path} is not a SARIF log (no runs)` };
  return { log: l };
}

interface Keyed {
  item: BaselineItem;
  hashKey?: string;
  textKey: string;
}

function keyed(log: Sarif.Log, tool: string | undefined): Keyed[] {
  const out: Keyed[] = [];
  for (const run of log.runs ?? []) {
    if (tool !== undefined && run?.tool?.driver?.name !== tool) continue;
    const rules = run.tool?.driver?.rules ?? [];
    for (const res of run.results ?? []) {
      // Suppressed (an accepted or unqualified suppression, SARIF §3.35): dismissed, neither new nor existing.
      if (res.suppressions?.some((s) => s.status === undefined || s.status === 'accepted')) continue;
      const rule = res.ruleIndex !== undefined ? rules[res.ruleIndex] : undefined;
      const ruleId = res.ruleId ?? rule?.id ?? res.rule?.id ?? '';
      const phys = res.locations?.[0]?.physicalLocation;
      const uri = phys?.artifactLocation?.uri ?? '';
      let file = uri;
      try {
        file = decodeURIComponent(uri);
      } catch {
        // keep as is
      }
      const item: BaselineItem = {
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
export function compareWithBaseline(current: Sarif.Log, base: Sarif.Log): BaselineComparison {
  const tool = current.runs?.[0]?.tool?.driver?.name;
  const cur = keyed(current, tool);
  const old = keyed(base, tool);
  const matched = new Set<Keyed>();
  const oldMatched = new Set<Keyed>();
  const take = (key: (k: Keyed) => string | undefined) => {
    const pool = new Map<string, Keyed[]>();
    for (const o of old) {
      if (oldMatched.has(o)) continue;
      const k = key(o);
      if (k === undefined) continue;
      const list = pool.get(k);
      if (list) list.push(o);
      else pool.set(k, [o]);
    }
    for (const c of cur) {
      if (matched.has(c)) continue;
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

const ICON: Record<string, string> = { error: '🔴', warning: '🟠', note: '🔵', none: '⚪' };

/** Markdown for the job summary, at most `maxBytes` (lists are cut first, with a count of what is left out). */
export function baselineSection(cmp: BaselineComparison, maxBytes = 256 * 1024): string {
  const head = [
    '',
    '### Compared with the base branch',
    '',
    `**${cmp.introduced.length} new in this PR** · ${cmp.existing.length} already on the base branch · ${cmp.fixed.length} fixed by this PR`,
    '',
  ].join('\n');
  const parts = [head];
  let budget = maxBytes - bytes(head);
  const list = (title: string, items: BaselineItem[], fold: boolean) => {
    if (items.length === 0) return;
    const open = fold ? `<details><summary>${escapeInline(title)} (${items.length})</summary>\n\n` : `#### ${escapeInline(title)} (${items.length})\n\n`;
    const close = fold ? '\n</details>\n' : '\n';
    const reserve = bytes(open) + bytes(close) + 120;
    if (budget < reserve) return;
    budget -= reserve;
    const lines: string[] = [];
    let shown = 0;
    for (const it of items) {
      const line = `- ${ICON[it.level] ?? ''} \`${it.file.replace(/[`|]/g, '?')}:${it.line}\` **${escapeInline(it.ruleId)}** ${escapeInline(it.message)}`;
      if (bytes(line) + 1 > budget) break;
      budget -= bytes(line) + 1;
      lines.push(line);
      shown++;
    }
    if (shown < items.length) lines.push(`- … and ${items.length - shown} more (all of them are in the SARIF report)`);
    parts.push(open + lines.join('\n') + '\n' + close);
  };
  list('New in this PR', cmp.introduced, false);
  list('Already on the base branch', cmp.existing, true);
  list('Fixed by this PR', cmp.fixed, true);
  const text = parts.join('');
  return bytes(text) <= maxBytes ? text : Buffer.from(text, 'utf8').subarray(0, maxBytes).toString('utf8').replace(/\uFFFD$/, '');
}

function bytes(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}
