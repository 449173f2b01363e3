/**
 * The Report as one SARIF 2.1.0 log with one run, shaped for GitHub code scanning:
 * rules carry help, tags, precision and `security-severity`; results carry repo-relative locations under
 * `%SRCROOT%` and `primaryLocationLineHash` fingerprints computed the way codeql-action would.
 * Deterministic: the same Report (and file texts) give byte-identical output; no timestamps, no SHAs.
 */
import type * as Sarif from 'sarif';
import { compareFindings, djangoChecksOf, GATE_NAMES, type Finding, type GateResult, type Level, type Location, type Report, type RuleMeta } from '../finding';
import { readTextUnder } from '../files';
import { ruleDoc } from '../rules/docs';
import { docsUrl } from '../version';
import { primaryLocationLineHashes } from './fingerprint';
import { arrayPieces } from './pieces';
import type { Redactor } from './redact';
import { detailLines } from './text';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const DEFAULT_CATEGORY = 'django-launch-gate';
export const SRCROOT = '%SRCROOT%';
/**
 * verify: a live site's findings are URL paths, resolved against this base (run.originalUriBaseIds.SITE = the
 * site's origin + `/`): `artifactLocation { uri: "static/site.css", uriBaseId: "SITE" }`, the site root `./`.
 * Relative URIs keep the log valid SARIF (an absolute https: URI is too, but code scanning refuses the scheme).
 */
export const SITEROOT = 'SITE';
const DJANGO_CHECKS_URL = 'https://docs.djangoproject.com/en/stable/ref/checks/';

/** GitHub code scanning limits (larger files are rejected or truncated by the service). */
const MAX_RESULTS = 25_000;
const MAX_RELATED_LOCATIONS = 1_000;
const MAX_TAGS = 20;

export interface SarifOptions {
  /** Code scanning category (`automationDetails.id` prefix); default `django-launch-gate`. */
  category?: string;
  /** Text of a file relative to the scan root, or undefined when it cannot be read (no fingerprint then). */
  readText: (rel: string) => string | undefined;
}

export function toSarif(report: Report, opts: SarifOptions): Sarif.Log {
  const { log, results } = sarifParts(report, opts);
  log.runs[0]!.results = [...results()];
  return log;
}

/**
 * The log with its results left empty, and the results one at a time (sarifChunks writes each as it comes, and
 * a file's line hashes are kept only for the lines results start on: a 1 M-line monolith's hash of every line
 * of every file with a finding, and its 7,296 results held at once, were the action's last 50 MB of peak memory).
 */
