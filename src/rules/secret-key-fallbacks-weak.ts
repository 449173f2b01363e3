import type { Rule } from './rule';
import { forProduction, label, worldClause, worldsWhere, type Value } from './settings-util';

/** Why a fallback key is weak (Django's security.W025 test, plus: committed in the source), or undefined. */
function weakness(v: Value): string | undefined {
  if (v.kind !== 'str') return undefined;
  if (v.value.startsWith('django-insecure-')) return 'starts with `django-insecure-`';
  if (v.value.length < 50 || new Set(v.value).size < 5) return 'is shorter than 50 characters or has fewer than 5 unique characters';
  if (v.literal) return 'is a literal string in the source';
  return undefined;
}

function weakItems(v: Value): string[] {
  const items = v.kind === 'list' ? v.items : [];
  return [...new Set(items.map(weakness).filter((w): w is string => !!w))];
}

/** launch.W034: SECRET_KEY_FALLBACKS holds committed or weak keys (security.W025). */
export default {
  meta: {
    id: 'launch.W034',
    name: 'secret-key-fallbacks-weak',
    checklist: 'secret-key',
    level: 'warning',
    title: 'SECRET_KEY_FALLBACKS holds a committed or weak key',
    fix: 'Read old keys from the environment (e.g. a comma-separated DJANGO_SECRET_KEY_FALLBACKS) and remove them once rotation is done.',
    securitySeverity: 7.5,
    precision: 'high',
    tags: ['security', 'external/cwe/cwe-798', 'external/cwe/cwe-321'],
    settings: ['SECRET_KEY_FALLBACKS'],
    djangoCheck: 'security.W025',
  },
  check(ctx) {
    return forProduction(ctx, (s) => {
      const b = s.bindings.get('SECRET_KEY_FALLBACKS');
      if (!b) return [];
      const worlds = worldsWhere((w) => weakItems(b[w]).length > 0);
      if (worlds.length === 0) return [];
      const reasons = [...new Set(worlds.flatMap((w) => weakItems(b[w])))];
      return [{
        location: b.location,
        message: `SECRET_KEY_FALLBACKS in ${label(s)} has ${reasons.map((r) => `a key that ${r}`).join(' and ')}${worldClause(ctx, worlds, [b])}: Django still accepts signatures made with every fallback key.`,
      }];
    });
  },
} satisfies Rule;
