import type { Rule } from './rule';
import { bool, forProduction, label, settingOff, valueIn, withSecurityMiddleware, worldClause, worldsWhere } from './settings-util';

/**
 * launch.E109: SECURE_SSL_REDIRECT True without SECURE_PROXY_SSL_HEADER. Behind nginx or a load balancer
 * that terminates TLS, Django sees every request as http and redirects it to https — forever.
 */
export default {
  meta: {
    id: 'launch.E109',
    name: 'ssl-redirect-without-proxy-header',
    checklist: 'security-settings',
    level: 'error',
    title: 'SECURE_SSL_REDIRECT is True but SECURE_PROXY_SSL_HEADER is not set: redirect loop behind a TLS-terminating proxy',
    fix: 'Behind a proxy that terminates TLS, set SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") and make the proxy set that header (and strip it from clients).',
    securitySeverity: 0,
    precision: 'medium',
    tags: ['reliability'],
  },
  check(ctx) {
    return forProduction(ctx, (s) => {
      const redirect = s.bindings.get('SECURE_SSL_REDIRECT');
      if (!redirect) return [];
      const worlds = worldsWhere(withSecurityMiddleware(s, (w) => {
        if (settingOff(s, 'SECURE_SSL_REDIRECT', w, bool(false)) !== false) return undefined;
        const header = valueIn(s, 'SECURE_PROXY_SSL_HEADER', w, { kind: 'none' })!;
        return header.kind === 'none';
      }));
      if (worlds.length === 0) return [];
      return [{
        location: redirect.location,
        message: `SECURE_SSL_REDIRECT is True in ${label(s)} but SECURE_PROXY_SSL_HEADER is not set${worldClause(ctx, worlds, [redirect, s.bindings.get('SECURE_PROXY_SSL_HEADER')])}: behind a proxy or load balancer that terminates TLS every request looks like plain HTTP, so Django redirects it to HTTPS forever.`,
      }];
    });
  },
} satisfies Rule;
