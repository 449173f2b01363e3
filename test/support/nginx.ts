/**
 * Real nginx (Debian's nginx-light) on loopback for the tests: workflows/server/nginx-site.conf made to run in
 * a temp folder (its listen addresses, certificate, upstream and paths swapped — each swap checked to hit the
 * reference file exactly as often as expected, so a change there shows here), a self-signed certificate or
 * one from a throwaway CA (openssl), and nginx started in the foreground and stopped again.
 * Shared by test/deploy/release.test.ts and test/verify/.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect } from 'vitest';

export const REFERENCE_SITE = resolve(__dirname, '..', '..', 'workflows', 'server', 'nginx-site.conf');

export interface SiteSwaps {
  /** server_name of both servers. */
  host: string;
  /** loopback ports of the HTTP and HTTPS servers */
  http: number;
  https: number;
  cert: string;
  key: string;
  /** replaces /srv/app/ (APP_DIR: current/staticfiles, shared/media) */
  appDir: string;
  /** gunicorn's port (the upstream) */
  upstream: number;
  /** replaces /var/www/letsencrypt (the ACME challenge root) */
  acme: string;
}

/** nginx-site.conf with every deployment-specific value swapped for the test's (each swap counted). */
export function referenceSite(s: SiteSwaps): string {
  let site = readFileSync(REFERENCE_SITE, 'utf8');
  const swap = (from: string, to: string, times: number) => {
    expect(site.split(from).length - 1, `${from} in nginx-site.conf`).toBe(times);
    site = site.replaceAll(from, to);
  };
  swap('    listen 80;\n', `    listen 127.0.0.1:${s.http};\n`, 1);
  swap('    listen [::]:80;\n', '', 1);
  swap('    listen 443 ssl;\n', `    listen 127.0.0.1:${s.https} ssl;\n`, 1);
  swap('    listen [::]:443 ssl;\n', '', 1);
  swap('server_name example.com;', `server_name ${s.host};`, 2);
  swap('/etc/letsencrypt/live/example.com/fullchain.pem', s.cert, 1);
  swap('/etc/letsencrypt/live/example.com/privkey.pem', s.key, 1);
  swap('/srv/app/', `${s.appDir.replace(/\/+$/, '')}/`, 2);
  swap('server 127.0.0.1:8000;', `server 127.0.0.1:${s.upstream};`, 1);
  swap('/var/www/letsencrypt', s.acme, 2); // the comment's certbot command and the root
  return site;
}

/** A test's own change to a site: `from` must occur exactly `times` times. */
export function edit(site: string, from: string, to: string, times = 1): string {
  expect(site.split(from).length - 1, `${JSON.stringify(from)} in the nginx site`).toBe(times);
  return site.replaceAll(from, to);
}

/** nginx.conf (http { } around the site) in dir, with every path nginx writes inside dir. Returns its path. */
export function writeNginxConf(dir: string, site: string): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'site.conf'), site);
  const conf = join(dir, 'nginx.conf');
  writeFileSync(
    conf,
    `worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log;
events { worker_connections 64; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  include ${dir}/site.conf;
}
`,
  );
  return conf;
}

/** `nginx -t` on a conf written by writeNginxConf. */
export function nginxTest(dir: string, conf: string) {
  return spawnSync('nginx', ['-t', '-p', dir, '-e', join(dir, 'error.log'), '-c', conf], { encoding: 'utf8' });
}

export interface Nginx {
  process: ChildProcess;
  stop(): Promise<void>;
}

/** nginx in the foreground (daemon off), stopped with SIGTERM by stop(). */
export function startNginx(dir: string, conf: string): Nginx {
  const child = spawn('nginx', ['-p', dir, '-e', join(dir, 'error.log'), '-c', conf, '-g', 'daemon off;'], { stdio: 'ignore' });
  return {
    process: child,
    async stop() {
      const pid = child.pid;
      if (!pid || child.exitCode !== null) return;
      child.kill('SIGTERM');
      for (let i = 0; i < 100 && existsSync(`/proc/${pid}`) && child.exitCode === null; i++) await new Promise((r) => setTimeout(r, 100));
    },
  };
}

function openssl(args: string[]): void {
  const r = spawnSync('openssl', args, { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
}

/** A self-signed certificate for host (a DNS name or an IP address) in dir: { cert, key }. */
export function selfSignedCert(dir: string, host: string, days = 2, name = 'self'): { cert: string; key: string } {
  mkdirSync(dir, { recursive: true });
  const san = /^[\d.]+$/.test(host) ? `IP:${host}` : `DNS:${host}`;
  const cert = join(dir, `${name}.pem`);
  const key = join(dir, `${name}.key`);
  openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', String(days), '-subj', `/CN=${host}`, '-addext', `subjectAltName=${san}`, '-keyout', key, '-out', cert]);
  return { cert, key };
}

/** A throwaway CA in dir: { cert, key } (trust it with NODE_EXTRA_CA_CERTS=cert). */
export function testCa(dir: string): { cert: string; key: string } {
  mkdirSync(dir, { recursive: true });
  const cert = join(dir, 'ca.pem');
  const key = join(dir, 'ca.key');
  openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '30', '-subj', '/CN=django-launch-gate test CA', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign', '-keyout', key, '-out', cert]);
  return { cert, key };
}

/** A certificate for host signed by the CA, valid `days` days: { cert, key }. */
export function caSignedCert(dir: string, ca: { cert: string; key: string }, host: string, days: number, name = `server-${days}d`): { cert: string; key: string } {
  const san = /^[\d.]+$/.test(host) ? `IP:${host}` : `DNS:${host}`;
  const key = join(dir, `${name}.key`);
  const csr = join(dir, `${name}.csr`);
  const cert = join(dir, `${name}.pem`);
  const ext = join(dir, `${name}.ext`);
  writeFileSync(ext, `subjectAltName=${san}\nbasicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n`);
  openssl(['req', '-newkey', 'rsa:2048', '-nodes', '-subj', `/CN=${host}`, '-keyout', key, '-out', csr]);
  openssl(['x509', '-req', '-in', csr, '-CA', ca.cert, '-CAkey', ca.key, '-CAcreateserial', '-days', String(days), '-extfile', ext, '-out', cert]);
  return { cert, key };
}
