import type { Rule } from './rule';
import { forProduction, label } from './settings-util';

const DEPRECATED: Record<string, string> = {
  STATICFILES_STORAGE: 'STORAGES["staticfiles"]',
  DEFAULT_FILE_STORAGE: 'STORAGES["default"]',
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
        return [{
          location: b.location,
          message: `${name} is set in ${label(s)}: it is deprecated since Django 4.2 and silently ignored from Django 5.1, so Django falls back to its default backend (local disk, no manifest). Use ${replacement}.`,
        }];
      }),
    );
  },
} satisfies Rule;
