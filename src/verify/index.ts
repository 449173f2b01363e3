/**
 * `verify URL`: the live site checked the way a browser and an attacker see it, reported through the same
 * Report and reporters as the scan. One gate (`verify`), one checklist item (`live-site`); each finding's
 * location is the URL path it is about, on the site's origin (Report.root), with Report.site describing the
 * site, the certificate and every request made.
 *
 *   inputs → resolveTarget (options.ts) → collect (collect.ts, through client.ts) → LIVE_CHECKS (pure) → Report
 */
import { compareFindings, VERIFY_GATE, type CertificateInfo, type ChecklistStatus, type FailOn, type Finding, type GateResult, type Report, type SiteInfo, type SiteRequest } from '../finding';
import { oneLine, PROG } from '../errors';
import { TOOL } from '../version';
import { VERIFY_RULES, LIVE_CHECKS } from './checks/index';
import { NodeHttpClient, type HttpClient } from './client';
import { collect, type CollectOptions } from './collect';
import { resolveTarget, type VerifyInput, type VerifyTarget } from './options';
import { describeChain, headerValues, type Chain, type Exchange, type Observations } from './types';

export { VERIFY_RULES } from './checks/index';
export { parseRetries, parseSiteUrl, resolveTarget, type VerifyInput, type VerifyTarget } from './options';

export interface VerifyOptions extends VerifyInput {
  failOn?: FailOn;
  /** Environment: NODE_EXTRA_CA_CERTS (extra trusted CAs), DLG_VERIFY_BACKOFF_MS (comma-separated waits, for tests). */
  env?: Record<string, string | undefined>;
}

export interface VerifyDeps extends CollectOptions {
  client?: HttpClient;
  now?: () => Date;
}

export interface VerifyRun {
  report: Report;
  secrets: Set<string>;
}

/**
 * The one line both entries show when the site could not be checked at all (the verify gate errored):
 * `django-launch-gate: https://… could not be reached: ECONNREFUSED … — check the URL and that the site is up`.
 */
export function siteUnreachable(report: Report): string {
  const why = report.gates.filter((g) => g.status === 'error').map((g) => g.detail ?? 'unknown reason').join('; ');
  return `${PROG}: ${oneLine(why)} — check the URL and that the site is up; a site that could not be checked never counts as passing`;
}

/** Waits between warm-up attempts from DLG_VERIFY_BACKOFF_MS (`100,200`), else the defaults. */
export function backoffFromEnv(env: Record<string, string | undefined>): number[] | undefined {
  const v = env.DLG_VERIFY_BACKOFF_MS;
  if (!v) return undefined;
  const ms = v.split(',').map((s) => Number(s.trim()));
  return ms.length && ms.every((n) => Number.isFinite(n) && n >= 0) ? ms : undefined;
}

function request(ex: Exchange): SiteRequest {
  const location = headerValues(ex, 'location')[0];
  return {
    purpose: ex.purpose,
    method: 'GET',
    url: ex.url,
    ...(ex.hostHeader ? { hostHeader: ex.hostHeader } : {}),
    ...(ex.status !== undefined ? { status: ex.status } : {}),
    ...(location !== undefined ? { location } : {}),
    ...(ex.error ? { error: ex.error.code } : {}),
    ms: ex.ms,
  };
}

function allRequests(obs: Observations): SiteRequest[] {
  const chains: Array<Chain | undefined> = [obs.home, obs.http, obs.login, obs.notFound];
  const out: Exchange[] = chains.flatMap((c) => c?.hops ?? []);
  if (obs.badHost) out.push(obs.badHost);
  if (obs.admin) out.push(obs.admin);
  if (obs.static) out.push(...obs.static.chain.hops);
  return out.map(request);
}

function certificateLine(cert: CertificateInfo, insecure: boolean): string {
  const state = cert.verified ? 'verifies' : insecure ? `does NOT verify (${cert.error}) — accepted because of --insecure` : `does not verify (${cert.error})`;
  return `certificate ${cert.subject || '(no subject)'}, issued by ${cert.issuer || '(unknown)'}, valid until ${cert.validTo.slice(0, 10)} (${cert.daysLeft} days left)${cert.protocol ? `, ${cert.protocol}` : ''}: ${state}`;
}

