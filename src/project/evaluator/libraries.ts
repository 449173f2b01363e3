/**
 * Models of the libraries settings read their environment through: os.environ / os.getenv,
 * django-environ (`env(...)`, `env.bool`, `env.db`, schemes), python-decouple (`config(..., cast=)`),
 * dj-database-url (`config`, `parse`) and Django's `get_random_secret_key`. Each read is evaluated in the
 * world of the frame: `unset` gives the default (or a raise when there is none), `set` gives an `env`
 * value (a non-empty string of unknown content) or unknown when the library parses it.
 */
import { callParts, dottedName, type SyntaxNode } from '../python';
import { NONE, UNKNOWN, bool, num, str, type Value } from '../values';
import { evalExpr } from './expressions';
import type { Frame, Scope } from './frame';

/**
 * The dotted name a call resolves to after import aliasing, with the env readers normalised:
 * `os.getenv`, `os.environ.get`, `os.environ.setdefault`, `environ.Env` (and FileAwareEnv), `environs.Env`, `decouple.config`,
 * `dj_database_url.config|parse`, `get_random_secret_key`; anything else as written.
 */
export function canonical(frame: Frame, dotted: string | undefined): string | undefined {
  if (!dotted) return undefined;
  const [head, ...rest] = dotted.split('.');
  const base = frame.aliases.get(head) ?? head;
  const full = [base, ...rest].join('.');
  if (full === 'os.environ.getenv') return 'os.getenv';
  // FileAwareEnv (django-environ 0.9+) is Env that also reads a variable from the file `<NAME>_FILE` names
  // (Docker secrets): unset, it falls back to the same default.
  if (/^environ\.(environ\.)?(Env|FileAwareEnv)$/.test(full)) return 'environ.Env';
  if (full === 'environs.Env') return 'environs.Env';
  if (full === 'decouple.config' || full === 'decouple.AutoConfig') return 'decouple.config';
  if (full.endsWith('get_random_secret_key')) return 'get_random_secret_key';
  return full;
}

/** Calls that make a fresh random value each time they run (a key generated at import is one per process). */
const GENERATOR = /(^|\.)(get_random_secret_key|get_random_string|token_urlsafe|token_hex|token_bytes|urandom|uuid4)$/;

export function isGenerator(kind: string | undefined): boolean {
  return kind !== undefined && GENERATOR.test(kind);
}

/** `environ.Env(DEBUG=(bool, False), ...)`: each variable's cast and default. */
export function envScheme(frame: Frame, call: SyntaxNode, scope: Scope): Map<string, { cast?: string; default?: Value }> {
  const out = new Map<string, { cast?: string; default?: Value }>();
  for (const [k, v] of callParts(call).kwargs) {
    if (v.type === 'tuple') {
      const [c, d] = v.namedChildren;
      out.set(k, { cast: c?.text, default: d ? evalExpr(frame, d, scope) : undefined });
    } else out.set(k, { cast: v.text });
  }
  return out;
}

export function envRead(frame: Frame, name: Value | undefined): string | undefined {
  if (name?.kind !== 'str') return undefined;
  frame.reads.add(name.value);
  return name.value;
}

/**
 * Is the variable set in this world? Always in the `set` world; in the `unset` world only when the project's
 * own production deploy manifests always set it (a compose `environment:` entry, a Dockerfile `ENV`, a k8s
 * `valueFrom`…): then "unset" cannot happen in production, and its content is the operator's (`env`).
 */
export function isSet(frame: Frame, name: string): boolean {
  return frame.world === 'set' || frame.opts.provided?.has(name) === true;
}

/** In the unset world, a variable that an earlier `raise` guard requires never reaches its default. */
export function guardedRaise(frame: Frame, name: string): Value | undefined {
  return !isSet(frame, name) && frame.guardedEnv.has(name) ? { kind: 'raise', reason: `${name} is required by a guard` } : undefined;
}

