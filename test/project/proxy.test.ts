/**
 * What a project's reverse-proxy configs do for HTTPS and the security headers (src/project/proxy.ts), on whole
 * config files shaped like the ones real projects ship: nginx, Apache, Caddy, Traefik (compose, static/dynamic
 * files, Kubernetes CRDs) and ingress-nginx annotations; framing (X-Frame-Options, CSP frame-ancestors) and
 * X-Content-Type-Options in each; then which files count, through the real Workspace and scan.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { proxyFactsIn, proxyHttps, type EnvValue, type ProxyFact } from '../../src/project/proxy';
import { scan } from '../../src/project/scan';

const show = (f: ProxyFact): string => `${f.location.file}:${f.location.line} ${f.what}${f.when ? ` [when ${f.when}]` : ''}`;

function facts(files: Record<string, string>, env: ReadonlyMap<string, EnvValue[]> = new Map()): { hsts: string[]; redirect: string[] } {
  const r = proxyFactsIn(Object.entries(files).map(([rel, text]) => ({ rel, text })), env);
  return { hsts: r.hsts.map(show), redirect: r.redirect.map(show) };
}

/** The framing (X-Frame-Options, CSP frame-ancestors) and X-Content-Type-Options facts of a set of files. */
function headers(files: Record<string, string>, env: ReadonlyMap<string, EnvValue[]> = new Map()): { frame: string[]; nosniff: string[] } {
  const r = proxyFactsIn(Object.entries(files).map(([rel, text]) => ({ rel, text })), env);
  return { frame: r.frameOptions.map(show), nosniff: r.nosniff.map(show) };
}

const lines = (...l: string[]): string => l.join('\n') + '\n';

describe('nginx', () => {
  const frontend = (header: string) =>
    lines(
      'worker_processes 4;', //                                              1
      'events {', //                                                         2
      '  worker_connections 1024;', //                                       3
      '}', //                                                                4
      'http {', //                                                           5
      '  include mime.types;', //                                            6
      '  server {', //                                                       7
      '    listen 3000;', //                                                 8
      '    add_header X-Frame-Options "DENY" always;', //                    9
      `    ${header}`, //                                                    10
      '    location / {', //                                                 11
      '      root /usr/share/nginx/html;', //                                12
      '      try_files $uri $uri/ /index.html;', //                          13
      '    }', //                                                            14
      '  }', //                                                              15
      '}', //                                                                16
    );

  it('add_header Strict-Transport-Security with and without `always` both send HSTS', () => {
    expect(facts({ 'web/nginx/nginx.conf': frontend('add_header Strict-Transport-Security "max-age=31536000; includeSubDomains" always;') }).hsts).toEqual([
      'web/nginx/nginx.conf:10 nginx add_header Strict-Transport-Security (max-age=31536000, always)',
    ]);
    expect(facts({ 'web/nginx/nginx.conf': frontend("add_header Strict-Transport-Security 'max-age=63072000';") }).hsts).toEqual([
      'web/nginx/nginx.conf:10 nginx add_header Strict-Transport-Security (max-age=63072000, without `always`: not on error responses)',
    ]);
  });

  it('max-age=0 (HSTS switched off), a variable max-age and a commented-out header send nothing', () => {
    expect(facts({ 'nginx.conf': frontend('add_header Strict-Transport-Security "max-age=0" always;') }).hsts).toEqual([]);
    expect(facts({ 'nginx.conf': frontend('add_header Strict-Transport-Security $hsts_header always;') }).hsts).toEqual([]);
    expect(facts({ 'nginx.conf': frontend('# add_header Strict-Transport-Security "max-age=31536000" always;') }).hsts).toEqual([]);
  });

  it('an http-level header is lost in a server that adds its own headers (nginx does not merge add_header levels)', () => {
    const conf = (serverHeader: string) =>
      lines(
        'http {',
        '  add_header Strict-Transport-Security "max-age=31536000" always;', // 2
        '  server {',
        '    listen 80;',
        `    ${serverHeader}`,
        '    location / { proxy_pass http://app:8000; }',
        '  }',
        '}',
      );
    expect(facts({ 'deploy/nginx.conf': conf('add_header X-Content-Type-Options nosniff;') }).hsts).toEqual([]);
    expect(facts({ 'deploy/nginx.conf': conf('client_max_body_size 10m;') }).hsts).toEqual([
      'deploy/nginx.conf:2 nginx add_header Strict-Transport-Security (max-age=31536000, always)',
    ]);
  });

  it('a snippet with only the header counts: it is included where it applies', () => {
    expect(facts({ 'nginx/snippets/ssl-params.conf': lines('ssl_protocols TLSv1.2 TLSv1.3;', 'add_header Strict-Transport-Security "max-age=63072000" always;') }).hsts).toEqual([
      'nginx/snippets/ssl-params.conf:2 nginx add_header Strict-Transport-Security (max-age=63072000, always)',
    ]);
  });

  const tls = lines(
    'upstream app {', //                                                     1
    '    server web:8000;', //                                                2
    '}', //                                                                  3
    '', //                                                                   4
    'server {', //                                                           5
    '    listen 80;', //                                                     6
    '    listen [::]:80;', //                                                7
    '    server_name example.org www.example.org;', //                       8
    '    return 301 https://$host$request_uri;', //                          9
    '}', //                                                                  10
    '', //                                                                   11
    'server {', //                                                           12
    '    listen 443 ssl http2;', //                                          13
    '    server_name example.org;', //                                       14
    '    ssl_certificate /etc/letsencrypt/live/example.org/fullchain.pem;', // 15
    '    add_header Strict-Transport-Security "max-age=31536000" always;', // 16
    '    location / {', //                                                   17
    '        proxy_pass http://app;', //                                     18
    '        proxy_set_header X-Forwarded-Proto $scheme;', //                19
    '    }', //                                                              20
    '}', //                                                                  21
  );

  it('the classic pair: a port-80 server that returns 301 https://, a TLS server that sends HSTS', () => {
    expect(facts({ 'nginx/conf.d/site.conf': tls })).toEqual({
      hsts: ['nginx/conf.d/site.conf:16 nginx add_header Strict-Transport-Security (max-age=31536000, always)'],
      redirect: ['nginx/conf.d/site.conf:9 nginx server on port 80 returns 301 https://$host$request_uri'],
    });
  });

  it('certbot webroot: the ACME challenge is served, `location /` redirects', () => {
    const conf = lines(
      'server {',
      '    listen 80;',
      '    server_name example.org;',
      '    location /.well-known/acme-challenge/ {',
      '        root /var/www/certbot;',
      '    }',
      '    location / {',
      '        return 301 https://$host$request_uri;', // 8
      '    }',
      '}',
    );
    expect(facts({ 'nginx/default.conf': conf }).redirect).toEqual(['nginx/default.conf:8 nginx server on port 80 returns 301 https://$host$request_uri']);
  });

  it('`location /` redirects but another location passes requests to the app over HTTP: no redirect', () => {
    const conf = lines(
      'server {',
      '    listen 80;',
      '    location /api/ { proxy_pass http://api:8000; }',
      '    location / { return 301 https://$host$request_uri; }',
      '}',
    );
    expect(facts({ 'nginx.conf': conf }).redirect).toEqual([]);
  });

  it('certbot nginx plugin: `if ($host = …) { return 301 … }` then `return 404`', () => {
    const conf = lines(
      'server {',
      '    if ($host = example.org) {',
      '        return 301 https://$host$request_uri;', // 3
      '    } # managed by Certbot',
      '    listen 80;',
      '    server_name example.org;',
      '    return 404; # managed by Certbot',
      '}',
    );
    expect(facts({ 'sites-available/example': conf }).redirect).toEqual(['sites-available/example:3 nginx server on port 80 returns 301 https://$host$request_uri']);
  });

  it('a server on both 80 and 443: only a redirect conditioned on the scheme counts', () => {
    const conf = (body: string) => lines('server {', '    listen 80;', '    listen 443 ssl;', `    ${body}`, '    location / { proxy_pass http://app:8000; }', '}');
    expect(facts({ 'nginx.conf': conf('return 301 https://example.org$request_uri;') }).redirect).toEqual([]);
    expect(facts({ 'nginx.conf': conf('if ($scheme != "https") { return 301 https://$host$request_uri; }') }).redirect).toEqual([
      'nginx.conf:4 nginx server on port 80 returns 301 https://$host$request_uri',
    ]);
  });

  it('behind a TLS load balancer: a redirect on X-Forwarded-Proto', () => {
    const conf = lines(
      'server {',
      '    listen 8080;',
      '    if ($http_x_forwarded_proto = "http") {',
      '        return 308 https://$host$request_uri;', // 4
      '    }',
      '    location / { proxy_pass http://127.0.0.1:8000; }',
      '}',
    );
    expect(facts({ 'deploy/nginx.conf.template': conf }).redirect).toEqual(['deploy/nginx.conf.template:4 nginx server on port 8080 returns 308 https://$host$request_uri']);
  });

  it('a catch-all rewrite to https:// counts; a rewrite of one path, an http:// target or an ssl-only server do not', () => {
    const conf = (body: string, listen = 'listen 80;') => lines('server {', `    ${listen}`, `    ${body}`, '}');
    expect(facts({ 'nginx.conf': conf('rewrite ^(.*)$ https://$host$1 permanent;') }).redirect).toEqual(['nginx.conf:3 nginx server on port 80 rewrites to https://$host$1']);
    expect(facts({ 'nginx.conf': conf('rewrite ^/old/(.*)$ https://example.org/new/$1 permanent;') }).redirect).toEqual([]);
    expect(facts({ 'nginx.conf': conf('return 301 http://example.org$request_uri;') }).redirect).toEqual([]);
    expect(facts({ 'nginx.conf': conf('return 301 https://example.org$request_uri;', 'listen 443 ssl;') }).redirect).toEqual([]);
  });

  it('a commented-out redirect (the HTTPS block left for the admin to enable) is nothing', () => {
    const conf = lines(
      'server {',
      '    listen 80;',
      '    server_name lists.example.org;',
      '    location / {',
      '        uwsgi_pass unix:/run/app/uwsgi.sock;',
      '        include /etc/nginx/uwsgi_params;',
      '    }',
      '#    return 301 https://$server_name$request_uri;',
      '}',
      '#server {',
      '#    listen 443 ssl;',
      '#    add_header Strict-Transport-Security "max-age=31536000";',
      '#}',
    );
    expect(facts({ 'etc/nginx.conf': conf })).toEqual({ hsts: [], redirect: [] });
  });

  it('envsubst templates (${VAR}) and quoted braces parse', () => {
    const conf = lines('server {', '    listen ${NGINX_PORT};', '    location ~ "^/static/(.{2})" { root /srv; }', '    return 301 https://${DOMAIN}$request_uri;', '}');
    expect(facts({ 'nginx/templates/default.conf.template': conf }).redirect).toEqual([
      'nginx/templates/default.conf.template:4 nginx server on port ${NGINX_PORT} returns 301 https://${DOMAIN}$request_uri',
    ]);
  });
});

