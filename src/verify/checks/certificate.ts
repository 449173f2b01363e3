/**
 * Check 2: the HTTPS certificate verifies (chain to a trusted CA, the host name, the dates) and has 14 days or
 * more left. `--insecure` (a staging site with a self-signed certificate) turns the failure into a note that
 * says so, loudly: it is never a pass.
 */
import type { CertificateInfo } from '../../finding';
import type { CheckOutcome, LiveCheck, Observations, VerifyHit } from '../types';
import { liveRule } from './rule';

export const MIN_DAYS_LEFT = 14;

export const CERTIFICATE_INVALID = liveRule({
  id: 'launch.E303',
  name: 'certificate-invalid',
  level: 'error',
  title: 'The HTTPS certificate does not verify (expired, self-signed, another host, or an incomplete chain)',
  fix: 'Serve a certificate from a public CA for this host name with its full chain (certbot: fullchain.pem), and renew it automatically.',
  securitySeverity: 8.0,
  tags: ['security', 'external/cwe/cwe-295'],
});

export const CERTIFICATE_EXPIRING = liveRule({
  id: 'launch.W304',
  name: 'certificate-expiring',
  level: 'warning',
  title: `The HTTPS certificate expires in less than ${MIN_DAYS_LEFT} days`,
  fix: 'Renew the certificate now, and check that automatic renewal runs (certbot renew --dry-run; its timer or cron job) and that the server reloads the new one.',
  securitySeverity: 5.0,
  tags: ['security', 'reliability'],
});

export const CERTIFICATE_NOT_VERIFIED = liveRule({
  id: 'launch.I305',
  name: 'certificate-not-verified-insecure',
  level: 'note',
  title: '--insecure: the certificate does not verify and was accepted anyway — this is not what a browser sees',
  fix: 'Only for staging: production needs a certificate that verifies (run verify there without --insecure).',
  securitySeverity: 0,
  tags: ['security'],
});

/** What Node/OpenSSL's verification error means, in words (OpenSSL names one error; an expiry besides it is added). */
export function certificateProblem(cert: CertificateInfo, host: string): string {
  const why = verificationError(cert, host);
  return cert.error !== 'CERT_HAS_EXPIRED' && cert.daysLeft < 0 ? `${why}; it also expired on ${cert.validTo.slice(0, 10)}` : why;
}

function verificationError(cert: CertificateInfo, host: string): string {
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

export const certificateCheck: LiveCheck = {
  name: 'certificate',
  rules: [CERTIFICATE_INVALID, CERTIFICATE_EXPIRING, CERTIFICATE_NOT_VERIFIED],
  check(obs: Observations): CheckOutcome {
    const cert = obs.certificate;
    const host = obs.url.hostname;
    const path = obs.url.pathname;
    const hits: VerifyHit[] = [];
    const who = `the certificate of ${obs.url.host} (${cert.subject || 'no subject'}, issued by ${cert.issuer || 'unknown'})`;
    if (!cert.verified) {
      const why = certificateProblem(cert, host);
      if (obs.insecure) {
        hits.push({ ruleId: CERTIFICATE_NOT_VERIFIED.id, path, message: `--insecure: ${who} does not verify — ${why} — and was accepted anyway; browsers refuse it, and this report's HTTPS checks hold only for this staging certificate.` });
      } else {
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
