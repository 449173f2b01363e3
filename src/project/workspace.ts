/**
 * The files of a scan: every Python source and deploy file under the root, read once, parsed lazily.
 * Skips virtualenvs, vendored code, node_modules and VCS folders; never follows a symlinked folder
 * (so symlink loops cannot hang the walk); records unreadable/oversized/binary files as diagnostics
 * instead of failing the scan.
 */
import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import { parsePython, firstErrorLine, type Tree } from './python';
import { decodePythonSource } from './source-encoding';
import { looksLikeTemplate, neutraliseTemplate } from './evaluator/template';
import { ansibleNginxTemplates, JINJA_NAME, looksLikeNginx } from './server-templates';
import { release } from './memory';
import { SyntaxPool, type SyntaxWorkerReport } from './syntax-pool';
import type { GitIgnored } from './git-ignored';

export interface SourceFile {
  /** Relative to the scan root, forward slashes. */
  rel: string;
  abs: string;
  text: string;
  /** The encoding it was decoded from, when not UTF-8 (a PEP 263 coding declaration). */
  encoding?: string;
  /** A Python source template (`settings.py.j2`, `.py-tpl`…) rendered at deploy time: read, never scanned as code. */
  template?: boolean;
  /** Template text (Jinja/cookiecutter tags, blanked in `text`): 0-based rows whose rendered text is unknown. */
  templateRows?: number[];
  /** A Jinja template (`site.j2`) of an nginx config, kept as written: src/project/proxy.ts reads it as nginx. */
  nginxTemplate?: boolean;
}

/** Why a file was not read (or not read fully): each cause has its own fix. */
export type DiagnosticKind = 'folder' | 'too-large' | 'unreadable' | 'binary' | 'encoding' | 'syntax';

export interface Diagnostic {
  rel: string;
  line: number;
  kind: DiagnosticKind;
  message: string;
}

/** A Python file that exists but could not be read as Python source (CPython would refuse it too). */
export interface UnreadableFile {
  rel: string;
  line: number;
  kind: DiagnosticKind;
  /** e.g. `it looks binary (it contains NUL bytes)` — completes "could not be read: …". */
  reason: string;
}

/**
 * Python source templates and examples, made into a module at deploy time: `name.py.j2`, `name.py.jinja2`,
 * `name.py.erb` (Puppet, Chef), `name.py-tpl` (Django's startproject), `name.py.tmpl`, `name.py.template`, `name.py.in`, `name.py.example`,
 * `name.py.dist`, `name.py.sample`, `name.py.default`, and the production variant a deploy links into place
 * (`settings.py.prod`, `settings.py.production`: RapidPro's family keeps `.dev`/`.postgres`/`.prod` beside a
 * git-ignored `settings.py`), or copies into place (`local.py-heroku`: PyCon US's Heroku build hook copies it to
 * `local.py`).
 */
export const PY_TEMPLATE = /\.py(\.j2|\.jinja2?|\.erb|-tpl|\.tpl|\.tmpl|\.template|\.in|\.example|\.dist|\.sample|\.default|\.prod|\.production|-[a-z]+)$/i;

/** Folders never scanned: environments, dependencies, caches, VCS metadata, build output. */
export const EXCLUDED_DIRS = new Set([
  '.git', '.hg', '.svn', 'node_modules', '__pycache__', '.venv', 'venv', 'env', '.env', 'virtualenv', '.virtualenv',
  '.tox', '.nox', '.mypy_cache', '.pytest_cache', '.ruff_cache', 'site-packages', 'dist-packages', 'vendor',
  'vendored', '_vendor', 'third_party', 'bower_components', '.idea', '.vscode', 'htmlcov', 'build', 'dist',
  '.eggs', 'staticfiles', '.cache',
]);

