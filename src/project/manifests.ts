/**
 * What the deploy manifests in the repository put in the environment production runs with: the settings
 * module (`DJANGO_SETTINGS_MODULE`, and django-configurations' `DJANGO_CONFIGURATION` beside it) and every other
 * variable they always set. Read from Dockerfiles (final stage), compose files, Procfiles, gunicorn and uwsgi
 * configs, systemd units, shell scripts, env files, Heroku app.json / heroku.yml, fly.toml, render.yaml, App
 * Engine app.yaml and Kubernetes/Helm YAML. Also the files a Dockerfile creates at build time from repository
 * files (COPY/ADD).
 *
 * One set of readers serves both views: each reader turns a manifest into places (a compose service's
 * environment, a Dockerfile stage, a Procfile process…) holding assignments; `settingsEvidence` keeps the
 * settings-module ones, `productionEnvironment` the environment ones that hold in every case.
 *
 * Pure: reads only the texts the Workspace already holds. Every reader is total — a file that cannot be
 * parsed yields nothing, never an exception. A value that is not a dotted Python module once substitutions
 * are applied (an unset `$VAR`, a `{{ template }}`) is not settings evidence.
 *
 * Hand-written parts, and why: Dockerfile instructions, shell words and `$VAR`/`${VAR:-default}` expansion,
 * systemd units, uwsgi ini and dotenv files have no parser among the dependencies (and uwsgi/systemd repeat
 * keys, which generic INI parsers collapse). YAML goes through `yaml`, TOML through `smol-toml`, JSON
 * through JSON.parse; line numbers come from yaml's LineCounter or from locating the key in the text.
 */
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseAllDocuments, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import { parse as parseToml } from 'smol-toml';
import { callParts, parsePython, stringValue, walk, type SyntaxNode } from './python';
import type { SourceFile, Workspace } from './workspace';
import { SECRET_NAME } from './secret-values';
import { declaredForDevelopment, runsDevSetup } from './deploy-commands';
import { devImage, type DevImage } from './dev-image';
import { MODULE_NAME, isDevModule } from './settings-modules';

export type EvidenceKind =
  | 'dockerfile' | 'compose' | 'procfile' | 'gunicorn' | 'uwsgi' | 'systemd' | 'supervisor' | 'script' | 'app.json'
  | 'heroku.yml' | 'fly.toml' | 'render.yaml' | 'do-app' | 'kubernetes' | 'env-file' | 'app.yaml' | 'bicep' | 'workflow';

export interface SettingsEvidence {
  /** the dotted module, e.g. "mysite.settings.production" (after substitution of ARG/ENV/${VAR:-default}) */
  module: string;
  /** DJANGO_CONFIGURATION (django-configurations class name) set at the same place, when any */
  configuration?: string;
  kind: EvidenceKind;
  /** rel path */
  file: string;
  /** 1-based line of the assignment */
  line: number;
  /** the manifest (or the part of it) is a development/test/CI one: such evidence never names production */
  dev: boolean;
  /** one short phrase for the report, e.g. "ENV in the final stage of docker/Dockerfile" */
  how: string;
}

/**
 * A variable a deploy manifest always sets in the environment of the process it starts. Assignments that may
 * leave the variable unset or empty (compose `${VAR}` / `${VAR:-}`, an empty value, a shell export inside
 * if/case or after `&&`, an optional Kubernetes secretKeyRef) are not returned, nor is one a later assignment
 * of the same process environment replaces (compose `environment:` over `env_file:`, a later Dockerfile ENV).
 */
export interface EnvAssignment {
  /** the variable */
  name: string;
  /**
   * the value production gets, when the manifest gives a literal or a `${VAR:-default}`/`${VAR-default}`
   * default; undefined when it is provided but its value is not in the repository (a k8s
   * secretKeyRef/configMapKeyRef, a compose `${VAR:?error}` that refuses to start without it, a render.yaml
   * `generateValue`, an app.json `generator: secret` or required variable …). Secret values are returned as
   * they are: redacting them is the caller's job.
   */
  value?: string;
  file: string;
  line: number;
  kind: EvidenceKind;
  /** a dev/test/CI manifest or part (same rules as settingsEvidence) */
  dev: boolean;
  /** e.g. "environment of service `api` in deployments/cli/community/docker-compose.yml" */
  how: string;
}

/** A file a Dockerfile creates at build time from a repository file (`COPY docker/config.py /app/mysite/settings/config.py`). */
export interface BuildCopy {
  /** as written, relative to the build context (`./` and trailing `/` removed; `.` for the whole context) */
  source: string;
  /** absolute path in the image (WORKDIR applied); a directory when the source is one */
  dest: string;
  file: string;
  line: number;
  /** the Dockerfile is a dev one, or the stage never reaches the final image */
  dev: boolean;
  /** how the file got there when not a COPY/ADD: `RUN cp` / `RUN mv`, or an Ansible task (src/project/ansible.ts) */
  via?: string;
  /** made on the server at deploy time (an Ansible task), not at image build time */
  atDeploy?: true;
}

const DSM = 'DJANGO_SETTINGS_MODULE';
const CONF = 'DJANGO_CONFIGURATION';
/** A dotted module as DJANGO_SETTINGS_MODULE may name one (hyphens included: settings-modules.ts MODULE_NAME). */
const MODULE_RE = MODULE_NAME;
const CLASS_RE = /^[A-Za-z_]\w*$/;
/** A name an environment variable can have (not `nginx.conf`, a ConfigMap file key). */
const ENV_NAME_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function settingsEvidence(ws: Workspace): SettingsEvidence[] {
  const { places, referenced } = readManifests(ws);
  return places
    .flatMap(toEvidence)
    .filter((e) => !(e.kind === 'env-file' && referenced.has(e.file)))
    .map((e) => {
      const dev = e.kind === 'dockerfile' && !e.dev ? devImageOf(ws, e.file) : undefined;
      return dev ? { ...e, dev: true, how: `${e.how} (a development image: ${dev.why})` } : e;
    })
    .sort(byPlace);
}

/**
 * A Dockerfile that is a development image (src/project/dev-image.ts: it starts only the development server, and
 * the compose services that build it mount the project folder over it or it starts its own database first): what its ENV names is development's
 * settings module, as launch.E050 and launch.W070 already take it — openstax-cms's `ENV DJANGO_SETTINGS_MODULE=
 * openstax.settings.docker` was judged as production (fifteen false findings), while wsgi.py names production's.
 */
function devImageOf(ws: Workspace, rel: string): DevImage | undefined {
  const f = ws.get(rel);
  return f ? devImage(ws.deployFiles(), f) : undefined;
}

/**
 * Every variable the repository's deploy manifests always set for the process they start, with where and how;
 * dev/test/CI manifests are included and marked `dev`. A variable several manifests set is returned once per
 * place (the caller decides between different values); one a later assignment of the same process
 * environment overrides (or may unset) is not returned.
 */
export function productionEnvironment(ws: Workspace): EnvAssignment[] {
  const { places, referenced } = readManifests(ws);
  const slots: Array<{ a?: EnvAssignment }> = [];
  const inForce = new Map<string, { a?: EnvAssignment }>(); // scope + variable → the assignment in force
  for (const p of places) {
    if (p.kind === 'env-file' && referenced.has(p.file)) continue;
    for (const l of p.list) {
      if (l.env === undefined || l.shell || !ENV_NAME_RE.test(l.key)) continue;
      // an assignment that may leave the variable unset still replaces the earlier ones of its scope
      const slot: { a?: EnvAssignment } = l.env
        ? { a: { name: l.key, ...(l.env.value !== undefined ? { value: l.env.value } : {}), file: p.file, line: l.line, kind: p.kind, dev: p.dev, how: p.how } }
        : {};
      if (p.scope !== undefined) {
        const key = `${p.scope}\u0000${l.key}`;
        const before = inForce.get(key);
        if (before) delete before.a;
        inForce.set(key, slot);
      }
      slots.push(slot);
    }
  }
  return slots.flatMap((s) => (s.a ? [s.a] : [])).sort(byPlace);
}

export function dockerCopies(ws: Workspace): BuildCopy[] {
  const dirs = folderSet(ws);
  const out: BuildCopy[] = [];
  for (const f of ws.deployFiles()) {
    if (manifestKind(f) === 'dockerfile') out.push(...safely(() => readDockerfile(f).copies.map((c) => resolveCopy(c, f, dirs))).flat());
  }
  return out;
}

function byPlace(a: { file: string; line: number }, b: { file: string; line: number }): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line;
}

function safely<T>(fn: () => T[]): T[] {
  try {
    return fn();
  } catch {
    return []; // a manifest we cannot read is no evidence, never a crashed scan
  }
}

// ---------------------------------------------------------------------------------------------
// Places: what one part of a manifest assigns

/** What an environment assignment gives the process in every case: a value, or a value not in the repository. */
interface Provided {
  value?: string;
}

/** The sample an operator copies into place of an env file the repository does not hold: `.env.prod-sample`, `.env.example`. */
const ENV_SAMPLE_SUFFIXES = ['-sample', '.sample', '.example', '-example', '.template', '.dist'];

interface Found {
  /** the variable (or, for `--settings`/`--configuration`, the one the option stands for) */
  key: string;
  /** the value as far as it is known ('' when unknown): what settings evidence is made of */
  value: string;
  /** offset of the word that sets it, in the analysed text */
  start: number;
  /** the raw word, to find its line in the file */
  raw: string;
  /**
   * As an environment assignment: what the process always gets (Provided), or null when the assignment may
   * leave the variable unset or empty (it still replaces earlier ones). Absent: not an environment
   * assignment (`--settings x`, a heroku.yml build-time config).
   */
  env?: Provided | null;
  /** a plain shell assignment (`A=1`, no command): reaches the environment only when the variable is exported */
  shell?: boolean;
  /** sets the variable for one command only (`A=1 cmd`, `gunicorn --env A=1`), not for what follows */
  command?: boolean;
  /** not settings evidence (a compose env_file's module when `environment:` names the variable) */
  noSettings?: boolean;
}

type Line = Found & { line: number };

/** One place that sets variables: a compose service's `environment:`, a Dockerfile stage's ENV, a Procfile process… */
interface Place {
  kind: EvidenceKind;
  file: string;
  dev: boolean;
  how: string;
  list: Line[];
  /**
   * Places of one process environment share a scope, in the order they apply: a later assignment of a
   * variable replaces an earlier one. No scope: the assignments stand alone (a `VAR=x cmd` prefix).
   */
  scope?: string;
  /** the settings evidence's configuration, when it is not the last DJANGO_CONFIGURATION of the list */
  configuration?: { name?: string };
}

function place(base: Omit<Place, 'list'>, list: Line[]): Place {
  return { ...base, list };
}

/** Settings evidence from one place: the module ones, each with the configuration set beside it. */
function toEvidence(p: Place): SettingsEvidence[] {
  const list = p.list.filter((f) => f.value !== '' && !f.noSettings);
  const configuration = p.configuration ? p.configuration.name : asClass([...list].reverse().find((f) => f.key === CONF)?.value);
  const out: SettingsEvidence[] = [];
  for (const f of list) {
    const module = f.key === DSM ? asModule(f.value) : undefined;
    if (module) out.push({ module, ...(configuration ? { configuration } : {}), kind: p.kind, file: p.file, line: f.line, dev: p.dev, how: p.how });
  }
  return out;
}

const cache = new WeakMap<Workspace, { places: Place[]; referenced: Set<string> }>();

/** Every manifest of the workspace read once into places (memoised per Workspace). */
function readManifests(ws: Workspace): { places: Place[]; referenced: Set<string> } {
  const hit = cache.get(ws);
  if (hit) return hit;
  const places: Place[] = [];
  const referenced = new Set<string>(); // env files read through compose env_file / systemd EnvironmentFile
  for (const f of ws.deployFiles()) {
    const kind = manifestKind(f);
    if (kind) places.push(...safely(() => READERS[kind](ws, f, referenced)));
  }
  for (const f of ws.pythonFiles()) {
    if (isGunicornPython(f.rel)) places.push(...safely(() => fromGunicorn(f, ws.tree(f).rootNode)));
  }
  for (const f of ws.deployWorkflows()) places.push(...safely(() => fromWorkflow(f)));
  const read = { places, referenced };
  cache.set(ws, read);
  return read;
}

// ---------------------------------------------------------------------------------------------
// Which manifest a file is

type Reader = (ws: Workspace, f: SourceFile, referenced: Set<string>) => Place[];

const READERS: Record<EvidenceKind, Reader> = {
  dockerfile: (_ws, f) => readDockerfile(f).places,
  compose: (ws, f, referenced) => fromCompose(ws, f, referenced),
  procfile: (_ws, f) => fromProcfile(f),
  gunicorn: (_ws, f) => fromGunicorn(f, parsePython(f.text).rootNode),
  uwsgi: (_ws, f) => fromUwsgi(f),
  systemd: (ws, f, referenced) => fromSystemd(ws, f, referenced),
  supervisor: (_ws, f) => fromSupervisor(f),
  script: (_ws, f) => fromScript(f),
  'env-file': (_ws, f) => [fromEnvFile(f, { kind: 'env-file', dev: isDevFile(f), how: `set in ${f.rel}`, scope: f.rel })],
  'app.json': (_ws, f) => fromAppJson(f),
  'heroku.yml': (_ws, f) => fromHerokuYml(f),
  'fly.toml': (_ws, f) => fromFlyToml(f),
  'render.yaml': (_ws, f) => fromRenderYaml(f),
  'do-app': (_ws, f) => fromDoApp(f),
  'app.yaml': (_ws, f) => fromAppYaml(f),
  kubernetes: (_ws, f) => fromKubernetes(f),
  bicep: (_ws, f) => fromBicep(f),
  // read from Workspace.deployWorkflows(), never a deploy file's kind (manifestKind)
  workflow: (_ws, f) => fromWorkflow(f),
};

/** An env file's name (lower-cased): `.env`, `.env.production`, `.env-prod`, `prod.env`. */
export function isEnvFileName(name: string): boolean {
  return name === '.env' || /^\.env[.-][\w.-]+$/.test(name) || name.endsWith('.env');
}

