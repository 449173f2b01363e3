import type { Location } from '../finding';
import { eachOfType, stringValue, type SyntaxNode } from '../project/python';
import { CALL, walkMatching } from '../project/syntax';
import type { SourceFile } from '../project/workspace';
import type { Rule, RuleHit } from './rule';
import { PyIndex, baseName, countsFor, inDevFolder, inFileBatch, isMigration, isModelsFile, isTestPath, loc } from '../project/model';
import { composeServices, dockerInstructions, productionDeployFile, runsDevSetup, runsOnlyDevServer, yamlCommand } from '../project/deploy-commands';
import { isMap, type Document, type Node as YamlNode } from 'yaml';
import { manifestKind, type EvidenceKind } from '../project/manifests';
import type { ScanContext, ScannedProject } from '../project/scan';
import { shortcuts } from '../project/shortcuts';
import { persistentDataMounts } from '../project/volumes';
import { builtDockerfile, devImage } from '../project/dev-image';
import { dictGet, label, mayBeSetDynamically, strOf, worldClause, type EvaluatedSettings, type World } from './settings-util';

const FILESYSTEM = /^django\.core\.files\.storage(\.filesystem)?\.FileSystemStorage$/;

/** File/image model fields, by qualified name. */
const FILE_FIELD =
  /^(django\.db\.models(\.fields\.files)?\.(FileField|ImageField)|django\.contrib\.gis\.db\.models\.(FileField|ImageField)|sorl\.thumbnail(\.fields)?\.ImageField|easy_thumbnails\.fields\.ThumbnailerImageField|versatileimagefield\.fields\.VersatileImageField|stdimage(\.models)?\.(StdImageField|JPEGField))$/;

/** Every class name FILE_FIELD ends with contains one of these. */
const FILE_FIELD_WORD = /FileField|ImageField|JPEGField/;

/**
 * What a line holding a call that qualifies to FILE_FIELD holds: one of FILE_FIELD_WORD, or a local name the
 * file's imports bind to such a class (qualify follows imports only: an alias is the one way the class name is
 * not written at the call).
 */
function fileFieldNames(idx: PyIndex, f: SourceFile): RegExp {
  const aliases = [...idx.imports(f)].filter(([local, b]) => b.name && FILE_FIELD_WORD.test(b.name) && !FILE_FIELD_WORD.test(local)).map(([local]) => local);
  // identifiers hold no regex syntax; no \b, which would miss a non-ASCII name
  return aliases.length ? new RegExp(`${FILE_FIELD_WORD.source}|${aliases.join('|')}`) : FILE_FIELD_WORD;
}

/**
 * Is the default storage the local filesystem in this world? true/false when known; undefined when
 * the backend comes from the environment, a call or anything the evaluator could not read.
 * Missing STORAGES and DEFAULT_FILE_STORAGE: Django's default FileSystemStorage.
 */
function localDefault(s: EvaluatedSettings, w: World): boolean | undefined {
  const storages = s.bindings.get('STORAGES');
  if (storages) {
    if (storages.conditional) return undefined;
    const v = storages[w];
    if (v.kind !== 'dict') return undefined;
    const dflt = dictGet(v, 'default');
    if (!dflt) return undefined; // STORAGES without "default": Django fails loudly, not our finding
    const backend = strOf(dictGet(dflt, 'BACKEND'));
    return backend === undefined ? undefined : FILESYSTEM.test(backend);
  }
  const dfs = s.bindings.get('DEFAULT_FILE_STORAGE');
  if (dfs) {
    if (dfs.conditional) return undefined;
    const backend = strOf(dfs[w]);
    return backend === undefined ? undefined : FILESYSTEM.test(backend);
  }
  // Neither is set where the scan can see: Django's default, unless code it cannot follow may set one (Akvo's
  // settings exec() their .conf files, one of which reads DEFAULT_FILE_STORAGE from the environment).
  return mayBeSetDynamically(s) ? undefined : true;
}

