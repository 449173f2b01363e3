/**
 * The files of a scan: every Python source and deploy file under the root, read once, parsed lazily.
 * Skips virtualenvs, vendored code, node_modules and VCS folders; never follows a symlinked folder
 * (so symlink loops cannot hang the walk); records unreadable/oversized/binary files as diagnostics
 * instead of failing the scan.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parsePython, firstErrorLine, type Tree } from './python';

export interface SourceFile {
  /** Relative to the scan root, forward slashes. */
  rel: string;
  abs: string;
  text: string;
}

export interface Diagnostic {
  rel: string;
  line: number;
  message: string;
}

/** Folders never scanned: environments, dependencies, caches, VCS metadata, build output. */
export const EXCLUDED_DIRS = new Set([
  '.git', '.hg', '.svn', 'node_modules', '__pycache__', '.venv', 'venv', 'env', '.env', 'virtualenv', '.virtualenv',
  '.tox', '.nox', '.mypy_cache', '.pytest_cache', '.ruff_cache', 'site-packages', 'dist-packages', 'vendor',
  'vendored', '_vendor', 'third_party', 'bower_components', '.idea', '.vscode', 'htmlcov', 'build', 'dist',
  '.eggs', 'staticfiles', '.cache',
]);

/** Files larger than this are skipped with a note (generated code, data dumps). */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

/** Folders whose YAML files are deployment manifests (Kubernetes, Helm, OpenShift, Ansible…). */
const MANIFEST_DIR = /^(k8s|kube|kubernetes|helm|charts?|deploy|deployment|deployments|manifests|openshift|infra|ops|kustomize|argocd|\.?platform)$/i;

/**
 * Deploy files the rules read besides Python: process definitions, containers, units, scripts, web server
 * config, platform manifests (Heroku, Fly, Render, App Engine), Kubernetes/Helm YAML, environment files,
 * and the dependency pins (requirements, pyproject, lock files).
 */
export function isDeployFile(name: string, rel: string): boolean {
  const lower = name.toLowerCase();
  const parts = rel.split('/');
  return (
    lower === 'procfile' ||
    lower.startsWith('procfile.') ||
    lower === 'dockerfile' ||
    lower.startsWith('dockerfile.') ||
    lower.startsWith('dockerfile-') ||
    lower.endsWith('.dockerfile') ||
    lower === 'containerfile' ||
    lower.startsWith('containerfile.') ||
    /^([\w-]+[.-])?(docker-)?compose([.-][\w.-]+)?\.ya?ml$/.test(lower) ||
    lower.endsWith('.service') ||
    lower.endsWith('.sh') ||
    lower.endsWith('.bash') ||
    /^([\w-]+-)?entrypoint$/.test(lower) ||
    lower === 'makefile' ||
    lower.endsWith('.conf') ||
    lower.endsWith('.toml') ||
    lower.endsWith('.ini') ||
    lower.endsWith('.cfg') ||
    lower === 'requirements.txt' ||
    /^requirements[\w.-]*\.(txt|in)$/.test(lower) ||
    (parts.includes('requirements') && /\.(txt|in)$/.test(lower)) ||
    lower === 'pipfile' ||
    lower === 'pipfile.lock' ||
    lower === 'poetry.lock' ||
    lower === 'uv.lock' ||
    lower === 'pdm.lock' ||
    lower === 'app.yaml' || lower === 'app.yml' || lower === 'app.json' || lower === 'fly.toml' || lower === 'render.yaml' ||
    lower === 'heroku.yml' || lower === 'heroku.yaml' ||
    lower === '.env' || /^\.env\.[\w.-]+$/.test(lower) || lower.endsWith('.env') ||
    (/\.ya?ml$/.test(lower) && (parts.slice(0, -1).some((p) => MANIFEST_DIR.test(p)) || /^values([.-][\w.-]+)?\.ya?ml$/.test(lower)))
  );
}

function isVirtualenvDir(abs: string): boolean {
  try {
    return statSync(join(abs, 'pyvenv.cfg')).isFile();
  } catch {
    return false;
  }
}

export class Workspace {
  readonly root: string;
  private readonly python: SourceFile[] = [];
  private readonly deploy: SourceFile[] = [];
  private readonly byRel = new Map<string, SourceFile>();
  private readonly trees = new Map<string, Tree>();
  readonly diagnostics: Diagnostic[] = [];
  /** Folders (relative) that hold a manage.py. */
  readonly manageDirs: string[] = [];

