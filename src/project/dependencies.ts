/**
 * What a project declares it runs on: the Django version range it pins, the packages it depends on, and the
 * app servers that serve it (WSGI or ASGI). Read from the dependency files the workspace already holds —
 * requirements files (`requirements*.txt`, `requirements/*.txt`, `*.in`, following `-r`/`-c` includes),
 * pyproject.toml (PEP 621 `[project] dependencies`, poetry `[tool.poetry.dependencies]`), poetry.lock,
 * uv.lock, pdm.lock, Pipfile / Pipfile.lock, setup.cfg `install_requires`, setup.py `install_requires`
 * literals — and, for app servers, from the commands the deploy files run (deploy-commands.ts).
 *
 * Dev/test/docs dependency files (`requirements-dev.txt`, `requirements/test.txt`, `[dev-packages]`, poetry
 * dev groups, optional-dependency groups named dev/test/docs/lint) are not production and are not read,
 * unless a production file includes them with `-r`.
 *
 * Unknown is a value: when no file names Django, an include could not be read, or the files disagree so that no
 * single range holds, the answer is undefined and rules keep their version-independent behaviour. Part of the project model.
 */
import { readFileSync, statSync } from 'node:fs';
import { join, normalize, posix } from 'node:path';
import { parse as parseToml } from 'smol-toml';
import type { Location } from '../finding';
import type { ScanContext, ScannedProject } from './scan';
import type { SourceFile } from './workspace';
import { MAX_FILE_BYTES } from './workspace';
import { callParts, stringValue, walk, type SyntaxNode } from './python';
import { baseName, countsFor, dirName, inDevFolder, isDevName, isTestPath, perProject } from './files';
import { PyIndex } from './modules';
import { MODULE_NAME } from './settings-modules';
import { baseNodes } from './syntax';
import { UVICORN_WORKER, deployCommands, productionDeployFile, serverStartedBy, type ServerInterface } from './deploy-commands';

// ---------------------------------------------------------------------------------------------
// Versions: the PEP 440 subset we need
//
// Hand-written rather than a dependency: the rules only ask "can this range hold a Django >= X" and "is every
// version it admits >= X", over release numbers (4.2, 5.0.14). That needs release-segment comparison, the
// comparison operators (==, ===, !=, <, <=, >, >=, ~=, ==X.*) and poetry's ^ / ~ / bare / `||` constraints —
// a page of code. Pre-, post- and dev-release suffixes are dropped (5.0rc1 compares as 5.0), which can only
// widen a bound by a pre-release: harmless for these questions. Epochs and local versions are not used by
// Django. A full PEP 440 implementation (ordering of every suffix, arbitrary equality) would be far more code
// and no more precise here.

/** A release number: 4.2.25 -> [4, 2, 25]. */
export type Release = number[];

export interface Bound {
  version: Release;
  inclusive: boolean;
}

/** The versions a specifier admits, as one interval: [min, max], either side open-ended when undefined. */
export interface VersionRange {
  min?: Bound;
  max?: Bound;
}

export function parseRelease(text: string): Release | undefined {
  const m = /^\s*v?(\d+(?:\.\d+)*)/i.exec(text);
  if (!m) return undefined;
  return m[1].split('.').map((n) => Number(n));
}

export function compareRelease(a: Release, b: Release): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}

export function formatRelease(r: Release): string {
  return r.join('.');
}

/** The next release at a segment: bump([4, 2], 1) -> [4, 3]; bump([4, 2, 1], 0) -> [5]. */
function bump(r: Release, at: number): Release {
  const out = r.slice(0, at + 1);
  while (out.length < at + 1) out.push(0);
  out[at]++;
  return out;
}

const ANY: VersionRange = {};

function lowerOf(a: Bound | undefined, b: Bound | undefined, pickHigher: boolean): Bound | undefined {
  if (!a) return pickHigher ? b : undefined;
  if (!b) return pickHigher ? a : undefined;
  const c = compareRelease(a.version, b.version);
  if (c === 0) return { version: a.version, inclusive: pickHigher ? a.inclusive && b.inclusive : a.inclusive || b.inclusive };
  return (c > 0) === pickHigher ? a : b;
}

function upperOf(a: Bound | undefined, b: Bound | undefined, pickLower: boolean): Bound | undefined {
  if (!a) return pickLower ? b : undefined;
  if (!b) return pickLower ? a : undefined;
  const c = compareRelease(a.version, b.version);
  if (c === 0) return { version: a.version, inclusive: pickLower ? a.inclusive && b.inclusive : a.inclusive || b.inclusive };
  return (c < 0) === pickLower ? a : b;
}

/** Versions admitted by both. */
export function intersect(a: VersionRange, b: VersionRange): VersionRange {
  return { min: lowerOf(a.min, b.min, true), max: upperOf(a.max, b.max, true) };
}

/** The smallest single range holding both (the hull: what either of two alternatives may install). */
export function hull(a: VersionRange, b: VersionRange): VersionRange {
  return { min: lowerOf(a.min, b.min, false), max: upperOf(a.max, b.max, false) };
}

export function isEmpty(r: VersionRange): boolean {
  if (!r.min || !r.max) return false;
  const c = compareRelease(r.min.version, r.max.version);
  return c > 0 || (c === 0 && !(r.min.inclusive && r.max.inclusive));
}

