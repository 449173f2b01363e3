/**
 * The `.env` file a production image holds for python-decouple. decouple's `config()` looks for a `.env` in the
 * folder of the file that calls it and then in each folder above, and answers a variable the process
 * environment lacks from that file before it falls back to the default written in the settings. So when a
 * production Dockerfile copies a file to `.env` in a folder at or above the settings (Firefox Relay's
 * `COPY .env-dist /app/.env` beside `COPY . /app`), a deploy that leaves a variable unset runs with that file's
 * value — `DEBUG=True` and a development key there — not with the settings' default.
 *
 * Only decouple reads such a file by itself; django-environ and python-dotenv read one only when the settings
 * call them with a path, which this does not follow.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { dirName } from './files';
import { dockerCopies, type BuildCopy } from './manifests';
import type { Workspace } from './workspace';

export interface ImageDotenv {
  /** Each `KEY=value` of the file, as decouple reads it. */
  values: ReadonlyMap<string, string>;
  /** Where the image gets it, for messages: `Dockerfile:36 copies .env-dist to /app/.env`. */
  where: string;
}

/** An env file larger than this is not read (a `.env` is a few kilobytes). */
const MAX_BYTES = 256 * 1024;

/**
 * The `.env` the production image of the settings file `settingsRel` holds where decouple finds it, or undefined.
 * The last such copy wins, as the image's last layer does.
 */
export function imageDotenv(ws: Workspace, settingsRel: string): ImageDotenv | undefined {
  const copies = dockerCopies(ws).filter((c) => !c.dev && !c.via);
  let found: ImageDotenv | undefined;
  for (const c of copies) {
    if (!c.dest.endsWith('/.env')) continue;
    const folder = c.dest.slice(0, -'/.env'.length) || '/';
    const settingsDir = copies.filter((k) => k.file === c.file && k.line < c.line).map((k) => landsAt(k, settingsRel)).filter((d) => d !== undefined).pop();
    if (settingsDir === undefined || !(settingsDir === folder || settingsDir.startsWith(folder === '/' ? '/' : `${folder}/`))) continue;
    const text = readSource(ws.root, dirName(c.file), c.source);
    if (text === undefined) continue;
    found = { values: decoupleValues(text), where: `${c.file}:${c.line} copies ${c.source} to ${c.dest}` };
  }
  return found;
}

/** The image folder the settings file's folder lands in through this copy (`COPY . /app` → `/app/privaterelay`), or undefined. */
function landsAt(copy: BuildCopy, settingsRel: string): string | undefined {
  const context = dirName(copy.file);
  const source = copy.source === '.' ? context : context ? `${context}/${copy.source}` : copy.source;
  const dir = dirName(settingsRel);
  if (source !== '' && dir !== source && !dir.startsWith(`${source}/`)) return undefined;
  const rest = source === '' ? dir : dir.slice(source.length).replace(/^\//, '');
  return rest ? `${copy.dest.replace(/\/$/, '')}/${rest}` : copy.dest.replace(/\/$/, '') || '/';
}

function readSource(root: string, context: string, source: string): string | undefined {
  for (const rel of context ? [join(context, source), source] : [source]) {
    try {
      const abs = join(root, rel);
      if (statSync(abs).size > MAX_BYTES) return undefined;
      return readFileSync(abs, 'utf8');
    } catch {
      // not there: try the next place
    }
  }
  return undefined;
}

/**
 * decouple's RepositoryEnv, line by line: blank lines, `#` comments and lines without `=` skipped; the key and
 * value stripped; one pair of matching quotes around the value removed; nothing interpolated. Written here
 * because it is decouple's own format (no `export`, no `${}`), which the dotenv parsers on npm do not follow.
 */
export function decoupleValues(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#') || !line.includes('=')) continue;
    const at = line.indexOf('=');
    const key = line.slice(0, at).trim();
    let value = line.slice(at + 1).trim();
    if (value.length >= 2 && (value[0] === '"' || value[0] === "'") && value[value.length - 1] === value[0]) value = value.slice(1, -1);
    out.set(key, value);
  }
  return out;
}
