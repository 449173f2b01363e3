/**
 * ScanContext: what every rule sees — the workspace (files, parsed lazily), the Django projects found
 * under the root, and for each the production settings (resolved from evidence: src/project/production.ts)
 * and its other settings modules, evaluated (src/project/evaluate.ts).
 */
import { imageDotenv } from './image-dotenv';
import { MIN_SECRET_LENGTH, type ProjectInfo } from '../finding';

/** Variable names whose values are secrets (passwords, keys, tokens, DSNs). */
const SECRET_VARIABLE = /SECRET|PASSWORD|PASSWD|TOKEN|KEY|DSN|CREDENTIALS|DATABASE_URL/i;
import { UNKNOWN, type EvaluatedSettings } from './values';
import { admitsAtLeast, admitsBelow, djangoVersion } from './dependencies';
import { Workspace, type SourceFile } from './workspace';
import { posix } from 'node:path';
import { isDevConfiguration } from './evaluator/classes';
import { evaluateSettings, isUnreadable, type ModuleSource, type ResolvedModule } from './evaluate';
import { ansibleCopies } from './ansible';
import { dockerCopies, productionEnvironment, settingsEvidence, type BuildCopy, type EnvAssignment, type SettingsEvidence } from './manifests';
import { globMatcher } from './globs';
import { gitIgnored } from './git-ignored';
import { isPlaceholderValue } from './secret-values';
import { deployCopySource } from './deploy-writes';
import { belongsTo, resolveProduction, type Resolution } from './production';
import { inTemplateFolder, isTestPath } from './files';
import {
  absoluteModuleName,
  deployTimeModule,
  inDevFolder,
  isDevSettings,
  isSettingsModuleFile,
  moduleBases,
  moduleOf,
  resolveModule,
  settingsDefaultIn,
  under,
  type SettingsPatterns,
} from './settings-modules';

export interface ScannedProject {
  /** Folder holding manage.py, relative to the scan root ('' for the root). */
  root: string;
  info: ProjectInfo;
  /** The production settings, evaluated; null when there are none to judge (see `resolution`). */
  production: EvaluatedSettings | null;
  /** Every settings module of the project (production first), evaluated. */
  settings: EvaluatedSettings[];
  /** Top-level Python package names of this project (folders with __init__.py under root). */
  packages: string[];
  /** How the production settings were chosen: the evidence, competing candidates, modules named but missing. */
  resolution: Resolution;
  /** A development/test/example project (its folder says so, beside a real one): not judged as production. */
  development: boolean;
}

export interface ScanContext {
  root: string;
  workspace: Workspace;
  projects: ScannedProject[];
  /** Secret values seen in the source (keys, passwords, DSNs): every reporter redacts these. */
  secrets: Set<string>;
  /** What the deploy files set in production's environment (productionEnvironment), read once by the scan. */
  environment?: readonly EnvAssignment[];
  /**
   * Files added since the base ref (`--base-ref`, the pull request's base), relative to the scan root: what a
   * change introduces (new migrations are judged at their full level). undefined when there is no base.
   */
  newFiles?: ReadonlySet<string>;
  /** Why there is no newFiles although a base ref was asked for (a shallow clone without it). */
  baseUnavailable?: string;
  /**
   * The apps (folders holding `migrations/`) whose migrations the migration rules judge in this run of them:
   * the rules gate runs them a few apps at a time, letting each batch's trees go before the next
   * (runRulesReleasing in src/gates/rules.ts). undefined: every app.
   */
  migrationApps?: ReadonlySet<string>;
  /**
   * The Python files whose findings the model and view rules report in this run of them (inFileBatch in
   * src/project/files.ts): the rules gate runs them a batch of files at a time, as the migration rules a batch
   * of apps. undefined: every file.
   */
  fileBatch?: ReadonlySet<string>;
  /**
   * What the batches of one run of a kind of rules share (set only when there are several): what a rule works out
   * once for all its batches (onceForBatches in src/project/files.ts: launch.W110's routes). undefined: no batches.
   */
  batchShared?: Map<string, unknown>;
}

