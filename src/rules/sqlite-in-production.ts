import type { Rule } from './rule';
import { defaultDatabase, dictGet, forProduction, label, locationOf, strOf, worldClause, worldsWhere } from './settings-util';

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
    return forProduction(ctx, (s) => {
      const worlds = worldsWhere((w) => {
        const engine = strOf(dictGet(defaultDatabase(s, w), 'ENGINE'));
        return engine === undefined ? undefined : isSqliteEngine(engine);
      });
      if (worlds.length === 0) return [];
      return [{
        location: locationOf(s, 'DATABASES'),
        message: `The default database in ${label(s)} is SQLite${worldClause(ctx, worlds, [s.bindings.get('DATABASES')])}: one writer at a time, and on containers or PaaS dynos the file (with every row) disappears on each deploy.`,
      }];
    });
  },
} satisfies Rule;
