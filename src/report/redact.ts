/**
 * Last line of defence for secret values (SECRET_KEY literals, passwords, DSNs): every reporter's input goes
 * through `redactReport` first, so a value that slipped into a message never reaches SARIF, the terminal,
 * the job summary or annotations.
 */
import { CHECKLIST, GATE_NAMES, MIN_SECRET_LENGTH, type Finding, type Report } from '../finding';

export const REDACTED = '[REDACTED]';

/** Secrets shorter than this are only redacted as whole tokens (not inside a longer word). */
const TOKEN_ONLY_BELOW = 16;
const WORD = /[A-Za-z0-9_]/;

export class Redactor {
  /** Longest first, so the common case (one secret inside another) is one span. */
  private readonly secrets: readonly string[];
  /** The tool's own words (rule names, checklist keys…): an occurrence of a secret wholly inside one is kept. */
  private readonly protect: readonly string[];

  constructor(secrets: Iterable<string>, protect: Iterable<string> = []) {
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
    // Only words a secret is a proper part of: a secret equal to a whole word is still redacted as a value.
    this.protect = [...new Set(protect)].filter((w) => this.secrets.some((x) => w.length > x.length && w.includes(x)));
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
    const kept: Array<[number, number]> = [];
    for (const word of this.protect) {
      for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + 1)) kept.push([at, at + word.length]);
    }
    const spans: Array<[number, number]> = [];
    for (const secret of this.secrets) {
      for (let at = text.indexOf(secret); at !== -1; at = text.indexOf(secret, at + 1)) {
        if (secret.length < TOKEN_ONLY_BELOW && (WORD.test(text[at - 1] ?? '') || WORD.test(text[at + secret.length] ?? ''))) continue;
        if (kept.some(([s, e]) => s <= at && at + secret.length <= e)) continue; // part of the tool's own vocabulary
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
 * The report every reporter should see: every string that comes from the scanned project or the run
 * redacted (messages, related messages, fixes, gate details, project reasons, checklist reasons, file
 * reasons). The tool's own vocabulary is not: rule metadata, rule IDs, gate names, levels and checklist keys
 * come from this code, never from the project — and a secret that happens to equal one of them (a
 * placeholder password "secret-key") must not turn the checklist key `secret-key` into `[REDACTED]` and lose
 * the findings grouped under it. Nor are file paths and module names: they are the repository's layout, and
 * a weak password equal to a folder name ("mathesar") must not hide where a finding is. Call this in the
 * entries before any reporter.
 */
export function redactReport(report: Report, redactor: Redactor): Report {
  if (redactor.empty) return report;
  return {
    ...report,
    projects: report.projects.map((p) => ({ ...p, reason: redactor.redact(p.reason) })),
    gates: report.gates.map((g) => ({ ...g, ...(g.detail !== undefined ? { detail: redactor.redact(g.detail) } : {}), findings: g.findings.map((f) => redactFinding(f, redactor)) })),
    findings: report.findings.map((f) => redactFinding(f, redactor)),
    checklist: report.checklist.map((c) => ({ ...c, ...(c.reason !== undefined ? { reason: redactor.redact(c.reason) } : {}) })),
  };
}

function redactFinding(f: Finding, redactor: Redactor): Finding {
  return {
    ...f,
    message: redactor.redact(f.message),
    ...(f.fix !== undefined ? { fix: redactor.redact(f.fix) } : {}),
    ...(f.related ? { related: f.related.map((r) => ({ ...r, message: redactor.redact(r.message) })) } : {}),
    ...(f.suppression?.justification !== undefined ? { suppression: { ...f.suppression, justification: redactor.redact(f.suppression.justification) } } : {}),
  };
}

/** A relative path with a folder and a file extension, as messages cite other files: `app/models.py`, `deploy/prod.env`. */
const PATH_IN_TEXT = /(?<![\w./-])[\w.-]+(?:\/[\w.-]+)+\.(?:py|html?|txt|ya?ml|toml|cfg|ini|env|conf|json|sh|service)(?::\d+)?(?![\w/])/g;

/**
 * The tool's own vocabulary in a report — rule IDs, names, titles and checklist keys, Django check IDs,
 * gate names, checklist titles — for `new Redactor(secrets, vocabulary(report))`: a placeholder secret that
 * equals a word of it ("secret-key") is still redacted everywhere else, but never inside these.
 */
export function vocabulary(report: Report): string[] {
  const words = new Set<string>([...Object.values(CHECKLIST), ...GATE_NAMES]);
  // Checklist keys as the JSON and SARIF outputs spell them (a bare key equal to a secret stays redactable).
  for (const key of Object.keys(CHECKLIST)) for (const field of ['checklist', 'item']) words.add(`"${field}": "${key}"`);
  for (const r of report.rules) {
    for (const w of [r.id, r.name, r.title, ...(r.djangoCheck ? [r.djangoCheck] : []), ...(r.djangoChecks ?? []), ...r.tags]) words.add(w);
  }
  // The repository's layout: paths and modules where findings are, as reporters print them.
  words.add(report.root);
  for (const p of report.projects) {
    for (const w of [p.root, p.settingsFile, p.settingsModule, p.evidence?.file]) if (w) words.add(w);
    // A project's folder as the JSON and text outputs spell it: tabbycat's compose password is "tabbycat", the
    // name of the folder its project lives in, and the bare root would otherwise be blanked out.
    if (p.root) for (const w of [`"root": ${JSON.stringify(p.root)}`, `Project ${p.root}:`]) words.add(w);
  }
  for (const f of [...report.findings, ...report.gates.flatMap((g) => g.findings)]) {
    for (const l of [f.location, ...(f.related ?? []).map((r) => r.location)]) {
      words.add(l.file);
      words.add(`${l.file}:${l.line}`);
      // A migration as its messages name it, `label.0011_name` (the label is the app folder's name unless the
      // app config says otherwise): mathesar's weak compose password "mathesar" blanked its app label out.
      const migration = /(?:^|\/)([^/]+)\/migrations\/([^/]+)\.py$/.exec(l.file);
      if (migration) words.add(`${migration[1]}.${migration[2]}`);
    }
    // Other files a message names (`max_length 150 → 63, src/paperless/migrations/0002_x.py:14`): a path of
    // the repository in the text, kept whole like the locations (paperless' compose password is "paperless").
    for (const text of [f.message, ...(f.related ?? []).map((r) => r.message)]) for (const m of text.matchAll(PATH_IN_TEXT)) words.add(m[0]);
  }
  return [...words];
}
