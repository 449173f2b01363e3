/**
 * What counts as a secret on one line of a settings, .env or deploy file — the history gate's detector, pure
 * and line by line (a git diff hands it lines, not files). Precision first: a false alarm costs as much as a
 * miss, so a value is a secret only when the line says what it is (a secret-named variable or key, a URL's
 * password, an AWS key ID with its secret next to it) AND the value looks like one. Dropped, after gitleaks'
 * own allowlists (generic-api-key, the global allowlist): references and templates (`${VAR}`, `$VAR`,
 * `{{ x }}`, `<your-key>`, `os.environ[...]`), placeholders (`changeme`, `your-secret-key`, `xxx`, `example`),
 * values under 8 characters, values of letters alone (`postgres`, `mysecretpassword` — gitleaks' "must have
 * more than letters" rule), a dictionary word with digits (`admin123`, `P@ssw0rd!`), digits alone, paths,
 * dotted Python paths and URLs without a password. `django-insecure-` keys are secrets like any other.
 */
import { entropy, looksSecret } from '../project/secret-values';

export { entropy, looksSecret };

export type SecretKind =
  | 'secret-key'
  | 'password'
  | 'secret'
  | 'token'
  | 'database-url'
  | 'url-password'
  | 'sentry-dsn'
  | 'aws-secret'
  | 'aws-key-id';

export interface Detected {
  kind: SecretKind;
  /** The variable, key or URL scheme it is the value of (`SECRET_KEY`, `POSTGRES_PASSWORD`, `postgres://`). Never the value. */
  name: string;
  value: string;
  /** For a URL's password: the password as written (percent-encoded) when it differs from `value`. */
  raw?: string;
  /** For a URL's password: the variable the URL is the value of (`DATABASE_URL`), when the line names one. */
  setting?: string;
}

export type FileKind = 'python' | 'dockerfile' | 'text';

export function fileKind(path: string): FileKind {
  const base = path.slice(path.lastIndexOf('/') + 1);
  if (/\.py$/i.test(base)) return 'python';
  if (/^(Dockerfile|Containerfile)|\.dockerfile$/i.test(base)) return 'dockerfile';
  return 'text';
}

/** `.env`, `prod.env`, `.env.production`… */
export function isEnvFile(path: string): boolean {
  const base = path.slice(path.lastIndexOf('/') + 1);
  return base === '.env' || /^\.env\./i.test(base) || /^[^/]+\.env$/i.test(base);
}

/**
 * An env file meant to be shared (a template to copy, test or development values): tracking it is the
 * convention, so it is reported only when it holds a secret.
 */
export function isShareableEnvFile(path: string): boolean {
  const base = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  const words = base.split(/[._-]+/).filter(Boolean);
  return words.some((w) => SHAREABLE_ENV_WORDS.has(w));
}
const SHAREABLE_ENV_WORDS = new Set(['example', 'examples', 'sample', 'samples', 'template', 'tpl', 'dist', 'defaults', 'default', 'test', 'tests', 'testing', 'ci', 'dev', 'development', 'demo']);

/**
 * A development, test or example file by its folders or its name (`settings/dev.py`, `test_settings.py`,
 * `docker-compose.override.yml`, `.env.example`, `tests/…`). `local_settings.py`/`settings_local.py` are not:
 * they are the classic production override module. A secret only ever in such files is reported as a note.
 */
