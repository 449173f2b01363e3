/**
 * Where a value comes from, inside one function (part of the project model; see model.ts): request data — what
 * the client chooses (query string, form body, raw body, uploaded files, cookies, headers) —, constants,
 * values made safe for a given use (escaped for HTML, cast to a number, reversed from a URL name, verified by a
 * signature), or unknown (a parameter, a database value, the result of a call the model does not know).
 *
 * The answer is per use ("sink"): `escape(q)` is safe in HTML but says nothing about SQL, and `request.path`
 * is client data in SQL but a same-site path in a redirect. Flow-insensitive over one function body (every
 * assignment of a name counts, in any order, nested functions and lambdas excluded); one level across calls,
 * on demand: a rule that finds a sink fed by a parameter asks for the function's callers in the same module.
 *
 * Conservative like the rest of the model: only reads of the request the model knows, and only operations
 * known to pass text through (string methods, formatting, decoding, containers), make request data. A call
 * it does not know gives "unknown", never request data, so a rule built on "request data reaches X" misses
 * rather than invents.
 */
import type { Location } from '../finding';
import type { ScanContext } from './scan';
import type { SourceFile } from './workspace';
import { allParams, stringValue, walk, type SyntaxNode } from './python';

export { allParams };
import { PyIndex } from './modules';
import { classExtends, defKey, viewKeys } from './views';
import { loc, paramNames, walkBody } from './syntax';

export type Sink = 'html' | 'sql' | 'url' | 'code';
export const SINKS: readonly Sink[] = ['html', 'sql', 'url', 'code'];

/** 0 constant (literals, module constants, settings) · 1 safe (made safe for this use) · 2 unknown · 3 request data. */
export type Grade = 0 | 1 | 2 | 3;
export const CONSTANT: Grade = 0;
export const SAFE: Grade = 1;
export const UNKNOWN: Grade = 2;
export const REQUEST: Grade = 3;

export interface RequestSource {
  /** The read, as written: `request.GET`, `request.META['HTTP_REFERER']`, `self.request.POST`. */
  text: string;
  line: number;
  /** The Referer header (a redirect back to it is low risk: the user came from there). */
  referer?: boolean;
}

export interface Prov {
  grade: Record<Sink, Grade>;
  /** The first request read that reaches the value (set when some sink is REQUEST). */
  source?: RequestSource;
  /** Parameters of the function whose values reach it (unknown until a caller is known). */
  params?: ReadonlySet<string>;
  /** The HttpRequest itself (attribute reads make request data). */
  request?: boolean;
  /** request.META (subscripts with a literal key are classified by key). */
  meta?: boolean;
  /** A form or serializer bound to request data: cleaned_data / validated_data / data are request data. */
  form?: RequestSource;
  /** The qualified name of that form's class (formClass), and on its cleaned data (cleanedOf) the same. */
  formClass?: string;
  cleanedOf?: string;
}

const all = (g: Grade): Record<Sink, Grade> => ({ html: g, sql: g, url: g, code: g });
export const constant = (): Prov => ({ grade: all(CONSTANT) });
export const safe = (): Prov => ({ grade: all(SAFE) });
export const unknown = (params?: ReadonlySet<string>): Prov => ({ grade: all(UNKNOWN), ...(params && params.size ? { params } : {}) });
const requestData = (source: RequestSource, grade: Record<Sink, Grade> = all(REQUEST)): Prov => ({ grade, source });

/** The combination of several parts (a concatenation, a format, a container): the worst part wins, per sink. */
export function join(...parts: Prov[]): Prov {
  if (parts.length === 0) return constant();
  const grade = all(CONSTANT);
  let source: RequestSource | undefined;
  let params: Set<string> | undefined;
  for (const p of parts) {
    for (const s of SINKS) {
      // the HttpRequest object / META / a bound form as a whole are no text of their own
      const g = p.request || p.meta || p.form ? UNKNOWN : p.grade[s];
      if (g > grade[s]) grade[s] = g;
    }
    if (!source && p.source && SINKS.some((s) => p.grade[s] === REQUEST)) source = p.source;
    if (p.params) for (const n of p.params) (params ??= new Set()).add(n);
  }
  return { grade, ...(source ? { source } : {}), ...(params ? { params } : {}) };
}

/** Lower some sinks to SAFE (a sanitiser for those uses); the others keep the value's grade. */
function clear(p: Prov, sinks: readonly Sink[]): Prov {
  const base = join(p);
  const grade = { ...base.grade };
  for (const s of sinks) grade[s] = grade[s] === CONSTANT ? CONSTANT : SAFE;
  const stillRequest = SINKS.some((s) => grade[s] === REQUEST);
  return { grade, ...(stillRequest && base.source ? { source: base.source } : {}), ...(base.params ? { params: base.params } : {}) };
}

export function isRequestData(p: Prov, sink: Sink): boolean {
  return p.grade[sink] === REQUEST && !p.request && !p.meta && !p.form;
}

// ---------------------------------------------------------------------------------------------------------
// What the model knows about calls

/** Results that are safe for every use: numbers, booleans, URL reversing, slugs, signature-verified data. */
const SAFE_CALLS = new Set([
  'int', 'float', 'bool', 'len', 'abs', 'round', 'ord', 'hash', 'id', 'isinstance', 'hasattr', 'callable',
  'decimal.Decimal', 'uuid.UUID', 'uuid.uuid4', 'uuid.uuid1',
  'django.urls.reverse', 'django.urls.reverse_lazy', 'django.core.urlresolvers.reverse', 'django.urls.base.reverse',
  'django.utils.text.slugify', 'django.template.defaultfilters.slugify',
  'django.core.signing.loads', 'django.core.signing.Signer', 'django.core.signing.TimestampSigner',
  'django.utils.crypto.get_random_string', 'secrets.token_urlsafe', 'secrets.token_hex',
  'base64.b64encode', 'base64.urlsafe_b64encode', 'binascii.hexlify', 'hashlib.sha256', 'hashlib.md5', 'hashlib.sha1',
  'django.db.connection.ops.quote_name', 'django.utils.timezone.now', 'datetime.datetime.now', 'datetime.date.today',
  'time.time',
]);
const SAFE_METHODS = /^(unsign|unsign_object|quote_name|hexdigest|digest|isoformat|strftime|timestamp|get_absolute_url|startswith|endswith|isdigit|isnumeric|isalpha|isalnum|isdecimal|isidentifier|islower|isupper|isspace|istitle|isascii|count|find|rfind|index|rindex|exists|is_valid|is_authenticated|has_perm|has_perms|is_secure|get_host|is_ajax)$/;

