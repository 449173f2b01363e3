import { callParts, stringValue, walk, type SyntaxNode } from '../project/python';
import type { Rule, RuleHit } from './rule';
import { PyIndex, baseName, inDevFolder, isDevName, loc, productionPythonFiles } from './code-util';

/**
 * A Sentry (or GlitchTip/self-hosted) DSN: scheme://<hex public key>[:<hex secret>]@host/[path/]<project id>.
 * The hex key keeps placeholders such as `https://examplePublicKey@o0.ingest.sentry.io/0` out.
 */
export const DSN = /^https?:\/\/[0-9a-f]{16,}(?::[0-9a-f]{16,})?@[\w.-]+(?::\d+)?\/(?:[\w.-]+\/)*\d+\/?$/i;
const DSN_IN_TEXT = /https?:\/\/[0-9a-f]{16,}(?::[0-9a-f]{16,})?@[\w.-]+(?::\d+)?\/(?:[\w.-]+\/)*\d+\b\/?/gi;

/** Where a DSN literal sits, for the message: `sentry_sdk.init(dsn=...)`, `SENTRY_DSN = ...`, the default of an env read. */
function context(idx: PyIndex, file: Parameters<PyIndex['qualify']>[0], str: SyntaxNode): string {
  let envDefault: string | undefined;
  let dictKey: string | undefined;
  let n: SyntaxNode | null = str;
  for (let i = 0; n && i < 8; i++, n = n.parent) {
    if (n.type === 'call') {
      const { callee, args } = callParts(n);
      const q = idx.qualify(file, n.childForFieldName('function'));
      if (q === 'sentry_sdk.init') return `sentry_sdk.init(${envDefault ? `dsn=<default of ${envDefault}>` : 'dsn=...'})`;
      if (callee && /(^|\.)(getenv|environ\.get|str|get_value)$|^(env|config)$/.test(callee)) {
        const name = stringValue(args[0]);
        if (name && args[0]?.id !== str.id) envDefault = name;
      }
    } else if (n.type === 'assignment') {
      const left = n.childForFieldName('left')?.text ?? 'a setting';
      const target = dictKey ? `${left}["${dictKey}"]` : left;
      return envDefault ? `the default of ${envDefault} in \`${target} = ...\`` : `\`${target} = ...\``;
    } else if (n.type === 'pair' && !dictKey) {
      dictKey = stringValue(n.childForFieldName('key'));
    } else if (n.type === 'expression_statement' || n.type === 'function_definition' || n.type === 'class_definition') break;
  }
  if (dictKey) return `the "${dictKey}" entry of a dict`;
  return envDefault ? `the default of ${envDefault}` : 'a string literal';
}

const WHY = 'a DSN is a public, send-only key (Sentry says it is safe to expose), but committed it makes every copy of the code (forks, laptops, CI) report into the same project, cannot differ per environment, and changing it needs a release. Read it from the environment: dsn=os.environ.get("SENTRY_DSN").';

/**
 * launch.I092: a literal Sentry DSN in production code (sentry_sdk.init, SENTRY_DSN setting, env default) or
 * deploy files. A note: Sentry's DSN is a public, send-only key, so a committed one is a configuration
 * smell (one project for every copy of the code), not a leaked credential.
 */
export default {
  meta: {
    id: 'launch.I092',
    name: 'sentry-dsn-literal',
    checklist: 'monitoring',
    level: 'note',
    title: 'A Sentry DSN is hard-coded in the source',
    fix: 'Read the DSN from the environment (sentry_sdk.init(dsn=os.environ.get("SENTRY_DSN"))), so each deployment reports where it should and forks or laptops report nowhere.',
    securitySeverity: 1.0,
    precision: 'very-high',
    tags: ['maintainability'],
  },
  check(ctx) {
    const idx = PyIndex.of(ctx);
    const hits: RuleHit[] = [];
    let looked = false;
    for (const f of productionPythonFiles(ctx)) {
      if (!/sentry|dsn|raven/i.test(f.text)) continue;
      looked ||= /sentry_sdk|raven|SENTRY/.test(f.text);
      walk(ctx.workspace.tree(f).rootNode, (n) => {
        if (n.type !== 'string') return true;
        const v = stringValue(n);
        if (v === undefined || !DSN.test(v.trim())) return false;
        ctx.secrets.add(v);
        if (v.trim() !== v) ctx.secrets.add(v.trim());
        hits.push({ location: loc(f, n), message: `A Sentry DSN is hard-coded (${context(idx, f, n)}) in ${f.rel}: ${WHY}` });
        return false;
      });
    }
    for (const f of ctx.workspace.deployFiles()) {
      if (inDevFolder(f.rel, ctx) || isDevName(baseName(f.rel))) continue;
      const lines = f.text.split('\n');
      lines.forEach((line, i) => {
        if (line.trim().startsWith('#')) return;
        for (const m of line.matchAll(DSN_IN_TEXT)) {
          ctx.secrets.add(m[0]);
          looked = true;
          hits.push({ location: { file: f.rel, line: i + 1, column: (m.index ?? 0) + 1 }, message: `A Sentry DSN is hard-coded in ${f.rel}: ${WHY}` });
        }
      });
    }
    if (!looked && hits.length === 0) return { hits, notApplicable: 'no Sentry configuration in production code' };
    return { hits };
  },
} satisfies Rule;
