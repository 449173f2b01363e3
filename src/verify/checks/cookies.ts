/**
 * Check 5: the cookies the home and login pages set (every response of their redirect chains): Django's
 * `sessionid` Secure and HttpOnly, `csrftoken` Secure, both SameSite=Lax or Strict. A cookie sent only to
 * delete itself is not judged. A renamed one (SESSION_COOKIE_NAME, CSRF_COOKIE_NAME) is judged when its name
 * says what it is — `…sess…` a session cookie, `…csrf…`/`…xsrf…` a CSRF cookie: whatever made it, a session
 * cookie without Secure is the same hole, and a name that says neither is not guessed at.
 */
import { parseSetCookie, type SetCookie } from '../parse';
import { headerValues, pathOf, type Chain, type CheckOutcome, type LiveCheck, type Observations, type VerifyHit } from '../types';
import { liveRule } from './rule';

export const SESSION_COOKIE = 'sessionid';
export const CSRF_COOKIE = 'csrftoken';

const isCsrfCookie = (name: string): boolean => name === CSRF_COOKIE || /csrf|xsrf/i.test(name);
const isSessionCookie = (name: string): boolean => name === SESSION_COOKIE || (/sess/i.test(name) && !isCsrfCookie(name));

export const LIVE_SESSION_COOKIE_INSECURE = liveRule({
  id: 'launch.W312',
  name: 'live-session-cookie-insecure',
  level: 'warning',
  title: 'The site sets the session cookie without Secure, without HttpOnly, or without SameSite=Lax/Strict',
  fix: 'SESSION_COOKIE_SECURE = True; keep SESSION_COOKIE_HTTPONLY = True and SESSION_COOKIE_SAMESITE = "Lax" (the defaults).',
  securitySeverity: 6.5,
  tags: ['security', 'external/cwe/cwe-614', 'external/cwe/cwe-1004'],
});

export const LIVE_CSRF_COOKIE_INSECURE = liveRule({
  id: 'launch.W313',
  name: 'live-csrf-cookie-insecure',
  level: 'warning',
  title: 'The site sets the CSRF cookie without Secure or without SameSite=Lax/Strict',
  fix: 'CSRF_COOKIE_SECURE = True; keep CSRF_COOKIE_SAMESITE = "Lax" (the default).',
  securitySeverity: 4.5,
  tags: ['security', 'external/cwe/cwe-614'],
});

interface Seen {
  cookie: SetCookie;
  url: string;
}

function cookiesOf(chains: Array<Chain | undefined>, now: Date): Seen[] {
  const out: Seen[] = [];
  for (const chain of chains) {
    for (const hop of chain?.hops ?? []) {
      for (const value of headerValues(hop, 'set-cookie')) {
        const cookie = parseSetCookie(value, now);
        if (cookie && !cookie.deletion) out.push({ cookie, url: hop.url });
      }
    }
  }
  return out;
}

/** What is missing from a cookie, each with what it lets happen. */
function missing(c: SetCookie, needHttpOnly: boolean): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  if (!c.secure) out.push(['Secure', 'it also travels with plain http:// requests, readable on the network']);
  if (needHttpOnly && !c.httpOnly) out.push(['HttpOnly', 'any script on the page can read it']);
  if (c.sameSite !== 'lax' && c.sameSite !== 'strict') {
    out.push([c.sameSite === undefined ? 'SameSite' : `SameSite Lax or Strict (it says SameSite=${c.sameSite})`, "other sites' requests carry it"]);
  }
  return out;
}

function judge(seen: Seen[], kind: (name: string) => boolean, needHttpOnly: boolean, ruleId: string): VerifyHit[] {
  const bad = seen.map((s) => ({ ...s, missing: missing(s.cookie, needHttpOnly) })).filter((s) => kind(s.cookie.name) && s.missing.length > 0);
  if (bad.length === 0) return [];
  const first = bad[0];
  const name = first.cookie.name;
  const where = [...new Set(bad.filter((b) => b.cookie.name === name).map((b) => b.url))];
  return [
    {
      ruleId,
      path: pathOf(first.url),
      message: `${where.join(' and ')} set${where.length === 1 ? 's' : ''} the ${name} cookie without ${first.missing.map((m) => m[0]).join(', ')}: ${first.missing.map((m) => m[1]).join('; ')}.`,
    },
  ];
}

export const cookiesCheck: LiveCheck = {
  name: 'cookies',
  rules: [LIVE_SESSION_COOKIE_INSECURE, LIVE_CSRF_COOKIE_INSECURE],
  check(obs: Observations, now: Date): CheckOutcome {
    if (obs.httpsSkipped) return { hits: [], notChecked: obs.httpsSkipped };
    // Cookies set on the way (a redirect that sets csrftoken) count; a page that never answers does not.
    const chains = [obs.home, obs.login].filter((c): c is Chain => c?.end === 'answer');
    if (chains.length === 0) return { hits: [], notChecked: `neither ${obs.url.href} nor ${obs.loginPath} answers (${[obs.home, obs.login].map((c) => c?.end ?? 'not requested').join(', ')})` };
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