describe('Terraform: the platform redirects plain HTTP', () => {
  it("Azure Container Apps' ingress, App Service's https_only, an AWS listener's redirect, a Google URL map — literal values in their own resource only", () => {
    const tf = lines(
      '# The web app',
      'resource "azurerm_container_app" "web" {',
      '  name = "web-${var.env}"',
      '  ingress {',
      '    allow_insecure_connections = false',
      '    external_enabled = true',
      '  }',
      '}',
      'resource "azurerm_linux_web_app" "site" {',
      '  https_only = true',
      '  site_config { }',
      '}',
      'resource "aws_lb_listener" "http" {',
      '  port = 80',
      '  default_action {',
      '    type = "redirect"',
      '    redirect {',
      '      port        = "443"',
      '      protocol    = "HTTPS"',
      '      status_code = "HTTP_301"',
      '    }',
      '  }',
      '}',
      'resource "google_compute_url_map" "http" {',
      '  default_url_redirect {',
      '    https_redirect = true',
      '  }',
      '}',
    );
    expect(facts({ 'infra/main.tf': tf }).redirect).toEqual([
      'infra/main.tf:5 Azure Container Apps ingress with allow_insecure_connections = false (Azure redirects HTTP to HTTPS)',
      'infra/main.tf:10 Azure App Service azurerm_linux_web_app with https_only = true (Azure redirects HTTP to HTTPS)',
      'infra/main.tf:19 AWS load balancer listener whose action redirects to HTTPS',
      'infra/main.tf:26 Google Cloud URL map with https_redirect = true',
    ]);
    const none = lines(
      'resource "azurerm_container_app" "web" {',
      '  ingress {',
      '    allow_insecure_connections = true',
      '    # allow_insecure_connections = false',
      '  }',
      '}',
      'resource "azurerm_linux_web_app" "site" {',
      '  https_only = var.https_only',
      '}',
      'resource "aws_lb_listener" "http" {',
      '  default_action {',
      '    type             = "forward"',
      '    target_group_arn = aws_lb_target_group.app.arn',
      '  }',
      '}',
      '/* resource "azurerm_app_service" "old" {',
      '  https_only = true',
      '} */',
    );
    expect(facts({ 'infra/main.tf': none }).redirect).toEqual([]);
  });

  it("AWS load balancers that listen for HTTPS only, across the repository's Terraform: plain HTTP never reaches Django (CMS Blue Button)", () => {
    const listener = (name: string, attrs: string) => lines(`resource "aws_lb_listener" "${name}" {`, `  load_balancer_arn = aws_lb.alb.arn`, attrs, '  default_action {', '    type = "forward"', '  }', '}');
    const https = listener('https', '  port = 443\n  protocol = "HTTPS"');
    expect(facts({ 'ops/alb.tf': https }).redirect).toEqual(['ops/alb.tf:1 AWS load balancer listeners for HTTPS only in the Terraform (no plain-HTTP listener: plain HTTP never reaches Django)']);
    // a plain-HTTP listener in another file, one left to the default protocol, or one whose protocol is an expression: no fact
    expect(facts({ 'ops/alb.tf': https, 'ops/http.tf': listener('http', '  port = 80\n  protocol = "HTTP"') }).redirect).toEqual([]);
    expect(facts({ 'ops/alb.tf': https, 'ops/http.tf': listener('http', '  port = 80') }).redirect).toEqual([]);
    expect(facts({ 'ops/alb.tf': listener('app', '  protocol = var.listener_protocol') }).redirect).toEqual([]);
  });
});

describe('platforms: Dokku and DigitalOcean App Platform', () => {
  const dokkuApp = JSON.stringify({ scripts: { dokku: { predeploy: 'python manage.py migrate' } } }, null, 2);
  const DOKKU_WHEN = 'the app has a TLS certificate (dokku letsencrypt:enable, or certs:add)';

  it("Dokku's own app.json keys make both facts, each only when the app has a certificate", () => {
    expect(facts({ 'app.json': dokkuApp })).toEqual({
      hsts: [`app.json:3 Dokku's default nginx config (a Dokku app: \`dokku\` in app.json; max-age 15724800, includeSubDomains) [when ${DOKKU_WHEN} and its hsts property is not switched off]`],
      redirect: [`app.json:3 Dokku's default nginx config (a Dokku app: \`dokku\` in app.json) [when ${DOKKU_WHEN}]`],
    });
    const cron = facts({ 'app.json': JSON.stringify({ cron: [{ command: 'x', schedule: '0 5 * * *' }] }) });
    expect(cron.redirect).toHaveLength(1);
    expect(cron.redirect[0]).toContain('`cron` in app.json');
    expect(facts({ 'app.json': JSON.stringify({ healthchecks: { web: [{ type: 'startup', path: '/' }] } }) }).hsts).toHaveLength(1);
  });

  it("Heroku's app.json, one that does not parse, and a Dokku app with its own nginx.conf.sigil: no fact", () => {
    const none = { hsts: [], redirect: [] };
    expect(facts({ 'app.json': JSON.stringify({ name: 'shop', scripts: { postdeploy: 'python manage.py migrate' }, env: {} }) })).toEqual(none);
    expect(facts({ 'app.json': '{ "scripts": { "dokku": ' })).toEqual(none);
    expect(facts({ 'app.json': dokkuApp, 'nginx.conf.sigil': 'server { listen 80; }\n' })).toEqual(none);
    // a sigil in another folder replaces another app's template, not this one's
    expect(facts({ 'app.json': dokkuApp, 'other/nginx.conf.sigil': 'server { listen 80; }\n' }).redirect).toHaveLength(1);
  });

  it("cloud.gov, known by a Cloud Foundry route on a cloud.gov domain: its router redirects, and sends HSTS only when the app sends none", () => {
    const manifest = (route: string) => lines('applications:', '  - name: web', '    routes:', `      - route: ${route}`, '  - name: worker', '    no-route: true');
    const cg = proxyFactsIn([{ rel: 'manifest.yml', text: manifest('fac-((env_name)).app.cloud.gov') }]);
    expect(cg.redirect.map(show)).toEqual(["manifest.yml:4 cloud.gov's router (the app is routed on fac-((env_name)).app.cloud.gov: manifest.yml) redirects HTTP to HTTPS"]);
    expect(cg.hsts.map((f) => [show(f), f.unlessAppSends])).toEqual([[
      "manifest.yml:4 cloud.gov's router (the app is routed on fac-((env_name)).app.cloud.gov: manifest.yml) sends Strict-Transport-Security max-age=31536000 when the app sends none",
      true,
    ]]);
    const none = { hsts: [], redirect: [] };
    expect(facts({ 'manifest.yml': manifest('api.example.gov') })).toEqual(none);
    expect(facts({ 'manifest.yml': manifest('api.apps.internal') })).toEqual(none);
    expect(facts({ 'manifest.yml': manifest('notcloud.gov.example.com') })).toEqual(none);
    expect(facts({ 'manifest.yml': 'applications:\n  - name: [web\n' })).toEqual(none);
  });

  it('an App Platform spec with services redirects (no condition, no HSTS); workers and jobs alone, or no spec, do not', () => {
    const spec = (sections: string) => lines('name: shop', 'region: ams', ...sections.split('|'));
    expect(facts({ '.do/app.yaml': spec('services:|- name: web|  run_command: gunicorn app.wsgi') })).toEqual({
      hsts: [],
      redirect: ['.do/app.yaml:3 a DigitalOcean App Platform service (.do/app.yaml): App Platform upgrades every HTTP request to HTTPS'],
    });
    // the Deploy to DigitalOcean button's template: the spec under `spec:`
    expect(facts({ '.do/deploy.template.yaml': lines('spec:', '  name: shop', '  services:', '  - name: web') }).redirect).toHaveLength(1);
    expect(facts({ '.do/app.yaml': spec('workers:|- name: queue|  run_command: celery -A app worker') }).redirect).toEqual([]);
    expect(facts({ 'deploy/app.yaml': spec('services:|- name: web') }).redirect).toEqual([]);
  });
});