export function isDevPath(path: string): boolean {
  const parts = path.toLowerCase().split('/');
  const base = parts.pop() ?? '';
  if (parts.some((p) => p.split(/[._-]+/).some((w) => DEV_DIR_WORDS.has(w)))) return true;
  if (/^(docker-)?compose\.override\.ya?ml$/.test(base)) return true;
  // local_settings.py / settings_local.py: 'local' is the production override's name there, not a dev word
  const overrideModule = /^(local_settings|settings_local)/.test(base);
  return base.split(/[._-]+/).some((w) => DEV_NAME_WORDS.has(w) && !(overrideModule && w === 'local'));
}
const DEV_DIR_WORDS = new Set(['test', 'tests', 'testing', 'e2e', 'example', 'examples', 'sample', 'samples', 'fixtures', 'doc', 'docs', 'demo', 'demos', 'sandbox', 'playground', 'devcontainer', 'dev', 'development']);
const DEV_NAME_WORDS = new Set(['dev', 'devel', 'develop', 'development', 'local', 'test', 'tests', 'testing', 'ci', 'e2e', 'example', 'examples', 'sample', 'samples', 'template', 'tpl', 'dist', 'demo', 'sandbox']);

/** `clientSecret` / `db-password` / `spring.datasource.password` → `CLIENT_SECRET`, `DB_PASSWORD`, `PASSWORD`. */
export function normalizeName(raw: string): string {
  const last = raw.slice(raw.lastIndexOf('.') + 1);
  return last.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/-+/g, '_').toUpperCase();
}

/** The kind of secret a variable or key named so holds, or undefined when the name says nothing. */
export function classifyName(raw: string): SecretKind | undefined {
  const n = normalizeName(raw);
  if (/^(DJANGO_)?SECRET_KEY(_FALLBACKS)?$/.test(n)) return 'secret-key';
  if (/(^|_)SECRET_ACCESS_KEY$/.test(n)) return 'aws-secret';
  if (/^(\w+_)?(PASSWORD|PASSWD)$/.test(n) || /^\w+_(PASS|PWD)$/.test(n)) return 'password';
  if (/^(\w+_)?SECRET(_KEY)?$/.test(n)) return 'secret';
  if (/^(\w+_)?TOKEN$/.test(n) && !/(^|_)(CSRF|XSRF|PUBLIC|PUBLISHABLE)_TOKEN$/.test(n)) return 'token';
  return undefined;
}


/** AWS access key ID (long-term user keys); the AWS documentation's own examples end in EXAMPLE. */
const AWS_KEY_ID = /\b(AKIA[0-9A-Z]{16})\b/g;
/** A 40-character AWS secret access key, as a token of its own. */
const AWS_SECRET_TOKEN = /(?<![A-Za-z0-9/+=])([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])/g;

export function looksAwsSecret(v: string): boolean {
  return /^[A-Za-z0-9/+]{40}$/.test(v) && /[a-z]/.test(v) && /[A-Z]/.test(v) && /[0-9]/.test(v) && entropy(v) >= 4 && !/example/i.test(v);
}

