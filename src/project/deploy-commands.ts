/**
 * The commands a project's deploy files run: Procfile processes, Dockerfile CMD/ENTRYPOINT, compose
 * `command`/`entrypoint`, systemd `ExecStart`, supervisord `command=`, shell scripts, and `command`/`args`
 * in Kubernetes/Helm manifests. Each with file and line, for the rules that ask "what serves production"
 * (runserver, the app server's interface). Part of the project model (see model.ts).
 *
 * Only files that can run in production are read: dev-named files and files in dev/docs/test folders are
 * left out (a `docker-compose.override.yml`, `Dockerfile.dev` or `.devcontainer/` says nothing about
 * production).
 */
import { isAlias, isMap, isScalar, isSeq, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import type { ScanContext, ScannedProject } from './scan';
import type { SourceFile, Workspace } from './workspace';
import { posix } from 'node:path';
import { baseName, countsFor, inDevFolder, isDevName, perProject } from './files';

// ---------------------------------------------------------------------------------------------
// Dockerfiles

export interface DockerInstruction {
  keyword: string;
  args: string;
  /** physical line numbers (1-based) and texts of the instruction */
  lines: Array<{ line: number; text: string }>;
}

/** The instructions of a Dockerfile, line continuations joined (comments and blank lines inside them dropped). */
export function dockerInstructions(text: string): DockerInstruction[] {
  const out: DockerInstruction[] = [];
  const lines = text.split('\n');
  let cur: DockerInstruction | undefined;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i].replace(/\r$/, '');
    const trimmed = raw.trim();
    if (!cur) {
      if (trimmed === '' || trimmed.startsWith('#')) continue;
      const m = /^(\w+)\s*(.*)$/.exec(trimmed);
      if (!m) continue;
      cur = { keyword: m[1].toUpperCase(), args: '', lines: [] };
      const rest = m[2];
      cur.lines.push({ line: i + 1, text: raw });
      if (rest.endsWith('\\')) {
        cur.args = rest.slice(0, -1) + ' ';
        continue;
      }
      cur.args = rest;
      out.push(cur);
      cur = undefined;
    } else {
      if (trimmed.startsWith('#') || trimmed === '') continue; // comments and blank lines inside a continuation are dropped
      cur.lines.push({ line: i + 1, text: raw });
      if (trimmed.endsWith('\\')) {
        cur.args += trimmed.slice(0, -1) + ' ';
        continue;
      }
      cur.args += trimmed;
      out.push(cur);
      cur = undefined;
    }
  }
  if (cur) out.push(cur);
  return out;
}

/**
 * A compose service that bind-mounts the project folder over the image (`- .:/app`, `- ./src:/code`, or the long
 * form with `type: bind`): the live-reload development pattern runserver's autoreloader exists for. Aliases are
 * followed when the service's document is given.
 */
export function bindMountsProject(svc: unknown, doc?: Document): boolean {
  const at = (n: unknown) => (doc && isAlias(n) ? n.resolve(doc) : n);
  const service = at(svc);
  if (!isMap(service)) return false;
  const volumes = at(service.get('volumes', true));
  if (!isSeq(volumes)) return false;
  return volumes.items.some((item) => {
    const v = at(item);
    if (isScalar(v)) return /^\.\.?(\/[\w.-]*)*\/?:/.test(String(v.value));
    return isMap(v) && v.get('type') === 'bind' && /^\.\.?(\/|$)/.test(String(v.get('source') ?? ''));
  });
}

/**
 * bindMountsProject for a service that mounts nothing itself but `extends:` one that does (cabot's `web` extends
 * `base` of docker-compose-base.yml, which mounts `.:/code`): compose merges the base's volumes into it. One level,
 * the base in the same file or the file `extends.file` names beside this one.
 */
