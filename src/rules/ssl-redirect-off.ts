import type { Rule } from './rule';
import { proxyHttps } from '../project/proxy';
import { bool, forProduction, label, locationOf, offPhrase, settingOff, withSecurityMiddleware, worldClause, worldsWhere } from './settings-util';

/**
 * launch.W104: SECURE_SSL_REDIRECT not True (security.W008) — unless the project's own production proxy config
 * redirects HTTP to HTTPS (src/project/proxy.ts): then Django never sees a plain-HTTP request.
 */
export default {
  meta: {
    id: 'launch.W104',
    name: 'ssl-redirect-off',
    checklist: 'security-settings',
    level: 'warning',
    title: 'SECURE_SSL_REDIRECT is not True: plain-HTTP requests are served',
    fix: 'Set SECURE_SSL_REDIRECT = True (with SECURE_PROXY_SSL_HEADER behind a TLS-terminating proxy), unless the proxy already redirects HTTP to HTTPS.',
    securitySeverity: 5.3,
    precision: 'medium',
    tags: ['security', 'external/cwe/cwe-319'],
    settings: ['MIDDLEWARE', 'SECURE_SSL_REDIRECT'],
    djangoCheck: 'security.W008',
  },
  check(ctx) {
    const decidedFor = ctx.projects.filter((p) => p.production && proxyHttps(ctx, p).redirect.some((x) => !x.when)).map((p) => p.root);
    const result = forProduction(ctx, (s, project) => {
      const worlds = worldsWhere(withSecurityMiddleware(s, (w) => settingOff(s, 'SECURE_SSL_REDIRECT', w, bool(false))));
      if (worlds.length === 0) return [];
      const proxy = proxyHttps(ctx, project).redirect;
      if (proxy.some((p) => !p.when)) return [];
      const b = s.bindings.get('SECURE_SSL_REDIRECT');
      const message = `SECURE_SSL_REDIRECT ${offPhrase(s, 'SECURE_SSL_REDIRECT')} in ${label(s)}${worldClause(ctx, worlds, [b])}: Django answers plain-HTTP requests instead of redirecting them to HTTPS.`;
      const maybe = proxy[0];
      if (!maybe) return [{ location: locationOf(s, 'SECURE_SSL_REDIRECT'), message }];
      return [{
        location: locationOf(s, 'SECURE_SSL_REDIRECT'),
        level: 'note',
        message: `${message.replace(/\.$/, '')} — unless the project's proxy redirects: ${maybe.what} (${maybe.location.file}:${maybe.location.line}) does when ${maybe.when}, an operator's choice the scan cannot make: a note, not a warning.`,
        related: [{ location: maybe.location, message: `${maybe.what} redirects HTTP to HTTPS when ${maybe.when}` }],
      }];
    });
    return { ...result, ...(decidedFor.length ? { decidedFor } : {}) };
  },
} satisfies Rule;
