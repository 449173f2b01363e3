import type { Rule } from './rule';
import { forProduction, label, worldClause, worldsWhere, type Value } from './settings-util';

const GENERATORS = new Set(['get_random_secret_key', 'get_random_string', 'token_urlsafe', 'token_hex', 'token_bytes', 'urandom', 'uuid4']);

function generated(v: Value): boolean {
  return v.kind === 'call' && GENERATORS.has(v.callee.split('.').pop() ?? '');
}

/** launch.E033: SECRET_KEY generated at import (`get_random_secret_key()`): a new key per process. */
export default {
  meta: {
    id: 'launch.E033',
    name: 'secret-key-generated-at-import',
    checklist: 'secret-key',
    level: 'error',
    title: 'SECRET_KEY is generated when the settings are imported: every process gets a different key',
    fix: 'Generate the key once, store it in the environment or a secrets manager, and read it: SECRET_KEY = os.environ["DJANGO_SECRET_KEY"].',
    securitySeverity: 0,
    precision: 'very-high',
    tags: ['reliability'],
    settings: ['SECRET_KEY'],
  },
  check(ctx) {
    return forProduction(ctx, (s) => {
      const b = s.bindings.get('SECRET_KEY');
      if (!b) return [];
      const worlds = worldsWhere((w) => generated(b[w]));
      if (worlds.length === 0) return [];
      return [{
        location: b.location,
        message: `SECRET_KEY in ${label(s)} is generated at import${worldClause(ctx, worlds, [b])}: each worker and each restart signs with a new key, so sessions, password-reset links and signed cookies break between them.`,
      }];
    });
  },
} satisfies Rule;
