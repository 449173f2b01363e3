/**
 * `history`: secrets in the git history of the scanned folder — on every ref, including lines removed long
 * ago. ONE `git log --all --raw` stream lists every change to every file (history-git.ts); the changes to
 * settings, env and deploy files name blob IDs, whose contents two `git cat-file` processes hand over one by
 * one; each distinct file version is read once, line by line, by the detector (history-secrets.ts). A secret
 * in a version but not in the one before was added by that commit; in the one before but not in it, removed.
 * One finding per distinct secret (`launch.E036`), deduplicated by a hash of the value, naming the commit and
 * path that introduced it (the oldest commit adding it) and whether it is still in the checked-out files or
 * was removed later. Env files tracked today are `launch.W037`. Every value found goes to ctx.scan.secrets,
 * which every reporter redacts; no message contains one, and records keep only hashes.
 *
 * Where a finding points: the file where the secret is today (its line); else the file that introduced it,
 * as it is today (at the line setting the same name, else line 1); else the project's production settings
 * (at that setting, else its first statement); else the project's manage.py. A shallow clone cannot be
 * checked — skipped, saying fetch-depth: 0 — and neither can a folder outside git (skipped); git missing
 * is an error.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding, GateResult, Level, Location } from '../finding';
import type { ScanContext } from '../project/scan';
import { gateError, type GateContext, type RuntimeGate } from './gate';
import { gitOutput, GitMissingError, isHistoryFile, logArgs, RawLogParser, readBlobs, spawnGit, type GitRun, type RawSink } from './history-git';
import { classifyName, isDevPath, isEnvFile, isShareableEnvFile, LineScanner, type Detected, type SecretKind } from './history-secrets';

export const SECRET_IN_HISTORY = 'launch.E036';
export const ENV_FILE_TRACKED = 'launch.W037';
export const SHALLOW_DETAIL = 'history not checked: shallow clone — set fetch-depth: 0 on actions/checkout';

/** File versions larger than this are not read (a generated or vendored file, not a settings module). */
export const MAX_FILE_BYTES = 1024 * 1024;

interface Commit {
  sha: string;
  at: number;
}
interface Sighting {
  commit: Commit;
  path: string;
}

/** What the history says about one secret, known only by the hash of its value. */
export interface SecretRecord {
  hash: string;
  kind: SecretKind;
  name: string;
  /** The variable a URL is the value of, when known (DATABASE_URL). */
  setting?: string;
  /** The oldest commit adding it. */
  introduced?: Sighting;
  /** The newest commit removing it. */
  removed?: Sighting;
  /** Every path (relative to the scan root) it was seen in. */
  paths: Set<string>;
  /** An AWS secret access key with its access key ID next to it. */
  awsPair?: boolean;
}

/** A secret in one file version: its hash and what the line called it. */
interface Held {
  hash: string;
  kind: SecretKind;
  name: string;
  setting?: string;
  line: number;
}

function hashOf(value: string): string {
  return createHash('sha256').update(value).digest('base64');
}

/**
 * The secrets of one file's text (a version in the history, or the checked-out file): each value goes to
 * `onValue` (for redaction), the result keeps hashes; AWS key IDs within 5 lines of a secret access key are
 * linked into `awsLinks` (ID hash → secret hash).
 */
export function secretsIn(path: string, text: string, onValue: (d: Detected) => void, awsLinks: Map<string, string>): Held[] {
  const out: Held[] = [];
  const scanner = new LineScanner(path);
  const lines = text.split('\n');
  const aws: Held[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    for (const d of scanner.line(l.endsWith('\r') ? l.slice(0, -1) : l, true)) {
      onValue(d);
      const held: Held = { hash: hashOf(d.value), kind: d.kind, name: d.name, line: i + 1, ...(d.setting ? { setting: d.setting } : {}) };
      out.push(held);
      if (d.kind === 'aws-key-id' || d.kind === 'aws-secret') {
        for (const other of aws) {
          if (other.kind === d.kind || held.line - other.line > 5) continue;
          const [id, secret] = d.kind === 'aws-key-id' ? [held.hash, other.hash] : [other.hash, held.hash];
          if (!awsLinks.has(id)) awsLinks.set(id, secret);
        }
        aws.push(held);
      }
    }
  }
  return out;
}