/** A GitHub Actions workflow file. */
const WORKFLOW_FILE = /(^|\/)\.github\/workflows\/[^/]+\.ya?ml$/i;
/** A workflow step that deploys with a platform action setting the service's environment (deployWorkflows()). */
const DEPLOY_ACTION = /\buses:\s*['"]?(?:koyeb\/action-git-deploy|google-github-actions\/deploy-cloudrun)@/;

/** Files larger than this are skipped with a note (generated code, data dumps). */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

/** Folders an Ansible tree lives in: its playbooks, roles and their tasks (src/project/ansible.ts reads their copy tasks). */
const ANSIBLE_DIR = /^(ansible|playbooks?|provisioning|roles)$/i;
/** Folders whose YAML files are deployment manifests (Kubernetes, Helm, OpenShift, Ansible, CloudFormation/ECS…). */
const MANIFEST_DIR = /^(k8s|kube|kubernetes|helm|charts?|deploy|deployment|deployments|manifests|openshift|infra|infrastructure|ops|kustomize|argocd|\.?platform|cloudformation|cfn|ecs)$/i;

/**
 * Deploy files the rules read besides Python: process definitions, containers, units, scripts, web server
 * config, platform manifests (Heroku, Fly, Render, App Engine), Kubernetes/Helm YAML, environment files,
 * and the dependency pins (requirements, pyproject, lock files).
 */
export function isDeployFile(name: string, rel: string, packages?: ReadonlySet<string>): boolean {
  const lower = name.toLowerCase();
  const parts = rel.split('/');
  const inDeployFolder = (end: number): boolean => deployFolder(parts.slice(0, end), packages);
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
    // a container's extensionless start script (openstax-cms's docker/start, cookiecutter-django's compose/…/start)
    (/^(start|run|boot|serve|prestart|start-[\w-]+|run-[\w-]+)$/.test(lower) && parts.slice(0, -1).some((p) => /^(\.?docker|compose|bin|scripts?|deploy|deployment)$/i.test(p))) ||
    // Heroku's Python buildpack runs `bin/pre_compile` and `bin/post_compile` in the slug build (PyCon US's
    // pre_compile copies `pycon/settings/local.py-heroku` into place as the local.py its settings import)
    ((lower === 'pre_compile' || lower === 'post_compile') && parts.at(-2) === 'bin') ||
    lower === 'makefile' ||
    lower.endsWith('.conf') ||
    // reverse-proxy configs (src/project/proxy.ts): Caddyfiles, Traefik static/dynamic config, Apache *.vhost,
    // the nginx image's *.conf.template, extensionless files in server config folders (sites-available/default)
    lower === 'caddyfile' || lower.startsWith('caddyfile.') || lower.endsWith('.caddyfile') || lower.endsWith('.caddy') ||
    /^traefik([.-][\w.-]+)?\.ya?ml$/.test(lower) || (/\.ya?ml$/.test(lower) && parts.slice(0, -1).some((p) => p.toLowerCase() === 'traefik')) ||
    lower.endsWith('.vhost') || lower.endsWith('.conf.template') ||
    // the Heroku nginx buildpack's `config/nginx.conf.erb`, which `bin/start-nginx` renders (launch.W110 reads its limit_req)
    lower.endsWith('.conf.erb') ||
    // Dokku's per-app replacement of its default nginx template (src/project/proxy.ts: no Dokku default is assumed beside one)
    lower === 'nginx.conf.sigil' ||
    // Terraform: the platform's own HTTPS enforcement (src/project/terraform.ts)
    lower.endsWith('.tf') ||
    (!lower.includes('.') && !/^(readme|license|licence|changelog|notice|authors|copying)$/.test(lower) &&
      parts.slice(0, -1).some((p) => /^(nginx|sites-available|sites-enabled|conf\.d|http\.d|apache2?|httpd)$/i.test(p))) ||
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
    lower === 'heroku.yml' || lower === 'heroku.yaml' || lower === 'railway.json' ||
    // Clever Cloud's per-runtime settings (`clevercloud/python.json`: the WSGI module its uWSGI serves)
    (lower.endsWith('.json') && parts.at(-2) === 'clevercloud') ||
    // Azure Bicep: App Service's httpsOnly (src/project/proxy.ts)
    lower.endsWith('.bicep') ||
    // Cloud Foundry (cloud.gov): manifest.yml, manifest-prod.yml, manifest_staging.yaml
    /^manifest([._-][\w.-]+)?\.ya?ml$/.test(lower) ||
    lower === '.env' || /^\.env\.[\w.-]+$/.test(lower) || lower.endsWith('.env') ||
    (/\.ya?ml$/.test(lower) && (inDeployFolder(-1) || /^values([.-][\w.-]+)?\.ya?ml$/.test(lower))) ||
    // a Helm chart's named templates (`templates/_envs.tpl`: the MoJ's Find a Legal Adviser defines its containers' env there)
    (lower.endsWith('.tpl') && parts.at(-2) === 'templates' && (inDeployFolder(-2) || parts.slice(0, -2).some((p) => /helm|chart/i.test(p))))
  );
}

