/**
 * Dotted Python modules of a project: where a module's file is (the project folder, its `src/`, the
 * folders above it — a package installed from a parent folder, as `pip install -e` does — and the scan
 * root), which module a file is, and the modules that exist only at deploy time: a file a Dockerfile
 * COPYs into place, or one made from a template or example kept beside it (`settings.py.j2`,
 * `settings_example.py`, `prod_settings_template.py`).
 */
import { lineOf, walk, callParts, stringValue, type SyntaxNode } from './python';
import { PY_TEMPLATE, type SourceFile, type Workspace } from './workspace';
import type { ResolvedModule } from './evaluator/frame';
import type { BuildCopy } from './manifests';

/**
 * A dotted module name as DJANGO_SETTINGS_MODULE may hold one. Django imports it with importlib, which takes a
 * folder named with a hyphen as well (`adhocracy-plus.config.settings` is adhocracy+'s): a name Python's
 * `import` statement could not spell still loads, so a hyphen is part of a name here.
 */
export const MODULE_NAME = /^[A-Za-z_][\w-]*(\.[A-Za-z_][\w-]*)*$/;

export function under(dir: string, rel: string): boolean {
  return dir === '' || rel === dir || rel.startsWith(dir + '/');
}

/** Folders a dotted module can live under for a project: its folder, its src/, the folders above, the scan root. */
export function moduleBases(dir: string): string[] {
  const bases = [dir, dir ? `${dir}/src` : 'src'];
  const parts = dir ? dir.split('/') : [];
  for (let i = parts.length - 1; i >= 0; i--) bases.push(parts.slice(0, i).join('/'));
  return [...new Set(bases)];
}

/** The file of a module under the project's bases (or only `dir` with `exact`); unreadable files count as found. */
export function resolveModule(ws: Workspace, dir: string, named: string, exact = false): ResolvedModule | undefined {
  const module = startprojectTemplate(named);
  if (!module || !MODULE_NAME.test(module)) return undefined;
  const path = module.replace(/\./g, '/');
  for (const base of exact ? [dir] : moduleBases(dir)) {
    for (const cand of [`${path}.py`, `${path}/__init__.py`]) {
      const rel = base ? `${base}/${cand}` : cand;
      const f = ws.get(rel);
      if (f && !f.template) return { file: f, module };
      const u = ws.unreadableFile(rel);
      if (u) return { module, unreadable: u };
    }
  }
  return undefined;
}

/**
 * A `django-admin startproject --template` repository names its package `{{ project_name }}` in code and keeps
 * it in a folder called `project_name`, which startproject renames (django-react-boilerplate): the module is
 * that folder's.
 */
/**
 * The dotted name `from <level dots><module> import …` reaches from the module `fromModule` (a package's
 * `__init__` when `fromPackage`): Python's relative-import arithmetic. undefined when the dots climb above the top.
 */
export function absoluteModuleName(fromModule: string, fromPackage: boolean, module: string, level: number): string | undefined {
  if (level === 0) return module;
  const parts = fromModule.split('.');
  const keep = parts.length - level + (fromPackage ? 1 : 0);
  if (keep < 0) return undefined;
  return [...parts.slice(0, keep), ...(module ? [module] : [])].join('.');
}

export function startprojectTemplate(module: string): string {
  return module.replace(/\{\{\s*project_name\s*\}\}/g, 'project_name');
}

/** The dotted module of a project file (relative to the first base it lies under). */
export function moduleOf(dir: string, file: SourceFile): string | undefined {
  return modulesOf(dir, file)[0];
}

/**
 * Every dotted name the file has under the import roots moduleBases gives, in their order: a project whose code
 * sits in `src/` has its modules both as `src.settings.production` and as `settings.production` (OWASP Nest,
 * whose wsgi.py names `settings.local`).
 */
export function modulesOf(dir: string, file: SourceFile): string[] {
  const out: string[] = [];
  for (const base of moduleBases(dir)) {
    if (base && !file.rel.startsWith(base + '/')) continue;
    const inner = base ? file.rel.slice(base.length + 1) : file.rel;
    const parts = inner.replace(/\.py$/, '').split('/');
    if (parts[parts.length - 1] === '__init__') parts.pop();
    if (parts.length && parts.every((p) => /^[A-Za-z_][\w-]*$/.test(p))) out.push(parts.join('.'));
  }
  return out;
}

