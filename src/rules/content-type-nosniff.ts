import type { Rule } from './rule';
import { proxyHttps } from '../project/proxy';
import { bool, forProduction, label, locationOf, offPhrase, settingOff, withSecurityMiddleware, worldClause, worldsWhere } from './settings-util';

/**
 * launch.W108: SECURE_CONTENT_TYPE_NOSNIFF set to False (Django's default is True since 3.0; security.W006) —
 * unless the project's own production proxy config sends X-Content-Type-Options: nosniff (src/project/proxy.ts):
 * then Django's setting is beside the point. A proxy that does so only under an operator's choice turns the
 * finding into a note.
 */
export default {
  meta: {
    id: 'launch.W108',
    name: 'content-type-nosniff',
    checklist: 'security-settings',
    level: 'warning',
    title: 'SECURE_CONTENT_TYPE_NOSNIFF is False: browsers may MIME-sniff responses',
    fix: 'Remove SECURE_CONTENT_TYPE_NOSNIFF (its default is True) or set it to True, or send X-Content-Type-Options: nosniff from the reverse proxy config in the repository.',
    securitySeverity: 4.3,
    precision: 'very-high',
    tags: ['security', 'external/cwe/cwe-693'],
    settings: ['MIDDLEWARE', 'SECURE_CONTENT_TYPE_NOSNIFF'],
    djangoCheck: 'security.W006',
  },
  check(ctx) {
    const decidedFor = ctx.projects.filter((p) => p.production && proxyHttps(ctx, p).nosniff.some((x) => !x.when)).map((p) => p.root);
    const result = forProduction(ctx, (s, project) => {
      const worlds = worldsWhere(withSecurityMiddleware(s, (w) => settingOff(s, 'SECURE_CONTENT_TYPE_NOSNIFF', w, bool(true))));
      if (worlds.length === 0) return [];
      const proxy = proxyHttps(ctx, project).nosniff;
      if (proxy.some((p) => !p.when)) return [];
      const b = s.bindings.get('SECURE_CONTENT_TYPE_NOSNIFF');
      const message = `SECURE_CONTENT_TYPE_NOSNIFF ${offPhrase(s, 'SECURE_CONTENT_TYPE_NOSNIFF')} in ${label(s)}${worldClause(ctx, worlds, [b])}: without X-Content-Type-Options: nosniff a browser may run an uploaded file as a script or stylesheet.`;
      const maybe = proxy[0];
      if (!maybe) return [{ location: locationOf(s, 'SECURE_CONTENT_TYPE_NOSNIFF'), message }];
      return [{
        location: locationOf(s, 'SECURE_CONTENT_TYPE_NOSNIFF'),
        level: 'note',
        message: `${message.replace(/\.$/, '')} — unless the project's proxy sends it: ${maybe.what} (${maybe.location.file}:${maybe.location.line}) does when ${maybe.when}, an operator's choice the scan cannot make: a note, not a warning.`,
        related: [{ location: maybe.location, message: `${maybe.what} sends X-Content-Type-Options: nosniff when ${maybe.when}` }],
      }];
    });
    return { ...result, ...(decidedFor.length ? { decidedFor } : {}) };
  },
} satisfies Rule;
