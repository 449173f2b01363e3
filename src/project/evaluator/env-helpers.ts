/**
 * A project's own environment helpers: `get_string("SECRET_KEY", "dev-key")`, `get_bool("DEBUG", False)` —
 * MITx MicroMasters' micromasters/envs.py, and many projects' `env_var()` / `get_env()`. A function of the
 * project is one when its first two parameters are the variable's name and its default, it reads the
 * environment with the name, and it gives back the default when the variable is not set:
 * - `return os.environ.get(name, default)` (or `os.getenv`): the raw string when set — a "raw" helper;
 * - `value = os.environ.get(name)` … `if value is None: return default` … a parse: a "parsed" helper, whose
 *   value when set is not known (a bool, an int, a list).
 * Anything else — a default that is transformed, a name read from somewhere else — is not modelled, and the
 * call stays unknown, as before.
 */
import { allParams, callParts, dottedName, stringValue, type SyntaxNode } from '../python';
import { NONE, bool, num, str, type Value } from '../values';
import { isUnreadable, type Frame } from './frame';
import { canonical } from './libraries';

export type HelperKind = 'raw' | 'parsed';

/** A helper: its kind and the name of its default parameter (for `default=` passed by keyword). */
export interface EnvHelper {
  kind: HelperKind;
  defaultParam: string;
  /** a `required=True` parameter that makes it raise when the variable is unset and the default is falsy */
  requiredParam?: string;
  /** what the default parameter is when a call does not pass it (`def env_var(key, default=None)`), when a literal */
  omitted?: Value;
  /** python-decouple underneath: `split=True` makes the value a comma-separated list, `cast=` converts it */
  decouple?: boolean;
  /** where the default is passed by position, when not second (`def get_env_variable(name, cast=str, default="")`) */
  defaultIndex?: number;
  /** a call passing more positional arguments than this is not read (one may be a cast the value depends on) */
  maxPositional?: number;
}

/** python-decouple's `config` behind a helper: the default (cast) when unset, raising when there is none. */
const DECOUPLE_WRAPPER: EnvHelper = { kind: 'parsed', defaultParam: 'default', omitted: { kind: 'raise', reason: 'decouple: not found and no default' }, decouple: true };

/**
 * Libraries of the same shape, whose code is not in the repository: `env(key, default=None, required=False)`,
 * which gives the default when the variable is unset (or raises, when required and the default is falsy) and
 * `ast.literal_eval`s the value when set — dbca-utils (the Western Australian Department of Biodiversity's
 * apps: PRS, WAStD) and django-getenv, the function they copied; and maykin-common's decouple wrapper.
 */
const LIBRARY_HELPERS: ReadonlyMap<string, EnvHelper> = new Map([
  ['dbca_utils.utils.env', { kind: 'parsed', defaultParam: 'default', requiredParam: 'required', omitted: NONE }],
  ['getenv.env', { kind: 'parsed', defaultParam: 'default', requiredParam: 'required', omitted: NONE }],
  // maykin-common's config(option, default=undefined, split=…, cast=…): python-decouple's config, cast to the
  // default's type, raising when unset without a default (Open Archiefbeheer)
  ['maykin_common.config.config', DECOUPLE_WRAPPER],
]);

const ENV_GET = /^(os\.environ\.get|os\.getenv|environ\.get|getenv)$/;

const kinds = new WeakMap<object, Map<number, EnvHelper | null>>();

/** The helper a call names — a function of this module or one imported from the repository — or undefined. */
export function envHelperOf(frame: Frame, call: SyntaxNode): EnvHelper | undefined {
  const fn = call.childForFieldName('function');
  if (!fn) return undefined;
  let def: SyntaxNode | undefined;
  if (fn.type === 'identifier') def = frame.functions.get(fn.text);
  const library = def ? undefined : LIBRARY_HELPERS.get(canonical(frame, dottedName(fn)) ?? '');
  if (library) return library;
  if (!def) {
    const dotted = canonical(frame, dottedName(fn));
    if (!dotted || !dotted.includes('.')) return undefined;
    const module = dotted.slice(0, dotted.lastIndexOf('.'));
    const name = dotted.slice(dotted.lastIndexOf('.') + 1);
    const target = frame.opts.resolve(module, frame.src.module, 0);
    if (!target || isUnreadable(target)) return undefined;
    if (frame.ws.syntaxError(target.file) !== undefined) return undefined;
    def = frame.ws.tree(target.file).rootNode.namedChildren.find((n) => n.type === 'function_definition' && n.childForFieldName('name')?.text === name);
  }
  if (!def) return undefined;
  let byTree = kinds.get(def.tree);
  if (!byTree) kinds.set(def.tree, (byTree = new Map()));
  if (!byTree.has(def.startIndex)) byTree.set(def.startIndex, helperKind(def) ?? null);
  return byTree.get(def.startIndex) ?? undefined;
}

