export const id = 347;
export const ids = [347];
export const modules = {

/***/ 76347:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  t: () => (/* binding */ LIVE_CHECKS),
  m: () => (/* binding */ VERIFY_RULES)
});

// EXTERNAL MODULE: ./src/verify/types.ts
var types = __webpack_require__(24956);
;// CONCATENATED MODULE: ./src/verify/checks/rule.ts
function liveRule(meta) {
    return { checklist: 'live-site', precision: 'very-high', ...meta, tags: [...meta.tags, 'live-site'] };
}

;// CONCATENATED MODULE: ./src/verify/checks/admin.ts
/**
 * Check 9: Django's admin at its default path `admin/` (a warning). It is there when `GET admin/` redirects to
 * `admin/login/` or answers the admin's own page ("Django site admin"); a 404, or a 401/403 from a proxy that
 * restricts it, passes.
 */


const ADMIN_DEFAULT_PATH = liveRule({
    id: 'launch.W319',
    name: 'admin-default-path',
    level: 'warning',
    title: "Django's admin answers at the default path /admin/",
    fix: 'Mount the admin under a path of your own (path("manage-7f3a/", admin.site.urls)), or restrict /admin/ at the proxy (allow list, VPN); keep login rate limiting on it.',
    securitySeverity: 3.0,
    precision: 'high',
    tags: ['security'],
});
/** Sentences of Django's admin templates (base_site.html's title and header, login.html). */
const ADMIN_PAGE = /\|\s*Django site admin\s*<\/title>|>\s*Django administration\s*</i;
const adminCheck = {
    name: 'admin path',
    rules: [ADMIN_DEFAULT_PATH],
    check(obs) {
        if (obs.httpsSkipped)
            return { hits: [], notChecked: obs.httpsSkipped };
        const ex = obs.admin;
        if (!ex)
            return { hits: [], notChecked: 'admin/ was not requested' };
        if (ex.error)
            return { hits: [], notChecked: `${ex.url} does not answer (${ex.error.code})` };
        const location = (0,types/* headerValues */.UE)(ex, 'location')[0];
        let toLogin = false;
        if ((0,types/* isRedirect */.N6)(ex.status) && location) {
            try {
                toLogin = new URL(location, ex.url).pathname === `${new URL(ex.url).pathname}login/`;
            }
            catch {
                toLogin = false;
            }
        }
        const adminPage = ex.status === 200 && ADMIN_PAGE.test(ex.body);
        if (!toLogin && !adminPage)
            return { hits: [] };
        return {
            hits: [
                {
                    ruleId: ADMIN_DEFAULT_PATH.id,
                    path: (0,types/* pathOf */.XM)(ex.url),
                    message: `${ex.url} is Django's admin (${toLogin ? `it redirects to ${location}` : 'its own login page'}): the first path every scanner tries for password guessing.`,
                },
            ],
        };
    },
};

;// CONCATENATED MODULE: ./src/verify/checks/certificate.ts

const MIN_DAYS_LEFT = 14;
const CERTIFICATE_INVALID = liveRule({
    id: 'launch.E303',
    name: 'certificate-invalid',
    level: 'error',
    title: 'The HTTPS certificate does not verify (expired, self-signed, another host, or an incomplete chain)',
    fix: 'Serve a certificate from a public CA for this host name with its full chain (certbot: fullchain.pem), and renew it automatically.',
    securitySeverity: 8.0,
    tags: ['security', 'external/cwe/cwe-295'],
});
const CERTIFICATE_EXPIRING = liveRule({
    id: 'launch.W304',
    name: 'certificate-expiring',
    level: 'warning',
    title: `The HTTPS certificate expires in less than ${MIN_DAYS_LEFT} days`,
    fix: 'Renew the certificate now, and check that automatic renewal runs (certbot renew --dry-run; its timer or cron job) and that the server reloads the new one.',
    securitySeverity: 5.0,
    tags: ['security', 'reliability'],
});
const CERTIFICATE_NOT_VERIFIED = liveRule({
    id: 'launch.I305',
    name: 'certificate-not-verified-insecure',
    level: 'note',
    title: '--insecure: the certificate does not verify and was accepted anyway — this is not what a browser sees',
    fix: 'Only for staging: production needs a certificate that verifies (run verify there without --insecure).',
    securitySeverity: 0,
    tags: ['security'],
});
/** What Node/OpenSSL's verification error means, in words (OpenSSL names one error; an expiry besides it is added). */
function certificateProblem(cert, host) {
    const why = verificationError(cert, host);
    return cert.error !== 'CERT_HAS_EXPIRED' && cert.daysLeft < 0 ? `${why}; it also expired on ${cert.validTo.slice(0, 10)}` : why;
}
function verificationError(cert, host) {
    switch (cert.error) {
        case 'CERT_HAS_EXPIRED':
            return `it expired on ${cert.validTo.slice(0, 10)}`;
        case 'CERT_NOT_YET_VALID':
            return `it is not valid before ${cert.validFrom.slice(0, 10)}`;
        case 'DEPTH_ZERO_SELF_SIGNED_CERT':
            return 'it is self-signed';
        case 'SELF_SIGNED_CERT_IN_CHAIN':
            return 'its chain ends in a self-signed CA that is not trusted';
        case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
        case 'UNABLE_TO_GET_ISSUER_CERT':
        case 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY':
            return `its issuer (${cert.issuer || 'unknown'}) is not a trusted CA, or the server does not send the intermediate certificates (serve fullchain.pem, not cert.pem)`;
        case 'ERR_TLS_CERT_ALTNAME_INVALID':
        case 'HOSTNAME_MISMATCH':
            return `it is for ${cert.altNames.length ? cert.altNames.join(', ') : cert.subject || 'another name'}, not ${host}`;
        case 'CERT_REVOKED':
            return 'it is revoked';
        default:
            return `it does not verify (${cert.error ?? 'unknown error'})`;
    }
}
const certificateCheck = {
    name: 'certificate',
    rules: [CERTIFICATE_INVALID, CERTIFICATE_EXPIRING, CERTIFICATE_NOT_VERIFIED],
    check(obs) {
        const cert = obs.certificate;
        const host = obs.url.hostname;
        const path = obs.url.pathname;
        const hits = [];
        const who = `the certificate of ${obs.url.host} (${cert.subject || 'no subject'}, issued by ${cert.issuer || 'unknown'})`;
        if (!cert.verified) {
            const why = certificateProblem(cert, host);
            if (obs.insecure) {
                hits.push({ ruleId: CERTIFICATE_NOT_VERIFIED.id, path, message: `--insecure: ${who} does not verify — ${why} — and was accepted anyway; browsers refuse it, and this report's HTTPS checks hold only for this staging certificate.` });
            }
            else {
                hits.push({
                    ruleId: CERTIFICATE_INVALID.id,
                    path,
                    message: `${who} does not verify: ${why} (${cert.error}). Browsers refuse the site; no HTTPS page was requested (use --insecure for a staging site with a self-signed certificate).`,
                });
            }
        }
        if (cert.daysLeft >= 0 && cert.daysLeft < MIN_DAYS_LEFT) {
            hits.push({
                ruleId: CERTIFICATE_EXPIRING.id,
                path,
                message: `${who} expires on ${cert.validTo.slice(0, 10)}: ${cert.daysLeft} day${cert.daysLeft === 1 ? '' : 's'} left (under ${MIN_DAYS_LEFT}).`,
            });
        }
        return { hits };
    },
};

