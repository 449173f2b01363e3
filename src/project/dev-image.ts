/**
 * Development images: a Dockerfile whose container starts Django's development server and nothing else, built
 * in the repository only by compose services that mount the project folder over it — the live-reload setup.
 * The Django Girls site's Dockerfile copies `rootfs/` to `/` and starts `/entrypoint.sh`, which ends in
 * `runserver`; its docker-compose.yml mounts `.` over the image; production runs on PythonAnywhere. Such an
 * image says nothing about where production runs (launch.W070) and is not production's server (launch.E050).
 */
import { isMap, isScalar, type Document, type Node as YamlNode } from 'yaml';
import { baseName, dirName } from './files';
import { bindMountsProject, commandText, composeServices, dockerInstructions, isComposeFile, runsOnlyDevServer, yamlCommand } from './deploy-commands';
import type { SourceFile } from './workspace';

/** Normalise `a/./b/../c` to `a/c` (relative, forward slashes). */
export function normPath(p: string): string {
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return out.join('/');
}

/** The Dockerfile a compose service builds (`build: .` or `build: {context, dockerfile}`), relative to the scan root. */
export function builtDockerfile(svc: YamlNode, composeRel: string): string | undefined {
  if (!isMap(svc)) return undefined;
  const build = svc.get('build', true) as unknown;
  let context: string | undefined;
  let dockerfile = 'Dockerfile';
  if (isScalar(build)) context = String(build.value);
  else if (isMap(build)) {
    const c = build.get('context', true);
    const d = build.get('dockerfile', true);
    context = isScalar(c) ? String(c.value) : '.';
    if (isScalar(d)) dockerfile = String(d.value);
  }
  if (context === undefined || /^[a-z]+:\/\//i.test(context)) return undefined;
  const dir = dirName(composeRel);
  return normPath(`${dir}/${context}/${dockerfile}`);
}

/**
 * What the image starts: its last ENTRYPOINT and CMD, and the script of the repository that command runs when
 * the Dockerfile copies it in (`COPY rootfs /` + `ENTRYPOINT ["/entrypoint.sh"]`, `COPY docker/start.sh /start.sh`).
 */
export function imageStart(all: readonly SourceFile[], dockerfile: SourceFile): { text: string; script?: SourceFile } | undefined {
  const ins = dockerInstructions(dockerfile.text);
  const last = (k: string) => [...ins].reverse().find((i) => i.keyword === k);
  const entry = last('ENTRYPOINT');
  const cmd = last('CMD');
  if (!entry && !cmd) return undefined;
  const text = `${entry ? commandText(entry.args) : ''} ${cmd ? commandText(cmd.args) : ''}`.trim();
  const dir = dirName(dockerfile.rel);
  const scripts: SourceFile[] = [];
  for (const path of text.split(/\s+/).filter((t) => t.startsWith('/') && t.length > 1)) {
    const script = copiedScript(all, ins, dir, path);
    if (script && !scripts.includes(script)) scripts.push(script);
  }
  // An entrypoint that ends in `exec "$@"` hands over to the CMD's script (openstax-cms's docker/entrypoint, then
  // docker/start, which runs runserver): the script that starts the dev server is the one the image starts.
  const script = scripts.find((f) => runsOnlyDevServer(codeOf(f))) ?? scripts[0];
  return script ? { text, script } : { text };
}

/** The repository file the Dockerfile copies to the image path `path` (a file, or inside a copied folder). */
function copiedScript(all: readonly SourceFile[], ins: ReturnType<typeof dockerInstructions>, dir: string, path: string): SourceFile | undefined {
  for (const copy of ins.filter((i) => (i.keyword === 'COPY' || i.keyword === 'ADD') && !/--from=/.test(i.args))) {
    const parts = copyParts(copy.args);
    if (parts.length < 2) continue;
    const dest = parts[parts.length - 1].replace(/\/+$/, '');
    for (const src of parts.slice(0, -1)) {
      const from = normPath(`${dir}/${src}`);
      const rel = path === dest ? from : path.startsWith(`${dest}/`) ? normPath(`${from}/${path.slice(dest.length + 1)}`) : undefined;
      const script = rel !== undefined ? all.find((f) => f.rel === rel) : undefined;
      if (script) return script;
    }
  }
  return undefined;
}

/** A script's code without its comment lines. */
function codeOf(f: SourceFile): string {
  return f.text.split('\n').filter((l) => !l.trim().startsWith('#')).join('\n');
}

/** `COPY [--chown=x] a b dest` or the JSON form: sources then destination. */
function copyParts(args: string): string[] {
  const t = args.trim();
  if (t.startsWith('[')) {
    try {
      const v: unknown = JSON.parse(t);
      return Array.isArray(v) ? v.map(String) : [];
    } catch {
      return [];
    }
  }
  return t.split(/\s+/).filter((p) => !p.startsWith('--'));
}

/** Does the image start the development server and no real one (its command, or the script it runs)? */
function startsOnlyDevServer(start: { text: string; script?: SourceFile }): boolean {
  if (runsOnlyDevServer(start.text)) return true;
  return !!start.script && runsOnlyDevServer(codeOf(start.script));
}

/** The compose services of the repository that build this Dockerfile. */
function builders(all: readonly SourceFile[], dockerfile: SourceFile): Array<{ label: string; node: YamlNode; doc: Document }> {
  const out: Array<{ label: string; node: YamlNode; doc: Document }> = [];
  for (const f of all) {
    if (!isComposeFile(baseName(f.rel))) continue;
    for (const svc of composeServices(f)) {
      if (builtDockerfile(svc.node as YamlNode, f.rel) === dockerfile.rel) out.push({ label: `${f.rel}'s \`${svc.name}\``, node: svc.node as YamlNode, doc: svc.doc });
    }
  }
  return out;
}

/**
 * Is this Dockerfile a development image? It starts only the development server, and either starts its own
 * database server in the container first (ownDatabase), or at least one compose service builds it and every one
 * mounts the project folder over it without a command of its own that is not the development server. Returns why
 * (for a message), or undefined.
 */
export function devImage(all: readonly SourceFile[], dockerfile: SourceFile): DevImage | undefined {
  // asked per Dockerfile, per compose service and per start script, by launch.E050 and launch.W070: worked out once
  // (`all` is always the workspace's deploy files, which hold `dockerfile`)
  if (!judged.has(dockerfile)) judged.set(dockerfile, judge(all, dockerfile) ?? null);
  return judged.get(dockerfile) ?? undefined;
}

/** The development image — among the files `isDockerfile` takes — whose start command runs this script, or undefined. */
export function devImageStarting(all: readonly SourceFile[], script: SourceFile, isDockerfile: (f: SourceFile) => boolean): { dockerfile: SourceFile; image: DevImage } | undefined {
  for (const d of all) {
    const image = isDockerfile(d) ? devImage(all, d) : undefined;
    if (image?.script === script) return { dockerfile: d, image };
  }
  return undefined;
}

export interface DevImage {
  /** why it is one, for a message: who builds it over a bind mount, or the database it starts beside runserver */
  why: string;
  /** the repository's script its command runs, when it runs one */
  script?: SourceFile;
}

const judged = new WeakMap<SourceFile, DevImage | null>();

/**
 * A database server started inside the container by the command that starts runserver (`service postgresql
 * start; …; python manage.py runserver`): an all-in-one developer box — Karrot's Dockerfile installs PostgreSQL
 * and Redis, writes local settings from the example file and seeds sample data. Production does not start its
 * database in the app's container before the development server.
 */
const OWN_DATABASE = /\bservice\s+(postgresql|mysql|mariadb|mongodb|redis-server)\s+start\b|\/etc\/init\.d\/(postgresql|mysql|mariadb)\s+start\b|\b(pg_ctl|pg_ctlcluster)\b[^\n;&|]*\bstart\b/;

function ownDatabase(start: { text: string; script?: SourceFile }): string | undefined {
  const m = OWN_DATABASE.exec(start.text) ?? (start.script ? OWN_DATABASE.exec(codeOf(start.script)) : null);
  if (!m) return undefined;
  const what = m[1] ?? m[2] ?? 'postgresql';
  return /^pg_ctl/.test(what) ? 'postgresql' : what;
}

function judge(all: readonly SourceFile[], dockerfile: SourceFile): DevImage | undefined {
  const start = imageStart(all, dockerfile);
  if (!start || !startsOnlyDevServer(start)) return undefined;
  const db = ownDatabase(start);
  if (db) {
    return {
      why: `its start command starts its own database server (${db}) in the container before runserver, an all-in-one developer box`,
      ...(start.script ? { script: start.script } : {}),
    };
  }
  const by = builders(all, dockerfile);
  if (by.length === 0) return undefined;
  const dev = by.every(({ node, doc }) => {
    if (!isMap(node) || !bindMountsProject(node, doc)) return false;
    const own = `${yamlCommand(node.get('entrypoint', true), doc)?.text ?? ''} ${yamlCommand(node.get('command', true), doc)?.text ?? ''}`.trim();
    return own === '' || runsOnlyDevServer(own);
  });
  const who = by.map((b) => b.label).join(', ');
  return dev
    ? { why: `the only thing in the repository that builds it is ${who}, which mounts the project folder over it (the live-reload setup runserver is for)`, ...(start.script ? { script: start.script } : {}) }
    : undefined;
}
