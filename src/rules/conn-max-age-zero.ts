import type { Rule } from './rule';
import type { ScanContext, ScannedProject } from '../project/scan';
import { baseName, countsFor, inDevFolder, isDevName, productionPythonFiles } from '../project/model';
import { isSqliteEngine } from './sqlite-in-production';
import { defaultDatabase, dictGet, forProduction, label, locationOf, strOf, truthy, worldClause, worldsWhere } from './settings-util';

/**
 * gunicorn greenlet workers (`--worker-class eventlet`, `-k gevent`, `WORKER_CLASS=eventlet` in a unit,
 * `worker_class = "gevent"` in gunicorn.conf.py): every greenlet keeps its own persistent connection that no
 * later request reuses, so CONN_MAX_AGE > 0 piles up idle connections (benoitc/gunicorn#996). 0 is right there.
 */
const GREENLET_WORKERS = /(?:--worker-class|\s-k|worker_class)\s*[= ]\s*["']?[\w.]*(?:eventlet|gevent)/i;

function servesWithGreenlets(ctx: ScanContext, project: ScannedProject): boolean {
  const deploy = ctx.workspace
    .deployFiles()
    .filter((f) => countsFor(ctx, project, f.rel) && !inDevFolder(f.rel, ctx) && !isDevName(baseName(f.rel)));
  return [...deploy, ...productionPythonFiles(ctx, project)].some((f) => GREENLET_WORKERS.test(f.text));
}

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
    return forProduction(ctx, (s, project) => {
      if (servesWithGreenlets(ctx, project)) return [];
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
