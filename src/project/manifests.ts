/**
 * Where a deploy manifest in the repository sets the settings module production runs with
 * (`DJANGO_SETTINGS_MODULE`, and django-configurations' `DJANGO_CONFIGURATION` beside it): Dockerfiles
 * (final stage), compose files, Procfiles, gunicorn and uwsgi configs, systemd units, shell scripts, env
 * files, Heroku app.json / heroku.yml, fly.toml, render.yaml, App Engine app.yaml and Kubernetes/Helm YAML.
 * Also the files a Dockerfile creates at build time from repository files (COPY/ADD).
 *
 * Pure: reads only the texts the Workspace already holds. Every reader is total — a file that cannot be
 * parsed yields no evidence, never an exception. A value that is not a dotted Python module once
 * substitutions are applied (an unset `$VAR`, a `{{ template }}`) is not evidence.
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

export type EvidenceKind =
  | 'dockerfile' | 'compose' | 'procfile' | 'gunicorn' | 'uwsgi' | 'systemd' | 'script' | 'app.json'
  | 'heroku.yml' | 'fly.toml' | 'render.yaml' | 'kubernetes' | 'env-file' | 'app.yaml';

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
}

const DSM = 'DJANGO_SETTINGS_MODULE';
const CONF = 'DJANGO_CONFIGURATION';
const MODULE_RE = /^[A-Za-z_]\w*(\.[A-Za-z_]\w*)*$/;
const CLASS_RE = /^[A-Za-z_]\w*$/;

export function settingsEvidence(ws: Workspace): SettingsEvidence[] {
  const out: SettingsEvidence[] = [];
  const referenced = new Set<string>(); // env files read through compose env_file / systemd EnvironmentFile
  for (const f of ws.deployFiles()) {
    const kind = manifestKind(f);
    if (kind) out.push(...safely(() => READERS[kind](ws, f, referenced)));
  }
  for (const f of ws.pythonFiles()) {
    if (isGunicornPython(f.rel)) out.push(...safely(() => fromGunicorn(f, ws.tree(f).rootNode)));
  }
  return out
    .filter((e) => !(e.kind === 'env-file' && referenced.has(e.file)))
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
}

export function dockerCopies(ws: Workspace): BuildCopy[] {
  const dirs = folderSet(ws);
  const out: BuildCopy[] = [];
  for (const f of ws.deployFiles()) {
    if (manifestKind(f) === 'dockerfile') out.push(...safely(() => readDockerfile(f).copies.map((c) => resolveCopy(c, f, dirs))).flat());
  }
  return out;
}

function safely<T>(fn: () => T[]): T[] {
  try {
    return fn();
  } catch {
    return []; // a manifest we cannot read is no evidence, never a crashed scan
  }
}

// ---------------------------------------------------------------------------------------------
// Which manifest a file is

type Reader = (ws: Workspace, f: SourceFile, referenced: Set<string>) => SettingsEvidence[];

const READERS: Record<EvidenceKind, Reader> = {
  dockerfile: (_ws, f) => readDockerfile(f).evidence,
  compose: (ws, f, referenced) => fromCompose(ws, f, referenced),
  procfile: (_ws, f) => fromProcfile(f),
  gunicorn: (_ws, f) => fromGunicorn(f, parsePython(f.text).rootNode),
  uwsgi: (_ws, f) => fromUwsgi(f),
  systemd: (ws, f, referenced) => fromSystemd(ws, f, referenced),
  script: (_ws, f) => fromScript(f),
  'env-file': (_ws, f) => fromEnvFile(f, { kind: 'env-file', dev: isDevPath(f.rel), how: `set in ${f.rel}` }),
  'app.json': (_ws, f) => fromAppJson(f),
  'heroku.yml': (_ws, f) => fromHerokuYml(f),
  'fly.toml': (_ws, f) => fromFlyToml(f),
  'render.yaml': (_ws, f) => fromRenderYaml(f),
  'app.yaml': (_ws, f) => fromAppYaml(f),
  kubernetes: (_ws, f) => fromKubernetes(f),
};

function manifestKind(f: SourceFile): EvidenceKind | undefined {
  const name = baseOf(f.rel).toLowerCase();
  if (/\.dockerignore$/.test(name)) return undefined;
  if (/^(docker|container)file([.-][\w.-]*)?$/.test(name) || /\.(docker|container)file$/.test(name)) return 'dockerfile';
  if (isComposeName(name)) return 'compose';
  if (/^procfile(\.[\w.-]+)?$/.test(name)) return 'procfile';
  if (/^gunicorn[\w.-]*\.conf$/.test(name)) return 'gunicorn';
  if (name.endsWith('.ini')) return /^\s*\[uwsgi[^\]]*\]/m.test(f.text) ? 'uwsgi' : undefined;
  if (name.endsWith('.service')) return 'systemd';
  if (/\.(sh|bash)$/.test(name) || /^([\w-]+-)?entrypoint$/.test(name)) return 'script';
  if (name === '.env' || /^\.env[.-][\w.-]+$/.test(name) || name.endsWith('.env')) return 'env-file';
  if (name === 'app.json') return 'app.json';
  if (name === 'heroku.yml' || name === 'heroku.yaml') return 'heroku.yml';
  if (/^fly([.-][\w-]+)?\.toml$/.test(name)) return 'fly.toml';
  if (name === 'render.yaml' || name === 'render.yml') return 'render.yaml';
  if ((name === 'app.yaml' || name === 'app.yml') && !/^\s*apiVersion\s*:/m.test(f.text)) return 'app.yaml';
  if (/\.ya?ml$/.test(name)) return 'kubernetes'; // the Workspace reads YAML only from deploy folders and values files
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
]);
/** Words that make a file name development/test/CI or a template/example to copy. */
const DEV_NAME_WORDS = new Set([
  'dev', 'devel', 'develop', 'development', 'local', 'test', 'tests', 'testing', 'ci', 'debug', 'e2e', 'example',
  'examples', 'sample', 'samples', 'template', 'tpl', 'dist', 'devcontainer',
]);