/**
 * Whether these folders (a file's, from the root) lead into a deployment folder (`k8s/`, `manifests/`, `.do/`…)
 * that is not inside a Python package: a `manifests/` folder within the project's code is the app's own data
 * (Mozilla Experimenter's `experimenter/features/manifests/` holds 2,600 feature-manifest YAML files, 64 MB, none
 * a deployment), and a package folder never holds a deploy. `packages`: the folders (relative paths) that hold an
 * `__init__.py`; without it every deployment folder counts.
 */
function deployFolder(folders: string[], packages: ReadonlySet<string> | undefined): boolean {
  const at = folders.findIndex((p) => MANIFEST_DIR.test(p) || p === '.do');
  if (at < 0) return false;
  if (!packages) return true;
  for (let k = 1; k <= at; k++) if (packages.has(folders.slice(0, k).join('/'))) return false;
  return true;
}

/** A Django template: an `.html`/`.htm`/`.txt` file below a `templates/` folder. */
export function isDjangoTemplate(name: string, rel: string): boolean {
  return /\.(html?|txt)$/i.test(name) && rel.split('/').slice(0, -1).includes('templates');
}

/** Names for vendored code that a project may also give a package of its own. */
const VENDOR_DIRS = new Set(['vendor', 'vendored', '_vendor', 'third_party']);

/**
 * A folder named for vendored code that is a subpackage of the project's own package (it and its parent hold
 * `__init__.py`) is the project's code, imported by its dotted name: CourtListener's settings star-import
 * `cl/settings/third_party/*.py`, and skipping them left every setting after those imports unknown.
 */
function ownSubpackage(parent: string, abs: string, name: string): boolean {
  if (!VENDOR_DIRS.has(name)) return false;
  try {
    return statSync(join(abs, '__init__.py')).isFile() && statSync(join(parent, '__init__.py')).isFile();
  } catch {
    return false;
  }
}

function isVirtualenvDir(abs: string): boolean {
  try {
    return statSync(join(abs, 'pyvenv.cfg')).isFile();
  } catch {
    return false;
  }
}

/**
 * launch.I001's syntax check lets its trees go after parsing this many characters of source. Each time costs
 * a full garbage collection. Measured on baserow (17.8 MB of Python): every 256 files, a peak of 337 MB; every
 * 64 files, 257 MB and 0.3 s more; every 0.5, 1 or 2 MiB of source, 257 MB at no cost beyond the noise.
 */
const RELEASE_EVERY = 1 << 20;

/** What launch.I001's syntax workers came to (src/project/syntax-pool.ts), for the gate's timings. */
export interface SyntaxWorkersOutcome {
  workers: number;
  reports: SyntaxWorkerReport[];
  /** Why a worker stopped early: its files were checked by the main thread instead. */
  failures: string[];
}

/**
 * Files the rules are likely to parse themselves — migrations, settings, URLconfs, views, models, serializers,
 * admin, forms, tasks — queued last for the syntax workers. Only an order: a file is checked wherever it lands.
 */
function likelyParsedByRules(rel: string): boolean {
  return /(^|\/)(migrations|settings|views|models|api)\/|(^|\/)(settings|urls|views|models|serializers|admin|forms|tasks|wsgi|asgi|manage)\.py$/.test(rel);
}

