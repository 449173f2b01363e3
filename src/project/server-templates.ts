/**
 * nginx configs written as Jinja templates (an Ansible role's `templates/site.j2`, `nginx.conf.j2`) rendered
 * onto the server at deploy time. Which `*.j2`/`*.jinja`/`*.jinja2` files are one — by their content, or because
 * an Ansible task of the role renders them under /etc/nginx — and how to read one without rendering it: the
 * Jinja tags blanked, a `{{ … }}` value kept as an unknown word, every line inside a `{% if %}`/`{% for %}`
 * carrying the condition it is rendered under (src/project/proxy.ts says it in the fact's `when`).
 *
 * Hand-written, as evaluator/template.ts is for Python settings templates: only tag positions are needed.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';

/** A Jinja template by its extension (Python ones, `settings.py.j2`, are read as settings: PY_TEMPLATE). */
export const JINJA_NAME = /\.(j2|jinja2?)$/i;

/**
 * What a `{{ … }}` substitution becomes in the text the nginx parser reads: one character that is no nginx
 * syntax, so the word keeps its place and anything reading it can tell its value is unknown.
 */
export const UNKNOWN = '\uFFFC';

/**
 * Is this template text an nginx config? A `server {` / `http {` / `location … {` block opening a line, and a
 * directive only nginx has (`listen`, `server_name`, `proxy_pass`/`uwsgi_pass`, `add_header`, `try_files`,
 * `ssl_certificate`) opening a line and ending in `;` — Apache (`<VirtualHost>`), HAProxy (`server web1 …`
 * without a block) and Jinja HTML have neither pair.
 */
