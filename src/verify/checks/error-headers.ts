/**
 * Check 7: the security headers the HTTPS page sends are also on the 404 (nginx drops `add_header` headers from
 * error responses unless they say `always`). Only headers the page itself sends are compared: one missing
 * everywhere is check 3's or 4's.
 */
import { headerValues, pathOf, type CheckOutcome, type LiveCheck, type Observations } from '../types';
import { chainAnswer, homeAnswer } from './pages';
import { liveRule } from './rule';

export const SECURITY_HEADERS = ['Strict-Transport-Security', 'X-Content-Type-Options', 'X-Frame-Options', 'Referrer-Policy', 'Content-Security-Policy'];

export const HEADERS_MISSING_ON_ERRORS = liveRule({
  id: 'launch.W317',
  name: 'headers-missing-on-errors',
  level: 'warning',
  title: 'Security headers the site sends on its pages are missing from its 404 response',
  fix: 'nginx: add `always` to each add_header (add_header X-Frame-Options "DENY" always;) — without it nginx sends them only with 200, 201, 204, 206, 301, 302, 303, 304, 307 and 308.',
  securitySeverity: 3.5,
  tags: ['security'],
});

export const errorHeadersCheck: LiveCheck = {
  name: 'headers on errors',
  rules: [HEADERS_MISSING_ON_ERRORS],
  check(obs: Observations): CheckOutcome {
    const home = homeAnswer(obs);
    if ('notChecked' in home) return { hits: [], notChecked: home.notChecked };
    const start = obs.notFound?.start ?? '';
    const error = chainAnswer(obs, obs.notFound, `the page that does not exist ${start}`);
    if ('notChecked' in error) return { hits: [], notChecked: error.notChecked };
    if ((error.answer.status ?? 0) < 400) return { hits: [], notChecked: `no error response to compare: ${start} answers ${error.answer.status}` };
    const sent = SECURITY_HEADERS.filter((h) => headerValues(home.answer, h).length > 0);
    const lost = sent.filter((h) => headerValues(error.answer, h).length === 0);
    if (lost.length === 0) return { hits: [] };
    return {
      hits: [
        {
          ruleId: HEADERS_MISSING_ON_ERRORS.id,
          path: pathOf(start),
          message: `the ${error.answer.status} answer to ${start} lacks ${lost.join(', ')}, which ${home.answer.url} sends: error pages go without them (nginx add_header without always).`,
        },
      ],
    };
  },
};