export interface ScanOptions {
  /** Production settings module named by the user (input/flag/config): wins over discovery. */
  settingsModule?: string;
  /** Environment for DJANGO_SETTINGS_MODULE discovery. */
  env?: Record<string, string | undefined>;
  /** Files added since the base ref (see ScanContext.newFiles). */
  newFiles?: ReadonlySet<string>;
  /** See ScanContext.baseUnavailable. */
  baseUnavailable?: string;
  /** The config's `exclude`: globs (relative to the root) of files and folders never read. */
  exclude?: readonly string[];
  /** The config's `production-settings` / `dev-settings`: module-name globs. */
  productionSettings?: readonly string[];
  devSettings?: readonly string[];
}

/** Bad input the user must fix (no project, an unresolvable module, a project with no production settings): exit 2. */
export class ScanInputError extends Error {
  override name = 'ScanInputError';
  constructor(
    message: string,
    /** what to do, when the message has its own advice */
    readonly hint?: string,
  ) {
    super(message);
  }
}

/**
 * A "secret" that is the name of a folder or Python module of the repository (hawkpost's development compose
 * gives POSTGRES_PASSWORD=hawkpost, its package's name) is printed in every path and module name already:
 * redacting it would blank the project's own name out of every message ("[REDACTED].settings").
 */
function forgetPublicNames(ws: Workspace, secrets: Set<string>): void {
  if (secrets.size === 0) return;
  const names = new Set<string>();
  for (const f of ws.pythonFiles()) for (const part of f.rel.replace(/\.py$/, '').split('/')) names.add(part.toLowerCase());
  for (const v of [...secrets]) if (names.has(v.trim().toLowerCase())) secrets.delete(v);
}

const NAME_IT = 'name the production settings module with --settings (the settings-module input, or settings-module in .django-launch-gate.toml)';