function helperKind(def: SyntaxNode): EnvHelper | undefined {
  const params = allParams(def);
  const [name, dflt] = params;
  if (!name || !dflt) return undefined;
  const body = def.childForFieldName('body');
  if (!body) return undefined;
  const fallback = environThenDecouple(def, body, name, params);
  if (fallback) return fallback;
  const returns = body.descendantsOfType('return_statement').map((r) => r.namedChildren[0]);
  const reads = body.descendantsOfType('call').filter((c) => ENV_GET.test(dottedName(c.childForFieldName('function')) ?? ''));
  const argsOf = (c: SyntaxNode) => callParts(c).args.map((a) => a.text);
  // return os.environ.get(name, default)
  const only = returns.length === 1 ? returns[0] : undefined;
  if (only && passesToDecouple(def, only, name, dflt)) {
    const o = omittedDefault(def, dflt);
    return { ...DECOUPLE_WRAPPER, defaultParam: dflt, ...(o ? { omitted: o } : {}) };
  }
  const omitted = omittedDefault(def, dflt);
  const extra = omitted ? { omitted } : {};
  if (only?.type === 'call' && reads.some((c) => c.id === only.id) && argsOf(only).join(',') === `${name},${dflt}`) return { kind: 'raw', defaultParam: dflt, ...extra };
  // value = os.environ.get(name) … return default … (a parse of the value)
  const readsName = reads.some((c) => {
    const a = argsOf(c);
    return a[0] === name && a.length === 1;
  });
  if (readsName && returns.some((r) => r?.type === 'identifier' && r.text === dflt)) return { kind: 'parsed', defaultParam: dflt, ...extra };
  return undefined;
}

/**
 * `try: … return cast(os.environ[name]) except Exception: return config(name, cast=cast, default=default)` — the
 * whole body one try whose returns all read `os.environ[name]` (a KeyError when unset) and whose handler gives
 * python-decouple's answer, with the helper's own `default` parameter wherever it stands (APILOS'
 * `get_env_variable(name, cast=str, default="")`): unset, it is decouple's, as a decouple wrapper is.
 */
