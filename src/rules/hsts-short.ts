import { proxyHttps } from '../project/proxy';
import type { Rule } from './rule';
import { truthy } from '../project/values';
import { forProduction, httpsNote, label, locationOf, valueIn, withSecurityMiddleware, worldClause, worldsWhere } from './settings-util';

/** A day: HSTS shorter than this lapses between one visit and the next. */
const DAY = 86400;
/** Django's suggested first value while HTTPS is being tried out (its deployment checklist): a note, not a warning. */
const TRIAL = 3600;
/** The shortest max-age the preload list (hstspreload.org) accepts. */
const YEAR = 31536000;

function seconds(v: ReturnType<typeof valueIn>): number | undefined {
  return v?.kind === 'num' ? v.value : undefined;
}

/**
 * launch.W103: HSTS on with a max-age under a day. The browser keeps the HTTPS-only rule for max-age seconds after
 * each response: at 30 or 60 seconds (Le marché de l'inclusion's, Squarelet's) a visitor who comes back later is
 * back to a first plain-HTTP request, which is what HSTS is there to stop. Django's own trial value (3600) is a note.
 * Not reported when the project's proxy config sends Strict-Transport-Security itself (launch.W101's case).
 */
export default {
  meta: {
    id: 'launch.W103',
    name: 'hsts-short',
    checklist: 'security-settings',
    level: 'warning',
    title: 'SECURE_HSTS_SECONDS is under a day: browsers forget HTTPS-only between visits',
    fix: 'Raise SECURE_HSTS_SECONDS to a year (31536000) once HTTPS works on every page — a day at the least; 3600 is for trying HTTPS out.',
    securitySeverity: 4.3,
    precision: 'high',
    tags: ['security', 'external/cwe/cwe-319'],
    settings: ['MIDDLEWARE', 'SECURE_HSTS_SECONDS'],
  },
  check(ctx) {
    return forProduction(ctx, (s, project) => {
      const worlds = worldsWhere(withSecurityMiddleware(s, (w) => {
        const n = seconds(valueIn(s, 'SECURE_HSTS_SECONDS', w));
        return n === undefined ? undefined : n > 0 && n < DAY;
      }));
      if (worlds.length === 0) return [];
      // a platform default the app's own header replaces (cloud.gov) does not count: Django's short max-age is the one sent
      if (proxyHttps(ctx, project).hsts.some((f) => !f.unlessAppSends)) return [];
      const b = s.bindings.get('SECURE_HSTS_SECONDS');
      const values = [...new Set(worlds.map((w) => seconds(valueIn(s, 'SECURE_HSTS_SECONDS', w))!))];
      const shortest = Math.min(...values);
      const preload = worlds.some((w) => {
        const v = valueIn(s, 'SECURE_HSTS_PRELOAD', w);
        return !!v && truthy(v) === true;
      });
      const base = `SECURE_HSTS_SECONDS is ${values.join(' or ')} in ${label(s)}${worldClause(ctx, worlds, [b])}: browsers keep the HTTPS-only rule for ${describe(shortest)} after a response, so a visitor who comes back later makes a first plain-HTTP request again (SSL stripping)${preload ? `, and SECURE_HSTS_PRELOAD asks for the preload list, which refuses a max-age under a year (${YEAR})` : ''}`;
      const note = httpsNote(ctx, s, 'SECURE_HSTS_SECONDS', worlds);
      if (note) return [{ location: locationOf(s, 'SECURE_HSTS_SECONDS'), level: 'note', message: `${base}${note.clause}.` }];
      if (shortest >= TRIAL) {
        return [{
          location: locationOf(s, 'SECURE_HSTS_SECONDS'),
          level: 'note',
          message: `${base} — a note: ${TRIAL} is the value Django suggests while HTTPS is being tried out; raise it once HTTPS works everywhere.`,
        }];
      }
      return [{ location: locationOf(s, 'SECURE_HSTS_SECONDS'), message: `${base}.` }];
    });
  },
} satisfies Rule;

function describe(n: number): string {
  if (n < 120) return `${n} second${n === 1 ? '' : 's'}`;
  if (n < 7200) return `${Math.round(n / 60)} minutes`;
  return `${Math.round(n / 3600)} hours`;
}
