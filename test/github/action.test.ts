/**
 * The BUNDLED action (`node dist/index.js`, or $DLG_DIST/index.js) uploading to code scanning, run the way a
 * runner runs it: INPUT_* and GITHUB_* variables, a real event payload file, a real git checkout (a base
 * commit, a pull request head commit and a real merge commit), GITHUB_API_URL and the Actions results
 * service pointed at test/support/fake-github.ts, which enforces the endpoints' contracts.
 *
 * Covered: the right ref/sha for push, workflow_dispatch, pull_request (merge commit and head checked out)
 * and a fork's pull_request; processing failure surfaced with GitHub's message; fork / missing-permission /
 * Code Security off runs that pass the gate, name the missing permission and leave the SARIF as an
 * artifact; retries on 429 (retry-after honoured) and 500, none on 422; a poll time-out is a warning;
 * annotations on changed lines only; the baseline comparison in the summary; one upload per category; the
 * alerts code scanning opens for suppressed results dismissed as won't fix with their reason (and re-opened
 * when the suppression goes, never when dismissed by hand), a 403 on that a warning, every page of alerts read.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FakeGitHub } from '../support/fake-github';
import { validateSarif } from '../support/multitool';
import { parseOutputs, unescape } from '../support/workflow-commands';
import { git } from '../support/git';

const ROOT = resolve(__dirname, '..', '..');
const DIST = resolve(ROOT, process.env.DLG_DIST ?? 'dist');
const REPO = 'octo/shop';
const TOKEN = 'ghs_fakeWorkflowToken0123456789';
const SETTINGS = 'config/settings/production.py';

let work: string;
let origin: string;
const sha = { base: '', head: '', merge: '' };


beforeAll(() => {
  if (!existsSync(join(DIST, 'index.js'))) throw new Error(`${DIST} has no bundle: run \`node scripts/bundle.mjs --out ${DIST}\``);
  work = mkdtempSync(join(tmpdir(), 'dlg-action-'));
  origin = join(work, 'origin');
  cpSync(join(ROOT, 'test', 'fixtures', 'hardened'), origin, { recursive: true });
  git(origin, 'init', '-q');
  git(origin, 'add', '-A');
  git(origin, 'commit', '-q', '-m', 'base: a hardened shop');
  sha.base = git(origin, 'rev-parse', 'HEAD');
  // The pull request: one line of production.py turns a warning on (launch.W105, line 55).
  git(origin, 'checkout', '-q', '-b', 'feature');
  const file = join(origin, SETTINGS);
  writeFileSync(file, readFileSync(file, 'utf8').replace('SESSION_COOKIE_SECURE = True', 'SESSION_COOKIE_SECURE = False'));
  git(origin, 'commit', '-q', '-am', 'feature: session cookie over http');
  sha.head = git(origin, 'rev-parse', 'HEAD');
  // What actions/checkout checks out for a pull_request: GitHub's merge commit of head into base.
  git(origin, 'checkout', '-q', '--detach', 'main');
  git(origin, 'merge', '-q', '--no-ff', '-m', 'Merge feature into main', 'feature');
  sha.merge = git(origin, 'rev-parse', 'HEAD');
  git(origin, 'update-ref', 'refs/pull/7/merge', sha.merge);
  git(origin, 'update-ref', 'refs/pull/7/head', sha.head);
  git(origin, 'checkout', '-q', 'main');
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

let fake: FakeGitHub;
beforeEach(async () => {
  fake = new FakeGitHub({ token: TOKEN, repository: REPO });
  await fake.start();
});
afterEach(async () => {
  await fake.close();
});

let wsCount = 0;
/** A fresh clone with `rev` checked out (detached), as actions/checkout leaves it (pull refs fetched as it does). */
function checkout(rev: string): string {
  const ws = join(work, `ws${++wsCount}`);
  git(work, 'clone', '-q', '--no-local', origin, ws);
  git(ws, 'fetch', '-q', 'origin', '+refs/pull/7/*:refs/remotes/pull/7/*');
  git(ws, 'checkout', '-q', '--detach', rev);
  return ws;
}

const repository = (priv = false) => ({ full_name: REPO, name: 'shop', owner: { login: 'octo' }, private: priv, default_branch: 'main' });

function pullRequestEvent(headRepo = REPO, priv = false) {
  return {
    action: 'synchronize',
    number: 7,
    pull_request: {
      number: 7,
      head: { sha: sha.head, ref: 'feature', repo: { full_name: headRepo } },
      base: { sha: sha.base, ref: 'main', repo: { full_name: REPO } },
    },
    repository: repository(priv),
  };
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  envFile: string;
  sarifPath: string;
  warnings: string[];
  errors: string[];
}

interface RunOptions {
  ws: string;
  eventName: string;
  event: unknown;
  ref: string;
  githubSha: string;
  inputs?: Record<string, string>;
  env?: Record<string, string>;
}

