import type { Rule } from './rule';
import { defaultDatabase, dictGet, forProduction, label, locationOf, strOf, worldClause, WORLDS, worldsWhere, type World } from './settings-util';

export function isSqliteEngine(engine: string): boolean {
  return /sqlite3$|spatialite$/.test(engine);
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
    const result = forProduction(ctx, (s) => {
      const engineIn = (w: World) => strOf(dictGet(defaultDatabase(s, w), 'ENGINE'));
      const worlds = worldsWhere((w) => {
        const engine = engineIn(w);
        return engine === undefined ? undefined : isSqliteEngine(engine);
      });
      if (worlds.length === 0) {
        if (s.bindings.get('DATABASES') && WORLDS.some((w) => defaultDatabase(s, w) !== undefined && engineIn(w) === undefined)) {
          const at = locationOf(s, 'DATABASES');
          unknownEngine ??= `the default database's ENGINE in ${s.module} cannot be computed statically (${at.file}:${at.line}): it may be SQLite`;
        }
        return [];
      }
      return [{
        location: locationOf(s, 'DATABASES'),
        message: `The default database in ${label(s)} is SQLite${worldClause(ctx, worlds, [s.bindings.get('DATABASES')])}: one writer at a time, and on containers or PaaS dynos the file (with every row) disappears on each deploy.`,
      }];
    });
    return result.hits.length === 0 && unknownEngine ? { ...result, undecided: unknownEngine } : result;
  },
} satisfies Rule;
