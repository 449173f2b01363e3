/**
 * What the action knows about the workflow run: the `GITHUB_*` variables and the event payload
 * (GITHUB_EVENT_PATH), read defensively. Nothing here throws while reading; a value that is missing or
 * malformed is left undefined and a message naming the variable is kept in `problems`, to be raised by
 * `need()` only by the step that actually needs the value (an upload needs the repository, a plain scan
 * does not).
 *
 * `resolveTarget` picks the `ref` and `commit_sha` of a code scanning upload the way github/codeql-action
 * does (src/git-utils.ts `getRef`/`getCommitOid`): the commit is what is checked out (`git rev-parse HEAD`);
 * on a pull request the ref is `refs/pull/N/merge` when the merge commit is checked out and
 * `refs/pull/N/head` when the head commit is.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { UsageError } from '../errors';

export const SHA_RE = /^[0-9a-f]{40}$/;
/** The refs code scanning accepts (REST API `ref` parameter). */
export const REF_RE = /^refs\/(?:heads\/.+|tags\/.+|pull\/\d+\/(?:merge|head))$/;
const REPO_RE = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;

/** A value the current step needs but the workflow context does not provide (names the variable). */
export class ContextError extends UsageError {
  override name = 'ContextError';
}

export interface PullRequestInfo {
  number: number;
  headSha: string;
  headRef: string;
  /** `owner/name` of the repository the head branch lives in. */
  headRepo?: string;
  baseSha: string;
  baseRef: string;
  /** The head branch lives in another repository (`pull_request.head.repo.full_name` differs from GITHUB_REPOSITORY). */
  fromFork: boolean;
}

export interface GitHubContext {
  /** GITHUB_ACTIONS=true */
  onGitHub: boolean;
  eventName?: string;
  repository?: { owner: string; repo: string; fullName: string };
  /** `repository.private` from the event payload, when it says. */
  repoPrivate?: boolean;
  serverUrl: string;
  apiUrl: string;
  /** GITHUB_WORKSPACE, or the working directory. */
  workspace: string;
  ref?: string;
  sha?: string;
  workflow?: string;
  job?: string;
  runId?: string;
  actor?: string;
  pullRequest?: PullRequestInfo;
  /** On a push: the commit the branch pointed at before it (`before` of the payload; not for a new branch). */
  pushBefore?: string;
  /** Why a value is undefined, keyed by field: each message names the variable to fix. */
  problems: Partial<Record<ContextField, string>>;
}

export type ContextField = 'eventName' | 'repository' | 'ref' | 'sha' | 'event' | 'pullRequest' | 'apiUrl' | 'serverUrl';

/** Events whose pull request payload decides the ref. */
export const PULL_REQUEST_EVENTS = ['pull_request', 'pull_request_target'] as const;

type Env = Record<string, string | undefined>;

export function readContext(env: Env = process.env, cwd: string = process.cwd()): GitHubContext {
  const problems: GitHubContext['problems'] = {};
  const val = (name: string): string | undefined => {
    const v = env[name];
    return v === undefined || v.trim() === '' ? undefined : v.trim();
  };

  const ctx: GitHubContext = {
    onGitHub: env.GITHUB_ACTIONS === 'true',
    serverUrl: 'https://github.com',
    apiUrl: 'https://api.github.com',
    workspace: val('GITHUB_WORKSPACE') ?? cwd,
    problems,
  };

  ctx.eventName = val('GITHUB_EVENT_NAME');
  if (!ctx.eventName) problems.eventName = 'GITHUB_EVENT_NAME is not set';

  const repo = val('GITHUB_REPOSITORY');
  if (!repo) problems.repository = 'GITHUB_REPOSITORY is not set';
  else if (!REPO_RE.test(repo)) problems.repository = `GITHUB_REPOSITORY is "${repo}", not "owner/name"`;
  else {
    const [owner, name] = repo.split('/') as [string, string];
    ctx.repository = { owner, repo: name, fullName: repo };
  }

  for (const [name, field, fallback] of [
    ['GITHUB_API_URL', 'apiUrl', 'https://api.github.com'],
    ['GITHUB_SERVER_URL', 'serverUrl', 'https://github.com'],
  ] as const) {
    const v = val(name);
    if (v === undefined) continue;
    if (/^https?:\/\/[^\s/]+/.test(v) && isUrl(v)) ctx[field] = v.replace(/\/+$/, '');
    else {
      problems[field] = `${name} is "${v}", not an http(s) URL`;
      ctx[field] = fallback;
    }
  }

  const ref = val('GITHUB_REF') ?? val('CODE_SCANNING_REF');
  if (!ref) problems.ref = 'GITHUB_REF is not set';
  else if (!REF_RE.test(ref)) problems.ref = `GITHUB_REF is "${ref}", not refs/heads/…, refs/tags/… or refs/pull/N/(merge|head)`;
  else ctx.ref = ref;

  const sha = val('GITHUB_SHA');
  if (!sha) problems.sha = 'GITHUB_SHA is not set';
  else if (!SHA_RE.test(sha.toLowerCase())) problems.sha = `GITHUB_SHA is "${sha}", not a 40-hex commit SHA`;
  else ctx.sha = sha.toLowerCase();

  ctx.workflow = val('GITHUB_WORKFLOW');
  ctx.job = val('GITHUB_JOB');
  ctx.runId = val('GITHUB_RUN_ID');
  ctx.actor = val('GITHUB_ACTOR');

  const event = readEvent(val('GITHUB_EVENT_PATH'), problems);
  if (event) {
    const repository = obj(event.repository);
    if (repository && typeof repository.private === 'boolean') ctx.repoPrivate = repository.private;
    if (ctx.eventName && (PULL_REQUEST_EVENTS as readonly string[]).includes(ctx.eventName)) {
      const pr = parsePullRequest(event, ctx.repository?.fullName);
      if (typeof pr === 'string') problems.pullRequest = `GITHUB_EVENT_PATH: ${pr}`;
      else ctx.pullRequest = pr;
    }
    const before = str(event.before)?.toLowerCase();
    // A new branch's push has before = 0000…: there is no commit before it.
    if (ctx.eventName === 'push' && before && SHA_RE.test(before) && !/^0+$/.test(before)) ctx.pushBefore = before;
  } else if (ctx.eventName && (PULL_REQUEST_EVENTS as readonly string[]).includes(ctx.eventName)) {
    problems.pullRequest = problems.event ?? 'GITHUB_EVENT_PATH is not set';
  }
  return ctx;
}

