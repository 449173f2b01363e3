import type { Rule } from './rule';
import { WORLDS, forProduction, label, strOf } from './settings-util';

const DEPRECATED: Record<string, string> = {
  STATICFILES_STORAGE: 'STORAGES["staticfiles"]',
  DEFAULT_FILE_STORAGE: 'STORAGES["default"]',
};

/**
 * Django's own default backends. Set to these, the old setting changes nothing when Django 5.1 ignores it
 * (Django 3.2's global_settings.py, or a project on Django < 4.2 that spells out the default): no finding.
 */
const DEFAULT_BACKEND: Record<string, string> = {
  STATICFILES_STORAGE: 'django.contrib.staticfiles.storage.StaticFilesStorage',
  DEFAULT_FILE_STORAGE: 'django.core.files.storage.FileSystemStorage',
};

/** launch.W061: STATICFILES_STORAGE / DEFAULT_FILE_STORAGE: deprecated in Django 4.2, ignored from Django 5.1. */
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
    return forProduction(ctx, (s) =>
      Object.entries(DEPRECATED).flatMap(([name, replacement]) => {
        const b = s.bindings.get(name);
        if (!b) return [];
        if (WORLDS.every((w) => strOf(b[w]) === DEFAULT_BACKEND[name])) return [];
        return [{
          location: b.location,
          message: `${name} is set in ${label(s)}: it is deprecated since Django 4.2 and silently ignored from Django 5.1, so Django falls back to its default backend (local disk, no manifest). Use ${replacement}.`,
        }];
      }),
    );
  },
} satisfies Rule;
