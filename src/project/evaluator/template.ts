/**
 * Python settings written as templates (cookiecutter/Jinja `{% if … %}` lines, `{{ … }}` values, or a
 * `settings.py.j2` / `local_settings.py.erb` rendered at deploy time): the rendered text is not known where a tag is, nor inside a
 * `{% if %}…{% endif %}` block. Those rows are unknown to the evaluator; the rest is read as Python.
 *
 * Hand-written: no library gives Jinja tag positions without rendering, and only positions are needed.
 */
import type { SourceFile } from '../workspace';

// Jinja's `{% %}`, `{{ }}`, `{# #}`, and ERB's `<% %>`, `<%= %>`, `<%# %>` (Puppet and Chef render settings templates
// with it: Zeus's `local_settings.py.erb`).
const TAG = /\{%-?[\s\S]*?-?%\}|\{\{-?[\s\S]*?-?\}\}|\{#[\s\S]*?#\}|<%[-=#]?[\s\S]*?-?%>/g;
const BLOCK_OPEN = /^\{%-?\s*(if|for|macro|block|with|call|filter|raw|set\s+\w+\s*%)|^<%-?\s*(if|unless|case|while|until|for)\b|^<%-?[^=#][\s\S]*\bdo(\s*\|[^|]*\|)?\s*-?%>$/;
const BLOCK_CLOSE = /^\{%-?\s*end(if|for|macro|block|with|call|filter|raw|set)\b|^<%-?\s*end\s*-?%>$/;
/** A Jinja statement on a line of its own, or a cookiecutter variable: the file is a template. */
const TEMPLATE_MARK = /^[ \t]*\{%-?\s*\w+[^\n]*%\}[ \t]*$|\{\{-?\s*cookiecutter\./m;

export interface TemplateText {
  /** The text with every tag blanked (same length and line breaks), parseable as Python. */
  text: string;
  /** 0-based rows whose rendered text is unknown. */
  rows: number[];
}

/** Is this Python text a template (to be read with its tags as unknown)? */
export function looksLikeTemplate(text: string): boolean {
  return TEMPLATE_MARK.test(text);
}

/** Blank every Jinja tag and list the rows it makes unknown (tag rows, and the rows inside blocks). */
export function neutraliseTemplate(text: string): TemplateText {
  const rows = new Set<number>();
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const rowOf = (offset: number): number => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const open: Array<{ row: number; offset: number }> = [];
  /** Inline blocks (`X = <% if @tls %>True<% else %>False<% end %>`): spans that become one unknown name. */
  const inline: Array<[number, number]> = [];
  let out = text.replace(TAG, (tag, offset: number) => {
    const first = rowOf(offset);
    const last = rowOf(offset + tag.length - 1);
    for (let r = first; r <= last; r++) rows.add(r);
    if (BLOCK_CLOSE.test(tag)) {
      const start = open.pop();
      if (start !== undefined) for (let r = start.row; r <= last; r++) rows.add(r);
      if (start !== undefined && start.row === last) inline.push([start.offset, offset + tag.length]);
    } else if (BLOCK_OPEN.test(tag)) open.push({ row: first, offset });
    // `{{ x }}` becomes an identifier of the same length (an unknown name); statements and comments become spaces.
    // A value tag alone on its line renders whole lines, not a value: list items with their commas (askbot's
    // `{{ staticfiles_app }}` among INSTALLED_APPS), statements, or nothing — spaces, its row unknown like the rest.
    const value = (tag.startsWith('{{') || tag.startsWith('<%=')) && !aloneOnLine(text, offset, tag.length);
    const fill = value ? '_' : ' ';
    return tag.replace(/[^\n]/g, fill);
  });
  // What an inline block renders is one of its branches, none known: the whole span reads as one unknown name
  // (the text is the same length, so offsets and rows stay).
  for (const [from, to] of inline) out = out.slice(0, from) + '_'.repeat(to - from) + out.slice(to);
  // An unclosed block: everything after it is conditional.
  const lastRow = lineStarts.length - 1;
  for (const start of open) for (let r = start.row; r <= lastRow; r++) rows.add(r);
  return { text: out, rows: [...rows].sort((a, b) => a - b) };
}

/** Is the tag at offset the only thing on its line(s), apart from blanks? */
function aloneOnLine(text: string, offset: number, length: number): boolean {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const nl = text.indexOf('\n', offset + length);
  const end = nl < 0 ? text.length : nl;
  return /^[ \t]*$/.test(text.slice(start, offset)) && /^[ \t\r]*$/.test(text.slice(offset + length, end));
}

const cache = new WeakMap<SourceFile, Set<number> | null>();

/** The unknown rows of a template file, or undefined for plain Python. */
export function templateRows(file: SourceFile): Set<number> | undefined {
  const hit = cache.get(file);
  if (hit !== undefined) return hit ?? undefined;
  const rows = file.templateRows && file.templateRows.length ? new Set(file.templateRows) : null;
  cache.set(file, rows);
  return rows ?? undefined;
}
