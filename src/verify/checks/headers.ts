/**
 * Check 4: the HTTPS page's security headers — X-Content-Type-Options: nosniff; framing forbidden
 * (X-Frame-Options DENY/SAMEORIGIN, or a Content-Security-Policy frame-ancestors that names no wildcard); a
 * Referrer-Policy that never sends the full URL to other sites; a Content-Security-Policy.
 */
import { effectiveReferrerPolicy, frameAncestorsProtects, metaCsp, parseCsp, UNSAFE_REFERRER_POLICIES } from '../parse';
import { headerValues, pathOf, type CheckOutcome, type Exchange, type LiveCheck, type Observations, type VerifyHit } from '../types';
import { homeAnswer } from './pages';
import { liveRule } from './rule';

export const NOSNIFF_MISSING = liveRule({
  id: 'launch.W308',
  name: 'nosniff-missing',
  level: 'warning',
  title: 'The HTTPS page does not send X-Content-Type-Options: nosniff',
  fix: 'Send X-Content-Type-Options: nosniff on every response (nginx: add_header X-Content-Type-Options "nosniff" always; Django: SECURE_CONTENT_TYPE_NOSNIFF = True, the default).',
  securitySeverity: 4.0,
  tags: ['security', 'external/cwe/cwe-16'],
});

export const FRAMING_ALLOWED = liveRule({
  id: 'launch.W309',
  name: 'framing-allowed',
  level: 'warning',
  title: 'Other sites may frame the HTTPS page: no X-Frame-Options DENY/SAMEORIGIN, no CSP frame-ancestors',
  fix: 'Send X-Frame-Options: DENY (Django: XFrameOptionsMiddleware with X_FRAME_OPTIONS = "DENY"; nginx: add_header X-Frame-Options "DENY" always), or a Content-Security-Policy with frame-ancestors \'none\' or \'self\'.',
  securitySeverity: 5.0,
  tags: ['security', 'external/cwe/cwe-1021'],
});

export const REFERRER_POLICY_UNSAFE = liveRule({
  id: 'launch.W310',
  name: 'referrer-policy-unsafe',
  level: 'warning',
  title: 'The HTTPS page sends no Referrer-Policy, or one that gives other sites the full URL',
  fix: 'Send Referrer-Policy: strict-origin-when-cross-origin or same-origin (Django: SECURE_REFERRER_POLICY = "same-origin", the default since 3.1).',
  securitySeverity: 3.0,
  tags: ['security', 'external/cwe/cwe-200'],
});

export const CSP_MISSING = liveRule({
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
function cspPolicies(page: Exchange): Array<Map<string, string[]>> {
  return headerValues(page, 'content-security-policy').flatMap(parseCsp);
}

export const headersCheck: LiveCheck = {
  name: 'security headers',
  rules: [NOSNIFF_MISSING, FRAMING_ALLOWED, REFERRER_POLICY_UNSAFE, CSP_MISSING],
  check(obs: Observations): CheckOutcome {
    const home = homeAnswer(obs);
    if ('notChecked' in home) return { hits: [], notChecked: home.notChecked };
    const page = home.answer;
    const url = page.url;
    const path = pathOf(url);
    const hits: VerifyHit[] = [];

    const nosniff = headerValues(page, 'x-content-type-options');
    // Browsers read the first value only.
    const first = nosniff.join(',').split(',')[0]?.trim().toLowerCase();
    if (first !== 'nosniff') {
      hits.push({ ruleId: NOSNIFF_MISSING.id, path, message: nosniff.length ? `${url} sends X-Content-Type-Options "${nosniff.join(', ').slice(0, 60)}", not nosniff.` : `${url} sends no X-Content-Type-Options: nosniff — browsers may run an upload or a response as a script or stylesheet by its content.` });
    }

    const xfo = headerValues(page, 'x-frame-options').flatMap((v) => v.split(',')).map((v) => v.trim().toUpperCase()).filter(Boolean);
    const xfoProtects = xfo.length > 0 && new Set(xfo).size === 1 && (xfo[0] === 'DENY' || xfo[0] === 'SAMEORIGIN');
    const ancestors = cspPolicies(page).map((p) => p.get('frame-ancestors')).filter((s): s is string[] => s !== undefined);
    const cspProtects = ancestors.some(frameAncestorsProtects);
    if (!xfoProtects && !cspProtects) {
      const said = [xfo.length ? `X-Frame-Options "${[...new Set(xfo)].join(', ')}"` : 'no X-Frame-Options', ancestors.length ? `frame-ancestors ${ancestors.map((a) => a.join(' ')).join(' / ')}` : 'no CSP frame-ancestors'];
      hits.push({ ruleId: FRAMING_ALLOWED.id, path, message: `${url} sends ${said.join(' and ')}: any site can frame the page (clickjacking).` });
    }

    const referrer = headerValues(page, 'referrer-policy');
    const policy = effectiveReferrerPolicy(referrer);
    if (!policy) {
      hits.push({
        ruleId: REFERRER_POLICY_UNSAFE.id,
        path,
        message: referrer.length
          ? `${url} sends Referrer-Policy "${referrer.join(', ').slice(0, 60)}", which no browser knows: it falls back to its default.`
          : `${url} sends no Referrer-Policy: each browser applies its own default (older ones send the full URL, query string included, to every http:// link).`,
      });
    } else if (UNSAFE_REFERRER_POLICIES.includes(policy)) {
      hits.push({ ruleId: REFERRER_POLICY_UNSAFE.id, path, message: `${url} sends Referrer-Policy: ${policy}, which gives other sites the full URL of the page (path and query string, tokens included).` });
    }

    const csp = headerValues(page, 'content-security-policy').filter((v) => v.trim() !== '');
    const meta = metaCsp(page.body);
    if (csp.length === 0 && !meta) {
      const reportOnly = headerValues(page, 'content-security-policy-report-only').length > 0;
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
