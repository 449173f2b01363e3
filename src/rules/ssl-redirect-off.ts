import { APP_SERVER_WORD, composeServices, isComposeFile, productionDeployFile, runsDevSetup } from '../project/deploy-commands';
import { isDevName } from '../project/model';
import { baseName } from '../project/files';
import { isMap, isScalar, isSeq } from 'yaml';
import { internalRoutesOnly, proxyHttps, proxySiteConfig } from '../project/proxy';
import type { ScanContext, ScannedProject } from '../project/scan';
import type { Rule } from './rule';
import { bool, forProduction, httpsNote, label, locationOf, middlewareHas, offPhrase, settingOff, withSecurityMiddleware, worldClause, worldsWhere, type EvaluatedSettings, type World } from './settings-util';

/**
 * django-sslify's middleware, which answers every plain-HTTP request with a permanent redirect to HTTPS unless
 * SSLIFY_DISABLE or DEBUG is on (PyCon US's Heroku settings prepend it to MIDDLEWARE_CLASSES): the redirect
 * SECURE_SSL_REDIRECT would make. Known in this world: installed, SSLIFY_DISABLE off or unset, DEBUG off.
 */
const SSLIFY_MIDDLEWARE = 'sslify.middleware.SSLifyMiddleware';
function sslifyRedirects(s: EvaluatedSettings, w: World): boolean {
  return middlewareHas(s, w, SSLIFY_MIDDLEWARE) === true && settingOff(s, 'SSLIFY_DISABLE', w, bool(false)) === true && settingOff(s, 'DEBUG', w, bool(false)) === true;
}

/** A uWSGI config that serves only its own protocol (`socket =`, no `http =`): a web server must stand in front. */
const UWSGI_SOCKET = /^\s*(socket|uwsgi-socket)\s*=/m;
const UWSGI_HTTP = /^\s*(http|http-socket|https|https-socket)\s*=/m;

/**
 * Why the app must sit behind a web server the repository does not configure: uWSGI speaks only the uwsgi
 * protocol (kobocat's and KPI's `socket =`, no `http =`), which no browser does — a front server must relay
 * every request, and redirecting to HTTPS is its job. undefined when the repository ships a proxy site of its
 * own (its facts decide). A trusted scheme header (SECURE_PROXY_SSL_HEADER) alone is not such a sign: it is
 * often base-settings boilerplate, and a PaaS router that does not redirect (Heroku) sends it too.
 */
function proxyInFront(ctx: ScanContext, project: ScannedProject): string | undefined {
  if (proxySiteConfig(ctx, project)) return undefined;
  const internal = internalRoutesOnly(ctx, project);
  if (internal) return internal;
  const uwsgi = ctx.workspace.deployFiles().find((f) => productionDeployFile(ctx, project, f) && /\.ini$/i.test(f.rel) && /^\s*\[uwsgi\]/m.test(f.text) && UWSGI_SOCKET.test(f.text) && !UWSGI_HTTP.test(f.text));
  if (uwsgi) return `uWSGI speaks only its own protocol here (\`socket\` in ${uwsgi.rel}, no \`http\`), so a web server relays every request to it`;
  return loopbackOnly(ctx, project);
}

/**
 * The production compose file publishes the app's ports on the host's loopback only (`127.0.0.1:8000:8000`,
 * nickjj's `${DOCKER_WEB_PORT_FORWARD:-127.0.0.1:8000}:8000`, whose .env example says to keep it behind nginx or a
 * load balancer): no browser reaches Django but through a web server on the host, configured elsewhere. Every
 * service built from the repository that publishes a port must do so; a port published on every interface, or
 * through a variable with no default, is no such sign.
 */
function loopbackOnly(ctx: ScanContext, project: ScannedProject): string | undefined {
  let found: string | undefined;
  for (const f of ctx.workspace.deployFiles()) {
    if (!isComposeFile(baseName(f.rel)) || !productionDeployFile(ctx, project, f)) continue;
    for (const svc of composeServices(f)) {
      // a development setup publishes on loopback for the developer's browser, not for a web server in front
      // (parking-permits' `api`: `target: development`, the project bind-mounted)
      if (svc.devOnly || !isMap(svc.node) || !builds(svc.node.toJS(svc.doc)) || developmentBuild(svc.node.toJS(svc.doc)) || runsDevSetup(svc.node, svc.doc)) continue;
      const ports = svc.node.get('ports', true);
      if (!isSeq(ports)) {
        const nets = externalNetworksOnly(svc.node.toJS(svc.doc) as Record<string, unknown>, svc.doc.toJS() as Record<string, unknown>);
        if (nets) found ??= `${f.rel} publishes no port of service \`${svc.name}\`, whose app server joins only the external network ${nets}, so a web server on that network relays every request to it`;
        continue;
      }
      for (const p of ports.items) {
        const host = isScalar(p) ? hostIp(String(p.value)) : isMap(p) ? String((p.get('host_ip') as unknown) ?? '') : '';
        if (!/^(127\.0\.0\.1|localhost|\[?::1\]?)$/.test(host)) return undefined;
        found ??= `${f.rel} publishes the app's port on the host's loopback only (service \`${svc.name}\`), so a web server on the host relays every request to it`;
      }
    }
  }
  return found;
}