export function scan(root: string, options: ScanOptions = {}): ScanContext {
  const workspace = new Workspace(root, { exclude: globMatcher(options.exclude ?? []), gitIgnored: gitIgnored(root) });
  const patterns: SettingsPatterns = { production: globMatcher(options.productionSettings ?? []), dev: globMatcher(options.devSettings ?? []) };
  const secrets = new Set<string>();
  const named = options.settingsModule?.trim() || undefined;
  const fromEnv = options.env?.DJANGO_SETTINGS_MODULE?.trim() || undefined;
  const evidence = settingsEvidence(workspace);
  const copies = [...dockerCopies(workspace), ...ansibleCopies(workspace)];
  const environment = productionEnvironment(workspace);
  // Values the deploy files give secret-named variables are secrets too: redacted like source literals.
  // A placeholder word (`ADMIN_PASSWORD=password` in doccano's .env.example) is no secret, as in the settings:
  // redacting it would blank the word out of every message ("[REDACTED]-reset links").
  // So is a variable given its own name (`SECRET_KEY: SECRET_KEY` in Recoco's compose file): redacted, every
  // "SECRET_KEY" in every message would read "[REDACTED]".
  for (const e of environment) if (e.value && SECRET_VARIABLE.test(e.name) && e.value.length >= MIN_SECRET_LENGTH && !isPlaceholderValue(e.value) && e.value.trim().toUpperCase() !== e.name.toUpperCase()) secrets.add(e.value);
  const allRoots = projectRoots(workspace, named, evidence, copies, patterns);
  const template = workspace.manageDirs.find((d) => isProjectTemplate(workspace, d));
  // project templates beside only a test or example project (CodeRed CMS's `coderedcms/tests`): a library of
  // templates, said as such rather than "name the production settings"
  const besides = allRoots.length > 0 ? ` (besides ${allRoots.join(', ')}, a test or example project)` : '';
  if (allRoots.length === 0 || (!named && template && allRoots.every((r) => inDevFolder(r) || isTestPath(`${r}/manage.py`)))) {
    throw new ScanInputError(
      template
        ? `no Django project found under ${root}: the only one is the project template ${template}/${besides}, whose generated projects are deployed, never the template itself`
        : `no Django project found under ${root} (no manage.py, and no wsgi.py/asgi.py, deploy file or code naming a settings module, outside virtualenvs, node_modules and vendored folders)`,
      ...(template ? ['scan a project generated from the template'] : []),
    );
  }
  // Only a test harness (openwisp-radius' `tests/manage.py`, a reusable app's test project) and nothing a deploy file
  // names in it: a library, whose test settings no production runs — said as such, never judged as production.
  const harness = !named && !fromEnv && allRoots.every((r) => isTestPath(`${r}/manage.py`));
  if (harness && !evidence.some((e) => !e.dev && allRoots.some((r) => resolveModule(workspace, r, e.module)))) {
    throw new ScanInputError(
      `no Django project found under ${root}: the only one is the test project ${allRoots.map((r) => `${r}/`).join(', ')} (a test harness, which no deploy file names), so this looks like a library, not a deployed site`,
      'scan a project that uses the library, or name the production settings module with --settings if this one is deployed',
    );
  }
  if (named && !allRoots.some((dir) => resolveModule(workspace, dir, named) || deployTimeModule(workspace, dir, named, copies))) {
    throw new ScanInputError(
      `settings module "${named}" does not resolve to a file in any project under ${root} (looked for ${named.replace(/\./g, '/')}.py and ${named.replace(/\./g, '/')}/__init__.py next to each manage.py)`,
      'check the settings module name',
    );
  }
  // A project in a tests/, examples/, docs/ folder is development code when a real project is beside it.
  const allDev = allRoots.every((d) => inDevFolder(d));
  const projects: ScannedProject[] = [];
  const unresolved: string[] = [];
  const resolveAll = (dirs: string[]) => new Map(dirs.map((dir) => [dir, resolveProduction({ ws: workspace, dir, roots: dirs, named, fromEnv, evidence, copies, patterns })]));
  let resolutions = resolveAll(allRoots);
  const roots = allRoots.filter((dir) => !sameProjectAbove(workspace, dir, resolutions));
  if (roots.length < allRoots.length) resolutions = resolveAll(roots);
  for (const dir of roots) {
    const development = !allDev && inDevFolder(dir) && !(named && resolveModule(workspace, dir, named));
    const resolution = resolutions.get(dir)!;
    if (resolution.status === 'unresolved' && !development) unresolved.push(`project ${dir || '.'}: ${resolution.reason}`);
    const provided = new Set(environment.filter((e) => !e.dev && belongsTo({ dir, roots }, e.file)).map((e) => e.name));
    projects.push(scanProject(workspace, dir, roots, resolution, development, secrets, provided, patterns));
  }
  if (unresolved.length) {
    throw new ScanInputError(`${unresolved[0]}${unresolved.length > 1 ? ` (and ${unresolved.length - 1} more project${unresolved.length > 2 ? 's' : ''})` : ''}`, NAME_IT);
  }
  forgetPublicNames(workspace, secrets);
  const ctx: ScanContext = {
    root,
    workspace,
    projects,
    secrets,
    environment,
    ...(options.newFiles ? { newFiles: options.newFiles } : {}),
    ...(options.baseUnavailable ? { baseUnavailable: options.baseUnavailable } : {}),
  };
  legacyMiddleware(ctx);
  return ctx;
}

/**
 * MIDDLEWARE_CLASSES: Django 1.10 and 1.11 fall back to it while MIDDLEWARE is unset; 2.0 ignores it. Production
 * settings that set only MIDDLEWARE_CLASSES (Cadasta and the CLA backend, on Django 1.11 and 1.8) have those
 * middleware when the pinned Django is below 2.0, so MIDDLEWARE is read as that list; when the pin may be either,
 * MIDDLEWARE is unknown — the rules that read it say they could not decide, never that a middleware is missing.
 * With Django 2.0 or later pinned, MIDDLEWARE stays unset, as Django sees it.
 */
function legacyMiddleware(ctx: ScanContext): void {
  for (const p of ctx.projects) {
    const s = p.production;
    const old = s?.bindings.get('MIDDLEWARE_CLASSES');
    if (!s || !old || s.bindings.has('MIDDLEWARE')) continue;
    const v = djangoVersion(ctx, p);
    if (v && !admitsAtLeast(v.range, '2.0')) s.bindings.set('MIDDLEWARE', { ...old, name: 'MIDDLEWARE' });
    else if (!v || admitsBelow(v.range, '2.0')) s.bindings.set('MIDDLEWARE', { name: 'MIDDLEWARE', unset: UNKNOWN, set: UNKNOWN, location: old.location });
  }
}

/**
 * A manage.py inside a Python package (its folder holds an `__init__.py`) is a module of a project — a
 * console script's entry point (bugsink's `bugsink/scripts/manage.py` behind `bugsink-manage`) — not a
 * project of its own when a root above it resolves to the same settings file: that project is reported once.
 */
