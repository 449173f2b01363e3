/**
 * ScanContext: what every rule sees — the workspace (files, parsed lazily), the Django projects found
 * under the root, and for each the evaluated settings modules (production and not).
 */
import type { ProjectInfo } from '../finding';
import type { EvaluatedSettings } from './values';
import { Workspace } from './workspace';
import { posix } from 'node:path';
import { DEV_MODULE, evaluateSettings, type ModuleSource } from './evaluate';
import { callParts, stringValue, walk } from './python';
import type { SourceFile } from './workspace';

export interface ScannedProject {
  /** Folder holding manage.py, relative to the scan root ('' for the root). */
  root: string;
  info: ProjectInfo;
  /** The production settings, evaluated; null when no settings module could be found. */
  production: EvaluatedSettings | null;
  /** Every settings module of the project (production first), evaluated. */
  settings: EvaluatedSettings[];
  /** Top-level Python package names of this project (folders with __init__.py under root). */
  packages: string[];
}

export interface ScanContext {
  root: string;
  workspace: Workspace;
  projects: ScannedProject[];
  /** Secret values seen in the source (keys, passwords, DSNs): every reporter redacts these. */
  secrets: Set<string>;
}

export interface ScanOptions {
  /** Production settings module named by the user (input/flag/config): wins over discovery. */
  settingsModule?: string;
  /** Environment for DJANGO_SETTINGS_MODULE discovery. */
  env?: Record<string, string | undefined>;
}

/** A scan root without any manage.py, or a settings module that names no file: the user must fix the input. */
export class ScanInputError extends Error {
  override name = 'ScanInputError';
}

/**
 * Find every Django project (a folder with manage.py) under root and evaluate its settings.
 * Production settings: the input / DJANGO_SETTINGS_MODULE first, else the default in wsgi.py/asgi.py
 * (what gunicorn/uvicorn runs), else manage.py's default.
 */
export function scan(root: string, options: ScanOptions = {}): ScanContext {
  const workspace = new Workspace(root);
  const secrets = new Set<string>();
  const projects: ScannedProject[] = [];
  const named = options.settingsModule?.trim() || undefined;
  const fromEnv = options.env?.DJANGO_SETTINGS_MODULE?.trim() || undefined;
  const roots = projectRoots(workspace, named);
  if (roots.length === 0) {
    throw new ScanInputError(
      `no Django project found under ${root} (no manage.py, and no wsgi.py/asgi.py naming a settings module, outside virtualenvs, node_modules and vendored folders)`,
    );
  }
  let namedResolved = false;
  for (const dir of roots) {
    const p = scanProject(workspace, dir, roots, named, fromEnv, secrets);
    if (p.namedResolved) namedResolved = true;
    projects.push(p.project);
  }
  if (named && !namedResolved) {
    throw new ScanInputError(
      `settings module "${named}" does not resolve to a file in any project under ${root} (looked for ${named.replace(/\./g, '/')}.py and ${named.replace(/\./g, '/')}/__init__.py next to each manage.py)`,
    );
  }
  return { root, workspace, projects, secrets };
}

function under(dir: string, rel: string): boolean {
  return dir === '' || rel === dir || rel.startsWith(dir + '/');
}

/** Folders a dotted module can live under for a project: the manage.py folder, its src/, and the scan root. */
function moduleBases(dir: string): string[] {
  const bases = [dir, dir ? `${dir}/src` : 'src', ''];
  return [...new Set(bases)];
}

function resolveModule(ws: Workspace, dir: string, module: string, exact = false): ModuleSource | undefined {
  if (!module || !/^[A-Za-z_][\w.]*$/.test(module)) return undefined;
  const path = module.replace(/\./g, '/');
  for (const base of exact ? [dir] : moduleBases(dir)) {
    for (const cand of [`${path}.py`, `${path}/__init__.py`]) {
      const rel = base ? `${base}/${cand}` : cand;
      const f = ws.get(rel);
      if (f) return { file: f, module };
    }
  }
  return undefined;
}

function moduleOf(ws: Workspace, dir: string, file: SourceFile): string | undefined {
  for (const base of moduleBases(dir)) {
    if (base && !file.rel.startsWith(base + '/')) continue;
    const inner = base ? file.rel.slice(base.length + 1) : file.rel;
    const parts = inner.replace(/\.py$/, '').split('/');
    if (parts[parts.length - 1] === '__init__') parts.pop();
    if (parts.length && parts.every((p) => /^[A-Za-z_]\w*$/.test(p))) return parts.join('.');
  }
  return undefined;
}

/** The DJANGO_SETTINGS_MODULE default a file sets (`os.environ.setdefault(...)` or `os.environ[...] = ...`). */
function settingsDefaultIn(ws: Workspace, file: SourceFile): { module: string; line: number } | undefined {
  let found: { module: string; line: number } | undefined;
  walk(ws.tree(file).rootNode, (n) => {
    if (found) return false;
    if (n.type === 'call') {
      const { callee, args } = callParts(n);
      if (callee && /(^|\.)environ\.setdefault$/.test(callee) && stringValue(args[0]) === 'DJANGO_SETTINGS_MODULE') {
        const m = stringValue(args[1]);
        if (m) found = { module: m, line: n.startPosition.row + 1 };
      }
    } else if (n.type === 'assignment') {
      const left = n.childForFieldName('left');
      if (left?.type === 'subscript' && /environ$/.test(left.childForFieldName('value')?.text ?? '') && stringValue(left.childForFieldName('subscript')) === 'DJANGO_SETTINGS_MODULE') {
        const m = stringValue(n.childForFieldName('right'));
        if (m) found = { module: m, line: n.startPosition.row + 1 };
      }
    }
    return true;
  });
  return found;
}