/** HTML escapers: safe in HTML; the other uses keep the value's grade. */
const HTML_ESCAPERS = new Set([
  'django.utils.html.escape', 'django.utils.html.conditional_escape', 'django.utils.html.format_html', 'django.utils.html.format_html_join',
  'django.utils.html.escapejs', 'django.utils.html.json_script', 'django.template.defaultfilters.escape', 'django.template.defaultfilters.force_escape',
  'django.template.defaultfilters.escapejs', 'django.utils.html.avoid_wrapping',
  'html.escape', 'cgi.escape', 'markupsafe.escape', 'jinja2.escape', 'bleach.clean', 'nh3.clean', 'bleach.linkify',
]);
/** URL encoders: safe in HTML and SQL (quotes, angle brackets and spaces are percent-encoded); not in a redirect (`//host` survives). */
const URL_ENCODERS = new Set([
  'urllib.parse.quote', 'urllib.parse.quote_plus', 'urllib.parse.urlencode', 'urllib.quote', 'urllib.urlencode',
  'django.utils.http.urlencode', 'django.utils.http.urlquote', 'django.utils.http.urlquote_plus', 'django.utils.encoding.escape_uri_path',
  // requests re-exports urllib.parse's
  'requests.utils.quote', 'requests.compat.quote', 'requests.compat.quote_plus', 'requests.compat.urlencode',
]);
const REVERSE = new Set(['django.urls.reverse', 'django.urls.reverse_lazy', 'django.core.urlresolvers.reverse', 'django.urls.base.reverse']);

/** Calls whose result is percent-encoded (no `"`, `<`, `>` or whitespace): the URL encoders and reverse(). */
export function percentEncodes(q: string): boolean {
  return URL_ENCODERS.has(q) || REVERSE.has(q);
}
/** Functions that hand their arguments' text on (decoding, converting, joining paths and URLs). */
const PASSTHROUGH = new Set([
  'str', 'bytes', 'repr', 'format', 'list', 'tuple', 'dict', 'set', 'frozenset', 'sorted', 'reversed', 'iter', 'next', 'min', 'max', 'filter',
  'base64.b64decode', 'base64.urlsafe_b64decode', 'base64.decodebytes', 'base64.standard_b64decode', 'binascii.unhexlify', 'binascii.a2b_base64',
  'bytes.fromhex', 'codecs.decode', 'zlib.decompress', 'gzip.decompress', 'bz2.decompress', 'lzma.decompress',
  'urllib.parse.unquote', 'urllib.parse.unquote_plus', 'urllib.parse.unquote_to_bytes', 'urllib.parse.urljoin', 'urllib.parse.urlparse',
  'urllib.parse.urlsplit', 'urllib.parse.urlunparse', 'urllib.parse.urlunsplit', 'urllib.unquote', 'urlparse.urljoin', 'urlparse.urlparse',
  'json.loads', 'json.dumps', 'html.unescape', 'textwrap.dedent', 'textwrap.shorten', 'os.path.join', 'os.path.basename', 'posixpath.join',
  'django.utils.encoding.iri_to_uri', 'django.utils.encoding.uri_to_iri', 'django.utils.encoding.force_str', 'django.utils.encoding.smart_str',
  'django.utils.encoding.force_text', 'django.utils.encoding.smart_text', 'django.utils.encoding.force_bytes', 'django.utils.encoding.smart_bytes',
  'django.shortcuts.resolve_url', 'django.utils.safestring.mark_safe', 'django.utils.safestring.SafeString', 'django.utils.safestring.SafeText',
  'io.BytesIO', 'io.StringIO',
]);
/** Methods of strings, bytes, dicts, QueryDicts and uploaded files that hand the receiver's text on. */
const PASSTHROUGH_METHODS =
  /^(get|getlist|pop|setdefault|lists|dict|items|values|keys|copy|urlencode|strip|lstrip|rstrip|lower|upper|title|capitalize|casefold|swapcase|replace|split|rsplit|splitlines|partition|rpartition|decode|encode|format|format_map|join|read|readline|readlines|chunks|getvalue|removeprefix|removesuffix|zfill|ljust|rjust|center|expandtabs|translate|normalize|__getitem__|geturl)$/;

/** Attributes of the HttpRequest (and DRF's Request) that the client chooses. */
const REQUEST_ATTRS: Record<string, Partial<Record<Sink, Grade>>> = {
  GET: all(REQUEST), POST: all(REQUEST), data: all(REQUEST), query_params: all(REQUEST), body: all(REQUEST), FILES: all(REQUEST),
  COOKIES: all(REQUEST), headers: all(REQUEST), content_params: all(REQUEST), content_type: all(REQUEST), stream: all(REQUEST),
  // the request's own path: client text in SQL and HTML, but a path on this site in a redirect
  path: { html: REQUEST, sql: REQUEST, url: SAFE, code: REQUEST }, path_info: { html: REQUEST, sql: REQUEST, url: SAFE, code: REQUEST },
};
const REQUEST_METHODS: Record<string, Partial<Record<Sink, Grade>>> = {
  read: all(REQUEST), readline: all(REQUEST), readlines: all(REQUEST),
  get_full_path: { html: REQUEST, sql: REQUEST, url: SAFE, code: REQUEST }, get_full_path_info: { html: REQUEST, sql: REQUEST, url: SAFE, code: REQUEST },
  build_absolute_uri: { html: REQUEST, sql: REQUEST, url: SAFE, code: REQUEST }, get_host: all(SAFE), is_secure: all(SAFE), get_port: all(SAFE),
  get_signed_cookie: all(SAFE),
};