/** How syntaxReason begins for Python 2 code (launch.E002 then says to port it). */
export const PYTHON2_REASON = 'it is Python 2 code';

export class Workspace {
  readonly root: string;
  private readonly python: SourceFile[] = [];
  private readonly deploy: SourceFile[] = [];
  private readonly byRel = new Map<string, SourceFile>();
  private readonly trees = new Map<string, Tree>();
  /** Characters of source whose trees are held (heldChars). */
  private held = 0;
  /** The first syntax error line of each file worked out so far (undefined: none), recorded in diagnostics. */
  private readonly syntaxLines = new Map<string, number | undefined>();
  /** launch.I001's syntax check running in worker threads beside the rules (startSyntaxWorkers), until checkSyntaxOfAll. */
  private syntaxPool: SyntaxPool<SourceFile> | undefined;
  /** Files whose syntax error is Python 2 syntax (recordSyntax): syntaxReason says so. */
  private readonly python2Files = new Set<string>();
  private readonly templates: SourceFile[] = [];
  /** GitHub Actions workflows with a step that deploys to a platform and sets its environment (deployWorkflows()). */
  private readonly workflows: SourceFile[] = [];
  /** Jinja templates (`*.j2`) that do not read as nginx: kept until the walk ends, for ansibleNginxTemplates. */
  private readonly otherJinja: SourceFile[] = [];
  /** YAML files in Ansible folders (paths only; read on first ansibleFiles() call). */
  private readonly ansiblePaths: Array<{ abs: string; rel: string }> = [];
  private ansibleRead?: SourceFile[];
  /** Django HTML/text templates found by the walk (paths only; read on first djangoTemplates() call). */
  private readonly djangoTemplatePaths: Array<{ abs: string; rel: string }> = [];
  private djangoTemplateFiles?: SourceFile[];
  private readonly unreadable = new Map<string, UnreadableFile>();
  readonly diagnostics: Diagnostic[] = [];
  /** Folders (relative) that hold a manage.py. */
  readonly manageDirs: string[] = [];
  /** The config's `exclude` globs: paths (files and folders, relative to the root) the walk never enters or reads. */
  private readonly excluded: (rel: string) => boolean;
  /** Untracked files and folders git ignores (src/project/git-ignored.ts): never read. */
  private readonly gitIgnored?: GitIgnored;
  /** What the walk skipped because git ignores it and does not track it: folders, and files it would have read. */
  readonly gitIgnoredSkipped = { files: 0, folders: 0 };
  /** Folders (relative; the root is '') that hold an `__init__.py`: a deployment folder inside one is app data. */
  private readonly packageFolders = new Set<string>();

  constructor(root: string, options: { exclude?: (rel: string) => boolean; gitIgnored?: GitIgnored } = {}) {
    this.root = root;
    this.excluded = options.exclude ?? (() => false);
    this.gitIgnored = options.gitIgnored;
    this.walk(root);
    const installed = ansibleNginxTemplates(root, this.otherJinja.map((f) => f.rel));
    for (const f of this.otherJinja) if (installed.has(f.rel)) this.addDeploy({ ...f, nginxTemplate: true });
    this.otherJinja.length = 0;
    this.python.sort((a, b) => (a.rel < b.rel ? -1 : 1));
    this.deploy.sort((a, b) => (a.rel < b.rel ? -1 : 1));
    this.templates.sort((a, b) => (a.rel < b.rel ? -1 : 1));
    this.djangoTemplatePaths.sort((a, b) => (a.rel < b.rel ? -1 : 1));
    this.manageDirs.sort();
  }

  pythonFiles(): readonly SourceFile[] {
    return this.python;
  }

  deployFiles(): readonly SourceFile[] {
    return this.deploy;
  }

  /**
   * GitHub Actions workflows (`.github/workflows/*.yml`) with a step that deploys the app with a platform's action
   * that sets the deployed service's environment (`koyeb/action-git-deploy`'s `service-env`,
   * `google-github-actions/deploy-cloudrun`'s `env_vars`): read for that environment only (src/project/manifests.ts),
   * never as deploy files — the rest of a workflow is CI.
   */
  deployWorkflows(): readonly SourceFile[] {
    return this.workflows;
  }

