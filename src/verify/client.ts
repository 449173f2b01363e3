/**
 * verify's one door to the network: a GET that never follows redirects, and a TLS handshake that reads the
 * certificate. Everything above this file is pure over what it returns (types.ts Exchange, CertificateInfo).
 *
 * Why Node's own node:http/node:https and not undici or fetch: verify needs, per response, the headers exactly
 * as sent (a Strict-Transport-Security sent twice is a finding; fetch's Headers joins them), each redirect
 * hop on its own (fetch follows or hides them), a Host header that is not the URL's (the bogus-Host probe;
 * fetch forbids setting Host) and the TLS socket behind the answer (the certificate, whether it verified).
 * node:https gives all four (`rawHeaders`, no redirect handling, `headers.Host`, `res.socket`); undici's
 * request API gives no socket, and it is not a dependency of this package. What is hand-written here is
 * small: a deadline per request, a body size cap and Content-Encoding decoding with node:zlib.
 */
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { readFileSync } from 'node:fs';
import * as tls from 'node:tls';
import * as zlib from 'node:zlib';
import type { CertificateInfo } from '../finding';
import { TOOL } from '../version';
import type { Exchange } from './types';

/** Bodies are read up to this size: enough for any page's debug markers and links, never a download. */
export const MAX_BODY_BYTES = 1024 * 1024;
export const DEFAULT_TIMEOUT_MS = 15_000;
export const USER_AGENT = `${TOOL.name}/${TOOL.version} (verify; +${TOOL.informationUri})`;

export interface GetOptions {
  purpose: string;
  /** A Host header other than the URL's (the TLS server name stays the URL's host). */
  hostHeader?: string;
}

export interface TlsProbe {
  certificate?: CertificateInfo;
  /** No handshake: the error code and message (ECONNREFUSED, ETIMEDOUT, EPROTO…). */
  error?: { code: string; message: string };
}

/** What collect.ts needs from the network; tests pass a fake. */
export interface HttpClient {
  get(url: URL, opts: GetOptions): Promise<Exchange>;
  tlsProbe(url: URL): Promise<TlsProbe>;
}

export interface ClientOptions {
  /** Accept certificates that do not verify (--insecure). */
  insecure: boolean;
  timeoutMs?: number;
  /** The environment whose NODE_EXTRA_CA_CERTS names extra trusted CAs (default process.env). */
  env?: Record<string, string | undefined>;
  now?: () => Date;
}

