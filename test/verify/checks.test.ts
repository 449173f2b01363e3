/**
 * verify without a network: the checks are pure over recorded Observations (a hardened site, then one change
 * each), and collect() drives a fake HttpClient — warm-up retries (refused, 502/503 retried; a real answer is
 * not), redirects followed hop by hop and never to another host, no HTTPS request past a certificate that does
 * not verify.
 */
import { describe, expect, it } from 'vitest';
import type { CertificateInfo } from '../../src/finding';
import type { HttpClient, TlsProbe } from '../../src/verify/client';
import { collect } from '../../src/verify/collect';
import { siteReport } from '../../src/verify/index';
import { resolveTarget } from '../../src/verify/options';
import { contentTypeFits, effectiveReferrerPolicy, linkedAssets, manifestEntry, parseHsts, parseSetCookie } from '../../src/verify/parse';
import type { Chain, Exchange, Observations } from '../../src/verify/types';

const NOW = new Date('2026-12-01T12:00:00Z');
const SITE = 'https://example.com/';
const target = resolveTarget({ url: SITE });

function ex(url: string, status: number, headers: Array<[string, string]> = [], body = '', purpose = 'test'): Exchange {
  return { purpose, url, status, statusText: status === 200 ? 'OK' : '', headers: headers.map(([k, v]) => [k.toLowerCase(), v]), body, bodyTruncated: false, ms: 1 };
}
function noAnswer(url: string, code: string, purpose = 'test'): Exchange {
  return { purpose, url, headers: [], body: '', bodyTruncated: false, error: { code, message: code }, ms: 1 };
}
function answer(...hops: Exchange[]): Chain {
  return { start: hops[0].url, hops, end: 'answer' };
}

const SECURITY: Array<[string, string]> = [
  ['Strict-Transport-Security', 'max-age=31536000; includeSubDomains'],
  ['X-Content-Type-Options', 'nosniff'],
  ['X-Frame-Options', 'DENY'],
  ['Referrer-Policy', 'strict-origin-when-cross-origin'],
  ['Content-Security-Policy', "default-src 'self'; frame-ancestors 'none'"],
];
const HOME_HTML = '<html><head><link rel="stylesheet" href="/static/site.1a2b3c.css"></head><body>Notes</body></html>';
const CERT: CertificateInfo = { subject: 'CN=example.com', issuer: 'CN=R11, O=Let\'s Encrypt', altNames: ['DNS:example.com'], validFrom: '2026-10-01T00:00:00.000Z', validTo: '2026-12-30T00:00:00.000Z', daysLeft: 28, verified: true, fingerprint256: 'AA' };

/** A hardened site as recorded; `change` edits one part. */
function observed(change: (o: Observations) => void = () => {}): Observations {
  const o: Observations = {
    url: new URL(SITE),
    root: new URL(SITE),
    httpUrl: new URL('http://example.com/'),
    insecure: false,
    certificate: { ...CERT },
    http: answer(ex('http://example.com/', 301, [['Location', 'https://example.com/']]), ex(SITE, 200, [['Content-Type', 'text/html']], HOME_HTML)),
    home: answer(ex(SITE, 200, [['Content-Type', 'text/html; charset=utf-8'], ...SECURITY], HOME_HTML)),
    loginPath: '/accounts/login/',
    login: answer(
      ex('https://example.com/accounts/login/', 200, [
        ['Content-Type', 'text/html'],
        ['Set-Cookie', 'csrftoken=abc; expires=Tue, 30 Nov 2027 12:00:00 GMT; Max-Age=31449600; Path=/; SameSite=Lax; Secure'],
        ['Set-Cookie', 'sessionid=xyz; HttpOnly; Path=/; SameSite=Lax; Secure'],
      ]),
    ),
    notFound: answer(ex('https://example.com/dlg-404-abc/', 404, [['Content-Type', 'text/html'], ...SECURITY], '<h1>Not Found</h1>')),
    badHost: { ...ex(SITE, 400, [], '<h1>Bad Request (400)</h1>', 'bogus-host'), hostHeader: 'dlg-abc.invalid' },
    admin: ex('https://example.com/admin/', 404),
    static: { how: 'manifest', source: 'entry site.css of /static/staticfiles.json', chain: answer(ex('https://example.com/static/site.1a2b3c.css', 200, [['Content-Type', 'text/css']])) },
    warmup: { retries: 0, waitedMs: 0 },
  };
  change(o);
  return o;
}

