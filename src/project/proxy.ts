/**
 * What the project's own reverse proxy does for HTTPS and the security headers: does a production proxy config
 * in the repository send `Strict-Transport-Security`, redirect plain HTTP to HTTPS, forbid framing by other
 * sites (`X-Frame-Options: DENY|SAMEORIGIN`, CSP `frame-ancestors`), send `X-Content-Type-Options: nosniff`?
 * Where it does, Django's SECURE_HSTS_SECONDS / SECURE_SSL_REDIRECT / XFrameOptionsMiddleware /
 * SECURE_CONTENT_TYPE_NOSNIFF are beside the point (launch.W101, launch.W104, launch.W107, launch.W108). Part of
 * the project model (see model.ts).
 *
 * Read: nginx (also as Jinja templates an Ansible role renders: src/project/server-templates.ts), Apache, Caddy,
 * Traefik (compose labels, environment, CLI flags, static and dynamic YAML/TOML, Kubernetes CRDs), ingress-nginx
 * annotations, and platforms' own files (Terraform, fly.toml, render.yaml, railway.json, App Engine's app.yaml, Bicep,
 * Dokku's app.json, App Platform's spec, a Cloud Foundry manifest routed on cloud.gov) — docs/rules/launch.W101.md,
 * launch.W104.md, launch.W107.md and launch.W108.md list exactly which forms count. Only files that can run in
 * production count: no dev/test/example/docs folders, no dev-named variants (`Caddyfile.dev`, `nginx.local.conf`),
 * no `docker-compose.override.yml`, nothing inside another project's folder (productionDeployFile).
 *
 * nginx, Apache and Caddyfile syntax are read by small hand-written parsers: no maintained JavaScript parser
 * for them exists that is worth a dependency, and what is needed is small (directives, blocks, quotes,
 * comments). What they do not understand is simply not a fact, so the rule keeps its finding. An HSTS header
 * counts only with a literal max-age of at least 1 (max-age=0 switches HSTS off); a framing header only with
 * DENY or SAMEORIGIN, or a CSP whose frame-ancestors is not `*` (see `classify`).
 */
import { parse as parseYaml, parseAllDocuments } from 'yaml';
import { parse as parseToml } from 'smol-toml';
import type { Location } from '../finding';
import type { ScanContext, ScannedProject } from './scan';
import type { SourceFile } from './workspace';
import { baseName, countsFor, inTemplateFolder, perProject } from './files';
import { composeServices, isComposeFile, lineAt, productionDeployFile } from './deploy-commands';
import { doAppSpec, productionEnvironment } from './manifests';
import { JINJA_NAME, readJinja, UNKNOWN } from './server-templates';
import { terraformHttpsOnly, terraformListeners, terraformRedirects, type LbListener } from './terraform';

export interface ProxyFact {
  location: Location;
  /** What the config does, e.g. `nginx add_header Strict-Transport-Security (max-age=31536000, always)`. */
  what: string;
  /** Set when it holds only under a deploy-time choice the scan cannot see, e.g. `SITE_ADDRESS is set to a hostname`. */
  when?: string;
  /**
   * A platform's default, sent only when the app's own response has no such header (cloud.gov's router): it makes
   * up for Django sending none, but a header Django sends replaces it — a short max-age then is the one browsers keep.
   */
  unlessAppSends?: true;
}

export interface ProxyHttps {
  /** Configs that send Strict-Transport-Security with max-age ≥ 1. */
  hsts: ProxyFact[];
  /** Configs that redirect plain-HTTP requests to HTTPS. */
  redirect: ProxyFact[];
  /** Configs that forbid framing by other sites: X-Frame-Options DENY or SAMEORIGIN, or a CSP frame-ancestors that is not `*`. */
  frameOptions: ProxyFact[];
  /** Configs that send X-Content-Type-Options: nosniff. */
  nosniff: ProxyFact[];
}

/** The kinds of fact a response header can be. */
type HeaderKind = 'hsts' | 'frameOptions' | 'nosniff';

export interface ConfigFile {
  rel: string;
  text: string;
  /** A Jinja template of an nginx config (src/project/server-templates.ts): read as nginx whatever its name. */
  nginxTemplate?: boolean;
}

/** A value the production deploy files give an environment variable (a literal or a `${VAR:-default}` default). */
export interface EnvValue {
  value: string;
  file: string;
  line: number;
}

const cache = new WeakMap<ScanContext, Map<string, ProxyHttps>>();

/** The `docker-compose.override.yml` compose merges in automatically: a local development override by convention. */
const AUTO_OVERRIDE = /^(docker-)?compose\.override\.ya?ml$/i;

/** What the production proxy configs that count for `project` (all projects when undefined) do: one parse, cached per project. */
export function proxyHttps(ctx: ScanContext, project?: ScannedProject): ProxyHttps {
  return perProject(cache, ctx, project, () => {
    const env = new Map<string, EnvValue[]>();
    for (const e of productionEnvironment(ctx.workspace)) {
      if (e.dev || e.value === undefined || (project && !countsFor(ctx, project, e.file))) continue;
      env.set(e.name, [...(env.get(e.name) ?? []), { value: e.value, file: e.file, line: e.line }]);
    }
    const files = ctx.workspace
      .deployFiles()
      // a cookiecutter template folder (`{{ cookiecutter.project_slug }}/`) is another project's skeleton
      .filter((f) => productionDeployFile(ctx, project, f) && !AUTO_OVERRIDE.test(baseName(f.rel)) && !inTemplateFolder(f.rel));
    return proxyFactsIn(files, env);
  });
}

const internalCache = new WeakMap<ScanContext, Map<string, string | undefined>>();

/**
 * Cloud Foundry manifests (`applications:` with `routes:`) that route the project's apps only on the
 * platform's internal domain (`*.apps.internal`): no browser reaches Django directly, only another app — a
 * proxy deployed from elsewhere — that relays to it (fecfile-web-api, behind its separate fecfile-api-proxy).
 * Redirecting to HTTPS and sending HSTS are that proxy's job: what to say, or undefined. Apps without routes
 * (workers) do not count; one public route, and this is undefined.
 */
export function internalRoutesOnly(ctx: ScanContext, project?: ScannedProject): string | undefined {
  return perProject(internalCache, ctx, project, () => {
    const internal: string[] = [];
    for (const f of ctx.workspace.deployFiles()) {
      if (!/\.ya?ml$/i.test(f.rel) || !/^applications\s*:/m.test(f.text) || !/\broutes\s*:/.test(f.text) || !productionDeployFile(ctx, project, f)) continue;
      let doc: unknown;
      try {
        doc = parseYaml(f.text, { merge: true, uniqueKeys: false });
      } catch {
        continue;
      }
      const apps = (doc as { applications?: unknown } | null)?.applications;
      if (!Array.isArray(apps)) continue;
      for (const app of apps as Array<{ routes?: unknown }>) {
        if (!Array.isArray(app?.routes)) continue;
        for (const r of app.routes as Array<{ route?: unknown }>) {
          const route = typeof r?.route === 'string' ? r.route : '';
          if (!/\.apps\.internal(:\d+)?(\/.*)?$/i.test(route)) return undefined;
          internal.push(`${route} in ${f.rel}`);
        }
      }
    }
    return internal.length ? `Cloud Foundry routes the app only on the platform's internal domain (${internal[0]}${internal.length > 1 ? ` and ${internal.length - 1} more` : ''}), so browsers reach it through another app, configured elsewhere` : undefined;
  });
}

const siteCache = new WeakMap<ScanContext, Map<string, string | undefined>>();

/**
 * A production deploy file that defines a web server's site for `project`: a Caddyfile, an nginx `server {}`
 * block, an Apache `<VirtualHost>`, Traefik routers, a Kubernetes Ingress — the first one's path, or undefined
 * when the repository ships no proxy configuration at all (the proxy in front is configured elsewhere).
 */