function hasWord(s: string, words: Set<string>): boolean {
  return s.toLowerCase().split(/[._-]+/).some((w) => words.has(w));
}

/** A dev/test/CI file by its folders or its name (docker-compose.override.yml included). */
function isDevPath(rel: string): boolean {
  const parts = rel.split('/');
  const name = parts.pop() ?? '';
  // a cookiecutter/Jinja template folder (`{{ cookiecutter.project_slug }}/`) is not this repository's deployment
  if (parts.some((p) => hasWord(p, DEV_DIR_WORDS) || p.includes('{{'))) return true;
  return hasWord(name, DEV_NAME_WORDS) || /^(docker-)?compose\.override\.ya?ml$/i.test(name);
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
  const re = new RegExp(`(^|[\\s{,"'])${key}["']?\\s*[:=]`, 'gm');
  let m: RegExpExecArray | null;
  let k = 0;
  while ((m = re.exec(text))) {
    if (k++ === nth) return lineAt(lineStarts(text), m.index + m[1].length);
  }
  return 1;
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
      const hd = /^<<-?\s*['"]?([A-Za-z_]\w*)['"]?$/.exec(raw);
      if (hd) heredocs.push(hd[1]);
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
  if (next === '(') return { value: undefined, end: matching(raw, i + 1) };
  if (next === '{') {
    const end = matching(raw, i + 1);
    return { value: expandBraced(raw.slice(i + 2, end - 1), lookup, d), end };
  }
  const m = /^[A-Za-z_]\w*/.exec(raw.slice(i + 1));
  if (m) return { value: lookup(m[0]), end: i + 1 + m[0].length };
  if (next !== undefined && /[\d@*#?$!-]/.test(next)) return { value: undefined, end: i + 2 };
  return { value: '$', end: i + 1 };
}

function expandBraced(inner: string, lookup: Lookup, d: Dialect): string | undefined {
  const m = /^([A-Za-z_]\w*)(?:(:?[-=+?])([\s\S]*))?$/.exec(inner);
  if (!m) return undefined;
  const [, name, op, word = ''] = m;
  const v = lookup(name);
  if (!op) return v;
  const set = v !== undefined && (!op.startsWith(':') || v !== '');
  switch (op.replace(':', '')) {
    case '-':
    case '=':
      return set ? v : expandWord(word, lookup, d);
    case '+':
      return v === undefined ? undefined : set ? expandWord(word, lookup, d) : '';
    default:
      return set ? v : undefined;
  }
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

interface Found {
  key: typeof DSM | typeof CONF;
  value: string;
  /** offset of the word that sets it, in the analysed text */
  start: number;
  /** the raw word, to find its line in the file */
  raw: string;
}

/** Subcommands and tools that run once at build or test time: their settings are not what production serves with. */
const ONE_OFF = new Set(['collectstatic', 'compilemessages', 'makemessages', 'makemigrations', 'compress', 'pytest', 'py.test', 'tox', 'nox']);
const PREFIX_COMMANDS = new Set(['exec', 'env', 'export', 'sudo', 'nohup', 'time', 'command', 'declare', 'typeset', 'readonly', 'local', 'nice', 'then', 'do', 'else', 'elif', '!']);
/** Options of the prefix commands that take an argument (`env -u NAME`, `sudo -u user`). */
const PREFIX_ARG_OPTIONS = new Set(['-u', '-g', '-C', '-S', '-n', '--unset', '--chdir', '--user', '--group']);
const SHELLS = /^(\/(usr\/)?bin\/)?(ba|da|z|k)?sh$/;

interface Segment {
  assigns: Array<{ name: string; raw: string; start: number; word: Word }>;
  command: Word[];
}

function segmentsOf(toks: Tok[]): Array<{ words: Word[]; start: number }> {
  const out: Array<{ words: Word[]; start: number }> = [];
  let cur: Word[] = [];
  for (const t of toks) {
    if (isWord(t)) cur.push(t);
    else {
      if (cur.length) out.push({ words: cur, start: cur[0].start });
      cur = [];
    }
  }
  if (cur.length) out.push({ words: cur, start: cur[0].start });
  return out;
}

function parseSegment(words: Word[]): Segment {
  const assigns: Segment['assigns'] = [];
  let i = 0;
  while (i < words.length) {
    const raw = words[i].raw;
    if (PREFIX_COMMANDS.has(raw)) {
      i++;
      while (i < words.length && /^-/.test(words[i].raw) && !/=/.test(words[i].raw)) i += PREFIX_ARG_OPTIONS.has(words[i].raw) ? 2 : 1;
      continue;
    }
    const m = /^([A-Za-z_]\w*)\+?=/.exec(raw);
    if (!m) break;
    assigns.push({ name: m[1], raw: raw.slice(m[0].length), start: words[i].start, word: words[i] });
    i++;
  }
  return { assigns, command: words.slice(i) };
}

function wordValue(w: Word, lookup: Lookup, d: Dialect): string | undefined {
  return w.literal ? w.raw : expandWord(w.raw, lookup, d);
}

/** Does this command run once at build/test time (collectstatic, compilemessages, `manage.py test`, pytest)? */
function isOneOff(command: Word[], lookup: Lookup, d: Dialect): boolean {
  const vals = command.map((w) => (wordValue(w, lookup, d) ?? w.raw).replace(/^.*\//, ''));
  return vals.some((v, i) => ONE_OFF.has(v) || (v === 'test' && i > 0 && /(manage\.py|django-admin(\.py)?|^django)$/.test(vals[i - 1])));
}

/**
 * The settings one command line sets for the process it starts: `DJANGO_SETTINGS_MODULE=x cmd`,
 * `export DJANGO_SETTINGS_MODULE=x`, `--settings x`, `--settings=x`, `--configuration X`, gunicorn/uwsgi/docker
 * `--env`/`-e NAME=x`, and the same inside `sh -c "…"`. One-off commands (collectstatic, tests) are skipped.
 */
function commandSettings(toks: Tok[], lookup: Lookup, d: Dialect): Found[] {
  const out: Found[] = [];
  for (const { words } of segmentsOf(toks)) {
    const seg = parseSegment(words);
    if (seg.command.length && isOneOff(seg.command, lookup, d)) continue;
    for (const a of seg.assigns) {
      if (a.name === DSM || a.name === CONF) out.push(found(a.name, expandWord(a.raw, lookup, d), a.word));
    }
    out.push(...defaultAssignments(seg.command, lookup, d), ...optionSettings(seg.command, lookup, d));
  }
  return out.filter((f) => f.value !== '');
}

function found(key: typeof DSM | typeof CONF, value: string | undefined, w: Word): Found {
  return { key, value: value ?? '', start: w.start, raw: w.raw };
}

/** `: ${DJANGO_SETTINGS_MODULE:=x}` assigns x when the variable is unset (a set one was reported where it was set). */
function defaultAssignments(cmd: Word[], lookup: Lookup, d: Dialect): Found[] {
  if (d.dollar !== 'shell') return [];
  const out: Found[] = [];
  for (const w of cmd) {
    if (w.literal) continue;
    for (const m of w.raw.matchAll(/\$\{(DJANGO_SETTINGS_MODULE|DJANGO_CONFIGURATION):?=([^}]*)\}/g)) {
      if (lookup(m[1]) === undefined) out.push(found(m[1] as typeof DSM, expandWord(m[2], lookup, d), w));
    }
  }
  return out;
}

function optionSettings(cmd: Word[], lookup: Lookup, d: Dialect): Found[] {
  const out: Found[] = [];
  const val = (w: Word | undefined) => (w ? wordValue(w, lookup, d) : undefined);
  for (let i = 0; i < cmd.length; i++) {
    const v = val(cmd[i]) ?? '';
    let m: RegExpExecArray | null;
    if ((m = /^--(settings|configuration)=(.*)$/.exec(v))) out.push(found(m[1] === 'settings' ? DSM : CONF, m[2], cmd[i]));
    else if (v === '--settings' || v === '--configuration') out.push(found(v === '--settings' ? DSM : CONF, val(cmd[i + 1]), cmd[i]));
    else if ((m = /^(?:--env|-e)=(\w+)=(.*)$/.exec(v)) && (m[1] === DSM || m[1] === CONF)) out.push(found(m[1] as typeof DSM, m[2], cmd[i]));
    else if (v === '--env' || v === '-e') {
      const e = /^(\w+)=(.*)$/.exec(val(cmd[i + 1]) ?? '');
      if (e && (e[1] === DSM || e[1] === CONF)) out.push(found(e[1] as typeof DSM, e[2], cmd[i + 1]));
    } else if (/^-\w*c$/.test(v) && i > 0 && SHELLS.test(val(cmd[0]) ?? '') && cmd[i + 1]) {
      const inner = val(cmd[i + 1]);
      if (inner !== undefined) {
        const base = cmd[i + 1].start + (cmd[i + 1].literal ? 0 : 1);
        out.push(...commandSettings(splitWords(inner), lookup, SHELL).map((f) => ({ ...f, start: base + f.start })));
      }
      i++;
    }
  }
  return out;
}

/** Words of an exec-form command (a JSON/YAML list): each element literal. */
function execWords(items: string[]): Tok[] {
  return items.map((raw) => ({ raw, start: 0, literal: true }));
}

/** Evidence from the Found of one place: the module ones, each with the configuration set beside it. */
function toEvidence(
  list: Array<Found & { line: number }>,
  base: Omit<SettingsEvidence, 'module' | 'line' | 'configuration'>,
): SettingsEvidence[] {
  const configuration = asClass([...list].reverse().find((f) => f.key === CONF)?.value);
  const out: SettingsEvidence[] = [];
  for (const f of list) {
    const module = f.key === DSM ? asModule(f.value) : undefined;
    if (module) out.push({ module, ...(configuration ? { configuration } : {}), ...base, line: f.line });
  }
  return out;
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
  found: Array<Found & { line: number }>;
  cmd?: Array<Found & { line: number }>;
  entrypoint?: Array<Found & { line: number }>;
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
}

interface DockerRead {
  evidence: SettingsEvidence[];
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
    else if (ins.keyword === 'CMD' || ins.keyword === 'ENTRYPOINT') stage[ins.keyword === 'CMD' ? 'cmd' : 'entrypoint'] = dockerCommand(ins, stage, d);
    else if (ins.keyword === 'COPY' || ins.keyword === 'ADD') dockerCopy(ins, stage, d, copies);
  }
  if (!stages.length) return { evidence: [], copies: [] };
  const chain = finalChain(stages);
  const reaching = reachingStages(stages, chain);
  const fileDev = isDevPath(f.rel);
  return {
    evidence: stages.flatMap((s) => stageEvidence(f, s, stages, chain, fileDev)),
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
    if (p.name === DSM || p.name === CONF) stage.found.push({ ...found(p.name, value, p.word), line: ins.line(p.word.start) });
  }
}

function dockerCommand(ins: Instruction, stage: Stage, d: Dialect): Array<Found & { line: number }> {
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
  return commandSettings(toks ?? splitWords(args, d.escape), lookup, d).map((f) => {
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

function stageEvidence(f: SourceFile, s: Stage, stages: Stage[], chain: Set<number>, fileDev: boolean): SettingsEvidence[] {
  const final = stages[stages.length - 1];
  const inChain = chain.has(s.index);
  const label = s.name ? `stage \`${s.name}\`` : `stage ${s.index + 1}`;
  const where =
    stages.length === 1 ? f.rel
    : s === final ? `the final stage of ${f.rel}`
    : inChain ? `${label} of ${f.rel}, which the final stage is built from`
    : `${label} of ${f.rel} (not the final stage)`;
  const conf = s.envKeys.has(CONF) ? asClass(s.vars.get(CONF)) : undefined;
  const out: SettingsEvidence[] = [];
  for (const e of s.found) {
    const module = e.key === DSM ? asModule(e.value) : undefined;
    if (module) out.push({ module, ...(conf ? { configuration: conf } : {}), kind: 'dockerfile', file: f.rel, line: e.line, dev: fileDev || !inChain, how: `ENV in ${where}` });
  }
  // CMD/ENTRYPOINT: only those declared in this stage (inherited ones are reported where they are written)
  const parent = s.parent !== undefined ? stages[s.parent] : undefined;
  for (const key of ['cmd', 'entrypoint'] as const) {
    const list = s[key];
    if (!list || list === parent?.[key]) continue;
    const effective = s === final || (inChain && isInheritedToFinal(stages, s, key));
    out.push(...toEvidence(list, { kind: 'dockerfile', file: f.rel, dev: fileDev || !effective, how: `${key.toUpperCase()} in ${where}` }));
  }
  return out;
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
    return { source, dest: to, file: f.rel, line: c.line, dev: c.dev };
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
function yamlCommand(y: Yaml, text: string, starts: number[], n: unknown, lookup: Lookup, d: Dialect): Array<Found & { line: number }> {
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
  return commandSettings(toks, lookup, d).map((f) => ({ ...f, line: lineOfNeedle(text, starts, from, to, f.raw.split('\n')[0]) }));
}

// ---------------------------------------------------------------------------------------------
// compose

function fromCompose(ws: Workspace, f: SourceFile, referenced: Set<string>): SettingsEvidence[] {
  const y = yamlDoc(f.text);
  if (!y) return [];
  const starts = lineStarts(f.text);
  const fileDev = isDevPath(f.rel);
  const out: SettingsEvidence[] = [];
  for (const svc of mapEntries(y.doc.get('services', true), y.doc)) {
    const profiles = mapGet(svc.value, y.doc, 'profiles');
    const devProfile = isSeq(profiles) && profiles.items.some((p) => isDevWord(scalarText(p) ?? ''));
    const dev = fileDev || devProfile || isDevWord(svc.key);
    const base = { kind: 'compose' as const, file: f.rel, dev };
    const env = composeEnvironment(y, mapGet(svc.value, y.doc, 'environment'));
    out.push(...toEvidence(env, { ...base, how: `environment of service \`${svc.key}\` in ${f.rel}` }));
    for (const key of ['command', 'entrypoint']) {
      const cmd = yamlCommand(y, f.text, starts, mapGet(svc.value, y.doc, key), UNKNOWN, COMPOSE);
      out.push(...toEvidence(cmd, { ...base, how: `${key} of service \`${svc.key}\` in ${f.rel}` }));
    }
    // environment: wins over env_file for the same variable
    const setsModule = env.some((e) => e.key === DSM) || composeEnvMentions(y, mapGet(svc.value, y.doc, 'environment'));
    for (const path of composeEnvFiles(y, mapGet(svc.value, y.doc, 'env_file'))) {
      const rel = joinRel(dirOf(f.rel), path);
      const envFile = ws.get(rel);
      if (!envFile) continue;
      referenced.add(rel);
      if (setsModule) continue;
      out.push(...fromEnvFile(envFile, { kind: 'compose', dev: dev || isDevPath(rel), how: `env_file ${rel} of service \`${svc.key}\` in ${f.rel}` }));
    }
  }
  return out;
}

/** `environment:` as a map (`KEY: value`) or a list (`- KEY=value`); compose interpolation applied. */
function composeEnvironment(y: Yaml, n: YamlNode | undefined): Array<Found & { line: number }> {
  const out: Array<Found & { line: number }> = [];
  const add = (key: string, raw: string | undefined, at: unknown) => {
    if ((key === DSM || key === CONF) && raw !== undefined) {
      out.push({ key, value: expandWord(raw, UNKNOWN, COMPOSE) ?? '', start: 0, raw, line: lineOfNode(y, at) });
    }
  };
  if (isSeq(n)) {
    for (const it of n.items) {
      const m = /^\s*([\w.-]+)=([\s\S]*)$/.exec(scalarText(resolve(it, y.doc)) ?? '');
      if (m) add(m[1], m[2].trim(), it);
    }
  } else {
    for (const e of mapEntries(n, y.doc)) add(e.key, scalarText(e.value), e.keyNode);
  }
  return out.filter((e) => e.value !== '');
}

/** Does `environment:` name DJANGO_SETTINGS_MODULE at all (even unresolved / pass-through)? */
function composeEnvMentions(y: Yaml, n: YamlNode | undefined): boolean {
  if (isSeq(n)) return n.items.some((it) => new RegExp(`^\\s*${DSM}(=|$)`).test(scalarText(resolve(it, y.doc)) ?? ''));
  return mapEntries(n, y.doc).some((e) => e.key === DSM);
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
 * `file` is the env file read; `base` says how the evidence is reported (directly, or via compose/systemd).
 */
function fromEnvFile(file: SourceFile, base: { kind: EvidenceKind; dev: boolean; how: string }): SettingsEvidence[] {
  const list: Array<Found & { line: number }> = [];
  file.text.split('\n').forEach((raw, i) => {
    const m = /^\s*(?:export\s+)?([A-Za-z_]\w*)\s*=\s*(.*?)\s*$/.exec(raw.replace(/\r$/, ''));
    if (!m || (m[1] !== DSM && m[1] !== CONF)) return;
    const value = envFileValue(m[2]);
    if (value) list.push({ key: m[1] as typeof DSM, value, start: 0, raw: m[2], line: i + 1 });
  });
  return toEvidence(list, { kind: base.kind, file: file.rel, dev: base.dev, how: base.how });
}

function envFileValue(raw: string): string | undefined {
  if (raw.startsWith("'")) return /^'([^']*)'/.exec(raw)?.[1];
  if (raw.startsWith('"')) {
    const m = /^"((?:[^"\\]|\\.)*)"/.exec(raw);
    return m ? expandWord(`"${m[1]}"`, UNKNOWN, COMPOSE) : undefined;
  }
  return expandWord(raw.replace(/\s+#.*$/, ''), UNKNOWN, COMPOSE);
}

// ---------------------------------------------------------------------------------------------
// Procfile, shell scripts

function fromProcfile(f: SourceFile): SettingsEvidence[] {
  const fileDev = isDevPath(f.rel);
  const out: SettingsEvidence[] = [];
  let offset = 0;
  const starts = lineStarts(f.text);
  for (const line of f.text.split('\n')) {
    const m = /^\s*([\w-]+)\s*:(.*)$/.exec(line);
    if (m && !line.trim().startsWith('#')) {
      const at = offset + line.indexOf(':') + 1;
      const list = commandSettings(splitWords(m[2]), UNKNOWN, SHELL).map((x) => ({ ...x, line: lineAt(starts, at + x.start) }));
      out.push(...toEvidence(list, { kind: 'procfile', file: f.rel, dev: fileDev || isDevWord(m[1]), how: `\`${m[1]}:\` process in ${f.rel}` }));
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
 * Shell scripts: `export DJANGO_SETTINGS_MODULE=x`, `DJANGO_SETTINGS_MODULE=x exec gunicorn`, `--settings`,
 * `${DJANGO_SETTINGS_MODULE:-x}`. Variables set unconditionally earlier in the script are substituted; when the
 * module comes from a variable set only under conditions (`DEFAULT_DJANGO_SETTINGS_MODULE=…` in if/else), each
 * literal candidate is reported — which one runs is not decided here.
 */
function fromScript(f: SourceFile): SettingsEvidence[] {
  const starts = lineStarts(f.text);
  const vars = new Map<string, string | undefined>();
  const assigns: ScriptAssign[] = [];
  const list: Array<Found & { line: number }> = [];
  const pending: string[] = []; // variables an unresolved DJANGO_SETTINGS_MODULE assignment reads
  let depth = 0;
  for (const { words } of segmentsOf(splitWords(f.text))) {
    const first = words[0].raw;
    if (CLOSERS.has(first)) depth = Math.max(0, depth - 1);
    const opens = OPENERS.has(first) ? 1 : 0;
    const seg = parseSegment(opens ? words.slice(1) : words);
    const lookup = (n: string) => vars.get(n);
    list.push(...commandSettings(words.slice(opens), lookup, SHELL).map((x) => ({ ...x, line: lineAt(starts, x.start) })));
    for (const a of seg.assigns) {
      const value = expandWord(a.raw, lookup, SHELL);
      if (a.name === DSM && asModule(value) === undefined) pending.push(...referencedVars(a.raw));
      if (seg.command.length) continue; // `A=1 cmd` sets A for cmd only
      assigns.push({ name: a.name, value, line: lineAt(starts, a.start), conditional: depth > 0 });
      vars.set(a.name, depth > 0 ? undefined : value);
    }
    depth += opens;
  }
  const base = { kind: 'script' as const, file: f.rel, dev: isDevPath(f.rel) };
  const out = toEvidence(list, { ...base, how: `set in script ${f.rel}` });
  for (const a of assigns) {
    const module = asModule(a.value);
    if (module && a.name !== DSM && pending.includes(a.name)) {
      out.push({ module, ...base, line: a.line, how: `candidate ${a.name}${a.conditional ? ' set under a condition' : ''} in ${f.rel}` });
    }
  }
  return out;
}

function referencedVars(raw: string): string[] {
  return [...raw.matchAll(/\$\{?([A-Za-z_]\w*)/g)].map((m) => m[1]).filter((n) => n !== DSM);
}

// ---------------------------------------------------------------------------------------------
// gunicorn config (Python)

/** `raw_env = ["DJANGO_SETTINGS_MODULE=x"]` (list, tuple or string; `+=` and `.append` too), `os.environ[...] = / setdefault(...)`. */
function fromGunicorn(f: SourceFile, root: SyntaxNode): SettingsEvidence[] {
  const list: Array<Found & { line: number }> = [];
  const pushEnv = (s: string | undefined, node: SyntaxNode) => {
    const m = /^\s*(\w+)=(.*)$/.exec(s ?? '');
    if (m && (m[1] === DSM || m[1] === CONF)) list.push({ key: m[1] as typeof DSM, value: m[2], start: 0, raw: '', line: node.startPosition.row + 1 });
  };
  const pushPair = (k: SyntaxNode | undefined, v: SyntaxNode | undefined) => {
    const key = stringValue(k);
    const value = stringValue(v);
    if (k && value !== undefined && (key === DSM || key === CONF)) list.push({ key, value, start: 0, raw: '', line: k.startPosition.row + 1 });
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
  return toEvidence(list, { kind: 'gunicorn', file: f.rel, dev: isDevPath(f.rel), how: `gunicorn config ${f.rel}` });
}

function stringsOf(n: SyntaxNode): SyntaxNode[] {
  if (n.type === 'list' || n.type === 'tuple' || n.type === 'parenthesized_expression') return n.namedChildren.flatMap(stringsOf);
  return n.type === 'string' || n.type === 'concatenated_string' ? [n] : [];
}

// ---------------------------------------------------------------------------------------------
// uwsgi ini, systemd units

/** `env = DJANGO_SETTINGS_MODULE=x` in a `[uwsgi]` section (uwsgi repeats `env`, so this is read line by line). */
function fromUwsgi(f: SourceFile): SettingsEvidence[] {
  const list: Array<Found & { line: number }> = [];
  let inUwsgi = false;
  f.text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    const section = /^\[([^\]]*)\]/.exec(line);
    if (section) inUwsgi = /^uwsgi\b/i.test(section[1]);
    const m = inUwsgi ? /^env\s*=\s*(\w+)\s*=\s*(.*)$/.exec(line) : null;
    if (m && (m[1] === DSM || m[1] === CONF)) list.push({ key: m[1] as typeof DSM, value: m[2].replace(/^(['"])(.*)\1$/, '$2'), start: 0, raw: '', line: i + 1 });
  });
  return toEvidence(list, { kind: 'uwsgi', file: f.rel, dev: isDevPath(f.rel), how: `env in the [uwsgi] section of ${f.rel}` });
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

function fromSystemd(ws: Workspace, f: SourceFile, referenced: Set<string>): SettingsEvidence[] {
  const starts = lineStarts(f.text);
  const dev = isDevPath(f.rel);
  const env: Array<Found & { line: number }> = [];
  const out: SettingsEvidence[] = [];
  for (const u of unitLines(f.text)) {
    if (u.key === 'Environment') {
      for (const w of splitWords(u.value).filter(isWord)) {
        const m = /^(\w+)=([\s\S]*)$/.exec(expandWord(w.raw, UNKNOWN, LITERAL) ?? '');
        if (m && (m[1] === DSM || m[1] === CONF)) env.push({ key: m[1] as typeof DSM, value: m[2], start: 0, raw: w.raw, line: lineAt(starts, u.at + w.start) });
      }
    } else if (u.key === 'EnvironmentFile') {
      const path = u.value.trim().replace(/^-/, '');
      for (const envFile of matchServerPath(ws, f.rel, path)) {
        referenced.add(envFile.rel);
        out.push(...fromEnvFile(envFile, { kind: 'systemd', dev: dev || isDevPath(envFile.rel), how: `EnvironmentFile= ${path} of ${f.rel}` }));
      }
    } else if (u.key === 'ExecStart' || u.key === 'ExecStartPre') {
      const cmd = u.value.replace(/^[-@:+!]+/, '');
      const skip = u.value.length - cmd.length;
      const list = commandSettings(splitWords(cmd), UNKNOWN, SHELL).map((x) => ({ ...x, line: lineAt(starts, u.at + skip + x.start) }));
      out.push(...toEvidence(list, { kind: 'systemd', file: f.rel, dev, how: `${u.key}= in ${f.rel}` }));
    }
  }
  out.push(...toEvidence(env, { kind: 'systemd', file: f.rel, dev, how: `Environment= in ${f.rel}` }));
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

/** Heroku app.json: `env.DJANGO_SETTINGS_MODULE` as a string or `{ "value": … }`; `environments.test` is dev. */
function fromAppJson(f: SourceFile): SettingsEvidence[] {
  const json = JSON.parse(f.text) as unknown;
  const out: SettingsEvidence[] = [];
  let nth = 0;
  const visit = (node: unknown, path: string[]) => {
    if (!node || typeof node !== 'object' || Array.isArray(node)) return;
    for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
      if (k === DSM) {
        const value = typeof v === 'string' ? v : v && typeof v === 'object' && typeof (v as { value?: unknown }).value === 'string' ? (v as { value: string }).value : undefined;
        const module = asModule(value);
        const line = keyLine(f.text, `"${DSM}"`, nth++);
        const inEnv = path[path.length - 1] === 'env';
        const dev = isDevPath(f.rel) || path.some((p) => isDevWord(p));
        if (module && inEnv) out.push({ module, kind: 'app.json', file: f.rel, line, dev, how: `${[...path, k].join('.')} in ${f.rel}` });
      } else {
        visit(v, [...path, k]);
      }
    }
  };
  visit(json, []);
  return out;
}

/** heroku.yml: `setup.config`, `build.config`, `run.<process>` (string or `{command}`), `release.command`. */
function fromHerokuYml(f: SourceFile): SettingsEvidence[] {
  const y = yamlDoc(f.text);
  if (!y) return [];
  const starts = lineStarts(f.text);
  const base = { kind: 'heroku.yml' as const, file: f.rel, dev: isDevPath(f.rel) };
  const out: SettingsEvidence[] = [];
  for (const section of ['setup', 'build']) {
    const env = configMap(y, mapGet(mapGet(y.doc.contents, y.doc, section), y.doc, 'config'));
    out.push(...toEvidence(env, { ...base, how: `${section}.config in ${f.rel}` }));
  }
  for (const proc of mapEntries(mapGet(y.doc.contents, y.doc, 'run'), y.doc)) {
    const cmd = isMap(proc.value) ? mapGet(proc.value, y.doc, 'command') : proc.value;
    const list = yamlCommand(y, f.text, starts, cmd, UNKNOWN, SHELL);
    out.push(...toEvidence(list, { ...base, dev: base.dev || isDevWord(proc.key), how: `run.${proc.key} in ${f.rel}` }));
  }
  const release = yamlCommand(y, f.text, starts, mapGet(mapGet(y.doc.contents, y.doc, 'release'), y.doc, 'command'), UNKNOWN, SHELL);
  out.push(...toEvidence(release, { ...base, how: `release.command in ${f.rel}` }));
  return out;
}

/** A YAML map of environment variables (`KEY: value`). */
function configMap(y: Yaml, n: YamlNode | undefined): Array<Found & { line: number }> {
  return mapEntries(n, y.doc)
    .filter((e) => e.key === DSM || e.key === CONF)
    .map((e) => ({ key: e.key as typeof DSM, value: scalarText(e.value) ?? '', start: 0, raw: '', line: lineOfNode(y, e.keyNode) }));
}

/** fly.toml: `[env]`, `[processes]` commands, `[deploy] release_command`, `[experimental] cmd`. */
function fromFlyToml(f: SourceFile): SettingsEvidence[] {
  const toml = parseToml(f.text) as Record<string, unknown>;
  const base = { kind: 'fly.toml' as const, file: f.rel, dev: isDevPath(f.rel) };
  const out: SettingsEvidence[] = [];
  const env = (toml.env ?? {}) as Record<string, unknown>;
  const envList: Array<Found & { line: number }> = [];
  for (const key of [DSM, CONF] as const) {
    if (typeof env[key] === 'string') envList.push({ key, value: env[key] as string, start: 0, raw: '', line: tomlKeyLine(f.text, 'env', key) });
  }
  out.push(...toEvidence(envList, { ...base, how: `[env] in ${f.rel}` }));
  const commands: Array<[string, unknown]> = [
    ...Object.entries((toml.processes ?? {}) as Record<string, unknown>).map(([k, v]): [string, unknown] => [`[processes] ${k}`, v]),
    ['release_command', (toml.deploy as Record<string, unknown> | undefined)?.release_command],
    ['[experimental] cmd', (toml.experimental as Record<string, unknown> | undefined)?.cmd],
  ];
  const starts = lineStarts(f.text);
  for (const [what, cmd] of commands) {
    const toks = typeof cmd === 'string' ? splitWords(cmd) : Array.isArray(cmd) ? execWords(cmd.map(String)) : undefined;
    if (!toks) continue;
    const list = commandSettings(toks, UNKNOWN, SHELL).map((x) => ({ ...x, line: lineOfNeedle(f.text, starts, 0, f.text.length, x.raw) }));
    out.push(...toEvidence(list, { ...base, how: `${what} in ${f.rel}` }));
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
    else if (current === table && new RegExp(`^\\s*["']?${key}["']?\\s*=`).test(lines[i])) return i + 1;
  }
  return keyLine(text, key);
}

/** render.yaml: `services[]` and `envVarGroups[]` `envVars[] {key, value}`; `startCommand`, `preDeployCommand`, `dockerCommand`. */
function fromRenderYaml(f: SourceFile): SettingsEvidence[] {
  const y = yamlDoc(f.text);
  if (!y) return [];
  const starts = lineStarts(f.text);
  const fileDev = isDevPath(f.rel);
  const out: SettingsEvidence[] = [];
  for (const section of ['services', 'envVarGroups']) {
    const seq = resolve(y.doc.get(section, true), y.doc);
    if (!isSeq(seq)) continue;
    for (const item of seq.items) {
      const name = scalarText(mapGet(item, y.doc, 'name')) ?? '?';
      const base = { kind: 'render.yaml' as const, file: f.rel, dev: fileDev || isDevWord(name) };
      const vars = resolve(mapGet(item, y.doc, 'envVars'), y.doc);
      const env: Array<Found & { line: number }> = [];
      for (const v of isSeq(vars) ? vars.items : []) {
        const key = scalarText(mapGet(v, y.doc, 'key'));
        const value = scalarText(mapGet(v, y.doc, 'value'));
        if ((key === DSM || key === CONF) && value !== undefined) env.push({ key, value, start: 0, raw: '', line: lineOfNode(y, resolve(v, y.doc)) });
      }
      out.push(...toEvidence(env, { ...base, how: `envVars of \`${name}\` in ${f.rel}` }));
      for (const key of ['startCommand', 'preDeployCommand', 'dockerCommand']) {
        const list = yamlCommand(y, f.text, starts, mapGet(item, y.doc, key), UNKNOWN, SHELL);
        out.push(...toEvidence(list, { ...base, how: `${key} of \`${name}\` in ${f.rel}` }));
      }
    }
  }
  return out;
}

/** App Engine app.yaml: `env_variables`, `entrypoint`. */
function fromAppYaml(f: SourceFile): SettingsEvidence[] {
  const y = yamlDoc(f.text);
  if (!y) return [];
  const base = { kind: 'app.yaml' as const, file: f.rel, dev: isDevPath(f.rel) };
  const env = configMap(y, mapGet(y.doc.contents, y.doc, 'env_variables'));
  const cmd = yamlCommand(y, f.text, lineStarts(f.text), mapGet(y.doc.contents, y.doc, 'entrypoint'), UNKNOWN, SHELL);
  return [...toEvidence(env, { ...base, how: `env_variables in ${f.rel}` }), ...toEvidence(cmd, { ...base, how: `entrypoint in ${f.rel}` })];
}

// ---------------------------------------------------------------------------------------------
// Kubernetes / Helm / OpenShift YAML

/**
 * Any `- name: DJANGO_SETTINGS_MODULE / value: x` (container env) or `DJANGO_SETTINGS_MODULE: x` key
 * (ConfigMap data, Helm values maps) in every document of the file. Helm templates that are not YAML fall
 * back to a line scan; a templated value is not a module, so it is not evidence.
 */
function fromKubernetes(f: SourceFile): SettingsEvidence[] {
  const lc = new LineCounter();
  const docs = parseAllDocuments(f.text, { lineCounter: lc, uniqueKeys: false, merge: true });
  const list = Array.isArray(docs) && docs.every((d) => !d.errors.length)
    ? docs.flatMap((doc) => yamlEnvAnywhere({ doc, lc }, doc.contents, 0))
    : envByLines(f.text);
  return toEvidence(list, { kind: 'kubernetes', file: f.rel, dev: isDevPath(f.rel), how: `env in ${f.rel}` });
}

function yamlEnvAnywhere(y: Yaml, n: unknown, depth: number): Array<Found & { line: number }> {
  const node = resolve(n, y.doc);
  if (!node || depth > 60) return [];
  if (isSeq(node)) return node.items.flatMap((it) => yamlEnvAnywhere(y, it, depth + 1));
  if (!isMap(node)) return [];
  const out: Array<Found & { line: number }> = [];
  const entries = mapEntries(node, y.doc);
  const name = scalarText(entries.find((e) => e.key === 'name')?.value);
  const value = entries.find((e) => e.key === 'value');
  if ((name === DSM || name === CONF) && value && scalarText(value.value) !== undefined) {
    out.push({ key: name, value: scalarText(value.value) as string, start: 0, raw: '', line: lineOfNode(y, entries.find((e) => e.key === 'name')?.keyNode) });
  }
  for (const e of entries) {
    if ((e.key === DSM || e.key === CONF) && scalarText(e.value) !== undefined) {
      out.push({ key: e.key, value: scalarText(e.value) as string, start: 0, raw: '', line: lineOfNode(y, e.keyNode) });
    } else if (e.value && !isScalar(e.value)) {
      out.push(...yamlEnvAnywhere(y, e.value, depth + 1));
    }
  }
  return out;
}

/** Line scan for YAML that does not parse (Helm templates): `name: DJANGO_SETTINGS_MODULE` + `value:`, or `DJANGO_SETTINGS_MODULE: x`. */
function envByLines(text: string): Array<Found & { line: number }> {
  const out: Array<Found & { line: number }> = [];
  const lines = text.split('\n');
  const unquote = (s: string) => s.trim().replace(/\s+#.*$/, '').replace(/^(['"])(.*)\1$/, '$2');
  for (let i = 0; i < lines.length; i++) {
    const named = /^(\s*)-?\s*name:\s*["']?(DJANGO_SETTINGS_MODULE|DJANGO_CONFIGURATION)["']?\s*$/.exec(lines[i]);
    const keyed = /^\s*["']?(DJANGO_SETTINGS_MODULE|DJANGO_CONFIGURATION)["']?\s*:\s*(\S.*)$/.exec(lines[i]);
    if (keyed) out.push({ key: keyed[1] as typeof DSM, value: unquote(keyed[2]), start: 0, raw: '', line: i + 1 });
    if (!named) continue;
    for (let j = i + 1; j < lines.length && j <= i + 4; j++) {
      if (/^\s*-\s/.test(lines[j])) break;
      const v = /^\s*value:\s*(.*)$/.exec(lines[j]);
      if (v) {
        out.push({ key: named[2] as typeof DSM, value: unquote(v[1]), start: 0, raw: '', line: i + 1 });
        break;
      }
    }
  }
  return out;
}

