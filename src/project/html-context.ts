/**
 * Where a value lands in HTML built from Python string literals (part of the project model, beside
 * request-data.ts): the literal text around it is read the way a browser's tokenizer reads it — element text, a
 * double-quoted attribute, a single-quoted one, a <script> — through f-strings, `%`, `.format()`, `+`, gettext
 * wrappers and locals assigned once. Used where the context decides whether a value is harmful: Django's
 * `request.get_full_path()` is percent-encoded (no `"`, `<`, `>` or whitespace survive) but keeps `'` and `&`.
 *
 * Conservative: a value whose text the reading cannot follow (a call it does not know, a name assigned twice,
 * a template that is not a literal) makes every later position unknown, and unknown is never a safe spot.
 */
import { unescapePython, type SyntaxNode } from './python';
import { FunctionFlow, SAFE, type Prov, isRequestData, join, percentEncodes } from './request-data';

/** A piece of composed text: literal markup, or a value put in (`plain`: as is, without a conversion or spec). */
type Piece = { text: string } | { value: SyntaxNode; plain: boolean };

const MAX_DEPTH = 12;
const GETTEXT = /(^|\.)(gettext|gettext_lazy|ugettext|ugettext_lazy|gettext_noop|ugettext_noop|_)$/;
const WRAPPERS = /^(str|django\.utils\.safestring\.(mark_safe|SafeString|SafeText))$/;
const FULL_PATH = /^(get_full_path|get_full_path_info)$/;

/**
 * The provenance of HTML text for the html sink, like `flow.prov(node)`, except that `request.get_full_path()`
 * (and `get_full_path_info()`) put where its percent-encoding keeps it inert counts as safe.
 *
 * Why that is safe: Django builds it as `escape_uri_path(path) + '?' + iri_to_uri(QUERY_STRING)`, and both are
 * `urllib.parse.quote` with safe sets that leave `"`, `<`, `>`, backtick and whitespace percent-encoded
 * (`'` and `&` survive). So in element text it cannot open a tag, and inside a double-quoted `href` of a link
 * (`<a>`, `<area>`) or `action` of a `<form>` it cannot close the attribute: the browser only follows it as a URL
 * (its scheme is fixed by the literal text before it, or it starts with `/`). Not safe — and still reported — in
 * a single-quoted or unquoted attribute (`'` closes the first), in any other attribute (event handlers, `style`,
 * `srcdoc`, `src`: their text is run, styled, parsed as HTML or loaded), after a `javascript:` scheme, inside
 * <script>/<style>, and in text without any markup before it (nothing shows it is element text).
 */
export function htmlProv(flow: FunctionFlow, node: SyntaxNode): Prov {
  const whole = flow.prov(node);
  if (!isRequestData(whole, 'html') || !/get_full_path|build_absolute_uri/.test(flow.scope.text)) return whole;
  const pieces = expand(flow, node, 0, new Set());
  const cursor = new HtmlCursor();
  const parts: Prov[] = [];
  for (const piece of pieces) {
    if ('text' in piece) {
      cursor.feed(piece.text);
      continue;
    }
    const fullPath = piece.plain && isFullPath(flow, piece.value);
    const inert = fullPath && cursor.inertSpot();
    parts.push(inert ? { grade: { ...flow.prov(piece.value).grade, html: SAFE } } : flow.prov(piece.value));
    cursor.value(fullPath || (piece.plain && percentEncoded(flow, piece.value, 0)));
  }
  return join(...parts);
}

/**
 * `x.get_full_path()` / `x.get_full_path_info()` of the HttpRequest (or a local assigned it once), and
 * `x.build_absolute_uri(…)` when what it is given carries no request data: Django returns `iri_to_uri()` of the
 * validated host (get_host() checks it against ALLOWED_HOSTS and a host pattern) joined with that location, or
 * with the current path — percent-encoded the same way. A location from the request is another matter (a
 * `javascript:` URL passes through urljoin untouched): that stays request data.
 */
