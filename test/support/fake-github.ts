/**
 * A local stand-in for the parts of GitHub the action talks to, enforcing their documented contracts
 * (node:http, no mocking library):
 *
 * - `POST /repos/{owner}/{repo}/code-scanning/sarifs` (REST "Upload an analysis as SARIF data"): path,
 *   method, `Authorization: token …`, JSON body with only the documented fields; `commit_sha` 40-hex,
 *   `ref` refs/heads/…, refs/tags/… or refs/pull/N/(merge|head), `sarif` base64 of gzip of a SARIF 2.1.0
 *   log within GitHub's limits (decoded, gunzipped and checked here), `checkout_uri` a file: URI,
 *   `started_at` `YYYY-MM-DDTHH:MM:SSZ`, `tool_name` a string. Answers 202 `{id, url}`; a broken contract
 *   answers 422 like GitHub ("Invalid request. …") and is recorded in `violations`.
 * - `GET /repos/{owner}/{repo}/code-scanning/sarifs/{id}`: the processing status, scripted per test
 *   (pending → complete, or failed with errors).
 * - Code scanning alerts, made from the uploaded SARIF results the way code scanning makes them when it has
 *   processed an upload (the first status poll that answers `complete`): one alert per tool, category
 *   (`automationDetails.id` up to its last `/`), rule and `primaryLocationLineHash` (path + line without
 *   one), OPEN whatever `suppressions` a result carries — GitHub does not dismiss third-party suppressed
 *   results. A later upload for the same ref, tool and category moves an alert's instance to the result's new
 *   line, keeps its state (dismissed stays dismissed), and fixes the alerts it no longer reports on that ref.
 *   `GET /repos/{owner}/{repo}/code-scanning/alerts` (REST "List code scanning alerts for a repository"):
 *   only the documented query parameters; `state` open|closed|dismissed|fixed, `sort`, `direction`,
 *   `per_page` 1–100 (default 30), `page`; `ref` filters to alerts with an instance on that ref (404 "no
 *   analysis found" for a ref nothing was uploaded for) and `most_recent_instance` is that ref's; newest
 *   first; a `link` header with rel="next"/"last" like GitHub's.
 *   `PATCH /repos/{owner}/{repo}/code-scanning/alerts/{alert_number}` ("Update a code scanning alert"): JSON
 *   with only `state`, `dismissed_reason`, `dismissed_comment`, `create_request`, `assignees`; `state` open or
 *   dismissed; dismissed needs `dismissed_reason` — "false positive", "won't fix", "used in tests" or
 *   "mitigated" — and `dismissed_comment` is at most 280 characters (422 otherwise, recorded in `violations`);
 *   an unknown alert number is 404; dismissing a dismissed alert is 400 "Alert is already dismissed.".
 *   Every change is recorded in `alertPatches`; `seedAlert` adds alerts made elsewhere (another category).
 * - `GET /repos/{owner}/{repo}/pulls/{n}/files`: the pull request's files with patch hunks (paginated).
 * - The Actions results service that @actions/artifact uses: twirp `CreateArtifact` / `FinalizeArtifact`
 *   (protobuf JSON with proto field names, Bearer ACTIONS_RUNTIME_TOKEN, a JWT with the `Actions.Results:<run>:<job>` scope) and the signed blob URL
 *   (Azure block blob protocol: `comp=block` then `comp=blocklist`). Uploaded zips are unpacked into `artifacts`.
 *
 * Any API answer can be scripted (403 "Resource not accessible by integration", 404, 422, 429 with
 * retry-after, 500, slow answers) through `script`.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { gunzipSync, inflateRawSync } from 'node:zlib';
import type * as Sarif from 'sarif';

export interface Scripted {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Answer after this long. */
  delayMs?: number;
}

export interface RequestRecord {
  method: string;
  path: string;
  /** The query string (`?a=b…`, or ''). */
  query: string;
  status: number;
  /** ms since the server started */
  at: number;
}

export interface UploadRecord {
  id: string;
  body: Record<string, unknown>;
  sarif: Sarif.Log;
  gzipBytes: number;
  auth: string;
}

export interface ArtifactRecord {
  name: string;
  workflowRunBackendId: string;
  workflowJobRunBackendId: string;
  /** Files inside the uploaded zip. */
  files: Map<string, Buffer>;
  finalized: boolean;
}

export type ProcessingStep = 'pending' | 'complete' | { failed: string[] };

export interface AlertLocation {
  path: string;
  start_line: number;
  end_line: number;
  start_column: number;
  end_column: number;
}