/** A change the log reported to a file that matters: the commit, the path (scan-root relative), both blobs. */
interface Change {
  commit: Commit;
  path: string;
  before: string | null;
  after: string | null;
}

/** Collects, from the raw log stream, the changes to settings, env and deploy files under the scan root. */
export class ChangeCollector implements RawSink {
  readonly changes: Change[] = [];
  /** Blob ID → the path it was first seen at (its file kind decides how it is read). */
  readonly blobs = new Map<string, string>();
  commits = 0;
  commitsTouching = 0;
  private now: Commit = { sha: '', at: 0 };
  private touched = false;

  /** `prefix`: the scan root relative to the repository's top (`git rev-parse --show-prefix`), '' at the top. */
  constructor(private readonly prefix: string) {}

  commit(sha: string, at: number): void {
    this.commits++;
    this.now = { sha, at };
    this.touched = false;
  }

  change(repoPath: string, before: string | null, after: string | null): void {
    if (!repoPath.startsWith(this.prefix)) return;
    const path = repoPath.slice(this.prefix.length);
    if (!isHistoryFile(path) || (!before && !after)) return;
    if (!this.touched) {
      this.touched = true;
      this.commitsTouching++;
    }
    this.changes.push({ commit: this.now, path, before, after });
    for (const b of [before, after]) if (b && !this.blobs.has(b)) this.blobs.set(b, path);
  }
}

/**
 * The history's secrets from the changes (newest first) and what each file version holds: added where a
 * version holds it and the one before does not, removed the other way round. An AWS key ID linked to its
 * secret access key joins the secret's record (one finding for the pair).
 */
export function historyRecords(changes: readonly Change[], held: ReadonlyMap<string, Held[]>, awsLinks: ReadonlyMap<string, string>): SecretRecord[] {
  const records = new Map<string, SecretRecord>();
  const none: Held[] = [];
  for (const c of changes) {
    const before = (c.before && held.get(c.before)) || none;
    const after = (c.after && held.get(c.after)) || none;
    if (before === none && after === none) continue;
    const was = new Set(before.map((h) => h.hash));
    const is = new Set(after.map((h) => h.hash));
    const touch = (h: Held) => {
      let rec = records.get(h.hash);
      if (!rec) {
        rec = { hash: h.hash, kind: h.kind, name: h.name, paths: new Set(), ...(h.setting ? { setting: h.setting } : {}) };
        records.set(h.hash, rec);
      }
      rec.paths.add(c.path);
      return rec;
    };
    const s: Sighting = { commit: c.commit, path: c.path };
    for (const h of after) {
      const rec = touch(h);
      if (was.has(h.hash)) continue;
      // added here; the log runs newest first, so at equal times the later one is the older commit
      if (!rec.introduced || s.commit.at <= rec.introduced.commit.at) {
        rec.introduced = s;
        // named as the commit that introduced it wrote it (a later copy may sit under another name)
        rec.kind = h.kind;
        rec.name = h.name;
        if (h.setting) rec.setting = h.setting;
        else delete rec.setting;
      }
    }
    for (const h of before) {
      const rec = touch(h);
      if (!is.has(h.hash) && (!rec.removed || s.commit.at > rec.removed.commit.at)) rec.removed = s;
    }
  }
  for (const [id, secret] of awsLinks) {
    const a = records.get(id);
    const b = records.get(secret);
    if (!a || !b) continue;
    b.awsPair = true;
    for (const p of a.paths) b.paths.add(p);
    if (a.introduced && (!b.introduced || a.introduced.commit.at < b.introduced.commit.at)) b.introduced = a.introduced;
    if (a.removed && (!b.removed || a.removed.commit.at > b.removed.commit.at)) b.removed = a.removed;
    records.delete(id);
  }
  return [...records.values()];
}