async function runAction(o: RunOptions): Promise<Run> {
  const meta = join(o.ws, '..', `${o.ws.split('/').pop()}-meta`);
  mkdirSync(meta, { recursive: true });
  const files = { output: join(meta, 'output'), summary: join(meta, 'summary.md'), env: join(meta, 'env'), event: join(meta, 'event.json') };
  for (const f of [files.output, files.summary, files.env]) writeFileSync(f, '');
  writeFileSync(files.event, JSON.stringify(o.event, null, 2));
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^(GITHUB_|INPUT_|RUNNER_|ACTIONS_)/.test(k) || /proxy/i.test(k)) continue;
    if (['DJANGO_LAUNCH_GATE_MODE', 'DJANGO_SETTINGS_MODULE', 'FORCE_COLOR', 'DLG_DEBUG'].includes(k)) continue;
    env[k] = v;
  }
  Object.assign(env, {
    NO_COLOR: '1',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: o.ws,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_ENV: files.env,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_EVENT_NAME: o.eventName,
    GITHUB_REPOSITORY: REPO,
    GITHUB_REF: o.ref,
    GITHUB_SHA: o.githubSha,
    GITHUB_WORKFLOW: 'Launch gate',
    GITHUB_JOB: 'gate',
    GITHUB_RUN_ID: '4242',
    GITHUB_ACTOR: 'octocat',
    RUNNER_TEMP: meta,
    ...fake.env(),
    DLG_POLL_DELAYS_MS: '20,20,20',
    DLG_RETRY_BASE_MS: '50',
    ...o.env,
  });
  const inputs = { token: TOKEN, matrix: '{"python":"3.12"}', ...o.inputs };
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
  const child = spawn(process.execPath, [join(DIST, 'index.js')], { cwd: o.ws, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number | null>((res) => child.on('close', res));
  const lines = stdout.split('\n');
  return {
    code,
    stdout,
    stderr,
    outputs: parseOutputs(readFileSync(files.output, 'utf8')),
    summary: readFileSync(files.summary, 'utf8'),
    envFile: readFileSync(files.env, 'utf8'),
    sarifPath: join(o.ws, 'django-launch-gate.sarif'),
    warnings: lines.filter((l) => l.startsWith('::warning')),
    errors: lines.filter((l) => l.startsWith('::error')),
  };
}

/** The action on a push to main, with main checked out in a fresh clone: most tests' setting. */
function runOnPush(o: { privateRepo?: boolean; inputs?: Record<string, string>; env?: Record<string, string> } = {}): Promise<Run> {
  const event = { ref: 'refs/heads/main', repository: repository(o.privateRepo) };
  return runAction({ ws: checkout('main'), eventName: 'push', ref: 'refs/heads/main', githubSha: sha.base, event, inputs: o.inputs, env: o.env });
}

function expectUploaded(r: Run, ref: string, commit: string) {
  expect(fake.violations, fake.violations.join('\n')).toEqual([]);
  expect(fake.uploads, r.stdout + r.stderr).toHaveLength(1);
  const up = fake.uploads[0]!;
  expect(up.body.ref).toBe(ref);
  expect(up.body.commit_sha).toBe(commit);
  expect(r.outputs.upload).toBe('uploaded');
  expect(r.outputs['sarif-id']).toBe(up.id);
  expect(r.outputs['analyses-url']).toBe(`${fake.url}/repos/${REPO}/code-scanning/analyses?sarif_id=${up.id}`);
  return up;
}

describe('successful uploads: ref and commit per event', () => {
  it('push: refs/heads/main and HEAD; the payload is the SARIF file, gzip+base64, with every documented field', async () => {
    const ws = checkout('main');
    const r = await runAction({ ws, eventName: 'push', ref: 'refs/heads/main', githubSha: sha.base, event: { ref: 'refs/heads/main', after: sha.base, repository: repository() } });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const up = expectUploaded(r, 'refs/heads/main', sha.base);
    expect(up.auth).toBe(`token ${TOKEN}`);
    expect(up.body.tool_name).toBe('django-launch-gate');
    expect(up.body.checkout_uri).toBe(pathToFileURL(ws).href);
    expect(Math.abs(Date.parse(up.body.started_at as string) - Date.now())).toBeLessThan(120_000);
    // What was uploaded is exactly the SARIF file the step wrote.
    expect(up.sarif).toEqual(JSON.parse(readFileSync(r.sarifPath, 'utf8')));
    // The category: workflow + job + matrix values, no SHA, no run id.
    expect(up.sarif.runs[0]!.automationDetails?.id).toBe('Launch gate:gate/python:3.12/');
    // pending, then complete: polled until complete.
    expect(fake.requestsTo(/^GET .*\/code-scanning\/sarifs\//).map((x) => x.status)).toEqual([200, 200]);
    expect(r.summary).toMatch(/Uploaded to code scanning/);
    expect(r.summary).toContain('security/code-scanning?query=is%3Aopen%20branch%3Amain');
    expect(r.envFile).toContain('DJANGO_LAUNCH_GATE_UPLOADED_LAUNCH_GATE_GATE_PYTHON_3_12');
    expect(r.warnings, r.warnings.join('\n')).toEqual([]);
    // the token is masked for the runner and appears in no output, summary or SARIF
    expect(r.stdout).toContain(`::add-mask::${TOKEN}`);
    const unmasked = r.stdout.split('\n').filter((l) => !l.startsWith('::add-mask::')).join('\n');
    for (const out of [unmasked, r.stderr, r.summary, JSON.stringify(r.outputs), JSON.stringify(up.sarif)]) expect(out).not.toContain(TOKEN);
    const v = validateSarif(work, JSON.stringify(up.sarif), 'uploaded-push');
    expect(v.errors).toEqual([]);
  }, 60_000);

  it('workflow_dispatch: the dispatched branch and HEAD', async () => {
    const ws = checkout('main');
    const r = await runAction({ ws, eventName: 'workflow_dispatch', ref: 'refs/heads/main', githubSha: sha.base, event: { ref: 'refs/heads/main', inputs: {}, repository: repository() } });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expectUploaded(r, 'refs/heads/main', sha.base);
  }, 60_000);

  it('pull_request with the merge commit checked out: refs/pull/7/merge and the merge commit', async () => {
    const ws = checkout(sha.merge);
    const r = await runAction({ ws, eventName: 'pull_request', ref: 'refs/pull/7/merge', githubSha: sha.merge, event: pullRequestEvent() });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const up = expectUploaded(r, 'refs/pull/7/merge', sha.merge);
    expect(up.sarif.runs[0]!.results!.map((x) => x.ruleId)).toContain('launch.W105');
    expect(r.summary).toContain('query=is%3Aopen%20pr%3A7');
  }, 60_000);

  it('pull_request with the head commit checked out (ref: head.sha): refs/pull/7/head and the head commit', async () => {
    const ws = checkout(sha.head);
    const r = await runAction({ ws, eventName: 'pull_request', ref: 'refs/pull/7/merge', githubSha: sha.merge, event: pullRequestEvent() });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expectUploaded(r, 'refs/pull/7/head', sha.head);
    expect(r.stdout).toMatch(/pull request's head commit/);
  }, 60_000);

  it('ref and sha inputs override the context; one without the other is a usage error', async () => {
    const ws = checkout('main');
    const event = { ref: 'refs/heads/main', repository: repository() };
    const r = await runAction({ ws, eventName: 'push', ref: 'refs/heads/main', githubSha: sha.base, event, inputs: { ref: 'refs/heads/release', sha: sha.head } });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expectUploaded(r, 'refs/heads/release', sha.head);

    const ws2 = checkout('main');
    const bad = await runAction({ ws: ws2, eventName: 'push', ref: 'refs/heads/main', githubSha: sha.base, event, inputs: { ref: 'refs/heads/release' } });
    expect(bad.code).toBe(1);
    expect(bad.outputs.upload).toBe('failed');
    expect(unescape(bad.errors.join('\n'))).toMatch(/input ref is set without input sha — set both or neither/);
    expect(fake.uploads).toHaveLength(1);
  }, 60_000);
});

describe('permissions: the gate passes, the permission is named, the SARIF becomes an artifact', () => {
  const refused = (message: string, status = 403) => ({ status, body: { message, documentation_url: 'https://docs.github.com/rest/code-scanning/code-scanning#upload-an-analysis-as-sarif-data' } });

  async function expectArtifact(r: Run) {
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.outputs.result).toBe('pass');
    expect(r.outputs.upload).toBe('artifact');
    expect(r.outputs['sarif-id']).toBe('');
    expect(r.errors, r.errors.join('\n')).toEqual([]);
    expect(fake.artifacts).toHaveLength(1);
    const a = fake.artifacts[0]!;
    expect(a.finalized).toBe(true);
    expect(a.name).toBe('django-launch-gate-sarif-Launch-gate-gate-python-3.12');
    expect(a.files.get('django-launch-gate.sarif')?.toString('utf8')).toBe(readFileSync(r.sarifPath, 'utf8'));
    // summary and annotations are still there
    expect(r.summary).toContain('Not uploaded to code scanning');
    expect(r.stdout).toMatch(/^::notice .*launch\.I035/m);
    expect(r.summary).toContain('artifact');
    return unescape(r.warnings.join('\n'));
  }

  it('pull_request from a fork: read-only token explained', async () => {
    fake.on(/^POST .*\/code-scanning\/sarifs$/, refused('Resource not accessible by integration'));
    const ws = checkout(sha.merge);
    const r = await runAction({ ws, eventName: 'pull_request', ref: 'refs/pull/7/merge', githubSha: sha.merge, event: pullRequestEvent('forker/shop') });
    const warning = await expectArtifact(r);
    expect(warning).toMatch(/comes from the fork forker\/shop/);
    expect(warning).toMatch(/read-only token: it cannot have the `security-events: write` permission/);
    expect(warning).toContain('Resource not accessible by integration');
    expect(fake.requestsTo(/^POST .*\/sarifs$/)).toHaveLength(1); // 403 is not retried
    expect(r.summary).toContain('forker/shop');
  }, 60_000);

  it('missing security-events: write in a private repository: names it and actions: read', async () => {
    fake.on(/^POST .*\/code-scanning\/sarifs$/, refused('Resource not accessible by integration'));
    const r = await runOnPush({ privateRepo: true });
    const warning = await expectArtifact(r);
    expect(warning).toMatch(/the token lacks the `security-events: write` permission and `actions: read` \(this repository is private\)/);
    expect(warning).toContain('permissions: { contents: read, security-events: write, actions: read }');
    expect(r.stdout).toMatch(/^::warning::django-launch-gate: SARIF not uploaded to code scanning/m);
  }, 60_000);

  it('Code Security / Advanced Security disabled: says to enable it', async () => {
    fake.on(/^POST .*\/code-scanning\/sarifs$/, refused('Advanced Security must be enabled for this repository to use code scanning.'));
    const r = await runOnPush({ privateRepo: true });
    const warning = await expectArtifact(r);
    expect(warning).toMatch(/code scanning is not enabled for octo\/shop/);
    expect(warning).toMatch(/enable GitHub Code Security/);
  }, 60_000);

  it('404 Not Found: the token cannot see the repository', async () => {
    fake.on(/^POST .*\/code-scanning\/sarifs$/, refused('Not Found', 404));
    const r = await runOnPush();
    const warning = await expectArtifact(r);
    expect(warning).toMatch(/GitHub answered 404 .*the job needs `security-events: write`/);
  }, 60_000);

  it('without a runner artifact service: says clearly that the SARIF could not be saved as an artifact', async () => {
    fake.on(/^POST .*\/code-scanning\/sarifs$/, refused('Resource not accessible by integration'));
    const r = await runOnPush({ env: { ACTIONS_RUNTIME_TOKEN: '' } });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.outputs.upload).toBe('skipped');
    expect(unescape(r.warnings.join('\n'))).toMatch(/could not be saved as an artifact \(ACTIONS_RUNTIME_TOKEN is not set/);
    expect(fake.artifacts).toEqual([]);
  }, 60_000);
});

describe('processing, retries and time-outs', () => {
  it('a processing failure fails the step with GitHub\'s message', async () => {
    fake.processing = ['pending', { failed: ['locationFromSarifResult: expected artifact location', 'rejecting SARIF: something else'] }];
    const r = await runOnPush();
    expect(r.code).toBe(1);
    expect(r.outputs.upload).toBe('failed');
    expect(r.outputs.result).toBe('pass'); // the gate itself passed
    expect(r.outputs['sarif-id']).toBe(fake.uploads[0]!.id);
    const err = unescape(r.errors.join('\n'));
    expect(err).toMatch(/code scanning could not process the uploaded SARIF \(sarif id \S+\): locationFromSarifResult: expected artifact location; rejecting SARIF: something else/);
  }, 60_000);

  it('429 with retry-after, then 500: retried (retry-after honoured) and uploaded once accepted', async () => {
    fake.on(/^POST .*\/code-scanning\/sarifs$/, { status: 429, headers: { 'retry-after': '1' }, body: { message: 'API rate limit exceeded' } }, { status: 500, body: { message: 'Server Error' } });
    const r = await runOnPush();
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const posts = fake.requestsTo(/^POST .*\/code-scanning\/sarifs$/);
    expect(posts.map((p) => p.status)).toEqual([429, 500, 202]);
    expect(posts[1]!.at - posts[0]!.at).toBeGreaterThanOrEqual(950);
    expectUploaded(r, 'refs/heads/main', sha.base);
    expect(r.stdout).toMatch(/retrying in 1 s \(as retry-after asks/);
  }, 60_000);

  it('a secondary rate limit (403) is retried; a 422 is not', async () => {
    fake.on(/^POST .*\/code-scanning\/sarifs$/, { status: 403, headers: { 'retry-after': '0' }, body: { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.' } });
    const r = await runOnPush();
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(fake.requestsTo(/^POST .*\/sarifs$/).map((p) => p.status)).toEqual([403, 202]);

    fake.on(/^POST .*\/code-scanning\/sarifs$/, { status: 422, body: { message: 'Invalid request.\n\nref refs/heads/main not found in this repository' } });
    const bad = await runOnPush();
    expect(bad.code).toBe(1);
    expect(bad.outputs.upload).toBe('failed');
    expect(fake.requestsTo(/^POST .*\/sarifs$/).map((p) => p.status)).toEqual([403, 202, 422]);
    expect(unescape(bad.errors.join('\n'))).toMatch(/HTTP 422 "Invalid request\. ref refs\/heads\/main not found in this repository" — GitHub rejected the request as invalid \(not retried\)/);
    expect(fake.artifacts.map((a) => a.name)).toEqual(['django-launch-gate-sarif-Launch-gate-gate-python-3.12']);
  }, 60_000);

  it('still pending after the poll schedule: a warning, the upload stands, the step passes', async () => {
    fake.processing = ['pending'];
    const r = await runOnPush();
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.outputs.upload).toBe('uploaded');
    expect(fake.requestsTo(/^GET .*\/sarifs\//)).toHaveLength(3);
    expect(unescape(r.warnings.join('\n'))).toMatch(/still processing SARIF \S+ after 0 s; the upload stands/);
    // the analyses URL is built from the SARIF id when GitHub has not given one yet
    expect(r.outputs['analyses-url']).toBe(`${fake.url}/repos/${REPO}/code-scanning/analyses?sarif_id=${fake.uploads[0]!.id}`);
  }, 60_000);

  it('a slow answer past the request time-out is retried', async () => {
    fake.on(/^POST .*\/code-scanning\/sarifs$/, { status: 202, delayMs: 4000 });
    const r = await runOnPush({ env: { DLG_HTTP_TIMEOUT_MS: '1500' } });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/network error \(.*(timeout|aborted).*\) — retrying/i);
    expect(r.outputs.upload).toBe('uploaded');
  }, 60_000);
});

describe('never upload after a gate error; upload modes; one upload per category', () => {
  it('a runtime gate that cannot run: no upload, the step fails for the gate', async (ctx) => {
    const r = await runOnPush({ inputs: { gates: 'rules,deploy-checks', python: join(work, 'no-such-python') } });
    if (/not available in django-launch-gate/.test(r.stdout)) ctx.skip(); // runtime gates not in this build yet
    expect(r.code).toBe(1);
    expect(r.outputs.result).toBe('error');
    expect(r.outputs.upload).toBe('skipped');
    expect(fake.uploads).toEqual([]);
    expect(fake.requests).toEqual([]);
    expect(unescape(r.warnings.join('\n'))).toMatch(/not uploaded to code scanning: the deploy-checks gate could not run, so this report is incomplete/);
  }, 120_000);

  it('upload: never makes no request; upload: auto skips pull_request_target', async () => {
    const r = await runOnPush({ inputs: { upload: 'never' } });
    expect(r.code).toBe(0);
    expect(r.outputs.upload).toBe('skipped');
    const ws2 = checkout(sha.head);
    const t = await runAction({ ws: ws2, eventName: 'pull_request_target', ref: 'refs/heads/main', githubSha: sha.base, event: pullRequestEvent('forker/shop') });
    expect(t.code).toBe(0);
    expect(t.outputs.upload).toBe('skipped');
    expect(t.stdout).toMatch(/upload: auto does not upload on the pull_request_target event/);
    expect(fake.requests).toEqual([]);
  }, 60_000);

  it('upload: always on pull_request_target with the fork head checked out: refs/pull/7/head, not the base branch', async () => {
    const ws = checkout(sha.head);
    const r = await runAction({ ws, eventName: 'pull_request_target', ref: 'refs/heads/main', githubSha: sha.base, event: pullRequestEvent('forker/shop'), inputs: { upload: 'always' } });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expectUploaded(r, 'refs/pull/7/head', sha.head);
  }, 60_000);

  it('a second upload of the same category in one job is refused', async () => {
    const ws = checkout('main');
    const event = { ref: 'refs/heads/main', repository: repository() };
    const first = await runAction({ ws, eventName: 'push', ref: 'refs/heads/main', githubSha: sha.base, event });
    const exported = parseOutputs(first.envFile); // GITHUB_ENV uses the same name<<DELIMITER records
    expect(Object.keys(exported)).toEqual(['DJANGO_LAUNCH_GATE_UPLOADED_LAUNCH_GATE_GATE_PYTHON_3_12']);
    const second = await runAction({ ws, eventName: 'push', ref: 'refs/heads/main', githubSha: sha.base, event, env: exported });
    expect(second.code).toBe(1);
    expect(second.outputs.upload).toBe('failed');
    expect(unescape(second.errors.join('\n'))).toMatch(/already uploaded a SARIF with category "Launch gate:gate\/python:3.12"/);
    expect(fake.uploads).toHaveLength(1);
  }, 60_000);
});

describe('the pull request experience', () => {
  it('annotations: changed-lines annotates only findings on lines the PR changes (diff from the API)', async () => {
    // The API's `patch` is the unified diff from the first hunk on, as git prints it.
    const diff = git(origin, 'diff', '--no-color', sha.base, sha.head, '--', SETTINGS);
    const patch = diff.slice(diff.indexOf('@@'));
    expect(patch).toMatch(/^@@ -\d+,\d+ \+\d+,\d+ @@/);
    fake.pullFiles.set(7, [{ filename: SETTINGS, status: 'modified', patch }]);
    const ws = checkout(sha.merge);
    const r = await runAction({ ws, eventName: 'pull_request', ref: 'refs/pull/7/merge', githubSha: sha.merge, event: pullRequestEvent(), inputs: { annotations: 'changed-lines' } });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const annotations = r.stdout.split('\n').filter((l) => /^::(error|warning|notice) /.test(l));
    expect(annotations.map((l) => /title=([^,:%]+)/.exec(l)?.[1])).toEqual(['launch.W105']);
    expect(annotations[0]).toContain(`file=${SETTINGS},line=55`);
    expect(r.stdout).toMatch(/Annotations: 1 of 3 findings are on lines this pull request changes \(diff from the pull request files API\); the other 2/);
    // the same without the API (no such PR there): git diff of base...head in the checkout
    const ws2 = checkout(sha.merge);
    fake.pullFiles.clear();
    const g = await runAction({ ws: ws2, eventName: 'pull_request', ref: 'refs/pull/7/merge', githubSha: sha.merge, event: pullRequestEvent(), inputs: { annotations: 'changed-lines' } });
    expect(g.stdout).toMatch(/Annotations: 1 of 3 findings .*\(diff from git diff of the base and head commits\)/);
  }, 60_000);

  it('baseline-sarif: the summary tells new findings from those already on the base branch', async () => {
    // the base branch's run, then the PR's run with the base SARIF as baseline
    const b = await runOnPush({ inputs: { upload: 'never' } });
    expect(b.code).toBe(0);
    const baseline = join(work, 'baseline.sarif');
    cpSync(b.sarifPath, baseline);
    const ws = checkout(sha.merge);
    const r = await runAction({ ws, eventName: 'pull_request', ref: 'refs/pull/7/merge', githubSha: sha.merge, event: pullRequestEvent(), inputs: { 'baseline-sarif': baseline, upload: 'never' } });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.summary).toContain('**1 new in this PR** · 2 already on the base branch · 0 fixed by this PR');
    const newPart = r.summary.split('#### New in this PR (1)')[1]!.split('<details>')[0]!;
    expect(newPart).toContain('launch.W105');
    expect(newPart).not.toContain('launch.I035');
    expect(r.summary).toMatch(/<summary>Already on the base branch \(2\)<\/summary>[\s\S]*launch\.I035[\s\S]*launch\.I035/);
    expect(Buffer.byteLength(r.summary)).toBeLessThan(1024 * 1024);
  }, 60_000);

  it("base-ref: the migrations a pull request adds are judged against its base; a shallow checkout says it could not", async () => {
    // PR 8 adds a migration that drops a column the running release reads.
    git(origin, 'checkout', '-q', '-b', 'drop-column', 'main');
    const migration = 'shop/migrations/0002_remove_order_confirmation_sent_at.py';
    writeFileSync(
      join(origin, migration),
      'from django.db import migrations\n\n\nclass Migration(migrations.Migration):\n    dependencies = [("shop", "0001_initial")]\n    operations = [\n        migrations.RemoveField(model_name="order", name="confirmation_sent_at"),\n    ]\n',
    );
    git(origin, 'add', migration);
    git(origin, 'commit', '-q', '-m', 'drop confirmation_sent_at');
    const head = git(origin, 'rev-parse', 'HEAD');
    git(origin, 'checkout', '-q', 'main');
    const event = { ...pullRequestEvent(), number: 8, pull_request: { ...pullRequestEvent().pull_request, number: 8, head: { sha: head, ref: 'drop-column', repo: { full_name: REPO } } } };
    const ws = checkout(head);
    const r = await runAction({ ws, eventName: 'pull_request', ref: 'refs/pull/8/merge', githubSha: head, event, inputs: { upload: 'never' } });
    expect(r.code, r.stdout + r.stderr).toBe(0); // a warning: fail-on error lets it pass
    expect(r.stdout.split('\n').filter((l) => l.startsWith('::warning ') && l.includes('launch.W231'))[0]).toContain(`file=${migration},line=7`);
    expect(r.summary).toContain(`base ref ${sha.base}: 1 file added since`);
    // actions/checkout's default fetch-depth: 1 — the base is not in the clone: not checked, never passed.
    const shallow = join(work, 'shallow-pr8');
    git(work, 'clone', '-q', '--depth', '1', '--branch', 'drop-column', `file://${origin}`, shallow);
    const s2 = await runAction({ ws: shallow, eventName: 'pull_request', ref: 'refs/pull/8/merge', githubSha: head, event, inputs: { upload: 'never' } });
    expect(s2.code, s2.stdout + s2.stderr).toBe(0);
    expect(s2.stdout.split('\n').filter((l) => l.startsWith('::warning ') && l.includes('launch.W231'))).toEqual([]);
    expect(s2.summary).toMatch(/Migrations safe while the old release still runs[^\n]*not checked|not checked[^\n]*Migrations safe while the old release still runs/i);
    expect(s2.summary).toContain('fetch-depth: 0');
    // a base-ref the workflow names that the clone lacks is bad input
    const bad = await runAction({ ws: shallow, eventName: 'pull_request', ref: 'refs/pull/8/merge', githubSha: head, event, inputs: { upload: 'never', 'base-ref': 'origin/nope' } });
    expect(bad.code).toBe(1);
    expect(bad.errors.join('\n')).toMatch(/base ref origin\/nope is not a commit in this clone \(a shallow clone\)/);
  }, 90_000);
});

describe('suppressed results: their code scanning alerts dismissed as won\'t fix, and re-opened when the suppression goes', () => {
  // Branch `suppressed`: SESSION_COOKIE_SECURE = False under a suppression comment of its own (launch.W105,
  // line 56) and CSRF_COOKIE_SECURE = False without one (launch.W106, line 57). Its next commit removes the
  // comment: W105 moves to line 55, same line hash, so code scanning keeps the same alert.
  const SUPP = 'refs/heads/suppressed';
  const SSO = 'sso-proxy-b7f3c9e1d2';
  const REASON = `sessions are cookie-less behind ${SSO}`;
  const rev = { on: '', off: '', none: '' };
  beforeAll(() => {
    git(origin, 'checkout', '-q', '-b', 'suppressed', 'main');
    const file = join(origin, SETTINGS);
    const original = readFileSync(file, 'utf8');
    // Both findings, neither suppressed (what the branch had before the suppression was written).
    writeFileSync(file, original.replace('SESSION_COOKIE_SECURE = True\nCSRF_COOKIE_SECURE = True', 'SESSION_COOKIE_SECURE = False\nCSRF_COOKIE_SECURE = False'));
    git(origin, 'commit', '-q', '-am', 'cookies over http');
    rev.none = git(origin, 'rev-parse', 'HEAD');
    writeFileSync(
      file,
      original.replace('SESSION_COOKIE_SECURE = True\nCSRF_COOKIE_SECURE = True', `# launch-gate: ignore[launch.W105] ${REASON}\nSESSION_COOKIE_SECURE = False\nCSRF_COOKIE_SECURE = False`),
    );
    git(origin, 'commit', '-q', '-am', 'suppress W105 with a reason');
    rev.on = git(origin, 'rev-parse', 'HEAD');
    writeFileSync(file, original.replace('SESSION_COOKIE_SECURE = True\nCSRF_COOKIE_SECURE = True', 'SESSION_COOKIE_SECURE = False\nCSRF_COOKIE_SECURE = False'));
    git(origin, 'commit', '-q', '-am', 'the suppression goes');
    rev.off = git(origin, 'rev-parse', 'HEAD');
    git(origin, 'checkout', '-q', 'main');
  });

  function runAt(commit: string, o: { inputs?: Record<string, string> } = {}): Promise<Run> {
    const event = { ref: SUPP, after: commit, repository: repository() };
    return runAction({ ws: checkout(commit), eventName: 'push', ref: SUPP, githubSha: commit, event, inputs: { env: `SSO_SECRET=${SSO}`, ...o.inputs } });
  }
  const CATEGORY = 'Launch gate:gate/python:3.12';
  const w105 = (line: number) => fake.alertAt(SUPP, 'launch.W105', SETTINGS, line, CATEGORY);
  const w106 = () => fake.alertAt(SUPP, 'launch.W106', SETTINGS, 57, CATEGORY);
  const patchesOk = () => fake.alertPatches.filter((p) => p.status === 200);

  it('a suppressed result\'s alert is dismissed as won\'t fix with its (redacted) reason; the others stay open', async () => {
    const r = await runAt(rev.on);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const up = expectUploaded(r, SUPP, rev.on);
    // The SARIF keeps the result with its suppression; code scanning opened an alert for it all the same.
    const res = up.sarif.runs[0]!.results!.find((x) => x.ruleId === 'launch.W105')!;
    expect(res.suppressions).toEqual([expect.objectContaining({ kind: 'inSource', status: 'accepted', justification: 'sessions are cookie-less behind [REDACTED]' })]);
    expect(fake.alerts.map((a) => a.ruleId).sort()).toEqual(['launch.I035', 'launch.I035', 'launch.W105', 'launch.W106']);
    const alert = w105(56)!;
    expect(alert.state).toBe('dismissed');
    expect(alert.dismissed_reason).toBe("won't fix");
    expect(alert.dismissed_comment).toBe('Suppressed in source: sessions are cookie-less behind [REDACTED]');
    // Exactly one PATCH, for that alert; the unsuppressed results' alerts untouched and open.
    expect(fake.alertPatches).toEqual([{ number: alert.number, status: 200, body: { state: 'dismissed', dismissed_reason: "won't fix", dismissed_comment: 'Suppressed in source: sessions are cookie-less behind [REDACTED]' } }]);
    expect(fake.alerts.filter((a) => a !== alert).map((a) => a.state)).toEqual(['open', 'open', 'open']);
    expect(w106()!.state).toBe('open');
    // Listed after processing completed: the open alerts of our tool on the ref, then the dismissed ones.
    const lists = fake.requestsTo(/^GET .*\/code-scanning\/alerts$/);
    expect(lists.map((l) => Object.fromEntries(new URLSearchParams(l.query)))).toEqual([
      { tool_name: 'django-launch-gate', ref: SUPP, state: 'open', per_page: '100', page: '1' },
      { tool_name: 'django-launch-gate', ref: SUPP, state: 'dismissed', per_page: '100', page: '1' },
    ]);
    const sarifPolls = fake.requestsTo(/^GET .*\/code-scanning\/sarifs\//);
    expect(lists[0]!.at).toBeGreaterThanOrEqual(sarifPolls.at(-1)!.at);
    expect(r.stdout).toMatch(/^1 alert dismissed as suppressed in source\.$/m);
    expect(r.summary).toContain('1 alert dismissed as suppressed in source.');
    expect(r.outputs['alerts-dismissed']).toBe('1');
    expect(r.outputs['alerts-reopened']).toBe('0');
    // No warning but W106's annotation (the suppressed W105 is not annotated).
    expect(r.warnings.map((w) => /title=(launch\.\w+)/.exec(w)?.[1] ?? w)).toEqual(['launch.W106']);
    const unmasked = r.stdout.split('\n').filter((l) => !l.startsWith('::add-mask::')).join('\n');
    for (const out of [unmasked, r.summary, JSON.stringify(fake.alertPatches)]) expect(out).not.toContain(SSO);

    // The next run of the same commit: already dismissed, nothing to do.
    const again = await runAt(rev.on);
    expect(again.code, again.stdout + again.stderr).toBe(0);
    expect(fake.alertPatches).toHaveLength(1);
    expect(again.outputs['alerts-dismissed']).toBe('0');
    expect(fake.violations, fake.violations.join('\n')).toEqual([]);
  }, 90_000);

  it('an alert this action dismissed is re-opened when its suppression comment is removed; one dismissed by hand never is', async () => {
    const first = await runAt(rev.on);
    expect(first.code, first.stdout + first.stderr).toBe(0);
    const ours = w105(56)!;
    expect(ours.state).toBe('dismissed');
    // Someone dismisses the CSRF alert by hand, and the I035 one with a reason of their own.
    const csrf = w106()!;
    fake.setAlertState(csrf.number, 'dismissed', "won't fix", 'CSRF is enforced by the gateway');
    const i035 = fake.alerts.find((a) => a.ruleId === 'launch.I035')!;
    fake.setAlertState(i035.number, 'dismissed', 'false positive', 'Suppressed in source: said by hand, as a false positive');

    const r = await runAt(rev.off);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(fake.uploads.at(-1)!.body.commit_sha).toBe(rev.off);
    // The same alert, tracked by its line hash to line 55, open again; the hand-dismissed ones stay dismissed.
    expect(w105(55)).toBe(ours);
    expect(ours.state).toBe('open');
    expect(fake.alertPatches.at(-1)).toEqual({ number: ours.number, status: 200, body: { state: 'open' } });
    expect(patchesOk()).toHaveLength(2);
    expect(csrf.state).toBe('dismissed');
    expect(csrf.dismissed_comment).toBe('CSRF is enforced by the gateway');
    expect(i035.state).toBe('dismissed');
    expect(r.outputs['alerts-reopened']).toBe('1');
    expect(r.outputs['alerts-dismissed']).toBe('0');
    expect(r.stdout).toMatch(/^1 alert re-opened \(dismissed earlier as suppressed in source; the suppression is gone\)\.$/m);
    expect(r.summary).toContain('1 alert re-opened');
    expect(fake.violations, fake.violations.join('\n')).toEqual([]);
  }, 90_000);

  it('403 on the PATCH: a warning naming security-events: write; the upload stands and the step passes', async () => {
    fake.on(/^PATCH .*\/code-scanning\/alerts\/\d+$/, { status: 403, body: { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest' } });
    const r = await runAt(rev.on);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expectUploaded(r, SUPP, rev.on);
    expect(r.outputs.result).toBe('pass');
    expect(r.outputs['alerts-dismissed']).toBe('0');
    expect(fake.requestsTo(/^PATCH /).map((p) => p.status)).toEqual([403]); // not retried
    expect(w105(56)!.state).toBe('open');
    const warning = unescape(r.warnings.join('\n'));
    expect(warning).toMatch(/the code scanning alerts of suppressed results could not all be updated — dismissing code scanning alert \d+ \(launch\.W105 at config\/settings\/production\.py:56\): the token lacks the `security-events: write` permission/);
    expect(warning).toContain('The upload stands and the gate result is unchanged');
    expect(r.errors).toEqual([]);
    expect(r.summary).toMatch(/could not all be updated/);
  }, 60_000);

  it('pagination: the suppressed result\'s alert on the third page is found; another category\'s alert at the same place is left open', async () => {
    // First the branch without the suppression: open alerts for both findings.
    const before = await runAt(rev.none);
    expect(before.code, before.stdout + before.stderr).toBe(0);
    const alert = w105(55)!;
    expect(alert.state).toBe('open');
    // Another job (another category) of the same tool reports 230 alerts on the ref, newer than ours —
    // one of them at the very place of the suppressed result.
    const twin = fake.seedAlert({ tool: 'django-launch-gate', category: 'Launch gate:other', ruleId: 'launch.W105', ref: SUPP, path: SETTINGS, line: 56 });
    for (let i = 0; i < 229; i++) fake.seedAlert({ tool: 'django-launch-gate', category: 'Launch gate:other', ruleId: 'launch.W120', ref: SUPP, path: `shop/views_${i}.py`, line: 1 + i });

    const r = await runAt(rev.on);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(w105(56)).toBe(alert);
    expect(alert.state).toBe('dismissed');
    expect(twin.state).toBe('open');
    expect(fake.alertPatches.map((p) => p.number)).toEqual([alert.number]);
    expect(r.outputs['alerts-dismissed']).toBe('1');
    // 234 open alerts on the ref at 100 a page: three pages of open alerts (following GitHub's link header),
    // then the one page of dismissed ones (none of them ours).
    const lists = fake.requestsTo(/^GET .*\/code-scanning\/alerts$/).slice(1); // [0]: the first run's
    expect(lists.map((l) => { const q = new URLSearchParams(l.query); return `${q.get('state')} ${q.get('page')}`; })).toEqual(['open 1', 'open 2', 'open 3', 'dismissed 1']);
    expect(fake.violations, fake.violations.join('\n')).toEqual([]);
  }, 90_000);

  it('a pull request never dismisses: a dismissal holds on every branch, so unreviewed code must not make one', async () => {
    const event = { ...pullRequestEvent(), number: 9, pull_request: { ...pullRequestEvent().pull_request, number: 9, head: { sha: rev.on, ref: 'suppressed', repo: { full_name: REPO } } } };
    const r = await runAction({ ws: checkout(rev.on), eventName: 'pull_request', ref: 'refs/pull/9/merge', githubSha: rev.on, event, inputs: { env: `SSO_SECRET=${SSO}` } });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(fake.uploads).toHaveLength(1);
    expect(fake.alertPatches).toEqual([]);
    expect(fake.requestsTo(/\/code-scanning\/alerts/)).toEqual([]);
    expect(r.summary).toContain('are left as they are on a pull request');
    expect(r.outputs['alerts-dismissed']).toBe('0');
  }, 60_000);

  it('nothing with upload: never; nothing before GitHub has processed the upload', async () => {
    const never = await runAt(rev.on, { inputs: { upload: 'never' } });
    expect(never.code).toBe(0);
    expect(fake.requests).toEqual([]);
    expect(never.outputs['alerts-dismissed']).toBe('0');

    fake.processing = ['pending'];
    const pending = await runAt(rev.on);
    expect(pending.code, pending.stdout + pending.stderr).toBe(0);
    expect(fake.requestsTo(/\/code-scanning\/alerts/)).toEqual([]);
    expect(pending.summary).toContain('The alerts of 1 suppressed result were not dismissed: GitHub had not finished processing the upload.');
  }, 60_000);
});
