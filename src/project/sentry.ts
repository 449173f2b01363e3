/** Sentry in the project: every `sentry_sdk.init(...)` call. */
import type { ScanContext } from './scan';
import type { SourceFile } from './workspace';
import { walk, type SyntaxNode } from './python';
import { PyIndex } from './modules';

/** Every `sentry_sdk.init(...)` call (any import spelling) in the given files. */
export function sentryInits(ctx: ScanContext, files: readonly SourceFile[]): Array<{ file: SourceFile; call: SyntaxNode }> {
  const idx = PyIndex.of(ctx);
  const out: Array<{ file: SourceFile; call: SyntaxNode }> = [];
  for (const f of files) {
    if (!f.text.includes('sentry_sdk')) continue;
    walk(ctx.workspace.tree(f).rootNode, (n) => {
      if (n.type === 'call' && idx.qualify(f, n.childForFieldName('function')) === 'sentry_sdk.init') out.push({ file: f, call: n });
      return true;
    });
  }
  return out;
}
