/**
 * Python files the repository's own deploy writes: a shell script's `cat > app/overrides.py << EOF`, a
 * `cp`/`mv`/`install`/`tee`, a Dockerfile's `COPY … app/local_settings.py`. A settings module that imports
 * such a file "if present" (`try: from app.overrides import * / except ImportError: pass`) runs with it in
 * production, although the repository does not hold it — spug's entrypoint writes DEBUG, SECRET_KEY and
 * DATABASES into one. Development and test scripts (isDevName, isTestPath) write what production never sees.
 *
 * Written by hand: no library reads "which paths does this shell line or Dockerfile instruction write"; a
 * line-level reading of the destinations is enough to name the file, and a miss only leaves the import
 * an absent override, as before.
 */
import type { Location } from '../finding';
import { ansibleCopies } from './ansible';
import { isDevName, isTestPath } from './files';
import type { SourceFile, Workspace } from './workspace';

/** A written path on a line: a redirect's target, tee's file, or the last argument of cp/mv/install/ln/COPY/ADD. */
const REDIRECT = /(?:^|[^<>&\d])>>?\s*(['"]?)([^\s'";|&<>]+\.py)\1/g;
const TEE = /\btee\s+(?:-a\s+)?(['"]?)([^\s'";|&<>]+\.py)\1/g;
const COPY_LIKE = /(?:^\s*(?:COPY|ADD)\b|\b(?:cp|mv|install|ln)\b)[^\n;|&]*\s(['"]?)([^\s'";|&<>]+\.py)\1\s*(?:$|[;|&])/gi;
/** The source of a two-path copy (`cp [-opts] SRC DEST`, `COPY [--opts] SRC DEST`): the path before the destination. */
const COPY_SOURCE = /(?:^\s*(?:COPY|ADD)|\b(?:cp|mv|install))\s+(?:--?[\w=-]+\s+)*(['"]?)([^\s'";|&<>]+)\1\s+\S+\s*(?:$|[;|&])/i;
/**
 * One `.py` file copied into a folder, the destination ending in `/` (Sal's and Crypt-Server's Dockerfiles:
 * `COPY docker/settings_import.py $APP_DIR/sal/`): the written path is the folder and the file's own name.
 */
const COPY_INTO_FOLDER = /(?:^\s*(?:COPY|ADD)|\b(?:cp|mv|install))\s+(?:--?[\w=-]+\s+)*(['"]?)([^\s'";|&<>]+\.py)\1\s+(['"]?)([^\s'";|&<>]+\/)\3\s*(?:$|[;|&])/gi;

interface Write {
  path: string;
  location: Location;
  /** What a copy copies: a path as the deploy file writes it (relative to its build context or absolute in the image). */
  source?: string;
}

const cache = new WeakMap<Workspace, Write[]>();

function writesOf(ws: Workspace): Write[] {
  const cached = cache.get(ws);
  if (cached) return cached;
  const out: Write[] = [];
  for (const f of ws.deployFiles()) {
    if (isDevName(f.rel) || isTestPath(f.rel) || !f.text.includes('.py')) continue;
    f.text.split('\n').forEach((text, i) => {
      if (!text.includes('.py') || /^\s*#/.test(text)) return;
      for (const re of [REDIRECT, TEE, COPY_LIKE]) {
        for (const m of text.matchAll(re)) {
          const source = re === COPY_LIKE ? COPY_SOURCE.exec(m[0])?.[2] : undefined;
          out.push({ path: m[2], location: { file: f.rel, line: i + 1, column: (m.index ?? 0) + 1 }, ...(source ? { source } : {}) });
        }
      }
      for (const m of text.matchAll(COPY_INTO_FOLDER)) {
        out.push({ path: `${m[4]}${m[2].split('/').pop()}`, location: { file: f.rel, line: i + 1, column: (m.index ?? 0) + 1 }, source: m[2] });
      }
    });
  }
  cache.set(ws, out);
  return out;
}

/**
 * Where a non-development deploy file of the repository writes the Python module `moduleRel` (a path from
 * its import root, `spug/overrides.py`): the written path is that path or ends with `/` and it. undefined if none.
 */
export function deployWrites(ws: Workspace, moduleRel: string): Location | undefined {
  return writesOf(ws).find((w) => writes(w, moduleRel))?.location;
}

function writes(w: Write, moduleRel: string): boolean {
  return w.path === moduleRel || w.path.endsWith(`/${moduleRel}`);
}

/** A template configuration management renders into place (Ansible/Salt's Jinja, Puppet/Chef's ERB). */
const RENDERED = /\.py\.(j2|jinja2?|erb)$/i;
/**
 * Folders a deployment's configuration management lives in. Only a template there is rendered by the deploy:
 * Review Board's `contrib/conf/settings_local.py.tmpl` is its contributors' development settings.
 */
const DEPLOY_TREE = /^(deploy\w*|ansible|puppet|chef|salt|roles|provisioning|playbooks?|ops|infra\w*)$/i;

/**
 * The repository file a deploy copies to the Python module `moduleRel`: mediacms's entrypoint copies
 * `…/mediacms/deploy/docker/local_settings.py` to `…/cms/local_settings.py`, a Dockerfile `COPY deploy/prod.py
 * app/local_settings.py` copies from its build context. The source is found as written (from the repository
 * root or the deploy file's folder), else by the longest tail of an absolute path that names a repository file
 * (its folder and name at least) — from the root, or the one file under a subfolder it names (a build context). Then an Ansible copy/template task whose destination is the module
 * (src/project/ansible.ts), and last the one template of the module's file name that configuration management
 * renders, outside development folders (Zeus's Puppet module renders `templates/local_settings.py.erb` to the
 * `local_settings` its settings import if present: read with its tags unknown). undefined when none is.
 */
export function deployCopySource(ws: Workspace, moduleRel: string): SourceFile | undefined {
  return copiedSource(ws, moduleRel) ?? ansibleSource(ws, moduleRel) ?? renderedTemplate(ws, moduleRel);
}

function ansibleSource(ws: Workspace, moduleRel: string): SourceFile | undefined {
  const copy = ansibleCopies(ws).find((c) => !c.dev && (c.dest === `/${moduleRel}` || c.dest.endsWith(`/${moduleRel}`)));
  return copy ? ws.get(copy.source) : undefined;
}

function renderedTemplate(ws: Workspace, moduleRel: string): SourceFile | undefined {
  const name = moduleRel.split('/').pop()!;
  const found = ws.templateFiles().filter((f) =>
    RENDERED.test(f.rel) && f.rel.replace(RENDERED, '.py').split('/').pop() === name &&
    // the folders, not the name: `local_settings` names what production imports
    f.rel.split('/').slice(0, -1).some((d) => DEPLOY_TREE.test(d)) && !f.rel.split('/').slice(0, -1).some((d) => isDevName(d)) && !isTestPath(f.rel));
  return found.length === 1 ? found[0] : undefined;
}

/**
 * A copied file that is settings a deploy puts in place: a `.py` file, or one named for where it runs
 * (`local.py-heroku`: PyCon US's Heroku build hook). Not an example or default (`.py.example`, `.py.default`, `-sample`):
 * a Dockerfile that copies one into place is a local stack's (LA Metro's image takes settings_deployment.py.example
 * while CodeDeploy installs the encrypted production file; OEP's entrypoint falls back to securitysettings.py.default
 * when nothing is mounted) — such copies stay a note that the file may exist, not settings the scan judges.
 */
const COPIED_SETTINGS = /\.py(-(?!(?:example|sample|dist|default|template|tpl|tmpl|dev|local|test)$)[a-z]+)?$/i;

function copiedSource(ws: Workspace, moduleRel: string): SourceFile | undefined {
  for (const w of writesOf(ws)) {
    if (!w.source || !writes(w, moduleRel) || !COPIED_SETTINGS.test(w.source)) continue;
    const dir = w.location.file.includes('/') ? w.location.file.slice(0, w.location.file.lastIndexOf('/')) : '';
    const parts = w.source.replace(/^\.\//, '').split('/').filter(Boolean);
    // from the repository root, the deploy file's folder, or — for a script in `bin/` or `scripts/`, run from the
    // folder above (Heroku runs `bin/pre_compile` in the app's root) — that folder
    const above = /(^|\/)(bin|scripts?)$/.test(dir) ? dir.replace(/\/?[^/]+$/, '') : undefined;
    const direct = [parts.join('/'), ...(dir ? [`${dir}/${parts.join('/')}`] : []), ...(above ? [`${above}/${parts.join('/')}`] : [])];
    for (const rel of direct) {
      const f = ws.get(rel);
      if (f) return f;
    }
    if (!w.source.startsWith('/')) continue;
    for (let i = 1; i <= parts.length - 2; i++) {
      const tail = parts.slice(i).join('/');
      const f = ws.get(tail);
      if (f) return f;
      // the build context copied from a subfolder (h2o's Dockerfile: `COPY web/ .` into /app, then `cp
      // /app/config/settings/settings_aws_ecs.py /app/config/settings/settings.py`): the one repository file the tail names
      const under = ws.pythonFiles().filter((x) => x.rel.endsWith(`/${tail}`));
      if (under.length === 1) return under[0];
    }
  }
  return undefined;
}