/** request.META keys: HTTP_* headers and the query string are the client's; the rest the server's. */
function metaKey(key: string): Grade {
  if (/^(HTTP_|QUERY_STRING$|CONTENT_TYPE$)/.test(key)) return REQUEST;
  if (key === 'PATH_INFO' || key === 'SCRIPT_NAME') return REQUEST;
  return SAFE; // REMOTE_ADDR, SERVER_NAME, SERVER_PORT, REQUEST_METHOD…
}

const REQUEST_NAMES = new Set(['request', 'req']);

/** Methods whose first argument (after self) is bound to the request's data, and what it is. */
const BOUND_HOOKS: Record<string, string> = {
  form_valid: 'bound form',
  form_invalid: 'bound form',
  perform_create: 'serializer bound to request.data',
  perform_update: 'serializer bound to request.data',
};
const FORM_CLASS = /(^|\.)\w*(Form|FormSet|Serializer)$/;
const UPPER_CONSTANT = /^_?[A-Z][A-Z0-9_]*$/;
const MAX_DEPTH = 40;

// ---------------------------------------------------------------------------------------------------------

/** A function (or the module) analysed: every name's provenance, and the provenance of any expression in it. */
export class FunctionFlow {
  private readonly env = new Map<string, Prov>();
  private readonly locals = new Map<string, SyntaxNode[]>();
  private readonly params: string[];
  private readonly requestNames = new Set<string>();
  private module?: FunctionFlow;

  constructor(
    readonly ctx: ScanContext,
    readonly file: SourceFile,
    /** function_definition, or the module root */
    readonly scope: SyntaxNode,
    /** What callers pass (one level): parameter name -> provenance. */
    readonly paramProv: ReadonlyMap<string, Prov> = new Map(),
  ) {
    this.params = scope.type === 'function_definition' ? allParams(scope) : [];
    if (scope.type === 'function_definition') {
      for (const p of this.params) if (REQUEST_NAMES.has(p)) this.requestNames.add(p);
      // the first parameter of a function view is the request, whatever its name
      const first = paramNames(scope)[0];
      if (first && first !== 'self' && viewKeys(ctx, 'functions').has(defKey(file, scope))) this.requestNames.add(first);
      this.module = FunctionFlow.of(ctx, file, ctx.workspace.tree(file).rootNode);
    }
    this.collect();
  }

  private solved = false;
  private ensureSolved(): void {
    if (this.solved) return;
    this.solved = true;
    this.solve();
  }

  private static cache = new WeakMap<ScanContext, Map<string, FunctionFlow>>();

  /** The flow of a function (or module root), cached per scan; with `paramProv`, a fresh one-level analysis. */
  static of(ctx: ScanContext, file: SourceFile, scope: SyntaxNode, paramProv?: ReadonlyMap<string, Prov>): FunctionFlow {
    let byScope = FunctionFlow.cache.get(ctx);
    if (!byScope) FunctionFlow.cache.set(ctx, (byScope = new Map()));
    const key = `${file.rel}:${scope.id}${paramProv && paramProv.size ? `:${[...paramProv.keys()].sort().join(',')}:${[...paramProv.values()].map((p) => JSON.stringify(p.grade)).join(';')}` : ''}`;
    let f = byScope.get(key);
    if (!f) {
      f = new FunctionFlow(ctx, file, scope, paramProv);
      byScope.set(key, f);
    }
    return f;
  }

  /** The flow of the innermost function around a node (lambdas skipped), or of its module. */
  static around(ctx: ScanContext, file: SourceFile, node: SyntaxNode): FunctionFlow {
    return FunctionFlow.of(ctx, file, enclosingFunction(node) ?? ctx.workspace.tree(file).rootNode);
  }

  get idx(): PyIndex {
    return PyIndex.of(this.ctx);
  }

  /** Parameter names of the function (self/cls included), in order. */
  get parameters(): readonly string[] {
    return this.params;
  }

  /** Is this name the HttpRequest in this function? */
  isRequestName(name: string): boolean {
    this.ensureSolved();
    return this.requestNames.has(name) || !!this.env.get(name)?.request;
  }

  /** Right-hand sides assigned to a local name (assignment, +=, for, with … as, :=), in source order. */
  assignments(name: string): readonly SyntaxNode[] {
    return this.locals.get(name) ?? [];
  }

  /** Provenance of a local name. */
  name(name: string): Prov | undefined {
    this.ensureSolved();
    return this.env.get(name);
  }

  private collect(): void {
    const add = (name: string, rhs: SyntaxNode) => {
      const arr = this.locals.get(name) ?? [];
      arr.push(rhs);
      this.locals.set(name, arr);
    };
    const bindTargets = (target: SyntaxNode, rhs: SyntaxNode) => {
      if (target.type === 'identifier') add(target.text, rhs);
      else if (['pattern_list', 'tuple_pattern', 'list_pattern', 'expression_list', 'tuple', 'list'].includes(target.type)) {
        for (const t of target.namedChildren) bindTargets(t.type === 'list_splat_pattern' ? t.namedChildren[0] ?? t : t, rhs);
      } else if (target.type === 'as_pattern_target' && target.namedChildren[0]) bindTargets(target.namedChildren[0], rhs);
      else if (target.type === 'subscript') {
        // ctx["k"] = v: the container now holds v
        const base = target.childForFieldName('value');
        if (base?.type === 'identifier') add(base.text, rhs);
      }
    };
    const visit = (n: SyntaxNode) => {
      switch (n.type) {
        case 'assignment': {
          const left = n.childForFieldName('left');
          const right = n.childForFieldName('right');
          if (left && right) bindTargets(left, right);
          break;
        }
        case 'augmented_assignment': {
          const left = n.childForFieldName('left');
          const right = n.childForFieldName('right');
          if (left && right) bindTargets(left, right);
          break;
        }
        case 'named_expression': {
          const name = n.childForFieldName('name');
          const value = n.childForFieldName('value');
          if (name && value) add(name.text, value);
          break;
        }
        case 'for_statement': {
          const left = n.childForFieldName('left');
          const right = n.childForFieldName('right');
          if (left && right) bindTargets(left, right);
          break;
        }
        case 'as_pattern': {
          const value = n.namedChildren[0];
          const alias = n.childForFieldName('alias');
          if (value && alias && n.parent?.type === 'with_item') bindTargets(alias, value);
          break;
        }
        default:
          break;
      }
    };
    if (this.scope.type === 'function_definition') walkBody(this.scope, visit);
    else {
      // module level: statements outside functions and classes
      walk(this.scope, (n) => {
        if (n.type === 'function_definition' || n.type === 'class_definition' || n.type === 'lambda') return false;
        visit(n);
        return true;
      });
    }
  }