/** A hostname as the socket layer wants it: IPv6 without brackets. */
function socketHost(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

function portOf(url: URL): number {
  return url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
}

/** SNI: a host name, never an IP address (TLS forbids it; Node warns). */
function serverName(url: URL): string | undefined {
  const host = socketHost(url);
  return isIP(host) ? undefined : host;
}

interface CaApi {
  getCACertificates?: (type: 'default' | 'system' | 'bundled' | 'extra') => string[];
}

/**
 * The trusted CAs: Node's bundled list (Mozilla's, which browsers' stores share), the operating system's store
 * where Node can read it (tls.getCACertificates('system'), Node ≥ 22.15 — the action's node24), and the PEM
 * file NODE_EXTRA_CA_CERTS names (read again here so a caller's env counts, not only the process's).
 */
export function trustedCAs(env: Record<string, string | undefined> = process.env): string[] {
  const api = tls as unknown as CaApi;
  const out = new Set<string>(api.getCACertificates ? api.getCACertificates('default') : tls.rootCertificates);
  if (api.getCACertificates) {
    try {
      for (const c of api.getCACertificates('system')) out.add(c);
    } catch {
      // no readable system store here: Node's list stands
    }
  }
  const extra = env.NODE_EXTRA_CA_CERTS;
  if (extra) {
    try {
      for (const pem of readFileSync(extra, 'utf8').match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? []) out.add(pem);
    } catch {
      // Node itself warns about an unreadable NODE_EXTRA_CA_CERTS at start-up
    }
  }
  return [...out];
}

function errorOf(err: unknown): { code: string; message: string } {
  const e = err as NodeJS.ErrnoException;
  return { code: e?.code ?? 'ERROR', message: e?.message ?? String(err) };
}

/** `CN=example.com, O=Org` from a certificate subject/issuer object. */
function dn(name: unknown): string {
  if (!name || typeof name !== 'object') return '';
  return Object.entries(name as Record<string, string | string[]>)
    .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('+') : v}`)
    .join(', ');
}

function toIso(text: string | undefined): string {
  const t = text ? Date.parse(text) : NaN;
  return Number.isFinite(t) ? new Date(t).toISOString() : '';
}

export function certificateInfo(cert: tls.PeerCertificate, authorized: boolean, error: string | undefined, protocol: string | undefined, now: Date): CertificateInfo {
  const validTo = toIso(cert.valid_to);
  const days = validTo ? Math.floor((Date.parse(validTo) - now.getTime()) / 86_400_000) : 0;
  return {
    subject: dn(cert.subject),
    issuer: dn(cert.issuer),
    altNames: (cert.subjectaltname ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    validFrom: toIso(cert.valid_from),
    validTo,
    daysLeft: days,
    verified: authorized,
    ...(authorized ? {} : { error: error ?? 'UNKNOWN' }),
    ...(protocol ? { protocol } : {}),
    fingerprint256: cert.fingerprint256 ?? '',
  };
}

/** Decode a Content-Encoding'd body (gzip, deflate, br); a truncated stream gives what it can. */
function decode(body: Buffer, encoding: string | undefined): Buffer {
  const enc = (encoding ?? '').trim().toLowerCase();
  const opts = { finishFlush: zlib.constants.Z_SYNC_FLUSH, maxOutputLength: MAX_BODY_BYTES };
  try {
    if (enc === 'gzip' || enc === 'x-gzip') return zlib.gunzipSync(body, opts);
    if (enc === 'deflate') return zlib.inflateSync(body, opts);
    if (enc === 'br') return zlib.brotliDecompressSync(body, { finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH, maxOutputLength: MAX_BODY_BYTES });
  } catch {
    return Buffer.alloc(0);
  }
  return body;
}

export class NodeHttpClient implements HttpClient {
  private readonly context: tls.SecureContext;
  private readonly timeoutMs: number;
  private readonly now: () => Date;

  constructor(private readonly options: ClientOptions) {
    // One secure context for every connection (building one from ~150 roots per request is slow).
    this.context = tls.createSecureContext({ ca: trustedCAs(options.env) });
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.now = options.now ?? (() => new Date());
  }

  get(url: URL, opts: GetOptions): Promise<Exchange> {
    const started = performance.now();
    const https = url.protocol === 'https:';
    const base: Exchange = { purpose: opts.purpose, url: url.href, ...(opts.hostHeader ? { hostHeader: opts.hostHeader } : {}), headers: [], body: '', bodyTruncated: false, ms: 0 };
    return new Promise((resolve) => {
      let done = false;
      const finish = (ex: Partial<Exchange>) => {
        if (done) return;
        done = true;
        clearTimeout(deadline);
        resolve({ ...base, ...ex, ms: Math.round(performance.now() - started) });
      };
      const req = (https ? httpsRequest : httpRequest)(
        {
          host: socketHost(url),
          port: portOf(url),
          path: `${url.pathname}${url.search}`,
          method: 'GET',
          agent: false,
          headers: {
            Host: opts.hostHeader ?? url.host,
            'User-Agent': USER_AGENT,
            // What a browser asks for: Django answers its HTML debug pages to this.
            Accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
            'Accept-Encoding': 'gzip, deflate, br',
            'Accept-Language': 'en',
            Connection: 'close',
          },
          // servername always set: left out, Node would take it from the Host header (the bogus-Host probe's);
          // '' (an IP address) sends no SNI and checks the certificate against the address.
          ...(https ? { rejectUnauthorized: !this.options.insecure, secureContext: this.context, servername: serverName(url) ?? '' } : {}),
        },
        (res: IncomingMessage) => {
          const headers: Array<[string, string]> = [];
          for (let i = 0; i + 1 < res.rawHeaders.length; i += 2) headers.push([res.rawHeaders[i].toLowerCase(), res.rawHeaders[i + 1]]);
          const chunks: Buffer[] = [];
          let size = 0;
          let truncated = false;
          const end = () => {
            const raw = Buffer.concat(chunks);
            const encoding = headers.find(([k]) => k === 'content-encoding')?.[1];
            const body = decode(raw, encoding);
            finish({ status: res.statusCode, statusText: res.statusMessage, headers, body: body.subarray(0, MAX_BODY_BYTES).toString('utf8'), bodyTruncated: truncated || body.length > MAX_BODY_BYTES });
          };
          res.on('data', (chunk: Buffer) => {
            if (truncated) return;
            chunks.push(chunk);
            size += chunk.length;
            if (size >= MAX_BODY_BYTES) {
              truncated = true;
              end();
              res.destroy();
            }
          });
          res.on('end', end);
          res.on('error', end); // a connection cut mid-body: what arrived is the answer
          res.on('aborted', end);
        },
      );
      const deadline = setTimeout(() => {
        const err = Object.assign(new Error(`no answer within ${this.timeoutMs / 1000} s`), { code: 'ETIMEDOUT' });
        req.destroy(err);
        finish({ error: errorOf(err) });
      }, this.timeoutMs);
      req.on('error', (err) => finish({ error: errorOf(err) }));
      req.end();
    });
  }

  tlsProbe(url: URL): Promise<TlsProbe> {
    return new Promise((resolve) => {
      let done = false;
      const finish = (p: TlsProbe) => {
        if (done) return;
        done = true;
        clearTimeout(deadline);
        socket.destroy();
        resolve(p);
      };
      // rejectUnauthorized: false only to read the certificate and the reason it does not verify
      // (socket.authorized / authorizationError include the host name check); no request is sent on it.
      const socket = tls.connect({ host: socketHost(url), port: portOf(url), servername: serverName(url), secureContext: this.context, rejectUnauthorized: false });
      const deadline = setTimeout(() => finish({ error: { code: 'ETIMEDOUT', message: `no TLS handshake within ${this.timeoutMs / 1000} s` } }), this.timeoutMs);
      socket.once('secureConnect', () => {
        const cert = socket.getPeerCertificate(false);
        if (!cert || Object.keys(cert).length === 0) return finish({ error: { code: 'NO_CERTIFICATE', message: 'the server sent no certificate' } });
        const authError = socket.authorizationError;
        finish({ certificate: certificateInfo(cert, socket.authorized, authError ? String((authError as unknown as { code?: string }).code ?? authError) : undefined, socket.getProtocol() ?? undefined, this.now()) });
      });
      socket.once('error', (err) => finish({ error: errorOf(err) }));
    });
  }
}
