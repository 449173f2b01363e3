/**
 * Check 3: the HTTPS page sends Strict-Transport-Security exactly once, with max-age ≥ 15552000 (180 days;
 * a warning under 31536000, a year), and `preload` only together with `includeSubDomains`.
 */
import { parseHsts } from '../parse';
import { headerValues, pathOf, type CheckOutcome, type LiveCheck, type Observations, type VerifyHit } from '../types';
import { homeAnswer } from './pages';
import { liveRule } from './rule';

export const HSTS_MIN = 15_552_000;
export const HSTS_GOOD = 31_536_000;

export const HSTS_MISSING = liveRule({
  id: 'launch.E306',
  name: 'live-hsts-missing',
  level: 'error',
  title: 'The HTTPS page sends no valid Strict-Transport-Security header with max-age of at least 180 days',
  fix: 'Send Strict-Transport-Security: max-age=31536000; includeSubDomains on every HTTPS response (nginx: add_header … always; Django: SECURE_HSTS_SECONDS = 31536000).',
  securitySeverity: 7.0,
  tags: ['security', 'external/cwe/cwe-319'],
});

export const HSTS_WEAK = liveRule({
  id: 'launch.W307',
  name: 'live-hsts-weak',
  level: 'warning',
  title: 'Strict-Transport-Security is sent more than once, for less than a year, or with preload but without includeSubDomains',
  fix: 'Send one Strict-Transport-Security header, max-age=31536000 (a year) or more; with preload, add includeSubDomains.',
  securitySeverity: 4.0,
  tags: ['security', 'external/cwe/cwe-319'],
});

function days(seconds: number): string {
  return `${Math.floor(seconds / 86_400)} days`;
}

export const hstsCheck: LiveCheck = {
  name: 'HSTS',
  rules: [HSTS_MISSING, HSTS_WEAK],
  check(obs: Observations): CheckOutcome {
    const home = homeAnswer(obs);
    if ('notChecked' in home) return { hits: [], notChecked: home.notChecked };
    const page = home.answer;
    const path = pathOf(page.url);
    const values = headerValues(page, 'strict-transport-security');
    const hits: VerifyHit[] = [];
    if (values.length === 0) {
      hits.push({ ruleId: HSTS_MISSING.id, path, message: `${page.url} sends no Strict-Transport-Security header: browsers keep following http:// links, which an attacker on the network can answer (SSL stripping).` });
      return { hits };
    }
    // Browsers use the first header only (RFC 6797 §8.1).
    const hsts = parseHsts(values[0]);
    if ('invalid' in hsts) {
      hits.push({ ruleId: HSTS_MISSING.id, path, message: `${page.url} sends Strict-Transport-Security "${values[0].slice(0, 80)}", which browsers ignore: ${hsts.invalid}.` });
    } else if (hsts.maxAge < HSTS_MIN) {
      hits.push({ ruleId: HSTS_MISSING.id, path, message: `${page.url} sends Strict-Transport-Security with max-age=${hsts.maxAge} (${days(hsts.maxAge)}), under ${HSTS_MIN} (180 days).` });
    } else {
      if (hsts.maxAge < HSTS_GOOD) hits.push({ ruleId: HSTS_WEAK.id, path, message: `${page.url} sends Strict-Transport-Security with max-age=${hsts.maxAge} (${days(hsts.maxAge)}), under a year (${HSTS_GOOD}).` });
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
