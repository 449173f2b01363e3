/**
 * Whether production serves requests with greenlets, and where that is said: gunicorn greenlet workers
 * (`--worker-class eventlet`, `-k gevent`, `WORKER_CLASS=eventlet` in a unit, `worker_class = "gevent"` in
 * gunicorn.conf.py), uWSGI's gevent loop, or a WSGI module of the project's own that monkey-patches for them.
 * Under greenlets a request waiting on I/O yields to the others: launch.W041 (every greenlet keeps its own
 * persistent connection that no later request reuses, so CONN_MAX_AGE > 0 piles up idle connections —
 * benoitc/gunicorn#996 — and 0 is right there) and launch.W080 (a wait on a mail server or a remote service does
 * not hold the worker) read it.
 */
import type { Location } from '../finding';
import { baseName, countsFor, inDevFolder, isDevName, productionPythonFiles } from './files';
import type { ScanContext, ScannedProject } from './scan';
import { lineAt } from './deploy-commands';

// also a Dockerfile's exec form, `CMD ["-k", "gevent", …]` (Azavea's climate API)
const GREENLET_WORKERS = /(?:--worker-class|[\s"']-k|worker_class)["']?\s*[=,]?\s*["']?[\w.]*(?:eventlet|gevent)/i;

/** uWSGI's gevent loop: `uwsgi … --gevent 100` on a command line, `gevent = 100` in a `[uwsgi]` ini (not a pin). */
const UWSGI_GEVENT_FLAG = /\buwsgi\b[^\n]*\s--gevent[\s=]/;
const UWSGI_INI_GEVENT = /^\s*gevent\s*=\s*\d+\s*$/m;

/** A monkey-patched WSGI module: gevent's `monkey.patch_all()` or eventlet's `monkey_patch()` before the app. */
const GREEN_PATCH = /\bmonkey\.patch_all\s*\(|\beventlet\.monkey_patch\s*\(/;

function at(f: { rel: string; text: string }, re: RegExp): Location {
  const m = re.exec(f.text);
  return { file: f.rel, line: m ? lineAt(f.text, m.index) : 1 };
}

/** Where production is told to serve with greenlets (the first place found), or undefined. */
export function greenletWorkers(ctx: ScanContext, project: ScannedProject): Location | undefined {
  const deploy = ctx.workspace
    .deployFiles()
    .filter((f) => countsFor(ctx, project, f.rel) && !inDevFolder(f.rel, ctx) && !isDevName(baseName(f.rel)));
  const python = productionPythonFiles(ctx, project);
  const worker = [...deploy, ...python].find((f) => GREENLET_WORKERS.test(f.text));
  if (worker) return at(worker, GREENLET_WORKERS);
  const uwsgi = deploy.find((f) => UWSGI_GEVENT_FLAG.test(f.text) || (/\.ini$/i.test(f.rel) && /^\s*\[uwsgi\]/m.test(f.text) && UWSGI_INI_GEVENT.test(f.text)));
  if (uwsgi) return at(uwsgi, UWSGI_GEVENT_FLAG.test(uwsgi.text) ? UWSGI_GEVENT_FLAG : UWSGI_INI_GEVENT);
  // a WSGI module of its own that patches for greenlets (the Center for Open Science's SHARE: `wsgi_green.py`,
  // gevent's patch_all and psycogreen, for uWSGI from its deploy dependencies): greenlets serve its requests
  const patched = python.find((f) => /wsgi/i.test(baseName(f.rel)) && GREEN_PATCH.test(f.text));
  return patched ? at(patched, GREEN_PATCH) : undefined;
}
