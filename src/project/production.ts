/**
 * Which settings module production runs, per project, from evidence — the first of these that applies:
 *   1. named explicitly: the input / `--settings` / config file, or DJANGO_SETTINGS_MODULE in the environment;
 *   2. deploy manifests in the repository (Dockerfile final stage, compose, Procfile, gunicorn/uwsgi config,
 *      systemd units, scripts, platform manifests, Kubernetes/Helm) — src/project/manifests.ts;
 *   3. the default in wsgi.py / asgi.py (what the WSGI/ASGI server loads) — unless it names a development/test
 *      module (by its name, or a docstring that says so), or a package that sets nothing;
 *   4. a sibling named or documented as production (prod.py, production.py, a docstring that says so);
 *   5. the default in manage.py, then in other code (celery.py, a package's setup function).
 * A development-named module is never judged as production (unless the user names it). Ties are
 * reported (the note names the candidates and the input that settles it). A module that exists only at
 * deploy time resolves to the file it is made from (a Dockerfile COPY source, a template, an example).
 * A module named by wsgi/asgi/manage.py that exists nowhere is reported, and nothing is judged in its place.
 */
import type { Location } from '../finding';
import type { ResolvedModule } from './evaluator/frame';
import type { BuildCopy, SettingsEvidence } from './manifests';
import { deployCopySource, deployWrites } from './deploy-writes';
import { serverOnLine } from './deploy-commands';
import {
  absoluteModuleName,
  deployTimeModule,
  documentedAsDevelopment,
  devStarImport,
  documentedAsProduction,
  isDevSettings,
  isProductionName,
  moduleBases,
  moduleOf,
  modulesOf,
  resolveModule,
  setsSomething,
  settingsDefaultIn,
  under,
  type SettingsPatterns,
} from './settings-modules';
import type { SourceFile, Workspace } from './workspace';
import { inDevFolder, inTemplateFolder, isTestPath } from './files';

export type Source = 'input' | 'environment' | 'config' | 'manifest' | 'wsgi' | 'asgi' | 'sibling' | 'manage.py' | 'code';

export interface Candidate {
  module: string;
  source: Source;
  /** where it is named (absent for the input and the environment) */
  at?: Location;
  /** a phrase: `the default in mysite/wsgi.py (line 12)` */
  how: string;
  configuration?: string;
}

export interface Resolution {
  status: 'resolved' | 'ambiguous' | 'missing' | 'unresolved';
  chosen?: Candidate & { resolved: ResolvedModule; made?: string };
  /** other candidates of the same rank (status `ambiguous`) */
  others: Candidate[];
  /** modules named by wsgi/asgi/manage.py that exist nowhere (status `missing`) */
  missing: Candidate[];
  /** development-named candidates that were passed over */
  passedOver: Candidate[];
  /** one sentence: why this module (or why none) */
  reason: string;
}

export interface ResolveInput {
  ws: Workspace;
  /** the project folder (manage.py's, or a deploy-only root) */
  dir: string;
  /** other project roots (their files are theirs) */
  roots: readonly string[];
  named?: string;
  fromEnv?: string;
  evidence: readonly SettingsEvidence[];
  copies: readonly BuildCopy[];
  /** The config's production-settings / dev-settings globs. */
  patterns?: SettingsPatterns;
}

/**
 * Which manifest's word comes first. A Kubernetes container's `env:` overrides the ENV of the image it runs, so
 * it comes before the Dockerfile (the IETF website: the image says `ietf.settings.docker.base`, the Deployment
 * that runs it `ietf.settings.production`).
 */
const KIND_ORDER = ['kubernetes', 'dockerfile', 'compose', 'procfile', 'systemd', 'supervisor', 'gunicorn', 'uwsgi', 'app.json', 'heroku.yml', 'fly.toml', 'render.yaml', 'do-app', 'app.yaml', 'bicep', 'workflow', 'script', 'env-file'];