/** Does the range admit some version >= v? */
export function admitsAtLeast(r: VersionRange, v: string | Release): boolean {
  const rel = typeof v === 'string' ? parseRelease(v)! : v;
  if (isEmpty(r)) return false;
  if (!r.max) return true;
  const c = compareRelease(r.max.version, rel);
  return c > 0 || (c === 0 && r.max.inclusive);
}

/** Does the range admit some version < v? */
export function admitsBelow(r: VersionRange, v: string | Release): boolean {
  const rel = typeof v === 'string' ? parseRelease(v)! : v;
  if (isEmpty(r)) return false;
  if (!r.min) return true;
  return compareRelease(r.min.version, rel) < 0;
}

/** One PEP 440 clause (`>=4.2`, `~=3.2`, `==4.2.*`, `!=4.0`); undefined when it is not one we can read. */
function pep440Clause(clause: string): VersionRange | undefined {
  const m = /^\s*(===|==|!=|~=|<=|>=|<|>)\s*([^\s,;]+)\s*$/.exec(clause);
  if (!m) return undefined;
  const [, op, ver] = m;
  const wildcard = /\.\*$/.test(ver);
  const rel = parseRelease(ver.replace(/\.\*$/, ''));
  if (!rel) return undefined;
  switch (op) {
    case '==':
    case '===':
      if (wildcard) return { min: { version: rel, inclusive: true }, max: { version: bump(rel, rel.length - 1), inclusive: false } };
      return { min: { version: rel, inclusive: true }, max: { version: rel, inclusive: true } };
    case '!=':
      return ANY; // an exclusion does not move the bounds of a single range
    case '>=':
      return { min: { version: rel, inclusive: true } };
    case '>':
      return { min: { version: rel, inclusive: false } };
    case '<=':
      return { max: { version: rel, inclusive: true } };
    case '<':
      return { max: { version: rel, inclusive: false } };
    case '~=':
      if (rel.length < 2) return undefined; // invalid PEP 440
      return { min: { version: rel, inclusive: true }, max: { version: bump(rel, rel.length - 2), inclusive: false } };
  }
  return undefined;
}

/** A PEP 440 specifier set (`>=4.2,<5.0`); '' admits every version. undefined when a clause is unreadable. */
export function parseSpecifier(spec: string): VersionRange | undefined {
  let r: VersionRange = ANY;
  const t = spec.trim();
  if (t === '') return ANY;
  for (const clause of t.split(',')) {
    if (!clause.trim()) continue;
    const c = pep440Clause(clause);
    if (!c) return undefined;
    r = intersect(r, c);
  }
  return r;
}

/** A poetry constraint: `^4.2`, `~4.2`, `4.2.*`, `4.2` (exact), `>=4.2,<5.0`, `>=4.2 <5.0`, `a || b`, `*`. */
export function parsePoetryConstraint(spec: string): VersionRange | undefined {
  const alternatives = spec.split('||');
  let out: VersionRange | undefined;
  for (const alt of alternatives) {
    let r: VersionRange = ANY;
    const clauses = alt.trim().replace(/([<>=!~^]=?)\s+(?=\d)/g, '$1').split(/[\s,]+/).filter(Boolean);
    for (const clause of clauses) {
      let c: VersionRange | undefined;
      if (clause === '*') c = ANY;
      else if (clause.startsWith('^')) {
        const rel = parseRelease(clause.slice(1));
        if (!rel) return undefined;
        const first = rel.findIndex((n) => n !== 0);
        c = { min: { version: rel, inclusive: true }, max: { version: bump(rel, first < 0 ? rel.length - 1 : first), inclusive: false } };
      } else if (/^~(?!=)/.test(clause)) {
        const rel = parseRelease(clause.slice(1));
        if (!rel) return undefined;
        c = { min: { version: rel, inclusive: true }, max: { version: bump(rel, rel.length >= 2 ? 1 : 0), inclusive: false } };
      } else if (/^\d/.test(clause)) c = pep440Clause(`==${clause}`);
      else c = pep440Clause(clause);
      if (!c) return undefined;
      r = intersect(r, c);
    }
    out = out ? hull(out, r) : r;
  }
  return out;
}

/** `>=4.2, <5.0` / `==3.2.25` for a range (how messages say what a lock file resolved). */
export function describeRange(r: VersionRange): string {
  if (r.min && r.max && compareRelease(r.min.version, r.max.version) === 0 && r.min.inclusive && r.max.inclusive) return `==${formatRelease(r.min.version)}`;
  const parts: string[] = [];
  if (r.min) parts.push(`${r.min.inclusive ? '>=' : '>'}${formatRelease(r.min.version)}`);
  if (r.max) parts.push(`${r.max.inclusive ? '<=' : '<'}${formatRelease(r.max.version)}`);
  return parts.join(',') || 'any version';
}

// ---------------------------------------------------------------------------------------------
// Requirements

export type DependencySource =
  | 'requirements'
  | 'pyproject'
  | 'poetry'
  | 'poetry.lock'
  | 'uv.lock'
  | 'pdm.lock'
  | 'Pipfile'
  | 'Pipfile.lock'
  | 'setup.cfg'
  | 'setup.py';