describe('Apache', () => {
  const vhosts = lines(
    '<VirtualHost *:80>', //                                                    1
    '    ServerName example.org', //                                            2
    '    Redirect permanent / https://example.org/', //                         3
    '</VirtualHost>', //                                                        4
    '', //                                                                      5
    '<IfModule mod_ssl.c>', //                                                  6
    '<VirtualHost *:443>', //                                                   7
    '    ServerName example.org', //                                            8
    '    SSLEngine on', //                                                      9
    '    Header always set Strict-Transport-Security "max-age=63072000; includeSubDomains"', // 10
    '    Redirect permanent /old https://example.org/new', //                   11
    '    ProxyPass / http://127.0.0.1:8000/', //                                12
    '</VirtualHost>', //                                                        13
    '</IfModule>', //                                                           14
  );

  it('a <VirtualHost *:80> Redirect of / and an HSTS Header', () => {
    expect(facts({ 'deploy/apache/site.conf': vhosts })).toEqual({
      hsts: ['deploy/apache/site.conf:10 Apache Header always set Strict-Transport-Security (max-age=63072000)'],
      redirect: ['deploy/apache/site.conf:3 Apache <VirtualHost *:80> Redirect permanent / https://example.org/'],
    });
  });

  it('mod_rewrite: a catch-all RewriteRule with R, on HTTPS/SERVER_NAME conditions, needs RewriteEngine On', () => {
    const conf = (engine: string, cond: string) =>
      lines('<VirtualHost *:80>', '    ServerName example.org', `    ${engine}`, `    ${cond}`, '    RewriteRule ^ https://%{SERVER_NAME}%{REQUEST_URI} [END,NE,R=permanent]', '</VirtualHost>');
    expect(facts({ 'site.vhost': conf('RewriteEngine on', 'RewriteCond %{SERVER_NAME} =example.org') }).redirect).toEqual([
      'site.vhost:5 Apache <VirtualHost *:80> RewriteRule ^ https://%{SERVER_NAME}%{REQUEST_URI} [END,NE,R=permanent]',
    ]);
    expect(facts({ 'site.vhost': conf('RewriteEngine On', 'RewriteCond %{HTTPS} off') }).redirect).toHaveLength(1);
    expect(facts({ 'site.vhost': conf('', 'RewriteCond %{HTTPS} off') }).redirect).toEqual([]);
    expect(facts({ 'site.vhost': conf('RewriteEngine On', 'RewriteCond %{HTTP_USER_AGENT} Googlebot') }).redirect).toEqual([]);
  });

  it('a plain port-80 proxy with no redirect, a redirect inside <Location> and Header unset send nothing', () => {
    const conf = lines(
      '<VirtualHost *:80>',
      '    ProxyPass / http://127.0.0.1:8000/',
      '    ProxyPassReverse / http://127.0.0.1:8000/',
      '    <Location /admin>',
      '        Redirect / https://example.org/admin',
      '    </Location>',
      '    Header unset Strict-Transport-Security',
      '    # Header always set Strict-Transport-Security "max-age=31536000"',
      '</VirtualHost>',
    );
    expect(facts({ 'etc/apache2/sites-available/app.conf': conf })).toEqual({ hsts: [], redirect: [] });
  });
});

describe('Caddy', () => {
  it('a host-name site: automatic HTTPS redirects HTTP to HTTPS; a header sets HSTS', () => {
    const conf = lines(
      '{',
      '    email admin@example.org',
      '}',
      '',
      'example.org, www.example.org {', // 5
      '    encode gzip',
      '    header Strict-Transport-Security "max-age=31536000; includeSubDomains"', // 7
      '    reverse_proxy web:8000',
      '}',
    );
    expect(facts({ Caddyfile: conf })).toEqual({
      hsts: ['Caddyfile:7 Caddy header Strict-Transport-Security (max-age=31536000)'],
      redirect: ["Caddyfile:5 Caddy's automatic HTTPS for the site example.org"],
    });
  });

  it('header blocks, matchers and deferred fields; a deleted header is none', () => {
    const conf = lines(
      'example.org {',
      '    header {',
      '        -Server',
      '        >Strict-Transport-Security max-age=63072000;', // 4
      '    }',
      '    header /static/* Strict-Transport-Security "max-age=600"', // 6
      '    header -Strict-Transport-Security',
      '    reverse_proxy app:8000',
      '}',
    );
    expect(facts({ 'proxy/Caddyfile': conf }).hsts).toEqual([
      'proxy/Caddyfile:4 Caddy header Strict-Transport-Security (max-age=63072000)',
      'proxy/Caddyfile:6 Caddy header Strict-Transport-Security (max-age=600)',
    ]);
  });

  it('`:80`, `http://` and another port are served over HTTP: no redirect', () => {
    for (const addr of [':80', 'http://example.org', 'example.org:8080', 'localhost:8080', ':443']) {
      expect(facts({ Caddyfile: lines(`${addr} {`, '    reverse_proxy web:8000', '}') }).redirect, addr).toEqual([]);
    }
    // a host listed with http:// as well is served over both
    expect(facts({ Caddyfile: lines('http://example.org, example.org {', '    reverse_proxy web:8000', '}') }).redirect).toEqual([]);
  });

  it('localhost and loopback sites get automatic HTTPS too (an internal certificate) and redirect HTTP', () => {
    // caddyserver.com/docs/automatic-https: local hostnames and IP addresses are served over HTTPS with
    // certificates from Caddy's own CA, and HTTP redirects to HTTPS for every managed host (django-helpdesk)
    for (const addr of ['localhost', 'app.localhost', '127.0.0.1', 'https://localhost']) {
      expect(facts({ Caddyfile: lines(`${addr} {`, '    reverse_proxy web:8000', '}') }).redirect, addr).toEqual([`Caddyfile:1 Caddy's automatic HTTPS for the site ${addr}`]);
    }
  });

  it('`auto_https off` / `disable_redirects` in the global options turn the redirect off', () => {
    for (const opt of ['off', 'disable_redirects']) {
      expect(facts({ Caddyfile: lines('{', `    auto_https ${opt}`, '}', 'example.org {', '    reverse_proxy web:8000', '}') }).redirect).toEqual([]);
    }
  });

  it('an environment placeholder address: its default decides; with none, the redirect holds only when it is a host name', () => {
    const site = (addr: string) => lines('(proxy) {', '    reverse_proxy /api/* api:8000', '    reverse_proxy /* web:3000', '}', '', `${addr} {`, '    import proxy', '}');
    expect(facts({ 'apps/proxy/Caddyfile.ce': site('{$SITE_ADDRESS}') }).redirect).toEqual([
      "apps/proxy/Caddyfile.ce:6 Caddy's automatic HTTPS for the site {$SITE_ADDRESS} [when SITE_ADDRESS is set to a host name]",
    ]);
    expect(facts({ Caddyfile: site('{$DOMAIN:example.org}') }).redirect).toEqual(["Caddyfile:6 Caddy's automatic HTTPS for the site {$DOMAIN:example.org}"]);
    expect(facts({ Caddyfile: site('{$SITE_ADDRESS::80}') }).redirect).toEqual([]);
    expect(facts({ Caddyfile: site('https://{$DOMAIN}') }).redirect).toEqual(["Caddyfile:6 Caddy's automatic HTTPS for the site https://{$DOMAIN}"]);
  });

  it('a placeholder address the production deploy files set: a host name redirects; `:80` keeps the condition, saying so', () => {
    const site = lines('{$SITE_ADDRESS} {', '    reverse_proxy web:8000', '}');
    const given = (value: string) => new Map([['SITE_ADDRESS', [{ value, file: 'docker-compose.yml', line: 12 }]]]);
    expect(facts({ Caddyfile: site }, given('app.example.org')).redirect).toEqual(["Caddyfile:1 Caddy's automatic HTTPS for the site {$SITE_ADDRESS}"]);
    expect(facts({ Caddyfile: site }, given(':80')).redirect).toEqual([
      "Caddyfile:1 Caddy's automatic HTTPS for the site {$SITE_ADDRESS} [when SITE_ADDRESS is set to a host name (the deploy files give it `:80`, docker-compose.yml:12)]",
    ]);
  });

  it('a single site without braces; a commented-out site is nothing', () => {
    expect(facts({ 'app.caddy': lines('# production', 'example.org', '', 'reverse_proxy web:8000') }).redirect).toEqual(["app.caddy:2 Caddy's automatic HTTPS for the site example.org"]);
    expect(facts({ Caddyfile: lines(':80 {', '    reverse_proxy web:8000', '}', '# example.org {', '#     reverse_proxy web:8000', '# }') }).redirect).toEqual([]);
  });

  it('an HTTP site that redirects everything itself with redir', () => {
    expect(facts({ Caddyfile: lines(':80 {', '    redir https://{host}{uri} permanent', '}') }).redirect).toEqual([
      'Caddyfile:2 Caddy redir https://{host}{uri} permanent in the plain-HTTP site :80',
    ]);
    expect(facts({ Caddyfile: lines(':80 {', '    redir /old https://example.org/new', '    reverse_proxy web:8000', '}') }).redirect).toEqual([]);
  });
});

