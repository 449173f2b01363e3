import { callParts, stringValue, type SyntaxNode } from '../project/python';
import type { ScanContext } from '../project/scan';
import type { Rule, RuleHit } from './rule';
import { loc, productionPythonFiles, sentryInits, separatePackage } from './code-util';

interface Rate {
  rate: number;
  /** the environment variable whose default it is */
  env?: string;
}

/** Env readers whose default is the 2nd positional argument or `default=`: os.getenv, os.environ.get, env.float, config. */
const ENV_READER = /(^|\.)(getenv|environ\.get|float|get_value|str)$|^(env|config|decouple\.config)$/;

function numberOf(node: SyntaxNode | undefined | null): number | undefined {
  if (!node) return undefined;
  if (node.type === 'integer' || node.type === 'float') {
    const n = Number(node.text.replace(/_/g, ''));
    return Number.isFinite(n) ? n : undefined;
  }
  const s = stringValue(node);
  if (s !== undefined && /^\s*\d+(\.\d*)?([eE][+-]?\d+)?\s*$/.test(s)) return Number(s);
  return undefined;
}

/**
 * The sample rate an expression yields: a literal (1.0, 1), `float("1.0")`, or the literal default of an
 * environment read (`float(os.getenv("X", "1.0"))`, `env.float("X", default=1.0)`), or a module-level
 * name bound to one of those in the same file.
 */
function rateOf(root: SyntaxNode, node: SyntaxNode | null | undefined, depth = 0): Rate | undefined {
  if (!node || depth > 3) return undefined;
  const n = numberOf(node);
  if (n !== undefined) return { rate: n };
  if (node.type === 'parenthesized_expression') return rateOf(root, node.namedChildren[0], depth + 1);
  if (node.type === 'identifier') {
    const assigned = moduleAssignment(root, node.text);
    return assigned ? rateOf(root, assigned, depth + 1) : undefined;
  }
  if (node.type !== 'call') return undefined;
  const { callee, args, kwargs } = callParts(node);
  if (!callee) return undefined;
  if (callee === 'float' || callee === 'int') return rateOf(root, args[0], depth + 1);
  if (ENV_READER.test(callee)) {
    const name = stringValue(args[0]);
    if (!name) return undefined;
    const dflt = kwargs.get('default') ?? args[1];
    const inner = rateOf(root, dflt, depth + 1);
    return inner ? { rate: inner.rate, env: name } : undefined;
  }
  return undefined;
}

/** The last module-level `name = <expr>` of a file. */
function moduleAssignment(root: SyntaxNode, name: string): SyntaxNode | undefined {
  let found: SyntaxNode | undefined;
  for (const c of root.namedChildren) {
    if (c.type !== 'expression_statement') continue;
    const a = c.namedChildren[0];
    if (a?.type === 'assignment' && a.childForFieldName('left')?.text === name) found = a.childForFieldName('right') ?? undefined;
  }
  return found;
}

function kwargNode(call: SyntaxNode, name: string): SyntaxNode | undefined {
  return call.childForFieldName('arguments')?.namedChildren.find((a) => a.type === 'keyword_argument' && a.childForFieldName('name')?.text === name);
}

/**
 * The sentry_sdk.init() calls the Django projects run, and the separate packages whose own init is left alone.
 * A monorepo's daemon (a queue consumer, a media player) beside the Django package, that no project imports,
 * sets up Sentry for its own process: its sample rate is not the web application's, and without an integration
 * that starts transactions it sends no traces at all. Python runs no module that nothing imports, so the
 * web app's Sentry is judged in full: inits in the projects' folders and in the outside packages they import.
 */
function inits(ctx: ScanContext) {
  const all = sentryInits(ctx, productionPythonFiles(ctx));
  const elsewhere = new Set<string>();
  const calls = all.filter(({ file }) => {
    const pkg = separatePackage(ctx, file.rel);
    if (pkg) elsewhere.add(pkg);
    return !pkg;
  });
  return { calls, elsewhere: [...elsewhere].sort() };
}

/** launch.W091: sentry_sdk.init(traces_sample_rate=1.0) in production code: every request traced. */
export default {
  meta: {
    id: 'launch.W091',
    name: 'traces-sample-rate-full',
    checklist: 'monitoring',
    level: 'warning',
    title: 'Sentry traces every request (traces_sample_rate=1.0) in production',
    fix: 'Sample a fraction of transactions in production, e.g. traces_sample_rate=0.1 (0.05–0.2), or decide per request with traces_sampler.',
    securitySeverity: 0,
    precision: 'high',
    tags: ['performance', 'cost'],
  },
  check(ctx) {
    const { calls, elsewhere } = inits(ctx);
    if (calls.length === 0) {
      const outside = elsewhere.length ? ` (only in ${elsewhere.map((p) => `\`${p}\``).join(', ')}, separate packages the Django project never imports)` : '';
      return { hits: [], notApplicable: `no sentry_sdk.init() call in the Django project's production code${outside}` };
    }
    const hits: RuleHit[] = [];
    for (const { file, call } of calls) {
      const root = ctx.workspace.tree(file).rootNode;
      const rateArg = kwargNode(call, 'traces_sample_rate');
      if (rateArg) {
        const r = rateOf(root, rateArg.childForFieldName('value'));
        if (r && r.rate >= 1) {
          const what = r.env
            ? `\`traces_sample_rate\` in sentry_sdk.init() defaults to ${fmt(r.rate)} when ${r.env} is unset`
            : rateArg.childForFieldName('value')?.type === 'identifier'
              ? `\`traces_sample_rate=${rateArg.childForFieldName('value')!.text}\` (${fmt(r.rate)}) in sentry_sdk.init()`
              : `\`traces_sample_rate=${fmt(r.rate)}\` in sentry_sdk.init()`;
          hits.push({
            location: loc(file, rateArg),
            message: `${what} (${file.rel}): Sentry records a performance trace for every request, which burns the transaction quota fast and adds overhead to each request.`,
            ...(r.env ? { fix: `Make the default of ${r.env} a fraction such as 0.1 (0.05–0.2): a deploy without ${r.env} then samples instead of tracing every request.` } : {}),
          });
        }
        continue;
      }
      const tracing = kwargNode(call, 'enable_tracing');
      if (tracing && tracing.childForFieldName('value')?.text === 'True' && !kwargNode(call, 'traces_sampler')) {
        hits.push({
          location: loc(file, tracing),
          message: `\`enable_tracing=True\` without traces_sample_rate in sentry_sdk.init() (${file.rel}) samples 100% of transactions: Sentry records a performance trace for every request, which burns the transaction quota fast and adds overhead to each request.`,
          fix: 'Give sentry_sdk.init() a traces_sample_rate beside enable_tracing=True, e.g. traces_sample_rate=0.1 (0.05–0.2), or a traces_sampler.',
        });
      }
    }
    return { hits };
  },
} satisfies Rule;

function fmt(n: number): string {
  return Number.isInteger(n) ? `${n}.0` : String(n);
}
