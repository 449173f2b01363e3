export const id = 13;
export const ids = [13];
export const modules = {

/***/ 98013:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  VERIFY_RULES: () => (/* reexport */ checks/* VERIFY_RULES */.m),
  backoffFromEnv: () => (/* binding */ backoffFromEnv),
  parseRetries: () => (/* reexport */ verify_options/* parseRetries */.ok),
  parseSiteUrl: () => (/* reexport */ verify_options/* parseSiteUrl */.A5),
  resolveTarget: () => (/* reexport */ verify_options/* resolveTarget */.u1),
  siteReport: () => (/* binding */ siteReport),
  siteUnreachable: () => (/* binding */ siteUnreachable),
  verify: () => (/* binding */ verify)
});

// EXTERNAL MODULE: ./src/finding.ts
var finding = __webpack_require__(52018);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(83916);
// EXTERNAL MODULE: ./src/version.ts
var version = __webpack_require__(311);
// EXTERNAL MODULE: ./src/verify/checks/index.ts + 12 modules
var checks = __webpack_require__(76347);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(37067);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(44708);
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(77030);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:tls"
var external_node_tls_ = __webpack_require__(41692);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(38522);
;// CONCATENATED MODULE: ./src/verify/client.ts
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







/** Bodies are read up to this size: enough for any page's debug markers and links, never a download. */
const MAX_BODY_BYTES = 1024 * 1024;
const DEFAULT_TIMEOUT_MS = 15_000;
const USER_AGENT = `${version/* TOOL */.j.name}/${version/* TOOL */.j.version} (verify; +${version/* TOOL */.j.informationUri})`;
/** A hostname as the socket layer wants it: IPv6 without brackets. */
function socketHost(url) {
    return url.hostname.replace(/^\[(.*)\]$/, '$1');
}
function portOf(url) {
    return url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
}
/** SNI: a host name, never an IP address (TLS forbids it; Node warns). */
function serverName(url) {
    const host = socketHost(url);
    return (0,external_node_net_.isIP)(host) ? undefined : host;
}
/**
 * The trusted CAs: Node's bundled list (Mozilla's, which browsers' stores share), the operating system's store
 * where Node can read it (tls.getCACertificates('system'), Node ≥ 22.15 — the action's node24), and the PEM
 * file NODE_EXTRA_CA_CERTS names (read again here so a caller's env counts, not only the process's).
 */
