/**
 * The live sites verify is tested against, for real, on loopback: test/verify/site (Django) under Debian's
 * gunicorn, behind Debian's nginx-light running workflows/server/nginx-site.conf (test/support/nginx.ts), with
 * a certificate from a throwaway CA (trusted through NODE_EXTRA_CA_CERTS) or a self-signed one.
 *
 * The hardened configuration is the reference site with what a test machine needs (loopback ports; the
 * HTTP → HTTPS redirect and the Host header keep the port, so redirects come back to the test's ports) and
 * its commented Content-Security-Policy switched on. Each fault is one change to it: a Django setting from an
 * environment variable (site/README.md), or one edit of the nginx site.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { freePort } from '../../src/django/postgres';
import { eventually, get, has, PY, scriptEnv } from '../deploy/app';
import { edit, nginxTest, referenceSite, startNginx, writeNginxConf, type Nginx } from '../support/nginx';

export const SITE = resolve(__dirname, 'site');
export const HOST = '127.0.0.1';

/** Why these tests cannot run here, or undefined. */
export function cannotServe(): string | undefined {
  if (!has('nginx')) return 'nginx is not installed (apt-get install nginx-light)';
  if (!has('openssl')) return 'openssl is not installed';
  if (spawnSync(PY, ['-c', 'import django, gunicorn'], { encoding: 'utf8' }).status !== 0) return `${PY} cannot import django and gunicorn (apt-get install python3-django gunicorn)`;
  return undefined;
}

/** Collect the site's static files into APP_DIR/current/staticfiles (what nginx-site.conf serves at /static/). */
export function collectStatic(appDir: string): void {
  mkdirSync(join(appDir, 'shared', 'media'), { recursive: true });
  const r = spawnSync(PY, ['manage.py', 'collectstatic', '--noinput'], {
    cwd: SITE,
    encoding: 'utf8',
    env: scriptEnv({ VERIFY_SITE_STATIC_ROOT: join(appDir, 'current', 'staticfiles'), PYTHONDONTWRITEBYTECODE: '1' }),
  });
  if (r.status !== 0) throw new Error(`collectstatic: ${r.stderr}`);
}

export interface Gunicorn {
  port: number;
  stop(): Promise<void>;
}

/**
 * gunicorn serving the site with the given VERIFY_SITE_* variables; resolves when it answers.
 *
 * gunicorn itself trusts X-Forwarded-Proto from the addresses in forwarded_allow_ips (default 127.0.0.1), which
 * would hide a missing SECURE_PROXY_SSL_HEADER whenever nginx is on the same host. These run as gunicorn runs
 * behind a proxy on another address (nginx in another container): trusting no proxy (FORWARDED_ALLOW_IPS
 * empty), so Django's own settings decide, as they do there.
 */
export async function startGunicorn(dir: string, appDir: string, env: Record<string, string> = {}, port?: number): Promise<Gunicorn> {
  port ??= await freePort();
  mkdirSync(dir, { recursive: true });
  const child: ChildProcess = spawn(
    PY,
    ['-m', 'gunicorn', '--chdir', SITE, '--bind', `127.0.0.1:${port}`, '--workers', '1', '--error-logfile', join(dir, 'gunicorn.log'), 'verifysite.wsgi'],
    { env: scriptEnv({ ...env, FORWARDED_ALLOW_IPS: '', VERIFY_SITE_STATIC_ROOT: join(appDir, 'current', 'staticfiles'), PYTHONDONTWRITEBYTECODE: '1' }), stdio: 'ignore' },
  );
  const stop = async () => {
    const pid = child.pid;
    if (!pid || child.exitCode !== null) return;
    child.kill('SIGTERM');
    for (let i = 0; i < 100 && existsSync(`/proc/${pid}`) && child.exitCode === null; i++) await new Promise((r) => setTimeout(r, 100));
  };
  try {
    const bound = port;
    await eventually(`gunicorn on ${bound}`, async () => {
      if (child.exitCode !== null) throw new Error(`gunicorn exited ${child.exitCode} (see ${join(dir, 'gunicorn.log')})`);
      const r = await get(`http://127.0.0.1:${bound}/`, HOST, { 'X-Forwarded-Proto': 'https' });
      return r.status > 0 ? true : undefined;
    });
  } catch (e) {
    await stop();
    throw e;
  }
  return { port: port, stop };
}

/** The reference site as served on loopback: redirects and Host keep the test's port (its CSP is on as shipped). */
export function hardenedSite(site: string, https: number): string {
  let s = edit(site, 'return 301 https://$host$request_uri;', `return 301 https://$host:${https}$request_uri;`);
  s = edit(s, 'proxy_set_header Host $host;', 'proxy_set_header Host $http_host;');
  return s;
}

export interface Served {
  /** https://127.0.0.1:PORT/ */
  url: string;
  /** http://127.0.0.1:PORT/ */
  httpUrl: string;
  stop(): Promise<void>;
}

/**
 * nginx with the hardened site, then `change` (a fault), in front of the gunicorn on `upstream`. nginx -t must
 * pass without warnings; resolves when nginx answers.
 */
export async function serve(
  dir: string,
  opts: { appDir: string; upstream: number; cert: { cert: string; key: string }; change?: (site: string, ports: { http: number; https: number }) => string },
): Promise<Served> {
  mkdirSync(join(dir, 'acme'), { recursive: true });
  const [http, https] = [await freePort(), await freePort()];
  let site = hardenedSite(referenceSite({ host: 'app.example.test', http, https, cert: opts.cert.cert, key: opts.cert.key, appDir: opts.appDir, upstream: opts.upstream, acme: join(dir, 'acme') }), https);
  if (opts.change) site = opts.change(site, { http, https });
  const conf = writeNginxConf(dir, site);
  const t = nginxTest(dir, conf);
  if (t.status !== 0 || /\[(warn|emerg|alert)\]/.test(t.stderr)) throw new Error(`nginx -t: ${t.stderr}`);
  const nginx: Nginx = startNginx(dir, conf);
  const url = `https://${HOST}:${https}/`;
  try {
    await eventually(`nginx on ${https}`, async () => ((await get(`http://${HOST}:${http}/`, HOST)).status > 0 ? true : undefined));
  } catch (e) {
    await nginx.stop();
    throw e;
  }
  return { url, httpUrl: `http://${HOST}:${http}/`, stop: () => nginx.stop() };
}
