/**
 * Migration safety against a base ref, on real git repositories: only the migrations a change adds are
 * judged at their level (merge base, commits, staged and untracked files); without a base every migration
 * is a note and the checklist item is "not checked"; a base the user names but git lacks is exit-2 input;
 * a default base a shallow clone lacks is said, never a pass.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../../src/cli';
import { UsageError } from '../../src/errors';
import type { Report } from '../../src/finding';
import { addedSince } from '../../src/project/changes';
import { run } from '../../src/run';
import { tempDir } from '../support/tmp';

const SETTINGS = 'import os\nSECRET_KEY = os.environ["DJANGO_SECRET_KEY"]\nDEBUG = False\nALLOWED_HOSTS = ["example.com"]\nINSTALLED_APPS = ["shop", "blog"]\n';
const MANAGE = 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "app.settings")\n';
const INITIAL = (model: string) =>
  `from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    initial = True\n    dependencies = []\n    operations = [\n        migrations.CreateModel(\n            name="${model}",\n            fields=[\n                ("id", models.BigAutoField(primary_key=True, serialize=False)),\n                ("note", models.TextField(null=True)),\n                ("reference", models.CharField(max_length=20)),\n            ],\n        ),\n    ]\n`;
const migration = (app: string, dep: string, op: string) =>
  `from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    dependencies = [("${app}", "${dep}")]\n    operations = [\n        ${op},\n    ]\n`;

function write(root: string, files: Record<string, string>): void {
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com', GIT_CONFIG_GLOBAL: '/dev/null' },
  });
}

/**
 * main: the project with its initial migrations. Branch `feature` (checked out): a committed RemoveField, a
 * staged RenameField and an untracked RunPython without reverse. main then gains a migration of its own.
 */
function repository(sub = ''): { repo: string; root: string } {
  const repo = tempDir('dlg-changes-');
  const root = sub ? join(repo, sub) : repo;
  git(repo, 'init', '-q', '-b', 'main');
  write(root, {
    'manage.py': MANAGE,
    'app/__init__.py': '',
    'app/settings.py': SETTINGS,
    'shop/__init__.py': '',
    'shop/migrations/__init__.py': '',
    'shop/migrations/0001_initial.py': INITIAL('Order'),
    'blog/__init__.py': '',
    'blog/migrations/__init__.py': '',
    'blog/migrations/0001_initial.py': INITIAL('Post'),
    'blog/migrations/0002_applied_long_ago.py': migration('blog', '0001_initial', 'migrations.RemoveField(model_name="post", name="reference")'),
  });
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'initial');
  git(repo, 'checkout', '-q', '-b', 'feature');
  write(root, { 'shop/migrations/0002_remove_order_note.py': migration('shop', '0001_initial', 'migrations.RemoveField(model_name="order", name="note")') });
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'drop note');
  write(root, { 'shop/migrations/0003_rename_reference.py': migration('shop', '0002_remove_order_note', 'migrations.RenameField(model_name="order", old_name="reference", new_name="ref")') });
  git(repo, 'add', join(root, 'shop/migrations/0003_rename_reference.py'));
  write(root, { 'shop/migrations/0004_backfill.py': 'from django.db import migrations\n\n\ndef fill(apps, schema_editor):\n    pass\n\n\nclass Migration(migrations.Migration):\n    dependencies = [("shop", "0003_rename_reference")]\n    operations = [\n        migrations.RunPython(fill),\n    ]\n' });
  // main moves on after the branch: its new migration is not this change's.
  git(repo, 'stash', '-q', '--include-untracked');
  git(repo, 'checkout', '-q', 'main');
  write(root, { 'blog/migrations/0003_on_main.py': migration('blog', '0002_applied_long_ago', 'migrations.RemoveField(model_name="post", name="note")') });
  git(repo, 'add', join(root, 'blog/migrations/0003_on_main.py'));
  git(repo, 'commit', '-q', '-m', 'main moves on');
  git(repo, 'checkout', '-q', 'feature');
  git(repo, 'stash', 'pop', '-q', '--index');
  return { repo, root };
}

const migrationFindings = (report: Report) =>
  report.findings.filter((f) => /^launch\.[WEI]23\d$/.test(f.ruleId)).map((f) => `${f.ruleId} ${f.level} ${f.location.file}:${f.location.line}`).sort();
const safety = (report: Report) => report.checklist.find((c) => c.item === 'migration-safety');