// EXTERNAL MODULE: ./src/verify/parse.ts
var parse = __webpack_require__(51042);
;// CONCATENATED MODULE: ./src/verify/checks/cookies.ts
/**
 * Check 5: the cookies the home and login pages set (every response of their redirect chains): Django's
 * `sessionid` Secure and HttpOnly, `csrftoken` Secure, both SameSite=Lax or Strict. A cookie sent only to
 * delete itself is not judged. A renamed one (SESSION_COOKIE_NAME, CSRF_COOKIE_NAME) is judged when its name
 * says what it is — `…sess…` a session cookie, `…csrf…`/`…xsrf…` a CSRF cookie: whatever made it, a session
 * cookie without Secure is the same hole, and a name that says neither is not guessed at.
 */



const SESSION_COOKIE = 'sessionid';
const CSRF_COOKIE = 'csrftoken';
const isCsrfCookie = (name) => name === CSRF_COOKIE || /csrf|xsrf/i.test(name);
const isSessionCookie = (name) => name === SESSION_COOKIE || (/sess/i.test(name) && !isCsrfCookie(name));
const LIVE_SESSION_COOKIE_INSECURE = liveRule({
    id: 'launch.W312',
    name: 'live-session-cookie-insecure',
    level: 'warning',
    title: 'The site sets the session cookie without Secure, without HttpOnly, or without SameSite=Lax/Strict',
    fix: 'SESSION_COOKIE_SECURE = True; keep SESSION_COOKIE_HTTPONLY = True and SESSION_COOKIE_SAMESITE = "Lax" (the defaults).',
    securitySeverity: 6.5,
    tags: ['security', 'external/cwe/cwe-614', 'external/cwe/cwe-1004'],
});
const LIVE_CSRF_COOKIE_INSECURE = liveRule({
    id: 'launch.W313',
    name: 'live-csrf-cookie-insecure',
    level: 'warning',
    title: 'The site sets the CSRF cookie without Secure or without SameSite=Lax/Strict',
    fix: 'CSRF_COOKIE_SECURE = True; keep CSRF_COOKIE_SAMESITE = "Lax" (the default).',
    securitySeverity: 4.5,
    tags: ['security', 'external/cwe/cwe-614'],
});
function cookiesOf(chains, now) {
    const out = [];
    for (const chain of chains) {
        for (const hop of chain?.hops ?? []) {
            for (const value of (0,types/* headerValues */.UE)(hop, 'set-cookie')) {
                const cookie = (0,parse/* parseSetCookie */.s_)(value, now);
                if (cookie && !cookie.deletion)
                    out.push({ cookie, url: hop.url });
            }
        }
    }
    return out;
}
/** What is missing from a cookie, each with what it lets happen. */
function missing(c, needHttpOnly) {
    const out = [];
    if (!c.secure)
        out.push(['Secure', 'it also travels with plain http:// requests, readable on the network']);
    if (needHttpOnly && !c.httpOnly)
        out.push(['HttpOnly', 'any script on the page can read it']);
    if (c.sameSite !== 'lax' && c.sameSite !== 'strict') {
        out.push([c.sameSite === undefined ? 'SameSite' : `SameSite Lax or Strict (it says SameSite=${c.sameSite})`, "other sites' requests carry it"]);
    }
    return out;
}
function judge(seen, kind, needHttpOnly, ruleId) {
    const bad = seen.map((s) => ({ ...s, missing: missing(s.cookie, needHttpOnly) })).filter((s) => kind(s.cookie.name) && s.missing.length > 0);
    if (bad.length === 0)
        return [];
    const first = bad[0];
    const name = first.cookie.name;
    const where = [...new Set(bad.filter((b) => b.cookie.name === name).map((b) => b.url))];
    return [
        {
            ruleId,
            path: (0,types/* pathOf */.XM)(first.url),
            message: `${where.join(' and ')} set${where.length === 1 ? 's' : ''} the ${name} cookie without ${first.missing.map((m) => m[0]).join(', ')}: ${first.missing.map((m) => m[1]).join('; ')}.`,
        },
    ];
}
const cookiesCheck = {
    name: 'cookies',
    rules: [LIVE_SESSION_COOKIE_INSECURE, LIVE_CSRF_COOKIE_INSECURE],
    check(obs, now) {
        if (obs.httpsSkipped)
            return { hits: [], notChecked: obs.httpsSkipped };
        // Cookies set on the way (a redirect that sets csrftoken) count; a page that never answers does not.
        const chains = [obs.home, obs.login].filter((c) => c?.end === 'answer');
        if (chains.length === 0)
            return { hits: [], notChecked: `neither ${obs.url.href} nor ${obs.loginPath} answers (${[obs.home, obs.login].map((c) => c?.end ?? 'not requested').join(', ')})` };
        const seen = cookiesOf(chains, now);
        const hits = [
            ...judge(seen, isSessionCookie, true, LIVE_SESSION_COOKIE_INSECURE.id),
            ...judge(seen, isCsrfCookie, false, LIVE_CSRF_COOKIE_INSECURE.id),
        ];
        if (!seen.some((s) => isSessionCookie(s.cookie.name) || isCsrfCookie(s.cookie.name))) {
            return { hits, notApplicable: `neither the home page nor ${obs.loginPath} sets ${SESSION_COOKIE} or ${CSRF_COOKIE}, or a cookie named like a session or CSRF cookie (another login page: --login-path)` };
        }
        return { hits };
    },
};

;// CONCATENATED MODULE: ./src/verify/markers.ts
/**
 * Django's debug pages, recognised by the sentences only they print — taken from Django's own templates
 * (django/views/templates/technical_404.html, technical_500.html/.txt, default_urlconf.html and the CSRF
 * failure page in django/views/csrf.py / csrf_403.html) of Django 3.2, 4.2 and 5.2.
 *
 * Not `grep -i debug`: Django's non-debug CSRF failure page says "More information is available with
 * DEBUG=True", and a site may well print the word. Every phrase below is matched with any whitespace (the
 * templates break lines inside them), HTML tags between words (`<code>DEBUG = True</code>`), and the
 * apostrophe straight, curly (Django 3.0+ prints "You’re") or as an entity.
 */
