/**
 * What verify records about a live site (Observations) and what its checks return. The HTTP client
 * (client.ts) and the crawl (collect.ts) fill an Observations; the checks (checks/*.ts) are pure functions of it.
 */
import type { CertificateInfo, RuleMeta } from '../finding';

/** One request and its answer (or why there was none). Redirects are never followed here: each hop is one Exchange. */
export interface Exchange {
  /** What it was for: `home`, `http`, `not-found`, `bogus-host`, `login`, `manifest`, `static`, `admin`. */
  purpose: string;
  url: string;
  /** The Host header sent when it is not the URL's own (the bogus-Host probe). */
  hostHeader?: string;
  status?: number;
  statusText?: string;
  /** Response headers in the order received, names in lower case; a header sent twice is here twice. */
  headers: Array<[string, string]>;
  /** The body (decompressed, UTF-8), at most MAX_BODY_BYTES of it. */
  body: string;
  bodyTruncated: boolean;
  /** No answer: the error code (ECONNREFUSED, ETIMEDOUT, ECONNRESET, CERT_HAS_EXPIRED…) and Node's message. */
  error?: { code: string; message: string };
  ms: number;
}

/**
 * How a redirect chain ended. answer: the last hop is a real answer (not a redirect); no-answer: the last hop
 * got none; loop: a URL came back; too-many: more than MAX_REDIRECTS redirects; off-host: the next hop is on
 * another host (not requested); not-followed: the next hop is HTTPS and the certificate does not verify.
 */
export type ChainEnd = 'answer' | 'no-answer' | 'loop' | 'too-many' | 'off-host' | 'not-followed';

export interface Chain {
  start: string;
  hops: Exchange[];
  end: ChainEnd;
  /** off-host, not-followed, loop, too-many: the Location that was not requested. */
  next?: string;
}

/** How the static file was found: --static-path, an entry of staticfiles.json, or a stylesheet/script the home page links. */
export interface StaticProbe {
  how: 'option' | 'manifest' | 'link';
  /** Where it came from, for the message: `--static-path`, `/static/staticfiles.json (css/site.css)`, `the home page`. */
  source: string;
  chain: Chain;
}

export interface Observations {
  /** The HTTPS page checked (the home page). */
  url: URL;
  /** The folder of url: where the default paths (admin/, accounts/login/, static/, the random 404) are resolved. */
  root: URL;
  httpUrl: URL;
  insecure: boolean;
  certificate: CertificateInfo;
  /**
   * Set when no HTTPS request was made: the certificate does not verify and --insecure was not given (a browser
   * stops there too). Only the HTTP side and the certificate are judged then.
   */
  httpsSkipped?: string;
  http: Chain;
  home?: Chain;
  loginPath: string;
  login?: Chain;
  notFound?: Chain;
  badHost?: Exchange;
  admin?: Exchange;
  /** undefined with staticMissing set: no static file could be found to check. */
  static?: StaticProbe;
  staticMissing?: string;
  /** How long the warm-up waited, and how many retries it used. */
  warmup: { retries: number; waitedMs: number; last?: string };
}

/** A finding a check makes: the rule, the URL path it is about, what is wrong there, and (sometimes) its own fix. */
export interface VerifyHit {
  ruleId: string;
  /** The URL path checked, e.g. `/` or `/static/site.css` (its origin is the site's). */
  path: string;
  message: string;
  fix?: string;
}

export interface CheckOutcome {
  hits: VerifyHit[];
  /** The check could not look (a page never answered): why. Never a pass. */
  notChecked?: string;
  /** There was nothing to look at (no page set a session or CSRF cookie): why. */
  notApplicable?: string;
}

/** One of the nine checks: its rules (one ID per level of trouble) and a pure function over what was recorded. */
export interface LiveCheck {
  /** Short name for details and reasons, e.g. `HTTP → HTTPS redirect`. */
  name: string;
  rules: RuleMeta[];
  check(obs: Observations, now: Date): CheckOutcome;
}

/** The final answer of a chain, when it ended in one. */
export function finalAnswer(chain: Chain | undefined): Exchange | undefined {
  return chain?.end === 'answer' ? chain.hops[chain.hops.length - 1] : undefined;
}

/** Every value of a response header (name in any case), in order. */
export function headerValues(ex: Exchange, name: string): string[] {
  const n = name.toLowerCase();
  return ex.headers.filter(([k]) => k === n).map(([, v]) => v);
}

/** The URL path (and query) of a URL string, as a finding's location: `/`, `/static/app.css`. */
export function pathOf(url: string): string {
  try {
    const u = new URL(url);
    return `${u.pathname}${u.search}`;
  } catch {
    return url;
  }
}

export function isRedirect(status: number | undefined): boolean {
  return status === 301 || status === 302 || status === 303 || status === 307 || status === 308;
}

/** `200 OK`, `301 → https://…`, or the error, for messages. */
export function answerText(ex: Exchange): string {
  if (ex.error) return `no answer (${ex.error.code})`;
  const location = headerValues(ex, 'location')[0];
  return `${ex.status}${ex.statusText ? ` ${ex.statusText}` : ''}${location !== undefined && isRedirect(ex.status) ? ` → ${location}` : ''}`;
}

/** The chain hop by hop: `https://x/ 301 → https://x/a/ 200`, for details and messages. */
export function describeChain(chain: Chain): string {
  const parts: string[] = [];
  chain.hops.forEach((h, i) => {
    if (i === 0) parts.push(h.url);
    else parts.push(`→ ${h.url}`);
    parts.push(h.error ? `no answer (${h.error.code})` : String(h.status));
  });
  if (chain.end === 'loop') parts.push(`→ ${chain.next} (again: a loop)`);
  if (chain.end === 'too-many') parts.push(`→ ${chain.next} (more than 5 redirects, not followed)`);
  if (chain.end === 'off-host') parts.push(`→ ${chain.next} (another host, not followed)`);
  if (chain.end === 'not-followed') parts.push(`→ ${chain.next} (not followed: the certificate does not verify)`);
  return parts.join(' ');
}
