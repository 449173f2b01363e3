import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { callParts, stringValue, type SyntaxNode } from '../project/python';
import { baseName, countsFor, PyIndex, routeCalls } from '../project/model';
import { productionDeployFile } from '../project/deploy-commands';
import type { ScanContext, ScannedProject } from '../project/scan';
import type { SourceFile } from '../project/workspace';
import type { Rule } from './rule';
import { appInstalled, dictGet, forProduction, isTrue, label, locationOf, middlewareHas, offPhrase, strOf, truthy, valueIn, worldClause, worldsWhere, type EvaluatedSettings, type World } from './settings-util';

/** Does the staticfiles storage write to STATIC_ROOT? false for S3/GCS/Azure backends; undefined when unknown. */
function filesystemStorage(s: EvaluatedSettings, w: World): boolean | undefined {
  const storages = valueIn(s, 'STORAGES', w);
  const backend = storages ? dictGet(dictGet(storages, 'staticfiles'), 'BACKEND') : valueIn(s, 'STATICFILES_STORAGE', w);
  if (!backend) return storages && storages.kind !== 'dict' ? undefined : true; // Django's default StaticFilesStorage
  const name = strOf(backend);
  if (name === undefined) return undefined;
  return name.startsWith('django.contrib.staticfiles.') || name.startsWith('whitenoise.');
}

/**
 * A route of the project that serves `static/…` through the staticfiles finders — Django's
 * `django.contrib.staticfiles.views.serve`, or a project view that calls `finders.find` — described for the
 * message (`archivebox/core/urls.py:40 (serve_static)`); undefined when there is none.
 */
