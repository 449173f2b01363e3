export const id = 23;
export const ids = [23];
export const modules = {

/***/ 73023:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  RUNTIME_GATES: () => (/* binding */ RUNTIME_GATES)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(73136);
;// CONCATENATED MODULE: ./src/django/connection.ts
/** The `postgres://` URL of a connection (dj-database-url, django-environ and psycopg all read it). */
function connectionUrl(c) {
    const auth = encodeURIComponent(c.user) + (c.password ? `:${encodeURIComponent(c.password)}` : '');
    const host = c.host.startsWith('/') ? encodeURIComponent(c.host) : c.host.includes(':') ? `[${c.host}]` : c.host;
    return `postgres://${auth}@${host}:${c.port}/${encodeURIComponent(c.database)}`;
}
/** `host:port` for messages (never the password). */
function hostPort(c) {
    return `${c.host}:${c.port}`;
}
class DatabaseUrlError extends Error {
    name = 'DatabaseUrlError';
}
const PG_SCHEMES = ['postgres:', 'postgresql:', 'pgsql:', 'postgis:', 'psql:'];
/** Parse a PostgreSQL URL (`postgres://user:pass@host:5432/name`). Throws DatabaseUrlError on anything else. */
function parseDatabaseUrl(url) {
    let u;
    try {
        u = new URL(url.trim());
    }
    catch {
        throw new DatabaseUrlError('database-url is not a URL — use postgres://USER:PASSWORD@HOST:5432/NAME');
    }
    if (!PG_SCHEMES.includes(u.protocol)) {
        throw new DatabaseUrlError(`database-url has scheme "${u.protocol.replace(/:$/, '')}", not postgres — use postgres://USER:PASSWORD@HOST:5432/NAME`);
    }
    let host = decodeURIComponent(u.hostname).replace(/^\[(.*)\]$/, '$1');
    const q = u.searchParams;
    if (!host && q.get('host'))
        host = q.get('host');
    const database = decodeURIComponent(u.pathname.replace(/^\//, '')) || q.get('dbname') || 'postgres';
    const port = u.port ? Number(u.port) : Number(q.get('port') || 5432);
    return {
        host: host || 'localhost',
        port,
        user: decodeURIComponent(u.username) || q.get('user') || 'postgres',
        ...(u.password ? { password: decodeURIComponent(u.password) } : q.get('password') ? { password: q.get('password') } : {}),
        database,
    };
}
/** Names of the variables a database reaches the user's settings through (README documents them). */
const DATABASE_ENV_NAMES = [
    'DATABASE_URL',
    'DB_NAME',
    'DB_USER',
    'DB_PASSWORD',
    'DB_HOST',
    'DB_PORT',
    'PGHOST',
    'PGPORT',
    'PGUSER',
    'PGPASSWORD',
    'PGDATABASE',
    'POSTGRES_DB',
    'POSTGRES_USER',
    'POSTGRES_PASSWORD',
    'POSTGRES_HOST',
    'POSTGRES_PORT',
];
/** Every variable users' settings read a database from, all naming the same database. */
function connectionEnv(c) {
    const password = c.password ?? '';
    const port = String(c.port);
    return {
        DATABASE_URL: connectionUrl(c),
        DB_NAME: c.database,
        DB_USER: c.user,
        DB_PASSWORD: password,
        DB_HOST: c.host,
        DB_PORT: port,
        PGHOST: c.host,
        PGPORT: port,
        PGUSER: c.user,
        PGPASSWORD: password,
        PGDATABASE: c.database,
        POSTGRES_DB: c.database,
        POSTGRES_USER: c.user,
        POSTGRES_PASSWORD: password,
        POSTGRES_HOST: c.host,
        POSTGRES_PORT: port,
    };
}
/**
 * A PostgreSQL server configured in the environment, or undefined: DATABASE_URL (postgres scheme), else
 * DB_HOST (+ DB_PORT/DB_USER/DB_PASSWORD/DB_NAME), else PGHOST (+ PGPORT/PGUSER/PGPASSWORD/PGDATABASE).
 */
function serverFromEnv(env) {
    const url = env.DATABASE_URL?.trim();
    if (url) {
        try {
            return parseDatabaseUrl(url);
        }
        catch {
            // sqlite:// or mysql:// — not a PostgreSQL server to create databases on
        }
    }
    for (const p of [
        { host: 'DB_HOST', port: 'DB_PORT', user: 'DB_USER', password: 'DB_PASSWORD', name: 'DB_NAME' },
        { host: 'PGHOST', port: 'PGPORT', user: 'PGUSER', password: 'PGPASSWORD', name: 'PGDATABASE' },
    ]) {
        const host = env[p.host]?.trim();
        if (!host)
            continue;
        return {
            host,
            port: Number(env[p.port]?.trim() || 5432) || 5432,
            user: env[p.user]?.trim() || 'postgres',
            ...(env[p.password] ? { password: env[p.password] } : {}),
            database: env[p.name]?.trim() || 'postgres',
        };
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/django/python.ts
/**
 * Running the user's Python: `runPython` (any script/arguments, never throws for a non-zero exit) and the
 * JSON helper `helper.py` shipped next to the bundle (`probe`, `checks`, `collectstatic` subcommands).
 *
 * helper.py is found in two layouts, relative to this module's URL (like src/rules/docs.ts):
 *  - the ncc bundle `dist/index.js`, with the helper copied to `dist/django/helper.py` by scripts/bundle.mjs;
 *  - the sources (`src/django/python.ts` run by vitest), with the helper next to this file.
 */





/**
 * Runs `python args…` in `cwd` with exactly `env`. Never throws: a missing interpreter is `spawnError`,
 * a non-zero exit is `code`. On timeout or abort the whole process group is killed (SIGTERM, then SIGKILL
 * after 3 s), so test runners' children die too.
 */
function runPython(opts) {
    const started = performance.now();
    return new Promise((done) => {
        const out = [];
        const err = [];
        let timedOut = false;
        let aborted = false;
        let spawnError;
        let finished = false;
        const env = {};
        for (const [k, v] of Object.entries(opts.env))
            if (v !== undefined)
                env[k] = v;
        env.PYTHONUNBUFFERED = '1';
        env.PYTHONIOENCODING = env.PYTHONIOENCODING || 'utf-8';
        const finish = (code) => {
            if (finished)
                return;
            finished = true;
            if (timer)
                clearTimeout(timer);
            if (killTimer)
                clearTimeout(killTimer);
            opts.signal?.removeEventListener('abort', onAbort);
            done({
                code,
                stdout: Buffer.concat(out).toString('utf8'),
                stderr: Buffer.concat(err).toString('utf8'),
                timedOut,
                aborted,
                ...(spawnError ? { spawnError } : {}),
                durationMs: performance.now() - started,
            });
        };
        let timer;
        let killTimer;
        if (opts.signal?.aborted) {
            aborted = true;
            finish(null);
            return;
        }
        let child;
        try {
            child = (0,external_node_child_process_.spawn)(opts.python, opts.args, {
                cwd: opts.cwd,
                env,
                detached: process.platform !== 'win32', // own process group: killable as a whole
                stdio: ['pipe', 'pipe', 'pipe'],
                windowsHide: true,
            });
        }
        catch (e) {
            spawnError = e;
            finish(null);
            return;
        }
        const killGroup = (sig) => {
            if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null)
                return;
            try {
                if (process.platform !== 'win32')
                    process.kill(-child.pid, sig);
                else
                    child.kill(sig);
            }
            catch {
                try {
                    child.kill(sig);
                }
                catch {
                    // already gone
                }
            }
        };
        const stop = () => {
            killGroup('SIGTERM');
            killTimer = setTimeout(() => killGroup('SIGKILL'), 3000);
            killTimer.unref?.();
        };
        function onAbort() {
            aborted = true;
            stop();
        }
        opts.signal?.addEventListener('abort', onAbort, { once: true });
        if (opts.timeoutMs && opts.timeoutMs > 0) {
            timer = setTimeout(() => {
                timedOut = true;
                stop();
            }, opts.timeoutMs);
        }
        child.stdout.on('data', (b) => out.push(b));
        child.stderr.on('data', (b) => err.push(b));
        child.stdin.on('error', () => {
            // the child exited before reading its input: its exit status tells the story
        });
        child.stdin.end(opts.input ?? '');
        child.on('error', (e) => {
            spawnError = e;
            finish(null);
        });
        child.on('close', (code) => {
            // Leftover grandchildren (a test runner's workers) must not outlive a killed run.
            if (timedOut || aborted)
                killGroup('SIGKILL');
            finish(code);
        });
    });
}
const shipped = new Map();
/**
 * Absolute path of a Python script shipped with the action (`helper.py`, `db_helper.py`): bundle:
 * dist/django/<name>; sources: src/django/<name>, next to this module.
 */
function shippedScript(name) {
    const known = shipped.get(name);
    if (known)
        return known;
    // Candidates as plain strings (no literal in `new URL`): ncc must not take the scripts for assets.
    const candidates = ['./django/', './'].map((dir) => dir + name);
    for (const c of candidates) {
        const p = (0,external_node_url_.fileURLToPath)(new URL(c, import.meta.url));
        if ((0,external_node_fs_.existsSync)(p)) {
            shipped.set(name, p);
            return p;
        }
    }
    throw new Error(`${name} not found next to ${(0,external_node_url_.fileURLToPath)(import.meta.url)} — the bundle is incomplete; rebuild it with npm run bundle`);
}
/** Absolute path of helper.py (bundle: dist/django/helper.py; sources: src/django/helper.py). */
function helperPath() {
    return shippedScript('helper.py');
}
/** The environment and cwd the user's Django runs with for `project` (production settings module). */
/** Database variables naming nowhere (a function: postgres.ts imports this module too). */
function placeholderDatabaseEnv() {
    return connectionEnv({ host: '127.0.0.1', port: 9, user: 'launch_gate', password: '', database: 'launch_gate_no_database' });
}
function djangoEnv(ctx, project) {
    const cwd = (0,external_node_path_.resolve)(ctx.scan.root, project.root || '.');
    const env = { ...ctx.options.env };
    if (project.info.settingsModule)
        env.DJANGO_SETTINGS_MODULE = project.info.settingsModule;
    // Settings often require database variables just to import (os.environ["DATABASE_URL"]). When the environment
    // names no database, the probe, deploy-checks and collectstatic see placeholders pointing at 127.0.0.1:9 where
    // nothing listens (they never connect); tests and migrations replace them with their real database.
    if (!DATABASE_ENV_NAMES.some((n) => env[n]))
        Object.assign(env, placeholderDatabaseEnv());
    // Settings may live under src/ (src layout) or at the scan root: make those importable as manage.py would not.
    const extra = [cwd, (0,external_node_path_.resolve)(cwd, 'src'), ctx.scan.root].filter((p, i, a) => a.indexOf(p) === i && (0,external_node_fs_.existsSync)(p));
    const existing = env.PYTHONPATH ? env.PYTHONPATH.split(':').filter(Boolean) : [];
    env.PYTHONPATH = [...existing, ...extra.filter((p) => !existing.includes(p))].join(':');
    return { cwd, env };
}
/** The last `n` non-empty lines of a traceback/stderr, joined with newlines. */
function lastLines(text, n = 6) {
    return text
        .split(/\r?\n/)
        .filter((l) => l.trim())
        .slice(-n)
        .join('\n');
}
/**
 * A Python traceback as one clause: the exception line (`KeyError: 'DB_PASSWORD'`) and the innermost frame
 * inside the scan root (`at proj/settings.py:12`), where the user's code raised.
 */
function raised(traceback, type, root) {
    const lines = traceback.split(/\r?\n/).filter((l) => l.trim());
    const last = lines.at(-1)?.trim() || type || 'an error';
    let where = '';
    const prefix = root.endsWith(external_node_path_.sep) ? root : root + external_node_path_.sep;
    for (const l of lines) {
        const m = /^\s*File "([^"]+)", line (\d+)/.exec(l);
        if (m && m[1].startsWith(prefix))
            where = `${m[1].slice(prefix.length).split(external_node_path_.sep).join('/')}:${m[2]}`;
    }
    return where ? `${last} (at ${where})` : last;
}
/** Marker line before the helper's JSON on stdout: user code (settings) may print to stdout too. */
const JSON_MARK = '@@django-launch-gate-json@@';
/**
 * Runs `python <script> <args>` with exactly `env` in `cwd` (the run's interpreter, time limit and abort
 * signal); parses the JSON the script prints last, after JSON_MARK.
 */
async function runJsonScript(ctx, script, opts) {
    const run = await runPython({
        python: ctx.options.python,
        cwd: opts.cwd,
        env: opts.env,
        args: [script, ...opts.args],
        timeoutMs: opts.timeoutMs ?? ctx.options.timeoutMs,
        signal: ctx.signal,
    });
    const at = run.stdout.lastIndexOf(JSON_MARK);
    if (at < 0)
        return { run };
    try {
        return { run, data: JSON.parse(run.stdout.slice(at + JSON_MARK.length)) };
    }
    catch {
        return { run };
    }
}
/** Runs `helper.py <args>` for a project with its Django environment; parses the JSON it prints last. */
function runHelper(ctx, project, args, extraEnv = {}) {
    const { cwd, env } = djangoEnv(ctx, project);
    return runJsonScript(ctx, helperPath(), { cwd, env: { ...env, ...extraEnv }, args });
}
/** `20 minutes`, `1.5 minutes`, `3 seconds`. */
function duration(ms) {
    if (ms < 60_000)
        return `${Math.round(ms / 1000)} second${Math.round(ms / 1000) === 1 ? '' : 's'}`;
    const m = Math.round((ms / 60_000) * 10) / 10;
    return `${m} minute${m === 1 ? '' : 's'}`;
}
/**
 * Why a helper run produced nothing usable, as one sentence naming the cause and what to do
 * (interpreter not found, timeout, abort, crash with the last traceback lines).
 */
function describeFailure(ctx, what, run) {
    const py = ctx.options.python;
    if (run.spawnError) {
        if (run.spawnError.code === 'ENOENT')
            return `${py} not found — set the python input / --python to an interpreter that has your requirements installed`;
        if (run.spawnError.code === 'EACCES')
            return `${py} is not executable — set the python input / --python to a Python interpreter`;
        return `${py} could not start (${run.spawnError.message}) — set the python input / --python`;
    }
    if (run.timedOut)
        return `${what} did not finish within ${duration(ctx.options.timeoutMs)} and was killed — raise timeout-minutes / --timeout-minutes or fix the hang`;
    if (run.aborted)
        return `${what} was interrupted`;
    const tail = lastLines(run.stderr || run.stdout);
    return `${what} failed (exit ${run.code ?? 'signal'})${tail ? `:\n${tail}` : ''}`;
}
/**
 * Probes `project` once per run (memoised in ctx.resources, shared by every gate): Python and Django
 * versions, whether Django imports, whether the production settings import, DEBUG and the module used.
 * Never throws: a failure is `{ ok: false, error }` with one clear sentence — python not found, Django not
 * installed for that interpreter, or the settings module raising (with the last traceback lines).
 * A gate with `ok: false` reports status `error` with that text as detail.
 */
function probe(ctx, project) {
    return ctx.resources.once(`django-probe:${project.root}`, async () => {
        const module = project.info.settingsModule;
        if (!module) {
            return { ok: false, error: `no production settings module found for the project in ${project.root || '.'} — name it with the settings-module input / --settings` };
        }
        const { cwd, env } = djangoEnv(ctx, project);
        const py = ctx.options.python;
        const { run, data } = await runHelper(ctx, project, ['probe']);
        if (!data)
            return { ok: false, error: describeFailure(ctx, `probing ${py}`, run) };
        const shownPy = (0,external_node_path_.isAbsolute)(py) ? py : `${py} (${data.executable})`;
        if (!data.django) {
            return {
                ok: false,
                error: `Django is not installed for ${shownPy} — pip install -r requirements.txt before the gate, or set the python input / --python to the interpreter that has it${data.django_error ? ` (${lastLines(data.django_error, 1)})` : ''}`,
            };
        }
        if (!data.settings_ok) {
            return {
                ok: false,
                error: `settings module ${module} raises ${raised(data.settings_error ?? '', data.settings_error_type, ctx.scan.root)} — fix the settings or provide what they need (env input / --env KEY=VALUE)`,
            };
        }
        if (data.setup_ok === false) {
            return {
                ok: false,
                error: `django.setup() with ${module} raises ${raised(data.setup_error ?? '', data.setup_error_type, ctx.scan.root)} — install the project's requirements for ${shownPy} and check INSTALLED_APPS`,
            };
        }
        return {
            ok: true,
            info: {
                python: py,
                executable: data.executable,
                pythonVersion: data.python,
                djangoVersion: data.django,
                settingsModule: data.settings_module ?? module ?? '',
                debug: data.debug ?? 'unknown',
                cwd,
                env,
            },
        };
    });
}


// EXTERNAL MODULE: ./src/gates/gate.ts
var gate = __webpack_require__(96457);
;// CONCATENATED MODULE: ./src/gates/deploy-checks.ts
/**
 * `deploy-checks`: Django's system checks with the deployment checks included (`manage.py check --deploy`),
 * structured through helper.py, per project with production settings. Each check becomes a Finding with
 * Django's ID, located at the settings line of the setting it concerns (or the model/field it names).
 * Warnings count — Django exits 0 on them, this gate does not; silenced checks are kept as notes.
 */



/** Django check IDs → the settings they concern (first one bound in the settings wins). */
const CHECK_SETTINGS = {
    'security.W001': ['MIDDLEWARE'],
    'security.W002': ['MIDDLEWARE'],
    'security.W003': ['MIDDLEWARE'],
    'security.W004': ['SECURE_HSTS_SECONDS'],
    'security.W005': ['SECURE_HSTS_INCLUDE_SUBDOMAINS', 'SECURE_HSTS_SECONDS'],
    'security.W006': ['SECURE_CONTENT_TYPE_NOSNIFF'],
    'security.W007': ['SECURE_BROWSER_XSS_FILTER'],
    'security.W008': ['SECURE_SSL_REDIRECT'],
    'security.W009': ['SECRET_KEY'],
    'security.W010': ['SESSION_COOKIE_SECURE', 'INSTALLED_APPS'],
    'security.W011': ['SESSION_COOKIE_SECURE', 'MIDDLEWARE'],
    'security.W012': ['SESSION_COOKIE_SECURE'],
    'security.W013': ['SESSION_COOKIE_HTTPONLY', 'INSTALLED_APPS'],
    'security.W014': ['SESSION_COOKIE_HTTPONLY', 'MIDDLEWARE'],
    'security.W015': ['SESSION_COOKIE_HTTPONLY'],
    'security.W016': ['CSRF_COOKIE_SECURE'],
    'security.W017': ['CSRF_COOKIE_HTTPONLY'],
    'security.W018': ['DEBUG'],
    'security.W019': ['X_FRAME_OPTIONS'],
    'security.W020': ['ALLOWED_HOSTS'],
    'security.W021': ['SECURE_HSTS_PRELOAD', 'SECURE_HSTS_SECONDS'],
    'security.W022': ['SECURE_REFERRER_POLICY'],
    'security.E023': ['SECURE_REFERRER_POLICY'],
    'security.E024': ['SECURE_CROSS_ORIGIN_OPENER_POLICY'],
    'security.W024': ['SECRET_KEY_FALLBACKS'],
    'security.W025': ['SECRET_KEY_FALLBACKS'],
    'security.E100': ['DEFAULT_HASHING_ALGORITHM'],
    'security.E101': ['CSRF_FAILURE_VIEW'],
    'security.E102': ['CSRF_FAILURE_VIEW'],
    'staticfiles.E001': ['STATICFILES_DIRS'],
    'staticfiles.E002': ['STATICFILES_DIRS'],
    'staticfiles.E003': ['STATICFILES_DIRS'],
    'staticfiles.W004': ['STATICFILES_DIRS'],
    'staticfiles.E005': ['STATICFILES_DIRS'],
    'caches.E001': ['CACHES'],
    'caches.W002': ['CACHES', 'STATIC_ROOT', 'MEDIA_ROOT'],
    'caches.W003': ['CACHES'],
    'templates.E001': ['TEMPLATES'],
    'templates.E002': ['TEMPLATES'],
    'templates.E003': ['TEMPLATES'],
    'templates.W003': ['TEMPLATES'],
    'translation.E001': ['LANGUAGE_CODE'],
    'translation.E002': ['LANGUAGES'],
    'translation.E003': ['LANGUAGES_BIDI'],
    'translation.E004': ['LANGUAGE_CODE', 'LANGUAGES'],
    'urls.E004': ['ROOT_URLCONF'],
    'urls.E006': ['STATIC_URL', 'MEDIA_URL'],
    'urls.E007': ['ROOT_URLCONF'],
    'urls.E008': ['ROOT_URLCONF'],
    'urls.W001': ['ROOT_URLCONF'],
    'urls.W002': ['ROOT_URLCONF'],
    'urls.W003': ['ROOT_URLCONF'],
    'urls.W005': ['ROOT_URLCONF'],
    'async.E001': ['DJANGO_ALLOW_ASYNC_UNSAFE'],
    'admin.E401': ['INSTALLED_APPS'],
    'admin.E402': ['INSTALLED_APPS'],
    'admin.E403': ['TEMPLATES'],
    'admin.E404': ['TEMPLATES'],
    'admin.E405': ['INSTALLED_APPS'],
    'admin.E406': ['INSTALLED_APPS'],
    'admin.W411': ['TEMPLATES'],
    'admin.E408': ['MIDDLEWARE'],
    'admin.E409': ['MIDDLEWARE'],
    'admin.E410': ['MIDDLEWARE'],
    'auth.E009': ['AUTH_USER_MODEL'],
    'models.W042': ['DEFAULT_AUTO_FIELD'],
    'database.W002': ['DATABASES'],
    'mysql.W002': ['DATABASES'],
    'sessions.W001': ['SESSION_ENGINE'],
};
/** Django's levels (by name, as helper.py reports them) → ours. */
function levelOf(djangoLevel) {
    switch (djangoLevel) {
        case 'CRITICAL':
        case 'ERROR':
            return 'error';
        case 'WARNING':
            return 'warning';
        default:
            return 'note';
    }
}
/** A path the helper reported (absolute) as a scan-root-relative location, or undefined outside the root. */
function relativeToRoot(root, file) {
    if (!(0,external_node_path_.isAbsolute)(file))
        return undefined;
    const rel = (0,external_node_path_.relative)(root, file);
    if (!rel || rel.startsWith('..') || (0,external_node_path_.isAbsolute)(rel))
        return undefined;
    return rel.split(external_node_path_.sep).join('/');
}
/** Where a check points: the model/field source, else the settings line of its setting, else the anchor. */
function locate(ctx, project, m) {
    if (m.file && m.line) {
        const rel = relativeToRoot(ctx.scan.root, m.file);
        if (rel)
            return { file: rel, line: m.line };
    }
    const s = project.production;
    for (const name of CHECK_SETTINGS[m.id] ?? []) {
        const b = s.bindings.get(name);
        if (b)
            return { ...b.location };
    }
    return s.anchor ? { ...s.anchor } : { file: s.file, line: 1 };
}
function messageOf(m, settingsModule) {
    let text = m.message.trim();
    if (m.obj)
        text = `${m.obj}: ${text}`;
    if (m.hint)
        text += ` HINT: ${m.hint.trim()}`;
    if (m.silenced)
        text += ` (silenced by SILENCED_SYSTEM_CHECKS in ${settingsModule})`;
    return text;
}
async function checkProject(ctx, project) {
    const p = await probe(ctx, project);
    if (!p.ok)
        return { findings: [], detail: '', error: p.error };
    const { run, data } = await runHelper(ctx, project, ['checks', '--deploy']);
    if (!data)
        return { findings: [], detail: '', error: describeFailure(ctx, `Django's system checks for ${project.info.settingsModule}`, run) };
    const findings = data.messages.map((m) => ({
        ruleId: m.id,
        gate: 'deploy-checks',
        level: m.silenced ? 'note' : levelOf(m.level),
        message: messageOf(m, data.settings_module),
        location: locate(ctx, project, m),
    }));
    const where = project.root ? ` (${project.root})` : '';
    const counts = `${findings.length} check${findings.length === 1 ? '' : 's'} reported${data.silenced.length ? `, ${data.messages.filter((m) => m.silenced).length} silenced` : ''}`;
    return {
        findings,
        detail: `${data.settings_module}${where} with DEBUG=${data.debug} on Django ${data.django}, ${p.info.executable} (Python ${p.info.pythonVersion}): ${counts}`,
    };
}
const deployChecksGate = {
    name: 'deploy-checks',
    run: (ctx) => (0,gate/* runPerProject */.Kt)('deploy-checks', ctx, (p) => checkProject(ctx, p), { none: 'no project with production settings to check' }),
};

;// CONCATENATED MODULE: ./src/gates/collectstatic.ts
/**
 * `collectstatic`: `collectstatic --noinput` into a temporary STATIC_ROOT with DEBUG=False and the production
 * static files storage (helper.py), then every `{% static '…' %}` literal in the templates checked against
 * the manifest — what production renders. ManifestStaticFilesStorage errors ("The file 'css/x.css' could not
 * be found", "Missing staticfiles manifest entry") become `launch.E221` at the CSS/template naming the file,
 * else at the settings line of the static files storage / STATIC_ROOT. The temporary folder is removed.
 */






/** Django's message without object reprs (`<…Storage object at 0x…>`) and tracebacks: one or two sentences. */
function clean(message) {
    const first = message.split(/\n\s*\n/)[0].replace(/\s+/g, ' ').trim();
    return first.replace(/ with <[^>]*>/g, '').replace(/\.$/, '');
}
function settingsLocation(project) {
    const s = project.production;
    for (const name of ['STORAGES', 'STATICFILES_STORAGE', 'STATIC_ROOT', 'STATICFILES_DIRS']) {
        const b = s.bindings.get(name);
        if (b)
            return { ...b.location };
    }
    return s.anchor ? { ...s.anchor } : { file: s.file, line: 1 };
}
/** The setting a Django error names ("…the required STATIC_URL setting"), if any. */
function namedSetting(message) {
    return /\b([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+) setting\b/.exec(message)?.[1];
}
function findingOf(ctx, project, e, storage) {
    const rel = e.file ? relativeToRoot(ctx.scan.root, e.file) : undefined;
    const location = rel ? { file: rel, line: e.line ?? 1 } : settingsLocation(project);
    const short = storage.split('.').pop() ?? storage;
    let message;
    let fix;
    if (e.template && e.missing) {
        message = `{% static '${e.missing}' %} names a file that collectstatic did not collect: with DEBUG=False and ${short}, rendering this template raises ValueError (${clean(e.message)}).`;
        fix = `Add ${e.missing} to a static folder (an app's static/ or STATICFILES_DIRS), or correct the name in the {% static %} tag.`;
    }
    else if (e.missing) {
        message = `collectstatic --noinput fails with ${short}: ${clean(e.message)}${rel ? ', referenced here' : ''} — the deploy stops before any static file is served.`;
        fix = `Add ${e.missing} to a static folder, or correct the url() that names it${rel ? ' here' : ''}.`;
    }
    else {
        message = `collectstatic --noinput fails with ${short} and DEBUG=False: ${e.type}: ${clean(e.message)}.`;
        // Not a missing file: a setting (STATIC_URL, STORAGES…) or the storage itself, which Django's message names.
        const setting = namedSetting(e.message);
        fix = setting
            ? `Set or correct ${setting} in the production settings, so collectstatic --noinput succeeds with DEBUG=False.`
            : `Fix what collectstatic reports (${e.type}) in the production settings or the storage, so collectstatic --noinput succeeds with DEBUG=False.`;
    }
    return { ruleId: 'launch.E221', gate: 'collectstatic', level: 'error', message, location, fix };
}
async function collectProject(ctx, project) {
    const p = await probe(ctx, project);
    if (!p.ok)
        return { findings: [], detail: '', error: p.error };
    const root = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'dlg-static-'));
    try {
        const { run, data } = await runHelper(ctx, project, ['collectstatic', '--static-root', root]);
        if (!data)
            return { findings: [], detail: '', error: describeFailure(ctx, `collectstatic for ${project.info.settingsModule}`, run) };
        const where = project.root ? ` (${project.root})` : '';
        if (data.skipped)
            return { findings: [], detail: `${p.info.settingsModule}${where}: not run — ${data.skipped}`, skipped: true };
        const storage = data.storage ?? 'the static files storage';
        const findings = data.errors.map((e) => findingOf(ctx, project, e, storage));
        const what = data.errors.length && data.collected === undefined
            ? 'collectstatic failed'
            : `${data.collected ?? 0} files collected${data.manifest ? `, ${data.references ?? 0} {% static %} references checked against the manifest` : ''}`;
        return {
            findings,
            detail: `${p.info.settingsModule}${where} with DEBUG=False, ${storage.split('.').pop()} on Django ${p.info.djangoVersion}: ${what}`,
        };
    }
    finally {
        (0,external_node_fs_.rmSync)(root, { recursive: true, force: true });
    }
}
const collectstaticGate = {
    name: 'collectstatic',
    run: (ctx) => (0,gate/* runPerProject */.Kt)('collectstatic', ctx, (p) => collectProject(ctx, p), { none: 'no project with production settings' }),
};

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:string_decoder"
var external_node_string_decoder_ = __webpack_require__(46193);
;// CONCATENATED MODULE: ./src/gates/history-git.ts
/**
 * The history gate's edge: git processes, a fixed number whatever the history's size — `gitOutput` for the
 * small questions (rev-parse, ls-files); ONE `git log --all --raw` stream over every ref, parsed line by line
 * as it arrives (`RawLogParser`); two `git cat-file` processes for the contents of the file versions that
 * matter (`readBlobs`). Never a process per commit, never the whole output in memory.
 */


/**
 * The files worth reading in the history, relative to the scanned folder, case-insensitive: Python settings
 * and config modules, env files, deploy files. Matched here, not by git pathspecs: git matches every glob
 * pathspec against every changed path of every commit, which made one `git log -p` with these ~40 globs take
 * 12 s on baserow's 3,465 commits and 39 s on awx's 47,000, where the whole `--raw` log takes 0.4 s and 2 s.
 */
const HISTORY_FILE = new RegExp([
    '(^|/)[^/]*settings[^/]*\\.py$', // settings.py, local_settings.py, test_settings.py
    '(^|/)settings/(.+/)?[^/]+\\.py$', // settings/base.py, settings/prod/db.py
    '(^|/)local_settings[^/]*$',
    '(^|/)[^/]*config[^/]*\\.py$',
    '(^|/)[^/]*secret[^/]*\\.py$',
    '(^|/)gunicorn[^/]*\\.py$',
    '(^|/)\\.env$',
    '(^|/)[^/]+\\.env$',
    '(^|/)\\.env\\.[^/]+$',
    '(^|/)(dockerfile|containerfile)[^/]*$',
    '\\.dockerfile$',
    '(^|/)(docker-)?compose[^/]*\\.ya?ml$',
    '(^|/)procfile[^/]*$',
    '\\.service$',
    '\\.sh$',
    '(^|/)uwsgi[^/]*\\.ini$',
    '(^|/)(deploy|deployment|deployments|k8s|kubernetes|helm|charts|\\.do)/(.+/)?[^/]+\\.ya?ml$',
    '(^|/)(app\\.json|app\\.yaml|fly\\.toml|render\\.yaml|heroku\\.yml)$',
].join('|'), 'i');
/** Third-party code checked in (a virtualenv, vendored packages): not the project's secrets. */
const VENDORED = /(^|\/)(node_modules|site-packages|dist-packages|bower_components|vendor|vendored|third[_-]party|\.venv|venv|virtualenv|\.tox)\//i;
function isHistoryFile(path) {
    return HISTORY_FILE.test(path) && !VENDORED.test(path);
}
/** Config that would change what git prints; set on every call so a user's git config cannot. */
const GIT_CONFIG = [
    '-c', 'core.quotePath=false',
    '-c', 'diff.relative=false',
    '-c', 'log.showRoot=true',
    '-c', 'log.showSignature=false',
    '-c', 'core.pager=cat',
];
/**
 * `git log` for the gate: every commit on every ref (HEAD included), each with the files it changed and their
 * blob IDs before and after (abbreviated, as `%h` is: unique at the time) — no patches, no history simplification, limited to the scanned folder
 * (`pathspec`: '.' below the repository's top, none at it). One stream for the whole history.
 */
function logArgs(pathspec) {
    return [
        ...GIT_CONFIG,
        'log',
        '--all',
        '--full-history',
        '--no-merges',
        '--raw',
        '--no-renames',
        '--no-color',
        '--format=%x00%h%x00%ct',
        ...(pathspec ? ['--', pathspec] : []),
    ];
}
class GitMissingError extends Error {
    name = 'GitMissingError';
}
function gitEnv(env) {
    const out = {};
    for (const [k, v] of Object.entries(env))
        if (v !== undefined)
            out[k] = v;
    // messages in English (the gate reads "not a git repository"), no pager, no prompt, no index refresh writes
    return { ...out, LC_ALL: 'C', LANGUAGE: 'C', GIT_PAGER: 'cat', GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0' };
}
/**
 * Runs git with `args`; every stdout chunk goes to `onData` as it arrives. Rejects with GitMissingError when
 * git is not installed, and kills git on abort or after `timeoutMs`.
 */
function spawnGit(args, run, onData, input) {
    return new Promise((resolve, reject) => {
        let child;
        try {
            child = (0,external_node_child_process_.spawn)('git', args, { cwd: run.cwd, env: gitEnv(run.env), stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
        }
        catch (e) {
            reject(e);
            return;
        }
        let stderr = '';
        let failure;
        if (input !== undefined && child.stdin) {
            child.stdin.on('error', () => { }); // git exited early: its exit code and stderr say why
            child.stdin.end(input);
        }
        const kill = (why) => {
            failure ??= why;
            child.kill('SIGKILL');
        };
        const onAbort = () => kill(new Error('interrupted'));
        run.signal.addEventListener('abort', onAbort, { once: true });
        const timer = setTimeout(() => kill(new Error(`git ${args.find((a) => !a.startsWith('-') && !a.includes('=')) ?? ''} took longer than ${Math.round(run.timeoutMs / 60_000)} minutes (timeout-minutes)`)), run.timeoutMs);
        child.stdout.on('data', (chunk) => {
            if (failure)
                return;
            try {
                onData(chunk);
            }
            catch (e) {
                kill(e instanceof Error ? e : new Error(String(e)));
            }
        });
        child.stderr.on('data', (chunk) => {
            if (stderr.length < 8192)
                stderr += chunk.toString('utf8');
        });
        child.on('error', (e) => {
            clearTimeout(timer);
            run.signal.removeEventListener('abort', onAbort);
            reject(e.code === 'ENOENT' ? new GitMissingError('git is not installed (not on PATH) — install git on the runner, or run without the history gate') : e);
        });
        child.on('close', (code) => {
            clearTimeout(timer);
            run.signal.removeEventListener('abort', onAbort);
            if (failure)
                reject(failure);
            else
                resolve({ code, stderr });
        });
    });
}
/** A small git command's whole stdout. */
async function gitOutput(args, run) {
    const chunks = [];
    const r = await spawnGit([...GIT_CONFIG, ...args], run, (c) => chunks.push(c));
    return { ...r, stdout: Buffer.concat(chunks).toString('utf8') };
}
/**
 * Incremental parser of `git log --raw --no-abbrev --format=%x00%h%x00%ct`: feed it chunks, it calls the sink
 * line by line. A line starting with NUL is a commit header; `:` starts a raw diff line
 * (`:100644 100644 <old> <new> M<TAB><path>`, the path C-quoted when git quotes it).
 */
class RawLogParser {
    sink;
    decoder = new external_node_string_decoder_.StringDecoder('utf8');
    rest = '';
    constructor(sink) {
        this.sink = sink;
    }
    push(chunk) {
        const text = this.rest + (typeof chunk === 'string' ? chunk : this.decoder.write(chunk));
        let start = 0;
        for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
            this.onLine(text.slice(start, nl));
            start = nl + 1;
        }
        this.rest = text.slice(start);
    }
    end() {
        const tail = this.rest + this.decoder.end();
        this.rest = '';
        if (tail)
            this.onLine(tail);
    }
    onLine(line) {
        if (line.charCodeAt(0) === 0) {
            const [, sha, at] = line.split('\0');
            this.sink.commit(sha, Number(at) || 0);
            return;
        }
        if (line.charCodeAt(0) !== 58 /* : */)
            return;
        const tab = line.indexOf('\t');
        if (tab === -1)
            return;
        const [modeA, modeB, a, b] = line.slice(1, tab).split(' ');
        if (b === undefined)
            return;
        const raw = line.slice(tab + 1);
        const path = raw.startsWith('"') ? cString(raw, 0)?.value : raw;
        if (path === undefined)
            return;
        const blob = (mode, oid) => (/^1006[0-7]{2}$/.test(mode) && !/^0+\.*$/.test(oid) ? oid.replace(/\.+$/, '') : null);
        this.sink.change(path, blob(modeA, a), blob(modeB, b));
    }
}
/**
 * Reads blobs with two `git cat-file` processes whatever their number: `--batch-check` for the sizes, then
 * `--batch` for the contents of those of at most `maxBytes` — each handed to `onBlob` as it arrives, never all
 * in memory. Resolves with the IDs it did not read (too large, missing).
 */
async function readBlobs(oids, run, maxBytes, onBlob) {
    if (oids.length === 0)
        return { tooLarge: 0, missing: 0 };
    let checked = '';
    // `<id> <id>`: %(rest) gives back the ID as the log abbreviated it, the key the caller knows it by
    const input = oids.map((o) => `${o} ${o}`).join('\n') + '\n';
    const check = await spawnGit([...GIT_CONFIG, 'cat-file', '--batch-check=%(rest) %(objecttype) %(objectsize)', '--buffer'], run, (c) => (checked += c.toString('latin1')), input);
    if (check.code !== 0)
        throw new Error(`git cat-file --batch-check failed: ${check.stderr.trim().split('\n')[0] ?? `exit ${check.code}`}`);
    const wanted = [];
    let tooLarge = 0;
    let missing = 0;
    for (const l of checked.split('\n')) {
        const [oid, type, size] = l.split(' ');
        if (!oid)
            continue;
        if (type !== 'blob')
            missing++;
        else if (Number(size) > maxBytes)
            tooLarge++;
        else
            wanted.push(oid);
    }
    if (wanted.length === 0)
        return { tooLarge, missing };
    const parser = new BatchParser(onBlob);
    const batch = await spawnGit([...GIT_CONFIG, 'cat-file', '--batch=%(rest) %(objecttype) %(objectsize)', '--buffer'], run, (c) => parser.push(c), wanted.map((o) => `${o} ${o}`).join('\n') + '\n');
    if (batch.code !== 0)
        throw new Error(`git cat-file --batch failed: ${batch.stderr.trim().split('\n')[0] ?? `exit ${batch.code}`}`);
    return { tooLarge, missing };
}
/** `git cat-file --batch` output: `<id> <type> <size>\n<size bytes>\n` (`<id> missing\n`), repeated; chunk boundaries anywhere. */
class BatchParser {
    onBlob;
    chunks = [];
    length = 0;
    current;
    constructor(onBlob) {
        this.onBlob = onBlob;
    }
    push(chunk) {
        this.chunks.push(chunk);
        this.length += chunk.length;
        for (;;) {
            if (!this.current) {
                const buf = this.flat();
                const nl = buf.indexOf(10);
                if (nl === -1)
                    return;
                const [oid, type, size] = buf.subarray(0, nl).toString('latin1').split(' ');
                this.take(nl + 1);
                if (type === 'missing' || size === undefined)
                    continue;
                this.current = { oid, size: Number(size) };
            }
            if (this.length < this.current.size + 1)
                return;
            const buf = this.flat();
            this.onBlob(this.current.oid, buf.subarray(0, this.current.size));
            this.take(this.current.size + 1);
            this.current = undefined;
        }
    }
    flat() {
        if (this.chunks.length > 1)
            this.chunks = [Buffer.concat(this.chunks, this.length)];
        return this.chunks[0] ?? Buffer.alloc(0);
    }
    take(n) {
        const buf = this.flat().subarray(n);
        this.chunks = buf.length ? [buf] : [];
        this.length = buf.length;
    }
}
/** A C-style quoted string at `s[i]` as git writes paths: \t \n \" \\ and octal bytes (UTF-8). */
function cString(s, i) {
    if (s[i] !== '"')
        return undefined;
    const bytes = [];
    for (let j = i + 1; j < s.length; j++) {
        const c = s[j];
        if (c === '"')
            return { value: Buffer.from(bytes).toString('utf8'), end: j + 1 };
        if (c === '\\') {
            const n = s[j + 1];
            if (/[0-7]/.test(n)) {
                bytes.push(parseInt(s.slice(j + 1, j + 4), 8));
                j += 3;
                continue;
            }
            const map = { n: 10, t: 9, r: 13, a: 7, b: 8, f: 12, v: 11, '"': 34, '\\': 92 };
            bytes.push(map[n] ?? n.charCodeAt(0));
            j++;
            continue;
        }
        bytes.push(...Buffer.from(c, 'utf8'));
    }
    return undefined;
}

// EXTERNAL MODULE: ./src/project/secret-values.ts
var secret_values = __webpack_require__(6204);
;// CONCATENATED MODULE: ./src/gates/history-secrets.ts
/**
 * What counts as a secret on one line of a settings, .env or deploy file — the history gate's detector, pure
 * and line by line (a git diff hands it lines, not files). Precision first: a false alarm costs as much as a
 * miss, so a value is a secret only when the line says what it is (a secret-named variable or key, a URL's
 * password, an AWS key ID with its secret next to it) AND the value looks like one. Dropped, after gitleaks'
 * own allowlists (generic-api-key, the global allowlist): references and templates (`${VAR}`, `$VAR`,
 * `{{ x }}`, `<your-key>`, `os.environ[...]`), placeholders (`changeme`, `your-secret-key`, `xxx`, `example`),
 * values under 8 characters, values of letters alone (`postgres`, `mysecretpassword` — gitleaks' "must have
 * more than letters" rule), a dictionary word with digits (`admin123`, `P@ssw0rd!`), digits alone, paths,
 * dotted Python paths and URLs without a password. `django-insecure-` keys are secrets like any other.
 */


function fileKind(path) {
    const base = path.slice(path.lastIndexOf('/') + 1);
    if (/\.py$/i.test(base))
        return 'python';
    if (/^(Dockerfile|Containerfile)|\.dockerfile$/i.test(base))
        return 'dockerfile';
    return 'text';
}
/** `.env`, `prod.env`, `.env.production`… */
function isEnvFile(path) {
    const base = path.slice(path.lastIndexOf('/') + 1);
    return base === '.env' || /^\.env\./i.test(base) || /^[^/]+\.env$/i.test(base);
}
/**
 * An env file meant to be shared (a template to copy, test or development values): tracking it is the
 * convention, so it is reported only when it holds a secret.
 */
function isShareableEnvFile(path) {
    const base = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
    const words = base.split(/[._-]+/).filter(Boolean);
    return words.some((w) => SHAREABLE_ENV_WORDS.has(w));
}
const SHAREABLE_ENV_WORDS = new Set(['example', 'examples', 'sample', 'samples', 'template', 'tpl', 'dist', 'defaults', 'default', 'test', 'tests', 'testing', 'ci', 'dev', 'development', 'demo']);
/**
 * A development, test or example file by its folders or its name (`settings/dev.py`, `test_settings.py`,
 * `docker-compose.override.yml`, `.env.example`, `tests/…`). `local_settings.py`/`settings_local.py` are not:
 * they are the classic production override module. A secret only ever in such files is reported as a note.
 */
function isDevPath(path) {
    const parts = path.toLowerCase().split('/');
    const base = parts.pop() ?? '';
    if (parts.some((p) => p.split(/[._-]+/).some((w) => DEV_DIR_WORDS.has(w))))
        return true;
    if (/^(docker-)?compose\.override\.ya?ml$/.test(base))
        return true;
    // local_settings.py / settings_local.py: 'local' is the production override's name there, not a dev word
    const overrideModule = /^(local_settings|settings_local)/.test(base);
    return base.split(/[._-]+/).some((w) => DEV_NAME_WORDS.has(w) && !(overrideModule && w === 'local'));
}
const DEV_DIR_WORDS = new Set(['test', 'tests', 'testing', 'e2e', 'example', 'examples', 'sample', 'samples', 'fixtures', 'doc', 'docs', 'demo', 'demos', 'sandbox', 'playground', 'devcontainer', 'dev', 'development']);
const DEV_NAME_WORDS = new Set(['dev', 'devel', 'develop', 'development', 'local', 'test', 'tests', 'testing', 'ci', 'e2e', 'example', 'examples', 'sample', 'samples', 'template', 'tpl', 'dist', 'demo', 'sandbox']);
/** `clientSecret` / `db-password` / `spring.datasource.password` → `CLIENT_SECRET`, `DB_PASSWORD`, `PASSWORD`. */
function normalizeName(raw) {
    const last = raw.slice(raw.lastIndexOf('.') + 1);
    return last.replace(/([a-z0-9])([A-Z])/g, '$1_$2').replace(/-+/g, '_').toUpperCase();
}
/** The kind of secret a variable or key named so holds, or undefined when the name says nothing. */
function classifyName(raw) {
    const n = normalizeName(raw);
    if (/^(DJANGO_)?SECRET_KEY(_FALLBACKS)?$/.test(n))
        return 'secret-key';
    if (/(^|_)SECRET_ACCESS_KEY$/.test(n))
        return 'aws-secret';
    if (/^(\w+_)?(PASSWORD|PASSWD)$/.test(n) || /^\w+_(PASS|PWD)$/.test(n))
        return 'password';
    if (/^(\w+_)?SECRET(_KEY)?$/.test(n))
        return 'secret';
    if (/^(\w+_)?TOKEN$/.test(n) && !/(^|_)(CSRF|XSRF|PUBLIC|PUBLISHABLE)_TOKEN$/.test(n))
        return 'token';
    return undefined;
}
/** AWS access key ID (long-term user keys); the AWS documentation's own examples end in EXAMPLE. */
const AWS_KEY_ID = /\b(AKIA[0-9A-Z]{16})\b/g;
/** A 40-character AWS secret access key, as a token of its own. */
const AWS_SECRET_TOKEN = /(?<![A-Za-z0-9/+=])([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])/g;
function looksAwsSecret(v) {
    return /^[A-Za-z0-9/+]{40}$/.test(v) && /[a-z]/.test(v) && /[A-Z]/.test(v) && /[0-9]/.test(v) && (0,secret_values/* entropy */.Ue)(v) >= 4 && !/example/i.test(v);
}
/** A URL with a password: `scheme://user:PASSWORD@host` (the user may be empty: `redis://:PASSWORD@host`). */
const URL_WITH_PASSWORD = /\b([a-z][a-z0-9+.-]{1,30}):\/\/([^\s:@/'"`<>]*):([^\s@/'"`<>]+)@([A-Za-z0-9._-]+)/gi;
const DATABASE_SCHEMES = /^(postgres|postgresql|postgis|pgsql|psql|mysql|mysql2|mysqlgis|mariadb|oracle|mssql|sqlserver|redshift|cockroachdb|timescale|mongodb|mongodb\+srv|redis|rediss|amqp|amqps|memcache|pymemcache)(\+[\w]+)?$/i;
const PLACEHOLDER_HOST = /^(example\.(com|org|net)|[\w.-]+\.example(\.com)?|host|hostname|your[-_]?host|server|domain|db_host)$/i;
function decodeSafe(s) {
    try {
        return decodeURIComponent(s);
    }
    catch {
        return s;
    }
}
/** Every URL password on the line that looks like a real one. */
function urlPasswords(line) {
    const out = [];
    const setting = /([A-Za-z_]\w*)["']?\s*[:=]\s*["']?[a-z][\w+.-]*:\/\//i.exec(line)?.[1];
    for (const m of line.matchAll(URL_WITH_PASSWORD)) {
        const [, scheme, , raw, host] = m;
        if (PLACEHOLDER_HOST.test(host))
            continue;
        const value = decodeSafe(raw);
        if (!(0,secret_values/* looksSecret */.n0)(value))
            continue;
        const kind = /sentry/i.test(host) ? 'sentry-dsn' : DATABASE_SCHEMES.test(scheme) ? 'database-url' : 'url-password';
        out.push({ kind, name: `${scheme.toLowerCase()}://`, value, ...(raw !== value ? { raw } : {}), ...(setting ? { setting } : {}) });
    }
    return out;
}
/** A name followed by `=` or `:` (quoted or not), anywhere on the line. */
const ASSIGNMENT = /(?<![\w$.-])(["']?)([A-Za-z_][\w.-]*)\1[ \t]*(=|:)/g;
/** Python: the string literal at `s[i]` (optional r/b/u/f prefix); its value and the index after it. */
function pythonString(s, i) {
    const m = /^([rRbBuUfF]{0,2})(['"])/.exec(s.slice(i, i + 3));
    if (!m)
        return undefined;
    const prefix = m[1].toLowerCase();
    const q = m[2];
    let j = i + m[0].length;
    if (s.startsWith(q.repeat(2), j)) {
        // '' (empty) or a triple-quoted string: neither holds a one-line secret we can read
        return { value: '', end: j + 2, fstring: false };
    }
    let value = '';
    const raw = prefix.includes('r');
    for (; j < s.length; j++) {
        const c = s[j];
        if (c === '\\' && j + 1 < s.length) {
            const n = s[j + 1];
            value += raw ? c + n : n === 'n' ? '\n' : n === 't' ? '\t' : n === '\\' || n === q || n === "'" || n === '"' ? n : c + n;
            j++;
            continue;
        }
        if (c === q)
            return { value, end: j + 1, fstring: prefix.includes('f') };
        value += c;
    }
    return undefined;
}
/** Environment reads whose second argument (or default=) is the value used when the variable is unset. */
const ENV_READ_WITH_DEFAULT = /^(?:[\w.]*\.)?(?:getenv|get|setdefault|env|str|config|get_env|get_env_variable|get_env_setting|get_secret)\(\s*(['"])[^'"\n]*\1\s*,\s*(?:default\s*=\s*)?/;
/** Python: the string literals on a line inside an open list, and whether the list closes on it. */
function listContinuation(s) {
    const values = [];
    let depth = 1;
    for (let j = 0; j < s.length;) {
        const c = s[j];
        if (c === '#')
            break;
        const l = pythonString(s, j);
        if (l) {
            if (!(l.fstring && l.value.includes('{')))
                values.push(l.value);
            j = l.end;
            continue;
        }
        if (c === '[' || c === '(' || c === '{')
            depth++;
        if (c === ']' || c === ')' || c === '}')
            depth--;
        if (depth === 0)
            return { values, closed: true };
        j++;
    }
    return { values, closed: false };
}
/** Python: the string literals an assignment's right-hand side gives (a literal, a list of them, an env read's default). */
function pythonValues(s, i) {
    while (s[i] === ' ' || s[i] === '\t')
        i++;
    const lit = pythonString(s, i);
    if (lit) {
        if (lit.fstring && /\{/.test(lit.value))
            return { values: [] };
        // "abc" % x, "abc".format(), "abc" + x: computed, not the literal
        const after = s.slice(lit.end).trimStart();
        if (/^([%+*.[]|if\b)/.test(after))
            return { values: [] };
        return { values: [lit.value] };
    }
    if (s[i] === '[' || s[i] === '(') {
        const r = listContinuation(s.slice(i + 1));
        return { values: r.values, open: !r.closed };
    }
    const env = ENV_READ_WITH_DEFAULT.exec(s.slice(i));
    if (env) {
        const d = pythonString(s, i + env[0].length);
        if (d && !(d.fstring && d.value.includes('{')))
            return { values: [d.value] };
    }
    return { values: [] };
}
/** Other files (.env, YAML, shell, Dockerfile, systemd, TOML, JSON): the value written after `=`/`:`. */
function textValue(s, i) {
    while (s[i] === ' ' || s[i] === '\t')
        i++;
    const c = s[i];
    if (c === undefined)
        return undefined;
    let v;
    if (c === '"' || c === "'") {
        const end = s.indexOf(c, i + 1);
        if (end === -1)
            return undefined;
        v = s.slice(i + 1, end);
    }
    else {
        // YAML block scalars, anchors, aliases, tags (!Ref, !vault), flow collections; a comment
        if (/[|>&*!{[#]/.test(c))
            return undefined;
        v = (/^[^\s]+/.exec(s.slice(i))?.[0] ?? '').replace(/[,;"']+$/, '');
    }
    // compose/shell substitution with a default: ${VAR:-default} / ${VAR-default} — the default is a literal
    const sub = /^\$\{\w+:?[-=]([^}]*)\}$/.exec(v);
    return sub ? sub[1] : v;
}
/**
 * Scans the lines of one file (or of one file's diff) in order. `line(text, changed)` takes every line —
 * unchanged context lines too, so a Python list opened on a context line is followed — and returns what the
 * changed ones hold. Call `reset()` where the lines stop being consecutive (a new diff hunk).
 */
class LineScanner {
    path;
    kind;
    /** Python: a secret-named list left open (`SECRET_KEY_FALLBACKS = [` … `]`). */
    openList;
    /** YAML/JSON env entries: `- name: DB_PASSWORD` on the line before `value: …`. */
    pendingName;
    /** AWS: key IDs and bare 40-character tokens of the last few lines, to pair them. */
    recentIds = [];
    recentTokens = [];
    index = 0;
    constructor(path) {
        this.path = path;
        this.kind = fileKind(path);
    }
    reset() {
        this.openList = undefined;
        this.pendingName = undefined;
        this.recentIds = [];
        this.recentTokens = [];
    }
    line(text, changed) {
        this.index++;
        const s = text.length > 8192 ? text.slice(0, 8192) : text;
        const out = [];
        if (this.kind === 'python' && this.openList) {
            const list = this.openList;
            const r = listContinuation(s);
            if (changed)
                for (const v of r.values)
                    if ((0,secret_values/* looksSecret */.n0)(v))
                        out.push({ kind: list.kind, name: list.name, value: v });
            if (r.closed)
                this.openList = undefined;
            return out;
        }
        if (this.pendingName) {
            const v = /^\s*["']?value["']?\s*:\s*(.*)$/.exec(s);
            if (v) {
                const value = textValue(v[1], 0);
                if (changed && value !== undefined && this.accept(this.pendingName.kind, value))
                    out.push({ kind: this.pendingName.kind, name: this.pendingName.name, value });
                this.pendingName = undefined;
            }
            else if (--this.pendingName.ttl <= 0)
                this.pendingName = undefined;
        }
        // cheap filter: most lines name no secret, hold no URL and no AWS key
        if (!/secret|pass|pwd|token|:\/\/|AKIA|[A-Za-z0-9/+]{40}/i.test(s))
            return out;
        // the secret scanners' own "not a secret" markers (gitleaks, detect-secrets)
        if (/gitleaks:allow|pragma:\s*allowlist[ -]secret/i.test(s))
            return out;
        if (changed)
            out.push(...urlPasswords(s));
        const envName = /^\s*-?\s*["']?name["']?\s*:\s*["']?([A-Za-z_][\w.-]*)["']?\s*,?\s*$/.exec(s);
        if (envName && this.kind !== 'python') {
            const kind = classifyName(envName[1]);
            if (kind)
                this.pendingName = { name: envName[1], kind, ttl: 2 };
        }
        // Dockerfile `ENV NAME value` (the old form without `=`)
        const dockerEnv = this.kind === 'dockerfile' ? /^\s*ENV\s+([A-Za-z_]\w*)\s+([^=\s][^\n]*)$/i.exec(s) : null;
        if (dockerEnv && changed) {
            const kind = classifyName(dockerEnv[1]);
            const value = textValue(dockerEnv[2].trim(), 0);
            if (kind && value !== undefined && this.accept(kind, value))
                out.push({ kind, name: dockerEnv[1], value });
        }
        for (const m of s.matchAll(ASSIGNMENT)) {
            const [whole, quote, name, op] = m;
            const at = m.index + whole.length;
            if (op === '=' && s[at] === '=')
                continue;
            // the variable of a substitution, not an assignment: ${NAME:-default}, ${NAME=default}
            if (s.slice(Math.max(0, m.index - 2), m.index).endsWith('${'))
                continue;
            if (op === ':' && (s[at] === ':' || s[at] === '=' || s[at] === '/'))
                continue;
            const kind = classifyName(name);
            if (!kind)
                continue;
            if (this.kind === 'python') {
                // an unquoted name before ':' is an annotation or a slice, not a dict key
                if (op === ':' && !quote)
                    continue;
                const r = pythonValues(s, at);
                if (r.open)
                    this.openList = { name, kind };
                if (changed)
                    for (const v of r.values)
                        if (this.accept(kind, v))
                            out.push({ kind: kind === 'aws-secret' && !looksAwsSecret(v) ? 'secret' : kind, name, value: v });
                continue;
            }
            const value = textValue(s, at);
            if (changed && value !== undefined && this.accept(kind, value))
                out.push({ kind: kind === 'aws-secret' && !looksAwsSecret(value) ? 'secret' : kind, name, value });
        }
        if (changed)
            this.aws(s, out);
        return dedupe(out);
    }
    accept(kind, value) {
        if (kind === 'aws-secret' && looksAwsSecret(value))
            return true;
        // a Kubernetes Secret's data is base64: judge what it encodes (`ZGItcGFzc3dvcmQ=` is "db-password")
        const decoded = this.yaml ? base64Text(value) : undefined;
        return (0,secret_values/* looksSecret */.n0)(decoded ?? value);
    }
    get yaml() {
        return /\.ya?ml$/i.test(this.path);
    }
    /** AWS key IDs, and a bare 40-character secret within 5 lines of one (either side). */
    aws(s, out) {
        const ids = [...s.matchAll(AWS_KEY_ID)].map((m) => m[1]).filter((id) => !/EXAMPLE$/.test(id));
        for (const id of ids)
            out.push({ kind: 'aws-key-id', name: 'AWS access key ID', value: id });
        if (ids.length)
            this.recentIds.push(this.index);
        this.recentIds = this.recentIds.filter((i) => this.index - i <= 5);
        const tokens = [...s.matchAll(AWS_SECRET_TOKEN)].map((m) => m[1]).filter(looksAwsSecret);
        for (const t of tokens)
            this.recentTokens.push({ at: this.index, value: t });
        this.recentTokens = this.recentTokens.filter((t) => this.index - t.at <= 5);
        if (this.recentIds.length) {
            for (const t of this.recentTokens) {
                if (!out.some((d) => d.value === t.value))
                    out.push({ kind: 'aws-secret', name: 'AWS secret access key', value: t.value });
            }
            this.recentTokens = [];
        }
    }
}
/** The text a base64 value encodes, when it is base64 of printable text (a Kubernetes Secret's data). */
function base64Text(v) {
    if (v.length < 12 || v.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(v))
        return undefined;
    const text = Buffer.from(v, 'base64').toString('latin1');
    return /^[\x20-\x7e]+$/.test(text) ? text : undefined;
}
function dedupe(list) {
    const seen = new Set();
    return list.filter((d) => {
        if (seen.has(d.value))
            return false;
        seen.add(d.value);
        return true;
    });
}

;// CONCATENATED MODULE: ./src/gates/history.ts
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






const SECRET_IN_HISTORY = 'launch.E036';
const ENV_FILE_TRACKED = 'launch.W037';
const SHALLOW_DETAIL = 'history not checked: shallow clone — set fetch-depth: 0 on actions/checkout';
/** File versions larger than this are not read (a generated or vendored file, not a settings module). */
const MAX_FILE_BYTES = 1024 * 1024;
function hashOf(value) {
    return (0,external_node_crypto_.createHash)('sha256').update(value).digest('base64');
}
/**
 * The secrets of one file's text (a version in the history, or the checked-out file): each value goes to
 * `onValue` (for redaction), the result keeps hashes; AWS key IDs within 5 lines of a secret access key are
 * linked into `awsLinks` (ID hash → secret hash).
 */
function secretsIn(path, text, onValue, awsLinks) {
    const out = [];
    const scanner = new LineScanner(path);
    const lines = text.split('\n');
    const aws = [];
    for (let i = 0; i < lines.length; i++) {
        const l = lines[i];
        for (const d of scanner.line(l.endsWith('\r') ? l.slice(0, -1) : l, true)) {
            onValue(d);
            const held = { hash: hashOf(d.value), kind: d.kind, name: d.name, line: i + 1, ...(d.setting ? { setting: d.setting } : {}) };
            out.push(held);
            if (d.kind === 'aws-key-id' || d.kind === 'aws-secret') {
                for (const other of aws) {
                    if (other.kind === d.kind || held.line - other.line > 5)
                        continue;
                    const [id, secret] = d.kind === 'aws-key-id' ? [held.hash, other.hash] : [other.hash, held.hash];
                    if (!awsLinks.has(id))
                        awsLinks.set(id, secret);
                }
                aws.push(held);
            }
        }
    }
    return out;
}
/** Collects, from the raw log stream, the changes to settings, env and deploy files under the scan root. */
class ChangeCollector {
    prefix;
    changes = [];
    /** Blob ID → the path it was first seen at (its file kind decides how it is read). */
    blobs = new Map();
    commits = 0;
    commitsTouching = 0;
    now = { sha: '', at: 0 };
    touched = false;
    /** `prefix`: the scan root relative to the repository's top (`git rev-parse --show-prefix`), '' at the top. */
    constructor(prefix) {
        this.prefix = prefix;
    }
    commit(sha, at) {
        this.commits++;
        this.now = { sha, at };
        this.touched = false;
    }
    change(repoPath, before, after) {
        if (!repoPath.startsWith(this.prefix))
            return;
        const path = repoPath.slice(this.prefix.length);
        if (!isHistoryFile(path) || (!before && !after))
            return;
        if (!this.touched) {
            this.touched = true;
            this.commitsTouching++;
        }
        this.changes.push({ commit: this.now, path, before, after });
        for (const b of [before, after])
            if (b && !this.blobs.has(b))
                this.blobs.set(b, path);
    }
}
/**
 * The history's secrets from the changes (newest first) and what each file version holds: added where a
 * version holds it and the one before does not, removed the other way round. An AWS key ID linked to its
 * secret access key joins the secret's record (one finding for the pair).
 */
function historyRecords(changes, held, awsLinks) {
    const records = new Map();
    const none = [];
    for (const c of changes) {
        const before = (c.before && held.get(c.before)) || none;
        const after = (c.after && held.get(c.after)) || none;
        if (before === none && after === none)
            continue;
        const was = new Set(before.map((h) => h.hash));
        const is = new Set(after.map((h) => h.hash));
        const touch = (h) => {
            let rec = records.get(h.hash);
            if (!rec) {
                rec = { hash: h.hash, kind: h.kind, name: h.name, paths: new Set(), ...(h.setting ? { setting: h.setting } : {}) };
                records.set(h.hash, rec);
            }
            rec.paths.add(c.path);
            return rec;
        };
        const s = { commit: c.commit, path: c.path };
        for (const h of after) {
            const rec = touch(h);
            if (was.has(h.hash))
                continue;
            // added here; the log runs newest first, so at equal times the later one is the older commit
            if (!rec.introduced || s.commit.at <= rec.introduced.commit.at) {
                rec.introduced = s;
                // named as the commit that introduced it wrote it (a later copy may sit under another name)
                rec.kind = h.kind;
                rec.name = h.name;
                if (h.setting)
                    rec.setting = h.setting;
                else
                    delete rec.setting;
            }
        }
        for (const h of before) {
            const rec = touch(h);
            if (!is.has(h.hash) && (!rec.removed || s.commit.at > rec.removed.commit.at))
                rec.removed = s;
        }
    }
    for (const [id, secret] of awsLinks) {
        const a = records.get(id);
        const b = records.get(secret);
        if (!a || !b)
            continue;
        b.awsPair = true;
        for (const p of a.paths)
            b.paths.add(p);
        if (a.introduced && (!b.introduced || a.introduced.commit.at < b.introduced.commit.at))
            b.introduced = a.introduced;
        if (a.removed && (!b.removed || a.removed.commit.at > b.removed.commit.at))
            b.removed = a.removed;
        records.delete(id);
    }
    return [...records.values()];
}
/** Where each secret of the checked-out files is today: value hash → places (files sorted, lines ascending). */
function presentSecrets(root, files, onValue, awsLinks) {
    const out = new Map();
    for (const file of files) {
        const text = readText(root, file);
        if (text === undefined)
            continue;
        for (const h of secretsIn(file, text, onValue, awsLinks)) {
            const list = out.get(h.hash) ?? [];
            list.push({ file, line: h.line });
            out.set(h.hash, list);
        }
    }
    return out;
}
function readText(root, rel) {
    try {
        const p = (0,external_node_path_.join)(root, rel);
        const st = (0,external_node_fs_.statSync)(p);
        if (!st.isFile() || st.size > MAX_FILE_BYTES)
            return undefined;
        return (0,external_node_fs_.readFileSync)(p, 'utf8');
    }
    catch {
        return undefined;
    }
}
function day(at) {
    return new Date(at * 1000).toISOString().slice(0, 10);
}
function commitText(s) {
    return `${s.commit.sha} (${day(s.commit.at)})`;
}
function what(rec) {
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
function fixFor(rec) {
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
function lineSetting(text, name) {
    const esc = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const re = new RegExp(`(^|[^\\w.])["']?${esc}["']?\\s*[:=]|^\\s*ENV\\s+${esc}\\s`);
    const i = text.split('\n').findIndex((l) => re.test(l));
    return i + 1;
}
/** The project a path belongs to: the one whose folder holds it (the deepest), else the first. */
function projectFor(scan, path) {
    const holding = scan.projects.filter((p) => p.root === '' || path.startsWith(`${p.root}/`)).sort((a, b) => b.root.length - a.root.length);
    return holding[0] ?? scan.projects[0];
}
/** Where to report a secret that is no longer in the checked-out files (see the module comment). */
function pastLocation(scan, rec, tracked) {
    const name = rec.setting ?? (/^[A-Za-z_]\w*$/.test(rec.name) ? rec.name : undefined);
    // where the same thing is set today: the name, and for a key (or its fallbacks) SECRET_KEY itself
    const names = [...(name ? [name] : []), ...(rec.kind === 'secret-key' ? ['SECRET_KEY', 'DJANGO_SECRET_KEY'] : [])];
    const candidates = [...(rec.introduced ? [rec.introduced.path] : []), ...[...rec.paths].sort()];
    for (const file of candidates) {
        if (!tracked.has(file))
            continue;
        const text = readText(scan.root, file);
        if (text === undefined)
            continue;
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
function secretFinding(scan, rec, present, tracked) {
    const prodFiles = new Set(scan.projects.flatMap((p) => p.production?.files ?? []));
    const devOnly = [...rec.paths].every((p) => isDevPath(p) && !prodFiles.has(p));
    let level = devOnly ? 'note' : 'error';
    if (rec.kind === 'aws-key-id' && level === 'error')
        level = 'warning';
    const paths = [...rec.paths].sort();
    const intro = rec.introduced ? `was committed in ${commitText(rec.introduced)} to ${rec.introduced.path}` : `was in ${paths[0]}`;
    const others = paths.filter((p) => p !== rec.introduced?.path);
    const also = others.length ? ` (also in ${others.slice(0, 3).join(', ')}${others.length > 3 ? ` and ${others.length - 3} more` : ''})` : '';
    let status;
    let location;
    if (present?.length) {
        location = present[0];
        status = `, and is still in ${present[0].file}:${present[0].line}: anyone with the repository has it — rotate it and move it out of the repository`;
    }
    else {
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
function secretNamedVariables(text) {
    const names = new Set();
    for (const l of text.split('\n')) {
        const m = /^\s*(?:export\s+)?([A-Za-z_]\w*)\s*=/.exec(l);
        if (m && (classifyName(m[1]) || /(^|_)(DATABASE_URL|DSN|API_KEY|PRIVATE_KEY|CREDENTIALS|ACCESS_KEY_ID)$/i.test(m[1])))
            names.add(m[1]);
    }
    return [...names];
}
/**
 * `launch.W037` for one env file tracked today, or undefined for one meant to be shared — a template
 * (`.env.example`), test or development values (`.env.test`, `development/dev.env`) — that holds no secret
 * beyond development ones. `secretsInIt`: the secrets of the history still in it; `serious`: those of them
 * reported above note level (not only ever in development files).
 */
function envFileFinding(file, text, secretsInIt, serious) {
    const shareable = isShareableEnvFile(file) || isDevPath(file);
    if (shareable && serious === 0)
        return undefined;
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
async function runHistory(ctx) {
    const started = performance.now();
    const result = (status, detail, findings = []) => ({
        gate: 'history',
        status,
        durationMs: performance.now() - started,
        detail,
        findings,
    });
    const scan = ctx.scan;
    const git = { cwd: scan.root, env: ctx.options.env, signal: ctx.signal, timeoutMs: ctx.options.timeoutMs };
    try {
        const info = await gitOutput(['rev-parse', '--is-inside-work-tree', '--is-shallow-repository', '--show-prefix'], git);
        if (info.code !== 0) {
            const err = info.stderr.trim().split('\n').find((l) => l.startsWith('fatal:')) ?? info.stderr.trim().split('\n')[0] ?? '';
            if (/not a git repository/i.test(err))
                return result('skipped', 'history not checked: the folder is not in a git repository — run the gate on a clone of the repository (actions/checkout with fetch-depth: 0)');
            if (/dubious ownership/i.test(err)) {
                return result('error', `git refuses the repository (${err.replace(/^fatal:\s*/, '')}) — run git config --global --add safe.directory <path> for the user the gate runs as`);
            }
            return result('error', `git rev-parse failed: ${err.replace(/^fatal:\s*/, '') || `exit ${info.code}`}`);
        }
        const [inside, shallow, prefix = ''] = info.stdout.split('\n');
        if (inside.trim() !== 'true')
            return result('skipped', 'history not checked: the folder is not in a git work tree (a .git folder or a bare repository)');
        if (shallow.trim() === 'true')
            return result('skipped', SHALLOW_DETAIL);
        const ls = await gitOutput(['ls-files', '-z'], git);
        if (ls.code !== 0)
            return result('error', `git ls-files failed: ${ls.stderr.trim().split('\n')[0] ?? `exit ${ls.code}`}`);
        const tracked = ls.stdout.split('\0').filter((f) => f && isHistoryFile(f));
        const trackedSet = new Set(tracked);
        const addSecret = (d) => {
            scan.secrets.add(d.value);
            if (d.raw)
                scan.secrets.add(d.raw);
        };
        const awsLinks = new Map();
        const present = presentSecrets(scan.root, tracked, addSecret, awsLinks);
        const collector = new ChangeCollector(prefix.trim());
        const parser = new RawLogParser(collector);
        const log = await spawnGit(logArgs(prefix.trim() ? '.' : undefined), git, (chunk) => parser.push(chunk));
        parser.end();
        if (log.code !== 0) {
            const err = log.stderr.trim().split('\n').find((l) => l.startsWith('fatal:')) ?? log.stderr.trim().split('\n')[0] ?? '';
            if (/does not have any commits yet/i.test(err))
                return result('passed', 'no commits yet: no history to check');
            return result('error', `git log failed: ${err.replace(/^fatal:\s*/, '') || `exit ${log.code}`}`);
        }
        const held = new Map();
        const unread = await readBlobs([...collector.blobs.keys()], git, MAX_FILE_BYTES, (oid, content) => {
            if (content.subarray(0, 8000).includes(0))
                return; // binary
            const found = secretsIn(collector.blobs.get(oid), content.toString('utf8'), addSecret, awsLinks);
            if (found.length)
                held.set(oid, found);
        });
        const records = historyRecords(collector.changes, held, awsLinks);
        const findings = [];
        const levels = new Map();
        let stillPresent = 0;
        for (const rec of records) {
            const ids = rec.awsPair ? [...awsLinks].filter(([, s]) => s === rec.hash).map(([id]) => id) : [];
            const places = [rec.hash, ...ids].flatMap((h) => present.get(h) ?? []);
            const here = places.length ? places.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line)) : undefined;
            if (here?.length)
                stillPresent++;
            const f = secretFinding(scan, rec, here, trackedSet);
            levels.set(rec.hash, f.level);
            findings.push(f);
        }
        let envFiles = 0;
        for (const file of tracked.filter(isEnvFile).sort()) {
            const text = readText(scan.root, file);
            if (text === undefined)
                continue;
            const inIt = new Set();
            for (const rec of records)
                for (const l of present.get(rec.hash) ?? [])
                    if (l.file === file)
                        inIt.add(rec.hash);
            const f = envFileFinding(file, text, inIt.size, [...inIt].filter((h) => levels.get(h) !== 'note').length);
            if (f) {
                envFiles++;
                findings.push(f);
            }
        }
        const n = records.length;
        const detail = `${collector.commits} commit${collector.commits === 1 ? '' : 's'} on all refs, ${collector.commitsTouching} touching settings, env or deploy files ` +
            `(${collector.blobs.size} file version${collector.blobs.size === 1 ? '' : 's'} read${unread.tooLarge ? `, ${unread.tooLarge} over 1 MiB not read` : ''}${unread.missing ? `, ${unread.missing} missing from the clone` : ''}); ` +
            `${n} secret${n === 1 ? '' : 's'} in the history${n ? ` (${stillPresent} still in the checked-out files)` : ''}` +
            (envFiles ? `; ${envFiles} env file${envFiles === 1 ? '' : 's'} tracked` : '');
        return result(findings.some((f) => f.level !== 'note') ? 'failed' : 'passed', detail, findings);
    }
    catch (e) {
        if (e instanceof GitMissingError)
            return result('error', e.message);
        return (0,gate/* gateError */.em)('history', started, e);
    }
}
const historyGate = { name: 'history', run: runHistory };

// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(77030);
// EXTERNAL MODULE: ./src/finding.ts
var finding = __webpack_require__(52018);
;// CONCATENATED MODULE: ./src/django/postgres.ts
/**
 * PostgreSQL for the runtime gates: the server the tests and migrations gates create their throwaway
 * databases on, and the variables that carry a database to the user's settings.
 *
 * Where the server comes from, in order:
 *  1. the environment (DATABASE_URL, DB_HOST…, PGHOST… — e.g. a `services: postgres` container in CI);
 *  2. the embedded default: a throwaway cluster (initdb + pg_ctl) in a temp folder on a free port, run as an
 *     unprivileged user when we are root, stopped and removed afterwards — also on failure, Ctrl-C and SIGTERM;
 *  3. none: the gates that need a database are skipped, loudly.
 * The `database-url` input is different: an existing (staging) database that is only checked, never written.
 */










/** Is anything listening at host:port? Resolves to an error message naming host:port, or undefined when reachable. */
function checkReachable(c, timeoutMs = 5000) {
    return new Promise((resolvePromise) => {
        const target = c.host.startsWith('/') ? { path: (0,external_node_path_.join)(c.host, `.s.PGSQL.${c.port}`) } : { host: c.host, port: c.port };
        const sock = (0,external_node_net_.connect)(target);
        const done = (err) => {
            sock.destroy();
            resolvePromise(err);
        };
        sock.setTimeout(timeoutMs, () => done(`PostgreSQL at ${hostPort(c)} did not answer within ${Math.round(timeoutMs / 1000)} s`));
        sock.once('connect', () => done());
        sock.once('error', (e) => {
            const why = e.code === 'ECONNREFUSED' ? 'connection refused' : e.code === 'ENOTFOUND' ? 'host not found' : e.code ?? e.message;
            done(`cannot reach PostgreSQL at ${hostPort(c)} (${why})`);
        });
    });
}
// ---------------------------------------------------------------------------------------------------------
// Finding the server binaries
const BINARIES = ['initdb', 'pg_ctl', 'postgres'];
function isExecutable(p) {
    try {
        (0,external_node_fs_.accessSync)(p, external_node_fs_.constants.X_OK);
        return (0,external_node_fs_.statSync)(p).isFile();
    }
    catch {
        return false;
    }
}
function hasServer(dir) {
    return BINARIES.every((b) => isExecutable((0,external_node_path_.join)(dir, b)));
}
/** Installed version folders under `base` (e.g. /usr/lib/postgresql/15/bin), newest first. */
function versionDirs(base, pattern) {
    try {
        return (0,external_node_fs_.readdirSync)(base)
            .filter((d) => pattern.test(d))
            .sort((a, b) => (Number(/\d+/.exec(b)?.[0] ?? 0) - Number(/\d+/.exec(a)?.[0] ?? 0)))
            .map((d) => (0,external_node_path_.join)(base, d, 'bin'));
    }
    catch {
        return [];
    }
}
/**
 * The folder holding initdb, pg_ctl and postgres, or null. `DLG_POSTGRES_BIN` names the folder (or `none`
 * to turn the embedded server off); else PATH, Debian/Ubuntu's /usr/lib/postgresql/<version>/bin (GitHub's
 * Ubuntu runners ship them there), Homebrew's and Postgres.app's folders.
 */
function findPostgresBin(env = process.env) {
    const forced = env.DLG_POSTGRES_BIN?.trim();
    if (forced)
        return forced === 'none' || !hasServer(forced) ? null : forced;
    const candidates = [
        ...(env.PATH ?? '').split(external_node_path_.delimiter).filter(Boolean),
        ...versionDirs('/usr/lib/postgresql', /^\d+(\.\d+)?$/),
        ...versionDirs('/usr/pgsql', /^\d+$/).map((d) => d),
        ...versionDirs('/opt/homebrew/opt', /^postgresql(@\d+)?$/),
        ...versionDirs('/usr/local/opt', /^postgresql(@\d+)?$/),
        ...versionDirs('/Applications/Postgres.app/Contents/Versions', /^\d+$/),
    ];
    for (const dir of candidates) {
        if (!hasServer(dir))
            continue;
        // PATH may hold symlinks to the real folder (which also has psql): use the real one.
        try {
            const real = (0,external_node_path_.dirname)((0,external_node_fs_.realpathSync)((0,external_node_path_.join)(dir, 'initdb')));
            if (hasServer(real))
                return real;
        }
        catch {
            // keep dir
        }
        return dir;
    }
    return null;
}
/** Run a command to completion (no shell), collecting its output. Never rejects on a non-zero exit. */
function runCommand(cmd, args, opts = {}) {
    return new Promise((resolvePromise) => {
        const child = (0,external_node_child_process_.spawn)(cmd, args, { env: opts.env, cwd: opts.cwd, stdio: ['pipe', 'pipe', 'pipe'] });
        let stdout = '';
        let stderr = '';
        let timer;
        child.stdout.on('data', (d) => (stdout += d.toString()));
        child.stderr.on('data', (d) => (stderr += d.toString()));
        child.on('error', (e) => {
            if (timer)
                clearTimeout(timer);
            resolvePromise({ code: 127, stdout, stderr: stderr + e.message });
        });
        child.on('close', (code) => {
            if (timer)
                clearTimeout(timer);
            resolvePromise({ code, stdout, stderr });
        });
        if (opts.timeoutMs) {
            timer = setTimeout(() => {
                stderr += `\n(killed after ${Math.round(opts.timeoutMs / 1000)} s)`;
                child.kill('SIGKILL');
            }, opts.timeoutMs);
        }
        child.stdin.end(opts.input ?? '');
    });
}
/** An unused TCP port on 127.0.0.1 (asked from the kernel; a start that loses the race retries). */
function freePort() {
    return new Promise((resolvePromise, reject) => {
        const srv = (0,external_node_net_.createServer)();
        srv.unref();
        srv.once('error', reject);
        srv.listen(0, '127.0.0.1', () => {
            const addr = srv.address();
            srv.close(() => (addr && typeof addr === 'object' ? resolvePromise(addr.port) : reject(new Error('no free port'))));
        });
    });
}
function lookupUser(name) {
    try {
        for (const line of (0,external_node_fs_.readFileSync)('/etc/passwd', 'utf8').split('\n')) {
            const f = line.split(':');
            if (f[0] === name && f.length >= 4)
                return { uid: Number(f[2]), gid: Number(f[3]) };
        }
    }
    catch {
        // no /etc/passwd: not a Unix we can switch users on
    }
    return undefined;
}
function which(cmd, path = [process.env.PATH ?? '', '/usr/sbin', '/sbin', '/usr/bin', '/bin'].join(external_node_path_.delimiter)) {
    for (const d of path.split(external_node_path_.delimiter)) {
        if (d && isExecutable((0,external_node_path_.join)(d, cmd)))
            return (0,external_node_path_.join)(d, cmd);
    }
    return undefined;
}
/**
 * PostgreSQL refuses to run as root: pick an unprivileged user (`postgres` when the package created it,
 * else `nobody`) and a way to switch to it (runuser, else setpriv).
 */
function unprivilegedUser() {
    if (typeof process.getuid !== 'function' || process.getuid() !== 0)
        return undefined;
    for (const name of ['postgres', 'nobody']) {
        const u = lookupUser(name);
        if (!u || u.uid === 0)
            continue;
        const runuser = which('runuser');
        if (runuser)
            return { user: name, ...u, prefix: [runuser, '-u', name, '--'] };
        const setpriv = which('setpriv');
        if (setpriv)
            return { user: name, ...u, prefix: [setpriv, `--reuid=${u.uid}`, `--regid=${u.gid}`, '--clear-groups', '--'] };
        throw new Error('running as root, and neither runuser nor setpriv is available to start PostgreSQL as an unprivileged user');
    }
    throw new Error('running as root, and no unprivileged user (postgres, nobody) exists to start PostgreSQL as');
}
/** Can every user reach `dir` (o+x on it and all its ancestors)? */
function traversable(dir) {
    let d = (0,external_node_path_.resolve)(dir);
    for (;;) {
        try {
            if (((0,external_node_fs_.statSync)(d).mode & 0o001) === 0)
                return false;
        }
        catch {
            return false;
        }
        const up = (0,external_node_path_.dirname)(d);
        if (up === d)
            return true;
        d = up;
    }
}
/** Clusters to stop when the process ends unexpectedly. */
const live = new Set();
let handlersInstalled = false;
function onExit() {
    for (const c of [...live])
        c.stopSync();
}
function onSignal(signal) {
    onExit();
    removeHandlers();
    // Nobody else listens: behave as if we had not been here (the default action ends the process).
    if (process.listenerCount(signal) === 0)
        process.kill(process.pid, signal);
}
const sigint = () => onSignal('SIGINT');
const sigterm = () => onSignal('SIGTERM');
const sighup = () => onSignal('SIGHUP');
function installHandlers() {
    if (handlersInstalled)
        return;
    handlersInstalled = true;
    process.on('exit', onExit);
    process.on('SIGINT', sigint);
    process.on('SIGTERM', sigterm);
    process.on('SIGHUP', sighup);
}
function removeHandlers() {
    if (!handlersInstalled)
        return;
    handlersInstalled = false;
    process.off('exit', onExit);
    process.off('SIGINT', sigint);
    process.off('SIGTERM', sigterm);
    process.off('SIGHUP', sighup);
}
function readPid(dataDir) {
    try {
        const pid = Number((0,external_node_fs_.readFileSync)((0,external_node_path_.join)(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
        return pid > 0 ? pid : undefined;
    }
    catch {
        return undefined;
    }
}
/** Is the process running? (A zombie — exited, not yet reaped by its parent — is not.) */
function alive(pid) {
    try {
        process.kill(pid, 0);
    }
    catch (e) {
        if (e.code !== 'EPERM')
            return false;
    }
    try {
        const stat = (0,external_node_fs_.readFileSync)(`/proc/${pid}/stat`, 'utf8');
        return !/^\d+ \(.*\) [ZX]/s.test(stat);
    }
    catch {
        return process.platform !== 'linux';
    }
}
function sleepSync(ms) {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
/** Wait (synchronously, up to `ms`) for a process to end. */
function waitGone(pid, ms) {
    const until = Date.now() + ms;
    while (alive(pid)) {
        if (Date.now() > until)
            return false;
        sleepSync(20);
    }
    return true;
}
function tail(text, lines = 8) {
    return text.trim().split('\n').slice(-lines).join('\n');
}
function quoteConf(s) {
    return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}
/**
 * Start a throwaway cluster: temp folder, `initdb -A trust -U postgres`, `pg_ctl start -w` on a free port of
 * 127.0.0.1 (socket in the temp folder), durability off (fsync, synchronous_commit: nothing here must
 * survive a crash). The password is random: trust authentication ignores it, but settings that require
 * DB_PASSWORD get one, and it is treated as a secret like any other.
 */
async function startCluster(opts = {}) {
    const bin = opts.bin ?? findPostgresBin(opts.env);
    if (!bin)
        throw new Error('no PostgreSQL server binaries (initdb, pg_ctl, postgres) found — install postgresql or pass database-url');
    const runAs = unprivilegedUser();
    let parent = opts.parent ?? (0,external_node_os_.tmpdir)();
    // The unprivileged user must be able to reach the folder: a private TMPDIR (mode 0700) is not usable.
    if (runAs && !traversable(parent)) {
        if (!opts.parent && traversable('/tmp'))
            parent = '/tmp';
        else
            throw new Error(`${parent} is not accessible to the user ${runAs.user} PostgreSQL runs as — make it world-searchable (chmod o+x) or set TMPDIR`);
    }
    const dir = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)(parent, 'dlg-pg-'));
    const dataDir = (0,external_node_path_.join)(dir, 'data');
    const logFile = (0,external_node_path_.join)(dir, 'postgres.log');
    const baseEnv = { PATH: process.env.PATH, LANG: 'C', LC_ALL: 'C', TZ: 'UTC' };
    const as = (cmd, args) => runAs ? [runAs.prefix[0], [...runAs.prefix.slice(1), (0,external_node_path_.join)(bin, cmd), ...args]] : [(0,external_node_path_.join)(bin, cmd), args];
    let stopped = false;
    let postmaster;
    const stopSync = () => {
        if (stopped)
            return;
        stopped = true;
        live.delete(entry);
        if (live.size === 0)
            removeHandlers();
        const pid = readPid(dataDir) ?? postmaster;
        if (readPid(dataDir) !== undefined) {
            const [c, a] = as('pg_ctl', ['-D', dataDir, 'stop', '-m', 'immediate', '-w', '-t', '30']);
            (0,external_node_child_process_.spawnSync)(c, a, { env: baseEnv, stdio: 'ignore', timeout: 35_000 });
        }
        if (pid !== undefined && !waitGone(pid, 5000)) {
            try {
                process.kill(pid, 'SIGKILL');
            }
            catch {
                // gone meanwhile
            }
            waitGone(pid, 5000);
        }
        (0,external_node_fs_.rmSync)(dir, { recursive: true, force: true, maxRetries: 3 });
    };
    const entry = { dir, stopSync };
    live.add(entry);
    installHandlers();
    try {
        if (runAs)
            (0,external_node_fs_.chownSync)(dir, runAs.uid, runAs.gid);
        const password = (0,external_node_crypto_.randomBytes)(18).toString('base64url');
        const [ic, ia] = as('initdb', ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--no-sync']);
        const init = await runCommand(ic, ia, { env: baseEnv, cwd: dir, timeoutMs: 120_000 });
        if (init.code !== 0)
            throw new Error(`initdb failed (exit ${init.code}): ${tail(init.stderr || init.stdout)}`);
        let lastError = '';
        for (let attempt = 0; attempt < 4; attempt++) {
            const port = await freePort();
            (0,external_node_fs_.appendFileSync)((0,external_node_path_.join)(dataDir, 'postgresql.conf'), [
                '',
                '# django-launch-gate: throwaway cluster',
                `port = ${port}`,
                `listen_addresses = '127.0.0.1'`,
                `unix_socket_directories = ${quoteConf(dir)}`,
                'fsync = off',
                'synchronous_commit = off',
                'full_page_writes = off',
                'max_connections = 100',
                '',
            ].join('\n'));
            const [sc, sa] = as('pg_ctl', ['-D', dataDir, '-l', logFile, '-w', '-t', '60', 'start']);
            const start = await runCommand(sc, sa, { env: baseEnv, cwd: dir, timeoutMs: 90_000 });
            if (start.code === 0) {
                postmaster = readPid(dataDir);
                const admin = { host: '127.0.0.1', port, user: 'postgres', password, database: 'postgres' };
                return {
                    bin,
                    dir,
                    admin,
                    ...(runAs ? { runAs: runAs.user } : {}),
                    pid: () => (stopped ? undefined : readPid(dataDir)),
                    stop: async () => {
                        if (stopped)
                            return;
                        if (readPid(dataDir) !== undefined) {
                            // Nothing here must survive: no shutdown checkpoint needed.
                            const [c, a] = as('pg_ctl', ['-D', dataDir, 'stop', '-m', 'immediate', '-w', '-t', '30']);
                            await runCommand(c, a, { env: baseEnv, timeoutMs: 40_000 });
                        }
                        stopSync();
                    },
                };
            }
            let log = '';
            try {
                log = (0,external_node_fs_.readFileSync)(logFile, 'utf8');
            }
            catch {
                // no log written
            }
            lastError = tail(log || start.stderr || start.stdout);
            if (!/could not bind|Address already in use|could not create listen socket/i.test(lastError))
                break;
            (0,external_node_fs_.writeFileSync)(logFile, '');
        }
        throw new Error(`pg_ctl start failed: ${lastError}`);
    }
    catch (e) {
        stopSync();
        throw e;
    }
}
// ---------------------------------------------------------------------------------------------------------
// Creating databases
/** A database name of ours: lowercase, unique per run, safe unquoted. */
function freshDatabaseName(purpose) {
    return `dlg_${purpose.replace(/[^a-z0-9]+/gi, '_').toLowerCase()}_${(0,external_node_crypto_.randomBytes)(4).toString('hex')}`;
}
function quoteIdent(name) {
    return `"${name.replace(/"/g, '""')}"`;
}
/**
 * CREATE DATABASE on the server of `admin`, with psql when its folder is known (the embedded cluster), else
 * with psql on PATH, else with `python` and psycopg2/psycopg (what a Django project on PostgreSQL has).
 */
async function createDatabase(admin, name, tools = {}) {
    await adminSql(admin, `CREATE DATABASE ${quoteIdent(name)}`, tools, `create database ${name}`);
}
/** DROP DATABASE (terminating leftover connections on PostgreSQL 13+). Never throws. */
async function dropDatabase(admin, name, tools = {}) {
    try {
        await adminSql(admin, `DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`, tools, `drop database ${name}`);
    }
    catch {
        try {
            await adminSql(admin, `DROP DATABASE IF EXISTS ${quoteIdent(name)}`, tools, `drop database ${name}`);
        }
        catch {
            // best effort: a database we could not drop is left on a server the user owns
        }
    }
}
const PY_SQL = `
import os, sys
sql = sys.stdin.read()
try:
    import psycopg2 as db
except ImportError:
    try:
        import psycopg as db
    except ImportError:
        sys.stderr.write("neither psycopg2 nor psycopg is installed for this Python")
        sys.exit(3)
conn = db.connect(host=os.environ["PGHOST"], port=os.environ["PGPORT"], user=os.environ["PGUSER"],
                  password=os.environ.get("PGPASSWORD") or None, dbname=os.environ["PGDATABASE"])
conn.autocommit = True
conn.cursor().execute(sql)
conn.close()
`;
async function adminSql(admin, sql, tools, what) {
    const env = { ...(tools.env ?? process.env), PGHOST: admin.host, PGPORT: String(admin.port), PGUSER: admin.user, PGPASSWORD: admin.password ?? '', PGDATABASE: admin.database, PGCONNECT_TIMEOUT: '10' };
    const psql = tools.psqlDir && isExecutable((0,external_node_path_.join)(tools.psqlDir, 'psql')) ? (0,external_node_path_.join)(tools.psqlDir, 'psql') : which('psql', env.PATH ?? '');
    let r;
    if (psql)
        r = await runCommand(psql, ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-c', sql], { env, timeoutMs: 60_000 });
    else if (tools.python)
        r = await runCommand(tools.python, ['-c', PY_SQL], { env, input: sql, timeoutMs: 60_000 });
    else
        throw new Error(`cannot ${what} on ${hostPort(admin)}: no psql and no Python to run it with`);
    if (r.code !== 0)
        throw new Error(`cannot ${what} on ${hostPort(admin)}: ${tail(r.stderr || r.stdout, 4)}`);
}
/** Is this folder gone and its cluster's postmaster not running? (for tests and diagnostics) */
function clusterGone(dir, pid) {
    return !existsSync(dir) && (pid === undefined || !alive(pid));
}
const NO_POSTGRES = 'skipped: no PostgreSQL — install postgresql or pass database-url';
function addSecret(ctx, value) {
    if (value && value.length >= finding/* MIN_SECRET_LENGTH */.vb)
        ctx.scan.secrets.add(value);
}
/**
 * The PostgreSQL server of this run, started or found once and shared by every gate (closed — the embedded
 * cluster stopped and removed — when the run ends): the environment's (DATABASE_URL, DB_HOST, PGHOST),
 * else an embedded throwaway cluster when the binaries are installed, else none. An environment server
 * that does not answer rejects with one message naming host:port.
 */
function databaseServer(ctx) {
    return ctx.resources.once('postgres:server', async () => {
        const fromEnv = serverFromEnv(ctx.options.env);
        if (fromEnv) {
            addSecret(ctx, fromEnv.password);
            const unreachable = await checkReachable(fromEnv);
            if (unreachable)
                throw new Error(`${unreachable} — the PostgreSQL named by DATABASE_URL / DB_HOST / PGHOST in the environment must be running (e.g. a services: postgres container with ports mapped)`);
            return { server: { source: 'environment', admin: fromEnv, describe: `PostgreSQL at ${hostPort(fromEnv)} (from the environment)` } };
        }
        const bin = findPostgresBin(ctx.options.env);
        if (!bin)
            return { none: NO_POSTGRES };
        const cluster = await startCluster({ bin, env: ctx.options.env });
        addSecret(ctx, cluster.admin.password);
        const version = await runCommand((0,external_node_path_.join)(bin, 'postgres'), ['--version'], { timeoutMs: 10_000 });
        const v = /\(PostgreSQL\)\s+(\S+)/.exec(version.stdout)?.[1];
        return {
            server: {
                source: 'embedded',
                admin: cluster.admin,
                psqlDir: bin,
                cluster,
                describe: `throwaway PostgreSQL${v ? ` ${v}` : ''} cluster on ${hostPort(cluster.admin)}`,
            },
        };
    }, async (choice) => {
        if ('server' in choice)
            await choice.server.cluster?.stop();
    });
}
/**
 * A new, empty database of the run's server for one gate (`purpose`: e.g. `tests`, `migrations_1`), with the
 * server's credentials. On an environment server it is dropped when the run ends (with Django's `test_`
 * copy); the embedded cluster goes away whole.
 */
async function freshDatabase(ctx, server, purpose) {
    const name = freshDatabaseName(purpose);
    const tools = { psqlDir: server.psqlDir, python: ctx.options.python, env: ctx.options.env };
    await createDatabase(server.admin, name, tools);
    const conn = { ...server.admin, database: name };
    if (server.source === 'environment') {
        await ctx.resources.once(`postgres:db:${name}`, async () => conn, async () => {
            await dropDatabase(server.admin, `test_${name}`, tools);
            await dropDatabase(server.admin, name, tools);
        });
    }
    return conn;
}
// ---------------------------------------------------------------------------------------------------------
// db_helper.py: the database side of the user's Django (makemigrations, migrate, the test runner)
/** Absolute path of db_helper.py (bundle: dist/django/db_helper.py; sources: src/django/db_helper.py). */
function dbHelperPath() {
    return shippedScript('db_helper.py');
}
/** Runs `db_helper.py <args>` with exactly `env` in `cwd`; parses the JSON it prints last (after the marker). */
function runDbHelper(ctx, opts) {
    return runJsonScript(ctx, dbHelperPath(), opts);
}
/** The last frame of a traceback under `root`, as ` (at rel/path.py:N)`, else ''. */
function raisedAt(traceback, root) {
    const base = (0,external_node_path_.resolve)(root);
    let where = '';
    for (const m of traceback.matchAll(/^\s*File "(.+?)", line (\d+)/gm)) {
        const f = (0,external_node_path_.resolve)(m[1]);
        if (f.startsWith(base + '/') && !/[\\/](site-packages|dist-packages)[\\/]/.test(f))
            where = ` (at ${f.slice(base.length + 1)}:${m[2]})`;
    }
    return where;
}
/** One sentence for a setup failure: what failed and what to do. */
function describeSetupError(ctx, settingsModule, e) {
    const tb = `${e.type}: ${e.message.split('\n')[0]}${raisedAt(e.traceback, ctx.scan.root)}`;
    switch (e.stage) {
        case 'django':
            return `Django is not installed for ${ctx.options.python} — pip install -r requirements.txt before the gate, or set the python input / --python to the interpreter that has it (${e.type}: ${e.message.split('\n')[0]})`;
        case 'settings':
            return `settings module ${settingsModule ?? '(default)'} raises ${tb} — fix the settings or provide what they need (env input / --env KEY=VALUE)`;
        default:
            return `django.setup() fails with ${settingsModule ?? 'the settings'}: ${tb} — install the project's requirements for ${ctx.options.python} and check INSTALLED_APPS`;
    }
}

// EXTERNAL MODULE: ./src/files.ts
var files = __webpack_require__(59148);
;// CONCATENATED MODULE: ./src/gates/tests.ts
/**
 * `tests`: the project's test suite against its own new PostgreSQL database (the environment's server or the
 * embedded throwaway cluster). The runner:
 *  - the `test-command` input / --test-command when given (run by the shell in the manage.py folder);
 *  - else pytest when the project uses pytest-django (pytest.ini / pyproject [tool.pytest.ini_options] /
 *    setup.cfg / tox.ini naming DJANGO_SETTINGS_MODULE, or pytest-django in requirements);
 *  - else `manage.py test`, run through db_helper.py with a runner wrapping the project's own, which writes the
 *    failures (with tracebacks), the counts and the database vendor to a JSON file.
 * Each failing or erroring test is a launch.E201 finding at the test's file:line with the assertion message.
 * A run past timeout-minutes is killed and reported as an error of the gate.
 */







const FRAME = /^\s*File "(.+?)", line (\d+)(?:, in (.+))?\s*$/;
/**
 * From a Python traceback: the frame to point at (the last one in `preferFile`, else the last one under
 * `root` outside site-packages/virtualenvs) and the exception text after the last frame.
 */
function parseTraceback(tb, opts = {}) {
    const lines = tb.replace(/\r\n/g, '\n').split('\n');
    const frames = [];
    lines.forEach((l, index) => {
        const m = FRAME.exec(l);
        if (m)
            frames.push({ file: opts.cwd ? (0,external_node_path_.resolve)(opts.cwd, m[1]) : m[1], line: Number(m[2]), index });
    });
    const own = (f) => !/[\\/](site-packages|dist-packages|\.venv|venv|\.tox|lib[\\/]python\d)/.test(f) && (!opts.root || f.startsWith((0,external_node_path_.resolve)(opts.root)));
    const pick = [...frames].reverse().find((f) => opts.preferFile && (0,external_node_path_.resolve)(f.file) === (0,external_node_path_.resolve)(opts.preferFile)) ??
        [...frames].reverse().find((f) => own(f.file));
    let message = '';
    const last = frames[frames.length - 1];
    if (last) {
        let j = last.index + 1;
        while (j < lines.length && /^\s/.test(lines[j]) && lines[j].trim())
            j++;
        message = lines
            .slice(j)
            .filter((l) => l.trim() && !/^-{20,}$/.test(l.trim()))
            .join('\n');
    }
    else {
        message = lines.filter((l) => l.trim()).slice(-3).join('\n');
    }
    return { ...(pick ? { file: pick.file, line: pick.line } : {}), message: message.trim() };
}
/**
 * A crash as one line: the exception and where it was raised in the project (`ModuleNotFoundError: No module
 * named 'x' (at proj/settings.py:2)`), else the last lines of the output.
 */
function summarizeCrash(text, root) {
    const at = text.lastIndexOf('Traceback (most recent call last):');
    if (at < 0)
        return lastLines(text, 6);
    const tb = parseTraceback(text.slice(at), { root });
    const base = (0,external_node_path_.resolve)(root);
    const where = tb.file && (0,external_node_path_.resolve)(tb.file).startsWith(base + '/') ? ` (at ${(0,external_node_path_.resolve)(tb.file).slice(base.length + 1)}:${tb.line})` : '';
    const message = tb.message.split('\n').filter((l) => l.trim()).slice(0, 3).join(' ');
    return `${message || lastLines(text, 2)}${where}`;
}
const SEP_EQ = /^={40,}$/;
const SEP_DASH = /^-{40,}$/;
/** unittest's text output (manage.py test, python -m unittest): FAIL/ERROR blocks and the closing counts. */
function parseUnittestOutput(text, cwd) {
    const lines = text.replace(/\r\n/g, '\n').split('\n');
    const problems = [];
    for (let i = 0; i < lines.length; i++) {
        if (!SEP_EQ.test(lines[i].trim()))
            continue;
        const head = /^(FAIL|ERROR): (.+)$/.exec(lines[i + 1] ?? '');
        if (!head || !SEP_DASH.test((lines[i + 2] ?? '').trim()))
            continue;
        let j = i + 3;
        const body = [];
        while (j < lines.length && !SEP_EQ.test(lines[j].trim()) && !(SEP_DASH.test(lines[j].trim()) && /^Ran \d+ tests?/.test(lines[j + 1] ?? ''))) {
            body.push(lines[j]);
            j++;
        }
        const tb = body.join('\n');
        // `test_x (app.tests.Case)` before Python 3.11, `test_x (app.tests.Case.test_x)` since; a subTest adds ` (i=1)`.
        const name = /^(\w+) \(([\w.]+)\)(.*)$/.exec(head[2].trim());
        const method = name?.[1];
        const test = name ? `${name[2].endsWith(`.${name[1]}`) ? name[2] : `${name[2]}.${name[1]}`}${name[3]}` : head[2].trim();
        const parsed = parseTraceback(tb, { cwd });
        // Prefer the frame of the test method itself when there is one.
        const frames = body.map((l) => FRAME.exec(l)).filter((m) => !!m);
        const inTest = method ? [...frames].reverse().find((m) => m[3] === method) : undefined;
        problems.push({
            kind: head[1] === 'FAIL' ? 'failure' : 'error',
            test,
            ...(inTest ? { file: cwd ? (0,external_node_path_.resolve)(cwd, inTest[1]) : inTest[1], line: Number(inTest[2]) } : parsed.file ? { file: parsed.file, line: parsed.line } : {}),
            message: parsed.message,
            traceback: tb,
        });
        i = j - 1;
    }
    let counts;
    const ran = /^Ran (\d+) tests? in ([\d.]+)s/m.exec(text);
    if (ran) {
        const tail = text.slice(ran.index);
        const status = /^(OK|FAILED)(?: \((.*)\))?\s*$/m.exec(tail);
        const kv = new Map();
        for (const m of (status?.[2] ?? '').matchAll(/(\w+)=(\d+)/g))
            kv.set(m[1], Number(m[2]));
        counts = { ran: Number(ran[1]), failed: kv.get('failures') ?? 0, errored: kv.get('errors') ?? 0, skipped: kv.get('skipped') ?? 0, seconds: Number(ran[2]) };
    }
    return { problems, ...(counts ? { counts } : {}) };
}
function unescapeXml(s) {
    return s.replace(/&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot|apos);/gi, (_, e) => {
        if (e[0] === '#')
            return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
        return { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }[e.toLowerCase()];
    });
}
function attrs(tag) {
    const out = {};
    for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g))
        out[m[1]] = unescapeXml(m[3] ?? m[4] ?? '');
    return out;
}
/** pytest's JUnit XML (`--junitxml`, family xunit1 for file/line): problems and counts. */
function parseJunitXml(xml, cwd) {
    const problems = [];
    const counts = { ran: 0, failed: 0, errored: 0, skipped: 0, seconds: 0 };
    for (const suite of xml.matchAll(/<testsuite\b([^>]*)>/g))
        counts.seconds += Number(attrs(suite[1]).time ?? 0) || 0;
    for (const m of xml.matchAll(/<testcase\b([^>]*?)(\/>|>([\s\S]*?)<\/testcase>)/g)) {
        const a = attrs(m[1]);
        const body = m[3] ?? '';
        counts.ran++;
        if (/<skipped\b/.test(body)) {
            counts.skipped++;
            continue;
        }
        const p = /<(failure|error)\b([^>]*?)(?:\/>|>([\s\S]*?)<\/\1>)/.exec(body);
        if (!p)
            continue;
        const kind = p[1] === 'failure' ? 'failure' : 'error';
        if (kind === 'failure')
            counts.failed++;
        else
            counts.errored++;
        const pa = attrs(p[2]);
        const text = unescapeXml(p[3] ?? '');
        const name = a.classname ? `${a.classname}.${a.name}` : a.name;
        // pytest's long report ends with `path:line: ExceptionType` at the failing line.
        const locs = [...text.matchAll(/^(.+?\.py):(\d+): (\w[\w.]*)\s*$/gm)];
        const file = a.file ? (cwd ? (0,external_node_path_.resolve)(cwd, a.file) : a.file) : undefined;
        const inFile = file ? [...locs].reverse().find((l) => (0,external_node_path_.resolve)(cwd ?? '.', l[1]) === (0,external_node_path_.resolve)(file)) : undefined;
        const loc = inFile ?? locs[locs.length - 1];
        const message = (pa.message ?? '').trim() || text.split('\n').filter((l) => /^E\s/.test(l)).map((l) => l.slice(1).trim()).join('\n');
        problems.push({
            kind,
            test: name,
            ...(loc ? { file: cwd ? (0,external_node_path_.resolve)(cwd, loc[1]) : loc[1], line: Number(loc[2]) } : file ? { file, line: Number(a.line ?? 0) + 1 } : {}),
            message: message || (kind === 'error' ? 'error' : 'failed'),
            traceback: text,
        });
    }
    return { problems, counts };
}
// ---------------------------------------------------------------------------------------------------------
// Choosing the runner
function read(file) {
    try {
        return (0,external_node_fs_.readFileSync)(file, 'utf8');
    }
    catch {
        return undefined;
    }
}
/** Why this project is run with pytest (pytest-django), or undefined for manage.py test. */
function detectPytest(dirs) {
    for (const dir of dirs) {
        const ini = read((0,files/* projectFile */.g7)(dir, 'pytest.ini'));
        if (ini && /DJANGO_SETTINGS_MODULE|--ds[= ]/.test(ini))
            return 'pytest.ini configures pytest-django';
        const pyproject = read((0,files/* projectFile */.g7)(dir, 'pyproject.toml'));
        if (pyproject) {
            const section = /^\[tool\.pytest\.ini_options\]([\s\S]*?)(?=^\[|(?![\s\S]))/m.exec(pyproject)?.[1];
            if (section && /DJANGO_SETTINGS_MODULE|--ds[= ]/.test(section))
                return 'pyproject.toml [tool.pytest.ini_options] configures pytest-django';
        }
        for (const [f, header] of [['setup.cfg', 'tool:pytest'], ['tox.ini', 'pytest']]) {
            const text = read((0,files/* projectFile */.g7)(dir, f));
            const section = text && new RegExp(`^\\[${header.replace(':', '\\:')}\\]([\\s\\S]*?)(?=^\\[|(?![\\s\\S]))`, 'm').exec(text)?.[1];
            if (section && /DJANGO_SETTINGS_MODULE|--ds[= ]/.test(section))
                return `${f} [${header}] configures pytest-django`;
        }
        let reqs = [];
        try {
            reqs = (0,external_node_fs_.readdirSync)(dir).filter((f) => /^requirements.*\.(txt|in)$/.test(f)).map((f) => (0,external_node_path_.join)(dir, f));
            if ((0,external_node_fs_.existsSync)((0,external_node_path_.join)(dir, 'requirements')))
                reqs.push(...(0,external_node_fs_.readdirSync)((0,external_node_path_.join)(dir, 'requirements')).filter((f) => /\.(txt|in)$/.test(f)).map((f) => (0,external_node_path_.join)(dir, 'requirements', f)));
        }
        catch {
            // unreadable folder
        }
        for (const r of [...reqs, (0,files/* projectFile */.g7)(dir, 'pyproject.toml'), (0,files/* projectFile */.g7)(dir, 'setup.cfg')]) {
            const text = read(r);
            if (text && /(^|["'\s,])pytest[-_]django\b/im.test(text))
                return `${r.slice(dir.length + 1)} requires pytest-django`;
        }
    }
    return undefined;
}
/** Settings modules named like test settings (config.settings.test, settings_test, test_settings, ci). */
const TEST_SETTINGS = /^(test|tests|testing|test_settings|settings_test|ci)$/;
/**
 * DJANGO_SETTINGS_MODULE for manage.py test: the user's (env input / environment) when set, else the
 * project's test settings module when it has one, else manage.py's own default (undefined).
 */
function testSettingsModule(ctx, project) {
    const user = ctx.options.env.DJANGO_SETTINGS_MODULE?.trim();
    if (user)
        return user;
    return project.settings.find((s) => !s.production && TEST_SETTINGS.test(s.module.split('.').pop() ?? ''))?.module;
}
function relToRoot(root, file) {
    if (!file)
        return undefined;
    const r = (0,external_node_path_.resolve)(file);
    const base = (0,external_node_path_.resolve)(root);
    if (!r.startsWith(base + '/') && !r.startsWith(base + '\\'))
        return undefined;
    return r.slice(base.length + 1).split('\\').join('/');
}
function clip(text, max = 300) {
    const t = text.split('\n').map((l) => l.trim()).filter(Boolean).slice(0, 4).join(' ');
    return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}
function plural(n, word) {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}
function tests_findingOf(ctx, project, p) {
    const file = relToRoot(ctx.scan.root, p.file);
    const fallback = { file: project.root ? `${project.root}/manage.py` : 'manage.py', line: 1 };
    const location = file ? { file, line: p.line && p.line > 0 ? p.line : 1 } : fallback;
    const what = p.kind === 'failure' ? 'fails' : 'errors';
    return {
        ruleId: 'launch.E201',
        gate: 'tests',
        level: 'error',
        message: `test ${p.test} ${what}: ${clip(p.message) || '(no message)'}`,
        location,
    };
}
function minutes(ms) {
    const m = ms / 60_000;
    return String(Math.round(m * 100) / 100);
}
function shellCommand(cmd) {
    return process.platform === 'win32' ? { exe: process.env.ComSpec ?? 'cmd.exe', args: ['/d', '/s', '/c', cmd] } : { exe: '/bin/sh', args: ['-c', cmd] };
}
async function hasModule(ctx, cwd, env, module) {
    const r = await runPython({ python: ctx.options.python, cwd, env, args: ['-c', `import ${module}`], timeoutMs: 60_000, signal: ctx.signal });
    return r.code === 0;
}
async function testProject(ctx, project, server, index) {
    const label = project.root ? `${project.root}: ` : '';
    const { cwd, env: djEnv } = djangoEnv(ctx, project);
    const conn = await freshDatabase(ctx, server, index > 1 ? `tests_${index}` : 'tests');
    const env = { ...djEnv, ...connectionEnv(conn) };
    const work = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'dlg-tests-'));
    try {
        const pytestWhy = detectPytest([cwd, ctx.scan.root]);
        const custom = ctx.options.testCommand?.trim();
        const junit = (0,external_node_path_.join)(work, 'junit.xml');
        const reportFile = (0,external_node_path_.join)(work, 'report.json');
        let how;
        let run;
        let mode;
        const notes = [];
        if (custom) {
            mode = 'custom';
            env.DJANGO_SETTINGS_MODULE = ctx.options.env.DJANGO_SETTINGS_MODULE;
            const isPytest = /(^|[\s/])(py\.test|pytest)(\s|$)/.test(custom) && !/--junit-?xml/.test(custom);
            const cmd = isPytest ? `${custom} --junitxml=${JSON.stringify(junit)} -o junit_family=xunit1` : custom;
            const sh = shellCommand(cmd);
            how = `\`${custom}\` (test-command)`;
            run = await runPython({ python: sh.exe, args: sh.args, cwd, env, timeoutMs: ctx.options.timeoutMs, signal: ctx.signal });
        }
        else if (pytestWhy) {
            mode = 'pytest';
            // pytest-django reads DJANGO_SETTINGS_MODULE from the environment before its ini: keep the user's only.
            env.DJANGO_SETTINGS_MODULE = ctx.options.env.DJANGO_SETTINGS_MODULE;
            const args = ['-m', 'pytest', `--junitxml=${junit}`, '-o', 'junit_family=xunit1', '-p', 'no:cacheprovider', '-q'];
            if (ctx.options.parallel) {
                if (await hasModule(ctx, cwd, env, 'xdist'))
                    args.push('-n', 'auto');
                else
                    notes.push('parallel: pytest-xdist is not installed, ran serially');
            }
            how = `pytest (${pytestWhy})`;
            run = await runPython({ python: ctx.options.python, args, cwd, env, timeoutMs: ctx.options.timeoutMs, signal: ctx.signal });
        }
        else {
            mode = 'manage';
            const manage = (0,external_node_path_.join)(cwd, 'manage.py');
            if (!(0,external_node_fs_.existsSync)(manage)) {
                return { findings: [], detail: `${label}no manage.py and no pytest-django configuration: nothing runs the tests — pass test-command`, skipped: true };
            }
            const settings = testSettingsModule(ctx, project);
            env.DJANGO_SETTINGS_MODULE = settings;
            env.DLG_TEST_REPORT = reportFile;
            const args = [dbHelperPath(), 'manage-test', manage, '--noinput', ...(ctx.options.parallel ? ['--parallel'] : [])];
            how = `manage.py test${ctx.options.parallel ? ' --parallel' : ''}`;
            run = await runPython({ python: ctx.options.python, args, cwd, env, timeoutMs: ctx.options.timeoutMs, signal: ctx.signal });
        }
        if (run.spawnError) {
            if (mode === 'custom')
                return { findings: [], detail: '', error: `the shell could not start the test-command (${run.spawnError.code ?? run.spawnError.message})` };
            return { findings: [], detail: '', error: describeFailure(ctx, 'the tests', run) };
        }
        if (run.timedOut) {
            return {
                findings: [],
                detail: '',
                error: `${label}tests timed out after ${minutes(ctx.options.timeoutMs)} minutes (timeout-minutes) and were killed — a test hangs (network, a lock, input?): fix it, or raise timeout-minutes / --timeout-minutes`,
            };
        }
        if (run.aborted)
            return { findings: [], detail: '', error: `${label}tests were interrupted` };
        let problems = [];
        let counts;
        let vendor;
        let dbName;
        let settingsRan;
        const output = `${run.stdout}\n${run.stderr}`;
        const report = mode === 'manage' ? read(reportFile) : undefined;
        if (report) {
            const r = JSON.parse(report);
            problems = r.failures.map((f) => {
                const parsed = parseTraceback(f.traceback, { preferFile: f.file ?? undefined, root: ctx.scan.root });
                return { kind: f.kind, test: f.test, ...(parsed.file ? { file: parsed.file, line: parsed.line } : f.file ? { file: f.file } : {}), message: parsed.message, traceback: f.traceback };
            });
            counts = { ran: r.ran, failed: r.failures.filter((f) => f.kind === 'failure').length, errored: r.failures.filter((f) => f.kind === 'error').length, skipped: r.skipped, seconds: r.seconds };
            vendor = r.vendor;
            dbName = r.database;
            settingsRan = r.settings ?? undefined;
            if (r.unexpected_successes.length)
                notes.push(`${plural(r.unexpected_successes.length, 'unexpected success')}`);
        }
        else {
            const xml = mode !== 'manage' ? read(junit) : undefined;
            if (xml)
                ({ problems, counts } = parseJunitXml(xml, cwd));
            else
                ({ problems, counts } = parseUnittestOutput(output, cwd));
        }
        const findings = problems.map((p) => tests_findingOf(ctx, project, p));
        if (run.code !== 0 && findings.length === 0) {
            // pytest exit 5: no tests collected.
            if (mode !== 'manage' && run.code === 5)
                return { findings, detail: `${label}${how}: no tests collected — the project has no tests to run`, skipped: true };
            const why = summarizeCrash(run.stderr || run.stdout, ctx.scan.root);
            return { findings, detail: '', error: `${label}${how} failed before reporting any test result (exit ${run.code ?? 'signal'})${why ? `: ${why}` : ''}` };
        }
        const seconds = counts?.seconds !== undefined ? ` in ${counts.seconds.toFixed(2)} s` : '';
        const tally = counts
            ? `ran ${plural(counts.ran, 'test')}${seconds}: ${counts.failed} failed, ${counts.errored} errored, ${counts.skipped} skipped`
            : `exit ${run.code}`;
        const on = vendor ? ` on ${vendor}${dbName ? ` database ${dbName}` : ''}` : '';
        const settingsUsed = settingsRan ? `, settings ${settingsRan}` : mode === 'manage' ? `, settings ${env.DJANGO_SETTINGS_MODULE ?? "manage.py's default"}` : '';
        const detail = `${label}${tally} — ${how}${settingsUsed}${on}, ${server.describe}${notes.length ? `; ${notes.join('; ')}` : ''}`;
        // No test at all is not a pass: say so (skipped, with the detail).
        if (counts && counts.ran === 0 && findings.length === 0 && run.code === 0)
            return { findings, detail: `${detail} — the project has no tests to run`, skipped: true };
        return { findings, detail };
    }
    finally {
        (0,external_node_fs_.rmSync)(work, { recursive: true, force: true });
    }
}
const testsGate = {
    name: 'tests',
    run(ctx) {
        let server;
        return (0,gate/* runPerProject */.Kt)('tests', ctx, (p, i) => testProject(ctx, p, server, i), {
            none: 'no Django project with tests to run',
            projects: (p) => Boolean(p.production) || (0,external_node_fs_.existsSync)((0,external_node_path_.join)(ctx.scan.root, p.root, 'manage.py')),
            prepare: async () => {
                const choice = await databaseServer(ctx);
                if ('none' in choice)
                    return choice.none;
                server = choice.server;
                return undefined;
            },
        });
    },
};

;// CONCATENATED MODULE: ./src/gates/migrations.ts
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







/** A path the helper reported (absolute) relative to the scan root, or undefined outside it. */
function rel(ctx, file) {
    if (!file)
        return undefined;
    const r = (0,external_node_path_.resolve)(file);
    const root = (0,external_node_path_.resolve)(ctx.scan.root);
    if (r !== root && !r.startsWith(root + '/') && !r.startsWith(root + '\\'))
        return undefined;
    return r.slice(root.length + 1).split('\\').join('/');
}
/** The settings line that sets `name` (production settings), else the settings anchor, else line 1. */
function migrations_settingsLocation(project, name) {
    const s = project.production;
    if (!s)
        return { file: project.root ? `${project.root}/manage.py` : 'manage.py', line: 1 };
    const b = s.bindings.get(name);
    if (b)
        return { ...b.location };
    return s.anchor ? { ...s.anchor } : { file: s.file, line: 1 };
}
function migrations_plural(n, word) {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}
function oneLine(text, max = 400) {
    const t = text.replace(/\s*\n\s*/g, ' ').trim();
    return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}
/** launch.E211 findings from what makemigrations would write (one per app and migration). */
function changeFindings(ctx, project, data) {
    const out = [];
    for (const [app, names] of Object.entries(data.conflicts ?? {})) {
        out.push({
            ruleId: 'launch.E211',
            gate: 'migrations',
            level: 'error',
            message: `app ${app} has conflicting migrations (${names.join(', ')}): makemigrations --check fails — run makemigrations --merge and commit the merge migration`,
            location: migrations_settingsLocation(project, 'INSTALLED_APPS'),
            fix: `Run manage.py makemigrations --merge ${app} and commit the merge migration it writes.`,
        });
    }
    for (const c of data.changes) {
        const source = c.sources.map((s) => ({ file: rel(ctx, s.file), line: s.line })).find((s) => s.file);
        const models = rel(ctx, c.models_file);
        const location = source?.file
            ? { file: source.file, line: source.line }
            : models && (0,external_node_fs_.existsSync)((0,external_node_path_.join)(ctx.scan.root, models))
                ? { file: models, line: 1 }
                : migrations_settingsLocation(project, 'INSTALLED_APPS');
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
const PLACEHOLDER = { host: 'localhost', port: 5432, user: 'postgres', password: '', database: 'dlg_placeholder' };
async function makemigrations(ctx, project, cwd, env) {
    const { run, data } = await runDbHelper(ctx, { cwd, env, args: ['makemigrations'] });
    if (!data)
        return { error: describeFailure(ctx, `makemigrations --check for ${project.info.settingsModule}`, run) };
    if (data.error)
        return { error: describeSetupError(ctx, project.info.settingsModule ?? undefined, data.error) };
    const findings = changeFindings(ctx, project, data);
    return { findings, note: findings.length ? `makemigrations --check: ${migrations_plural(findings.length, 'app')} need a migration` : 'makemigrations --check: no changes' };
}
function migrateFindings(ctx, project, data, conn, staging) {
    const findings = [];
    const notes = [];
    const where = `${hostPort(conn)}/${conn.database}`;
    const db = data.database;
    if (data.ignored && db) {
        const what = db.vendor === 'postgresql'
            ? `PostgreSQL database "${db.name}"${db.host ? ` on ${db.host}${db.port ? `:${db.port}` : ''}` : ''}, not the one provided (${where})`
            : `${db.vendor === 'sqlite' ? 'SQLite' : db.vendor} (${db.engine ?? 'unknown engine'}), not the PostgreSQL database provided (${where})`;
        findings.push({
            ruleId: 'launch.E213',
            gate: 'migrations',
            level: 'error',
            message: `${project.info.settingsModule} makes Django use ${what}: your settings ignore DATABASE_URL / DB_* variables, so migrations and tests never run on the database production uses — read DATABASES from the environment`,
            location: migrations_settingsLocation(project, 'DATABASES'),
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
        const location = file
            ? { file, line: failed.line ?? 1 }
            : frameFile
                ? { file: frameFile, line: frame.line ?? 1 }
                : migrations_settingsLocation(project, 'DATABASES');
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
    if (data.migrate)
        notes.push(`migrate applied ${migrations_plural(data.migrate.applied?.length ?? 0, 'migration')} on ${db?.vendor ?? 'postgresql'} database ${conn.database}`);
    if (data.check_error)
        return { findings, notes, error: `migrate --check failed: ${data.check_error.type}: ${oneLine(data.check_error.message)}` };
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
            location: file ? { file, line: 1 } : migrations_settingsLocation(project, 'INSTALLED_APPS'),
            // Unapplied right after migrate on a new database: not a step the deploy forgot.
            ...(staging ? {} : { fix: 'Check database routers (allow_migrate) and replaced/squashed migrations: migrate must apply every migration on the default database.' }),
        });
    }
    notes.push(unapplied.length ? `migrate --check: ${migrations_plural(unapplied.length, 'unapplied migration')}` : 'migrate --check: nothing unapplied');
    return { findings, notes };
}
async function migrations_checkProject(ctx, project, index) {
    const label = project.root ? `${project.root}: ` : '';
    const { cwd, env: baseEnv } = djangoEnv(ctx, project);
    const settings = project.info.settingsModule ?? undefined;
    // An existing database (staging): migrate --check only.
    if (ctx.options.databaseUrl) {
        let conn;
        try {
            conn = parseDatabaseUrl(ctx.options.databaseUrl);
        }
        catch (e) {
            return { findings: [], detail: '', error: e instanceof DatabaseUrlError ? e.message : String(e) };
        }
        if (conn.password && conn.password.length >= finding/* MIN_SECRET_LENGTH */.vb)
            ctx.scan.secrets.add(conn.password);
        const unreachable = await checkReachable(conn);
        if (unreachable)
            return { findings: [], detail: '', error: `${unreachable} — check database-url (host and port) and that the database accepts connections from this runner` };
        const env = { ...baseEnv, ...connectionEnv(conn) };
        const [mm, mig] = await Promise.all([
            makemigrations(ctx, project, cwd, env),
            runDbHelper(ctx, { cwd, env, args: ['migrate', '--check-only', '--expect-name', conn.database] }),
        ]);
        if ('error' in mm)
            return { findings: [], detail: '', error: mm.error };
        if (!mig.data)
            return { findings: mm.findings, detail: '', error: describeFailure(ctx, `migrate --check for ${settings}`, mig.run) };
        if (mig.data.error)
            return { findings: mm.findings, detail: '', error: describeSetupError(ctx, settings, mig.data.error) };
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
        runDbHelper(ctx, { cwd, env, args: ['migrate', '--expect-name', conn.database] }),
    ]);
    if ('error' in mm)
        return { findings: [], detail: '', error: mm.error };
    if (!mig.data)
        return { findings: mm.findings, detail: '', error: describeFailure(ctx, `migrate for ${settings}`, mig.run) };
    if (mig.data.error)
        return { findings: mm.findings, detail: '', error: describeSetupError(ctx, settings, mig.data.error) };
    const r = migrateFindings(ctx, project, mig.data, conn, false);
    const detail = `${label}${settings} on Django ${mig.data.django ?? '?'}, ${server.describe}: ${[mm.note, ...r.notes].join('; ')}`;
    return { findings: [...mm.findings, ...r.findings], detail, ...(r.error ? { error: r.error } : {}) };
}
const migrationsGate = {
    name: 'migrations',
    run: (ctx) => (0,gate/* runPerProject */.Kt)('migrations', ctx, (p, i) => migrations_checkProject(ctx, p, i), { none: 'no project with production settings to migrate', skippedWhen: 'any' }),
};

;// CONCATENATED MODULE: ./src/gates/index.ts





const RUNTIME_GATES = {
    'deploy-checks': deployChecksGate,
    tests: testsGate,
    migrations: migrationsGate,
    collectstatic: collectstaticGate,
    history: historyGate,
};


/***/ })

};
