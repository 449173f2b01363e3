import type { Rule } from './rule';
import { admitsAtLeast, admitsBelow, describeDjangoVersion, djangoVersion, type DjangoVersion } from '../project/dependencies';
import { WORLDS, dictGet, forProduction, label, strOf, type Value } from './settings-util';

const DEPRECATED: Record<string, { replacement: string; key: string; fallback: string }> = {
  STATICFILES_STORAGE: { replacement: 'STORAGES["staticfiles"]', key: 'staticfiles', fallback: 'StaticFilesStorage: no manifest, no compression' },
  DEFAULT_FILE_STORAGE: { replacement: 'STORAGES["default"]', key: 'default', fallback: 'FileSystemStorage: uploads on the local disk' },
};

/**
 * Django's own default backends. Set to these, the old setting changes nothing when Django 5.1 ignores it
 * (Django 3.2's global_settings.py, or a project on Django < 4.2 that spells out the default): no finding.
 */
const DEFAULT_BACKEND: Record<string, string> = {
  STATICFILES_STORAGE: 'django.contrib.staticfiles.storage.StaticFilesStorage',
  DEFAULT_FILE_STORAGE: 'django.core.files.storage.FileSystemStorage',
};

/** What the setting does on the Django the project pins, for the message. */
function onVersion(name: string, replacement: string, fallback: string, v: DjangoVersion | undefined): string {
  if (!v) return `it is deprecated since Django 4.2 and silently ignored from Django 5.1, so Django falls back to its default backend (${fallback}). Use ${replacement}`;
  const pinned = describeDjangoVersion(v);
  if (!admitsBelow(v.range, '5.1')) {
    return `the project runs ${pinned}, which ignores ${name} (removed in Django 5.1): Django silently uses its default backend (${fallback}) instead. Use ${replacement}`;
  }
  if (admitsBelow(v.range, '4.2')) {
    // a range that also allows versions without STORAGES (`Django>=3`): what it allows at both ends
    const upper = admitsAtLeast(v.range, '5.1')
      ? 'Django 5.1 and later, which silently ignore it and fall back to the default backend'
      : 'Django 4.2 and later, where it is deprecated; Django 5.1 silently ignores it, so an upgrade would fall back to the default backend';
    return `the project allows ${pinned}, from versions before 4.2 (where ${name} is the only way to choose the backend) to ${upper} (${fallback}). Pin Django to 4.2 or later and move it to ${replacement}`;
  }
  return `the project pins ${pinned}, where ${replacement} exists and ${name} is deprecated; Django 5.1 silently ignores it, so the upgrade would fall back to the default backend (${fallback}). Move it to ${replacement} now`;
}

/**
 * launch.W061: STATICFILES_STORAGE / DEFAULT_FILE_STORAGE: deprecated in Django 4.2, ignored from Django 5.1.
 * Only where the project's Django can have STORAGES: a pinned Django below 4.2 gets no advice it cannot follow;
 * an unknown version keeps the version-independent advice.
 */
export default {
  meta: {
    id: 'launch.W061',
    name: 'deprecated-storage-settings',
    checklist: 'static-files',
    level: 'warning',
    title: 'STATICFILES_STORAGE / DEFAULT_FILE_STORAGE are removed in Django 5.1: use STORAGES',
    fix: 'Move the backend into STORAGES = {"default": {"BACKEND": ...}, "staticfiles": {"BACKEND": ...}}.',
    securitySeverity: 0,
    precision: 'very-high',
    tags: ['maintainability'],
  },
  check(ctx) {
    return forProduction(ctx, (s, project) => {
      const version = djangoVersion(ctx, project);
      if (version && !admitsAtLeast(version.range, '4.2')) return []; // no STORAGES before Django 4.2
      const onlyNew = version !== undefined && !admitsBelow(version.range, '5.1');
      return Object.entries(DEPRECATED).flatMap(([name, { replacement, key, fallback }]) => {
        const b = s.bindings.get(name);
        if (!b) return [];
        // the default backend — also when code the scan cannot follow may replace it later (registrar's
        // `vars().update(config)` from a YAML file outside the repository: launch.I005 says so): the line the
        // finding would point at sets the default, which the doc never reports
        const isDefault = (v: (typeof b)['unset']) => strOf(v) === DEFAULT_BACKEND[name];
        if (WORLDS.every((w) => isDefault(b[w]) || (b[w].kind === 'unknown' && (b.overridden?.[w]?.before.every(isDefault) ?? false)))) return [];
        // Django >= 5.1 with STORAGES[key] set: the old setting is dead configuration, the backend is the one in STORAGES
        const storages = s.bindings.get('STORAGES');
        // — also when undecided branches set it apart (FAC's local and cloud.gov branches each set STORAGES, both with the key)
        const hasKey = (v: Value) => v.kind === 'dict' && dictGet(v, key) !== undefined;
        // (a known value, or alternatives, only when every path of that world sets the name: evaluator/statements.ts
        // mergeScopes — a path that leaves it unset makes it unknown)
        if (onlyNew && storages && WORLDS.every((w) => (storages.alternatives?.[w] ?? [storages[w]]).every(hasKey))) return [];
        return [{
          location: b.location,
          message: `${name} is set in ${label(s)}: ${onVersion(name, replacement, fallback, version)}.`,
          ...(version ? { related: [{ location: version.location, message: `the Django version the project pins: ${version.spec}` }] } : {}),
        }];
      });
    });
  },
} satisfies Rule;
