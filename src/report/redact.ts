/**
 * Last line of defence for secret values (SECRET_KEY literals, passwords, DSNs): every reporter's input goes
 * through `redactReport` first, so a value that slipped into a message never reaches SARIF, the terminal,
 * the job summary or annotations.
 */
import { MIN_SECRET_LENGTH, type Report } from '../finding';

export const REDACTED = '[REDACTED]';

/** Secrets shorter than this are only redacted as whole tokens (not inside a longer word). */
const TOKEN_ONLY_BELOW = 16;
const WORD = /[A-Za-z0-9_]/;

export class Redactor {
  /** Longest first, so the common case (one secret inside another) is one span. */
  private readonly secrets: readonly string[];

  constructor(secrets: Iterable<string>) {
    const all = new Set<string>();
    for (const secret of secrets) {
      if (typeof secret !== 'string' || secret.length < MIN_SECRET_LENGTH) continue;
      all.add(secret);
      // The same value as it shows up inside a JSON/Python string literal and inside a URL (DSN passwords).
      const jsonEscaped = JSON.stringify(secret).slice(1, -1);
      if (jsonEscaped !== secret) all.add(jsonEscaped);
      const uriEncoded = encodeURIComponent(secret);
      if (uriEncoded !== secret) all.add(uriEncoded);
    }
    this.secrets = [...all].sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));
  }

  /** True when there is nothing to redact (no secret of at least MIN_SECRET_LENGTH characters). */
  get empty(): boolean {
    return this.secrets.length === 0;
  }

  /**
   * Every occurrence of every secret becomes `[REDACTED]`. Occurrences that overlap or touch (two secrets
   * sharing characters) are merged into one span, so no character of any occurrence survives.
   */
  redact(text: string): string {
    if (this.secrets.length === 0 || typeof text !== 'string') return text;
    const spans: Array<[number, number]> = [];
    for (const secret of this.secrets) {
      for (let at = text.indexOf(secret); at !== -1; at = text.indexOf(secret, at + 1)) {
        if (secret.length < TOKEN_ONLY_BELOW && (WORD.test(text[at - 1] ?? '') || WORD.test(text[at + secret.length] ?? ''))) continue;
        spans.push([at, at + secret.length]);
      }
    }
    if (spans.length === 0) return text;
    spans.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
    let out = '';
    let cursor = 0;
    let [start, end] = spans[0];
    for (const [s, e] of spans) {
      if (s <= end) {
        end = Math.max(end, e);
        continue;
      }
      out += text.slice(cursor, start) + REDACTED;
      cursor = end;
      [start, end] = [s, e];
    }
    out += text.slice(cursor, start) + REDACTED + text.slice(end);
    return out;
  }

  /** A copy of a JSON-able value with every string (object keys included) redacted. */
  redactDeep<T>(value: T): T {
    if (this.secrets.length === 0) return value;
    return this.walk(value) as T;
  }

  private walk(value: unknown): unknown {
    if (typeof value === 'string') return this.redact(value);
    if (Array.isArray(value)) return value.map((v) => this.walk(v));
    if (value !== null && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[this.redact(k)] = this.walk(v);
      return out;
    }
    return value;
  }
}

/**
 * The report every reporter should see: all strings redacted (messages, related messages, gate details,
 * project reasons, rule texts, even file paths). Call this in the entries before any reporter.
 */
export function redactReport(report: Report, redactor: Redactor): Report {
  return redactor.redactDeep(report);
}