function environThenDecouple(def: SyntaxNode, body: SyntaxNode, name: string, params: string[]): EnvHelper | undefined {
  const at = params.indexOf('default');
  if (at < 1) return undefined;
  const statements = body.namedChildren.filter((n) => n.type !== 'comment' && !(n.type === 'expression_statement' && n.namedChildren[0]?.type === 'string'));
  const tryNode = statements.length === 1 && statements[0].type === 'try_statement' ? statements[0] : undefined;
  const tryBody = tryNode?.childForFieldName('body');
  const handlers = tryNode?.namedChildren.filter((c) => c.type === 'except_clause') ?? [];
  if (!tryNode || !tryBody || handlers.length !== 1 || tryNode.namedChildren.some((c) => c.type === 'else_clause' || c.type === 'finally_clause')) return undefined;
  // the handler catches what a missing variable raises: bare, Exception or KeyError
  const caught = handlers[0].namedChildren.find((c) => c.type !== 'block' && c.type !== 'comment');
  if (caught && !/^(\(?\s*)?(Exception|KeyError|BaseException|LookupError)\b/.test(caught.text)) return undefined;
  const environ = new RegExp(`\\bos\\.environ\\[\\s*${name}\\s*\\]`);
  const tried = tryBody.descendantsOfType('return_statement');
  if (tried.length === 0 || tried.some((r) => !environ.test(r.text))) return undefined;
  const handled = handlers[0].descendantsOfType('return_statement');
  if (handled.length !== 1 || !handled[0].namedChildren[0] || !passesToDecouple(def, handled[0].namedChildren[0], name, 'default')) return undefined;
  const omitted = omittedDefault(def, 'default');
  return { ...DECOUPLE_WRAPPER, defaultParam: 'default', defaultIndex: at, maxPositional: 1, ...(omitted ? { omitted } : {}) };
}

/** The literal a parameter defaults to in the signature (`default=None`, `default=""`), or undefined. */
function omittedDefault(def: SyntaxNode, param: string): Value | undefined {
  const p = def.childForFieldName('parameters')?.namedChildren.find((n) => (n.type === 'default_parameter' || n.type === 'typed_default_parameter') && n.childForFieldName('name')?.text === param);
  const v = p?.childForFieldName('value');
  if (!v) return undefined;
  if (v.type === 'none') return NONE;
  if (v.type === 'true' || v.type === 'false') return bool(v.type === 'true');
  if (v.type === 'integer') return num(Number(v.text));
  if (v.type === 'string' && !v.descendantsOfType('interpolation').length) {
    const text = stringValue(v);
    return text === undefined ? undefined : str(text, true);
  }
  return undefined;
}

/**
 * `return _config(option, default=default, *args, **kwargs)` where `_config` is python-decouple's `config`
 * imported into the helper's module: a thin wrapper (Maykin's `conf/utils.py` in Open Inwoner, Open Forms, Open
 * Zaak), read as decouple is — its body may set `cast` from the default's type first, which the value unset does
 * not change.
 */
function passesToDecouple(def: SyntaxNode, ret: SyntaxNode, name: string, dflt: string): boolean {
  if (ret.type !== 'call') return false;
  const callee = ret.childForFieldName('function');
  if (callee?.type !== 'identifier') return false;
  const imported = def.tree.rootNode.namedChildren.some(
    (n) =>
      n.type === 'import_from_statement' &&
      n.childForFieldName('module_name')?.text === 'decouple' &&
      n.namedChildren.some((c) => (c.type === 'dotted_name' && c.text === 'config' && callee.text === 'config') || (c.type === 'aliased_import' && c.childForFieldName('name')?.text === 'config' && c.childForFieldName('alias')?.text === callee.text)),
  );
  if (!imported && !assignedDecouple(def.tree.rootNode, callee.text)) return false;
  const { args, kwargs } = callParts(ret);
  const d = kwargs.get('default') ?? args[1];
  return args[0]?.text === name && d?.text === dflt;
}

/**
 * `config = decouple.config` at module level (APILOS' settings: `decouple.config`, or a `Config(RepositoryEnv(…))`
 * of decouple's under a test switch): every assignment of the name, in the module's top-level `if`/`else`
 * branches too, is decouple's config — which reads the environment first and gives the default when unset.
 */
function assignedDecouple(root: SyntaxNode, name: string): boolean {
  const fromDecouple = (what: string) => root.namedChildren.some((n) => n.type === 'import_from_statement' && n.childForFieldName('module_name')?.text === 'decouple' && n.namedChildren.some((c) => c.type === 'dotted_name' && c.text === what));
  const values: SyntaxNode[] = [];
  const visit = (block: SyntaxNode) => {
    for (const c of block.namedChildren) {
      if (c.type === 'expression_statement' && c.namedChildren[0]?.type === 'assignment') {
        const a = c.namedChildren[0];
        if (a.childForFieldName('left')?.text === name) values.push(a.childForFieldName('right')!);
      } else if (['if_statement', 'else_clause', 'elif_clause', 'block'].includes(c.type)) visit(c);
    }
  };
  visit(root);
  return values.length > 0 && values.every((v) => {
    if (!v) return false;
    if (v.text === 'decouple.config') return true;
    if (v.type !== 'call') return false;
    const f = v.childForFieldName('function')?.text ?? '';
    return /^decouple\.(Config|AutoConfig)$/.test(f) || (/^(Config|AutoConfig)$/.test(f) && fromDecouple(f));
  });
}
