/**
 * Check 6: no Django debug page. `GET /<random>/` is a 404 whose body has none of Django's debug markers
 * (markers.ts); a request with a bogus Host header is refused (400, or any 4xx, or the connection closed — nginx's
 * 444) without the DisallowedHost debug page; the home and login pages are not debug pages ("The install worked
 * successfully" included).
 */
import { findDebugPage, type DebugMatch } from '../markers';
import { answerText, describeChain, pathOf, type CheckOutcome, type Exchange, type LiveCheck, type Observations, type VerifyHit } from '../types';
import { chainAnswer } from './pages';
import { liveRule } from './rule';

export const DEBUG_PAGE = liveRule({
  id: 'launch.E314',
  name: 'debug-page-served',
  level: 'error',
  title: "The site serves Django's debug pages (DEBUG = True in production)",
  fix: 'Set DEBUG = False in the production settings (from the environment, default False), and restart the app server.',
  securitySeverity: 9.0,
  tags: ['security', 'external/cwe/cwe-489', 'external/cwe/cwe-215'],
});

export const NOT_FOUND_STATUS = liveRule({
  id: 'launch.W315',
  name: 'not-found-not-404',
  level: 'warning',
  title: 'A page that does not exist does not answer 404',
  fix: 'Let unknown URLs reach Django\'s 404 (no catch-all route or proxy rule answering 200 or redirecting), and make sure handler404 answers with status 404.',
  securitySeverity: 2.0,
  precision: 'high',
  tags: ['reliability'],
});

export const ANY_HOST_ACCEPTED = liveRule({
  id: 'launch.E316',
  name: 'any-host-accepted',
  level: 'error',
  title: 'The site answers a request with a bogus Host header instead of refusing it',
  fix: 'List only your host names in ALLOWED_HOSTS (never "*"), and have the proxy refuse unknown hosts (nginx: a default_server that returns 444).',
  securitySeverity: 6.5,
  tags: ['security', 'external/cwe/cwe-20'],
});

function debugMessage(what: string, m: DebugMatch): string {
  const exception = m.exception ? ` for ${m.exception}` : '';
  return `${what} is ${m.marker.page}${exception} (it says "${m.marker.text}"): DEBUG is on in production, showing settings, paths, URL patterns and code to anyone.`;
}

/** The connection closed without an answer: how nginx's `return 444` refuses. */
const CLOSED = ['ECONNRESET', 'EPIPE', 'ECONNABORTED'];

function badHostProblem(ex: Exchange): string | undefined {
  if (ex.error) return undefined; // closed without an answer (nginx 444): refused; other errors: see check()
  const status = ex.status ?? 0;
  if (status >= 400 && status < 500) return undefined;
  return `a request for ${ex.url} with the bogus header Host: ${ex.hostHeader} is answered ${answerText(ex)}, not refused: ${status >= 500 ? 'the app fails on it' : 'the site works for any host name'} — password-reset links and redirects can be made to point at an attacker's host`;
}

export const debugCheck: LiveCheck = {
  name: 'debug page',
  rules: [DEBUG_PAGE, NOT_FOUND_STATUS, ANY_HOST_ACCEPTED],
  check(obs: Observations): CheckOutcome {
    if (obs.httpsSkipped) return { hits: [], notChecked: obs.httpsSkipped };
    const hits: VerifyHit[] = [];
    const skipped: string[] = [];

    const home = chainAnswer(obs, obs.home, `the HTTPS page ${obs.url.href}`);
    if ('answer' in home) {
      const m = findDebugPage(home.answer.body);
      if (m) hits.push({ ruleId: DEBUG_PAGE.id, path: pathOf(home.answer.url), message: debugMessage(`the page ${home.answer.url}`, m) });
    }
    const login = chainAnswer(obs, obs.login, obs.loginPath);
    if ('answer' in login) {
      const m = findDebugPage(login.answer.body);
      if (m) hits.push({ ruleId: DEBUG_PAGE.id, path: pathOf(login.answer.url), message: debugMessage(`the page ${login.answer.url}`, m) });
    }

    const start = obs.notFound?.start ?? '';
    const notFound = chainAnswer(obs, obs.notFound, `the page that does not exist ${start}`);
    if ('answer' in notFound) {
      const page = notFound.answer;
      const m = findDebugPage(page.body);
      if (m) hits.push({ ruleId: DEBUG_PAGE.id, path: pathOf(start), message: debugMessage(`GET ${start} (a page that does not exist), answered ${page.status},`, m) });
      else if (page.status !== 404) {
        const via = obs.notFound!.hops.length > 1 ? ` (${describeChain(obs.notFound!)})` : '';
        hits.push({ ruleId: NOT_FOUND_STATUS.id, path: pathOf(start), message: `GET ${start}, a page that does not exist, answers ${page.status}${via}, not 404: broken links, crawlers and monitoring cannot tell a missing page from a real one.` });
      }
    } else if (obs.notFound && obs.home?.end !== 'loop' && (obs.notFound.end === 'loop' || obs.notFound.end === 'too-many' || obs.notFound.end === 'off-host')) {
      hits.push({ ruleId: NOT_FOUND_STATUS.id, path: pathOf(start), message: `GET ${start}, a page that does not exist, never answers 404: ${describeChain(obs.notFound)}.` });
    } else skipped.push(notFound.notChecked);

    const bad = obs.badHost;
    if (bad?.error && !CLOSED.includes(bad.error.code)) skipped.push(`the request with a bogus Host header got no answer (${bad.error.code})`);
    else if (bad) {
      const m = bad.error ? undefined : findDebugPage(bad.body);
      if (m) hits.push({ ruleId: DEBUG_PAGE.id, path: pathOf(bad.url), message: debugMessage(`the answer (${bad.status}) to a request with the bogus header Host: ${bad.hostHeader}`, m) });
      else {
        const problem = badHostProblem(bad);
        if (problem) hits.push({ ruleId: ANY_HOST_ACCEPTED.id, path: pathOf(bad.url), message: `${problem}.` });
      }
    } else skipped.push('the bogus-Host request was not made');

    return skipped.length && hits.length === 0 ? { hits, notChecked: skipped.join('; ') } : { hits };
  },
};
