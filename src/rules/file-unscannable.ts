import type { Rule } from './rule';

/** Files the scan could not read or parse fully: a note, and the scan goes on. */
const rule: Rule = {
  meta: {
    id: 'launch.I001',
    name: 'file-unscannable',
    checklist: 'scan',
    level: 'note',
    title: 'A file could not be scanned fully',
    fix: 'Fix the syntax error, save the file as UTF-8, or move generated/binary files out of the source tree.',
    securitySeverity: 0,
    precision: 'very-high',
    tags: ['maintainability'],
  },
  check(ctx) {
    // Parse every Python file (cached for the other rules) so syntax errors are known.
    for (const f of ctx.workspace.pythonFiles()) ctx.workspace.tree(f);
    return {
      hits: ctx.workspace.diagnostics.map((d) => ({ location: { file: d.rel, line: d.line }, message: d.message })),
      ...(ctx.workspace.diagnostics.length === 0 ? { notApplicable: 'every file was read and parsed' } : {}),
    };
  },
};
export default rule;
