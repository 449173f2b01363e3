import type { Rule } from './rule';
import { appInstalled, dictGet, forProduction, label, locationOf, offPhrase, strOf, truthy, valueIn, worldClause, worldsWhere, type EvaluatedSettings, type World } from './settings-util';

/** Does the staticfiles storage write to STATIC_ROOT? false for S3/GCS/Azure backends; undefined when unknown. */
function filesystemStorage(s: EvaluatedSettings, w: World): boolean | undefined {
  const storages = valueIn(s, 'STORAGES', w);
  const backend = storages ? dictGet(dictGet(storages, 'staticfiles'), 'BACKEND') : valueIn(s, 'STATICFILES_STORAGE', w);
  if (!backend) return storages && storages.kind !== 'dict' ? undefined : true; // Django's default StaticFilesStorage
  const name = strOf(backend);
  if (name === undefined) return undefined;
  return name.startsWith('django.contrib.staticfiles.') || name.startsWith('whitenoise.');
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
    return forProduction(ctx, (s) => {
      const worlds = worldsWhere((w) => {
        if (appInstalled(s, w, 'django.contrib.staticfiles') !== true || filesystemStorage(s, w) !== true) return undefined;
        const root = valueIn(s, 'STATIC_ROOT', w, { kind: 'none' })!;
        return truthy(root) === false;
      });
      if (worlds.length === 0) return [];
      const b = s.bindings.get('STATIC_ROOT');
      return [{
        location: locationOf(s, 'STATIC_ROOT'),
        message: `STATIC_ROOT ${offPhrase(s, 'STATIC_ROOT')} in ${label(s)}${worldClause(ctx, worlds, [b])}, and django.contrib.staticfiles is installed: collectstatic raises ImproperlyConfigured, so the deploy has no CSS or JavaScript to serve.`,
      }];
    });
  },
} satisfies Rule;
