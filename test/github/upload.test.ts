/**
 * src/github/upload.ts in-process: SARIF validation, GitHub's limits (the most severe kept, cuts reported),
 * the gzip+base64 payload, retries and the processing poll — over real HTTP against the fake GitHub.
 */
import { gunzipSync } from 'node:zlib';
import type * as Sarif from 'sarif';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ApiError,
  DEFAULT_TIMING,
  LIMITS,
  encodeSarif,
  fitToLimits,
  octokitFor,
  requestWithRetry,
  timingFromEnv,
  uploadSarif,
  validateSarif,
  waitForProcessing,
  type Timing,
} from '../../src/github/upload';
import { FakeGitHub } from '../support/fake-github';

const TOKEN = 'ghs_unit';

function result(ruleId: string, level: Sarif.Result.level, line = 1): Sarif.Result {
  return {
    ruleId,
    level,
    message: { text: `${ruleId} at ${line}` },
    locations: [{ physicalLocation: { artifactLocation: { uri: 'app/settings.py', uriBaseId: '%SRCROOT%' }, region: { startLine: line } } }],
  };
}

function log(results: Sarif.Result[], rules: Sarif.ReportingDescriptor[] = []): Sarif.Log {
  return { version: '2.1.0', runs: [{ tool: { driver: { name: 'django-launch-gate', rules } }, results }] };
}

describe('validateSarif', () => {
  it('accepts a minimal valid log and names each problem by path', () => {
    expect(validateSarif(log([result('a', 'error')]))).toEqual([]);
    expect(validateSarif(null)).toEqual(['the SARIF log is not a JSON object']);
    expect(validateSarif({ version: '2.0.0', runs: [] })).toEqual(['/version: is "2.0.0", code scanning needs "2.1.0"', '/runs: is empty']);
    const bad = log([
      { ruleId: 'a', ruleIndex: 3, level: 'fatal' as Sarif.Result.level, message: {} as Sarif.Message, locations: [] },
      { ruleId: 'b', message: { text: 'x' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'a b.py' }, region: { startLine: 0 } } }] },
    ]);
    bad.runs[0]!.tool.driver.rules = [{ id: 'a', properties: { 'security-severity': 'high' } }];
    expect(validateSarif(bad)).toEqual([
      '/runs/0/tool/driver/rules/0/properties/security-severity: is not a number (as a string)',
      '/runs/0/results/0/message: needs text or id',
      '/runs/0/results/0/ruleIndex: is not an index into the 1 rules',
      '/runs/0/results/0/level: is "fatal", not one of none, note, warning, error',
      '/runs/0/results/0/locations: is missing: code scanning needs a location for every result',
      '/runs/0/results/1/locations/0/physicalLocation/artifactLocation/uri: contains white space (not a valid URI)',
      '/runs/0/results/1/locations/0/physicalLocation/region/startLine: is not a positive integer',
    ]);
  });
});

