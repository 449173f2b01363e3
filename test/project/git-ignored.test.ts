/**
 * The walk skips what git ignores and does not track (src/project/git-ignored.ts), with real git: an ignored
 * file that is committed anyway is read, an untracked one is not, and the rules gate says how many paths it did
 * not read. Outside a work tree, or asked to scan a folder git ignores, it reads everything. A file with a
 * syntax error shows whether the scan read it: launch.I001 names it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { git } from '../support/git';
import { projectDir, runCli } from '../support/cli';

const BROKEN = 'def broken(:\n    pass\n';

function project(prefix: string): string {
  return projectDir(prefix, {
    'manage.py': 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "app.settings")\n',
    'app/__init__.py': '',
    'app/settings.py': 'import os\nDEBUG = False\nSECRET_KEY = os.environ["DJANGO_SECRET_KEY"]\nALLOWED_HOSTS = ["example.com"]\n',
    '.gitignore': 'local_settings.py\nscratch/\nlegacy_*.py\n',
  });
}

async function read(dir: string): Promise<{ unscannable: string[]; detail: string }> {
  const r = await runCli([dir, '--gates', 'rules', '--format', 'json', '--fail-on', 'never']);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  const report = JSON.parse(r.out) as { findings: Array<{ ruleId: string; location: { file: string } }>; gates: Array<{ gate: string; detail?: string }> };
  return {
    unscannable: report.findings.filter((f) => f.ruleId === 'launch.I001').map((f) => f.location.file).sort(),
    detail: report.gates.find((g) => g.gate === 'rules')?.detail ?? '',
  };
}

function addBroken(dir: string): void {
  writeFileSync(join(dir, 'local_settings.py'), BROKEN);
  mkdirSync(join(dir, 'scratch'));
  writeFileSync(join(dir, 'scratch', 'try.py'), BROKEN);
  writeFileSync(join(dir, 'app', 'new_views.py'), BROKEN);
}

it('untracked files git ignores are not read; ignored files that are committed are, and the gate says what it skipped', async () => {
  const dir = project('dlg-gitignored-');
  git(dir, 'init', '-q');
  writeFileSync(join(dir, 'legacy_views.py'), BROKEN);
  git(dir, 'add', '.');
  git(dir, 'add', '-f', 'legacy_views.py');
  git(dir, 'commit', '-q', '-m', 'project');
  addBroken(dir);
  const r = await read(dir);
  expect(r.unscannable).toEqual(['app/new_views.py', 'legacy_views.py']);
  expect(r.detail).toContain('1 file and 1 folder git ignores (untracked) not read');
});

it('outside a git work tree, and in a folder git ignores, every file is read', async () => {
  const plain = project('dlg-nogit-');
  addBroken(plain);
  expect((await read(plain)).unscannable).toEqual(['app/new_views.py', 'local_settings.py', 'scratch/try.py']);
  expect((await read(plain)).detail).not.toContain('git ignores');

  // A repository that ignores the folder the gate is pointed at (a checkout kept in an ignored cache folder).
  const repo = projectDir('dlg-ignoredroot-', { '.gitignore': 'checkouts/\n', 'README': 'x\n' });
  git(repo, 'init', '-q');
  git(repo, 'add', '.');
  git(repo, 'commit', '-q', '-m', 'repo');
  const inner = join(repo, 'checkouts', 'shop');
  mkdirSync(inner, { recursive: true });
  for (const [rel, text] of Object.entries({ 'manage.py': 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "app.settings")\n', 'app/__init__.py': '', 'app/settings.py': 'DEBUG = False\n', '.gitignore': 'local_settings.py\nscratch/\n' })) {
    mkdirSync(join(inner, rel, '..'), { recursive: true });
    writeFileSync(join(inner, rel), text);
  }
  addBroken(inner);
  expect((await read(inner)).unscannable).toEqual(['app/new_views.py', 'local_settings.py', 'scratch/try.py']);
});

it("a settings module .gitignore keeps out (each deployment writes its own) is a launch.E003 note, not an error — in a git work tree and in an exported tree alike", async () => {
  const files = {
    'manage.py': 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "app.settings")\n',
    'app/__init__.py': '',
    'app/wsgi.py': 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "app.settings")\n',
    'app/settings_common.py': 'DEBUG = False\n',
    '.gitignore': 'app/settings.py\n',
  };
  const e003 = async (dir: string) => {
    const r = await runCli([dir, '--gates', 'rules', '--format', 'json', '--fail-on', 'never']);
    expect(r.code, r.err).toBe(0);
    return (JSON.parse(r.out) as { findings: Array<{ ruleId: string; level: string; message: string }> }).findings.filter((f) => f.ruleId === 'launch.E003');
  };
  // no git: the repository's .gitignore files say it (a release tarball, GitHub's zip)
  const exported = await e003(projectDir('dlg-e003-exported-', files));
  expect(exported.map((f) => f.level)).toEqual(['note']);
  expect(exported[0].message).toContain('.gitignore keeps out of the repository (app/settings.py)');
  // a .gitignore in the module's own folder counts too; a deeper one's negation wins over the root's
  const { '.gitignore': _root, ...bare } = files;
  expect((await e003(projectDir('dlg-e003-nested-', { ...bare, 'app/.gitignore': 'settings.py\n' }))).map((f) => f.level)).toEqual(['note']);
  expect((await e003(projectDir('dlg-e003-negated-', { ...bare, '.gitignore': 'settings.py\n', 'app/.gitignore': '!settings.py\n' }))).map((f) => f.level)).toEqual(['error']);
  // nothing ignores it: it is missing, and production would not start
  expect((await e003(projectDir('dlg-e003-plain-', bare))).map((f) => f.level)).toEqual(['error']);
  expect((await e003(projectDir('dlg-e003-other-', { ...bare, '.gitignore': 'local_settings.py\n.env\n' }))).map((f) => f.level)).toEqual(['error']);
  const repo = projectDir('dlg-e003-ignored-', files);
  git(repo, 'init', '-q');
  git(repo, 'add', '.');
  git(repo, 'commit', '-q', '-m', 'project');
  const found = await e003(repo);
  expect(found.map((f) => f.level)).toEqual(['note']);
  expect(found[0].message).toContain('.gitignore keeps out of the repository (app/settings.py)');
});