export function looksLikeNginx(text: string): boolean {
  return /^[ \t]*(server|http|location\b[^{\n]*)[ \t]*\{/m.test(text) &&
    /^[ \t]*(listen|server_name|proxy_pass|uwsgi_pass|add_header|try_files|ssl_certificate)[ \t][^\n]*;/m.test(text);
}

/**
 * Templates an Ansible task renders or copies under /etc/nginx: for `<dir>/templates/<path>` (a role's
 * templates, or a playbook's beside it), a `template:`/`copy:` task in `<dir>/tasks/*.yml` or `<dir>/*.yml`
 * whose `src` is `<path>` (or its file name) and whose `dest` starts with `/etc/nginx/`. `rels`: the candidates,
 * relative to `root`; returns those a task installs there.
 */
export function ansibleNginxTemplates(root: string, rels: readonly string[]): Set<string> {
  const out = new Set<string>();
  const byDir = new Map<string, Array<{ rel: string; src: string }>>();
  for (const rel of rels) {
    const parts = rel.split('/');
    const at = parts.lastIndexOf('templates');
    if (at < 0) continue;
    const dir = parts.slice(0, at).join('/');
    byDir.set(dir, [...(byDir.get(dir) ?? []), { rel, src: parts.slice(at + 1).join('/') }]);
  }
  for (const [dir, templates] of byDir) {
    const sources = new Set<string>(); // the `src` of the tasks of dir that install under /etc/nginx
    for (const yml of [...yamlIn(root, join(dir, 'tasks')), ...yamlIn(root, dir)]) {
      for (const [src, dest] of installs(yml)) if (/^\/etc\/nginx\//.test(dest)) sources.add(src.replace(/^(\.\/)?(templates\/)?/, ''));
    }
    for (const t of templates) {
      const name = t.src.slice(t.src.lastIndexOf('/') + 1);
      if (sources.has(t.src) || sources.has(name)) out.add(t.rel);
    }
  }
  return out;
}

/** The YAML files of a folder that name /etc/nginx (each under 1 MiB: task files, not data). */
function yamlIn(root: string, dir: string): string[] {
  const out: string[] = [];
  try {
    for (const e of readdirSync(join(root, dir), { withFileTypes: true })) {
      if (!e.isFile() || !/\.ya?ml$/i.test(e.name) || statSync(join(root, dir, e.name)).size > 1 << 20) continue;
      const text = readFileSync(join(root, dir, e.name), 'utf8');
      if (text.includes('/etc/nginx/')) out.push(text);
    }
  } catch {
    // an unreadable folder or file: no task from it
  }
  return out;
}

/** A task module's `k=v` string form (`copy: src=a.py dest=/srv/a.py`), quotes removed. */
export function keyValueArgs(text: string): Record<string, string> {
  return Object.fromEntries([...text.matchAll(/(\w+)=("[^"]*"|'[^']*'|\S+)/g)].map((m) => [m[1], m[2].replace(/^["']|["']$/g, '')]));
}

/** The `[src, dest]` of every `template:`/`copy:` task (either module spelling, mapping or `k=v` form) of a YAML file. */
function installs(text: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const visit = (o: unknown): void => {
    if (Array.isArray(o)) o.forEach(visit);
    if (!o || typeof o !== 'object' || Array.isArray(o)) return;
    for (const [k, v] of Object.entries(o)) {
      if (/^(ansible\.builtin\.)?(template|copy)$/.test(k)) {
        const args: Record<string, unknown> = typeof v === 'string'
          ? keyValueArgs(v)
          : v && typeof v === 'object' ? (v as Record<string, unknown>) : {};
        if (typeof args.src === 'string' && typeof args.dest === 'string') out.push([args.src, args.dest]);
      } else visit(v);
    }
  };
  try {
    for (const d of parseAllDocuments(text)) if (!d.errors.length) visit(d.toJS());
  } catch {
    // not YAML this reads: no task
  }
  return out;
}

export interface JinjaText {
  /** The text with statement and comment tags blanked and each `{{ … }}` made one UNKNOWN (line breaks kept). */
  text: string;
  /**
   * What rendering the text at an offset (of `text`) depends on: undefined when it is rendered as it is; a
   * phrase (`` the template's `{% if x is defined %}` (line 5) holds ``) inside conditional blocks; null when it
   * is not rendered where it stands (a macro, a `{% set %}` block, a filter).
   */
  when(offset: number): string | null | undefined;
}

const TAG = /\{%[-+]?([\s\S]*?)[-+]?%\}|\{\{[\s\S]*?\}\}|\{#[\s\S]*?#\}/g;

/** Read a Jinja template's text as the config it renders to, with what each part depends on. */
export function readJinja(text: string): JinjaText {
  // phrase: the condition said in a fact's `when`; '' transparent (`{% block %}`); null not rendered here
  type Open = { kind: string; phrase: string | null; head?: string };
  const stack: Open[] = [];
  /** From each offset on (ascending), what the text depends on. */
  const spans: Array<{ from: number; when: string | null | undefined }> = [{ from: 0, when: undefined }];
  const now = (): string | null | undefined => {
    if (stack.some((o) => o.phrase === null)) return null;
    const phrases = stack.map((o) => o.phrase).filter((p): p is string => !!p);
    return phrases.length ? phrases.join(' and ') : undefined;
  };
  let out = '';
  let last = 0;
  let line = 1;
  let raw = false;
  for (const m of text.matchAll(TAG)) {
    const offset = m.index;
    const tag = m[0];
    const stmt = m[1];
    const words = (stmt ?? '').trim();
    const head = /^(\w+)/.exec(words)?.[1] ?? '';
    if (raw && !(stmt !== undefined && head === 'endraw')) continue; // literal text inside {% raw %}
    out += text.slice(last, offset);
    for (let i = last; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
    last = offset + tag.length;
    if (stmt === undefined) {
      out += tag.startsWith('{{') ? UNKNOWN + tag.replace(/[^\n]/g, '') : blank(tag);
      for (const c of tag) if (c === '\n') line++;
      continue;
    }
    const at = `line ${line}`;
    const top = stack[stack.length - 1];
    if (head === 'if') stack.push({ kind: 'if', phrase: `the template's \`{% ${words} %}\` (${at}) holds`, head: `\`{% ${words} %}\` (${at})` });
    else if ((head === 'elif' || head === 'else') && top?.kind === 'if') top.phrase = `the template renders the \`{% ${words} %}\` branch (${at}) of its ${top.head}`;
    else if (head === 'for') stack.push({ kind: 'for', phrase: `the template's \`{% ${words} %}\` (${at}) loops at least once` });
    else if (head === 'raw') raw = true;
    else if (head === 'endraw') raw = false;
    else if (/^(macro|call|filter)$/.test(head) || (head === 'set' && !words.includes('='))) stack.push({ kind: head, phrase: null });
    else if (/^(block|with|autoescape)$/.test(head)) stack.push({ kind: head, phrase: '' });
    else if (/^end\w+$/.test(head)) {
      // close the innermost block of that kind (an end tag of a block this does not know closes nothing)
      const i = stack.map((o) => o.kind).lastIndexOf(head.slice(3));
      if (i >= 0) stack.length = i;
    }
    out += blank(tag);
    for (const c of tag) if (c === '\n') line++;
    spans.push({ from: out.length, when: now() });
  }
  out += text.slice(last);
  return {
    text: out,
    when(offset) {
      let w: string | null | undefined;
      for (const s of spans) {
        if (s.from > offset) break;
        w = s.when;
      }
      return w;
    },
  };
}

/** A tag as spaces, its line breaks kept. */
function blank(tag: string): string {
  return tag.replace(/[^\n]/g, ' ');
}
