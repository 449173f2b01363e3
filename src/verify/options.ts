/**
 * verify's inputs, as both entries read them (CLI flags, action inputs): parsed and checked once, a bad value a
 * UsageError naming its source (`URL`, `--retries`, `input url`…). Requests only ever go to the host the user
 * named: --http-url, --static-path and --login-path must stay on it.
 */
import { UsageError } from '../errors';

export const MAX_RETRIES = 30;
export const DEFAULT_LOGIN_PATH = 'accounts/login/';

export interface VerifyInput {
  url: string;
  httpUrl?: string;
  insecure?: boolean;
  staticPath?: string;
  loginPath?: string;
  retries?: number;
}

/** What verify requests, resolved: every URL on the one host the user named. */
export interface VerifyTarget {
  /** The HTTPS page checked (the home page). */
  url: URL;
  /** Its folder: where admin/, accounts/login/, static/ and the random 404 path are resolved. */
  root: URL;
  httpUrl: URL;
  insecure: boolean;
  staticUrl?: URL;
  loginUrl: URL;
  retries: number;
}

function parseUrl(value: string, source: string): URL {
  const text = value.trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`${source}: "${text.slice(0, 80)}" is not a URL — give the site's address, e.g. https://example.com/`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new UsageError(`${source}: ${url.protocol}// is not http:// or https:// — give the site's address, e.g. https://example.com/`);
  if (!url.hostname) throw new UsageError(`${source}: "${text.slice(0, 80)}" names no host — e.g. https://example.com/`);
  if (url.username || url.password) throw new UsageError(`${source}: the URL holds a user name or password — verify checks the public site; give it without credentials`);
  url.hash = '';
  return url;
}

/** The site URL. An http:// URL is checked as its HTTPS twin on port 443 (the http:// one is then the HTTP side). */
export function parseSiteUrl(value: string, source = 'URL'): URL {
  return parseUrl(value, source);
}

/** --retries: a whole number from 0 to MAX_RETRIES. */
export function parseRetries(value: string, source = '--retries'): number {
  const v = value.trim();
  if (!/^\d+$/.test(v) || Number(v) > MAX_RETRIES) throw new UsageError(`${source}: "${value}" is not a whole number from 0 to ${MAX_RETRIES} — e.g. 5 while a new release warms up`);
  return Number(v);
}

/** A path on the site (`/static/app.css`, `static/app.css`) or a URL on its host; relative paths resolve against the site's folder. */
function onSite(value: string, source: string, target: { url: URL; root: URL }): URL {
  const text = value.trim();
  if (text === '') throw new UsageError(`${source} is empty — give a path on the site, e.g. /static/site.css`);
  let url: URL;
  if (/^[a-z][a-z0-9+.-]*:/i.test(text)) url = parseUrl(text, source);
  else {
    try {
      url = new URL(text, text.startsWith('/') ? target.url.origin : target.root);
    } catch {
      throw new UsageError(`${source}: "${text.slice(0, 80)}" is not a path — e.g. /static/site.css`);
    }
  }
  if (url.host !== target.url.host || url.protocol !== target.url.protocol) {
    throw new UsageError(`${source}: ${url.href} is not on ${target.url.origin} — verify requests only the site it was given`);
  }
  url.hash = '';
  return url;
}

export function resolveTarget(input: VerifyInput, sources: { url?: string; httpUrl?: string; staticPath?: string; loginPath?: string } = {}): VerifyTarget {
  const given = parseSiteUrl(input.url, sources.url ?? 'URL');
  let url = given;
  let httpUrl: URL | undefined;
  if (given.protocol === 'http:') {
    httpUrl = given;
    url = new URL(given.href);
    url.protocol = 'https:';
    url.port = '';
  }
  if (input.httpUrl !== undefined) {
    const source = sources.httpUrl ?? '--http-url';
    const h = parseUrl(input.httpUrl, source);
    if (h.protocol !== 'http:') throw new UsageError(`${source}: ${h.href} is not an http:// URL — it names where the plain-HTTP side answers, e.g. http://${url.hostname}:8080/`);
    if (h.hostname.toLowerCase() !== url.hostname.toLowerCase()) throw new UsageError(`${source}: ${h.hostname} is not ${url.hostname} — the HTTP side must be the same host`);
    httpUrl = h;
  }
  if (!httpUrl) {
    httpUrl = new URL(url.href);
    httpUrl.protocol = 'http:';
    httpUrl.port = '';
  }
  const root = new URL('./', url);
  const site = { url, root };
  return {
    url,
    root,
    httpUrl,
    insecure: input.insecure === true,
    ...(input.staticPath !== undefined ? { staticUrl: onSite(input.staticPath, sources.staticPath ?? '--static-path', site) } : {}),
    loginUrl: onSite(input.loginPath ?? DEFAULT_LOGIN_PATH, sources.loginPath ?? '--login-path', site),
    retries: input.retries ?? 0,
  };
}
