/**
 * Which files of a scan count, and for what: test code, migrations, management commands, dev-named files and
 * folders, the project that owns a file, and the Python files that run in production. Path-only and
 * conservative; part of the project model (see model.ts).
 */
import type { ScanContext, ScannedProject } from './scan';
import type { SourceFile } from './workspace';
import { setsDjangoSetting, settingsPath } from './settings-modules';
import { migrationFiles } from './migrations';
import { scanFactOf } from './scan-facts';

export function baseName(rel: string): string {
  return rel.slice(rel.lastIndexOf('/') + 1);
}

export function dirName(rel: string): string {
  const i = rel.lastIndexOf('/');
  return i < 0 ? '' : rel.slice(0, i);
}

/** Test code: tests/ folders, test_*.py, *_tests.py, tests.py, conftest.py, testing settings. */
export function isTestPath(rel: string): boolean {
  const parts = rel.split('/');
  const name = parts[parts.length - 1];
  if (parts.slice(0, -1).some((p) => /^(tests?|testing|test_\w+|\w+_tests?|testapp|testproject|test_project|functional_tests|e2e|spec|specs)$/i.test(p))) return true;
  return /^(test_.*|.*_tests?|tests?|conftest|testing)\.py$/i.test(name);
}

/** Words that name development code, and the ones that also name settings for a local machine. */
const DEV_WORDS = ['dev', 'devel', 'develop', 'development', 'devstack', 'test', 'tests', 'testing', 'e2e', 'ci', 'example', 'examples', 'sample', 'samples', 'debug', 'debugger', 'vscode'];
const LOCAL_WORDS = ['local', 'locals', 'localhost'];
const wordIn = (words: readonly string[]) => new RegExp(`(^|[._\\-/])(${words.join('|')})([._\\-/]|$)`, 'i');

/** Development-only by name: a word dev/development/local/test/e2e/ci/example/sample/debugger/vscode in a file or folder name. */
const DEV_WORD = wordIn([...DEV_WORDS, ...LOCAL_WORDS]);

export function isDevName(name: string): boolean {
  return DEV_WORD.test(name);
}

/**
 * A Python module named for development or tests (`debug.py`, `dev_urls.py`, `example_tasks.py`): isDevName
 * without `local`, which names settings (`local.py`, `settings_local.py`: those are judged as settings) but in
 * the project's code names what production runs too — Tandoor's `cookbook/provider/local.py` (the local-folder
 * sync its API imports), jumpserver's `common/local.py` (thread-local storage), wcivf's `import_local_parties`.
 */
const DEV_CODE_WORD = wordIn(DEV_WORDS);

export function isDevCodeName(name: string): boolean {
  return DEV_CODE_WORD.test(name);
}

/**
 * Folders whose content never runs in production: dev containers, docs, examples. Judged below the
 * owning project's folder when ctx is given (a project that itself lives in `example/` is still a project).
 */
export function inDevFolder(rel: string, ctx?: ScanContext): boolean {
  return devFolders(rel, ctx).length > 0;
}

/**
 * inDevFolder for the project's Python code: a folder named `local` does not make it development code — jumpserver's
 * `accounts/backends/local/` (its local-account backend) and a container's `usr/local/etc/gunicorn.conf.py` are what
 * production runs. (A deploy file under `local/` — cookiecutter-django's `compose/local/` — stays development.)
 */
export function inDevCodeFolder(rel: string, ctx?: ScanContext): boolean {
  return devFolders(rel, ctx).some((p) => p.toLowerCase() !== 'local');
}

/**
 * The folders of `rel` (below its project's root) named for development, tests, docs or CI — by name, or by a part
 * of a compound name that says development or tests (Sefaria's `dev_docker/`, `docker-dev/`; A+'s `e2e_tests/`), and a project template's
 * folders (`{{cookiecutter.project_name}}/`).
 */
function devFolders(rel: string, ctx?: ScanContext): string[] {
  const base = ctx ? projectOf(ctx, rel)?.root : undefined;
  const inner = base && rel.startsWith(base + '/') ? rel.slice(base.length + 1) : rel;
  return inner
    .split('/')
    .slice(0, -1)
    .filter((p) => /^(\.devcontainer|\.github|docs?|examples?|samples?|dev|devel|development|local|tests?|testing|e2e|ci|fixtures)$/i.test(p) || p.split(/[._-]+/).some((w) => /^(dev|devel|development|tests|testing|e2e)$/i.test(w)) || inTemplateFolder(p));
}

/**
 * Is the path in a project template's folder (`{{cookiecutter.project_name}}/`, a Jinja-named folder)? Projects are
 * generated from it; the template itself is never deployed.
 */
export function inTemplateFolder(rel: string): boolean {
  return rel.split('/').some((p) => p.includes('{{'));
}

export function isMigration(rel: string): boolean {
  return rel.split('/').includes('migrations');
}

export function isManagementCommand(rel: string): boolean {
  return /(^|\/)management\/commands\//.test(rel);
}

/** Folder holding a project (longest manage.py root that contains rel), or undefined. */
export function projectOf(ctx: ScanContext, rel: string): ScannedProject | undefined {
  let best: ScannedProject | undefined;
  for (const p of ctx.projects) {
    if (p.root === '' || rel === p.root || rel.startsWith(p.root + '/')) {
      if (!best || p.root.length > best.root.length) best = p;
    }
  }
  return best;
}

