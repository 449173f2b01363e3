/**
 * Code scanning alerts of suppressed results, after an upload GitHub has processed. Code scanning opens an
 * alert for a third-party result even when it carries a SARIF `suppressions` entry (only CodeQL's own
 * suppressions are honoured), so the action does what advanced-security/dismiss-alerts does:
 *
 * - every OPEN alert of this tool and category on the uploaded ref whose most recent instance is a suppressed
 *   result of this run (same rule id, same file path, same start line — and start column when both sides
 *   give one) is dismissed as "won't fix" with the comment `Suppressed in source: <reason>`;
 * - every DISMISSED alert that this action dismissed (reason "won't fix" and that comment prefix) whose
 *   most recent instance is now a result of this run WITHOUT a suppression (the comment was removed) is
 *   re-opened. An alert dismissed by anyone else (another reason or comment) is never touched.
 *
 * Alerts are listed with `GET /repos/{owner}/{repo}/code-scanning/alerts?tool_name=…&ref=…&state=…`
 * (100 a page, every page) and changed with `PATCH …/code-scanning/alerts/{alert_number}` (needs
 * `security-events: write`, which the upload needed already). Nothing here can fail the step or undo the
 * upload: a refusal or an error is a warning, and the summary says what was and was not done.
 */
import type * as Sarif from 'sarif';
import { ApiError, requestWithRetry, type Logger, type Octokit, type Timing } from './upload';

/** Every comment this action writes starts with it; only alerts dismissed with it are ever re-opened. */
export const DISMISS_COMMENT_PREFIX = 'Suppressed in source: ';
export const DISMISS_REASON = "won't fix" as const;
/** GitHub's limit for `dismissed_comment`. */
export const MAX_COMMENT_CHARS = 280;
const PER_PAGE = 100;
/** At most this many pages of alerts per listing (100 000 alerts): a bound, never reached in practice. */
const MAX_PAGES = 1000;

/** One SARIF result as code scanning locates its alert. */
export interface ResultSpot {
  toolName: string;
  /** The run's category as code scanning reports it (automationDetails.id without the part after the last `/`). */
  category?: string;
  ruleId: string;
  /** Repository-relative path, percent-decoded (as the alert's `location.path`). */
  path: string;
  startLine: number;
  startColumn?: number;
  /** Set for a suppressed result: the suppression's justification ('' when it gave none). */
  justification?: string;
}

/** The results of the uploaded log, suppressed and not. */
export function resultSpots(log: Sarif.Log): { suppressed: ResultSpot[]; unsuppressed: ResultSpot[] } {
  const suppressed: ResultSpot[] = [];
  const unsuppressed: ResultSpot[] = [];
  for (const run of log.runs ?? []) {
    const toolName = run.tool?.driver?.name;
    if (!toolName) continue;
    const rules = run.tool.driver.rules ?? [];
    const category = categoryOf(run.automationDetails?.id);
    for (const res of run.results ?? []) {
      const ruleId = res.ruleId ?? (res.ruleIndex !== undefined ? rules[res.ruleIndex]?.id : undefined) ?? res.rule?.id;
      const phys = res.locations?.[0]?.physicalLocation;
      const uri = phys?.artifactLocation?.uri;
      const startLine = phys?.region?.startLine;
      if (!ruleId || !uri || typeof startLine !== 'number') continue;
      const spot: ResultSpot = { toolName, category, ruleId, path: decodePath(uri), startLine, startColumn: phys?.region?.startColumn };
      const supp = (res.suppressions ?? []).find((s) => s.kind === 'inSource' && (s.status === undefined || s.status === 'accepted'));
      if (supp) suppressed.push({ ...spot, justification: supp.justification ?? '' });
      else unsuppressed.push(spot);
    }
  }
  return { suppressed, unsuppressed };
}

/** Code scanning's category of a run: its automationDetails.id up to the last `/` (`a:b/python:3.12/` → `a:b/python:3.12`). */
export function categoryOf(id: string | undefined): string | undefined {
  if (id === undefined) return undefined;
  const cut = id.lastIndexOf('/');
  return cut < 0 ? undefined : id.slice(0, cut);
}