export function proxySiteConfig(ctx: ScanContext, project?: ScannedProject): string | undefined {
  return perProject(siteCache, ctx, project, () =>
    ctx.workspace
      .deployFiles()
      .filter((f) => productionDeployFile(ctx, project, f) && !AUTO_OVERRIDE.test(baseName(f.rel)) && !inTemplateFolder(f.rel))
      .find((f) => {
        const name = baseName(f.rel).toLowerCase();
        if (isCaddyfile(name)) return true;
        if ((f.nginxTemplate || isServerConf(f.rel)) && /(^|[\s;{])server\s*\{|<VirtualHost\b/i.test(f.text)) return true;
        return /\.(ya?ml|toml)$/.test(name) && /^kind:\s*Ingress\b|traefik\.http\.routers\.|^\s*routers\s*:|\[http\.routers/m.test(f.text);
      })?.rel,
  );
}

/**
 * The facts of a set of config files (already known to be production ones): pure, for tests. `env`: the values
 * the production deploy files give variables, for Caddy site addresses read from the environment.
 */
export function proxyFactsIn(files: readonly ConfigFile[], env: ReadonlyMap<string, EnvValue[]> = new Map()): ProxyHttps {
  const out = noFacts();
  const traefik = new Traefik();
  const listeners: LbListener[] = [];
  for (const f of files) {
    const name = baseName(f.rel).toLowerCase();
    if (isCaddyfile(name)) merge(out, caddy(f, env));
    else if (f.nginxTemplate) merge(out, nginx(f, env));
    else if (isServerConf(f.rel)) {
      merge(out, nginx(f, env));
      merge(out, apache(f));
    } else if (name.endsWith('.tf')) {
      out.redirect.push(...terraformRedirects(f));
      listeners.push(...terraformListeners(f));
    } else {
      if (/\.(ya?ml|toml)$/.test(name)) traefik.readConfig(f);
      if (/\.ya?ml$/.test(name) && !isComposeFile(name)) {
        out.redirect.push(...ingressNginx(f));
        merge(out, ingressNginxTls(f, files));
        merge(out, openshiftRoute(f, files));
      }
      if (name === 'app.yaml' || name === 'app.yml') out.redirect.push(...appEngineRedirects(f));
      if (name === 'fly.toml') out.redirect.push(...flyRedirects(f));
      if (name === 'render.yaml') out.redirect.push(...renderRedirects(f));
      if (name === 'railway.json' || name === 'railway.toml') out.redirect.push(...railwayRedirects(f));
      if (name === 'app.json') merge(out, dokku(f, files));
      if (/^applications\s*:/m.test(f.text)) merge(out, cloudGov(f));
      out.redirect.push(...appPlatformRedirects(f));
      if (name.endsWith('.bicep')) out.redirect.push(...bicepRedirects(f));
      traefik.readLines(f);
    }
  }
  merge(out, traefik.facts());
  const httpsOnly = terraformHttpsOnly(listeners);
  if (httpsOnly) out.redirect.push(httpsOnly);
  return out;
}

function noFacts(): ProxyHttps {
  return { hsts: [], redirect: [], frameOptions: [], nosniff: [] };
}

function merge(into: ProxyHttps, from: ProxyHttps): void {
  into.hsts.push(...from.hsts);
  into.redirect.push(...from.redirect);
  into.frameOptions.push(...from.frameOptions);
  into.nosniff.push(...from.nosniff);
}

function isCaddyfile(lower: string): boolean {
  return lower === 'caddyfile' || lower.startsWith('caddyfile.') || lower.endsWith('.caddyfile') || lower.endsWith('.caddy');
}

/** nginx/Apache config: `*.conf`, `*.vhost`, `*.conf.template` (the nginx image's envsubst templates), extensionless files in server config folders. */
function isServerConf(rel: string): boolean {
  const lower = baseName(rel).toLowerCase();
  return /\.(conf|vhost|conf\.template)$/.test(lower) || (!lower.includes('.') && SERVER_CONF_DIR.test(rel));
}

const SERVER_CONF_DIR = /(^|\/)(nginx|sites-available|sites-enabled|conf\.d|http\.d|apache2?|httpd)\/[^/]+$/i;

/** `max-age=N` in a header value, N ≥ 1; undefined when absent, 0, or not a literal (`$hsts_age`). */
function maxAge(value: string): number | undefined {
  const m = /max-age\s*=\s*"?(\d+)/i.exec(value);
  const n = m ? Number(m[1]) : 0;
  return n >= 1 ? n : undefined;
}

/** Does a path regex match every request path (`^`, `^(.*)$`, `^/?(.*)`)? Tried on sample paths; a regex JS cannot read does not count. */
function catchAll(re: string): boolean {
  try {
    const r = new RegExp(re);
    return ['/', '/accounts/login/', '/api/v1/items'].every((p) => r.test(p));
  } catch {
    return false;
  }
}

const REDIRECT_CODE = /^(301|302|303|307|308)$/;

/** A response header that counts, as a fact says it: its kind, its usual spelling, what its value does. */
interface Classified {
  kind: HeaderKind;
  header: string;
  /** `max-age=31536000`, `SAMEORIGIN`, `frame-ancestors 'self'`, `nosniff`. */
  detail: string;
}

/**
 * What a response header sent with this literal value does, or undefined when it does nothing that counts:
 * Strict-Transport-Security with max-age ≥ 1; X-Frame-Options DENY or SAMEORIGIN (any case — ALLOW-FROM is
 * ignored by today's browsers, ALLOWALL forbids nothing); Content-Security-Policy with a frame-ancestors
 * directive that does not let every site frame the page (see frameAncestors; Content-Security-Policy-Report-Only
 * enforces nothing); X-Content-Type-Options nosniff.
 */
function classify(name: string, value: string): Classified | undefined {
  const v = value.trim(); // the config's own quoting is already gone: quotes left are in the header, which browsers reject
  switch (name.trim().toLowerCase()) {
    case 'strict-transport-security': {
      const age = maxAge(v);
      return age ? { kind: 'hsts', header: 'Strict-Transport-Security', detail: `max-age=${age}` } : undefined;
    }
    case 'x-frame-options':
      return /^(deny|sameorigin)$/i.test(v) ? { kind: 'frameOptions', header: 'X-Frame-Options', detail: v.toUpperCase() } : undefined;
    case 'content-security-policy': {
      const fa = frameAncestors(v);
      return fa ? { kind: 'frameOptions', header: 'Content-Security-Policy', detail: fa } : undefined;
    }
    case 'x-content-type-options':
      return /^nosniff$/i.test(v) ? { kind: 'nosniff', header: 'X-Content-Type-Options', detail: 'nosniff' } : undefined;
    default:
      return undefined;
  }
}

/** What a value must be for a header to count, said in a fact's `when`. */
const WANTED: Record<string, { kind: HeaderKind; header: string; value: string }> = {
  'x-frame-options': { kind: 'frameOptions', header: 'X-Frame-Options', value: 'DENY or SAMEORIGIN' },
  'content-security-policy': { kind: 'frameOptions', header: 'Content-Security-Policy', value: 'a policy whose frame-ancestors is not *' },
  'x-content-type-options': { kind: 'nosniff', header: 'X-Content-Type-Options', value: 'nosniff' },
};

/**
 * The `frame-ancestors` directive of a CSP (the first one of a policy: browsers ignore repeats), when it keeps
 * other sites from framing the page: not when a source lets any site in (`*`, a bare scheme such as `https:`,
 * `https://*`). An empty source list is `'none'`.
 */
function frameAncestors(csp: string): string | undefined {
  for (const policy of csp.split(',')) {
    const d = policy.split(';').map((x) => x.trim()).find((x) => /^frame-ancestors(\s|$)/i.test(x));
    if (!d) continue;
    const sources = d.split(/\s+/).slice(1);
    if (sources.some((x) => x === '*' || /^[a-z][a-z\d+.-]*:(\/\/\*(:[\d*]+)?\/?)?$/i.test(x))) continue;
    return ['frame-ancestors', ...sources].join(' ');
  }
  return undefined;
}

/**
 * A header value that is an environment variable's placeholder: Caddy's `{$VAR}` / `{$VAR:default}` /
 * `{env.VAR}` (`caddy`), or envsubst's `${VAR}` in an nginx `*.template` (the nginx image substitutes them).
 */
function placeholderOf(value: string, style: 'caddy' | 'envsubst'): { name: string; dflt?: string } | undefined {
  const m = style === 'caddy' ? /^\{(?:\$|env\.)(\w+)(?::([^}]*))?\}$/.exec(value.trim()) : /^\$\{(\w+)\}$/.exec(value.trim());
  return m ? { name: m[1], ...(m[2] !== undefined ? { dflt: m[2] } : {}) } : undefined;
}

/**
 * What a framing or nosniff header does when its value may come from the environment: a literal is classified;
 * a placeholder by the values the production deploy files give the variable (one that counts is enough), else
 * by its default, else it holds only when the operator sets a value that counts — a `when`. HSTS values are
 * taken literally only (launch.W101's rule, unchanged).
 */
function headerFact(name: string, value: string, env: ReadonlyMap<string, EnvValue[]>, style?: 'caddy' | 'envsubst'): (Classified & { when?: string }) | undefined {
  const wanted = WANTED[name.trim().toLowerCase()];
  const ph = wanted && style ? placeholderOf(value, style) : undefined;
  if (!ph) return classify(name, value);
  const given = env.get(ph.name) ?? [];
  for (const g of given) {
    const c = classify(name, g.value);
    if (c) return { ...c, detail: `${value} = ${c.detail}, ${g.file}:${g.line}` };
  }
  if (given.length) return undefined;
  if (ph.dflt !== undefined) return classify(name, ph.dflt);
  return { kind: wanted.kind, header: wanted.header, detail: value, when: `${ph.name} is set to ${wanted.value}` };
}

/**
 * Where a key of parsed YAML/TOML is (smol-toml keeps no positions): the first line, after the previous one,
 * that has each key in turn as a YAML key (`name:`), a TOML key (`name =`) or in a TOML table header.
 */
function lineOf(text: string, ...keys: string[]): number {
  const lines = text.split('\n');
  let at = 0;
  for (const key of keys) {
    const k = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const re = new RegExp(`^\\s*(-\\s*)?["']?${k}["']?\\s*[:=]|^\\s*\\[+[^\\]]*\\b${k}\\b`, 'i');
    const i = lines.findIndex((l, n) => n >= at && re.test(l));
    if (i < 0) break;
    at = i;
  }
  return at + 1;
}

// ---------------------------------------------------------------------------------------------
// nginx

interface NgDirective {
  name: string;
  args: string[];
  line: number;
  /** Where its first word starts in the text parsed. */
  offset: number;
  block?: NgDirective[];
}

/** nginx's syntax: words and quoted strings, `;` ends a directive, `{ }` a block, `#` a comment at a word's start. */
function parseNginx(text: string): NgDirective[] {
  const root: NgDirective[] = [];
  const stack = [root];
  let words: string[] = [];
  let start = 1;
  let startOffset = 0;
  let line = 1;
  let i = 0;
  const end = (open: boolean): void => {
    if (words.length) {
      const d: NgDirective = { name: words[0].toLowerCase(), args: words.slice(1), line: start, offset: startOffset };
      stack[stack.length - 1].push(d);
      if (open) stack.push((d.block = []));
    }
    words = [];
  };
  while (i < text.length) {
    const c = text[i];
    if (c === '\n') line++;
    if (/\s/.test(c)) {
      i++;
    } else if (c === '#') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === ';' || c === '{') {
      end(c === '{');
      i++;
    } else if (c === '}') {
      end(false);
      if (stack.length > 1) stack.pop();
      i++;
    } else {
      if (!words.length) {
        start = line;
        startOffset = i;
      }
      let w = '';
      while (i < text.length && !/[\s;{}]/.test(text[i])) {
        const ch = text[i];
        if (ch === '"' || ch === "'") {
          for (i++; i < text.length && text[i] !== ch; i++) {
            if (text[i] === '\\' && i + 1 < text.length) i++;
            if (text[i] === '\n') line++;
            w += text[i];
          }
          i++;
        } else if (ch === '$' && text[i + 1] === '{') {
          const j = text.indexOf('}', i);
          const stop = j < 0 ? text.length : j + 1;
          w += text.slice(i, stop);
          i = stop;
        } else {
          w += ch;
          i++;
        }
      }
      words.push(w);
    }
  }
  end(false);
  return root;
}

const PASSES = /^(proxy_pass|uwsgi_pass|fastcgi_pass|scgi_pass|grpc_pass)$/;
/** `if` conditions on the request's scheme (fine in a server that also serves TLS) or its host (certbot's `if ($host = …)`). */
const SCHEME_TEST = /\$(scheme|https|http_x_forwarded_proto|server_port)\b/;
const HOST_TEST = /\$(host|server_name|http_host)\b/;

/** Jinja tags in a config: a `{% … %}` statement or a `{{ … }}` value (nginx's own syntax has neither). */
const JINJA_TAG = /\{%[\s\S]*?%\}|\{\{[\s\S]*?\}\}/;

function nginx(f: ConfigFile, env: ReadonlyMap<string, EnvValue[]> = new Map()): ProxyHttps {
  const out = noFacts();
  if (!/add_header|return|rewrite/.test(f.text)) return out;
  // A Jinja template (an Ansible role's `site.j2`) is read as the config it renders to: a `{{ value }}` is an
  // UNKNOWN word that no header, listen or scheme test is taken to have (so it never makes a fact), and what
  // only a `{% if %}`/`{% for %}` renders holds under that condition, said in the fact's `when` — the rules
  // then report a note naming it, not nothing. Text no one renders where it stands (a macro) makes no fact.
  const jinja = JINJA_NAME.test(f.rel) || JINJA_TAG.test(f.text) ? readJinja(f.text) : undefined;
  const at = (d: NgDirective): Location => ({ file: f.rel, line: d.line });
  const when = (d: NgDirective): string | null | undefined => jinja?.when(d.offset);
  const style = f.rel.toLowerCase().endsWith('.template') ? 'envsubst' : undefined;
  const visit = (owner: NgDirective | undefined, body: NgDirective[]): void => {
    for (const d of body) {
      const known = !d.args.slice(0, 2).some((a) => a.includes(UNKNOWN)) && when(d) !== null;
      const c = d.name === 'add_header' && d.args.length >= 2 && known ? headerFact(d.args[0], d.args[1], env, style) : undefined;
      if (c && sendsOwnHeaders(owner, body, c.kind !== 'hsts')) {
        const always = d.args.slice(2).includes('always');
        const cond = [c.when, when(d)].filter(Boolean).join(' and ');
        out[c.kind].push({
          location: at(d),
          what: `nginx add_header ${c.header} (${c.detail}${always ? ', always' : ', without `always`: not on error responses'})`,
          ...(cond ? { when: cond } : {}),
        });
      }
      if (d.name === 'server' && d.block) out.redirect.push(...serverRedirects(d, at, when));
      if (d.block) visit(d, d.block);
    }
  };
  visit(undefined, parseNginx(jinja?.text ?? f.text));
  return out;
}

/**
 * Do the `add_header`s of this level reach a response? nginx inherits them only into levels with no
 * `add_header` of their own, so an `http`-level HSTS is lost in a server that adds any other header. A
 * location (or `if`) answers requests itself; a server does when it has no locations or returns at its level;
 * a file with no blocks is a snippet, included where it applies.
 *
 * `app`: for the per-response headers (framing, nosniff) the responses reached must include ones passed on from
 * an upstream (`proxy_pass`, `uwsgi_pass`…) — the app's pages. A server of static files only (a single-page
 * app's own nginx, as plane's web and admin images have) protects its files, not Django's responses; HSTS is per
 * host, so any response that carries it counts.
 */
function sendsOwnHeaders(owner: NgDirective | undefined, body: NgDirective[], app = false): boolean {
  if (owner?.name === 'location' || owner?.name === 'if') return !app || passes(body);
  const kids = body.filter((k) => k.block && (k.name === 'http' || k.name === 'server' || k.name === 'location'));
  if (owner?.name === 'server' && (kids.length === 0 || body.some((k) => k.name === 'return'))) return !app || passes(body);
  if (!owner && kids.length === 0) return true;
  return kids.some((k) => !k.block!.some((x) => x.name === 'add_header') && sendsOwnHeaders(k, k.block!, app));
}

/**
 * A server that listens for plain HTTP and sends every request to `https://`: `return 301 https://…` or a
 * catch-all `rewrite … https://…` at server level or in `location /` (when no other location of the server
 * passes requests to the app), or inside an `if` on the scheme/host. In a server that also listens with `ssl`
 * only a redirect inside an `if` on the scheme counts (an unconditional one is a host-name redirect).
 */
function serverRedirects(server: NgDirective, at: (d: NgDirective) => Location, when: (d: NgDirective) => string | null | undefined = () => undefined): ProxyFact[] {
  const body = server.block!;
  const listens = body.filter((d) => d.name === 'listen');
  // a templated listen (`listen {{ port }}`) may be TLS: whether the server answers plain HTTP is unknown
  if (listens.some((l) => l.args.some((a) => a.includes(UNKNOWN)))) return [];
  const plain = listens.length === 0 || listens.some((l) => !l.args.includes('ssl') && !l.args.includes('quic') && !/^unix:/.test(l.args[0] ?? ''));
  if (!plain) return [];
  const mixed = listens.some((l) => l.args.includes('ssl'));
  const port = listens.find((l) => !l.args.includes('ssl'))?.args[0]?.replace(/^.*:/, '') ?? '80';
  const out: ProxyFact[] = [];
  const check = (stmts: NgDirective[], test?: 'scheme' | 'host'): void => {
    for (const d of stmts) {
      const target = httpsTarget(d);
      const cond = when(d);
      if (target && (test === 'scheme' || !mixed) && cond !== null) {
        const code = d.name === 'return' && REDIRECT_CODE.test(d.args[0]) ? `${d.args[0]} ` : '';
        const shown = target.replaceAll(UNKNOWN, '{{…}}');
        out.push({ location: at(d), what: `nginx server on port ${port} ${d.name === 'return' ? 'returns' : 'rewrites to'} ${code}${shown}`, ...(cond ? { when: cond } : {}) });
      } else if (d.name === 'if' && d.block && !test) {
        const cond = d.args.join(' ');
        // a templated value in a scheme test could be anything; in a host test any host is one host (certbot's `if ($host = {{ domain }})`)
        const kind = SCHEME_TEST.test(cond) && !cond.includes(UNKNOWN) ? 'scheme' : HOST_TEST.test(cond) && !SCHEME_TEST.test(cond) ? 'host' : undefined;
        if (kind) check(d.block, kind);
      }
    }
  };
  check(body);
  const locations = body.filter((d) => d.name === 'location' && d.block);
  const root = locations.find((d) => d.args.length === 1 && d.args[0] === '/');
  if (root && !locations.some((d) => d !== root && passes(d.block!))) check(root.block!);
  return out;
}

function passes(body: NgDirective[]): boolean {
  return body.some((d) => PASSES.test(d.name) || (d.block !== undefined && passes(d.block)));
}

/** The https:// URL a `return`/`rewrite` redirects every request to, or undefined. */
function httpsTarget(d: NgDirective): string | undefined {
  if (d.name === 'return') {
    const url = REDIRECT_CODE.test(d.args[0] ?? '') ? d.args[1] : d.args.length === 1 ? d.args[0] : undefined;
    return url && /^https:\/\//i.test(url) ? url : undefined;
  }
  if (d.name === 'rewrite' && d.args.length >= 2 && /^https:\/\//i.test(d.args[1]) && catchAll(d.args[0])) return d.args[1];
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Apache httpd

/** Sections that do not narrow which requests a directive applies to. */
const TRANSPARENT = /^(ifmodule|ifdefine|ifversion|ifdirective|iffile)$/;
/** RewriteCond tests that keep a catch-all rule an HTTP→HTTPS redirect (certbot writes `%{SERVER_NAME} =host`). */
const REWRITE_COND_OK = /^%\{(HTTPS|SERVER_PORT|REQUEST_SCHEME|HTTP:X-Forwarded-Proto|SERVER_NAME|HTTP_HOST|REQUEST_URI)\}$/i;

/** Words of an Apache directive line, double quotes removed. */
function apacheWords(line: string): string[] {
  return [...line.matchAll(/"((?:[^"\\]|\\.)*)"|(\S+)/g)].map((m) => m[1] ?? m[2]);
}

function apache(f: ConfigFile): ProxyHttps {
  const out = noFacts();
  if (!/^\s*(header|redirect|redirectmatch|redirectpermanent|rewriterule)\s/im.test(f.text)) return out;
  const sections: string[] = [];
  let vhost: { plain: boolean; ssl: boolean; rewrite: boolean; redirects: Array<ProxyFact & { rewrite: boolean }>; conds: string[] } | undefined;
  const lines = f.text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line0 = i + 1;
    let text = lines[i].trim();
    while (text.endsWith('\\') && i + 1 < lines.length) text = text.slice(0, -1) + ' ' + lines[++i].trim();
    if (!text || text.startsWith('#')) continue;
    const section = /^<\s*(\/)?\s*(\w+)\s*([^>]*)>/.exec(text);
    if (section) {
      const name = section[2].toLowerCase();
      if (section[1]) {
        sections.pop();
        if (name === 'virtualhost' && vhost) {
          if (vhost.plain && !vhost.ssl) out.redirect.push(...vhost.redirects.filter((r) => !r.rewrite || vhost!.rewrite).map(({ rewrite: _r, ...fact }) => fact));
          vhost = undefined;
        }
      } else {
        sections.push(name);
        if (name === 'virtualhost') vhost = { plain: section[3].split(/\s+/).some((a) => /:80$/.test(a)), ssl: false, rewrite: false, redirects: [], conds: [] };
      }
      continue;
    }
    const [directive, ...args] = apacheWords(text);
    const d = directive.toLowerCase();
    if (d === 'header') {
      const a = /^(always|onsuccess)$/i.test(args[0] ?? '') ? args.slice(1) : args;
      const c = /^(set|add|append|merge|setifempty)$/i.test(a[0] ?? '') ? classify(a[1] ?? '', a[2] ?? '') : undefined;
      if (c) out[c.kind].push({ location: { file: f.rel, line: line0 }, what: `Apache Header ${args[0].toLowerCase() === 'always' ? 'always ' : ''}${a[0].toLowerCase()} ${c.header} (${c.detail})` });
      continue;
    }
    // the rest counts directly in a <VirtualHost *:80> (or <IfModule> inside it), not in <Location>/<Directory>/<If>
    if (!vhost || !sections.slice(sections.lastIndexOf('virtualhost') + 1).every((s) => TRANSPARENT.test(s))) continue;
    const at = { file: f.rel, line: line0 };
    if (d === 'sslengine' && /^on$/i.test(args[0] ?? '')) vhost.ssl = true;
    else if (d === 'rewriteengine') vhost.rewrite = /^on$/i.test(args[0] ?? '');
    else if (d === 'rewritecond') vhost.conds.push(args[0] ?? '');
    else if (d === 'rewriterule') {
      const [pattern = '', target = '', flags = ''] = args;
      if (/^https:\/\//i.test(target) && catchAll(pattern) && /[[,](R|redirect)(=\w+)?[,\]]/i.test(flags) && vhost.conds.every((c) => REWRITE_COND_OK.test(c))) {
        vhost.redirects.push({ location: at, what: `Apache <VirtualHost *:80> RewriteRule ${pattern} ${target} ${flags}`, rewrite: true });
      }
      vhost.conds = [];
    } else if (d === 'redirect' || d === 'redirectpermanent' || d === 'redirecttemp' || d === 'redirectmatch') {
      const a = /^(permanent|temp|seeother|30[1-8])$/i.test(args[0] ?? '') ? args.slice(1) : args;
      const [path = '', url = ''] = a;
      if (/^https:\/\//i.test(url) && (d === 'redirectmatch' ? catchAll(path) : path === '/')) {
        vhost.redirects.push({ location: at, what: `Apache <VirtualHost *:80> ${directive} ${args.join(' ')}`, rewrite: false });
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Caddy

interface CaddyLine {
  tokens: string[];
  line: number;
  block?: CaddyLine[];
}

/** The Caddyfile's shape: one directive per line, a trailing `{` opens a block and a lone `}` closes it; `#` starts a comment. */
function parseCaddyfile(text: string): CaddyLine[] {
  const root: CaddyLine[] = [];
  const stack = [root];
  text.split('\n').forEach((raw, i) => {
    const tokens: string[] = [];
    for (const m of raw.matchAll(/"((?:[^"\\]|\\.)*)"|`([^`]*)`|(\S+)/g)) {
      if (m[3]?.startsWith('#')) break; // a comment starts at a token
      tokens.push(m[1] ?? m[2] ?? m[3]);
    }
    if (tokens.length === 0) return;
    if (tokens.length === 1 && tokens[0] === '}') {
      if (stack.length > 1) stack.pop();
      return;
    }
    const opens = tokens[tokens.length - 1] === '{';
    const l: CaddyLine = { tokens: opens ? tokens.slice(0, -1) : tokens, line: i + 1 };
    stack[stack.length - 1].push(l);
    if (opens) stack.push((l.block = []));
  });
  return root;
}

const LOOPBACK = /^(localhost|.*\.localhost|127\.[\d.]+|\[::1\]|::1)$/i;

/** `localhost`, `*.localhost`, `127.x.x.x`, `::1`: this machine (a proxy site, a mail relay, a stack's allowed hosts). */
export function isLoopbackHost(host: string): boolean {
  return LOOPBACK.test(host);
}

function caddy(f: ConfigFile, env: ReadonlyMap<string, EnvValue[]>): ProxyHttps {
  const out = noFacts();
  const top = parseCaddyfile(f.text);
  const global = top[0] && top[0].tokens.length === 0 && top[0].block ? top[0] : undefined;
  const autoRedirects = !(global?.block ?? []).some((l) => l.tokens[0] === 'auto_https' && /^(off|disable_redirects)$/.test(l.tokens[1] ?? ''));
  // sites: blocks whose key is not a snippet `(name)` or named route `&(name)`; a file with none is one site without braces
  let sites = top.filter((l) => l !== global && l.block && l.tokens.length > 0 && !/^&?\(/.test(l.tokens[0]));
  if (sites.length === 0) {
    const first = top.find((l) => l !== global && !l.block);
    if (first) sites = [{ ...first, block: top.filter((l) => l !== global && l !== first && !l.block) }];
  }
  const addresses = (l: CaddyLine): string[] => l.tokens.join(' ').split(/[\s,]+/).filter(Boolean);
  const explicitHttp = new Set(sites.flatMap((s) => addresses(s).filter((a) => /^http:\/\//i.test(a)).map((a) => hostOf(a))));
  for (const site of sites) {
    const at = { file: f.rel, line: site.line };
    const addrs = addresses(site);
    if (autoRedirects) {
      for (const a of addrs) {
        const r = autoHttps(a, env);
        if (r === 'no' || (r === 'yes' && explicitHttp.has(hostOf(a)))) continue;
        out.redirect.push({ location: at, what: `Caddy's automatic HTTPS for the site ${a}`, ...(r === 'yes' ? {} : { when: r.when }) });
        break;
      }
    }
    // an http:// or port-80 site that redirects everything itself
    if (addrs.every((a) => /^http:\/\//i.test(a) || /^(http:\/\/)?[^/]*:80$/.test(a))) {
      walkCaddy(site.block ?? [], (l) => {
        const t = l.tokens;
        const url = t[0] === 'redir' ? (t[1] === '*' ? t[2] : t[1]) : undefined;
        if (url && /^https:\/\//i.test(url)) out.redirect.push({ location: { file: f.rel, line: l.line }, what: `Caddy redir ${t.slice(1).join(' ')} in the plain-HTTP site ${addrs.join(', ')}` });
      });
    }
  }
  // `header [matcher] [+|?|>]field value`, `header [matcher] { field value … }` (a `-field` deletes), also in
  // snippets and as reverse_proxy's `header_down`; a matcher is `*`, a path or a named `@matcher`. The
  // per-response headers (framing, nosniff) count only in a site that passes requests on to an upstream
  // (`reverse_proxy`, `php_fastcgi`) or in a snippet (imported where it applies): a file_server-only site
  // protects its files, not the app's pages.
  // a file whose first site address has no block is one site without braces: its directives are all top-level
  const braceless = !top.find((l) => l !== global && !/^&?\(/.test(l.tokens[0] ?? ''))?.block;
  for (const entry of top.filter((l) => l !== global)) {
    const snippet = /^&?\(/.test(entry.tokens[0] ?? '');
    const app = snippet || proxies(braceless ? top : [entry]);
    walkCaddy([entry], (l) => {
      if (l.tokens[0] !== 'header' && l.tokens[0] !== 'header_down') return;
      const pairs: Array<[string, string, number]> = l.block
        ? l.block.map((c): [string, string, number] => [c.tokens[0], c.tokens.slice(1).join(' '), c.line])
        : [/^[*/@]/.test(l.tokens[1] ?? '') ? 2 : 1].map((k): [string, string, number] => [l.tokens[k] ?? '', l.tokens.slice(k + 1).join(' '), l.line]);
      for (const [field, value, line] of pairs) {
        if (!/^[+?>]?[\w-]+$/.test(field)) continue;
        const c = headerFact(field.replace(/^[+?>]/, ''), value, env, 'caddy');
        if (c && (c.kind === 'hsts' || app)) out[c.kind].push({ location: { file: f.rel, line }, what: `Caddy ${l.tokens[0]} ${c.header} (${c.detail})`, ...(c.when ? { when: c.when } : {}) });
      }
    });
  }
  return out;
}

/** Does any of these lines (or their blocks) pass requests on to an upstream? */
function proxies(lines: CaddyLine[]): boolean {
  let found = false;
  walkCaddy(lines, (l) => {
    if (/^(reverse_proxy|php_fastcgi)$/.test(l.tokens[0] ?? '')) found = true;
  });
  return found;
}

function walkCaddy(lines: CaddyLine[], visit: (l: CaddyLine) => void): void {
  for (const l of lines) {
    visit(l);
    if (l.block) walkCaddy(l.block, visit);
  }
}

function hostOf(address: string): string {
  return address.replace(/^\w+:\/\//, '').replace(/[:/].*$/, '').toLowerCase();
}

/**
 * Does Caddy's automatic HTTPS serve this site address over HTTPS, redirecting HTTP to it? Yes for a host name
 * (or `https://`) on the default or 443 port — `localhost` and loopback addresses too, which Caddy serves with a
 * certificate from its own CA and redirects like any other (caddyserver.com/docs/automatic-https: "Caddy serves IP
 * addresses and local/internal hostnames over HTTPS"); no for `:80`, `http://`, another port. An address that
 * is an environment placeholder (`{$SITE_ADDRESS}`) is the operator's choice: a default in the Caddyfile
 * decides; else a host name the production deploy files give the variable; else the redirect holds only when the
 * operator sets a host name — a condition the rules say out loud (what the deploy files default it to, if
 * anything: plane's compose gives `SITE_ADDRESS` `:80`).
 */
function autoHttps(address: string, env: ReadonlyMap<string, EnvValue[]> = new Map()): 'yes' | 'no' | { when: string } {
  const placeholder = /^\{(?:\$|env\.)(\w+)(?::([^}]*))?\}$/.exec(address);
  const anyHost = (value: string): boolean => value.split(/[\s,]+/).some((a) => a && autoHttps(a) === 'yes');
  if (placeholder) {
    const [, name, dflt] = placeholder;
    if (dflt !== undefined) return anyHost(dflt) ? 'yes' : 'no';
    const given = env.get(name) ?? [];
    if (given.some((g) => anyHost(g.value))) return 'yes';
    const d = given[0];
    return { when: `${name} is set to a host name${d ? ` (the deploy files give it \`${d.value}\`, ${d.file}:${d.line})` : ''}` };
  }
  if (/^http:\/\//i.test(address) || address.startsWith(':')) return 'no';
  const port = /^(?:https:\/\/)?[^/]*?:(\d+)(\/|$)/i.exec(address)?.[1];
  if (port && port !== '443') return 'no';
  const host = hostOf(address);
  if (isLoopbackHost(host)) return 'yes';
  return /^(\*\.)?([\w-]+|\{[^}]+\})(\.([\w-]+|\{[^}]+\}))+$/.test(host) || /^https:\/\//i.test(address) ? 'yes' : 'no';
}

// ---------------------------------------------------------------------------------------------
// Traefik

/** A case-insensitive property of a parsed YAML/TOML object (Traefik reads its keys case-insensitively). */
function get(o: unknown, key: string): unknown {
  if (!o || typeof o !== 'object' || Array.isArray(o)) return undefined;
  const k = Object.keys(o).find((x) => x.toLowerCase() === key.toLowerCase());
  return k === undefined ? undefined : (o as Record<string, unknown>)[k];
}

function entries(o: unknown): Array<[string, unknown]> {
  return o && typeof o === 'object' && !Array.isArray(o) ? Object.entries(o) : [];
}

function names(v: unknown): string[] {
  const list = Array.isArray(v) ? v.map(String) : typeof v === 'string' ? v.split(',') : [];
  return list.map((s) => s.trim().replace(/@.*$/, '').toLowerCase()).filter(Boolean);
}

/**
 * Traefik's redirections and headers, collected over all files and joined at the end: an entry point
 * redirection counts on its own; a `redirectScheme`/`headers` middleware counts only when a router or an entry
 * point uses it (a middleware that is defined and never attached does nothing), wherever it is attached.
 */
class Traefik {
  private readonly middlewares: Array<{ name: string; kind: keyof ProxyHttps; fact: ProxyFact }> = [];
  private readonly used = new Set<string>();
  private readonly redirects: ProxyFact[] = [];

  facts(): ProxyHttps {
    const out: ProxyHttps = { ...noFacts(), redirect: [...this.redirects] };
    for (const m of this.middlewares) {
      // a Kubernetes reference carries the namespace: `default-redirect@kubernetescrd` for Middleware `redirect`
      if ([...this.used].some((u) => u === m.name || u.endsWith(`-${m.name}`))) out[m.kind].push(m.fact);
    }
    return out;
  }

  /**
   * One middleware's definition (keys case-insensitive, as Traefik reads them). `at(key)`: where the key
   * (`headers.framedeny`, lower case) is set — its label's line — or the middleware's own line.
   */
  private middleware(name: string, body: unknown, at: (key: string) => Location): void {
    const n = name.toLowerCase();
    const add = (kind: keyof ProxyHttps, key: string, what: string): void => {
      this.middlewares.push({ name: n, kind, fact: { location: at(key), what: `Traefik middleware ${name} (${what}), used by a router or entry point` } });
    };
    if (String(get(get(body, 'redirectScheme'), 'scheme') ?? '').toLowerCase() === 'https') add('redirect', 'redirectscheme.scheme', 'redirectScheme https');
    const headers = get(body, 'headers');
    const custom = get(headers, 'customResponseHeaders');
    const sts = Number(get(headers, 'stsSeconds') ?? 0);
    const customSts = maxAge(String(get(custom, 'Strict-Transport-Security') ?? ''));
    if (sts >= 1) add('hsts', 'headers.stsseconds', `headers.stsSeconds=${sts}`);
    else if (customSts) add('hsts', 'headers.customresponseheaders.strict-transport-security', `Strict-Transport-Security max-age=${customSts}`);
    // A header Traefik may send from two options counts only when every option that sets it gives a value that
    // counts: customFrameOptionsValue wins over frameDeny, and a customResponseHeaders entry may replace (or,
    // empty, delete) either.
    const sources = (header: string, own: Array<[string, string, unknown]>): Array<[string, string, string]> => {
      const c = entries(custom).find(([k]) => k.toLowerCase() === header.toLowerCase());
      const out: Array<[string, string, string]> = own.filter(([, , v]) => v !== undefined).map(([k, label, v]) => [k, label, String(v)]);
      return c ? [...out, [`headers.customresponseheaders.${header.toLowerCase()}`, `customResponseHeaders ${header}`, String(c[1] ?? '')]] : out;
    };
    const frameValue = get(headers, 'customFrameOptionsValue');
    const deny = String(get(headers, 'frameDeny') ?? '').toLowerCase() === 'true';
    const xfo = sources('X-Frame-Options', [frameValue !== undefined && String(frameValue) !== '' ? ['headers.customframeoptionsvalue', 'headers.customFrameOptionsValue', frameValue] : ['headers.framedeny', 'headers.frameDeny=true', deny ? 'DENY' : undefined]]);
    const csp = sources('Content-Security-Policy', [['headers.contentsecuritypolicy', 'headers.contentSecurityPolicy', get(headers, 'contentSecurityPolicy')]]);
    const nosniff = sources('X-Content-Type-Options', [['headers.contenttypenosniff', 'headers.contentTypeNosniff=true', String(get(headers, 'contentTypeNosniff') ?? '').toLowerCase() === 'true' ? 'nosniff' : undefined]]);
    for (const [header, list] of [['X-Frame-Options', xfo], ['Content-Security-Policy', csp], ['X-Content-Type-Options', nosniff]] as const) {
      const classified = list.map(([key, label, value]) => ({ key, label, c: classify(header, value) }));
      if (classified.length === 0 || classified.some((x) => !x.c)) continue;
      const first = classified[0];
      const shown = /=true$/.test(first.label) ? first.label : `${first.label}: ${first.c!.detail}`;
      add(first.c!.kind, first.key, shown);
    }
  }

  /** Static and dynamic configuration files (`traefik.yml`, files under `traefik/`) and Kubernetes Middleware / IngressRoute resources. */
  readConfig(f: ConfigFile): void {
    const name = baseName(f.rel).toLowerCase();
    const traefikFile = name.startsWith('traefik') || /(^|\/)traefik\//i.test(f.rel);
    if (!traefikFile && !/traefik/i.test(f.text)) return;
    let docs: unknown[];
    try {
      docs = name.endsWith('.toml')
        ? traefikFile ? [parseToml(f.text)] : []
        : parseAllDocuments(f.text).flatMap((d) => (d.errors.length ? [] : [d.toJS() as unknown]));
    } catch {
      return; // not a config this reads (a Helm template, invalid TOML): no fact
    }
    for (const o of docs) {
      const kind = String(get(o, 'kind') ?? '');
      if (/traefik/.test(String(get(o, 'apiVersion') ?? ''))) {
        const spec = get(o, 'spec');
        const mname = String(get(get(o, 'metadata'), 'name') ?? '');
        if (kind === 'Middleware' && mname) this.middleware(mname, spec, () => ({ file: f.rel, line: nameLine(f.text, mname) }));
        if (kind === 'IngressRoute') for (const r of [get(spec, 'routes')].flat()) for (const m of [get(r, 'middlewares')].flat()) names(get(m, 'name')).forEach((x) => this.used.add(x));
        continue;
      }
      if (!traefikFile) continue;
      for (const [ep, def] of entries(get(o, 'entryPoints'))) {
        const http = get(def, 'http');
        const to = get(get(get(http, 'redirections'), 'entryPoint'), 'to');
        const scheme = String(get(get(get(http, 'redirections'), 'entryPoint'), 'scheme') ?? 'https').toLowerCase();
        if (to !== undefined && scheme === 'https') this.redirects.push({ location: { file: f.rel, line: lineOf(f.text, 'entrypoints', ep, 'redirections') }, what: `Traefik entry point ${ep} redirects to ${String(to)} (https)` });
        names(get(http, 'middlewares')).forEach((x) => this.used.add(x));
      }
      for (const [mname, body] of entries(get(get(o, 'http'), 'middlewares'))) this.middleware(mname, body, () => ({ file: f.rel, line: lineOf(f.text, 'middlewares', mname) }));
      for (const [, router] of entries(get(get(o, 'http'), 'routers'))) names(get(router, 'middlewares')).forEach((x) => this.used.add(x));
    }
  }

  /** Compose labels, environment variables and CLI flags, line by line (list or map form, any file kind). */
  readLines(f: ConfigFile): void {
    if (!/traefik|entrypoints/i.test(f.text)) return;
    const skip = devServiceLines(f);
    const schemes = new Map<string, string>();
    const eps: Array<{ ep: string; to: string; line: number; how: string }> = [];
    const labels = new Map<string, { body: Record<string, unknown>; lines: Map<string, number> }>();
    f.text.split('\n').forEach((raw, i) => {
      if (skip.has(i + 1) || /^\s*#/.test(raw)) return;
      for (const m of raw.matchAll(/\b(TRAEFIK_ENTRYPOINTS_(\w+?)_HTTP_REDIRECTIONS_ENTRYPOINT_(TO|SCHEME))["']?\s*[:=]\s*["']?([^\s"'#,]+)/gi)) {
        if (m[3].toUpperCase() === 'TO') eps.push({ ep: m[2].toLowerCase(), to: m[4], line: i + 1, how: m[1] });
        else schemes.set(m[2].toLowerCase(), m[4].toLowerCase());
      }
      for (const m of raw.matchAll(/--entrypoints\.([\w-]+)\.http\.redirections\.entrypoint\.(to|scheme)(?:=|\s+)["']?([^\s"',\]]+)/gi)) {
        if (m[2].toLowerCase() === 'to') eps.push({ ep: m[1].toLowerCase(), to: m[3], line: i + 1, how: m[0].replace(/(?:=|\s+)["']?[^\s"',\]]+$/, '') });
        else schemes.set(m[1].toLowerCase(), m[3].toLowerCase());
      }
      for (const m of raw.matchAll(/(?:TRAEFIK_ENTRYPOINTS_\w+?_HTTP_MIDDLEWARES|--entrypoints\.[\w-]+\.http\.middlewares|traefik\.http\.routers\.[\w-]+\.middlewares|traefik\.ingress\.kubernetes\.io\/router\.middlewares)["']?(?:\s*[:=]\s*|\s+)["']?([^\s"'#\]]+)/gi)) {
        names(m[1]).forEach((x) => this.used.add(x));
      }
      const label = middlewareLabel(raw);
      if (label) {
        // one middleware's labels make one definition (customFrameOptionsValue wins over frameDeny)
        const m = labels.get(label.name) ?? { body: {}, lines: new Map<string, number>() };
        labels.set(label.name, m);
        let o = m.body;
        const path = label.path.toLowerCase().split('.');
        for (const k of path.slice(0, -1)) {
          if (!o[k] || typeof o[k] !== 'object') o[k] = {};
          o = o[k] as Record<string, unknown>;
        }
        o[path[path.length - 1]] = label.value;
        if (!m.lines.has(label.path.toLowerCase())) m.lines.set(label.path.toLowerCase(), i + 1);
      }
    });
    for (const [name, { body, lines }] of labels) {
      this.middleware(name, body, (key) => ({ file: f.rel, line: lines.get(key) ?? Math.min(...lines.values()) }));
    }
    for (const e of eps) {
      if ((schemes.get(e.ep) ?? 'https') === 'https') this.redirects.push({ location: { file: f.rel, line: e.line }, what: `Traefik entry point ${e.ep} redirects to ${e.to} (${e.how})` });
    }
  }
}

const MIDDLEWARE_LABEL = /traefik\.http\.middlewares\.([\w-]+)\.((?:redirectscheme|headers)\.[\w.-]+)/i;

/**
 * A middleware label on a line — `- "traefik.http.middlewares.m.headers.framedeny=true"` (list form),
 * `traefik.http.middlewares.m.headers.framedeny: "true"` (map form), a Dockerfile LABEL — with its value; the
 * line is read as YAML first, so a quoted value keeps its inner quotes (`frame-ancestors 'self'`).
 */
function middlewareLabel(raw: string): { name: string; path: string; value: string } | undefined {
  const m = MIDDLEWARE_LABEL.exec(raw);
  if (!m) return undefined;
  let value: string | undefined;
  try {
    const v: unknown = parseYaml(raw.trim());
    const item = Array.isArray(v) && v.length === 1 ? v[0] : v;
    if (typeof item === 'string') {
      const eq = item.indexOf('=');
      if (eq > 0 && MIDDLEWARE_LABEL.test(item.slice(0, eq))) value = item.slice(eq + 1);
    } else if (item && typeof item === 'object' && !Array.isArray(item)) {
      const e = Object.entries(item);
      if (e.length === 1 && MIDDLEWARE_LABEL.test(e[0][0])) value = e[0][1] === null ? '' : String(e[0][1]);
    }
  } catch {
    // not a line of YAML (JSON with a trailing comma, a shell line): the pattern below
  }
  value ??= new RegExp(`${MIDDLEWARE_LABEL.source}["']?\\s*[=:]\\s*["']?([^"'#]*)`, 'i').exec(raw)?.[3];
  return value === undefined ? undefined : { name: m[1], path: m[2], value: value.trim() };
}

/** The line of a Kubernetes resource's `name: <name>`. */
function nameLine(text: string, name: string): number {
  const re = new RegExp(`^\\s*name:\\s*["']?${name.replace(/[^\w-]/g, '.')}["']?\\s*$`);
  return text.split('\n').findIndex((l) => re.test(l)) + 1 || 1;
}

/** Lines of compose services that run only in development (a dev profile or name): what they say is not production. */
function devServiceLines(f: ConfigFile): Set<number> {
  const out = new Set<number>();
  if (!isComposeFile(baseName(f.rel))) return out;
  for (const svc of composeServices({ rel: f.rel, abs: f.rel, text: f.text } as SourceFile)) {
    const r = svc.node.range;
    if (!svc.devOnly || !r) continue;
    for (let l = lineAt(f.text, r[0]); l <= lineAt(f.text, r[1]); l++) out.add(l);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Kubernetes ingress-nginx

/** `nginx.ingress.kubernetes.io/ssl-redirect: "true"` / `force-ssl-redirect: "true"` on an Ingress (a literal true, not a Helm expression). */
/**
 * Google App Engine's `app.yaml`: when every handler that runs the app (`script:`) says `secure: always`, App Engine
 * redirects plain-HTTP requests to HTTPS before Django sees them (ubyssey.ca's `url: .*` handler). A handler that
 * serves the app without it, or none at all (App Engine's default handler does not redirect), is no redirect.
 */
function appEngineRedirects(f: ConfigFile): ProxyFact[] {
  let doc: unknown;
  try {
    doc = parseYaml(f.text);
  } catch {
    return []; // a config we cannot read redirects nothing we can vouch for
  }
  const handlers = (doc as { handlers?: unknown } | null)?.handlers;
  if (!Array.isArray(handlers) || !(doc as { runtime?: unknown }).runtime) return [];
  const app = handlers.filter((h): h is Record<string, unknown> => !!h && typeof h === 'object' && 'script' in h);
  if (app.length === 0 || !app.every((h) => h.secure === 'always')) return [];
  const line = f.text.split('\n').findIndex((l) => /^\s*secure\s*:\s*always\b/.test(l)) + 1;
  return [{ location: { file: f.rel, line: line || 1 }, what: 'App Engine app.yaml handlers with secure: always (HTTP redirected to HTTPS by the platform)' }];
}

/**
 * Fly.io's fly.toml: `force_https = true` on the `[http_service]` (or on every `[[services.ports]]` that takes HTTP)
 * makes Fly's proxy redirect plain HTTP to HTTPS before the app sees it (fly-apps/hello-django). Without it Fly
 * serves plain HTTP too.
 */
function flyRedirects(f: ConfigFile): ProxyFact[] {
  let doc: Record<string, unknown>;
  try {
    doc = parseToml(f.text) as Record<string, unknown>;
  } catch {
    return [];
  }
  const http = doc.http_service as Record<string, unknown> | undefined;
  const ports = (Array.isArray(doc.services) ? doc.services : []).flatMap((s) => (Array.isArray((s as Record<string, unknown>)?.ports) ? ((s as Record<string, unknown>).ports as unknown[]) : []))
    .filter((p): p is Record<string, unknown> => !!p && typeof p === 'object' && Array.isArray((p as Record<string, unknown>).handlers) && ((p as Record<string, unknown>).handlers as unknown[]).includes('http'));
  const forced = http ? http.force_https === true && ports.every((p) => p.force_https === true) : ports.length > 0 && ports.every((p) => p.force_https === true);
  if (!forced) return [];
  const line = f.text.split('\n').findIndex((l) => /^\s*force_https\s*=\s*true\b/.test(l)) + 1;
  return [{ location: { file: f.rel, line: line || 1 }, what: 'fly.toml force_https = true (HTTP redirected to HTTPS by Fly\'s proxy)' }];
}

/**
 * Render's render.yaml: a `type: web` service is served only through Render's edge, which terminates TLS and
 * redirects every plain-HTTP request to HTTPS (not configurable) — render-examples/django.
 */
function renderRedirects(f: ConfigFile): ProxyFact[] {
  let doc: unknown;
  try {
    doc = parseYaml(f.text);
  } catch {
    return [];
  }
  const services = (doc as { services?: unknown } | null)?.services;
  if (!Array.isArray(services) || !services.some((s) => (s as { type?: unknown } | null)?.type === 'web')) return [];
  const line = f.text.split('\n').findIndex((l) => /^\s*-?\s*type\s*:\s*["']?web\b/.test(l)) + 1;
  return [{ location: { file: f.rel, line: line || 1 }, what: 'a Render web service (render.yaml): Render\'s edge redirects HTTP to HTTPS' }];
}

/**
 * cloud.gov, known by a Cloud Foundry manifest (`applications:`) that routes an app on a cloud.gov domain
 * (`fac-((env_name)).app.cloud.gov`: GSA's Federal Audit Clearinghouse). Its documentation (cloud-gov/cg-site,
 * compliance/domain-standards.md: "Any HTTP requests are permanently redirected to HTTPS", for `*.app.cloud.gov` and
 * custom domains alike; management/headers.md) and its router's proxy (cloud-gov/secureproxy-boshrelease's
 * nginx.conf.erb) redirect every plain-HTTP request with a 301 and add `Strict-Transport-Security: max-age=31536000`
 * to responses that carry none — a header the app sends itself replaces it, so that fact is `unlessAppSends`.
 */
function cloudGov(f: ConfigFile): ProxyHttps {
  const out = noFacts();
  let doc: unknown;
  try {
    doc = parseYaml(f.text, { merge: true, uniqueKeys: false });
  } catch {
    return out;
  }
  const apps = (doc as { applications?: unknown } | null)?.applications;
  const routes = (Array.isArray(apps) ? apps : []).flatMap((a) => (Array.isArray((a as { routes?: unknown } | null)?.routes) ? ((a as { routes: unknown[] }).routes) : []));
  const route = routes.map((r) => (r as { route?: unknown } | null)?.route).find((r): r is string => typeof r === 'string' && /^[^/:]*\.cloud\.gov(:\d+)?(\/.*)?$/i.test(r));
  if (!route) return out;
  const line = f.text.split('\n').findIndex((l) => l.includes(route)) + 1;
  const location = { file: f.rel, line: line || 1 };
  out.redirect.push({ location, what: `cloud.gov's router (the app is routed on ${route}: ${f.rel}) redirects HTTP to HTTPS` });
  out.hsts.push({ location, what: `cloud.gov's router (the app is routed on ${route}: ${f.rel}) sends Strict-Transport-Security max-age=31536000 when the app sends none`, unlessAppSends: true });
  return out;
}

/**
 * DigitalOcean App Platform: a spec (`.do/app.yaml`, `.do/deploy.template.yaml`) with `services` — the components
 * App Platform serves over HTTP. "App Platform automatically upgrades all HTTP requests to HTTPS requests" (its
 * limits page), for every domain, with no setting to turn it off; it sends no HSTS header (the same page), so this
 * decides the redirect only (digitalocean/sample-django).
 */
function appPlatformRedirects(f: ConfigFile): ProxyFact[] {
  const spec = doAppSpec(f);
  if (!spec || spec.services === 0) return [];
  const line = f.text.split('\n').findIndex((l) => /^\s*services\s*:/.test(l)) + 1;
  return [{ location: { file: f.rel, line: line || 1 }, what: `a DigitalOcean App Platform service (${f.rel}): App Platform upgrades every HTTP request to HTTPS` }];
}

/**
 * Dokku. An `app.json` with keys only Dokku reads — `scripts.dokku` (its predeploy/postdeploy hooks), `cron`,
 * `healthchecks`; Heroku's app.json has none of them — is an app deployed with Dokku (wazimap-ng, OpenSAFELY
 * OpenCodelists). Dokku's default nginx template redirects plain HTTP to HTTPS and sends Strict-Transport-Security
 * (its `hsts` property: on by default, max-age 15724800, includeSubDomains) once the app has a TLS certificate
 * (Dokku's nginx and SSL docs). Whether it has one is set on the server (`dokku letsencrypt:enable`, `certs:add`),
 * never in the repository: both facts hold only `when` it does, so the rules say a note, not a pass. An
 * `nginx.conf.sigil` beside the app.json replaces that template: then nothing is assumed.
 */
function dokku(f: ConfigFile, files: readonly ConfigFile[]): ProxyHttps {
  const out = noFacts();
  let doc: unknown;
  try {
    doc = JSON.parse(f.text);
  } catch {
    return out;
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return out;
  const app = doc as { scripts?: unknown; cron?: unknown; healthchecks?: unknown };
  const scripts = app.scripts && typeof app.scripts === 'object' ? (app.scripts as Record<string, unknown>) : {};
  const key = scripts.dokku && typeof scripts.dokku === 'object' ? 'dokku' : Array.isArray(app.cron) ? 'cron' : app.healthchecks && typeof app.healthchecks === 'object' ? 'healthchecks' : undefined;
  if (!key) return out;
  const dir = f.rel.includes('/') ? f.rel.slice(0, f.rel.lastIndexOf('/') + 1) : '';
  if (files.some((g) => g.rel === `${dir}nginx.conf.sigil`)) return out;
  const line = f.text.split('\n').findIndex((l) => l.includes(`"${key}"`)) + 1;
  const location = { file: f.rel, line: line || 1 };
  const when = 'the app has a TLS certificate (dokku letsencrypt:enable, or certs:add) and its hsts property is not switched off';
  out.redirect.push({ location, what: `Dokku's default nginx config (a Dokku app: \`${key}\` in ${f.rel})`, when: 'the app has a TLS certificate (dokku letsencrypt:enable, or certs:add)' });
  out.hsts.push({ location, what: `Dokku's default nginx config (a Dokku app: \`${key}\` in ${f.rel}; max-age 15724800, includeSubDomains)`, when });
  return out;
}

/**
 * Railway's railway.json / railway.toml: Railway's edge accepts public traffic over TLS only and redirects plain
 * HTTP to HTTPS for every public domain (Railway's public-networking reference) — railwayapp-templates/django.
 */
function railwayRedirects(f: ConfigFile): ProxyFact[] {
  let doc: unknown;
  try {
    doc = f.rel.endsWith('.json') ? JSON.parse(f.text) : parseToml(f.text);
  } catch {
    return [];
  }
  if (!doc || typeof doc !== 'object' || !('deploy' in doc || 'build' in doc)) return [];
  return [{ location: { file: f.rel, line: 1 }, what: 'a Railway service (railway.json): Railway\'s edge redirects HTTP to HTTPS' }];
}

/**
 * Azure Bicep: an App Service site (`Microsoft.Web/sites`) with `httpsOnly: true` — App Service's front end then
 * redirects plain HTTP to HTTPS (Azure-Samples' Django quickstart), as Terraform's `https_only = true` does.
 */
function bicepRedirects(f: ConfigFile): ProxyFact[] {
  if (!/['"]Microsoft\.Web\/sites@/i.test(f.text)) return [];
  const lines = f.text.split('\n');
  if (lines.some((l) => /^\s*httpsOnly\s*:\s*false\b/.test(l))) return [];
  const at = lines.findIndex((l) => /^\s*httpsOnly\s*:\s*true\b/.test(l));
  return at < 0 ? [] : [{ location: { file: f.rel, line: at + 1 }, what: 'an Azure App Service site with httpsOnly: true (HTTP redirected to HTTPS by App Service)' }];
}

function ingressNginx(f: ConfigFile): ProxyFact[] {
  const out: ProxyFact[] = [];
  if (!f.text.includes('nginx.ingress.kubernetes.io/')) return out;
  f.text.split('\n').forEach((raw, i) => {
    const m = /^\s*["']?nginx\.ingress\.kubernetes\.io\/((?:force-)?ssl-redirect)["']?\s*:\s*["']?true["']?\s*(#.*)?$/i.exec(raw);
    if (m) out.push({ location: { file: f.rel, line: i + 1 }, what: `ingress-nginx annotation nginx.ingress.kubernetes.io/${m[1]}: "true"` });
  });
  return out;
}

/** The Ingress is served by ingress-nginx: `ingressClassName: nginx` (also on the next line) or the class annotation. */
const NGINX_CLASS = /^\s*ingressClassName\s*:\s*(?:#.*)?\n?\s*["']?nginx["']?\s*(#.*)?$|^\s*["']?kubernetes\.io\/ingress\.class["']?\s*:\s*["']?nginx["']?\s*(#.*)?$/m;

/**
 * The nginx Ingress controllers' documented defaults for an Ingress served with TLS: plain HTTP is redirected
 * to HTTPS (`ssl-redirect` defaults to true once the Ingress has a `tls` section, in the community ingress-nginx
 * and in NGINX Inc's controller alike) and, in ingress-nginx, HTTPS responses carry Strict-Transport-Security
 * (its ConfigMap's `hsts` defaults to true) — IFRC GO's Helm chart relies on both. Only an Ingress that names
 * the nginx class counts: another controller (Traefik, GCE, AWS ALB) has other defaults, and one with no class
 * is served by whichever the cluster makes default.
 * `ssl-redirect: "false"` on the Ingress turns the redirect off, and a shipped controller ConfigMap with
 * `hsts: "false"` the header. A Helm `{{ if … }}` right around the `tls` section is a deploy-time choice,
 * decided from the chart's values.yaml when it sets the value to a boolean, else said as `when`. Read line by
 * line: a Helm template is not YAML until rendered.
 */
function ingressNginxTls(f: ConfigFile, files: readonly ConfigFile[]): ProxyHttps {
  const out = noFacts();
  if (!/^\s*kind\s*:\s*Ingress\s*$/m.test(f.text)) return out;
  let start = 0;
  for (const doc of f.text.split(/^---[^\S\n]*$/m)) {
    const first = start;
    start += doc.split('\n').length - 1;
    if (!/^\s*kind\s*:\s*Ingress\s*$/m.test(doc) || !NGINX_CLASS.test(doc)) continue;
    const docLines = doc.split('\n');
    const tls = docLines.findIndex((l) => /^\s*tls\s*:\s*(#.*)?$/.test(l));
    if (tls < 0 || !docLines.slice(tls + 1).some((l) => /^\s*-?\s*(hosts|secretName)\s*:/.test(l))) continue;
    const cond = helmCondition(docLines, tls);
    const value = cond === undefined ? true : helmValue(f, files, cond);
    if (value === false) continue;
    const when = value === true ? {} : { when: `the Helm condition \`${cond}\` holds` };
    const location = { file: f.rel, line: first + tls + 1 };
    if (!/^\s*["']?nginx\.ingress\.kubernetes\.io\/ssl-redirect["']?\s*:\s*["']?false["']?/m.test(doc)) {
      out.redirect.push({ location, what: 'an nginx-class Ingress with TLS (the nginx controllers redirect HTTP to HTTPS by default)', ...when });
    }
    // NGINX Inc's controller also answers to the nginx class but sends no HSTS by default: only an Ingress that
    // carries the community controller's own annotations (nginx.ingress.kubernetes.io/…) is known to be ingress-nginx
    if (/nginx\.ingress\.kubernetes\.io\//.test(doc) && !files.some((c) => /^\s*["']?hsts["']?\s*:\s*["']?false["']?\s*$/m.test(c.text) && /^\s*kind\s*:\s*ConfigMap\s*$/m.test(c.text))) {
      out.hsts.push({ location, what: 'an ingress-nginx Ingress with TLS (ingress-nginx sends Strict-Transport-Security on HTTPS by default)', ...when });
    }
  }
  return out;
}

/**
 * An OpenShift Route that terminates TLS at the router: `tls.insecureEdgeTerminationPolicy: Redirect` sends plain
 * HTTP to HTTPS (the BC government's TFRS), and the `haproxy.router.openshift.io/hsts_header` annotation with a
 * max-age above 0 sends Strict-Transport-Security. Read line by line, as the Ingress is: the manifests are Helm
 * templates that are not YAML until rendered; a Helm `{{ if .Values.x }}` right above `tls:` is decided from the
 * chart's values.yaml, else said as the condition the fact holds under.
 */
function openshiftRoute(f: ConfigFile, files: readonly ConfigFile[]): ProxyHttps {
  const out = noFacts();
  if (!/^\s*kind\s*:\s*Route\s*$/m.test(f.text) || !/route\.openshift\.io\//.test(f.text)) return out;
  let start = 0;
  for (const doc of f.text.split(/^---[^\S\n]*$/m)) {
    const first = start;
    start += doc.split('\n').length - 1;
    if (!/^\s*kind\s*:\s*Route\s*$/m.test(doc) || !/^\s*apiVersion\s*:\s*["']?route\.openshift\.io\//m.test(doc)) continue;
    const docLines = doc.split('\n');
    const tls = docLines.findIndex((l) => /^\s*tls\s*:\s*(#.*)?$/.test(l));
    if (tls < 0) continue;
    const cond = helmCondition(docLines, tls);
    const value = cond === undefined ? true : helmValue(f, files, cond);
    if (value === false) continue;
    const when = value === true ? {} : { when: `the Helm condition \`${cond}\` holds` };
    const redirect = docLines.findIndex((l, i) => i > tls && /^\s*insecureEdgeTerminationPolicy\s*:\s*["']?Redirect["']?\s*(#.*)?$/.test(l));
    if (redirect >= 0) out.redirect.push({ location: { file: f.rel, line: first + redirect + 1 }, what: 'an OpenShift Route whose insecureEdgeTerminationPolicy is Redirect (the router sends HTTP to HTTPS)', ...when });
    const hsts = docLines.findIndex((l) => /^\s*["']?haproxy\.router\.openshift\.io\/hsts_header["']?\s*:\s*["']?\s*max-age\s*=\s*[1-9]/.test(l));
    if (hsts >= 0) out.hsts.push({ location: { file: f.rel, line: first + hsts + 1 }, what: "an OpenShift Route's hsts_header annotation (the router sends Strict-Transport-Security)", ...when });
  }
  return out;
}

/** The Helm `{{ if COND }}` on the line right above `at` (blank lines skipped), or undefined. */
function helmCondition(lines: readonly string[], at: number): string | undefined {
  for (let i = at - 1; i >= 0; i--) {
    if (!lines[i].trim()) continue;
    return /^\s*\{\{-?\s*if\s+(.+?)\s*-?\}\}\s*$/.exec(lines[i])?.[1];
  }
  return undefined;
}

/** `.Values.a.b` read from the chart's values.yaml (beside the templates folder) when a boolean there; else undefined. */
function helmValue(f: ConfigFile, files: readonly ConfigFile[], cond: string): boolean | undefined {
  const m = /^\.Values\.([\w.]+)$/.exec(cond);
  const chart = /^(.*?\/)?templates\//.exec(f.rel);
  if (!m || !chart) return undefined;
  const values = files.find((c) => c.rel === `${chart[1] ?? ''}values.yaml`);
  if (!values) return undefined;
  let v: unknown;
  try {
    v = parseYaml(values.text);
  } catch {
    return undefined;
  }
  for (const k of m[1].split('.')) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined;
  return typeof v === 'boolean' ? v : undefined;
}