describe('migrations against a base ref (real git)', () => {
  it('judges only what the branch adds since the merge base: committed, staged and untracked migrations, at their level', async () => {
    const { root } = repository();
    expect([...(addedSince(root, 'main', true) as { added: Set<string> }).added].sort()).toEqual([
      'shop/migrations/0002_remove_order_note.py',
      'shop/migrations/0003_rename_reference.py',
      'shop/migrations/0004_backfill.py',
    ]);
    const { report } = await run({ path: root, env: {}, baseRef: 'main' });
    expect(migrationFindings(report)).toEqual([
      'launch.W231 warning shop/migrations/0002_remove_order_note.py:7',
      'launch.W232 warning shop/migrations/0003_rename_reference.py:7',
      'launch.W237 warning shop/migrations/0004_backfill.py:11',
    ]);
    expect(safety(report)?.status).toBe('findings');
  });

  it('a project in a subfolder of the repository: paths relative to the scan root', async () => {
    const { root } = repository('site');
    const { report } = await run({ path: root, env: {}, baseRef: 'main' });
    expect(migrationFindings(report)).toContain('launch.W231 warning shop/migrations/0002_remove_order_note.py:7');
    expect(migrationFindings(report).filter((f) => f.includes('blog/'))).toEqual([]);
  });

  it('no base: every migration is judged as a note that says why, and the item is "not checked" — never a pass', async () => {
    const { root } = repository();
    const { report } = await run({ path: root, env: {} });
    const found = migrationFindings(report);
    expect(found).toContain('launch.W231 note blog/migrations/0002_applied_long_ago.py:7');
    expect(found).toContain('launch.W231 note shop/migrations/0002_remove_order_note.py:7');
    expect(found.every((f) => f.includes(' note '))).toBe(true);
    expect(report.findings.find((f) => f.ruleId === 'launch.W231')!.message).toMatch(/no base ref tells whether production already applied it — pass --base-ref/);
    expect(safety(report)).toMatchObject({ status: 'not-checked' });
    expect(safety(report)!.reason).toMatch(/no base ref/);
  });

  it('a base with nothing new: not applicable, nothing reported; an untracked migration is new', async () => {
    const { repo, root } = repository();
    git(repo, 'stash', '-q', '--include-untracked');
    git(repo, 'checkout', '-q', 'main');
    const clean = await run({ path: root, env: {}, baseRef: 'main' });
    expect(migrationFindings(clean.report)).toEqual([]);
    expect(safety(clean.report)).toEqual({ item: 'migration-safety', status: 'not-applicable', reason: 'no migration was added since the base ref' });
    write(root, { 'blog/migrations/0004_drop.py': migration('blog', '0003_on_main', 'migrations.DeleteModel(name="Post")') });
    const { report } = await run({ path: root, env: {}, baseRef: 'main' });
    expect(migrationFindings(report)).toEqual(['launch.W231 warning blog/migrations/0004_drop.py:7']);
  });

  it('a base ref the user names that git does not know: one clear message, exit-2 input', async () => {
    const { root } = repository();
    await expect(run({ path: root, env: {}, baseRef: 'origin/nope' })).rejects.toThrow(UsageError);
    await expect(run({ path: root, env: {}, baseRef: 'origin/nope' })).rejects.toThrow(/base ref origin\/nope is not a commit in this clone/);
    const notGit = tempDir('dlg-nogit-');
    write(notGit, { 'manage.py': MANAGE, 'app/__init__.py': '', 'app/settings.py': SETTINGS });
    await expect(run({ path: notGit, env: {}, baseRef: 'main' })).rejects.toThrow(/is not in a git repository/);
  });

  it('a shallow clone without the default base (fetch-depth: 1): the item says so; findings are notes', async () => {
    const { repo } = repository();
    const clone = tempDir('dlg-shallow-');
    git(clone, 'clone', '-q', '--depth', '1', '--branch', 'feature', `file://${repo}`, 'c');
    const root = join(clone, 'c');
    const base = git(repo, 'rev-parse', 'main').trim();
    const { report } = await run({ path: root, env: {}, baseRef: base, baseRefDefault: true });
    expect(safety(report)).toMatchObject({ status: 'not-checked' });
    expect(safety(report)!.reason).toContain(`base ref ${base} is not a commit in this clone (a shallow clone) — check out with fetch-depth: 0`);
    expect(migrationFindings(report).every((f) => f.includes(' note '))).toBe(true);
    await expect(run({ path: root, env: {}, baseRef: base })).rejects.toThrow(/shallow clone/);
  });

  it('CLI: --base-ref judges what the branch adds; without it every migration is a note; a bad ref is one line and exit 2', async () => {
    const { root } = repository();
    const io = () => {
      const out = { stdout: '', stderr: '' };
      return { out, io: { stdout: { write: (t: string) => (out.stdout += t) }, stderr: { write: (t: string) => (out.stderr += t) }, cwd: root, env: {} } };
    };
    const named = io();
    expect(await cli(['.', '--format', 'json', '--fail-on', 'never', '--base-ref', 'main'], named.io)).toBe(0);
    const report = JSON.parse(named.out.stdout) as Report;
    expect(migrationFindings(report)).toEqual([
      'launch.W231 warning shop/migrations/0002_remove_order_note.py:7',
      'launch.W232 warning shop/migrations/0003_rename_reference.py:7',
      'launch.W237 warning shop/migrations/0004_backfill.py:11',
    ]);
    expect(report.gates.find((g) => g.gate === 'rules')!.detail).toMatch(/base ref main: 3 files added since$/);
    const none = io();
    await cli(['.', '--format', 'json', '--fail-on', 'never'], none.io);
    expect(migrationFindings(JSON.parse(none.out.stdout) as Report).every((f) => f.includes(' note '))).toBe(true);
    const bad = io();
    expect(await cli(['.', '--base-ref', 'no-such-branch'], bad.io)).toBe(2);
    expect(bad.out.stderr).toBe('django-launch-gate: base ref no-such-branch is not a commit in this clone — git fetch it (e.g. git fetch origin main), or pass a ref this clone has\n');
  });
});