describe('Traefik', () => {
  const base = lines(
    'services:',
    '  web:',
    '    build: .',
    '    labels:',
    '      - traefik.enable=true',
    '      - traefik.http.routers.app.rule=Host(`${APP_HOST:-localhost}`)',
    '      - traefik.http.routers.app.entrypoints=web',
    '  traefik:',
    '    image: traefik:v3.1',
    '    environment:',
    '      TRAEFIK_ENTRYPOINTS_web_ADDRESS: :8080',
    '      TRAEFIK_PROVIDERS_DOCKER_EXPOSEDBYDEFAULT: "false"',
  );
  const https = (scheme: string) =>
    lines(
      '# Deploy with HTTPS: docker compose -f docker-compose.yml -f docker-compose.https.yml up -d',
      'services:',
      '  web:',
      '    labels:',
      '      - traefik.http.routers.app.entrypoints=websecure',
      '      - traefik.http.routers.app.tls.certresolver=letsencrypt',
      '  traefik:',
      '    environment:',
      '      TRAEFIK_ENTRYPOINTS_web_ADDRESS: :80',
      '      TRAEFIK_ENTRYPOINTS_web_HTTP_REDIRECTIONS_ENTRYPOINT_TO: websecure', // 10
      `      TRAEFIK_ENTRYPOINTS_web_HTTP_REDIRECTIONS_ENTRYPOINT_SCHEME: ${scheme}`,
      '      TRAEFIK_ENTRYPOINTS_websecure_ADDRESS: :443',
      '    ports:',
      '      - 80:80',
      '      - 443:443',
    );

  it('an entry point redirection in the environment of a compose HTTPS overlay', () => {
    expect(facts({ 'docker-compose.yml': base, 'docker-compose.https.yml': https('https') }).redirect).toEqual([
      'docker-compose.https.yml:10 Traefik entry point web redirects to websecure (TRAEFIK_ENTRYPOINTS_web_HTTP_REDIRECTIONS_ENTRYPOINT_TO)',
    ]);
    expect(facts({ 'docker-compose.https.yml': https('http') }).redirect).toEqual([]);
  });

  it('CLI flags in a compose command list', () => {
    const compose = lines(
      'services:',
      '  traefik:',
      '    image: traefik:v2.11',
      '    command:',
      '      - "--providers.docker=true"',
      '      - "--entrypoints.web.address=:80"',
      '      - "--entrypoints.web.http.redirections.entrypoint.to=websecure"', // 7
      '      - "--entrypoints.web.http.redirections.entrypoint.scheme=https"',
      '      - "--entrypoints.websecure.address=:443"',
    );
    expect(facts({ 'compose.prod.yaml': compose }).redirect).toEqual([
      'compose.prod.yaml:7 Traefik entry point web redirects to websecure (--entrypoints.web.http.redirections.entrypoint.to)',
    ]);
  });

  const labelled = (router: string, sts = '31536000') =>
    lines(
      'services:',
      '  app:',
      '    image: registry.example.org/app:latest',
      '    labels:',
      '      traefik.http.routers.app.rule: Host(`example.org`)',
      `      ${router}`,
      '      traefik.http.middlewares.to-https.redirectscheme.scheme: https', // 7
      '      traefik.http.middlewares.to-https.redirectscheme.permanent: "true"',
      `      traefik.http.middlewares.secure.headers.stsseconds: "${sts}"`, // 9
      '      traefik.http.middlewares.secure.headers.stsincludesubdomains: "true"',
    );

  it('router labels that use a redirectScheme and an stsSeconds middleware', () => {
    expect(facts({ 'docker-compose.yml': labelled('traefik.http.routers.app.middlewares: to-https@docker,secure@docker') })).toEqual({
      hsts: ['docker-compose.yml:9 Traefik middleware secure (headers.stsSeconds=31536000), used by a router or entry point'],
      redirect: ['docker-compose.yml:7 Traefik middleware to-https (redirectScheme https), used by a router or entry point'],
    });
  });

  it('middlewares no router uses do nothing; stsSeconds 0 is no HSTS', () => {
    expect(facts({ 'docker-compose.yml': labelled('traefik.http.routers.app.tls: "true"') })).toEqual({ hsts: [], redirect: [] });
    expect(facts({ 'docker-compose.yml': labelled('traefik.http.routers.app.middlewares: secure', '0') }).hsts).toEqual([]);
  });

  it('labels of a service that runs only under a dev profile are not production', () => {
    const compose = lines(
      'services:',
      '  proxy-dev:',
      '    image: traefik:v3.1',
      '    profiles: ["dev"]',
      '    command:',
      '      - --entrypoints.web.http.redirections.entrypoint.to=websecure',
    );
    expect(facts({ 'docker-compose.yml': compose }).redirect).toEqual([]);
  });

  it('static traefik.yml and traefik.toml entry point redirections', () => {
    const yml = lines(
      'entryPoints:',
      '  web:',
      '    address: ":80"',
      '    http:',
      '      redirections:', // 5
      '        entryPoint:',
      '          to: websecure',
      '          scheme: https',
      '  websecure:',
      '    address: ":443"',
      'providers:',
      '  docker:',
      '    exposedByDefault: false',
    );
    expect(facts({ 'traefik/traefik.yml': yml }).redirect).toEqual(['traefik/traefik.yml:5 Traefik entry point web redirects to websecure (https)']);
    const toml = lines('[entryPoints]', '  [entryPoints.web]', '    address = ":80"', '    [entryPoints.web.http.redirections.entryPoint]', '      to = "websecure"', '  [entryPoints.websecure]', '    address = ":443"');
    expect(facts({ 'traefik.toml': toml }).redirect).toEqual(['traefik.toml:4 Traefik entry point web redirects to websecure (https)']);
    // pyproject.toml and other TOML are not Traefik's
    expect(facts({ 'fly.toml': toml }).redirect).toEqual([]);
  });

  it('a dynamic configuration file: headers middleware used by a router', () => {
    const dyn = lines(
      'http:',
      '  routers:',
      '    app:',
      '      rule: Host(`example.org`)',
      '      service: app',
      '      middlewares:',
      '        - security-headers',
      '  middlewares:',
      '    security-headers:', // 9
      '      headers:',
      '        stsSeconds: 63072000',
      '        stsPreload: true',
    );
    expect(facts({ 'traefik/dynamic/app.yml': dyn }).hsts).toEqual(['traefik/dynamic/app.yml:9 Traefik middleware security-headers (headers.stsSeconds=63072000), used by a router or entry point']);
  });

  it('Kubernetes: a Middleware used by an IngressRoute, or by an Ingress through the router.middlewares annotation', () => {
    const middleware = lines(
      'apiVersion: traefik.io/v1alpha1',
      'kind: Middleware',
      'metadata:',
      '  name: redirect-https', // 4
      '  namespace: web',
      'spec:',
      '  redirectScheme:',
      '    scheme: https',
      '    permanent: true',
    );
    const route = lines(
      'apiVersion: traefik.io/v1alpha1',
      'kind: IngressRoute',
      'metadata:',
      '  name: app',
      'spec:',
      '  entryPoints: [web]',
      '  routes:',
      '    - match: Host(`example.org`)',
      '      kind: Rule',
      '      middlewares:',
      '        - name: redirect-https',
      '      services:',
      '        - name: app',
      '          port: 8000',
    );
    const ingress = lines(
      'apiVersion: networking.k8s.io/v1',
      'kind: Ingress',
      'metadata:',
      '  name: app',
      '  annotations:',
      '    traefik.ingress.kubernetes.io/router.middlewares: web-redirect-https@kubernetescrd',
    );
    const fact = 'k8s/middleware.yaml:4 Traefik middleware redirect-https (redirectScheme https), used by a router or entry point';
    expect(facts({ 'k8s/middleware.yaml': middleware, 'k8s/route.yaml': route }).redirect).toEqual([fact]);
    expect(facts({ 'k8s/middleware.yaml': middleware, 'k8s/ingress.yaml': ingress }).redirect).toEqual([fact]);
    expect(facts({ 'k8s/middleware.yaml': middleware }).redirect).toEqual([]);
  });
});

