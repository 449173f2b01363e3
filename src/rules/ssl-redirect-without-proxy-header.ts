import type { Location } from '../finding';
import { deployCommands, lineAt, productionDeployFile, serverStartedBy } from '../project/deploy-commands';
import { manifestKind, productionEnvironment } from '../project/manifests';
import type { ScanContext, ScannedProject } from '../project/scan';
import type { Rule } from './rule';
import { bool, forProduction, label, settingOff, valueIn, withSecurityMiddleware, worldClause, worldsWhere } from './settings-util';

/**
 * Where gunicorn — the only app server production starts — is told to trust the proxy's X-Forwarded-Proto: it
 * then sets the request's scheme to https itself (its secure_scheme_headers), so Django sees HTTPS without
 * SECURE_PROXY_SSL_HEADER and redirects nothing. `--forwarded-allow-ips` on its command line, a
 * `forwarded_allow_ips` in a gunicorn config file, FORWARDED_ALLOW_IPS in a production deploy file, or a Cloud
 * Foundry python_buildpack manifest (the buildpack exports FORWARDED_ALLOW_IPS='*', as Heroku's Python buildpack
 * does: getgov on cloud.gov). undefined when nothing shows it.
 */
function gunicornTrustsProxy(ctx: ScanContext, project: ScannedProject): { location: Location; what: string; probably?: true } | undefined {
  const starts = deployCommands(ctx, project).map(serverStartedBy).filter((x) => x !== undefined);
  if (starts.length === 0 || starts.some((st) => st.server !== 'gunicorn')) return undefined;
  const flag = starts.find((st) => /(?:^|\s)--forwarded-allow-ips\b/.test(st.command.text));
  if (flag) return { location: { file: flag.command.file.rel, line: flag.command.line }, what: "gunicorn's --forwarded-allow-ips" };
  const env = (ctx.environment ?? productionEnvironment(ctx.workspace)).find((e) => e.name === 'FORWARDED_ALLOW_IPS' && !e.dev && e.value?.trim());
  if (env) return { location: { file: env.file, line: env.line }, what: 'FORWARDED_ALLOW_IPS' };
  for (const f of ctx.workspace.pythonFiles()) {
    const m = /gunicorn/i.test(f.rel) ? /^forwarded_allow_ips\s*=/m.exec(f.text) : null;
    if (m && productionDeployFile(ctx, project, f)) return { location: { file: f.rel, line: f.text.slice(0, m.index).split('\n').length }, what: "forwarded_allow_ips in gunicorn's config" };
  }
  for (const f of ctx.workspace.deployFiles()) {
    const m = /^manifest([._-][\w.-]+)?\.ya?ml$/i.test(f.rel.split('/').pop() ?? '') ? /^[ \t]*(?:-[ \t]*|buildpack:[ \t]*)python_buildpack[ \t]*$/m.exec(f.text) : null;
    if (m && productionDeployFile(ctx, project, f)) return { location: { file: f.rel, line: f.text.slice(0, m.index).split('\n').length }, what: "Cloud Foundry's python_buildpack (it sets FORWARDED_ALLOW_IPS='*')" };
  }
  // A Procfile with no image to build beside it is deployed by a Python buildpack: Heroku's exports
  // FORWARDED_ALLOW_IPS='*' for gunicorn (its vendor/python.gunicorn.sh), and the platforms that run Heroku's
  // buildpacks or forks of them (Dokku, Scalingo: dora's) likely do — likely, not known: `probably`.
  const procfile = starts.find((st) => st.command.source === 'procfile');
  const image = ctx.workspace.deployFiles().some((f) => (manifestKind(f) === 'dockerfile' || manifestKind(f) === 'heroku.yml') && productionDeployFile(ctx, project, f));
  if (procfile && starts.every((st) => st.command.source === 'procfile') && !image) {
    return { location: { file: procfile.command.file.rel, line: procfile.command.line }, what: "a Python buildpack runs the Procfile: Heroku's exports FORWARDED_ALLOW_IPS='*', and those built on it likely do", probably: true };
  }
  return undefined;
}

/**
 * uWSGI takes a request's scheme from X-Forwarded-Proto itself, unasked and unconfigurable (its core/protocol.c
 * sets the request's scheme from HTTP_X_FORWARDED_PROTO; nginx's uwsgi_params pass `HTTPS` when nginx terminates
 * TLS): Django sees HTTPS with no SECURE_PROXY_SSL_HEADER. Where production starts only uWSGI, or starts nothing
 * the scan can see and a production `[uwsgi]` ini configures it; or where Clever Cloud's Python runtime serves the
 * app (`clevercloud/python.json`): it runs uWSGI by default (gunicorn or uvicorn by CC_PYTHON_BACKEND) behind its
 * own nginx on the instance, and gunicorn and uvicorn trust that local proxy by default (forwarded_allow_ips
 * 127.0.0.1) — likely, not known, for the platform's internals are not in the repository: `probably`.
 */