function readEvent(path: string | undefined, problems: GitHubContext['problems']): Record<string, unknown> | undefined {
  if (!path) {
    problems.event = 'GITHUB_EVENT_PATH is not set';
    return undefined;
  }
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    problems.event = `GITHUB_EVENT_PATH (${path}) cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`;
    return undefined;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    problems.event = `GITHUB_EVENT_PATH (${path}) is not valid JSON`;
    return undefined;
  }
  const o = obj(parsed);
  if (!o) problems.event = `GITHUB_EVENT_PATH (${path}) does not hold a JSON object`;
  return o;
}

/** The pull request of a pull_request(_target) payload, or what is wrong with it. */
export function parsePullRequest(event: Record<string, unknown>, repository: string | undefined): PullRequestInfo | string {
  const pr = obj(event.pull_request);
  if (!pr) return 'the event has no pull_request object';
  const number = typeof pr.number === 'number' ? pr.number : typeof event.number === 'number' ? event.number : NaN;
  if (!Number.isInteger(number) || number <= 0) return 'pull_request.number is missing or not a positive integer';
  const head = obj(pr.head);
  const base = obj(pr.base);
  const headSha = str(head?.sha)?.toLowerCase();
  const baseSha = str(base?.sha)?.toLowerCase();
  if (!headSha || !SHA_RE.test(headSha)) return 'pull_request.head.sha is missing or not a 40-hex commit SHA';
  if (!baseSha || !SHA_RE.test(baseSha)) return 'pull_request.base.sha is missing or not a 40-hex commit SHA';
  const headRepo = str(obj(head?.repo)?.full_name);
  return {
    number,
    headSha,
    headRef: str(head?.ref) ?? '',
    headRepo,
    baseSha,
    baseRef: str(base?.ref) ?? '',
    // A deleted fork has head.repo null: that is a fork too.
    fromFork: repository !== undefined && (headRepo === undefined ? head?.repo === null : headRepo.toLowerCase() !== repository.toLowerCase()),
  };
}

/**
 * The base the migration-safety rules compare with when the workflow names none: the pull request's base
 * commit, or on a push the commit before it. undefined on other events (schedule, workflow_dispatch).
 */
export function defaultBaseRef(ctx: GitHubContext): string | undefined {
  return ctx.pullRequest?.baseSha ?? ctx.pushBefore;
}

/** The value, or a ContextError naming the variable and what to do. */
export function need<K extends 'repository' | 'ref' | 'sha' | 'pullRequest' | 'eventName'>(
  ctx: GitHubContext,
  field: K,
  purpose: string,
): NonNullable<GitHubContext[K]> {
  const v = ctx[field];
  if (v !== undefined && v !== null) return v as NonNullable<GitHubContext[K]>;
  const why = ctx.problems[field] ?? `${field} is unknown`;
  throw new ContextError(`${why}, which ${purpose} needs — run inside GitHub Actions, or set the variable${field === 'ref' || field === 'sha' ? ' (or the ref and sha inputs)' : ''}`);
}

/** The Dependabot actor: its pull_request workflows get a read-only token. */
export function isDependabot(ctx: GitHubContext): boolean {
  return ctx.actor === 'dependabot[bot]';
}

// ---------------------------------------------------------------------------------------------------------
// ref and commit of an upload

export interface Git {
  /** `git rev-parse --verify <rev>^{commit}`, or undefined (no git, not a repository, unknown rev). */
  revParse(rev: string): string | undefined;
  /** Parent SHAs of a commit (`git log -1 --format=%P`), or undefined. */
  parents(rev: string): string[] | undefined;
}

