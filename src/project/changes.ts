/**
 * What a change adds: the files added since a base ref (`--base-ref`, the action's `base-ref`), relative to
 * the scan root. The migration-safety rules judge the migrations among them — the ones the next deploy
 * applies while the release before it still serves.
 *
 * Compared with the merge base of the ref and HEAD (what a pull request adds, not what the base branch
 * gained since), plus the working tree: files added and not yet committed, and untracked files git does not
 * ignore (a migration `makemigrations` just wrote).
 */
import { execFileSync } from 'node:child_process';

export type Changes =
  | { base: string; added: Set<string> }
  /** The base could not be used (a shallow clone without it): said, never a pass. */
  | { base: string; unavailable: string };

/** Thrown when a base ref named by the user cannot be read: exit 2. */
export class BaseRefError extends Error {
  override name = 'BaseRefError';
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
  }
}

function git(root: string, args: string[]): string {
  return execFileSync('git', ['-C', root, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
}

function gitOk(root: string, args: string[]): string | undefined {
  try {
    return git(root, args);
  } catch {
    return undefined;
  }
}

/**
 * Files added since `ref` under `root`. `explicit`: the user named the ref, so a ref git cannot resolve is
 * their input to fix (BaseRefError); a default ref (the action's pull request base) that the clone lacks is
 * `unavailable` instead, with what to change.
 */
export function addedSince(root: string, ref: string, explicit: boolean): Changes {
  if (gitOk(root, ['rev-parse', '--is-inside-work-tree'])?.trim() !== 'true') {
    if (explicit) throw new BaseRefError(`base ref ${ref} given, but ${root} is not in a git repository`, 'run in a git checkout, or leave --base-ref out');
    return { base: ref, unavailable: `${root} is not in a git repository` };
  }
  const commit = gitOk(root, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`])?.trim();
  if (!commit) {
    const shallow = gitOk(root, ['rev-parse', '--is-shallow-repository'])?.trim() === 'true';
    const why = `base ref ${ref} is not a commit in this clone${shallow ? ' (a shallow clone)' : ''}`;
    const hint = shallow ? 'check out with fetch-depth: 0 (actions/checkout), or git fetch the base' : 'git fetch it (e.g. git fetch origin main), or pass a ref this clone has';
    if (explicit) throw new BaseRefError(why, hint);
    return { base: ref, unavailable: `${why} — ${hint}` };
  }
  const head = gitOk(root, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'])?.trim();
  // The merge base, when HEAD and the ref share history in this clone; else the ref itself.
  const mergeBase = head ? gitOk(root, ['merge-base', commit, head])?.trim() : undefined;
  const from = mergeBase || commit;
  const added = new Set<string>();
  // --relative: paths relative to root, files outside it left out. -z: any file name, unquoted.
  for (const p of git(root, ['diff', '--name-only', '--diff-filter=A', '--no-renames', '--relative', '-z', from]).split('\0')) if (p) added.add(p);
  for (const p of git(root, ['ls-files', '--others', '--exclude-standard', '-z']).split('\0')) if (p) added.add(p);
  return { base: ref, added };
}