  private solve(): void {
    for (let round = 0; round < 6; round++) {
      let changed = false;
      for (const [name, rhss] of this.locals) {
        const provs = rhss.map((r) => this.expr(r, 0));
        // a parameter's own value reaches the uses before any reassignment
        if (this.params.includes(name) && !this.requestNames.has(name)) provs.push(this.paramValue(name));
        const before = this.env.get(name);
        // a name bound to the request object (`request = self.request`) stays the request
        const p = provs.length === 1 ? provs[0] : provs.some((x) => x.request) && provs.every((x) => x.request) ? provs[0] : join(...provs);
        if (!before || JSON.stringify(summary(before)) !== JSON.stringify(summary(p))) {
          this.env.set(name, p);
          changed = true;
        }
      }
      if (!changed) return;
    }
  }

  /** Provenance of an expression of this function. */
  prov(node: SyntaxNode): Prov {
    this.ensureSolved();
    return this.expr(node, 0);
  }

  /** What a parameter holds on entry: what the caller passes (one level), else unknown — marked as the parameter. */
  private paramValue(name: string): Prov {
    const given = this.paramProv.get(name);
    if (given) return given;
    if (name === 'self' || name === 'cls') return unknown();
    // What Django and DRF pass these hooks is bound to the request's data: the form of a FormView's
    // form_valid()/form_invalid(), the serializer of perform_create()/perform_update().
    const hook = this.scope.type === 'function_definition' ? BOUND_HOOKS[this.scope.childForFieldName('name')?.text ?? ''] : undefined;
    if (hook && this.params.indexOf(name) === 1 && this.params[0] === 'self') {
      const formClass = hook === 'bound form' ? this.viewFormClass() : undefined;
      return { grade: all(UNKNOWN), form: { text: `the ${hook} \`${name}\` of ${this.scope.childForFieldName('name')!.text}()`, line: this.scope.startPosition.row + 1 }, ...(formClass ? { formClass } : {}) };
    }
    return unknown(new Set([name]));
  }

  /**
   * The form class of the class view whose method this is — `form_class = PersonMergeForm` in its own body
   * (Geniza's merge views) — qualified, or undefined: what form_valid() is given is that form, bound.
   */
  private viewFormClass(): string | undefined {
    const cls = this.scope.parent?.parent;
    if (cls?.type !== 'class_definition') return undefined;
    for (const st of cls.childForFieldName('body')?.namedChildren ?? []) {
      const a = st.type === 'expression_statement' ? st.namedChildren[0] : undefined;
      if (a?.type !== 'assignment' || a.childForFieldName('left')?.text !== 'form_class') continue;
      const right = a.childForFieldName('right');
      return right && (right.type === 'identifier' || right.type === 'attribute') ? this.idx.qualify(this.file, right) : undefined;
    }
    return undefined;
  }

  private identifier(name: string, node: SyntaxNode): Prov {
    if (this.requestNames.has(name) && !this.locals.has(name)) return { grade: all(UNKNOWN), request: true };
    const local = this.env.get(name);
    if (local) return local;
    if (this.params.includes(name)) return this.paramValue(name);
    if (this.locals.has(name)) return unknown(); // still being solved
    if (name === 'True' || name === 'False' || name === 'None') return constant();
    if (this.module && this.module !== this) {
      const m = this.module.name(name);
      if (m) return m;
    }
    if (UPPER_CONSTANT.test(name)) return constant();
    void node;
    return unknown();
  }

  private expr(node: SyntaxNode, depth: number): Prov {
    if (depth > MAX_DEPTH) return unknown();
    const d = depth + 1;
    switch (node.type) {
      case 'string': {
        const parts = node.namedChildren.filter((c) => c.type === 'interpolation').map((c) => this.expr(c.childForFieldName('expression') ?? c, d));
        return parts.length ? join(constant(), ...parts) : constant();
      }
      case 'concatenated_string':
        return join(...node.namedChildren.map((c) => this.expr(c, d)));
      case 'integer': case 'float': case 'true': case 'false': case 'none': case 'ellipsis':
        return constant();
      case 'identifier':
        return this.identifier(node.text, node);
      case 'parenthesized_expression':
        return node.namedChildren[0] ? this.expr(node.namedChildren[0], d) : constant();
      case 'list': case 'tuple': case 'set': case 'expression_list':
        return join(...node.namedChildren.map((c) => this.expr(c.type === 'list_splat' ? c.namedChildren[0] ?? c : c, d)));
      case 'dictionary':
        return join(...node.namedChildren.flatMap((p) => (p.type === 'pair' ? [p.childForFieldName('key'), p.childForFieldName('value')] : [p.namedChildren[0]])).filter((x): x is SyntaxNode => !!x).map((x) => this.expr(x, d)));
      case 'list_comprehension': case 'set_comprehension': case 'generator_expression': case 'dictionary_comprehension':
        return this.comprehension(node, d);
      case 'binary_operator': {
        const op = node.childForFieldName('operator')?.text;
        const l = node.childForFieldName('left');
        const r = node.childForFieldName('right');
        if (!l || !r) return unknown();
        if (op === '+' || op === '%' || op === '*' || op === '|') return join(this.expr(l, d), this.expr(r, d));
        return safe(); // arithmetic: numbers
      }
      case 'boolean_operator': {
        const l = node.childForFieldName('left');
        const r = node.childForFieldName('right');
        return join(...[l, r].filter((x): x is SyntaxNode => !!x).map((x) => this.expr(x, d)));
      }
      case 'conditional_expression': {
        const [a, , b] = node.namedChildren;
        return join(...[a, b].filter((x): x is SyntaxNode => !!x).map((x) => this.expr(x, d)));
      }
      case 'comparison_operator': case 'not_operator': case 'unary_operator':
        return safe();
      case 'named_expression': {
        const v = node.childForFieldName('value');
        return v ? this.expr(v, d) : unknown();
      }
      case 'await':
        return node.namedChildren[0] ? this.expr(node.namedChildren[0], d) : unknown();
      case 'attribute':
        return this.attribute(node, d);
      case 'subscript':
        return this.subscript(node, d);
      case 'call':
        return this.call(node, d);
      default:
        return unknown();
    }
  }

