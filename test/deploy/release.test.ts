/**
 * workflows/deploy/release.sh for real, under dash: a local git remote holding test/fixtures/deploy-app, a
 * throwaway PostgreSQL cluster, virtualenvs that see Debian's Django (VENV_ARGS=--system-site-packages; pip
 * runs with --no-index), and gunicorn started the way workflows/server/gunicorn.service starts it (its
 * ExecStart line) and reloaded the way it reloads it (HUP). Then the reference server files: the units
 * verified by systemd-analyze against the deployed layout, and nginx-site.conf served by real nginx in front
 * of that gunicorn.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, freePort, type RunResult } from '../../src/django/postgres';
import { STRONG_SECRET_KEY } from '../support/django';
import { nginxTest, referenceSite, selfSignedCert, startNginx, writeNginxConf, type Nginx } from '../support/nginx';
import { useCluster } from '../support/postgres';
import { BROKEN, canRunApp, copyApp, eventually, FIXTURE, get, has, insecure, oneLine, psql, PY, scriptEnv, sh, tempDir, V2, WORKFLOWS, writeFiles } from './app';

const RELEASE = join(WORKFLOWS, 'deploy', 'release.sh');
const SERVER = join(WORKFLOWS, 'server');
const HOST = 'app.example.test';
const NAME = /^\d{8}T\d{6}Z-[0-9a-f]{7,}$/;

function git(cwd: string, ...args: string[]): string {
  const r = spawnSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.test', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.test', GIT_CONFIG_NOSYSTEM: '1', HOME: cwd },
  });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout.trim();
}

describe.skipIf(!canRunApp || !has('git') || !has('dash'))('release.sh', () => {
  const pg = useCluster();
  let tmp: string;
  let remote: string;
  let app: string;
  let port: number;
  const sha: Record<string, string> = {};
  let restartScript: string;
  let env: Record<string, string | undefined>;
  /** release names by what they hold, in the order the tests made them */
  const made: Record<string, string> = {};

  const current = (): string => readlinkSync(join(app, 'current'));
  const releases = (): string[] => readdirSync(join(app, 'releases')).sort();
  const release = (args: string[], extra: Record<string, string> = {}, stdin = false): Promise<RunResult> => sh(RELEASE, args, { ...env, ...extra }, { stdin });
  const gunicornPid = (): number | undefined => {
    try {
      return Number(readFileSync(join(tmp, 'gunicorn.pid'), 'utf8').trim()) || undefined;
    } catch {
      return undefined;
    }
  };
  const home = () => get(`http://127.0.0.1:${port}/`, HOST, { 'X-Forwarded-Proto': 'https' });
  /** gunicorn answers with this version (after a graceful reload, old workers may answer for a moment) */
  const serves = (version: string) =>
    eventually(`gunicorn serving notes v${version}`, async () => {
      const r = await home();
      return r.status === 200 && r.body.startsWith(`notes v${version}:`) ? r.body : undefined;
    });
  const columns = async (): Promise<string[]> =>
    (await psql(pg.cluster, 'notes', "SELECT column_name FROM information_schema.columns WHERE table_name = 'notes_note' ORDER BY 1")).split('\n');
  const applied = async (): Promise<string[]> => (await psql(pg.cluster, 'notes', "SELECT name FROM django_migrations WHERE app = 'notes' ORDER BY 1")).split('\n');

  beforeAll(async () => {
    tmp = tempDir('dlg-release-');
    port = await freePort();

    // the remote: main = v1 (tag v1) then v2 (tag v2); branches broken and insecure on top of v2
    remote = join(tmp, 'remote.git');
    const work = join(tmp, 'work');
    git(tmp, 'init', '--quiet', '--bare', remote);
    copyApp(work);
    git(work, 'init', '--quiet', '-b', 'main');
    git(work, 'add', '-A');
    git(work, 'commit', '--quiet', '-m', 'v1');
    git(work, 'tag', 'v1');
    writeFiles(work, V2);
    git(work, 'add', '-A');
    git(work, 'commit', '--quiet', '-m', 'v2: a nullable column');
    git(work, 'tag', 'v2');
    git(work, 'checkout', '--quiet', '-b', 'broken');
    writeFiles(work, BROKEN);
    git(work, 'add', '-A');
    git(work, 'commit', '--quiet', '-m', 'v3: a migration that fails');
    git(work, 'checkout', '--quiet', '-b', 'insecure', 'v2');
    writeFiles(work, insecure(readFileSync(join(FIXTURE, 'site_app', 'settings.py'), 'utf8')));
    git(work, 'add', '-A');
    git(work, 'commit', '--quiet', '-m', 'DEBUG on, and a migration');
    git(work, 'remote', 'add', 'origin', remote);
    git(work, 'push', '--quiet', 'origin', 'main', 'broken', 'insecure', '--tags');
    for (const t of ['v1', 'v2', 'broken', 'insecure']) sha[t] = git(work, 'rev-parse', `${t}^{commit}`);

    // the server: APP_DIR with shared/.env and shared/media, the database
    app = join(tmp, 'srv', 'app');
    mkdirSync(join(app, 'shared', 'media'), { recursive: true });
    writeFileSync(join(app, 'shared', 'media', 'hello.txt'), 'hello from shared/media\n');
    const { admin } = pg.cluster;
    await createDatabase(admin, 'notes', { psqlDir: pg.cluster.bin });
    writeFileSync(
      join(app, 'shared', '.env'),
      [
        '# KEY=value, single-quoted when the value has characters a shell would read',
        `DJANGO_SECRET_KEY='${STRONG_SECRET_KEY}'`,
        `DJANGO_ALLOWED_HOSTS=${HOST}`,
        `DATABASE_URL=postgres://${admin.user}:${encodeURIComponent(admin.password ?? '')}@${admin.host}:${admin.port}/notes`,
        '',
      ].join('\n'),
    );

    // RELEASE_RESTART: gunicorn.service's ExecStart (first start) or ExecReload (HUP), with its EnvironmentFile
    const unit = readFileSync(join(SERVER, 'gunicorn.service'), 'utf8');
    const execStart = /^ExecStart=(.*)$/m.exec(unit)![1];
    const command = execStart
      .replaceAll('/srv/app', app)
      .replace('--bind 127.0.0.1:8000', `--bind 127.0.0.1:${port}`)
      .replace(/ config\.wsgi$/, ` --daemon --pid ${join(tmp, 'gunicorn.pid')} --error-logfile ${join(tmp, 'gunicorn.log')} site_app.wsgi`);
    expect(command).toContain(`${app}/current/venv/bin/python -m gunicorn --chdir ${app}/current --bind 127.0.0.1:${port}`);
    expect(command).toContain('site_app.wsgi');
    restartScript = join(tmp, 'restart.sh');
    writeFileSync(
      restartScript,
      [
        'pid=$(cat ' + join(tmp, 'gunicorn.pid') + ' 2>/dev/null)',
        'if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then exec kill -s HUP "$pid"; fi',
        `set -a; . ${app}/shared/.env; set +a`,
        `exec ${command}`,
        '',
      ].join('\n'),
    );

    env = scriptEnv({
      PYTHON: PY,
      VENV_ARGS: '--system-site-packages',
      PIP_INSTALL: 'python -m pip install --disable-pip-version-check --no-input --no-index',
      RELEASE_RESTART: `sh ${restartScript}`,
      LOCK_WAIT: '120',
    });
  }, 120_000);

  afterAll(() => {
    const pid = gunicornPid();
    if (pid) {
      try {
        process.kill(pid, 'SIGTERM');
      } catch {
        // already gone
      }
      for (let i = 0; i < 50 && existsSync(`/proc/${pid}`); i++) spawnSync('sleep', ['0.1']);
    }
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('deploys a release: current switches atomically, migrations run, static files collected, the app answers', async () => {
    const r = await release([app, remote, 'v1']);
    expect(r.stderr, r.stdout).toBe('');
    expect(r.code, r.stdout).toBe(0);
    const name = current().replace(/^releases\//, '');
    expect(current()).toBe(`releases/${name}`); // relative: APP_DIR can move
    expect(name).toMatch(NAME);
    expect(sha.v1.startsWith(name.split('-')[1])).toBe(true); // <UTC time>-<short sha>
    made.v1 = name;
    const dir = join(app, 'releases', name);
    expect(readFileSync(join(dir, 'REVISION'), 'utf8').trim()).toBe(sha.v1);
    expect(existsSync(join(dir, 'venv', 'bin', 'python'))).toBe(true);
    expect(existsSync(join(dir, 'staticfiles', 'staticfiles.json'))).toBe(true);
    expect(lstatSync(join(dir, 'media')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, 'media'))).toBe(join(app, 'shared', 'media'));
    expect(r.stdout).toMatch(/release\.sh: check --deploy\n[\s\S]*release\.sh: collectstatic\n[\s\S]*release\.sh: migrate\n[\s\S]*release\.sh: switch: current → releases\//);
    expect(await applied()).toEqual(['0001_initial']);

    // manage.py from current, with shared/.env, in the release's venv
    const check = spawnSync('sh', ['-c', `set -a; . ${app}/shared/.env; set +a; cd ${app}/current && venv/bin/python manage.py check --deploy --fail-level WARNING`], { encoding: 'utf8', env: scriptEnv() });
    expect(check.status, check.stderr).toBe(0);
    // gunicorn (started by RELEASE_RESTART with the unit's ExecStart) serves it, from PostgreSQL
    expect(await serves('1')).toBe('notes v1: 0 notes\n');
  }, 240_000);

  it('a second release switches current, and gunicorn\'s graceful reload (HUP) serves the new code', async () => {
    const pid = gunicornPid();
    const r = await release([app, remote, 'main']); // a branch: main is at v2
    expect(r.code, r.stdout + r.stderr).toBe(0);
    made.v2 = current().replace(/^releases\//, '');
    expect(made.v2).toContain(sha.v2.slice(0, 7));
    expect(releases()).toEqual([made.v1, made.v2]);
    await serves('2');
    expect(gunicornPid()).toBe(pid); // reloaded, not restarted
    expect(await columns()).toEqual(['done', 'id', 'text']);
  }, 240_000);

  it('a release whose migration fails exits 1 with one line naming migrate; current keeps serving the previous release; PostgreSQL rolled the migration back', async () => {
    const r = await release([app, remote, 'broken']);
    expect(r.code, r.stdout).toBe(1);
    expect(oneLine(r)).toBe(`release.sh: migrate failed (exit 1) — current still points to releases/${made.v2}`);
    expect(r.stdout).toMatch(/division by zero/);
    expect(current()).toBe(`releases/${made.v2}`);
    expect(releases()).toEqual([made.v1, made.v2]); // the half-built release is gone
    await serves('2');
    // one transaction per migration: the column 0003 added before failing is not there, nor is 0003 recorded
    expect(await columns()).toEqual(['done', 'id', 'text']);
    expect(await applied()).toEqual(['0001_initial', '0002_note_done']);
  }, 240_000);

  it('check --deploy runs before migrate: a release with DEBUG on fails there and its migration never runs', async () => {
    const r = await release([app, remote, 'insecure']);
    expect(r.code, r.stdout).toBe(1);
    expect(oneLine(r)).toBe(`release.sh: check --deploy failed (exit 1) — current still points to releases/${made.v2}`);
    expect(r.stdout).toMatch(/security\.W018/);
    expect(await columns()).toEqual(['done', 'id', 'text']);
    expect(current()).toBe(`releases/${made.v2}`);
    expect(releases()).toEqual([made.v1, made.v2]);
  }, 240_000);

  it('--rollback switches back to the previous release, which runs on the new schema (expand/contract)', async () => {
    const r = await release(['--rollback', app]);
    expect(r.stderr).toBe('');
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toContain(`release.sh: rolled back: current → releases/${made.v1} (was releases/${made.v2}; its migrations stay applied)`);
    expect(current()).toBe(`releases/${made.v1}`);
    await serves('1');
    expect(await columns()).toEqual(['done', 'id', 'text']); // never migrated backwards
    expect(existsSync(join(app, 'releases', made.v2, '.rolled-back'))).toBe(true);

    const again = await release(['--rollback', app]);
    expect(again.code).toBe(1);
    expect(oneLine(again)).toBe(`release.sh: rollback failed (no deployed release before releases/${made.v1}) — current still points to releases/${made.v1}`);
    expect(current()).toBe(`releases/${made.v1}`);
  }, 240_000);

  it('after a rollback, the next release\'s previous one skips the rolled-back release (this deploy reads release.sh from stdin, as `ssh host sh -s -- …` does)', async () => {
    const r = await release([app, remote, 'v2'], {}, true);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    made.v2b = current().replace(/^releases\//, '');
    await serves('2');
    const back = await release(['--rollback', app]);
    expect(back.code, back.stdout + back.stderr).toBe(0);
    expect(current()).toBe(`releases/${made.v1}`); // not the rolled-back made.v2
    await serves('1');
  }, 240_000);

  it('KEEP_RELEASES keeps the newest releases, never current or the one before it, and clears unfinished ones', async () => {
    const leftover = join(app, 'releases', '20000101T000000Z-0000000');
    mkdirSync(leftover); // a deploy killed while building: never deployed
    const r = await release([app, remote, sha.v2], { KEEP_RELEASES: '2' }); // a commit
    expect(r.code, r.stdout + r.stderr).toBe(0);
    made.v2c = current().replace(/^releases\//, '');
    // made.v2 and made.v2b were rolled back: the one before current, for --rollback, is made.v1
    expect(releases()).toEqual([made.v1, made.v2b, made.v2c]);
    expect(r.stdout).toContain('release.sh: prune: removing releases/20000101T000000Z-0000000 (a deploy that did not finish)');

    // KEEP_RELEASES=1 still keeps the previous release, for --rollback
    const one = await release([app, remote, 'v1'], { KEEP_RELEASES: '1' });
    expect(one.code, one.stdout + one.stderr).toBe(0);
    made.v1b = current().replace(/^releases\//, '');
    expect(releases()).toEqual([made.v2c, made.v1b]);
    await serves('1');
  }, 240_000);

  describe.each(['flock', 'mkdir'])('the lock (%s)', (method) => {
    it('two deploys at once: with LOCK_WAIT=0 the second fails on the lock, naming it; only one switches', async () => {
      const before = releases();
      const [a, b] = await Promise.all([
        release([app, remote, 'v2'], { RELEASE_LOCK: method, LOCK_WAIT: '0' }),
        release([app, remote, 'v2'], { RELEASE_LOCK: method, LOCK_WAIT: '0' }),
      ]);
      const codes = [a.code, b.code].sort();
      expect(codes, a.stdout + a.stderr + b.stdout + b.stderr).toEqual([0, 3]);
      const loser = a.code === 3 ? a : b;
      const lock = method === 'flock' ? `${app}/.release.lock` : `${app}/.release.lock.d`;
      expect(oneLine(loser)).toMatch(new RegExp(`^release\\.sh: another deploy holds the lock ${lock.replace(/\./g, '\\.')}(?: \\(pid \\d+\\))? — not waiting \\(LOCK_WAIT=0\\)$`));
      const added = releases().filter((x) => !before.includes(x));
      expect(added).toHaveLength(1);
      expect(current()).toBe(`releases/${added[0]}`);
      await serves('2');
      expect(existsSync(join(app, '.release.lock.d'))).toBe(false); // the mkdir lock is released
    }, 240_000);

    it('two deploys at once: by default the second waits, then deploys — never both in the critical section', async () => {
      const order = join(tmp, `order-${method}.log`);
      const pip = join(tmp, 'pip-logged.sh');
      writeFileSync(pip, `echo pip >> ${order}\nexec python -m pip install --disable-pip-version-check --no-input --no-index "$@"\n`);
      const extra = { RELEASE_LOCK: method, PIP_INSTALL: `sh ${pip}`, RELEASE_RESTART: `echo restart >> ${order} && sh ${restartScript}` };
      const before = releases();
      const [a, b] = await Promise.all([release([app, remote, 'v1'], extra), release([app, remote, 'v1'], extra)]);
      expect(a.code, a.stdout + a.stderr).toBe(0);
      expect(b.code, b.stdout + b.stderr).toBe(0);
      expect(`${a.stdout}\n${b.stdout}`).toMatch(/release\.sh: waiting up to 600 s for the lock|release\.sh: waiting up to 120 s for the lock/);
      // one deploy's pip install and switch+restart, then the other's: never interleaved
      expect(readFileSync(order, 'utf8').split('\n').filter(Boolean)).toEqual(['pip', 'restart', 'pip', 'restart']);
      const added = releases().filter((x) => !before.includes(x));
      expect(added).toHaveLength(2);
      expect(current()).toBe(`releases/${added.sort()[1]}`);
      await serves('1');
    }, 240_000);
  });

  it('a stale mkdir lock (its deploy is gone) stops the deploy with a message naming the lock', async () => {
    const dead = spawnSync('true').pid;
    const lock = join(app, '.release.lock.d');
    mkdirSync(lock);
    writeFileSync(join(lock, 'pid'), `${dead}\n`);
    const before = current();
    try {
      const r = await release([app, remote, 'v2'], { RELEASE_LOCK: 'mkdir' });
      expect(r.code).toBe(3);
      expect(oneLine(r)).toBe(`release.sh: stale lock ${lock}: its deploy (pid ${dead}) is not running — remove the folder if no deploy is running`);
      expect(current()).toBe(before);
      expect(existsSync(lock)).toBe(true); // never removed behind the operator's back
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }, 60_000);

  it('a restart command that fails after the switch exits 4, naming the new current and how to go back', async () => {
    const before = current().replace(/^releases\//, '');
    const r = await release([app, remote, 'v2'], { RELEASE_RESTART: 'echo cannot reload >&2; exit 7' });
    expect(r.code, r.stdout).toBe(4);
    const now = current().replace(/^releases\//, '');
    expect(oneLine(r)).toBe(`release.sh: restart failed (exit 7) — current now points to releases/${now}; the previous release is releases/${before} (release.sh --rollback ${app} switches back)`);
    expect(r.stdout).toContain('cannot reload'); // the command's own output, on stdout
    const back = await release(['--rollback', app]);
    expect(back.code, back.stdout + back.stderr).toBe(0);
    expect(current()).toBe(`releases/${before}`);
  }, 240_000);

  it('bad input is exit 2 with the usage line; a REF the remote does not have fails at fetch', async () => {
    const none = await release([]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^usage: release\.sh APP_DIR REPO_URL REF \| release\.sh --rollback APP_DIR\nrelease\.sh: expected 3 arguments, got 0\n$/);
    const keep = await release([app, remote, 'v2'], { KEEP_RELEASES: 'all' });
    expect(keep.code).toBe(2);
    expect(keep.stderr).toContain("KEEP_RELEASES must be a whole number ≥ 1, not 'all'");
    const before = current();
    const missing = await release([app, remote, 'no-such-branch']);
    expect(missing.code).toBe(1);
    expect(oneLine(missing)).toBe(`release.sh: fetch failed (no-such-branch is no branch, tag or commit of ${remote}) — current still points to ${before}`);
  }, 120_000);

  it.skipIf(!has('shellcheck'))('is shellcheck-clean (POSIX sh)', () => {
    const r = spawnSync('shellcheck', ['--shell=sh', RELEASE], { encoding: 'utf8' });
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  describe('reference server files', () => {
    it.skipIf(!has('systemd-analyze'))('gunicorn.service and celery.service pass systemd-analyze verify against the deployed layout', () => {
      const units = join(tmp, 'units');
      mkdirSync(units, { recursive: true });
      for (const unit of ['gunicorn.service', 'celery.service']) {
        const text = readFileSync(join(SERVER, unit), 'utf8');
        expect(text).toContain('/srv/app/current/venv/bin/python -m');
        expect(text).toMatch(/^EnvironmentFile=\/srv\/app\/shared\/\.env$/m);
        expect(text).toMatch(/^User=django$/m);
        expect(text).toMatch(/^NoNewPrivileges=yes$/m);
        writeFileSync(join(units, unit), text.replaceAll('/srv/app', app));
      }
      const gunicorn = readFileSync(join(SERVER, 'gunicorn.service'), 'utf8');
      expect(gunicorn).toMatch(/^Type=notify$/m);
      expect(gunicorn).toMatch(/^ExecReload=\/bin\/kill -s HUP \$MAINPID$/m);
      const r = spawnSync('systemd-analyze', ['verify', join(units, 'gunicorn.service'), join(units, 'celery.service')], { encoding: 'utf8' });
      expect(r.stdout + r.stderr).toBe('');
      expect(r.status).toBe(0);
    });

    it.skipIf(!has('nginx') || !has('openssl'))('nginx-site.conf: nginx -t passes, and real nginx in front of the release serves it as documented', async () => {
      const dir = join(tmp, 'nginx');
      mkdirSync(join(dir, 'acme'), { recursive: true });
      const { cert, key } = selfSignedCert(dir, HOST);
      const [http, https] = [await freePort(), await freePort()];
      const site = referenceSite({ host: HOST, http, https, cert, key, appDir: app, upstream: port, acme: join(dir, 'acme') });
      const conf = writeNginxConf(dir, site);
      const t = nginxTest(dir, conf);
      expect(t.status, t.stderr).toBe(0);
      expect(t.stderr).toMatch(/syntax is ok[\s\S]*test is successful/);
      expect(t.stderr).not.toMatch(/\[(warn|emerg|alert)\]/);

      let nginx: Nginx | undefined;
      try {
        nginx = startNginx(dir, conf);
        const base = `https://127.0.0.1:${https}`;
        const home = await eventually('nginx answering', async () => {
          const r = await get(`${base}/`, HOST);
          return r.status === 200 ? r : undefined;
        });
        // Host and X-Forwarded-Proto reach Django: ALLOWED_HOSTS accepts it and SECURE_SSL_REDIRECT does not redirect
        expect(home.body).toMatch(/^notes v\d: 0 notes/);
        const securityHeaders = (r: Awaited<ReturnType<typeof get>>, what: string) => {
          // each once (Django's copies hidden), on every response
          expect(r.raw.get('strict-transport-security'), what).toEqual(['max-age=31536000; includeSubDomains']);
          expect(r.raw.get('x-content-type-options'), what).toEqual(['nosniff']);
          expect(r.raw.get('x-frame-options'), what).toEqual(['DENY']);
          expect(r.raw.get('referrer-policy'), what).toEqual(['strict-origin-when-cross-origin']);
        };
        securityHeaders(home, 'the home page (proxied)');

        // HTTP → HTTPS, same host and path
        const redirect = await get(`http://127.0.0.1:${http}/notes/?page=2`, HOST);
        expect(redirect.status).toBe(301);
        expect(redirect.headers.location).toBe(`https://${HOST}/notes/?page=2`);

        // /static/ from current/staticfiles (a hashed name from the manifest), cached
        const manifest = JSON.parse(readFileSync(join(app, 'current', 'staticfiles', 'staticfiles.json'), 'utf8')) as { paths: Record<string, string> };
        const css = await get(`${base}/static/${manifest.paths['site.css']}`, HOST);
        expect(css.status).toBe(200);
        expect(css.headers['content-type']).toBe('text/css');
        expect(css.body).toContain('font-family');
        expect(css.headers['cache-control']).toBe('max-age=31536000');
        securityHeaders(css, 'a static file');
        // nginx's own error page still carries the headers (always)
        const missing = await get(`${base}/static/missing.css`, HOST);
        expect(missing.status).toBe(404);
        securityHeaders(missing, "nginx's 404");
        // Django's 404 too
        const notFound = await get(`${base}/no-such-page/`, HOST);
        expect(notFound.status).toBe(404);
        securityHeaders(notFound, "Django's 404");

        // /media/ from shared/media
        const media = await get(`${base}/media/hello.txt`, HOST);
        expect(media.status).toBe(200);
        expect(media.body).toBe('hello from shared/media\n');

        // the login path: a burst of 5 beyond the first request, then 429 — with the headers
        const statuses: number[] = [];
        let limited: Awaited<ReturnType<typeof get>> | undefined;
        for (let i = 0; i < 12; i++) {
          const r = await get(`${base}/accounts/login/`, HOST);
          statuses.push(r.status);
          if (r.status === 429) limited = r;
        }
        expect(statuses.slice(0, 6)).toEqual([200, 200, 200, 200, 200, 200]);
        expect(statuses.slice(6)).toEqual([429, 429, 429, 429, 429, 429]);
        securityHeaders(limited!, 'the 429');
        // other paths are not throttled
        expect((await get(`${base}/`, HOST)).status).toBe(200);
      } finally {
        await nginx?.stop();
      }
    }, 120_000);

    it('nginx-site.conf forwards Host, X-Forwarded-For and X-Forwarded-Proto', () => {
      const site = readFileSync(join(SERVER, 'nginx-site.conf'), 'utf8');
      expect(site).toMatch(/^\s*proxy_set_header Host \$host;$/m);
      expect(site).toMatch(/^\s*proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;$/m);
      expect(site).toMatch(/^\s*proxy_set_header X-Forwarded-Proto \$scheme;$/m);
      expect(site).toMatch(/^\s*limit_req_status 429;$/m);
    });
  });
});