/** The gate's detail: the certificate, each redirect chain hop by hop, and what could not be checked. */
function detail(obs: Observations, notChecked: string[]): string {
  const lines = [certificateLine(obs.certificate, obs.insecure)];
  if (obs.warmup.retries) lines.push(`warm-up: answered after ${obs.warmup.retries} retr${obs.warmup.retries === 1 ? 'y' : 'ies'} (${Math.round(obs.warmup.waitedMs / 1000)} s; before: ${obs.warmup.last})`);
  const show = (label: string, chain: Chain | undefined) => {
    if (chain && chain.hops.length) lines.push(`${label}: ${describeChain(chain)}`);
  };
  show('home', obs.home);
  show('http', obs.http);
  show('login', obs.login);
  show('404 probe', obs.notFound);
  if (obs.badHost) lines.push(`bogus Host ${obs.badHost.hostHeader}: ${obs.badHost.error ? `closed without an answer (${obs.badHost.error.code})` : obs.badHost.status}`);
  if (obs.admin) lines.push(`admin: ${describeChain({ start: obs.admin.url, hops: [obs.admin], end: 'answer' })}`);
  if (obs.static) show(`static (${obs.static.source})`, obs.static.chain);
  for (const n of notChecked) lines.push(`not checked: ${n}`);
  return lines.join('\n');
}

function checklist(findings: readonly Finding[], notChecked: string[], notApplicable: string[], unreachable?: string): ChecklistStatus {
  if (unreachable) return { item: 'live-site', status: 'not-checked', reason: 'the site could not be reached' };
  if (findings.length) return { item: 'live-site', status: 'findings' };
  if (notChecked.length) return { item: 'live-site', status: 'not-checked', reason: notChecked.join('; ') };
  return { item: 'live-site', status: 'pass', ...(notApplicable.length ? { reason: notApplicable.join('; ') } : {}) };
}

/** The Report for a site: judged from Observations (pure). */
export function siteReport(target: VerifyTarget, obs: Observations | { unreachable: string }, failOn: FailOn, durationMs: number, now: Date): Report {
  const site: SiteInfo = { url: target.url.href, httpUrl: target.httpUrl.href, insecure: target.insecure, requests: [] };
  const base = { tool: { ...TOOL }, root: target.url.origin, site, projects: [], rules: [...VERIFY_RULES], failOn };
  if ('unreachable' in obs) {
    const gate: GateResult = { gate: VERIFY_GATE, status: 'error', durationMs, detail: obs.unreachable, findings: [] };
    return { ...base, gates: [gate], findings: [], checklist: [checklist([], [], [], obs.unreachable)] };
  }
  site.certificate = obs.certificate;
  site.requests = allRequests(obs);
  const findings: Finding[] = [];
  const notChecked: string[] = [];
  const notApplicable: string[] = [];
  for (const check of LIVE_CHECKS) {
    const out = check.check(obs, now);
    for (const hit of out.hits) {
      const rule = VERIFY_RULES.find((r) => r.id === hit.ruleId)!;
      findings.push({ ruleId: hit.ruleId, gate: VERIFY_GATE, level: rule.level, message: hit.message, location: { file: hit.path, line: 1 }, ...(hit.fix ? { fix: hit.fix } : {}) });
    }
    if (out.notChecked) notChecked.push(`${check.name}: ${out.notChecked}`);
    if (out.notApplicable) notApplicable.push(`${check.name}: ${out.notApplicable}`);
  }
  findings.sort(compareFindings);
  const gate: GateResult = {
    gate: VERIFY_GATE,
    status: findings.some((f) => f.level !== 'note') ? 'failed' : 'passed',
    durationMs,
    detail: detail(obs, notChecked),
    findings,
  };
  return { ...base, gates: [gate], findings, checklist: [checklist(findings, notChecked, notApplicable)] };
}

/**
 * Check the live site. Bad input (a malformed URL, a non-http(s) scheme, --retries out of range, a path off the
 * site) throws UsageError; a site that cannot be reached at all is a gate error in the report (exit 2), never
 * a pass.
 */
export async function verify(options: VerifyOptions, deps: VerifyDeps = {}): Promise<VerifyRun> {
  const target = resolveTarget(options);
  const env = options.env ?? process.env;
  const now = deps.now ?? (() => new Date());
  const client = deps.client ?? new NodeHttpClient({ insecure: target.insecure, env, now });
  const started = performance.now();
  const obs = await collect(client, target, { backoffMs: deps.backoffMs ?? backoffFromEnv(env), sleep: deps.sleep, random: deps.random });
  return { report: siteReport(target, obs, options.failOn ?? 'error', performance.now() - started, now()), secrets: new Set() };
}
