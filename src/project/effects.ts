/**
 * Does answering a request change anything? A conservative proof that a function only reads: no model writes,
 * no session or cookie changes, no mail, outbound requests, tasks or file writes. It succeeds only when every
 * call is one it knows to be a read (Django's query, template and response API, builtins, str/dict methods) or
 * project code it can see through (a few levels deep); anything else — a library call it does not know, a
 * project call it cannot resolve, an assignment into an object that outlives the request — is "cannot tell",
 * and the answer says what it was.
 */
import { dottedName, walk, type SyntaxNode } from './python';
import type { ScanContext } from './scan';
import type { SourceFile } from './workspace';
import { PyIndex } from './modules';
import { productionPythonFiles } from './files';
import { baseNodes, methodsOf } from './syntax';

/** Library calls that only read or build a value (fully qualified). */
const LIBRARY_READ = [
  /^django\.shortcuts\.(get_object_or_404|get_list_or_404|render|render_to_response|redirect|resolve_url)$/,
  /^django\.template\.loader\.(render_to_string|get_template|select_template)$/,
  /^django\.http\.(HttpResponse\w*|JsonResponse|Http404|QueryDict)$/,
  /^django\.(urls|core\.urlresolvers)\.(reverse|reverse_lazy)$/,
  /^django\.utils\.translation\.(gettext|gettext_lazy|ugettext|ugettext_lazy|ngettext|ngettext_lazy|pgettext|pgettext_lazy)$/,
  /^django\.db\.models\.(query_utils\.|expressions\.|aggregates\.)?(Q|F|Value|Count|Sum|Avg|Max|Min|Case|When|Exists|OuterRef|Subquery)$/,
  /^django\.db\.models\.functions\.\w+$/,
  /^django\.core\.paginator\.Paginator$/,
  /^django\.contrib\.auth\.get_user_model$/,
  /^django\.core\.exceptions\.\w+$/,
  /^django\.core\.files\.storage\.default_storage\.(exists|url|size|path)$/,
  /^django\.utils\.(html\.(escape|conditional_escape|format_html|strip_tags)|safestring\.mark_safe|timezone\.(now|localtime))$/,
  /^(json|simplejson|ujson|orjson)\.(dumps|loads)$/,
  /^math\.\w+$/,
  /^datetime\.(date|datetime|time|timedelta)(\.(today|now|utcnow|fromtimestamp|fromisoformat|strptime))?$/,
];

/** Builtins that build or inspect values. */
const BUILTIN_READ = new Set(
  'super str int float bool bytes list dict tuple set frozenset len min max sorted sum any all range enumerate zip isinstance issubclass getattr hasattr repr round abs map filter reversed iter next format divmod chr ord callable type'.split(' '),
);
/** A builtin exception class: constructing one changes nothing. */
const BUILTIN_EXCEPTION = /^([A-Z]\w*(Error|Exception)|Exception|BaseException)$/;

/**
 * Methods that only read, whatever the object: str and dict methods, the QuerySet's reading API, Paginator's
 * pages, the user's permission checks. (A project class may define one of these names to write: that is not a
 * shape anyone expects of `filter()` or `get()`, and the name is all a call on an untyped object shows.)
 */
const READ_METHODS = new Set(
  [
    'split rsplit splitlines strip lstrip rstrip lower upper title capitalize casefold join format startswith endswith replace find rfind index encode decode isdigit isalpha isalnum isnumeric zfill partition rpartition strftime isoformat',
    'get getlist keys values items lists copy',
    'all filter exclude order_by values_list count exists first last select_related prefetch_related annotate aggregate distinct only defer none in_bulk iterator latest earliest using dates datetimes',
    'page get_page has_perm has_perms has_module_perms is_authenticated is_anonymous get_username get_full_name get_short_name build_absolute_uri get_full_path get_host is_secure',
  ]
    .join(' ')
    .split(' '),
);
/** Methods that change a container in place: fine on a dict/list/set the function built itself. */
const CONTAINER_MUTATORS = new Set('append extend insert pop popitem update setdefault add remove discard clear sort reverse'.split(' '));
/** Calls that change data, whatever the object: model and queryset writes, m2m changes, cookies, mail, tasks, files. */
const WRITE_METHODS =
  /^(save|create|update|delete|bulk_\w+|get_or_create|update_or_create|add|remove|clear|set|set_cookie|delete_cookie|send|send_mail|send_mass_mail|delay|apply_async|send_task|write|writelines|flush|cycle_key|set_expiry|set_password|login|logout|post|put|patch|urlopen|Popen|run|system)$/;
