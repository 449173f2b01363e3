/**
 * `migrations`: per project with production settings —
 *  1. `makemigrations --check --dry-run` (through db_helper.py, no database needed): models changed without a
 *     migration → launch.E211 at the model's class in models.py, naming the app and the migration it needs;
 *  2. on a new, empty PostgreSQL database (the environment's server or the embedded throwaway cluster):
 *     prove the settings use it (vendor and NAME; else launch.E213 at DATABASES), `migrate --noinput`
 *     (a failing migration → launch.E212 at its file and operation, with PostgreSQL's error), then
 *     `migrate --check` (anything left unapplied → launch.E214);
 *  3. with `database-url` (an existing, e.g. staging, database): only `migrate --check` against it.
 * No PostgreSQL at all: the gate is skipped, loudly — never passed.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Finding, GateResult, Location } from '../finding';
import type { ScannedProject } from '../project/scan';
import { describeFailure, djangoEnv } from '../django/python';
import {
  DatabaseUrlError,
  checkReachable,
  connectionEnv,
  databaseServer,
  describeSetupError,
  freshDatabase,
  hostPort,
  parseDatabaseUrl,
  runDbHelper,
  type HelperSetupError,
  type PgConnection,
} from '../django/postgres';
import { MIN_SECRET_LENGTH } from '../finding';
import { runPerProject, type GateContext, type ProjectOutcome, type RuntimeGate } from './gate';
import { parseTraceback } from './tests';

interface Change {
  app: string;
  app_path: string | null;
  models_file: string | null;
  name: string;
  path: string | null;
  operations: string[];
  sources: Array<{ model: string; file: string; line: number }>;
}

interface MakemigrationsJson {
  error?: HelperSetupError;
  django?: string;
  changes: Change[];
  conflicts: Record<string, string[]>;
}

interface DatabaseInfo {
  vendor: string;
  engine: string | null;
  name: string | null;
  host: string;
  port: string;
}

interface MigrateJson {
  error?: HelperSetupError;
  django?: string;
  database?: DatabaseInfo;
  database_after?: DatabaseInfo;
  connect_error?: { type: string; message: string };
  ignored?: boolean;
  migrate?: {
    applied?: string[];
    failed?: { type: string; message: string; traceback: string; app?: string; name?: string; file?: string; line?: number | null; operation?: string };
    output?: string;
    seconds?: number;
  };
  unapplied?: Array<{ app: string; name: string; file: string | null }>;
  check_error?: { type: string; message: string };
}

/** A path the helper reported (absolute) relative to the scan root, or undefined outside it. */
function rel(ctx: GateContext, file: string | null | undefined): string | undefined {
  if (!file) return undefined;
  const r = resolve(file);
  const root = resolve(ctx.scan.root);
  if (r !== root && !r.startsWith(root + '/') && !r.startsWith(root + '\\')) return undefined;
  return r.slice(root.length + 1).split('\\').join('/');
}

