/**
 * URLconf includes that production settings switch off: `if MOCK_OIDC_PROVIDER: urlpatterns.append(…,
 * include("fecfiler.mock_oidc_provider.urls"))` with MOCK_OIDC_PROVIDER known to be off in every world of the
 * production settings — or, when the settings read it through code the scan cannot follow, with every production
 * deploy file that sets the variable of that name setting it to a false literal (fecfile-web-api's stand-in login
 * provider: its cloud.gov manifests say `MOCK_OIDC_PROVIDER: False`; only its local compose stack turns it on). The
 * package's views are not served in production; a rule about request handling says so (a note) rather than
 * judging them as live. Only a bare name or `settings.NAME` as the whole test, and only an include that no other
 * URLconf line makes unconditionally: anything else is taken as routed, as before.
 */
import type { Location } from '../finding';
import { lineOf, stringValue, type SyntaxNode } from './python';
import type { ScanContext } from './scan';
import { countsFor } from './files';
import { productionEnvironment } from './manifests';
import { moduleOf } from './settings-modules';
import { scanFactOf } from './scan-facts';
import { truthy, WORLDS } from './values';
import type { SourceFile } from './workspace';

export interface SwitchedOff {
  /** the package whose URLs are included only when the setting is on, e.g. `fecfiler.mock_oidc_provider` */
  pkg: string;
  setting: string;
  location: Location;
  /** why it is off: `the production settings turn off`, or the deploy files' value */
  how: string;
}

/** The switched-off include that covers this file (a module of its package), or undefined. */
export function switchedOffRoute(ctx: ScanContext, file: SourceFile): SwitchedOff | undefined {
  // worked out once per scan (a fact: no node), not in each batch of the view rules that ask
  const all = scanFactOf(ctx, 'url-switches', () => find(ctx));
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
  const env = productionEnvironment(ctx.workspace);
  for (const project of ctx.projects) {
    const s = project.production;
    if (!s) continue;
    // the production deploy files' literal values of each variable (cloud.gov manifests: `MOCK_OIDC_PROVIDER: False`)
    const given = new Map<string, string[]>();
    // a file that runs other settings (fecfile's compose stack: fecfiler.settings.local) does not speak for production's
    const otherSettings = new Set(env.filter((e) => e.name === 'DJANGO_SETTINGS_MODULE' && e.value !== undefined && e.value !== s.module).map((e) => e.file));
    for (const e of env) {
      if (e.dev || e.value === undefined || !countsFor(ctx, project, e.file) || otherSettings.has(e.file)) continue;
      given.set(e.name, [...(given.get(e.name) ?? []), e.value]);
    }
    const off = (name: string): string | undefined => {
      const b = s.bindings.get(name);
      if (!b) return undefined;
      if (WORLDS.every((w) => truthy(b[w]) === false)) return 'which the production settings turn off';
      // Read through code the evaluator does not follow (fecfile's env.get_credential helper class): the variable of
      // the same name, which every production deploy file that sets it sets to a false literal, and one does.
      const values = given.get(name);
      const byDeploy = WORLDS.some((w) => truthy(b[w]) === undefined) && !!values?.length && values.every((v) => /^(false|0|no|off|)$/i.test(v.trim()));
      return byDeploy ? `which every production deploy file that sets ${name} sets to ${values[0]}` : undefined;
    };
    const conditional: Array<{ target: string; setting: string; location: Location; how: string }> = [];
    const unconditional = new Set<string>();
    for (const f of ctx.workspace.pythonFiles()) {
      if (!/(^|\/)urls\.py$/.test(f.rel) || !f.text.includes('include(')) continue;
      const root = ctx.workspace.tree(f).rootNode;
      for (const call of root.descendantsOfType('call')) {
        if (call.childForFieldName('function')?.text !== 'include') continue;
        const target = stringValue(call.childForFieldName('arguments')?.namedChildren[0] ?? null);
        if (!target) continue;
        const test = switchOf(call);
        const how = test ? off(test) : undefined;
        if (test && how) conditional.push({ target, setting: test, location: { file: f.rel, line: lineOf(call) }, how });
        else unconditional.add(target);
      }
    }
    for (const c of conditional) {
      if (unconditional.has(c.target) || !c.target.endsWith('.urls')) continue;
      out.push({ pkg: c.target.slice(0, -'.urls'.length), setting: c.setting, location: c.location, how: c.how });
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
