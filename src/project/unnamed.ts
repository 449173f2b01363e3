/**
 * Functions nothing names: dead code a view rule must not judge as a view. Python only runs a function something
 * refers to — a route, an import, a call, a dotted path in a string — so a request-first function of a views
 * module that no URLconf routes and no other code names is unreachable (PatrowlManager's rules/views.py keeps
 * earlier copies of the views its urls.py now routes from rules/apis.py, under the same names).
 *
 * Unsure always counts as named, so this can only ever keep a view in the rules' sight: any string that holds the
 * name (but a route's `name=`), any mention the module index cannot resolve or resolves to this very function, any
 * other mention in its own file; a decorator outside Django and DRF (it may register the function somewhere); and a
 * URLconf that looks its views up by name (getattr, vars, __dict__, inspect.getmembers) keeps every function.
 */
import type { ScanContext } from './scan';
import type { SourceFile } from './workspace';
import { eachOfType, type SyntaxNode } from './python';
import { isTestPath } from './files';
import { bindingTarget, type PyIndex } from './modules';
import { decoratorDotted, decoratorTexts } from './syntax';

export interface NamedDef {
  file: SourceFile;
  node: SyntaxNode;
  key: string;
}

/** A URLconf that reaches views through names computed at run time. */
const DYNAMIC_LOOKUP = /\bgetattr\s*\(|\bvars\s*\(|__dict__|\bgetmembers\s*\(/;
/** Decorators known not to register a function anywhere: Django's and DRF's. */
const PLAIN_DECORATOR = /^(django|rest_framework)\./;

/**
 * The keys of the defs (module-level function definitions) that nothing names. `urlconfs` are the files whose
 * routes production serves: one that looks views up by name keeps them all.
 */
export function unnamedFunctions(ctx: ScanContext, idx: PyIndex, defs: readonly NamedDef[], urlconfs: readonly SourceFile[]): Set<string> {
  const out = new Set<string>();
  if (defs.length === 0 || urlconfs.some((f) => DYNAMIC_LOOKUP.test(f.text))) return out;
  const byName = new Map<string, NamedDef[]>();
  for (const d of defs) {
    const name = d.node.childForFieldName('name')?.text;
    if (!name || !plainlyDecorated(idx, d)) continue;
    byName.set(name, [...(byName.get(name) ?? []), d]);
  }
  if (byName.size === 0) return out;
  const named = new Set<string>();
  const mention = new RegExp(`\\b(?:${[...byName.keys()].join('|')})\\b`, 'g');
  const word = new Map([...byName.keys()].map((name) => [name, new RegExp(`\\b${name}\\b`)]));
  for (const f of ctx.workspace.pythonFiles()) {
    if (isTestPath(f.rel)) continue;
    const names = new Set([...f.text.matchAll(mention)].map((m) => m[0]));
    if (names.size === 0) continue;
    eachOfType(ctx.workspace.tree(f).rootNode, ['identifier', 'string'], (n) => {
      if (n.type === 'string') {
        // a route's name (`name="add_rule_api"`) names a URL, not a function
        if (n.parent?.type === 'keyword_argument' && n.parent.childForFieldName('name')?.text === 'name') return;
        for (const name of names) if (word.get(name)!.test(n.text)) for (const d of byName.get(name)!) named.add(d.key);
        return;
      }
      const candidates = byName.get(n.text);
      if (!candidates) return;
      for (const d of candidates) if (!named.has(d.key) && namesIt(idx, f, n, d)) named.add(d.key);
    });
  }
  for (const list of byName.values()) for (const d of list) if (!named.has(d.key)) out.add(d.key);
  return out;
}

/** Every decorator of the def is Django's or DRF's (csrf_exempt, login_required, api_view…), or it has none. */
function plainlyDecorated(idx: PyIndex, d: NamedDef): boolean {
  const dotted = decoratorDotted(d.node);
  return dotted.length === decoratorTexts(d.node).length && dotted.every((x) => PLAIN_DECORATOR.test(idx.qualifyName(d.file, x)));
}

/** Does this identifier (in file f) refer to def d, or might it? */
function namesIt(idx: PyIndex, f: SourceFile, n: SyntaxNode, d: NamedDef): boolean {
  const parent = n.parent;
  // its own name, another definition of the same name, a keyword argument's name
  if (parent && (parent.type === 'function_definition' || parent.type === 'class_definition') && parent.childForFieldName('name')?.id === n.id) return false;
  if (parent?.type === 'keyword_argument' && parent.childForFieldName('name')?.id === n.id) return false;
  if (f.rel === d.file.rel) return true;
  let target: string | undefined;
  if (parent?.type === 'attribute' && parent.childForFieldName('attribute')?.id === n.id) target = idx.qualify(f, parent);
  else if (parent && (parent.type === 'dotted_name' || parent.type === 'aliased_import')) {
    // `from pkg.views import name [as alias]`: what the import binds
    const binding = [...idx.imports(f).values()].find((b) => b.name === n.text);
    target = binding ? bindingTarget(binding) : undefined;
  } else target = idx.qualify(f, n);
  const def = target ? idx.resolveDef(target, f.rel) : undefined;
  return !def || (def.file.rel === d.file.rel && def.node.startIndex === d.node.startIndex);
}
