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
import * as github from '@actions/github';
import { gzipSync } from 'node:zlib';
import type * as Sarif from 'sarif';

/** GitHub's hard limits for one upload (docs: "SARIF support for code scanning", "results exceed limit"). */
export const LIMITS = {
  gzipBytes: 10 * 1024 * 1024,
  runs: 20,
  resultsPerRun: 25_000,
  rulesPerRun: 25_000,
  extensionsPerRun: 100,
  locationsPerResult: 1_000,
  threadFlowLocationsPerResult: 10_000,
  tagsPerRule: 20,
} as const;

export interface Logger {
  info(message: string): void;
  warning(message: string): void;
  debug?(message: string): void;
}

// ---------------------------------------------------------------------------------------------------------
// validation

const LEVELS = ['none', 'note', 'warning', 'error'];

/** Structural problems code scanning would reject (empty: fine). Paths are JSON-pointer-like. */
export function validateSarif(log: unknown): string[] {
  const errors: string[] = [];
  const add = (where: string, what: string) => {
    if (errors.length < 50) errors.push(`${where}: ${what}`);
  };
  if (!isObj(log)) return ['the SARIF log is not a JSON object'];
  if (log.version !== '2.1.0') add('/version', `is ${JSON.stringify(log.version)}, code scanning needs "2.1.0"`);
  if (!Array.isArray(log.runs)) return [...errors, '/runs: missing or not an array'];
  if (log.runs.length === 0) add('/runs', 'is empty');
  log.runs.forEach((run: unknown, r: number) => {
    const at = `/runs/${r}`;
    if (!isObj(run)) return add(at, 'is not an object');
    const driver = isObj(run.tool) && isObj(run.tool.driver) ? run.tool.driver : undefined;
    if (!driver) add(`${at}/tool/driver`, 'is missing');
    else if (typeof driver.name !== 'string' || driver.name === '') add(`${at}/tool/driver/name`, 'is missing');
    const rules = driver && Array.isArray(driver.rules) ? driver.rules : [];
    if (driver && driver.rules !== undefined && !Array.isArray(driver.rules)) add(`${at}/tool/driver/rules`, 'is not an array');
    rules.forEach((rule: unknown, i: number) => {
      if (!isObj(rule) || typeof rule.id !== 'string' || rule.id === '') return add(`${at}/tool/driver/rules/${i}`, 'has no id');
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
    if (!Array.isArray(run.results)) return add(`${at}/results`, 'missing or not an array');
    run.results.forEach((res: unknown, i: number) => {
      const rat = `${at}/results/${i}`;
      if (!isObj(res)) return add(rat, 'is not an object');
      if (!isObj(res.message) || (typeof res.message.text !== 'string' && typeof res.message.id !== 'string')) add(`${rat}/message`, 'needs text or id');
      if (res.ruleId === undefined && res.ruleIndex === undefined && !isObj(res.rule)) add(rat, 'names no rule (ruleId, ruleIndex or rule)');
      if (res.ruleId !== undefined && typeof res.ruleId !== 'string') add(`${rat}/ruleId`, 'is not a string');
      if (res.ruleIndex !== undefined && !(Number.isInteger(res.ruleIndex) && (res.ruleIndex as number) >= 0 && (res.ruleIndex as number) < rules.length)) {
        add(`${rat}/ruleIndex`, `is not an index into the ${rules.length} rules`);
      }
      if (res.level !== undefined && !LEVELS.includes(res.level as string)) add(`${rat}/level`, `is ${JSON.stringify(res.level)}, not one of ${LEVELS.join(', ')}`);
      if (!Array.isArray(res.locations) || res.locations.length === 0) add(`${rat}/locations`, 'is missing: code scanning needs a location for every result');
      else {
        res.locations.forEach((loc: unknown, l: number) => checkLocation(loc, `${rat}/locations/${l}`, add));
      }
      if (res.relatedLocations !== undefined) {
        if (!Array.isArray(res.relatedLocations)) add(`${rat}/relatedLocations`, 'is not an array');
        else res.relatedLocations.forEach((loc: unknown, l: number) => checkLocation(loc, `${rat}/relatedLocations/${l}`, add));
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

function checkLocation(loc: unknown, at: string, add: (where: string, what: string) => void): void {
  if (!isObj(loc)) return add(at, 'is not an object');
  const phys = loc.physicalLocation;
  if (phys === undefined) return;
  if (!isObj(phys)) return add(`${at}/physicalLocation`, 'is not an object');
  const art = phys.artifactLocation;
  if (!isObj(art) || typeof art.uri !== 'string' || art.uri === '') add(`${at}/physicalLocation/artifactLocation/uri`, 'is missing');
  else if (/\s/.test(art.uri)) add(`${at}/physicalLocation/artifactLocation/uri`, 'contains white space (not a valid URI)');
  const region = phys.region;
  if (region === undefined) return;
  if (!isObj(region)) return add(`${at}/physicalLocation/region`, 'is not an object');
  for (const k of ['startLine', 'startColumn', 'endLine', 'endColumn'] as const) {
    const v = region[k];
    if (v !== undefined && !(Number.isInteger(v) && (v as number) >= 1)) add(`${at}/physicalLocation/region/${k}`, 'is not a positive integer');
  }
  if (typeof region.startLine === 'number' && typeof region.endLine === 'number' && region.endLine < region.startLine) {
    add(`${at}/physicalLocation/region/endLine`, 'is before startLine');
  }
}

// ---------------------------------------------------------------------------------------------------------
// limits

export interface Fitted {
  log: Sarif.Log;
  /** One sentence per cut: what was dropped and why. Empty when the log was within every limit. */
  dropped: string[];
  /** The serialized, gzip-compressed, base64-encoded log (the `sarif` field of the upload). */
  payload: string;
  gzipBytes: number;
}

/** Gzip + base64, as the upload endpoint wants it (`gzip -c file | base64 -w0`). */
export function encodeSarif(log: Sarif.Log): { payload: string; gzipBytes: number } {
  const gz = gzipSync(Buffer.from(JSON.stringify(log), 'utf8'));
  return { payload: gz.toString('base64'), gzipBytes: gz.length };
}

const LEVEL_RANK: Record<string, number> = { error: 3, warning: 2, note: 1, none: 0 };

/**
 * The log within GitHub's limits: at most 20 runs, 25 000 rules and results per run (the most severe results
 * kept), 1 000 locations and related locations per result, 10 000 thread-flow locations per result, 20 tags
 * per rule, 100 extensions per run, and 10 MB gzipped (least severe results dropped until it fits). The input
 * is not modified.
 */
export function fitToLimits(input: Sarif.Log, limits: Record<keyof typeof LIMITS, number> = LIMITS): Fitted {
  // Copied only when something must be cut (a monolith's log parsed is tens of MB, and a copy as much again).
  let log = withinCounts(input, limits) ? input : structuredClone(input);
  const dropped: string[] = [];
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
        rule.properties!.tags = tags.slice(0, limits.tagsPerRule);
        tagCuts++;
      }
    }
    if (tagCuts) dropped.push(`tags beyond the first ${limits.tagsPerRule} of ${tagCuts} rule${tagCuts === 1 ? '' : 's'} of ${name} (at most ${limits.tagsPerRule} tags per rule)`);

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
      if (cut) flowCuts++;
    }
    if (locCuts) dropped.push(`locations beyond the first ${limits.locationsPerResult} of ${locCuts} result${locCuts === 1 ? '' : 's'} of ${name} (at most ${limits.locationsPerResult} per result)`);
    if (flowCuts) dropped.push(`thread-flow locations beyond ${limits.threadFlowLocationsPerResult} of ${flowCuts} result${flowCuts === 1 ? '' : 's'} of ${name}`);

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
    const keep = (n: number): Sarif.Log => {
      const chosen = new Set(order.slice(0, n).map((x) => `${x.r}:${x.i}`));
      return { ...log, runs: log.runs.map((run, r) => ({ ...run, results: originals[r]!.filter((_, i) => chosen.has(`${r}:${i}`)) })) };
    };
    let lo = 0;
    let hi = order.length;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (encodeSarif(keep(mid)).gzipBytes <= limits.gzipBytes) lo = mid;
      else hi = mid - 1;
    }
    const fitted = keep(lo);
    dropped.push(
      `${order.length - lo} least severe of ${order.length} results, to bring the gzipped upload from ${mb(enc.gzipBytes)} under GitHub's ${mb(limits.gzipBytes)} limit`,
    );
    log = { ...log, runs: fitted.runs };
    enc = encodeSarif(log);
  }
  return { log, dropped, payload: enc.payload, gzipBytes: enc.gzipBytes };
}

/** True when fitToLimits' count cuts (every limit but the gzipped size) would leave the log as it is. */
function withinCounts(log: Sarif.Log, limits: Record<keyof typeof LIMITS, number>): boolean {
  if (log.runs.length > limits.runs) return false;
  return log.runs.every((run) => {
    if ((run.tool?.extensions?.length ?? 0) > limits.extensionsPerRun) return false;
    const rules = run.tool?.driver?.rules ?? [];
    if (rules.length > limits.rulesPerRun) return false;
    if (rules.some((rule) => Array.isArray(rule.properties?.tags) && rule.properties!.tags.length > limits.tagsPerRule)) return false;
    const results = run.results ?? [];
    if (results.length > limits.resultsPerRun) return false;
    return results.every(
      (res) =>
        (res.locations?.length ?? 0) <= limits.locationsPerResult &&
        (res.relatedLocations?.length ?? 0) <= limits.locationsPerResult &&
        (res.codeFlows ?? []).reduce((n, flow) => n + (flow.threadFlows ?? []).reduce((m, tf) => m + tf.locations.length, 0), 0) <= limits.threadFlowLocationsPerResult,
    );
  });
}

function mb(n: number): string {
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** error > warning > note > none, then the rule's security-severity. */
function severity(run: Sarif.Run, res: Sarif.Result): number {
  const rules = run.tool?.driver?.rules ?? [];
  const rule = res.ruleIndex !== undefined ? rules[res.ruleIndex] : rules.find((x) => x.id === res.ruleId);
  const level = res.level ?? rule?.defaultConfiguration?.level ?? 'warning';
  const sec = Number(rule?.properties?.['security-severity'] ?? 0);
  return (LEVEL_RANK[level] ?? 2) * 100 + (Number.isFinite(sec) ? Math.min(10, Math.max(0, sec)) : 0);
}

function mostSevere(run: Sarif.Run, results: Sarif.Result[], n: number): Sarif.Result[] {
  const ranked = results.map((res, i) => ({ res, i, rank: severity(run, res) }));
  const keep = new Set(ranked.sort((a, b) => b.rank - a.rank || a.i - b.i).slice(0, n).map((x) => x.i));
  return results.filter((_, i) => keep.has(i)); // original order
}

/** Keep the rules results use (then the first others) up to `n`, re-pointing every ruleIndex. */
function trimRules(run: Sarif.Run, n: number): void {
  const rules = run.tool.driver.rules ?? [];
  const used = new Set<number>();
  for (const res of run.results ?? []) {
    const idx = res.ruleIndex ?? rules.findIndex((x) => x.id === res.ruleId);
    if (idx !== undefined && idx >= 0) used.add(idx);
  }
  const keepIdx = [...used].sort((a, b) => a - b);
  for (let i = 0; keepIdx.length < n && i < rules.length; i++) if (!used.has(i)) keepIdx.push(i);
  keepIdx.sort((a, b) => a - b);
  const newIndex = new Map(keepIdx.map((old, i) => [old, i]));
  run.tool.driver.rules = keepIdx.map((i) => rules[i]!);
  for (const res of run.results ?? []) {
    if (res.ruleIndex !== undefined) {
      const ni = newIndex.get(res.ruleIndex);
      if (ni === undefined) delete res.ruleIndex;
      else res.ruleIndex = ni;
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// HTTP

export interface Timing {
  /** Attempts per request, the first included. */
  maxAttempts: number;
  /** First back-off delay on 5xx / network errors; doubled per attempt. */
  retryBaseMs: number;
  /** Longest wait honoured for retry-after / rate-limit reset; a longer one gives up. */
  maxRetryDelayMs: number;
  /** Waits before each status poll; still pending after the last: a warning (the upload stands). */
  pollDelaysMs: number[];
  /** Time limit per HTTP request. */
  requestTimeoutMs: number;
  sleep(ms: number): Promise<void>;
}

export const DEFAULT_TIMING: Timing = {
  maxAttempts: 5,
  retryBaseMs: 3_000,
  maxRetryDelayMs: 120_000,
  pollDelaysMs: [5_000, 15_000, 35_000, 75_000],
  requestTimeoutMs: 60_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** DEFAULT_TIMING with the test-only overrides DLG_POLL_DELAYS_MS (comma list), DLG_RETRY_BASE_MS, DLG_HTTP_TIMEOUT_MS. */
export function timingFromEnv(env: Record<string, string | undefined>): Timing {
  const t: Timing = { ...DEFAULT_TIMING, pollDelaysMs: [...DEFAULT_TIMING.pollDelaysMs] };
  const poll = env.DLG_POLL_DELAYS_MS?.split(',').map((s) => Number(s.trim()));
  if (poll && poll.length > 0 && poll.every((n) => Number.isFinite(n) && n >= 0)) t.pollDelaysMs = poll;
  const base = Number(env.DLG_RETRY_BASE_MS);
  if (env.DLG_RETRY_BASE_MS && Number.isFinite(base) && base >= 0) t.retryBaseMs = base;
  const timeout = Number(env.DLG_HTTP_TIMEOUT_MS);
  if (env.DLG_HTTP_TIMEOUT_MS && Number.isFinite(timeout) && timeout > 0) t.requestTimeoutMs = timeout;
  return t;
}

/** What GitHub answered when it did not accept a request (after retries). */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    message: string,
    /** HTTP status; 0 for a network error or time-out. */
    readonly status: number,
    /** GitHub's own message (`message` of the JSON error body), without the documentation URL. */
    readonly githubMessage: string,
    readonly attempts: number,
  ) {
    super(message);
  }
}

interface OctokitLikeError {
  status?: number;
  message?: string;
  response?: { headers?: Record<string, string | number | undefined>; data?: unknown };
}

export type Octokit = ReturnType<typeof github.getOctokit>;

export function octokitFor(token: string, apiUrl: string): Octokit {
  return github.getOctokit(token, { baseUrl: apiUrl, userAgent: 'django-launch-gate' });
}

/**
 * One API call with retries. Retried: network errors and time-outs, 5xx, 429, and 403s that are rate
 * limits; each waits `retry-after` (seconds or an HTTP date) or until `x-ratelimit-reset` when GitHub says,
 * else retryBaseMs × 2^attempt. Anything else throws ApiError at once.
 */
export async function requestWithRetry<T>(
  what: string,
  call: (signal: AbortSignal) => Promise<T>,
  timing: Timing,
  log: Logger,
): Promise<{ value: T; attempts: number }> {
  for (let attempt = 1; ; attempt++) {
    try {
      return { value: await call(AbortSignal.timeout(timing.requestTimeoutMs)), attempts: attempt };
    } catch (raw) {
      const e = raw as OctokitLikeError;
      const status = typeof e.status === 'number' ? e.status : 0;
      const headers = lowerKeys(e.response?.headers ?? {});
      const ghMessage = githubMessage(e);
      const network = status === 0 || (status === 500 && e.response === undefined);
      const rateLimited =
        status === 429 ||
        ((status === 403 || status === 429) && (/secondary rate limit|rate limit exceeded|abuse detection/i.test(ghMessage) || headers['x-ratelimit-remaining'] === '0'));
      const retryable = network || rateLimited || status >= 500;
      const label = network ? `network error (${oneLine(e.message ?? 'no response')})` : `HTTP ${status}${ghMessage ? ` "${ghMessage}"` : ''}`;
      if (!retryable) throw new ApiError(`${what}: ${label}`, status, ghMessage, attempt);
      if (attempt >= timing.maxAttempts) throw new ApiError(`${what}: ${label}, still after ${attempt} attempts`, network ? 0 : status, ghMessage, attempt);
      let delay = timing.retryBaseMs * 2 ** (attempt - 1);
      let why = 'backing off';
      const asked = waitAskedFor(headers);
      if (asked !== undefined) {
        if (asked > timing.maxRetryDelayMs) {
          throw new ApiError(`${what}: ${label}; GitHub asks to wait ${Math.ceil(asked / 1000)} s, longer than ${Math.ceil(timing.maxRetryDelayMs / 1000)} s`, status, ghMessage, attempt);
        }
        delay = asked;
        why = headers['retry-after'] !== undefined ? 'as retry-after asks' : 'until the rate limit resets';
      } else if (rateLimited && status !== 429) {
        delay = Math.max(delay, Math.min(60_000, timing.maxRetryDelayMs)); // secondary limit without a header: GitHub asks for at least a minute
      }
      log.info(`${what}: ${label} — retrying in ${(delay / 1000).toFixed(delay < 1000 ? 2 : 0)} s (${why}; attempt ${attempt + 1} of ${timing.maxAttempts})`);
      await timing.sleep(delay);
    }
  }
}

function waitAskedFor(headers: Record<string, string>): number | undefined {
  const ra = headers['retry-after'];
  if (ra !== undefined) {
    const secs = Number(ra);
    if (Number.isFinite(secs) && secs >= 0) return secs * 1000;
    const at = Date.parse(ra);
    if (Number.isFinite(at)) return Math.max(0, at - Date.now());
  }
  if (headers['x-ratelimit-remaining'] === '0' && headers['x-ratelimit-reset'] !== undefined) {
    const reset = Number(headers['x-ratelimit-reset']) * 1000;
    if (Number.isFinite(reset)) return Math.max(0, reset - Date.now()) + 1000;
  }
  return undefined;
}

function lowerKeys(h: Record<string, string | number | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) if (v !== undefined) out[k.toLowerCase()] = String(v);
  return out;
}

/** GitHub's `message` from an error response body, else the error's message without the docs URL. */
export function githubMessage(e: OctokitLikeError): string {
  const data = e.response?.data;
  if (isObj(data) && typeof data.message === 'string') return oneLine(data.message);
  if (typeof data === 'string' && data.trim() !== '' && data.length < 500) return oneLine(data);
  return oneLine((e.message ?? '').replace(/ - https?:\/\/\S+$/, ''));
}

// ---------------------------------------------------------------------------------------------------------
// upload + processing

export interface UploadParams {
  owner: string;
  repo: string;
  ref: string;
  sha: string;
  /** `file://` URI of the checkout root (the folder SARIF paths are relative to). */
  checkoutUri: string;
  /** ISO 8601 `YYYY-MM-DDTHH:MM:SSZ`. */
  startedAt: string;
  toolName: string;
  /** gzip + base64 SARIF (fitToLimits().payload). */
  payload: string;
}

export interface Uploaded {
  sarifId: string;
  /** GitHub's status URL for this upload (`url` of the 202 answer). */
  statusUrl?: string;
  /** REST URL of the analyses this upload produced (`analyses_url`, or built from the SARIF id). */
  analysesUrl: string;
  /** complete/failed: GitHub said so; pending: still processing after the last poll; unknown: polling failed. */
  processing: 'complete' | 'failed' | 'pending' | 'unknown';
  /** GitHub's processing errors when failed. */
  errors: string[];
  attempts: number;
}

export async function uploadSarif(octokit: Octokit, apiUrl: string, p: UploadParams, timing: Timing, log: Logger): Promise<Uploaded> {
  const { value: res, attempts } = await requestWithRetry(
    'code scanning upload',
    (signal) =>
      octokit.request('POST /repos/{owner}/{repo}/code-scanning/sarifs', {
        owner: p.owner,
        repo: p.repo,
        commit_sha: p.sha,
        ref: p.ref,
        sarif: p.payload,
        checkout_uri: p.checkoutUri,
        started_at: p.startedAt,
        tool_name: p.toolName,
        request: { signal },
      }),
    timing,
    log,
  );
  const data = (res as { data?: unknown }).data;
  const id = isObj(data) && (typeof data.id === 'string' || typeof data.id === 'number') ? String(data.id) : '';
  if (!id) throw new ApiError(`code scanning upload: GitHub answered ${(res as { status?: number }).status ?? '?'} without a SARIF id`, (res as { status?: number }).status ?? 0, '', attempts);
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
export async function waitForProcessing(
  octokit: Octokit,
  owner: string,
  repo: string,
  sarifId: string,
  timing: Timing,
  log: Logger,
): Promise<{ processing: Uploaded['processing']; errors: string[]; analysesUrl?: string }> {
  let analysesUrl: string | undefined;
  for (const delay of timing.pollDelaysMs) {
    await timing.sleep(delay);
    let data: unknown;
    try {
      ({ value: { data } } = await requestWithRetry(
        'code scanning processing status',
        (signal) => octokit.request('GET /repos/{owner}/{repo}/code-scanning/sarifs/{sarif_id}', { owner, repo, sarif_id: sarifId, request: { signal } }),
        { ...timing, maxAttempts: Math.min(timing.maxAttempts, 3) },
        log,
      ));
    } catch (e) {
      log.warning(`Could not read the processing status of SARIF ${sarifId} (${(e as Error).message}). GitHub processes the upload in the background; errors during processing are not shown here.`);
      return { processing: 'unknown', errors: [], analysesUrl };
    }
    const status = isObj(data) ? data.processing_status : undefined;
    if (isObj(data) && typeof data.analyses_url === 'string') analysesUrl = data.analyses_url;
    const errors = isObj(data) && Array.isArray(data.errors) ? data.errors.map((x) => String(x)) : [];
    log.info(`Code scanning processing status: ${String(status)}`);
    if (status === 'complete') return { processing: 'complete', errors, analysesUrl };
    if (status === 'failed') return { processing: 'failed', errors, analysesUrl };
  }
  const waited = timing.pollDelaysMs.reduce((a, b) => a + b, 0);
  log.warning(
    `Code scanning was still processing SARIF ${sarifId} after ${Math.round(waited / 1000)} s; the upload stands and GitHub finishes it in the background (processing errors, if any, will not be shown here).`,
  );
  return { processing: 'pending', errors: [], analysesUrl };
}

function isObj(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function oneLine(s: string): string {
  return s.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}