describe('Kubernetes ingress-nginx', () => {
  const ingress = (value: string) =>
    lines(
      'apiVersion: networking.k8s.io/v1',
      'kind: Ingress',
      'metadata:',
      '  name: app',
      '  annotations:',
      `    nginx.ingress.kubernetes.io/force-ssl-redirect: ${value}`, // 6
      'spec:',
      '  ingressClassName: nginx',
    );

  it('ssl-redirect / force-ssl-redirect annotations set to a literal true', () => {
    expect(facts({ 'k8s/ingress.yaml': ingress('"true"') }).redirect).toEqual(['k8s/ingress.yaml:6 ingress-nginx annotation nginx.ingress.kubernetes.io/force-ssl-redirect: "true"']);
    expect(facts({ 'k8s/ingress.yaml': ingress('"false"') }).redirect).toEqual([]);
    expect(facts({ 'helm/templates/ingress.yaml': ingress('{{ .Values.ingress.sslRedirect | quote }}') }).redirect).toEqual([]);
  });

  // IFRC GO's Helm chart: an nginx-class Ingress with a tls section, under `{{- if .Values.api.tls.enabled }}`
  const tlsIngress = (opts: { cls?: string; annotation?: string; cond?: string } = {}) =>
    lines(
      'apiVersion: networking.k8s.io/v1',
      'kind: Ingress',
      'metadata:',
      '  name: api',
      '  annotations:',
      `    ${opts.annotation ?? 'nginx.ingress.kubernetes.io/proxy-body-size: "300m"'}`,
      'spec:',
      '  ingressClassName:',
      `    ${opts.cls ?? 'nginx'}`,
      ...(opts.cond ? [`  {{- if ${opts.cond} }}`] : []),
      '  tls:', // 10, or 11 under a condition
      '    - hosts:',
      '      - api.example.org',
      '      secretName: api-cert',
      ...(opts.cond ? ['  {{- end }}'] : []),
      '  rules:',
      '  - host: api.example.org',
    );
  const values = (enabled: string) => lines('api:', '  domain: api.example.org', '  tls:', `    enabled: ${enabled}`);

  it("an nginx-class Ingress with TLS: the controllers' default redirect, and ingress-nginx's default HSTS", () => {
    expect(facts({ 'k8s/ingress.yaml': tlsIngress() })).toEqual({
      redirect: ['k8s/ingress.yaml:10 an nginx-class Ingress with TLS (the nginx controllers redirect HTTP to HTTPS by default)'],
      hsts: ['k8s/ingress.yaml:10 an ingress-nginx Ingress with TLS (ingress-nginx sends Strict-Transport-Security on HTTPS by default)'],
    });
    // NGINX Inc's controller (nginx.org/ annotations) answers to the nginx class too, and sends no HSTS by default
    expect(facts({ 'k8s/ingress.yaml': tlsIngress({ annotation: 'nginx.org/client-max-body-size: "4m"' }) }).hsts).toEqual([]);
    // another controller, or the redirect turned off on the Ingress
    expect(facts({ 'k8s/ingress.yaml': tlsIngress({ cls: 'traefik' }) })).toEqual({ redirect: [], hsts: [] });
    expect(facts({ 'k8s/ingress.yaml': tlsIngress({ annotation: 'nginx.ingress.kubernetes.io/ssl-redirect: "false"' }) }).redirect).toEqual([]);
    // the controller's shipped ConfigMap switches HSTS off
    const configMap = lines('kind: ConfigMap', 'apiVersion: v1', 'data:', '  hsts: "false"');
    expect(facts({ 'k8s/ingress.yaml': tlsIngress(), 'k8s/ingress-nginx-config.yaml': configMap }).hsts).toEqual([]);
  });

  it("TLS under a Helm condition: decided by the chart's values.yaml when it holds a boolean, else the operator's choice", () => {
    const ingress = tlsIngress({ cond: '.Values.api.tls.enabled' });
    const rel = 'deploy/chart/templates/ingress.yaml';
    expect(facts({ [rel]: ingress, 'deploy/chart/values.yaml': values('true') }).redirect).toEqual([`${rel}:11 an nginx-class Ingress with TLS (the nginx controllers redirect HTTP to HTTPS by default)`]);
    expect(facts({ [rel]: ingress, 'deploy/chart/values.yaml': values('false') })).toEqual({ redirect: [], hsts: [] });
    const r = proxyFactsIn([{ rel, text: ingress }]);
    expect(r.redirect.map((x) => x.when)).toEqual(['the Helm condition `.Values.api.tls.enabled` holds']);
    expect(r.hsts.map((x) => x.when)).toEqual(['the Helm condition `.Values.api.tls.enabled` holds']);
  });
});

