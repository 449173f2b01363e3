import type { SettingBinding } from '../project/values';
import type { Rule, RuleHit } from './rule';
import { WORLDS, forProduction, label, middlewareHas, sessionSameSite, truthy, worldClause, type EvaluatedSettings, type World } from './settings-util';

const CORS_MIDDLEWARE = 'corsheaders.middleware.CorsMiddleware';

/**
 * CORS_ALLOW_ALL_ORIGINS in a world: the new name when set, else the old CORS_ORIGIN_ALLOW_ALL (as
 * django-cors-headers' conf reads them). true/false when known.
 */
function allowAll(s: EvaluatedSettings, w: World): { on: boolean | undefined; binding?: SettingBinding; name: string } {
  const fresh = s.bindings.get('CORS_ALLOW_ALL_ORIGINS');
  if (fresh) return { on: truthy(fresh[w]), binding: fresh, name: 'CORS_ALLOW_ALL_ORIGINS' };
  const old = s.bindings.get('CORS_ORIGIN_ALLOW_ALL');
  if (old) return { on: truthy(old[w]), binding: old, name: 'CORS_ORIGIN_ALLOW_ALL' };
  return { on: false, name: 'CORS_ALLOW_ALL_ORIGINS' };
}

/** launch.W128: django-cors-headers allows every origin with credentials. */
export default {
  meta: {
    id: 'launch.W128',
    name: 'cors-all-origins-with-credentials',
    checklist: 'code-security',
    level: 'warning',
    title: 'CORS allows every origin with credentials: other sites can read logged-in responses',
    fix: 'List the front-end origins that need access: CORS_ALLOWED_ORIGINS = ["https://app.example.com"] (and drop CORS_ALLOW_ALL_ORIGINS), or keep allow-all without CORS_ALLOW_CREDENTIALS for a public, token-authenticated API.',
    securitySeverity: 8.1,
    precision: 'high',
    tags: ['security', 'external/cwe/cwe-942', 'external/cwe/cwe-346'],
  },
  check(ctx) {
    // Undecided only where it matters: credentials on (or unknown) and allow-all unknown, or credentials unknown
    // with allow-all on. Settings left unknown elsewhere do not make the item "not checked".
    const undecided: string[] = [];
    const result = forProduction(ctx, (s, project) => {
      const creds = s.bindings.get('CORS_ALLOW_CREDENTIALS');
      if (!creds) return [];
      if (!project.development) {
        const credsOn = truthy(creds.unset);
        const all = allowAll(s, 'unset');
        if ((credsOn === undefined && all.on !== false) || (credsOn === true && all.on === undefined)) {
          const b = credsOn === undefined ? creds : all.binding;
          if (b) undecided.push(`${credsOn === undefined ? 'CORS_ALLOW_CREDENTIALS' : all.name} cannot be computed statically (${b.location.file}:${b.location.line})`);
        }
      }
      let worst: { world: World; site: 'none' | 'absent' | 'lax' | undefined } | undefined;
      const worlds: World[] = [];
      let all: ReturnType<typeof allowAll> | undefined;
      for (const w of WORLDS) {
        const a = allowAll(s, w);
        if (a.on !== true || truthy(creds[w]) !== true) continue;
        if (middlewareHas(s, w, CORS_MIDDLEWARE) !== true) continue;
        worlds.push(w);
        all = a;
        const site = sessionSameSite(s, w);
        const rank = (x: typeof site) => (x === 'none' ? 3 : x === 'absent' ? 2 : x === undefined ? 1 : 0);
        if (!worst || rank(site) > rank(worst.site)) worst = { world: w, site };
      }
      if (!worst || !all?.binding) return [];
      const scope = s.bindings.get('CORS_URLS_REGEX') ? ' (on the URLs CORS_URLS_REGEX matches)' : '';
      const base = `${all.name} and CORS_ALLOW_CREDENTIALS are True in ${label(s)}${worldClause(ctx, worlds, [all.binding, creds])}: django-cors-headers then answers every Origin with that origin in Access-Control-Allow-Origin and Access-Control-Allow-Credentials: true${scope}, so a page on any site may send credentialed requests and read the responses`;
      const related = [{ location: creds.location, message: 'CORS_ALLOW_CREDENTIALS is set here' }];
      let hit: RuleHit;
      if (worst.site === 'none' || worst.site === 'absent') {
        hit = {
          location: all.binding.location,
          message: `${base}; SESSION_COOKIE_SAMESITE is ${worst.site === 'none' ? '"None"' : 'off (no SameSite attribute, which Firefox and Safari send cross-site)'}, so the logged-in user's session goes with them: any website they visit can read their data and act with their CSRF token.`,
          related,
        };
      } else {
        hit = {
          location: all.binding.location,
          level: 'note',
          message: `${base}. ${worst.site === 'lax' ? "The session cookie is SameSite=Lax (Django's default), so other sites' requests do not carry it" : 'Whether other sites\' requests carry the session cookie depends on SESSION_COOKIE_SAMESITE, which the scan cannot read here'} — but pages on sibling subdomains (the same site) do, and so do credentials the browser adds anyway (HTTP Basic auth, client certificates).`,
          fix: 'List the allowed origins in CORS_ALLOWED_ORIGINS instead of allowing all with credentials.',
          related,
        };
      }
      return [hit];
    });
    if (result.hits.length === 0 && undecided.length) return { ...result, undecided: undecided[0] };
    return result;
  },
} satisfies Rule;