export function manifestKind(f: SourceFile): EvidenceKind | undefined {
  const name = baseOf(f.rel).toLowerCase();
  if (/\.dockerignore$/.test(name)) return undefined;
  if (/^(docker|container)file([.-][\w.-]*)?$/.test(name) || /\.(docker|container)file$/.test(name)) return 'dockerfile';
  if (isComposeName(name)) return 'compose';
  if (/^procfile(\.[\w.-]+)?$/.test(name)) return 'procfile';
  if (/^gunicorn[\w.-]*\.conf$/.test(name)) return 'gunicorn';
  if ((name.endsWith('.conf') || name.endsWith('.ini')) && SUPERVISOR_PROGRAM.test(f.text)) return 'supervisor';
  if (name.endsWith('.ini')) return /^\s*\[uwsgi[^\]]*\]/m.test(f.text) ? 'uwsgi' : undefined;
  if (name.endsWith('.service')) return 'systemd';
  if (/\.(sh|bash)$/.test(name) || /^([\w-]+-)?entrypoint$/.test(name)) return 'script';
  if (isEnvFileName(name)) return 'env-file';
  if (name === 'app.json') return 'app.json';
  if (name === 'heroku.yml' || name === 'heroku.yaml') return 'heroku.yml';
  if (/^fly([.-][\w-]+)?\.toml$/.test(name)) return 'fly.toml';
  if (name === 'render.yaml' || name === 'render.yml') return 'render.yaml';
  if (/\.ya?ml$/.test(name) && f.rel.split('/').slice(0, -1).includes('.do')) return 'do-app';
  if ((name === 'app.yaml' || name === 'app.yml') && !/^\s*apiVersion\s*:/m.test(f.text)) return 'app.yaml';
  if (name.endsWith('.bicep')) return 'bicep';
  // the Workspace reads YAML only from deploy folders and values files, and `.tpl` only from a Helm chart's templates
  if (/\.ya?ml$/.test(name) || name.endsWith('.tpl')) return 'kubernetes';
  return undefined;
}

function isComposeName(lower: string): boolean {
  return /^([\w-]+[.-])?(docker-)?compose([.-][\w.-]+)?\.ya?ml$/.test(lower);
}

/** gunicorn config modules: gunicorn.py, gunicorn_conf.py, gunicorn.conf.py, conf/gunicorn_prod.py, gunicorn/prod.py. */
function isGunicornPython(rel: string): boolean {
  const name = baseOf(rel).toLowerCase();
  return /^gunicorn[\w.-]*\.py$/.test(name) || /gunicorn[\w.-]*conf[\w.-]*\.py$/.test(name) || /(^|\/)gunicorn\/[\w.-]+\.py$/i.test(rel);
}

// ---------------------------------------------------------------------------------------------
// Paths and dev-ness

function baseOf(rel: string): string {
  return rel.slice(rel.lastIndexOf('/') + 1);
}

function dirOf(rel: string): string {
  const i = rel.lastIndexOf('/');
  return i < 0 ? '' : rel.slice(0, i);
}

/** `a/./b/../c` → `a/c`; keeps a leading `/` for absolute paths. */
function normalize(p: string): string {
  const abs = p.startsWith('/');
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return (abs ? '/' : '') + out.join('/');
}

/** `p` relative to `dir` (an absolute `p` stays absolute). */
function joinRel(dir: string, p: string): string {
  return normalize(dir && !p.startsWith('/') ? `${dir}/${p}` : p);
}

/** Words that make a folder development/test/CI/documentation-only (matched per `-`/`_`/`.` part). */
const DEV_DIR_WORDS = new Set([
  'dev', 'devel', 'develop', 'development', 'local', 'test', 'tests', 'testing', 'ci', 'debug', 'e2e', 'example',
  'examples', 'sample', 'samples', 'devcontainer', 'fixtures', 'doc', 'docs', 'github', 'gitlab', 'circleci',
  'demo', 'demos', 'sandbox', 'playground',
]);
/** Words that make a file name development/test/CI or a template/example to copy. */
const DEV_NAME_WORDS = new Set([
  'dev', 'devel', 'develop', 'development', 'local', 'test', 'tests', 'testing', 'ci', 'debug', 'e2e', 'example',
  'examples', 'sample', 'samples', 'template', 'tpl', 'dist', 'devcontainer', 'demo', 'demos', 'sandbox', 'playground',
]);

function hasWord(s: string, words: Set<string>): boolean {
  return s.toLowerCase().split(/[._-]+/).some((w) => words.has(w));
}

/** A dev/test/CI file by its folders or its name (docker-compose.override.yml included). */
/**
 * A deploy file for development: by its path (isDevPath), or by what its opening comments say of it ("for
 * development purposes only and not suitable for production": Open Forms' docker-compose.yml).
 */
function isDevFile(f: SourceFile): boolean {
  return isDevPath(f.rel) || declaredForDevelopment(f);
}

function isDevPath(rel: string): boolean {
  const parts = rel.split('/');
  const name = parts.pop() ?? '';
  // a cookiecutter/Jinja template folder (`{{ cookiecutter.project_slug }}/`) is not this repository's deployment
  if (parts.some((p) => hasWord(p, DEV_DIR_WORDS) || p.includes('{{'))) return true;
  // a Helm chart's named template (`templates/_envs.tpl`) is no template of a file to fill in: its `.tpl` says nothing
  const bare = parts.at(-1) === 'templates' ? name.replace(/\.tpl$/i, '') : name;
  return hasWord(bare, DEV_NAME_WORDS) || /^(docker-)?compose\.override\.ya?ml$/i.test(name);
}

function isDevWord(s: string): boolean {
  return hasWord(s, DEV_NAME_WORDS);
}

// ---------------------------------------------------------------------------------------------
// Lines

/** Offsets of line starts, for offset → line lookups (binary search). */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

