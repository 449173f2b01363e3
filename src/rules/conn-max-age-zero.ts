import type { Rule } from './rule';
import { isSqliteEngine } from './sqlite-in-production';
import { defaultDatabase, dictGet, forProduction, label, locationOf, strOf, truthy, worldClause, worldsWhere } from './settings-util';

/** launch.W041: CONN_MAX_AGE missing or 0 on a non-SQLite production database: a new connection per request. */
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
  },
  check(ctx) {
    return forProduction(ctx, (s) => {
      let missing = false;
      const worlds = worldsWhere((w) => {
        const db = defaultDatabase(s, w);
        const engine = strOf(dictGet(db, 'ENGINE'));
        if (!db || engine === undefined || isSqliteEngine(engine) || engine.endsWith('.dummy')) return undefined;
        // Django 5.1+ connection pools require CONN_MAX_AGE = 0.
        const pool = dictGet(dictGet(db, 'OPTIONS'), 'pool');
        if (pool && truthy(pool) !== false) return undefined;
        const age = dictGet(db, 'CONN_MAX_AGE');
        if (!age) {
          missing = true;
          return true;
        }
        return age.kind === 'num' && age.value === 0;
      });
      if (worlds.length === 0) return [];
      return [{
        location: locationOf(s, 'DATABASES'),
        message: `The default database in ${label(s)} has ${missing ? 'no CONN_MAX_AGE (Django\'s default is 0)' : 'CONN_MAX_AGE = 0'}${worldClause(ctx, worlds, [s.bindings.get('DATABASES')])}: every request opens and closes its own database connection.`,
      }];
    });
  },
} satisfies Rule;
