/**
 * The BUNDLED action (`node dist/index.js`, or $DLG_DIST/index.js) with `mode: verify`, run the way a runner
 * runs it (INPUT_* and GITHUB_* variables, output and summary files), against the same real nginx + gunicorn
 * as live.test.ts: the hardened site passes (outputs, summary, a valid SARIF, no upload with upload: auto); a
 * faulty one fails the step with file-less annotations naming the URL; a site that cannot be reached is
 * result=error with one line. Skipped, with the reason, when the bundle predates verify (run npm run bundle).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../src/django/postgres';
import { tempDir } from '../deploy/app';
import { validateSarif } from '../support/multitool';
import { caSignedCert, testCa } from '../support/nginx';
import { parseOutputs, unescape } from '../support/workflow-commands';
import { cannotServe, collectStatic, HOST, serve, startGunicorn, type Gunicorn, type Served } from './servers';

const ROOT = resolve(__dirname, '..', '..');
const DIST = resolve(ROOT, process.env.DLG_DIST ?? 'dist');
const BUNDLE = join(DIST, 'index.js');

function whyNot(): string | undefined {
  if (!existsSync(BUNDLE)) return `${BUNDLE} does not exist — run npm run bundle`;
  // index.js and the chunks ncc splits off at its dynamic imports (`<id>.index.js`), where the action's code is
  const code = readdirSync(DIST).filter((f) => /^(\d+\.)?index\.js$/.test(f)).map((f) => readFileSync(join(DIST, f), 'utf8')).join('\n');
  if (!code.includes('The live site (HTTPS, headers, no debug page)')) return `${BUNDLE} predates verify (mode: verify) — run npm run bundle`;
  return cannotServe();
}

interface ActionRun {
  code: number | null;
  stdout: string;
  outputs: Record<string, string>;
  summary: string;
  errors: string[];
  ws: string;
}

let runs = 0;
async function runAction(tmp: string, inputs: Record<string, string>, extraEnv: Record<string, string>): Promise<ActionRun> {
  const ws = join(tmp, `ws${++runs}`);
  mkdirSync(ws, { recursive: true });
  const files = { output: join(ws, '.output'), summary: join(ws, '.summary.md') };
  for (const f of Object.values(files)) writeFileSync(f, '');
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^(GITHUB_|INPUT_|RUNNER_|ACTIONS_)/.test(k) && !/proxy/i.test(k) && k !== 'DLG_DEBUG') env[k] = v;
  Object.assign(env, {
    NO_COLOR: '1',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: ws,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_EVENT_NAME: 'schedule',
    GITHUB_REPOSITORY: 'octo/shop',
    GITHUB_WORKFLOW: 'Verify live site',
    GITHUB_JOB: 'verify',
    RUNNER_TEMP: ws,
    ...extraEnv,
  });
  // what action.yml's defaults give; the token stays empty: nothing here may reach GitHub
  for (const [k, v] of Object.entries({ mode: 'scan', 'fail-on': 'error', upload: 'auto', 'sarif-file': 'django-launch-gate.sarif', annotations: 'all', retries: '0', insecure: 'false', ...inputs })) {
    env[`INPUT_${k.toUpperCase()}`] = v;
  }
  const child = spawn(process.execPath, [BUNDLE], { cwd: ws, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stdout += d.toString()));
  const code = await new Promise<number | null>((res) => child.on('close', res));
  return {
    code,
    stdout,
    outputs: parseOutputs(readFileSync(files.output, 'utf8')),
    summary: readFileSync(files.summary, 'utf8'),
    errors: stdout.split('\n').filter((l) => l.startsWith('::error')).map(unescape),
    ws,
  };
}

const why = whyNot();
if (why) {
  it.skip(`the bundled action with mode: verify — skipped: ${why}`, () => {});
} else {
  describe('the bundled action, mode: verify, against real nginx + gunicorn', () => {
    let tmp: string;
    let ca: { cert: string; key: string };
    const gunicorns: Gunicorn[] = [];
    const sites: Served[] = [];
    let hardened: Served;
    let debug: Served;

    beforeAll(async () => {
      tmp = tempDir('dlg-verify-action-');
      const app = join(tmp, 'app');
      collectStatic(app);
      ca = testCa(join(tmp, 'ca'));
      const cert = caSignedCert(join(tmp, 'ca'), ca, HOST, 90);
      const [good, bad] = await Promise.all([startGunicorn(join(tmp, 'g1'), app), startGunicorn(join(tmp, 'g2'), app, { VERIFY_SITE_DEBUG: '1' })]);
      gunicorns.push(good, bad);
      hardened = await serve(join(tmp, 'n1'), { appDir: app, upstream: good.port, cert });
      debug = await serve(join(tmp, 'n2'), { appDir: app, upstream: bad.port, cert });
      sites.push(hardened, debug);
    }, 120_000);

    afterAll(async () => {
      await Promise.all([...sites, ...gunicorns].map((s) => s.stop()));
      if (tmp) rmSync(tmp, { recursive: true, force: true });
    });

    it('the hardened site: the step passes, outputs as for the scan, a valid SARIF, the summary, no upload', async () => {
      const r = await runAction(tmp, { mode: 'verify', url: hardened.url, 'http-url': hardened.httpUrl, retries: '2', 'fail-on': 'warning' }, { NODE_EXTRA_CA_CERTS: ca.cert });
      expect(r.code, r.stdout).toBe(0);
      expect(r.errors).toEqual([]);
      expect(r.outputs).toMatchObject({ result: 'pass', errors: '0', warnings: '0', notes: '0', upload: 'skipped', 'sarif-id': '' });
      expect(r.outputs['sarif-file']).toBe(join(r.ws, 'django-launch-gate.sarif'));
      expect(r.summary).toContain('0 errors, 0 warnings, 0 notes — live site passes (fail-on: warning)');
      expect(r.summary).toContain(`- Site ${hardened.url} (HTTP side: ${hardened.httpUrl})`);
      expect(r.summary).toMatch(/mode: verify — a live site's findings are URLs, not code locations/);
      const sarif = readFileSync(r.outputs['sarif-file'], 'utf8');
      expect(JSON.parse(sarif).runs[0].originalUriBaseIds.SITE.uri).toBe(hardened.url);
      expect(validateSarif(tmp, sarif, 'action-hardened').errors).toEqual([]);
    }, 120_000);

    it('DEBUG on: the step fails; annotations carry the URL, not a file', async () => {
      const r = await runAction(tmp, { mode: 'verify', url: debug.url, 'http-url': debug.httpUrl }, { NODE_EXTRA_CA_CERTS: ca.cert });
      expect(r.code).toBe(1);
      expect(r.outputs).toMatchObject({ result: 'fail', errors: '2', upload: 'skipped' });
      const annotations = r.errors.filter((l) => l.includes('launch.E314'));
      expect(annotations).toHaveLength(2);
      for (const a of annotations) {
        expect(a).toMatch(/^::error title=launch\.E314: The site serves Django's debug pages \(DEBUG = True in production\) \(https:\/\/127\.0\.0\.1:\d+\/[^)]*\)::/);
        expect(a).not.toContain('file=');
      }
      expect(r.errors.at(-1)).toMatch(new RegExp(`^::error::django-launch-gate: the live site ${debug.url.replace(/[.]/g, '\\.')} fails on 2 findings at or above fail-on=error`));
      expect(r.summary).toContain('launch.E314');
    }, 120_000);

    it('a site that cannot be reached: result error, one line', async () => {
      const url = `https://${HOST}:${await freePort()}/`;
      const r = await runAction(tmp, { mode: 'verify', url }, {});
      expect(r.code).toBe(1);
      expect(r.outputs.result).toBe('error');
      expect(r.errors.at(-1)).toMatch(new RegExp(`^::error::django-launch-gate: ${url.replace(/[.]/g, '\\.')} could not be reached: ECONNREFUSED .* — check the URL and that the site is up`));
    }, 60_000);

    it('bad input: a url without mode: verify is one error line, before any request', async () => {
      const r = await runAction(tmp, { url: hardened.url }, {});
      expect(r.code).toBe(1);
      expect(r.outputs.result).toBe('error');
      expect(r.errors).toEqual(['::error::django-launch-gate: input url is set but mode is scan — add mode: verify to check the live site']);
    }, 60_000);
  });
}