/** Where each secret of the checked-out files is today: value hash → places (files sorted, lines ascending). */
function presentSecrets(root: string, files: readonly string[], onValue: (d: Detected) => void, awsLinks: Map<string, string>): Map<string, Location[]> {
  const out = new Map<string, Location[]>();
  for (const file of files) {
    const text = readText(root, file);
    if (text === undefined) continue;
    for (const h of secretsIn(file, text, onValue, awsLinks)) {
      const list = out.get(h.hash) ?? [];
      list.push({ file, line: h.line });
      out.set(h.hash, list);
    }
  }
  return out;
}

function readText(root: string, rel: string): string | undefined {
  try {
    const p = join(root, rel);
    const st = statSync(p);
    if (!st.isFile() || st.size > MAX_FILE_BYTES) return undefined;
    return readFileSync(p, 'utf8');
  } catch {
    return undefined;
  }
}

function day(at: number): string {
  return new Date(at * 1000).toISOString().slice(0, 10);
}

function commitText(s: Sighting): string {
  return `${s.commit.sha} (${day(s.commit.at)})`;
}

function what(rec: SecretRecord): string {
  switch (rec.kind) {
    case 'secret-key':
      return rec.name.toUpperCase().endsWith('FALLBACKS') ? `A key in ${rec.name}` : `A value of ${rec.name}`;
    case 'password':
    case 'secret':
    case 'token':
      return `A value of ${rec.name}`;
    case 'database-url':
    case 'url-password':
      return `The password of a ${rec.name} URL${rec.setting ? ` (${rec.setting})` : ''}`;
    case 'sentry-dsn':
      return `The secret key of a Sentry DSN${rec.setting ? ` (${rec.setting})` : ''}`;
    case 'aws-secret':
      return rec.awsPair ? 'An AWS access key pair (access key ID and secret access key)' : 'An AWS secret access key';
    case 'aws-key-id':
      return 'An AWS access key ID';
  }
}

const GOT = ' — rewriting the history does not take it back: every clone, fork and CI cache has it.';

function fixFor(rec: SecretRecord): string {
  switch (rec.kind) {
    case 'secret-key':
      return `Generate a new key (python -c "from django.core.management.utils import get_random_secret_key; print(get_random_secret_key())"), set it in production's environment, read it with SECRET_KEY = os.environ["DJANGO_SECRET_KEY"], and never put the leaked one in SECRET_KEY_FALLBACKS${GOT}`;
    case 'password':
    case 'database-url':
      return `Change the password where it is used (ALTER USER … PASSWORD on the database server, the mail or service account), pass the new one through the environment or a secrets manager${GOT}`;
    case 'sentry-dsn':
      return `Revoke the DSN's key in Sentry (Project Settings → Client Keys), create a new one and read it from the environment${GOT}`;
    case 'aws-secret':
    case 'aws-key-id':
      return `Deactivate and delete the access key in IAM now, check CloudTrail for its use, and give the app a role (or GitHub OIDC) instead of long-lived keys${GOT}`;
    default:
      return `Revoke it where it was issued, issue a new one, and read it from the environment or a secrets manager${GOT}`;
  }
}

/** The first line of `text` that sets `name` (`NAME =`, `NAME:`, `"NAME":`, `ENV NAME`), 1-based; 0 when none. */
function lineSetting(text: string, name: string): number {
  const esc = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(`(^|[^\\w.])["']?${esc}["']?\\s*[:=]|^\\s*ENV\\s+${esc}\\s`);
  const i = text.split('\n').findIndex((l) => re.test(l));
  return i + 1;
}