/** The module as production will import it: a file of the project, or one made at deploy time from a repository file. */
function locate(input: ResolveInput, module: string): { resolved: ResolvedModule; made?: string } | undefined {
  const r = resolveModule(input.ws, input.dir, module);
  if (r) return { resolved: r };
  const d = deployTimeModule(input.ws, input.dir, module, input.copies.filter((c) => belongsTo(input, c.file)));
  return d ? { resolved: d.resolved, made: d.how } : undefined;
}

function ownFiles(input: ResolveInput, name: string): SourceFile[] {
  const nested = input.roots.filter((d) => d !== input.dir && under(input.dir, d));
  return input.ws
    .pythonFiles()
    .filter((f) => under(input.dir, f.rel) && (f.rel === name || f.rel.endsWith(`/${name}`)) && !nested.some((d) => under(d, f.rel)) && !inTemplateFolder(f.rel));
}

/**
 * The project's own modules that a production start command hands its app server (`gunicorn core.wsgi_scalingo`,
 * `uwsgi --module=app.wsgi_prod:application`), read line by line from the deploy files outside development and
 * test folders (compose files left out: most are the local stack) — a module named so only when it is a file
 * of this project that sets a settings default. The server and its arguments as deploy-commands.ts reads them
 * (serverOnLine: prefixes, `python -m`, `--reload` left out).
 */
