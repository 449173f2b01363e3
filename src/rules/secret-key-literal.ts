import type { Rule } from './rule';
import { WORLDS, forProduction, label, whereIn, worldClause } from './settings-util';

/** launch.E030: SECRET_KEY is a literal string in production settings, whatever the environment holds: a committed secret. */
export default {
  meta: {
    id: 'launch.E030',
    name: 'secret-key-literal',
    checklist: 'secret-key',
    level: 'error',
    title: 'SECRET_KEY is a literal string committed in production settings',
    fix: 'Read SECRET_KEY from the environment or a secrets manager (SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]) and rotate the committed key.',
    securitySeverity: 8.8,
    precision: 'very-high',
    tags: ['security', 'external/cwe/cwe-798', 'external/cwe/cwe-321'],
    settings: ['SECRET_KEY'],
  },
  check(ctx) {
    return forProduction(ctx, (s) => {
      const b = s.bindings.get('SECRET_KEY');
      // Literal in the set world too: no environment variable can replace it. (An empty key makes Django refuse to start.)
      if (!b || b.set.kind !== 'str' || !b.set.literal || b.set.value === '') return [];
      // where the key is a literal: with the variables set only when the unset world has another value (Sefaria's
      // empty placeholder, replaced by a CI settings file's key when CI_RUN is set) — said, and pointed at there
      const worlds = WORLDS.filter((w) => { const v = b[w]; return v.kind === 'str' && v.literal && v.value !== ''; });
      return [{
        location: whereIn(b, worlds),
        message: `SECRET_KEY in ${label(s)} is a literal string in the source${worldClause(ctx, worlds, [b])}: anyone who can read the repository can forge sessions, password-reset links and signed data. Rotate it.`,
      }];
    });
  },
} satisfies Rule;