export function inheritsProjectMount(ws: Workspace, file: SourceFile, svc: unknown, doc: Document): boolean {
  const service = isAlias(svc) ? svc.resolve(doc) : svc;
  if (!isMap(service)) return false;
  const ext = service.get('extends', true);
  let name = isScalar(ext) ? String(ext.value) : '';
  let other: string | undefined;
  if (isMap(ext)) {
    name = String(ext.get('service') ?? '');
    const f = ext.get('file');
    other = f === undefined || f === null ? undefined : String(f);
  }
  if (!name) return false;
  const baseFile = other ? ws.get(posix.normalize(posix.join(posix.dirname(file.rel), other))) : file;
  const base = baseFile ? composeServices(baseFile).find((s) => s.name === name) : undefined;
  return !!base && bindMountsProject(base.node, base.doc);
}

/**
 * A compose service that says it is the development setup though neither its file nor its name does: it runs
 * `runserver` (and no real app server) over a bind mount of the project folder — the live-reload pattern — or
 * starts through a dev-named script (`docker-entrypoint.dev.sh`), or tells a script to run its development setup
 * (`script/server --development`) over such a bind mount. djangoproject.com's docker-compose.yml is its
 * local setup, and its settings module was judged as production.
 */
export function runsDevSetup(svc: unknown, doc: Document): boolean {
  const service = isAlias(svc) ? svc.resolve(doc) : svc;
  if (!isMap(service)) return false;
  const run = `${yamlCommand(service.get('entrypoint', true), doc)?.text ?? ''} ${yamlCommand(service.get('command', true), doc)?.text ?? ''}`;
  if (/(^|[\s/])[\w.-]*\b(dev|devel|development|local)\b[\w.-]*\.sh\b/i.test(run)) return true;
  // a script told to run its development setup, over a bind mount of the project (mySociety's Local
  // Intelligence Hub: `script/server --development`, which migrates and starts runserver)
  if (/(^|\s)--(dev|devel|development)(\s|$)/.test(run) && bindMountsProject(service, doc)) return true;
  return runsOnlyDevServer(run) && bindMountsProject(service, doc);
}

/** A word that starts a real Python app server in a command. */
export const APP_SERVER_WORD = /\b(gunicorn|uvicorn|uwsgi|daphne|hypercorn|granian|waitress-serve)\b/;

/** A command that starts Django's development server (runserver, runserver_plus) and no real app server. */
export function runsOnlyDevServer(command: string): boolean {
  return /\brunserver(_plus)?\b/.test(command) && !APP_SERVER_WORD.test(command);
}

/**
 * A Procfile for honcho or foreman on a developer's machine, not a platform's: one of its processes starts
 * containers, a database or broker server (`db: docker-compose up db`, `postgres -D …`, `redis-server`, SQUAD's
 * `broker: ./scripts/rabbitmq-server`) or a local mail catcher (`mailhog`), or its web
 * process connects to a database on localhost (`DATABASE_URL=postgis://…@localhost:5405/…`) — openstates.org's,
 * whose production runs uWSGI. A platform runs neither.
 */
export function localProcfile(text: string): boolean {
  const processes = text.split('\n').map((l) => /^\s*([\w-]+)\s*:(.*)$/.exec(l)).filter((m): m is RegExpExecArray => !!m);
  if (processes.some(([, , cmd]) => /^\s*(\w+=\S*\s+)*(\S*\/)?(docker(-compose)?|podman(-compose)?|postgres|pg_ctl|mysqld|mysqld_safe|redis-server|memcached|mongod|rabbitmq-server|mailhog|mailpit|minio)\b/.test(cmd))) return true;
  const web = processes.find(([, name]) => name === 'web')?.[2] ?? '';
  return /^\s*(\w+=\S*\s+)*\w*(DATABASE|DB)\w*=\S*@(localhost|127\.0\.0\.1)[:/]/.test(web);
}

/**
 * A deploy file whose leading comment says it is for development only ("intended solely for local development",
 * "only meant for local development", "not for production"): what it runs, or the environment it gives, is not
 * production's (openciviwiki's committed `.env`: "only for local development. Do not use them in production.").
 */