describe('framing protection and nosniff headers', () => {
  const server = (...headerLines: string[]) =>
    lines(
      'http {', //                                                           1
      '  server {', //                                                       2
      '    listen 8085;', //                                                 3
      ...headerLines.map((h) => `    ${h}`), //                              4…
      '    location / {',
      '      proxy_pass http://localhost:8000/;',
      '    }',
      '  }',
      '}',
    );

  it("nginx: label-studio's server-level X-Frame-Options SAMEORIGIN; with and without `always`; any case", () => {
    expect(headers({ 'deploy/default.conf': server('add_header X-Request-ID $request_id;', 'add_header X-Frame-Options "SAMEORIGIN" always;') })).toEqual({
      frame: ['deploy/default.conf:5 nginx add_header X-Frame-Options (SAMEORIGIN, always)'],
      nosniff: [],
    });
    expect(headers({ 'cvat/nginx.conf': server('add_header X-Frame-Options deny;', 'add_header X-Content-Type-Options "nosniff" always;') })).toEqual({
      frame: ['cvat/nginx.conf:4 nginx add_header X-Frame-Options (DENY, without `always`: not on error responses)'],
      nosniff: ['cvat/nginx.conf:5 nginx add_header X-Content-Type-Options (nosniff, always)'],
    });
  });

  it('nginx: a value other than DENY/SAMEORIGIN, a variable, a commented-out header and a Report-Only CSP protect nothing', () => {
    for (const h of [
      'add_header X-Frame-Options "ALLOW-FROM https://partner.example.org" always;',
      'add_header X-Frame-Options ALLOWALL;',
      'add_header X-Frame-Options $frame_options always;',
      '# add_header X-Frame-Options DENY always;',
      `add_header Content-Security-Policy-Report-Only "frame-ancestors 'none'" always;`,
      'add_header X-Content-Type-Options "sniff";',
    ]) {
      expect(headers({ 'nginx.conf': server(h) }), h).toEqual({ frame: [], nosniff: [] });
    }
  });

  it('nginx: a CSP frame-ancestors counts unless it lets any site frame the page', () => {
    const csp = (policy: string) => headers({ 'nginx.conf': server(`add_header Content-Security-Policy "${policy}" always;`) }).frame;
    expect(csp("default-src 'self'; frame-ancestors 'self' https://*.example.org")).toEqual([
      "nginx.conf:4 nginx add_header Content-Security-Policy (frame-ancestors 'self' https://*.example.org, always)",
    ]);
    expect(csp("frame-ancestors 'none'")).toEqual(["nginx.conf:4 nginx add_header Content-Security-Policy (frame-ancestors 'none', always)"]);
    for (const p of ['frame-ancestors *', "frame-ancestors 'self' https:", 'frame-ancestors https://*', "default-src 'self'"]) expect(csp(p), p).toEqual([]);
  });

  it('nginx: an http-level header is lost in a server or location that adds headers of its own', () => {
    const conf = (locationHeader: string) =>
      lines(
        'http {',
        '  add_header X-Frame-Options DENY always;', // 2
        '  server {',
        '    listen 80;',
        '    location / {',
        `      ${locationHeader}`,
        '      proxy_pass http://app:8000;',
        '    }',
        '  }',
        '}',
      );
    expect(headers({ 'nginx.conf': conf('add_header Cache-Control no-store;') }).frame).toEqual([]);
    expect(headers({ 'nginx.conf': conf('proxy_set_header Host $host;') }).frame).toEqual(['nginx.conf:2 nginx add_header X-Frame-Options (DENY, always)']);
  });

  it("nginx: framing and nosniff count only where they reach the app's responses (a static-files-only server is plane's web image)", () => {
    const spa = lines(
      'http {',
      '  server {',
      '    listen 3000;',
      '    add_header X-Frame-Options "DENY" always;', // 4
      '    add_header X-Content-Type-Options "nosniff" always;',
      '    add_header Strict-Transport-Security "max-age=31536000; includeSubDomains" always;', // 6
      '    location / {',
      '      root /usr/share/nginx/html;',
      '      try_files $uri $uri/ /index.html;',
      '    }',
      '  }',
      '}',
    );
    const r = proxyFactsIn([{ rel: 'apps/web/nginx/nginx.conf', text: spa }]);
    expect([r.frameOptions, r.nosniff]).toEqual([[], []]);
    expect(r.hsts.map(show)).toEqual(['apps/web/nginx/nginx.conf:6 nginx add_header Strict-Transport-Security (max-age=31536000, always)']);
    // the same server passing `location /api/` to the app: its responses get the headers
    expect(headers({ 'nginx.conf': spa.replace('    location / {', '    location /api/ { proxy_pass http://api:8000; }\n    location / {') })).toEqual({
      frame: ['nginx.conf:4 nginx add_header X-Frame-Options (DENY, always)'],
      nosniff: ['nginx.conf:5 nginx add_header X-Content-Type-Options (nosniff, always)'],
    });
    // a location of its own that passes to uwsgi
    expect(headers({ 'nginx.conf': lines('server {', '  location / {', '    add_header X-Frame-Options SAMEORIGIN;', '    uwsgi_pass unix:/run/app.sock;', '  }', '}') }).frame).toEqual([
      'nginx.conf:3 nginx add_header X-Frame-Options (SAMEORIGIN, without `always`: not on error responses)',
    ]);
  });

  it('nginx templates: an envsubst ${VAR} value is what the deploy files give it, else an operator\'s choice (a `when`)', () => {
    const tpl = { 'nginx/templates/default.conf.template': server('add_header X-Frame-Options ${FRAME_OPTIONS} always;') };
    expect(headers(tpl).frame).toEqual([
      'nginx/templates/default.conf.template:4 nginx add_header X-Frame-Options (${FRAME_OPTIONS}, always) [when FRAME_OPTIONS is set to DENY or SAMEORIGIN]',
    ]);
    const given = (value: string) => new Map([['FRAME_OPTIONS', [{ value, file: 'docker-compose.yml', line: 9 }]]]);
    expect(headers(tpl, given('sameorigin')).frame).toEqual([
      'nginx/templates/default.conf.template:4 nginx add_header X-Frame-Options (${FRAME_OPTIONS} = SAMEORIGIN, docker-compose.yml:9, always)',
    ]);
    expect(headers(tpl, given('ALLOWALL')).frame).toEqual([]);
    // in a plain .conf, ${name} is nginx's own variable syntax: not a fact
    expect(headers({ 'nginx.conf': server('add_header X-Frame-Options ${frame} always;') }).frame).toEqual([]);
  });

  it('Apache: Header [always] set|append X-Frame-Options / Content-Security-Policy / X-Content-Type-Options', () => {
    const conf = lines(
      '<VirtualHost *:443>',
      '    SSLEngine on',
      '    Header always set X-Frame-Options "SAMEORIGIN"', // 3
      `    Header set Content-Security-Policy "default-src 'self'; frame-ancestors 'none'"`, // 4
      '    Header always append X-Content-Type-Options nosniff', // 5
      '    Header unset X-Frame-Options',
      '    Header set X-Frame-Options "ALLOW-FROM https://example.org"',
      '    ProxyPass / http://127.0.0.1:8000/',
      '</VirtualHost>',
    );
    expect(headers({ 'apache/site.conf': conf })).toEqual({
      frame: [
        'apache/site.conf:3 Apache Header always set X-Frame-Options (SAMEORIGIN)',
        "apache/site.conf:4 Apache Header set Content-Security-Policy (frame-ancestors 'none')",
      ],
      nosniff: ['apache/site.conf:5 Apache Header always append X-Content-Type-Options (nosniff)'],
    });
  });

  it('Caddy: header one-liners, matchers, blocks with prefixes, header_down; a deleted header is none', () => {
    const conf = lines(
      '(security) {',
      '    header {',
      '        X-Content-Type-Options nosniff', // 3
      '        ?X-Frame-Options DENY', // 4
      '        -Server',
      '    }',
      '}',
      'example.org {',
      '    import security',
      '    header /embed/* Content-Security-Policy "frame-ancestors \'self\'"', // 10
      '    header -X-Frame-Options',
      '    reverse_proxy web:8000 {',
      '        header_down X-Frame-Options SAMEORIGIN', // 13
      '    }',
      '}',
    );
    expect(headers({ Caddyfile: conf })).toEqual({
      frame: [
        'Caddyfile:4 Caddy header X-Frame-Options (DENY)',
        "Caddyfile:10 Caddy header Content-Security-Policy (frame-ancestors 'self')",
        'Caddyfile:13 Caddy header_down X-Frame-Options (SAMEORIGIN)',
      ],
      nosniff: ['Caddyfile:3 Caddy header X-Content-Type-Options (nosniff)'],
    });
    expect(headers({ Caddyfile: lines('example.org {', '    header X-Frame-Options ALLOWALL', '    reverse_proxy web:8000', '}') }).frame).toEqual([]);
  });

  it('Caddy: framing and nosniff count in a site that passes requests on (or a snippet), not in a file_server-only site', () => {
    const files = lines('static.example.org {', '    root * /srv', '    file_server', '    header X-Frame-Options DENY', '    header Strict-Transport-Security max-age=31536000', '}');
    const r = proxyFactsIn([{ rel: 'Caddyfile', text: files }]);
    expect([r.frameOptions, r.hsts.map(show)]).toEqual([[], ['Caddyfile:5 Caddy header Strict-Transport-Security (max-age=31536000)']]);
    // one site without braces: its directives are the file's
    expect(headers({ 'app.caddy': lines('example.org', 'header {', '    X-Frame-Options DENY', '}', 'reverse_proxy web:8000') }).frame).toEqual(['app.caddy:3 Caddy header X-Frame-Options (DENY)']);
    expect(headers({ 'app.caddy': lines('example.org', 'header X-Frame-Options DENY', 'file_server') }).frame).toEqual([]);
  });

  it('Caddy: an environment placeholder value — the deploy files, the default, or a `when`', () => {
    const site = (value: string) => ({ Caddyfile: lines('example.org {', `    header X-Frame-Options ${value}`, '    reverse_proxy web:8000', '}') });
    expect(headers(site('{$FRAME_OPTIONS}')).frame).toEqual(['Caddyfile:2 Caddy header X-Frame-Options ({$FRAME_OPTIONS}) [when FRAME_OPTIONS is set to DENY or SAMEORIGIN]']);
    expect(headers(site('{$FRAME_OPTIONS:DENY}')).frame).toEqual(['Caddyfile:2 Caddy header X-Frame-Options (DENY)']);
    expect(headers(site('{$FRAME_OPTIONS:ALLOWALL}')).frame).toEqual([]);
    const given = new Map([['FRAME_OPTIONS', [{ value: 'DENY', file: '.env.prod', line: 3 }]]]);
    expect(headers(site('{env.FRAME_OPTIONS}'), given).frame).toEqual(['Caddyfile:2 Caddy header X-Frame-Options ({env.FRAME_OPTIONS} = DENY, .env.prod:3)']);
  });

  const compose = (...labels: string[]) =>
    lines(
      'services:',
      '  web:',
      '    image: registry.example.org/app:latest',
      '    labels:',
      '      - traefik.http.routers.app.rule=Host(`example.org`)',
      '      - traefik.http.routers.app.middlewares=secure@docker',
      ...labels.map((l) => `      - ${l}`), // 7…
    );

  it('Traefik labels: frameDeny, customFrameOptionsValue, contentSecurityPolicy, contentTypeNosniff, customResponseHeaders', () => {
    expect(headers({ 'docker-compose.yml': compose('traefik.http.middlewares.secure.headers.framedeny=true', 'traefik.http.middlewares.secure.headers.contenttypenosniff=true') })).toEqual({
      frame: ['docker-compose.yml:7 Traefik middleware secure (headers.frameDeny=true), used by a router or entry point'],
      nosniff: ['docker-compose.yml:8 Traefik middleware secure (headers.contentTypeNosniff=true), used by a router or entry point'],
    });
    expect(headers({ 'docker-compose.yml': compose(`"traefik.http.middlewares.secure.headers.contentsecuritypolicy=default-src 'self'; frame-ancestors 'self'"`) }).frame).toEqual([
      "docker-compose.yml:7 Traefik middleware secure (headers.contentSecurityPolicy: frame-ancestors 'self'), used by a router or entry point",
    ]);
    expect(headers({ 'docker-compose.yml': compose('traefik.http.middlewares.secure.headers.customresponseheaders.X-Frame-Options=SAMEORIGIN', 'traefik.http.middlewares.secure.headers.customresponseheaders.X-Content-Type-Options=nosniff') })).toEqual({
      frame: ['docker-compose.yml:7 Traefik middleware secure (customResponseHeaders X-Frame-Options: SAMEORIGIN), used by a router or entry point'],
      nosniff: ['docker-compose.yml:8 Traefik middleware secure (customResponseHeaders X-Content-Type-Options: nosniff), used by a router or entry point'],
    });
  });

  it('Traefik labels: customFrameOptionsValue wins over frameDeny; an unused middleware does nothing', () => {
    const both = (value: string) => compose('traefik.http.middlewares.secure.headers.framedeny=true', `traefik.http.middlewares.secure.headers.customframeoptionsvalue=${value}`);
    expect(headers({ 'docker-compose.yml': both('SAMEORIGIN') }).frame).toEqual([
      'docker-compose.yml:8 Traefik middleware secure (headers.customFrameOptionsValue: SAMEORIGIN), used by a router or entry point',
    ]);
    expect(headers({ 'docker-compose.yml': both('ALLOW-FROM https://example.org') }).frame).toEqual([]);
    const unused = lines('services:', '  web:', '    labels:', '      traefik.http.middlewares.secure.headers.framedeny: "true"', '      traefik.http.routers.app.tls: "true"');
    expect(headers({ 'docker-compose.yml': unused })).toEqual({ frame: [], nosniff: [] });
  });

  it('Traefik dynamic file and Kubernetes Middleware: the headers options used by a router / IngressRoute', () => {
    const dyn = lines(
      'http:',
      '  routers:',
      '    app:',
      '      rule: Host(`example.org`)',
      '      middlewares: [security-headers]',
      '  middlewares:',
      '    security-headers:', // 7
      '      headers:',
      '        frameDeny: true',
      '        contentTypeNosniff: true',
    );
    expect(headers({ 'traefik/dynamic/app.yml': dyn })).toEqual({
      frame: ['traefik/dynamic/app.yml:7 Traefik middleware security-headers (headers.frameDeny=true), used by a router or entry point'],
      nosniff: ['traefik/dynamic/app.yml:7 Traefik middleware security-headers (headers.contentTypeNosniff=true), used by a router or entry point'],
    });
    const crd = lines(
      'apiVersion: traefik.io/v1alpha1',
      'kind: Middleware',
      'metadata:',
      '  name: secure-headers', // 4
      'spec:',
      '  headers:',
      '    customResponseHeaders:',
      '      X-Frame-Options: DENY',
      '---',
      'apiVersion: traefik.io/v1alpha1',
      'kind: IngressRoute',
      'metadata:',
      '  name: app',
      'spec:',
      '  routes:',
      '    - match: Host(`example.org`)',
      '      middlewares:',
      '        - name: secure-headers',
    );
    expect(headers({ 'k8s/app.yaml': crd }).frame).toEqual(['k8s/app.yaml:4 Traefik middleware secure-headers (customResponseHeaders X-Frame-Options: DENY), used by a router or entry point']);
  });
});

