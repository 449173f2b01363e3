/**
 * The files git ignores under the scan root, which the walk then never reads: a local `.env` with real keys, a
 * `local_settings.py`, a virtualenv or `media/` folder under a name the walk does not know. On a runner's
 * clean checkout they do not exist; on a developer's machine they would make the CLI judge files that are
 * never committed, so that it disagrees with CI.
 *
 * Only *untracked* ignored files are skipped. A file that is committed although a .gitignore pattern matches
 * it (added with -f, or ignored after it was committed — the classic committed `.env`) is what the checkout
 * holds and what the deploy ships: it is read. That is why git itself answers
 * (`git ls-files --others --ignored --exclude-standard --directory`: untracked paths matched by .gitignore
 * files at every level, .git/info/exclude and the user's core.excludesFile, ignored folders as one `dir/`
 * entry) rather than a .gitignore parser, which cannot know what is tracked. Outside a git work tree, without
 * git, or when git refuses the repository (another user's checkout: safe.directory), nothing is skipped and
 * the walk reads everything, as before — reading more is never a silent pass.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ignore, { type Ignore } from 'ignore';

export interface GitIgnored {
  /** Is this path (relative to the scan root, `/`-separated; folders without a trailing slash) ignored and untracked? */
  has(rel: string, folder: boolean): boolean;
  /** How many ignored entries git listed (an ignored folder counts once). */
  count: number;
}

/**
 * git in `root`, its stdout. core.fsmonitor off: a repository's config must not make listing files run a hook;
 * no optional locks, C locale, raw paths. `input` goes to its stdin. Throws as execFileSync does.
 */
function runGit(root: string, args: string[], input?: string): string {
  return execFileSync('git', ['-c', 'core.fsmonitor=false', '-c', 'core.quotePath=false', ...args], {
    cwd: root,
    encoding: 'utf8',
    ...(input !== undefined ? { input } : {}),
    stdio: [input !== undefined ? 'pipe' : 'ignore', 'pipe', 'ignore'],
    maxBuffer: 256 * 1024 * 1024,
    timeout: 60_000,
    env: { ...process.env, LC_ALL: 'C', GIT_OPTIONAL_LOCKS: '0' },
  });
}

/** What git ignores under `root`, or undefined when git cannot say (see above). */
export function gitIgnored(root: string): GitIgnored | undefined {
  const git = (args: string[]) => runGit(root, args);
  let out: string;
  try {
    // The folder the user named is itself ignored (a checkout kept in an ignored cache folder): read it all.
    git(['check-ignore', '-q', '.']);
    return undefined;
  } catch {
    // not ignored (exit 1), or git cannot say (exit 128), which ls-files then says too
  }
  try {
    out = git(['ls-files', '-z', '--others', '--ignored', '--exclude-standard', '--directory']);
  } catch {
    return undefined; // not a work tree, no git, or a repository git refuses
  }
  const files = new Set<string>();
  const folders = new Set<string>();
  for (const entry of out.split('\0')) {
    if (!entry) continue;
    if (entry.endsWith('/')) folders.add(entry.slice(0, -1));
    else files.add(entry);
  }
  return {
    has: (rel, folder) => (folder ? folders.has(rel) : files.has(rel)),
    count: files.size + folders.size,
  };
}

/**
 * Which of these paths (relative to `root`, `/`-separated; they need not exist) git's ignore rules leave out of
 * the repository: a settings module a project keeps untracked on purpose (RapidPro's `temba/settings.py`, which
 * every deployment writes). git answers in a work tree; outside one (an exported tree: a release tarball,
 * GitHub's zip, `git archive`), or without git, the repository's own .gitignore files do (gitignoreMatches) —
 * the question is only what the rules say about a path, not whether it is tracked.
 */
export function ignoredPaths(root: string, rels: readonly string[]): Set<string> {
  if (rels.length === 0) return new Set();
  try {
    runGit(root, ['rev-parse', '--is-inside-work-tree']);
  } catch {
    return gitignoreMatches(root, rels);
  }
  try {
    const out = runGit(root, ['check-ignore', '--no-index', '-z', '--stdin'], rels.map((r) => `${r}\0`).join(''));
    return new Set(out.split('\0').filter(Boolean));
  } catch (e) {
    // exit 1: none of them is ignored; any other failure: git cannot say
    const stdout = (e as { stdout?: unknown }).stdout;
    return new Set(typeof stdout === 'string' ? stdout.split('\0').filter(Boolean) : []);
  }
}

/**
 * The paths the .gitignore files under `root` ignore, read as git reads them (the `ignore` package implements
 * the gitignore format): the file in each folder from the root down to the path's own, a deeper file's rule
 * (a `!` negation too) deciding over a shallower one, and a path under an ignored folder ignored. Rules of
 * .git/info/exclude and the user's excludes file are git's own, and there is no git here.
 */
function gitignoreMatches(root: string, rels: readonly string[]): Set<string> {
  const rules = new Map<string, Ignore | undefined>();
  const rulesOf = (dir: string): Ignore | undefined => {
    if (!rules.has(dir)) {
      let text: string | undefined;
      try {
        text = readFileSync(join(root, dir, '.gitignore'), 'utf8');
      } catch {
        text = undefined; // no .gitignore here
      }
      rules.set(dir, text === undefined ? undefined : ignore().add(text));
    }
    return rules.get(dir);
  };
  const out = new Set<string>();
  for (const rel of rels) {
    const parts = rel.split('/');
    let ignored = false;
    // each folder on the way, then the path itself: an ignored folder hides everything under it
    for (let end = 1; end <= parts.length && !ignored; end++) {
      const path = parts.slice(0, end).join('/') + (end < parts.length ? '/' : '');
      let verdict = false;
      for (let depth = 0; depth < end; depth++) {
        const r = rulesOf(parts.slice(0, depth).join('/'));
        if (!r) continue;
        const t = r.test(path.split('/').slice(depth).join('/'));
        if (t.ignored) verdict = true;
        else if (t.unignored) verdict = false;
      }
      ignored = verdict;
    }
    if (ignored) out.add(rel);
  }
  return out;
}
