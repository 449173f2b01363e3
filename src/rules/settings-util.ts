/**
 * Shared helpers for the settings-based checklist rules: which settings modules to look at, the value
 * of a setting in each world (with Django's default when it is missing), and how to say in a message
 * which world a finding holds in ("when DJANGO_DEBUG is unset" / "whatever value DJANGO_DEBUG has").
 *
 * Ground rule: a finding needs a KNOWN insecure value in at least one world. `unknown`, `raise` and
 * `call` (unless a rule asks for a call by name) never make a finding.
 */
import type { Location } from '../finding';
import type { ScanContext, ScannedProject } from '../project/scan';
import {
  UNKNOWN,
  WORLDS,
  bool,
  num,
  dictGet,
  sameValue,
  truthy,
  type DynamicMark,
  type EvaluatedSettings,
  type Overridden,
  type SettingBinding,
  type Value,
  type World,
} from '../project/values';
import { callParts, dottedName, stringValue, walk, type SyntaxNode } from '../project/python';
import { countsFor, projectOf } from '../project/files';
import { isLoopbackHost } from '../project/proxy';
import { doAppSpec, productionEnvironment } from '../project/manifests';
import type { SourceFile } from '../project/workspace';
import { requiredSettings } from '../project/syntax';
import type { RuleHit, RuleResult } from './rule';

export { WORLDS, truthy, dictGet, bool, num };
export type { World, Value, SettingBinding, EvaluatedSettings };

export const NO_PRODUCTION = 'no production settings module was found';

/** The production settings of every project that has one. */
export function productionSettings(ctx: ScanContext): Array<{ project: ScannedProject; settings: EvaluatedSettings }> {
  const out: Array<{ project: ScannedProject; settings: EvaluatedSettings }> = [];
  for (const project of ctx.projects) if (project.production) out.push({ project, settings: project.production });
  return out;
}

/**
 * Run `check` on each production settings module. Returns `notApplicable` when there is none.
 * Hits are de-duplicated by location + message (two projects can share a base module).
 */
export function forProduction(ctx: ScanContext, check: (s: EvaluatedSettings, project: ScannedProject) => RuleHit[]): RuleResult {
  const prod = productionSettings(ctx);
  if (prod.length === 0) return { hits: [], notApplicable: NO_PRODUCTION };
  return { hits: dedupe(prod.flatMap(({ project, settings }) => [...check(settings, project), ...maybeMissing(settings, project, check)])) };
}

/**
 * When settings may be set by code the scan cannot follow, a rule never reports a setting as missing: such
 * findings (those the rule makes only when the dynamic code is ignored) become notes that say what could
 * still set it. Unreadable files are not in this case: launch.E002 already stops the launch.
 */
function maybeMissing(s: EvaluatedSettings, project: ScannedProject, check: (s: EvaluatedSettings, project: ScannedProject) => RuleHit[]): RuleHit[] {
  if (s.dynamic.length === 0 || s.unreadable.length > 0) return [];
  const firm = new Set(check(s, project).map((h) => `${h.location.file}:${h.location.line}`));
  const d = s.dynamic[0];
  const where = `${d.location.file}:${d.location.line}`;
  return check({ ...s, dynamic: [] }, project)
    .filter((h) => !firm.has(`${h.location.file}:${h.location.line}`))
    .map((h) => ({
      ...h,
      level: 'note' as const,
      message: `${h.message.replace(/\.$/, '')} — unless it is set by code the scan cannot follow (${d.reason}, ${where}${s.dynamic.length > 1 ? ` and ${s.dynamic.length - 1} more place${s.dynamic.length > 2 ? 's' : ''}` : ''}): a note, not a warning.`,
    }));
}