/** Library base classes whose constructor only builds a value (a project subclass of a response or an exception). */
const LIBRARY_BASE = /^(object|Exception|BaseException|[A-Z]\w*(Error|Exception)|django\.http\.\w+|django\.core\.exceptions\.\w+)$/;

const MAX_DEPTH = 4;
/** More project methods of one name than this: too generic a name to see through. */
const MAX_METHODS = 6;

interface Fn {
  file: SourceFile;
  fn: SyntaxNode;
  cls?: SyntaxNode;
}

export class ReadOnly {
  private readonly idx: PyIndex;
  /** Functions judged to change nothing, and what could not be judged in others (each from a whole judgment). */
  private readonly ok = new Set<number>();
  private readonly failed = new Map<number, string>();
  /** The functions entered by the judgment under way. */
  private run?: Set<number>;
  private readonly methods = new Map<string, Fn[]>();
  constructor(private readonly ctx: ScanContext) {
    this.idx = PyIndex.of(ctx);
  }

  private static cache = new WeakMap<ScanContext, ReadOnly>();
  static of(ctx: ScanContext): ReadOnly {
    let r = ReadOnly.cache.get(ctx);
    if (!r) ReadOnly.cache.set(ctx, (r = new ReadOnly(ctx)));
    return r;
  }

  /** undefined when the function (and what it calls) changes nothing; otherwise what could not be judged, as written. */
  unjudged(file: SourceFile, fn: SyntaxNode, cls?: SyntaxNode, depth = 0): string | undefined {
    if (this.ok.has(fn.id)) return undefined;
    const failed = this.failed.get(fn.id);
    if (failed) return failed;
    const root = !this.run;
    const run = (this.run ??= new Set());
    try {
      // a cycle: what the function does is judged where it was entered
      if (run.has(fn.id)) return undefined;
      if (depth > MAX_DEPTH) return `\`${fn.childForFieldName('name')?.text ?? '?'}()\` (too deep to follow)`;
      run.add(fn.id);
      const out = this.judgeBody({ file, fn, cls }, depth);
      // Only a whole judgment is kept: a failure anywhere reaches the root, so when the root changes nothing every
      // function it entered does too; inner verdicts of a failed one may rest on a cycle or the depth limit.
      if (root && out) this.failed.set(fn.id, out);
      else if (root) for (const id of run) this.ok.add(id);
      return out;
    } finally {
      if (root) this.run = undefined;
    }
  }

  private judgeBody(f: Fn, depth: number): string | undefined {
    const locals = localNames(f.fn);
    let out: string | undefined;
    const body = f.fn.childForFieldName('body');
    if (!body) return undefined;
    walk(body, (n) => {
      if (out) return false;
      switch (n.type) {
        case 'global_statement':
        case 'nonlocal_statement':
          out = `\`${n.text}\``;
          return false;
        case 'assignment':
        case 'augmented_assignment':
          for (const t of targets(n.childForFieldName('left'))) if (!localTarget(t, locals, n.type === 'assignment')) out ??= `\`${t.text} = …\``;
          break;
        case 'delete_statement':
          for (const t of targets(n.namedChildren[0])) if (!localTarget(t, locals, true)) out ??= `\`del ${t.text}\``;
          break;
        case 'call':
          out = this.judgeCall(f, n, locals.fresh, depth);
          break;
        default:
          break;
      }
      return !out;
    });
    return out;
  }