function isFullPath(flow: FunctionFlow, node: SyntaxNode): boolean {
  if (node.type !== 'call') return false;
  const fn = node.childForFieldName('function');
  const attr = fn?.type === 'attribute' ? fn.childForFieldName('attribute')?.text ?? '' : '';
  const obj = fn?.type === 'attribute' ? fn.childForFieldName('object') : null;
  if (!obj || !flow.prov(obj).request) return false;
  if (FULL_PATH.test(attr)) return true;
  if (attr !== 'build_absolute_uri') return false;
  const args = (node.childForFieldName('arguments')?.namedChildren ?? []).filter((a) => a.type !== 'comment');
  return args.every((a) => a.type !== 'list_splat' && a.type !== 'dictionary_splat' && !isRequestData(flow.prov(a.type === 'keyword_argument' ? a.childForFieldName('value') ?? a : a), 'html'));
}

/** A value with no `"`, `<`, `>` or whitespace: get_full_path(), reverse(), a URL encoder's result. */
function percentEncoded(flow: FunctionFlow, node: SyntaxNode, depth: number): boolean {
  if (depth > 4) return false;
  if (node.type === 'identifier') {
    const rhs = onlyAssignment(flow, node.text);
    return !!rhs && percentEncoded(flow, rhs, depth + 1);
  }
  if (node.type !== 'call') return false;
  if (isFullPath(flow, node)) return true;
  const q = flow.idx.qualify(flow.file, node.childForFieldName('function'));
  return !!q && percentEncodes(q);
}

/** The one right-hand side of `name = …` in the function, when the name is bound exactly once and so. */
function onlyAssignment(flow: FunctionFlow, name: string): SyntaxNode | undefined {
  if (flow.parameters.includes(name)) return undefined;
  const rhss = flow.assignments(name);
  if (rhss.length !== 1) return undefined;
  const a = rhss[0].parent;
  if (a?.type !== 'assignment' || a.childForFieldName('left')?.type !== 'identifier' || a.childForFieldName('right')?.id !== rhss[0].id) return undefined;
  return rhss[0];
}

/** The pieces of a value: its composition when it can be read, else the value itself. */
function expand(flow: FunctionFlow, node: SyntaxNode, depth: number, seen: Set<number>, plain = true): Piece[] {
  if (!plain) return [{ value: node, plain }];
  return compose(flow, node, depth, seen) ?? [{ value: node, plain }];
}

/** The pieces of text built by an f-string, `+`, `%`, `.format()` or a wrapper; undefined when not readable. */
function compose(flow: FunctionFlow, node: SyntaxNode, depth: number, seen: Set<number>): Piece[] | undefined {
  if (depth > MAX_DEPTH || seen.has(node.id)) return undefined;
  const d = depth + 1;
  const inner = new Set(seen).add(node.id);
  switch (node.type) {
    case 'string':
      return stringPieces(flow, node, d, inner);
    case 'concatenated_string': {
      const out: Piece[] = [];
      for (const c of node.namedChildren) {
        const p = stringPieces(flow, c, d, inner);
        if (!p) return undefined;
        out.push(...p);
      }
      return out;
    }
    case 'parenthesized_expression':
      return node.namedChildren[0] ? expand(flow, node.namedChildren[0], d, inner) : undefined;
    case 'identifier': {
      const rhs = onlyAssignment(flow, node.text);
      return rhs ? expand(flow, rhs, d, inner) : undefined;
    }
    case 'binary_operator': {
      const op = node.childForFieldName('operator')?.text;
      const l = node.childForFieldName('left');
      const r = node.childForFieldName('right');
      if (!l || !r) return undefined;
      if (op === '+') return [...expand(flow, l, d, inner), ...expand(flow, r, d, inner)];
      if (op === '%') {
        const template = literalTemplate(flow, l);
        return template === undefined ? undefined : percentPieces(flow, template, r, d, inner);
      }
      return undefined;
    }
    case 'call': {
      const fn = node.childForFieldName('function');
      const args = (node.childForFieldName('arguments')?.namedChildren ?? []).filter((a) => a.type !== 'comment');
      if (fn?.type === 'attribute' && fn.childForFieldName('attribute')?.text === 'format') {
        const obj = fn.childForFieldName('object');
        const template = obj ? literalTemplate(flow, obj) : undefined;
        return template === undefined ? undefined : formatPieces(flow, template, args, d, inner);
      }
      const q = flow.idx.qualify(flow.file, fn) ?? fn?.text ?? '';
      if (WRAPPERS.test(q.replace(/^builtins\./, '')) && args.length === 1 && args[0].type !== 'keyword_argument') return expand(flow, args[0], d, inner);
      return undefined;
    }
    default:
      return undefined;
  }
}