describe('nginx Jinja templates (an Ansible role\'s site.j2)', () => {
  const read = (text: string, rel = 'ansible/roles/web/templates/site.j2') => {
    const r = proxyFactsIn([{ rel, text, nginxTemplate: true }]);
    return { hsts: r.hsts.map(show), redirect: r.redirect.map(show), frame: r.frameOptions.map(show) };
  };

  it('tournesol\'s shape: HSTS and the certbot port-80 redirect inside `{% if %}` hold under it; a templated CSP is unknown', () => {
    const site = lines(
      'server {', //                                                                    1
      '    server_name {{domain_name}};', //                                            2
      '    location / { proxy_pass http://unix:/run/gunicorn.sock; }', //                3
      '{% if letsencrypt_email is defined %}', //                                       4
      '    listen 443 ssl http2;', //                                                   5
      '    add_header Strict-Transport-Security "max-age=15552000; preload;" always;', // 6
      '    add_header Content-Security-Policy "frame-ancestors {{ frame_ancestors }};";', // 7
      '{% else %}', //                                                                  8
      '    listen 80;', //                                                              9
      '{% endif %}', //                                                                 10
      '}', //                                                                           11
      '{% if letsencrypt_email is defined %}', //                                       12
      'server {', //                                                                    13
      '    if ($host = {{domain_name}}) {', //                                          14
      '        return 301 https://$host$request_uri;', //                               15
      '    }', //                                                                       16
      '    listen 80 deferred;', //                                                     17
      '    return 404;', //                                                             18
      '}', //                                                                           19
      '{% endif %}', //                                                                 20
    );
    expect(read(site)).toEqual({
      hsts: ["ansible/roles/web/templates/site.j2:6 nginx add_header Strict-Transport-Security (max-age=15552000, always) [when the template's `{% if letsencrypt_email is defined %}` (line 4) holds]"],
      redirect: ["ansible/roles/web/templates/site.j2:15 nginx server on port 80 returns 301 https://$host$request_uri [when the template's `{% if letsencrypt_email is defined %}` (line 12) holds]"],
      frame: [],
    });
  });

  it('outside any block a fact is unconditional; a `{{ value }}` in a redirect\'s host is still https, an inline `{% if %}` after the directive starts does not make it conditional', () => {
    const conf = lines(
      'server {',
      '    listen 80;',
      '    server_name {{ domain }}{% if www %} www.{{ domain }}{% endif %};',
      '    return 301 https://{{ domain }}$request_uri;', // 4
      '}',
      'server {',
      '    listen 443 ssl;',
      '    add_header Strict-Transport-Security "max-age=31536000{% if preload %}; preload{% endif %}" always;', // 8
      '    add_header X-Frame-Options {{ xfo | default("DENY") }};',
      '    location / { proxy_pass http://app; }',
      '}',
    );
    expect(read(conf)).toEqual({
      hsts: ['ansible/roles/web/templates/site.j2:8 nginx add_header Strict-Transport-Security (max-age=31536000, always)'],
      redirect: ['ansible/roles/web/templates/site.j2:4 nginx server on port 80 returns 301 https://{{…}}$request_uri'],
      frame: [],
    });
  });

  it('a templated max-age, listen or scheme test is unknown: no fact', () => {
    expect(read(lines('server {', '    listen 443 ssl;', '    add_header Strict-Transport-Security "max-age={{ hsts_age }}" always;', '}')).hsts).toEqual([]);
    expect(read(lines('server {', '    listen {{ listen }};', '    return 301 https://$host$request_uri;', '}')).redirect).toEqual([]);
    expect(read(lines('server {', '    listen 80;', '    listen 443 ssl;', '    if ($scheme != {{ scheme }}) {', '        return 301 https://$host$request_uri;', '    }', '}')).redirect).toEqual([]);
  });

  it('`{% else %}`, `{% elif %}` and `{% for %}` are said; a macro or `{% set %}` block is not rendered where it stands', () => {
    const hsts = '    add_header Strict-Transport-Security "max-age=31536000" always;';
    const server = (...body: string[]) => read(lines('server {', '    listen 443 ssl;', ...body, '}')).hsts;
    expect(server('{% if hsts_off %}', '{% else %}', hsts, '{% endif %}')).toEqual([
      "ansible/roles/web/templates/site.j2:5 nginx add_header Strict-Transport-Security (max-age=31536000, always) [when the template renders the `{% else %}` branch (line 4) of its `{% if hsts_off %}` (line 3)]",
    ]);
    expect(server('{% if a %}', '{% elif b %}', hsts, '{% endif %}')).toEqual([
      "ansible/roles/web/templates/site.j2:5 nginx add_header Strict-Transport-Security (max-age=31536000, always) [when the template renders the `{% elif b %}` branch (line 4) of its `{% if a %}` (line 3)]",
    ]);
    expect(server('{%- for h in headers %}', hsts, '{%- endfor %}')).toEqual([
      "ansible/roles/web/templates/site.j2:4 nginx add_header Strict-Transport-Security (max-age=31536000, always) [when the template's `{% for h in headers %}` (line 3) loops at least once]",
    ]);
    expect(server('{% macro hsts() %}', hsts, '{% endmacro %}')).toEqual([]);
    expect(server('{% set block %}', hsts, '{% endset %}')).toEqual([]);
    expect(server('{# ' + hsts.trim() + ' #}', '{% raw %}{% endraw %}')).toEqual([]);
  });

  it('a `*.conf` with Jinja tags is read the same way', () => {
    const r = proxyFactsIn([{ rel: 'deploy/templates/nginx.conf', text: lines('server {', '{% if tls %}', '    listen 443 ssl;', '    add_header Strict-Transport-Security "max-age=31536000";', '{% endif %}', '}') }]);
    expect(r.hsts.map(show)).toEqual([
      "deploy/templates/nginx.conf:4 nginx add_header Strict-Transport-Security (max-age=31536000, without `always`: not on error responses) [when the template's `{% if tls %}` (line 2) holds]",
    ]);
  });
});

