import type { Rule } from './rule';
import type { ScanContext } from '../project/scan';
import type { SettingBinding } from '../project/values';
import { callParts, dottedName, stringValue, walk, type SyntaxNode } from '../project/python';
import { servingInterface } from '../project/dependencies';
import { greenletWorkers } from '../project/workers';
import { isSqliteEngine } from './sqlite-in-production';
import { DEV_ONLY_MODULE } from '../project/evaluate';
import { WORLDS, defaultDatabase, defaultDatabaseUnread, dictGet, forProduction, label, locationOf, statementAt, strOf, truthy, whereIn, worldsWhere, type World } from './settings-util';

// ---------------------------------------------------------------------------------------------
// Which environment variables CONN_MAX_AGE really depends on

/** Environment variables read inside an expression: os.environ[...], os.getenv/environ.get, env(...)/env.int(...), config(...), URL readers. */
function envReadsIn(node: SyntaxNode): string[] {
  const out: string[] = [];
  walk(node, (n) => {
    if (n.type === 'subscript') {
      const obj = dottedName(n.childForFieldName('value'));
      const key = stringValue(n.childForFieldName('subscript'));
      if (obj && /(^|\.)environ$/.test(obj) && key) out.push(key);
    } else if (n.type === 'call') {
      const { callee, args, kwargs } = callParts(n);
      if (!callee) return true;
      const first = stringValue(args[0]);
      if (/(^|\.)dj_database_url\.(config|db_url)$/.test(callee)) out.push(stringValue(kwargs.get('env')) ?? 'DATABASE_URL');
      else if (/^env\.(db|db_url|database_url)$/.test(callee)) out.push(first ?? 'DATABASE_URL');
      else if (first && (/(^|\.)getenv$|(^|\.)environ\.(get|setdefault|pop)$/.test(callee) || /^(env|environ|config)(\.\w+)?$/.test(callee) || /(^|\.)decouple\.config$/.test(callee))) out.push(first);
    }
    return true;
  });
  return [...new Set(out)];
}