function sarifParts(report: Report, opts: SarifOptions): { log: Sarif.Log; results: () => Generator<Sarif.Result>; count: number } {
  const findings = [...report.findings].sort(compareFindings);
  const kept = findings.slice(0, MAX_RESULTS);

  // Rules: every known rule (by ID), then a minimal rule for each finding ID we have no metadata for.
  const knownIds = new Set<string>();
  const known: RuleMeta[] = [];
  for (const r of [...report.rules].sort((a, b) => cmp(a.id, b.id))) {
    if (knownIds.has(r.id)) continue; // a duplicate ID would make ruleIndex ambiguous
    knownIds.add(r.id);
    known.push(r);
  }
  const unknown = new Map<string, Finding>();
  for (const f of kept) if (!knownIds.has(f.ruleId) && !unknown.has(f.ruleId)) unknown.set(f.ruleId, f);
  const rules: Sarif.ReportingDescriptor[] = [
    ...known.map(ruleDescriptor),
    ...[...unknown.keys()].sort(cmp).map((id) => syntheticRuleDescriptor(id, kept)),
  ];
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));

  const fallbackFile = anchorFile(report);
  // The lines each file's results start on: only their hashes are kept.
  const wanted = new Map<string, Set<number>>();
  if (!report.site) {
    for (const f of kept) {
      const file = relPath(f.location.file, report.root) || fallbackFile;
      const lines = wanted.get(file) ?? wanted.set(file, new Set()).get(file)!;
      lines.add(toRegion(f.location).startLine!);
    }
  }
  const hashCache = new Map<string, Map<number, string> | undefined>();
  const lineHash = (file: string, line: number): string | undefined => {
    if (!hashCache.has(file)) {
      const text = safeRead(opts.readText, file);
      const all = text === undefined ? undefined : primaryLocationLineHashes(text);
      hashCache.set(file, all && new Map([...(wanted.get(file) ?? [])].flatMap((n) => (all[n - 1] === undefined ? [] : [[n, all[n - 1]!]]))));
    }
    return hashCache.get(file)?.get(line);
  };
  function* results(): Generator<Sarif.Result> {
    for (const f of kept) {
      yield report.site ? siteResult(f, ruleIndex.get(f.ruleId) ?? 0) : toResult(f, ruleIndex.get(f.ruleId) ?? 0, lineHash, fallbackFile, report.root);
    }
  }

  const notifications: Sarif.Notification[] = [];
  for (const g of sortedGates(report.gates)) {
    if (g.status !== 'error' && g.status !== 'skipped') continue;
    notifications.push({
      level: g.status === 'error' ? 'error' : 'note',
      message: { text: sentence(`The ${g.gate} gate ${g.status === 'error' ? 'could not run' : 'was skipped'}${g.detail ? `: ${detailLines(g.detail).join('; ')}` : ''}`) },
      properties: { gate: g.gate, status: g.status },
    });
  }
  if (findings.length > kept.length) {
    notifications.push({
      level: 'warning',
      message: { text: `${findings.length - kept.length} less severe findings were left out: GitHub code scanning accepts at most ${MAX_RESULTS} results per run.` },
    });
  }

  const invocation: Sarif.Invocation = {
    executionSuccessful: !report.gates.some((g) => g.status === 'error'),
  };
  if (notifications.length > 0) invocation.toolExecutionNotifications = notifications;

  const run: Sarif.Run = {
    tool: {
      driver: {
        name: report.tool.name,
        version: report.tool.version,
        semanticVersion: report.tool.version,
        informationUri: report.tool.informationUri,
        rules,
      },
    },
    automationDetails: { id: automationId(opts.category) },
    ...(report.site ? { originalUriBaseIds: { [SITEROOT]: { uri: `${report.root.replace(/\/+$/, '')}/`, description: { text: `The live site checked by verify (${report.site.url}).` } } } } : {}),
    invocations: [invocation],
    columnKind: 'utf16CodeUnits',
    results: [],
    properties: {
      gates: sortedGates(report.gates).map((g) => {
        const out: Record<string, unknown> = { name: g.gate, status: g.status };
        if (g.detail !== undefined) out.detail = g.detail;
        return out;
      }),
    },
  };

  return { log: { $schema: SARIF_SCHEMA, version: '2.1.0', runs: [run] }, results, count: kept.length };
}

/**
 * The SARIF report as the entries write it (CLI --sarif / --format sarif, the action's sarif-file): file texts
 * for the line hashes read under the report's root, everything redacted.
 */
export function sarifText(report: Report, category: string | undefined, redactor: Redactor): string {
  return [...sarifChunks(report, category, redactor)].join('');
}

/**
 * sarifText's text in pieces — the log around its results, then each result — each redacted, for a writer that
 * need not hold it all (a monolith's SARIF is 8 MB of text; as one string, its redacted copy and the file's
 * buffer it was the action's peak memory). The pieces are serializeSarif's document to the byte (arrayPieces). A
 * secret cannot span two pieces: pieces break only between results.
 */
export function* sarifChunks(report: Report, category: string | undefined, redactor: Redactor): Generator<string> {
  // A live site's locations are URLs: there is no file text to hash.
  const readText = report.site ? () => undefined : readTextUnder(report.root);
  const { log, results, count } = sarifParts(report, {
    category,
    readText: (file: string) => {
      const text = readText(file);
      return text === undefined ? undefined : redactor.redact(text);
    },
  });
  // the run's results: the only results key, three levels deep ($schema/version/runs → the run)
  const pieces = count > 0 ? arrayPieces(JSON.stringify(log, null, 2), 'results', 3) : undefined;
  if (!pieces) {
    // (no results, or a log reshaped without the key where this looks for it — written whole, not without its results)
    if (count > 0) log.runs[0]!.results = [...results()];
    yield redactor.redact(serializeSarif(log));
    return;
  }
  yield redactor.redact(pieces.head);
  let i = 0;
  for (const r of results()) yield redactor.redact(pieces.item(r, ++i === count));
  yield redactor.redact(pieces.tail);
}

/** 2-space JSON with a trailing newline. Key order is fixed by construction, so output is byte-stable. */
export function serializeSarif(log: Sarif.Log): string {
  return `${JSON.stringify(log, null, 2)}\n`;
}

/** `<category>/`, as codeql-action forms `automationDetails.id` from a category (no run IDs or SHAs). */
export function automationId(category: string | undefined): string {
  const trimmed = (category ?? '').trim().replace(/\/+$/, '');
  return `${trimmed === '' ? DEFAULT_CATEGORY : trimmed}/`;
}

