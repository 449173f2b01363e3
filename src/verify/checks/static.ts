/**
 * Check 8: a static file answers 200 with a Content-Type that fits it. The file: --static-path when given; else
 * one entry of the ManifestStaticFilesStorage manifest (STATIC_URL + staticfiles.json, with STATIC_URL tried as
 * `static/` and the folder of the stylesheets/scripts the home page links); else the first stylesheet or script
 * the home page links on this host.
 */
import { contentTypeFits } from '../parse';
import { answerText, describeChain, headerValues, pathOf, type CheckOutcome, type LiveCheck, type Observations } from '../types';
import { liveRule } from './rule';

export const STATIC_FILE_NOT_SERVED = liveRule({
  id: 'launch.E318',
  name: 'static-file-not-served',
  level: 'error',
  title: 'A static file does not answer 200 with a Content-Type that fits it',
  fix: 'Run collectstatic on every deploy and serve STATIC_ROOT at STATIC_URL (nginx: location /static/ { alias …/staticfiles/; }, or WhiteNoise), with the server\'s MIME types.',
  securitySeverity: 0,
  tags: ['reliability', 'static-files'],
});

export const staticCheck: LiveCheck = {
  name: 'static file',
  rules: [STATIC_FILE_NOT_SERVED],
  check(obs: Observations): CheckOutcome {
    if (obs.httpsSkipped) return { hits: [], notChecked: obs.httpsSkipped };
    const probe = obs.static;
    if (!probe) return { hits: [], notChecked: obs.staticMissing ?? 'no static file found to check — pass --static-path' };
    const chain = probe.chain;
    const path = pathOf(chain.start);
    const from = `${chain.start} (${probe.source})`;
    const last = chain.hops[chain.hops.length - 1];
    if (chain.end !== 'answer') {
      return { hits: [{ ruleId: STATIC_FILE_NOT_SERVED.id, path, message: `${from} does not answer: ${describeChain(chain)}.` }] };
    }
    if (last.status !== 200) {
      const via = chain.hops.length > 1 ? ` (${describeChain(chain)})` : '';
      return { hits: [{ ruleId: STATIC_FILE_NOT_SERVED.id, path, message: `${from} answers ${answerText(last)}${via}, not 200: pages that use it render without it.` }] };
    }
    const type = headerValues(last, 'content-type')[0];
    const fit = contentTypeFits(new URL(last.url).pathname, type);
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