  private comprehension(node: SyntaxNode, d: number): Prov {
    // bind the loop variables to the iterable's provenance, then read the element expression
    const saved = new Map<string, Prov | undefined>();
    for (const clause of node.namedChildren.filter((c) => c.type === 'for_in_clause')) {
      const left = clause.childForFieldName('left');
      const right = clause.childForFieldName('right');
      if (!left || !right) continue;
      const p = this.expr(right, d);
      const names: string[] = [];
      walk(left, (n) => {
        if (n.type === 'identifier') names.push(n.text);
      });
      for (const n of names) {
        if (!saved.has(n)) saved.set(n, this.env.get(n));
        this.env.set(n, p);
      }
    }
    const body = node.childForFieldName('body') ?? node.namedChildren[0];
    let out: Prov;
    if (node.type === 'dictionary_comprehension' && body?.type === 'pair') {
      out = join(...[body.childForFieldName('key'), body.childForFieldName('value')].filter((x): x is SyntaxNode => !!x).map((x) => this.expr(x, d)));
    } else out = body ? this.expr(body, d) : unknown();
    for (const [n, p] of saved) {
      if (p) this.env.set(n, p);
      else this.env.delete(n);
    }
    return out;
  }

  private attribute(node: SyntaxNode, d: number): Prov {
    const obj = node.childForFieldName('object');
    const attr = node.childForFieldName('attribute')?.text ?? '';
    if (!obj) return unknown();
    // self.request in class-based views
    if (obj.type === 'identifier' && obj.text === 'self' && attr === 'request') return { grade: all(UNKNOWN), request: true };
    const q = this.idx.qualify(this.file, node);
    // django.conf.settings, or an upper-case name of a project's settings module imported as such
    // (pydis: `from pydis_site import settings`, then `settings.TIMEOUT_PERIOD`)
    if (q && (/^django\.conf\.settings\./.test(q) || /(^|\.)settings\.[A-Z][A-Z0-9_]*$/.test(q))) return constant();
    if (attr === '_meta' || attr === 'db_table' || attr === 'model_name' || attr === 'app_label') return safe();
    const base = this.expr(obj, d);
    if (base.request) {
      const r = REQUEST_ATTRS[attr];
      if (r) return requestData({ text: node.text, line: node.startPosition.row + 1 }, { ...all(UNKNOWN), ...r });
      if (attr === 'META') return { grade: all(UNKNOWN), meta: true, source: { text: node.text, line: node.startPosition.row + 1 } };
      return unknown(); // user, session, method, resolver_match…: not the client's text
    }
    if (base.form) {
      if (attr === 'cleaned_data' && base.formClass) return { ...requestData(base.form), cleanedOf: base.formClass };
      if (attr === 'cleaned_data' || attr === 'validated_data' || attr === 'data' || attr === 'initial_data') return requestData(base.form);
      return unknown();
    }
    if (base.meta) return unknown();
    if (attr === 'pk' || attr === 'id' || /_id$/.test(attr)) return safe();
    if (UPPER_CONSTANT.test(attr) && base.grade.sql <= SAFE) return constant();
    if (SINKS.some((s) => base.grade[s] === REQUEST)) return join(base); // an uploaded file's .name, a parsed URL's .netloc
    return unknown(base.params);
  }

  private subscript(node: SyntaxNode, d: number): Prov {
    const value = node.childForFieldName('value');
    if (!value) return unknown();
    const base = this.expr(value, d);
    if (base.meta) {
      const key = stringValue(node.childForFieldName('subscript'));
      if (key === undefined) return unknown();
      return metaRead(key, node);
    }
    if (base.request || base.form) return unknown();
    if (base.cleanedOf && this.rowField(base.cleanedOf, stringValue(node.childForFieldName('subscript')))) return unknown();
    // headers["Referer"] (any case): the Referer header, as headers.get("Referer") is
    const key = stringValue(node.childForFieldName('subscript'));
    if (base.source && /\.headers$/.test(base.source.text) && key && /^referer$/i.test(key)) {
      return requestData({ text: node.text, line: node.startPosition.row + 1, referer: true });
    }
    return join(base);
  }