/** The project a path belongs to: the one whose folder holds it (the deepest), else the first. */
function projectFor(scan: ScanContext, path: string) {
  const holding = scan.projects.filter((p) => p.root === '' || path.startsWith(`${p.root}/`)).sort((a, b) => b.root.length - a.root.length);
  return holding[0] ?? scan.projects[0];
}

/** Where to report a secret that is no longer in the checked-out files (see the module comment). */
function pastLocation(scan: ScanContext, rec: SecretRecord, tracked: ReadonlySet<string>): Location {
  const name = rec.setting ?? (/^[A-Za-z_]\w*$/.test(rec.name) ? rec.name : undefined);
  // where the same thing is set today: the name, and for a key (or its fallbacks) SECRET_KEY itself
  const names = [...(name ? [name] : []), ...(rec.kind === 'secret-key' ? ['SECRET_KEY', 'DJANGO_SECRET_KEY'] : [])];
  const candidates = [...(rec.introduced ? [rec.introduced.path] : []), ...[...rec.paths].sort()];
  for (const file of candidates) {
    if (!tracked.has(file)) continue;
    const text = readText(scan.root, file);
    if (text === undefined) continue;
    return { file, line: names.map((n) => lineSetting(text, n)).find((l) => l > 0) ?? 1 };
  }
  const project = projectFor(scan, rec.introduced?.path ?? [...rec.paths][0] ?? '');
  const settings = project?.production ?? project?.settings[0];
  if (settings) {
    const b = names.map((n) => settings.bindings.get(n)).find(Boolean);
    return b ? { file: b.location.file, line: b.location.line } : { ...settings.anchor };
  }
  return { file: project && project.root ? `${project.root}/manage.py` : 'manage.py', line: 1 };
}

/** A secret's finding: where it is (or was), which commit brought it, whether it is still there. */
export function secretFinding(scan: ScanContext, rec: SecretRecord, present: Location[] | undefined, tracked: ReadonlySet<string>): Finding {
  const prodFiles = new Set(scan.projects.flatMap((p) => p.production?.files ?? []));
  const devOnly = [...rec.paths].every((p) => isDevPath(p) && !prodFiles.has(p));
  let level: Level = devOnly ? 'note' : 'error';
  if (rec.kind === 'aws-key-id' && level === 'error') level = 'warning';
  const paths = [...rec.paths].sort();
  const intro = rec.introduced ? `was committed in ${commitText(rec.introduced)} to ${rec.introduced.path}` : `was in ${paths[0]}`;
  const others = paths.filter((p) => p !== rec.introduced?.path);
  const also = others.length ? ` (also in ${others.slice(0, 3).join(', ')}${others.length > 3 ? ` and ${others.length - 3} more` : ''})` : '';
  let status: string;
  let location: Location;
  if (present?.length) {
    location = present[0];
    status = `, and is still in ${present[0].file}:${present[0].line}: anyone with the repository has it — rotate it and move it out of the repository`;
  } else {
    location = pastLocation(scan, rec, tracked);
    status = rec.removed
      ? `; removed in ${commitText(rec.removed)} but still in the history: rotate it`
      : '; not in the checked-out files, but still in the history (on another branch or ref): rotate it';
  }
  const aws = rec.kind === 'aws-key-id' ? ' An access key ID alone does not sign requests: find where its secret access key went.' : '';
  const dev = devOnly ? ' It was only ever in development, test or example files: rotate it if it ever served anything real.' : '';
  const related = (present ?? []).slice(1, 6).map((l) => ({ location: l, message: rec.awsPair ? 'the key pair, still here too' : 'the same secret, still here too' }));
  return {
    ruleId: SECRET_IN_HISTORY,
    gate: 'history',
    level,
    message: `${what(rec)} ${intro}${also}${status}.${aws}${dev}`,
    location,
    fix: fixFor(rec),
    ...(related.length ? { related } : {}),
  };
}

