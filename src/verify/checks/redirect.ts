/**
 * Check 1: `http://` answers 301 or 308 with a Location on `https://` of the same host, and neither that chain
 * nor the HTTPS page's own redirects loop (at most 5 redirects).
 */
import { answerText, describeChain, headerValues, pathOf, type Chain, type CheckOutcome, type LiveCheck, type Observations, type VerifyHit } from '../types';
import { liveRule } from './rule';

export const HTTP_NOT_REDIRECTED = liveRule({
  id: 'launch.E301',
  name: 'http-not-redirected-to-https',
  level: 'error',
  title: 'http:// does not answer with a permanent redirect (301/308) to https:// on the same host',
  fix: 'Answer every http:// request with 301 to https:// on the same host and path (nginx: return 301 https://$host$request_uri;), or set SECURE_SSL_REDIRECT = True.',
  securitySeverity: 7.5,
  tags: ['security', 'external/cwe/cwe-319'],
});

export const REDIRECT_LOOP = liveRule({
  id: 'launch.E302',
  name: 'redirect-loop',
  level: 'error',
  title: 'A redirect chain loops or takes more than 5 redirects',
  fix: 'Behind a proxy that terminates TLS, set SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") and have the proxy set X-Forwarded-Proto $scheme; otherwise find which redirect sends the page back to itself.',
  securitySeverity: 5.0,
  tags: ['reliability'],
});

function sameHost(a: URL, b: URL): boolean {
  return a.hostname.toLowerCase() === b.hostname.toLowerCase();
}

/** Loops and over-long chains, once each (the HTTP side usually runs into the HTTPS page's loop). */
function loops(chains: Array<Chain | undefined>): VerifyHit[] {
  const hits: VerifyHit[] = [];
  const seen = new Set<string>();
  for (const chain of chains) {
    if (!chain || (chain.end !== 'loop' && chain.end !== 'too-many')) continue;
    const key = chain.end === 'loop' ? `loop ${chain.next}` : `long ${chain.start}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const where = pathOf(chain.end === 'loop' ? chain.next! : chain.start);
    hits.push({
      ruleId: REDIRECT_LOOP.id,
      path: where,
      message:
        chain.end === 'loop'
          ? `${chain.next} redirects in a loop: ${describeChain(chain)}. Browsers give up with "too many redirects"; Django's SECURE_SSL_REDIRECT behind a proxy without SECURE_PROXY_SSL_HEADER does exactly this.`
          : `${chain.start} takes more than 5 redirects: ${describeChain(chain)}.`,
    });
  }
  return hits;
}

function redirectProblem(obs: Observations): string | undefined {
  const first = obs.http.hops[0];
  const from = obs.httpUrl.href;
  if (!first || first.error) {
    return `${from} does not answer (${first?.error?.code ?? 'no request'}): a browser given the bare domain gets an error page instead of the HTTPS site`;
  }
  const location = headerValues(first, 'location')[0];
  const permanent = first.status === 301 || first.status === 308;
  const temporary = first.status === 302 || first.status === 303 || first.status === 307;
  if (!permanent && !temporary) return `${from} answers ${answerText(first)} over plain HTTP instead of redirecting to https://`;
  if (location === undefined) return `${from} answers ${first.status} without a Location header`;
  let target: URL;
  try {
    target = new URL(location, from);
  } catch {
    return `${from} redirects to "${location}", which is not a URL`;
  }
  if (target.protocol !== 'https:') return `${from} answers ${first.status} to ${target.href}, not to https://`;
  if (!sameHost(target, obs.httpUrl)) {
    return `${from} answers ${first.status} to ${target.href}, another host: redirect to https:// on ${obs.httpUrl.hostname} first (HSTS and the preload list need it), then to the other host`;
  }
  if (temporary) return `${from} answers ${first.status} (a temporary redirect) to ${target.href}: use 301 or 308, which browsers and search engines remember`;
  // The redirect is right; where it leads must answer (a loop is launch.E302's).
  if (obs.http.end === 'no-answer') {
    const last = obs.http.hops[obs.http.hops.length - 1];
    return `${from} redirects to ${last.url}, which does not answer (${last.error?.code ?? 'no answer'}): ${describeChain(obs.http)}`;
  }
  if (obs.http.end === 'off-host') return `${from} ends up on another host: ${describeChain(obs.http)}`;
  return undefined;
}

export const redirectCheck: LiveCheck = {
  name: 'HTTP → HTTPS redirect',
  rules: [HTTP_NOT_REDIRECTED, REDIRECT_LOOP],
  check(obs: Observations): CheckOutcome {
    const hits: VerifyHit[] = [];
    const problem = redirectProblem(obs);
    if (problem) hits.push({ ruleId: HTTP_NOT_REDIRECTED.id, path: pathOf(obs.httpUrl.href), message: `${problem}.` });
    hits.push(...loops([obs.http, obs.home]));
    return { hits };
  },
};