  private call(node: SyntaxNode, d: number): Prov {
    const fn = node.childForFieldName('function');
    const argList = node.childForFieldName('arguments');
    const args = argList?.type === 'argument_list' ? argList.namedChildren.filter((a) => a.type !== 'comment') : argList ? [argList] : [];
    const argValue = (a: SyntaxNode): SyntaxNode => (a.type === 'keyword_argument' ? a.childForFieldName('value') ?? a : a.type === 'list_splat' || a.type === 'dictionary_splat' ? a.namedChildren[0] ?? a : a);
    const argProvs = () => args.map((a) => this.expr(argValue(a), d));
    if (!fn) return unknown();
    if (fn.type === 'attribute') {
      const obj = fn.childForFieldName('object');
      const method = fn.childForFieldName('attribute')?.text ?? '';
      if (obj) {
        // "sep".join(...), "...".format(...)
        if (obj.type === 'string' || obj.type === 'concatenated_string') {
          if (method === 'join' || method === 'format' || method === 'format_map' || PASSTHROUGH_METHODS.test(method)) return join(this.expr(obj, d), ...argProvs());
        }
        const q = this.idx.qualify(this.file, fn);
        const known = q ? this.knownCall(q, node, argProvs) : undefined;
        if (known) return known;
        const base = this.expr(obj, d);
        if (base.request) {
          const r = REQUEST_METHODS[method];
          if (r) return requestData({ text: fn.text + '()', line: node.startPosition.row + 1 }, { ...all(UNKNOWN), ...r });
          return unknown();
        }
        if (base.meta) {
          if (method === 'get' && args[0]) {
            const key = stringValue(argValue(args[0]));
            if (key === undefined) return unknown();
            const read = metaRead(key, node);
            return args[1] ? join(read, this.expr(argValue(args[1]), d)) : read;
          }
          return unknown();
        }
        if (base.form) return unknown();
        if (base.cleanedOf && method === 'get' && args[0] && this.rowField(base.cleanedOf, stringValue(argValue(args[0])))) return unknown();
        if (SAFE_METHODS.test(method)) return safe();
        // `.get(id=…)`, `.get()`: a QuerySet's or a manager's lookup — a row, not text of the container. A mapping's
        // get takes its key first (dict.get takes no keyword at all; QueryDict's are `key` and `default`). A row
        // looked up by a request's id is not the request's text (django-helpdesk's `tickets.get(id=request.POST
        // .get("chosen_ticket"))`, which redirect() follows to the row's get_absolute_url()).
        if (method === 'get' && args.every((a) => a.type === 'keyword_argument' && !/^(key|default)$/.test(a.childForFieldName('name')?.text ?? ''))) return unknown();
        // QueryDict.urlencode(): every character that means something in HTML or SQL comes out percent-encoded
        if (method === 'urlencode' && (SINKS.some((s) => base.grade[s] === REQUEST) || base.params?.size)) return clear(base, ['html', 'sql']);
        // a method of a value that carries request data or a parameter hands its text on; of anything else (a module,
        // a client object, a database row) the result is unknown
        const carries = SINKS.some((s) => base.grade[s] === REQUEST) || !!base.params?.size || SINKS.every((s) => base.grade[s] <= SAFE);
        if (PASSTHROUGH_METHODS.test(method) && carries) {
          // headers.get("Referer")
          if (method === 'get' && base.source && /\.headers$/.test(base.source.text) && args[0] && /^referer$/i.test(stringValue(argValue(args[0])) ?? '')) {
            return requestData({ text: `${base.source.text}.get(${argValue(args[0]).text})`, line: node.startPosition.row + 1, referer: true });
          }
          // a lookup returns a value of the container (or the default), never the key
          if (/^(get|getlist|pop|setdefault)$/.test(method)) return join(base, ...argProvs().slice(1));
          return join(base, ...argProvs());
        }
        // a method the model does not know: its result is unknown, whatever the receiver holds
        return unknown();
      }
    }
    const q = this.idx.qualify(this.file, fn);
    if (q) {
      const known = this.knownCall(q, node, argProvs);
      if (known) return known;
      if (FORM_CLASS.test(q)) {
        const bound = argProvs().find((p) => SINKS.some((s) => p.grade[s] === REQUEST) || p.request);
        if (bound?.source) return { grade: all(UNKNOWN), form: bound.source, formClass: q };
        const data = args.find((a) => a.type === 'keyword_argument' && a.childForFieldName('name')?.text === 'data');
        const dp = data ? this.expr(argValue(data), d) : undefined;
        if (dp?.source && SINKS.some((s) => dp.grade[s] === REQUEST)) return { grade: all(UNKNOWN), form: dp.source, formClass: q };
      }
    }
    return unknown();
  }

  /**
   * Is `field` of the form class `formClass` (qualified) a model choice — declared in the class's own body as
   * `field = forms.ModelChoiceField(...)` (or ModelMultipleChoiceField)? Its cleaned value is a row (or rows) of
   * the field's queryset, chosen by id, not the request's text: weblate's website redirects to a Customer picked
   * in one, and redirect() goes to its get_absolute_url().
   */
  private rowField(formClass: string, field: string | undefined): boolean {
    if (!field) return false;
    const d = this.idx.resolveDef(formClass, this.file.rel);
    if (!d || d.node.type !== 'class_definition') return false;
    return (d.node.childForFieldName('body')?.namedChildren ?? []).some((st) => {
      const a = st.type === 'expression_statement' ? st.namedChildren[0] : undefined;
      if (a?.type !== 'assignment' || a.childForFieldName('left')?.text !== field) return false;
      const right = a.childForFieldName('right');
      const fn = right?.type === 'call' ? right.childForFieldName('function') : undefined;
      // Django's model choice fields, or a project's subclass of one (Geniza's PersonChoiceField, MEP's)
      const q = fn && this.idx.qualify(d.file, fn);
      return !!q && classExtends(this.idx, q, d.file.rel, (c) => /(^|\.)Model(Multiple)?ChoiceField$/.test(c));
    });
  }

  /** Calls the model knows by qualified name; undefined for the rest. */
  private knownCall(q: string, node: SyntaxNode, argProvs: () => Prov[]): Prov | undefined {
    const short = q.replace(/^builtins\./, '');
    if (SAFE_CALLS.has(short) || /(^|\.)(gettext|gettext_lazy|ugettext|ugettext_lazy|pgettext|ngettext|_)$/.test(short) && argProvs().every((p) => SINKS.every((s) => p.grade[s] === CONSTANT))) {
      return SAFE_CALLS.has(short) ? safe() : constant();
    }
    if (/(^|\.)(get_object_or_404|get_list_or_404)$/.test(short)) return unknown();
    if (HTML_ESCAPERS.has(short)) return clear(join(...argProvs()), ['html']);
    if (URL_ENCODERS.has(short)) return clear(join(...argProvs()), ['html', 'sql']);
    if (PASSTHROUGH.has(short)) return join(...argProvs());
    void node;
    return undefined;
  }
}


