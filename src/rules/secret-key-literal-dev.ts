import type { Rule, RuleHit } from './rule';
import { label } from './settings-util';

/**
 * launch.I035: a literal SECRET_KEY in a dev/local/test settings module. Normal practice — a note, so
 * nobody is surprised, and a reminder that production must not import it. A literal that production
 * settings also use is reported there (launch.E030), not here.
 */
export default {
  meta: {
    id: 'launch.I035',
    name: 'secret-key-literal-dev',
    checklist: 'secret-key',
    level: 'note',
    title: 'A development settings module has a literal SECRET_KEY',
    fix: 'Fine for development; make sure production settings never import this module and read their key from the environment.',
    securitySeverity: 2.0,
    precision: 'high',
    tags: ['security', 'external/cwe/cwe-798'],
  },
  check(ctx) {
    const hits: RuleHit[] = [];
    const seen = new Set<string>();
    let looked = false;
    for (const project of ctx.projects) {
      const prodKey = project.production?.bindings.get('SECRET_KEY')?.location;
      for (const s of project.settings) {
        if (s.production) continue;
        looked = true;
        const b = s.bindings.get('SECRET_KEY');
        if (!b || b.set.kind !== 'str' || !b.set.literal || b.set.value === '') continue;
        const where = `${b.location.file}:${b.location.line}`;
        if (seen.has(where) || (prodKey && `${prodKey.file}:${prodKey.line}` === where)) continue;
        seen.add(where);
        hits.push({
          location: b.location,
          message: `SECRET_KEY in ${label(s)} is a literal string: fine for development, as long as production settings never import \`${s.module}\`.`,
        });
      }
    }
    if (!looked) return { hits: [], notApplicable: 'no development, local or test settings module was found' };
    return { hits };
  },
} satisfies Rule;
