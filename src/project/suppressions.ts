/**
 * Inline suppression comments: `# launch-gate: ignore[launch.E010, security.W004] reason`.
 *
 * A comment covers its own line and — when it stands on a line of its own — the next line that is not itself a
 * comment line (several suppression comments can stack above one statement). Python files are read through
 * tree-sitter's comment nodes, so a `#` inside a string is never taken for one; every other file (Dockerfile,
 * compose and Kubernetes YAML, Procfile, shell, nginx config, Django templates' `{# … #}`) by its lines, where a
 * comment starts a line or follows whitespace. Which findings a comment covers, and which comments cover nothing,
 * is the engine's business (src/suppressions.ts); this module only reads them.
 */
import type { Location } from '../finding';
import { parsePython, walk, type Tree } from './python';
import type { SourceFile, Workspace } from './workspace';

export interface SuppressionComment {
  /** Where the comment starts (its `#`, or the `{` of a template comment); file relative to the scan root. */
  location: Location;
  /** The IDs between the brackets, as written (trimmed, empty entries dropped). */
  ids: string[];
  /** The reason after the brackets, trimmed; undefined when there is none. Said in reports: redacted like all text. */
  reason?: string;
  /** The lines whose findings it covers: its own, and for a comment on a line of its own the next non-comment line. */
  lines: number[];
  /** Set when the text after `launch-gate:` is not `ignore[ID, …] reason`: what is wrong, in a phrase. */
  malformed?: string;
}

/** Cheap test before any parsing: only files that mention the marker can hold a suppression. */
export const MARKER = 'launch-gate:';

/** `#` (or a Django template's `{#`), the marker, and the rest of the comment. */
const COMMENT = /(\{?#)\s*launch-gate:(.*)$/;
/** The same in a line of a file that is not Python: the comment starts the line or follows whitespace. */
const LINE_COMMENT = /(?:^|(?<=\s))(\{?#)\s*launch-gate:(.*)$/;
/** A line that holds only a comment (`#`, a template's `{#`): skipped when finding an own-line comment's target. */
const COMMENT_LINE = /^\s*\{?#/;

/**
 * The suppression comments of one file. `python` (the file's tree) makes tree-sitter decide what is a comment;
 * a `.py` file without one is parsed here.
 */
export function suppressionComments(file: string, text: string, python?: Tree): SuppressionComment[] {
  if (!text.includes(MARKER)) return [];
  const lines = text.split(/\r\n|\r|\n/);
  const found: Array<{ row: number; column: number; body: string }> = [];
  if (python || file.endsWith('.py')) {
    const tree = python ?? parsePython(text);
    walk(tree.rootNode, (n) => {
      if (n.type !== 'comment') return true;
      const m = COMMENT.exec(n.text);
      if (m) found.push({ row: n.startPosition.row, column: n.startPosition.column + m.index, body: m[2] });
      return false;
    });
  } else {
    lines.forEach((line, row) => {
      const m = LINE_COMMENT.exec(line);
      if (m) found.push({ row, column: m.index, body: m[2] });
    });
  }
  return found.map(({ row, column, body }) => {
    const ownLine = lines[row].slice(0, column).trim() === '';
    const covered = [row + 1];
    if (ownLine) {
      let next = row + 1;
      while (next < lines.length && COMMENT_LINE.test(lines[next])) next++;
      if (next < lines.length) covered.push(next + 1);
    }
    return { location: { file, line: row + 1, column: column + 1 }, lines: covered, ...parseBody(body) };
  });
}

/** `ignore[a, b] reason` → IDs and reason; anything else is malformed. */
function parseBody(body: string): Pick<SuppressionComment, 'ids' | 'reason' | 'malformed'> {
  const m = /^\s*ignore\s*\[([^\]]*)\](.*)$/.exec(body);
  if (!m) return { ids: [], malformed: /^\s*ignore\b/.test(body) ? 'the rule IDs must be in brackets' : 'only ignore[…] is understood after launch-gate:' };
  const ids = m[1].split(',').map((s) => s.trim()).filter(Boolean);
  const reason = m[2]
    .replace(/\s*(#\}|-->)\s*$/, '') // the end of a template or HTML comment
    .replace(/^\s*[-–—:]+\s*/, '') // `ignore[…] — reason`, `ignore[…]: reason`
    .trim();
  return {
    ids,
    ...(/[\p{L}\p{N}]/u.test(reason) ? { reason } : {}),
    ...(ids.length === 0 ? { malformed: 'it names no rule ID' } : {}),
  };
}

const cache = new WeakMap<Workspace, SuppressionComment[]>();

/**
 * Every suppression comment in the files the scan read: Python, deploy files, Python source templates, and
 * Django templates (`{# launch-gate: ignore[…] #}` — read anyway by the template rules), so a template's
 * suppression without a reason, or one that no longer suppresses anything, is said like any other.
 */
export function workspaceSuppressions(ws: Workspace): SuppressionComment[] {
  let out = cache.get(ws);
  if (!out) {
    const of = (f: SourceFile, tree?: Tree) => (f.text.includes(MARKER) ? suppressionComments(f.rel, f.text, tree) : []);
    out = [
      ...ws.pythonFiles().flatMap((f) => (f.text.includes(MARKER) ? of(f, ws.tree(f)) : [])),
      ...ws.deployFiles().flatMap((f) => of(f)),
      ...ws.templateFiles().flatMap((f) => of(f)),
      ...ws.djangoTemplates().flatMap((f) => of(f)),
    ];
    cache.set(ws, out);
  }
  return out;
}
