import { PYTHON2_REASON } from '../project/workspace';
import type { Rule } from './rule';

/**
 * launch.E002: a file of the production settings' import chain cannot be read as Python (binary, too large,
 * undecodable in its declared encoding, a syntax error CPython rejects). Nothing it sets is known, and
 * production itself would fail to import it: the launch cannot be verified, never "may proceed".
 */
export default {
  meta: {
    id: 'launch.E002',
    name: 'settings-unreadable',
    checklist: 'settings',
    level: 'error',
    title: 'Production settings could not be read',
    fix: 'Make the file valid Python that CPython imports (fix the syntax, declare its encoding with a coding line, keep it under 2 MB), then scan again.',
    securitySeverity: 0,
    precision: 'very-high',
    tags: ['reliability'],
  },
  check(ctx) {
    const hits = [];
    const seen = new Set<string>();
    for (const p of ctx.projects) {
      const s = p.production;
      if (!s) continue;
      for (const u of s.unreadable) {
        const key = `${u.location.file}:${u.location.line}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const part = u.location.file === s.file ? `production settings \`${s.module}\`` : `\`${u.module}\`, part of production settings \`${s.module}\``;
        hits.push({
          location: u.location,
          message: `${u.location.file} (${part}) could not be read: ${u.reason}. Nothing it sets is known, so the launch cannot be verified.`,
          ...(u.reason.startsWith(PYTHON2_REASON) ? { fix: 'Port the project to Python 3 and a supported Django (the settings file first: print(), except … as e, new octal literals), then scan again.' } : {}),
          ...(u.importedAt ? { related: [{ location: u.importedAt, message: `imported here by ${s.module}` }] } : {}),
        });
      }
    }
    return { hits };
  },
} satisfies Rule;
