import type { DiagnosticKind } from '../project/workspace';
import type { Rule } from './rule';

/** What to do, per cause: a file that is not UTF-8 has no syntax error to fix. */
const FIX: Record<DiagnosticKind, string> = {
  syntax: 'Fix the syntax error (python -m py_compile <file> shows it) so every rule sees the whole file.',
  encoding: 'Save the file as UTF-8, or declare its real encoding on the first or second line (# -*- coding: latin-1 -*-, PEP 263).',
  binary: 'Move binary or generated files out of the source tree, or give them an extension other than .py.',
  'too-large': 'Move generated code and data dumps out of the source tree (files over the size limit are not scanned).',
  unreadable: 'Make the file readable by the user the gate runs as (check its permissions and that it is not a broken link).',
  folder: 'Make the folder readable by the user the gate runs as, or move it out of the scanned tree.',
};

/** Files the scan could not read or parse fully: a note, and the scan goes on. */
const rule: Rule = {
  meta: {
    id: 'launch.I001',
    name: 'file-unscannable',
    checklist: 'scan',
    level: 'note',
    title: 'A file could not be scanned fully',
    fix: 'Make the file readable as Python source: fix its syntax, its encoding, or move generated and binary files out of the source tree.',
    securitySeverity: 0,
    precision: 'very-high',
    tags: ['maintainability'],
  },
  check(ctx) {
    // Parse every Python file (cached for the other rules) so syntax errors are known. This is the floor of
    // the rules gate's time (a sixth of it on the 1 M-line monolith, a third on baserow; bench/speed.mjs): a file is only ever
    // reported as read when tree-sitter parsed it without error. Three faster designs were weighed (issue 10)
    // and none is in. A hand-written recogniser of ordinary Python 3 that would skip tree-sitter for the syntax
    // check only is safe only if it can never say "parses" where tree-sitter finds an error — one was never
    // wrong over the corpus and the real-world projects, but that is evidence, not proof. Not parsing the files
    // no rule needs would make this note cover only the files the rules needed: a file with a syntax error that
    // no rule looks at would go unsaid, and a gate that says less about what it could not read is not one to
    // trust more for being faster. And a worker thread taking half of these files (built and measured) saved
    // 0.2 s of baserow's 4.7 and 0.9 s of the monolith's 15, for 125 MB and 60 MB more peak memory. So every
    // Python file is parsed, and a file is never silently treated as read. (The CLI and the action run this
    // rule last, when checkSyntaxOfAll() has done it without keeping the trees no other rule parsed:
    // src/gates/rules.ts runRulesReleasing.)
    for (const f of ctx.workspace.pythonFiles()) ctx.workspace.checkSyntax(f);
    // A file of production settings that cannot be read is launch.E002 (an error), not also this note.
    const settingsFiles = new Set(ctx.projects.flatMap((p) => p.production?.unreadable.map((u) => u.location.file) ?? []));
    const diagnostics = ctx.workspace.diagnostics.filter((d) => !settingsFiles.has(d.rel));
    return {
      hits: diagnostics.map((d) => ({ location: { file: d.rel, line: d.line }, message: d.message, fix: FIX[d.kind] })),
      ...(diagnostics.length === 0 ? { notApplicable: 'every file was read and parsed' } : {}),
    };
  },
};
export default rule;