function judge(o: Observations) {
  const report = siteReport(target, o, 'note', 1, NOW);
  return { report, ids: report.findings.map((f) => f.ruleId).sort(), messages: report.findings.map((f) => f.message).join('\n') };
}

function setHeader(x: Exchange, name: string, value: string | undefined): void {
  x.headers = x.headers.filter(([k]) => k !== name.toLowerCase());
  if (value !== undefined) x.headers.push([name.toLowerCase(), value]);
}

describe('the checks, over recorded answers', () => {
  it('a hardened site: no finding, and the one checklist item passes', () => {
    const { report, ids } = judge(observed());
    expect(ids).toEqual([]);
    expect(report.checklist).toEqual([{ item: 'live-site', status: 'pass' }]);
    expect(report.gates[0].status).toBe('passed');
  });

  describe('check 1: HTTP → HTTPS', () => {
    const http = (status: number, location?: string) =>
      observed((o) => {
        o.http = answer(ex('http://example.com/', status, location ? [['Location', location]] : []));
      });
    it('302 to https is a temporary redirect: launch.E301', () => {
      const r = judge(http(302, 'https://example.com/'));
      expect(r.ids).toEqual(['launch.E301']);
      expect(r.messages).toContain('answers 302 (a temporary redirect) to https://example.com/: use 301 or 308');
    });
    it('308 passes; 301 to http:// or to another host does not', () => {
      expect(judge(http(308, 'https://example.com/')).ids).toEqual([]);
      expect(judge(http(301, 'http://example.com/x')).messages).toContain('answers 301 to http://example.com/x, not to https://');
      const other = observed((o) => {
        o.http = { start: 'http://example.com/', hops: [ex('http://example.com/', 301, [['Location', 'https://www.example.com/']])], end: 'off-host', next: 'https://www.example.com/' };
      });
      expect(judge(other).messages).toMatch(/https:\/\/www\.example\.com\/, another host: redirect to https:\/\/ on example\.com first/);
    });
    it('no answer on port 80 at all: launch.E301', () => {
      const r = judge(observed((o) => (o.http = { start: 'http://example.com/', hops: [noAnswer('http://example.com/', 'ECONNREFUSED')], end: 'no-answer' })));
      expect(r.ids).toEqual(['launch.E301']);
      expect(r.messages).toContain('does not answer (ECONNREFUSED)');
    });
    it('more than 5 redirects: launch.E302', () => {
      const hops = [1, 2, 3, 4, 5, 6].map((i) => ex(`https://example.com/${i}`, 302, [['Location', `/${i + 1}`]]));
      const r = judge(observed((o) => (o.home = { start: hops[0].url, hops, end: 'too-many', next: 'https://example.com/7' })));
      expect(r.ids).toEqual(['launch.E302']);
      expect(r.messages).toContain('takes more than 5 redirects');
    });
  });

  describe('check 2: the certificate', () => {
    it('under 14 days left: launch.W304', () => {
      const r = judge(observed((o) => (o.certificate.daysLeft = 13)));
      expect(r.ids).toEqual(['launch.W304']);
      expect(r.messages).toContain('13 days left (under 14)');
      expect(judge(observed((o) => (o.certificate.daysLeft = 14))).ids).toEqual([]);
    });
    it('each verification error in words: launch.E303, and nothing else is judged', () => {
      const cases: Array<[string, RegExp]> = [
        ['CERT_HAS_EXPIRED', /it expired on 2026-11-20/],
        ['ERR_TLS_CERT_ALTNAME_INVALID', /it is for DNS:example\.com, not example\.com; it also expired on 2026-11-20/],
        ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', /serve fullchain\.pem, not cert\.pem/],
      ];
      for (const [error, says] of cases) {
        const r = judge(
          observed((o) => {
            o.certificate = { ...CERT, verified: false, error, validTo: '2026-11-20T00:00:00.000Z', daysLeft: -11 };
            o.httpsSkipped = `the certificate does not verify (${error}): no HTTPS page was requested`;
            delete o.home;
          }),
        );
        expect(r.ids, error).toEqual(['launch.E303']);
        expect(r.messages).toMatch(says);
      }
    });
    it('--insecure: launch.I305 instead, loudly', () => {
      const r = judge(
        observed((o) => {
          o.insecure = true;
          o.certificate = { ...CERT, verified: false, error: 'DEPTH_ZERO_SELF_SIGNED_CERT', daysLeft: 89 };
        }),
      );
      expect(r.ids).toEqual(['launch.I305']);
      expect(r.report.findings[0].level).toBe('note');
    });
  });

  describe('check 3: HSTS', () => {
    const hsts = (...values: string[]) =>
      judge(
        observed((o) => {
          const home = o.home!.hops[0];
          home.headers = home.headers.filter(([k]) => k !== 'strict-transport-security');
          for (const v of values) home.headers.push(['strict-transport-security', v]);
        }),
      );
    it('missing, too short, or ignored by browsers: launch.E306', () => {
      expect(hsts().ids).toEqual(['launch.E306']);
      expect(hsts('max-age=86400').messages).toContain('max-age=86400 (1 days), under 15552000');
      expect(hsts('max-age=31536000, max-age=0').messages).toContain('which browsers ignore: max-age "31536000, max-age=0" is not a number');
      expect(hsts('includeSubDomains').messages).toContain('it has no max-age directive');
      expect(hsts('max-age=31536000; max-age=31536000').messages).toContain('the max-age directive appears twice');
    });
    it('under a year, sent twice, preload without includeSubDomains: launch.W307', () => {
      expect(hsts('max-age=15552000').ids).toEqual(['launch.W307']);
      expect(hsts('max-age=63072000; preload').messages).toContain('with preload but without includeSubDomains');
      const twice = hsts('max-age=31536000; includeSubDomains', 'max-age=3600');
      expect(twice.ids).toEqual(['launch.W307']);
      expect(twice.messages).toContain('sends Strict-Transport-Security 2 times');
      expect(hsts('max-age="31536000"; includeSubDomains; preload').ids).toEqual([]);
    });
  });

  describe('check 4: security headers', () => {
    const headers = (name: string, value?: string, body?: string) =>
      judge(
        observed((o) => {
          setHeader(o.home!.hops[0], name, value);
          if (body !== undefined) o.home!.hops[0].body = body;
          // the 404 loses it too: check 7 compares, it does not judge
          setHeader(o.notFound!.hops[0], name, value);
        }),
      );
    it('nosniff: launch.W308', () => {
      expect(headers('X-Content-Type-Options').ids).toEqual(['launch.W308']);
      expect(headers('X-Content-Type-Options', 'sniff').ids).toEqual(['launch.W308']);
      expect(headers('X-Content-Type-Options', 'NoSniff').ids).toEqual([]);
    });
    it('framing: X-Frame-Options or CSP frame-ancestors (not a wildcard) — launch.W309', () => {
      const noXfo = (csp: string) =>
        judge(
          observed((o) => {
            for (const x of [o.home!.hops[0], o.notFound!.hops[0]]) {
              setHeader(x, 'X-Frame-Options', undefined);
              setHeader(x, 'Content-Security-Policy', csp);
            }
          }),
        );
      expect(noXfo("default-src 'self'; frame-ancestors 'none'").ids).toEqual([]);
      expect(noXfo("frame-ancestors 'self' https://partner.example").ids).toEqual([]);
      expect(noXfo('frame-ancestors *').ids).toEqual(['launch.W309']);
      expect(noXfo('frame-ancestors https:').ids).toEqual(['launch.W309']);
      expect(noXfo("default-src 'self'").messages).toContain('no X-Frame-Options and no CSP frame-ancestors: any site can frame the page');
      expect(headers('X-Frame-Options', 'ALLOW-FROM https://x.example').ids).toEqual([]); // the CSP still protects
    });
    it('Referrer-Policy: the last known token decides — launch.W310', () => {
      expect(headers('Referrer-Policy', 'unsafe-url').ids).toEqual(['launch.W310']);
      expect(headers('Referrer-Policy', 'no-referrer, unsafe-url').ids).toEqual(['launch.W310']);
      expect(headers('Referrer-Policy', 'unsafe-url, same-origin').ids).toEqual([]);
      expect(headers('Referrer-Policy', 'no-referrer-when-downgrade').ids).toEqual(['launch.W310']);
      expect(headers('Referrer-Policy').messages).toContain('sends no Referrer-Policy');
      expect(effectiveReferrerPolicy(['same-origin', 'bogus'])).toBe('same-origin');
    });
    it('CSP: absent or report-only — launch.W311; a <meta> policy counts', () => {
      expect(headers('Content-Security-Policy').ids).toEqual(['launch.W311']); // X-Frame-Options still forbids framing
      const reportOnly = judge(
        observed((o) => {
          for (const x of [o.home!.hops[0], o.notFound!.hops[0]]) setHeader(x, 'Content-Security-Policy', undefined);
          o.home!.hops[0].headers.push(['content-security-policy-report-only', "default-src 'self'"]);
        }),
      );
      expect(reportOnly.ids).toEqual(['launch.W311']);
      expect(reportOnly.messages).toContain('sends only Content-Security-Policy-Report-Only');
      expect(headers('Content-Security-Policy', undefined, `<head><meta http-equiv="Content-Security-Policy" content="default-src 'self'"></head>`).ids).toEqual([]);
    });
  });

  describe('check 5: cookies', () => {
    const cookies = (...setCookies: string[]) =>
      judge(
        observed((o) => {
          o.login = answer(ex('https://example.com/accounts/login/', 200, setCookies.map((c) => ['Set-Cookie', c] as [string, string])));
        }),
      );
    it('sessionid needs Secure, HttpOnly, SameSite Lax/Strict — launch.W312', () => {
      const r = cookies('sessionid=x; Path=/; Secure; SameSite=None');
      expect(r.ids).toEqual(['launch.W312']);
      expect(r.messages).toContain('sets the sessionid cookie without HttpOnly, SameSite Lax or Strict (it says SameSite=none)');
      expect(cookies('sessionid=x; HttpOnly; SameSite=Strict; Secure').ids).toEqual([]);
    });
    it('csrftoken needs Secure and SameSite, not HttpOnly — launch.W313', () => {
      expect(cookies('csrftoken=x; SameSite=Lax').ids).toEqual(['launch.W313']);
      expect(cookies('csrftoken=x; SameSite=Lax; Secure').ids).toEqual([]);
    });
    it('a renamed session or CSRF cookie is judged by its name; a cookie whose name says neither is not', () => {
      const r = cookies('shop_sessid=x; Path=/; HttpOnly; SameSite=Lax', 'shop_csrf=y; Path=/; SameSite=Lax', '_ga=z; Path=/');
      expect(r.ids).toEqual(['launch.W312', 'launch.W313']);
      expect(r.messages).toContain('sets the shop_sessid cookie without Secure');
      expect(r.messages).toContain('sets the shop_csrf cookie without Secure');
      expect(cookies('XSRF-TOKEN=y; Path=/; SameSite=Strict; Secure', 'shop_sessid=x; Secure; HttpOnly; SameSite=Lax').ids).toEqual([]);
      const other = cookies('_ga=z; Path=/', 'theme=dark');
      expect(other.ids).toEqual([]);
      expect(other.report.checklist[0].reason).toContain('or a cookie named like a session or CSRF cookie');
    });
    it('a cookie sent to delete itself is not judged', () => {
      expect(cookies('sessionid=""; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/').ids).toEqual([]);
    });
    it('no session or CSRF cookie anywhere: not applicable, said in the checklist', () => {
      const r = cookies();
      expect(r.ids).toEqual([]);
      expect(r.report.checklist[0]).toEqual({ item: 'live-site', status: 'pass', reason: expect.stringContaining('cookies: neither the home page nor /accounts/login/ sets sessionid or csrftoken') });
    });
  });

  describe('check 6: no debug page', () => {
    it('the install page at home: launch.E314', () => {
      const r = judge(observed((o) => (o.home!.hops[0].body = '<title>The install worked successfully! Congratulations!</title>')));
      expect(r.ids).toEqual(['launch.E314']);
      expect(r.messages).toContain("Django's default page of a project with no URLs (DEBUG on)");
    });
    it('a page that does not exist answering 200 (after a redirect): launch.W315', () => {
      const r = judge(observed((o) => (o.notFound = answer(ex('https://example.com/dlg-404-abc/', 302, [['Location', '/']]), ex(SITE, 200, SECURITY)))));
      expect(r.ids).toEqual(['launch.W315']);
      expect(r.messages).toContain('answers 200 (https://example.com/dlg-404-abc/ 302 → https://example.com/ 200), not 404');
    });
    it('the bogus Host served: launch.E316; refused by a 4xx or a closed connection: passes; no answer otherwise: not checked', () => {
      expect(judge(observed((o) => (o.badHost!.status = 200))).ids).toEqual(['launch.E316']);
      expect(judge(observed((o) => (o.badHost!.status = 301))).ids).toEqual(['launch.E316']);
      expect(judge(observed((o) => (o.badHost!.status = 421))).ids).toEqual([]);
      expect(judge(observed((o) => (o.badHost = { ...noAnswer(SITE, 'ECONNRESET', 'bogus-host'), hostHeader: 'dlg-abc.invalid' }))).ids).toEqual([]);
      const timeout = judge(observed((o) => (o.badHost = { ...noAnswer(SITE, 'ETIMEDOUT', 'bogus-host'), hostHeader: 'dlg-abc.invalid' })));
      expect(timeout.ids).toEqual([]);
      expect(timeout.report.checklist[0]).toMatchObject({ status: 'not-checked', reason: expect.stringContaining('debug page: the request with a bogus Host header got no answer (ETIMEDOUT)') });
    });
  });

  it('check 7: a header the page sends, missing from the 404 — launch.W317', () => {
    const r = judge(observed((o) => setHeader(o.notFound!.hops[0], 'X-Frame-Options', undefined)));
    expect(r.ids).toEqual(['launch.W317']);
    expect(r.messages).toContain('the 404 answer to https://example.com/dlg-404-abc/ lacks X-Frame-Options');
  });

  describe('check 8: a static file', () => {
    it('answers 200 with a fitting Content-Type, or launch.E318', () => {
      const served = (status: number, type?: string) =>
        judge(observed((o) => (o.static!.chain = answer(ex('https://example.com/static/site.1a2b3c.css', status, type ? [['Content-Type', type]] : [])))));
      expect(served(200, 'text/css; charset=utf-8').ids).toEqual([]);
      expect(served(200, 'text/html').messages).toContain('answers 200 with Content-Type text/html, not text/css');
      expect(served(200).messages).toContain('Content-Type (none)');
      expect(served(404, 'text/html').ids).toEqual(['launch.E318']);
    });
    it('none found: not checked, and the reason names --static-path — never a pass', () => {
      const r = judge(
        observed((o) => {
          delete o.static;
          o.staticMissing = 'no static file found: … — name one with --static-path';
        }),
      );
      expect(r.ids).toEqual([]);
      expect(r.report.checklist[0]).toEqual({ item: 'live-site', status: 'not-checked', reason: 'static file: no static file found: … — name one with --static-path' });
      expect(r.report.gates[0].detail).toContain('not checked: static file: no static file found');
    });
  });

  it('check 9: the admin at /admin/ — launch.W319; restricted or absent passes', () => {
    expect(judge(observed((o) => (o.admin = ex('https://example.com/admin/', 302, [['Location', '/admin/login/?next=/admin/']])))).ids).toEqual(['launch.W319']);
    expect(judge(observed((o) => (o.admin = ex('https://example.com/admin/', 200, [], '<title>Log in | Django site admin</title>')))).ids).toEqual(['launch.W319']);
    expect(judge(observed((o) => (o.admin = ex('https://example.com/admin/', 403)))).ids).toEqual([]);
    expect(judge(observed((o) => (o.admin = ex('https://example.com/admin/', 302, [['Location', '/accounts/login/?next=/admin/']])))).ids).toEqual([]);
  });
});