function servedModules(input: ResolveInput): Array<{ file: SourceFile; source: 'wsgi' | 'asgi'; how: string }> {
  const out: Array<{ file: SourceFile; source: 'wsgi' | 'asgi'; how: string }> = [];
  for (const f of input.ws.deployFiles()) {
    if (!belongsTo(input, f.rel) || inDevFolder(f.rel) || isTestPath(f.rel) || /compose[^/]*\.ya?ml$/i.test(f.rel)) continue;
    f.text.split('\n').forEach((line, i) => {
      // the command itself: after a Dockerfile's CMD/ENTRYPOINT (its exec form, `["gunicorn", "app.wsgi"]`, read as
      // the words it runs), a Procfile's or YAML key's `web:`, a YAML list's `- `
      const started = serverOnLine(line.replace(/^\s*(?:-\s+)?(?:CMD\b|ENTRYPOINT\b|[\w-]+:(?=\s))?/, '').replace(/[[\],]/g, ' '));
      for (const w of started?.args ?? []) {
        const m = /^(?:--module=|--wsgi=)?([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+)(?::[\w()]+)?$/.exec(w);
        if (!m || /\.py$/.test(m[1])) continue;
        const r = resolveModule(input.ws, input.dir, m[1]);
        const file = r && 'file' in r ? r.file : undefined;
        if (!file || !settingsDefaultIn(input.ws, file)?.module) continue;
        if (!out.some((o) => o.file === file)) {
          out.push({ file, source: /asgi/.test(m[1].split('.').pop() ?? '') ? 'asgi' : 'wsgi', how: `the module ${started!.server} loads (${f.rel}, line ${i + 1})` });
        }
        break;
      }
    });
  }
  return out;
}

export function resolveProduction(input: ResolveInput): Resolution {
  const none = (status: Resolution['status'], reason: string, extra: Partial<Resolution> = {}): Resolution => ({ status, others: [], missing: [], passedOver: [], reason, ...extra });
  const pick = (c: Candidate, others: Candidate[] = [], passedOver: Candidate[] = []): Resolution | undefined => {
    const l = locate(input, c.module);
    if (!l) return undefined;
    const how = `${c.how}${l.made ? ` — ${l.made}` : ''}`;
    return {
      status: others.length ? 'ambiguous' : 'resolved',
      chosen: { ...c, ...l },
      others,
      missing: [],
      passedOver,
      reason: others.length
        ? `${how}; other evidence names ${others.map((o) => `${o.module} (${o.how})`).join(', ')}`
        : how,
    };
  };

  // 1. explicit
  if (input.named) {
    const r = pick({ module: input.named, source: 'input', how: 'named by the settings-module input / --settings / config file' });
    if (r) return r;
  } else if (input.fromEnv) {
    const r = pick({ module: input.fromEnv, source: 'environment', how: 'DJANGO_SETTINGS_MODULE in the environment names it' });
    if (r) return r;
  }

  // 1b. the config's production-settings: the project's modules they match (several: the first, and a note)
  const configured = configuredProduction(input);
  if (configured.length) {
    const r = pick(configured[0], configured.slice(1));
    if (r) return r;
  }

  // 2. deploy manifests (non-development ones), whose module is this project's
  const isDev = (m: string) => isDevSettings(m, input.patterns);
  /** Not named for development, but documented as it (a docstring): the candidate with that said, or undefined. */
  const documentedDev = (c: Candidate): Candidate | undefined => {
    if (input.patterns?.production(c.module)) return undefined;
    const l = locate(input, c.module);
    const file = l && 'file' in l.resolved ? l.resolved.file : undefined;
    if (!file) return undefined;
    if (documentedAsDevelopment(input.ws, file)) return { ...c, how: `${c.how}; its docstring says it is for development (${file.rel})` };
    const dev = devStarImport(input.ws, file, c.module);
    return dev ? { ...c, how: `${c.how}; it is development settings: it imports everything from ${dev.module} (${file.rel}, line ${dev.line})` } : undefined;
  };
  /**
   * A deploy file naming settings that build on the development ones (devStarImport) while settings named for
   * production sit beside them: that file runs a development setup. adhocracy+'s Dockerfile and compose file name
   * `config.settings.docker` (`from .dev import *`, a database host, runserver); `config.settings.production` is
   * what its documented gunicorn unit runs. Passed over, with why. Without a production sibling such settings
   * may well be production's own (a Dockerfile COPYing settings that star-import dev and set DEBUG on: launch.E010).
   */
  const passedOver: Candidate[] = [];
  const devBesideProduction = (c: Candidate): boolean => {
    if (input.patterns?.production(c.module)) return false;
    const l = locate(input, c.module);
    const dev = l && 'file' in l.resolved ? devStarImport(input.ws, l.resolved.file, c.module) : undefined;
    if (!dev || !productionSiblings(input, [c]).some((s) => isProductionName(s.module))) return false;
    passedOver.push({ ...c, how: `${c.how}; development settings beside production-named ones: it imports everything from ${dev.module} (line ${dev.line})` });
    return true;
  };
  const fromManifests: Candidate[] = [];
  const unlocated: Candidate[] = [];
  for (const e of input.evidence) {
    if (e.dev || !belongsTo(input, e.file)) continue;
    if (!locate(input, e.module)) {
      // A module of this project's packages that neither the repository nor a build step the scan reads makes:
      // whatever is judged instead is said to be a guess (launch.I004), never silently (issue 7).
      if (ownPackage(input, e.module) && !unlocated.some((u) => u.module === e.module)) {
        unlocated.push({ module: e.module, source: 'manifest', at: { file: e.file, line: e.line }, how: `${e.how} (${e.file}, line ${e.line}) — not in the repository, and no build step the scan reads makes it` });
      }
      continue;
    }
    const c: Candidate = { module: e.module, source: 'manifest', at: { file: e.file, line: e.line }, how: `${e.how} (${e.file}, line ${e.line})`, ...(e.configuration ? { configuration: e.configuration } : {}) };
    if (isDev(e.module)) passedOver.push(c);
    else if (!devBesideProduction(c)) fromManifests.push(c);
  }
  if (fromManifests.length) {
    const order = (c: Candidate) => {
      const e = input.evidence.find((x) => x.file === c.at?.file && x.line === c.at?.line);
      // `ENV DJANGO_SETTINGS_MODULE=${DJANGO_SETTINGS_MODULE:-x}` (Concordia's Dockerfile) is a default that says it
      // is meant to be overridden: what an orchestrator's manifest sets (its ECS task definition) comes first
      if (e && selfDefault(input, e.file, e.line)) return KIND_ORDER.length;
      const i = e ? KIND_ORDER.indexOf(e.kind) : -1;
      return i < 0 ? KIND_ORDER.length : i;
    };
    const sorted = [...fromManifests].sort((a, b) => order(a) - order(b) || (a.at!.file < b.at!.file ? -1 : a.at!.file > b.at!.file ? 1 : a.at!.line - b.at!.line));
    const distinct: Candidate[] = [];
    for (const c of sorted) if (!distinct.some((d) => d.module === c.module)) distinct.push(c);
    // A deploy file of the same kind or one that comes first names a module the scan cannot find (Biostar Central's
    // supervisord program, beside a data-transfer script that names another): what is judged is a guess, said so
    // (launch.I004) — never a module silently dropped because another was found.
    const before = unlocated.filter((u) => order(u) <= order(distinct[0]));
    const r = pick(distinct[0], [...distinct.slice(1), ...before], passedOver);
    if (r) return r;
  }

  // What a deploy file names but the scan cannot find goes along as other evidence of whatever is judged next.
  const pickAfter = (c: Candidate, others: Candidate[] = [], over: Candidate[] = []) => pick(c, [...others, ...unlocated], over);

  // 3. wsgi.py / asgi.py defaults
  const missing: Candidate[] = [];
  const anchors: Candidate[] = [];
  // 3a. first the module a production start command hands its app server (`gunicorn core.wsgi_scalingo` in
  // Aides-territoires' Scalingo start script): its default is what production loads, over a wsgi.py no command names
  const served = servedModules(input);
  const entries: Array<{ file: SourceFile; source: 'wsgi' | 'asgi'; how?: string }> = [
    ...served,
    ...(['wsgi.py', 'asgi.py'] as const).flatMap((name) => ownFiles(input, name).filter((f) => !served.some((x) => x.file === f)).map((file) => ({ file, source: name === 'wsgi.py' ? ('wsgi' as const) : ('asgi' as const) }))),
  ];
  for (const { file: f, source, how: servedHow } of entries) {
    const d = settingsDefaultIn(input.ws, f);
    if (!d?.module) continue;
    const c: Candidate = { module: d.module, source, at: { file: f.rel, line: d.line }, how: `the default in ${f.rel} (line ${d.line}), ${servedHow || `which the ${source === 'wsgi' ? 'WSGI' : 'ASGI'} server (gunicorn, uWSGI, waitress, uvicorn…) loads`}`, ...(d.configuration ? { configuration: d.configuration } : {}) };
    const l = locate(input, d.module);
    if (!l) {
      if (!missing.some((m) => m.module === c.module)) missing.push(c);
      continue;
    }
    anchors.push(c);
    const documented = isDev(d.module) ? c : documentedDev(c);
    if (documented) {
      passedOver.push(documented);
      continue;
    }
    if (!('file' in l.resolved) || setsSomething(input.ws, l.resolved.file)) {
      const extended = extendedForProduction(input, c);
      const r = pickAfter(extended ?? c, [], passedOver);
      if (r) return r;
    }
  }

  // What the WSGI/ASGI server would be told to import does not exist: production would not start. Nothing is
  // judged in its place (E003 reports it).
  if (missing.length) return missingResolution(missing, passedOver);

  // 5a. manage.py and other code that sets the default (used below as anchors for the sibling search)
  const manage = input.ws.get(input.dir ? `${input.dir}/manage.py` : 'manage.py');
  const later: Candidate[] = [];
  if (manage) {
    const d = settingsDefaultIn(input.ws, manage);
    if (d?.module) later.push({ module: d.module, source: 'manage.py', at: { file: manage.rel, line: d.line }, how: `the default in ${manage.rel} (line ${d.line})`, ...(d.configuration ? { configuration: d.configuration } : {}) });
  }
  for (const f of codeFiles(input)) {
    const d = settingsDefaultIn(input.ws, f);
    if (d?.module && !later.some((c) => c.module === d.module)) later.push({ module: d.module, source: 'code', at: { file: f.rel, line: d.line }, how: `set by ${f.rel} (line ${d.line})` });
  }
  // manage.py naming a module of a package this repository does not have (fonzie, an Open edX plugin: its manage.py
  // names `lms.envs.docker_run`, edx-platform's settings in the image its development stack runs): the settings of
  // the application the code is installed into, not a module missing from this project — said in the refusal
  let foreign: Candidate | undefined;
  for (const c of later) {
    if (locate(input, c.module)) anchors.push(c);
    else if (c.source === 'manage.py' && !ownPackage(input, c.module)) foreign ??= c;
    else if (c.source === 'manage.py' && !missing.some((m) => m.module === c.module)) missing.push(c);
  }

  // 4a. a default whose settings import a module only the deploy makes (PyCon US: manage.py and celery.py name
  // pycon.settings.default, which exits without the local.py that Heroku's build hook copies into place from
  // local.py-heroku): the deploy completes those settings, so they are what it runs — over a production-named
  // sibling (production.py, from an older deploy) that does not import that module
  const completed: Candidate[] = [];
  for (const c of anchors) {
    if (isDev(c.module) || documentedDev(c) || completed.some((d) => d.module === c.module)) continue;
    const made = deployMadeImport(input, c.module);
    if (!made) continue;
    if (productionSiblings(input, [c]).some((s) => s.module !== c.module && deployMadeImport(input, s.module)?.module === made.module)) continue;
    completed.push({ ...c, how: `${c.how}, whose settings import ${made.module}, which the repository does not hold and its deploy makes (${made.at.file}, line ${made.at.line}, from ${made.from})` });
  }
  if (completed.length === 1) {
    const r = pickAfter(completed[0], [], passedOver);
    if (r) return r;
  }

  // 4. a sibling named or documented as production, next to what wsgi/asgi/manage.py name
  const siblings = productionSiblings(input, anchors);
  if (siblings.length) {
    const r = pickAfter(siblings[0], siblings.slice(1), passedOver);
    if (r) return r;
  }

  // 5b. manage.py's default, then other code's
  for (const c of later) {
    const documented = isDev(c.module) ? c : documentedDev(c);
    if (documented) {
      if (locate(input, c.module)) passedOver.push(documented);
      continue;
    }
    const l = locate(input, c.module);
    if (l && (!('file' in l.resolved) || setsSomething(input.ws, l.resolved.file))) {
      const r = pickAfter({ ...c, how: unlocated.length ? c.how : `${c.how}; no deploy file, wsgi.py or asgi.py names another` }, [], passedOver);
      if (r) return r;
    }
  }

  if (missing.length) return missingResolution(missing, passedOver);
  if (passedOver.length) {
    const named: Candidate[] = [];
    for (const c of passedOver) if (!named.some((d) => d.module === c.module)) named.push(c);
    return none('unresolved', `only development settings are named (${named.map((c) => `${c.module}: ${c.how}`).join('; ')}) and nothing names the production settings`, { passedOver });
  }
  const found = settingsLike(input);
  const own = ownVariable(input);
  const installed = foreign ? `; ${foreign.at?.file ?? 'manage.py'} names ${foreign.module}, a module of a package that is not in this repository (the application this code is installed into?)` : '';
  return none('unresolved', `neither a deploy file, wsgi.py, asgi.py nor manage.py names a settings module of this project${found.length ? ` (modules here that read as settings: ${found.slice(0, 6).join(', ')}${found.length > 6 ? ', …' : ''})` : ''}${own ? `; ${own}` : ''}${installed}`);
}

/**
 * wsgi.py or manage.py setting a settings variable of the project's own instead of DJANGO_SETTINGS_MODULE
 * (Janeway's `os.environ.setdefault("JANEWAY_SETTINGS_MODULE", "core.settings")`, which its loader reads): said in
 * the refusal, so that the user sees what the code names and why it was not taken.
 */
function ownVariable(input: ResolveInput): string | undefined {
  for (const name of ['wsgi.py', 'asgi.py', 'manage.py']) {
    for (const f of ownFiles(input, name)) {
      const m = /\bsetdefault\(\s*["']([A-Z][A-Z0-9_]*_SETTINGS(?:_MODULE)?)["']\s*,\s*["']([A-Za-z_][\w.]*)["']/.exec(f.text);
      if (!m || m[1] === 'DJANGO_SETTINGS_MODULE') continue;
      const where = locate(input, m[2]) ? '' : ', which is not in the repository';
      return `${f.rel} sets ${m[1]} to ${m[2]}${where} — a variable of the project's own that Django does not read`;
    }
  }
  return undefined;
}

/** The project's core settings, assigned at module level: what makes a module read as settings for the refusal's list. */
const CORE_SETTING = /^(ROOT_URLCONF|INSTALLED_APPS|MIDDLEWARE)\s*\+?=/m;

/**
 * Modules of the project (not tests, templates or development folders) that assign its core settings — named in the
 * refusal so the user can choose (the UK's LITE frontend: conf.exporter and conf.caseworker, which its platform sets
 * per app, and conf.base under both).
 */
function settingsLike(input: ResolveInput): string[] {
  const nested = input.roots.filter((d) => d !== input.dir && under(input.dir, d));
  const out = new Set<string>();
  for (const f of input.ws.pythonFiles()) {
    if (!under(input.dir, f.rel) || nested.some((d) => under(d, f.rel)) || inTemplateFolder(f.rel) || isTestPath(f.rel) || inDevFolder(f.rel) || !CORE_SETTING.test(f.text)) continue;
    const m = moduleOf(input.dir, f);
    // a module no import can name (`edx-platform.config.lms…`: a folder that is no identifier) is none to choose
    if (m && m.split('.').every((p) => /^[A-Za-z_]\w*$/.test(p))) out.add(m);
  }
  return [...out].sort();
}

function missingResolution(missing: Candidate[], passedOver: Candidate[]): Resolution {
  const where = missing.map((m) => `${m.at ? `${m.at.file} (line ${m.at.line})` : m.how} names ${m.module}`).join('; ');
  return { status: 'missing', others: [], missing, passedOver, reason: `${where}, which does not exist in the repository: no settings were judged in its place` };
}

/**
 * Does a deploy file speak for this project? When it lies inside a project folder, only for that project
 * (the deepest one holding it); a file outside every project (a repository-level Dockerfile beside
 * backend/) speaks for any project whose module it names.
 */
/** Does the manifest line give DJANGO_SETTINGS_MODULE as a default of itself (`${DJANGO_SETTINGS_MODULE:-x}`)? */
function selfDefault(input: ResolveInput, file: string, line: number): boolean {
  const text = input.ws.get(file)?.text.split('\n')[line - 1] ?? '';
  return /\$\{DJANGO_SETTINGS_MODULE:?-/.test(text);
}

export function belongsTo(input: Pick<ResolveInput, 'dir' | 'roots'>, file: string): boolean {
  const owners = input.roots.filter((r) => r !== '' && under(r, file));
  if (owners.length === 0) return true;
  const deepest = owners.reduce((a, b) => (b.length > a.length ? b : a));
  return deepest === input.dir;
}

/** Other Python files of the project that set DJANGO_SETTINGS_MODULE (celery.py, a package's setup function): not tests, not tools (a management-command `__main__.py`). */
function codeFiles(input: ResolveInput): SourceFile[] {
  const nested = input.roots.filter((d) => d !== input.dir && under(input.dir, d));
  return input.ws.pythonFiles().filter((f) => {
    // a project template's files (`{{cookiecutter.project_name}}/…`) are no project's
    if (!under(input.dir, f.rel) || nested.some((d) => under(d, f.rel)) || inTemplateFolder(f.rel)) return false;
    const name = f.rel.split('/').pop()!;
    if (name === 'manage.py' || name === 'wsgi.py' || name === 'asgi.py') return false;
    // A package's `__main__.py` that runs management commands (`python -m pkg`, a console script) is a tool like
    // django-admin, with settings of its own for it: rdmo's rdmo-admin names `rdmo.core.management.settings`.
    if (name === '__main__.py' && /\bexecute_from_command_line\b/.test(f.text)) return false;
    if (/(^|\/)(tests?|testing|scripts?|tools?|bin|docs?|examples?|dev|development|fuzzing)\//.test(f.rel) || /^test_|_test\.py$|conftest\.py$/.test(name)) return false;
    return f.text.includes('DJANGO_SETTINGS_MODULE');
  });
}

/**
 * A module that `module`'s own file imports (`from .local import *`, `from pkg.local import …`, in a try or not)
 * which the repository does not hold and one of its deploy files writes from a repository file (a `cp` in a
 * build hook or script, a Dockerfile COPY: deploy-writes.ts): the module, the deploy file's line, and the source.
 */
function deployMadeImport(input: ResolveInput, module: string): { module: string; at: Location; from: string } | undefined {
  const r = resolveModule(input.ws, input.dir, module);
  const file = r && 'file' in r ? r.file : undefined;
  if (!file || !file.text.includes('import')) return undefined;
  const pkg = file.rel.endsWith('/__init__.py');
  for (const m of file.text.matchAll(/^[ \t]*from[ \t]+(\.*)([\w.]*)[ \t]+import\b/gm)) {
    const full = absoluteModuleName(module, pkg, m[2], m[1].length);
    if (!full || !full.includes('.') || resolveModule(input.ws, input.dir, full)) continue;
    const rel = `${full.replace(/\./g, '/')}.py`;
    const at = deployWrites(input.ws, rel);
    const from = at && deployCopySource(input.ws, rel);
    if (at && from) return { module: full, at, from: from.rel };
  }
  return undefined;
}

/**
 * Modules next to the anchors (in the same package, or inside a package the anchor names) that are named
 * like production or whose docstring says they are production. Name matches first.
 */
function productionSiblings(input: ResolveInput, anchors: Candidate[]): Candidate[] {
  const packages = new Set<string>();
  // A settings package's own parts: the submodules its __init__.py imports from (`from .production import
  // Production`, the django-configurations class DJANGO_CONFIGURATION selects, in Mozilla's donate-wagtail; `from
  // .production import *` under a condition). The package the code names runs them: they are not another module
  // production might name instead.
  const parts = new Set<string>();
  for (const a of anchors) {
    const l = locate(input, a.module);
    if (l && 'file' in l.resolved && l.resolved.file.rel.endsWith('/__init__.py')) {
      packages.add(a.module);
      const own = a.module.replace(/\./g, '\\.');
      for (const m of l.resolved.file.text.matchAll(new RegExp(`^\\s*from\\s+(?:\\.|${own}\\.)(\\w+)\\s+import\\b`, 'gm'))) parts.add(`${a.module}.${m[1]}`);
    }
    const parent = a.module.includes('.') ? a.module.slice(0, a.module.lastIndexOf('.')) : '';
    if (parent) packages.add(parent);
  }
  const byName: Candidate[] = [];
  const byDoc: Candidate[] = [];
  const seen = new Set<string>();
  for (const f of input.ws.pythonFiles()) {
    // the file's name under the import root its anchors resolve from (a `src/` layout has two)
    const m = modulesOf(input.dir, f).find((x) => packages.has(x.includes('.') ? x.slice(0, x.lastIndexOf('.')) : ''));
    if (!m || seen.has(m) || isDevSettings(m, input.patterns) || parts.has(m)) continue;
    if (!resolveModule(input.ws, input.dir, m)) continue;
    seen.add(m);
    if (isProductionName(m)) byName.push({ module: m, source: 'sibling', at: { file: f.rel, line: 1 }, how: `named as the production settings (${f.rel}), beside the ${anchorPhrase(anchors, input.patterns)}` });
    else if (/settings|config|conf/i.test(m) && documentedAsProduction(input.ws, f)) {
      byDoc.push({ module: m, source: 'sibling', at: { file: f.rel, line: 1 }, how: `its docstring says it is the production configuration (${f.rel}), beside the ${anchorPhrase(anchors, input.patterns)}` });
    }
  }
  // A production-named module that wsgi/asgi/manage.py name themselves comes first: named twice over.
  const named = new Set(anchors.map((a) => a.module));
  const sort = (a: Candidate, b: Candidate) => Number(named.has(b.module)) - Number(named.has(a.module)) || (a.module < b.module ? -1 : a.module > b.module ? 1 : 0);
  const ordered = [...byName.sort(sort), ...byDoc.sort(sort)];
  const first = ordered[0];
  if (first && named.has(first.module)) {
    const anchor = anchors.find((a) => a.module === first.module)!;
    // The code names it and its name says production: no tie with other production-named modules.
    return [{ ...anchor, how: `${anchor.how}, and named as the production settings` }];
  }
  return ordered;
}

/**
 * A module named for production beside the wsgi/asgi default that star-imports it (`from .base import *` in
 * config/django/production.py, the default being config.django.base): the default is the base production
 * extends, and that module what production runs (HackSoftware's styleguide example, whose README's deploy steps
 * set it). The only such module: two production-named extensions leave the default as it is.
 */
function extendedForProduction(input: ResolveInput, c: Candidate): Candidate | undefined {
  const last = c.module.split('.').pop()!;
  const star = new RegExp(`^from\\s+(\\.${last}|${c.module.replace(/\./g, '\\.')})\\s+import\\s+\\*`, 'm');
  const found = productionSiblings(input, [c]).filter((sib) => sib.module !== c.module && isProductionName(sib.module) && star.test(input.ws.get(sib.at!.file)?.text ?? ''));
  if (found.length !== 1) return undefined;
  return { ...found[0], how: `named as the production settings (${found[0].at!.file}) and star-importing ${c.module}, ${c.how}: that default is the base production extends` };
}

/** The project's own modules that the config's production-settings globs match, by module name. */
function configuredProduction(input: ResolveInput): Candidate[] {
  if (!input.patterns) return [];
  const nested = input.roots.filter((d) => d !== input.dir && under(input.dir, d));
  const out: Candidate[] = [];
  for (const f of input.ws.pythonFiles()) {
    if (!under(input.dir, f.rel) || nested.some((d) => under(d, f.rel))) continue;
    const m = moduleOf(input.dir, f);
    if (!m || !input.patterns.production(m) || out.some((c) => c.module === m)) continue;
    out.push({ module: m, source: 'config', at: { file: f.rel, line: 1 }, how: `matched by production-settings in the config (${f.rel})` });
  }
  return out.sort((a, b) => (a.module < b.module ? -1 : a.module > b.module ? 1 : 0));
}

function anchorPhrase(anchors: Candidate[], patterns?: SettingsPatterns): string {
  const a = anchors[0];
  if (!a) return 'settings';
  const what = isDevSettings(a.module, patterns) ? 'development settings' : 'settings';
  return `${what} ${a.module} that ${a.at ? a.at.file : 'the project'} names`;
}

/** Is the module under one of this project's own top-level packages (`settings.config` when settings/ is one)? */
function ownPackage(input: ResolveInput, module: string): boolean {
  const top = module.split('.')[0];
  return moduleBases(input.dir).some((base) => input.ws.get(`${base ? `${base}/` : ''}${top}/__init__.py`) !== undefined);
}