/** The settings line that sets `name` (production settings), else the settings anchor, else line 1. */
export function settingsLocation(project: ScannedProject, name: string): Location {
  const s = project.production;
  if (!s) return { file: project.root ? `${project.root}/manage.py` : 'manage.py', line: 1 };
  const b = s.bindings.get(name);
  if (b) return { ...b.location };
  return s.anchor ? { ...s.anchor } : { file: s.file, line: 1 };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function oneLine(text: string, max = 400): string {
  const t = text.replace(/\s*\n\s*/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

/** launch.E211 findings from what makemigrations would write (one per app and migration). */
function changeFindings(ctx: GateContext, project: ScannedProject, data: MakemigrationsJson): Finding[] {
  const out: Finding[] = [];
  for (const [app, names] of Object.entries(data.conflicts ?? {})) {
    out.push({
      ruleId: 'launch.E211',
      gate: 'migrations',
      level: 'error',
      message: `app ${app} has conflicting migrations (${names.join(', ')}): makemigrations --check fails — run makemigrations --merge and commit the merge migration`,
      location: settingsLocation(project, 'INSTALLED_APPS'),
      fix: `Run manage.py makemigrations --merge ${app} and commit the merge migration it writes.`,
    });
  }
  for (const c of data.changes) {
    const source = c.sources.map((s) => ({ file: rel(ctx, s.file), line: s.line })).find((s) => s.file);
    const models = rel(ctx, c.models_file);
    const location: Location = source?.file
      ? { file: source.file, line: source.line }
      : models && existsSync(join(ctx.scan.root, models))
        ? { file: models, line: 1 }
        : settingsLocation(project, 'INSTALLED_APPS');
    const file = rel(ctx, c.path) ?? `${c.app}/migrations/${c.name}.py`;
    const ops = c.operations.slice(0, 5).join('; ') + (c.operations.length > 5 ? `; … ${c.operations.length - 5} more` : '');
    out.push({
      ruleId: 'launch.E211',
      gate: 'migrations',
      level: 'error',
      message: `app ${c.app} has model changes without a migration: makemigrations would write ${file} (${ops}) — run makemigrations and commit the migration`,
      location,
    });
  }
  return out;
}

/** Placeholder connection variables for makemigrations when there is no server: it never connects. */
const PLACEHOLDER: PgConnection = { host: 'localhost', port: 5432, user: 'postgres', password: '', database: 'dlg_placeholder' };

async function makemigrations(ctx: GateContext, project: ScannedProject, cwd: string, env: Record<string, string | undefined>): Promise<{ findings: Finding[]; note: string } | { error: string }> {
  const { run, data } = await runDbHelper<MakemigrationsJson>(ctx, { cwd, env, args: ['makemigrations'] });
  if (!data) return { error: describeFailure(ctx, `makemigrations --check for ${project.info.settingsModule}`, run) };
  if (data.error) return { error: describeSetupError(ctx, project.info.settingsModule ?? undefined, data.error) };
  const findings = changeFindings(ctx, project, data);
  return { findings, note: findings.length ? `makemigrations --check: ${plural(findings.length, 'app')} need a migration` : 'makemigrations --check: no changes' };
}

function migrateFindings(ctx: GateContext, project: ScannedProject, data: MigrateJson, conn: PgConnection, staging: boolean): { findings: Finding[]; notes: string[]; error?: string } {
  const findings: Finding[] = [];
  const notes: string[] = [];
  const where = `${hostPort(conn)}/${conn.database}`;
  const db = data.database;
  if (data.ignored && db) {
    const what =
      db.vendor === 'postgresql'
        ? `PostgreSQL database "${db.name}"${db.host ? ` on ${db.host}${db.port ? `:${db.port}` : ''}` : ''}, not the one provided (${where})`
        : `${db.vendor === 'sqlite' ? 'SQLite' : db.vendor} (${db.engine ?? 'unknown engine'}), not the PostgreSQL database provided (${where})`;
    findings.push({
      ruleId: 'launch.E213',
      gate: 'migrations',
      level: 'error',
      message: `${project.info.settingsModule} makes Django use ${what}: your settings ignore DATABASE_URL / DB_* variables, so migrations and tests never run on the database production uses — read DATABASES from the environment`,
      location: settingsLocation(project, 'DATABASES'),
    });
    notes.push(`migrate not run: the settings use ${db.vendor}`);
    return { findings, notes };
  }
  if (data.connect_error) {
    return { findings, notes, error: `cannot connect to PostgreSQL at ${hostPort(conn)} (database ${conn.database}): ${oneLine(data.connect_error.message)} — check ${staging ? 'database-url (host, port, user, password, database name)' : 'the database server'}` };
  }
  const failed = data.migrate?.failed;
  if (failed) {
    const file = rel(ctx, failed.file);
    const name = failed.app && failed.name ? `${failed.app}.${failed.name}` : undefined;
    // Outside any migration (a pre/post_migrate receiver, deferred SQL): the project's own frame, if any.
    const frame = file ? undefined : parseTraceback(failed.traceback, { root: ctx.scan.root });
    const frameFile = rel(ctx, frame?.file);
    const location: Location = file
      ? { file, line: failed.line ?? 1 }
      : frameFile
        ? { file: frameFile, line: frame!.line ?? 1 }
        : settingsLocation(project, 'DATABASES');
    const pgMessage = oneLine(failed.message, 500);
    findings.push({
      ruleId: 'launch.E212',
      gate: 'migrations',
      level: 'error',
      message: name
        ? `migration ${name} fails on PostgreSQL${failed.operation ? ` in "${oneLine(failed.operation, 120)}"` : ''}: ${failed.type}: ${pgMessage} — it only ever ran on another database; fix the migration so migrate works on PostgreSQL`
        : `migrate fails on PostgreSQL outside any migration (a pre_migrate/post_migrate receiver or deferred SQL): ${failed.type}: ${pgMessage} — fix it so migrate --noinput succeeds on an empty database`,
      location,
      ...(name ? {} : { fix: 'Fix the pre_migrate/post_migrate receiver or deferred SQL (an index or constraint) so migrate --noinput succeeds on an empty PostgreSQL database.' }),
    });
    notes.push(name ? `migrate failed at ${name}` : 'migrate failed');
    return { findings, notes };
  }
  if (data.migrate) notes.push(`migrate applied ${plural(data.migrate.applied?.length ?? 0, 'migration')} on ${db?.vendor ?? 'postgresql'} database ${conn.database}`);
  if (data.check_error) return { findings, notes, error: `migrate --check failed: ${data.check_error.type}: ${oneLine(data.check_error.message)}` };
  const unapplied = data.unapplied ?? [];
  for (const m of unapplied) {
    const file = rel(ctx, m.file);
    findings.push({
      ruleId: 'launch.E214',
      gate: 'migrations',
      level: 'error',
      message: staging
        ? `migration ${m.app}.${m.name} is not applied on the database at ${where} (database-url): migrate --check fails — run migrate there before (or as part of) the deploy`
        : `migration ${m.app}.${m.name} is still unapplied after migrate on ${where}: migrate --check fails — check database routers (allow_migrate) and replaced/squashed migrations`,
      location: file ? { file, line: 1 } : settingsLocation(project, 'INSTALLED_APPS'),
      // Unapplied right after migrate on a new database: not a step the deploy forgot.
      ...(staging ? {} : { fix: 'Check database routers (allow_migrate) and replaced/squashed migrations: migrate must apply every migration on the default database.' }),
    });
  }
  notes.push(unapplied.length ? `migrate --check: ${plural(unapplied.length, 'unapplied migration')}` : 'migrate --check: nothing unapplied');
  return { findings, notes };
}

async function checkProject(ctx: GateContext, project: ScannedProject, index: number): Promise<ProjectOutcome> {
  const label = project.root ? `${project.root}: ` : '';
  const { cwd, env: baseEnv } = djangoEnv(ctx, project);
  const settings = project.info.settingsModule ?? undefined;

  // An existing database (staging): migrate --check only.
  if (ctx.options.databaseUrl) {
    let conn: PgConnection;
    try {
      conn = parseDatabaseUrl(ctx.options.databaseUrl);
    } catch (e) {
      return { findings: [], detail: '', error: e instanceof DatabaseUrlError ? e.message : String(e) };
    }
    if (conn.password && conn.password.length >= MIN_SECRET_LENGTH) ctx.scan.secrets.add(conn.password);
    const unreachable = await checkReachable(conn);
    if (unreachable) return { findings: [], detail: '', error: `${unreachable} — check database-url (host and port) and that the database accepts connections from this runner` };
    const env = { ...baseEnv, ...connectionEnv(conn) };
    const [mm, mig] = await Promise.all([
      makemigrations(ctx, project, cwd, env),
      runDbHelper<MigrateJson>(ctx, { cwd, env, args: ['migrate', '--check-only', '--expect-name', conn.database] }),
    ]);
    if ('error' in mm) return { findings: [], detail: '', error: mm.error };
    if (!mig.data) return { findings: mm.findings, detail: '', error: describeFailure(ctx, `migrate --check for ${settings}`, mig.run) };
    if (mig.data.error) return { findings: mm.findings, detail: '', error: describeSetupError(ctx, settings, mig.data.error) };
    const r = migrateFindings(ctx, project, mig.data, conn, true);
    const detail = `${label}${settings} against database-url ${hostPort(conn)}/${conn.database}: ${[mm.note, ...r.notes].join('; ')}`;
    return { findings: [...mm.findings, ...r.findings], detail, ...(r.error ? { error: r.error } : {}) };
  }

  const choice = await databaseServer(ctx);
  if ('none' in choice) {
    // makemigrations needs no database: still worth running; migrate is skipped, loudly.
    const env = { ...baseEnv, ...connectionEnv(PLACEHOLDER) };
    const mm = await makemigrations(ctx, project, cwd, env);
    const findings = 'error' in mm ? [] : mm.findings;
    const note = 'error' in mm ? `; makemigrations --check could not run either: ${mm.error}` : `; ${mm.note}`;
    return { findings, detail: `${label}${choice.none} (migrate and migrate --check did not run)${note}`, skipped: true };
  }
  const server = choice.server;
  const conn = await freshDatabase(ctx, server, `migrations_${index}`);
  const env = { ...baseEnv, ...connectionEnv(conn) };
  const [mm, mig] = await Promise.all([
    makemigrations(ctx, project, cwd, env),
    runDbHelper<MigrateJson>(ctx, { cwd, env, args: ['migrate', '--expect-name', conn.database] }),
  ]);
  if ('error' in mm) return { findings: [], detail: '', error: mm.error };
  if (!mig.data) return { findings: mm.findings, detail: '', error: describeFailure(ctx, `migrate for ${settings}`, mig.run) };
  if (mig.data.error) return { findings: mm.findings, detail: '', error: describeSetupError(ctx, settings, mig.data.error) };
  const r = migrateFindings(ctx, project, mig.data, conn, false);
  const detail = `${label}${settings} on Django ${mig.data.django ?? '?'}, ${server.describe}: ${[mm.note, ...r.notes].join('; ')}`;
  return { findings: [...mm.findings, ...r.findings], detail, ...(r.error ? { error: r.error } : {}) };
}

export const migrationsGate: RuntimeGate = {
  name: 'migrations',
  run: (ctx: GateContext): Promise<GateResult> =>
    runPerProject('migrations', ctx, (p, i) => checkProject(ctx, p, i), { none: 'no project with production settings to migrate', skippedWhen: 'any' }),
};