/** `"CONN_MAX_AGE": …`, `conn_max_age=…` inside the DATABASES statement, or the right side of `DATABASES[…]["CONN_MAX_AGE"] = …`. */
function connMaxAgeExpr(stmt: SyntaxNode): SyntaxNode | undefined {
  const a = stmt.namedChildren[0];
  if (a?.type === 'assignment' && /\[\s*["']CONN_MAX_AGE["']\s*\]$/.test(a.childForFieldName('left')?.text ?? '')) return a.childForFieldName('right') ?? undefined;
  let found: SyntaxNode | undefined;
  walk(stmt, (n) => {
    if (found) return false;
    if (n.type === 'pair' && stringValue(n.childForFieldName('key')) === 'CONN_MAX_AGE') found = n.childForFieldName('value') ?? undefined;
    else if (n.type === 'keyword_argument' && n.childForFieldName('name')?.text === 'conn_max_age') found = n.childForFieldName('value') ?? undefined;
    return !found;
  });
  return found;
}

/** Conditions that choose this statement: enclosing if/elif tests, and conditional expressions inside it. */
function choosingConditions(stmt: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  walk(stmt, (n) => {
    if (n.type === 'conditional_expression' && n.namedChildren[1]) out.push(n.namedChildren[1]);
    return true;
  });
  let child: SyntaxNode = stmt;
  for (let p = stmt.parent; p; child = p, p = p.parent) {
    if (p.type === 'if_statement') {
      const cond = p.childForFieldName('condition');
      if (cond) out.push(cond);
      // in an elif/else branch, the elif tests before it chose it too
      for (const alt of p.childrenForFieldName('alternative')) {
        if (alt.id === child.id) break;
        const c = alt.type === 'elif_clause' ? alt.childForFieldName('condition') : null;
        if (c) out.push(c);
      }
    } else if (p.type === 'elif_clause') {
      const cond = p.childForFieldName('condition');
      if (cond) out.push(cond);
    }
  }
  return out;
}

/**
 * The environment variables the finding depends on: those the CONN_MAX_AGE value reads when it is written
 * out; otherwise those that choose the database configuration (an `if` on DATABASE_URL, the URL a
 * dj-database-url / django-environ call reads, which may carry `?conn_max_age=`, the ENGINE a variable may set to
 * SQLite). Never the NAME/USER/HOST variables of the same dict: they do not change CONN_MAX_AGE.
 */
function deciding(ctx: ScanContext, b: SettingBinding | undefined): string[] {
  if (!b) return [];
  const stmt = statementAt(ctx, b.location.file, b.location.line);
  if (!stmt) return [];
  const own = connMaxAgeExpr(stmt);
  if (own) return envReadsIn(own);
  const names = choosingConditions(stmt).flatMap(envReadsIn);
  walk(stmt, (n) => {
    // `"ENGINE": env.str("SCANCODEIO_DB_ENGINE", "django.db.backends.postgresql")`: the variable may pick SQLite
    if (n.type === 'pair' && stringValue(n.childForFieldName('key')) === 'ENGINE') names.push(...envReadsIn(n.childForFieldName('value')!));
    if (n.type !== 'call') return true;
    const callee = callParts(n).callee ?? '';
    if (/(^|\.)dj_database_url\.(config|db_url)$|^env\.(db|db_url|database_url)$/.test(callee)) names.push(...envReadsIn(n).slice(0, 1));
    return true;
  });
  return [...new Set(names)];
}

function listNames(names: string[]): string {
  return names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** " when DATABASE_URL is unset" / " whenever USE_PG is set" / "" (holds whatever the environment). */
function clause(worlds: World[], names: string[]): string {
  if (worlds.length !== 1) return '';
  const subject = names.length ? listNames(names) : 'the environment variables the database configuration reads';
  const are = names.length === 1 ? 'is' : 'are';
  return worlds[0] === 'unset' ? ` when ${subject} ${are} unset` : ` whenever ${subject} ${are} set`;
}

/** Database backends that pool connections themselves. */
const POOLING_ENGINE = /^(dj_db_conn_pool\.backends\.\w+|django_postgrespool2?|django_db_geventpool\.backends\.\w+|django_db_connection_pool\.\w+)$/;

/**
 * launch.W041: CONN_MAX_AGE missing or 0 on a non-SQLite production database: a new connection per request.
 * Not for projects an ASGI server serves (Django's docs: keep CONN_MAX_AGE = 0 under ASGI), nor gunicorn
 * greenlet workers.
 */
export default {
  meta: {
    id: 'launch.W041',
    name: 'conn-max-age-zero',
    checklist: 'database',
    level: 'warning',
    title: 'CONN_MAX_AGE is 0: Django opens a new database connection for every request',
    fix: 'Set CONN_MAX_AGE (e.g. 600) with CONN_HEALTH_CHECKS = True on the production database, or use connection pooling (OPTIONS["pool"], PgBouncer).',
    securitySeverity: 0,
    precision: 'high',
    tags: ['performance'],
    settings: ['DATABASES'],
  },
  check(ctx) {
    // a database whose ENGINE the scan cannot know (`env.db()` with no default: meine-stadt-transparent) and whose
    // CONN_MAX_AGE would matter if it were a network database: not checked, never passed
    let unknownEngine: string | undefined;
    const res = forProduction(ctx, (s, project) => {
      if (greenletWorkers(ctx, project)) return [];
      // Under ASGI each request runs in its own thread, so persistent connections are never reused: Django's docs
      // say to keep CONN_MAX_AGE at 0 there. Both kinds of server, or Channels' ASGI_APPLICATION with no server
      // named: an ASGI process may share these settings, so no advice to raise it.
      const serving = servingInterface(ctx, project);
      if (serving.interface === 'asgi' || serving.interface === 'mixed') return [];
      if (serving.interface === 'none' && s.bindings.has('ASGI_APPLICATION')) return [];
      let missing = false;
      // the worlds in which the default database's ENGINE (or the whole entry) could not be read
      const unread: string[] = [];
      const worlds = worldsWhere((w) => {
        const db = defaultDatabase(s, w);
        const engine = strOf(dictGet(db, 'ENGINE'));
        if (!db) {
          if (defaultDatabaseUnread(s, w)) unread.push(`the default database in ${label(s)} cannot be read statically (${locationOf(s, 'DATABASES').file}:${locationOf(s, 'DATABASES').line}), so its ENGINE and CONN_MAX_AGE are not known`);
          return undefined;
        }
        // Django 5.1+ connection pools require CONN_MAX_AGE = 0.
        const pool = dictGet(dictGet(db, 'OPTIONS'), 'pool');
        if (pool && truthy(pool) !== false) return undefined;
        const age = dictGet(db, 'CONN_MAX_AGE');
        if (engine === undefined) {
          // no ENGINE at all (dj_database_url.config() with no URL): no database in this world, nothing to judge;
          // persistent connections set (or CONN_MAX_AGE unknown): nothing to report whatever the engine
          const noEngine = db.kind === 'dict' && !dictGet(db, 'ENGINE');
          if (!noEngine && (!age || (age.kind === 'num' && age.value === 0))) unread.push(`the default database's ENGINE in ${label(s)} cannot be known statically (${locationOf(s, 'DATABASES').file}:${locationOf(s, 'DATABASES').line}), so whether CONN_MAX_AGE matters is not known`);
          return undefined;
        }
        // SQLite opens a file, not a network connection: nothing to keep. A project backend named for it
        // (bugsink's `bugsink.timed_sqlite_backend`, a subclass of Django's) counts too.
        if (isSqliteEngine(engine) || /sqlite/i.test(engine) || engine.endsWith('.dummy')) return undefined;
        // a backend that keeps its own pool (django-db-connection-pool's `dj_db_conn_pool.backends.postgresql`,
        // django-postgrespool2, django-db-geventpool): Django's close returns the connection to the pool, which stays
        // open — CONN_MAX_AGE is beside the point (UKHSA's data dashboard)
        if (POOLING_ENGINE.test(engine)) return undefined;
        if (!age) {
          missing = true;
          return true;
        }
        return age.kind === 'num' && age.value === 0;
      });
      // not checked only when no world decides: `dj_database_url.config()` with DATABASE_URL unset and no default
      // is no database at all (Django fails at the first query), and the world with it set decides
      if (worlds.length === 0) {
        if (unread.length === WORLDS.length) unknownEngine ??= unread[0];
        return [];
      }
      // A gunicorn worker class the scan cannot read (a package's) is reported as before — gunicorn's default is WSGI —
      // but the message names the class instead of claiming WSGI as a fact.
      const ev = serving.evidence;
      const how = ev?.unresolvedWorker ? ` with worker class ${ev.unresolvedWorker}, which the scan could not trace to a WSGI or ASGI worker` : ', WSGI';
      const served = serving.interface === 'wsgi' && ev ? ` (served by ${ev.server}${how}: ${ev.location.file}:${ev.location.line})` : '';
      // held only with the variables set: the set world's own DATABASES line (OnlineJudge's production_settings.py,
      // not the dev_settings.py the unset world imports) — unless that line is in a module named for CI, tests or
      // development, which the set world reaches only because it sets every variable (polling stations' `ci.py`
      // under CIRCLECI)
      const databases = s.bindings.get('DATABASES');
      const at = databases ? whereIn(databases, worlds) : locationOf(s, 'DATABASES');
      const devModule = DEV_ONLY_MODULE.test(at.file.replace(/\.py$/, '').replace(/\//g, '.'));
      return [{
        location: devModule ? locationOf(s, 'DATABASES') : at,
        message: `The default database in ${label(s)}${served} has ${missing ? 'no CONN_MAX_AGE (Django\'s default is 0)' : 'CONN_MAX_AGE = 0'}${clause(worlds, deciding(ctx, s.bindings.get('DATABASES')))}: every request opens and closes its own database connection.`,
      }];
    });
    return res.hits.length === 0 && res.notApplicable === undefined && unknownEngine ? { ...res, undecided: unknownEngine } : res;
  },
} satisfies Rule;