  constructor(root: string) {
    this.root = root;
    this.walk(root);
    this.python.sort((a, b) => (a.rel < b.rel ? -1 : 1));
    this.deploy.sort((a, b) => (a.rel < b.rel ? -1 : 1));
    this.manageDirs.sort();
  }

  pythonFiles(): readonly SourceFile[] {
    return this.python;
  }

  deployFiles(): readonly SourceFile[] {
    return this.deploy;
  }

  get(rel: string): SourceFile | undefined {
    return this.byRel.get(rel);
  }

  /** Parse (once) a Python file of the workspace. Syntax errors are recorded as a diagnostic; the recovered tree is still returned. */
  tree(file: SourceFile): Tree {
    let t = this.trees.get(file.rel);
    if (!t) {
      t = parsePython(file.text);
      this.trees.set(file.rel, t);
      const errLine = firstErrorLine(t);
      if (errLine !== undefined) {
        this.diagnostics.push({
          rel: file.rel,
          line: errLine,
          message: `${file.rel} has a syntax error near line ${errLine}; the scan read what tree-sitter could recover. Fix the syntax so every rule sees this file.`,
        });
      }
    }
    return t;
  }

  private walk(dir: string): void {
    let entries: import('node:fs').Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      this.diagnostics.push({ rel: this.rel(dir) || '.', line: 1, message: `Folder ${this.rel(dir) || '.'} could not be read (${(e as NodeJS.ErrnoException).code ?? 'error'}); it was skipped.` });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const ent of entries) {
      const abs = join(dir, ent.name);
      if (ent.isSymbolicLink()) {
        // Follow symlinked files, never symlinked folders: no loops, no escaping the tree.
        let st;
        try {
          st = statSync(abs);
        } catch {
          continue;
        }
        if (st.isFile()) this.addFile(abs, ent.name);
        continue;
      }
      if (ent.isDirectory()) {
        if (EXCLUDED_DIRS.has(ent.name) || ent.name.endsWith('.egg-info')) continue;
        if (isVirtualenvDir(abs)) continue;
        this.walk(abs);
      } else if (ent.isFile()) {
        this.addFile(abs, ent.name);
      }
    }
  }

  private rel(abs: string): string {
    return relative(this.root, abs).split(sep).join('/');
  }

  private addFile(abs: string, name: string): void {
    const rel = this.rel(abs);
    const isPy = name.endsWith('.py');
    if (!isPy && !isDeployFile(name, rel)) return;
    if (name === 'manage.py') this.manageDirs.push(rel.includes('/') ? rel.slice(0, rel.lastIndexOf('/')) : '');
    let size: number;
    try {
      size = statSync(abs).size; // follows a symlinked file to its target
    } catch {
      return;
    }
    if (size > MAX_FILE_BYTES) {
      this.diagnostics.push({ rel, line: 1, message: `${rel} is ${(size / 1048576).toFixed(1)} MB, over the ${MAX_FILE_BYTES / 1048576} MB limit for scanned files (generated code?); it was skipped.` });
      return;
    }
    let buf: Buffer;
    try {
      buf = readFileSync(abs);
    } catch (e) {
      this.diagnostics.push({ rel, line: 1, message: `${rel} could not be read (${(e as NodeJS.ErrnoException).code ?? 'error'}); it was skipped.` });
      return;
    }
    if (buf.includes(0)) {
      this.diagnostics.push({ rel, line: 1, message: `${rel} looks binary (it contains NUL bytes); it was skipped.` });
      return;
    }
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
    } catch {
      if (!isPy) return; // deploy-ish files in other encodings are not ours to judge
      const line = firstInvalidUtf8Line(buf);
      this.diagnostics.push({ rel, line, message: `${rel} is not valid UTF-8 (first bad byte on line ${line}); it was skipped. Save it as UTF-8 (PEP 3120) so Python and the scan read the same text.` });
      return;
    }
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    const file: SourceFile = { rel, abs, text };
    this.byRel.set(rel, file);
    (isPy ? this.python : this.deploy).push(file);
  }
}

/** 1-based line of the first byte sequence that is not valid UTF-8. */
export function firstInvalidUtf8Line(buf: Buffer): number {
  const dec = new TextDecoder('utf-8', { fatal: true });
  let line = 1;
  let start = 0;
  for (let i = 0; i <= buf.length; i++) {
    if (i === buf.length || buf[i] === 0x0a) {
      try {
        dec.decode(buf.subarray(start, i));
      } catch {
        return line;
      }
      line++;
      start = i + 1;
    }
  }
  return 1;
}
