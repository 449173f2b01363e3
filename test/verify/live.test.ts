/**
 * `django-launch-gate verify` against real servers on loopback: Debian's nginx-light running
 * workflows/server/nginx-site.conf (TLS from a throwaway CA, trusted through NODE_EXTRA_CA_CERTS), Debian's
 * gunicorn serving test/verify/site. The hardened configuration passes every check; each seeded fault fails
 * exactly the check it should and nothing else. Requests go only to the servers this file starts.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Sarif from 'sarif';
import { cli } from '../../src/cli';
import { freePort } from '../../src/django/postgres';
import type { Report } from '../../src/finding';
import { sarifText } from '../../src/report/sarif';
import { Redactor } from '../../src/report/redact';
import { tempDir } from '../deploy/app';
import { validateSarif } from '../support/multitool';
import { caSignedCert, edit, selfSignedCert, testCa } from '../support/nginx';
import { cannotServe, collectStatic, HOST, serve, startGunicorn, type Gunicorn, type Served } from './servers';

interface Run {
  code: number;
  out: string;
  err: string;
}

interface JsonReport {
  verdict: string;
  verified: boolean;
  findings: Array<{ ruleId: string; level: string; message: string; location: { file: string; line: number } }>;
  checklist: Array<{ item: string; status: string; reason?: string }>;
  gates: Array<{ gate: string; status: string; detail?: string }>;
  site: NonNullable<Report['site']>;
}

const why = cannotServe();

async function runCli(argv: string[], env: Record<string, string>): Promise<Run> {
  let out = '';
  let err = '';
  const code = await cli(argv, { stdout: { write: (t: string) => (out += t) }, stderr: { write: (t: string) => (err += t) }, cwd: '/', env });
  return { code, out, err };
}

function ids(r: JsonReport): string[] {
  return [...new Set(r.findings.map((f) => f.ruleId))].sort();
}

/** Django settings variants (site/README.md): one gunicorn each. */
const DJANGO = {
  hardened: {},
  debug: { VERIFY_SITE_DEBUG: '1' },
  sessionInsecure: { VERIFY_SITE_SESSION_INSECURE: '1' },
  noSslRedirect: { VERIFY_SITE_NO_SSL_REDIRECT: '1' },
  noProxyHeader: { VERIFY_SITE_NO_PROXY_HEADER: '1' },
} as const;
type Django = keyof typeof DJANGO;

interface Case {
  name: string;
  django?: Django;
  nginx?: (site: string, ctx: { tmp: string }) => string;
  /** the rule IDs the run must report — exactly these */
  expect: string[];
  /** how many findings (default: one per ID) */
  count?: number;
  /** and what their messages must say */
  says?: RegExp[];
  /** lines the gate's detail must have */
  notChecked?: RegExp[];
}

const HSTS_LINE = '    add_header Strict-Transport-Security "max-age=31536000; includeSubDomains" always;\n';

