/**
 * The upload decision (never after a gate error), the permission explanations, the pull request diff and
 * the baseline comparison — in-process. The bundled action runs are in action.test.ts.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as Sarif from 'sarif';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GateResult, Report } from '../../src/finding';
import { artifactName } from '../../src/github/artifact';
import { baselineSection, compareWithBaseline, readBaseline } from '../../src/github/baseline';
import { addedLines, changedLinesFromGit, onChangedLines } from '../../src/github/changed-lines';
import {
  alertsUrl,
  categorySentinel,
  codeScanningSummary,
  explainRefusal,
  publishToCodeScanning,
  uploadDecision,
} from '../../src/github/code-scanning';
import { readContext, type GitHubContext } from '../../src/github/context';
import { parseAnnotationMode, parseUploadMode } from '../../src/github/inputs';
import { DEFAULT_TIMING } from '../../src/github/upload';
import { UsageError } from '../../src/errors';
import { FakeGitHub } from '../support/fake-github';
import { git as gitIn } from '../support/git';

const gate = (status: GateResult['status'], name: GateResult['gate'] = 'rules'): GateResult => ({ gate: name, status, durationMs: 1, findings: [], detail: status === 'error' ? 'python not found' : undefined });

function ctx(extra: Partial<GitHubContext> = {}): GitHubContext {
  return { ...readContext({ GITHUB_ACTIONS: 'true', GITHUB_REPOSITORY: 'octo/shop', GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/heads/main', GITHUB_SHA: 'a'.repeat(40) }), ...extra };
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dlg-cs-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('uploadDecision: never upload a report from a gate that errored', () => {
  it('a gate error skips the upload in every mode, with the reason', () => {
    for (const mode of ['auto', 'always'] as const) {
      const d = uploadDecision({ gates: [gate('passed'), gate('error', 'deploy-checks')] }, mode, ctx(), 'tok');
      expect(d).toEqual({
        upload: false,
        warn: true,
        reason: 'not uploaded to code scanning: the deploy-checks gate could not run, so this report is incomplete — uploading it would close the open alerts it does not repeat. Fix the gate and run again',
      });
    }
  });

  it('auto uploads on push/pull_request/merge_group/workflow_dispatch/schedule with a token; otherwise says why not', () => {
    const ok = { gates: [gate('failed')] };
    for (const ev of ['push', 'pull_request', 'merge_group', 'workflow_dispatch', 'schedule']) {
      expect(uploadDecision(ok, 'auto', ctx({ eventName: ev }), 'tok')).toEqual({ upload: true });
    }
    expect(uploadDecision(ok, 'auto', ctx({ eventName: 'pull_request_target' }), 'tok')).toMatchObject({ upload: false, warn: false });
    expect(uploadDecision(ok, 'auto', ctx(), '')).toMatchObject({ upload: false, reason: 'no token (upload: auto) — the token input is empty' });
    expect(uploadDecision(ok, 'auto', ctx({ onGitHub: false }), 'tok')).toMatchObject({ upload: false, reason: 'not running in GitHub Actions (upload: auto)' });
    expect(uploadDecision(ok, 'never', ctx(), 'tok')).toMatchObject({ upload: false });
    expect(uploadDecision(ok, 'always', ctx({ eventName: 'issue_comment' }), 'tok')).toEqual({ upload: true });
    expect(uploadDecision(ok, 'always', ctx(), '')).toMatchObject({ upload: false, fail: true });
  });

  it('publishToCodeScanning after a gate error makes no request at all', async () => {
    const fake = new FakeGitHub({ token: 'tok', repository: 'octo/shop' });
    await fake.start();
    try {
      const warnings: string[] = [];
      const res = await publishToCodeScanning({
        report: { gates: [gate('error', 'tests')], tool: { name: 'django-launch-gate', version: '0', informationUri: 'x' } },
        sarifFile: join(dir, 'x.sarif'),
        mode: 'always',
        token: 'tok',
        ctx: ctx({ apiUrl: fake.url }),
        env: {},
        timing: DEFAULT_TIMING,
        log: { info: () => undefined, warning: (m) => warnings.push(m) },
        startedAt: new Date(),
      });
      expect(res).toMatchObject({ upload: 'skipped', sarifId: '', analysesUrl: '', failure: undefined });
      expect(warnings[0]).toMatch(/the tests gate could not run/);
      expect(fake.requests).toEqual([]);
    } finally {
      await fake.close();
    }
  });
});

describe('a context without what an upload needs', () => {
  const base = (mode: 'auto' | 'always', env: Record<string, string>) => ({
    report: { gates: [gate('passed')], tool: { name: 'django-launch-gate', version: '0', informationUri: 'x' } },
    sarifFile: join(dir, 'x.sarif'),
    mode,
    token: 'tok',
    ctx: readContext({ GITHUB_ACTIONS: 'true', GITHUB_EVENT_NAME: 'push', GITHUB_WORKSPACE: dir, ...env }),
    env: {},
    timing: DEFAULT_TIMING,
    log: { info: () => undefined, warning: () => undefined },
    startedAt: new Date(),
  });

  it('auto: skipped with the variable named; always: the step fails with it', async () => {
    const auto = await publishToCodeScanning(base('auto', { GITHUB_REF: 'refs/heads/main' }));
    expect(auto.upload).toBe('skipped');
    expect(auto.failure).toBeUndefined();
    expect(auto.message).toBe('code scanning upload not possible: GITHUB_REPOSITORY is not set, which a code scanning upload needs — run inside GitHub Actions, or set the variable');
    const always = await publishToCodeScanning(base('always', { GITHUB_REPOSITORY: 'octo/shop' }));
    expect(always.upload).toBe('failed');
    expect(always.failure).toMatch(/^django-launch-gate: code scanning upload not possible: GITHUB_REF is not set, which a code scanning upload needs/);
  });
});

describe('explainRefusal: exactly which permission is missing', () => {
  const pr = { number: 3, headSha: 'b'.repeat(40), headRef: 'f', baseSha: 'c'.repeat(40), baseRef: 'main' };
  it('fork, Dependabot, private and public repositories, Code Security off, bad token, other statuses', () => {
    expect(explainRefusal(403, 'Resource not accessible by integration', ctx({ pullRequest: { ...pr, headRepo: 'eve/shop', fromFork: true } }))).toMatch(
      /^this pull request comes from the fork eve\/shop, and GitHub gives workflows of fork pull requests a read-only token: it cannot have the `security-events: write` permission \(GitHub: "Resource not accessible by integration"\)/,
    );
    expect(explainRefusal(403, 'Resource not accessible by integration', ctx({ actor: 'dependabot[bot]' }))).toMatch(/^Dependabot's pull request runs get a read-only token/);
    expect(explainRefusal(403, 'Resource not accessible by integration', ctx({ repoPrivate: true }))).toBe(
      'the token lacks the `security-events: write` permission and `actions: read` (this repository is private) (GitHub: "Resource not accessible by integration"): add `permissions: { contents: read, security-events: write, actions: read }` to the job',
    );
    expect(explainRefusal(403, 'Resource not accessible by integration', ctx({ repoPrivate: false }))).toBe(
      'the token lacks the `security-events: write` permission (GitHub: "Resource not accessible by integration"): add `permissions: { contents: read, security-events: write }` to the job',
    );
    expect(explainRefusal(403, 'Resource not accessible by integration', ctx())).toMatch(/\(and `actions: read` if the repository is private\)/);
    expect(explainRefusal(403, 'Code Security must be enabled for this repository to use code scanning.', ctx())).toMatch(/^code scanning is not enabled for octo\/shop .*enable GitHub Code Security/);
    expect(explainRefusal(403, 'Advanced Security must be enabled for this repository to use code scanning.', ctx())).toMatch(/^code scanning is not enabled/);
    expect(explainRefusal(401, 'Bad credentials', ctx())).toMatch(/^the token was refused/);
    expect(explainRefusal(404, 'Not Found', ctx())).toMatch(/^GitHub answered 404 .* the token cannot see octo\/shop/);
    expect(explainRefusal(422, 'Invalid request', ctx())).toBeUndefined();
    expect(explainRefusal(500, 'Server Error', ctx())).toBeUndefined();
  });
});

describe('small pieces', () => {
  it('inputs: upload and annotations modes', () => {
    expect(parseUploadMode(' Always ')).toBe('always');
    expect(() => parseUploadMode('sometimes')).toThrow(UsageError);
    expect(() => parseUploadMode('sometimes')).toThrow('input upload: unknown value "sometimes" — use one of: auto, always, never');
    expect(parseAnnotationMode('changed-lines')).toBe('changed-lines');
    expect(() => parseAnnotationMode('some')).toThrow(/use one of: all, changed-lines/);
  });

  it('artifact names, category sentinels and alert links', () => {
    expect(artifactName('CI:gate/python:3.12')).toBe('django-launch-gate-sarif-CI-gate-python-3.12');
    expect(artifactName(undefined)).toBe('django-launch-gate-sarif');
    expect(categorySentinel('CI:gate/os:ubuntu')).toBe('DJANGO_LAUNCH_GATE_UPLOADED_CI_GATE_OS_UBUNTU');
    expect(alertsUrl(ctx(), 'refs/pull/12/merge')).toBe('https://github.com/octo/shop/security/code-scanning?query=is%3Aopen%20pr%3A12');
    expect(alertsUrl(ctx(), 'refs/heads/release/1.x')).toBe('https://github.com/octo/shop/security/code-scanning?query=is%3Aopen%20branch%3Arelease%2F1.x');
    expect(codeScanningSummary({ upload: 'uploaded', sarifId: '1', analysesUrl: 'x', message: 'Uploaded.', webUrl: 'https://w' })).toBe('\n### Code scanning\n\n✅ Uploaded. [Open alerts for this ref](https://w).\n');
    expect(codeScanningSummary({ upload: 'artifact', sarifId: '', analysesUrl: '', message: 'needs `security-events: write` <b>', webUrl: 'https://w' })).toBe(
      '\n### Code scanning\n\n⚠️ needs `security-events: write` &lt;b&gt;\n',
    );
    expect(codeScanningSummary({ upload: 'failed', sarifId: '', analysesUrl: '', message: 'odd ` tick' })).toBe('\n### Code scanning\n\n❌ odd \\` tick\n');
  });
});

describe('changed lines', () => {
  it('addedLines: the new-side line numbers of + lines, across hunks', () => {
    const patch = ['@@ -1,3 +1,4 @@', ' a', '-b', '+B', '+C', ' d', '@@ -10,2 +11,3 @@ def f():', ' x', '+y', '\\ No newline at end of file'].join('\n');
    expect([...addedLines(patch)]).toEqual([2, 3, 12]);
    expect([...addedLines('@@ -0,0 +1,2 @@\n+new\n+file')]).toEqual([1, 2]);
  });

  it('git diff base...head in a real repository; findings filtered to those lines', () => {
    const repo = join(dir, 'diffrepo');
    mkdirSync(repo);
    const git = (...a: string[]) => gitIn(repo, ...a);
    git('init', '-q');
    mkdirSync(join(repo, 'app'));
    writeFileSync(join(repo, 'app', 'settings.py'), 'A = 1\nB = 2\nC = 3\n');
    git('add', '-A');
    git('commit', '-q', '-m', 'base');
    const base = git('rev-parse', 'HEAD');
    writeFileSync(join(repo, 'app', 'settings.py'), 'A = 1\nB = 20\nC = 3\nD = 4\n');
    writeFileSync(join(repo, 'new file.py'), 'X = 1\n');
    git('add', '-A');
    git('commit', '-q', '-m', 'head');
    const head = git('rev-parse', 'HEAD');
    const changed = changedLinesFromGit(repo, base, head)!;
    expect(changed.get('app/settings.py')).toEqual(new Set([2, 4]));
    expect(changed.get('new file.py')).toEqual(new Set([1]));
    expect(changedLinesFromGit(repo, 'f'.repeat(40), head)).toBeUndefined();

    const f = (file: string, line: number) => ({ ruleId: 'r', gate: 'rules' as const, level: 'warning' as const, message: 'm', location: { file, line } });
    const report = { findings: [f('app/settings.py', 1), f('app/settings.py', 2), f('new file.py', 1), f('other.py', 2)] } as Report;
    expect(onChangedLines(report, changed).findings.map((x) => `${x.location.file}:${x.location.line}`)).toEqual(['app/settings.py:2', 'new file.py:1']);
    expect(onChangedLines(report, new Map([['other.py', 'all']])).findings).toHaveLength(1);
  });
});

describe('baseline comparison', () => {
  const res = (ruleId: string, uri: string, line: number, message: string, hash?: string): Sarif.Result => ({
    ruleId,
    level: 'warning',
    message: { text: message },
    locations: [{ physicalLocation: { artifactLocation: { uri }, region: { startLine: line } } }],
    ...(hash ? { partialFingerprints: { primaryLocationLineHash: hash } } : {}),
  });
  const sarif = (results: Sarif.Result[], tool = 'django-launch-gate'): Sarif.Log => ({ version: '2.1.0', runs: [{ tool: { driver: { name: tool } }, results }] });

  it('matches by rule + primaryLocationLineHash (the line may move), then rule + file + message', () => {
    const base = sarif([
      res('W1', 'a.py', 10, 'moved', 'h1:1'),
      res('W2', 'b%20c.py', 3, 'no hash'),
      res('W3', 'a.py', 20, 'fixed', 'h3:1'),
      res('W1', 'a.py', 30, 'same hash other rule', 'h9:1'),
    ]);
    const cur = sarif([res('W1', 'a.py', 12, 'moved', 'h1:1'), res('W2', 'b%20c.py', 5, 'no hash'), res('W4', 'a.py', 40, 'brand new', 'h4:1'), res('W5', 'a.py', 30, 'x', 'h9:1')]);
    const cmp = compareWithBaseline(cur, base);
    expect(cmp.existing.map((x) => `${x.ruleId}@${x.file}:${x.line}`)).toEqual(['W1@a.py:12', 'W2@b c.py:5']);
    expect(cmp.introduced.map((x) => x.ruleId)).toEqual(['W4', 'W5']);
    expect(cmp.fixed.map((x) => x.ruleId)).toEqual(['W3', 'W1']);
  });

  it('each base result matches once; other tools in the baseline are ignored', () => {
    const base: Sarif.Log = { version: '2.1.0', runs: [...sarif([res('W1', 'a.py', 1, 'm', 'h:1')]).runs, ...sarif([res('W1', 'a.py', 1, 'm', 'h:1')], 'bandit').runs] };
    const cmp = compareWithBaseline(sarif([res('W1', 'a.py', 1, 'm', 'h:1'), res('W1', 'a.py', 1, 'm', 'h:1')]), base);
    expect([cmp.existing.length, cmp.introduced.length, cmp.fixed.length]).toEqual([1, 1, 0]);
  });

  it('the summary section stays within its byte budget and escapes markdown', () => {
    const many = Array.from({ length: 5000 }, (_, i) => ({ ruleId: 'W<1>', level: 'warning', file: `f${i}.py`, line: i, message: '**bold** @someone' }));
    const text = baselineSection({ introduced: many, existing: many, fixed: [] }, 20_000);
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(20_000);
    expect(text).toContain('**5000 new in this PR** · 5000 already on the base branch · 0 fixed by this PR');
    expect(text).toMatch(/- … and \d+ more \(all of them are in the SARIF report\)/);
    expect(text).toContain('W&lt;1&gt;');
    expect(text).not.toContain('**bold**');
    expect(text).not.toMatch(/@someone/);
  });

  it('readBaseline: missing, not JSON, not SARIF', () => {
    expect(readBaseline(join(dir, 'none.sarif'))).toEqual({ error: `baseline-sarif ${join(dir, 'none.sarif')} cannot be read (ENOENT)` });
    writeFileSync(join(dir, 'bad.sarif'), 'nope');
    expect(readBaseline(join(dir, 'bad.sarif'))).toEqual({ error: `baseline-sarif ${join(dir, 'bad.sarif')} is not JSON` });
    writeFileSync(join(dir, 'obj.sarif'), '{}');
    expect(readBaseline(join(dir, 'obj.sarif'))).toMatchObject({ error: expect.stringMatching(/is not a SARIF log/) });
  });
});