function trustedCAs(env = process.env) {
    const api = external_node_tls_;
    const out = new Set(api.getCACertificates ? api.getCACertificates('default') : external_node_tls_.rootCertificates);
    if (api.getCACertificates) {
        try {
            for (const c of api.getCACertificates('system'))
                out.add(c);
        }
        catch {
            // no readable system store here: Node's list stands
        }
    }
    const extra = env.NODE_EXTRA_CA_CERTS;
    if (extra) {
        try {
            for (const pem of (0,external_node_fs_.readFileSync)(extra, 'utf8').match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [])
                out.add(pem);
        }
        catch {
            // Node itself warns about an unreadable NODE_EXTRA_CA_CERTS at start-up
        }
    }
    return [...out];
}
function errorOf(err) {
    const e = err;
    return { code: e?.code ?? 'ERROR', message: e?.message ?? String(err) };
}
/** `CN=example.com, O=Org` from a certificate subject/issuer object. */
function dn(name) {
    if (!name || typeof name !== 'object')
        return '';
    return Object.entries(name)
        .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('+') : v}`)
        .join(', ');
}
function toIso(text) {
    const t = text ? Date.parse(text) : NaN;
    return Number.isFinite(t) ? new Date(t).toISOString() : '';
}
function certificateInfo(cert, authorized, error, protocol, now) {
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
function decode(body, encoding) {
    const enc = (encoding ?? '').trim().toLowerCase();
    const opts = { finishFlush: external_node_zlib_.constants.Z_SYNC_FLUSH, maxOutputLength: MAX_BODY_BYTES };
    try {
        if (enc === 'gzip' || enc === 'x-gzip')
            return external_node_zlib_.gunzipSync(body, opts);
        if (enc === 'deflate')
            return external_node_zlib_.inflateSync(body, opts);
        if (enc === 'br')
            return external_node_zlib_.brotliDecompressSync(body, { finishFlush: external_node_zlib_.constants.BROTLI_OPERATION_FLUSH, maxOutputLength: MAX_BODY_BYTES });
    }
    catch {
        return Buffer.alloc(0);
    }
    return body;
}
class NodeHttpClient {
    options;
    context;
    timeoutMs;
    now;
    constructor(options) {
        this.options = options;
        // One secure context for every connection (building one from ~150 roots per request is slow).
        this.context = external_node_tls_.createSecureContext({ ca: trustedCAs(options.env) });
        this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
        this.now = options.now ?? (() => new Date());
    }
    get(url, opts) {
        const started = performance.now();
        const https = url.protocol === 'https:';
        const base = { purpose: opts.purpose, url: url.href, ...(opts.hostHeader ? { hostHeader: opts.hostHeader } : {}), headers: [], body: '', bodyTruncated: false, ms: 0 };
        return new Promise((resolve) => {
            let done = false;
            const finish = (ex) => {
                if (done)
                    return;
                done = true;
                clearTimeout(deadline);
                resolve({ ...base, ...ex, ms: Math.round(performance.now() - started) });
            };
            const req = (https ? external_node_https_.request : external_node_http_.request)({
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
            }, (res) => {
                const headers = [];
                for (let i = 0; i + 1 < res.rawHeaders.length; i += 2)
                    headers.push([res.rawHeaders[i].toLowerCase(), res.rawHeaders[i + 1]]);
                const chunks = [];
                let size = 0;
                let truncated = false;
                const end = () => {
                    const raw = Buffer.concat(chunks);
                    const encoding = headers.find(([k]) => k === 'content-encoding')?.[1];
                    const body = decode(raw, encoding);
                    finish({ status: res.statusCode, statusText: res.statusMessage, headers, body: body.subarray(0, MAX_BODY_BYTES).toString('utf8'), bodyTruncated: truncated || body.length > MAX_BODY_BYTES });
                };
                res.on('data', (chunk) => {
                    if (truncated)
                        return;
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
            });
            const deadline = setTimeout(() => {
                const err = Object.assign(new Error(`no answer within ${this.timeoutMs / 1000} s`), { code: 'ETIMEDOUT' });
                req.destroy(err);
                finish({ error: errorOf(err) });
            }, this.timeoutMs);
            req.on('error', (err) => finish({ error: errorOf(err) }));
            req.end();
        });
    }
    tlsProbe(url) {
        return new Promise((resolve) => {
            let done = false;
            const finish = (p) => {
                if (done)
                    return;
                done = true;
                clearTimeout(deadline);
                socket.destroy();
                resolve(p);
            };
            // rejectUnauthorized: false only to read the certificate and the reason it does not verify
            // (socket.authorized / authorizationError include the host name check); no request is sent on it.
            const socket = external_node_tls_.connect({ host: socketHost(url), port: portOf(url), servername: serverName(url), secureContext: this.context, rejectUnauthorized: false });
            const deadline = setTimeout(() => finish({ error: { code: 'ETIMEDOUT', message: `no TLS handshake within ${this.timeoutMs / 1000} s` } }), this.timeoutMs);
            socket.once('secureConnect', () => {
                const cert = socket.getPeerCertificate(false);
                if (!cert || Object.keys(cert).length === 0)
                    return finish({ error: { code: 'NO_CERTIFICATE', message: 'the server sent no certificate' } });
                const authError = socket.authorizationError;
                finish({ certificate: certificateInfo(cert, socket.authorized, authError ? String(authError.code ?? authError) : undefined, socket.getProtocol() ?? undefined, this.now()) });
            });
            socket.once('error', (err) => finish({ error: errorOf(err) }));
        });
    }
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./src/verify/parse.ts
var parse = __webpack_require__(51042);
// EXTERNAL MODULE: ./src/verify/types.ts
var types = __webpack_require__(24956);
;// CONCATENATED MODULE: ./src/verify/collect.ts
/**
 * What verify asks the site, in order, through an HttpClient (client.ts; tests pass a fake): wait for the
 * HTTPS page while a new release warms up (retries with backoff), read the certificate, follow redirect
 * chains hop by hop on the user's host only, then the probes the checks read — the login page, a random path
 * that does not exist, a bogus Host header, `admin/`, a static file. The result is an Observations; every
 * judgement is the checks'.
 */



/** At most this many redirects in a chain ("no redirect loop (≤ 5 hops)"). */
const MAX_REDIRECTS = 5;
/** Waits between warm-up attempts: 2, 4, 8, 16 s, then 30 s each. */
const DEFAULT_BACKOFF_MS = [2_000, 4_000, 8_000, 16_000, 30_000];
/** Answers that mean "not up yet" while a release warms up; any other answer is a real one. */
const WARMING_STATUSES = [502, 503, 504];
const RETRIED_ERRORS = ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ECONNABORTED', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN'];
function wait(ms) {
    return new Promise((r) => setTimeout(r, ms));
}
function sameHost(a, b) {
    return a.hostname.toLowerCase() === b.hostname.toLowerCase();
}
/** Follow redirects from a first answer, hop by hop, on the site's host only (and over HTTPS only when its certificate may be used). */
async function follow(client, first, purpose, target, httpsOk) {
    const hops = [first];
    const seen = new Set([first.url]);
    for (;;) {
        const last = hops[hops.length - 1];
        if (last.error)
            return { start: first.url, hops, end: 'no-answer' };
        const location = (0,types/* headerValues */.UE)(last, 'location')[0];
        if (!(0,types/* isRedirect */.N6)(last.status) || location === undefined)
            return { start: first.url, hops, end: 'answer' };
        let next;
        try {
            next = new URL(location, last.url);
        }
        catch {
            return { start: first.url, hops, end: 'answer' };
        }
        next.hash = '';
        if ((next.protocol !== 'http:' && next.protocol !== 'https:') || !sameHost(next, target.url))
            return { start: first.url, hops, end: 'off-host', next: next.href };
        if (seen.has(next.href))
            return { start: first.url, hops, end: 'loop', next: next.href };
        if (hops.length > MAX_REDIRECTS)
            return { start: first.url, hops, end: 'too-many', next: next.href };
        if (next.protocol === 'https:' && !httpsOk)
            return { start: first.url, hops, end: 'not-followed', next: next.href };
        seen.add(next.href);
        hops.push(await client.get(next, { purpose }));
    }
}
async function chain(client, url, purpose, target, httpsOk) {
    return follow(client, await client.get(url, { purpose }), purpose, target, httpsOk);
}
function retryable(ex) {
    return ex.error ? RETRIED_ERRORS.includes(ex.error.code) : WARMING_STATUSES.includes(ex.status ?? 0);
}
/** Where a static file to check comes from (see checks/static.ts). */
async function findStatic(client, target, home) {
    if (target.staticUrl)
        return { probe: { how: 'option', source: '--static-path', chain: await chain(client, target.staticUrl, 'static', target, true) } };
    const html = home && /html/i.test((0,parse/* mediaType */.JL)((0,types/* headerValues */.UE)(home, 'content-type')[0]) ?? '') ? home.body : '';
    const assets = html ? (0,parse/* linkedAssets */.h2)(html, home.url).filter((u) => sameHost(u, target.url)) : [];
    // STATIC_URL: static/ (Django's convention), or the top folder of what the page links (/assets/…).
    const prefixes = [new URL('static/', target.root).href];
    for (const a of assets) {
        const top = /^\/[^/]+\//.exec(a.pathname)?.[0];
        if (top)
            prefixes.push(new URL(top, target.url.origin).href);
    }
    for (const prefix of [...new Set(prefixes)].slice(0, 3)) {
        const manifestUrl = new URL('staticfiles.json', prefix);
        const ex = await client.get(manifestUrl, { purpose: 'manifest' });
        const entry = ex.status === 200 ? (0,parse/* manifestEntry */.m6)(ex.body) : undefined;
        if (!entry)
            continue;
        const file = new URL(entry.stored.split('/').map(encodeURIComponent).join('/'), prefix);
        return { probe: { how: 'manifest', source: `entry ${entry.name} of ${new URL(manifestUrl).pathname}`, chain: await chain(client, file, 'static', target, true) } };
    }
    if (assets.length > 0)
        return { probe: { how: 'link', source: 'linked by the home page', chain: await chain(client, assets[0], 'static', target, true) } };
    return {
        missing: `no static file found: no staticfiles.json at ${new URL('static/', target.root).pathname}${html ? ' and the home page links no stylesheet or script on this host' : ' and the home page is not HTML'} — name one with --static-path`,
    };
}
async function collect(client, target, opts = {}) {
    const backoff = opts.backoffMs?.length ? opts.backoffMs : DEFAULT_BACKOFF_MS;
    const sleep = opts.sleep ?? wait;
    const random = opts.random ?? (() => (0,external_node_crypto_.randomBytes)(6).toString('hex'));
    // Warm-up: the certificate and the HTTPS page, retried while the answer is "not up yet".
    let certificate;
    let first;
    let problem = '';
    let retried = '';
    let retries = 0;
    let waitedMs = 0;
    for (let attempt = 0;; attempt++) {
        const probe = await client.tlsProbe(target.url);
        first = undefined;
        if (probe.certificate) {
            certificate = probe.certificate;
            if (!certificate.verified && !target.insecure)
                break; // a browser stops here; so do we
            first = await client.get(target.url, { purpose: 'home' });
            problem = first.error ? `${first.error.code} (${first.error.message})` : `it answers ${(0,types/* answerText */.yy)(first)}`;
            if (!retryable(first))
                break;
        }
        else {
            certificate = undefined;
            problem = `${probe.error?.code ?? 'no TLS handshake'} (${probe.error?.message ?? ''})`;
            if (!probe.error || !RETRIED_ERRORS.includes(probe.error.code))
                break;
        }
        if (attempt >= target.retries)
            break;
        retried = problem;
        const delay = backoff[Math.min(attempt, backoff.length - 1)];
        await sleep(delay);
        retries++;
        waitedMs += delay;
    }
    const after = retries ? ` after ${retries} retr${retries === 1 ? 'y' : 'ies'} over ${Math.round(waitedMs / 1000)} s` : '';
    if (!certificate)
        return { unreachable: `${target.url.href} could not be reached: ${problem}${after}` };
    if (first && (first.error || retryable(first)))
        return { unreachable: `${target.url.href} is not up: ${problem}${after}` };
    const httpsOk = certificate.verified || target.insecure;
    const httpsSkipped = httpsOk ? undefined : `the certificate does not verify (${certificate.error}): no HTTPS page was requested`;
    const obs = {
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
    if (!httpsOk)
        return obs;
    obs.login = await chain(client, target.loginUrl, 'login', target, true);
    const token = random();
    obs.notFound = await chain(client, new URL(`dlg-404-${token}/`, target.root), 'not-found', target, true);
    obs.badHost = await client.get(target.url, { purpose: 'bogus-host', hostHeader: `dlg-${token}.invalid` });
    obs.admin = await client.get(new URL('admin/', target.root), { purpose: 'admin' });
    const found = await findStatic(client, target, (0,types/* finalAnswer */.zN)(obs.home));
    if (found.probe)
        obs.static = found.probe;
    else
        obs.staticMissing = found.missing;
    return obs;
}

// EXTERNAL MODULE: ./src/verify/options.ts
var verify_options = __webpack_require__(23659);
;// CONCATENATED MODULE: ./src/verify/index.ts
/**
 * `verify URL`: the live site checked the way a browser and an attacker see it, reported through the same
 * Report and reporters as the scan. One gate (`verify`), one checklist item (`live-site`); each finding's
 * location is the URL path it is about, on the site's origin (Report.root), with Report.site describing the
 * site, the certificate and every request made.
 *
 *   inputs → resolveTarget (options.ts) → collect (collect.ts, through client.ts) → LIVE_CHECKS (pure) → Report
 */










/**
 * The one line both entries show when the site could not be checked at all (the verify gate errored):
 * `django-launch-gate: https://… could not be reached: ECONNREFUSED … — check the URL and that the site is up`.
 */