function lineAt(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/** Line of the first `needle` inside text[from, to), else the line of `from`. */
function lineOfNeedle(text: string, starts: number[], from: number, to: number, needle: string): number {
  const i = needle ? text.slice(from, to).indexOf(needle) : -1;
  return lineAt(starts, from + Math.max(0, i));
}

/** Line of the `nth` (0-based) occurrence of `key` written as a key (`"key":`, `key =`, `key:`), or 1. */
function keyLine(text: string, key: string, nth = 0): number {
  const re = new RegExp(`(^|[\\s{,"'])${escapeRe(key)}["']?\\s*[:=]`, 'gm');
  let m: RegExpExecArray | null;
  let k = 0;
  while ((m = re.exec(text))) {
    if (k++ === nth) return lineAt(lineStarts(text), m.index + m[1].length);
  }
  return 1;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// ---------------------------------------------------------------------------------------------
// Values: shell words and $VAR expansion

/** Value of a variable, or undefined when unknown (unset, set outside the repository). */
type Lookup = (name: string) => string | undefined;
const UNKNOWN: Lookup = () => undefined;

interface Dialect {
  /** escape character (Dockerfile `# escape=` can change it); null: none (compose, systemd) */
  escape: string | null;
  /** `$` expansion: shell/Dockerfile, compose (`$$` is a literal `$`), or none (systemd Environment=) */
  dollar: 'shell' | 'compose' | 'none';
  /**
   * Expand to the least the value can be: an unknown variable is empty, `${VAR:?msg}` is something (the
   * process does not start without it), a default is taken. Non-empty ⇔ the variable is set to something in
   * every case.
   */
  minimal?: boolean;
}
const SHELL: Dialect = { escape: '\\', dollar: 'shell' };
const COMPOSE: Dialect = { escape: null, dollar: 'compose' };
const LITERAL: Dialect = { escape: '\\', dollar: 'none' };

interface Word {
  raw: string;
  /** offset in the analysed text */
  start: number;
  /** exec-form element: taken as is (no quotes, no expansion) */
  literal?: boolean;
}
type Tok = Word | { op: string; start: number };

function isWord(t: Tok): t is Word {
  return 'raw' in t;
}

/**
 * Shell-like words and operators (`&&`, `||`, `;`, `|`, `&`, parentheses, newlines), quote-aware, with
 * `#` comments, backslash-newline continuations and here-document bodies skipped.
 */
function splitWords(text: string, escape: string | null = '\\'): Tok[] {
  const out: Tok[] = [];
  const heredocs: string[] = [];
  let delimiterNext = false; // `<< 'EOF'`: the word after a lone `<<` is the delimiter
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (escape && c === escape && (text[i + 1] === '\n' || (text[i + 1] === '\r' && text[i + 2] === '\n'))) {
      i += text[i + 1] === '\n' ? 2 : 3;
    } else if (c === ' ' || c === '\t' || c === '\r') {
      i++;
    } else if (c === '\n') {
      out.push({ op: '\n', start: i });
      i = skipHeredocs(text, i + 1, heredocs);
    } else if (c === '#') {
      while (i < text.length && text[i] !== '\n') i++;
    } else {
      const op = /^(&&|\|\||;;|[;&|()])/.exec(text.slice(i, i + 2));
      if (op) {
        out.push({ op: op[1], start: i });
        i += op[1].length;
        continue;
      }
      const start = i;
      i = scanWord(text, i, escape);
      const raw = text.slice(start, i);
      const hd = delimiterNext ? /^['"]?([A-Za-z_]\w*)['"]?$/.exec(raw) : /^<<-?\s*['"]?([A-Za-z_]\w*)['"]?$/.exec(raw);
      if (hd) heredocs.push(hd[1]);
      delimiterNext = /^<<-?$/.test(raw);
      out.push({ raw, start });
    }
  }
  return out;
}

/** After a newline: skip the bodies of pending here-documents. */
function skipHeredocs(text: string, i: number, pending: string[]): number {
  while (pending.length) {
    const term = pending.shift() as string;
    for (;;) {
      if (i >= text.length) return i;
      const end = text.indexOf('\n', i);
      const line = text.slice(i, end < 0 ? text.length : end).replace(/\r$/, '').replace(/^\t+/, '');
      i = end < 0 ? text.length : end + 1;
      if (line === term) break;
    }
  }
  return i;
}

function scanWord(text: string, i: number, escape: string | null): number {
  while (i < text.length) {
    const c = text[i];
    if (/[\s;&|()]/.test(c)) break;
    if (escape && c === escape) i += 2;
    else if (c === "'") i = closing(text, i + 1, "'", null);
    else if (c === '"') i = closing(text, i + 1, '"', escape);
    else if (c === '$' && (text[i + 1] === '{' || text[i + 1] === '(')) i = matching(text, i + 1);
    else i++;
  }
  return Math.min(i, text.length);
}

/** Index after the closing quote (or the end of text). */
function closing(text: string, i: number, quote: string, escape: string | null): number {
  while (i < text.length && text[i] !== quote) i += escape && text[i] === escape ? 2 : 1;
  return i + 1;
}

/** Index after the bracket that closes the one at `i` (`{`/`(`), or the end of text. */
function matching(text: string, i: number): number {
  const open = text[i];
  const close = open === '{' ? '}' : ')';
  let depth = 0;
  for (; i < text.length; i++) {
    if (text[i] === open) depth++;
    else if (text[i] === close && --depth === 0) return i + 1;
  }
  return text.length;
}

/** The value of one word: quotes removed, escapes applied, variables expanded; undefined when a part is unknown. */
function expandWord(raw: string, lookup: Lookup, d: Dialect): string | undefined {
  let out = '';
  let i = 0;
  while (i < raw.length) {
    const c = raw[i];
    if (c === "'") {
      const j = raw.indexOf("'", i + 1);
      if (j < 0) return undefined;
      out += raw.slice(i + 1, j);
      i = j + 1;
    } else if (c === '"') {
      const r = expandDouble(raw, i + 1, lookup, d);
      if (r === undefined) return undefined;
      out += r.value;
      i = r.end;
    } else if (d.escape && c === d.escape) {
      out += raw[i + 1] ?? '';
      i += 2;
    } else if (c === '$' && d.dollar !== 'none') {
      const r = expandDollar(raw, i, lookup, d);
      if (r.value === undefined) return undefined;
      out += r.value;
      i = r.end;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

function expandDouble(raw: string, i: number, lookup: Lookup, d: Dialect): { value: string; end: number } | undefined {
  let out = '';
  while (i < raw.length && raw[i] !== '"') {
    if (d.escape && raw[i] === d.escape && i + 1 < raw.length && ['$', '"', '`', '\n', d.escape].includes(raw[i + 1])) {
      out += raw[i + 1];
      i += 2;
    } else if (raw[i] === '$' && d.dollar !== 'none') {
      const r = expandDollar(raw, i, lookup, d);
      if (r.value === undefined) return undefined;
      out += r.value;
      i = r.end;
    } else {
      out += raw[i++];
    }
  }
  return i < raw.length ? { value: out, end: i + 1 } : undefined;
}

/**
 * `$NAME`, `${NAME}`, `${NAME:-word}`, `${NAME-word}`, `${NAME:=word}`, `${NAME:+word}`, `${NAME:?msg}`.
 * An unknown variable with a default takes the default (what runs when nothing sets it); without one it is
 * unknown. Command substitution and other operators are unknown.
 */
function expandDollar(raw: string, i: number, lookup: Lookup, d: Dialect): { value: string | undefined; end: number } {
  const next = raw[i + 1];
  if (d.dollar === 'compose' && next === '$') return { value: '$', end: i + 2 };
  const unknown = d.minimal ? '' : undefined;
  if (next === '(') return { value: unknown, end: matching(raw, i + 1) };
  if (next === '{') {
    const end = matching(raw, i + 1);
    return { value: expandBraced(raw.slice(i + 2, end - 1), lookup, d), end };
  }
  const m = /^[A-Za-z_]\w*/.exec(raw.slice(i + 1));
  if (m) return { value: lookup(m[0]) ?? unknown, end: i + 1 + m[0].length };
  if (next !== undefined && /[\d@*#?$!-]/.test(next)) return { value: unknown, end: i + 2 };
  return { value: '$', end: i + 1 };
}

function expandBraced(inner: string, lookup: Lookup, d: Dialect): string | undefined {
  const unknown = d.minimal ? '' : undefined;
  const m = /^([A-Za-z_]\w*)(?:(:?[-=+?])([\s\S]*))?$/.exec(inner);
  if (!m) return unknown;
  const [, name, op, word = ''] = m;
  const v = lookup(name);
  if (!op) return v ?? unknown;
  const set = v !== undefined && (!op.startsWith(':') || v !== '');
  switch (op.replace(':', '')) {
    case '-':
    case '=':
      return set ? v : expandWord(word, lookup, d);
    case '+':
      return v === undefined ? unknown : set ? expandWord(word, lookup, d) : '';
    default:
      // `${VAR:?msg}`: nothing runs without a non-empty VAR; `${VAR?msg}` lets an empty one through
      return set ? v : d.minimal && op === ':?' ? '\u0000' : unknown;
  }
}

/**
 * What an environment assignment of `raw` gives the process: its value when known, `{}` when it is set to
 * something in every case but the value is not in the repository (`${VAR:?msg}`, `prefix${VAR}`), null
 * when it may be empty or unset (`${VAR}`, `${VAR:-}`, an empty value, `$(command)`).
 */
function envValue(raw: string, lookup: Lookup, d: Dialect): Provided | null {
  const v = expandWord(raw, lookup, d);
  if (v !== undefined) return v === '' ? null : { value: v };
  return expandWord(raw, lookup, { ...d, minimal: true }) ? {} : null;
}

/** A literal value (YAML, JSON, TOML, systemd, uwsgi): set when non-empty. */
function literalEnv(v: string | undefined): Provided | null {
  return v ? { value: v } : null;
}

/** A dotted Python module path, or undefined. */
function asModule(v: string | undefined): string | undefined {
  const t = v?.trim();
  return t && MODULE_RE.test(t) ? t : undefined;
}

function asClass(v: string | undefined): string | undefined {
  const t = v?.trim();
  return t && CLASS_RE.test(t) ? t : undefined;
}

// ---------------------------------------------------------------------------------------------
// Commands: what a command line sets

/** Subcommands and tools that run once at build or test time: their settings are not what production serves with. */
const ONE_OFF = new Set(['collectstatic', 'compilemessages', 'makemessages', 'makemigrations', 'compress', 'pytest', 'py.test', 'tox', 'nox']);
const PREFIX_COMMANDS = new Set(['exec', 'env', 'export', 'sudo', 'nohup', 'time', 'command', 'declare', 'typeset', 'readonly', 'local', 'nice', 'then', 'do', 'else', 'elif', '!']);
/** Options of the prefix commands that take an argument (`env -u NAME`, `sudo -u user`). */
const PREFIX_ARG_OPTIONS = new Set(['-u', '-g', '-C', '-S', '-n', '--unset', '--chdir', '--user', '--group']);
const SHELLS = /^(\/(usr\/)?bin\/)?(ba|da|z|k)?sh$/;
/** Commands whose `-e NAME=value` sets the environment of what they start (elsewhere `-e` means other things). */
const ENV_OPTION_COMMANDS = new Set(['docker', 'podman', 'nerdctl', 'gunicorn', 'uwsgi']);

interface Segment {
  assigns: Array<{ name: string; raw: string; start: number; word: Word }>;
  command: Word[];
  /** `export A=1`, `declare -x A=1`: the assignments reach the environment */
  exported: boolean;
}

interface SegmentAt {
  words: Word[];
  start: number;
  /** the operator before the segment (`&&`, `||`, `;`, a newline…), undefined at the start */
  before?: string;
  /** the operator after it */
  after?: string;
}

function segmentsOf(toks: Tok[]): SegmentAt[] {
  const out: SegmentAt[] = [];
  let cur: Word[] = [];
  let before: string | undefined;
  for (const t of toks) {
    if (isWord(t)) cur.push(t);
    else {
      if (cur.length) out.push({ words: cur, start: cur[0].start, before, after: t.op });
      cur = [];
      before = t.op;
    }
  }
  if (cur.length) out.push({ words: cur, start: cur[0].start, before });
  return out;
}

function parseSegment(words: Word[]): Segment {
  const assigns: Segment['assigns'] = [];
  let exported = false;
  let i = 0;
  while (i < words.length) {
    const raw = words[i].raw;
    if (PREFIX_COMMANDS.has(raw)) {
      i++;
      if (raw === 'export') exported = true;
      while (i < words.length && /^-/.test(words[i].raw) && !/=/.test(words[i].raw)) {
        if ((raw === 'declare' || raw === 'typeset') && /^-\w*x/.test(words[i].raw)) exported = true;
        i += PREFIX_ARG_OPTIONS.has(words[i].raw) ? 2 : 1;
      }
      continue;
    }
    const m = /^([A-Za-z_]\w*)\+?=/.exec(raw);
    if (!m) break;
    assigns.push({ name: m[1], raw: raw.slice(m[0].length), start: words[i].start, word: words[i] });
    i++;
  }
  return { assigns, command: words.slice(i), exported };
}

function wordValue(w: Word, lookup: Lookup, d: Dialect): string | undefined {
  return w.literal ? w.raw : expandWord(w.raw, lookup, d);
}

function wordEnv(w: Word, raw: string, lookup: Lookup, d: Dialect): Provided | null {
  return w.literal ? literalEnv(raw) : envValue(raw, lookup, d);
}

/** Does this command run once at build/test time (collectstatic, compilemessages, `manage.py test`, pytest)? */
function isOneOff(command: Word[], lookup: Lookup, d: Dialect): boolean {
  const vals = command.map((w) => (wordValue(w, lookup, d) ?? w.raw).replace(/^.*\//, ''));
  return vals.some((v, i) => ONE_OFF.has(v) || (v === 'test' && i > 0 && /(manage\.py|django-admin(\.py)?|^django)$/.test(vals[i - 1])));
}

/**
 * What one command line assigns for the process it starts: `NAME=x cmd` and `env NAME=x cmd` (the
 * environment of cmd), `export NAME=x`, a plain `NAME=x` (a shell variable: see Found.shell), `: ${NAME:=x}`,
 * gunicorn/uwsgi/docker `--env`/`-e NAME=x`, and — settings only — `--settings x`, `--settings=x`,
 * `--configuration X`; the same inside `sh -c "…"`. One-off commands (collectstatic, tests) are skipped.
 */
function commandAssignments(toks: Tok[], lookup: Lookup, d: Dialect): Found[] {
  const out: Found[] = [];
  for (const { words } of segmentsOf(toks)) {
    const seg = parseSegment(words);
    if (seg.command.length && isOneOff(seg.command, lookup, d)) continue;
    const forProcess = seg.command.length > 0 || seg.exported;
    for (const a of seg.assigns) {
      const f = found(a.name, expandWord(a.raw, lookup, d), a.word);
      out.push({ ...f, env: envValue(a.raw, lookup, d), ...(seg.command.length ? { command: true } : forProcess ? {} : { shell: true }) });
    }
    out.push(...defaultAssignments(seg.command, lookup, d), ...optionSettings(seg.command, lookup, d));
  }
  return out.filter((f) => f.value !== '' || f.env !== undefined);
}

function found(key: string, value: string | undefined, w: Word): Found {
  return { key, value: value ?? '', start: w.start, raw: w.raw };
}

/** `: ${NAME:=x}` assigns x to the shell variable when it is unset (a set one was reported where it was set). */
function defaultAssignments(cmd: Word[], lookup: Lookup, d: Dialect): Found[] {
  if (d.dollar !== 'shell') return [];
  const out: Found[] = [];
  for (const w of cmd) {
    if (w.literal) continue;
    for (const m of w.raw.matchAll(/\$\{([A-Za-z_]\w*):?=([^}]*)\}/g)) {
      if (lookup(m[1]) === undefined) out.push({ ...found(m[1], expandWord(m[2], lookup, d), w), env: envValue(m[2], lookup, d), shell: true });
    }
  }
  return out;
}

function optionSettings(cmd: Word[], lookup: Lookup, d: Dialect): Found[] {
  const out: Found[] = [];
  const val = (w: Word | undefined) => (w ? wordValue(w, lookup, d) : undefined);
  const program = (val(cmd[0]) ?? '').replace(/^.*\//, '');
  /** `NAME=value` (or `--env=NAME=value`): the name as written, the value expanded on its own */
  const envOption = (w: Word) => {
    const m = /^(["']?)(?:--env=|-e=)?([A-Za-z_]\w*)=/.exec(w.raw);
    if (!m) return;
    const rest = w.literal ? w.raw.slice(m[0].length) : m[1] + w.raw.slice(m[0].length);
    out.push({ ...found(m[2], w.literal ? rest : expandWord(rest, lookup, d), w), env: wordEnv(w, rest, lookup, d), command: true });
  };
  for (let i = 0; i < cmd.length; i++) {
    const v = val(cmd[i]) ?? '';
    let m: RegExpExecArray | null;
    if ((m = /^--(settings|configuration)=(.*)$/.exec(v))) out.push(found(m[1] === 'settings' ? DSM : CONF, m[2], cmd[i]));
    else if (v === '--settings' || v === '--configuration') out.push(found(v === '--settings' ? DSM : CONF, val(cmd[i + 1]), cmd[i]));
    else if ((m = /^(--env|-e)=(\w+=[\s\S]*)$/.exec(v))) {
      if (m[1] === '--env' || ENV_OPTION_COMMANDS.has(program)) envOption(cmd[i]);
      else settingsOnly(out, m[2], cmd[i]);
    } else if (v === '--env' || v === '-e') {
      const next = cmd[i + 1];
      if (next && (v === '--env' || ENV_OPTION_COMMANDS.has(program))) envOption(next);
      else if (next) settingsOnly(out, val(next) ?? '', next);
    } else if (/^-\w*c$/.test(v) && i > 0 && SHELLS.test(val(cmd[0]) ?? '') && cmd[i + 1]) {
      const inner = val(cmd[i + 1]);
      if (inner !== undefined) {
        const base = cmd[i + 1].start + (cmd[i + 1].literal ? 0 : 1);
        out.push(...commandAssignments(splitWords(inner), lookup, SHELL).map((f) => ({ ...f, start: base + f.start })));
      }
      i++;
    }
  }
  return out;
}

/** `-e DJANGO_SETTINGS_MODULE=x` of a command whose `-e` is not known to set the environment: settings evidence only. */
function settingsOnly(out: Found[], assignment: string, w: Word): void {
  const e = /^(\w+)=([\s\S]*)$/.exec(assignment);
  if (e && (e[1] === DSM || e[1] === CONF)) out.push(found(e[1], e[2], w));
}

/** Words of an exec-form command (a JSON/YAML list): each element literal. */
function execWords(items: string[]): Tok[] {
  return items.map((raw) => ({ raw, start: 0, literal: true }));
}

// ---------------------------------------------------------------------------------------------
// Dockerfile

interface Instruction {
  keyword: string;
  args: string;
  /** file line of an offset in args */
  line: (offset: number) => number;
}

/** Dockerfile instructions with continuation lines joined; comments and here-document bodies dropped. */
function dockerInstructions(text: string): { instructions: Instruction[]; escape: string } {
  const lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
  const directive = /^#\s*escape\s*=\s*(\S)\s*$/i.exec(lines.find((l) => !/^#\s*\w+\s*=/.test(l) || /escape/i.test(l)) ?? '');
  const escape = directive ? directive[1] : '\\';
  const out: Instruction[] = [];
  let i = 0;
  while (i < lines.length) {
    const trimmed = lines[i].trim();
    const m = /^([A-Za-z]+)(\s+|$)/.exec(trimmed);
    if (!m || trimmed.startsWith('#')) {
      i++;
      continue;
    }
    const marks: Array<{ at: number; line: number }> = [];
    let args = '';
    let rest = trimmed.slice(m[0].length);
    for (;;) {
      marks.push({ at: args.length, line: i + 1 });
      const cont = rest.endsWith(escape);
      args += cont ? rest.slice(0, -1) + ' ' : rest;
      i++;
      if (!cont) break;
      while (i < lines.length && (lines[i].trim() === '' || lines[i].trim().startsWith('#'))) i++;
      if (i >= lines.length) break;
      rest = lines[i].trim();
    }
    const keyword = m[1].toUpperCase();
    i = skipDockerHeredocs(lines, i, keyword, args);
    out.push({ keyword, args, line: (off) => [...marks].reverse().find((k) => k.at <= off)?.line ?? marks[0].line });
  }
  return { instructions: out, escape };
}

function skipDockerHeredocs(lines: string[], i: number, keyword: string, args: string): number {
  if (!['RUN', 'COPY', 'ADD'].includes(keyword)) return i;
  const re = /<<(-?)\s*["']?([A-Za-z_]\w*)["']?/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(args))) {
    const strip = m[1] === '-';
    while (i < lines.length && (strip ? lines[i].replace(/^\t+/, '') : lines[i]) !== m[2]) i++;
    i++;
  }
  return i;
}

interface Stage {
  index: number;
  name?: string;
  parent?: number;
  vars: Map<string, string | undefined>;
  envKeys: Set<string>;
  workdir: string;
  /** folders known to exist in the image: WORKDIRs and earlier COPY destinations */
  dirs: Set<string>;
  /** ENV assignments of this stage */
  found: Line[];
  cmd?: Line[];
  entrypoint?: Line[];
  /** the text of the CMD and ENTRYPOINT this stage runs (its own, else its parent's) */
  commandText: { cmd: string; entrypoint: string };
  copiesFrom: string[];
}

interface RawCopy {
  sources: string[];
  /** absolute path in the image */
  dest: string;
  /** the destination is a folder (sources go inside it) */
  destDir: boolean;
  line: number;
  stage: number;
  /** `RUN cp` / `RUN mv`: a copy made by a command, from a file an earlier COPY brought in */
  via?: string;
}

interface DockerRead {
  places: Place[];
  copies: Array<RawCopy & { dev: boolean }>;
}

function readDockerfile(f: SourceFile): DockerRead {
  const { instructions, escape } = dockerInstructions(f.text);
  const d: Dialect = { escape, dollar: 'shell' };
  const globals = new Map<string, string | undefined>();
  const stages: Stage[] = [];
  const copies: RawCopy[] = [];
  for (const ins of instructions) {
    const stage = stages[stages.length - 1];
    if (ins.keyword === 'FROM') stages.push(newStage(ins, stages, globals, d));
    else if (ins.keyword === 'ARG') dockerArg(ins, stage ? stage.vars : globals, stage ? globals : undefined, d);
    else if (!stage) continue;
    else if (ins.keyword === 'ENV') dockerEnv(ins, stage, d);
    else if (ins.keyword === 'WORKDIR') dockerWorkdir(ins, stage, d);
    else if (ins.keyword === 'CMD' || ins.keyword === 'ENTRYPOINT') {
      stage[ins.keyword === 'CMD' ? 'cmd' : 'entrypoint'] = dockerCommand(ins, stage, d);
      stage.commandText = { ...stage.commandText, [ins.keyword === 'CMD' ? 'cmd' : 'entrypoint']: ins.args };
    }
    else if (ins.keyword === 'COPY' || ins.keyword === 'ADD') dockerCopy(ins, stage, d, copies);
    else if (ins.keyword === 'RUN') dockerRunCopy(ins, stage, d, copies);
  }
  if (!stages.length) return { places: [], copies: [] };
  const chain = finalChain(stages);
  const reaching = reachingStages(stages, chain);
  const fileDev = isDevFile(f);
  const serving = servingStageBeforeDevFinal(stages, chain);
  return {
    places: stages.flatMap((s) => stagePlaces(f, s, stages, chain, fileDev, s.index === serving)),
    copies: copies.map((c) => ({ ...c, dev: fileDev || !reaching.has(c.stage) })),
  };
}

function lookupIn(vars: Map<string, string | undefined>): Lookup {
  return (name) => vars.get(name);
}

function newStage(ins: Instruction, stages: Stage[], globals: Map<string, string | undefined>, d: Dialect): Stage {
  const words = splitWords(ins.args).filter(isWord).map((w) => w.raw).filter((w) => !w.startsWith('--'));
  const image = (expandWord(words[0] ?? '', lookupIn(globals), d) ?? words[0] ?? '').toLowerCase();
  const name = words[1]?.toLowerCase() === 'as' ? words[2]?.toLowerCase() : undefined;
  const parent = stages.find((s) => s.name !== undefined && s.name === image) ?? (/^\d+$/.test(image) ? stages[Number(image)] : undefined);
  return {
    index: stages.length,
    name,
    parent: parent?.index,
    // ENV is inherited from the parent stage; ARG scope ends with each stage
    vars: new Map([...(parent ? [...parent.vars].filter(([k]) => parent.envKeys.has(k)) : [])]),
    envKeys: new Set(parent?.envKeys ?? []),
    workdir: parent?.workdir ?? '/',
    dirs: new Set(parent?.dirs ?? []),
    found: [],
    cmd: parent?.cmd,
    entrypoint: parent?.entrypoint,
    commandText: parent?.commandText ?? { cmd: '', entrypoint: '' },
    copiesFrom: [],
  };
}

/** `ARG A=1 B` — inside a stage, a bare `ARG B` takes the global default declared before the first FROM. */
function dockerArg(ins: Instruction, vars: Map<string, string | undefined>, globals: Map<string, string | undefined> | undefined, d: Dialect): void {
  for (const w of splitWords(ins.args).filter(isWord)) {
    const m = /^([A-Za-z_]\w*)(=([\s\S]*))?$/.exec(w.raw);
    if (!m) continue;
    if (m[2] !== undefined) vars.set(m[1], expandWord(m[3], lookupIn(vars), d));
    else if (!vars.has(m[1]) || vars.get(m[1]) === undefined) vars.set(m[1], globals?.get(m[1]));
  }
}

/** `ENV A=1 B="x y"` and the legacy `ENV A some value`. */
function dockerEnv(ins: Instruction, stage: Stage, d: Dialect): void {
  const words = splitWords(ins.args).filter(isWord);
  const pairs: Array<{ name: string; raw: string; word: Word }> = [];
  if (words.length && !/^[A-Za-z_]\w*=/.test(words[0].raw)) {
    const w = words[0];
    pairs.push({ name: w.raw, raw: ins.args.slice(w.start + w.raw.length).trim(), word: w });
  } else {
    for (const w of words) {
      const m = /^([A-Za-z_]\w*)=/.exec(w.raw);
      if (m) pairs.push({ name: m[1], raw: w.raw.slice(m[0].length), word: w });
    }
  }
  // every value of one ENV instruction is expanded with the variables as they were before it
  const before = lookupIn(new Map(stage.vars));
  for (const p of pairs) {
    const value = expandWord(p.raw, before, d);
    stage.vars.set(p.name, value);
    stage.envKeys.add(p.name);
    stage.found.push({ ...found(p.name, value, p.word), env: envValue(p.raw, before, d), line: ins.line(p.word.start) });
  }
}

function dockerCommand(ins: Instruction, stage: Stage, d: Dialect): Line[] {
  const args = ins.args.trim();
  const lookup = (name: string) => (stage.envKeys.has(name) ? stage.vars.get(name) : undefined);
  let toks: Tok[] | undefined;
  if (args.startsWith('[')) {
    try {
      const arr = JSON.parse(args) as unknown;
      if (Array.isArray(arr)) toks = execWords(arr.map(String));
    } catch {
      // not JSON: Docker runs it in shell form
    }
  }
  const offset = ins.args.indexOf(args);
  return commandAssignments(toks ?? splitWords(args, d.escape), lookup, d).map((f) => {
    const at = toks ? ins.args.indexOf(JSON.stringify(f.raw).slice(1, -1)) : offset + f.start;
    return { ...f, line: ins.line(Math.max(0, at)) };
  });
}

function dockerWorkdir(ins: Instruction, stage: Stage, d: Dialect): void {
  const dir = expandWord(ins.args.trim(), lookupIn(stage.vars), d) ?? ins.args.trim();
  stage.workdir = normalize(dir.startsWith('/') ? dir : `${stage.workdir}/${dir}`) || '/';
  stage.dirs.add(stage.workdir);
}

/** `COPY [--chown=…] src… dest`, JSON form too; `--from=` copies between stages (recorded for reachability). */
function dockerCopy(ins: Instruction, stage: Stage, d: Dialect, out: RawCopy[]): void {
  let words = splitWords(ins.args).filter(isWord).map((w) => w.raw);
  const from = words.find((w) => /^--from=/i.test(w));
  if (from) {
    stage.copiesFrom.push(from.slice(7).toLowerCase());
    return;
  }
  words = words.filter((w) => !w.startsWith('--'));
  let items: string[] | undefined;
  const rest = words.join(' ');
  if (rest.startsWith('[')) {
    try {
      const arr = JSON.parse(ins.args.slice(ins.args.indexOf('['))) as unknown;
      if (Array.isArray(arr)) items = arr.map(String);
    } catch {
      items = undefined;
    }
  }
  const lookup = lookupIn(stage.vars);
  const values = items ?? words.map((w) => expandWord(w, lookup, d) ?? '');
  if (values.length < 2 || values.some((v) => v === '' || v.startsWith('<<'))) return;
  const written = values[values.length - 1];
  const dest = normalize(written.startsWith('/') ? written : `${stage.workdir}/${written}`) || '/';
  const destDir = written.endsWith('/') || values.length > 2 || /^\.\.?$/.test(written) || stage.dirs.has(dest);
  stage.dirs.add(destDir ? dest : dirOf(dest) || '/');
  const sources = values.slice(0, -1).filter((s) => !/^([a-z][\w+.-]*:\/\/|git@)/i.test(s));
  if (sources.length) out.push({ sources, dest, destDir, line: ins.line(0), stage: stage.index });
}

/**
 * `RUN … cp docker/config.py settings/config.py …` (or `mv`): a file of the image copied from one the stage
 * COPYed from the build context — taiga-back makes its production settings module this way. Each plain `cp`/`mv`
 * of one path to another (no globs, no variables the stage does not define) whose source an earlier COPY of the
 * stage brought in becomes a copy from that repository file, as a `COPY` to the destination would be.
 */
function dockerRunCopy(ins: Instruction, stage: Stage, d: Dialect, out: RawCopy[]): void {
  if (!/\b(cp|mv)\s/.test(ins.args)) return;
  const lookup = lookupIn(stage.vars);
  const abs = (p: string) => normalize(p.startsWith('/') ? p : `${stage.workdir}/${p}`) || '/';
  const earlier = out.filter((c) => c.stage === stage.index);
  for (const segment of ins.args.split(/&&|\|\||;|\n/)) {
    const words = segment.trim().split(/\s+/).filter(Boolean);
    if (words.length < 3 || !/^(cp|mv)$/.test(words[0])) continue;
    const args = words.slice(1).filter((w) => !w.startsWith('-')).map((w) => expandWord(w, lookup, d) ?? '');
    if (args.length !== 2 || args.some((a) => a === '' || /[*?$`{}]/.test(a))) continue;
    const from = abs(args[0]);
    const source = contextPathOf(from, earlier);
    if (!source) continue;
    const written = args[1];
    const destDir = written.endsWith('/') || stage.dirs.has(abs(written));
    out.push({ sources: [source], dest: destDir ? `${abs(written)}/${from.slice(from.lastIndexOf('/') + 1)}` : abs(written), destDir: false, line: ins.line(ins.args.indexOf(args[0])), stage: stage.index, via: `RUN ${words[0]}` });
  }
}

/** The build-context path of an image path that one of `copies` (latest first) put there; undefined otherwise. */
function contextPathOf(path: string, copies: readonly RawCopy[]): string | undefined {
  for (const c of [...copies].reverse()) {
    for (const src of c.sources) {
      const source = src.replace(/^\.\//, '').replace(/\/+$/, '') || '.';
      const isDir = source === '.' || !/\.[\w-]+$/.test(source.slice(source.lastIndexOf('/') + 1));
      if (isDir) {
        // a folder's contents go into dest: COPY . /app → /app/x is x; COPY docker /app/docker → /app/docker/x is docker/x
        if (path.startsWith(`${c.dest}/`)) {
          const rest = path.slice(c.dest.length + 1);
          return source === '.' ? rest : `${source}/${rest}`;
        }
      } else {
        const base = source.slice(source.lastIndexOf('/') + 1);
        if ((c.destDir && path === `${c.dest}/${base}`) || (!c.destDir && path === c.dest)) return source;
      }
    }
  }
  return undefined;
}

/** The final stage and the stages it is built FROM, transitively. */
function finalChain(stages: Stage[]): Set<number> {
  const chain = new Set<number>();
  let s: Stage | undefined = stages[stages.length - 1];
  while (s && !chain.has(s.index)) {
    chain.add(s.index);
    s = s.parent !== undefined ? stages[s.parent] : undefined;
  }
  return chain;
}

/** Stages whose files reach the final image: the final chain and what it `COPY --from=`s, transitively. */
function reachingStages(stages: Stage[], chain: Set<number>): Set<number> {
  const seen = new Set<number>(chain);
  const todo = [...chain];
  while (todo.length) {
    const s = stages[todo.pop() as number];
    const more = s.copiesFrom.map((ref) => stages.find((x) => x.name === ref) ?? (/^\d+$/.test(ref) ? stages[Number(ref)] : undefined));
    if (s.parent !== undefined) more.push(stages[s.parent]);
    for (const m of more) {
      if (m && !seen.has(m.index)) {
        seen.add(m.index);
        todo.push(m.index);
      }
    }
  }
  return seen;
}

/**
 * A stage's ENV and its own CMD/ENTRYPOINT. The final stage and the stages it is built FROM share one
 * environment (a later ENV replaces an earlier one); a command's `NAME=x` prefixes stand alone.
 */
function stagePlaces(f: SourceFile, s: Stage, stages: Stage[], chain: Set<number>, fileDev: boolean, serving = false): Place[] {
  const final = stages[stages.length - 1];
  const inChain = chain.has(s.index);
  const label = s.name ? `stage \`${s.name}\`` : `stage ${s.index + 1}`;
  const where =
    stages.length === 1 ? f.rel
    : s === final ? `the final stage of ${f.rel}`
    : inChain ? `${label} of ${f.rel}, which the final stage is built from`
    : serving ? `${label} of ${f.rel}, which runs the app server (the final stage is a development image)`
    : `${label} of ${f.rel} (not the final stage)`;
  const conf = s.envKeys.has(CONF) ? asClass(s.vars.get(CONF)) : undefined;
  const base = { kind: 'dockerfile' as const, file: f.rel };
  const out: Place[] = [
    place({ ...base, dev: fileDev || (!inChain && !serving), how: `ENV in ${where}`, scope: inChain ? `${f.rel}#final` : `${f.rel}#${s.index}`, configuration: { name: conf } }, s.found),
  ];
  // CMD/ENTRYPOINT: only those declared in this stage (inherited ones are reported where they are written)
  const parent = s.parent !== undefined ? stages[s.parent] : undefined;
  for (const key of ['cmd', 'entrypoint'] as const) {
    const list = s[key];
    if (!list || list === parent?.[key]) continue;
    const effective = s === final || (inChain && isInheritedToFinal(stages, s, key));
    out.push(place({ ...base, dev: fileDev || !effective, how: `${key.toUpperCase()} in ${where}` }, list));
  }
  return out;
}

/** A production app server in a stage's own command. */
const APP_SERVER = /\b(gunicorn|uwsgi|daphne|uvicorn|hypercorn|granian|waitress-serve)\b/;

/**
 * The one stage outside the final chain that runs an app server and sets DJANGO_SETTINGS_MODULE, when the final
 * stage is a development image — its command runs `runserver`, or the settings it sets are development ones
 * (Open edX ecommerce: `FROM app as prod` runs gunicorn with ecommerce.settings.production, then `FROM app as dev`
 * with ecommerce.settings.devstack and runserver, last, for its devstack). That stage is the production image; -1
 * when there is not exactly one.
 */
function servingStageBeforeDevFinal(stages: Stage[], chain: Set<number>): number {
  const final = stages[stages.length - 1];
  const finalModule = final.vars.get('DJANGO_SETTINGS_MODULE');
  const text = (s: Stage) => `${s.commandText.entrypoint} ${s.commandText.cmd}`;
  const finalDev = /\brunserver\b/.test(text(final)) || (finalModule !== undefined && isDevModule(finalModule));
  if (!finalDev) return -1;
  const serving = stages.filter((s) => !chain.has(s.index) && APP_SERVER.test(text(s)) && s.envKeys.has('DJANGO_SETTINGS_MODULE'));
  return serving.length === 1 ? serving[0].index : -1;
}

/** Is this stage's CMD/ENTRYPOINT the one the final stage runs (no stage between overrides it)? */
function isInheritedToFinal(stages: Stage[], s: Stage, key: 'cmd' | 'entrypoint'): boolean {
  return stages[stages.length - 1][key] === s[key];
}

/** Image paths of a COPY's sources: a file into a folder keeps its name; a folder's content lands in the destination. */
function resolveCopy(c: RawCopy & { dev: boolean }, f: SourceFile, dirs: Set<string>): BuildCopy[] {
  const { dest } = c;
  return c.sources.map((raw) => {
    const source = normalize(raw) || '.';
    const isDir = raw === '.' || raw.endsWith('/') || dirs.has(source) || dirs.has(joinRel(dirOf(f.rel), source));
    const to = c.destDir && !isDir ? `${dest === '/' ? '' : dest}/${baseOf(source)}` : dest;
    return { source, dest: to, file: f.rel, line: c.line, dev: c.dev, ...(c.via ? { via: c.via } : {}) };
  });
}

/** Every folder that holds a scanned file (to tell a directory source from a file one). */
function folderSet(ws: Workspace): Set<string> {
  const dirs = new Set<string>();
  for (const f of [...ws.pythonFiles(), ...ws.deployFiles()]) {
    for (let d = dirOf(f.rel); d && !dirs.has(d); d = dirOf(d)) dirs.add(d);
  }
  return dirs;
}

// ---------------------------------------------------------------------------------------------
// YAML helpers

interface Yaml {
  doc: Document;
  lc: LineCounter;
}

function yamlDoc(text: string): Yaml | undefined {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, uniqueKeys: false, merge: true });
  return doc.errors.length ? undefined : { doc, lc };
}

function resolve(n: unknown, doc: Document): YamlNode | undefined {
  let node = n as YamlNode | null | undefined;
  for (let k = 0; node && isAlias(node) && k < 20; k++) node = node.resolve(doc) as YamlNode | undefined;
  return node ?? undefined;
}

function lineOfNode(y: Yaml, n: unknown): number {
  const node = n as YamlNode | undefined;
  return node?.range ? y.lc.linePos(node.range[0]).line : 1;
}

function scalarText(n: unknown): string | undefined {
  return isScalar(n) && n.value !== null && typeof n.value !== 'object' && typeof n.value !== 'symbol' ? String(n.value) : undefined;
}

/** Map entries, following `<<: *anchor` merge keys (the merged entries keep the anchor's lines). */
function mapEntries(n: unknown, doc: Document, depth = 0): Array<{ key: string; keyNode: YamlNode; value: YamlNode | undefined }> {
  const node = resolve(n, doc);
  if (!isMap(node) || depth > 10) return [];
  const out: Array<{ key: string; keyNode: YamlNode; value: YamlNode | undefined }> = [];
  for (const pair of node.items) {
    const key = scalarText(pair.key);
    if (isScalar(pair.key) && (typeof pair.key.value === 'symbol' || key === '<<')) {
      const v = resolve(pair.value, doc);
      for (const m of isSeq(v) ? v.items : [v]) out.push(...mapEntries(m, doc, depth + 1));
    } else if (key !== undefined) {
      out.push({ key, keyNode: pair.key as YamlNode, value: resolve(pair.value, doc) });
    }
  }
  return out;
}

function mapGet(n: unknown, doc: Document, key: string): YamlNode | undefined {
  return mapEntries(n, doc).find((e) => e.key === key)?.value;
}

/** A YAML command (string or list) → Found with file lines. */
function yamlCommand(y: Yaml, text: string, starts: number[], n: unknown, lookup: Lookup, d: Dialect): Line[] {
  const node = resolve(n, y.doc);
  if (!node?.range) return [];
  let toks: Tok[];
  if (isSeq(node)) {
    const items = node.items.map((it) => scalarText(resolve(it, y.doc)) ?? '');
    // compose lists are argv (interpolated); heroku.yml lists are command lines, one per item
    toks = d.dollar === 'compose' ? items.map((raw) => ({ raw, start: 0 })) : items.flatMap((s): Tok[] => [...splitWords(s), { op: ';', start: 0 }]);
  } else {
    const s = scalarText(node);
    if (s === undefined) return [];
    toks = splitWords(s, d.escape);
  }
  const [from, , to] = node.range;
  return commandAssignments(toks, lookup, d).map((f) => ({ ...f, line: lineOfNeedle(text, starts, from, to, f.raw.split('\n')[0]) }));
}

// ---------------------------------------------------------------------------------------------
// compose

/**
 * Per service: `env_file:` files in order, then `environment:` (which wins over them), then `command:` and
 * `entrypoint:` (whose `NAME=x cmd` prefixes stand alone). Compose interpolation applies: `${VAR:-x}` and
 * `${VAR-x}` give x, `${VAR:?msg}` is provided (compose refuses to start without it), `${VAR}` and
 * `${VAR:-}` may be empty (compose substitutes an empty string for a missing variable).
 */
function fromCompose(ws: Workspace, f: SourceFile, referenced: Set<string>): Place[] {
  const y = yamlDoc(f.text);
  if (!y) return [];
  const starts = lineStarts(f.text);
  const fileDev = isDevFile(f);
  const out: Place[] = [];
  for (const svc of mapEntries(y.doc.get('services', true), y.doc)) {
    const profiles = mapGet(svc.value, y.doc, 'profiles');
    const devProfile = isSeq(profiles) && profiles.items.some((p) => isDevWord(scalarText(p) ?? ''));
    const dev = fileDev || devProfile || isDevWord(svc.key) || runsDevSetup(svc.value, y.doc);
    const base = { kind: 'compose' as const, file: f.rel, dev };
    const scope = `${f.rel}#${svc.key}`;
    const env = composeEnvironment(y, mapGet(svc.value, y.doc, 'environment'));
    if (othersImage(ws, y, svc.value, env)) continue;
    // environment: wins over env_file for the same variable (settings: for the module, even unresolved / pass-through)
    const setsModule = env.some((e) => e.key === DSM);
    for (const path of composeEnvFiles(y, mapGet(svc.value, y.doc, 'env_file'))) {
      const rel = joinRel(dirOf(f.rel), path);
      // An env_file kept out of the repository (`.env.prod`, git-ignored) that compose needs to start: the sample
      // shipped beside it for the operator to copy (`.env.prod-sample`: testdrivenio's django-on-docker) stands in
      // for it — its configuration (SQL_ENGINE=…postgresql, DEBUG=0), not its secrets: a key or password in a sample
      // is a placeholder the operator must replace, and may forget (junction's SECRET_KEY stays launch.E031's).
      const own = ws.get(rel);
      const sample = own ? undefined : ENV_SAMPLE_SUFFIXES.map((x) => ws.get(`${rel}${x}`)).find((x) => x !== undefined);
      const envFile = own ?? sample;
      if (!envFile) continue;
      referenced.add(envFile.rel);
      const how = sample ? `env_file ${rel} of service \`${svc.key}\` in ${f.rel} (not in the repository; its sample ${sample.rel}, secrets aside)` : `env_file ${rel} of service \`${svc.key}\` in ${f.rel}`;
      const read = fromEnvFile(envFile, { kind: 'compose', dev: dev || isDevPath(rel), how, scope });
      if (sample) read.list = read.list.filter((l) => !SECRET_NAME.test(l.key));
      if (setsModule) read.list = read.list.map((l) => (l.key === DSM || l.key === CONF ? { ...l, noSettings: true } : l));
      out.push(read);
    }
    out.push(place({ ...base, how: `environment of service \`${svc.key}\` in ${f.rel}`, scope }, env));
    for (const key of ['command', 'entrypoint']) {
      const cmd = yamlCommand(y, f.text, starts, mapGet(svc.value, y.doc, key), UNKNOWN, COMPOSE);
      out.push(place({ ...base, how: `${key} of service \`${svc.key}\` in ${f.rel}` }, cmd));
    }
  }
  return out;
}

/**
 * A service that runs another project's Django: a published `image:` it does not `build:`, with a
 * DJANGO_SETTINGS_MODULE whose package is not in this repository (Open Inwoner's compose files that start an Open
 * Klant container, `openklant.conf.docker`, for its tests). Its environment and commands are that project's.
 */
function othersImage(ws: Workspace, y: Yaml, svc: YamlNode | undefined, env: Line[]): boolean {
  if (mapGet(svc, y.doc, 'build') !== undefined || mapGet(svc, y.doc, 'image') === undefined) return false;
  const module = asModule(env.find((e) => e.key === DSM)?.env?.value);
  if (!module) return false;
  // Not even its package is here (a module of ours that is missing is launch.E003's to report), in a repository
  // that has Python of its own
  const files = ws.pythonFiles();
  const parts = module.split('.');
  const pkg = (parts.length > 1 ? parts.slice(0, -1) : parts).join('/');
  return files.length > 0 && !files.some((p) => `/${p.rel}`.includes(`/${pkg}/`) || `/${p.rel}`.endsWith(`/${pkg}.py`));
}

/**
 * `environment:` as a map (`KEY: value`) or a list (`- KEY=value`); compose interpolation applied. A
 * pass-through (`KEY:` with no value, `- KEY`) takes the variable from the host: it may be unset.
 */
function composeEnvironment(y: Yaml, n: YamlNode | undefined): Line[] {
  const out: Line[] = [];
  const add = (key: string, raw: string | undefined, at: unknown) => {
    const value = raw === undefined ? '' : (expandWord(raw, UNKNOWN, COMPOSE) ?? '');
    out.push({ key, value, start: 0, raw: raw ?? '', line: lineOfNode(y, at), env: raw === undefined ? null : envValue(raw, UNKNOWN, COMPOSE) });
  };
  if (isSeq(n)) {
    for (const it of n.items) {
      const text = scalarText(resolve(it, y.doc)) ?? '';
      const m = /^\s*([\w.-]+)=([\s\S]*)$/.exec(text);
      if (m) add(m[1], m[2].trim(), it);
      else if (/^\s*[\w.-]+\s*$/.test(text)) add(text.trim(), undefined, it);
    }
  } else {
    for (const e of mapEntries(n, y.doc)) add(e.key, e.value && isScalar(e.value) && e.value.value === null ? undefined : scalarText(e.value), e.keyNode);
  }
  return out;
}

/** `env_file:` string, list of strings, or list of `{path, required}`. */
function composeEnvFiles(y: Yaml, n: YamlNode | undefined): string[] {
  const items = isSeq(n) ? n.items.map((it) => resolve(it, y.doc)) : [n];
  return items
    .map((it) => (isMap(it) ? scalarText(mapGet(it, y.doc, 'path')) : scalarText(it)))
    .filter((p): p is string => !!p && !p.startsWith('/'));
}

// ---------------------------------------------------------------------------------------------
// env files (dotenv, compose env_file, systemd EnvironmentFile)

/**
 * `KEY=value` lines (optional `export`, quotes, trailing ` # comment`); compose-style `${VAR:-default}`.
 * `file` is the env file read; `base` says how it is reported (directly, or via compose/systemd).
 */
function fromEnvFile(file: SourceFile, base: { kind: EvidenceKind; dev: boolean; how: string; scope?: string }): Place {
  const list: Line[] = [];
  const earlier = new Map<string, string>(); // `${NAME}` reads a variable set on an earlier line of the file
  const lookup: Lookup = (name) => earlier.get(name);
  file.text.split('\n').forEach((raw, i) => {
    const m = /^\s*(?:export\s+)?([A-Za-z_]\w*)\s*=\s*(.*?)\s*$/.exec(raw.replace(/\r$/, ''));
    if (!m) return;
    const value = envFileValue(m[2]);
    const env = envFileEnv(m[2], lookup);
    list.push({ key: m[1], value: value ?? '', start: 0, raw: m[2], line: i + 1, env });
    if (env?.value !== undefined) earlier.set(m[1], env.value);
    else earlier.delete(m[1]);
  });
  return place({ ...base, file: file.rel }, list);
}

/** The value a dotenv line's right-hand side gives: single quotes literal, double quotes and bare words interpolated. */
function envFileValue(raw: string): string | undefined {
  if (raw.startsWith("'")) return /^'([^']*)'/.exec(raw)?.[1];
  if (raw.startsWith('"')) {
    const m = /^"((?:[^"\\]|\\.)*)"/.exec(raw);
    return m ? expandWord(`"${m[1]}"`, UNKNOWN, COMPOSE) : undefined;
  }
  return expandWord(raw.replace(/\s+#.*$/, ''), UNKNOWN, COMPOSE);
}

function envFileEnv(raw: string, lookup: Lookup): Provided | null {
  if (raw.startsWith("'")) return literalEnv(/^'([^']*)'/.exec(raw)?.[1]);
  if (raw.startsWith('"')) {
    const m = /^"((?:[^"\\]|\\.)*)"/.exec(raw);
    return m ? envValue(`"${m[1]}"`, lookup, COMPOSE) : null;
  }
  return envValue(raw.replace(/\s+#.*$/, ''), lookup, COMPOSE);
}

// ---------------------------------------------------------------------------------------------
// Procfile, shell scripts

function fromProcfile(f: SourceFile): Place[] {
  const fileDev = isDevFile(f);
  const out: Place[] = [];
  let offset = 0;
  const starts = lineStarts(f.text);
  for (const line of f.text.split('\n')) {
    const m = /^\s*([\w-]+)\s*:(.*)$/.exec(line);
    if (m && !line.trim().startsWith('#')) {
      const at = offset + line.indexOf(':') + 1;
      const list = commandAssignments(splitWords(m[2]), UNKNOWN, SHELL).map((x) => ({ ...x, line: lineAt(starts, at + x.start) }));
      out.push(place({ kind: 'procfile', file: f.rel, dev: fileDev || isDevWord(m[1]), how: `\`${m[1]}:\` process in ${f.rel}` }, list));
    }
    offset += line.length + 1;
  }
  return out;
}

/** Shell keywords that open and close blocks: assignments inside them are conditional. */
const OPENERS = new Set(['if', 'case', 'while', 'until', 'for', 'select', '{']);
const CLOSERS = new Set(['fi', 'esac', 'done', '}']);

interface ScriptAssign {
  name: string;
  value: string | undefined;
  line: number;
  conditional: boolean;
}

/**
 * A script that only builds (collectstatic, compilemessages, compress — the DBT Platform's
 * `.copilot/image_build_run.sh` in the UK's Trade Remedies caseworker, with a placeholder key and a localhost
 * database) and starts no server and no migration: what it exports is the image build's environment, not the
 * running app's — its settings module and variables are not production's (collectstatic's output is the same
 * under any settings that share STATIC_*).
 */
function buildOnly(text: string): boolean {
  const commands = text.split('\n').filter((l) => !/^\s*#/.test(l)).join('\n');
  if (!/\bmanage\.py\s+(collectstatic|compilemessages|compress)\b|\bdjango-admin\s+(collectstatic|compilemessages|compress)\b/.test(commands)) return false;
  return !/\b(gunicorn|uwsgi|daphne|uvicorn|hypercorn|granian|waitress-serve|celery|supervisord|runserver|migrate)\b|\bexec\s+"\$@"/.test(commands);
}

/**
 * Shell scripts: `export NAME=x`, `NAME=x exec gunicorn`, `--settings`, `${DJANGO_SETTINGS_MODULE:-x}`.
 * Variables set unconditionally earlier in the script are substituted.
 *
 * Settings: when the module comes from a variable set only under conditions (`DEFAULT_DJANGO_SETTINGS_MODULE=…`
 * in if/else), each literal candidate is reported — which one runs is not decided here.
 *
 * Environment: only what every run of the script sets — top-level `export NAME=x` (or `NAME=x` with an
 * `export NAME` or `set -a` at top level), not inside if/case/loops/functions, nor after `&&`/`||`; a
 * top-level `: "${NAME:?msg}"` makes NAME provided (the script stops without it). An assignment under a
 * condition makes the variable uncertain from there on.
 */
function fromScript(f: SourceFile): Place[] {
  const starts = lineStarts(f.text);
  const vars = new Map<string, string | undefined>();
  const assigns: ScriptAssign[] = [];
  const list: Line[] = [];
  const pending: string[] = []; // variables an unresolved DJANGO_SETTINGS_MODULE assignment reads
  const exportedNames = new Set<string>(); // `export NAME` at top level
  let allExport = false; // `set -a`
  const prefixes: Line[] = []; // `A=1 cmd`: for that command only
  const all: Line[] = []; // both, in order (the settings evidence's configuration is the script's last one)
  let depth = 0;
  for (const { words, before, after } of segmentsOf(splitWords(f.text))) {
    const first = words[0].raw;
    if (CLOSERS.has(first)) depth = Math.max(0, depth - 1);
    const opens = OPENERS.has(first) || words[words.length - 1].raw === '{' ? 1 : 0;
    const body = OPENERS.has(first) ? words.slice(1) : words;
    const seg = parseSegment(body);
    const lookup = (n: string) => vars.get(n);
    const conditional = depth > 0 || opens > 0 || before === '&&' || before === '||' || before === '|' || after === '|' || after === '&';
    if (!conditional) {
      if (first === 'set') allExport = setsAllExport(words.map((w) => w.raw), allExport);
      if (seg.exported && !seg.assigns.length) for (const w of seg.command) if (ENV_NAME_RE.test(w.raw)) exportedNames.add(w.raw);
      for (const w of words) {
        for (const m of w.raw.replace(/'[^']*'/g, '').matchAll(/\$\{([A-Za-z_]\w*):\?[^}]*\}/g)) {
          if (!vars.has(m[1])) list.push({ ...found(m[1], undefined, w), env: {}, noSettings: true, line: lineAt(starts, w.start) });
        }
      }
    }
    for (const x of commandAssignments(body, lookup, SHELL)) {
      const l: Line = { ...x, line: lineAt(starts, x.start) };
      if (x.env !== undefined && conditional) l.env = null; // may or may not happen: uncertain from here on
      else if (x.shell && allExport) l.shell = false;
      (x.command ? prefixes : list).push(l);
      all.push(l);
    }
    for (const a of seg.assigns) {
      const value = expandWord(a.raw, lookup, SHELL);
      if (a.name === DSM && asModule(value) === undefined) pending.push(...referencedVars(a.raw));
      if (seg.command.length) continue; // `A=1 cmd` sets A for cmd only
      assigns.push({ name: a.name, value, line: lineAt(starts, a.start), conditional: depth > 0 });
      vars.set(a.name, depth > 0 ? undefined : value);
    }
    depth += opens;
  }
  // a plain `NAME=x` reaches the environment when NAME is exported at top level (an `export NAME` after it counts)
  for (const l of list) if (l.shell && exportedNames.has(l.key)) l.shell = false;
  const base = { kind: 'script' as const, file: f.rel, dev: isDevFile(f) || buildOnly(f.text) };
  const configuration = { name: asClass([...all].reverse().find((l) => l.key === CONF && l.value !== '')?.value) };
  const out: Place[] = [
    place({ ...base, how: `set in script ${f.rel}`, scope: f.rel, configuration }, list),
    place({ ...base, how: `set in script ${f.rel}`, configuration }, prefixes),
  ];
  for (const a of assigns) {
    const module = asModule(a.value);
    if (module && a.name !== DSM && pending.includes(a.name)) {
      out.push(place({ ...base, how: `candidate ${a.name}${a.conditional ? ' set under a condition' : ''} in ${f.rel}` }, [{ key: DSM, value: module, start: 0, raw: '', line: a.line }]));
    }
  }
  return out;
}

/** `set -a` / `set -o allexport` turn exporting every assignment on, `set +a` / `set +o allexport` off. */
function setsAllExport(words: string[], current: boolean): boolean {
  const named = words.includes('allexport');
  if (words.some((w) => /^-[A-Za-z]*a/.test(w)) || (named && words.includes('-o'))) return true;
  if (words.some((w) => /^\+[A-Za-z]*a/.test(w)) || (named && words.includes('+o'))) return false;
  return current;
}

function referencedVars(raw: string): string[] {
  return [...raw.matchAll(/\$\{?([A-Za-z_]\w*)/g)].map((m) => m[1]).filter((n) => n !== DSM);
}

// ---------------------------------------------------------------------------------------------
// gunicorn config (Python)

/** Python nodes under which a statement may not run (or runs only later, in a hook). */
const CONDITIONAL_PY = new Set([
  'if_statement', 'elif_clause', 'else_clause', 'for_statement', 'while_statement', 'except_clause', 'function_definition',
  'lambda', 'conditional_expression', 'boolean_operator', 'match_statement', 'case_clause', 'list_comprehension',
  'dictionary_comprehension', 'set_comprehension', 'generator_expression',
]);

function conditionalPy(n: SyntaxNode): boolean {
  for (let p = n.parent; p; p = p.parent) if (CONDITIONAL_PY.has(p.type)) return true;
  return false;
}

/**
 * `raw_env = ["NAME=x"]` (list, tuple or string; `+=` and `.append` too), `os.environ[...] = …` and
 * `os.environ.setdefault(…)`. For the environment, only module-level statements outside if/for/try-except/
 * functions count, and only literal values.
 */
function fromGunicorn(f: SourceFile, root: SyntaxNode): Place[] {
  const list: Line[] = [];
  const pushEnv = (s: string | undefined, node: SyntaxNode) => {
    const m = /^\s*(\w+)=(.*)$/.exec(s ?? '');
    if (m) list.push({ key: m[1], value: m[2], start: 0, raw: '', line: node.startPosition.row + 1, env: conditionalPy(node) ? null : literalEnv(m[2]) });
  };
  const pushPair = (k: SyntaxNode | undefined, v: SyntaxNode | undefined) => {
    const key = stringValue(k);
    const value = stringValue(v);
    if (k && key !== undefined) list.push({ key, value: value ?? '', start: 0, raw: '', line: k.startPosition.row + 1, env: conditionalPy(k) ? null : literalEnv(value) });
  };
  walk(root, (n) => {
    if (n.type === 'assignment' || n.type === 'augmented_assignment') {
      const left = n.childForFieldName('left');
      const right = n.childForFieldName('right');
      if (left?.text === 'raw_env' && right) for (const s of stringsOf(right)) pushEnv(stringValue(s), s);
      if (left?.type === 'subscript' && /^os\.environ$/.test(left.childForFieldName('value')?.text ?? '')) {
        pushPair(left.childForFieldName('subscript') ?? undefined, right ?? undefined);
      }
    } else if (n.type === 'call') {
      const { callee, args } = callParts(n);
      if (callee === 'raw_env.append') pushEnv(stringValue(args[0]), args[0]);
      if (callee === 'os.environ.setdefault') pushPair(args[0], args[1]);
    }
  });
  return [place({ kind: 'gunicorn', file: f.rel, dev: isDevFile(f), how: `gunicorn config ${f.rel}`, scope: f.rel }, list)];
}

function stringsOf(n: SyntaxNode): SyntaxNode[] {
  if (n.type === 'list' || n.type === 'tuple' || n.type === 'parenthesized_expression') return n.namedChildren.flatMap(stringsOf);
  return n.type === 'string' || n.type === 'concatenated_string' ? [n] : [];
}

// ---------------------------------------------------------------------------------------------
// uwsgi ini, systemd units

/** `env = NAME=x` in a `[uwsgi]` section (uwsgi repeats `env`, so this is read line by line). */
function fromUwsgi(f: SourceFile): Place[] {
  const list: Line[] = [];
  let inUwsgi = false;
  f.text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    const section = /^\[([^\]]*)\]/.exec(line);
    if (section) inUwsgi = /^uwsgi\b/i.test(section[1]);
    const m = inUwsgi ? /^env\s*=\s*(\w+)\s*=\s*(.*)$/.exec(line) : null;
    if (m) {
      const value = m[2].replace(/^(['"])(.*)\1$/, '$2');
      list.push({ key: m[1], value, start: 0, raw: '', line: i + 1, env: literalEnv(value) });
    }
  });
  return [place({ kind: 'uwsgi', file: f.rel, dev: isDevFile(f), how: `env in the [uwsgi] section of ${f.rel}`, scope: f.rel }, list)];
}

interface UnitLine {
  key: string;
  value: string;
  /** file offset of the value */
  at: number;
}

/** `Key=value` lines of a systemd unit, continuation lines joined (offsets kept). */
function unitLines(text: string): UnitLine[] {
  const out: UnitLine[] = [];
  const re = /^[ \t]*([A-Za-z]+)[ \t]*=[ \t]*((?:[^\n]*\\\r?\n)*[^\n]*)/gm;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) out.push({ key: m[1], value: m[2], at: m.index + m[0].length - m[2].length });
  return out;
}

/**
 * `Environment=` (no `$` expansion in systemd), then `EnvironmentFile=` files found in the repository (they
 * override Environment=), then `ExecStart=`/`ExecStartPre=` commands (`env NAME=x gunicorn`, `--env`).
 */
function fromSystemd(ws: Workspace, f: SourceFile, referenced: Set<string>): Place[] {
  const starts = lineStarts(f.text);
  const dev = isDevFile(f);
  const env: Line[] = [];
  const files: Place[] = [];
  const commands: Place[] = [];
  for (const u of unitLines(f.text)) {
    if (u.key === 'Environment') {
      for (const w of splitWords(u.value).filter(isWord)) {
        const m = /^(\w+)=([\s\S]*)$/.exec(expandWord(w.raw, UNKNOWN, LITERAL) ?? '');
        if (m) env.push({ key: m[1], value: m[2], start: 0, raw: w.raw, line: lineAt(starts, u.at + w.start), env: literalEnv(m[2]) });
      }
    } else if (u.key === 'EnvironmentFile') {
      const path = u.value.trim().replace(/^-/, '');
      for (const envFile of matchServerPath(ws, f.rel, path)) {
        referenced.add(envFile.rel);
        files.push(fromEnvFile(envFile, { kind: 'systemd', dev: dev || isDevPath(envFile.rel), how: `EnvironmentFile= ${path} of ${f.rel}`, scope: f.rel }));
      }
    } else if (u.key === 'ExecStart' || u.key === 'ExecStartPre') {
      const cmd = u.value.replace(/^[-@:+!]+/, '');
      const skip = u.value.length - cmd.length;
      const list = commandAssignments(splitWords(cmd), UNKNOWN, SHELL).map((x) => ({ ...x, line: lineAt(starts, u.at + skip + x.start) }));
      commands.push(place({ kind: 'systemd', file: f.rel, dev, how: `${u.key}= in ${f.rel}` }, list));
    }
  }
  return [place({ kind: 'systemd', file: f.rel, dev, how: `Environment= in ${f.rel}`, scope: f.rel }, env), ...files, ...commands];
}

/** A supervisord program section: `[program:web]`, `[fcgi-program:asgi]`. */
const SUPERVISOR_PROGRAM = /^\s*\[(?:program|fcgi-program):[^\]]+\]/m;

/**
 * supervisord's `environment=` (a `[supervisord]` section's goes to every program, a program's own replaces
 * it), and what a program's `command=` sets (`env NAME=x gunicorn …`, `--env`). Biostar Central's
 * `[program:engine]` names its production settings only there. The value is `KEY="val",KEY2=val`, continued
 * on indented lines; `%(ENV_X)s` is supervisord's own environment: set, with a value not in the repository.
 * Written by hand: supervisord's own format (an INI dialect with its comma list), for which no dependency has
 * a parser.
 */
function fromSupervisor(f: SourceFile): Place[] {
  const starts = lineStarts(f.text);
  const dev = isDevFile(f);
  const sections: Array<{ name: string; env: Line[]; commands: Place[] }> = [];
  let current: (typeof sections)[number] | undefined;
  const re = /^[ \t]*(?:\[([^\]\n]+)\]|(environment|command)[ \t]*=([^\n]*(?:\n[ \t]+(?![;#])\S[^\n]*)*))/gm;
  let m: RegExpExecArray | null;
  while ((m = re.exec(f.text))) {
    if (m[1] !== undefined) {
      current = { name: m[1].trim(), env: [], commands: [] };
      sections.push(current);
      continue;
    }
    if (!current) continue;
    const at = m.index + m[0].length - m[3].length;
    if (m[2] === 'environment') current.env.push(...supervisorEnvironment(m[3], at, starts));
    else {
      const cmd = m[3].replace(/%\([^)]*\)[sd]/g, 'X');
      const list = commandAssignments(splitWords(cmd.replace(/\n/g, ' ')), UNKNOWN, SHELL).map((x) => ({ ...x, line: lineAt(starts, at + x.start) }));
      current.commands.push(place({ kind: 'supervisor', file: f.rel, dev, how: `command= of [${current.name}] in ${f.rel}` }, list));
    }
  }
  const shared = sections.filter((x) => x.name === 'supervisord').flatMap((x) => x.env);
  const out: Place[] = [];
  for (const x of sections) {
    if (!/^(?:program|fcgi-program):/.test(x.name)) continue;
    const list = [...shared, ...x.env];
    out.push(place({ kind: 'supervisor', file: f.rel, dev, how: `environment= of [${x.name}] in ${f.rel}`, scope: `${f.rel}#${x.name}` }, list), ...x.commands);
  }
  return out;
}

/** The `KEY="val",KEY2=val` list of supervisord's environment= (commas inside quotes kept), each with its line. */
function supervisorEnvironment(value: string, at: number, starts: number[]): Line[] {
  const out: Line[] = [];
  const item = /\s*([A-Za-z_]\w*)\s*=\s*("[^"]*"|'[^']*'|[^,\n]*)\s*(?:,|$)/gy;
  let m: RegExpExecArray | null;
  while (item.lastIndex < value.length && (m = item.exec(value))) {
    if (!m[0]) break;
    const raw = m[2].trim();
    const unquoted = /^(["']).*\1$/s.test(raw) ? raw.slice(1, -1) : raw;
    // %(ENV_X)s and %(here)s are supervisord's own expansions: set, but not to a value the repository holds
    const interpolated = /%\([^)]*\)[sd]/.test(unquoted);
    const start = m.index + m[0].indexOf(m[1]);
    out.push({ key: m[1], value: interpolated ? '' : unquoted, start: 0, raw: m[0].trim(), line: lineAt(starts, at + start), env: interpolated ? {} : literalEnv(unquoted) });
  }
  return out;
}

/**
 * The repository file an absolute server path names (`/etc/mysite/production.env` → `deploy/production.env`):
 * the longest matching path suffix (at least the file name); among equals, those nearest the unit.
 */
function matchServerPath(ws: Workspace, unitRel: string, path: string): SourceFile[] {
  if (!path || /[%$]/.test(path)) return [];
  const want = normalize(path).replace(/^\//, '').split('/');
  let best: Array<{ f: SourceFile; n: number }> = [];
  for (const f of ws.deployFiles()) {
    const have = f.rel.split('/');
    let n = 0;
    while (n < want.length && n < have.length && want[want.length - 1 - n] === have[have.length - 1 - n]) n++;
    if (n === 0 || (best.length && n < best[0].n)) continue;
    if (best.length && n > best[0].n) best = [];
    best.push({ f, n });
  }
  const near = best.filter((b) => unitRel.startsWith(dirOf(b.f.rel) ? dirOf(b.f.rel) + '/' : ''));
  return (near.length ? near : best).map((b) => b.f);
}

// ---------------------------------------------------------------------------------------------
// Platform manifests: app.json, heroku.yml, fly.toml, render.yaml, app.yaml

/**
 * Heroku app.json: `env.NAME` as a string or `{ "value": … }`; `{ "generator": "secret" }` and a variable
 * without a value (required unless `"required": false`: the deploy asks for it) are provided without a value
 * in the repository. `environments.test` is dev.
 */
function fromAppJson(f: SourceFile): Place[] {
  const json = JSON.parse(f.text) as unknown;
  const out: Place[] = [];
  const nth = new Map<string, number>();
  const visit = (node: unknown, path: string[]) => {
    if (!node || typeof node !== 'object' || Array.isArray(node)) return;
    for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
      const n = nth.get(k) ?? 0;
      nth.set(k, n + 1);
      if (path[path.length - 1] === 'env') {
        const obj = v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
        const value = typeof v === 'string' ? v : typeof obj?.value === 'string' ? obj.value : '';
        const env: Provided | null =
          obj === undefined ? (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? literalEnv(String(v)) : null)
          : obj.generator === 'secret' ? {}
          : typeof obj.value === 'string' && obj.value !== '' ? { value: obj.value }
          : obj.required === false ? null
          : {};
        const dev = isDevFile(f) || path.some((p) => isDevWord(p));
        const line = keyLine(f.text, `"${k}"`, n);
        out.push(place({ kind: 'app.json', file: f.rel, dev, how: `${[...path, k].join('.')} in ${f.rel}` }, [{ key: k, value, start: 0, raw: '', line, env }]));
      }
      visit(v, [...path, k]);
    }
  };
  visit(json, []);
  // `addons`: Heroku attaches each add-on's config var to the app — heroku-postgresql its DATABASE_URL (Wagtail's
  // user guide: the settings fall back to SQLite only without it), heroku-redis its REDIS_URL. Provided, with no
  // value in the repository. An add-on of `environments.test`/`review` is the test or review app's.
  const addons = (node: unknown, path: string[]) => {
    if (!Array.isArray(node)) return;
    node.forEach((a, i) => {
      const plan = typeof a === 'string' ? a : a && typeof a === 'object' && typeof (a as { plan?: unknown }).plan === 'string' ? (a as { plan: string }).plan : '';
      const key = ADDON_VARS.find(([re]) => re.test(plan))?.[1];
      if (!key) return;
      const dev = isDevFile(f) || path.some((p) => isDevWord(p));
      const at = f.text.indexOf(`"${plan}"`);
      const line = at >= 0 ? lineAt(lineStarts(f.text), at) : keyLine(f.text, '"addons"', 0);
      out.push(place({ kind: 'app.json', file: f.rel, dev, how: `${[...path, 'addons', String(i)].join('.')} (${plan.split(':')[0]}) in ${f.rel}` }, [{ key, value: '', start: 0, raw: '', line, env: {} }]));
    });
  };
  if (json && typeof json === 'object' && !Array.isArray(json)) {
    const top = json as Record<string, unknown>;
    addons(top.addons, []);
    const envs = top.environments;
    if (envs && typeof envs === 'object' && !Array.isArray(envs)) {
      for (const [name, e] of Object.entries(envs as Record<string, unknown>)) if (e && typeof e === 'object') addons((e as Record<string, unknown>).addons, ['environments', name]);
    }
  }
  return out;
}

/** The config var each Heroku add-on sets on the app it is attached to. */
const ADDON_VARS: Array<[RegExp, string]> = [
  [/^heroku-postgresql(:|$)/, 'DATABASE_URL'],
  [/^heroku-redis(:|$)/, 'REDIS_URL'],
];

/** heroku.yml: `setup.config` (config vars), `build.config` (build time only: settings evidence, not environment), `run.<process>` (string or `{command}`), `release.command`. */
function fromHerokuYml(f: SourceFile): Place[] {
  const y = yamlDoc(f.text);
  if (!y) return [];
  const starts = lineStarts(f.text);
  const base = { kind: 'heroku.yml' as const, file: f.rel, dev: isDevFile(f) };
  const out: Place[] = [];
  for (const section of ['setup', 'build']) {
    const env = configMap(y, mapGet(mapGet(y.doc.contents, y.doc, section), y.doc, 'config'), section === 'setup');
    out.push(place({ ...base, how: `${section}.config in ${f.rel}` }, env));
  }
  for (const proc of mapEntries(mapGet(y.doc.contents, y.doc, 'run'), y.doc)) {
    const cmd = isMap(proc.value) ? mapGet(proc.value, y.doc, 'command') : proc.value;
    const list = yamlCommand(y, f.text, starts, cmd, UNKNOWN, SHELL);
    out.push(place({ ...base, dev: base.dev || isDevWord(proc.key), how: `run.${proc.key} in ${f.rel}` }, list));
  }
  const release = yamlCommand(y, f.text, starts, mapGet(mapGet(y.doc.contents, y.doc, 'release'), y.doc, 'command'), UNKNOWN, SHELL);
  out.push(place({ ...base, how: `release.command in ${f.rel}` }, release));
  return out;
}

/** A YAML map of environment variables (`KEY: value`); `env`: they are the runtime environment (not build-time config). */
function configMap(y: Yaml, n: YamlNode | undefined, env: boolean): Line[] {
  return mapEntries(n, y.doc).map((e) => {
    const value = scalarText(e.value);
    return { key: e.key, value: value ?? '', start: 0, raw: '', line: lineOfNode(y, e.keyNode), ...(env ? { env: literalEnv(value) } : {}) };
  });
}

/** fly.toml: `[env]`, `[processes]` commands, `[deploy] release_command`, `[experimental] cmd`. */
function fromFlyToml(f: SourceFile): Place[] {
  const toml = parseToml(f.text) as Record<string, unknown>;
  const base = { kind: 'fly.toml' as const, file: f.rel, dev: isDevFile(f) };
  const out: Place[] = [];
  const env = (toml.env ?? {}) as Record<string, unknown>;
  const envList: Line[] = [];
  for (const [key, v] of Object.entries(env)) {
    const text = typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;
    envList.push({ key, value: typeof v === 'string' ? v : '', start: 0, raw: '', line: tomlKeyLine(f.text, 'env', key), env: literalEnv(text) });
  }
  out.push(place({ ...base, how: `[env] in ${f.rel}` }, envList));
  const commands: Array<[string, unknown]> = [
    ...Object.entries((toml.processes ?? {}) as Record<string, unknown>).map(([k, v]): [string, unknown] => [`[processes] ${k}`, v]),
    ['release_command', (toml.deploy as Record<string, unknown> | undefined)?.release_command],
    ['[experimental] cmd', (toml.experimental as Record<string, unknown> | undefined)?.cmd],
  ];
  const starts = lineStarts(f.text);
  for (const [what, cmd] of commands) {
    const toks = typeof cmd === 'string' ? splitWords(cmd) : Array.isArray(cmd) ? execWords(cmd.map(String)) : undefined;
    if (!toks) continue;
    const list = commandAssignments(toks, UNKNOWN, SHELL).map((x) => ({ ...x, line: lineOfNeedle(f.text, starts, 0, f.text.length, x.raw) }));
    out.push(place({ ...base, how: `${what} in ${f.rel}` }, list));
  }
  return out;
}

/** Line of `key =` inside the `[table]` section (or anywhere, for inline tables). */
function tomlKeyLine(text: string, table: string, key: string): number {
  let current = '';
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const header = /^\s*\[\s*([^\]]+?)\s*\]/.exec(lines[i]);
    if (header) current = header[1].replace(/["']/g, '');
    else if (current === table && new RegExp(`^\\s*["']?${escapeRe(key)}["']?\\s*=`).test(lines[i])) return i + 1;
  }
  return keyLine(text, key);
}

/**
 * render.yaml: `services[]` and `envVarGroups[]` `envVars[]`: `{key, value}`; `generateValue: true`,
 * `fromDatabase`, `fromService` and `sync: false` (Render asks for it) are provided without a value in the
 * repository. `startCommand`, `preDeployCommand`, `dockerCommand`.
 */
function fromRenderYaml(f: SourceFile): Place[] {
  const y = yamlDoc(f.text);
  if (!y) return [];
  const starts = lineStarts(f.text);
  const fileDev = isDevFile(f);
  const out: Place[] = [];
  for (const section of ['services', 'envVarGroups']) {
    const seq = resolve(y.doc.get(section, true), y.doc);
    if (!isSeq(seq)) continue;
    for (const item of seq.items) {
      const name = scalarText(mapGet(item, y.doc, 'name')) ?? '?';
      const base = { kind: 'render.yaml' as const, file: f.rel, dev: fileDev || isDevWord(name) };
      const vars = resolve(mapGet(item, y.doc, 'envVars'), y.doc);
      const env: Line[] = [];
      for (const v of isSeq(vars) ? vars.items : []) {
        const key = scalarText(mapGet(v, y.doc, 'key'));
        if (key === undefined) continue; // `fromGroup:` — the group is read where it is declared
        const value = scalarText(mapGet(v, y.doc, 'value'));
        const provided =
          value !== undefined ? literalEnv(value)
          : scalarText(mapGet(v, y.doc, 'generateValue')) === 'true' || mapGet(v, y.doc, 'fromDatabase') || mapGet(v, y.doc, 'fromService') || scalarText(mapGet(v, y.doc, 'sync')) === 'false' ? {}
          : null;
        env.push({ key, value: value ?? '', start: 0, raw: '', line: lineOfNode(y, resolve(v, y.doc)), env: provided });
      }
      out.push(place({ ...base, how: `envVars of \`${name}\` in ${f.rel}`, scope: `${f.rel}#${section}#${name}` }, env));
      for (const key of ['startCommand', 'preDeployCommand', 'dockerCommand']) {
        const list = yamlCommand(y, f.text, starts, mapGet(item, y.doc, key), UNKNOWN, SHELL);
        out.push(place({ ...base, how: `${key} of \`${name}\` in ${f.rel}` }, list));
      }
    }
  }
  return out;
}

/**
 * A GitHub Actions workflow step that deploys the app with a platform's action sets the deployed service's
 * environment: Koyeb's `koyeb/action-git-deploy` (`service-env: "PORT=8000,DJANGO_ALLOWED_HOSTS=.koyeb.app"`)
 * and Google's `google-github-actions/deploy-cloudrun` (`env_vars:`, comma- or line-separated `K=V`). A value with
 * a `${{ … }}` expression (a secret) is provided without one. A step, job or deployed service named for
 * staging, preview, development or tests is development's. Nothing else of a workflow is read: it is CI.
 */
function fromWorkflow(f: SourceFile): Place[] {
  const y = yamlDoc(f.text);
  if (!y) return [];
  const jobs = resolve(y.doc.get('jobs', true), y.doc);
  if (!isMap(jobs)) return [];
  const out: Place[] = [];
  for (const job of jobs.items) {
    const jobName = scalarText(job.key) ?? '';
    const steps = resolve(mapGet(job.value, y.doc, 'steps'), y.doc);
    for (const step of isSeq(steps) ? steps.items : []) {
      const uses = scalarText(mapGet(step, y.doc, 'uses')) ?? '';
      const input = /^koyeb\/action-git-deploy@/.test(uses) ? 'service-env' : /^google-github-actions\/deploy-cloudrun@/.test(uses) ? 'env_vars' : undefined;
      if (!input) continue;
      const withs = resolve(mapGet(step, y.doc, 'with'), y.doc);
      const raw = scalarText(mapGet(withs, y.doc, input));
      if (raw === undefined) continue;
      const service = scalarText(mapGet(withs, y.doc, 'app-name')) ?? scalarText(mapGet(withs, y.doc, 'service')) ?? '';
      const stepName = scalarText(mapGet(step, y.doc, 'name')) ?? '';
      const dev = [jobName, stepName, service].some((w) => isDevWord(w) || /\b(staging|preview|review)\b/i.test(w));
      const line = lineOfNode(y, resolve(mapGet(withs, y.doc, input), y.doc));
      const env: Line[] = [];
      for (const pair of raw.split(/[,\n]/).map((x) => x.trim()).filter(Boolean)) {
        const eq = pair.indexOf('=');
        if (eq <= 0) continue;
        const key = pair.slice(0, eq).trim();
        const value = pair.slice(eq + 1).trim();
        if (!ENV_NAME_RE.test(key)) continue;
        env.push({ key, value: value.includes('${{') ? '' : value, start: 0, raw: '', line, env: value.includes('${{') ? {} : literalEnv(value) });
      }
      out.push(place({ kind: 'workflow', file: f.rel, dev, how: `\`${input}\` of the ${uses.split('@')[0]} step in ${f.rel}` }, env));
    }
  }
  return out;
}

/**
 * Azure Bicep: an App Service site's app settings are its process environment — `appSettings: { KEY: 'value' }`
 * (a site's config, or the object a module hands on to it: Azure-Samples' Django template passes them to
 * `core/host/appservice.bicep`) and siteConfig's `appSettings: [ { name: 'KEY', value: 'value' } ]`. A quoted
 * literal is its value; an expression (a parameter, `${…}`, a Key Vault reference) is provided without one; an
 * empty string is not provided. App Service itself sets WEBSITE_HOSTNAME, the site's default host name, for every
 * site (`Microsoft.Web/sites`). Bicep has no parser on npm; its object syntax (one `key: value` per line, `//`
 * comments) is read line by line, and an entry that is not one plain line is left out, never guessed.
 */
function fromBicep(f: SourceFile): Place[] {
  const base = { kind: 'bicep' as const, file: f.rel, dev: isDevFile(f) };
  const lines = f.text.split('\n').map((l) => l.replace(/\s\/\/.*$|^\s*\/\/.*$/, ''));
  const provided = (raw: string): Provided | null => {
    const v = raw.trim();
    const lit = /^'((?:[^'\\]|\\.)*)'$/.exec(v);
    if (!lit) return v === '' ? null : {};
    if (lit[1]!.includes('${') || /^@Microsoft\.KeyVault\(/i.test(lit[1]!)) return {};
    return literalEnv(lit[1]!.replace(/\\(.)/g, '$1'));
  };
  const out: Place[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /\bappSettings\s*:\s*([{[])\s*$/.exec(lines[i]!);
    if (!open) continue;
    const env: Line[] = [];
    let depth = 1;
    let item: { name?: string; value?: string; line: number } | undefined;
    for (let j = i + 1; j < lines.length && depth > 0; j++) {
      const l = lines[j]!;
      if (open[1] === '{' && depth === 1) {
        const m = /^\s*'?([A-Za-z_][A-Za-z0-9_]*)'?\s*:\s*(.*?)\s*$/.exec(l);
        if (m && !/[{[]\s*$/.test(m[2]!)) env.push({ key: m[1]!, value: '', start: 0, raw: '', line: j + 1, env: provided(m[2]!) });
      } else if (open[1] === '[') {
        if (depth === 1 && /^\s*\{\s*$/.test(l)) item = { line: j + 1 };
        const m = depth === 2 && item ? /^\s*(name|value)\s*:\s*(.*?)\s*$/.exec(l) : null;
        if (m && item) item[m[1] as 'name' | 'value'] = m[2]!;
        if (depth === 2 && /^\s*\}\s*$/.test(l) && item) {
          const key = /^'([A-Za-z_][A-Za-z0-9_]*)'$/.exec(item.name ?? '')?.[1];
          if (key && item.value !== undefined) env.push({ key, value: '', start: 0, raw: '', line: item.line, env: provided(item.value) });
          item = undefined;
        }
      }
      for (const c of l.replace(/'(?:[^'\\]|\\.)*'/g, "''")) {
        if (c === '{' || c === '[') depth++;
        else if (c === '}' || c === ']') depth--;
      }
    }
    for (const e of env) if (e.env?.value !== undefined) e.value = e.env.value;
    out.push(place({ ...base, how: `appSettings in ${f.rel}` }, env));
  }
  const site = lines.findIndex((l) => /['"]Microsoft\.Web\/sites@/i.test(l));
  if (site >= 0) out.push(place({ ...base, how: `App Service (Microsoft.Web/sites in ${f.rel})` }, [{ key: 'WEBSITE_HOSTNAME', value: '', start: 0, raw: '', line: site + 1, env: {} }]));
  return out;
}

/**
 * DigitalOcean App Platform spec (`.do/app.yaml`, `.do/deploy.template.yaml`, whose spec sits under `spec:`):
 * `envs[]` of the app and of each `services[]`, `workers[]` and `jobs[]` item, `{key, value, scope, type}` — a
 * key without a value is one the platform asks for (provided, its value unknown); `run_command`.
 */
function fromDoApp(f: SourceFile): Place[] {
  const y = yamlDoc(f.text);
  if (!y) return [];
  const spec = resolve(y.doc.get('spec', true), y.doc) ?? y.doc.contents;
  const starts = lineStarts(f.text);
  // `.do/deploy.template.yaml` is what DigitalOcean's "Deploy to DigitalOcean" button deploys, not an example
  const fileDev = isDevPath(f.rel.replace(/(^|\/)deploy\.template\.(ya?ml)$/i, '$1deploy.$2'));
  const out: Place[] = [];
  const envsOf = (owner: unknown): Line[] => {
    const vars = resolve(mapGet(owner, y.doc, 'envs'), y.doc);
    const env: Line[] = [];
    for (const v of isSeq(vars) ? vars.items : []) {
      const key = scalarText(mapGet(v, y.doc, 'key'));
      if (key === undefined) continue;
      const value = scalarText(mapGet(v, y.doc, 'value'));
      env.push({ key, value: value ?? '', start: 0, raw: '', line: lineOfNode(y, resolve(v, y.doc)), env: value !== undefined ? literalEnv(value) : {} });
    }
    return env;
  };
  out.push(place({ kind: 'do-app', file: f.rel, dev: fileDev, how: `envs of the app in ${f.rel}`, scope: `${f.rel}#app` }, envsOf(spec)));
  for (const section of ['services', 'workers', 'jobs']) {
    const seq = resolve(mapGet(spec, y.doc, section), y.doc);
    if (!isSeq(seq)) continue;
    for (const item of seq.items) {
      const name = scalarText(mapGet(item, y.doc, 'name')) ?? '?';
      const base = { kind: 'do-app' as const, file: f.rel, dev: fileDev || isDevWord(name) };
      out.push(place({ ...base, how: `envs of \`${name}\` in ${f.rel}`, scope: `${f.rel}#${section}#${name}` }, envsOf(item)));
      out.push(place({ ...base, how: `run_command of \`${name}\` in ${f.rel}` }, yamlCommand(y, f.text, starts, mapGet(item, y.doc, 'run_command'), UNKNOWN, SHELL)));
    }
  }
  return out;
}

/**
 * What a DigitalOcean App Platform spec (`.do/*.yaml`, the spec under `spec:` in a deploy template) says of the
 * app's HTTP side: its name, whether it has `services` (the components App Platform serves over HTTP; `workers`
 * and `jobs` take no requests), and whether it names any domain (`domains:`). Without one, `${APP_DOMAIN}` — "the
 * application's primary domain" among App Platform's app-wide variables — is the default domain App Platform
 * gives every app, `<app>-<id>.ondigitalocean.app` (digitalocean/sample-django's README: `${APP_DOMAIN}` is "the
 * default domain provided by DigitalOcean"). undefined when the file is not such a spec or does not parse.
 */
export function doAppSpec(f: { rel: string; text: string }): { name?: string; services: number; domains: boolean } | undefined {
  if (!/\.ya?ml$/i.test(f.rel) || !f.rel.split('/').slice(0, -1).includes('.do')) return undefined;
  const y = yamlDoc(f.text);
  if (!y) return undefined;
  const spec = resolve(y.doc.get('spec', true), y.doc) ?? y.doc.contents;
  if (!isMap(spec)) return undefined;
  const services = resolve(mapGet(spec, y.doc, 'services'), y.doc);
  const domains = resolve(mapGet(spec, y.doc, 'domains'), y.doc);
  const name = scalarText(mapGet(spec, y.doc, 'name'));
  return {
    ...(name ? { name } : {}),
    services: isSeq(services) ? services.items.length : 0,
    domains: (isSeq(domains) && domains.items.length > 0) || mapGet(spec, y.doc, 'domain') !== undefined,
  };
}

/** App Engine app.yaml: `env_variables`, `entrypoint`. */
function fromAppYaml(f: SourceFile): Place[] {
  const y = yamlDoc(f.text);
  if (!y) return [];
  const base = { kind: 'app.yaml' as const, file: f.rel, dev: isDevFile(f) };
  const env = configMap(y, mapGet(y.doc.contents, y.doc, 'env_variables'), true);
  const cmd = yamlCommand(y, f.text, lineStarts(f.text), mapGet(y.doc.contents, y.doc, 'entrypoint'), UNKNOWN, SHELL);
  return [place({ ...base, how: `env_variables in ${f.rel}`, scope: f.rel }, env), place({ ...base, how: `entrypoint in ${f.rel}` }, cmd)];
}

// ---------------------------------------------------------------------------------------------
// Kubernetes / Helm / OpenShift YAML

/**
 * Kubernetes/Helm YAML, every document of the file.
 *
 * Settings: any `- name: DJANGO_SETTINGS_MODULE / value: x` (container env) or `DJANGO_SETTINGS_MODULE: x` key
 * (ConfigMap data, Helm values maps), wherever it is.
 *
 * Environment: `- name: X` items of a list under an env key (`env:`, Helm `extraEnv:`, `envVars:`…) with
 * `value:` (the value) or `valueFrom:` (provided; a secretKeyRef/configMapKeyRef marked `optional: true` may be
 * missing); `X: value` entries of a ConfigMap's `data:` and of a Helm values env map (`env:`, `extraEnv:`…).
 *
 * Helm templates that are not YAML fall back to a line scan; a templated value is not a module, and is
 * provided only when `required` guards it.
 */
function fromKubernetes(f: SourceFile): Place[] {
  const lc = new LineCounter();
  const docs = parseAllDocuments(f.text, { lineCounter: lc, uniqueKeys: false, merge: true });
  const list = Array.isArray(docs) && docs.every((d) => !d.errors.length)
    ? docs.flatMap((doc) => {
        const kind = scalarText(mapGet(doc.contents, doc, 'kind'));
        return yamlEnvAnywhere({ doc, lc }, doc.contents, { parentKey: '', configMap: kind === 'ConfigMap' }, 0);
      })
    : envByLines(f.text);
  return [place({ kind: 'kubernetes', file: f.rel, dev: isDevFile(f), how: `env in ${f.rel}` }, list)];
}

/** Keys whose list holds container-style `{name, value}` variables, or whose map holds `NAME: value` variables. */
const ENV_LIST_KEY = /env/i;
const ENV_MAP_KEY = /^(extra_?)?env(ironment)?(_?vars?|_?variables)?$/i;

interface KubeContext {
  /** the key the current node is the value of (for a list item: the list's key) */
  parentKey: string;
  /** the current document is a ConfigMap */
  configMap: boolean;
  /** the current node is an item of a list (a `{name, value}` variable, never a `NAME: value` map) */
  listItem?: boolean;
}

function yamlEnvAnywhere(y: Yaml, n: unknown, ctx: KubeContext, depth: number): Line[] {
  const node = resolve(n, y.doc);
  if (!node || depth > 60) return [];
  if (isSeq(node)) return node.items.flatMap((it) => yamlEnvAnywhere(y, it, { ...ctx, listItem: true }, depth + 1));
  if (!isMap(node)) return [];
  const out: Line[] = [];
  const entries = mapEntries(node, y.doc);
  // Kubernetes' `- name: X / value: Y`; CloudFormation's ECS container definitions spell them `Name` and `Value`
  const nameEntry = entries.find((e) => e.key === 'name' || e.key === 'Name');
  const name = scalarText(nameEntry?.value);
  const value = entries.find((e) => e.key === 'value' || e.key === 'Value');
  const valueFrom = entries.find((e) => e.key === 'valueFrom')?.value;
  const envItem = !!ctx.listItem && ENV_LIST_KEY.test(ctx.parentKey) && name !== undefined && ENV_NAME_RE.test(name) && (value !== undefined || valueFrom !== undefined);
  const settings = (name === DSM || name === CONF) && value !== undefined && scalarText(value.value) !== undefined;
  if (name !== undefined && (settings || envItem)) {
    const text = value ? scalarText(value.value) : undefined;
    out.push({
      key: name,
      value: text ?? '',
      start: 0,
      raw: '',
      line: lineOfNode(y, nameEntry?.keyNode),
      ...(envItem ? { env: value ? literalEnv(text) : kubeValueFrom(y, valueFrom) } : {}),
      ...(name === DSM || name === CONF ? {} : { noSettings: true }),
    });
  }
  for (const e of entries) {
    const envEntry = !ctx.listItem && ((ctx.configMap && ctx.parentKey === 'data' && depth === 1) || ENV_MAP_KEY.test(ctx.parentKey)) && ENV_NAME_RE.test(e.key);
    if ((e.key === DSM || e.key === CONF || envEntry) && scalarText(e.value) !== undefined) {
      const text = scalarText(e.value) as string;
      out.push({ key: e.key, value: text, start: 0, raw: '', line: lineOfNode(y, e.keyNode), ...(envEntry ? { env: literalEnv(text) } : {}) });
    } else if (e.value && !isScalar(e.value)) {
      out.push(...yamlEnvAnywhere(y, e.value, { ...ctx, parentKey: e.key, listItem: false }, depth + 1));
    }
  }
  return out;
}

/** `valueFrom:` — secretKeyRef/configMapKeyRef (unless `optional: true`), fieldRef, resourceFieldRef: provided. */
function kubeValueFrom(y: Yaml, n: YamlNode | undefined): Provided | null {
  const refs = mapEntries(n, y.doc);
  if (!refs.length) return null;
  return refs.some((r) => scalarText(mapGet(r.value, y.doc, 'optional')) === 'true') ? null : {};
}

/**
 * Line scan for YAML that does not parse (Helm templates): `name: X` + `value:`/`valueFrom:` within the next
 * lines (for the environment: in a list under an env key), or `DJANGO_SETTINGS_MODULE: x`.
 */
function envByLines(text: string): Line[] {
  const out: Line[] = [];
  const lines = text.split('\n');
  const unquote = (s: string) => s.trim().replace(/\s+#.*$/, '').replace(/^(['"])(.*)\1$/, '$2');
  const indent = (s: string) => /^\s*/.exec(s)?.[0].length ?? 0;
  for (let i = 0; i < lines.length; i++) {
    const named = /^(\s*)-?\s*name:\s*["']?([A-Za-z_][A-Za-z0-9_]*)["']?\s*$/.exec(lines[i]);
    const keyed = /^\s*["']?(DJANGO_SETTINGS_MODULE|DJANGO_CONFIGURATION)["']?\s*:\s*(\S.*)$/.exec(lines[i]);
    if (keyed) out.push({ key: keyed[1], value: unquote(keyed[2]), start: 0, raw: '', line: i + 1 });
    if (!named) continue;
    const settings = named[2] === DSM || named[2] === CONF;
    const listKey = envListAbove(lines, i, indent(lines[i]));
    const inEnvList = listKey >= 0;
    // `{{- if … }}` / `range` / `with` opened inside the env list: the variable is there only sometimes
    const templated = inEnvList && helmDepth(lines.slice(listKey + 1, i)) > 0;
    if (!settings && !inEnvList) continue;
    for (let j = i + 1; j < lines.length && j <= i + 4; j++) {
      if (/^\s*-\s/.test(lines[j])) break;
      const v = /^\s*value:\s*(.*)$/.exec(lines[j]);
      if (v) {
        const value = unquote(v[1]);
        const env = templated ? null : value.includes('{{') ? (/\brequired\b/.test(value) ? {} : null) : literalEnv(value);
        out.push({ key: named[2], value, start: 0, raw: '', line: i + 1, ...(inEnvList ? { env } : {}), ...(settings ? {} : { noSettings: true }) });
        break;
      }
      if (/^\s*valueFrom:/.test(lines[j])) {
        if (inEnvList) {
          const block = lines.slice(j, j + 6).join('\n');
          out.push({ key: named[2], value: '', start: 0, raw: '', line: i + 1, env: templated || /optional:\s*true/.test(block) ? null : {}, noSettings: true });
        }
        break;
      }
    }
  }
  return out;
}

/** The line of the env key (`env:`, `extraEnv:`…) whose list holds the item at line i (indented `at`), or -1. */
function envListAbove(lines: string[], i: number, at: number): number {
  for (let k = i - 1; k >= 0 && k >= i - 400; k--) {
    const l = lines[k];
    if (!l.trim() || /^\s*(#|\{\{)/.test(l)) continue;
    const ind = /^\s*/.exec(l)?.[0].length ?? 0;
    if (ind < at || (ind === at && !/^\s*-/.test(l))) {
      const key = /^\s*-?\s*([\w.-]+):\s*(#.*)?$/.exec(l);
      return key && ENV_LIST_KEY.test(key[1]) ? k : -1;
    }
  }
  return -1;
}

/** Template blocks (`if`, `range`, `with`) left open at the end of these lines. */
function helmDepth(lines: string[]): number {
  let depth = 0;
  for (const l of lines) {
    for (const m of l.matchAll(/\{\{-?\s*(if|range|with|end)\b/g)) depth = Math.max(0, depth + (m[1] === 'end' ? -1 : 1));
  }
  return depth;
}