/** A string literal's pieces: its text, and in an f-string its interpolations. */
function stringPieces(flow: FunctionFlow, node: SyntaxNode, depth: number, seen: Set<number>): Piece[] | undefined {
  if (node.type !== 'string') return undefined;
  const prefix = (node.namedChildren.find((c) => c.type === 'string_start')?.text ?? '"').replace(/["']/g, '').toLowerCase();
  if (prefix.includes('b')) return undefined;
  const raw = prefix.includes('r');
  const fstring = prefix.includes('f');
  const out: Piece[] = [];
  for (const c of node.namedChildren) {
    if (c.type === 'string_content' || c.type === 'escape_sequence') {
      let text = raw ? c.text : unescapePython(c.text);
      if (fstring) text = text.replace(/\{\{/g, '{').replace(/\}\}/g, '}');
      out.push({ text });
    } else if (c.type === 'interpolation') {
      const e = c.childForFieldName('expression');
      if (!e) return undefined;
      // `{x!r}`, `{x:>9}`, `{x=}` add quotes, padding or the expression's text
      const plain = !c.childForFieldName('type_conversion') && !c.childForFieldName('format_specifier') && !c.text.replace(/\s+/g, '').endsWith('=}');
      out.push(...expand(flow, e, depth, seen, plain));
    }
  }
  return out;
}

/** The text of a template given as a literal (or a gettext call of one): the developer's own markup. */
function literalTemplate(flow: FunctionFlow, node: SyntaxNode): string | undefined {
  while (node.type === 'parenthesized_expression' && node.namedChildren[0]) node = node.namedChildren[0];
  if (node.type === 'string' || node.type === 'concatenated_string') {
    const parts = compose(flow, node, 0, new Set());
    return parts?.every((p) => 'text' in p) ? parts.map((p) => ('text' in p ? p.text : '')).join('') : undefined;
  }
  if (node.type === 'call') {
    // _("…"): the translation is the project's own text; translators keep the markup of the msgid
    const q = flow.idx.qualify(flow.file, node.childForFieldName('function')) ?? node.childForFieldName('function')?.text ?? '';
    const args = (node.childForFieldName('arguments')?.namedChildren ?? []).filter((a) => a.type !== 'comment');
    if (GETTEXT.test(q) && args.length === 1) return literalTemplate(flow, args[0]);
  }
  return undefined;
}

/** `template % values`: `%s` and `%(name)s` filled from a tuple, a dict literal or a single value. */
function percentPieces(flow: FunctionFlow, template: string, right: SyntaxNode, depth: number, seen: Set<number>): Piece[] | undefined {
  const specs = [...template.matchAll(/%(?:\(([^)]*)\))?([#0\- +]*)(\*|\d+)?(?:\.(\*|\d+))?[hlL]?([diouxXeEfFgGcrsa%])/g)];
  const fields = specs.filter((m) => m[5] !== '%');
  let r = right;
  while (r.type === 'parenthesized_expression' && r.namedChildren[0]) r = r.namedChildren[0];
  let lookup: (m: RegExpMatchArray, i: number) => SyntaxNode | undefined;
  if (fields.some((m) => m[1] !== undefined)) {
    if (r.type !== 'dictionary') return undefined;
    const byKey = new Map<string, SyntaxNode>();
    for (const p of r.namedChildren) {
      if (p.type !== 'pair') return undefined;
      const k = p.childForFieldName('key');
      const v = p.childForFieldName('value');
      const key = k ? literalTemplate(flow, k) : undefined;
      if (key === undefined || !v) return undefined;
      byKey.set(key, v);
    }
    lookup = (m) => byKey.get(m[1] ?? '');
  } else if (r.type === 'tuple') {
    const items = r.namedChildren.filter((c) => c.type !== 'comment');
    if (items.length !== fields.length || items.some((c) => c.type === 'list_splat')) return undefined;
    lookup = (_m, i) => items[i];
  } else {
    if (fields.length !== 1) return undefined;
    lookup = () => r;
  }
  const out: Piece[] = [];
  let at = 0;
  let i = 0;
  for (const m of specs) {
    out.push({ text: template.slice(at, m.index) });
    at = m.index! + m[0].length;
    if (m[5] === '%') {
      out.push({ text: '%' });
      continue;
    }
    const v = lookup(m, i++);
    if (!v || m[3] === '*' || m[4] === '*') return undefined;
    out.push(...expand(flow, v, depth, seen, m[5] === 's' && !m[2] && !m[3] && !m[4]));
  }
  out.push({ text: template.slice(at) });
  return out;
}

/** `template.format(…)`: `{}`, `{0}`, `{name}` fields; a field with a conversion or spec is a value not read. */
function formatPieces(flow: FunctionFlow, template: string, args: SyntaxNode[], depth: number, seen: Set<number>): Piece[] | undefined {
  const positional: SyntaxNode[] = [];
  const named = new Map<string, SyntaxNode>();
  for (const a of args) {
    if (a.type === 'list_splat' || a.type === 'dictionary_splat') return undefined;
    if (a.type === 'keyword_argument') {
      const k = a.childForFieldName('name')?.text;
      const v = a.childForFieldName('value');
      if (!k || !v) return undefined;
      named.set(k, v);
    } else positional.push(a);
  }
  const out: Piece[] = [];
  let text = '';
  let auto = 0;
  for (let i = 0; i < template.length; i++) {
    const ch = template[i];
    if ((ch === '{' || ch === '}') && template[i + 1] === ch) {
      text += ch;
      i++;
      continue;
    }
    if (ch === '}') return undefined;
    if (ch !== '{') {
      text += ch;
      continue;
    }
    const end = template.indexOf('}', i);
    if (end < 0) return undefined;
    const field = template.slice(i + 1, end);
    if (field.includes('{')) return undefined; // a nested spec
    const m = /^([^!:]*)(![rsa])?(:.*)?$/.exec(field);
    if (!m) return undefined;
    const name = m[1];
    let v: SyntaxNode | undefined;
    if (name === '') v = positional[auto++];
    else if (/^\d+$/.test(name)) v = positional[Number(name)];
    else if (/^[A-Za-z_]\w*$/.test(name)) v = named.get(name);
    if (!v) return undefined; // an attribute or index of an argument, or a missing one
    out.push({ text });
    text = '';
    out.push(...expand(flow, v, depth, seen, !m[2] && !m[3]));
    i = end;
  }
  out.push({ text });
  return out;
}

const WS = /[\t\n\f\r ]/;
/** Attributes whose value is a link or form target: the browser follows it as a URL, never loads or runs it. */
const LINK_ATTRS: Record<string, RegExp> = { href: /^(a|area)$/, action: /^form$/ };

/** A small HTML tokenizer over the literal markup, enough to know where the next value lands. */
class HtmlCursor {
  private state: 'data' | 'rawtext' | 'tagOpen' | 'endTagOpen' | 'endTag' | 'markupDecl' | 'comment' | 'bogus' | 'tagName' | 'beforeAttr' | 'attrName' | 'afterAttrName' | 'beforeValue' | 'dq' | 'sq' | 'unq' | 'afterValue' = 'data';
  private lost = false;
  private sawTag = false;
  private tag = '';
  private attr = '';
  private attrValue = '';
  private buf = '';

  feed(text: string): void {
    for (const ch of text) this.step(ch);
  }

  /** Is a percent-encoded value inert at this point: element text after markup, or a link's double-quoted URL? */
  inertSpot(): boolean {
    if (this.lost) return false;
    if (this.state === 'data') return this.sawTag;
    if (this.state !== 'dq') return false;
    if (!LINK_ATTRS[this.attr]?.test(this.tag)) return false;
    // the scheme is the literal's (an allowed one), or there is none before the value
    const scheme = /^\s*([^:/?#]*):/.exec(this.attrValue);
    return !scheme || /^(https?|mailto)$/i.test(scheme[1]);
  }

  /** A value goes in here: one without `"`, `<`, `>` or whitespace leaves text, comments and double-quoted values as they were. */
  value(percentEncoded: boolean): void {
    if (percentEncoded && ['data', 'rawtext', 'comment', 'bogus', 'dq', 'unq'].includes(this.state)) {
      this.attrValue += '\0';
      this.buf = '';
      return;
    }
    this.lost = true;
  }

  private endStartTag(): void {
    this.sawTag = true;
    this.state = this.tag === 'script' || this.tag === 'style' ? 'rawtext' : 'data';
    this.buf = '';
  }

  private step(ch: string): void {
    switch (this.state) {
      case 'data':
        if (ch === '<') this.state = 'tagOpen';
        return;
      case 'rawtext':
        this.buf = (this.buf + ch.toLowerCase()).slice(-(this.tag.length + 2));
        if (this.buf === `</${this.tag}`) this.state = 'endTag';
        return;
      case 'tagOpen':
        if (/[A-Za-z]/.test(ch)) {
          this.tag = ch.toLowerCase();
          this.state = 'tagName';
        } else if (ch === '/') this.state = 'endTagOpen';
        else if (ch === '!') {
          this.buf = '';
          this.state = 'markupDecl';
        } else if (ch === '?') this.state = 'bogus';
        else this.state = ch === '<' ? 'tagOpen' : 'data';
        return;
      case 'endTagOpen':
        this.state = /[A-Za-z]/.test(ch) ? 'endTag' : ch === '>' ? 'data' : 'bogus';
        return;
      case 'endTag':
        if (ch === '>') {
          this.sawTag = true;
          this.state = 'data';
        }
        return;
      case 'markupDecl':
        this.buf += ch;
        if (this.buf === '--') {
          this.buf = '';
          this.state = 'comment';
        } else if (this.buf !== '-') this.state = ch === '>' ? 'data' : 'bogus';
        return;
      case 'comment':
        this.buf = (this.buf + ch).slice(-3);
        if (this.buf === '-->') this.state = 'data';
        return;
      case 'bogus':
        if (ch === '>') this.state = 'data';
        return;
      case 'tagName':
        if (WS.test(ch) || ch === '/') this.state = 'beforeAttr';
        else if (ch === '>') this.endStartTag();
        else this.tag += ch.toLowerCase();
        return;
      case 'beforeAttr':
        if (WS.test(ch) || ch === '/') return;
        if (ch === '>') this.endStartTag();
        else this.startAttr(ch);
        return;
      case 'attrName':
        if (WS.test(ch)) this.state = 'afterAttrName';
        else if (ch === '/') this.state = 'beforeAttr';
        else if (ch === '=') this.state = 'beforeValue';
        else if (ch === '>') this.endStartTag();
        else this.attr += ch.toLowerCase();
        return;
      case 'afterAttrName':
        if (WS.test(ch)) return;
        if (ch === '/') this.state = 'beforeAttr';
        else if (ch === '=') this.state = 'beforeValue';
        else if (ch === '>') this.endStartTag();
        else this.startAttr(ch);
        return;
      case 'beforeValue':
        if (WS.test(ch)) return;
        this.attrValue = '';
        if (ch === '"') this.state = 'dq';
        else if (ch === "'") this.state = 'sq';
        else if (ch === '>') this.endStartTag();
        else {
          this.attrValue = ch;
          this.state = 'unq';
        }
        return;
      case 'dq':
      case 'sq':
        if (ch === (this.state === 'dq' ? '"' : "'")) this.state = 'afterValue';
        else this.attrValue += ch;
        return;
      case 'unq':
        if (WS.test(ch)) this.state = 'beforeAttr';
        else if (ch === '>') this.endStartTag();
        else this.attrValue += ch;
        return;
      case 'afterValue':
        if (WS.test(ch) || ch === '/') this.state = 'beforeAttr';
        else if (ch === '>') this.endStartTag();
        else this.startAttr(ch);
        return;
    }
  }

  private startAttr(ch: string): void {
    this.attr = ch.toLowerCase();
    this.attrValue = '';
    this.state = 'attrName';
  }
}