function sameProjectAbove(ws: Workspace, dir: string, resolutions: ReadonlyMap<string, Resolution>): boolean {
  if (!dir || !ws.get(`${dir}/__init__.py`)) return false;
  const file = settingsFileOf(resolutions.get(dir));
  if (!file) return false;
  return [...resolutions].some(([other, r]) => other !== dir && under(other, dir) && settingsFileOf(r) === file);
}

function settingsFileOf(r: Resolution | undefined): string | undefined {
  const resolved = r?.chosen?.resolved;
  return resolved && 'file' in resolved ? resolved.file.rel : undefined;
}

/**
 * Project roots: every folder with a manage.py; then, for deploy-only layouts (a package with wsgi.py/asgi.py
 * and no manage.py, as distributions install them), the folder from which the settings module that
 * wsgi.py/asgi.py names resolves; then the folders from which a deploy file's settings module resolves;
 * then, outside those, code that sets DJANGO_SETTINGS_MODULE (a package's setup function naming a module
 * rendered at install time); last, the named module from the scan root.
 */
function projectRoots(ws: Workspace, named: string | undefined, evidence: readonly SettingsEvidence[], copies: readonly BuildCopy[], patterns: SettingsPatterns): string[] {
  const roots: string[] = [];
  for (const dir of ws.manageDirs) {
    const root = packagedManageRoot(ws, dir) ?? dir;
    if (!roots.includes(root)) roots.push(root);
  }
  const covered = (rel: string) => roots.some((r) => under(r, rel));
  for (const f of ws.pythonFiles()) {
    const name = f.rel.split('/').pop();
    if (name !== 'wsgi.py' && name !== 'asgi.py') continue;
    if (covered(f.rel)) continue;
    const d = settingsDefaultIn(ws, f);
    if (!d?.module) continue;
    const base = baseOf(ws, f.rel.split('/').slice(0, -1), d.module);
    if (base !== undefined && !roots.includes(base)) roots.push(base);
  }
  for (const e of evidence) {
    if (e.dev || roots.some((r) => resolveModule(ws, r, e.module))) continue;
    const base = baseOf(ws, e.file.split('/').slice(0, -1), e.module) ?? baseAnywhere(ws, e.module);
    if (base !== undefined && !roots.includes(base)) roots.push(base);
  }
  for (const f of ws.pythonFiles()) {
    if (!f.text.includes('DJANGO_SETTINGS_MODULE') || covered(f.rel) || inDevFolder(f.rel) || /(^|\/)(scripts?|tools?|bin)\//.test(f.rel)) continue;
    if (/(^|\/)(conftest|setup|noxfile|tasks|fabfile)\.py$|(^|\/)test_[^/]*\.py$|_tests?\.py$/.test(f.rel)) continue;
    const d = settingsDefaultIn(ws, f);
    if (!d?.module || isDevSettings(d.module, patterns)) continue;
    const base = baseAnywhere(ws, d.module) ?? (deployTimeModule(ws, '', d.module, copies) ? '' : undefined);
    if (base !== undefined && !roots.includes(base)) roots.push(base);
  }
  if (roots.length === 0 && named && (resolveModule(ws, '', named) || deployTimeModule(ws, '', named, copies))) roots.push('');
  return roots.filter((r) => !isProjectTemplate(ws, r)).sort();
}

/**
 * A project template, whose generated projects are deployed, never itself: a folder named with a placeholder
 * (`{{cookiecutter.project_slug}}/`), or a startproject template a library ships in a `project_template/` folder
 * (Django's own convention; CodeRed CMS's `project_template/basic/manage.py` names `{{ project_name }}.settings.dev`).
 * A repository that is itself a startproject template at its root (django-react-boilerplate) is still scanned.
 */
function isProjectTemplate(ws: Workspace, dir: string): boolean {
  if (inTemplateFolder(dir)) return true;
  if (!dir.split('/').some((p) => /^project_templates?$|[_-]templates?$/i.test(p))) return false;
  const manage = ws.get(`${dir}/manage.py`);
  const module = manage && settingsDefaultIn(ws, manage)?.module;
  if (!module) return false;
  if (module.includes('{{')) return true;
  // the settings it names exist there only as a template a generator renders (askbot's setup_templates/
  // settings.py.jinja2, rendered by askbot-setup into each site it creates)
  const path = `${dir}/${module.replace(/\./g, '/')}`;
  return !resolveModule(ws, dir, module, true) && RENDERED.some((ext) => !!ws.get(`${path}${ext}`) || !!ws.get(`${path}/__init__${ext}`));
}

/** Jinja and Django-template suffixes of a Python file a project generator renders. */
const RENDERED = ['.py.jinja2', '.py.jinja', '.py.j2', '.py-tpl', '.py.tpl', '.py.tmpl'];

/**
 * A manage.py inside a Python package (its folder holds an `__init__.py`) whose settings module resolves only
 * from a folder above it is a module of the project there — imported as `pkg.manage` by a top-level manage.py or
 * a console script (Linaro SQUAD's `squad/manage.py` names `squad.settings`) — so that folder is the root, and
 * the package's wsgi.py belongs to it.
 */
function packagedManageRoot(ws: Workspace, dir: string): string | undefined {
  if (!dir || !ws.get(`${dir}/__init__.py`)) return undefined;
  const manage = ws.get(`${dir}/manage.py`);
  const d = manage && settingsDefaultIn(ws, manage);
  if (!d?.module || resolveModule(ws, dir, d.module, true)) return undefined;
  return baseOf(ws, dir.split('/').slice(0, -1), d.module);
}

/** The nearest folder at or above `parts` from which `module` resolves exactly. */
function baseOf(ws: Workspace, parts: string[], module: string): string | undefined {
  for (let i = parts.length; i >= 0; i--) {
    const base = parts.slice(0, i).join('/');
    if (resolveModule(ws, base, module, true)) return base;
  }
  return undefined;
}

/** A folder from which `module` resolves, searching every Python file (the shortest such folder). */
function baseAnywhere(ws: Workspace, module: string): string | undefined {
  const path = module.replace(/\./g, '/');
  let best: string | undefined;
  for (const f of ws.pythonFiles()) {
    for (const suffix of [`${path}.py`, `${path}/__init__.py`]) {
      if (f.rel === suffix || f.rel.endsWith(`/${suffix}`)) {
        const base = f.rel.slice(0, f.rel.length - suffix.length).replace(/\/$/, '');
        if (!inDevFolder(base) && (best === undefined || base.length < best.length)) best = base;
      }
    }
  }
  return best;
}

function scanProject(
  ws: Workspace,
  dir: string,
  roots: string[],
  resolution: Resolution,
  development: boolean,
  secrets: Set<string>,
  provided: ReadonlySet<string>,
  patterns: SettingsPatterns,
): ScannedProject {
  const inProject = ws.pythonFiles().filter((f) => under(dir, f.rel));
  // Nested projects belong to their own manage.py.
  const nested = roots.filter((d) => d !== dir && under(dir, d));
  const own = inProject.filter((f) => !nested.some((d) => under(d, f.rel)));
  const resolve = (module: string, fromModule: string, level: number): ResolvedModule | undefined => {
    const fromFile = level > 0 ? resolveModule(ws, dir, fromModule) : undefined;
    const full = absoluteModuleName(fromModule, !!fromFile && !isUnreadable(fromFile) && fromFile.file.rel.endsWith('/__init__.py'), module, level);
    if (full === undefined) return undefined;
    const found = resolveModule(ws, dir, full);
    if (found) return found;
    // `from settings_ldap import *` in cabot/settings.py: a settings module beside the importing one, imported by its
    // bare name (Python 2's implicit relative import, or the package folder on sys.path) — only a one-word name
    // that says settings, so that a library (`from celery import …` beside a sibling celery.py) stays the library.
    if (level === 0 && /^\w*settings\w*$/i.test(full)) {
      const sibling = resolve(full, fromModule, 1);
      if (sibling) return sibling;
    }
    // A module the repository lacks but its deploy copies from one of its files (mediacms's entrypoint copies
    // deploy/docker/local_settings.py over cms/local_settings.py): production imports that file.
    const source = deployCopySource(ws, `${full.replace(/\./g, '/')}.py`);
    return source ? { file: source, module: full } : undefined;
  };

  const settings: EvaluatedSettings[] = [];
  let production: EvaluatedSettings | null = null;
  let passedConfiguration: string | undefined;
  let codeDefault = false;
  const chosen = development ? undefined : resolution.chosen;
  if (chosen) {
    const reason = resolution.reason;
    // DJANGO_CONFIGURATION naming a development class is passed over, as a development-named settings module is
    // (production.ts): defaulted in code (`os.environ.setdefault("DJANGO_CONFIGURATION", "Development")` in wsgi.py:
    // openfun's joanie, La Suite's docs and meet), the developer's fallback; set by a deploy file (OLDP's Dockerfile
    // `ENV DJANGO_CONFIGURATION=DevConfiguration` beside a SQLite URL and a literal key), a development image. The
    // production class is judged instead (classes.ts applyConfigurations), and the project's reason says so.
    codeDefault = chosen.source === 'wsgi' || chosen.source === 'asgi' || chosen.source === 'manage.py' || chosen.source === 'code';
    const configuration = chosen.configuration && !isDevConfiguration(chosen.configuration) ? chosen.configuration : undefined;
    if (chosen.configuration && !configuration) passedConfiguration = chosen.configuration;
    if (isUnreadable(chosen.resolved)) {
      production = unreadableSettings(chosen.resolved.module, chosen.resolved.unreadable, reason);
    } else {
      const dotenv = imageDotenv(ws, chosen.resolved.file.rel);
      production = evaluateSettings(ws, chosen.resolved, { production: true, reason, resolve, secrets, provided, ...(configuration ? { configuration } : {}), ...(dotenv ? { dotenv } : {}), ...(chosen.source === 'sibling' ? { judgedByName: true } : {}) });
    }
    settings.push(production);
  }
  const prodFiles = new Set(production?.files ?? []);
  for (const f of own) {
    if (prodFiles.has(f.rel) || !isSettingsModuleFile(f)) continue;
    const module = moduleOf(dir, f);
    if (!module) continue;
    const why = development
      ? 'it belongs to a development/test/example project'
      : isDevSettings(module, patterns)
        ? patterns.dev(module) ? 'dev-settings in the config marks it as development settings' : 'its name marks it as development/test settings'
        : 'no deploy file, wsgi.py, asgi.py, input or DJANGO_SETTINGS_MODULE names it';
    settings.push(evaluateSettings(ws, { file: f, module } as ModuleSource, { production: false, reason: why, resolve, secrets }));
  }
  const packages = [
    ...new Set(
      own
        .filter((f) => f.rel.endsWith('/__init__.py'))
        .map((f) => posix.relative(dir || '.', f.rel).split('/')[0])
        .filter((p) => p && !p.startsWith('..')),
    ),
  ].sort();
  const status: ProjectInfo['status'] = development ? 'development' : resolution.status === 'missing' ? 'missing' : resolution.status === 'ambiguous' ? 'ambiguous' : resolution.status === 'resolved' ? 'resolved' : undefined;
  return {
    root: dir,
    info: {
      root: dir,
      settingsModule: production?.module ?? null,
      settingsFile: production?.file ?? null,
      reason: development
        ? `a development/test/example project (${dir}), not judged as production`
        : passedConfiguration
          ? `${resolution.reason}; its DJANGO_CONFIGURATION ${codeDefault ? 'default ' : ''}there, ${passedConfiguration}, is a development class: ${production?.configuration ? `the ${production.configuration} class is judged` : 'which class production uses is not known'}`
          : resolution.reason,
      ...(status ? { status } : {}),
      ...(chosen?.at && !development ? { evidence: chosen.at } : {}),
      ...(production?.configuration ? { configuration: production.configuration } : {}),
    },
    production,
    settings,
    packages,
    resolution,
    development,
  };
}

/** Production settings whose file could not be read: nothing is known, and the launch cannot be verified. */
function unreadableSettings(module: string, u: { rel: string; line: number; reason: string }, reason: string): EvaluatedSettings {
  return {
    module,
    file: u.rel,
    production: true,
    reason,
    bindings: new Map(),
    anchor: { file: u.rel, line: 1 },
    files: [u.rel],
    dynamic: [{ location: { file: u.rel, line: u.line }, reason: `${u.rel} could not be read`, overrides: true }],
    unreadable: [{ location: { file: u.rel, line: u.line }, module, reason: u.reason }],
  };
}

export type { SourceFile };
export { moduleBases };
