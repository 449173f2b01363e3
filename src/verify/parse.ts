/**
 * Readers of what a site sends: Strict-Transport-Security (RFC 6797 §6.1), Set-Cookie (RFC 6265 §5.2),
 * Content-Security-Policy (CSP 3 §2.2), Referrer-Policy, Content-Type, and the stylesheets/scripts a page links.
 * Pure functions over strings. Each grammar is a few lines; no dependency of this package parses them.
 */

export interface Hsts {
  maxAge: number;
  includeSubDomains: boolean;
  preload: boolean;
}

/** A Strict-Transport-Security value, or why browsers ignore it (RFC 6797 §6.1, §8.1: a header off the grammar is ignored). */
export function parseHsts(value: string): Hsts | { invalid: string } {
  const seen = new Map<string, string | undefined>();
  // `;`-separated directives `name[=value]`, a value a token or a quoted string (which may hold a `;`)
  for (const part of value.match(/(?:[^;"]|"(?:[^"\\]|\\.)*")+/g) ?? []) {
    const text = part.trim();
    if (text === '') continue;
    const m = /^([^=\s]+)\s*(?:=\s*(.*))?$/.exec(text);
    const name = m?.[1].toLowerCase();
    if (!m || !name || !/^[!#$%&'*+.^_`|~0-9a-z-]+$/.test(name)) return { invalid: `cannot read "${text.slice(0, 40)}"` };
    if (seen.has(name)) return { invalid: `the ${name} directive appears twice` };
    const raw = m[2]?.trim();
    const quoted = raw !== undefined && /^"(?:[^"\\]|\\.)*"$/.test(raw);
    seen.set(name, raw === undefined ? undefined : quoted ? raw.slice(1, -1).replace(/\\(.)/g, '$1') : raw);
  }
  if (seen.size === 0) return { invalid: 'the header is empty' };
  if (!seen.has('max-age')) return { invalid: 'it has no max-age directive' };
  const age = seen.get('max-age');
  if (age === undefined || !/^\d+$/.test(age)) return { invalid: `max-age "${age ?? ''}" is not a number of seconds` };
  return { maxAge: Number(age), includeSubDomains: seen.has('includesubdomains'), preload: seen.has('preload') };
}

export interface SetCookie {
  name: string;
  secure: boolean;
  httpOnly: boolean;
  /** The SameSite attribute's value as sent (lower case), undefined when absent. */
  sameSite?: string;
  /** A cookie sent to delete itself (Max-Age ≤ 0 or an Expires in the past). */
  deletion: boolean;
}

/** One Set-Cookie header value (RFC 6265 §5.2: name=value, then `;`-separated attributes, names case-insensitive). */
export function parseSetCookie(value: string, now: Date): SetCookie | undefined {
  const [pair, ...attrs] = value.split(';');
  const eq = pair.indexOf('=');
  if (eq <= 0) return undefined;
  const cookie: SetCookie = { name: pair.slice(0, eq).trim(), secure: false, httpOnly: false, deletion: false };
  for (const attr of attrs) {
    const at = attr.indexOf('=');
    const name = (at === -1 ? attr : attr.slice(0, at)).trim().toLowerCase();
    const v = at === -1 ? '' : attr.slice(at + 1).trim();
    if (name === 'secure') cookie.secure = true;
    else if (name === 'httponly') cookie.httpOnly = true;
    else if (name === 'samesite') cookie.sameSite = v.toLowerCase();
    else if (name === 'max-age' && /^-?\d+$/.test(v) && Number(v) <= 0) cookie.deletion = true;
    else if (name === 'expires') {
      const t = Date.parse(v);
      if (Number.isFinite(t) && t < now.getTime()) cookie.deletion = true;
    }
  }
  return cookie;
}

/** The directives of one Content-Security-Policy header value (policies separated by `,`), name → source list. */
export function parseCsp(value: string): Array<Map<string, string[]>> {
  return value.split(',').map((policy) => {
    const directives = new Map<string, string[]>();
    for (const part of policy.split(';')) {
      const tokens = part.trim().split(/\s+/).filter(Boolean);
      if (tokens.length === 0) continue;
      const name = tokens[0].toLowerCase();
      if (!directives.has(name)) directives.set(name, tokens.slice(1)); // CSP: a repeated directive is ignored
    }
    return directives;
  });
}

/**
 * Whether a frame-ancestors source list keeps other sites from framing the page: `'none'`, `'self'` and named
 * hosts do; a bare `*` or a scheme (`https:`) lets any site frame it.
 */
export function frameAncestorsProtects(sources: readonly string[]): boolean {
  if (sources.length === 0) return false; // an empty list is 'none' in CSP 3, but some browsers ignore it: not relied on
  return !sources.some((s) => s === '*' || /^[a-z][a-z0-9+.-]*:$/i.test(s));
}

export const REFERRER_POLICIES = [
  'no-referrer',
  'no-referrer-when-downgrade',
  'same-origin',
  'origin',
  'strict-origin',
  'origin-when-cross-origin',
  'strict-origin-when-cross-origin',
  'unsafe-url',
] as const;
/** Policies that send the full URL (path and query) to other sites. */
export const UNSAFE_REFERRER_POLICIES = ['unsafe-url', 'no-referrer-when-downgrade'];

/** The policy a browser applies: the last token it knows, over every header and comma-separated value. */
export function effectiveReferrerPolicy(values: readonly string[]): string | undefined {
  let policy: string | undefined;
  for (const v of values) {
    for (const token of v.split(',')) {
      const t = token.trim().toLowerCase();
      if ((REFERRER_POLICIES as readonly string[]).includes(t)) policy = t;
    }
  }
  return policy;
}

/** The media type of a Content-Type value, lower case, without parameters. */
export function mediaType(value: string | undefined): string | undefined {
  const t = value?.split(';')[0]?.trim().toLowerCase();
  return t ? t : undefined;
}

/** Media types that fit a static file's extension. */
const FITTING_TYPES: Record<string, string[]> = {
  css: ['text/css'],
  js: ['text/javascript', 'application/javascript', 'application/x-javascript', 'application/ecmascript', 'text/ecmascript'],
  mjs: ['text/javascript', 'application/javascript'],
  json: ['application/json', 'application/manifest+json'],
  map: ['application/json', 'application/octet-stream'],
  webmanifest: ['application/manifest+json', 'application/json'],
  png: ['image/png'],
  jpg: ['image/jpeg'],
  jpeg: ['image/jpeg'],
  gif: ['image/gif'],
  webp: ['image/webp'],
  avif: ['image/avif'],
  svg: ['image/svg+xml'],
  ico: ['image/x-icon', 'image/vnd.microsoft.icon'],
  woff: ['font/woff', 'application/font-woff', 'application/x-font-woff'],
  woff2: ['font/woff2', 'application/font-woff2'],
  ttf: ['font/ttf', 'application/x-font-ttf', 'application/font-sfnt', 'font/sfnt'],
  otf: ['font/otf', 'application/x-font-opentype', 'font/sfnt'],
  eot: ['application/vnd.ms-fontobject'],
  txt: ['text/plain'],
  html: ['text/html'],
  xml: ['application/xml', 'text/xml'],
  pdf: ['application/pdf'],
  mp4: ['video/mp4'],
  webm: ['video/webm'],
  wasm: ['application/wasm'],
};

/**
 * Whether a response's Content-Type fits the file: the extension's media types when it has a known one;
 * for any other file, anything but an HTML page (an HTML answer for a static path is an error page or the app).
 */
export function contentTypeFits(path: string, contentType: string | undefined): { fits: boolean; expected: string } {
  const type = mediaType(contentType);
  const ext = /\.([a-z0-9]+)$/i.exec(path.split('?')[0])?.[1]?.toLowerCase();
  const allowed = ext ? FITTING_TYPES[ext] : undefined;
  if (allowed) return { fits: type !== undefined && allowed.includes(type), expected: allowed.join(' or ') };
  return { fits: type !== undefined && type !== 'text/html', expected: 'a media type for the file (not text/html)' };
}

function decodeEntities(s: string): string {
  return s
    .replace(/&amp;/gi, '&')
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&quot;/gi, '"')
    .replace(/&#39;|&apos;/gi, "'");
}

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`, 'i').exec(tag);
  const v = m ? (m[1] ?? m[2] ?? m[3]) : undefined;
  return v === undefined ? undefined : decodeEntities(v.trim());
}

/** The stylesheets (`<link rel=stylesheet href>`) then the scripts (`<script src>`) a page links, in page order, resolved against its URL. */
export function linkedAssets(html: string, pageUrl: string): URL[] {
  const styles: URL[] = [];
  const scripts: URL[] = [];
  const resolve = (href: string | undefined, into: URL[]) => {
    if (!href) return;
    try {
      const u = new URL(href, pageUrl);
      if (u.protocol === 'http:' || u.protocol === 'https:') into.push(u);
    } catch {
      // not a URL: skipped
    }
  };
  const text = html.replace(/<!--[\s\S]*?-->/g, '');
  for (const m of text.matchAll(/<link\b[^>]*>/gi)) {
    const rel = (attr(m[0], 'rel') ?? '').toLowerCase().split(/\s+/);
    if (rel.includes('stylesheet')) resolve(attr(m[0], 'href'), styles);
  }
  for (const m of text.matchAll(/<script\b[^>]*>/gi)) resolve(attr(m[0], 'src'), scripts);
  return [...styles, ...scripts];
}

/** Whether the page declares a CSP in `<meta http-equiv="Content-Security-Policy">` (enforced, except frame-ancestors). */
export function metaCsp(html: string): string | undefined {
  for (const m of html.matchAll(/<meta\b[^>]*>/gi)) {
    if ((attr(m[0], 'http-equiv') ?? '').toLowerCase() === 'content-security-policy') return attr(m[0], 'content') ?? '';
  }
  return undefined;
}

/**
 * One entry of a ManifestStaticFilesStorage manifest (`{"paths": {"css/site.css": "css/site.1a2b3c.css"}, …}`):
 * a stylesheet first, then a script, then any file — the first name in sorted order, so runs agree.
 */
export function manifestEntry(text: string): { name: string; stored: string } | undefined {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return undefined;
  }
  const paths = (doc as { paths?: unknown } | null)?.paths;
  if (!paths || typeof paths !== 'object') return undefined;
  const entries = Object.entries(paths as Record<string, unknown>)
    .filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== '')
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const pick = entries.find(([n]) => n.endsWith('.css')) ?? entries.find(([n]) => n.endsWith('.js')) ?? entries[0];
  return pick ? { name: pick[0], stored: pick[1] } : undefined;
}