/**
 * Text that any read of request data needs (`request.GET`, `self.request.POST`, `request.META[...]`, `req.body`…):
 * a function without it makes no request data of its own, and rules skip building its flow.
 */
export const REQUEST_HINT = /\b(GET|POST|META|COOKIES|FILES|headers|body|data|query_params|content_params|path|path_info|get_full_path|build_absolute_uri|read|readline|readlines|stream|cleaned_data|validated_data)\b/;

/** Might code in this function (or module) carry request data? A cheap text test before building a flow. */
export function mayCarryRequestData(scope: SyntaxNode | null, file: SourceFile): boolean {
  return REQUEST_HINT.test(scope ? scope.text : file.text);
}

function metaRead(key: string, node: SyntaxNode): Prov {
  const g = metaKey(key);
  if (g !== REQUEST) return safe();
  const referer = key === 'HTTP_REFERER';
  const grade = key === 'PATH_INFO' || key === 'SCRIPT_NAME' ? { ...all(REQUEST), url: SAFE } : all(REQUEST);
  return requestData({ text: node.text.length > 60 ? `request.META['${key}']` : node.text, line: node.startPosition.row + 1, ...(referer ? { referer } : {}) }, grade);
}

/** A Prov without its source text, for fixpoint comparison. */
function summary(p: Prov): unknown {
  return [p.grade, !!p.request, !!p.meta, !!p.form, p.params ? [...p.params].sort() : []];
}


/** The innermost function_definition around a node (lambdas and comprehensions are part of it). */
export function enclosingFunction(node: SyntaxNode): SyntaxNode | null {
  let p = node.parent;
  while (p) {
    if (p.type === 'function_definition') return p;
    if (p.type === 'class_definition') return null;
    p = p.parent;
  }
  return null;
}

/** Is the node inside a lambda or a nested function of `fn` (code that runs later, elsewhere)? */
export function inNestedScope(node: SyntaxNode, fn: SyntaxNode): boolean {
  let p = node.parent;
  while (p && p.id !== fn.id) {
    if (p.type === 'lambda' || p.type === 'function_definition') return true;
    p = p.parent;
  }
  return false;
}

/** A call of a function in its own module or class, with what it passes to each parameter (by name). */
export interface CallSite {
  given: ReadonlyMap<string, Prov>;
  /** The call, in the caller. */
  at: Location;
  callerName: string;
  /** The calling function. */
  caller: SyntaxNode;
}

export interface CallerFlow extends Omit<CallSite, 'given'> {
  /** The caller's flow with the callee's parameters as the caller passes them. */
  flow: FunctionFlow;
}

/** Something worked out once per function and scan. */
function perFunction<T>(cache: WeakMap<ScanContext, Map<string, T>>, ctx: ScanContext, file: SourceFile, fn: SyntaxNode, make: () => T): T {
  let byFn = cache.get(ctx);
  if (!byFn) cache.set(ctx, (byFn = new Map()));
  const key = `${file.rel}:${fn.id}`;
  let out = byFn.get(key);
  if (out === undefined) byFn.set(key, (out = make()));
  return out;
}

const callerCache = new WeakMap<ScanContext, Map<string, CallerFlow[]>>();
const siteCache = new WeakMap<ScanContext, Map<string, CallSite[]>>();

/**
 * One level across calls: the callers of `fn` in its own module (`helper(...)`, or `self.helper(...)` inside its
 * class) that pass request data to some parameter, each giving a flow of `fn` with those parameters as passed.
 */
export function callersPassingRequestData(ctx: ScanContext, file: SourceFile, fn: SyntaxNode): CallerFlow[] {
  return perFunction(callerCache, ctx, file, fn, () =>
    callSitesOf(ctx, file, fn).flatMap(({ given, ...site }) => {
      const passed = new Map([...given].filter(([, p]) => p.request || p.meta || p.form || SINKS.some((s) => p.grade[s] === REQUEST)));
      return passed.size ? [{ ...site, flow: FunctionFlow.of(ctx, file, fn, passed) }] : [];
    }),
  );
}

/** The calls of `fn` in its own module (`helper(...)`) or, for a method, in its class (`self.helper(...)`). */
export function callSitesOf(ctx: ScanContext, file: SourceFile, fn: SyntaxNode): CallSite[] {
  return perFunction(siteCache, ctx, file, fn, () => findCallSites(ctx, file, fn));
}

function findCallSites(ctx: ScanContext, file: SourceFile, fn: SyntaxNode): CallSite[] {
  const name = fn.childForFieldName('name')?.text;
  if (!name) return [];
  const params = allParams(fn);
  const isMethod = params[0] === 'self' || params[0] === 'cls';
  const cls = isMethod ? classOf(fn) : undefined;
  const out: CallSite[] = [];
  const root = cls ?? ctx.workspace.tree(file).rootNode;
  if (!new RegExp(`\\b${name}\\s*\\(`).test(root.text)) return out;
  walk(root, (n) => {
    if (n.type !== 'call') return true;
    const callee = n.childForFieldName('function');
    const matches = isMethod
      ? callee?.type === 'attribute' && /^(self|cls)$/.test(callee.childForFieldName('object')?.text ?? '') && callee.childForFieldName('attribute')?.text === name
      : callee?.type === 'identifier' && callee.text === name;
    if (!matches) return true;
    const caller = enclosingFunction(n);
    if (!caller || caller.id === fn.id) return true;
    const flow = FunctionFlow.of(ctx, file, caller);
    const given = new Map<string, Prov>();
    const positional = isMethod ? params.slice(1) : params;
    const argList = n.childForFieldName('arguments');
    let i = 0;
    for (const a of argList?.namedChildren ?? []) {
      if (a.type === 'comment') continue;
      if (a.type === 'keyword_argument') {
        const k = a.childForFieldName('name')?.text;
        const v = a.childForFieldName('value');
        if (k && v && params.includes(k)) given.set(k, flow.prov(v));
      } else if (a.type !== 'list_splat' && a.type !== 'dictionary_splat') {
        const p = positional[i++];
        if (p) given.set(p, flow.prov(a));
      }
    }
    out.push({ given, at: loc(file, n), callerName: caller.childForFieldName('name')?.text ?? '?', caller });
    return true;
  });
  return out;
}