/** Deploy files that say production runs on a disk that is replaced or not shared: an image, compose, a PaaS. */
const REPLACEABLE_HOST = new Set<EvidenceKind>(['dockerfile', 'compose', 'procfile', 'app.json', 'heroku.yml', 'fly.toml', 'render.yaml', 'do-app', 'app.yaml']);
/** A Kubernetes workload (YAML the workspace reads from deploy folders can also be Traefik or Ansible). */
const KUBERNETES = /^kind:\s*(Deployment|StatefulSet|DaemonSet|Pod|Job|CronJob)\b/m;

/**
 * Does the repository show production running where the app's disk is replaced on deploy or not shared between
 * instances — a container image, compose, a PaaS manifest, Kubernetes? When it shows nothing of the kind (a
 * project installed on one server: systemd, its docs), local uploads may be fine there: the rule cannot decide.
 */
function replaceableHost(ctx: ScanContext, project: ScannedProject): boolean {
  return ctx.workspace.deployFiles().some((f) => {
    if (!productionDeployFile(ctx, project, f)) return false;
    const kind = manifestKind(f);
    // The development setup's files say nothing about production (djangoproject.com: a compose service running
    // runserver over a bind mount, an image with no command of its own, a Procfile for honcho running runserver).
    if (kind === 'compose') return composeServices(f).some((svc) => !svc.devOnly && !runsDevSetup(svc.node, svc.doc) && !buildsDevImage(ctx, svc.node as YamlNode, f) && runsTheApp(svc.node, svc.doc));
    // a development image (src/project/dev-image.ts: it starts runserver, and only bind-mounting compose services build it)
    if (kind === 'dockerfile') return ownCommand(f.text) && !devImage(ctx.workspace.deployFiles(), f);
    if (kind === 'procfile') return !devProcfile(ctx, f);
    return (kind !== undefined && REPLACEABLE_HOST.has(kind)) || (kind === 'kubernetes' && (KUBERNETES.test(f.text) || /^values([.-][\w.-]+)?\.ya?ml$/i.test(baseName(f.rel))));
  });
}

/**
 * Does the image start something of its own? A CMD, or an ENTRYPOINT other than a bare shell: EuroPython's
 * `ENTRYPOINT ["/bin/bash", "-c"]` with no CMD runs whatever command its (development) compose file passes.
 */
function ownCommand(dockerfile: string): boolean {
  const ins = dockerInstructions(dockerfile);
  if (ins.some((i) => i.keyword === 'CMD')) return true;
  return ins.some((i) => i.keyword === 'ENTRYPOINT' && !BARE_SHELL.test(i.args.trim()));
}

/** `["/bin/bash", "-c"]`, `["sh", "-lc"]`, `/bin/sh -c`: a shell given no command. */
const BARE_SHELL = /^(\[\s*"(\/usr)?(\/bin\/)?(ba|da)?sh"\s*(,\s*"-[a-z]+"\s*)*\]|(\/usr)?(\/bin\/)?(ba|da)?sh(\s+-[a-z]+)*)$/;

/** A compose service that builds a development image and runs its command (the Django Girls site's `app`). */
function buildsDevImage(ctx: ScanContext, svc: YamlNode, compose: SourceFile): boolean {
  const rel = builtDockerfile(svc, compose.rel);
  const dockerfile = rel !== undefined ? ctx.workspace.get(rel) : undefined;
  return !!dockerfile && !!devImage(ctx.workspace.deployFiles(), dockerfile);
}

/** Images of the services beside an app (databases, caches, proxies, mail catchers): a compose file of only these hosts no app. */
const STOCK_IMAGE = /^(?:[\w.-]+\/)*(postgres|postgis|mysql|mariadb|mongo|redis|valkey|memcached|nginx|traefik|caddy|haproxy|rabbitmq|elasticsearch|opensearch|minio|mailhog|mailpit|maildev|adminer|pgadmin4?|dpage\/pgadmin4|localstack|selenium\/[\w-]+|busybox|alpine)(?::|@|$)/i;

