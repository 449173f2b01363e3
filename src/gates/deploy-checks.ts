/**
 * `deploy-checks`: Django's system checks with the deployment checks included (`manage.py check --deploy`),
 * structured through helper.py, per project with production settings. Each check becomes a Finding with
 * Django's ID, located at the settings line of the setting it concerns (or the model/field it names).
 * Warnings count — Django exits 0 on them, this gate does not; silenced checks are kept as notes.
 */
import { isAbsolute, relative, sep } from 'node:path';
import type { Finding, GateResult, Level, Location } from '../finding';
import type { ScannedProject } from '../project/scan';
import { describeFailure, probe, runHelper } from '../django/python';
import { runPerProject, type GateContext, type ProjectOutcome, type RuntimeGate } from './gate';

/** Django check IDs → the settings they concern (first one bound in the settings wins). */
export const CHECK_SETTINGS: Record<string, string[]> = {
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
export function levelOf(djangoLevel: string): Level {
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

export interface CheckMessage {
  id: string;
  level: string;
  message: string;
  hint: string | null;
  obj: string | null;
  silenced: boolean;
  /** Absolute source file of the model/field the check names (helper.py via inspect). */
  file?: string;
  line?: number;
}

export interface ChecksJson {
  django: string;
  settings_module: string;
  debug: string;
  silenced: string[];
  messages: CheckMessage[];
}

/** A path the helper reported (absolute) as a scan-root-relative location, or undefined outside the root. */
export function relativeToRoot(root: string, file: string): string | undefined {
  if (!isAbsolute(file)) return undefined;
  const rel = relative(root, file);
  if (!rel || rel.startsWith('..') || isAbsolute(rel)) return undefined;
  return rel.split(sep).join('/');
}

/** Where a check points: the model/field source, else the settings line of its setting, else the anchor. */
export function locate(ctx: GateContext, project: ScannedProject, m: Pick<CheckMessage, 'id' | 'file' | 'line'>): Location {
  if (m.file && m.line) {
    const rel = relativeToRoot(ctx.scan.root, m.file);
    if (rel) return { file: rel, line: m.line };
  }
  const s = project.production!;
  for (const name of CHECK_SETTINGS[m.id] ?? []) {
    const b = s.bindings.get(name);
    if (b) return { ...b.location };
  }
  return s.anchor ? { ...s.anchor } : { file: s.file, line: 1 };
}

function messageOf(m: CheckMessage, settingsModule: string): string {
  let text = m.message.trim();
  if (m.obj) text = `${m.obj}: ${text}`;
  if (m.hint) text += ` HINT: ${m.hint.trim()}`;
  if (m.silenced) text += ` (silenced by SILENCED_SYSTEM_CHECKS in ${settingsModule})`;
  return text;
}

async function checkProject(ctx: GateContext, project: ScannedProject): Promise<ProjectOutcome> {
  const p = await probe(ctx, project);
  if (!p.ok) return { findings: [], detail: '', error: p.error };
  const { run, data } = await runHelper<ChecksJson>(ctx, project, ['checks', '--deploy']);
  if (!data) return { findings: [], detail: '', error: describeFailure(ctx, `Django's system checks for ${project.info.settingsModule}`, run) };
  const findings: Finding[] = data.messages.map((m) => ({
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

export const deployChecksGate: RuntimeGate = {
  name: 'deploy-checks',
  run: (ctx: GateContext): Promise<GateResult> =>
    runPerProject('deploy-checks', ctx, (p) => checkProject(ctx, p), { none: 'no project with production settings to check' }),
};