  private judgeCall(f: Fn, call: SyntaxNode, fresh: Set<string>, depth: number): string | undefined {
    const callee = call.childForFieldName('function');
    if (!callee) return `\`${call.text}\``;
    const shown = `\`${callee.text.replace(/\s+/g, '')}()\``;
    const dotted = dottedName(callee);
    if (dotted) {
      const q = this.idx.qualify(f.file, callee) ?? dotted;
      const first = dotted.split('.')[0];
      const bound = this.idx.imports(f.file).has(first) || this.idx.defs(f.file).has(first);
      if (!dotted.includes('.') && !bound) {
        if (BUILTIN_READ.has(dotted) || BUILTIN_EXCEPTION.test(dotted)) return undefined;
        return shown;
      }
      if (LIBRARY_READ.some((re) => re.test(q))) return undefined;
      const d = bound ? this.idx.resolveDef(q, f.file.rel) : undefined;
      if (d && q.endsWith(`.${d.name}`)) {
        if (d.node.type === 'function_definition') return this.unjudged(d.file, d.node, undefined, depth + 1) && shown;
        return this.construct(d.file, d.node, depth + 1) && shown;
      }
      if (first === 'self' && f.cls && dotted.split('.').length === 2) {
        const m = methodsOf(f.cls).find((x) => x.childForFieldName('name')?.text === dotted.split('.')[1]);
        if (m) return this.unjudged(f.file, m, f.cls, depth + 1) && shown;
      }
    }
    if (callee.type !== 'attribute') return shown;
    const name = callee.childForFieldName('attribute')?.text ?? '';
    const receiver = callee.childForFieldName('object');
    // a chain that starts from a library module or object (`requests.get()`, `cache.get()`,
    // `requests.Session().get()`) is that library's call: the method names below say nothing of it — only a
    // model's manager (`User.objects.filter()`) is the queryset API whoever defines the model
    const start = rootName(callee);
    const binding = start ? this.idx.imports(f.file).get(start) : undefined;
    if (binding && !this.idx.resolveModule(binding.module, f.file.rel) && !/\.objects\./.test(callee.text)) return shown;
    if (receiver?.type === 'call' && receiver.childForFieldName('function')?.text === 'super') return name === '__init__' && f.cls && this.basesConstruct(f.file, f.cls, depth + 1) === undefined ? undefined : shown;
    const root = rootName(receiver);
    if (root && fresh.has(root) && CONTAINER_MUTATORS.has(name)) return undefined;
    if (WRITE_METHODS.test(name)) return shown;
    if (READ_METHODS.has(name)) return undefined;
    // a method of an object whose class is not known: every project method of that name must only read
    const defs = this.projectMethods(name);
    if (defs.length === 0 || defs.length > MAX_METHODS) return shown;
    for (const m of defs) if (this.unjudged(m.file, m.fn, m.cls, depth + 1)) return shown;
    return undefined;
  }

  /** Constructing a project class: its own __init__/__new__ and those of its bases. */
  private construct(file: SourceFile, cls: SyntaxNode, depth: number): string | undefined {
    if (depth > MAX_DEPTH) return 'too deep';
    for (const m of methodsOf(cls)) {
      if (!/^__(init|new|post_init)__$/.test(m.childForFieldName('name')?.text ?? '')) continue;
      const why = this.unjudged(file, m, cls, depth);
      if (why) return why;
    }
    return this.basesConstruct(file, cls, depth);
  }

