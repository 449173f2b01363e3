/**
 * `collectstatic`: `collectstatic --noinput` into a temporary STATIC_ROOT with DEBUG=False and the production
 * static files storage (helper.py), then every `{% static '…' %}` literal in the templates checked against
 * the manifest — what production renders. ManifestStaticFilesStorage errors ("The file 'css/x.css' could not
 * be found", "Missing staticfiles manifest entry") become `launch.E221` at the CSS/template naming the file,
 * else at the settings line of the static files storage / STATIC_ROOT. The temporary folder is removed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Finding, GateResult, Location } from '../finding';
import type { ScannedProject } from '../project/scan';
import { describeFailure, probe, runHelper } from '../django/python';
import { relativeToRoot } from './deploy-checks';
import { runPerProject, type GateContext, type ProjectOutcome, type RuntimeGate } from './gate';

export interface CollectstaticError {
  message: string;
  type: string;
  /** The static name that could not be found / is not in the manifest. */
  missing?: string;
  /** Absolute path of the CSS/JS/template that references it. */
  file?: string;
  line?: number;
  /** The reference is a `{% static %}` tag in a template (checked after a successful collectstatic). */
  template?: boolean;
  traceback?: string;
}

export interface CollectstaticJson {
  storage?: string;
  debug?: string;
  collected?: number;
  manifest?: boolean;
  references?: number;
  /** Why collectstatic did not run (a remote storage it would upload to). */
  skipped?: string;
  errors: CollectstaticError[];
}

/** Django's message without object reprs (`<…Storage object at 0x…>`) and tracebacks: one or two sentences. */
function clean(message: string): string {
  const first = message.split(/\n\s*\n/)[0].replace(/\s+/g, ' ').trim();
  return first.replace(/ with <[^>]*>/g, '').replace(/\.$/, '');
}

function settingsLocation(project: ScannedProject): Location {
  const s = project.production!;
  for (const name of ['STORAGES', 'STATICFILES_STORAGE', 'STATIC_ROOT', 'STATICFILES_DIRS']) {
    const b = s.bindings.get(name);
    if (b) return { ...b.location };
  }
  return s.anchor ? { ...s.anchor } : { file: s.file, line: 1 };
}

/** The setting a Django error names ("…the required STATIC_URL setting"), if any. */
function namedSetting(message: string): string | undefined {
  return /\b([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+) setting\b/.exec(message)?.[1];
}

function findingOf(ctx: GateContext, project: ScannedProject, e: CollectstaticError, storage: string): Finding {
  const rel = e.file ? relativeToRoot(ctx.scan.root, e.file) : undefined;
  const location: Location = rel ? { file: rel, line: e.line ?? 1 } : settingsLocation(project);
  const short = storage.split('.').pop() ?? storage;
  let message: string;
  let fix: string;
  if (e.template && e.missing) {
    message = `{% static '${e.missing}' %} names a file that collectstatic did not collect: with DEBUG=False and ${short}, rendering this template raises ValueError (${clean(e.message)}).`;
    fix = `Add ${e.missing} to a static folder (an app's static/ or STATICFILES_DIRS), or correct the name in the {% static %} tag.`;
  } else if (e.missing) {
    message = `collectstatic --noinput fails with ${short}: ${clean(e.message)}${rel ? ', referenced here' : ''} — the deploy stops before any static file is served.`;
    fix = `Add ${e.missing} to a static folder, or correct the url() that names it${rel ? ' here' : ''}.`;
  } else {
    message = `collectstatic --noinput fails with ${short} and DEBUG=False: ${e.type}: ${clean(e.message)}.`;
    // Not a missing file: a setting (STATIC_URL, STORAGES…) or the storage itself, which Django's message names.
    const setting = namedSetting(e.message);
    fix = setting
      ? `Set or correct ${setting} in the production settings, so collectstatic --noinput succeeds with DEBUG=False.`
      : `Fix what collectstatic reports (${e.type}) in the production settings or the storage, so collectstatic --noinput succeeds with DEBUG=False.`;
  }
  return { ruleId: 'launch.E221', gate: 'collectstatic', level: 'error', message, location, fix };
}

async function collectProject(ctx: GateContext, project: ScannedProject): Promise<ProjectOutcome> {
  const p = await probe(ctx, project);
  if (!p.ok) return { findings: [], detail: '', error: p.error };
  const root = mkdtempSync(join(tmpdir(), 'dlg-static-'));
  try {
    const { run, data } = await runHelper<CollectstaticJson>(ctx, project, ['collectstatic', '--static-root', root]);
    if (!data) return { findings: [], detail: '', error: describeFailure(ctx, `collectstatic for ${project.info.settingsModule}`, run) };
    const where = project.root ? ` (${project.root})` : '';
    if (data.skipped) return { findings: [], detail: `${p.info.settingsModule}${where}: not run — ${data.skipped}`, skipped: true };
    const storage = data.storage ?? 'the static files storage';
    const findings = data.errors.map((e) => findingOf(ctx, project, e, storage));
    const what = data.errors.length && data.collected === undefined
      ? 'collectstatic failed'
      : `${data.collected ?? 0} files collected${data.manifest ? `, ${data.references ?? 0} {% static %} references checked against the manifest` : ''}`;
    return {
      findings,
      detail: `${p.info.settingsModule}${where} with DEBUG=False, ${storage.split('.').pop()} on Django ${p.info.djangoVersion}: ${what}`,
    };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

export const collectstaticGate: RuntimeGate = {
  name: 'collectstatic',
  run: (ctx: GateContext): Promise<GateResult> =>
    runPerProject('collectstatic', ctx, (p) => collectProject(ctx, p), { none: 'no project with production settings' }),
};
