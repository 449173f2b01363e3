/**
 * git in a test's own repositories: a fixed identity, `main` as the first branch, no signing, whatever the
 * machine's git config says. Returns stdout, trimmed; a failing command throws with git's stderr.
 * (test/deploy/release.test.ts and test/project/changes.test.ts keep their own: they run git with a controlled
 * environment — HOME, no global config — that the code under test also sees.)
 */
import { spawnSync } from 'node:child_process';

export function git(cwd: string, ...args: string[]): string {
  const r = spawnSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', ...args], {
    cwd,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout.trim();
}