export interface AlertInstance {
  ref: string;
  analysis_key: string;
  environment: string;
  category: string;
  commit_sha: string;
  message: { text: string };
  location: AlertLocation;
  /** Whether the latest analysis of this ref (tool + category) still reports it. */
  present: boolean;
}

/** A code scanning alert as the fake keeps it (the API's fields, plus its identity and its instance per ref). */
export interface FakeAlert {
  number: number;
  tool: string;
  category: string;
  ruleId: string;
  /** primaryLocationLineHash, or path:line without one. */
  fingerprint: string;
  state: 'open' | 'dismissed';
  dismissed_reason: string | null;
  dismissed_comment: string | null;
  dismissed_at: string | null;
  created_at: string;
  instances: Map<string, AlertInstance>;
}

export interface AlertPatchRecord {
  number: number;
  body: Record<string, unknown>;
  status: number;
}

const SHA_RE = /^[0-9a-fA-F]{40}$/;
const REF_RE = /^refs\/(heads\/.+|tags\/.+|pull\/\d+\/(merge|head))$/;
const ISO_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const UPLOAD_FIELDS = new Set(['commit_sha', 'ref', 'sarif', 'checkout_uri', 'started_at', 'tool_name', 'validate']);
const DOCS = 'https://docs.github.com/rest/code-scanning/code-scanning#upload-an-analysis-as-sarif-data';
const TWIRP = '/twirp/github.actions.results.api.v1.ArtifactService/';
const ALERTS_DOCS = 'https://docs.github.com/rest/code-scanning/code-scanning#list-code-scanning-alerts-for-a-repository';
const UPDATE_DOCS = 'https://docs.github.com/rest/code-scanning/code-scanning#update-a-code-scanning-alert';
const LIST_PARAMS = new Set(['tool_name', 'tool_guid', 'page', 'per_page', 'ref', 'pr', 'direction', 'before', 'after', 'sort', 'state', 'severity', 'assignees']);
const ALERT_STATES = ['open', 'closed', 'dismissed', 'fixed'];
const PATCH_FIELDS = new Set(['state', 'dismissed_reason', 'dismissed_comment', 'create_request', 'assignees']);
const DISMISSED_REASONS = ['false positive', "won't fix", 'used in tests', 'mitigated'];

export class FakeGitHub {
  readonly token: string;
  readonly owner: string;
  readonly repo: string;
  readonly runtimeToken: string;
  url = '';
  readonly requests: RequestRecord[] = [];
  readonly uploads: UploadRecord[] = [];
  readonly violations: string[] = [];
  readonly artifacts: ArtifactRecord[] = [];
  /** Scripted answers, consumed in order, for requests whose `METHOD path` matches the key's pattern. */
  readonly script: Array<{ match: RegExp; answer: Scripted }> = [];
  /** Processing statuses served for each upload in turn; the last repeats. */
  processing: ProcessingStep[] = ['pending', 'complete'];
  /** Pull request files, by number. */
  readonly pullFiles = new Map<number, Array<{ filename: string; status: string; patch?: string }>>();
  /** Code scanning alerts, made from processed uploads (and `seedAlert`). */
  readonly alerts: FakeAlert[] = [];
  /** Every PATCH of an alert, in order. */
  readonly alertPatches: AlertPatchRecord[] = [];
  private nextAlert = 1;
  private readonly analysedRefs = new Set<string>();
  private readonly processed = new Set<string>();
  private readonly polls = new Map<string, number>();
  private readonly blocks = new Map<string, Buffer>();
  private server?: Server;
  private started = 0;
  private nextId = 1;