function decodePath(uri: string): string {
  const rel = uri.replace(/^\.\//, '');
  try {
    return rel.split('/').map(decodeURIComponent).join('/');
  } catch {
    return rel;
  }
}

/** The `dismissed_comment`: the prefix and the (redacted) reason, at most 280 characters. */
export function dismissComment(justification: string | undefined, redact: (s: string) => string = (s) => s): string {
  const reason = redact((justification ?? '').replace(/\s+/g, ' ').trim());
  return truncate(`${DISMISS_COMMENT_PREFIX}${reason || '(no reason given)'}`, MAX_COMMENT_CHARS);
}

/** At most `max` characters, counted both as code points and as UTF-16 units (whichever GitHub counts). */
function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const points = Array.from(text);
  let n = Math.min(points.length, max - 1);
  while (n > 0 && points.slice(0, n).join('').length + 1 > max) n--;
  return `${points.slice(0, n).join('').trimEnd()}…`;
}

/** Whether this action wrote the alert's dismissal (reason and comment prefix). */
export function dismissedByUs(alert: Pick<Alert, 'dismissed_reason' | 'dismissed_comment'>): boolean {
  return alert.dismissed_reason === DISMISS_REASON && typeof alert.dismissed_comment === 'string' && alert.dismissed_comment.startsWith(DISMISS_COMMENT_PREFIX);
}

/** The fields of a code scanning alert this module reads. */
export interface Alert {
  number: number;
  state?: string | null;
  dismissed_reason?: string | null;
  dismissed_comment?: string | null;
  rule?: { id?: string | null } | null;
  tool?: { name?: string | null } | null;
  most_recent_instance?: {
    ref?: string;
    category?: string;
    location?: { path?: string; start_line?: number; start_column?: number } | null;
  } | null;
}

export type Match = { kind: 'suppressed'; spot: ResultSpot } | { kind: 'unsuppressed'; spot: ResultSpot } | { kind: 'none'; why?: string };

/**
 * Which result of this run the alert's most recent instance on `ref` is: exactly one rule, path and start line
 * (and start column when both give one), of the same tool, category and ref. Results of both kinds there
 * (which inline suppressions cannot produce) match nothing: the alert is left as it is.
 */
export function matchAlert(alert: Alert, ref: string, spots: { suppressed: ResultSpot[]; unsuppressed: ResultSpot[] }): Match {
  const inst = alert.most_recent_instance;
  const loc = inst?.location;
  const ruleId = alert.rule?.id;
  if (!inst || !loc || !ruleId || typeof loc.path !== 'string' || typeof loc.start_line !== 'number') return { kind: 'none' };
  if (inst.ref !== undefined && normalRef(inst.ref) !== normalRef(ref)) return { kind: 'none' };
  const same = (s: ResultSpot) =>
    s.ruleId === ruleId &&
    s.path === loc.path &&
    s.startLine === loc.start_line &&
    (s.startColumn === undefined || loc.start_column === undefined || s.startColumn === loc.start_column) &&
    (alert.tool?.name == null || alert.tool.name === s.toolName);
  const sameCategory = (s: ResultSpot) => inst.category === undefined || s.category === undefined || trimSlashes(inst.category) === trimSlashes(s.category);
  const sup = spots.suppressed.filter(same);
  const unsup = spots.unsuppressed.filter(same);
  if (sup.length === 0 && unsup.length === 0) return { kind: 'none' };
  const supC = sup.filter(sameCategory);
  const unsupC = unsup.filter(sameCategory);
  if (supC.length === 0 && unsupC.length === 0) return { kind: 'none', why: `category ${JSON.stringify(inst.category)}` };
  if (supC.length > 0 && unsupC.length > 0) return { kind: 'none', why: 'both a suppressed and an unsuppressed result there' };
  return supC.length > 0 ? { kind: 'suppressed', spot: supC[0]! } : { kind: 'unsuppressed', spot: unsupC[0]! };
}