const CASES: Case[] = [
  { name: 'the hardened configuration passes every check', expect: [] },
  {
    name: 'DEBUG on: the technical 404 and the DisallowedHost page (check 6)',
    django: 'debug',
    expect: ['launch.E314'],
    count: 2,
    says: [
      /^GET https:\/\/127\.0\.0\.1:\d+\/dlg-404-\w+\/ \(a page that does not exist\), answered 404, is Django's technical 404 page \(it says "Using the URLconf defined in"\): DEBUG is on in production/m,
      /^the answer \(400\) to a request with the bogus header Host: dlg-\w+\.invalid is Django's debug page for DisallowedHost/m,
    ],
  },
  {
    name: 'HSTS missing (check 3)',
    nginx: (site) => edit(site, HSTS_LINE, ''),
    expect: ['launch.E306'],
    says: [/sends no Strict-Transport-Security header/],
  },
  {
    name: 'headers without always: gone from the 404 (check 7)',
    nginx: (site) => site.replace(/^(\s*add_header .*) always;$/gm, '$1;'),
    expect: ['launch.W317'],
    says: [/the 404 answer to https:\/\/127\.0\.0\.1:\d+\/dlg-404-\w+\/ lacks Strict-Transport-Security, X-Content-Type-Options, X-Frame-Options, Referrer-Policy, Content-Security-Policy/],
  },
  {
    name: 'session cookie without Secure (check 5)',
    django: 'sessionInsecure',
    expect: ['launch.W312'],
    says: [/accounts\/login\/ sets the sessionid cookie without Secure:/],
  },
  {
    name: 'no HTTP → HTTPS redirect: nginx proxies plain HTTP to Django, which does not redirect (check 1)',
    django: 'noSslRedirect',
    nginx: (site) =>
      edit(
        site,
        /location \/ \{\n\s+return 301 https:\/\/\$host:\d+\$request_uri;\n\s+\}/.exec(site)![0],
        'location / {\n        proxy_pass http://django_app;\n        proxy_set_header Host $http_host;\n        proxy_set_header X-Forwarded-Proto $scheme;\n    }',
      ),
    expect: ['launch.E301'],
    says: [/http:\/\/127\.0\.0\.1:\d+\/ answers 200 OK over plain HTTP instead of redirecting to https:\/\//],
  },
  {
    name: 'SSL-redirect loop: SECURE_SSL_REDIRECT behind nginx without SECURE_PROXY_SSL_HEADER (check 1)',
    django: 'noProxyHeader',
    expect: ['launch.E302'],
    says: [/https:\/\/127\.0\.0\.1:\d+\/ redirects in a loop: .* 301 .*\(again: a loop\)/],
    // and what the loop keeps from being seen is said, never passed
    notChecked: [/^not checked: HSTS: the HTTPS page https:\/\/127\.0\.0\.1:\d+\/ never answers: a redirect loop/m, /^not checked: cookies: neither .* answers \(loop, loop\)$/m],
  },
  {
    name: 'static file missing: /static/ served from a folder collectstatic never filled (check 8)',
    nginx: (site, { tmp }) => edit(site, /alias \S+\/current\/staticfiles\/;/.exec(site)![0], `alias ${tmp}/empty/;`),
    expect: ['launch.E318'],
    says: [/\/static\/site\.[0-9a-f]{12}\.css \(linked by the home page\) answers 404 Not Found, not 200/],
  },
];

if (why) {
  it.skip(`verify against real nginx and gunicorn — skipped: ${why}`, () => {});
} else {
  describe('verify against real nginx + gunicorn on loopback', () => {
    let tmp: string;
    let app: string;
    let ca: { cert: string; key: string };
    let good: { cert: string; key: string };
    const env = (): Record<string, string> => ({ NODE_EXTRA_CA_CERTS: ca.cert, DLG_VERIFY_BACKOFF_MS: '100' });
    const gunicorns = {} as Record<Django, Gunicorn>;
    let servedCount = 0;

    /** nginx for one case, verify run against it (json), nginx stopped again. */
    async function against(c: { django?: Django; nginx?: Case['nginx']; cert?: { cert: string; key: string } }, extra: string[] = [], format = 'json'): Promise<Run & { site: Served }> {
      const site = await serve(join(tmp, `nginx-${++servedCount}`), {
        appDir: app,
        upstream: gunicorns[c.django ?? 'hardened'].port,
        cert: c.cert ?? good,
        change: c.nginx ? (s) => c.nginx!(s, { tmp }) : undefined,
      });
      try {
        const r = await runCli(['verify', site.url, '--http-url', site.httpUrl, '--format', format, '--fail-on', 'note', ...extra], env());
        return { ...r, site };
      } finally {
        await site.stop();
      }
    }

    beforeAll(async () => {
      tmp = tempDir('dlg-verify-');
      app = join(tmp, 'app');
      collectStatic(app);
      ca = testCa(join(tmp, 'ca'));
      good = caSignedCert(join(tmp, 'ca'), ca, HOST, 90);
      const started = await Promise.all((Object.keys(DJANGO) as Django[]).map(async (k) => [k, await startGunicorn(join(tmp, `gunicorn-${k}`), app, DJANGO[k])] as const));
      for (const [k, g] of started) gunicorns[k] = g;
    }, 120_000);

    afterAll(async () => {
      await Promise.all(Object.values(gunicorns).map((g) => g.stop()));
      if (tmp) rmSync(tmp, { recursive: true, force: true });
    });

    for (const c of CASES) {
      it(`${c.name}: ${c.expect.length ? c.expect.join(', ') : 'no finding'}, nothing else`, async () => {
        const r = await against(c);
        expect(r.err, r.out).toBe('');
        const report = JSON.parse(r.out) as JsonReport;
        expect(ids(report), JSON.stringify(report.findings, null, 2)).toEqual(c.expect);
        expect(report.findings).toHaveLength(c.count ?? c.expect.length);
        for (const re of c.says ?? []) expect(report.findings.map((f) => f.message).join('\n')).toMatch(re);
        expect(r.code).toBe(c.expect.length ? 1 : 0);
        // locations are URL paths on the site, line 1
        for (const f of report.findings) expect(f.location.file).toMatch(/^\//);
        expect(report.site.certificate?.verified).toBe(true);
        expect(report.site.requests.every((q) => new URL(q.url).hostname === HOST)).toBe(true);
        if (c.expect.length === 0) {
          // every check looked: a pass, with nothing "not checked"
          expect(report.checklist).toEqual([{ item: 'live-site', status: 'pass' }]);
          expect(report.gates[0].detail).not.toMatch(/not checked/);
          expect(report.verdict).toBe('0 errors, 0 warnings, 0 notes — live site passes (fail-on: note)');
          expect(report.site.requests.map((q) => q.purpose)).toEqual(['home', 'http', 'http', 'login', 'not-found', 'bogus-host', 'admin', 'static']);
          expect(report.gates[0].detail).toMatch(/^http: http:\/\/127\.0\.0\.1:\d+\/ 301 → https:\/\/127\.0\.0\.1:\d+\/ 200$/m);
          expect(report.gates[0].detail).toMatch(/^static \(entry site\.css of \/static\/staticfiles\.json\): https:\/\/127\.0\.0\.1:\d+\/static\/site\.[0-9a-f]{12}\.css 200$/m);
        } else {
          expect(report.checklist[0].status).toBe('findings');
        }
        for (const re of c.notChecked ?? []) expect(report.gates[0].detail).toMatch(re);
      }, 60_000);
    }

    it('the text report: the site, the certificate, findings at URL paths (no :line), the verdict', async () => {
      const r = await against({ nginx: (s) => edit(s, HSTS_LINE, '') }, [], 'text');
      expect(r.code).toBe(1);
      const lines = r.out.split('\n');
      expect(lines[1]).toBe(`Site ${r.site.url} (HTTP side: ${r.site.httpUrl})`);
      expect(lines[2]).toMatch(/^Certificate CN=127\.0\.0\.1, issued by CN=django-launch-gate test CA, valid until \d{4}-\d\d-\d\d \(8\d days left\): verifies against the trusted CAs$/);
      expect(r.out).toContain('The live site (HTTPS, headers, no debug page) — 1 error');
      expect(r.out).toMatch(/^ {2}\/ {2}launch\.E306 {2}https:\/\/127\.0\.0\.1:\d+\/ sends no Strict-Transport-Security header/m);
      expect(r.out).toMatch(/^ {6}fix: Send Strict-Transport-Security: max-age=31536000; includeSubDomains/m);
      expect(lines.filter(Boolean).pop()).toBe('1 error, 0 warnings, 0 notes — live site fails (fail-on: note)');
    }, 60_000);

    it('--format sarif and --sarif FILE: the same valid SARIF on stdout and in the file, the finding located at the URL path', async () => {
      const file = join(tmp, 'site.sarif');
      const r = await against({ nginx: (s) => edit(s, HSTS_LINE, '') }, ['--sarif', file], 'sarif');
      expect(r.code).toBe(1);
      const written = readFileSync(file, 'utf8');
      expect(written).toBe(r.out);
      const log = JSON.parse(written) as Sarif.Log;
      const results = log.runs[0].results ?? [];
      expect(results.map((x) => x.ruleId)).toEqual(['launch.E306']);
      // relative to the SITE base (the site's origin, in originalUriBaseIds), as the action writes it
      expect(results[0].locations?.[0].physicalLocation?.artifactLocation).toMatchObject({ uri: './', uriBaseId: 'SITE' });
      expect(log.runs[0].originalUriBaseIds?.SITE?.uri).toBe(`${r.site.url.replace(/\/$/, '')}/`);
      expect(validateSarif(tmp, written, 'site').errors).toEqual([]);
    }, 60_000);

    it('a self-signed certificate: launch.E303 only, and no HTTPS page is requested (a browser stops there too)', async () => {
      const self = selfSignedCert(join(tmp, 'self'), HOST, 90);
      const r = await against({ cert: self });
      const report = JSON.parse(r.out) as JsonReport;
      expect(ids(report)).toEqual(['launch.E303']);
      expect(report.findings[0].message).toMatch(/does not verify: it is self-signed \(DEPTH_ZERO_SELF_SIGNED_CERT\)/);
      expect(r.code).toBe(1);
      // only the HTTP side was asked; its redirect to HTTPS was not followed
      expect(report.site.requests.map((q) => q.purpose)).toEqual(['http']);
      expect(report.gates[0].detail).toMatch(/^http: http:\/\/127\.0\.0\.1:\d+\/ 301 → https:\/\/127\.0\.0\.1:\d+\/ \(not followed: the certificate does not verify\)$/m);
      expect(report.gates[0].detail).toMatch(/^not checked: HSTS: the certificate does not verify/m);
    }, 60_000);

    it('--insecure on that staging site: every check runs, the report says INSECURE loudly, and it is never a plain pass', async () => {
      const self = selfSignedCert(join(tmp, 'self2'), HOST, 90);
      const json = await against({ cert: self }, ['--insecure']);
      const report = JSON.parse(json.out) as JsonReport;
      expect(ids(report)).toEqual(['launch.I305']);
      expect(report.findings[0].level).toBe('note');
      expect(report.findings[0].message).toMatch(/^--insecure: the certificate of 127\.0\.0\.1:\d+ .* does not verify — it is self-signed — and was accepted anyway/);
      expect(report.site.insecure).toBe(true);
      expect(report.verified).toBe(false);
      expect(report.verdict).toBe('0 errors, 0 warnings, 1 note — live site fails (fail-on: note); --insecure: the certificate does not verify (DEPTH_ZERO_SELF_SIGNED_CERT)');
      expect(report.site.requests.map((q) => q.purpose)).toEqual(['home', 'http', 'http', 'login', 'not-found', 'bogus-host', 'admin', 'static']);

      const text = await against({ cert: self }, ['--insecure', '--fail-on', 'warning'], 'text');
      expect(text.code).toBe(0); // a note does not fail at fail-on warning…
      expect(text.out).toMatch(/^INSECURE \(--insecure\): this certificate does not verify and was accepted anyway; browsers refuse it\. Not a production result\.$/m);
      // …but the verdict never says the site passes
      expect(text.out.trim().split('\n').pop()).toBe('0 errors, 0 warnings, 1 note — live site not verified: --insecure: the certificate does not verify (DEPTH_ZERO_SELF_SIGNED_CERT)');
    }, 60_000);

    it('a certificate with 5 days left: launch.W304 only', async () => {
      const soon = caSignedCert(join(tmp, 'ca'), ca, HOST, 5);
      const r = await against({ cert: soon });
      const report = JSON.parse(r.out) as JsonReport;
      expect(ids(report)).toEqual(['launch.W304']);
      expect(report.findings[0].message).toMatch(/expires on \d{4}-\d\d-\d\d: 4 days left \(under 14\)/);
    }, 60_000);

    it('warm-up: nginx answers 502 until gunicorn starts; --retries waits it out with backoff', async () => {
      const port = await freePort();
      const site = await serve(join(tmp, 'nginx-warmup'), { appDir: app, upstream: port, cert: good });
      let late: Gunicorn | undefined;
      try {
        const starting = new Promise<void>((resolve) => setTimeout(resolve, 700)).then(async () => {
          late = await startGunicorn(join(tmp, 'gunicorn-late'), app, {}, port);
        });
        const r = await runCli(['verify', site.url, '--http-url', site.httpUrl, '--format', 'json', '--retries', '8'], { ...env(), DLG_VERIFY_BACKOFF_MS: '400' });
        await starting;
        const report = JSON.parse(r.out) as JsonReport;
        expect(r.code, r.err).toBe(0);
        expect(ids(report)).toEqual([]);
        expect(report.gates[0].detail).toMatch(/^warm-up: answered after [1-8] retr(y|ies) \(\d+ s; before: it answers 502 Bad Gateway\)$/m);
      } finally {
        await site.stop();
        await late?.stop();
      }
    }, 60_000);

    it('a site that stays down is exit 2 with one line — after the retries, never a pass', async () => {
      const site = await serve(join(tmp, 'nginx-down'), { appDir: app, upstream: await freePort(), cert: good });
      try {
        const r = await runCli(['verify', site.url, '--http-url', site.httpUrl, '--retries', '2'], env());
        expect(r.code).toBe(2);
        expect(r.err).toMatch(/^django-launch-gate: https:\/\/127\.0\.0\.1:\d+\/ is not up: it answers 502 Bad Gateway after 2 retries over 0 s — check the URL and that the site is up; a site that could not be checked never counts as passing\n$/);
        expect(r.out).toMatch(/verify {2}error/);
        expect(r.out).toContain('live site not verified: 1 gate could not run (verify)');
      } finally {
        await site.stop();
      }
      const closed = await freePort();
      const refused = await runCli(['verify', `https://${HOST}:${closed}/`, '--retries', '1'], env());
      expect(refused.code).toBe(2);
      expect(refused.err.trim().split('\n')).toHaveLength(1);
      expect(refused.err).toMatch(/could not be reached: ECONNREFUSED .* after 1 retry over 0 s/);
    }, 60_000);

    it('the SARIF of a live site is valid (sarif-multitool, GitHub rules): URL paths under the SITE base', async () => {
      const { verify } = await import('../../src/verify/index');
      const site = await serve(join(tmp, 'nginx-sarif'), { appDir: app, upstream: gunicorns.debug.port, cert: good, change: (s) => s.replace(/^(\s*add_header .*) always;$/gm, '$1;') });
      try {
        const run = await verify({ url: site.url, httpUrl: site.httpUrl, env: env() });
        expect([...new Set(run.report.findings.map((f) => f.ruleId))].sort()).toEqual(['launch.E314', 'launch.W317']);
        const text = sarifText(run.report, 'verify', new Redactor(new Set()));
        const log = JSON.parse(text);
        expect(log.runs[0].originalUriBaseIds).toEqual({ SITE: { uri: `${site.url}`, description: { text: `The live site checked by verify (${site.url}).` } } });
        const uris = log.runs[0].results.map((x: { locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId: string } } }> }) => x.locations[0].physicalLocation.artifactLocation);
        for (const u of uris) expect(u.uriBaseId).toBe('SITE');
        expect(uris.map((u: { uri: string }) => u.uri)).toEqual(expect.arrayContaining([expect.stringMatching(/^dlg-404-\w+\/$/), './']));
        const v = validateSarif(tmp, text, 'verify');
        expect(v.errors).toEqual([]);
        expect(v.warnings).toEqual([]);
      } finally {
        await site.stop();
      }
    }, 120_000);
  });
}