function siteUnreachable(report) {
    const why = report.gates.filter((g) => g.status === 'error').map((g) => g.detail ?? 'unknown reason').join('; ');
    return `${errors/* PROG */.n3}: ${(0,errors/* oneLine */.TN)(why)} — check the URL and that the site is up; a site that could not be checked never counts as passing`;
}
/** Waits between warm-up attempts from DLG_VERIFY_BACKOFF_MS (`100,200`), else the defaults. */
function backoffFromEnv(env) {
    const v = env.DLG_VERIFY_BACKOFF_MS;
    if (!v)
        return undefined;
    const ms = v.split(',').map((s) => Number(s.trim()));
    return ms.length && ms.every((n) => Number.isFinite(n) && n >= 0) ? ms : undefined;
}
function request(ex) {
    const location = (0,types/* headerValues */.UE)(ex, 'location')[0];
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
function allRequests(obs) {
    const chains = [obs.home, obs.http, obs.login, obs.notFound];
    const out = chains.flatMap((c) => c?.hops ?? []);
    if (obs.badHost)
        out.push(obs.badHost);
    if (obs.admin)
        out.push(obs.admin);
    if (obs.static)
        out.push(...obs.static.chain.hops);
    return out.map(request);
}
function certificateLine(cert, insecure) {
    const state = cert.verified ? 'verifies' : insecure ? `does NOT verify (${cert.error}) — accepted because of --insecure` : `does not verify (${cert.error})`;
    return `certificate ${cert.subject || '(no subject)'}, issued by ${cert.issuer || '(unknown)'}, valid until ${cert.validTo.slice(0, 10)} (${cert.daysLeft} days left)${cert.protocol ? `, ${cert.protocol}` : ''}: ${state}`;
}
/** The gate's detail: the certificate, each redirect chain hop by hop, and what could not be checked. */
function detail(obs, notChecked) {
    const lines = [certificateLine(obs.certificate, obs.insecure)];
    if (obs.warmup.retries)
        lines.push(`warm-up: answered after ${obs.warmup.retries} retr${obs.warmup.retries === 1 ? 'y' : 'ies'} (${Math.round(obs.warmup.waitedMs / 1000)} s; before: ${obs.warmup.last})`);
    const show = (label, chain) => {
        if (chain && chain.hops.length)
            lines.push(`${label}: ${(0,types/* describeChain */.zx)(chain)}`);
    };
    show('home', obs.home);
    show('http', obs.http);
    show('login', obs.login);
    show('404 probe', obs.notFound);
    if (obs.badHost)
        lines.push(`bogus Host ${obs.badHost.hostHeader}: ${obs.badHost.error ? `closed without an answer (${obs.badHost.error.code})` : obs.badHost.status}`);
    if (obs.admin)
        lines.push(`admin: ${(0,types/* describeChain */.zx)({ start: obs.admin.url, hops: [obs.admin], end: 'answer' })}`);
    if (obs.static)
        show(`static (${obs.static.source})`, obs.static.chain);
    for (const n of notChecked)
        lines.push(`not checked: ${n}`);
    return lines.join('\n');
}
function checklist(findings, notChecked, notApplicable, unreachable) {
    if (unreachable)
        return { item: 'live-site', status: 'not-checked', reason: 'the site could not be reached' };
    if (findings.length)
        return { item: 'live-site', status: 'findings' };
    if (notChecked.length)
        return { item: 'live-site', status: 'not-checked', reason: notChecked.join('; ') };
    return { item: 'live-site', status: 'pass', ...(notApplicable.length ? { reason: notApplicable.join('; ') } : {}) };
}
/** The Report for a site: judged from Observations (pure). */
function siteReport(target, obs, failOn, durationMs, now) {
    const site = { url: target.url.href, httpUrl: target.httpUrl.href, insecure: target.insecure, requests: [] };
    const base = { tool: { ...version/* TOOL */.j }, root: target.url.origin, site, projects: [], rules: [...checks/* VERIFY_RULES */.m], failOn };
    if ('unreachable' in obs) {
        const gate = { gate: finding/* VERIFY_GATE */.W7, status: 'error', durationMs, detail: obs.unreachable, findings: [] };
        return { ...base, gates: [gate], findings: [], checklist: [checklist([], [], [], obs.unreachable)] };
    }
    site.certificate = obs.certificate;
    site.requests = allRequests(obs);
    const findings = [];
    const notChecked = [];
    const notApplicable = [];
    for (const check of checks/* LIVE_CHECKS */.t) {
        const out = check.check(obs, now);
        for (const hit of out.hits) {
            const rule = checks/* VERIFY_RULES */.m.find((r) => r.id === hit.ruleId);
            findings.push({ ruleId: hit.ruleId, gate: finding/* VERIFY_GATE */.W7, level: rule.level, message: hit.message, location: { file: hit.path, line: 1 }, ...(hit.fix ? { fix: hit.fix } : {}) });
        }
        if (out.notChecked)
            notChecked.push(`${check.name}: ${out.notChecked}`);
        if (out.notApplicable)
            notApplicable.push(`${check.name}: ${out.notApplicable}`);
    }
    findings.sort(finding/* compareFindings */.Eg);
    const gate = {
        gate: finding/* VERIFY_GATE */.W7,
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
async function verify(options, deps = {}) {
    const target = (0,verify_options/* resolveTarget */.u1)(options);
    const env = options.env ?? process.env;
    const now = deps.now ?? (() => new Date());
    const client = deps.client ?? new NodeHttpClient({ insecure: target.insecure, env, now });
    const started = performance.now();
    const obs = await collect(client, target, { backoffMs: deps.backoffMs ?? backoffFromEnv(env), sleep: deps.sleep, random: deps.random });
    return { report: siteReport(target, obs, options.failOn ?? 'error', performance.now() - started, now()), secrets: new Set() };
}


/***/ })

};