/** Cast a value the way django-environ / decouple would (bool: "true/yes/1/on" → True). */
export function castValue(v: Value, cast: string | undefined): Value {
  if (!cast) return v;
  const c = cast.replace(/^builtins\./, '');
  if (c === 'bool') {
    if (v.kind === 'bool') return v;
    if (v.kind === 'str') return bool(['true', 'on', 'ok', 'y', 'yes', '1', 't'].includes(v.value.trim().toLowerCase()));
    if (v.kind === 'num') return bool(v.value !== 0);
    if (v.kind === 'none') return bool(false);
    return UNKNOWN;
  }
  if (c === 'int' || c === 'float') {
    if (v.kind === 'num') return v;
    if (v.kind === 'bool') return num(v.value ? 1 : 0);
    if (v.kind === 'str' && v.value.trim() !== '' && !Number.isNaN(Number(v.value))) return num(Number(v.value));
    return UNKNOWN;
  }
  if (c === 'str') return v.kind === 'str' || v.kind === 'env' || v.kind === 'prefix' ? v : UNKNOWN;
  if (c === 'list' || /Csv\(/.test(c)) {
    if (v.kind === 'list') return v;
    if (v.kind === 'str') return { kind: 'list', items: v.value.split(',').filter((s, _i, all) => !(all.length === 1 && s === '')).map((s) => str(s.trim(), v.literal)) };
    return UNKNOWN;
  }
  return UNKNOWN;
}

const ENGINES: Record<string, string> = {
  sqlite: 'django.db.backends.sqlite3',
  sqlite3: 'django.db.backends.sqlite3',
  spatialite: 'django.contrib.gis.db.backends.spatialite',
  postgres: 'django.db.backends.postgresql',
  postgresql: 'django.db.backends.postgresql',
  pgsql: 'django.db.backends.postgresql',
  psql: 'django.db.backends.postgresql',
  postgis: 'django.contrib.gis.db.backends.postgis',
  mysql: 'django.db.backends.mysql',
  mysql2: 'django.db.backends.mysql',
  mysqlgis: 'django.contrib.gis.db.backends.mysql',
  oracle: 'django.db.backends.oracle',
  mssql: 'mssql',
};

/** Parse a database URL the way dj-database-url / django-environ map schemes to engines; a known prefix is enough. */
export function databaseFromUrl(url: Value, extra: Array<[string, Value]> = []): Value {
  if (url.kind !== 'str' && url.kind !== 'prefix') return { kind: 'dict', entries: [['ENGINE', UNKNOWN], ...extra] };
  const m = /^([a-z0-9+.-]+):\/\//i.exec(url.value.trim());
  const scheme = m?.[1].toLowerCase();
  const engine = scheme && ENGINES[scheme] ? str(ENGINES[scheme], url.literal) : UNKNOWN;
  // `sqlite://:memory:` and a bare `sqlite://`: both libraries' in-memory database (NAME ":memory:")
  const memory = url.kind === 'str' && /^(sqlite3?|spatialite):\/\/(:memory:)?$/i.test(url.value.trim());
  return { kind: 'dict', entries: [['ENGINE', engine], ...(memory ? [['NAME', str(':memory:', url.literal)] as [string, Value]] : []), ...extra] };
}

function dbExtras(frame: Frame, kwargs: Map<string, SyntaxNode>, scope: Scope): Array<[string, Value]> {
  const extra: Array<[string, Value]> = [];
  const cma = kwargs.get('conn_max_age');
  extra.push(['CONN_MAX_AGE', cma ? evalExpr(frame, cma, scope) : num(0)]);
  const hc = kwargs.get('conn_health_checks');
  if (hc) extra.push(['CONN_HEALTH_CHECKS', evalExpr(frame, hc, scope)]);
  return extra;
}

/**
 * An environment read by one of the modelled libraries, or undefined when the call is none of them.
 * `kind` is the canonical callee.
 */
export function evalLibraryCall(frame: Frame, node: SyntaxNode, kind: string | undefined, scope: Scope): Value | undefined {
  const { calleeNode, args, kwargs } = callParts(node);
  const arg = (i: number, kw?: string): Value | undefined => {
    const n = (kw && kwargs.get(kw)) || args[i];
    return n ? evalExpr(frame, n, scope) : undefined;
  };
  if (kind === 'os.getenv' || kind === 'os.environ.get' || kind === 'os.environ.setdefault') {
    const name = envRead(frame, arg(0, kind === 'os.getenv' ? 'key' : undefined));
    if (name === undefined) return UNKNOWN;
    if (isSet(frame, name)) return { kind: 'env', name };
    const g = guardedRaise(frame, name);
    if (g) return g;
    return arg(1, 'default') ?? NONE;
  }
  if (isGenerator(kind)) return { kind: 'call', callee: kind! };
  if (kind === 'decouple.config') {
    const name = envRead(frame, arg(0));
    if (name === undefined) return UNKNOWN;
    // decouple's signature is config(option, default=..., cast=...): both may be passed by position
    // (Firefox Relay's `config("DJANGO_SESSION_COOKIE_SECURE", False, cast=bool)`)
    const cast = (kwargs.get('cast') ?? args[2])?.text;
    if (isSet(frame, name)) return cast ? UNKNOWN : { kind: 'env', name };
    const g = guardedRaise(frame, name);
    if (g) return g;
    // the image's .env, which decouple reads before the default (Firefox Relay's DEBUG=True)
    const fromImage = frame.opts.dotenv?.values.get(name);
    if (fromImage !== undefined) {
      frame.state.dotenvUsed.add(name);
      return castValue(str(fromImage, true), cast);
    }
    const d = kwargs.get('default') ?? args[1];
    if (!d) return { kind: 'raise', reason: `decouple: ${name} not found and no default` };
    return castValue(evalExpr(frame, d, scope), cast);
  }
  if (kind === 'everett.config') {
    // everett's config(key, default=…, alternate_keys=…, doc=…, parser=str, raise_error=True): the default is a
    // string the parser reads, like the variable's value; a namespace or alternate keys read other variables
    if (kwargs.has('namespace') || kwargs.has('alternate_keys')) return UNKNOWN;
    const name = envRead(frame, arg(0, 'key'));
    if (name === undefined) return UNKNOWN;
    const parserText = kwargs.get('parser')?.text;
    const cast = parserText === undefined ? 'str' : /^(bool|int|float|str)$/.test(parserText) ? parserText : /^ListOf\(\s*str\s*\)$/.test(parserText) ? 'list' : undefined;
    if (isSet(frame, name)) return cast === 'str' ? { kind: 'env', name } : UNKNOWN;
    const g = guardedRaise(frame, name);
    if (g) return g;
    const d = kwargs.get('default') ?? args[1];
    if (!d) return kwargs.get('raise_error')?.text === 'False' ? NONE : { kind: 'raise', reason: `everett: ${name} is not set and has no default` };
    const dv = evalExpr(frame, d, scope);
    return cast ? castValue(dv, cast) : UNKNOWN;
  }
  if (kind === 'dj_database_url.config') {
    const name = envRead(frame, arg(99, 'env') ?? str('DATABASE_URL'));
    const extra = dbExtras(frame, kwargs, scope);
    if (isSet(frame, name ?? 'DATABASE_URL')) return databaseFromUrl({ kind: 'env', name: name ?? 'DATABASE_URL' }, extra);
    const d = arg(99, 'default');
    if (!d || d.kind === 'none') return UNKNOWN; // {} — Django fails loudly at first query
    return databaseFromUrl(d, extra);
  }
  if (kind === 'dj_database_url.parse') return databaseFromUrl(arg(0, 'url') ?? UNKNOWN, dbExtras(frame, kwargs, scope));
  // django-environ: env("X", default=..., cast=...), env.bool("X", default=...), env.db(...); environs alike
  if (calleeNode) {
    const headName = calleeNode.type === 'identifier' ? calleeNode.text : calleeNode.type === 'attribute' ? dottedName(calleeNode.childForFieldName('object')) : undefined;
    const method = calleeNode.type === 'attribute' ? calleeNode.childForFieldName('attribute')?.text : undefined;
    const scheme = headName ? frame.envObjects.get(headName) : undefined;
    if (scheme) return evalEnviron(frame, scheme, method, args, kwargs, scope);
  }
  return undefined;
}

/**
 * The settings an email-URL parser's dict holds — django-environ's `env.email_url()` (`email`,
 * `email_url_config`) and dj-email-url's `config()`/`parse()`: `EMAIL_*` and the `OPTIONS` of the query string, and
 * dj-email-url's `DEFAULT_FROM_EMAIL`/`SERVER_EMAIL`. `locals().update(env.email_url(...))` (Amsterdam's DSO API)
 * sets these and nothing else. undefined when the call is none of them.
 */
export function emailUrlKeys(frame: Frame, node: SyntaxNode): readonly string[] | undefined {
  if (node.type !== 'call') return undefined;
  const { callee, calleeNode } = callParts(node);
  const full = canonical(frame, callee);
  const head = calleeNode?.type === 'attribute' ? dottedName(calleeNode.childForFieldName('object')) : undefined;
  const method = calleeNode?.type === 'attribute' ? calleeNode.childForFieldName('attribute')?.text : undefined;
  const environ = (head !== undefined && frame.envObjects.has(head)) || /^environ\.(environ\.)?(Env|FileAwareEnv)$/.test(canonical(frame, head) ?? '');
  if ((environ && (method === 'email_url' || method === 'email' || method === 'email_url_config')) || full === 'dj_email_url.config' || full === 'dj_email_url.parse') return EMAIL_URL_KEYS;
  return undefined;
}

const EMAIL_URL_KEYS = [
  'EMAIL_BACKEND', 'EMAIL_FILE_PATH', 'EMAIL_HOST', 'EMAIL_HOST_PASSWORD', 'EMAIL_HOST_USER', 'EMAIL_PORT', 'EMAIL_TIMEOUT',
  'EMAIL_USE_SSL', 'EMAIL_USE_TLS', 'OPTIONS', 'DEFAULT_FROM_EMAIL', 'SERVER_EMAIL',
] as const;

function evalEnviron(
  frame: Frame,
  scheme: Map<string, { cast?: string; default?: Value }>,
  method: string | undefined,
  args: SyntaxNode[],
  kwargs: Map<string, SyntaxNode>,
  scope: Scope,
): Value {
  const isDb = method === 'db' || method === 'db_url' || method === 'database_url';
  const nameArg = args[0] ? evalExpr(frame, args[0], scope) : kwargs.get('var') ? evalExpr(frame, kwargs.get('var')!, scope) : isDb ? str('DATABASE_URL') : undefined;
  const name = envRead(frame, nameArg);
  if (name === undefined) return UNKNOWN;
  const castByMethod: Record<string, string> = { bool: 'bool', int: 'int', float: 'float', str: 'str', list: 'list', tuple: 'list' };
  if (method && !castByMethod[method] && !isDb) return UNKNOWN; // env.json, env.url, env.cache…: not modelled
  const cast = method ? castByMethod[method] : kwargs.get('cast')?.text ?? scheme.get(name)?.cast;
  const defaultNode = kwargs.get('default') ?? (isDb ? undefined : args[1]);
  const schemeDefault = scheme.get(name)?.default;
  const dv = defaultNode ? evalExpr(frame, defaultNode, scope) : schemeDefault;
  if (!isSet(frame, name) && frame.guardedEnv.has(name)) return { kind: 'raise', reason: `${name} is required by a guard` };
  if (isSet(frame, name)) {
    if (isDb) return databaseFromUrl({ kind: 'env', name });
    // smart cast: a non-string default makes django-environ parse the value (content unknown)
    const smart = !cast && dv && dv.kind !== 'str' && dv.kind !== 'none';
    return (!cast || cast === 'str') && !smart ? { kind: 'env', name } : UNKNOWN;
  }
  if (!dv) return { kind: 'raise', reason: `django-environ: ${name} not set and no default` };
  if (isDb) return databaseFromUrl(dv);
  // django-environ's smart cast: a default's type decides the cast when none is given.
  const effective = cast ?? (dv.kind === 'bool' ? 'bool' : dv.kind === 'num' ? 'float' : dv.kind === 'list' ? 'list' : undefined);
  return castValue(dv, effective);
}