/** One declaration of a package in a dependency file. */
export interface Requirement {
  /** Normalised name (PEP 503: lower case, runs of -_. as -). */
  name: string;
  /** Extras as written (`uvicorn[standard]` -> ['standard']). */
  extras: string[];
  /** The specifier as written, PEP 440 or poetry syntax ('' when none). */
  spec: string;
  /** The versions it admits; undefined when the specifier could not be read (a URL, a VCS reference). */
  range: VersionRange | undefined;
  location: Location;
  source: DependencySource;
  /** A lock file: the version that is installed, not a constraint. */
  locked: boolean;
  /** The optional-dependency group (pyproject extra) it is declared in, if any. */
  group?: string;
}

export function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

/** A PEP 508 requirement string (`Django[argon2]>=4.2,<5.0; python_version>"3.8"`), markers dropped. */
export function parsePep508(text: string): { name: string; extras: string[]; spec: string; range: VersionRange | undefined } | undefined {
  const t = text.replace(/\s+#.*$/, '').trim();
  const m = /^([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[([^\]]*)\])?\s*(.*)$/.exec(t);
  if (!m) return undefined;
  let rest = m[3].replace(/;.*$/, '').trim();
  const extras = (m[2] ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  if (rest.startsWith('@')) return { name: normalizeName(m[1]), extras, spec: rest, range: undefined };
  if (rest.startsWith('(') && rest.endsWith(')')) rest = rest.slice(1, -1).trim();
  return { name: normalizeName(m[1]), extras, spec: rest.replace(/\s+/g, ''), range: parseSpecifier(rest) };
}

function loc(file: SourceFile | { rel: string }, line: number): Location {
  return { file: file.rel, line };
}

/** First 1-based line of `text` matching `re` at or after `from` (1-based), or `fallback`. */
function findLine(text: string, re: RegExp, from = 1, fallback = 1): number {
  const lines = text.split('\n');
  for (let i = Math.max(0, from - 1); i < lines.length; i++) if (re.test(lines[i])) return i + 1;
  return fallback;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A package name in any PEP 503 spelling (`Django`, `django`, `typing_extensions` ~ `typing-extensions`). */
function nameRe(name: string): string {
  return name.split('-').map(escapeRe).join('[-_.]+');
}

interface Readable {
  rel: string;
  text: string;
}

/** Requirements files (pip format): one requirement a line, `\` continuations, `-r`/`-c` includes. */
function readRequirementsFile(ctx: ScanContext, file: Readable, seen: Set<string>, out: Requirement[], gaps: Location[]): void {
  if (seen.has(file.rel)) return;
  seen.add(file.rel);
  const lines = file.text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const start = i;
    let line = lines[i];
    while (/\\\s*$/.test(line) && i + 1 < lines.length) line = line.replace(/\\\s*$/, ' ') + lines[++i];
    line = line.replace(/(^|\s)#.*$/, '').trim();
    if (!line) continue;
    const inc = /^(?:-r|--requirement|-c|--constraint)\s*=?\s*(\S+)/.exec(line);
    if (inc) {
      const target = readIncluded(ctx, file.rel, inc[1]);
      if (target) readRequirementsFile(ctx, target, seen, out, gaps);
      else gaps.push(loc(file, start + 1));
      continue;
    }
    if (line.startsWith('-')) continue; // -e, --index-url, --hash-only lines, --no-binary…
    const r = parsePep508(line.replace(/\s+--?[A-Za-z][\w-]*(=\S*)?.*$/, '')); // per-requirement options: --hash=…
    if (r) out.push({ ...r, location: loc(file, start + 1), source: 'requirements', locked: false });
  }
}

/** A `-r` target: from the workspace, else from disk inside the scan root (a name the workspace does not collect, e.g. base.pip). */
function readIncluded(ctx: ScanContext, fromRel: string, target: string): Readable | undefined {
  if (/^[a-z]+:\/\//i.test(target)) return undefined;
  const rel = posix.normalize(posix.join(dirName(fromRel), target));
  if (rel.startsWith('..') || posix.isAbsolute(rel)) return undefined;
  const inWs = ctx.workspace.get(rel);
  if (inWs) return inWs;
  const abs = normalize(join(ctx.root, rel));
  try {
    if (statSync(abs).size > MAX_FILE_BYTES) return undefined;
    const buf = readFileSync(abs);
    if (buf.includes(0)) return undefined;
    return { rel, text: new TextDecoder('utf-8', { fatal: true }).decode(buf) };
  } catch {
    return undefined;
  }
}

/** Optional-dependency / dependency-group names that are not production. */
const DEV_GROUP = /^(dev|devel|develop|development|test|tests|testing|ci|docs?|lint|linting|typing|types|mypy|format|style|qa|check|coverage|bench|benchmarks?|debug|local|e2e|playwright)([-_].*)?$/i;

function tomlTable(v: unknown): Record<string, unknown> | undefined {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

function readToml(file: SourceFile): Record<string, unknown> | undefined {
  try {
    return parseToml(file.text) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

function readPyproject(file: SourceFile, out: Requirement[]): void {
  const doc = readToml(file);
  if (!doc) return;
  const project = tomlTable(doc.project);
  const pep508List = (list: unknown, section: RegExp, group?: string) => {
    if (!Array.isArray(list)) return;
    const sectionLine = findLine(file.text, section);
    for (const item of list) {
      if (typeof item !== 'string') continue;
      const r = parsePep508(item);
      if (!r) continue;
      const line = findLine(file.text, new RegExp(`["']${escapeRe(item)}["']`), sectionLine, sectionLine);
      out.push({ ...r, location: loc(file, line), source: 'pyproject', locked: false, ...(group ? { group } : {}) });
    }
  };
  if (project) {
    pep508List(project.dependencies, /^\s*dependencies\s*=/);
    const optional = tomlTable(project['optional-dependencies']);
    for (const [group, list] of Object.entries(optional ?? {})) {
      if (!DEV_GROUP.test(group)) pep508List(list, new RegExp(`^\\s*["']?${escapeRe(group)}["']?\\s*=`), group);
    }
  }
  const poetry = tomlTable(tomlTable(doc.tool)?.poetry);
  if (poetry) {
    const deps: Array<[string, unknown]> = Object.entries(tomlTable(poetry.dependencies) ?? {});
    for (const [group, g] of Object.entries(tomlTable(poetry.group) ?? {})) {
      if (!DEV_GROUP.test(group)) deps.push(...Object.entries(tomlTable(tomlTable(g)?.dependencies) ?? {}));
    }
    const sectionLine = findLine(file.text, /^\s*\[tool\.poetry(\.group\.[\w-]+)?\.dependencies\]/);
    for (const [name, value] of deps) {
      if (normalizeName(name) === 'python') continue;
      const constraints = Array.isArray(value) ? value : [value];
      let range: VersionRange | undefined;
      let spec = '';
      let readable = true;
      for (const c of constraints) {
        const version = typeof c === 'string' ? c : typeof tomlTable(c)?.version === 'string' ? (tomlTable(c)!.version as string) : undefined;
        if (version === undefined) {
          readable = false; // a path, git or url dependency
          continue;
        }
        const r = parsePoetryConstraint(version);
        if (!r) readable = false;
        else range = range ? hull(range, r) : r;
        spec = spec ? `${spec} || ${version}` : version;
      }
      const extras = constraints.flatMap((c) => (Array.isArray(tomlTable(c)?.extras) ? (tomlTable(c)!.extras as unknown[]).map(String) : []));
      const line = findLine(file.text, new RegExp(`^\\s*["']?${nameRe(normalizeName(name))}["']?\\s*=`, 'i'), sectionLine, sectionLine);
      out.push({ name: normalizeName(name), extras, spec, range: readable ? range : undefined, location: loc(file, line), source: 'poetry', locked: false });
    }
  }
}

/** poetry.lock, uv.lock, pdm.lock: `[[package]] name = … version = …`. */
function readLock(file: SourceFile, source: 'poetry.lock' | 'uv.lock' | 'pdm.lock', out: Requirement[]): void {
  const doc = readToml(file);
  const packages = doc && Array.isArray(doc.package) ? doc.package : [];
  for (const p of packages) {
    const t = tomlTable(p);
    if (!t || typeof t.name !== 'string' || typeof t.version !== 'string') continue;
    // poetry.lock: dev-only packages are marked (older formats) with category = "dev"
    if (t.category === 'dev') continue;
    const rel = parseRelease(t.version);
    const nameLine = findLine(file.text, new RegExp(`^\\s*name\\s*=\\s*["']${escapeRe(t.name)}["']\\s*$`));
    const line = findLine(file.text, new RegExp(`^\\s*version\\s*=\\s*["']${escapeRe(t.version)}["']`), nameLine, nameLine);
    out.push({
      name: normalizeName(t.name),
      extras: [],
      spec: `==${t.version}`,
      range: rel ? { min: { version: rel, inclusive: true }, max: { version: rel, inclusive: true } } : undefined,
      location: loc(file, line),
      source,
      locked: true,
    });
  }
}

function readPipfile(file: SourceFile, out: Requirement[]): void {
  const doc = readToml(file);
  const packages = tomlTable(doc?.packages);
  if (!packages) return;
  const sectionLine = findLine(file.text, /^\s*\[packages\]/);
  for (const [name, value] of Object.entries(packages)) {
    const version = typeof value === 'string' ? value : typeof tomlTable(value)?.version === 'string' ? (tomlTable(value)!.version as string) : undefined;
    const spec = version === undefined ? '' : version.trim() === '*' ? '' : version.trim();
    const line = findLine(file.text, new RegExp(`^\\s*["']?${nameRe(normalizeName(name))}["']?\\s*=`, 'i'), sectionLine, sectionLine);
    const extras = Array.isArray(tomlTable(value)?.extras) ? (tomlTable(value)!.extras as unknown[]).map(String) : [];
    out.push({ name: normalizeName(name), extras, spec, range: version === undefined ? undefined : parseSpecifier(spec), location: loc(file, line), source: 'Pipfile', locked: false });
  }
}

function readPipfileLock(file: SourceFile, out: Requirement[]): void {
  let doc: unknown;
  try {
    doc = JSON.parse(file.text);
  } catch {
    return;
  }
  const dflt = tomlTable(tomlTable(doc)?.default);
  if (!dflt) return;
  const defaultLine = findLine(file.text, /^\s*"default"\s*:/);
  for (const [name, value] of Object.entries(dflt)) {
    const version = tomlTable(value)?.version;
    if (typeof version !== 'string') continue;
    const nameLine = findLine(file.text, new RegExp(`^\\s*"${escapeRe(name)}"\\s*:`), defaultLine, defaultLine);
    const line = findLine(file.text, new RegExp(`^\\s*"version"\\s*:\\s*"${escapeRe(version)}"`), nameLine, nameLine);
    out.push({ name: normalizeName(name), extras: [], spec: version, range: parseSpecifier(version), location: loc(file, line), source: 'Pipfile.lock', locked: true });
  }
}

/** setup.cfg `[options] install_requires =` (one requirement per continuation line). */
function readSetupCfg(file: SourceFile, out: Requirement[]): void {
  const lines = file.text.split('\n');
  let section = '';
  for (let i = 0; i < lines.length; i++) {
    const sec = /^\s*\[([^\]]+)\]/.exec(lines[i]);
    if (sec) {
      section = sec[1].trim();
      continue;
    }
    if (section !== 'options') continue;
    const m = /^install_requires\s*[=:]\s*(.*)$/.exec(lines[i]);
    if (!m) continue;
    const items: Array<{ text: string; line: number }> = [];
    if (m[1].trim()) items.push({ text: m[1], line: i + 1 });
    while (i + 1 < lines.length && (/^[ \t]+\S/.test(lines[i + 1]) || lines[i + 1].trim() === '')) {
      i++;
      if (lines[i].trim()) items.push({ text: lines[i], line: i + 1 });
    }
    for (const it of items) {
      const t = it.text.replace(/(^|\s)[#;].*$/, '').trim();
      const r = t ? parsePep508(t) : undefined;
      if (r) out.push({ ...r, location: loc(file, it.line), source: 'setup.cfg', locked: false });
    }
  }
}

/** setup.py: `setup(install_requires=[...])` with string literals, or a module-level list the keyword names. */
function readSetupPy(ctx: ScanContext, file: SourceFile, out: Requirement[]): void {
  if (!file.text.includes('install_requires')) return;
  const root = ctx.workspace.tree(file).rootNode;
  const lists = new Map<string, SyntaxNode>();
  for (const stmt of root.namedChildren) {
    const a = stmt.type === 'expression_statement' ? stmt.namedChildren[0] : undefined;
    if (a?.type === 'assignment' && a.childForFieldName('left')?.type === 'identifier' && a.childForFieldName('right')?.type === 'list') {
      lists.set(a.childForFieldName('left')!.text, a.childForFieldName('right')!);
    }
  }
  walk(root, (n) => {
    if (n.type !== 'call') return true;
    const { callee, kwargs } = callParts(n);
    if (!callee || !/(^|\.)setup$/.test(callee)) return true;
    let v = kwargs.get('install_requires');
    if (v?.type === 'identifier') v = lists.get(v.text);
    if (v?.type !== 'list' && v?.type !== 'tuple') return false;
    for (const item of v.namedChildren) {
      const s = stringValue(item);
      const r = s === undefined ? undefined : parsePep508(s);
      if (r) out.push({ ...r, location: { file: file.rel, line: item.startPosition.row + 1 }, source: 'setup.py', locked: false });
    }
    return false;
  });
}

function isRequirementsFile(rel: string): boolean {
  const name = baseName(rel).toLowerCase();
  return /^requirements[\w.-]*\.(txt|in)$/.test(name) || (rel.split('/').slice(0, -1).includes('requirements') && /\.(txt|in)$/.test(name));
}

/** Is a dependency file one production installs from (not dev/test-named, not in a dev/docs/test folder)? */
function productionDependencyFile(ctx: ScanContext, project: ScannedProject | undefined, file: SourceFile): boolean {
  if (project && !countsFor(ctx, project, file.rel)) return false;
  if (inDevFolder(file.rel, ctx) || isTestPath(file.rel)) return false;
  const stem = baseName(file.rel).replace(/\.(txt|in|toml|lock|cfg|py)$/i, '');
  return !isDevName(stem);
}

interface Declarations {
  requirements: Requirement[];
  /** `-r`/`-c` includes that could not be read (a URL, a missing file): what they declare is unknown. */
  gaps: Location[];
}

const reqCache = new WeakMap<ScanContext, Map<string, Declarations>>();

function declarations(ctx: ScanContext, project: ScannedProject | undefined): Declarations {
  return perProject(reqCache, ctx, project, () => readRequirements(ctx, project));
}

/**
 * Every production dependency declaration of a project (or of the whole scan without one), in file order.
 * Requirements files follow their `-r`/`-c` includes (an included dev file counts: production installs it).
 */
export function requirements(ctx: ScanContext, project?: ScannedProject): Requirement[] {
  return declarations(ctx, project).requirements;
}

/** Where a production requirements file includes (`-r`/`-c`) something that could not be read: the declarations are incomplete. */
export function unreadableIncludes(ctx: ScanContext, project?: ScannedProject): Location[] {
  return declarations(ctx, project).gaps;
}

function readRequirements(ctx: ScanContext, project: ScannedProject | undefined): Declarations {
  const out: Requirement[] = [];
  const gaps: Location[] = [];
  const seen = new Set<string>();
  for (const f of ctx.workspace.deployFiles()) {
    if (!productionDependencyFile(ctx, project, f)) continue;
    const name = baseName(f.rel).toLowerCase();
    if (isRequirementsFile(f.rel)) readRequirementsFile(ctx, f, seen, out, gaps);
    else if (name === 'pyproject.toml') readPyproject(f, out);
    else if (name === 'poetry.lock') readLock(f, 'poetry.lock', out);
    else if (name === 'uv.lock') readLock(f, 'uv.lock', out);
    else if (name === 'pdm.lock') readLock(f, 'pdm.lock', out);
    else if (name === 'pipfile') readPipfile(f, out);
    else if (name === 'pipfile.lock') readPipfileLock(f, out);
    else if (name === 'setup.cfg') readSetupCfg(f, out);
  }
  for (const f of ctx.workspace.pythonFiles()) {
    if (baseName(f.rel) === 'setup.py' && productionDependencyFile(ctx, project, f)) readSetupPy(ctx, f, out);
  }
  return { requirements: out, gaps };
}

// ---------------------------------------------------------------------------------------------
// The Django version

export interface DjangoVersion {
  /** What the deciding declaration says: `==3.2.25`, `>=4.2,<5.0`, `~=3.2`, `^4.2`; a lock file's `==4.2.7`. */
  spec: string;
  /** The versions the project can run on, as far as its files say. */
  range: VersionRange;
  /** The declaration that decides it (a lock file's entry when there is one). */
  location: Location;
  source: DependencySource;
  locked: boolean;
  /** Every production declaration of Django that was read (the deciding one included). */
  declarations: Requirement[];
}

/**
 * The Django version range a project pins, or undefined when it cannot be known: no production file names
 * Django, a declaration cannot be read (a URL or VCS reference), or the files contradict each other.
 *
 * Lock files win (they say what is installed); when several lock files disagree, the hull of their versions.
 * Without a lock file, every declaration holds at once (pip installs one Django satisfying all of them), so
 * the range is their intersection and the deciding declaration is the narrowest.
 */
export function djangoVersion(ctx: ScanContext, project?: ScannedProject): DjangoVersion | undefined {
  const decls = requirements(ctx, project).filter((r) => r.name === 'django');
  if (decls.length === 0) return undefined;
  const locked = decls.some((d) => d.locked && d.range);
  // an unread include may pin Django — unless a file pins it exactly: pip installs that version or fails, so an
  // include that pins another is a different installation (DocumentCloud's serverless `sidekick/requirements.txt`
  // includes a `cloud-requirements.txt` its build writes; its Django app pins ==4.2.2)
  const exact = decls.some((d) => /^===?\s*\d[\w.]*$/.test(d.spec.trim()));
  if (!locked && !exact && unreadableIncludes(ctx, project).length > 0) return undefined;
  if (decls.some((d) => d.range === undefined && !d.locked)) return undefined;
  const locks = decls.filter((d) => d.locked && d.range);
  if (locks.length > 0) {
    let range = locks[0].range!;
    for (const l of locks.slice(1)) range = hull(range, l.range!);
    const first = locks[0];
    const same = locks.every((l) => l.spec === first.spec);
    return { spec: same ? first.spec : describeRange(range), range, location: first.location, source: first.source, locked: true, declarations: decls };
  }
  let range: VersionRange = ANY;
  for (const d of decls) range = intersect(range, d.range!);
  // the narrowest declaration: an exact pin, else the one whose own range is tightest
  const decider = [...decls].sort((a, b) => width(a.range!) - width(b.range!))[0];
  if (isEmpty(range)) {
    // Files that contradict each other are installed in different places (opencraft's app pins Django 2.2.24, the
    // requirements of its CI clean-up scripts 2.2.20): production runs one of them, so its version lies in the
    // span of all, and a rule's question about it is answered for the whole span.
    range = decls.slice(1).reduce((r, d) => hull(r, d.range!), decls[0].range!);
    return { spec: describeRange(range), range, location: decider.location, source: decider.source, locked: false, declarations: decls };
  }
  return { spec: decider.spec || 'any version', range, location: decider.location, source: decider.source, locked: false, declarations: decls };
}

/** A rough width for ordering declarations by how much they say: exact < bounded < half-open < any. */
function width(r: VersionRange): number {
  if (r.min && r.max) {
    const a = r.min.version;
    const b = r.max.version;
    let w = 0;
    for (let i = 0; i < 3; i++) w = w * 1000 + ((b[i] ?? 0) - (a[i] ?? 0));
    return w;
  }
  return r.min || r.max ? Number.MAX_SAFE_INTEGER - 1 : Number.MAX_SAFE_INTEGER;
}

/** `Django ==3.2.25 (requirements.txt:4)` / `Django 4.2.7 (locked in poetry.lock:812)`. */
export function describeDjangoVersion(v: DjangoVersion): string {
  const where = `${v.location.file}:${v.location.line}`;
  if (v.locked) return `Django ${v.spec.replace(/^==/, '')} (locked in ${where})`;
  return `Django ${v.spec} (${where})`;
}

// ---------------------------------------------------------------------------------------------
// App servers

export type AppServerEvidence = 'command' | 'config' | 'dependency';

export interface AppServer {
  /** uvicorn, daphne, hypercorn, granian, gunicorn, uwsgi, waitress, mod_wsgi. */
  server: string;
  interface: ServerInterface;
  location: Location;
  /** A deploy command starts it; a server config file configures it; or a dependency file lists it. */
  evidence: AppServerEvidence;
  /** What was found, for messages: the command, or the dependency as written. */
  detail: string;
  /** gunicorn's worker class when the scan cannot tell what it serves (a package's class): 'wsgi' is then gunicorn's default, not a fact. */
  unresolvedWorker?: string;
}

/** Package name -> server and interface. */
const SERVER_PACKAGES: Record<string, { server: string; interface: ServerInterface }> = {
  uvicorn: { server: 'uvicorn', interface: 'asgi' },
  'uvicorn-worker': { server: 'uvicorn', interface: 'asgi' },
  daphne: { server: 'daphne', interface: 'asgi' },
  hypercorn: { server: 'hypercorn', interface: 'asgi' },
  granian: { server: 'granian', interface: 'asgi' },
  gunicorn: { server: 'gunicorn', interface: 'wsgi' },
  uwsgi: { server: 'uwsgi', interface: 'wsgi' },
  pyuwsgi: { server: 'uwsgi', interface: 'wsgi' },
  waitress: { server: 'waitress', interface: 'wsgi' },
  'mod-wsgi': { server: 'mod_wsgi', interface: 'wsgi' },
};

const serverCache = new WeakMap<ScanContext, Map<string, AppServer[]>>();

/**
 * Every app server a project defines: started by a production deploy command (Procfile, Dockerfile
 * CMD/ENTRYPOINT, compose, systemd, supervisord, scripts, manifests), configured (a `[uwsgi]` ini, a gunicorn
 * config file), or listed in its production dependencies. gunicorn with a uvicorn worker class — on its
 * command line, or anywhere in the project's deploy files or gunicorn config, by name or as a project class
 * deriving from one (workerKind) — is ASGI, and so is gunicorn serving a `*.asgi` module with no worker known to be WSGI.
 */
export function appServers(ctx: ScanContext, project?: ScannedProject): AppServer[] {
  return perProject(serverCache, ctx, project, () => findAppServers(ctx, project));
}

function findAppServers(ctx: ScanContext, project: ScannedProject | undefined): AppServer[] {
  const out: AppServer[] = [];
  // gunicorn's worker class may live in gunicorn.conf.py, GUNICORN_CMD_ARGS or an env file rather than on the command line
  const gunicornConfigs = ctx.workspace.pythonFiles().filter((f) => /gunicorn/i.test(baseName(f.rel)) && productionDependencyFile(ctx, project, f));
  const deployFiles = ctx.workspace.deployFiles().filter((f) => productionDeployFile(ctx, project, f));
  const asgiWorkerElsewhere = [...gunicornConfigs, ...deployFiles].some(
    (f) => /worker_class|GUNICORN_CMD_ARGS|-k\s|--worker-class/i.test(f.text) && UVICORN_WORKER.test(f.text) || [...f.text.matchAll(WORKER_SETTING)].some((m) => workerKind(ctx, m[1], f.rel) === 'asgi'),
  );

  for (const c of deployCommands(ctx, project)) {
    const s = serverStartedBy(c);
    if (!s) continue;
    let iface = s.interface;
    let unresolvedWorker: string | undefined;
    if (s.server === 'gunicorn' && iface === 'wsgi') {
      const kind = asgiWorkerElsewhere ? 'asgi' : s.workerClass ? workerKind(ctx, s.workerClass, c.file.rel) : undefined;
      // Django's `*.asgi` application takes (scope, receive, send): no WSGI worker can call it, so gunicorn serving it
      // runs an ASGI worker — one named where the scan cannot see (GUNICORN_CMD_ARGS set by the platform) or a
      // package's class it cannot read. Only a worker known to be WSGI says otherwise (a deploy that cannot work).
      if (kind === 'asgi' || kind !== 'wsgi' && s.asgiApp) iface = 'asgi';
      else if (kind === 'unknown') unresolvedWorker = s.workerClass;
    }
    out.push({ server: s.server.replace(/-serve$|-express$/, ''), interface: iface, location: { file: c.file.rel, line: c.line }, evidence: 'command', detail: c.text, unresolvedWorker });
  }
  for (const f of gunicornConfigs) {
    const m = /^\s*worker_class\s*=\s*["']([^"']+)["']/m.exec(f.text);
    const line = m ? findLine(f.text, /^\s*worker_class\s*=/) : 1;
    const kind = asgiWorkerElsewhere ? 'asgi' : m ? workerKind(ctx, m[1], f.rel) : 'wsgi';
    out.push({ server: 'gunicorn', interface: kind === 'asgi' ? 'asgi' : 'wsgi', location: { file: f.rel, line }, evidence: 'config', detail: m ? `worker_class = "${m[1]}"` : `gunicorn config ${f.rel}`, unresolvedWorker: kind === 'unknown' ? m?.[1] : undefined });
  }
  for (const f of deployFiles) {
    if (/\.ini$/i.test(f.rel) && /^\s*\[uwsgi\]/m.test(f.text)) {
      out.push({ server: 'uwsgi', interface: 'wsgi', location: { file: f.rel, line: findLine(f.text, /^\s*\[uwsgi\]/) }, evidence: 'config', detail: `[uwsgi] in ${f.rel}` });
    }
  }
  for (const r of requirements(ctx, project)) {
    if (r.locked) continue; // lock files list transitive and dev-group packages too
    const p = SERVER_PACKAGES[r.name];
    const channelsDaphne = r.name === 'channels' && r.extras.includes('daphne');
    if (!p && !channelsDaphne) continue;
    const s = p ?? SERVER_PACKAGES.daphne;
    let iface = s.server === 'gunicorn' && asgiWorkerElsewhere ? 'asgi' : s.interface;
    // granian serves both: an extra named for the interface (`wsgi = ["granian"]`) says which
    if (s.server === 'granian' && r.group && /^(wsgi|asgi)$/i.test(r.group)) iface = r.group.toLowerCase() as ServerInterface;
    out.push({ server: s.server, interface: iface, location: r.location, evidence: 'dependency', detail: `${r.name}${r.extras.length ? `[${r.extras.join(',')}]` : ''}${r.spec}` });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// gunicorn worker classes

type WorkerKind = 'asgi' | 'wsgi' | 'unknown';

/** A worker class set anywhere in a deploy file or gunicorn config: `-k X`, `--worker-class=X`, `worker_class = "X"`, `WORKER_CLASS=X`, `worker_class: X`. */
const WORKER_SETTING = /(?:--worker-class|(?:^|\s)-k|\bworker_class)(?:\s*[=:]\s*|\s+)["']?([\w.]+)/gim;
/** gunicorn's own workers, by short name or module path. All serve WSGI (eventlet/gevent too; W041 treats greenlets apart). */
const GUNICORN_WSGI_WORKER = /^(sync|gthread|eventlet|gevent|gevent_wsgi|gevent_pywsgi|tornado|egg:gunicorn#\w+)$|^gunicorn\.workers\.(sync|gthread|ggevent|geventlet|gtornado|base_async)\.\w+$/;

/**
 * What a gunicorn worker class serves. By name: uvicorn's workers (and the uvicorn-worker package's) are ASGI,
 * gunicorn's own are WSGI. Otherwise gunicorn imports `module.Class`, so a project class is read from the
 * repository and its bases followed through the project's imports, a few levels up; the first base that
 * decides, decides (in the MRO it comes before the rest: a logging mixin in front of UvicornWorker does not make
 * it WSGI). A class the repository does not hold (a package's), or whose bases end nowhere known
 * (gunicorn.workers.base.Worker, with its own handling), is 'unknown': the caller must not call that WSGI as a fact.
 */
function workerKind(ctx: ScanContext, name: string, fromRel?: string, depth = 0): WorkerKind {
  if (UVICORN_WORKER.test(name)) return 'asgi';
  if (GUNICORN_WSGI_WORKER.test(name)) return 'wsgi';
  if (depth > 4 || !MODULE_NAME.test(name) || !name.includes('.')) return 'unknown';
  const idx = PyIndex.of(ctx);
  const def = idx.resolveDef(name, fromRel);
  if (!def || def.node.type !== 'class_definition') return 'unknown';
  for (const base of baseNodes(def.node)) {
    const q = idx.qualify(def.file, base);
    const kind = q ? workerKind(ctx, q, def.file.rel, depth + 1) : 'unknown';
    if (kind !== 'unknown') return kind;
  }
  return 'unknown';
}

export interface ServingInterface {
  /** 'asgi' / 'wsgi' when the evidence decides it; 'mixed' when it shows both without a deciding command; 'none' when nothing names a server. */
  interface: ServerInterface | 'mixed' | 'none';
  /** The evidence that decides it (the first ASGI one for 'asgi'). */
  evidence?: AppServer;
}

/**
 * How production serves the project. Commands and server configs decide: any ASGI server started there
 * makes it ASGI (its processes share the settings), else WSGI when a WSGI server is started. Without any, the
 * dependencies decide when they name servers of one interface only; both kinds listed is 'mixed' (gunicorn
 * may well run uvicorn workers), nothing listed is 'none'. Which ASGI server, for messages, is `evidence`.
 */
export function servingInterface(ctx: ScanContext, project?: ScannedProject): ServingInterface {
  const servers = appServers(ctx, project);
  const started = servers.filter((s) => s.evidence !== 'dependency');
  const asgiStarted = started.find((s) => s.interface === 'asgi');
  if (asgiStarted) return { interface: 'asgi', evidence: asgiStarted };
  if (started.some((s) => s.evidence === 'command')) return { interface: 'wsgi', evidence: started.find((s) => s.evidence === 'command') };
  const deps = servers.filter((s) => s.evidence === 'dependency');
  const all = [...started, ...deps];
  if (all.length === 0) return { interface: 'none' };
  const asgi = all.find((s) => s.interface === 'asgi');
  const wsgi = all.find((s) => s.interface === 'wsgi');
  if (asgi && wsgi) return { interface: 'mixed', evidence: asgi };
  return asgi ? { interface: 'asgi', evidence: asgi } : { interface: 'wsgi', evidence: wsgi };
}