function isSettingsFile(rel: string): boolean {
  const parts = rel.split('/');
  const name = parts[parts.length - 1].replace(/\.py$/, '');
  if (parts.includes('tests') || parts.includes('test') || parts.includes('migrations')) return /settings/.test(name) && !parts.includes('migrations');
  return /(^|_)settings($|_)/.test(name) || (parts.length >= 2 && parts[parts.length - 2] === 'settings' && name !== '__init__') || (parts.length >= 2 && parts[parts.length - 2] === 'settings');
}

/**
 * Project roots: every folder with a manage.py; then, for deploy-only layouts (a package with wsgi.py/asgi.py
 * and no manage.py, as distributions install them), the folder from which the settings module that
 * wsgi.py/asgi.py names resolves; last, the scan root itself when the named settings module resolves there.
 */
function projectRoots(ws: Workspace, named: string | undefined): string[] {
  const roots = [...ws.manageDirs];
  for (const f of ws.pythonFiles()) {
    const name = f.rel.split('/').pop();
    if (name !== 'wsgi.py' && name !== 'asgi.py') continue;
    if (roots.some((r) => under(r, f.rel))) continue;
    const d = settingsDefaultIn(ws, f);
    if (!d) continue;
    const parts = f.rel.split('/').slice(0, -1);
    for (let i = parts.length; i >= 0; i--) {
      const base = parts.slice(0, i).join('/');
      if (resolveModule(ws, base, d.module, true)) {
        if (!roots.includes(base)) roots.push(base);
        break;
      }
    }
  }
  if (roots.length === 0 && named && resolveModule(ws, '', named)) roots.push('');
  return roots.sort();
}

function scanProject(
  ws: Workspace,
  dir: string,
  roots: string[],
  named: string | undefined,
  fromEnv: string | undefined,
  secrets: Set<string>,
): { project: ScannedProject; namedResolved: boolean } {
  const inProject = ws.pythonFiles().filter((f) => under(dir, f.rel));
  // Nested projects belong to their own manage.py.
  const nested = roots.filter((d) => d !== dir && under(dir, d));
  const own = inProject.filter((f) => !nested.some((d) => under(d, f.rel)));
  const resolve = (module: string, fromModule: string, level: number): ModuleSource | undefined => {
    let full = module;
    if (level > 0) {
      const fromFile = resolveModule(ws, dir, fromModule);
      const isPkg = fromFile?.file.rel.endsWith('/__init__.py');
      const parts = fromModule.split('.');
      const keep = parts.length - level + (isPkg ? 1 : 0);
      if (keep < 0) return undefined;
      full = [...parts.slice(0, keep), ...(module ? [module] : [])].join('.');
    }
    return resolveModule(ws, dir, full);
  };

  let chosen: { module: string; reason: string } | undefined;
  let namedResolved = false;
  if (named && resolveModule(ws, dir, named)) {
    chosen = { module: named, reason: `named by the settings-module input/option` };
    namedResolved = true;
  } else if (!named && fromEnv && resolveModule(ws, dir, fromEnv)) {
    chosen = { module: fromEnv, reason: `DJANGO_SETTINGS_MODULE in the environment names it` };
  }
  if (!chosen) {
    for (const kind of ['wsgi.py', 'asgi.py']) {
      const f = own.find((x) => x.rel.endsWith('/' + kind) || x.rel === kind);
      const d = f && settingsDefaultIn(ws, f);
      if (f && d && resolveModule(ws, dir, d.module)) {
        chosen = { module: d.module, reason: `the default in ${f.rel} (line ${d.line}), which gunicorn/uvicorn runs in production` };
        break;
      }
    }
  }
  const manage = ws.get(dir ? `${dir}/manage.py` : 'manage.py');
  if (!chosen && manage) {
    const d = settingsDefaultIn(ws, manage);
    if (d && resolveModule(ws, dir, d.module)) {
      chosen = { module: d.module, reason: `the default in ${manage.rel} (line ${d.line}); no wsgi.py/asgi.py names one` };
    }
  }

  const settings = [];
  let production = null;
  if (chosen) {
    const src = resolveModule(ws, dir, chosen.module)!;
    production = evaluateSettings(ws, src, { production: true, reason: chosen.reason, resolve, secrets });
    settings.push(production);
  }
  const prodFiles = new Set(production?.files ?? []);
  for (const f of own) {
    if (!isSettingsFile(f.rel) || prodFiles.has(f.rel)) continue;
    const module = moduleOf(ws, dir, f);
    if (!module) continue;
    const last = module.split('.').pop() ?? '';
    const reason = DEV_MODULE.test(last)
      ? `its name marks it as development/test settings`
      : `no wsgi.py, asgi.py, input or DJANGO_SETTINGS_MODULE names it`;
    settings.push(evaluateSettings(ws, { file: f, module }, { production: false, reason, resolve, secrets }));
  }
  const packages = [
    ...new Set(
      own
        .filter((f) => f.rel.endsWith('/__init__.py'))
        .map((f) => posix.relative(dir || '.', f.rel).split('/')[0])
        .filter((p) => p && !p.startsWith('..')),
    ),
  ].sort();
  return {
    project: {
      root: dir,
      info: {
        root: dir,
        settingsModule: production?.module ?? null,
        settingsFile: production?.file ?? null,
        reason: production ? chosen!.reason : 'no settings module found: neither wsgi.py, asgi.py nor manage.py sets DJANGO_SETTINGS_MODULE to a module in this project',
      },
      production,
      settings,
      packages,
    },
    namedResolved,
  };
}