/**
 * The external networks a service that starts an app server joins, when it joins only such networks (pycon.tw's
 * uWSGI on `network-2025`, `external: true`, shared with a proxy deployed from another repository); undefined
 * otherwise. Joined with no published port, nothing outside that network reaches it.
 */
function externalNetworksOnly(svc: Record<string, unknown>, doc: Record<string, unknown> | null): string | undefined {
  const command = [svc.command, svc.entrypoint].flat().filter((c) => typeof c === 'string').join(' ');
  if (!APP_SERVER_WORD.test(command) || 'network_mode' in svc) return undefined;
  const joined = Array.isArray(svc.networks) ? svc.networks.map(String) : svc.networks && typeof svc.networks === 'object' ? Object.keys(svc.networks) : [];
  const declared = (doc?.networks ?? {}) as Record<string, { external?: unknown } | null>;
  if (joined.length === 0 || !joined.every((n) => declared[n]?.external === true || (typeof declared[n]?.external === 'object' && declared[n]?.external !== null))) return undefined;
  return joined.map((n) => `\`${n}\``).join(', ');
}


/** A compose service that builds a development-named stage (`build: {target: development}`). */
function developmentBuild(svc: unknown): boolean {
  const build = svc && typeof svc === 'object' ? (svc as Record<string, unknown>).build : undefined;
  const target = build && typeof build === 'object' ? (build as Record<string, unknown>).target : undefined;
  return typeof target === 'string' && isDevName(target);
}

/** A compose service (as plain data) built from the repository: `build:`, or a `<<:` merge of an anchor that has it. */
function builds(svc: unknown): boolean {
  if (!svc || typeof svc !== 'object') return false;
  const o = svc as Record<string, unknown>;
  const merged = o['<<'];
  return 'build' in o || (Array.isArray(merged) ? merged.some(builds) : builds(merged));
}

/** The host address of a compose short-syntax port (`127.0.0.1:8000:8000`), `${VAR:-default}` read as its default; '' for every interface. */
function hostIp(spec: string): string {
  const expanded = spec.replace(/\$\{[A-Za-z_]\w*:?-([^}]*)\}/g, '$1');
  if (/\$/.test(expanded)) return '';
  const parts = expanded.replace(/\/(tcp|udp)$/i, '').split(':');
  return parts.length === 3 ? parts[0] : parts.length > 3 ? expanded.slice(0, expanded.lastIndexOf(':', expanded.lastIndexOf(':') - 1)) : '';
}

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
      if (worlds.length === 0 || worlds.every((w) => sslifyRedirects(s, w))) return [];
      const proxy = proxyHttps(ctx, project).redirect;
      if (proxy.some((p) => !p.when)) return [];
      const b = s.bindings.get('SECURE_SSL_REDIRECT');
      const note = httpsNote(ctx, s, 'SECURE_SSL_REDIRECT', worlds);
      const message = `SECURE_SSL_REDIRECT ${offPhrase(s, 'SECURE_SSL_REDIRECT')} in ${label(s)}${worldClause(ctx, worlds, [b, note?.debug])}: Django answers plain-HTTP requests instead of redirecting them to HTTPS.`;
      const maybe = proxy[0];
      if (note) return [{ location: locationOf(s, 'SECURE_SSL_REDIRECT'), level: 'note', message: `${message.replace(/\.$/, '')}${note.clause}.` }];
      const front = maybe ? undefined : proxyInFront(ctx, project);
      if (front) {
        return [{
          location: locationOf(s, 'SECURE_SSL_REDIRECT'),
          level: 'note',
          message: `${message.replace(/\.$/, '')} — a note: ${front}, and the repository ships no proxy configuration, so redirecting to HTTPS is that proxy's job, configured where the scan cannot see it; check that it redirects.`,
        }];
      }
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