  private basesConstruct(file: SourceFile, cls: SyntaxNode, depth: number): string | undefined {
    for (const b of baseNodes(cls)) {
      if (b.type === 'keyword_argument') continue;
      const q = this.idx.qualify(file, b) ?? b.text;
      const d = this.idx.resolveDef(q, file.rel);
      if (d?.node.type === 'class_definition' && d.node.id !== cls.id) {
        const why = this.construct(d.file, d.node, depth + 1);
        if (why) return why;
      } else if (!LIBRARY_BASE.test(q)) return `\`${b.text}\``;
    }
    return undefined;
  }

  /** The project's methods (functions defined in a class body) named `name`. */
  private projectMethods(name: string): Fn[] {
    let out = this.methods.get(name);
    if (out) return out;
    out = [];
    const needle = new RegExp(`\\bdef\\s+${name}\\s*\\(`);
    for (const file of productionPythonFiles(this.ctx)) {
      if (!needle.test(file.text)) continue;
      walk(this.ctx.workspace.tree(file).rootNode, (n) => {
        if (n.type !== 'class_definition') return true;
        for (const m of methodsOf(n)) if (m.childForFieldName('name')?.text === name) out!.push({ file, fn: m, cls: n });
        return true;
      });
    }
    this.methods.set(name, out);
    return out;
  }
}

interface Locals {
  /** Names the function assigns. */
  assigned: Set<string>;
  /** Names it binds only to values it builds itself: literals, comprehensions, dict()/list()/set(). */
  fresh: Set<string>;
}

function localNames(fn: SyntaxNode): Locals {
  const assigned = new Set<string>();
  const fresh = new Set<string>();
  const other = new Set<string>();
  walk(fn.childForFieldName('body')!, (n) => {
    if (n.type === 'assignment') {
      const right = n.childForFieldName('right');
      const built = !!right && (/^(dictionary|list|set|tuple|dictionary_comprehension|list_comprehension|set_comprehension|string|integer|float)$/.test(right.type) || (right.type === 'call' && /^(dict|list|set)$/.test(right.childForFieldName('function')?.text ?? '')));
      for (const t of targets(n.childForFieldName('left'))) {
        if (t.type !== 'identifier') continue;
        assigned.add(t.text);
        (built ? fresh : other).add(t.text);
      }
    } else if (n.type === 'for_statement' || n.type === 'for_in_clause' || n.type === 'named_expression' || n.type === 'as_pattern') {
      const left = n.childForFieldName('left') ?? n.childForFieldName('name') ?? n.childForFieldName('alias');
      for (const t of targets(left)) if (t.type === 'identifier') other.add(t.text);
    }
    return true;
  });
  for (const o of other) fresh.delete(o);
  return { assigned, fresh };
}

/** The single targets of an assignment's left side (`a, b[0] = …` → a, b[0]). */
function targets(left: SyntaxNode | null | undefined): SyntaxNode[] {
  if (!left) return [];
  if (/^(pattern_list|tuple_pattern|list_pattern|expression_list|tuple|list)$/.test(left.type)) return left.namedChildren.flatMap(targets);
  if (left.type === 'list_splat_pattern' || left.type === 'parenthesized_expression') return targets(left.namedChildren[0]);
  return [left];
}

/**
 * A target nothing outside the call sees: a name (`x = …`; `x += …` only on a name the function assigned — on
 * a parameter it may change the caller's list in place), or an item or attribute of a container the function
 * built itself.
 */
function localTarget(t: SyntaxNode, locals: Locals, plain: boolean): boolean {
  if (t.type === 'identifier') return plain || locals.assigned.has(t.text);
  const root = rootName(t);
  return !!root && locals.fresh.has(root);
}

/** The name an attribute/subscript/call chain starts from (`a.b[0].c()` → a). */
function rootName(n: SyntaxNode | null | undefined): string | undefined {
  let cur = n;
  while (cur && (cur.type === 'attribute' || cur.type === 'subscript' || cur.type === 'call')) cur = cur.childForFieldName(cur.type === 'call' ? 'function' : cur.type === 'attribute' ? 'object' : 'value');
  return cur?.type === 'identifier' ? cur.text : undefined;
}

