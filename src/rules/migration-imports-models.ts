import { modelImports, runPythonFunctions } from '../project/migrations';
import { lineOf, walk, type SyntaxNode } from '../project/python';
import type { Rule, RuleHit } from './rule';
import { forMigrations, migrationName } from './migration-util';

/**
 * launch.W238: a RunPython function that uses the project's models by importing them (`from shop.models
 * import Order`) instead of `apps.get_model("shop", "Order")`: it runs against today's model code, not the
 * schema at this point of the migration history — it breaks as soon as a later migration changes the model.
 * Only a name the function uses the way a model is used counts: its manager or `_meta`, or a capitalised
 * class called to make an instance. A helper imported from the models module (`auth_token()`, a token
 * generator), a classmethod that runs SQL, or the module's name in `apps.get_model("shop", …)` is not.
 */
export default {
  reads: 'migrations',
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
    // The project's own packages: `mptt.models`, `taggit.models` are a library's code, not the project's models.
    const own = new Set(ctx.projects.flatMap((p) => p.packages));
    return forMigrations(ctx, (m) => {
      const hits: RuleHit[] = [];
      const root = ctx.workspace.tree(m.file).rootNode;
      const functions = new Map<string, SyntaxNode>();
      for (const st of root.namedChildren) if (st.type === 'function_definition') functions.set(st.childForFieldName('name')?.text ?? '', st);
      const moduleLevel = root.namedChildren.filter((st) => st.type === 'import_from_statement' || st.type === 'import_statement').flatMap((st) => modelImports(st));
      const projectImport = (imp: SyntaxNode) => ownModule(imp, own);
      const seen = new Set<number>();
      for (const op of m.operations) {
        if (op.kind !== 'RunPython') continue;
        const { code } = runPythonFunctions(op);
        const fn = code ? functions.get(code) : undefined;
        if (!fn) continue;
        const used = [...modelImports(fn), ...moduleLevel].filter((imp) => projectImport(imp) && importedNames(imp).some((n) => usedAsModel(fn, n)));
        for (const imp of used) {
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

/** The names an import binds: `Order` for `from shop.models import Order`, `shop.models` for `import shop.models`. */
function importedNames(imp: SyntaxNode): string[] {
  if (imp.type === 'import_from_statement') {
    return imp.childrenForFieldName('name').map((n) => (n.type === 'aliased_import' ? n.childForFieldName('alias')?.text ?? '' : n.text)).filter(Boolean);
  }
  return imp.namedChildren.map((n) => (n.type === 'aliased_import' ? n.childForFieldName('alias')?.text ?? '' : n.text)).filter(Boolean);
}

const MODEL_ATTRIBUTES = new Set(['objects', '_default_manager', '_base_manager', '_meta', 'DoesNotExist', 'MultipleObjectsReturned']);

/**
 * Is `name` used in `fn` as a model — `Order.objects…`, `Order._meta`, `Order(…)`; for a module name
 * (`shop.models`), `shop.models.Order.objects…` or `shop.models.Order(…)`? Read from the tree, so a mention
 * inside a string is not a use.
 */
function usedAsModel(fn: SyntaxNode, name: string): boolean {
  const isModule = !/^[A-Z]/.test(name);
  const modelRef = (text: string): boolean => {
    const t = text.replace(/\s+/g, '');
    if (t === name) return /^[A-Z]/.test(name);
    return isModule && t.startsWith(`${name}.`) && /^[A-Z]\w*$/.test(t.slice(name.length + 1));
  };
  let found = false;
  walk(fn, (n) => {
    if (found) return false;
    if (n.type === 'attribute') {
      const object = n.childForFieldName('object');
      const attribute = n.childForFieldName('attribute')?.text ?? '';
      if (object && MODEL_ATTRIBUTES.has(attribute) && modelRef(object.text)) found = true;
    } else if (n.type === 'call') {
      const callee = n.childForFieldName('function');
      if (callee && modelRef(callee.text)) found = true;
    }
    return !found;
  });
  return found;
}

/** Is the import from the project's own code — a relative import, or a top-level package of a scanned project? */
function ownModule(imp: SyntaxNode, own: ReadonlySet<string>): boolean {
  if (own.size === 0) return true; // packages unknown: judge as before
  const modules =
    imp.type === 'import_from_statement'
      ? [imp.childForFieldName('module_name')?.text ?? '']
      : imp.namedChildren.map((c) => (c.type === 'aliased_import' ? c.childForFieldName('name')?.text ?? '' : c.text));
  return modules.some((m) => m.startsWith('.') || own.has(m.split('.')[0]));
}