function ruleDescriptor(rule: RuleMeta): Sarif.ReportingDescriptor {
  const doc = ruleDoc(rule.id);
  const helpUri = docsUrl(rule.id);
  const fallbackText = `${sentence(rule.title)}\n\nFix: ${sentence(rule.fix)}\n\nDocumentation: ${helpUri}`;
  const fallbackMarkdown = `**${sentence(rule.title)}**\n\nFix: ${sentence(rule.fix)}\n\n[Documentation](${helpUri})`;
  // A rule with a security severity is a security alert on GitHub ('security' tag + 'security-severity');
  // a severity of 0 (e.g. "file could not be scanned") stays an ordinary alert.
  const security = Number.isFinite(rule.securitySeverity) && rule.securitySeverity > 0;
  const tags = uniq(security ? ['security', ...rule.tags] : rule.tags).slice(0, MAX_TAGS);
  const properties: Sarif.PropertyBag = { tags, precision: rule.precision };
  if (security) properties['security-severity'] = securitySeverity(rule.securitySeverity);
  properties['problem.severity'] = problemSeverity(rule.level);
  if (rule.djangoCheck) properties.djangoCheck = rule.djangoCheck;
  const checks = djangoChecksOf(rule);
  if (checks.length > 1) properties.djangoChecks = checks;
  return {
    id: rule.id,
    name: rule.name,
    shortDescription: { text: sentence(rule.title) },
    fullDescription: { text: (doc && whatItDoes(doc)) || `${sentence(rule.title)} ${sentence(rule.fix)}` },
    help: doc ? { text: doc, markdown: doc } : { text: fallbackText, markdown: fallbackMarkdown },
    helpUri,
    defaultConfiguration: { level: rule.level },
    properties,
  };
}

/** A rule the report has no metadata for (e.g. a Django check ID such as `security.W004` from a runtime gate). */
function syntheticRuleDescriptor(id: string, findings: readonly Finding[]): Sarif.ReportingDescriptor {
  const mine = findings.filter((f) => f.ruleId === id);
  const first = mine[0]; // findings are sorted most severe first
  const level = first?.level ?? 'warning';
  const systemCheck = mine.some((f) => f.djangoCheck === id);
  const text = systemCheck
    ? `Django system check ${id}${first ? `, reported by the ${first.gate} gate` : ''}.`
    : `${id}${first ? `, reported by the ${first.gate} gate` : ''}.`;
  const descriptor: Sarif.ReportingDescriptor = {
    id,
    name: id.replace(/[^A-Za-z0-9]+/g, '-').toLowerCase(),
    shortDescription: { text },
    fullDescription: { text },
  };
  if (systemCheck) {
    descriptor.help = { text: `${text} See ${DJANGO_CHECKS_URL}`, markdown: `${text} See [Django's system check reference](${DJANGO_CHECKS_URL}).` };
    descriptor.helpUri = DJANGO_CHECKS_URL;
  } else {
    descriptor.help = { text, markdown: text };
  }
  descriptor.defaultConfiguration = { level };
  descriptor.properties = { tags: ['security'], 'problem.severity': problemSeverity(level) };
  return descriptor;
}

function toResult(
  f: Finding,
  ruleIndex: number,
  lineHash: (file: string, line: number) => string | undefined,
  fallbackFile: string,
  root: string,
): Sarif.Result {
  const file = relPath(f.location.file, root) || fallbackFile;
  const region = toRegion(f.location);
  const result: Sarif.Result = {
    ruleId: f.ruleId,
    ruleIndex,
    level: f.level,
    // A finding with its own fix (its cause needs other advice than the rule's help) says it in the message.
    message: { text: f.fix ? `${sentence(f.message)} Fix: ${sentence(f.fix)}` : f.message },
    locations: [{ physicalLocation: { artifactLocation: { uri: toUri(file), uriBaseId: SRCROOT }, region } }],
  };
  const hash = lineHash(file, region.startLine!);
  if (hash !== undefined) result.partialFingerprints = { primaryLocationLineHash: hash };
  if (f.related && f.related.length > 0) {
    result.relatedLocations = f.related.slice(0, MAX_RELATED_LOCATIONS).map((r, i) => ({
      id: i + 1,
      physicalLocation: {
        artifactLocation: { uri: toUri(relPath(r.location.file, root) || fallbackFile), uriBaseId: SRCROOT },
        region: toRegion(r.location),
      },
      message: { text: r.message },
    }));
  }
  // SARIF §3.35: an inline suppression keeps the result, marked as suppressed in source with its reason.
  if (f.suppression) {
    const s = f.suppression;
    const at: Sarif.Location = {
      physicalLocation: { artifactLocation: { uri: toUri(relPath(s.location.file, root) || fallbackFile), uriBaseId: SRCROOT }, region: toRegion(s.location) },
    };
    result.suppressions = [{ kind: s.kind, status: 'accepted', ...(s.justification ? { justification: s.justification } : {}), location: at }];
  }
  const properties: Sarif.PropertyBag = { gate: f.gate };
  if (f.djangoCheck) properties.djangoCheck = f.djangoCheck;
  result.properties = properties;
  return result;
}