export interface DeployTimeModule {
  resolved: ResolvedModule;
  /** how the module comes to exist, e.g. `created from weblate/settings_example.py` */
  how: string;
}

/**
 * A module that is not in the repository as a `.py` file but is made at deploy time from one that is:
 * the source of a Dockerfile COPY/ADD whose destination is the module's path, or a template/example kept
 * under the module's name (`name.py.j2`, `name_example.py`, `name.py.example`, `name_template.py`…).
 */
export function deployTimeModule(ws: Workspace, dir: string, module: string, copies: readonly BuildCopy[]): DeployTimeModule | undefined {
  if (!MODULE_NAME.test(module)) return undefined;
  const path = module.replace(/\./g, '/');
  for (const c of copies) {
    if (c.dev) continue;
    const dest = c.dest.replace(/\/+$/, '');
    const target = `${path}.py`;
    // The build context: the Dockerfile's folder (docker build .), else the repository root.
    const context = c.file.includes('/') ? c.file.slice(0, c.file.lastIndexOf('/')) : '';
    const inContext = (p: string): SourceFile | undefined => (context ? ws.get(`${context}/${p}`) : undefined) ?? ws.get(p);
    const src = inContext(c.source);
    // The source is Python, or a Python template copied into place as it is (bugsink's Dockerfile:
    // `COPY bugsink/conf_templates/docker.py.template bugsink_conf.py`).
    if (src && (src.rel.endsWith('.py') || PY_TEMPLATE.test(src.rel)) && (dest === `/${target}` || dest.endsWith(`/${target}`))) {
      const how = c.atDeploy
        ? `copied into place at deploy time from ${c.source} by ${c.via} in ${c.file} (line ${c.line})`
        : `created at build time by \`${c.via ?? 'COPY'} ${c.source}\` in ${c.file} (line ${c.line})`;
      return { resolved: { file: src, module }, how };
    }
    // COPY a folder: the module's file inside it
    if (!c.source.endsWith('.py')) {
      const rest = target.split('/');
      for (let i = 1; i < rest.length; i++) {
        const destDir = rest.slice(0, i).join('/');
        if (dest === `/${destDir}` || dest.endsWith(`/${destDir}`)) {
          const inner = `${c.source === '.' ? '' : `${c.source}/`}${rest.slice(i).join('/')}`;
          const f = inContext(inner);
          if (f && f.rel !== `${path}.py`) return { resolved: { file: f, module }, how: `created at build time by \`COPY ${c.source}\` in ${c.file} (line ${c.line})` };
        }
      }
    }
  }
  const last = path.split('/').pop()!;
  const folder = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
  const names = [
    `${last}_example.py`, `${last}.example.py`, `${last}_template.py`, `${last}.template.py`, `${last}_sample.py`, `${last}.sample.py`,
    `${last}_dist.py`, `${last}.dist.py`, `${last}_default.py`,
  ];
  for (const base of moduleBases(dir)) {
    const prefix = [base, folder].filter(Boolean).join('/');
    for (const n of names) {
      const f = ws.get(prefix ? `${prefix}/${n}` : n);
      if (f) return { resolved: { file: f, module }, how: `not in the repository: it is made from ${f.rel}` };
    }
  }
  // Templates anywhere under the module's file name (`nautobot_config.py.j2` rendered by an init command).
  const stem = (f: SourceFile): string => f.rel.replace(PY_TEMPLATE, '');
  const tmpl = ws.templateFiles().filter((f) => stem(f).split('/').pop() === last);
  const pick = tmpl.length === 1 ? tmpl[0] : tmpl.find((f) => stem(f).endsWith(path));
  if (pick) return { resolved: { file: pick, module }, how: `not in the repository: it is rendered from the template ${pick.rel}` };
  return undefined;
}

/** Where a file sets DJANGO_SETTINGS_MODULE (`os.environ.setdefault(...)` / `os.environ[...] = ...`), and to what. */
export interface SettingsDefault {
  /** the module when the value is a string literal */
  module?: string;
  line: number;
  /** DJANGO_CONFIGURATION set in the same file (django-configurations), when a literal */
  configuration?: string;
}

