/**
 * What verify asks the site, in order, through an HttpClient (client.ts; tests pass a fake): wait for the
 * HTTPS page while a new release warms up (retries with backoff), read the certificate, follow redirect
 * chains hop by hop on the user's host only, then the probes the checks read — the login page, a random path
 * that does not exist, a bogus Host header, `admin/`, a static file. The result is an Observations; every
 * judgement is the checks'.
 */
import { randomBytes } from 'node:crypto';
import type { CertificateInfo } from '../finding';
import type { HttpClient } from './client';
import type { VerifyTarget } from './options';
import { linkedAssets, manifestEntry, mediaType } from './parse';
import { answerText, finalAnswer, headerValues, isRedirect, type Chain, type Exchange, type Observations, type StaticProbe } from './types';

/** At most this many redirects in a chain ("no redirect loop (≤ 5 hops)"). */
export const MAX_REDIRECTS = 5;
/** Waits between warm-up attempts: 2, 4, 8, 16 s, then 30 s each. */
export const DEFAULT_BACKOFF_MS = [2_000, 4_000, 8_000, 16_000, 30_000];
/** Answers that mean "not up yet" while a release warms up; any other answer is a real one. */
export const WARMING_STATUSES = [502, 503, 504];
export const RETRIED_ERRORS = ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ECONNABORTED', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN'];

export interface CollectOptions {
  backoffMs?: readonly number[];
  sleep?: (ms: number) => Promise<void>;
  /** The random part of the 404 path and the bogus host (tests fix it). */
  random?: () => string;
}

/** The site could not be checked at all: why, in one line. */
export interface Unreachable {
  unreachable: string;
}