describe('readers', () => {
  it('HSTS grammar', () => {
    expect(parseHsts('max-age=31536000; includeSubDomains; preload')).toEqual({ maxAge: 31536000, includeSubDomains: true, preload: true });
    expect(parseHsts(' MAX-AGE = 10 ;')).toEqual({ maxAge: 10, includeSubDomains: false, preload: false });
    expect(parseHsts('')).toEqual({ invalid: 'the header is empty' });
  });
  it('Set-Cookie attributes', () => {
    expect(parseSetCookie('sessionid=a=b; secure; HTTPONLY; samesite=STRICT', NOW)).toEqual({ name: 'sessionid', secure: true, httpOnly: true, sameSite: 'strict', deletion: false });
    expect(parseSetCookie('novalue', NOW)).toBeUndefined();
  });
  it('Content-Type fits the extension; unknown extensions anything but HTML', () => {
    expect(contentTypeFits('/static/app.js', 'application/javascript; charset=utf-8').fits).toBe(true);
    expect(contentTypeFits('/static/app.woff2', 'font/woff2').fits).toBe(true);
    expect(contentTypeFits('/static/data.bin', 'application/octet-stream').fits).toBe(true);
    expect(contentTypeFits('/static/data.bin', 'text/html').fits).toBe(false);
  });
  it('the stylesheets then scripts a page links; a manifest entry (a stylesheet first, sorted)', () => {
    const html = `<script src="/static/app.js"></script><!-- <link rel="stylesheet" href="/old.css"> --><LINK REL="preload stylesheet" HREF='https://cdn.example/x.css?a=1&amp;b=2'>`;
    expect(linkedAssets(html, SITE).map(String)).toEqual(['https://cdn.example/x.css?a=1&b=2', 'https://example.com/static/app.js']);
    expect(manifestEntry('{"paths": {"js/a.js": "js/a.1.js", "css/z.css": "css/z.2.css", "css/b.css": "css/b.3.css"}, "version": "1.1"}')).toEqual({ name: 'css/b.css', stored: 'css/b.3.css' });
    expect(manifestEntry('not json')).toBeUndefined();
  });
});