  /**
   * YAML files under a folder named like an Ansible tree (`ansible/`, `playbooks/`, `roles/`, `provisioning/`),
   * read lazily: UTF-8 text under the size limit. Not deploy files — only their copy tasks are read
   * (src/project/ansible.ts).
   */
  ansibleFiles(): readonly SourceFile[] {
    if (this.ansibleRead) return this.ansibleRead;
    this.ansibleRead = [];
    for (const { abs, rel } of this.ansiblePaths) {
      try {
        if (statSync(abs).size > MAX_FILE_BYTES) continue;
        const buf = readFileSync(abs);
        if (buf.includes(0)) continue;
        this.ansibleRead.push({ rel, abs, text: buf.toString('utf8') });
      } catch {
        // unreadable: no copy task from it
      }
    }
    return this.ansibleRead;
  }

  /** Python source templates (rendered into settings at deploy time); never scanned as code. */
  templateFiles(): readonly SourceFile[] {
    return this.templates;
  }

  /**
   * Django templates (`.html`/`.txt` files under a `templates/` folder), read lazily on first call: UTF-8 only,
   * files over the size limit or with NUL bytes skipped. Not Python source templates — see templateFiles().
   */
  djangoTemplates(): readonly SourceFile[] {
    if (this.djangoTemplateFiles) return this.djangoTemplateFiles;
    const out: SourceFile[] = [];
    for (const { abs, rel } of this.djangoTemplatePaths) {
      try {
        if (statSync(abs).size > MAX_FILE_BYTES) continue;
        const buf = readFileSync(abs);
        if (buf.includes(0)) continue;
        let text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
        out.push({ rel, abs, text });
      } catch {
        // unreadable or not UTF-8: Django could not load it either
      }
    }
    this.djangoTemplateFiles = out;
    return out;
  }

  get(rel: string): SourceFile | undefined {
    return this.byRel.get(rel);
  }

  /** A Python file that exists but could not be read (binary, too large, undecodable, unreadable). */
  unreadableFile(rel: string): UnreadableFile | undefined {
    return this.unreadable.get(rel);
  }

  /**
   * Parse (once) a Python file of the workspace. Syntax errors are recorded as a diagnostic; the recovered
   * tree is still returned (`syntaxError` says where CPython would refuse the file).
   */
  tree(file: SourceFile): Tree {
    let t = this.trees.get(file.rel);
    if (!t) {
      t = parsePython(file.text);
      this.trees.set(file.rel, t);
      this.held += file.text.length;
      this.recordSyntax(file, t);
    }
    return t;
  }

  /**
   * Let go of every tree parsed so far (their syntax errors stay recorded): a later tree() parses the file
   * again, to the same tree. The rules gate calls it between groups of rules that read different files
   * (src/gates/rules.ts), then src/project/memory.ts release() frees them.
   */
  releaseTrees(): void {
    this.trees.clear();
    this.held = 0;
  }

  /** How much source the trees held now were parsed from, in characters (prepareViews lets them go past a limit). */
  get heldChars(): number {
    return this.held;
  }

  /**
   * Starts launch.I001's syntax check of the plain Python files whose syntax is not known yet in worker threads,
   * beside the rules (src/project/syntax-pool.ts); checkSyntaxOfAll takes their results. The files a rule is
   * likely to parse (migrations, settings, URLconfs, views, models) go last in the queue: by the time a worker
   * reaches them the main thread has marked most of them known.
   */
  startSyntaxWorkers(count: number | 'auto'): void {
    const queue = this.python.filter((f) => !f.template && !f.templateRows && !this.syntaxLines.has(f.rel) && !likelyParsedByRules(f.rel));
    this.syntaxPool = SyntaxPool.start(queue, count, this.python.reduce((n, f) => n + f.text.length, 0));
  }