/** A compose service that runs the project: it builds an image, or runs Python or a server, or uses an image that is not a stock one. */
function runsTheApp(svc: YamlNode, doc: Document): boolean {
  if (!isMap(svc)) return false;
  if (svc.has('build')) return true;
  const run = `${yamlCommand(svc.get('entrypoint', true), doc)?.text ?? ''} ${yamlCommand(svc.get('command', true), doc)?.text ?? ''}`;
  if (/\b(python[\d.]*|manage\.py|gunicorn|uvicorn|uwsgi|daphne|hypercorn|granian|waitress-serve|celery)\b/.test(run)) return true;
  const image = svc.get('image');
  return typeof image === 'string' && !STOCK_IMAGE.test(image);
}

/**
 * A Procfile whose web process runs Django's development server — directly, or through a Makefile target of
 * the same folder (`web: make run`, `run:` → `python -m manage runserver`) — is the local setup honcho or
 * foreman starts, not a Heroku-style deployment. Makefiles are read by hand for one thing only: the recipe
 * lines of a named target (no library reads make's syntax, and nothing more of it is needed).
 */
function devProcfile(ctx: ScanContext, f: SourceFile): boolean {
  const web = /^web:\s*(.+)$/m.exec(f.text)?.[1].trim();
  if (!web) return false;
  const make = /^make\s+([\w.-]+)\s*$/.exec(web);
  const run = make ? makeRecipe(ctx, f.rel.includes('/') ? f.rel.slice(0, f.rel.lastIndexOf('/') + 1) : '', make[1]) : web;
  return run !== undefined && runsOnlyDevServer(run);
}

/** The recipe of a Makefile target (its tab-indented lines, joined), or undefined. */
function makeRecipe(ctx: ScanContext, dir: string, target: string): string | undefined {
  const makefile = ctx.workspace.get(`${dir}Makefile`) ?? ctx.workspace.get(`${dir}makefile`) ?? ctx.workspace.get(`${dir}GNUmakefile`);
  if (!makefile) return undefined;
  const lines = makefile.text.split('\n');
  const at = lines.findIndex((l) => new RegExp(`^${target.replace(/[.]/g, '\\.')}\\s*:(?!=)`).test(l));
  if (at < 0) return undefined;
  const recipe: string[] = [];
  for (const l of lines.slice(at + 1)) {
    if (!l.startsWith('\t')) break;
    recipe.push(l.trim());
  }
  return recipe.join('\n');
}

