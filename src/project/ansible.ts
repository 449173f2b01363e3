/**
 * Files an Ansible playbook puts in place on the server: a `copy:`/`template:` task (either module spelling,
 * mapping or `k=v` form, its `with_items:`/`loop:` list of plain items substituted for `{{ item }}`) whose `dest`
 * is a Python file. Biostar Central's install playbook copies `conf/site/site_settings.py` of the checkout to
 * `conf/run/site_settings.py`, the module its supervisord programs name: without this the module a deploy file
 * names is "not in the repository" and whatever names another module wins.
 *
 * The source is a repository file: with `remote_src` a path on the server into the checkout, matched by its
 * longest tail that names a repository file (its folder and name at least); otherwise the role's or playbook's
 * `files/` or `templates/` folder, or beside the task file. Other `{{ … }}` values are unknown: a destination
 * keeps them as an unknown folder, so only its tail can match a module's path. Read with the `yaml` library;
 * what a task means is Ansible's, so that part is written here.
 */
import { isMap, isScalar, isSeq, parseAllDocuments, visit, type Node, type YAMLMap } from 'yaml';
import { lineAt } from './deploy-commands';
import { keyValueArgs } from './server-templates';
import { isDevName, isTestPath } from './files';
import type { BuildCopy } from './manifests';
import type { Workspace } from './workspace';

const TASK_MODULE = /^(ansible\.builtin\.|ansible\.legacy\.)?(copy|template)$/;
/** What a `{{ … }}` the playbook does not give becomes in a path: one folder name no repository path has. */
const UNKNOWN = '\uFFFC';

const cache = new WeakMap<Workspace, BuildCopy[]>();

/** Every Ansible copy/template task of the workspace that writes a `.py` file from a repository file. */
export function ansibleCopies(ws: Workspace): BuildCopy[] {
  const hit = cache.get(ws);
  if (hit) return hit;
  const out: BuildCopy[] = [];
  for (const f of ws.ansibleFiles()) {
    if (!/\b(copy|template)\b/.test(f.text) || !f.text.includes('.py')) continue;
    const dev = f.rel.split('/').some((p) => isDevName(p.replace(/\.ya?ml$/i, ''))) || isTestPath(f.rel);
    let docs;
    try {
      docs = parseAllDocuments(f.text);
    } catch {
      continue; // not YAML this reads: no task
    }
    if (!Array.isArray(docs)) continue;
    for (const doc of docs) {
      if (doc.errors.length) continue;
      visit(doc, {
        Map(_key, task) {
          for (const pair of task.items) {
            if (!isScalar(pair.key) || typeof pair.key.value !== 'string' || !TASK_MODULE.test(pair.key.value)) continue;
            const args = taskArgs(pair.value as Node | null);
            if (!args || typeof args.src !== 'string' || typeof args.dest !== 'string') continue;
            const line = lineAt(f.text, pair.key.range?.[0] ?? 0);
            for (const item of loopItems(task)) {
              const src = substitute(args.src, item);
              const dest = substitute(args.dest, item);
              if (!dest.endsWith('.py') || src.includes(UNKNOWN + UNKNOWN)) continue;
              const source = repositorySource(ws, f.rel, src, args.remote_src === true || args.remote_src === 'yes' || args.remote_src === 'true');
              if (!source) continue;
              out.push({ source, dest: dest.startsWith('/') ? dest : `/${UNKNOWN}/${dest}`, file: f.rel, line, dev, atDeploy: true, via: `the Ansible \`${pair.key.value.replace(/^ansible\.(builtin|legacy)\./, '')}\` task` });
            }
          }
        },
      });
    }
  }
  cache.set(ws, out);
  return out;
}

/** A task module's arguments: its mapping, or its `k=v` string form. */
function taskArgs(v: Node | null): Record<string, unknown> | undefined {
  if (isMap(v)) return v.toJSON() as Record<string, unknown>;
  if (isScalar(v) && typeof v.value === 'string') {
    return keyValueArgs(v.value);
  }
  return undefined;
}

/** The task's `with_items:`/`loop:` plain items (strings), or one pass without an item. */
function loopItems(task: YAMLMap): Array<string | undefined> {
  for (const pair of task.items) {
    if (!isScalar(pair.key) || !['with_items', 'loop', 'with_list'].includes(String(pair.key.value))) continue;
    if (!isSeq(pair.value)) return [];
    return pair.value.items.flatMap((i) => (isScalar(i) && (typeof i.value === 'string' || typeof i.value === 'number') ? [String(i.value)] : []));
  }
  return [undefined];
}

/** `{{ item }}` replaced by the loop's item; every other `{{ … }}` by UNKNOWN. */
function substitute(path: string, item: string | undefined): string {
  return path.replace(/\{\{\s*([^}]*?)\s*\}\}/g, (_m, expr: string) => (expr === 'item' && item !== undefined ? item : UNKNOWN)).replace(/\/{2,}/g, '/');
}

/** The repository file a task copies: see the module comment. */
function repositorySource(ws: Workspace, taskRel: string, src: string, remote: boolean): string | undefined {
  const parts = src.split('/').filter((p) => p && p !== '.');
  if (!remote && !src.includes(UNKNOWN) && !src.startsWith('/')) {
    const dir = taskRel.includes('/') ? taskRel.slice(0, taskRel.lastIndexOf('/')) : '';
    const up = dir.split('/');
    // a role's tasks/ (or handlers/) folder: its files/ and templates/ are beside it
    const base = /^(tasks|handlers)$/.test(up.at(-1) ?? '') ? up.slice(0, -1).join('/') : dir;
    for (const folder of [`${base}/files`, `${base}/templates`, base, dir]) {
      const rel = [folder, parts.join('/')].filter(Boolean).join('/').replace(/^\//, '');
      if (ws.get(rel)) return rel;
    }
    return undefined;
  }
  const known = parts.slice(parts.lastIndexOf(UNKNOWN) + 1);
  for (let i = 0; i <= known.length - 2; i++) {
    const rel = known.slice(i).join('/');
    if (ws.get(rel)) return rel;
  }
  return undefined;
}