/** A live site's finding: the URL path relative to the SITE base (`./` for the root), region line 1; no line hash. */
function siteResult(f: Finding, ruleIndex: number): Sarif.Result {
  const rel = f.location.file.replace(/^\/+/, '');
  return {
    ruleId: f.ruleId,
    ruleIndex,
    level: f.level,
    message: { text: f.fix ? `${sentence(f.message)} Fix: ${sentence(f.fix)}` : f.message },
    locations: [{ physicalLocation: { artifactLocation: { uri: rel === '' ? './' : rel, uriBaseId: SITEROOT }, region: { startLine: 1 } } }],
    properties: { gate: f.gate },
  };
}

/** A 1-based region; inconsistent ends are dropped rather than emitted invalid. */
function toRegion(loc: Location): Sarif.Region {
  const startLine = posInt(loc.line) ?? 1;
  const region: Sarif.Region = { startLine };
  const startColumn = posInt(loc.column);
  if (startColumn !== undefined) region.startColumn = startColumn;
  const endLine = posInt(loc.endLine);
  if (endLine !== undefined && endLine >= startLine) {
    const endColumn = posInt(loc.endColumn);
    if (endLine > startLine || endColumn === undefined || endColumn >= (startColumn ?? 1)) {
      region.endLine = endLine;
      if (endColumn !== undefined) region.endColumn = endColumn;
    }
  }
  return region;
}

function posInt(n: number | undefined): number | undefined {
  return typeof n === 'number' && Number.isFinite(n) && n >= 1 ? Math.floor(n) : undefined;
}

/** Forward slashes, no leading `./`; absolute paths under the root made relative. */
function relPath(file: string, root: string): string {
  let p = file.replace(/\\/g, '/');
  const r = root.replace(/\\/g, '/').replace(/\/+$/, '');
  if (r && p.startsWith(`${r}/`)) p = p.slice(r.length + 1);
  while (p.startsWith('./')) p = p.slice(2);
  return p;
}

/** Percent-encode each path segment (spaces, `#`, `?`, non-ASCII) so the URI is valid; GitHub decodes it. */
function toUri(rel: string): string {
  return rel.split('/').map(encodeURIComponent).join('/');
}

/** GitHub rejects results without a location: a finding without a file is anchored at the project's settings or manage.py. */
function anchorFile(report: Report): string {
  const p = report.projects[0];
  if (p?.settingsFile) return relPath(p.settingsFile, report.root);
  if (p) return p.root ? `${p.root.replace(/\/+$/, '')}/manage.py` : 'manage.py';
  return 'manage.py';
}

function safeRead(read: (rel: string) => string | undefined, rel: string): string | undefined {
  try {
    const text = read(rel);
    return typeof text === 'string' ? text : undefined;
  } catch {
    return undefined;
  }
}

/** The first paragraph under a "What it does" heading of a ruff-style rule page, on one line. */
function whatItDoes(doc: string): string | undefined {
  const m = /^#{1,6}\s*What it does\s*$/im.exec(doc);
  if (!m) return undefined;
  const rest = doc.slice(m.index + m[0].length).replace(/^\s+/, '');
  const para = rest.split(/\n\s*\n|\n#/)[0]?.trim();
  return para ? para.replace(/\s*\n\s*/g, ' ') : undefined;
}

function securitySeverity(n: number): string {
  const v = Number.isFinite(n) ? Math.min(10, Math.max(0, n)) : 0;
  return v.toFixed(1);
}

function problemSeverity(level: Level): 'error' | 'warning' | 'recommendation' {
  return level === 'note' ? 'recommendation' : level;
}

/** Gates in their canonical order (they finish concurrently, in any order). */
function sortedGates(gates: readonly GateResult[]): GateResult[] {
  const order = (g: GateResult) => {
    const i = (GATE_NAMES as readonly string[]).indexOf(g.gate);
    return i === -1 ? GATE_NAMES.length : i;
  };
  return [...gates].sort((a, b) => order(a) - order(b) || cmp(a.gate, b.gate));
}

function sentence(s: string): string {
  const t = s.trim();
  return t === '' || /[.!?]$/.test(t) ? t : `${t}.`;
}



function uniq(xs: readonly string[]): string[] {
  return [...new Set(xs)];
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