export function dedupe(hits: RuleHit[]): RuleHit[] {
  const seen = new Set<string>();
  return hits.filter((h) => {
    const k = `${h.location.file}:${h.location.line}:${h.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export function bindingIn(settings: EvaluatedSettings, name: string): SettingBinding | undefined {
  return settings.bindings.get(name);
}

/**
 * The value of a setting in a world; `dflt` (Django's default) when the module never sets it — unless the
 * module may set names dynamically (globals().update, exec, an include or star-import the scan cannot see):
 * then a missing setting is unknown, and no rule reports it missing.
 */
export function valueIn(settings: EvaluatedSettings, name: string, world: World, dflt?: Value): Value | undefined {
  const b = settings.bindings.get(name);
  if (b) return b[world];
  return dflt !== undefined && mayBeSetDynamically(settings) ? UNKNOWN : dflt;
}

/** Can settings missing from the evaluated module still be set (dynamic code, unreadable files)? */
export function mayBeSetDynamically(settings: EvaluatedSettings): boolean {
  return settings.dynamic.length > 0 || settings.unreadable.length > 0;
}

/** Where a finding about `name` points: the line that sets it, or the module's anchor when it is missing. */
export function locationOf(settings: EvaluatedSettings, name: string): Location {
  return settings.bindings.get(name)?.location ?? settings.anchor;
}

/** Where a finding that holds in `worlds` points: the set world's own line when it holds only there. */
export function whereIn(b: SettingBinding, worlds: readonly World[]): Location {
  return worlds.length === 1 && worlds[0] === 'set' && b.setLocation ? b.setLocation : b.location;
}

/** The worlds in which `pred` holds (pred returns true only for a known, insecure value). */
export function worldsWhere(pred: (world: World) => boolean | undefined): World[] {
  return WORLDS.filter((w) => pred(w) === true);
}

/** `production settings \`mysite.settings.prod\``. */
export function label(settings: EvaluatedSettings): string {
  return `${settings.production ? 'production' : 'non-production'} settings \`${settings.module}\``;
}

/**
 * The file production's settings are made from at deploy time, when they are not in the repository as they
 * run: an example or template the operator copies and fills in (patchwork's `production.example.py` for
 * `patchwork.settings.production`, deployTimeModule in src/project/settings-modules.ts) or one rendered by a
 * template engine. undefined for settings that are in the repository as they run.
 */
export function madeFrom(settings: EvaluatedSettings): string | undefined {
  if (settings.template) return settings.file;
  const own = settings.module.split('.').pop() ?? '';
  const name = (settings.file.split('/').pop() ?? '').replace(/\.py$/, '');
  return name !== own && name !== '__init__' && /[._-](example|template|sample|dist|default)$/i.test(name) ? settings.file : undefined;
}

/**
 * A setting the scan cannot read at all: neither it nor INSTALLED_APPS (which every project's settings set) is set
 * where the scan reads, and code it cannot follow may set any setting — shuup's settings are
 * `globals().update(...)` of what its configuration code returns. Its value, Django's default or another, is
 * unknown: the code that may set it, or undefined. Not for settings that merely may be overridden by a local
 * file (`from .local_settings import *`): those set INSTALLED_APPS themselves, and rules judge what they show.
 */
export function unreadSetting(settings: EvaluatedSettings, name: string): DynamicMark | undefined {
  if (settings.bindings.has(name) || settings.bindings.has('INSTALLED_APPS')) return undefined;
  return settings.dynamic.find((d) => d.overrides);
}

// ---------------------------------------------------------------------------------------------
// Value helpers

export function isTrue(v: Value | undefined): boolean {
  return !!v && v.kind === 'bool' && v.value === true;
}

/** Known to be falsy (missing counts as Django's default, which callers pass in). */
export function isFalsy(v: Value | undefined): boolean {
  return !!v && truthy(v) === false;
}

/** The string items of a list, or undefined when the value is not a list or an item is not a known string. */
export function strItems(v: Value | undefined): string[] | undefined {
  if (!v) return undefined;
  if (v.kind === 'str') return [v.value];
  if (v.kind !== 'list') return undefined;
  const out: string[] = [];
  for (const it of v.items) {
    if (it.kind !== 'str') return undefined;
    out.push(it.value);
  }
  return out;
}

/** Does a list contain a string item? true/false when it can be known; undefined otherwise. */
export function listHas(v: Value | undefined, match: (s: string) => boolean): boolean | undefined {
  if (!v || v.kind !== 'list') return undefined;
  let unknownItem = false;
  for (const it of v.items) {
    if (it.kind === 'str') {
      if (match(it.value)) return true;
    } else unknownItem = true;
  }
  return unknownItem ? undefined : false;
}

/** A known string value, or undefined. */
export function strOf(v: Value | undefined): string | undefined {
  return v && v.kind === 'str' ? v.value : undefined;
}

/** `DATABASES['default']` in a world, when known to be a dict. */
export function defaultDatabase(settings: EvaluatedSettings, world: World): Value | undefined {
  const d = dictGet(valueIn(settings, 'DATABASES', world), 'default');
  return d && d.kind === 'dict' ? d : undefined;
}

/**
 * DATABASES has a default entry whose value the scan cannot read (`{"default": env.db()}` through an Env it does
 * not model: meine-stadt-transparent): its ENGINE and CONN_MAX_AGE are unknown, not absent.
 */
export function defaultDatabaseUnread(settings: EvaluatedSettings, world: World): boolean {
  const d = dictGet(valueIn(settings, 'DATABASES', world), 'default');
  return !!d && d.kind !== 'dict';
}

export const SECURITY_MIDDLEWARE = 'django.middleware.security.SecurityMiddleware';
/**
 * django-secure's middleware, which Django 1.8 took in as SecurityMiddleware: it reads the same SECURE_* settings
 * (redirect, HSTS, nosniff), so on the Django releases before 1.8 — and on 1.8 where a project kept it (PyCon's
 * site) — it is the security middleware.
 */
const DJANGO_SECURE_MIDDLEWARE = 'djangosecure.middleware.SecurityMiddleware';

/** Is Django's SecurityMiddleware, or django-secure's, in MIDDLEWARE in this world? undefined when unknown. */
export function securityMiddlewareIn(settings: EvaluatedSettings, world: World): boolean | undefined {
  return listHasIn(settings, 'MIDDLEWARE', world, { kind: 'list', items: [] }, (s) => s === SECURITY_MIDDLEWARE || s === DJANGO_SECURE_MIDDLEWARE);
}

/**
 * Does a list setting hold a matching item in this world? A missing setting is `dflt`. When the value is
 * unknown only because undecided paths set different known lists (`if FLAG: MIDDLEWARE += [...]`), the answer
 * holds when every alternative agrees. undefined when it cannot be known.
 */
export function listHasIn(settings: EvaluatedSettings, name: string, world: World, dflt: Value, match: (s: string) => boolean): boolean | undefined {
  const v = valueIn(settings, name, world, dflt);
  const alternatives = v?.kind === 'unknown' ? settings.bindings.get(name)?.alternatives?.[world] : undefined;
  if (!alternatives) return listHas(v, match);
  const answers = alternatives.map((a) => listHas(a, match));
  return answers.every((a) => a === true) ? true : answers.every((a) => a === false) ? false : undefined;
}

/**
 * Is a middleware installed in this world? Missing MIDDLEWARE is Django's default `[]`.
 * undefined when MIDDLEWARE is not a known list of strings.
 */
export function middlewareHas(settings: EvaluatedSettings, world: World, path: string): boolean | undefined {
  return listHasIn(settings, 'MIDDLEWARE', world, { kind: 'list', items: [] }, (s) => s === path);
}

/**
 * Known in every world: production runs neither the session nor the authentication middleware — no session
 * cookie is read and no user is logged in from one (the admin cannot run without both: admin.E408/E410): an
 * API whose clients send a token header. What a forged or framed request rides on — the browser's session
 * cookie — is not there: clickjacking (launch.W107) and cross-site request forgery (launch.W129) are moot, and
 * Django's checks, which look only for their own middleware, still fire.
 */
export function sessionless(s: EvaluatedSettings): boolean {
  return WORLDS.every((w) =>
    middlewareHas(s, w, 'django.contrib.sessions.middleware.SessionMiddleware') === false &&
    middlewareHas(s, w, 'django.contrib.auth.middleware.AuthenticationMiddleware') === false);
}

/**
 * MIDDLEWARE is unknown in this world only because code the scan cannot follow ran after it was set (a
 * star-import of a module not in the repository, `exec()` of a local file), and every value it had before held
 * the middleware: that override, for a rule to say "installed at <line> unless <code> takes it out" — never a
 * yes, since that code may have replaced the list. undefined otherwise.
 */
export function middlewareHadBeforeOverride(settings: EvaluatedSettings, world: World, path: string): Overridden | undefined {
  const o = settings.bindings.get('MIDDLEWARE')?.overridden?.[world];
  return o && o.before.every((v) => listHas(v, (s) => s === path) === true) ? o : undefined;
}

/**
 * How the session cookie's SameSite attribute limits credentialed cross-site requests in a world:
 * 'none' (SameSite=None: every site's requests carry it), 'absent' (False/None: no attribute — Chrome treats it
 * as Lax, Firefox and Safari send it cross-site), 'lax' ('Lax'/'Strict', Django's default 'Lax': only same-site
 * origins carry it), undefined when unknown.
 */
export function sessionSameSite(s: EvaluatedSettings, w: World): 'none' | 'absent' | 'lax' | undefined {
  const b = s.bindings.get('SESSION_COOKIE_SAMESITE');
  if (!b) return 'lax';
  const v = b[w];
  if (v.kind === 'bool' && v.value === false) return 'absent';
  if (v.kind === 'none') return 'absent';
  const str = strOf(v);
  if (str === undefined) return undefined;
  if (/^none$/i.test(str)) return 'none';
  if (/^(lax|strict)$/i.test(str)) return 'lax';
  return undefined;
}

/** Is an app installed (by dotted path or its AppConfig)? undefined when INSTALLED_APPS is not known. */
export function appInstalled(settings: EvaluatedSettings, world: World, app: string): boolean | undefined {
  return listHasIn(settings, 'INSTALLED_APPS', world, { kind: 'list', items: [] }, (s) => s === app || s.startsWith(`${app}.`));
}

// ---------------------------------------------------------------------------------------------
// Saying which world

/** Environment variable names a binding reads: `env` values in either world plus the env reads on its source line. */
export function envVarNames(ctx: ScanContext, bindings: Array<SettingBinding | undefined>): string[] {
  const names = new Set<string>();
  for (const b of bindings) {
    if (!b) continue;
    collectEnv(b.unset, names);
    collectEnv(b.set, names);
    for (const n of envReadsAt(ctx, b.location)) names.add(n);
  }
  return [...names];
}

function collectEnv(v: Value, into: Set<string>): void {
  if (v.kind === 'env') into.add(v.name);
  else if (v.kind === 'list') v.items.forEach((i) => collectEnv(i, into));
  else if (v.kind === 'dict') v.entries.forEach(([, i]) => collectEnv(i, into));
}

/** Reads of the environment in the statement at `loc`: os.getenv("X"), os.environ["X"], env.bool("X"), config("X"), dj_database_url.config(). */
export function envReadsAt(ctx: ScanContext, loc: Location): string[] {
  const file = ctx.workspace.get(loc.file);
  if (!file || !file.rel.endsWith('.py')) return [];
  let stmt: SyntaxNode | undefined;
  walk(ctx.workspace.tree(file).rootNode, (n) => {
    if (stmt) return false;
    if (n.endPosition.row < loc.line - 1 || n.startPosition.row > loc.line - 1) return false;
    if (n.type === 'expression_statement' && n.startPosition.row === loc.line - 1) {
      stmt = n;
      return false;
    }
    return true;
  });
  if (!stmt) return [];
  const out: string[] = [];
  walk(stmt, (n) => {
    if (n.type === 'subscript') {
      const obj = dottedName(n.childForFieldName('value'));
      const key = stringValue(n.childForFieldName('subscript'));
      if (obj && /(^|\.)environ$/.test(obj) && key) out.push(key);
    } else if (n.type === 'call') {
      const { callee, args, kwargs } = callParts(n);
      if (!callee) return;
      const first = stringValue(args[0]);
      if (/(^|\.)dj_database_url\.(config|db_url)$/.test(callee) || callee === 'db_url') {
        out.push(stringValue(kwargs.get('env')) ?? 'DATABASE_URL');
      } else if (/^env\.(db|db_url|database_url|cache|cache_url|email|email_url|search_url)$/.test(callee)) {
        out.push(first ?? (callee.includes('db') || callee.includes('database') ? 'DATABASE_URL' : callee.includes('cache') ? 'CACHE_URL' : callee.includes('email') ? 'EMAIL_URL' : 'SEARCH_URL'));
      } else if (first && isEnvReader(callee)) {
        out.push(first);
      }
    }
  });
  return out;
}

function isEnvReader(callee: string): boolean {
  return (
    /(^|\.)getenv$/.test(callee) ||
    /(^|\.)environ\.(get|setdefault|pop)$/.test(callee) ||
    /^(env|environ|config)$/.test(callee) ||
    /^(env|environ|config)\.\w+$/.test(callee) ||
    /(^|\.)decouple\.config$/.test(callee)
  );
}

function listNames(names: string[]): string {
  if (names.length === 1) return names[0];
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/**
 * The clause saying in which world a finding holds, with a leading space, or '' when the value does
 * not depend on the environment at all.
 *   unset only  -> " when DJANGO_DEBUG is unset"
 *   set only    -> " whenever DJANGO_DEBUG is set, whatever its value"
 *   both, env   -> " whether or not DJANGO_DEBUG is set"
 */
export function worldClause(ctx: ScanContext, worlds: World[], bindings: Array<SettingBinding | undefined>): string {
  // per binding, the variables its line reads — or, when it reads none, those its value was computed from through
  // names in between (`ALLOWED_HOSTS = []` then `ALLOWED_HOSTS += HOSTS_FROM_ENV`)
  const names = [...new Set(bindings.flatMap((b) => {
    const read = envVarNames(ctx, [b]);
    return read.length ? read : (b?.envVars ?? []);
  }))];
  const envDriven = names.length > 0 || bindings.some((b) => b && !sameValue(b.unset, b.set));
  const subject = names.length ? listNames(names) : 'its environment variable';
  const plural = names.length > 1;
  if (worlds.length === 0) return '';
  if (worlds.length === WORLDS.length) return envDriven ? ` whether or not ${subject} ${plural ? 'are' : 'is'} set` : '';
  // Only the set world, because the settings do not load at all without the environment (DORA's prod.py raises
  // without DATABASE_URL: failsWhenUnset) and no variable of these lines decides it: production runs only so, and
  // "whenever its environment variable is set" would name no variable — nothing to qualify.
  if (!names.length && worlds.length === 1 && worlds[0] === 'set') {
    const b = bindings.find((x): x is SettingBinding => x !== undefined);
    if (b && projectOf(ctx, b.location.file)?.production?.failsWhenUnset) return '';
  }
  if (worlds[0] === 'unset') {
    // the value then is the image's .env's, not the default the settings write (Firefox Relay's DEBUG=True)
    const image = bindings.find((b) => b?.imageDotenv)?.imageDotenv;
    const from = image ? `, as the .env in the production image says (${image}; python-decouple reads it before the settings' default)` : '';
    return envDriven ? ` when ${subject} ${plural ? 'are' : 'is'} unset${from}` : '';
  }
  return envDriven ? ` whenever ${subject} ${plural ? 'are' : 'is'} set, whatever ${plural ? 'their values' : 'its value'}` : '';
}

/**
 * A finding about a setting the settings choose by DEBUG (`SECRET_KEY = "dev" if DEBUG else os.environ[…]`,
 * `SECURE_SSL_REDIRECT = not DEBUG`), in worlds where production's DEBUG is True: DEBUG on is the one mistake,
 * and launch.E010 reports it (the Django Girls site: a literal key and no HTTPS redirect, both only with DEBUG
 * on). Returns the note's clause and DEBUG's binding (for worldClause: `when DJANGO_DEBUG is unset`), or
 * undefined when the line does not read DEBUG or DEBUG is not known True in every world of the finding.
 */
export function followsDebug(ctx: ScanContext, s: EvaluatedSettings, name: string, worlds: readonly World[]): { note: string; debug: SettingBinding } | undefined {
  const b = s.bindings.get(name);
  const debug = s.bindings.get('DEBUG');
  if (!b || !debug || worlds.length === 0 || !worlds.every((w) => isTrue(debug[w]))) return undefined;
  const file = ctx.workspace.get(b.location.file);
  const line = file?.text.split('\n')[b.location.line - 1] ?? '';
  const assigned = new RegExp(`^\\s*${name}\\s*(?::[^=]*)?=(?!=)(.*)$`).exec(line);
  if (!file || !assigned) return undefined;
  // the value reads DEBUG, or the `if` it is assigned under tests it (`if not SECRET_KEY and DEBUG:` — saleor)
  if (!/\bDEBUG\b/.test(assigned[1]) && !underDebugTest(ctx, file, b.location.line, line)) return undefined;
  return { note: ' — a note: the line chooses it by DEBUG, which is True then: DEBUG on is the mistake, and launch.E010 reports it', debug };
}

/**
 * Top-level domains browsers load over HTTPS only, the whole TLD on the HSTS preload list that Chrome, Firefox and
 * Safari ship (Google Registry's .app, .dev, .page, .new, .day, .foo; fTLD's .bank and .insurance): no browser sends
 * a plain-HTTP request to a host under them.
 */
const HSTS_PRELOADED_TLD = /\.(app|dev|page|new|day|foo|bank|insurance)\.?$/i;

/**
 * Every host production's ALLOWED_HOSTS accepts, in every world, is under an HSTS-preloaded TLD (SaaS Foundations'
 * `.railway.app`): browsers reach Django over HTTPS only, so the redirect, the HSTS header and the cookies' Secure
 * flag protect nothing a browser does there. What to say in the note, or undefined (a wildcard, an IP, any other
 * name, or a value not known).
 */
export function preloadedHostsOnly(s: EvaluatedSettings, ctx?: ScanContext): string | undefined {
  const b = s.bindings.get('ALLOWED_HOSTS');
  const given = ctx && b ? deployGivenHosts(ctx, b) : undefined;
  if (given) {
    const remote = preloadedRemote(given.hosts);
    return remote && preloadedNote(remote, `, as ${given.where} sets ${given.name}${given.to ? ` to ${given.to}` : ''}`);
  }
  const hosts = new Set<string>();
  for (const w of WORLDS) {
    // every value undecided paths may give it (`if DEBUG: ALLOWED_HOSTS += ["localhost"]`)
    const values = b ? b.alternatives?.[w] ?? [b[w]] : [valueIn(s, 'ALLOWED_HOSTS', w, { kind: 'list', items: [] })!];
    for (const v of values) {
      const items = strItems(v) ?? (ctx && b && !b.conditional && !b.alternatives ? hostTails(ctx, b) : undefined);
      const remote = items && preloadedRemote(items);
      if (!remote) return undefined;
      for (const h of remote) hosts.add(h);
    }
  }
  return preloadedNote([...hosts], '');
}

/**
 * The hosts other machines reach (not the machine's own names: no other machine's browser reaches them), when
 * there is one and every one is under an HSTS-preloaded TLD; undefined otherwise.
 */
function preloadedRemote(hosts: readonly string[]): string[] | undefined {
  const remote = hosts.filter((h) => !isLoopbackHost(h.replace(/^\./, '').replace(/:\d+$/, '')));
  return remote.length > 0 && remote.every((h) => HSTS_PRELOADED_TLD.test(h.replace(/:\d+$/, ''))) ? remote : undefined;
}

function preloadedNote(hosts: readonly string[], source: string): string {
  const tlds = [...new Set(hosts.map((h) => h.replace(/:\d+$/, '').replace(/\.$/, '').split('.').pop()))].map((t) => `.${t}`);
  return `every host ALLOWED_HOSTS accepts (${hosts.join(', ')}${source}) is under ${tlds.join(', ')}, a top-level domain browsers load over HTTPS only (the HSTS preload list): no browser sends a plain-HTTP request there — until a custom domain is added`;
}

/**
 * Why a finding that an HTTPS setting (SECURE_SSL_REDIRECT, SECURE_HSTS_SECONDS, the cookies' Secure flags) is off
 * is a note: the line chooses it by DEBUG (followsDebug), or every host is under an HSTS-preloaded TLD
 * (preloadedHostsOnly). `clause` goes after the message's main clause; `debug` is DEBUG's binding for worldClause.
 */
export function httpsNote(ctx: ScanContext, s: EvaluatedSettings, name: string, worlds: readonly World[]): { clause: string; debug?: SettingBinding } | undefined {
  const d = followsDebug(ctx, s, name, worlds);
  if (d) return { clause: d.note, debug: d.debug };
  const preloaded = preloadedHostsOnly(s, ctx);
  return preloaded ? { clause: ` — a note: ${preloaded}` } : undefined;
}

/**
 * The hosts of `ALLOWED_HOSTS = [f"{APP_NAME}.fly.dev", "x.example"]` as far as their text fixes them: an f-string's
 * literal text after its last interpolation, when it names a domain (`.fly.dev`: whatever the app's name, the host
 * is under .dev — fly-apps/hello-django), written as `*` + that tail; a plain string as it is. undefined unless the
 * binding is one such list literal.
 */
function hostTails(ctx: ScanContext, b: SettingBinding): string[] | undefined {
  if (!b.location.file.endsWith('.py')) return undefined;
  let st: SyntaxNode | null | undefined = nodeAt(ctx, b.location);
  while (st && st.type !== 'assignment') st = st.parent;
  const list = st?.childForFieldName('left')?.text === 'ALLOWED_HOSTS' ? st.childForFieldName('right') : null;
  if (list?.type !== 'list' || list.namedChildren.length === 0) return undefined;
  const out: string[] = [];
  for (const item of list.namedChildren) {
    if (item.type !== 'string') return undefined;
    const parts = item.namedChildren.filter((c) => c.type === 'string_content' || c.type === 'interpolation');
    const last = parts.map((c) => c.type).lastIndexOf('interpolation');
    const tail = parts.slice(last + 1).map((c) => c.text).join('');
    if (last < 0) out.push(tail);
    else if (/^\.[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(tail)) out.push(`*${tail}`);
    else return undefined;
  }
  return out;
}

/**
 * ALLOWED_HOSTS read from one environment variable on its line (`os.getenv("DJANGO_ALLOWED_HOSTS", "localhost")
 * .split(",")`, `env.list("ALLOWED_HOSTS")`) that every production deploy file setting it gives the same value
 * (Koyeb's sample: `DJANGO_ALLOWED_HOSTS=.koyeb.app` in its deploy workflow): production's hosts, whatever the
 * fallback says. Undefined when the line reads more than that, or no deploy file gives a value.
 */
function deployGivenHosts(ctx: ScanContext, b: SettingBinding): { name: string; hosts: string[]; where: string; to?: string } | undefined {
  const file = ctx.workspace.get(b.location.file);
  const line = file?.text.split('\n')[b.location.line - 1] ?? '';
  const m = /^\s*ALLOWED_HOSTS\s*=\s*(?:os\.getenv|os\.environ\.get|env\.list|env|config)\(\s*['"]([A-Za-z_][A-Za-z0-9_]*)['"][^()]*(?:\([^()]*\)[^()]*)*\)(?:\.split\(\s*['"],['"]\s*\))?\s*(?:#.*)?$/.exec(line);
  if (!m || b.conditional || b.alternatives) return undefined;
  const project = projectOf(ctx, b.location.file);
  const given = (ctx.environment ?? productionEnvironment(ctx.workspace)).filter((e) => e.name === m[1] && !e.dev && (!project || countsFor(ctx, project, e.file)));
  const values = [...new Set(given.map((e) => e.value))];
  if (given.length === 0 || values.length !== 1 || !values[0]?.trim()) return undefined;
  const where = `${given[0]!.file}:${given[0]!.line}`;
  const hosts = values[0].split(',').map((h) => h.trim()).filter(Boolean);
  const appDomain = hosts.findIndex((h) => /^\$\{\s*APP_DOMAIN\s*\}$/.test(h));
  if (appDomain < 0) return { name: m[1]!, hosts, where };
  // App Platform's `${APP_DOMAIN}`: the app's default *.ondigitalocean.app domain when no spec that sets the
  // variable names a domain (src/project/manifests.ts doAppSpec); otherwise a domain the scan cannot read.
  const specs = given.map((e) => (e.kind === 'do-app' ? doAppSpec(ctx.workspace.get(e.file) ?? { rel: e.file, text: '' }) : undefined));
  if (specs.some((sp) => !sp || sp.domains)) return undefined;
  hosts[appDomain] = `${specs[0]!.name ?? 'app'}-<id>.ondigitalocean.app`;
  return { name: m[1]!, hosts, where, to: `\${APP_DOMAIN}, App Platform's default domain for an app whose spec names none` };
}

/** The syntax node at a location in a file of the scan (a setting's binding), or undefined. */
function nodeAt(ctx: ScanContext, at: Location): SyntaxNode | undefined {
  const file = ctx.workspace.get(at.file);
  return file && ctx.workspace.tree(file).rootNode.descendantForPosition({ row: at.line - 1, column: Math.max(0, (at.column ?? 1) - 1) });
}

/** Is the statement on this line (`text`) inside an `if`/`elif` whose test names DEBUG (the nearest one)? */
function underDebugTest(ctx: ScanContext, file: SourceFile, line: number, text: string): boolean {
  let n: SyntaxNode | null = ctx.workspace.tree(file).rootNode.descendantForPosition({ row: line - 1, column: text.length - text.trimStart().length });
  while (n && n.type !== 'if_statement' && n.type !== 'elif_clause' && n.type !== 'function_definition' && n.type !== 'class_definition') n = n.parent;
  const test = n && (n.type === 'if_statement' || n.type === 'elif_clause') ? n.childForFieldName('condition') : null;
  return !!test && /\bDEBUG\b/.test(test.text);
}

/**
 * Is a boolean-ish setting known to be off in this world? A missing setting takes `dflt` (Django's default).
 * undefined when the value is unknown (an env read that parses the variable, a `raise`).
 */
export function settingOff(settings: EvaluatedSettings, name: string, world: World, dflt: Value): boolean | undefined {
  const v = valueIn(settings, name, world, dflt)!;
  const t = truthy(v);
  return t === undefined ? undefined : !t;
}

/** "is not set" / "is False" for a message about a setting that is off. */
export function offPhrase(settings: EvaluatedSettings, name: string): string {
  const b = settings.bindings.get(name);
  if (!b) return `is not set`;
  const v = b.unset.kind !== 'unknown' ? b.unset : b.set;
  if (v.kind === 'bool') return `is ${v.value ? 'True' : 'False'}`;
  if (v.kind === 'num') return `is ${v.value}`;
  if (v.kind === 'none') return 'is None';
  if (v.kind === 'str' && v.value === '') return 'is empty';
  return 'is off';
}

/** `check(world)` only where SecurityMiddleware is known to be installed (Django's security checks do the same). */
export function withSecurityMiddleware(settings: EvaluatedSettings, check: (world: World) => boolean | undefined): (world: World) => boolean | undefined {
  return (w) => (securityMiddlewareIn(settings, w) === true ? check(w) : undefined);
}

/** Is DEBUG known to be off in every world of the production settings the file belongs to? */
export function debugOffInProduction(ctx: ScanContext, rel: string): boolean {
  const s = projectOf(ctx, rel)?.production;
  return !!s && WORLDS.every((w) => settingOff(s, 'DEBUG', w, bool(false)) === true);
}

/**
 * A setting the node runs only with (requiredSettings: `if settings.VOIP_FORWARD_DATA:`) that production's
 * settings make falsy in every world — set to False, None, 0 or empty, or left unset behind a getattr() with a
 * falsy default: the code never runs in production. The setting's name, or undefined. DEBUG is left to its own
 * wording (onlyWhenDebug, DEBUG_ONLY_NOTE).
 */
export function switchedOffInProduction(ctx: ScanContext, rel: string, node: SyntaxNode): string | undefined {
  const s = projectOf(ctx, rel)?.production;
  if (!s) return undefined;
  const off = requiredSettings(node).find(({ name, orUnset }) => name !== 'DEBUG' && (s.bindings.has(name) || orUnset) && WORLDS.every((w) => settingOff(s, name, w, orUnset ? bool(false) : UNKNOWN) === true));
  return off?.name;
}

// ---------------------------------------------------------------------------------------------
// Guards the settings keep

/** A check in the settings chain that stops Django from starting with an insecure value, and when it runs. */
export interface StartupGuard {
  location: Location;
  /** The `if` conditions around it (`ENVIRONMENT == 'prod'`), empty when it always runs. */
  when: string[];
}

/**
 * `assert not DEBUG`, `assert SECRET_KEY != "CHANGE_ME"`, or `if DEBUG: raise ImproperlyConfigured(…)` in a module
 * of the production settings chain (money-to-prisoners' docker settings, under `if ENVIRONMENT == 'prod':`): a
 * deploy that leaves the insecure value fails at start instead of serving with it. `asserts` tells an assert's
 * test that rejects the value; `raises` tells an `if` test whose body raises when it holds. The first found.
 */
export function startupGuard(ctx: ScanContext, s: EvaluatedSettings, asserts: (test: string) => boolean, raises: (test: string) => boolean): StartupGuard | undefined {
  const norm = (n: SyntaxNode | null | undefined) => (n?.text ?? '').replace(/\s+/g, ' ').trim();
  for (const rel of s.files) {
    const file = ctx.workspace.get(rel);
    if (!file || !/\bassert\b|\braise\b/.test(file.text)) continue;
    let found: SyntaxNode | undefined;
    walk(ctx.workspace.tree(file).rootNode, (n) => {
      if (found || n.type === 'function_definition' || n.type === 'class_definition') return false;
      if (n.type === 'assert_statement' && asserts(norm(n.namedChildren[0]))) found = n;
      else if (n.type === 'if_statement' && raises(norm(n.childForFieldName('condition'))) && n.childForFieldName('consequence')?.namedChildren.some((c) => c.type === 'raise_statement')) found = n;
      return !found;
    });
    if (!found) continue;
    const when: string[] = [];
    for (let c: SyntaxNode = found, p = found.parent; p; c = p, p = p.parent) {
      if (p.type === 'if_statement' && p.childForFieldName('consequence')?.id === c.id) when.unshift(norm(p.childForFieldName('condition')));
    }
    return { location: { file: rel, line: found.startPosition.row + 1 }, when };
  }
  return undefined;
}

/**
 * The value at `at` is assigned only in the body of an `if` whose `else` raises (openstax-cms: `if ENVIRONMENT in
 * ('local', 'test'): SECRET_KEY = 'django-insecure-…' / else: raise ImproperlyConfigured(…)`): outside that
 * condition the settings refuse to start rather than use it. The raise and the condition; undefined otherwise.
 */
export function elseRaises(ctx: ScanContext, at: Location): { location: Location; condition: string } | undefined {
  let n: SyntaxNode | null | undefined = nodeAt(ctx, at);
  while (n && n.type !== 'expression_statement' && n.parent) n = n.parent;
  const block = n?.parent;
  const branch = block?.parent;
  if (block?.type !== 'block' || branch?.type !== 'if_statement' || branch.childForFieldName('consequence')?.id !== block.id) return undefined;
  if (branch.namedChildren.some((c) => c.type === 'elif_clause')) return undefined;
  const raise = branch.namedChildren.find((c) => c.type === 'else_clause')?.childForFieldName('body')?.namedChildren.find((c) => c.type === 'raise_statement');
  if (!raise) return undefined;
  return { location: { file: at.file, line: raise.startPosition.row + 1 }, condition: (branch.childForFieldName('condition')?.text ?? '').replace(/\s+/g, ' ').trim() };
}

/** For a value elseRaises() finds: the finding's " — a note: it is assigned only when …" and its related location. */
export function elseRaisesNote(g: { location: Location; condition: string }): { clause: string; related: Array<{ location: Location; message: string }> } {
  return {
    clause: ` — a note: it is assigned only when \`${g.condition}\`, and otherwise the settings raise (${g.location.file}:${g.location.line}), so a deploy outside that case fails at start instead of serving with it; make sure production never meets that condition`,
    related: [{ location: g.location, message: 'the settings raise here outside that condition' }],
  };
}

/** " — a note: the settings refuse to start with it (…)" for a finding a startup guard turns into a fail-fast. */
export function guardNote(g: StartupGuard): string {
  const when = g.when.length ? ` when ${g.when.map((w) => `\`${w}\``).join(' and ')}` : '';
  return ` — a note: the settings refuse to start with it (${g.location.file}:${g.location.line}${when}), so such a deploy fails at start instead of serving with it; make sure that condition holds in production (and that Python does not run with -O, which skips assert)`;
}

/** The statement that starts at a 1-based line of a settings file. */
export function statementAt(ctx: ScanContext, file: string, line: number): SyntaxNode | undefined {
  const f = ctx.workspace.get(file);
  if (!f || !f.rel.endsWith('.py')) return undefined;
  let found: SyntaxNode | undefined;
  walk(ctx.workspace.tree(f).rootNode, (n) => {
    if (found || n.endPosition.row < line - 1 || n.startPosition.row > line - 1) return false;
    if (n.type === 'expression_statement' && n.startPosition.row === line - 1) {
      found = n;
      return false;
    }
    return true;
  });
  return found;
}