/** launch.W070: FileField/ImageField uploads land on the app server's disk (default FileSystemStorage) in production. */
export default {
  reads: 'models',
  batchWeight: (f) => (isModelsFile(f.rel) && FILE_FIELD_WORD.test(f.text) ? f.text.length : 0),
  meta: {
    id: 'launch.W070',
    name: 'uploads-on-local-disk',
    checklist: 'uploads',
    level: 'warning',
    title: "User uploads are stored on the app server's local disk",
    fix: 'Store uploads in object storage: STORAGES = {"default": {"BACKEND": "storages.backends.s3.S3Storage"}, ...} (django-storages), or give the field a storage= that is not local.',
    securitySeverity: 0,
    precision: 'high',
    tags: ['reliability'],
    settings: ['STORAGES', 'DEFAULT_FILE_STORAGE'],
  },
  check(ctx) {
    const idx = PyIndex.of(ctx);
    const hits: RuleHit[] = [];
    let fields = 0;
    let projects = 0;
    const seen = new Set<string>();
    let unknownHost: string | undefined;
    let unplaced: string | undefined;
    for (const project of ctx.projects) {
      const s = project.production;
      if (!s) continue;
      projects++;
      // the shipped deployment mounts persistent storage where the app keeps its files (a named volume, a host data
      // directory, a PersistentVolumeClaim): local-disk uploads there outlive the container, by design
      const mounts = persistentDataMounts(ctx, project);
      if (mounts.length > 0) {
        for (const f of ctx.workspace.pythonFiles()) if (isModelsFile(f.rel) && inFileBatch(ctx, f.rel) && countsFor(ctx, project, f.rel) && /FileField|ImageField/.test(f.text)) fields++;
        continue;
      }
      const worlds = (['unset', 'set'] as World[]).filter((w) => localDefault(s, w) === true);
      // every world must be known-local: an env-chosen backend may well be S3
      const local = worlds.length === 2;
      const settingName = s.bindings.has('STORAGES') ? 'STORAGES' : s.bindings.has('DEFAULT_FILE_STORAGE') ? 'DEFAULT_FILE_STORAGE' : undefined;
      const settingLoc: Location = settingName ? s.bindings.get(settingName)!.location : s.anchor;
      // No container, compose, PaaS or Kubernetes deployment in the repository: where production runs is not known
      // here, and on one server with a persistent, backed-up MEDIA_ROOT local uploads are fine — notes, not checked.
      const hostKnown = replaceableHost(ctx, project);
      const hostNote = hostKnown ? undefined : ` — a note: the repository shows no container image, compose file, PaaS manifest or Kubernetes deployment for production (development setups aside), so it cannot tell whether production keeps MEDIA_ROOT on one persistent, backed-up disk (fine) or replaces it on each deploy`;
      const before = hits.length;
      const how = settingName
        ? `${settingName} in ${label(s)} selects FileSystemStorage${worldClause(ctx, worlds, [s.bindings.get(settingName)])}`
        : `${label(s)} set neither STORAGES nor DEFAULT_FILE_STORAGE, so Django's default FileSystemStorage (MEDIA_ROOT on local disk) applies`;
      let code: SourceFile[] | undefined;
      for (const f of ctx.workspace.pythonFiles()) {
        if (!isModelsFile(f.rel) || !inFileBatch(ctx, f.rel) || !countsFor(ctx, project, f.rel) || isTestPath(f.rel) || isMigration(f.rel) || inDevFolder(f.rel, ctx)) continue;
        // A qualified name's last part is always written in the file (the call, or the import that binds it):
        // a file without any of FILE_FIELD's class names has none of its calls, and is not walked.
        if (shortcuts.on && !FILE_FIELD_WORD.test(f.text)) continue;
        // Only the calls on lines holding that name — or a name an import binds to one (`import FileField as
        // F`) — are looked at: the walk skips the rest of the file (models files are long).
        const calls = (visit: (n: SyntaxNode) => void) =>
          shortcuts.on
            ? walkMatching(ctx, f, fileFieldNames(idx, f), CALL, (n) => n.type === 'call' && visit(n))
            : eachOfType(ctx.workspace.tree(f).rootNode, 'call', visit);
        calls((n) => {
          const q = idx.qualify(f, n.childForFieldName('function'));
          if (!q || !FILE_FIELD.test(q)) {
            // a field named like one that the scan cannot place (a models module it does not know): never "no
            // FileField in the models" while one may be there
            const callee = n.childForFieldName('function')?.text ?? '';
            if (/(^|\.)(FileField|ImageField)$/.test(callee) && enclosingClassBody(n)) unplaced ??= `${callee}() at ${f.rel}:${n.startPosition.row + 1}`;
            return;
          }
          const cls = enclosingClassBody(n);
          if (!cls) return;
          fields++;
          const storage = n.childForFieldName('arguments')?.namedChildren.find((a) => a.type === 'keyword_argument' && a.childForFieldName('name')?.text === 'storage');
          if (storage) {
            const value = storage.childForFieldName('value');
            const sq = value?.type === 'call' ? idx.qualify(f, value.childForFieldName('function')) : undefined;
            if (!sq || !/FileSystemStorage$/.test(sq)) return; // a storage of its own: not the default one
            const key = `${f.rel}:${n.startPosition.row}`;
            if (seen.has(key)) return;
            seen.add(key);
            hits.push({
              location: loc(f, n),
              message: `${fieldLabel(n, q)} in model \`${cls}\` stores uploads with an explicit FileSystemStorage: the files live on the app server's disk, are lost when the container or instance is replaced, and are not shared between instances${hostNote ?? ''}.`,
              ...(hostNote ? { level: 'note' as const } : {}),
              fix: 'Give the field a storage= that is not on local disk (e.g. storages.backends.s3.S3Storage from django-storages), or drop storage= once the default storage is object storage.',
            });
            return;
          }
          if (!local) return;
          const key = `${f.rel}:${n.startPosition.row}`;
          if (seen.has(key)) return;
          seen.add(key);
          const name = n.parent?.type === 'assignment' ? n.parent.childForFieldName('left')?.text : undefined;
          code ??= ctx.workspace.pythonFiles().filter((x) => countsFor(ctx, project, x.rel) && !isTestPath(x.rel) && !isMigration(x.rel));
          const unused = name ? nothingUploads(ctx, code, cls, name) : undefined;
          hits.push({
            location: loc(f, n),
            message: `${fieldLabel(n, q)} in model \`${cls}\` stores uploads with the default storage, and ${how}: uploaded files live on the app server's disk, are lost when the container or instance is replaced, and are not shared between instances${unused ? ` — a note: ${unused}, so it may hold no uploads at all` : hostNote ?? ''}.`,
            ...(hostNote || unused ? { level: 'note' as const } : {}),
            related: [{ location: settingLoc, message: settingName ? `${settingName} selects FileSystemStorage here` : `production settings \`${s.module}\`: no STORAGES` }],
          });
        });
      }
      if (hostNote && hits.length > before) unknownHost ??= `uploads go to MEDIA_ROOT on local disk, and the repository does not show where production runs (no container image, compose file, PaaS manifest or Kubernetes deployment for ${s.module})`;
    }
    if (projects === 0) return { hits, notApplicable: 'no production settings module was found' };
    if (fields === 0 && unplaced) return { hits, undecided: `a model field the scan cannot place (${unplaced}) may store uploads` };
    if (fields === 0) return { hits, notApplicable: 'no FileField or ImageField in the models' };
    return { hits, ...(unknownHost ? { undecided: unknownHost } : {}) };
  },
} satisfies Rule;