function classOf(fn: SyntaxNode): SyntaxNode | undefined {
  let p = fn.parent;
  while (p) {
    if (p.type === 'class_definition') return p;
    if (p.type === 'function_definition') return undefined;
    p = p.parent;
  }
  return undefined;
}

/**
 * Is the text built by formatting here: an f-string with a placeholder, `%` or `+` on a string, `.format()`,
 * `.join()` — directly or in the local assignment(s) of the name passed?
 */
export function formatted(flow: FunctionFlow, node: SyntaxNode, depth = 0): boolean {
  if (depth > 6) return false;
  switch (node.type) {
    case 'string':
      return node.namedChildren.some((c) => c.type === 'interpolation');
    case 'concatenated_string':
      return node.namedChildren.some((c) => formatted(flow, c, depth + 1));
    case 'parenthesized_expression':
      return !!node.namedChildren[0] && formatted(flow, node.namedChildren[0], depth + 1);
    case 'binary_operator': {
      const op = node.childForFieldName('operator')?.text;
      return op === '%' || op === '+';
    }
    case 'call': {
      const fn = node.childForFieldName('function');
      const m = fn?.type === 'attribute' ? fn.childForFieldName('attribute')?.text : undefined;
      return m === 'format' || m === 'join' || m === 'format_map';
    }
    case 'identifier':
      return flow.assignments(node.text).some((r) => formatted(flow, r, depth + 1));
    default:
      return false;
  }
}

/**
 * The parts of a formatted text that are neither constant nor made safe for `sink` (for messages). With
 * `dataOnly`, only parts that are plain data put in directly — a parameter of the function (or a value taken
 * from one without calling anything), or a field of a row the function reads from the database — and not the
 * results of calls (often HTML rendered elsewhere), `self.` attributes or lists joined together.
 */
export function openParts(flow: FunctionFlow, node: SyntaxNode, sink: Sink, dataOnly = false): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const visit = (n: SyntaxNode, depth: number) => {
    if (depth > 5 || out.length >= 2 || n.type === 'comment') return;
    if (n.type === 'identifier') {
      const rhss = flow.assignments(n.text);
      if (rhss.length && rhss.some((r) => formatted(flow, r, 0))) {
        for (const r of rhss) visit(r, depth + 1);
        return;
      }
    }
    if (n.type === 'string') {
      for (const c of n.namedChildren) if (c.type === 'interpolation') visit(c.childForFieldName('expression') ?? c, depth + 1);
      return;
    }
    if (n.type === 'binary_operator' || n.type === 'parenthesized_expression' || n.type === 'tuple' || n.type === 'concatenated_string') {
      for (const c of n.namedChildren) visit(c, depth + 1);
      return;
    }
    if (n.type === 'call') {
      const fn = n.childForFieldName('function');
      const m = fn?.type === 'attribute' ? fn.childForFieldName('attribute')?.text ?? '' : '';
      if (/^(format|join)$/.test(m) && stringValue(fn?.childForFieldName('object')) !== undefined) {
        if (dataOnly && m === 'join') return; // pieces put together elsewhere
        for (const a of n.childForFieldName('arguments')?.namedChildren ?? []) visit(a.type === 'keyword_argument' ? a.childForFieldName('value') ?? a : a, depth + 1);
        return;
      }
    }
    if (seen.has(n.text)) return;
    const p = flow.prov(n);
    if (p.grade[sink] < UNKNOWN) return;
    if (dataOnly && !isPlainData(flow, n, p)) return;
    seen.add(n.text);
    out.push(n.text.length > 40 ? `${n.text.slice(0, 37)}…` : n.text);
  };
  visit(node, 0);
  return out;
}

const ORM_READ = /\.objects\b|get_object_or_404|get_list_or_404|\.get_queryset\(|\.filter\(|\.all\(\)|\.first\(\)|\.last\(\)/;

/** A value read as data, not computed: a parameter-derived name/attribute/subscript, or a field of a database row. */
function isPlainData(flow: FunctionFlow, n: SyntaxNode, p: Prov): boolean {
  if (!['identifier', 'attribute', 'subscript'].includes(n.type)) return false;
  let root = n;
  while (root.type === 'attribute' || root.type === 'subscript') root = root.childForFieldName(root.type === 'attribute' ? 'object' : 'value') ?? root;
  if (root.type !== 'identifier' || root.text === 'self' || root.text === 'cls') return false;
  if (root.text !== n.text && /\(/.test(n.text)) return false;
  if (p.params?.size) return true;
  // a field of a row this function reads (`post = Post.objects.get(...)`, `for post in Post.objects.filter(...)`)
  return n.type === 'attribute' && flow.assignments(root.text).some((r) => ORM_READ.test(r.text));
}

/** How a formatted text is built, for messages: `an f-string`, `% formatting`, `string concatenation`, `.format()`. */
export function formattedHow(flow: FunctionFlow, node: SyntaxNode): string {
  let n = node;
  for (let i = 0; i < 4 && n.type === 'identifier'; i++) {
    const all = flow.assignments(n.text).filter((x) => formatted(flow, x, 0));
    if (all.length === 0) break;
    const kinds = new Set(all.map((x) => formattedHow(flow, x)));
    if (kinds.size > 1 || all.some((x) => x.parent?.type === 'augmented_assignment')) return 'string building';
    n = all[0];
  }
  while (n.type === 'parenthesized_expression' && n.namedChildren[0]) n = n.namedChildren[0];
  if (n.type === 'string') return 'an f-string';
  if (n.type === 'binary_operator') return n.childForFieldName('operator')?.text === '%' ? '% formatting' : 'string concatenation';
  if (n.type === 'call') return `.${n.childForFieldName('function')?.childForFieldName('attribute')?.text ?? 'format'}()`;
  return 'string formatting';
}

