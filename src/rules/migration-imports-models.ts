import { modelImports, runPythonFunctions } from '../project/migrations';
import { lineOf, type SyntaxNode } from '../project/python';
import type { Rule, RuleHit } from './rule';
import { forMigrations, migrationName } from './migration-util';

/**
 * launch.W238: a RunPython function that uses the project's models by importing them (`from shop.models
 * import Order`) instead of `apps.get_model("shop", "Order")`: it runs against today's model code, not the
 * schema at this point of the migration history — it breaks as soon as a later migration changes the model.
 */
export default {
  meta: {
    id: 'launch.W238',
    name: 'migration-imports-models',
    checklist: 'migration-safety',
    level: 'warning',
    title: 'A data migration imports the models instead of using the historical ones',
    fix: 'Use the historical model the migration receives: def forwards(apps, schema_editor): Order = apps.get_model("shop", "Order").',
    securitySeverity: 0,
    precision: 'high',
    tags: ['reliability'],
  },
  check(ctx) {
    return forMigrations(ctx, (m) => {
      const hits: RuleHit[] = [];
      const root = ctx.workspace.tree(m.file).rootNode;
      const functions = new Map<string, SyntaxNode>();
      for (const st of root.namedChildren) if (st.type === 'function_definition') functions.set(st.childForFieldName('name')?.text ?? '', st);
      const moduleLevel = root.namedChildren.filter((st) => st.type === 'import_from_statement' || st.type === 'import_statement').flatMap((st) => modelImports(st));
      const seen = new Set<number>();
      for (const op of m.operations) {
        if (op.kind !== 'RunPython') continue;
        const { code } = runPythonFunctions(op);
        const fn = code ? functions.get(code) : undefined;
        if (!fn) continue;
        const inside = modelImports(fn);
        const used = moduleLevel.filter((imp) => importedNames(imp).some((n) => new RegExp(`\\b${n}\\b`).test(fn.text)));
        for (const imp of [...inside, ...used]) {
          if (seen.has(imp.id)) continue;
          seen.add(imp.id);
          hits.push({
            location: { file: m.file.rel, line: lineOf(imp) },
            message: `${migrationName(m, ctx)}: \`${code}\` uses models imported from the project's code (${imp.text.replace(/\s+/g, ' ').slice(0, 80)}) instead of apps.get_model(): it runs against today's model, not the schema at this migration, and breaks when a later migration changes it.`,
          });
        }
      }
      return hits;
    });
  },
} satisfies Rule;

function importedNames(imp: SyntaxNode): string[] {
  if (imp.type === 'import_from_statement') {
    return imp.childrenForFieldName('name').map((n) => (n.type === 'aliased_import' ? n.childForFieldName('alias')?.text ?? '' : n.text)).filter(Boolean);
  }
  return imp.namedChildren.map((n) => (n.type === 'aliased_import' ? n.childForFieldName('alias')?.text ?? '' : n.text.split('.')[0]));
}
