/**
 * URLconf includes that production settings switch off: `if MOCK_OIDC_PROVIDER: urlpatterns.append(…,
 * include("fecfiler.mock_oidc_provider.urls"))` with MOCK_OIDC_PROVIDER known to be off in every world of the
 * production settings (fecfile-web-api's stand-in login provider, routed only in its local compose stack). The
 * package's views are not served in production; a rule about request handling says so (a note) rather than
 * judging them as live. Only a bare name or `settings.NAME` as the whole test, and only an include that no other
 * URLconf line makes unconditionally: anything else is taken as routed, as before.
 */
import type { Location } from '../finding';
import { lineOf, stringValue, type SyntaxNode } from './python';
import type { ScanContext } from './scan';
import { moduleOf } from './settings-modules';
import { truthy, WORLDS } from './values';
import type { SourceFile } from './workspace';

export interface SwitchedOff {
  /** the package whose URLs are included only when the setting is on, e.g. `fecfiler.mock_oidc_provider` */
  pkg: string;
  setting: string;
  location: Location;
}

const cache = new WeakMap<ScanContext, SwitchedOff[]>();

/** The switched-off include that covers this file (a module of its package), or undefined. */
export function switchedOffRoute(ctx: ScanContext, file: SourceFile): SwitchedOff | undefined {
  let all = cache.get(ctx);
  if (!all) cache.set(ctx, (all = find(ctx)));
  if (all.length === 0) return undefined;
  for (const p of ctx.projects) {
    const m = moduleOf(p.root, file);
    const hit = m && all.find((s) => m === s.pkg || m.startsWith(`${s.pkg}.`));
    if (hit) return hit;
  }
  return undefined;
}

function find(ctx: ScanContext): SwitchedOff[] {
  const out: SwitchedOff[] = [];
  for (const project of ctx.projects) {
    const s = project.production;
    if (!s) continue;
    const off = (name: string) => {
      const b = s.bindings.get(name);
      return !!b && WORLDS.every((w) => truthy(b[w]) === false);
    };
    const conditional: Array<{ target: string; setting: string; location: Location }> = [];
    const unconditional = new Set<string>();
    for (const f of ctx.workspace.pythonFiles()) {
      if (!/(^|\/)urls\.py$/.test(f.rel) || !f.text.includes('include(')) continue;
      const root = ctx.workspace.tree(f).rootNode;
      for (const call of root.descendantsOfType('call')) {
        if (call.childForFieldName('function')?.text !== 'include') continue;
        const target = stringValue(call.childForFieldName('arguments')?.namedChildren[0] ?? null);
        if (!target) continue;
        const test = switchOf(call);
        if (test && off(test)) conditional.push({ target, setting: test, location: { file: f.rel, line: lineOf(call) } });
        else unconditional.add(target);
      }
    }
    for (const c of conditional) {
      if (unconditional.has(c.target) || !c.target.endsWith('.urls')) continue;
      out.push({ pkg: c.target.slice(0, -'.urls'.length), setting: c.setting, location: c.location });
    }
  }
  return out;
}

/** The setting an `if NAME:` / `if settings.NAME:` at module level around the call tests, or undefined. */
function switchOf(call: SyntaxNode): string | undefined {
  let n: SyntaxNode | null = call.parent;
  while (n && n.type !== 'if_statement' && n.type !== 'function_definition' && n.type !== 'class_definition') n = n.parent;
  if (!n || n.type !== 'if_statement' || n.parent?.type !== 'module') return undefined;
  // only the if's own block: not its else / elif
  const body = n.childForFieldName('consequence');
  if (!body || call.startIndex < body.startIndex || call.endIndex > body.endIndex) return undefined;
  const test = n.childForFieldName('condition')?.text.replace(/\s+/g, '') ?? '';
  return /^(settings\.)?([A-Z][A-Z0-9_]*)$/.exec(test)?.[2];
}