/** Real git in `cwd`. Failures (git missing, not a repository, dubious ownership) read as "unknown". */
export function gitIn(cwd: string): Git {
  const run = (args: string[]): string | undefined => {
    try {
      return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 30_000 }).trim();
    } catch {
      return undefined;
    }
  };
  return {
    revParse(rev) {
      const out = run(['rev-parse', '--verify', '--quiet', `${rev}^{commit}`]);
      return out && SHA_RE.test(out) ? out : undefined;
    },
    parents(rev) {
      const out = run(['log', '-1', '--format=%P', rev]);
      return out === undefined ? undefined : out.split(/\s+/).filter((s) => SHA_RE.test(s));
    },
  };
}

export interface Target {
  ref: string;
  sha: string;
  /** One sentence: why this ref and commit. */
  how: string;
}

/**
 * The ref and commit to upload to. `ref`/`sha` overrides win (both or neither). Otherwise the commit is
 * HEAD of the checkout (GITHUB_SHA when git cannot tell) and the ref is GITHUB_REF, except on pull requests:
 * - HEAD is the pull request's head commit → `refs/pull/N/head`;
 * - HEAD is GITHUB_SHA or `refs/remotes/pull/N/merge`, or a merge commit whose second parent is the head
 *   commit → `refs/pull/N/merge`;
 * - otherwise on `pull_request` (GITHUB_REF `refs/pull/N/merge` but HEAD moved) → `refs/pull/N/head`, as
 *   codeql-action rewrites it; on `pull_request_target` GITHUB_REF (the base branch) stays.
 */
export function resolveTarget(ctx: GitHubContext, overrides: { ref?: string; sha?: string }, git: Git): Target {
  const refIn = overrides.ref?.trim() || undefined;
  const shaIn = overrides.sha?.trim() || undefined;
  if (refIn || shaIn) {
    if (!refIn || !shaIn) throw new UsageError(`input ${refIn ? 'ref' : 'sha'} is set without input ${refIn ? 'sha' : 'ref'} — set both or neither`);
    if (!REF_RE.test(refIn)) throw new UsageError(`input ref "${refIn}" is not refs/heads/<branch>, refs/tags/<tag> or refs/pull/<number>/(merge|head) — give the full ref`);
    if (!SHA_RE.test(shaIn.toLowerCase())) throw new UsageError(`input sha "${shaIn}" is not a 40-hex commit SHA — give the full commit SHA`);
    return { ref: refIn, sha: shaIn.toLowerCase(), how: 'from the ref and sha inputs' };
  }

  const ref = need(ctx, 'ref', 'a code scanning upload');
  const head = git.revParse('HEAD');
  const sha = head ?? need(ctx, 'sha', 'a code scanning upload (git could not read HEAD of the checkout)');
  const from = head ? 'HEAD of the checkout' : 'GITHUB_SHA (git could not read HEAD of the checkout)';

  const pr = ctx.pullRequest;
  const mergeRef = /^refs\/pull\/(\d+)\/merge$/.exec(ref);
  const isPrEvent = ctx.eventName !== undefined && (PULL_REQUEST_EVENTS as readonly string[]).includes(ctx.eventName);
  const number = pr?.number ?? (mergeRef ? Number(mergeRef[1]) : undefined);
  if (!isPrEvent && !mergeRef) return { ref, sha, how: `GITHUB_REF and ${from}` };
  if (number === undefined) return { ref, sha, how: `GITHUB_REF and ${from}` };

  const headRef = `refs/pull/${number}/head`;
  const merge = `refs/pull/${number}/merge`;
  if (pr && sha === pr.headSha) return { ref: headRef, sha, how: `${from} is the pull request's head commit` };
  if (head && (head === ctx.sha && mergeRef)) return { ref: merge, sha, how: `${from} is GITHUB_SHA, the merge commit of the pull request` };
  if (head && git.revParse(`refs/remotes/pull/${number}/merge`) === head) return { ref: merge, sha, how: `${from} is refs/remotes/pull/${number}/merge` };
  const parents = head ? git.parents('HEAD') : undefined;
  if (pr && parents && parents.length === 2 && parents[1] === pr.headSha) {
    return { ref: merge, sha, how: `${from} is a merge commit of the pull request's head into the base` };
  }
  if (!head && mergeRef) return { ref: merge, sha, how: `${from} on the merge ref` };
  if (ctx.eventName === 'pull_request' || (mergeRef && ctx.eventName !== 'pull_request_target')) {
    return { ref: headRef, sha, how: `${from} is not the merge commit, so the results belong to the pull request head (as codeql-action reports them)` };
  }
  return { ref, sha, how: `GITHUB_REF and ${from}` };
}

function obj(v: unknown): Record<string, unknown> | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

function isUrl(s: string): boolean {
  try {
    new URL(s);
    return true;
  } catch {
    return false;
  }
}
