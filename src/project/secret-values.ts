/**
 * Does a value look like a real secret, or like an example, a placeholder or a weak default? Shared by the
 * history gate's detector (src/gates/history-secrets.ts: precision first, after gitleaks' allowlists) and the
 * settings evaluator's redaction list (src/project/evaluate.ts: redaction errs on the side of hiding, so it
 * only leaves out values that are nothing but placeholder words).
 */
import { MIN_SECRET_LENGTH } from '../finding';

/** Shannon entropy in bits per character. */
export function entropy(s: string): number {
  const counts = new Map<string, number>();
  for (const c of s) counts.set(c, (counts.get(c) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) {
    const p = n / s.length;
    h -= p * Math.log2(p);
  }
  return h;
}

/** Placeholder words (letters and digits only, lower case): a value containing one is an example, not a secret. */
/** Names of settings and variables that hold secrets (SECRET_KEY, DB_PASSWORD, STRIPE_API_KEY, SENTRY_DSN…). */
export const SECRET_NAME = /(SECRET|PASSWORD|PASSWD|TOKEN|API_KEY|APIKEY|PRIVATE_KEY|DSN|CREDENTIALS)/i;

const PLACEHOLDER_WORDS = [
  'changeme', 'changethis', 'changeit', 'replaceme', 'replacethis', 'yoursecret', 'yourpassword', 'yourtoken', 'yourkey',
  'yourapikey', 'secretkeyhere', 'keyhere', 'passwordhere', 'tokenhere', 'placeholder', 'example', 'sample', 'dummy', 'notasecret',
  'notsecret', 'notreal', 'fakekey', 'fakesecret', 'fakepassword', 'faketoken', 'insertyour', 'enteryour', 'putyour', 'redacted',
  'todo', 'fixme', 'xxxx', 'generateone', 'setme', 'setthis', 'overrideme', 'overridethis', 'mustbeset', 'setinenv', 'fromenv',
];
/** A dictionary word a value may merely decorate with digits and punctuation (`admin123`, `P@ssw0rd!`). */
const WEAK_WORDS = /^(?:password|passwd|pass|pwd|secret|key|super|top|my|admin|administrator|root|postgres|postgresql|pg|mysql|mariadb|redis|django|app|db|database|user|username|guest|default|qwerty|letmein|welcome|hello|test|testing|demo|dev|development|local|change|me|token|api|abc|foo|bar|baz)+$/;

function deLeet(s: string): string {
  return s.replace(/0/g, 'o').replace(/[1!|]/g, 'i').replace(/3/g, 'e').replace(/[4@]/g, 'a').replace(/[5$]/g, 's').replace(/7/g, 't');
}

/**
 * Does `value` stand for another value rather than be one: `${VAR}` / `$VAR` / `$(cmd)` / `{{ x }}` / `{% x %}` /
 * `<your-key>` / `[value]` / `%(x)s` / `{x}` / `@VAR@` / `%VAR%`, an `os.environ`/`env(` read written as text?
 */
export function isReference(value: string): boolean {
  const v = value.trim();
  if (/^\$/.test(v) || /\$\{\s*[A-Za-z_]\w*[^}]*\}/.test(v) || /\{\{.*\}\}|\{%.*%\}/.test(v)) return true;
  if (/^<.*>$/.test(v) || /<[A-Za-z][\w .-]*>/.test(v) || /^\[.*\]$/.test(v) || /%\(\w+\)[sdr]/.test(v) || /\{\w*\}/.test(v)) return true;
  if (/^@\w+@$/.test(v) || /^%\w+%$/.test(v)) return true;
  return /\bos\.(environ|getenv)\b|\benv\(/.test(v);
}

/**
 * Is `value` — given for a secret-named thing — a real secret? False for references, placeholders, short or
 * letters-only values, weak dictionary words, paths and URLs (see the module comment).
 */
export function looksSecret(value: string): boolean {
  const v = value.trim();
  if (v.length < MIN_SECRET_LENGTH || v.length > 4096) return false;
  if (isReference(v)) return false;
  if (/^(true|false|none|null|nil|undefined|yes|no|on|off)$/i.test(v)) return false;
  // a URL (its password, if any, is judged on its own), a path, a dotted Python path
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(v)) return false;
  if (/^(\.{1,2}\/|~\/|\/[\w.-]+\/)/.test(v) || /\.(pem|key|crt|cer|p12|txt|json|env|ya?ml|ini|cfg|conf)$/i.test(v)) return false;
  if (/^[A-Za-z_]\w*(\.[A-Za-z_]\w*)+$/.test(v)) return false;
  // whitespace inside (prose, a list), a rate (`5/m`, `1/m/ip,1/m/key`)
  if (/\s/.test(v) || /^\d+\/[a-z]/i.test(v)) return false;
  // letters alone — any script, emoji too (gitleaks: a secret has more than letters) —, digits alone, one character repeated
  if (/^[\p{L}\p{M}\p{Extended_Pictographic}\uFE0F\u200D_.-]+$/u.test(v) || /^\d+$/.test(v) || /^(.)\1+$/.test(v)) return false;
  if (new Set(v).size < 5 || entropy(v) < 2.5) return false;
  const plain = v.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (PLACEHOLDER_WORDS.some((w) => plain.includes(w)) || /x{4,}|\*{3,}|\.{3,}/i.test(v)) return false;
  if (/^your[-_]|^my[-_]?(secret|password|token|key)/i.test(v)) return false;
  // a dictionary word (or a few) decorated with digits and punctuation: admin123, P@ssw0rd!, s3cr3t-k3y-2024
  const core = v.toLowerCase().replace(/^[^a-z@$]+|[^a-z]+$/g, '');
  if (WEAK_WORDS.test(deLeet(core).replace(/[^a-z]/g, ''))) return false;
  return true;
}

/**
 * A value made only of placeholder and dictionary words (`password`, `postgres`, `changeme`, `mypassword`):
 * the example text of a URL like postgres://user:password@host, known to everyone. Redacting it would
 * blank that word out of every message and fix text ("Change the [REDACTED] where it is used"). Anything
 * else — a letters-only passphrase included — stays a secret for redaction.
 */
export function isPlaceholderValue(value: string): boolean {
  const v = value.trim().toLowerCase();
  if (!/^[a-z]+$/.test(v)) return false;
  return WEAK_WORDS.test(v) || PLACEHOLDER_WORDS.includes(v);
}