  constructor(opts: { token: string; repository: string }) {
    this.token = opts.token;
    [this.owner, this.repo] = opts.repository.split('/') as [string, string];
    this.runtimeToken = fakeRuntimeToken();
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      void this.handle(req, res).catch((e: unknown) => {
        this.violations.push(`server error: ${(e as Error).stack}`);
        if (!res.headersSent) send(res, 500, { message: 'fake server error' });
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const addr = this.server.address();
    if (!addr || typeof addr === 'string') throw new Error('no address');
    this.url = `http://127.0.0.1:${addr.port}`;
    this.started = Date.now();
    return this.url;
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Environment for the action: API and artifact service pointed here. */
  env(): Record<string, string> {
    return {
      GITHUB_API_URL: this.url,
      GITHUB_SERVER_URL: 'https://github.com',
      ACTIONS_RESULTS_URL: `${this.url}/`,
      ACTIONS_RUNTIME_TOKEN: this.runtimeToken,
    };
  }

  /** Answer the next request matching `pattern` (against `METHOD /path`) with `answer`. */
  on(pattern: RegExp, ...answers: Scripted[]): this {
    for (const answer of answers) this.script.push({ match: pattern, answer });
    return this;
  }

  requestsTo(pattern: RegExp): RequestRecord[] {
    return this.requests.filter((r) => pattern.test(`${r.method} ${r.path}`));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://x');
    const path = url.pathname;
    const method = req.method ?? 'GET';
    const body = await readBody(req);
    const reply = (status: number, data: unknown, headers: Record<string, string> = {}) => {
      this.requests.push({ method, path, query: url.search, status, at: Date.now() - this.started });
      send(res, status, data, headers);
    };

    // Artifact service (not scripted).
    if (path.startsWith(TWIRP)) return this.twirp(req, path.slice(TWIRP.length), body, reply);
    if (path.startsWith('/blob/')) return this.blob(method, url, body, reply);

    const scripted = this.script.findIndex((s) => s.match.test(`${method} ${path}`));
    if (scripted >= 0) {
      const { answer } = this.script.splice(scripted, 1)[0]!;
      if (answer.delayMs) await sleep(answer.delayMs);
      if (answer.status >= 200 && answer.status < 300 && answer.body === undefined) {
        // a delayed "normal" answer: fall through to the real handling
      } else {
        return reply(answer.status, answer.body ?? { message: statusText(answer.status) }, answer.headers);
      }
    }

    const auth = req.headers.authorization ?? '';
    if (auth !== `token ${this.token}` && auth !== `Bearer ${this.token}`) {
      this.violations.push(`${method} ${path}: Authorization header "${auth.replace(/\s.*/, ' …')}" does not carry the token`);
      return reply(401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' });
    }
    const prefix = `/repos/${this.owner}/${this.repo}`;
    if (path === `${prefix}/code-scanning/sarifs`) {
      if (method !== 'POST') return reply(404, { message: 'Not Found' });
      return this.upload(req, body, auth, reply);
    }
    const status = new RegExp(`^${prefix}/code-scanning/sarifs/([^/]+)$`).exec(path);
    if (status && method === 'GET') return this.status(decodeURIComponent(status[1]!), reply);
    if (path === `${prefix}/code-scanning/alerts`) {
      if (method !== 'GET') return reply(404, { message: 'Not Found' });
      return this.listAlerts(url, reply);
    }
    const alert = new RegExp(`^${prefix}/code-scanning/alerts/([^/]+)$`).exec(path);
    if (alert && method === 'PATCH') return this.updateAlert(req, decodeURIComponent(alert[1]!), body, reply);
    const files = new RegExp(`^${prefix}/pulls/(\\d+)/files$`).exec(path);
    if (files && method === 'GET') {
      const list = this.pullFiles.get(Number(files[1]));
      if (!list) return reply(404, { message: 'Not Found' });
      const perPage = Math.min(100, Number(url.searchParams.get('per_page') ?? 30));
      const page = Number(url.searchParams.get('page') ?? 1);
      return reply(200, list.slice((page - 1) * perPage, page * perPage));
    }
    this.violations.push(`unexpected request ${method} ${path}`);
    return reply(404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' });
  }

  private upload(req: IncomingMessage, raw: Buffer, auth: string, reply: (s: number, d: unknown, h?: Record<string, string>) => void): void {
    const invalid = (what: string) => {
      this.violations.push(`upload: ${what}`);
      reply(422, { message: `Invalid request.\n\n${what}`, documentation_url: DOCS });
    };
    const body = jsonBody(req, raw, invalid, reply, DOCS);
    if (!body) return;
    for (const k of Object.keys(body)) if (!UPLOAD_FIELDS.has(k)) return invalid(`${k} is not a permitted key.`);
    for (const k of ['commit_sha', 'ref', 'sarif']) if (body[k] === undefined) return invalid(`"${k}" wasn't supplied.`);
    if (typeof body.commit_sha !== 'string' || !SHA_RE.test(body.commit_sha)) return invalid(`${JSON.stringify(body.commit_sha)} is not a valid commit_sha (40 hex characters).`);
    if (typeof body.ref !== 'string' || !REF_RE.test(body.ref)) return invalid(`${body.ref} does not match /^refs\\/(heads|tags|pull)\\/.*$/.`);
    if (body.checkout_uri !== undefined && (typeof body.checkout_uri !== 'string' || !body.checkout_uri.startsWith('file:///'))) return invalid(`checkout_uri ${body.checkout_uri} is not a file URI`);
    if (body.started_at !== undefined && (typeof body.started_at !== 'string' || !ISO_RE.test(body.started_at) || Number.isNaN(Date.parse(body.started_at)))) {
      return invalid(`started_at ${body.started_at} is not YYYY-MM-DDTHH:MM:SSZ`);
    }
    if (body.tool_name !== undefined && typeof body.tool_name !== 'string') return invalid('tool_name is not a string');
    if (typeof body.sarif !== 'string' || !/^[A-Za-z0-9+/]+={0,2}$/.test(body.sarif)) return invalid('sarif is not a base64 string');
    const gz = Buffer.from(body.sarif, 'base64');
    if (gz.length > 10 * 1024 * 1024) return reply(413, { message: 'Payload Too Large' });
    let text: string;
    try {
      text = gunzipSync(gz).toString('utf8');
    } catch {
      return invalid('sarif is not gzip-compressed');
    }
    let sarif: Sarif.Log;
    try {
      sarif = JSON.parse(text) as Sarif.Log;
    } catch {
      return reply(400, { message: 'rejecting SARIF: invalid JSON', documentation_url: DOCS });
    }
    const problems = checkSarif(sarif);
    if (problems.length) {
      this.violations.push(...problems.map((p) => `upload: SARIF: ${p}`));
      return reply(400, { message: `rejecting SARIF: ${problems.join('; ')}`, documentation_url: DOCS });
    }
    const id = `${String(this.nextId++).padStart(8, '0')}-fake-sarif-id`;
    this.uploads.push({ id, body, sarif, gzipBytes: gz.length, auth });
    reply(202, { id, url: `${this.url}/repos/${this.owner}/${this.repo}/code-scanning/sarifs/${id}` });
  }

  private status(id: string, reply: (s: number, d: unknown) => void): void {
    if (!this.uploads.some((u) => u.id === id)) return reply(404, { message: 'Not Found' });
    const n = this.polls.get(id) ?? 0;
    this.polls.set(id, n + 1);
    const step = this.processing[Math.min(n, this.processing.length - 1)] ?? 'complete';
    const analyses_url = `${this.url}/repos/${this.owner}/${this.repo}/code-scanning/analyses?sarif_id=${id}`;
    if (step === 'complete' && !this.processed.has(id)) {
      this.processed.add(id);
      this.makeAlerts(this.uploads.find((u) => u.id === id)!);
    }
    if (typeof step === 'object') return reply(200, { processing_status: 'failed', analyses_url, errors: step.failed });
    reply(200, { processing_status: step, analyses_url: step === 'complete' ? analyses_url : null, errors: null });
  }

  /** What code scanning does with a processed upload: an alert per result (suppressed or not), tracked by fingerprint. */
  private makeAlerts(up: UploadRecord): void {
    const ref = up.body.ref as string;
    const sha = up.body.commit_sha as string;
    this.analysedRefs.add(ref);
    for (const run of up.sarif.runs) {
      const tool = run.tool.driver.name;
      const category = alertCategory(run.automationDetails?.id);
      const rules = run.tool.driver.rules ?? [];
      const seen = new Set<FakeAlert>();
      for (const res of run.results ?? []) {
        const ruleId = res.ruleId ?? (res.ruleIndex !== undefined ? rules[res.ruleIndex]?.id : undefined);
        const phys = res.locations?.[0]?.physicalLocation;
        if (!ruleId || !phys?.artifactLocation?.uri) continue;
        const r = phys.region ?? {};
        const path = phys.artifactLocation.uri.split('/').map(decodeURIComponent).join('/');
        const startLine = r.startLine ?? 1;
        const location: AlertLocation = {
          path,
          start_line: startLine,
          end_line: r.endLine ?? startLine,
          start_column: r.startColumn ?? 1,
          end_column: r.endColumn ?? r.startColumn ?? 1,
        };
        const fingerprint = res.partialFingerprints?.primaryLocationLineHash ?? `${path}:${startLine}`;
        let alert = this.alerts.find((a) => a.tool === tool && a.category === category && a.ruleId === ruleId && a.fingerprint === fingerprint);
        if (!alert) {
          alert = { number: this.nextAlert++, tool, category, ruleId, fingerprint, state: 'open', dismissed_reason: null, dismissed_comment: null, dismissed_at: null, created_at: new Date().toISOString(), instances: new Map() };
          this.alerts.push(alert);
        }
        seen.add(alert);
        alert.instances.set(ref, {
          ref,
          analysis_key: `.github/workflows/launch-gate.yml:gate`,
          environment: '{}',
          category,
          commit_sha: sha,
          message: { text: res.message.text ?? '' },
          location,
          present: true,
        });
      }
      // Fixed on this ref: what this tool and category reported there before and no longer does.
      for (const a of this.alerts) {
        const inst = a.instances.get(ref);
        if (inst && a.tool === tool && a.category === category && !seen.has(a)) inst.present = false;
      }
    }
  }

  /** An alert made by another analysis (another category or tool), open, with an instance on `ref`. */
  seedAlert(a: { tool: string; category: string; ruleId: string; ref: string; path: string; line: number; state?: 'open' | 'dismissed'; dismissed_reason?: string; dismissed_comment?: string }): FakeAlert {
    const alert: FakeAlert = {
      number: this.nextAlert++,
      tool: a.tool,
      category: a.category,
      ruleId: a.ruleId,
      fingerprint: `${a.path}:${a.line}`,
      state: a.state ?? 'open',
      dismissed_reason: a.dismissed_reason ?? null,
      dismissed_comment: a.dismissed_comment ?? null,
      dismissed_at: a.state === 'dismissed' ? new Date().toISOString() : null,
      created_at: new Date().toISOString(),
      instances: new Map(),
    };
    alert.instances.set(a.ref, {
      ref: a.ref,
      analysis_key: '.github/workflows/other.yml:other',
      environment: '{}',
      category: a.category,
      commit_sha: '0'.repeat(40),
      message: { text: 'seeded' },
      location: { path: a.path, start_line: a.line, end_line: a.line, start_column: 1, end_column: 1 },
      present: true,
    });
    this.analysedRefs.add(a.ref);
    this.alerts.push(alert);
    return alert;
  }

  /** A person dismissing (or re-opening) an alert in the web UI. */
  setAlertState(number: number, state: 'open' | 'dismissed', reason: string | null = null, comment: string | null = null): void {
    const a = this.alerts.find((x) => x.number === number);
    if (!a) throw new Error(`no alert ${number}`);
    a.state = state;
    a.dismissed_reason = state === 'dismissed' ? reason : null;
    a.dismissed_comment = state === 'dismissed' ? comment : null;
    a.dismissed_at = state === 'dismissed' ? new Date().toISOString() : null;
  }

  /** The alert of `ruleId` whose instance on `ref` is at `path:line`. */
  alertAt(ref: string, ruleId: string, path: string, line: number, category?: string): FakeAlert | undefined {
    return this.alerts.find((a) => {
      const i = a.instances.get(ref);
      return a.ruleId === ruleId && i?.present && i.location.path === path && i.location.start_line === line && (category === undefined || a.category === category);
    });
  }

  private alertJson(a: FakeAlert, inst: AlertInstance): Record<string, unknown> {
    const url = `${this.url}/repos/${this.owner}/${this.repo}/code-scanning/alerts/${a.number}`;
    const state = a.state === 'dismissed' ? 'dismissed' : inst.present ? 'open' : 'fixed';
    return {
      number: a.number,
      created_at: a.created_at,
      updated_at: a.dismissed_at ?? a.created_at,
      url,
      html_url: `https://github.com/${this.owner}/${this.repo}/security/code-scanning/${a.number}`,
      instances_url: `${url}/instances`,
      state,
      fixed_at: state === 'fixed' ? a.created_at : null,
      dismissed_by: a.state === 'dismissed' ? { login: 'github-actions[bot]', id: 41898282, type: 'Bot' } : null,
      dismissed_at: a.dismissed_at,
      dismissed_reason: a.dismissed_reason,
      dismissed_comment: a.dismissed_comment,
      rule: { id: a.ruleId, name: a.ruleId, severity: 'warning', description: a.ruleId, tags: [] },
      tool: { name: a.tool, guid: null, version: '0.1.0' },
      most_recent_instance: { ...inst, present: undefined, state, classifications: [] },
    };
  }

  private listAlerts(url: URL, reply: (s: number, d: unknown, h?: Record<string, string>) => void): void {
    const invalid = (what: string) => {
      this.violations.push(`list alerts: ${what}`);
      reply(422, { message: `Invalid request.\n\n${what}`, documentation_url: ALERTS_DOCS });
    };
    const q = url.searchParams;
    for (const k of q.keys()) if (!LIST_PARAMS.has(k)) return invalid(`${k} is not a permitted query parameter.`);
    const state = q.get('state');
    if (state !== null && !ALERT_STATES.includes(state)) return invalid(`${state} is not a member of ${ALERT_STATES.join(', ')}.`);
    const sort = q.get('sort');
    if (sort !== null && !['created', 'updated', 'number'].includes(sort)) return invalid(`sort ${sort} is not one of created, updated.`);
    const direction = q.get('direction');
    if (direction !== null && !['asc', 'desc'].includes(direction)) return invalid(`direction ${direction} is not one of asc, desc.`);
    const perPage = Number(q.get('per_page') ?? 30);
    if (!Number.isInteger(perPage) || perPage < 1 || perPage > 100) return invalid(`per_page ${q.get('per_page')} is not an integer from 1 to 100.`);
    const page = Number(q.get('page') ?? 1);
    if (!Number.isInteger(page) || page < 1) return invalid(`page ${q.get('page')} is not a positive integer.`);
    if (q.has('tool_name') && q.has('tool_guid')) return invalid('tool_name and tool_guid cannot both be given.');
    const rawRef = q.get('ref');
    // The default branch without a ref; a bare branch name is refs/heads/<name>.
    const ref = rawRef === null ? 'refs/heads/main' : rawRef.startsWith('refs/') ? rawRef : `refs/heads/${rawRef}`;
    if (!this.analysedRefs.has(ref)) return reply(404, { message: 'no analysis found', documentation_url: ALERTS_DOCS });
    const tool = q.get('tool_name');
    let items = this.alerts
      .filter((a) => (tool === null || a.tool === tool) && a.instances.has(ref))
      .map((a) => this.alertJson(a, a.instances.get(ref)!))
      .filter((j) => state === null || (state === 'closed' ? j.state !== 'open' : j.state === state));
    items = items.sort((x, y) => (y.number as number) - (x.number as number));
    if (direction === 'asc') items.reverse();
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const link = (p: number, rel: string) => {
      const u = new URL(url.toString(), this.url);
      u.searchParams.set('page', String(p));
      return `<${this.url}${u.pathname}${u.search}>; rel="${rel}"`;
    };
    const links = [...(page < last ? [link(page + 1, 'next'), link(last, 'last')] : []), ...(page > 1 ? [link(1, 'first'), link(page - 1, 'prev')] : [])];
    reply(200, items.slice((page - 1) * perPage, page * perPage), links.length ? { link: links.join(', ') } : {});
  }

  private updateAlert(req: IncomingMessage, id: string, raw: Buffer, reply: (s: number, d: unknown) => void): void {
    const record = (status: number, body: Record<string, unknown>) => this.alertPatches.push({ number: Number(id), body, status });
    const invalid = (what: string, body: Record<string, unknown> = {}) => {
      this.violations.push(`update alert ${id}: ${what}`);
      record(422, body);
      reply(422, { message: `Invalid request.\n\n${what}`, documentation_url: UPDATE_DOCS });
    };
    if (!/^\d+$/.test(id)) return invalid(`alert_number ${id} is not an integer`);
    const body = jsonBody(req, raw, invalid, reply, UPDATE_DOCS);
    if (!body) return;
    for (const k of Object.keys(body)) if (!PATCH_FIELDS.has(k)) return invalid(`${k} is not a permitted key.`, body);
    if (body.state === undefined && body.assignees === undefined) return invalid('"state" wasn\'t supplied.', body);
    if (body.state !== undefined && body.state !== 'open' && body.state !== 'dismissed') return invalid(`${JSON.stringify(body.state)} is not a member of open, dismissed.`, body);
    if (body.state === 'dismissed') {
      if (body.dismissed_reason === undefined || body.dismissed_reason === null) return invalid('dismissed_reason is required when the state is dismissed.', body);
      if (typeof body.dismissed_reason !== 'string' || !DISMISSED_REASONS.includes(body.dismissed_reason)) {
        return invalid(`${JSON.stringify(body.dismissed_reason)} is not a member of ${DISMISSED_REASONS.map((r) => JSON.stringify(r)).join(', ')}.`, body);
      }
    }
    if (body.dismissed_comment !== undefined && body.dismissed_comment !== null) {
      if (typeof body.dismissed_comment !== 'string') return invalid('dismissed_comment is not a string.', body);
      if (Array.from(body.dismissed_comment).length > 280 || body.dismissed_comment.length > 280) return invalid(`dismissed_comment is longer than the maximum of 280 characters (${body.dismissed_comment.length}).`, body);
    }
    const alert = this.alerts.find((a) => a.number === Number(id));
    if (!alert) {
      record(404, body);
      return reply(404, { message: 'No alert found for alert number ' + id, documentation_url: UPDATE_DOCS });
    }
    if (body.state === 'dismissed' && alert.state === 'dismissed') {
      record(400, body);
      return reply(400, { message: 'Alert is already dismissed.', documentation_url: UPDATE_DOCS });
    }
    if (body.state === 'dismissed') this.setAlertState(alert.number, 'dismissed', body.dismissed_reason as string, (body.dismissed_comment as string | null | undefined) ?? null);
    else if (body.state === 'open') this.setAlertState(alert.number, 'open');
    record(200, body);
    const inst = [...alert.instances.values()].at(-1)!;
    reply(200, this.alertJson(alert, inst));
  }

  private twirp(req: IncomingMessage, method: string, raw: Buffer, reply: (s: number, d: unknown) => void): void {
    if (req.headers.authorization !== `Bearer ${this.runtimeToken}`) {
      this.violations.push(`twirp ${method}: no Bearer runtime token`);
      return reply(401, { code: 'unauthenticated', msg: 'unauthenticated' });
    }
    const body = JSON.parse(raw.toString('utf8') || '{}') as Record<string, unknown>;
    for (const k of ['workflow_run_backend_id', 'workflow_job_run_backend_id', 'name']) {
      if (typeof body[k] !== 'string' || body[k] === '') {
        this.violations.push(`twirp ${method}: ${k} missing`);
        return reply(400, { code: 'invalid_argument', msg: `${k} missing` });
      }
    }
    const name = body.name as string;
    if (method === 'CreateArtifact') {
      if (this.artifacts.some((a) => a.name === name)) return reply(409, { code: 'already_exists', msg: 'an artifact with this name already exists on the workflow run' });
      this.artifacts.push({
        name,
        workflowRunBackendId: body.workflow_run_backend_id as string,
        workflowJobRunBackendId: body.workflow_job_run_backend_id as string,
        files: new Map(),
        finalized: false,
      });
      return reply(200, { ok: true, signed_upload_url: `${this.url}/blob/${encodeURIComponent(name)}?sig=fakesig&sv=2023-11-03` });
    }
    if (method === 'FinalizeArtifact') {
      const a = this.artifacts.find((x) => x.name === name);
      if (!a) return reply(404, { code: 'not_found', msg: 'artifact not found' });
      a.finalized = true;
      return reply(200, { ok: true, artifact_id: String(1000 + this.artifacts.indexOf(a)) });
    }
    this.violations.push(`twirp: unexpected method ${method}`);
    reply(404, { code: 'bad_route', msg: method });
  }

  private blob(method: string, url: URL, body: Buffer, reply: (s: number, d: unknown, h?: Record<string, string>) => void): void {
    const name = decodeURIComponent(url.pathname.slice('/blob/'.length));
    const a = this.artifacts.find((x) => x.name === name);
    if (!a || url.searchParams.get('sig') !== 'fakesig') {
      this.violations.push(`blob ${method} ${url.pathname}: no such artifact or no signature`);
      return reply(403, { message: 'AuthenticationFailed' });
    }
    const headers = { etag: '"0x1"', 'last-modified': new Date().toUTCString(), 'x-ms-request-id': 'fake', 'x-ms-version': '2023-11-03', 'content-length': '0' };
    const comp = url.searchParams.get('comp');
    if (method === 'PUT' && comp === 'block') {
      this.blocks.set(`${name}\0${url.searchParams.get('blockid')}`, body);
      return replyEmpty(reply, 201, headers);
    }
    if (method === 'PUT' && comp === 'blocklist') {
      const ids = [...body.toString('utf8').matchAll(/<(?:Latest|Uncommitted|Committed)>([^<]+)<\//g)].map((m) => m[1]!);
      const zip = Buffer.concat(ids.map((id) => this.blocks.get(`${name}\0${id}`) ?? Buffer.alloc(0)));
      a.files = unzip(zip);
      return replyEmpty(reply, 201, headers);
    }
    if (method === 'PUT' && !comp) {
      a.files = unzip(body);
      return replyEmpty(reply, 201, headers);
    }
    this.violations.push(`blob: unexpected ${method} ${url.search}`);
    reply(400, { message: 'unsupported' });
  }
}

/** A request's JSON object body; undefined once answered as GitHub does (422 for another content type or not an object, 400 for bad JSON). */
function jsonBody(req: IncomingMessage, raw: Buffer, invalid: (what: string) => void, reply: (s: number, d: unknown) => void, docs: string): Record<string, unknown> | undefined {
  if (!/^application\/json/.test(req.headers['content-type'] ?? '')) {
    invalid(`content-type ${req.headers['content-type']} is not application/json`);
    return undefined;
  }
  let body: unknown;
  try {
    body = JSON.parse(raw.toString('utf8'));
  } catch {
    reply(400, { message: 'Problems parsing JSON', documentation_url: docs });
    return undefined;
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    invalid('the body is not a JSON object');
    return undefined;
  }
  return body as Record<string, unknown>;
}

function replyEmpty(reply: (s: number, d: unknown, h?: Record<string, string>) => void, status: number, headers: Record<string, string>): void {
  reply(status, undefined, headers);
}

function send(res: ServerResponse, status: number, data: unknown, headers: Record<string, string> = {}): void {
  if (data === undefined) {
    res.writeHead(status, { ...headers, 'content-length': '0' });
    res.end();
    return;
  }
  const text = JSON.stringify(data);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(text)), ...headers });
  res.end(text);
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

function statusText(status: number): string {
  return { 400: 'Bad Request', 403: 'Forbidden', 404: 'Not Found', 422: 'Unprocessable Entity', 429: 'Too Many Requests', 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable' }[status] ?? `HTTP ${status}`;
}

/** Code scanning's category of a run: automationDetails.id up to its last `/` ('' without one). */
export function alertCategory(id: string | undefined): string {
  if (!id) return '';
  const cut = id.lastIndexOf('/');
  return cut < 0 ? '' : id.slice(0, cut);
}

/** What code scanning checks before it accepts a SARIF upload (structure and hard limits). */
export function checkSarif(sarif: Sarif.Log): string[] {
  const p: string[] = [];
  if (!sarif || typeof sarif !== 'object') return ['not a JSON object'];
  if (sarif.version !== '2.1.0') p.push(`version ${JSON.stringify(sarif.version)} is not 2.1.0`);
  if (!Array.isArray(sarif.runs) || sarif.runs.length === 0) return [...p, 'no runs'];
  if (sarif.runs.length > 20) p.push(`${sarif.runs.length} runs (at most 20)`);
  sarif.runs.forEach((run, r) => {
    if (!run.tool?.driver?.name) p.push(`run ${r}: no tool.driver.name`);
    if (!Array.isArray(run.results)) return p.push(`run ${r}: no results array`);
    if (run.results.length > 25_000) p.push(`run ${r}: ${run.results.length} results (at most 25000)`);
    const rules = run.tool?.driver?.rules ?? [];
    if (rules.length > 25_000) p.push(`run ${r}: ${rules.length} rules`);
    for (const rule of rules) {
      const tags = rule.properties?.tags ?? [];
      if (tags.length > 20) p.push(`rule ${rule.id}: ${tags.length} tags (at most 20)`);
      const sev = rule.properties?.['security-severity'];
      if (sev !== undefined && !Number.isFinite(Number(sev))) p.push(`could not convert rules: invalid security severity value, is not a number: ${sev}`);
    }
    run.results.forEach((res, i) => {
      const uri = res.locations?.[0]?.physicalLocation?.artifactLocation?.uri;
      if (!uri) p.push(`locationFromSarifResult: expected artifact location (run ${r} result ${i})`);
      if ((res.locations?.length ?? 0) > 1000) p.push(`run ${r} result ${i}: more than 1000 locations`);
      if (res.ruleIndex !== undefined && (res.ruleIndex < 0 || res.ruleIndex >= rules.length)) p.push(`run ${r} result ${i}: ruleIndex out of range`);
    });
  });
  return p;
}

/** Files of a zip archive (central directory; stored or deflated entries). */
export function unzip(buf: Buffer): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return files;
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) break;
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    const lNameLen = buf.readUInt16LE(local + 26);
    const lExtraLen = buf.readUInt16LE(local + 28);
    const start = local + 30 + lNameLen + lExtraLen;
    const data = buf.subarray(start, start + size);
    files.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return files;
}

/** An unsigned JWT like the runner's ACTIONS_RUNTIME_TOKEN (the artifact client only decodes its scope). */
function fakeRuntimeToken(): string {
  const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ scp: 'Actions.GenericRead:00000000-0000-0000-0000-000000000000 Actions.Results:ce7f54c7-61c7-4aae-887f-30da475f5f1a:ca395085-040a-526b-2ce8-bdc85f692774' })}.c2ln`;
}