const DEV_DECLARED =
  /\b(local\s+development|(for|of)\s+development\b|development\s+(only|purposes|use|environment|setup|server)\b|dev(elopment)?[- ]only\b|not\s+(be\s+)?(meant|intended|suitable|used|made|designed|ready|for)\s+(for\s+|in\s+)?production|(do\s+)?not\s+use\s+(it\s+|this\s+)?(in|for)\s+production)/i;

export function declaredForDevelopment(file: SourceFile): boolean {
  const header: string[] = [];
  for (const line of file.text.split('\n')) {
    const t = line.trim();
    if (t === '' || t === '---') continue;
    if (!t.startsWith('#')) break;
    header.push(t.replace(/^#+\s*/, ''));
  }
  const text = header.join(' ');
  // "not intended for production use without first customizing it" (DefectDojo's docker-compose.yml, a supported
  // way to deploy it) is a file production runs once adapted, not a development one
  return DEV_DECLARED.test(text) && !/\bproduction(\s+use)?\s+(without|unless|until)\b/i.test(text);
}

/** CMD/ENTRYPOINT argument text: exec form joined with spaces, shell form as written. */
export function commandText(args: string): string {
  const t = args.trim();
  if (t.startsWith('[')) {
    try {
      const arr = JSON.parse(t) as unknown;
      if (Array.isArray(arr)) return arr.map(String).join(' ');
    } catch {
      // not valid JSON: Docker runs it in shell form
    }
  }
  return t;
}

// ---------------------------------------------------------------------------------------------
// Compose

/** A compose `command`/`entrypoint` value as one string (a list joined with spaces) and its source range. */
export function yamlCommand(node: unknown, doc: Document): { text: string; range?: [number, number] } | undefined {
  let n = node as YamlNode | null | undefined;
  if (n && isAlias(n)) n = n.resolve(doc) as YamlNode | undefined;
  if (!n) return undefined;
  if (isScalar(n)) return { text: String(n.value ?? ''), range: n.range ? [n.range[0], n.range[1]] : undefined };
  if (isSeq(n)) {
    const parts = n.items.map((it) => (isScalar(it) ? String(it.value ?? '') : ''));
    return { text: parts.join(' '), range: n.range ? [n.range[0], n.range[1]] : undefined };
  }
  return undefined;
}

export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** docker-compose.yml, compose.yaml, docker-compose.prod.yml, docker-compose.override.yml… */
export function isComposeFile(name: string): boolean {
  return /^(?:docker-)?compose(?:[.-][\w.-]+)?\.ya?ml$/i.test(name);
}

export interface ComposeService {
  name: string;
  /** The service map (aliases resolved). */
  node: YamlNode;
  doc: Document;
  /** Listed only under a dev/test/debug profile, or named like one. */
  devOnly: boolean;
}

/** The services of a compose file; [] when it does not parse. */
export function composeServices(file: SourceFile): ComposeService[] {
  let doc: Document;
  try {
    doc = parseDocument(file.text, { uniqueKeys: false });
  } catch {
    return [];
  }
  const services = doc.get('services', true);
  if (!isMap(services)) return [];
  const out: ComposeService[] = [];
  for (const pair of services.items) {
    const name = isScalar(pair.key) ? String(pair.key.value) : '';
    let svc = pair.value as YamlNode | null;
    if (svc && isAlias(svc)) svc = svc.resolve(doc) as YamlNode | null;
    if (!svc || !isMap(svc)) continue;
    const profiles = svc.get('profiles', true);
    const devProfile = isSeq(profiles) && profiles.items.some((p) => isScalar(p) && isDevName(String(p.value)));
    out.push({ name, node: svc, doc, devOnly: devProfile || isDevName(name) });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Commands

export type CommandSource = 'procfile' | 'dockerfile' | 'compose' | 'systemd' | 'supervisor' | 'script' | 'manifest';

export interface DeployCommand {
  file: SourceFile;
  /** 1-based line where the command starts (for a multi-line command: its first line). */
  line: number;
  /** The command as one line of text. */
  text: string;
  source: CommandSource;
}

/** Is a deploy file one that can run in production for this project (not dev-named, not in a dev folder)? */
export function productionDeployFile(ctx: ScanContext, project: ScannedProject | undefined, file: SourceFile): boolean {
  if (project && !countsFor(ctx, project, file.rel)) return false;
  if (inDevFolder(file.rel, ctx)) return false;
  const name = baseName(file.rel);
  return !isDevName(name.replace(/\.(ya?ml|sh|service|conf|ini|txt|in|toml)$/i, ''));
}

function isDockerfileName(lower: string): boolean {
  return lower === 'dockerfile' || lower.startsWith('dockerfile.') || lower.startsWith('dockerfile-') || lower.endsWith('.dockerfile') || lower === 'containerfile' || lower.startsWith('containerfile.');
}

/**
 * Lines of a shell-like file that are commands: comments, here-documents and the inside of multi-line quoted
 * strings (usage text) left out; continuation lines (`\\`) joined onto the first.
 */
function logicalLines(text: string, shell: boolean): Array<{ line: number; text: string }> {
  const comment = /^\s*[#;]/;
  const out: Array<{ line: number; text: string }> = [];
  const lines = text.split('\n');
  let heredoc: string | undefined;
  let quote: string | undefined; // the quote a multi-line string is still open with
  for (let i = 0; i < lines.length; i++) {
    if (heredoc !== undefined) {
      if (lines[i].replace(/\r$/, '').trim() === heredoc) heredoc = undefined;
      continue;
    }
    const startsQuoted = quote !== undefined;
    if (shell) quote = openQuoteAfter(lines[i], quote);
    if (startsQuoted || comment.test(lines[i])) continue;
    const doc = /<<-?\s*(["']?)(\w+)\1/.exec(lines[i]);
    if (doc && shell) heredoc = doc[2]; // usage text, generated files: not commands
    let t = lines[i].replace(/\r$/, '');
    const start = i;
    while (/\\\s*$/.test(t) && i + 1 < lines.length) {
      t = t.replace(/\\\s*$/, ' ') + lines[++i].replace(/\r$/, '');
      if (shell) quote = openQuoteAfter(lines[i], quote);
    }
    if (t.trim()) out.push({ line: start + 1, text: t });
  }
  return out;
}

/** The quote still open at the end of a shell line (given the one open at its start), comments skipped. */
function openQuoteAfter(line: string, open: string | undefined): string | undefined {
  let q = open;
  for (let k = 0; k < line.length; k++) {
    const c = line[k];
    if (q === "'") {
      if (c === "'") q = undefined;
    } else if (c === '\\') k++;
    else if (q === '"') {
      if (c === '"') q = undefined;
    } else if (c === '"' || c === "'") q = c;
    else if (c === '#' && (k === 0 || /\s/.test(line[k - 1]))) break;
  }
  return q;
}

/** supervisord `command=` with its indented continuation lines. */
function supervisorCommands(file: SourceFile): DeployCommand[] {
  const out: DeployCommand[] = [];
  const lines = file.text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^\s*command\s*=(.*)$/.exec(lines[i]);
    if (!m) continue;
    const start = i;
    let text = m[1];
    while (i + 1 < lines.length && /^[ \t]+\S/.test(lines[i + 1]) && !/^\s*[;#]/.test(lines[i + 1])) text += ' ' + lines[++i].trim();
    out.push({ file, line: start + 1, text: text.replace(/\\\s*/g, ' ').trim(), source: 'supervisor' });
  }
  return out;
}

function composeCommands(file: SourceFile): DeployCommand[] {
  const out: DeployCommand[] = [];
  for (const svc of composeServices(file)) {
    if (svc.devOnly || !isMap(svc.node)) continue;
    const parts = [yamlCommand(svc.node.get('entrypoint', true), svc.doc), yamlCommand(svc.node.get('command', true), svc.doc)].filter((c): c is NonNullable<typeof c> => !!c);
    if (parts.length === 0) continue;
    const first = parts.find((p) => p.range) ?? parts[0];
    out.push({ file, line: first.range ? lineAt(file.text, first.range[0]) : 1, text: parts.map((p) => p.text).join(' '), source: 'compose' });
  }
  return out;
}

/** `command:`/`args:` of Kubernetes/Helm manifests (templates included, so read line by line, not as YAML). */
function manifestCommands(file: SourceFile): DeployCommand[] {
  const out: DeployCommand[] = [];
  const lines = file.text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^(\s*)(-\s*)?(command|args)\s*:\s*(.*)$/.exec(lines[i]);
    if (!m) continue;
    const indent = m[1].length + (m[2]?.length ?? 0);
    let text = m[4];
    let j = i;
    // a block list or folded scalar below the key
    while (j + 1 < lines.length && (lines[j + 1].trim() === '' || lines[j + 1].search(/\S/) > indent || /^\s*-\s/.test(lines[j + 1]) && lines[j + 1].search(/\S/) >= indent && !/^\s*-\s*\w+\s*:/.test(lines[j + 1]))) {
      j++;
      text += ' ' + lines[j].trim().replace(/^-\s*/, '');
    }
    out.push({ file, line: i + 1, text: text.replace(/["'\[\],]/g, ' ').replace(/\s+/g, ' ').trim(), source: 'manifest' });
    i = j;
  }
  return out;
}

const cache = new WeakMap<ScanContext, Map<string, DeployCommand[]>>();

/**
 * Every command the production deploy files of a project run (or of the whole scan, without a project).
 * Procfile lines, Dockerfile CMD/ENTRYPOINT (every stage), compose command/entrypoint of services that are
 * not dev-only, systemd ExecStart, supervisord command=, shell script lines, manifest command/args.
 */
export function deployCommands(ctx: ScanContext, project?: ScannedProject): DeployCommand[] {
  return perProject(cache, ctx, project, () => readCommands(ctx, project));
}

function readCommands(ctx: ScanContext, project: ScannedProject | undefined): DeployCommand[] {
  const out: DeployCommand[] = [];
  for (const f of ctx.workspace.deployFiles()) {
    if (!productionDeployFile(ctx, project, f)) continue;
    const name = baseName(f.rel);
    const lower = name.toLowerCase();
    if (lower === 'procfile' || lower.startsWith('procfile.')) {
      f.text.split('\n').forEach((raw, i) => {
        const m = /^\s*[\w-]+\s*:(.*)$/.exec(raw);
        if (m) out.push({ file: f, line: i + 1, text: m[1].trim(), source: 'procfile' });
      });
    } else if (isDockerfileName(lower)) {
      for (const ins of dockerInstructions(f.text)) {
        if (ins.keyword === 'CMD' || ins.keyword === 'ENTRYPOINT') out.push({ file: f, line: ins.lines[0].line, text: commandText(ins.args), source: 'dockerfile' });
      }
    } else if (isComposeFile(lower)) {
      out.push(...composeCommands(f));
    } else if (lower.endsWith('.service')) {
      for (const l of logicalLines(f.text, false)) {
        const m = /^\s*ExecStart(?:Pre|Post)?\s*=\s*(.*)$/.exec(l.text);
        if (m && /^\s*ExecStart\s*=/.test(l.text)) out.push({ file: f, line: l.line, text: m[1].trim(), source: 'systemd' });
      }
    } else if (lower.endsWith('.conf') && /^\s*\[(program|fcgi-program):/m.test(f.text)) {
      out.push(...supervisorCommands(f));
    } else if (lower.endsWith('.sh') || lower === 'entrypoint') {
      for (const l of logicalLines(f.text, true)) out.push({ file: f, line: l.line, text: l.text.trim(), source: 'script' });
    } else if (/\.ya?ml$/.test(lower)) {
      out.push(...manifestCommands(f));
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// App servers in commands

export type ServerInterface = 'asgi' | 'wsgi';

/** Python app servers, by the executable/module name that starts them. */
export const APP_SERVERS: Record<string, ServerInterface> = {
  uvicorn: 'asgi',
  daphne: 'asgi',
  hypercorn: 'asgi',
  granian: 'asgi',
  gunicorn: 'wsgi',
  uwsgi: 'wsgi',
  'waitress-serve': 'wsgi',
  'mod_wsgi-express': 'wsgi',
};

const SERVER_NAME = /^(uvicorn|daphne|hypercorn|granian|gunicorn|uwsgi|waitress-serve|mod_wsgi-express)$/;
/** Lines that install, look up or stop a server rather than start it. */
const NOT_A_START = /\b(pip3?|uv\s+pip|poetry|pipenv|apt-get|apt|apk|yum|dnf|brew|conda)\s+(install|add|download)\b|--version\b|\bwhich\s|\bcommand\s+-v\b|\b(pkill|killall|kill)\b/;
/** Words that run the command after them: `exec gunicorn`, `nohup`, `ddtrace-run`, `poetry run`, `gosu app`, `python -m`. */
const PREFIX_WORDS = new Set(['exec', 'nohup', 'nice', 'time', 'env', 'sudo', 'ddtrace-run', 'opentelemetry-instrument', 'run-program', 'newrelic-admin', 'sentry-cli']);
const RUNNERS = new Set(['poetry', 'uv', 'pipenv', 'pdm', 'hatch', 'rye']);
const USER_SWITCH = new Set(['gosu', 'su-exec', 'chpst', 'setuidgid', 's6-setuidgid']);
/** gunicorn's ASGI worker classes (uvicorn's, or the uvicorn-worker package's). */
export const UVICORN_WORKER = /\b(uvicorn(_worker)?\.workers?\.)?Uvicorn(H11)?Worker\b/;

/**
 * The simple commands of a command line: split on `;`, `&&`, `||`, `|`, `(`, `$(`, backticks and shell
 * keywords, quotes dropped (so `sh -c "migrate && gunicorn …"` yields `gunicorn …`).
 */
function simpleCommands(text: string): string[][] {
  return text
    .replace(/%\([^)]*\)[sd]/g, 'X') // supervisord %(ENV_HOME)s interpolation
    .replace(/(^|\s)[A-Za-z_]\w*=("[^"]*"|'[^']*'|\S*)/g, '$1') // VAR=value assignments, quoted values included
    .replace(/^\s*[\w.*|"'-]+\)(\s|$)/, ' ') // a case arm's pattern: `gunicorn)`
    .replace(/["'`]/g, ' ')
    .split(/;|&&|\|\||\||\$\(|\(|\)|\b(?:then|do|else)\b/)
    .map((seg) => seg.trim().split(/\s+/).filter(Boolean))
    .filter((w) => w.length > 0);
}

/** The server a simple command starts (its first word after prefixes, env assignments and paths), with its arguments. */
function serverOf(words: string[]): { server: string; args: string[] } | undefined {
  let i = 0;
  while (i < words.length) {
    const w = words[i];
    const base = w.replace(/^.*\//, '');
    if (/^[A-Za-z_]\w*=/.test(w) || PREFIX_WORDS.has(base) || /^-/.test(w) && i > 0 && PREFIX_WORDS.has(words[i - 1].replace(/^.*\//, ''))) {
      i++;
      continue;
    }
    if (RUNNERS.has(base) && words[i + 1] === 'run') {
      i += 2;
      continue;
    }
    if (USER_SWITCH.has(base)) {
      i += 2;
      continue;
    }
    if (/^(sh|bash|dash|ash|zsh)$/.test(base) && /^-\w*c\w*$/.test(words[i + 1] ?? '')) {
      i += 2;
      continue;
    }
    if (/\.sh$/.test(base) && i + 1 < words.length) {
      i++; // a wrapper script that runs its arguments (`wait_for_deps.sh python3 -m uvicorn …`)
      continue;
    }
    if (/^python[\d.]*$/.test(base) && words[i + 1] === '-m' && words[i + 2]) {
      const mod = words[i + 2];
      return SERVER_NAME.test(mod) ? { server: mod, args: words.slice(i + 3) } : undefined;
    }
    if (SERVER_NAME.test(base)) return { server: base, args: words.slice(i + 1) };
    // a shell function or wrapper we do not know (`exec_or_wrap_n_exec uwsgi --ini …`): a server right after it
    // counts only when what follows looks like server arguments (a flag or an app path)
    const next = words[i + 1]?.replace(/^.*\//, '');
    const after = words[i + 2];
    if (next && SERVER_NAME.test(next) && after !== undefined && (/^-/.test(after) || /^[\w.]+(:\w+)?$/.test(after) && /[.:]/.test(after))) {
      return { server: next, args: words.slice(i + 2) };
    }
    return undefined;
  }
  return undefined;
}

export interface ServerStart {
  server: string;
  interface: ServerInterface;
  command: DeployCommand;
  /** gunicorn's `-k`/`--worker-class` value as written (`gthread`, `app.gunicorn.Worker`). */
  workerClass?: string;
  /** gunicorn is given a `*.asgi` module (`config.asgi`, `config.asgi:application`) to serve. */
  asgiApp?: boolean;
}

/** gunicorn's worker class on its command line: `-k X`, `--worker-class X`, `--worker-class=X`. */
const WORKER_CLASS_FLAG = /(?:^|\s)(?:-k|--worker-class)(?:\s+|=)([\w.:#-]+)/;
/** A `*.asgi` module as gunicorn's app argument (a positional word, not a flag's value). */
const ASGI_APP = /(?:^|\s)[A-Za-z_][\w.]*\.asgi(?::\w+(?:\(\))?)?(?=\s|$)/;

/** The app server a command starts, with its interface: gunicorn `-k uvicorn.workers.UvicornWorker` and granian `--interface asgi` are ASGI. */
export function serverStartedBy(command: DeployCommand): ServerStart | undefined {
  const found = serverOnLine(command.text);
  if (!found) return undefined;
  const { server, args } = found;
  const rest = args.join(' ');
  let kind = APP_SERVERS[server];
  if (server === 'gunicorn' && /(?:^|\s)(?:-k|--worker-class)(?:\s+|=)[\w.]*Uvicorn/.test(rest)) kind = 'asgi';
  if (server === 'granian') kind = /--interface(?:\s+|=)wsgi\b/.test(rest) || !/--interface/.test(rest) && /\.wsgi(:|\s|$)/.test(rest) ? 'wsgi' : 'asgi';
  if (server === 'gunicorn') return { server, interface: kind, command, workerClass: WORKER_CLASS_FLAG.exec(rest)?.[1], asgiApp: ASGI_APP.test(rest) };
  return { server, interface: kind, command };
}

/**
 * The app server a command line starts and its arguments — the first simple command that starts one, past
 * prefixes (`exec`, `python -m`, `poetry run`…); none for an install, a version check, a kill, or `--reload` (the
 * development autoreloader). Text only: also what production.ts reads before any ScanContext exists.
 */
export function serverOnLine(line: string): { server: string; args: string[] } | undefined {
  const text = line.replace(/(^|\s)#.*$/, '');
  if (NOT_A_START.test(text) || /\s--reload\b/.test(text)) return undefined;
  for (const words of simpleCommands(text)) {
    const found = serverOf(words);
    if (found) return found;
  }
  return undefined;
}