const APOSTROPHE = `(?:'|\u2019|&#39;|&#x27;|&#8217;|&#x2019;|&rsquo;|&apos;)`;
/** Between two words: white space, or a tag (`<code>`), or both; around `=` there may be none. */
const GAP = '(?:\\s|&nbsp;|&#160;|<[^<>]{0,80}>)+';
const GAP_OPTIONAL = '(?:\\s|&nbsp;|&#160;|<[^<>]{0,80}>)*';
function phrase(text) {
    const words = text.split(/\s+/);
    let source = '';
    words.forEach((word, i) => {
        if (i > 0)
            source += word === '=' || words[i - 1] === '=' ? GAP_OPTIONAL : GAP;
        source += word
            .split("'")
            .map((piece) => piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
            .join(APOSTROPHE);
    });
    return new RegExp(source, 'i');
}
const DEBUG_MARKERS = [
    { page: "Django's technical 404 page", text: 'Using the URLconf defined in', re: phrase('Using the URLconf defined in') },
    { page: "Django's technical 404 page", text: 'Django tried these URL patterns', re: phrase('Django tried these URL patterns') },
    { page: "Django's debug page", text: "You're seeing this error because you have DEBUG = True", re: phrase("You're seeing this error because you have DEBUG = True") },
    { page: "Django's technical 500 page", text: 'Django Version:', re: phrase('Django Version:') },
    { page: "Django's CSRF failure page with DEBUG on", text: "You're seeing the help section of this page because you have DEBUG = True", re: phrase("You're seeing the help section of this page because you have DEBUG = True") },
    { page: "Django's default page of a project with no URLs (DEBUG on)", text: 'The install worked successfully! Congratulations!', re: phrase('The install worked successfully! Congratulations!') },
];
/** The first Django debug marker in a body, or undefined. */
function findDebugPage(body) {
    for (const marker of DEBUG_MARKERS) {
        if (marker.re.test(body)) {
            const exception = /<title>\s*([A-Za-z_][\w.]*)\s+at\s+/i.exec(body)?.[1] ?? /^([A-Za-z_][\w.]*) at \S+\s*$/m.exec(body.slice(0, 400))?.[1];
            return { marker, ...(exception ? { exception } : {}) };
        }
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/verify/checks/pages.ts
/** The pages the checks read, or why a check could not read them (said as "not checked", never as a pass). */

/** The final answer of a chain, or why there is none. */
function chainAnswer(obs, chain, what) {
    if (obs.httpsSkipped)
        return { notChecked: obs.httpsSkipped };
    if (!chain)
        return { notChecked: `${what} was not requested` };
    const last = chain.hops[chain.hops.length - 1];
    switch (chain.end) {
        case 'answer':
            return { answer: last };
        case 'loop':
            return { notChecked: `${what} never answers: a redirect loop (${(0,types/* describeChain */.zx)(chain)})` };
        case 'too-many':
            return { notChecked: `${what} takes more than 5 redirects` };
        case 'off-host':
            return { notChecked: `${what} redirects to another host (${chain.next})` };
        case 'not-followed':
            return { notChecked: `${what} redirects to ${chain.next}, not followed: the certificate does not verify` };
        default:
            return { notChecked: `${what} does not answer (${last?.error?.code ?? 'no answer'})` };
    }
}
function homeAnswer(obs) {
    return chainAnswer(obs, obs.home, `the HTTPS page ${obs.url.href}`);
}

;// CONCATENATED MODULE: ./src/verify/checks/debug.ts
/**
 * Check 6: no Django debug page. `GET /<random>/` is a 404 whose body has none of Django's debug markers
 * (markers.ts); a request with a bogus Host header is refused (400, or any 4xx, or the connection closed — nginx's
 * 444) without the DisallowedHost debug page; the home and login pages are not debug pages ("The install worked
 * successfully" included).
 */




const DEBUG_PAGE = liveRule({
    id: 'launch.E314',
    name: 'debug-page-served',
    level: 'error',
    title: "The site serves Django's debug pages (DEBUG = True in production)",
    fix: 'Set DEBUG = False in the production settings (from the environment, default False), and restart the app server.',
    securitySeverity: 9.0,
    tags: ['security', 'external/cwe/cwe-489', 'external/cwe/cwe-215'],
});
const NOT_FOUND_STATUS = liveRule({
    id: 'launch.W315',
    name: 'not-found-not-404',
    level: 'warning',
    title: 'A page that does not exist does not answer 404',
    fix: 'Let unknown URLs reach Django\'s 404 (no catch-all route or proxy rule answering 200 or redirecting), and make sure handler404 answers with status 404.',
    securitySeverity: 2.0,
    precision: 'high',
    tags: ['reliability'],
});
const ANY_HOST_ACCEPTED = liveRule({
    id: 'launch.E316',
    name: 'any-host-accepted',
    level: 'error',
    title: 'The site answers a request with a bogus Host header instead of refusing it',
    fix: 'List only your host names in ALLOWED_HOSTS (never "*"), and have the proxy refuse unknown hosts (nginx: a default_server that returns 444).',
    securitySeverity: 6.5,
    tags: ['security', 'external/cwe/cwe-20'],
});
function debugMessage(what, m) {
    const exception = m.exception ? ` for ${m.exception}` : '';
    return `${what} is ${m.marker.page}${exception} (it says "${m.marker.text}"): DEBUG is on in production, showing settings, paths, URL patterns and code to anyone.`;
}
/** The connection closed without an answer: how nginx's `return 444` refuses. */
const CLOSED = ['ECONNRESET', 'EPIPE', 'ECONNABORTED'];
function badHostProblem(ex) {
    if (ex.error)
        return undefined; // closed without an answer (nginx 444): refused; other errors: see check()
    const status = ex.status ?? 0;
    if (status >= 400 && status < 500)
        return undefined;
    return `a request for ${ex.url} with the bogus header Host: ${ex.hostHeader} is answered ${(0,types/* answerText */.yy)(ex)}, not refused: ${status >= 500 ? 'the app fails on it' : 'the site works for any host name'} — password-reset links and redirects can be made to point at an attacker's host`;
}
const debugCheck = {
    name: 'debug page',
    rules: [DEBUG_PAGE, NOT_FOUND_STATUS, ANY_HOST_ACCEPTED],
    check(obs) {
        if (obs.httpsSkipped)
            return { hits: [], notChecked: obs.httpsSkipped };
        const hits = [];
        const skipped = [];
        const home = chainAnswer(obs, obs.home, `the HTTPS page ${obs.url.href}`);
        if ('answer' in home) {
            const m = findDebugPage(home.answer.body);
            if (m)
                hits.push({ ruleId: DEBUG_PAGE.id, path: (0,types/* pathOf */.XM)(home.answer.url), message: debugMessage(`the page ${home.answer.url}`, m) });
        }
        const login = chainAnswer(obs, obs.login, obs.loginPath);
        if ('answer' in login) {
            const m = findDebugPage(login.answer.body);
            if (m)
                hits.push({ ruleId: DEBUG_PAGE.id, path: (0,types/* pathOf */.XM)(login.answer.url), message: debugMessage(`the page ${login.answer.url}`, m) });
        }
        const start = obs.notFound?.start ?? '';
        const notFound = chainAnswer(obs, obs.notFound, `the page that does not exist ${start}`);
        if ('answer' in notFound) {
            const page = notFound.answer;
            const m = findDebugPage(page.body);
            if (m)
                hits.push({ ruleId: DEBUG_PAGE.id, path: (0,types/* pathOf */.XM)(start), message: debugMessage(`GET ${start} (a page that does not exist), answered ${page.status},`, m) });
            else if (page.status !== 404) {
                const via = obs.notFound.hops.length > 1 ? ` (${(0,types/* describeChain */.zx)(obs.notFound)})` : '';
                hits.push({ ruleId: NOT_FOUND_STATUS.id, path: (0,types/* pathOf */.XM)(start), message: `GET ${start}, a page that does not exist, answers ${page.status}${via}, not 404: broken links, crawlers and monitoring cannot tell a missing page from a real one.` });
            }
        }
        else if (obs.notFound && obs.home?.end !== 'loop' && (obs.notFound.end === 'loop' || obs.notFound.end === 'too-many' || obs.notFound.end === 'off-host')) {
            hits.push({ ruleId: NOT_FOUND_STATUS.id, path: (0,types/* pathOf */.XM)(start), message: `GET ${start}, a page that does not exist, never answers 404: ${(0,types/* describeChain */.zx)(obs.notFound)}.` });
        }
        else
            skipped.push(notFound.notChecked);
        const bad = obs.badHost;
        if (bad?.error && !CLOSED.includes(bad.error.code))
            skipped.push(`the request with a bogus Host header got no answer (${bad.error.code})`);
        else if (bad) {
            const m = bad.error ? undefined : findDebugPage(bad.body);
            if (m)
                hits.push({ ruleId: DEBUG_PAGE.id, path: (0,types/* pathOf */.XM)(bad.url), message: debugMessage(`the answer (${bad.status}) to a request with the bogus header Host: ${bad.hostHeader}`, m) });
            else {
                const problem = badHostProblem(bad);
                if (problem)
                    hits.push({ ruleId: ANY_HOST_ACCEPTED.id, path: (0,types/* pathOf */.XM)(bad.url), message: `${problem}.` });
            }
        }
        else
            skipped.push('the bogus-Host request was not made');
        return skipped.length && hits.length === 0 ? { hits, notChecked: skipped.join('; ') } : { hits };
    },
};

;// CONCATENATED MODULE: ./src/verify/checks/error-headers.ts
/**
 * Check 7: the security headers the HTTPS page sends are also on the 404 (nginx drops `add_header` headers from
 * error responses unless they say `always`). Only headers the page itself sends are compared: one missing
 * everywhere is check 3's or 4's.
 */



const SECURITY_HEADERS = ['Strict-Transport-Security', 'X-Content-Type-Options', 'X-Frame-Options', 'Referrer-Policy', 'Content-Security-Policy'];
const HEADERS_MISSING_ON_ERRORS = liveRule({
    id: 'launch.W317',
    name: 'headers-missing-on-errors',
    level: 'warning',
    title: 'Security headers the site sends on its pages are missing from its 404 response',
    fix: 'nginx: add `always` to each add_header (add_header X-Frame-Options "DENY" always;) — without it nginx sends them only with 200, 201, 204, 206, 301, 302, 303, 304, 307 and 308.',
    securitySeverity: 3.5,
    tags: ['security'],
});
const errorHeadersCheck = {
    name: 'headers on errors',
    rules: [HEADERS_MISSING_ON_ERRORS],
    check(obs) {
        const home = homeAnswer(obs);
        if ('notChecked' in home)
            return { hits: [], notChecked: home.notChecked };
        const start = obs.notFound?.start ?? '';
        const error = chainAnswer(obs, obs.notFound, `the page that does not exist ${start}`);
        if ('notChecked' in error)
            return { hits: [], notChecked: error.notChecked };
        if ((error.answer.status ?? 0) < 400)
            return { hits: [], notChecked: `no error response to compare: ${start} answers ${error.answer.status}` };
        const sent = SECURITY_HEADERS.filter((h) => (0,types/* headerValues */.UE)(home.answer, h).length > 0);
        const lost = sent.filter((h) => (0,types/* headerValues */.UE)(error.answer, h).length === 0);
        if (lost.length === 0)
            return { hits: [] };
        return {
            hits: [
                {
                    ruleId: HEADERS_MISSING_ON_ERRORS.id,
                    path: (0,types/* pathOf */.XM)(start),
                    message: `the ${error.answer.status} answer to ${start} lacks ${lost.join(', ')}, which ${home.answer.url} sends: error pages go without them (nginx add_header without always).`,
                },
            ],
        };
    },
};

;// CONCATENATED MODULE: ./src/verify/checks/headers.ts
/**
 * Check 4: the HTTPS page's security headers — X-Content-Type-Options: nosniff; framing forbidden
 * (X-Frame-Options DENY/SAMEORIGIN, or a Content-Security-Policy frame-ancestors that names no wildcard); a
 * Referrer-Policy that never sends the full URL to other sites; a Content-Security-Policy.
 */




const NOSNIFF_MISSING = liveRule({
    id: 'launch.W308',
    name: 'nosniff-missing',
    level: 'warning',
    title: 'The HTTPS page does not send X-Content-Type-Options: nosniff',
    fix: 'Send X-Content-Type-Options: nosniff on every response (nginx: add_header X-Content-Type-Options "nosniff" always; Django: SECURE_CONTENT_TYPE_NOSNIFF = True, the default).',
    securitySeverity: 4.0,
    tags: ['security', 'external/cwe/cwe-16'],
});
const FRAMING_ALLOWED = liveRule({
    id: 'launch.W309',
    name: 'framing-allowed',
    level: 'warning',
    title: 'Other sites may frame the HTTPS page: no X-Frame-Options DENY/SAMEORIGIN, no CSP frame-ancestors',
    fix: 'Send X-Frame-Options: DENY (Django: XFrameOptionsMiddleware with X_FRAME_OPTIONS = "DENY"; nginx: add_header X-Frame-Options "DENY" always), or a Content-Security-Policy with frame-ancestors \'none\' or \'self\'.',
    securitySeverity: 5.0,
    tags: ['security', 'external/cwe/cwe-1021'],
});
const REFERRER_POLICY_UNSAFE = liveRule({
    id: 'launch.W310',
    name: 'referrer-policy-unsafe',
    level: 'warning',
    title: 'The HTTPS page sends no Referrer-Policy, or one that gives other sites the full URL',
    fix: 'Send Referrer-Policy: strict-origin-when-cross-origin or same-origin (Django: SECURE_REFERRER_POLICY = "same-origin", the default since 3.1).',
    securitySeverity: 3.0,
    tags: ['security', 'external/cwe/cwe-200'],
});
const CSP_MISSING = liveRule({
    id: 'launch.W311',
    name: 'csp-missing',
    level: 'warning',
    title: 'The HTTPS page sends no Content-Security-Policy',
    fix: "Send a Content-Security-Policy (start with default-src 'self'; frame-ancestors 'none'; object-src 'none'; base-uri 'self', as Content-Security-Policy-Report-Only until the reports are clean).",
    securitySeverity: 4.0,
    precision: 'high',
    tags: ['security', 'external/cwe/cwe-79'],
});
/** Enforced CSP policies (headers; a `<meta>` policy cannot set frame-ancestors, so framing looks at headers only). */
function cspPolicies(page) {
    return (0,types/* headerValues */.UE)(page, 'content-security-policy').flatMap(parse/* parseCsp */.WV);
}
const headersCheck = {
    name: 'security headers',
    rules: [NOSNIFF_MISSING, FRAMING_ALLOWED, REFERRER_POLICY_UNSAFE, CSP_MISSING],
    check(obs) {
        const home = homeAnswer(obs);
        if ('notChecked' in home)
            return { hits: [], notChecked: home.notChecked };
        const page = home.answer;
        const url = page.url;
        const path = (0,types/* pathOf */.XM)(url);
        const hits = [];
        const nosniff = (0,types/* headerValues */.UE)(page, 'x-content-type-options');
        // Browsers read the first value only.
        const first = nosniff.join(',').split(',')[0]?.trim().toLowerCase();
        if (first !== 'nosniff') {
            hits.push({ ruleId: NOSNIFF_MISSING.id, path, message: nosniff.length ? `${url} sends X-Content-Type-Options "${nosniff.join(', ').slice(0, 60)}", not nosniff.` : `${url} sends no X-Content-Type-Options: nosniff — browsers may run an upload or a response as a script or stylesheet by its content.` });
        }
        const xfo = (0,types/* headerValues */.UE)(page, 'x-frame-options').flatMap((v) => v.split(',')).map((v) => v.trim().toUpperCase()).filter(Boolean);
        const xfoProtects = xfo.length > 0 && new Set(xfo).size === 1 && (xfo[0] === 'DENY' || xfo[0] === 'SAMEORIGIN');
        const ancestors = cspPolicies(page).map((p) => p.get('frame-ancestors')).filter((s) => s !== undefined);
        const cspProtects = ancestors.some(parse/* frameAncestorsProtects */.uK);
        if (!xfoProtects && !cspProtects) {
            const said = [xfo.length ? `X-Frame-Options "${[...new Set(xfo)].join(', ')}"` : 'no X-Frame-Options', ancestors.length ? `frame-ancestors ${ancestors.map((a) => a.join(' ')).join(' / ')}` : 'no CSP frame-ancestors'];
            hits.push({ ruleId: FRAMING_ALLOWED.id, path, message: `${url} sends ${said.join(' and ')}: any site can frame the page (clickjacking).` });
        }
        const referrer = (0,types/* headerValues */.UE)(page, 'referrer-policy');
        const policy = (0,parse/* effectiveReferrerPolicy */.dz)(referrer);
        if (!policy) {
            hits.push({
                ruleId: REFERRER_POLICY_UNSAFE.id,
                path,
                message: referrer.length
                    ? `${url} sends Referrer-Policy "${referrer.join(', ').slice(0, 60)}", which no browser knows: it falls back to its default.`
                    : `${url} sends no Referrer-Policy: each browser applies its own default (older ones send the full URL, query string included, to every http:// link).`,
            });
        }
        else if (parse/* UNSAFE_REFERRER_POLICIES */.qV.includes(policy)) {
            hits.push({ ruleId: REFERRER_POLICY_UNSAFE.id, path, message: `${url} sends Referrer-Policy: ${policy}, which gives other sites the full URL of the page (path and query string, tokens included).` });
        }
        const csp = (0,types/* headerValues */.UE)(page, 'content-security-policy').filter((v) => v.trim() !== '');
        const meta = (0,parse/* metaCsp */.sE)(page.body);
        if (csp.length === 0 && !meta) {
            const reportOnly = (0,types/* headerValues */.UE)(page, 'content-security-policy-report-only').length > 0;
            hits.push({
                ruleId: CSP_MISSING.id,
                path,
                message: reportOnly
                    ? `${url} sends only Content-Security-Policy-Report-Only: it reports, it enforces nothing. Once the reports are clean, send it as Content-Security-Policy.`
                    : `${url} sends no Content-Security-Policy: an injected script runs with the page's full rights.`,
            });
        }
        return { hits };
    },
};

;// CONCATENATED MODULE: ./src/verify/checks/hsts.ts
/**
 * Check 3: the HTTPS page sends Strict-Transport-Security exactly once, with max-age ≥ 15552000 (180 days;
 * a warning under 31536000, a year), and `preload` only together with `includeSubDomains`.
 */




const HSTS_MIN = 15_552_000;
const HSTS_GOOD = 31_536_000;
const HSTS_MISSING = liveRule({
    id: 'launch.E306',
    name: 'live-hsts-missing',
    level: 'error',
    title: 'The HTTPS page sends no valid Strict-Transport-Security header with max-age of at least 180 days',
    fix: 'Send Strict-Transport-Security: max-age=31536000; includeSubDomains on every HTTPS response (nginx: add_header … always; Django: SECURE_HSTS_SECONDS = 31536000).',
    securitySeverity: 7.0,
    tags: ['security', 'external/cwe/cwe-319'],
});
const HSTS_WEAK = liveRule({
    id: 'launch.W307',
    name: 'live-hsts-weak',
    level: 'warning',
    title: 'Strict-Transport-Security is sent more than once, for less than a year, or with preload but without includeSubDomains',
    fix: 'Send one Strict-Transport-Security header, max-age=31536000 (a year) or more; with preload, add includeSubDomains.',
    securitySeverity: 4.0,
    tags: ['security', 'external/cwe/cwe-319'],
});
function days(seconds) {
    return `${Math.floor(seconds / 86_400)} days`;
}
const hstsCheck = {
    name: 'HSTS',
    rules: [HSTS_MISSING, HSTS_WEAK],
    check(obs) {
        const home = homeAnswer(obs);
        if ('notChecked' in home)
            return { hits: [], notChecked: home.notChecked };
        const page = home.answer;
        const path = (0,types/* pathOf */.XM)(page.url);
        const values = (0,types/* headerValues */.UE)(page, 'strict-transport-security');
        const hits = [];
        if (values.length === 0) {
            hits.push({ ruleId: HSTS_MISSING.id, path, message: `${page.url} sends no Strict-Transport-Security header: browsers keep following http:// links, which an attacker on the network can answer (SSL stripping).` });
            return { hits };
        }
        // Browsers use the first header only (RFC 6797 §8.1).
        const hsts = (0,parse/* parseHsts */.cH)(values[0]);
        if ('invalid' in hsts) {
            hits.push({ ruleId: HSTS_MISSING.id, path, message: `${page.url} sends Strict-Transport-Security "${values[0].slice(0, 80)}", which browsers ignore: ${hsts.invalid}.` });
        }
        else if (hsts.maxAge < HSTS_MIN) {
            hits.push({ ruleId: HSTS_MISSING.id, path, message: `${page.url} sends Strict-Transport-Security with max-age=${hsts.maxAge} (${days(hsts.maxAge)}), under ${HSTS_MIN} (180 days).` });
        }
        else {
            if (hsts.maxAge < HSTS_GOOD)
                hits.push({ ruleId: HSTS_WEAK.id, path, message: `${page.url} sends Strict-Transport-Security with max-age=${hsts.maxAge} (${days(hsts.maxAge)}), under a year (${HSTS_GOOD}).` });
            if (hsts.preload && !hsts.includeSubDomains) {
                hits.push({ ruleId: HSTS_WEAK.id, path, message: `${page.url} sends Strict-Transport-Security with preload but without includeSubDomains: the preload list refuses it.` });
            }
        }
        if (values.length > 1) {
            hits.push({
                ruleId: HSTS_WEAK.id,
                path,
                message: `${page.url} sends Strict-Transport-Security ${values.length} times (${values.map((v) => `"${v.slice(0, 60)}"`).join(', ')}); browsers use only the first — usually both the proxy and Django's SecurityMiddleware send it (nginx: proxy_hide_header Strict-Transport-Security).`,
            });
        }
        return { hits };
    },
};

;// CONCATENATED MODULE: ./src/verify/checks/redirect.ts
/**
 * Check 1: `http://` answers 301 or 308 with a Location on `https://` of the same host, and neither that chain
 * nor the HTTPS page's own redirects loop (at most 5 redirects).
 */


const HTTP_NOT_REDIRECTED = liveRule({
    id: 'launch.E301',
    name: 'http-not-redirected-to-https',
    level: 'error',
    title: 'http:// does not answer with a permanent redirect (301/308) to https:// on the same host',
    fix: 'Answer every http:// request with 301 to https:// on the same host and path (nginx: return 301 https://$host$request_uri;), or set SECURE_SSL_REDIRECT = True.',
    securitySeverity: 7.5,
    tags: ['security', 'external/cwe/cwe-319'],
});
const REDIRECT_LOOP = liveRule({
    id: 'launch.E302',
    name: 'redirect-loop',
    level: 'error',
    title: 'A redirect chain loops or takes more than 5 redirects',
    fix: 'Behind a proxy that terminates TLS, set SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") and have the proxy set X-Forwarded-Proto $scheme; otherwise find which redirect sends the page back to itself.',
    securitySeverity: 5.0,
    tags: ['reliability'],
});
function sameHost(a, b) {
    return a.hostname.toLowerCase() === b.hostname.toLowerCase();
}
/** Loops and over-long chains, once each (the HTTP side usually runs into the HTTPS page's loop). */
function loops(chains) {
    const hits = [];
    const seen = new Set();
    for (const chain of chains) {
        if (!chain || (chain.end !== 'loop' && chain.end !== 'too-many'))
            continue;
        const key = chain.end === 'loop' ? `loop ${chain.next}` : `long ${chain.start}`;
        if (seen.has(key))
            continue;
        seen.add(key);
        const where = (0,types/* pathOf */.XM)(chain.end === 'loop' ? chain.next : chain.start);
        hits.push({
            ruleId: REDIRECT_LOOP.id,
            path: where,
            message: chain.end === 'loop'
                ? `${chain.next} redirects in a loop: ${(0,types/* describeChain */.zx)(chain)}. Browsers give up with "too many redirects"; Django's SECURE_SSL_REDIRECT behind a proxy without SECURE_PROXY_SSL_HEADER does exactly this.`
                : `${chain.start} takes more than 5 redirects: ${(0,types/* describeChain */.zx)(chain)}.`,
        });
    }
    return hits;
}
function redirectProblem(obs) {
    const first = obs.http.hops[0];
    const from = obs.httpUrl.href;
    if (!first || first.error) {
        return `${from} does not answer (${first?.error?.code ?? 'no request'}): a browser given the bare domain gets an error page instead of the HTTPS site`;
    }
    const location = (0,types/* headerValues */.UE)(first, 'location')[0];
    const permanent = first.status === 301 || first.status === 308;
    const temporary = first.status === 302 || first.status === 303 || first.status === 307;
    if (!permanent && !temporary)
        return `${from} answers ${(0,types/* answerText */.yy)(first)} over plain HTTP instead of redirecting to https://`;
    if (location === undefined)
        return `${from} answers ${first.status} without a Location header`;
    let target;
    try {
        target = new URL(location, from);
    }
    catch {
        return `${from} redirects to "${location}", which is not a URL`;
    }
    if (target.protocol !== 'https:')
        return `${from} answers ${first.status} to ${target.href}, not to https://`;
    if (!sameHost(target, obs.httpUrl)) {
        return `${from} answers ${first.status} to ${target.href}, another host: redirect to https:// on ${obs.httpUrl.hostname} first (HSTS and the preload list need it), then to the other host`;
    }
    if (temporary)
        return `${from} answers ${first.status} (a temporary redirect) to ${target.href}: use 301 or 308, which browsers and search engines remember`;
    // The redirect is right; where it leads must answer (a loop is launch.E302's).
    if (obs.http.end === 'no-answer') {
        const last = obs.http.hops[obs.http.hops.length - 1];
        return `${from} redirects to ${last.url}, which does not answer (${last.error?.code ?? 'no answer'}): ${(0,types/* describeChain */.zx)(obs.http)}`;
    }
    if (obs.http.end === 'off-host')
        return `${from} ends up on another host: ${(0,types/* describeChain */.zx)(obs.http)}`;
    return undefined;
}
const redirectCheck = {
    name: 'HTTP → HTTPS redirect',
    rules: [HTTP_NOT_REDIRECTED, REDIRECT_LOOP],
    check(obs) {
        const hits = [];
        const problem = redirectProblem(obs);
        if (problem)
            hits.push({ ruleId: HTTP_NOT_REDIRECTED.id, path: (0,types/* pathOf */.XM)(obs.httpUrl.href), message: `${problem}.` });
        hits.push(...loops([obs.http, obs.home]));
        return { hits };
    },
};

;// CONCATENATED MODULE: ./src/verify/checks/static.ts
/**
 * Check 8: a static file answers 200 with a Content-Type that fits it. The file: --static-path when given; else
 * one entry of the ManifestStaticFilesStorage manifest (STATIC_URL + staticfiles.json, with STATIC_URL tried as
 * `static/` and the folder of the stylesheets/scripts the home page links); else the first stylesheet or script
 * the home page links on this host.
 */



const STATIC_FILE_NOT_SERVED = liveRule({
    id: 'launch.E318',
    name: 'static-file-not-served',
    level: 'error',
    title: 'A static file does not answer 200 with a Content-Type that fits it',
    fix: 'Run collectstatic on every deploy and serve STATIC_ROOT at STATIC_URL (nginx: location /static/ { alias …/staticfiles/; }, or WhiteNoise), with the server\'s MIME types.',
    securitySeverity: 0,
    tags: ['reliability', 'static-files'],
});
const staticCheck = {
    name: 'static file',
    rules: [STATIC_FILE_NOT_SERVED],
    check(obs) {
        if (obs.httpsSkipped)
            return { hits: [], notChecked: obs.httpsSkipped };
        const probe = obs.static;
        if (!probe)
            return { hits: [], notChecked: obs.staticMissing ?? 'no static file found to check — pass --static-path' };
        const chain = probe.chain;
        const path = (0,types/* pathOf */.XM)(chain.start);
        const from = `${chain.start} (${probe.source})`;
        const last = chain.hops[chain.hops.length - 1];
        if (chain.end !== 'answer') {
            return { hits: [{ ruleId: STATIC_FILE_NOT_SERVED.id, path, message: `${from} does not answer: ${(0,types/* describeChain */.zx)(chain)}.` }] };
        }
        if (last.status !== 200) {
            const via = chain.hops.length > 1 ? ` (${(0,types/* describeChain */.zx)(chain)})` : '';
            return { hits: [{ ruleId: STATIC_FILE_NOT_SERVED.id, path, message: `${from} answers ${(0,types/* answerText */.yy)(last)}${via}, not 200: pages that use it render without it.` }] };
        }
        const type = (0,types/* headerValues */.UE)(last, 'content-type')[0];
        const fit = (0,parse/* contentTypeFits */.Gl)(new URL(last.url).pathname, type);
        if (!fit.fits) {
            return {
                hits: [
                    {
                        ruleId: STATIC_FILE_NOT_SERVED.id,
                        path,
                        message: `${from} answers 200 with Content-Type ${type ?? '(none)'}, not ${fit.expected}: with nosniff, browsers refuse to use it.`,
                    },
                ],
            };
        }
        return { hits: [] };
    },
};

;// CONCATENATED MODULE: ./src/verify/checks/index.ts









const LIVE_CHECKS = [redirectCheck, certificateCheck, hstsCheck, headersCheck, cookiesCheck, debugCheck, errorHeadersCheck, staticCheck, adminCheck];
const VERIFY_RULES = LIVE_CHECKS.flatMap((c) => c.rules);


/***/ }),

/***/ 51042:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gl: () => (/* binding */ contentTypeFits),
/* harmony export */   JL: () => (/* binding */ mediaType),
/* harmony export */   WV: () => (/* binding */ parseCsp),
/* harmony export */   cH: () => (/* binding */ parseHsts),
/* harmony export */   dz: () => (/* binding */ effectiveReferrerPolicy),
/* harmony export */   h2: () => (/* binding */ linkedAssets),
/* harmony export */   m6: () => (/* binding */ manifestEntry),
/* harmony export */   qV: () => (/* binding */ UNSAFE_REFERRER_POLICIES),
/* harmony export */   sE: () => (/* binding */ metaCsp),
/* harmony export */   s_: () => (/* binding */ parseSetCookie),
/* harmony export */   uK: () => (/* binding */ frameAncestorsProtects)
/* harmony export */ });
/* unused harmony export REFERRER_POLICIES */
/**
 * Readers of what a site sends: Strict-Transport-Security (RFC 6797 §6.1), Set-Cookie (RFC 6265 §5.2),
 * Content-Security-Policy (CSP 3 §2.2), Referrer-Policy, Content-Type, and the stylesheets/scripts a page links.
 * Pure functions over strings. Each grammar is a few lines; no dependency of this package parses them.
 */
