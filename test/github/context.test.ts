/**
 * The workflow context, read defensively (missing / malformed values name the variable), and the upload
 * target chosen like codeql-action, decided with real git repositories (a real merge commit).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveCategory, parseMatrix } from '../../src/github/category';
import { ContextError, defaultBaseRef, gitIn, need, readContext, resolveTarget, type GitHubContext } from '../../src/github/context';
import { UsageError } from '../../src/errors';
import { git } from '../support/git';

let dir: string;
const sha = { base: '', head: '', merge: '' };
let repo: string;


function event(name: string, payload: unknown): string {
  const f = join(dir, `${name}-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(f, typeof payload === 'string' ? payload : JSON.stringify(payload));
  return f;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dlg-ctx-'));
  repo = join(dir, 'repo');
  spawnSync('mkdir', [repo]);
  git(repo, 'init', '-q');
  writeFileSync(join(repo, 'a.py'), 'DEBUG = False\n');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'base');
  sha.base = git(repo, 'rev-parse', 'HEAD');
  git(repo, 'checkout', '-q', '-b', 'feature');
  writeFileSync(join(repo, 'a.py'), 'DEBUG = True\n');
  git(repo, 'commit', '-q', '-am', 'head');
  sha.head = git(repo, 'rev-parse', 'HEAD');
  git(repo, 'checkout', '-q', '--detach', 'main');
  git(repo, 'merge', '-q', '--no-ff', '-m', 'merge', 'feature');
  sha.merge = git(repo, 'rev-parse', 'HEAD');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const prPayload = (headRepo: string | null = 'octo/shop') => ({
  number: 9,
  pull_request: { number: 9, head: { sha: sha.head, ref: 'feature', repo: headRepo === null ? null : { full_name: headRepo } }, base: { sha: sha.base, ref: 'main' } },
  repository: { full_name: 'octo/shop', private: true },
});

function ctxFor(env: Record<string, string>): GitHubContext {
  return readContext({ GITHUB_ACTIONS: 'true', GITHUB_REPOSITORY: 'octo/shop', GITHUB_WORKSPACE: repo, ...env }, repo);
}

describe('readContext: defensive', () => {
  it('nothing set: no throw, and every missing value names its variable when needed', () => {
    const ctx = readContext({}, '/somewhere');
    expect(ctx.onGitHub).toBe(false);
    expect(ctx.workspace).toBe('/somewhere');
    expect(ctx.apiUrl).toBe('https://api.github.com');
    expect(() => need(ctx, 'repository', 'a code scanning upload')).toThrow(ContextError);
    expect(() => need(ctx, 'repository', 'a code scanning upload')).toThrow(/GITHUB_REPOSITORY is not set, which a code scanning upload needs/);
    expect(() => need(ctx, 'ref', 'x')).toThrow(/GITHUB_REF is not set.*or the ref and sha inputs/);
    expect(ctx.problems.event).toBe('GITHUB_EVENT_PATH is not set');
  });

  it('malformed values are refused with the variable and the value', () => {
    const ctx = readContext({ GITHUB_REPOSITORY: 'not a repo', GITHUB_SHA: 'abc', GITHUB_REF: 'main', GITHUB_API_URL: 'ftp://x', GITHUB_EVENT_PATH: event('bad', '{not json') });
    expect(ctx.problems.repository).toBe('GITHUB_REPOSITORY is "not a repo", not "owner/name"');
    expect(ctx.problems.sha).toMatch(/GITHUB_SHA is "abc", not a 40-hex/);
    expect(ctx.problems.ref).toMatch(/GITHUB_REF is "main", not refs\/heads/);
    expect(ctx.problems.apiUrl).toMatch(/GITHUB_API_URL is "ftp:\/\/x"/);
    expect(ctx.apiUrl).toBe('https://api.github.com');
    expect(ctx.problems.event).toMatch(/GITHUB_EVENT_PATH \(.*\) is not valid JSON/);
    const missing = readContext({ GITHUB_EVENT_PATH: join(dir, 'nope.json') });
    expect(missing.problems.event).toMatch(/cannot be read \(ENOENT\)/);
    const arr = readContext({ GITHUB_EVENT_PATH: event('arr', '[1]') });
    expect(arr.problems.event).toMatch(/does not hold a JSON object/);
  });

  it('pull_request: same repository, fork, deleted fork, broken payload', () => {
    const same = ctxFor({ GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: event('pr', prPayload()) });
    expect(same.pullRequest).toMatchObject({ number: 9, headSha: sha.head, baseSha: sha.base, fromFork: false });
    expect(same.repoPrivate).toBe(true);
    const fork = ctxFor({ GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: event('fork', prPayload('forker/shop')) });
    expect(fork.pullRequest).toMatchObject({ fromFork: true, headRepo: 'forker/shop' });
    const deleted = ctxFor({ GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: event('del', prPayload(null)) });
    expect(deleted.pullRequest?.fromFork).toBe(true);
    const broken = ctxFor({ GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: event('broken', { pull_request: { number: 9, head: { sha: 'nope' }, base: { sha: sha.base } } }) });
    expect(broken.pullRequest).toBeUndefined();
    expect(broken.problems.pullRequest).toBe('GITHUB_EVENT_PATH: pull_request.head.sha is missing or not a 40-hex commit SHA');
    const noPr = ctxFor({ GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: event('nopr', { action: 'opened' }) });
    expect(noPr.problems.pullRequest).toBe('GITHUB_EVENT_PATH: the event has no pull_request object');
  });
});

describe('defaultBaseRef: what the migration-safety rules compare with when the workflow names no base-ref', () => {
  it("pull request: its base commit; push: the commit before it (not a new branch's 000…); other events: none", () => {
    expect(defaultBaseRef(ctxFor({ GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: event('pr', prPayload()) }))).toBe(sha.base);
    const push = (before: string) => ctxFor({ GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: event('push', { ref: 'refs/heads/main', before, after: sha.head }) });
    expect(defaultBaseRef(push(sha.base))).toBe(sha.base);
    expect(defaultBaseRef(push(sha.base.toUpperCase()))).toBe(sha.base);
    expect(defaultBaseRef(push('0'.repeat(40)))).toBeUndefined();
    expect(defaultBaseRef(push('nope'))).toBeUndefined();
    expect(defaultBaseRef(ctxFor({ GITHUB_EVENT_NAME: 'schedule', GITHUB_EVENT_PATH: event('sched', { schedule: '0 3 * * *', before: sha.base }) }))).toBeUndefined();
  });
});

describe('resolveTarget: ref and commit like codeql-action, with real git', () => {
  const checkout = (rev: string) => git(repo, 'checkout', '-q', '--detach', rev);

  it('push: GITHUB_REF and HEAD (HEAD wins over GITHUB_SHA)', () => {
    checkout(sha.head);
    const ctx = ctxFor({ GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/heads/feature', GITHUB_SHA: sha.base });
    expect(resolveTarget(ctx, {}, gitIn(repo))).toMatchObject({ ref: 'refs/heads/feature', sha: sha.head });
  });

  it('pull_request, merge commit checked out: refs/pull/N/merge', () => {
    checkout(sha.merge);
    const ctx = ctxFor({ GITHUB_EVENT_NAME: 'pull_request', GITHUB_REF: 'refs/pull/9/merge', GITHUB_SHA: sha.merge, GITHUB_EVENT_PATH: event('pr', prPayload()) });
    expect(resolveTarget(ctx, {}, gitIn(repo))).toMatchObject({ ref: 'refs/pull/9/merge', sha: sha.merge });
  });

  it('pull_request, a local merge commit of the head (GITHUB_SHA differs): still the merge ref, by its parents', () => {
    checkout(sha.merge);
    const other = 'f'.repeat(40);
    const ctx = ctxFor({ GITHUB_EVENT_NAME: 'pull_request', GITHUB_REF: 'refs/pull/9/merge', GITHUB_SHA: other, GITHUB_EVENT_PATH: event('pr', prPayload()) });
    const t = resolveTarget(ctx, {}, gitIn(repo));
    expect(t).toMatchObject({ ref: 'refs/pull/9/merge', sha: sha.merge });
    expect(t.how).toMatch(/merge commit of the pull request's head/);
  });

  it('pull_request, head checked out: refs/pull/N/head and the head commit', () => {
    checkout(sha.head);
    const ctx = ctxFor({ GITHUB_EVENT_NAME: 'pull_request', GITHUB_REF: 'refs/pull/9/merge', GITHUB_SHA: sha.merge, GITHUB_EVENT_PATH: event('pr', prPayload()) });
    expect(resolveTarget(ctx, {}, gitIn(repo))).toMatchObject({ ref: 'refs/pull/9/head', sha: sha.head });
  });

  it('pull_request, something else checked out: the head ref, as codeql-action rewrites it', () => {
    checkout(sha.base);
    const ctx = ctxFor({ GITHUB_EVENT_NAME: 'pull_request', GITHUB_REF: 'refs/pull/9/merge', GITHUB_SHA: sha.merge, GITHUB_EVENT_PATH: event('pr', prPayload()) });
    expect(resolveTarget(ctx, {}, gitIn(repo))).toMatchObject({ ref: 'refs/pull/9/head', sha: sha.base });
  });

  it('pull_request_target: base checked out keeps the base branch; head checked out is the PR head', () => {
    checkout(sha.base);
    const env = { GITHUB_EVENT_NAME: 'pull_request_target', GITHUB_REF: 'refs/heads/main', GITHUB_SHA: sha.base, GITHUB_EVENT_PATH: event('prt', prPayload('forker/shop')) };
    expect(resolveTarget(ctxFor(env), {}, gitIn(repo))).toMatchObject({ ref: 'refs/heads/main', sha: sha.base });
    checkout(sha.head);
    expect(resolveTarget(ctxFor(env), {}, gitIn(repo))).toMatchObject({ ref: 'refs/pull/9/head', sha: sha.head });
  });

  it('no git checkout: GITHUB_SHA and the merge ref', () => {
    const ctx = readContext({ GITHUB_EVENT_NAME: 'pull_request', GITHUB_REF: 'refs/pull/9/merge', GITHUB_SHA: sha.merge, GITHUB_REPOSITORY: 'octo/shop', GITHUB_WORKSPACE: dir });
    expect(resolveTarget(ctx, {}, gitIn(dir))).toMatchObject({ ref: 'refs/pull/9/merge', sha: sha.merge });
    const noSha = readContext({ GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/heads/main', GITHUB_WORKSPACE: dir });
    expect(() => resolveTarget(noSha, {}, gitIn(dir))).toThrow(/GITHUB_SHA is not set, which a code scanning upload \(git could not read HEAD/);
  });

  it('ref and sha inputs: both or neither, and well-formed', () => {
    const ctx = ctxFor({ GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/heads/main', GITHUB_SHA: sha.base });
    expect(resolveTarget(ctx, { ref: 'refs/tags/v1', sha: sha.head.toUpperCase() }, gitIn(repo))).toEqual({ ref: 'refs/tags/v1', sha: sha.head, how: 'from the ref and sha inputs' });
    expect(() => resolveTarget(ctx, { ref: 'refs/tags/v1' }, gitIn(repo))).toThrow(UsageError);
    expect(() => resolveTarget(ctx, { sha: sha.head }, gitIn(repo))).toThrow(/input sha is set without input ref — set both or neither/);
    expect(() => resolveTarget(ctx, { ref: 'main', sha: sha.head }, gitIn(repo))).toThrow(/input ref "main" is not refs\/heads/);
    expect(() => resolveTarget(ctx, { ref: 'refs/heads/x', sha: 'abc' }, gitIn(repo))).toThrow(/input sha "abc" is not a 40-hex/);
  });
});

describe('category: workflow + job + matrix, never a SHA or run id', () => {
  it('default from GITHUB_WORKFLOW, GITHUB_JOB and the matrix (sorted keys, scalar values)', () => {
    const env = { GITHUB_WORKFLOW: 'CI', GITHUB_JOB: 'gate', GITHUB_SHA: sha.base, GITHUB_RUN_ID: '987654' };
    expect(resolveCategory(undefined, '{"python":"3.12","os":"ubuntu-latest","n":2,"flag":true}', env)).toEqual({ category: 'CI:gate/flag:true/n:2/os:ubuntu-latest/python:3.12', warnings: [] });
    expect(resolveCategory(undefined, 'null', env).category).toBe('CI:gate');
    expect(resolveCategory(undefined, undefined, {}).category).toBeUndefined();
    const bad = resolveCategory(undefined, '{oops', env);
    expect(bad.category).toBe('CI:gate');
    expect(bad.warnings[0]).toMatch(/input matrix is not JSON/);
  });

  it('an explicit category with a SHA or the run id is kept but warned about', () => {
    const env = { GITHUB_SHA: sha.base, GITHUB_RUN_ID: '987654' };
    expect(resolveCategory(`backend-${sha.base.slice(0, 7)}`, undefined, env).warnings[0]).toMatch(/contains the commit SHA: every run becomes a new analysis/);
    expect(resolveCategory('backend-987654', undefined, env).warnings[0]).toMatch(/the run id \(GITHUB_RUN_ID\)/);
    expect(resolveCategory('backend', undefined, env)).toEqual({ category: 'backend', warnings: [] });
  });

  it('parseMatrix nests objects as JSON', () => {
    expect(parseMatrix('{"include":{"a":1}}')).toEqual([['include', '{"a":1}']]);
    expect(typeof parseMatrix('[1,2]')).toBe('string');
  });
});