export function settingsDefaultIn(ws: Workspace, file: SourceFile): SettingsDefault | undefined {
  let found: SettingsDefault | undefined;
  let configuration: string | undefined;
  const consider = (name: string | undefined, valueNode: SyntaxNode | null | undefined, node: SyntaxNode): void => {
    if (name === 'DJANGO_CONFIGURATION') {
      configuration ??= stringValue(valueNode);
      return;
    }
    if (name !== 'DJANGO_SETTINGS_MODULE' || found) return;
    const m = stringValue(valueNode) ?? fstringWithDefaults(valueNode, node);
    found = { line: lineOf(node), ...(m ? { module: m } : {}) };
  };
  walk(ws.tree(file).rootNode, (n) => {
    if (n.type === 'call') {
      const { callee, args } = callParts(n);
      if (callee && /(^|\.)environ\.setdefault$/.test(callee)) consider(stringValue(args[0]), args[1], n);
    } else if (n.type === 'assignment') {
      const left = n.childForFieldName('left');
      if (left?.type === 'subscript' && /environ$/.test(left.childForFieldName('value')?.text ?? '')) {
        consider(stringValue(left.childForFieldName('subscript')), n.childForFieldName('right'), n);
      }
    }
    return true;
  });
  return found ? { ...found, ...(configuration ? { configuration } : {}) } : undefined;
}

/**
 * `f"librephotos.settings.{environment}"` after `environment = "production"`: an f-string whose fields are plain
 * names, each given the string it holds unconditionally before the call — the last assignment of a string
 * literal to it in the same block or an enclosing one, ahead of the statement (`if DEBUG: environment =
 * "development"` is the other world, inside a branch: not taken). undefined when any field is something else.
 */
function fstringWithDefaults(value: SyntaxNode | null | undefined, at: SyntaxNode): string | undefined {
  if (value?.type !== 'string' || !/^[rR]?[fF]/.test(value.namedChildren.find((c) => c.type === 'string_start')?.text ?? '')) return undefined;
  let out = '';
  for (const part of value.namedChildren) {
    if (part.type === 'string_start' || part.type === 'string_end') continue;
    if (part.type === 'string_content') out += part.text;
    else if (part.type === 'interpolation') {
      const expr = part.namedChildren[0];
      if (part.namedChildren.length !== 1 || expr?.type !== 'identifier') return undefined;
      const v = unconditionalString(expr.text, at);
      if (v === undefined) return undefined;
      out += v;
    } else return undefined;
  }
  return out;
}

function unconditionalString(name: string, at: SyntaxNode): string | undefined {
  let stmt: SyntaxNode | null = at;
  while (stmt) {
    const block: SyntaxNode | null = stmt.parent;
    if (!block) return undefined;
    if (block.type === 'block' || block.type === 'module') {
      let found: string | undefined;
      for (const s of block.namedChildren) {
        if (s.startIndex >= stmt.startIndex) break;
        const a = s.type === 'expression_statement' ? s.namedChildren[0] : undefined;
        if (a?.type === 'assignment' && a.childForFieldName('left')?.type === 'identifier' && a.childForFieldName('left')?.text === name) {
          found = stringValue(a.childForFieldName('right'));
          if (found === undefined) return undefined; // assigned something else: unknown
        }
      }
      if (found !== undefined) return found;
    }
    stmt = block;
  }
  return undefined;
}

/** A module component that marks development, test or example code: never production. */
const DEV_COMPONENT =
  /^(dev|devel|develop|developer|development|devstack|local|locals|test|tests|testing|ci|debug|sandbox|demo|example|examples|sample|samples)(_?(project|site|app|settings|config|conf))?$|^(settings|config|conf)_(dev|devel|develop|developer|development|local|test|tests|testing|ci|debug)$|^(dev|devel|develop|developer|development|local|test|testing|ci|debug)_(settings|config|conf)$|^devproject$/i;

/** Is this dotted module named as development/test/example settings (any component)? */
export function isDevModule(module: string): boolean {
  // a hyphenated component (a module only importlib can name: `production-ci`) is development when a part is
  if (module.split('.').some((p) => p.split('-').some((w) => DEV_COMPONENT.test(w)))) return true;
  // a component with the word test in it (CFPB's owning-a-home-api: `settings_for_testing`, what its manage.py names)
  return module.split('.').some((p) => p.split(/[_-]/).some((w) => TEST_WORD.test(w)));
}

const TEST_WORD = /^(test|tests|testing)$/i;

/** The config's `production-settings` / `dev-settings` module globs, as predicates (src/project/globs.ts). */
export interface SettingsPatterns {
  production: (module: string) => boolean;
  dev: (module: string) => boolean;
}