function normalRef(ref: string): string {
  return ref.replace(/^refs\/heads\//, '');
}

function trimSlashes(s: string): string {
  return s.replace(/^\/+|\/+$/g, '');
}

export interface AlertSync {
  /** Alert numbers dismissed as suppressed in source. */
  dismissed: number[];
  /** Alert numbers (dismissed by this action earlier) re-opened: their result is no longer suppressed. */
  reopened: number[];
  /** Suppressed results whose alert was already dismissed (by anyone): left as they are. */
  alreadyDismissed: number;
  /** Set when something could not be listed or changed (the warning already logged). */
  problem?: string;
  /** One sentence for the job summary ('' when there was nothing to do). */
  message: string;
}

export interface SyncInput {
  octokit: Octokit;
  owner: string;
  repo: string;
  /** The ref the SARIF was uploaded for. */
  ref: string;
  /** The SARIF log as uploaded (after fitToLimits). */
  sarif: Sarif.Log;
  timing: Timing;
  log: Logger;
  redact?: (s: string) => string;
  /** Why GitHub refused (401/403), in the words the upload uses; undefined: not about permissions. */
  explain?: (status: number, githubMessage: string) => string | undefined;
}

/** Dismiss the alerts of this run's suppressed results; re-open those this action dismissed whose suppression is gone. */
export async function syncSuppressedAlerts(input: SyncInput): Promise<AlertSync> {
  const out: AlertSync = { dismissed: [], reopened: [], alreadyDismissed: 0, message: '' };
  const spots = resultSpots(input.sarif);
  const log = input.log;
  if (spots.suppressed.length === 0 && spots.unsuppressed.length === 0) return out;
  const tools = [...new Set([...spots.suppressed, ...spots.unsuppressed].map((s) => s.toolName))];
  const failed: string[] = [];
  let stop: string | undefined;

  const refusal = (e: unknown, doing: string): string => {
    if (!(e instanceof ApiError)) return `${doing}: ${(e as Error).message}`;
    const why = input.explain?.(e.status, e.githubMessage);
    return why ? `${doing}: ${why}` : e.message;
  };
  const isRefusal = (e: unknown) => e instanceof ApiError && (e.status === 401 || e.status === 403);

  type Change = { state: 'dismissed'; dismissed_reason: typeof DISMISS_REASON; dismissed_comment: string } | { state: 'open' };
  const patch = async (alert: Alert, change: Change, doing: string): Promise<boolean> => {
    try {
      await requestWithRetry(
        `code scanning alert ${alert.number}`,
        (signal) =>
          input.octokit.request('PATCH /repos/{owner}/{repo}/code-scanning/alerts/{alert_number}', {
            owner: input.owner,
            repo: input.repo,
            alert_number: alert.number,
            ...change,
            request: { signal },
          }),
        input.timing,
        log,
      );
      return true;
    } catch (e) {
      // dismiss-alerts' case: dismissed meanwhile (by someone or a concurrent job) — nothing left to do.
      if (e instanceof ApiError && e.status === 400 && /already dismissed/i.test(e.githubMessage)) {
        out.alreadyDismissed++;
        return false;
      }
      const what = refusal(e, doing);
      if (isRefusal(e)) stop = what;
      else failed.push(what);
      return false;
    }
  };

  const list = async (toolName: string, state: 'open' | 'dismissed'): Promise<Alert[] | undefined> => {
    try {
      return await listAlerts(input, toolName, state);
    } catch (e) {
      const what = refusal(e, `listing the ${state} code scanning alerts of ${toolName} on ${input.ref}`);
      if (isRefusal(e) || (e instanceof ApiError && e.status === 404)) stop = what;
      else failed.push(what);
      return undefined;
    }
  };

  const skipped = new Set<string>();
  const note = (m: Match, alert: Alert) => {
    if (m.kind === 'none' && m.why) skipped.add(`alert ${alert.number} (${m.why})`);
  };

  for (const tool of tools) {
    if (stop) break;
    const mine = { suppressed: spots.suppressed.filter((s) => s.toolName === tool), unsuppressed: spots.unsuppressed.filter((s) => s.toolName === tool) };
    if (mine.suppressed.length > 0) {
      const open = await list(tool, 'open');
      for (const alert of open ?? []) {
        if (stop) break;
        const m = matchAlert(alert, input.ref, mine);
        note(m, alert);
        if (m.kind !== 'suppressed' || alert.state !== 'open') continue;
        const comment = dismissComment(m.spot.justification, input.redact);
        const ok = await patch(alert, { state: 'dismissed', dismissed_reason: DISMISS_REASON, dismissed_comment: comment }, `dismissing code scanning alert ${alert.number} (${m.spot.ruleId} at ${m.spot.path}:${m.spot.startLine})`);
        if (ok) {
          out.dismissed.push(alert.number);
          log.info(`Code scanning alert ${alert.number} (${m.spot.ruleId} at ${m.spot.path}:${m.spot.startLine}) dismissed as won't fix: "${comment}"`);
        }
      }
    }
    if (stop) break;
    if (mine.unsuppressed.length > 0) {
      const dismissed = await list(tool, 'dismissed');
      for (const alert of dismissed ?? []) {
        if (stop) break;
        if (alert.state !== 'dismissed' || !dismissedByUs(alert)) continue;
        const m = matchAlert(alert, input.ref, mine);
        note(m, alert);
        if (m.kind !== 'unsuppressed') continue;
        const ok = await patch(alert, { state: 'open' }, `re-opening code scanning alert ${alert.number} (${m.spot.ruleId} at ${m.spot.path}:${m.spot.startLine})`);
        if (ok) {
          out.reopened.push(alert.number);
          log.info(`Code scanning alert ${alert.number} (${m.spot.ruleId} at ${m.spot.path}:${m.spot.startLine}) re-opened: this action had dismissed it as suppressed in source, and the suppression is gone`);
        }
      }
    }
  }
  if (skipped.size > 0) log.info(`Code scanning alerts at the place of a result of this run left as they are: ${[...skipped].slice(0, 10).join('; ')}${skipped.size > 10 ? `; and ${skipped.size - 10} more` : ''}`);

  const parts: string[] = [];
  if (out.dismissed.length > 0) parts.push(`${plural(out.dismissed.length, 'alert')} dismissed as suppressed in source`);
  if (out.reopened.length > 0) parts.push(`${plural(out.reopened.length, 'alert')} re-opened (dismissed earlier as suppressed in source; the suppression is gone)`);
  if (parts.length > 0) log.info(`${capital(parts.join('; '))}.`);
  const problems = [...failed, ...(stop ? [stop] : [])];
  if (problems.length > 0) {
    const shown = problems.slice(0, 3).join('; ') + (problems.length > 3 ? `; and ${problems.length - 3} more` : '');
    out.problem = shown;
    log.warning(
      `django-launch-gate: the code scanning alerts of suppressed results could not all be updated — ${shown}. The upload stands and the gate result is unchanged; dismiss those alerts by hand, or fix the permission and run again.`,
    );
    parts.push(`the alerts of suppressed results could not all be updated (${shown})`);
  }
  out.message = parts.length > 0 ? `${capital(parts.join('; '))}.` : '';
  return out;
}

/** Every alert of `toolName` on the ref in `state`, page after page (100 a page) while GitHub links a next page. */
async function listAlerts(input: SyncInput, toolName: string, state: 'open' | 'dismissed'): Promise<Alert[]> {
  const all: Alert[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const { value: res } = await requestWithRetry(
      `code scanning alerts (${state}, page ${page})`,
      (signal) =>
        input.octokit.request('GET /repos/{owner}/{repo}/code-scanning/alerts', {
          owner: input.owner,
          repo: input.repo,
          tool_name: toolName,
          ref: input.ref,
          state,
          per_page: PER_PAGE,
          page,
          request: { signal },
        }),
      input.timing,
      input.log,
    );
    const data = (res as { data?: unknown }).data;
    const items = Array.isArray(data) ? (data as Alert[]).filter((a) => a && typeof a.number === 'number') : [];
    all.push(...items);
    const link = String((res as { headers?: Record<string, unknown> }).headers?.link ?? '');
    const hasNext = link ? /rel="next"/.test(link) : items.length === PER_PAGE;
    if (!hasNext || items.length === 0) break;
  }
  return all;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
