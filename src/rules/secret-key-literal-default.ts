import type { Rule } from './rule';
import { elseRaises, elseRaisesNote, followsDebug, forProduction, guardNote, label, startupGuard, worldClause } from './settings-util';

/** launch.E031: SECRET_KEY is read from the environment but falls back to a literal default when the variable is unset. */
export default {
  meta: {
    id: 'launch.E031',
    name: 'secret-key-literal-default',
    checklist: 'secret-key',
    level: 'error',
    title: 'SECRET_KEY falls back to a committed literal when its environment variable is unset',
    fix: 'Drop the default so a missing key fails loudly: SECRET_KEY = os.environ["DJANGO_SECRET_KEY"].',
    securitySeverity: 8.1,
    precision: 'very-high',
    tags: ['security', 'external/cwe/cwe-798', 'external/cwe/cwe-1188'],
    settings: ['SECRET_KEY'],
  },
  check(ctx) {
    return forProduction(ctx, (s) => {
      const b = s.bindings.get('SECRET_KEY');
      if (!b || b.unset.kind !== 'str' || !b.unset.literal || b.unset.value === '') return [];
      // Literal in both worlds is launch.E030.
      if (b.set.kind === 'str' && b.set.literal) return [];
      const literal = b.unset.value;
      const names = (t: string) => /\bSECRET_KEY\b/.test(t) && [`'${literal}'`, `"${literal}"`].some((q) => t.includes(q));
      const guard = startupGuard(ctx, s, (t) => names(t) && / (!=|not in) /.test(t), (t) => names(t) && / (==|in) /.test(t) && !/ (!=|not in) /.test(t));
      const branch = guard ? undefined : elseRaises(ctx, b.location);
      const branchNote = branch && elseRaisesNote(branch);
      const debug = guard || branchNote ? undefined : followsDebug(ctx, s, 'SECRET_KEY', ['unset']);
      if (debug) {
        return [{
          location: b.location,
          level: 'note',
          message: `SECRET_KEY in ${label(s)} is a literal committed to the repository${worldClause(ctx, ['unset'], [debug.debug])}${debug.note}.`,
        }];
      }
      if (branchNote) {
        return [{
          location: b.location,
          level: 'note',
          message: `SECRET_KEY in ${label(s)} falls back to a literal default${worldClause(ctx, ['unset'], [b])}${branchNote.clause}.`,
          related: branchNote.related,
        }];
      }
      return [{
        location: b.location,
        message: `SECRET_KEY in ${label(s)} falls back to a literal default${worldClause(ctx, ['unset'], [b])}: a deploy that forgets the variable signs sessions and password-reset links with a key committed to the repository${guard ? guardNote(guard) : ''}.`,
        ...(guard ? { level: 'note' as const, related: [{ location: guard.location, message: 'the check that refuses the literal default' }] } : {}),
      }];
    });
  },
} satisfies Rule;