/** A Strict-Transport-Security value, or why browsers ignore it (RFC 6797 §6.1, §8.1: a header off the grammar is ignored). */
function parseHsts(value) {
    const seen = new Map();
    // `;`-separated directives `name[=value]`, a value a token or a quoted string (which may hold a `;`)
    for (const part of value.match(/(?:[^;"]|"(?:[^"\\]|\\.)*")+/g) ?? []) {
        const text = part.trim();
        if (text === '')
            continue;
        const m = /^([^=\s]+)\s*(?:=\s*(.*))?$/.exec(text);
        const name = m?.[1].toLowerCase();
        if (!m || !name || !/^[!#$%&'*+.^_`|~0-9a-z-]+$/.test(name))
            return { invalid: `cannot read "${text.slice(0, 40)}"` };
        if (seen.has(name))
            return { invalid: `the ${name} directive appears twice` };
        const raw = m[2]?.trim();
        const quoted = raw !== undefined && /^"(?:[^"\\]|\\.)*"$/.test(raw);
        seen.set(name, raw === undefined ? undefined : quoted ? raw.slice(1, -1).replace(/\\(.)/g, '$1') : raw);
    }
    if (seen.size === 0)
        return { invalid: 'the header is empty' };
    if (!seen.has('max-age'))
        return { invalid: 'it has no max-age directive' };
    const age = seen.get('max-age');
    if (age === undefined || !/^\d+$/.test(age))
        return { invalid: `max-age "${age ?? ''}" is not a number of seconds` };
    return { maxAge: Number(age), includeSubDomains: seen.has('includesubdomains'), preload: seen.has('preload') };
}
/** One Set-Cookie header value (RFC 6265 §5.2: name=value, then `;`-separated attributes, names case-insensitive). */
function parseSetCookie(value, now) {
    const [pair, ...attrs] = value.split(';');
    const eq = pair.indexOf('=');
    if (eq <= 0)
        return undefined;
    const cookie = { name: pair.slice(0, eq).trim(), secure: false, httpOnly: false, deletion: false };
    for (const attr of attrs) {
        const at = attr.indexOf('=');
        const name = (at === -1 ? attr : attr.slice(0, at)).trim().toLowerCase();
        const v = at === -1 ? '' : attr.slice(at + 1).trim();
        if (name === 'secure')
            cookie.secure = true;
        else if (name === 'httponly')
            cookie.httpOnly = true;
        else if (name === 'samesite')
            cookie.sameSite = v.toLowerCase();
        else if (name === 'max-age' && /^-?\d+$/.test(v) && Number(v) <= 0)
            cookie.deletion = true;
        else if (name === 'expires') {
            const t = Date.parse(v);
            if (Number.isFinite(t) && t < now.getTime())
                cookie.deletion = true;
        }
    }
    return cookie;
}
/** The directives of one Content-Security-Policy header value (policies separated by `,`), name → source list. */
function parseCsp(value) {
    return value.split(',').map((policy) => {
        const directives = new Map();
        for (const part of policy.split(';')) {
            const tokens = part.trim().split(/\s+/).filter(Boolean);
            if (tokens.length === 0)
                continue;
            const name = tokens[0].toLowerCase();
            if (!directives.has(name))
                directives.set(name, tokens.slice(1)); // CSP: a repeated directive is ignored
        }
        return directives;
    });
}
/**
 * Whether a frame-ancestors source list keeps other sites from framing the page: `'none'`, `'self'` and named
 * hosts do; a bare `*` or a scheme (`https:`) lets any site frame it.
 */
function frameAncestorsProtects(sources) {
    if (sources.length === 0)
        return false; // an empty list is 'none' in CSP 3, but some browsers ignore it: not relied on
    return !sources.some((s) => s === '*' || /^[a-z][a-z0-9+.-]*:$/i.test(s));
}
const REFERRER_POLICIES = [
    'no-referrer',
    'no-referrer-when-downgrade',
    'same-origin',
    'origin',
    'strict-origin',
    'origin-when-cross-origin',
    'strict-origin-when-cross-origin',
    'unsafe-url',
];
/** Policies that send the full URL (path and query) to other sites. */
const UNSAFE_REFERRER_POLICIES = ['unsafe-url', 'no-referrer-when-downgrade'];
/** The policy a browser applies: the last token it knows, over every header and comma-separated value. */
function effectiveReferrerPolicy(values) {
    let policy;
    for (const v of values) {
        for (const token of v.split(',')) {
            const t = token.trim().toLowerCase();
            if (REFERRER_POLICIES.includes(t))
                policy = t;
        }
    }
    return policy;
}
/** The media type of a Content-Type value, lower case, without parameters. */
function mediaType(value) {
    const t = value?.split(';')[0]?.trim().toLowerCase();
    return t ? t : undefined;
}
/** Media types that fit a static file's extension. */
const FITTING_TYPES = {
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
function contentTypeFits(path, contentType) {
    const type = mediaType(contentType);
    const ext = /\.([a-z0-9]+)$/i.exec(path.split('?')[0])?.[1]?.toLowerCase();
    const allowed = ext ? FITTING_TYPES[ext] : undefined;
    if (allowed)
        return { fits: type !== undefined && allowed.includes(type), expected: allowed.join(' or ') };
    return { fits: type !== undefined && type !== 'text/html', expected: 'a media type for the file (not text/html)' };
}
function decodeEntities(s) {
    return s
        .replace(/&amp;/gi, '&')
        .replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))
        .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d)))
        .replace(/&quot;/gi, '"')
        .replace(/&#39;|&apos;/gi, "'");
}
function attr(tag, name) {
    const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`, 'i').exec(tag);
    const v = m ? (m[1] ?? m[2] ?? m[3]) : undefined;
    return v === undefined ? undefined : decodeEntities(v.trim());
}
/** The stylesheets (`<link rel=stylesheet href>`) then the scripts (`<script src>`) a page links, in page order, resolved against its URL. */
function linkedAssets(html, pageUrl) {
    const styles = [];
    const scripts = [];
    const resolve = (href, into) => {
        if (!href)
            return;
        try {
            const u = new URL(href, pageUrl);
            if (u.protocol === 'http:' || u.protocol === 'https:')
                into.push(u);
        }
        catch {
            // not a URL: skipped
        }
    };
    const text = html.replace(/<!--[\s\S]*?-->/g, '');
    for (const m of text.matchAll(/<link\b[^>]*>/gi)) {
        const rel = (attr(m[0], 'rel') ?? '').toLowerCase().split(/\s+/);
        if (rel.includes('stylesheet'))
            resolve(attr(m[0], 'href'), styles);
    }
    for (const m of text.matchAll(/<script\b[^>]*>/gi))
        resolve(attr(m[0], 'src'), scripts);
    return [...styles, ...scripts];
}
/** Whether the page declares a CSP in `<meta http-equiv="Content-Security-Policy">` (enforced, except frame-ancestors). */
function metaCsp(html) {
    for (const m of html.matchAll(/<meta\b[^>]*>/gi)) {
        if ((attr(m[0], 'http-equiv') ?? '').toLowerCase() === 'content-security-policy')
            return attr(m[0], 'content') ?? '';
    }
    return undefined;
}
/**
 * One entry of a ManifestStaticFilesStorage manifest (`{"paths": {"css/site.css": "css/site.1a2b3c.css"}, …}`):
 * a stylesheet first, then a script, then any file — the first name in sorted order, so runs agree.
 */
function manifestEntry(text) {
    let doc;
    try {
        doc = JSON.parse(text);
    }
    catch {
        return undefined;
    }
    const paths = doc?.paths;
    if (!paths || typeof paths !== 'object')
        return undefined;
    const entries = Object.entries(paths)
        .filter((e) => typeof e[1] === 'string' && e[1] !== '')
        .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    const pick = entries.find(([n]) => n.endsWith('.css')) ?? entries.find(([n]) => n.endsWith('.js')) ?? entries[0];
    return pick ? { name: pick[0], stored: pick[1] } : undefined;
}


/***/ }),

/***/ 24956:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N6: () => (/* binding */ isRedirect),
/* harmony export */   UE: () => (/* binding */ headerValues),
/* harmony export */   XM: () => (/* binding */ pathOf),
/* harmony export */   yy: () => (/* binding */ answerText),
/* harmony export */   zN: () => (/* binding */ finalAnswer),
/* harmony export */   zx: () => (/* binding */ describeChain)
/* harmony export */ });
/** The final answer of a chain, when it ended in one. */
function finalAnswer(chain) {
    return chain?.end === 'answer' ? chain.hops[chain.hops.length - 1] : undefined;
}
/** Every value of a response header (name in any case), in order. */
function headerValues(ex, name) {
    const n = name.toLowerCase();
    return ex.headers.filter(([k]) => k === n).map(([, v]) => v);
}
/** The URL path (and query) of a URL string, as a finding's location: `/`, `/static/app.css`. */
function pathOf(url) {
    try {
        const u = new URL(url);
        return `${u.pathname}${u.search}`;
    }
    catch {
        return url;
    }
}
function isRedirect(status) {
    return status === 301 || status === 302 || status === 303 || status === 307 || status === 308;
}
/** `200 OK`, `301 → https://…`, or the error, for messages. */
function answerText(ex) {
    if (ex.error)
        return `no answer (${ex.error.code})`;
    const location = headerValues(ex, 'location')[0];
    return `${ex.status}${ex.statusText ? ` ${ex.statusText}` : ''}${location !== undefined && isRedirect(ex.status) ? ` → ${location}` : ''}`;
}
/** The chain hop by hop: `https://x/ 301 → https://x/a/ 200`, for details and messages. */
function describeChain(chain) {
    const parts = [];
    chain.hops.forEach((h, i) => {
        if (i === 0)
            parts.push(h.url);
        else
            parts.push(`→ ${h.url}`);
        parts.push(h.error ? `no answer (${h.error.code})` : String(h.status));
    });
    if (chain.end === 'loop')
        parts.push(`→ ${chain.next} (again: a loop)`);
    if (chain.end === 'too-many')
        parts.push(`→ ${chain.next} (more than 5 redirects, not followed)`);
    if (chain.end === 'off-host')
        parts.push(`→ ${chain.next} (another host, not followed)`);
    if (chain.end === 'not-followed')
        parts.push(`→ ${chain.next} (not followed: the certificate does not verify)`);
    return parts.join(' ');
}


/***/ })

};