/** A fake network: answers by URL (a list is used up in order, its last answer repeated); records every request. */
class FakeClient implements HttpClient {
  requests: string[] = [];
  probes = 0;
  constructor(
    private readonly answers: Record<string, Array<(url: string) => Exchange>>,
    private readonly tls: Array<TlsProbe> = [{ certificate: CERT }],
  ) {}
  async get(url: URL, opts: { purpose: string; hostHeader?: string }): Promise<Exchange> {
    this.requests.push(`${opts.hostHeader ? `[${opts.hostHeader}] ` : ''}${url.href}`);
    const list = this.answers[url.href] ?? [(u: string) => ex(u, 404)];
    const make = list.length > 1 ? list.shift()! : list[0];
    return { ...make(url.href), purpose: opts.purpose, ...(opts.hostHeader ? { hostHeader: opts.hostHeader } : {}) };
  }
  async tlsProbe(): Promise<TlsProbe> {
    this.probes++;
    return this.tls.length > 1 ? this.tls.shift()! : this.tls[0];
  }
}

const ok = (u: string) => ex(u, 200, [['Content-Type', 'text/html'], ...SECURITY], HOME_HTML);
const status = (n: number) => (u: string) => ex(u, n, [], `<h1>${n}</h1>`);

describe('collect(): the warm-up, the redirects, the host', () => {
  const sleeps: number[] = [];
  const opts = { backoffMs: [10, 20], sleep: async (ms: number) => void sleeps.push(ms), random: () => 'abc' };

  it('connection refused and 502/503 are retried with backoff until the site answers', async () => {
    sleeps.length = 0;
    const client = new FakeClient({ [SITE]: [status(502), status(503), ok], 'http://example.com/': [(u) => ex(u, 301, [['Location', SITE]])] }, [{ error: { code: 'ECONNREFUSED', message: 'refused' } }, { certificate: CERT }]);
    const obs = await collect(client, resolveTarget({ url: SITE, retries: 5 }), opts);
    expect('unreachable' in obs).toBe(false);
    expect(sleeps).toEqual([10, 20, 20]);
    expect((obs as Observations).warmup).toEqual({ retries: 3, waitedMs: 50, last: 'it answers 503' });
  });

  it('a real answer is never retried: a 500 is judged as it is', async () => {
    sleeps.length = 0;
    const client = new FakeClient({ [SITE]: [status(500)] });
    const obs = (await collect(client, resolveTarget({ url: SITE, retries: 5 }), opts)) as Observations;
    expect(sleeps).toEqual([]);
    expect(obs.home?.hops[0].status).toBe(500);
  });

  it('still down after the retries: unreachable, one line naming the last answer', async () => {
    sleeps.length = 0;
    expect(await collect(new FakeClient({ [SITE]: [status(503)] }), resolveTarget({ url: SITE, retries: 2 }), opts)).toEqual({ unreachable: 'https://example.com/ is not up: it answers 503 after 2 retries over 0 s' });
    const none = await collect(new FakeClient({}, [{ error: { code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 1.2.3.4:443' } }]), resolveTarget({ url: SITE }), opts);
    expect(none).toEqual({ unreachable: 'https://example.com/ could not be reached: ECONNREFUSED (connect ECONNREFUSED 1.2.3.4:443)' });
    const dns = new FakeClient({}, [{ error: { code: 'ENOTFOUND', message: 'getaddrinfo ENOTFOUND example.com' } }]);
    await collect(dns, resolveTarget({ url: SITE, retries: 3 }), opts);
    expect(dns.probes).toBe(1); // a name that does not resolve is not warming up
  });

  it('redirects are followed hop by hop on the given host only: another host is never requested', async () => {
    const client = new FakeClient({
      [SITE]: [ok],
      'http://example.com/': [(u) => ex(u, 301, [['Location', 'https://evil.example/']])],
      'https://example.com/accounts/login/': [(u) => ex(u, 302, [['Location', 'https://sso.example/login']])],
    });
    const obs = (await collect(client, target, opts)) as Observations;
    expect(obs.http.end).toBe('off-host');
    expect(obs.login?.end).toBe('off-host');
    expect(client.requests.every((r) => new URL(r.replace(/^\[[^\]]+\] /, '')).hostname === 'example.com')).toBe(true);
    expect(client.requests).toEqual([
      'https://example.com/',
      'http://example.com/',
      'https://example.com/accounts/login/',
      'https://example.com/dlg-404-abc/',
      '[dlg-abc.invalid] https://example.com/',
      'https://example.com/admin/',
      'https://example.com/static/staticfiles.json',
      'https://example.com/static/site.1a2b3c.css',
    ]);
  });

  it('the home page redirecting to another host is not checked in its place: unreachable, naming the URL to give', async () => {
    const client = new FakeClient({ [SITE]: [(u) => ex(u, 301, [['Location', 'https://www.example.com/']])] });
    expect(await collect(client, target, opts)).toEqual({ unreachable: 'https://example.com/ redirects to https://www.example.com/, another host — verify checks one host: give it that URL' });
    expect(client.requests).toEqual(['https://example.com/']);
  });

  it('a certificate that does not verify: no HTTPS request at all, only the HTTP side', async () => {
    const client = new FakeClient({ 'http://example.com/': [(u) => ex(u, 301, [['Location', SITE]])] }, [{ certificate: { ...CERT, verified: false, error: 'DEPTH_ZERO_SELF_SIGNED_CERT' } }]);
    const obs = (await collect(client, target, opts)) as Observations;
    expect(client.requests).toEqual(['http://example.com/']);
    expect(obs.http.end).toBe('not-followed');
    expect(judge(obs).ids).toEqual(['launch.E303']);
  });

  it('a loop is caught at the first repeated URL', async () => {
    const client = new FakeClient({ [SITE]: [(u) => ex(u, 301, [['Location', SITE]])] });
    const obs = (await collect(client, target, opts)) as Observations;
    expect(obs.home).toMatchObject({ end: 'loop', next: SITE });
    expect(obs.home?.hops).toHaveLength(1);
  });
});