/**
 * Nothing in the project's code can put an upload into this field: Helios' legacy `voter_file` (new rows keep the
 * text in another column), manage.get.gov's `agency_seal` (read-only in its admin, given only a file name by a
 * management command). Conservative, by text over the project's code outside tests and migrations — anything
 * that may write it keeps the warning:
 * - `field=` anywhere (a constructor, create(), update()) or `x.field = …` other than the definition, `.field.save(`,
 *   `setattr(…, "field"`;
 * - a form, serializer, generic view or inline naming the model (`model = Model`, `modelform_factory(Model`) with
 *   `__all__`, an `exclude`, or the field's name in the same file — in an admin file, any naming of it;
 * - an admin registration of the model (`register(Model`), unless its file lists the field in `readonly_fields`.
 * Returns what was found for the note, or undefined when something may write it.
 */
function nothingUploads(ctx: ScanContext, files: readonly SourceFile[], model: string, field: string): string | undefined {
  // identifiers hold no regex syntax
  const names = new RegExp(`\\bmodel\\s*=\\s*(?:[\\w.]+\\.)?${model}\\b|(?:modelform_factory|modelformset_factory|inlineformset_factory)\\([^)]*\\b${model}\\b`);
  const registers = new RegExp(`\\bregister\\(\\s*(?:[\\w.]+\\.)?${model}\\b`);
  const readOnly = new RegExp(`readonly_fields\\s*=\\s*[\\[(][^\\])]*["']${field}["']`);
  const named = new RegExp(`["']${field}["']`);
  for (const file of files) {
    const w = wordsOf(file);
    if (!w.has(field) && !w.has(model)) continue;
    if (w.has(field) && writtenNames(ctx, file).has(field)) return undefined;
    const admin = /(^|\/)admin(\.py$|\/)/.test(file.rel);
    if (names.test(file.text) && (admin || /__all__|\bexclude\s*=/.test(file.text) || named.test(file.text))) {
      if (!(admin && readOnly.test(file.text))) return undefined;
    }
    if (registers.test(file.text) && !readOnly.test(file.text)) return undefined;
  }
  return `nothing in the project's code puts an upload there — no form, serializer or admin edits \`${field}\` and no code assigns a file to it`;
}

