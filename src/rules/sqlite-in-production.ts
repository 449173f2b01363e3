import { persistentDataMounts } from '../project/volumes';
import type { Rule } from './rule';
import { defaultDatabase, defaultDatabaseUnread, dictGet, forProduction, label, locationOf, strOf, worldClause, WORLDS, worldsWhere, type Value, type World } from './settings-util';

export function isSqliteEngine(engine: string): boolean {
  return /sqlite3$|spatialite$/.test(engine);
}

/** SQLite's in-memory database names: `:memory:` and the URI forms (`file::memory:`, `file:x?mode=memory`). */
function isInMemory(name: string | undefined): boolean {
  return name !== undefined && (name === ':memory:' || /^file::memory:/.test(name) || /^file:.*[?&]mode=memory\b/.test(name));
}

/** What in a SQLite database's OPTIONS says it was tuned for concurrent writers; undefined when nothing does. */
function sqliteTuning(options: Value | undefined): string | undefined {
  if (!options || options.kind !== 'dict') return undefined;
  const mode = strOf(dictGet(options, 'transaction_mode'));
  if (mode && /^(IMMEDIATE|EXCLUSIVE)$/i.test(mode)) return `transaction_mode ${mode.toUpperCase()}`;
  const init = dictGet(options, 'init_command');
  const text = init?.kind === 'str' ? init.value : undefined;
  if (text && /busy_timeout|journal_mode\s*=\s*wal/i.test(text)) return 'init_command PRAGMAs';
  return undefined;
}

/** launch.E040: the default database is SQLite in production (also as the default of DATABASE_URL). */
export default {
  meta: {
    id: 'launch.E040',
    name: 'sqlite-in-production',
    checklist: 'database',
    level: 'error',
    title: 'The production database is SQLite',
    fix: 'Use PostgreSQL (or another server database) in production, e.g. DATABASES = {"default": dj_database_url.config(conn_max_age=600)} with DATABASE_URL set.',
    securitySeverity: 0,
    precision: 'very-high',
    tags: ['reliability'],
    settings: ['DATABASES'],
  },
  check(ctx) {
    // A default database whose ENGINE the scan cannot compute (`"django.db.backends." + config value`, a URL
    // from the environment) may be SQLite: the item is not checked, never passed.
    let unknownEngine: string | undefined;
    const result = forProduction(ctx, (s, project) => {
      const engineIn = (w: World) => strOf(dictGet(defaultDatabase(s, w), 'ENGINE'));
      const worlds = worldsWhere((w) => {
        const engine = engineIn(w);
        return engine === undefined ? undefined : isSqliteEngine(engine);
      });
      if (worlds.length === 0) {
        if (s.bindings.get('DATABASES') && WORLDS.some((w) => (defaultDatabase(s, w) !== undefined && engineIn(w) === undefined) || defaultDatabaseUnread(s, w))) {
          const at = locationOf(s, 'DATABASES');
          unknownEngine ??= `the default database's ENGINE in ${s.module} cannot be computed statically (${at.file}:${at.line}): it may be SQLite`;
        }
        return [];
      }
      // An in-memory database (`NAME: ":memory:"`, a test setup's placeholder default — Wikimedia's Striker) cannot
      // serve a site: each connection opens a new, empty database without tables, so nothing persists past a
      // request and no query of the migrated schema works. Production must set the variables; a note says so.
      const inMemory = worlds.every((w) => isInMemory(strOf(dictGet(defaultDatabase(s, w), 'NAME'))));
      if (inMemory) {
        return [{
          location: locationOf(s, 'DATABASES'),
          level: 'note',
          message: `The default database in ${label(s)} is SQLite in memory${worldClause(ctx, worlds, [s.bindings.get('DATABASES')])} — a note: no deploy can serve from it (each connection starts an empty database, without the migrated tables), so it is a test setup's placeholder and production sets the database through the environment; the production database itself is not in the repository.`,
        }];
      }
      // SQLite chosen knowingly: tuned for concurrent writers (Django 5.1's transaction_mode, busy_timeout / WAL
      // pragmas) and kept on a persistent volume the deployment mounts (ArchiveBox's /data). Still one writer at
      // a time and one server — a note, not the launch-blocking "the file disappears on each deploy".
      const tuning = worlds.map((w) => sqliteTuning(dictGet(defaultDatabase(s, w), 'OPTIONS'))).find(Boolean);
      const mount = tuning ? persistentDataMounts(ctx, project)[0] : undefined;
      if (tuning && mount) {
        return [{
          location: locationOf(s, 'DATABASES'),
          level: 'note',
          message: `The default database in ${label(s)} is SQLite${worldClause(ctx, worlds, [s.bindings.get('DATABASES')])}, tuned for concurrent writers (${tuning}) and kept on a persistent volume (${mount.target}, ${mount.location.file}:${mount.location.line}): fine on one server, but writes still go one at a time and no second app server can share it.`,
        }];
      }
      return [{
        location: locationOf(s, 'DATABASES'),
        message: `The default database in ${label(s)} is SQLite${worldClause(ctx, worlds, [s.bindings.get('DATABASES')])}: one writer at a time, and on containers or PaaS dynos the file (with every row) disappears on each deploy.`,
      }];
    });
    return result.hits.length === 0 && unknownEngine ? { ...result, undecided: unknownEngine } : result;
  },
} satisfies Rule;