describe('fitToLimits', () => {
  it('within limits: unchanged, nothing dropped, payload decodes to the log', () => {
    const l = log([result('a', 'error')]);
    const f = fitToLimits(l);
    expect(f.dropped).toEqual([]);
    expect(f.log).toEqual(l);
    expect(JSON.parse(gunzipSync(Buffer.from(f.payload, 'base64')).toString('utf8'))).toEqual(l);
    expect(f.gzipBytes).toBe(Buffer.from(f.payload, 'base64').length);
  });

  it('too many results: the most severe are kept (error > warning > note, then security-severity), in their order', () => {
    const rules: Sarif.ReportingDescriptor[] = [
      { id: 'low', properties: { 'security-severity': '2.0' } },
      { id: 'high', properties: { 'security-severity': '9.0' } },
    ];
    const results = [result('n', 'note', 1), result('low', 'warning', 2), result('e', 'error', 3), result('high', 'warning', 4), result('n2', 'note', 5)];
    const f = fitToLimits(log(results, rules), { ...LIMITS, resultsPerRun: 3 });
    expect(f.log.runs[0]!.results!.map((r) => r.ruleId)).toEqual(['low', 'e', 'high']);
    expect(f.dropped).toEqual(['2 least severe of 5 results of django-launch-gate (at most 3 per run)']);
  });

  it('tags, locations and runs beyond the limits are cut and reported; the input is untouched', () => {
    const many = Array.from({ length: 30 }, (_, i) => `tag${i}`);
    const r = result('a', 'error');
    r.relatedLocations = Array.from({ length: 5 }, (_, i) => ({ id: i, physicalLocation: { artifactLocation: { uri: 'x.py' }, region: { startLine: i + 1 } } }));
    const input = log([r], [{ id: 'a', properties: { tags: many } }]);
    input.runs.push(...Array.from({ length: 3 }, () => structuredClone(input.runs[0]!)));
    const before = JSON.stringify(input);
    const f = fitToLimits(input, { ...LIMITS, runs: 2, locationsPerResult: 2 });
    expect(JSON.stringify(input)).toBe(before);
    expect(f.log.runs).toHaveLength(2);
    expect(f.log.runs[0]!.tool.driver.rules![0]!.properties!.tags).toHaveLength(20);
    expect(f.log.runs[0]!.results![0]!.relatedLocations).toHaveLength(2);
    expect(f.dropped).toEqual([
      '2 of 4 runs (GitHub accepts at most 2 runs per upload)',
      'tags beyond the first 20 of 1 rule of django-launch-gate (at most 20 tags per rule)',
      'locations beyond the first 2 of 1 result of django-launch-gate (at most 2 per result)',
      'tags beyond the first 20 of 1 rule of django-launch-gate (at most 20 tags per rule)',
      'locations beyond the first 2 of 1 result of django-launch-gate (at most 2 per result)',
    ]);
  });

  it('each cut alone copies the log first (the input untouched); a log within every count is not copied at all', () => {
    const flowResult = (n: number): Sarif.Result => ({
      ...result('a', 'error'),
      codeFlows: [{ threadFlows: [{ locations: Array.from({ length: n }, () => ({ location: { message: { text: 'x' } } })) }, { locations: [{ location: { message: { text: 'y' } } }] }] }],
    });
    const cases: Array<[string, () => Sarif.Log, Partial<Record<keyof typeof LIMITS, number>>]> = [
      ['runs', () => ({ ...log([result('a', 'error')]), runs: [log([]).runs[0]!, log([]).runs[0]!] }), { runs: 1 }],
      ['tags', () => log([result('a', 'error')], [{ id: 'a', properties: { tags: ['x', 'y', 'z'] } }]), { tagsPerRule: 2 }],
      ['locations', () => log([{ ...result('a', 'error'), locations: [result('a', 'error').locations![0]!, result('a', 'error').locations![0]!] }]), { locationsPerResult: 1 }],
      ['thread flows', () => log([flowResult(2)]), { threadFlowLocationsPerResult: 2 }],
      ['results', () => log([result('a', 'error'), result('b', 'note')]), { resultsPerRun: 1 }],
      ['rules', () => log([result('a', 'error')], [{ id: 'a' }, { id: 'unused' }]), { rulesPerRun: 1 }],
    ];
    for (const [what, make, limits] of cases) {
      const input = make();
      const before = JSON.stringify(input);
      const f = fitToLimits(input, { ...LIMITS, ...limits });
      expect(f.dropped, what).toHaveLength(1);
      expect(JSON.stringify(input), what).toBe(before);
      expect(f.log, what).not.toBe(input);
      // one limit higher: within it, nothing cut and nothing copied
      const roomy = Object.fromEntries(Object.entries(limits).map(([k, v]) => [k, v + 1]));
      const g = fitToLimits(input, { ...LIMITS, ...roomy });
      expect(g.dropped, what).toEqual([]);
      expect(g.log, what).toBe(input);
    }
  });

  it('over the gzip size limit: the least severe results go until it fits', () => {
    // incompressible messages make the size grow with every result
    let seed = 7;
    const noise = () => Array.from({ length: 400 }, () => ((seed = (seed * 1103515245 + 12345) >>> 0) % 36).toString(36)).join('');
    const results = Array.from({ length: 60 }, (_, i) => ({ ...result(`r${i}`, i % 3 === 0 ? 'error' : 'note', i + 1), message: { text: noise() } }));
    const full = encodeSarif(log(results)).gzipBytes;
    const limit = Math.floor(full / 2);
    const f = fitToLimits(log(results), { ...LIMITS, gzipBytes: limit });
    expect(f.gzipBytes).toBeLessThanOrEqual(limit);
    const kept = f.log.runs[0]!.results!;
    expect(kept.length).toBeGreaterThan(20);
    expect(kept.length).toBeLessThan(60);
    expect(kept.filter((r) => r.level === 'error')).toHaveLength(20); // every error survives
    expect(f.dropped[0]).toMatch(/^\d+ least severe of 60 results, to bring the gzipped upload from [\d.]+ MB under GitHub's [\d.]+ MB limit$/);
  });
});

describe('HTTP against the fake GitHub', () => {
  let fake: FakeGitHub;
  const slept: number[] = [];
  const timing: Timing = { ...DEFAULT_TIMING, retryBaseMs: 5, pollDelaysMs: [1, 1, 1], sleep: async (ms) => void slept.push(ms) };
  const logs: string[] = [];
  const logger = { info: (m: string) => logs.push(`info: ${m}`), warning: (m: string) => logs.push(`warning: ${m}`) };
  const params = (sha = 'a'.repeat(40)) => ({
    owner: 'octo',
    repo: 'shop',
    ref: 'refs/heads/main',
    sha,
    checkoutUri: 'file:///home/runner/work/shop/shop',
    startedAt: '2025-01-02T03:04:05Z',
    toolName: 'django-launch-gate',
    payload: encodeSarif(log([result('a', 'error')])).payload,
  });

  beforeEach(async () => {
    fake = new FakeGitHub({ token: TOKEN, repository: 'octo/shop' });
    await fake.start();
    slept.length = 0;
    logs.length = 0;
  });
  afterEach(() => fake.close());

  it('upload, pending, complete: sarif id and GitHub\'s analyses URL', async () => {
    const up = await uploadSarif(octokitFor(TOKEN, fake.url), fake.url, params(), timing, logger);
    expect(fake.violations).toEqual([]);
    expect(up).toMatchObject({ sarifId: fake.uploads[0]!.id, processing: 'complete', errors: [], attempts: 1 });
    expect(up.analysesUrl).toBe(`${fake.url}/repos/octo/shop/code-scanning/analyses?sarif_id=${up.sarifId}`);
    expect(fake.uploads[0]!.body).toEqual({
      commit_sha: 'a'.repeat(40),
      ref: 'refs/heads/main',
      sarif: params().payload,
      checkout_uri: 'file:///home/runner/work/shop/shop',
      started_at: '2025-01-02T03:04:05Z',
      tool_name: 'django-launch-gate',
    });
  });

  it('the fake enforces the contract: a short commit_sha is a 422, not retried', async () => {
    await expect(uploadSarif(octokitFor(TOKEN, fake.url), fake.url, params('abc'), timing, logger)).rejects.toMatchObject({ status: 422, attempts: 1 });
    expect(fake.violations[0]).toMatch(/"abc" is not a valid commit_sha/);
    const wrongToken = octokitFor('ghs_other', fake.url);
    await expect(uploadSarif(wrongToken, fake.url, params(), timing, logger)).rejects.toMatchObject({ status: 401, githubMessage: 'Bad credentials' });
  });

  it('retries 500, 502 and 429 (retry-after in seconds and as a date), then gives up after maxAttempts', async () => {
    fake.on(/^POST /, { status: 500 }, { status: 502 }, { status: 429, headers: { 'retry-after': '2' } });
    const up = await uploadSarif(octokitFor(TOKEN, fake.url), fake.url, params(), timing, logger);
    expect(up.attempts).toBe(4);
    expect(slept.slice(0, 3)).toEqual([5, 10, 2000]);
    slept.length = 0;
    const at = new Date(Date.now() + 3000).toUTCString();
    fake.on(/^POST /, { status: 503, headers: { 'retry-after': at } });
    await uploadSarif(octokitFor(TOKEN, fake.url), fake.url, params(), timing, logger);
    expect(slept[0]).toBeGreaterThan(1000);
    expect(slept[0]).toBeLessThanOrEqual(3000);

    fake.on(/^POST /, ...Array.from({ length: 5 }, () => ({ status: 500, body: { message: 'Server Error' } })));
    const err = await uploadSarif(octokitFor(TOKEN, fake.url), fake.url, params(), timing, logger).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).message).toBe('code scanning upload: HTTP 500 "Server Error", still after 5 attempts');
  });

  it('a retry-after longer than the longest wait gives up with the reason; x-ratelimit-reset is honoured', async () => {
    fake.on(/^POST /, { status: 429, headers: { 'retry-after': '3600' } });
    await expect(uploadSarif(octokitFor(TOKEN, fake.url), fake.url, params(), timing, logger)).rejects.toThrow(/GitHub asks to wait 3600 s, longer than 120 s/);
    slept.length = 0;
    const reset = String(Math.floor(Date.now() / 1000) + 5);
    fake.on(/^POST /, { status: 403, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset }, body: { message: 'API rate limit exceeded for installation ID 1.' } });
    await uploadSarif(octokitFor(TOKEN, fake.url), fake.url, params(), timing, logger);
    expect(slept[0]).toBeGreaterThan(3000);
    expect(slept[0]).toBeLessThanOrEqual(6000);
  });

  it('403 "Resource not accessible by integration" and 404 are not retried', async () => {
    fake.on(/^POST /, { status: 403, body: { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest' } });
    const e = (await uploadSarif(octokitFor(TOKEN, fake.url), fake.url, params(), timing, logger).catch((x: unknown) => x)) as ApiError;
    expect(e).toMatchObject({ status: 403, githubMessage: 'Resource not accessible by integration', attempts: 1 });
    fake.on(/^POST /, { status: 404 });
    await expect(uploadSarif(octokitFor(TOKEN, fake.url), fake.url, params(), timing, logger)).rejects.toMatchObject({ status: 404, attempts: 1 });
    expect(slept).toEqual([]);
  });

  it('processing failed: GitHub\'s errors; still pending: a warning after the schedule; status errors: a warning', async () => {
    fake.processing = ['pending', { failed: ['could not convert rules: invalid security severity value, is not a number'] }];
    const up = await uploadSarif(octokitFor(TOKEN, fake.url), fake.url, params(), timing, logger);
    expect(up).toMatchObject({ processing: 'failed', errors: ['could not convert rules: invalid security severity value, is not a number'] });

    fake.processing = ['pending'];
    const octokit = octokitFor(TOKEN, fake.url);
    const id = (await uploadSarif(octokit, fake.url, params(), { ...timing, pollDelaysMs: [] }, logger)).sarifId;
    slept.length = 0;
    logs.length = 0;
    const w = await waitForProcessing(octokit, 'octo', 'shop', id, { ...timing, pollDelaysMs: [5000, 15000, 35000, 75000] }, logger);
    expect(w.processing).toBe('pending');
    expect(slept).toEqual([5000, 15000, 35000, 75000]); // the default schedule, injected sleep
    expect(logs.at(-1)).toMatch(/^warning: Code scanning was still processing SARIF \S+ after 130 s; the upload stands/);

    const gone = await waitForProcessing(octokit, 'octo', 'shop', 'no-such-id', timing, logger);
    expect(gone.processing).toBe('unknown');
    expect(logs.at(-1)).toMatch(/^warning: Could not read the processing status of SARIF no-such-id \(code scanning processing status: HTTP 404/);
  });

  it('requestWithRetry: network errors are retried, and the error says what it was', async () => {
    const dead = octokitFor(TOKEN, 'http://127.0.0.1:9'); // discard port: connection refused
    const e = (await requestWithRetry('probe', (signal) => dead.request('GET /zen', { request: { signal } }), { ...timing, maxAttempts: 2 }, logger).catch((x: unknown) => x)) as ApiError;
    expect(e).toBeInstanceOf(ApiError);
    expect(e.status).toBe(0);
    expect(e.message).toMatch(/^probe: network error \(.+\), still after 2 attempts$/);
  });

  it('timingFromEnv: test overrides, defaults otherwise', () => {
    expect(timingFromEnv({}).pollDelaysMs).toEqual([5000, 15000, 35000, 75000]);
    const t = timingFromEnv({ DLG_POLL_DELAYS_MS: '1, 2', DLG_RETRY_BASE_MS: '7', DLG_HTTP_TIMEOUT_MS: '99' });
    expect([t.pollDelaysMs, t.retryBaseMs, t.requestTimeoutMs]).toEqual([[1, 2], 7, 99]);
    expect(timingFromEnv({ DLG_POLL_DELAYS_MS: 'x' }).pollDelaysMs).toEqual([5000, 15000, 35000, 75000]);
  });
});