/** The words of a file's text, once: each file field asks every file of the project whether it names it. */
const words = new WeakMap<SourceFile, Set<string>>();

function wordsOf(file: SourceFile): Set<string> {
  let w = words.get(file);
  if (!w) words.set(file, (w = new Set(file.text.match(/[\p{L}\p{N}_]+/gu) ?? [])));
  return w;
}

/**
 * The names code in a file may write a file field by: keyword arguments (`Model(field=…)`, `create(field=…)`,
 * `update(field=…)`), assignments to an attribute (`x.field = …`, not `x.field.name = …`), `x.field.save(…)`,
 * `setattr(x, "field", …)` — not a local name that happens to be spelled like a field. Worked out once per file
 * (a project has many file fields, and a field named `file` is in most files' text).
 */
const written = new WeakMap<SourceFile, Set<string>>();

function writtenNames(ctx: ScanContext, file: SourceFile): Set<string> {
  let out = written.get(file);
  if (out) return out;
  const names = new Set<string>();
  eachOfType(ctx.workspace.tree(file).rootNode, ['keyword_argument', 'assignment', 'augmented_assignment', 'call'], (n) => {
    if (n.type === 'keyword_argument') {
      const k = n.childForFieldName('name')?.text;
      if (k) names.add(k);
    } else if (n.type === 'call') {
      const callee = n.childForFieldName('function');
      const obj = callee?.type === 'attribute' ? callee.childForFieldName('object') : undefined;
      if (callee?.type === 'attribute' && callee.childForFieldName('attribute')?.text === 'save' && obj?.type === 'attribute') names.add(obj.childForFieldName('attribute')?.text ?? '');
      if (callee?.text === 'setattr') for (const a of n.childForFieldName('arguments')?.namedChildren ?? []) names.add(stringValue(a) ?? '');
    } else {
      const left = n.childForFieldName('left');
      if (left?.type === 'attribute') names.add(left.childForFieldName('attribute')?.text ?? '');
    }
  });
  written.set(file, (out = names));
  return out;
}

/** `avatar = models.ImageField(...)` -> "`avatar` (ImageField)". */
function fieldLabel(call: SyntaxNode, q: string): string {
  const kind = q.split('.').pop();
  const parent = call.parent;
  if (parent?.type === 'assignment') {
    const left = parent.childForFieldName('left');
    if (left?.type === 'identifier') return `\`${left.text}\` (${kind})`;
  }
  return `A ${kind}`;
}

/** The name of the class whose body declares this field (directly, as `name = Field(...)`). */
function enclosingClassBody(call: SyntaxNode): string | undefined {
  const assign = call.parent;
  if (assign?.type !== 'assignment' || assign.childForFieldName('right')?.id !== call.id) return undefined;
  const stmt = assign.parent;
  const block = stmt?.parent;
  const cls = block?.parent;
  if (stmt?.type !== 'expression_statement' || block?.type !== 'block' || cls?.type !== 'class_definition') return undefined;
  return cls.childForFieldName('name')?.text;
}