describe('which files count (real Workspace and scan)', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  function repo(files: Record<string, string>): string {
    const dir = mkdtempSync(join(tmpdir(), 'dlg-proxy-'));
    dirs.push(dir);
    for (const [rel, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, rel)), { recursive: true });
      writeFileSync(join(dir, rel), text);
    }
    return dir;
  }

  const manage = lines('import os', 'os.environ.setdefault("DJANGO_SETTINGS_MODULE", "app.settings")');
  const django = (root: string): Record<string, string> => ({
    [`${root}manage.py`]: manage,
    [`${root}app/__init__.py`]: '',
    [`${root}app/settings.py`]: lines('MIDDLEWARE = ["django.middleware.security.SecurityMiddleware"]'),
  });
  const hstsConf = lines('server {', '    listen 443 ssl;', '    add_header Strict-Transport-Security "max-age=31536000" always;', '}');
  const hostSite = lines('example.org {', '    reverse_proxy web:8000', '}');

  it('dev/test/docs folders, dev-named variants and docker-compose.override.yml do not count', () => {
    const ctx = scan(
      repo({
        ...django(''),
        'docker/dev/nginx.conf': hstsConf,
        'docs/deploy/nginx.conf': hstsConf,
        'examples/Caddyfile': hostSite,
        'nginx.local.conf': hstsConf,
        'Caddyfile.dev': hostSite,
        'docker-compose.override.yml': lines('services:', '  traefik:', '    command: --entrypoints.web.http.redirections.entrypoint.to=websecure'),
        '{{ cookiecutter.project_slug }}/Caddyfile': hostSite,
      }),
    );
    expect(proxyHttps(ctx, ctx.projects[0])).toEqual({ hsts: [], redirect: [], frameOptions: [], nosniff: [] });
  });

  it('a production Caddyfile and an nginx config read through the Workspace (Caddyfile.*, sites-available without extension)', () => {
    const ctx = scan(repo({ ...django(''), 'proxy/Caddyfile.prod': hostSite, 'deploy/sites-available/app': hstsConf }));
    const r = proxyHttps(ctx, ctx.projects[0]);
    expect(r.redirect.map(show)).toEqual(["proxy/Caddyfile.prod:1 Caddy's automatic HTTPS for the site example.org"]);
    expect(r.hsts.map(show)).toEqual(['deploy/sites-available/app:3 nginx add_header Strict-Transport-Security (max-age=31536000, always)']);
  });

  it("a Caddy site address from the environment: the production compose file's default is named", () => {
    const compose = lines('services:', '  proxy:', '    image: caddy:2', '    environment:', '      SITE_ADDRESS: ${SITE_ADDRESS:-:80}', '    volumes:', '      - ./proxy/Caddyfile:/etc/caddy/Caddyfile');
    const ctx = scan(repo({ ...django(''), 'docker-compose.yml': compose, 'proxy/Caddyfile': lines('{$SITE_ADDRESS} {', '    reverse_proxy web:8000', '}') }));
    expect(proxyHttps(ctx, ctx.projects[0]).redirect.map(show)).toEqual([
      "proxy/Caddyfile:1 Caddy's automatic HTTPS for the site {$SITE_ADDRESS} [when SITE_ADDRESS is set to a host name (the deploy files give it `:80`, docker-compose.yml:5)]",
    ]);
  });

  it('Jinja templates: nginx by their content, or rendered under /etc/nginx by an Ansible task of their role; nothing else', () => {
    const snippet = lines('# {{ ansible_managed }}', 'add_header Strict-Transport-Security "max-age=63072000" always;');
    const ctx = scan(
      repo({
        ...django(''),
        'infra/ansible/roles/web/templates/site.j2': hstsConf,
        'infra/ansible/roles/web/templates/app.env.j2': lines('DJANGO_DEBUG={{ debug }}'),
        'ansible/roles/nginx/templates/hsts.j2': snippet,
        'ansible/roles/nginx/templates/other.j2': snippet,
        'ansible/roles/nginx/tasks/main.yml': lines(
          '- name: HSTS snippet',
          '  ansible.builtin.template:',
          '    src: hsts.j2',
          '    dest: /etc/nginx/snippets/hsts.conf',
          '- name: elsewhere',
          '  template: src=other.j2 dest=/srv/app/other.conf',
        ),
      }),
    );
    expect(ctx.workspace.deployFiles().filter((f) => f.nginxTemplate).map((f) => f.rel)).toEqual([
      'ansible/roles/nginx/templates/hsts.j2',
      'infra/ansible/roles/web/templates/site.j2',
    ]);
    expect(proxyHttps(ctx, ctx.projects[0]).hsts.map(show)).toEqual([
      'ansible/roles/nginx/templates/hsts.j2:2 nginx add_header Strict-Transport-Security (max-age=63072000, always)',
      'infra/ansible/roles/web/templates/site.j2:3 nginx add_header Strict-Transport-Security (max-age=31536000, always)',
    ]);
  });

  it("a config inside another project's folder speaks only for that project; one outside every project for all", () => {
    const ctx = scan(repo({ ...django('shop/'), ...django('blog/'), 'blog/nginx/blog.conf': hstsConf, 'proxy/Caddyfile': hostSite }));
    const shop = ctx.projects.find((p) => p.root === 'shop')!;
    const blog = ctx.projects.find((p) => p.root === 'blog')!;
    expect(proxyHttps(ctx, shop).hsts).toEqual([]);
    expect(proxyHttps(ctx, blog).hsts.map(show)).toEqual(['blog/nginx/blog.conf:3 nginx add_header Strict-Transport-Security (max-age=31536000, always)']);
    expect(proxyHttps(ctx, shop).redirect.map((f) => f.location.file)).toEqual(['proxy/Caddyfile']);
    expect(proxyHttps(ctx, blog).redirect.map((f) => f.location.file)).toEqual(['proxy/Caddyfile']);
  });
});