function uwsgiTakesScheme(ctx: ScanContext, project: ScannedProject): { location: Location; what: string; server: string; probably?: true } | undefined {
  const starts = deployCommands(ctx, project).map(serverStartedBy).filter((x) => x !== undefined);
  if (starts.length > 0) {
    if (!starts.every((st) => st.server === 'uwsgi')) return undefined;
    return { location: { file: starts[0].command.file.rel, line: starts[0].command.line }, what: 'its start command', server: 'uWSGI' };
  }
  const deploy = ctx.workspace.deployFiles().filter((f) => productionDeployFile(ctx, project, f));
  const ini = deploy.find((f) => /\.ini$/i.test(f.rel) && /^\s*\[uwsgi\]/m.test(f.text));
  if (ini) return { location: { file: ini.rel, line: lineAt(ini.text, ini.text.search(/^[ \t]*\[uwsgi\]/m)) }, what: 'its [uwsgi] config', server: 'uWSGI' };
  const clever = deploy.find((f) => f.rel.split('/').slice(-2).join('/') === 'clevercloud/python.json' && /"module"\s*:/.test(f.text));
  if (!clever) return undefined;
  const backend = (ctx.environment ?? productionEnvironment(ctx.workspace)).find((e) => e.name === 'CC_PYTHON_BACKEND' && !e.dev && e.value?.trim());
  if (backend && !/^(uwsgi|gunicorn|uvicorn)$/i.test(backend.value!.trim())) return undefined; // daphne trusts no proxy header unless told
  return {
    location: { file: clever.rel, line: lineAt(clever.text, clever.text.search(/"module"\s*:/)) },
    what: "Clever Cloud's Python runtime (uWSGI by default, behind its own nginx on the instance)",
    server: backend ? backend.value!.trim() : "Clever Cloud's uWSGI",
    probably: true,
  };
}

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
    return forProduction(ctx, (s, project) => {
      const redirect = s.bindings.get('SECURE_SSL_REDIRECT');
      if (!redirect) return [];
      const worlds = worldsWhere(withSecurityMiddleware(s, (w) => {
        if (settingOff(s, 'SECURE_SSL_REDIRECT', w, bool(false)) !== false) return undefined;
        const header = valueIn(s, 'SECURE_PROXY_SSL_HEADER', w, { kind: 'none' })!;
        return header.kind === 'none';
      }));
      if (worlds.length === 0) return [];
      const where = `SECURE_SSL_REDIRECT is True in ${label(s)} but SECURE_PROXY_SSL_HEADER is not set${worldClause(ctx, worlds, [redirect, s.bindings.get('SECURE_PROXY_SSL_HEADER')])}`;
      const uwsgi = uwsgiTakesScheme(ctx, project);
      if (uwsgi) {
        return [{
          location: redirect.location,
          level: 'note' as const,
          message: uwsgi.probably
            ? `${where}; ${uwsgi.what} probably marks the platform's HTTPS requests secure from X-Forwarded-Proto itself (${uwsgi.location.file}:${uwsgi.location.line}), so no redirect loop — a note: set SECURE_PROXY_SSL_HEADER to say it in the settings, and keep a server that does so.`
            : `${where}; ${uwsgi.server}, which serves it (${uwsgi.what}, ${uwsgi.location.file}:${uwsgi.location.line}), takes the request's scheme from the proxy's X-Forwarded-Proto itself, so no redirect loop — a note: set SECURE_PROXY_SSL_HEADER to say it in the settings, and keep a proxy that sets that header and overwrites the client's.`,
          related: [{ location: uwsgi.location, message: `${uwsgi.server} serves the app here` }],
        }];
      }
      const trust = gunicornTrustsProxy(ctx, project);
      if (trust) {
        return [{
          location: redirect.location,
          level: 'note' as const,
          message: trust.probably
            ? `${where}; gunicorn, which serves it, probably trusts the platform router's X-Forwarded-Proto (${trust.what}, ${trust.location.file}:${trust.location.line}) and marks its HTTPS requests secure itself, so no redirect loop — a note: check that your platform sets FORWARDED_ALLOW_IPS, or set SECURE_PROXY_SSL_HEADER to say it in the settings.`
            : `${where}; gunicorn, which serves it, trusts the proxy's X-Forwarded-Proto (${trust.what}, ${trust.location.file}:${trust.location.line}) and marks the proxy's HTTPS requests secure itself, so no redirect loop — a note: keep that setting, or set SECURE_PROXY_SSL_HEADER to say it in the settings.`,
          related: [{ location: trust.location, message: 'gunicorn is told to trust the proxy here' }],
        }];
      }
      return [{
        location: redirect.location,
        message: `${where}: behind a proxy or load balancer that terminates TLS every request looks like plain HTTP, so Django redirects it to HTTPS forever.`,
      }];
    });
  },
} satisfies Rule;