  /**
   * Every Python file's syntax error recorded (as tree() records it): the files no one has parsed yet are
   * parsed without keeping their trees, which are let go every RELEASE_EVERY characters of source parsed
   * (src/project/memory.ts). A later tree() parses such a file again, and does not record its error twice.
   * With syntax workers started, the main thread first takes files from their queue, then waits for them and
   * records their results; any file still unknown after that (a worker failed, a file changed) is parsed here.
   */
  async checkSyntaxOfAll(): Promise<SyntaxWorkersOutcome | undefined> {
    let held = 0;
    const parse = async (file: SourceFile): Promise<void> => {
      this.recordSyntax(file, parsePython(file.text));
      held += file.text.length;
      if (held >= RELEASE_EVERY) {
        held = 0;
        await release();
      }
    };
    const pool = this.syntaxPool;
    let outcome: SyntaxWorkersOutcome | undefined;
    if (pool) {
      this.syntaxPool = undefined;
      for (let file = pool.take(); file; file = pool.take()) if (!this.syntaxLines.has(file.rel)) await parse(file);
      const { checked, reports, failures } = await pool.results((f) => !this.syntaxLines.has(f.rel));
      for (const r of checked) this.recordSyntaxLine(r.file, r.line, r.python2);
      outcome = { workers: pool.workers, reports, failures };
    }
    for (const file of this.python) if (!this.syntaxLines.has(file.rel)) await parse(file);
    return outcome;
  }

  /** Record a file's syntax error unless it is known: parse it (and keep the tree) when it is not. */
  checkSyntax(file: SourceFile): void {
    if (!this.syntaxLines.has(file.rel)) this.tree(file);
  }

  /** Record a file's first syntax error line as a diagnostic, unless its syntax is known already. */
  private recordSyntax(file: SourceFile, t: Tree): void {
    if (this.syntaxLines.has(file.rel)) return;
    const errLine = firstErrorLine(t, file.text);
    // no error in the tree: the line is Python 2 syntax tree-sitter accepts and CPython 3 rejects (python2Only)
    this.recordSyntaxLine(file, errLine, errLine !== undefined && !t.rootNode.hasError);
  }

  /** Record a file's first syntax error line (undefined: none) and whether it is Python 2 syntax, from this thread or a worker. */
  private recordSyntaxLine(file: SourceFile, errLine: number | undefined, python2: boolean): void {
    if (this.syntaxLines.has(file.rel)) return;
    this.syntaxLines.set(file.rel, errLine);
    this.syntaxPool?.known(file.rel);
    if (python2) this.python2Files.add(file.rel);
    if (errLine !== undefined && !file.template && !file.templateRows) {
      this.diagnostics.push({
        rel: file.rel,
        line: errLine,
        kind: 'syntax',
        message: `${file.rel} has a syntax error near line ${errLine}; the scan read what tree-sitter could recover.`,
      });
    }
  }

  /**
   * 1-based line of the first syntax error in a Python file, or undefined when it parses cleanly. Worked out
   * once per file (the settings evaluator asks for every module it runs, in each world: with the Python 2
   * check, a second of saleor's scan).
   */
  syntaxError(file: SourceFile): number | undefined {
    if (!this.syntaxLines.has(file.rel)) this.tree(file); // the first parse records it
    return this.syntaxLines.get(file.rel);
  }

  /**
   * Why Python refuses to import this file, when it does (syntaxError): a syntax error, or Python 2 syntax — which
   * Python 3 refuses, and which Python 2 itself, past its end of life, would still import (daemo's settings).
   */
  syntaxReason(file: SourceFile): string | undefined {
    const line = this.syntaxError(file);
    if (line === undefined) return undefined;
    // A template is rendered before Python sees it: the error may be in what the scan made of its tags
    if (file.template || file.templateRows) return `it is a template rendered at deploy time, and with its tags left unknown its text does not parse near line ${line}`;
    return this.python2Files.has(file.rel)
      ? `${PYTHON2_REASON} (near line ${line}), which Python 3 refuses to import — and Python 2, which would, is past its end of life (January 2020), as is every Django release that runs on it (1.11 the last)`
      : `it has a syntax error near line ${line}, which Python refuses to import`;
  }