/**
 * Development settings, never judged as production unless named: what the config's dev-settings match, or a
 * development name (isDevModule) — except what its production-settings match, which is production either way.
 */
export function isDevSettings(module: string, patterns?: SettingsPatterns): boolean {
  if (patterns?.production(module)) return false;
  return Boolean(patterns?.dev(module)) || isDevModule(module);
}

/** A folder component under which a project is development/test/example code. */
const DEV_FOLDER = /^(tests?|testing|examples?|samples?|demo|docs?|sandbox|dev|development|fixtures|testproject|test_project|example_project)$/i;

export function inDevFolder(rel: string): boolean {
  return rel.split('/').some((p) => DEV_FOLDER.test(p));
}

/** Production-named settings module (last component). */
const PRODUCTION_NAME = /^(prod|production|prd|live|deploy|deployment|release|prod_settings|production_settings|settings_prod|settings_production|settings_live|live_settings)$/i;

export function isProductionName(module: string): boolean {
  return PRODUCTION_NAME.test(module.split('.').pop() ?? '');
}

/**
 * The module's docstring — or, for class-based settings, the docstring of the settings class it defines —
 * calls it the local development configuration ("Settings for local development with Docker": readthedocs'
 * docker_compose.py, the default its wsgi.py names). Not when it says production too.
 */
export function documentedAsDevelopment(ws: Workspace, file: SourceFile): boolean {
  const top = ws.tree(file).rootNode.namedChildren.filter((c) => c.type !== 'comment');
  const docOf = (body: SyntaxNode | null | undefined): string | undefined => {
    const first = body?.namedChildren.find((c) => c.type !== 'comment');
    return first?.type === 'expression_statement' && first.namedChildren[0]?.type === 'string' ? stringValue(first.namedChildren[0]) : undefined;
  };
  const classes = top.map((c) => (c.type === 'decorated_definition' ? c.childForFieldName('definition') : c)).filter((c): c is SyntaxNode => c?.type === 'class_definition');
  const docs = [docOf(ws.tree(file).rootNode) ?? leadingComment(file.text), ...(classes.length === 1 ? [docOf(classes[0].childForFieldName('body'))] : [])];
  return docs.some((doc) => {
    const head = (doc ?? '').split(/\n\s*\n/)[0] ?? '';
    return /\b(for|in) (local )?development\b|\blocal development\b|\bdevelopment (settings|only|environment|setup)\b/i.test(head) && !/\bproduction\b/i.test(head);
  });
}

/**
 * The module *is* development settings by what it builds on: its one top-level star-import before anything it
 * sets is of a development module (`from .dev import *`; the last component a development name, not `local`) —
 * adhocracy+'s `config/settings/__init__.py`, the default its wsgi.py and manage.py name, is that one line, while
 * production is `config.settings.production`. Not a star-import under `try:` or `if` (production settings that
 * take local overrides when present), and not a module named as production. The import's module and line, or
 * undefined.
 */
export function devStarImport(ws: Workspace, file: SourceFile, module: string): { module: string; line: number } | undefined {
  if (isProductionName(module)) return undefined;
  // The one module it builds on: the star-imports before anything it sets. A star-import after an assignment
  // layers overrides on top (`from .local_settings import *` at the end of production settings), and a package
  // that gathers many parts (CourtListener's `from .project.testing import *` among twenty) is not one of them.
  const bases: SyntaxNode[] = [];
  for (const st of ws.tree(file).rootNode.namedChildren) {
    if (st.type === 'expression_statement' && st.namedChildren[0]?.type === 'assignment') break;
    if (st.type === 'import_from_statement' && st.namedChildren.some((c) => c.type === 'wildcard_import')) bases.push(st);
  }
  if (bases.length !== 1) return undefined;
  const from = bases[0].childForFieldName('module_name')?.text ?? '';
  const last = from.replace(/^\.+/, '').split('.').pop() ?? '';
  // local settings are the deployment's own overrides, not a development setup
  return last && isDevModule(last) && !LOCAL_OVERRIDES.test(last) ? { module: from, line: lineOf(bases[0]) } : undefined;
}

const LOCAL_OVERRIDES = /^(local|locals)(_?(settings|config|conf))?$|^(settings|config|conf)_local$/i;