/** Env-file variables whose names say they hold a secret. */
function secretNamedVariables(text: string): string[] {
  const names = new Set<string>();
  for (const l of text.split('\n')) {
    const m = /^\s*(?:export\s+)?([A-Za-z_]\w*)\s*=/.exec(l);
    if (m && (classifyName(m[1]) || /(^|_)(DATABASE_URL|DSN|API_KEY|PRIVATE_KEY|CREDENTIALS|ACCESS_KEY_ID)$/i.test(m[1]))) names.add(m[1]);
  }
  return [...names];
}

/**
 * `launch.W037` for one env file tracked today, or undefined for one meant to be shared — a template
 * (`.env.example`), test or development values (`.env.test`, `development/dev.env`) — that holds no secret
 * beyond development ones. `secretsInIt`: the secrets of the history still in it; `serious`: those of them
 * reported above note level (not only ever in development files).
 */
export function envFileFinding(file: string, text: string, secretsInIt: number, serious: number): Finding | undefined {
  const shareable = isShareableEnvFile(file) || isDevPath(file);
  if (shareable && serious === 0) return undefined;
  const names = secretNamedVariables(text);
  const first = names.length ? lineSetting(text, names[0]) || 1 : 1;
  const holds = secretsInIt ? ` It holds ${secretsInIt === 1 ? 'a secret' : `${secretsInIt} secrets`} (${SECRET_IN_HISTORY}).` : '';
  const sets = names.length ? ` It sets ${names.slice(0, 4).join(', ')}${names.length > 4 ? '…' : ''}.` : '';
  const why = shareable
    ? `${file} is tracked by git and holds real values, not placeholders: every clone gets them.`
    : `${file} is tracked by git: every clone gets it, and the next secret written there is committed.`;
  return {
    ruleId: ENV_FILE_TRACKED,
    gate: 'history',
    level: secretsInIt || names.length ? 'warning' : 'note',
    message: `${why}${sets}${holds}`,
    location: { file, line: first },
    fix: shareable
      ? `Replace the values with placeholders (SECRET_KEY=change-me) and rotate the ones that were real.`
      : `git rm --cached ${file}, add it to .gitignore, and commit an .env.example with placeholders instead; rotate any secret it held.`,
  };
}