  private walk(dir: string): void {
    let entries: import('node:fs').Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      this.diagnostics.push({ rel: this.rel(dir) || '.', line: 1, kind: 'folder', message: `Folder ${this.rel(dir) || '.'} could not be read (${(e as NodeJS.ErrnoException).code ?? 'error'}); it was skipped.` });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    if (entries.some((e) => e.name === '__init__.py' && !e.isDirectory())) this.packageFolders.add(this.rel(dir));
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
        if (st.isFile()) {
          this.addFile(abs, ent.name);
          if (ent.name === 'manage.py') this.linkedManage(abs);
        }
        continue;
      }
      if (ent.isDirectory()) {
        if ((EXCLUDED_DIRS.has(ent.name) && !ownSubpackage(dir, abs, ent.name)) || ent.name.endsWith('.egg-info')) continue;
        if (this.gitIgnored?.has(this.rel(abs), true)) {
          this.gitIgnoredSkipped.folders++;
          continue;
        }
        if (isVirtualenvDir(abs) || this.excluded(this.rel(abs))) continue;
        this.walk(abs);
      } else if (ent.isFile()) {
        this.addFile(abs, ent.name);
      }
    }
  }

  /**
   * A manage.py that is a symlink to another manage.py inside the tree (tabbycat's root manage.py →
   * tabbycat/manage.py) is the target's project, not one of its own: Python puts the folder of the script it
   * resolved on sys.path, so the settings module is found beside the target — whose folder the walk makes a
   * root when it meets it. A link out of the tree, or to a file named otherwise, keeps its folder.
   */
  private linkedManage(abs: string): void {
    let target: string;
    try {
      target = relative(realpathSync(this.root), realpathSync(abs)).split(sep).join('/');
    } catch {
      return;
    }
    if (target.startsWith('../') || isAbsolute(target) || (target !== 'manage.py' && !target.endsWith('/manage.py'))) return;
    const rel = this.rel(abs);
    const at = this.manageDirs.lastIndexOf(rel.includes('/') ? rel.slice(0, rel.lastIndexOf('/')) : '');
    if (at >= 0) this.manageDirs.splice(at, 1);
  }

  private rel(abs: string): string {
    return relative(this.root, abs).split(sep).join('/');
  }

  private addFile(abs: string, name: string): void {
    const rel = this.rel(abs);
    if (this.excluded(rel)) return;
    if (isDjangoTemplate(name, rel) && !isDeployFile(name, rel, this.packageFolders)) {
      if (this.gitIgnored?.has(rel, false)) {
        this.gitIgnoredSkipped.files++;
        return;
      }
      this.djangoTemplatePaths.push({ abs, rel });
      return;
    }
    const isPy = name.endsWith('.py');
    const isTemplate = !isPy && PY_TEMPLATE.test(name);
    // a Jinja template that is not a deploy file by its name is read to see whether it is an nginx config
    const jinja = !isPy && !isTemplate && JINJA_NAME.test(name) && !isDeployFile(name, rel, this.packageFolders);
    const workflow = WORKFLOW_FILE.test(rel);
    if (!isPy && !isTemplate && !jinja && !workflow && !isDeployFile(name, rel, this.packageFolders)) {
      if (/\.ya?ml$/i.test(name) && rel.split('/').slice(0, -1).some((p) => ANSIBLE_DIR.test(p)) && !this.gitIgnored?.has(rel, false)) this.ansiblePaths.push({ abs, rel });
      return;
    }
    if (this.gitIgnored?.has(rel, false)) {
      if (!jinja) this.gitIgnoredSkipped.files++; // (a Jinja template is read only if it turns out to be nginx)
      return;
    }
    if (name === 'manage.py') this.manageDirs.push(rel.includes('/') ? rel.slice(0, rel.lastIndexOf('/')) : '');
    const skip = (kind: DiagnosticKind, line: number, reason: string, message: string): void => {
      if (jinja) return;
      this.diagnostics.push({ rel, line, kind, message });
      if (isPy) this.unreadable.set(rel, { rel, line, kind, reason });
    };
    let size: number;
    try {
      size = statSync(abs).size; // follows a symlinked file to its target
    } catch {
      return;
    }
    if (size > MAX_FILE_BYTES) {
      const mb = (size / 1048576).toFixed(1);
      skip('too-large', 1, `it is ${mb} MB, over the ${MAX_FILE_BYTES / 1048576} MB limit for scanned files`, `${rel} is ${mb} MB, over the ${MAX_FILE_BYTES / 1048576} MB limit for scanned files (generated code?); it was skipped.`);
      return;
    }
    let buf: Buffer;
    try {
      buf = readFileSync(abs);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? 'error';
      skip('unreadable', 1, `reading it failed (${code})`, `${rel} could not be read (${code}); it was skipped.`);
      return;
    }
    // A deploy file saved as UTF-16 with its byte-order mark (StudyBud's requirements.txt, written by PowerShell's
    // `pip freeze >`): pip and Docker read it as text, so it is decoded, not taken for binary. Python source in
    // UTF-16 is not something CPython runs: it stays "binary".
    const utf16 = !isPy && !isTemplate && buf.length >= 2 ? (buf[0] === 0xff && buf[1] === 0xfe ? 'utf-16le' : buf[0] === 0xfe && buf[1] === 0xff ? 'utf-16be' : undefined) : undefined;
    if (utf16) {
      try {
        buf = Buffer.from(new TextDecoder(utf16, { fatal: true }).decode(buf), 'utf8');
      } catch {
        return; // not UTF-16 after all: deploy files in other encodings are not ours to judge
      }
    }
    if (buf.includes(0)) {
      skip('binary', 1, 'it looks binary (it contains NUL bytes)', `${rel} looks binary (it contains NUL bytes); it was skipped.`);
      return;
    }
    let text: string;
    let encoding: string | undefined;
    if (isPy || isTemplate) {
      // As CPython reads it: PEP 263 coding declaration, BOM, else UTF-8.
      const d = decodePythonSource(buf);
      if (!d.ok) {
        skip('encoding', d.line, `${d.reason} (line ${d.line})`, `${rel} cannot be decoded as Python source: ${d.reason} (line ${d.line}); it was skipped.`);
        return;
      }
      text = d.text;
      if (d.encoding.toLowerCase().replace(/[-_]/g, '') !== 'utf8') encoding = d.encoding;
    } else {
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
      } catch {
        return; // deploy files in other encodings are not ours to judge
      }
    }
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    if (jinja) {
      if (looksLikeNginx(text)) this.addDeploy({ rel, abs, text, nginxTemplate: true });
      else if (rel.split('/').includes('templates')) this.otherJinja.push({ rel, abs, text });
      return;
    }
    let templateRows: number[] | undefined;
    // Jinja/cookiecutter tags: a `.py.j2` always; a `.py` only when the tags are what keeps it from parsing.
    if ((isTemplate || (isPy && looksLikeTemplate(text))) && (isTemplate || parsePython(text).rootNode.hasError)) {
      const t = neutraliseTemplate(text);
      if (t.rows.length) {
        text = t.text;
        templateRows = t.rows;
      }
    }
    const file: SourceFile = {
      rel,
      abs,
      text,
      ...(encoding ? { encoding } : {}),
      ...(isTemplate ? { template: true } : {}),
      ...(templateRows ? { templateRows } : {}),
    };
    if (workflow) {
      // kept only when a step deploys with a platform action that sets the service's environment
      if (DEPLOY_ACTION.test(text)) this.workflows.push(file);
    } else if (isPy || isTemplate) {
      this.byRel.set(rel, file);
      (isPy ? this.python : this.templates).push(file);
    } else this.addDeploy(file);
  }

  private addDeploy(file: SourceFile): void {
    this.byRel.set(file.rel, file);
    this.deploy.push(file);
  }
}