/**
 * Is this a file whose findings this run of the rules reports? The rules gate runs the model and view rules a
 * batch of files at a time (ScanContext.fileBatch, runRulesReleasing in src/gates/rules.ts): a rule reports on
 * the files of the batch, and reads any other file it needs to decide. Always true outside a batch.
 */
export function inFileBatch(ctx: ScanContext, rel: string): boolean {
  return !ctx.fileBatch || ctx.fileBatch.has(rel);
}

/**
 * What a rule works out once for every batch of a run (ScanContext.batchShared) — `fresh` in the batch that worked
 * it out, which reports what it found there; outside batches always fresh.
 */
export function onceForBatches<T>(ctx: ScanContext, key: string, compute: () => T): { value: T; fresh: boolean } {
  const shared = ctx.batchShared;
  if (!shared) return { value: compute(), fresh: true };
  if (shared.has(key)) return { value: shared.get(key) as T, fresh: false };
  const value = compute();
  shared.set(key, value);
  return { value, fresh: true };
}

/**
 * Every Python file in a batch, in order, each batch holding files that weigh at most `max` characters
 * together (a heavier file is a batch of its own; a file that weighs 0 joins the batch at hand): what the
 * rules run on at once, their trees let go between batches. `weight` is the source a rule of the group parses
 * for the file — 0 for a file its text filters leave unparsed.
 */
export function fileBatches(ctx: ScanContext, weight: (f: SourceFile) => number, max: number): Set<string>[] {
  const out: Set<string>[] = [];
  let batch = new Set<string>();
  let held = 0;
  for (const f of ctx.workspace.pythonFiles()) {
    const n = weight(f);
    if (n > 0 && held > 0 && held + n > max) {
      out.push(batch);
      batch = new Set();
      held = 0;
    }
    batch.add(f.rel);
    held += n;
  }
  if (batch.size) out.push(batch);
  return out;
}

/** Model modules: `models.py` and the files of a `models/` package. */
export function isModelsFile(rel: string): boolean {
  return baseName(rel) === 'models.py' || rel.split('/').slice(0, -1).includes('models');
}

/** Files that count for a project: its own files, plus files outside every project (repo-level deploy files). */
export function countsFor(ctx: ScanContext, project: ScannedProject, rel: string): boolean {
  const owner = projectOf(ctx, rel);
  return owner === undefined || owner === project;
}

/**
 * Settings modules that only development/test settings use (run by some non-production settings module, never
 * by the production chain): those of them that are settings — in a `settings/` folder, named for settings, or
 * assigning a setting Django defines. The rest of what development settings import is the project's code
 * (models, utilities a test settings module imports for a value), which production runs too.
 */
export function devOnlySettingsFiles(ctx: ScanContext, project: ScannedProject): Set<string> {
  const prod = new Set(project.production?.files ?? []);
  const out = new Set<string>();
  for (const s of project.settings) {
    if (s.production) continue;
    for (const f of s.files) {
      if (prod.has(f) || out.has(f)) continue;
      const text = ctx.workspace.get(f)?.text;
      if (settingsPath(f) || (text !== undefined && setsDjangoSetting(text))) out.add(f);
    }
  }
  return out;
}

/** Python files that run in production: no tests, migrations, dev-named or dev-only settings files. */
export function productionPythonFiles(ctx: ScanContext, project?: ScannedProject): SourceFile[] {
  // a list of files (a fact): worked out once per scan, not in each batch of the rules that ask
  return scanFactOf(ctx, `production-python-files:${project ? `p:${project.root}` : '*'}`, () => productionPythonFilesOf(ctx, project));
}

function productionPythonFilesOf(ctx: ScanContext, project?: ScannedProject): SourceFile[] {
  const devOnly = new Set<string>();
  const prodChain = new Set<string>();
  for (const p of project ? [project] : ctx.projects) {
    for (const f of devOnlySettingsFiles(ctx, p)) devOnly.add(f);
    for (const f of p.production?.files ?? []) prodChain.add(f);
  }
  // migrations in a package MIGRATION_MODULES names (`dojo/db_migrations/`) are migrations too
  const migrations = new Set(migrationFiles(ctx).map((m) => m.file.rel));
  return ctx.workspace.pythonFiles().filter((f) => {
    if (project && !countsFor(ctx, project, f.rel)) return false;
    if (prodChain.has(f.rel)) return true; // the production settings chain, whatever its file names say
    if (isTestPath(f.rel) || isMigration(f.rel) || migrations.has(f.rel) || inDevCodeFolder(f.rel, ctx) || devOnly.has(f.rel)) return false;
    const name = baseName(f.rel).replace(/\.py$/, '');
    // `local.py` that sets Django settings is development settings nothing named (those are development-only)
    if (isDevCodeName(name) || (isDevName(name) && setsDjangoSetting(f.text))) return false;
    return true;
  });
}

/** Memoise a per-project answer for one scan (`project` undefined: the whole scan). */
export function perProject<T>(cache: WeakMap<ScanContext, Map<string, T>>, ctx: ScanContext, project: ScannedProject | undefined, compute: () => T): T {
  let byProject = cache.get(ctx);
  if (!byProject) cache.set(ctx, (byProject = new Map()));
  const key = project ? `p:${project.root}` : '*';
  if (byProject.has(key)) return byProject.get(key)!;
  const value = compute();
  byProject.set(key, value);
  return value;
}