async function runHistory(ctx: GateContext): Promise<GateResult> {
  const started = performance.now();
  const result = (status: GateResult['status'], detail: string, findings: Finding[] = []): GateResult => ({
    gate: 'history',
    status,
    durationMs: performance.now() - started,
    detail,
    findings,
  });
  const scan = ctx.scan;
  const git: GitRun = { cwd: scan.root, env: ctx.options.env, signal: ctx.signal, timeoutMs: ctx.options.timeoutMs };
  try {
    const info = await gitOutput(['rev-parse', '--is-inside-work-tree', '--is-shallow-repository', '--show-prefix'], git);
    if (info.code !== 0) {
      const err = info.stderr.trim().split('\n').find((l) => l.startsWith('fatal:')) ?? info.stderr.trim().split('\n')[0] ?? '';
      if (/not a git repository/i.test(err)) return result('skipped', 'history not checked: the folder is not in a git repository — run the gate on a clone of the repository (actions/checkout with fetch-depth: 0)');
      if (/dubious ownership/i.test(err)) {
        return result('error', `git refuses the repository (${err.replace(/^fatal:\s*/, '')}) — run git config --global --add safe.directory <path> for the user the gate runs as`);
      }
      return result('error', `git rev-parse failed: ${err.replace(/^fatal:\s*/, '') || `exit ${info.code}`}`);
    }
    const [inside, shallow, prefix = ''] = info.stdout.split('\n');
    if (inside.trim() !== 'true') return result('skipped', 'history not checked: the folder is not in a git work tree (a .git folder or a bare repository)');
    if (shallow.trim() === 'true') return result('skipped', SHALLOW_DETAIL);

    const ls = await gitOutput(['ls-files', '-z'], git);
    if (ls.code !== 0) return result('error', `git ls-files failed: ${ls.stderr.trim().split('\n')[0] ?? `exit ${ls.code}`}`);
    const tracked = ls.stdout.split('\0').filter((f) => f && isHistoryFile(f));
    const trackedSet = new Set(tracked);

    const addSecret = (d: Detected) => {
      scan.secrets.add(d.value);
      if (d.raw) scan.secrets.add(d.raw);
    };
    const awsLinks = new Map<string, string>();
    const present = presentSecrets(scan.root, tracked, addSecret, awsLinks);

    const collector = new ChangeCollector(prefix.trim());
    const parser = new RawLogParser(collector);
    const log = await spawnGit(logArgs(prefix.trim() ? '.' : undefined), git, (chunk) => parser.push(chunk));
    parser.end();
    if (log.code !== 0) {
      const err = log.stderr.trim().split('\n').find((l) => l.startsWith('fatal:')) ?? log.stderr.trim().split('\n')[0] ?? '';
      if (/does not have any commits yet/i.test(err)) return result('passed', 'no commits yet: no history to check');
      return result('error', `git log failed: ${err.replace(/^fatal:\s*/, '') || `exit ${log.code}`}`);
    }
    const held = new Map<string, Held[]>();
    const unread = await readBlobs([...collector.blobs.keys()], git, MAX_FILE_BYTES, (oid, content) => {
      if (content.subarray(0, 8000).includes(0)) return; // binary
      const found = secretsIn(collector.blobs.get(oid)!, content.toString('utf8'), addSecret, awsLinks);
      if (found.length) held.set(oid, found);
    });
    const records = historyRecords(collector.changes, held, awsLinks);
    const findings: Finding[] = [];
    const levels = new Map<string, Level>();
    let stillPresent = 0;
    for (const rec of records) {
      const ids = rec.awsPair ? [...awsLinks].filter(([, s]) => s === rec.hash).map(([id]) => id) : [];
      const places = [rec.hash, ...ids].flatMap((h) => present.get(h) ?? []);
      const here = places.length ? places.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line)) : undefined;
      if (here?.length) stillPresent++;
      const f = secretFinding(scan, rec, here, trackedSet);
      levels.set(rec.hash, f.level);
      findings.push(f);
    }

    let envFiles = 0;
    for (const file of tracked.filter(isEnvFile).sort()) {
      const text = readText(scan.root, file);
      if (text === undefined) continue;
      const inIt = new Set<string>();
      for (const rec of records) for (const l of present.get(rec.hash) ?? []) if (l.file === file) inIt.add(rec.hash);
      const f = envFileFinding(file, text, inIt.size, [...inIt].filter((h) => levels.get(h) !== 'note').length);
      if (f) {
        envFiles++;
        findings.push(f);
      }
    }

    const n = records.length;
    const detail =
      `${collector.commits} commit${collector.commits === 1 ? '' : 's'} on all refs, ${collector.commitsTouching} touching settings, env or deploy files ` +
      `(${collector.blobs.size} file version${collector.blobs.size === 1 ? '' : 's'} read${unread.tooLarge ? `, ${unread.tooLarge} over 1 MiB not read` : ''}${unread.missing ? `, ${unread.missing} missing from the clone` : ''}); ` +
      `${n} secret${n === 1 ? '' : 's'} in the history${n ? ` (${stillPresent} still in the checked-out files)` : ''}` +
      (envFiles ? `; ${envFiles} env file${envFiles === 1 ? '' : 's'} tracked` : '');
    return result(findings.some((f) => f.level !== 'note') ? 'failed' : 'passed', detail, findings);
  } catch (e) {
    if (e instanceof GitMissingError) return result('error', e.message);
    return gateError('history', started, e);
  }
}

export const historyGate: RuntimeGate = { name: 'history', run: runHistory };
