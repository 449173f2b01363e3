import type { Rule } from './rule';
import { internalRoutesOnly, proxyHttps, proxySiteConfig } from '../project/proxy';
import { forProduction, httpsNote, label, locationOf, num, offPhrase, settingOff, withSecurityMiddleware, worldClause, worldsWhere } from './settings-util';

/**
 * launch.W101: SECURE_HSTS_SECONDS missing or 0 (security.W004) — unless the project's own production proxy
 * config sends Strict-Transport-Security (src/project/proxy.ts): then Django's setting is beside the point.
 */
export default {
  meta: {
    id: 'launch.W101',
    name: 'hsts-missing',
    checklist: 'security-settings',
    level: 'warning',
    title: 'SECURE_HSTS_SECONDS is not set: no HTTP Strict Transport Security',
    fix: 'Set SECURE_HSTS_SECONDS (start with 3600, then 31536000 once HTTPS works everywhere), or send Strict-Transport-Security from the reverse proxy config in the repository.',
    securitySeverity: 5.3,
    precision: 'high',
    tags: ['security', 'external/cwe/cwe-319'],
    settings: ['MIDDLEWARE', 'SECURE_HSTS_SECONDS'],
    djangoCheck: 'security.W004',
  },
  check(ctx) {
    const decidedFor = ctx.projects.filter((p) => p.production && proxyHttps(ctx, p).hsts.some((x) => !x.when)).map((p) => p.root);
    const result = forProduction(ctx, (s, project) => {
      const worlds = worldsWhere(withSecurityMiddleware(s, (w) => settingOff(s, 'SECURE_HSTS_SECONDS', w, num(0))));
      if (worlds.length === 0) return [];
      const proxy = proxyHttps(ctx, project).hsts;
      if (proxy.some((p) => !p.when)) return [];
      const b = s.bindings.get('SECURE_HSTS_SECONDS');
      const note = httpsNote(ctx, s, 'SECURE_HSTS_SECONDS', worlds);
      const message = `SECURE_HSTS_SECONDS ${offPhrase(s, 'SECURE_HSTS_SECONDS')} in ${label(s)}${worldClause(ctx, worlds, [b, note?.debug])}: browsers are not told to use HTTPS only, so a first plain-HTTP request can be intercepted (SSL stripping).`;
      const maybe = proxy[0];
      if (note) return [{ location: locationOf(s, 'SECURE_HSTS_SECONDS'), level: 'note', message: `${message.replace(/\.$/, '')}${note.clause}.` }];
      const internal = maybe || proxySiteConfig(ctx, project) ? undefined : internalRoutesOnly(ctx, project);
      if (internal) {
        return [{
          location: locationOf(s, 'SECURE_HSTS_SECONDS'),
          level: 'note',
          message: `${message.replace(/\.$/, '')} — a note: ${internal}, whose job sending Strict-Transport-Security is; check that it does.`,
        }];
      }
      if (!maybe) return [{ location: locationOf(s, 'SECURE_HSTS_SECONDS'), message }];
      return [{
        location: locationOf(s, 'SECURE_HSTS_SECONDS'),
        level: 'note',
        message: `${message.replace(/\.$/, '')} — unless the project's proxy sends it: ${maybe.what} (${maybe.location.file}:${maybe.location.line}) does when ${maybe.when}, an operator's choice the scan cannot make: a note, not a warning.`,
        related: [{ location: maybe.location, message: `${maybe.what} sends Strict-Transport-Security when ${maybe.when}` }],
      }];
    });
    return { ...result, ...(decidedFor.length ? { decidedFor } : {}) };
  },
} satisfies Rule;