function findersServeStatic(ctx: ScanContext, project: ScannedProject): string | undefined {
  const idx = PyIndex.of(ctx);
  for (const r of routeCalls(ctx)) {
    if (!countsFor(ctx, project, r.file.rel)) continue;
    const { args, kwargs } = callParts(r.call);
    const route = args[0] ?? kwargs.get('route') ?? kwargs.get('regex');
    const pattern = route ? stringValue(route) : undefined;
    if (pattern === undefined || !/^\^?\/?static\//.test(pattern)) continue;
    const q = idx.qualify(r.file, r.view);
    if (!q) continue;
    const where = `${r.file.rel}:${r.call.startPosition.row + 1} (${q.split('.').pop()})`;
    if (q === 'django.contrib.staticfiles.views.serve') return where;
    const d = idx.resolveDef(q, r.file.rel);
    if (d?.node.type === 'function_definition' && callsFinders(idx, d.file, d.node)) return where;
  }
  return undefined;
}

function callsFinders(idx: PyIndex, file: SourceFile, fn: SyntaxNode): boolean {
  return fn.descendantsOfType('call').some((c) => /^django\.contrib\.staticfiles\.finders\.find(_all)?$/.test(idx.qualify(file, c.childForFieldName('function')) ?? ''));
}

/** CI files outside the scan's deploy files that may run a deploy step. */
const CI_FILES = ['.gitlab-ci.yml', 'bitbucket-pipelines.yml', 'azure-pipelines.yml', 'Jenkinsfile', '.circleci/config.yml'];

/**
 * Does anything of the project name collectstatic: a deploy file, a Python file (call_command), the
 * repository's CI workflows? A mention anywhere counts — a comment too: the rule then keeps its error rather than guess.
 */
function runsCollectstatic(ctx: ScanContext, project: ScannedProject, { commentsToo = true } = {}): boolean {
  const ws = ctx.workspace;
  const names = (text: string) => text.includes('collectstatic') && (commentsToo || uncommented(text).includes('collectstatic'));
  const mine = [...ws.deployFiles(), ...ws.pythonFiles(), ...ws.templateFiles()].filter((f) => countsFor(ctx, project, f.rel));
  if (mine.some((f) => names(f.text))) return true;
  const read = (rel: string) => {
    try {
      return names(readFileSync(join(ctx.root, rel), 'utf8'));
    } catch {
      return false;
    }
  };
  if (CI_FILES.some(read)) return true;
  const workflows = join(ctx.root, '.github', 'workflows');
  if (!existsSync(workflows)) return false;
  try {
    return readdirSync(workflows).some((name) => read(join('.github', 'workflows', name)));
  } catch {
    return true; // cannot tell: keep the error
  }
}

/** The text without its whole-line `#` comments (Python, shell, Dockerfile, YAML, Procfile). */
function uncommented(text: string): string {
  return text.replace(/^[ \t]*#.*$/gm, '');
}

/**
 * WhiteNoise serving the static files straight from the staticfiles finders (`WHITENOISE_USE_FINDERS = True`
 * with its middleware installed) in every world the finding holds in: then nothing needs STATIC_ROOT unless
 * something runs collectstatic.
 */
function whitenoiseFinders(s: EvaluatedSettings, worlds: readonly World[]): boolean {
  return worlds.every((w) => isTrue(valueIn(s, 'WHITENOISE_USE_FINDERS', w)) && middlewareHas(s, w, 'whitenoise.middleware.WhiteNoiseMiddleware') === true);
}

/** Apps whose pages load static files: the admin, DRF's browsable API, Wagtail's admin, django-debug-toolbar. */
const PAGE_APPS = ['django.contrib.admin', 'rest_framework', 'wagtail', 'wagtail.admin', 'debug_toolbar', 'django.contrib.admindocs'];

/**
 * What of the project serves pages that load static files, or undefined when nothing does: an installed app of
 * PAGE_APPS (installed, or not known not to be, in any world the finding holds in) or a Django template of the
 * project's own. An API that serves JSON alone needs no collected static files.
 */
function pages(ctx: ScanContext, project: ScannedProject, s: EvaluatedSettings, worlds: readonly World[]): string | undefined {
  for (const app of PAGE_APPS) if (worlds.some((w) => appInstalled(s, w, app) !== false)) return app;
  return ctx.workspace.djangoTemplates().find((t) => countsFor(ctx, project, t.rel))?.rel;
}

/**
 * The production Dockerfile of a project deployed only as an image, or undefined. A buildpack platform runs
 * collectstatic itself, without a word in the repository, and fails the build when it raises (Heroku's, Dokku's
 * and Scalingo's Python buildpacks, when django.contrib.staticfiles is installed): a Procfile, app.json or
 * runtime.txt says such a platform may build it, and the error stays.
 */
function imageDeploy(ctx: ScanContext, project: ScannedProject): string | undefined {
  const files = ctx.workspace.deployFiles().filter((f) => productionDeployFile(ctx, project, f));
  if (files.some((f) => /^(procfile(\..*)?|app\.json|runtime\.txt)$/i.test(baseName(f.rel)))) return undefined;
  if (['app.json', 'runtime.txt'].some((n) => existsSync(join(ctx.root, project.root, n)) || existsSync(join(ctx.root, n)))) return undefined;
  return files.find((f) => /^(dockerfile|containerfile)$/i.test(baseName(f.rel)))?.rel;
}

/** launch.E060: STATIC_ROOT missing or None in production with staticfiles installed: collectstatic fails. */
export default {
  meta: {
    id: 'launch.E060',
    name: 'static-root-missing',
    checklist: 'static-files',
    level: 'error',
    title: 'STATIC_ROOT is not set: collectstatic raises ImproperlyConfigured',
    fix: 'Set STATIC_ROOT to the folder collectstatic fills and the web server serves, e.g. STATIC_ROOT = BASE_DIR / "staticfiles".',
    securitySeverity: 0,
    precision: 'very-high',
    tags: ['reliability'],
    settings: ['STATIC_ROOT', 'INSTALLED_APPS'],
  },
  check(ctx) {
    return forProduction(ctx, (s, project) => {
      const worlds = worldsWhere((w) => {
        if (appInstalled(s, w, 'django.contrib.staticfiles') !== true || filesystemStorage(s, w) !== true) return undefined;
        const root = valueIn(s, 'STATIC_ROOT', w, { kind: 'none' })!;
        return truthy(root) === false;
      });
      if (worlds.length === 0) return [];
      const b = s.bindings.get('STATIC_ROOT');
      const what = `STATIC_ROOT ${offPhrase(s, 'STATIC_ROOT')} in ${label(s)}${worldClause(ctx, worlds, [b])}, and django.contrib.staticfiles is installed`;
      // ArchiveBox: no collectstatic anywhere, and a project view serves /static/ through the staticfiles finders.
      const served = findersServeStatic(ctx, project);
      if (served && !runsCollectstatic(ctx, project)) {
        return [{
          location: locationOf(s, 'STATIC_ROOT'),
          level: 'note',
          message: `${what} — a note: nothing in the repository runs collectstatic (which would raise ImproperlyConfigured), and ${served} serves the static files straight from the apps through the staticfiles finders, so nothing needs STATIC_ROOT today.`,
          fix: 'If a deploy ever runs collectstatic (or serves static files with whitenoise or the web server), set STATIC_ROOT first; until then a view serving static files through Python is slower than a web server or whitenoise would be.',
        }];
      }
      // OpenSAFELY Airlock: `WHITENOISE_USE_FINDERS = True` "removes the need to run collectstatic", and nothing runs
      // it (its comments name it: a comment runs nothing here, where the settings say how the files are served)
      // (deployed as an image only: a buildpack platform would run collectstatic itself, and fail the build)
      const finderImage = whitenoiseFinders(s, worlds) ? imageDeploy(ctx, project) : undefined;
      if (finderImage && !runsCollectstatic(ctx, project, { commentsToo: false })) {
        return [{
          location: locationOf(s, 'STATIC_ROOT'),
          level: 'note',
          message: `${what} — a note: WhiteNoise serves the static files straight from the apps through the staticfiles finders (WHITENOISE_USE_FINDERS is on and its middleware installed), and nothing in the repository runs collectstatic (which would raise ImproperlyConfigured) — production runs the image ${finderImage} builds — so nothing needs STATIC_ROOT today.`,
          fix: 'If a deploy ever runs collectstatic, set STATIC_ROOT first; WhiteNoise\'s compressed, cache-busting storage also needs collected files (WHITENOISE_USE_FINDERS is meant for development).',
        }];
      }
      // caluma: a GraphQL API — no collectstatic anywhere, no admin, no browsable API, no template of its own
      const image = pages(ctx, project, s, worlds) ? undefined : imageDeploy(ctx, project);
      if (image && !runsCollectstatic(ctx, project)) {
        return [{
          location: locationOf(s, 'STATIC_ROOT'),
          level: 'note',
          message: `${what} — a note: nothing in the repository runs collectstatic (which would raise ImproperlyConfigured), and nothing of the project serves pages that need static files (no django.contrib.admin, no browsable API, no template of its own); production runs the image ${image} builds, whose steps run no collectstatic either, so an API alone needs no STATIC_ROOT today.`,
          fix: 'If the project ever serves pages (the admin, a browsable API, templates) or a deploy runs collectstatic, set STATIC_ROOT first.',
        }];
      }
      return [{
        location: locationOf(s, 'STATIC_ROOT'),
        message: `${what}: collectstatic raises ImproperlyConfigured, so the deploy has no CSS or JavaScript to serve.`,
      }];
    });
  },
} satisfies Rule;