/** A URL with a password: `scheme://user:PASSWORD@host` (the user may be empty: `redis://:PASSWORD@host`). */
const URL_WITH_PASSWORD = /\b([a-z][a-z0-9+.-]{1,30}):\/\/([^\s:@/'"`<>]*):([^\s@/'"`<>]+)@([A-Za-z0-9._-]+)/gi;
const DATABASE_SCHEMES = /^(postgres|postgresql|postgis|pgsql|psql|mysql|mysql2|mysqlgis|mariadb|oracle|mssql|sqlserver|redshift|cockroachdb|timescale|mongodb|mongodb\+srv|redis|rediss|amqp|amqps|memcache|pymemcache)(\+[\w]+)?$/i;
const PLACEHOLDER_HOST = /^(example\.(com|org|net)|[\w.-]+\.example(\.com)?|host|hostname|your[-_]?host|server|domain|db_host)$/i;

function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Every URL password on the line that looks like a real one. */
export function urlPasswords(line: string): Detected[] {
  const out: Detected[] = [];
  const setting = /([A-Za-z_]\w*)["']?\s*[:=]\s*["']?[a-z][\w+.-]*:\/\//i.exec(line)?.[1];
  for (const m of line.matchAll(URL_WITH_PASSWORD)) {
    const [, scheme, , raw, host] = m;
    if (PLACEHOLDER_HOST.test(host)) continue;
    const value = decodeSafe(raw);
    if (!looksSecret(value)) continue;
    const kind: SecretKind = /sentry/i.test(host) ? 'sentry-dsn' : DATABASE_SCHEMES.test(scheme) ? 'database-url' : 'url-password';
    out.push({ kind, name: `${scheme.toLowerCase()}://`, value, ...(raw !== value ? { raw } : {}), ...(setting ? { setting } : {}) });
  }
  return out;
}

/** A name followed by `=` or `:` (quoted or not), anywhere on the line. */
const ASSIGNMENT = /(?<![\w$.-])(["']?)([A-Za-z_][\w.-]*)\1[ \t]*(=|:)/g;

/** Python: the string literal at `s[i]` (optional r/b/u/f prefix); its value and the index after it. */
function pythonString(s: string, i: number): { value: string; end: number; fstring: boolean } | undefined {
  const m = /^([rRbBuUfF]{0,2})(['"])/.exec(s.slice(i, i + 3));
  if (!m) return undefined;
  const prefix = m[1].toLowerCase();
  const q = m[2];
  let j = i + m[0].length;
  if (s.startsWith(q.repeat(2), j)) {
    // '' (empty) or a triple-quoted string: neither holds a one-line secret we can read
    return { value: '', end: j + 2, fstring: false };
  }
  let value = '';
  const raw = prefix.includes('r');
  for (; j < s.length; j++) {
    const c = s[j];
    if (c === '\\' && j + 1 < s.length) {
      const n = s[j + 1];
      value += raw ? c + n : n === 'n' ? '\n' : n === 't' ? '\t' : n === '\\' || n === q || n === "'" || n === '"' ? n : c + n;
      j++;
      continue;
    }
    if (c === q) return { value, end: j + 1, fstring: prefix.includes('f') };
    value += c;
  }
  return undefined;
}

/** Environment reads whose second argument (or default=) is the value used when the variable is unset. */
const ENV_READ_WITH_DEFAULT =
  /^(?:[\w.]*\.)?(?:getenv|get|setdefault|env|str|config|get_env|get_env_variable|get_env_setting|get_secret)\(\s*(['"])[^'"\n]*\1\s*,\s*(?:default\s*=\s*)?/;

/** Python: the string literals on a line inside an open list, and whether the list closes on it. */
function listContinuation(s: string): { values: string[]; closed: boolean } {
  const values: string[] = [];
  let depth = 1;
  for (let j = 0; j < s.length; ) {
    const c = s[j];
    if (c === '#') break;
    const l = pythonString(s, j);
    if (l) {
      if (!(l.fstring && l.value.includes('{'))) values.push(l.value);
      j = l.end;
      continue;
    }
    if (c === '[' || c === '(' || c === '{') depth++;
    if (c === ']' || c === ')' || c === '}') depth--;
    if (depth === 0) return { values, closed: true };
    j++;
  }
  return { values, closed: false };
}

/** Python: the string literals an assignment's right-hand side gives (a literal, a list of them, an env read's default). */
function pythonValues(s: string, i: number): { values: string[]; open?: boolean } {
  while (s[i] === ' ' || s[i] === '\t') i++;
  const lit = pythonString(s, i);
  if (lit) {
    if (lit.fstring && /\{/.test(lit.value)) return { values: [] };
    // "abc" % x, "abc".format(), "abc" + x: computed, not the literal
    const after = s.slice(lit.end).trimStart();
    if (/^([%+*.[]|if\b)/.test(after)) return { values: [] };
    return { values: [lit.value] };
  }
  if (s[i] === '[' || s[i] === '(') {
    const r = listContinuation(s.slice(i + 1));
    return { values: r.values, open: !r.closed };
  }
  const env = ENV_READ_WITH_DEFAULT.exec(s.slice(i));
  if (env) {
    const d = pythonString(s, i + env[0].length);
    if (d && !(d.fstring && d.value.includes('{'))) return { values: [d.value] };
  }
  return { values: [] };
}

/** Other files (.env, YAML, shell, Dockerfile, systemd, TOML, JSON): the value written after `=`/`:`. */
function textValue(s: string, i: number): string | undefined {
  while (s[i] === ' ' || s[i] === '\t') i++;
  const c = s[i];
  if (c === undefined) return undefined;
  let v: string;
  if (c === '"' || c === "'") {
    const end = s.indexOf(c, i + 1);
    if (end === -1) return undefined;
    v = s.slice(i + 1, end);
  } else {
    // YAML block scalars, anchors, aliases, tags (!Ref, !vault), flow collections; a comment
    if (/[|>&*!{[#]/.test(c)) return undefined;
    v = (/^[^\s]+/.exec(s.slice(i))?.[0] ?? '').replace(/[,;"']+$/, '');
  }
  // compose/shell substitution with a default: ${VAR:-default} / ${VAR-default} — the default is a literal
  const sub = /^\$\{\w+:?[-=]([^}]*)\}$/.exec(v);
  return sub ? sub[1] : v;
}

/**
 * Scans the lines of one file (or of one file's diff) in order. `line(text, changed)` takes every line —
 * unchanged context lines too, so a Python list opened on a context line is followed — and returns what the
 * changed ones hold. Call `reset()` where the lines stop being consecutive (a new diff hunk).
 */
export class LineScanner {
  readonly kind: FileKind;
  /** Python: a secret-named list left open (`SECRET_KEY_FALLBACKS = [` … `]`). */
  private openList: { name: string; kind: SecretKind } | undefined;
  /** YAML/JSON env entries: `- name: DB_PASSWORD` on the line before `value: …`. */
  private pendingName: { name: string; kind: SecretKind; ttl: number } | undefined;
  /** AWS: key IDs and bare 40-character tokens of the last few lines, to pair them. */
  private recentIds: number[] = [];
  private recentTokens: Array<{ at: number; value: string }> = [];
  private index = 0;

  constructor(readonly path: string) {
    this.kind = fileKind(path);
  }

  reset(): void {
    this.openList = undefined;
    this.pendingName = undefined;
    this.recentIds = [];
    this.recentTokens = [];
  }

  line(text: string, changed: boolean): Detected[] {
    this.index++;
    const s = text.length > 8192 ? text.slice(0, 8192) : text;
    const out: Detected[] = [];
    if (this.kind === 'python' && this.openList) {
      const list = this.openList;
      const r = listContinuation(s);
      if (changed) for (const v of r.values) if (looksSecret(v)) out.push({ kind: list.kind, name: list.name, value: v });
      if (r.closed) this.openList = undefined;
      return out;
    }
    if (this.pendingName) {
      const v = /^\s*["']?value["']?\s*:\s*(.*)$/.exec(s);
      if (v) {
        const value = textValue(v[1], 0);
        if (changed && value !== undefined && this.accept(this.pendingName.kind, value)) out.push({ kind: this.pendingName.kind, name: this.pendingName.name, value });
        this.pendingName = undefined;
      } else if (--this.pendingName.ttl <= 0) this.pendingName = undefined;
    }
    // cheap filter: most lines name no secret, hold no URL and no AWS key
    if (!/secret|pass|pwd|token|:\/\/|AKIA|[A-Za-z0-9/+]{40}/i.test(s)) return out;
    // the secret scanners' own "not a secret" markers (gitleaks, detect-secrets)
    if (/gitleaks:allow|pragma:\s*allowlist[ -]secret/i.test(s)) return out;
    if (changed) out.push(...urlPasswords(s));
    const envName = /^\s*-?\s*["']?name["']?\s*:\s*["']?([A-Za-z_][\w.-]*)["']?\s*,?\s*$/.exec(s);
    if (envName && this.kind !== 'python') {
      const kind = classifyName(envName[1]);
      if (kind) this.pendingName = { name: envName[1], kind, ttl: 2 };
    }
    // Dockerfile `ENV NAME value` (the old form without `=`)
    const dockerEnv = this.kind === 'dockerfile' ? /^\s*ENV\s+([A-Za-z_]\w*)\s+([^=\s][^\n]*)$/i.exec(s) : null;
    if (dockerEnv && changed) {
      const kind = classifyName(dockerEnv[1]);
      const value = textValue(dockerEnv[2].trim(), 0);
      if (kind && value !== undefined && this.accept(kind, value)) out.push({ kind, name: dockerEnv[1], value });
    }
    for (const m of s.matchAll(ASSIGNMENT)) {
      const [whole, quote, name, op] = m;
      const at = m.index! + whole.length;
      if (op === '=' && s[at] === '=') continue;
      // the variable of a substitution, not an assignment: ${NAME:-default}, ${NAME=default}
      if (s.slice(Math.max(0, m.index! - 2), m.index!).endsWith('${')) continue;
      if (op === ':' && (s[at] === ':' || s[at] === '=' || s[at] === '/')) continue;
      const kind = classifyName(name);
      if (!kind) continue;
      if (this.kind === 'python') {
        // an unquoted name before ':' is an annotation or a slice, not a dict key
        if (op === ':' && !quote) continue;
        const r = pythonValues(s, at);
        if (r.open) this.openList = { name, kind };
        if (changed) for (const v of r.values) if (this.accept(kind, v)) out.push({ kind: kind === 'aws-secret' && !looksAwsSecret(v) ? 'secret' : kind, name, value: v });
        continue;
      }
      const value = textValue(s, at);
      if (changed && value !== undefined && this.accept(kind, value)) out.push({ kind: kind === 'aws-secret' && !looksAwsSecret(value) ? 'secret' : kind, name, value });
    }
    if (changed) this.aws(s, out);
    return dedupe(out);
  }

  private accept(kind: SecretKind, value: string): boolean {
    if (kind === 'aws-secret' && looksAwsSecret(value)) return true;
    // a Kubernetes Secret's data is base64: judge what it encodes (`ZGItcGFzc3dvcmQ=` is "db-password")
    const decoded = this.yaml ? base64Text(value) : undefined;
    return looksSecret(decoded ?? value);
  }

  private get yaml(): boolean {
    return /\.ya?ml$/i.test(this.path);
  }

  /** AWS key IDs, and a bare 40-character secret within 5 lines of one (either side). */
  private aws(s: string, out: Detected[]): void {
    const ids = [...s.matchAll(AWS_KEY_ID)].map((m) => m[1]).filter((id) => !/EXAMPLE$/.test(id));
    for (const id of ids) out.push({ kind: 'aws-key-id', name: 'AWS access key ID', value: id });
    if (ids.length) this.recentIds.push(this.index);
    this.recentIds = this.recentIds.filter((i) => this.index - i <= 5);
    const tokens = [...s.matchAll(AWS_SECRET_TOKEN)].map((m) => m[1]).filter(looksAwsSecret);
    for (const t of tokens) this.recentTokens.push({ at: this.index, value: t });
    this.recentTokens = this.recentTokens.filter((t) => this.index - t.at <= 5);
    if (this.recentIds.length) {
      for (const t of this.recentTokens) {
        if (!out.some((d) => d.value === t.value)) out.push({ kind: 'aws-secret', name: 'AWS secret access key', value: t.value });
      }
      this.recentTokens = [];
    }
  }
}

/** The text a base64 value encodes, when it is base64 of printable text (a Kubernetes Secret's data). */
export function base64Text(v: string): string | undefined {
  if (v.length < 12 || v.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(v)) return undefined;
  const text = Buffer.from(v, 'base64').toString('latin1');
  return /^[\x20-\x7e]+$/.test(text) ? text : undefined;
}

function dedupe(list: Detected[]): Detected[] {
  const seen = new Set<string>();
  return list.filter((d) => {
    if (seen.has(d.value)) return false;
    seen.add(d.value);
    return true;
  });
}