/** The module's docstring calls it the production configuration. */
export function documentedAsProduction(ws: Workspace, file: SourceFile): boolean {
  const first = ws.tree(file).rootNode.namedChildren.find((c) => c.type !== 'comment');
  const doc = first?.type === 'expression_statement' && first.namedChildren[0]?.type === 'string' ? stringValue(first.namedChildren[0]) : undefined;
  const head = (doc ?? leadingComment(file.text)).split(/\n\s*\n/)[0] ?? '';
  return /\bproduction\b/i.test(head) && !/\b(dev|development|local|test|testing|not|never|don't|do not|instead of)\b/i.test(head);
}

function leadingComment(text: string): string {
  const lines: string[] = [];
  for (const l of text.split('\n')) {
    if (/^\s*#/.test(l)) lines.push(l.replace(/^\s*#\s?/, ''));
    else if (l.trim() === '' && lines.length === 0) continue;
    else break;
  }
  return lines.join('\n');
}

/**
 * The settings Django itself defines (django/conf/global_settings.py of 3.2, 4.2 and 5.2, the names only): a
 * module that assigns one of them is settings; one that assigns none sets nothing Django reads.
 */
const DJANGO_SETTINGS = new Set(
  `
  ABSOLUTE_URL_OVERRIDES ADMINS ALLOWED_HOSTS APPEND_SLASH AUTHENTICATION_BACKENDS AUTH_PASSWORD_VALIDATORS
  AUTH_USER_MODEL CACHES CACHE_MIDDLEWARE_ALIAS CACHE_MIDDLEWARE_KEY_PREFIX CACHE_MIDDLEWARE_SECONDS
  CSRF_COOKIE_AGE CSRF_COOKIE_DOMAIN CSRF_COOKIE_HTTPONLY CSRF_COOKIE_MASKED CSRF_COOKIE_NAME CSRF_COOKIE_PATH
  CSRF_COOKIE_SAMESITE CSRF_COOKIE_SECURE CSRF_FAILURE_VIEW CSRF_HEADER_NAME CSRF_TRUSTED_ORIGINS
  CSRF_USE_SESSIONS DATABASES DATABASE_ROUTERS DATA_UPLOAD_MAX_MEMORY_SIZE DATA_UPLOAD_MAX_NUMBER_FIELDS
  DATA_UPLOAD_MAX_NUMBER_FILES DATETIME_FORMAT DATETIME_INPUT_FORMATS DATE_FORMAT DATE_INPUT_FORMATS DEBUG
  DEBUG_PROPAGATE_EXCEPTIONS DECIMAL_SEPARATOR DEFAULT_AUTO_FIELD DEFAULT_CHARSET DEFAULT_EXCEPTION_REPORTER
  DEFAULT_EXCEPTION_REPORTER_FILTER DEFAULT_FILE_STORAGE DEFAULT_FROM_EMAIL DEFAULT_HASHING_ALGORITHM
  DEFAULT_INDEX_TABLESPACE DEFAULT_TABLESPACE DISALLOWED_USER_AGENTS EMAIL_BACKEND EMAIL_HOST
  EMAIL_HOST_PASSWORD EMAIL_HOST_USER EMAIL_PORT EMAIL_SSL_CERTFILE EMAIL_SSL_KEYFILE EMAIL_SUBJECT_PREFIX
  EMAIL_TIMEOUT EMAIL_USE_LOCALTIME EMAIL_USE_SSL EMAIL_USE_TLS FILE_UPLOAD_DIRECTORY_PERMISSIONS
  FILE_UPLOAD_HANDLERS FILE_UPLOAD_MAX_MEMORY_SIZE FILE_UPLOAD_PERMISSIONS FILE_UPLOAD_TEMP_DIR
  FIRST_DAY_OF_WEEK FIXTURE_DIRS FORCE_SCRIPT_NAME FORMAT_MODULE_PATH FORMS_URLFIELD_ASSUME_HTTPS
  FORM_RENDERER IGNORABLE_404_URLS INSTALLED_APPS INTERNAL_IPS LANGUAGES LANGUAGES_BIDI LANGUAGE_CODE
  LANGUAGE_COOKIE_AGE LANGUAGE_COOKIE_DOMAIN LANGUAGE_COOKIE_HTTPONLY LANGUAGE_COOKIE_NAME
  LANGUAGE_COOKIE_PATH LANGUAGE_COOKIE_SAMESITE LANGUAGE_COOKIE_SECURE LOCALE_PATHS LOGGING LOGGING_CONFIG
  LOGIN_REDIRECT_URL LOGIN_URL LOGOUT_REDIRECT_URL MANAGERS MEDIA_ROOT MEDIA_URL MESSAGE_STORAGE MIDDLEWARE
  MIGRATION_MODULES MONTH_DAY_FORMAT NUMBER_GROUPING PASSWORD_HASHERS PASSWORD_RESET_TIMEOUT
  PASSWORD_RESET_TIMEOUT_DAYS PREPEND_WWW SECRET_KEY SECRET_KEY_FALLBACKS SECURE_BROWSER_XSS_FILTER
  SECURE_CONTENT_TYPE_NOSNIFF SECURE_CROSS_ORIGIN_OPENER_POLICY SECURE_HSTS_INCLUDE_SUBDOMAINS
  SECURE_HSTS_PRELOAD SECURE_HSTS_SECONDS SECURE_PROXY_SSL_HEADER SECURE_REDIRECT_EXEMPT
  SECURE_REFERRER_POLICY SECURE_SSL_HOST SECURE_SSL_REDIRECT SERVER_EMAIL SESSION_CACHE_ALIAS
  SESSION_COOKIE_AGE SESSION_COOKIE_DOMAIN SESSION_COOKIE_HTTPONLY SESSION_COOKIE_NAME SESSION_COOKIE_PATH
  SESSION_COOKIE_SAMESITE SESSION_COOKIE_SECURE SESSION_ENGINE SESSION_EXPIRE_AT_BROWSER_CLOSE
  SESSION_FILE_PATH SESSION_SAVE_EVERY_REQUEST SESSION_SERIALIZER SHORT_DATETIME_FORMAT SHORT_DATE_FORMAT
  SIGNED_COOKIE_LEGACY_SALT_FALLBACK SIGNING_BACKEND SILENCED_SYSTEM_CHECKS STATICFILES_DIRS
  STATICFILES_FINDERS STATICFILES_STORAGE STATIC_ROOT STATIC_URL STORAGES TEMPLATES TEST_NON_SERIALIZED_APPS
  TEST_RUNNER THOUSAND_SEPARATOR TIME_FORMAT TIME_INPUT_FORMATS TIME_ZONE USE_DEPRECATED_PYTZ USE_I18N
  USE_L10N USE_THOUSAND_SEPARATOR USE_TZ USE_X_FORWARDED_HOST USE_X_FORWARDED_PORT WSGI_APPLICATION
  X_FRAME_OPTIONS YEAR_MONTH_FORMAT
  `.trim().split(/\s+/),
);

/** A line that assigns an upper-case name (at any indentation: class-based settings), with its name. */
const UPPER_ASSIGNMENT = /^[ \t]*([A-Z][A-Z0-9_]*)[ \t]*(?::[^=\n]*)?=(?!=)/gm;

/** Does this Python text assign a setting Django defines (`DEBUG = False`, `    DATABASES: dict = {…}`)? */
export function setsDjangoSetting(text: string): boolean {
  for (const m of text.matchAll(UPPER_ASSIGNMENT)) if (DJANGO_SETTINGS.has(m[1])) return true;
  return false;
}

/** A module name that is settings, or has it as a word: `settings`, `prod_settings`, `settings_local`. */
const SETTINGS_NAME = /(^|_)settings($|_)/;

/** A file in a folder named `settings`, or named for settings: `settings.py`, `prod_settings.py`, `settings_local.py`. */
export function settingsPath(rel: string): boolean {
  const parts = rel.split('/');
  return SETTINGS_NAME.test(parts[parts.length - 1].replace(/\.py$/, '')) || parts.slice(0, -1).includes('settings');
}

/**
 * A Python file the scan evaluates as a settings module of its project, beside the production ones: `settings.py`
 * and the files of a `settings/` folder; a file otherwise named for settings (`settings_local.py`,
 * `test_settings.py`) only when its text reads as settings — it assigns a setting Django defines, star-imports
 * other settings, or is put together by django-split-settings. Saleor's `gift_card_settings_update.py` (a GraphQL
 * mutation) and `test_site_settings.py` (tests) are not settings: evaluating them ran some 500 of saleor's modules
 * as settings code, and every module they import was then taken for a development-only settings file.
 */
export function isSettingsModuleFile(file: SourceFile): boolean {
  const parts = file.rel.split('/');
  const name = parts[parts.length - 1].replace(/\.py$/, '');
  if (parts.includes('migrations')) return false;
  const tests = parts.includes('tests') || parts.includes('test');
  if (!tests && (name === 'settings' || parts[parts.length - 2] === 'settings')) return true;
  if (!(tests ? name.includes('settings') : SETTINGS_NAME.test(name))) return false;
  return setsDjangoSetting(file.text) || /^[ \t]*from[ \t]+[\w.]+[ \t]+import[ \t]+\*/m.test(file.text) || /\bsplit_settings\b/.test(file.text);
}

/**
 * A settings package's `__init__.py` that only holds helpers (Argus: paths, `get_bool_env()`, …): at module level
 * nothing but imports that are not star-imports, plain assignments to names Django does not read, function and
 * class definitions, and calls and branches that set no setting — dora's `random.seed()` and an `if` that loads
 * the development env files into os.environ. Never one that can set settings some other way: exec() (akvo-rsr's
 * `*.conf` files), `globals().update(…)` (shuup), setattr, django-split-settings' include(), a star-import. The
 * modules beside it are the settings.
 */
function helpersOnly(ws: Workspace, file: SourceFile): boolean {
  if (setsDjangoSetting(file.text) || importsConfigurationClass(ws, file)) return false;
  const setsOtherwise = (n: SyntaxNode): boolean =>
    n.descendantsOfType('wildcard_import').length > 0 ||
    n.descendantsOfType('call').some((c) => /\b(exec|execfile|include|update|setattr|globals|locals|vars)\b/.test(c.childForFieldName('function')?.text ?? '')) ||
    n.descendantsOfType(['assignment', 'augmented_assignment']).some((a) => a.childForFieldName('left')?.type !== 'identifier');
  return ws.tree(file).rootNode.namedChildren.every((st) => {
    if (st.type === 'comment' || st.type === 'function_definition' || st.type === 'class_definition' || st.type === 'decorated_definition') return true;
    if (st.type === 'import_statement' || st.type === 'future_import_statement') return true;
    if (st.type === 'import_from_statement') return !st.namedChildren.some((c) => c.type === 'wildcard_import');
    if (st.type === 'if_statement' || st.type === 'try_statement' || st.type === 'with_statement') return !setsOtherwise(st);
    if (st.type !== 'expression_statement') return false;
    const e = st.namedChildren[0];
    if (e?.type === 'string') return true; // a docstring
    if (e?.type === 'call') return !setsOtherwise(st);
    if (e?.type !== 'assignment') return false;
    return e.childForFieldName('left')?.type === 'identifier' && !setsOtherwise(st);
  });
}

/**
 * Does a package's `__init__.py` import a django-configurations class by name from a module beside it (Mozilla's
 * donate-wagtail: `from .production import Production`, DJANGO_CONFIGURATION picking the class)? Then the package
 * is the settings module, not a folder of helpers. Read from the text: the module beside it imports from
 * django-configurations and defines a class of that name.
 */
function importsConfigurationClass(ws: Workspace, file: SourceFile): boolean {
  const dir = file.rel.slice(0, file.rel.lastIndexOf('/') + 1);
  for (const m of file.text.matchAll(/^from\s+\.(\w+)\s+import\s+\(?([\w\s,]+)\)?/gm)) {
    const sibling = ws.get(`${dir}${m[1]}.py`) ?? ws.get(`${dir}${m[1]}/__init__.py`);
    if (!sibling || !/^\s*(from\s+configurations\b|import\s+configurations\b)/m.test(sibling.text)) continue;
    const names = m[2].split(',').map((n) => n.trim().split(/\s+/)[0]).filter(Boolean);
    if (names.some((n) => new RegExp(`^class\\s+${n}\\s*\\(`, 'm').test(sibling.text))) return true;
  }
  return false;
}

/** Does a settings module set anything (settings, imports, calls)? An empty package `__init__` does not, nor one of helpers only. */
export function setsSomething(ws: Workspace, file: SourceFile): boolean {
  if (file.rel.endsWith('__init__.py') && helpersOnly(ws, file)) return false;
  return ws.tree(file).rootNode.namedChildren.some((st) => {
    if (st.type === 'import_from_statement') return true;
    if (st.type === 'expression_statement') {
      const e = st.namedChildren[0];
      return e?.type === 'assignment' || e?.type === 'augmented_assignment' || e?.type === 'call';
    }
    return st.type === 'if_statement' || st.type === 'try_statement' || st.type === 'class_definition' || st.type === 'for_statement' || st.type === 'with_statement';
  });
}