function wait(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

function sameHost(a: URL, b: URL): boolean {
  return a.hostname.toLowerCase() === b.hostname.toLowerCase();
}

/** Follow redirects from a first answer, hop by hop, on the site's host only (and over HTTPS only when its certificate may be used). */
async function follow(client: HttpClient, first: Exchange, purpose: string, target: VerifyTarget, httpsOk: boolean): Promise<Chain> {
  const hops: Exchange[] = [first];
  const seen = new Set([first.url]);
  for (;;) {
    const last = hops[hops.length - 1];
    if (last.error) return { start: first.url, hops, end: 'no-answer' };
    const location = headerValues(last, 'location')[0];
    if (!isRedirect(last.status) || location === undefined) return { start: first.url, hops, end: 'answer' };
    let next: URL;
    try {
      next = new URL(location, last.url);
    } catch {
      return { start: first.url, hops, end: 'answer' };
    }
    next.hash = '';
    if ((next.protocol !== 'http:' && next.protocol !== 'https:') || !sameHost(next, target.url)) return { start: first.url, hops, end: 'off-host', next: next.href };
    if (seen.has(next.href)) return { start: first.url, hops, end: 'loop', next: next.href };
    if (hops.length > MAX_REDIRECTS) return { start: first.url, hops, end: 'too-many', next: next.href };
    if (next.protocol === 'https:' && !httpsOk) return { start: first.url, hops, end: 'not-followed', next: next.href };
    seen.add(next.href);
    hops.push(await client.get(next, { purpose }));
  }
}

async function chain(client: HttpClient, url: URL, purpose: string, target: VerifyTarget, httpsOk: boolean): Promise<Chain> {
  return follow(client, await client.get(url, { purpose }), purpose, target, httpsOk);
}

function retryable(ex: { error?: { code: string }; status?: number }): boolean {
  return ex.error ? RETRIED_ERRORS.includes(ex.error.code) : WARMING_STATUSES.includes(ex.status ?? 0);
}

/** Where a static file to check comes from (see checks/static.ts). */
async function findStatic(client: HttpClient, target: VerifyTarget, home: Exchange | undefined): Promise<{ probe?: StaticProbe; missing?: string }> {
  if (target.staticUrl) return { probe: { how: 'option', source: '--static-path', chain: await chain(client, target.staticUrl, 'static', target, true) } };
  const html = home && /html/i.test(mediaType(headerValues(home, 'content-type')[0]) ?? '') ? home.body : '';
  const assets = html ? linkedAssets(html, home!.url).filter((u) => sameHost(u, target.url)) : [];
  // STATIC_URL: static/ (Django's convention), or the top folder of what the page links (/assets/…).
  const prefixes = [new URL('static/', target.root).href];
  for (const a of assets) {
    const top = /^\/[^/]+\//.exec(a.pathname)?.[0];
    if (top) prefixes.push(new URL(top, target.url.origin).href);
  }
  for (const prefix of [...new Set(prefixes)].slice(0, 3)) {
    const manifestUrl = new URL('staticfiles.json', prefix);
    const ex = await client.get(manifestUrl, { purpose: 'manifest' });
    const entry = ex.status === 200 ? manifestEntry(ex.body) : undefined;
    if (!entry) continue;
    const file = new URL(entry.stored.split('/').map(encodeURIComponent).join('/'), prefix);
    return { probe: { how: 'manifest', source: `entry ${entry.name} of ${new URL(manifestUrl).pathname}`, chain: await chain(client, file, 'static', target, true) } };
  }
  if (assets.length > 0) return { probe: { how: 'link', source: 'linked by the home page', chain: await chain(client, assets[0], 'static', target, true) } };
  return {
    missing: `no static file found: no staticfiles.json at ${new URL('static/', target.root).pathname}${html ? ' and the home page links no stylesheet or script on this host' : ' and the home page is not HTML'} — name one with --static-path`,
  };
}

export async function collect(client: HttpClient, target: VerifyTarget, opts: CollectOptions = {}): Promise<Observations | Unreachable> {
  const backoff = opts.backoffMs?.length ? opts.backoffMs : DEFAULT_BACKOFF_MS;
  const sleep = opts.sleep ?? wait;
  const random = opts.random ?? (() => randomBytes(6).toString('hex'));

  // Warm-up: the certificate and the HTTPS page, retried while the answer is "not up yet".
  let certificate: CertificateInfo | undefined;
  let first: Exchange | undefined;
  let problem = '';
  let retried = '';
  let retries = 0;
  let waitedMs = 0;
  for (let attempt = 0; ; attempt++) {
    const probe = await client.tlsProbe(target.url);
    first = undefined;
    if (probe.certificate) {
      certificate = probe.certificate;
      if (!certificate.verified && !target.insecure) break; // a browser stops here; so do we
      first = await client.get(target.url, { purpose: 'home' });
      problem = first.error ? `${first.error.code} (${first.error.message})` : `it answers ${answerText(first)}`;
      if (!retryable(first)) break;
    } else {
      certificate = undefined;
      problem = `${probe.error?.code ?? 'no TLS handshake'} (${probe.error?.message ?? ''})`;
      if (!probe.error || !RETRIED_ERRORS.includes(probe.error.code)) break;
    }
    if (attempt >= target.retries) break;
    retried = problem;
    const delay = backoff[Math.min(attempt, backoff.length - 1)];
    await sleep(delay);
    retries++;
    waitedMs += delay;
  }
  const after = retries ? ` after ${retries} retr${retries === 1 ? 'y' : 'ies'} over ${Math.round(waitedMs / 1000)} s` : '';
  if (!certificate) return { unreachable: `${target.url.href} could not be reached: ${problem}${after}` };
  if (first && (first.error || retryable(first))) return { unreachable: `${target.url.href} is not up: ${problem}${after}` };

  const httpsOk = certificate.verified || target.insecure;
  const httpsSkipped = httpsOk ? undefined : `the certificate does not verify (${certificate.error}): no HTTPS page was requested`;
  const obs: Observations = {
    url: target.url,
    root: target.root,
    httpUrl: target.httpUrl,
    insecure: target.insecure,
    certificate,
    ...(httpsSkipped ? { httpsSkipped } : {}),
    http: { start: target.httpUrl.href, hops: [], end: 'no-answer' },
    loginPath: target.loginUrl.pathname,
    warmup: { retries, waitedMs, ...(retries ? { last: retried } : {}) },
  };
  if (first) {
    obs.home = await follow(client, first, 'home', target, httpsOk);
    if (obs.home.end === 'off-host') {
      return { unreachable: `${target.url.href} redirects to ${obs.home.next}, another host — verify checks one host: give it that URL` };
    }
  }
  obs.http = await chain(client, target.httpUrl, 'http', target, httpsOk);
  if (!httpsOk) return obs;

  obs.login = await chain(client, target.loginUrl, 'login', target, true);
  const token = random();
  obs.notFound = await chain(client, new URL(`dlg-404-${token}/`, target.root), 'not-found', target, true);
  obs.badHost = await client.get(target.url, { purpose: 'bogus-host', hostHeader: `dlg-${token}.invalid` });
  obs.admin = await client.get(new URL('admin/', target.root), { purpose: 'admin' });
  const found = await findStatic(client, target, finalAnswer(obs.home));
  if (found.probe) obs.static = found.probe;
  else obs.staticMissing = found.missing;
  return obs;
}
