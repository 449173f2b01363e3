import type { Location } from '../finding';
import { callParts, type SyntaxNode } from '../project/python';
import type { ScanContext } from '../project/scan';
import type { SourceFile } from '../project/workspace';
import { scanFactOf } from '../project/scan-facts';
import { CALL, PyIndex, findViews, inFileBatch, isTaskFunction, loc, methodsOf, productionPythonFiles, noViewsFound, viewKeys, walkBody, type ViewFunction } from '../project/model';
import { onceForBatches } from '../project/files';
import type { Rule, RuleHit } from './rule';
import { DEBUG_ONLY_NOTE, onlyWhenDebug } from '../project/syntax';
import { debugOffInProduction, switchedOffInProduction } from './settings-util';

type Client = 'requests' | 'urllib' | 'httpx';

/** Module-level HTTP calls (qualified) -> client. */
const CALLS: Array<[RegExp, Client]> = [
  [/^requests(\.api)?\.(get|post|put|patch|delete|head|options|request)$/, 'requests'],
  [/^(urllib\.request|urllib2|six\.moves\.urllib\.request|future\.moves\.urllib\.request)\.urlopen$/, 'urllib'],
  [/^httpx\.(get|post|put|patch|delete|head|options|request|stream)$/, 'httpx'],
];
/** Constructors of client objects whose methods make requests. */
const CLIENTS: Array<[RegExp, Client]> = [
  [/^requests(\.sessions)?\.(Session|session)$/, 'requests'],
  [/^httpx\.Client$/, 'httpx'],
];
/** Text an outbound HTTP call needs somewhere in its file (and function, or the session it uses). */
const HTTP_HINT = /requests|urlopen|httpx|\b(get|post|put|patch|delete|head|options|request|send|stream)\s*\(/;
const HTTP_FILE = /requests|urlopen|httpx/;
const CLIENT_METHODS = /^(get|post|put|patch|delete|head|options|request|send|stream)$/;

interface HttpCall {
  client: Client;
  label: string;
  /** `timeout=None` written out (httpx's own default is 5 s, so only an explicit None counts there). */
  explicitNone: boolean;
}

/** Local names bound to a requests.Session() / httpx.Client() in a function (assignment or `with … as`). */
function clientNames(idx: PyIndex, file: SourceFile, fn: SyntaxNode): Map<string, { client: Client; ctor: SyntaxNode }> {
  const out = new Map<string, { client: Client; ctor: SyntaxNode }>();
  const classify = (expr: SyntaxNode | null | undefined): { client: Client; ctor: SyntaxNode } | undefined => {
    if (expr?.type !== 'call') return undefined;
    const q = idx.qualify(file, expr.childForFieldName('function'));
    if (!q) return undefined;
    for (const [re, client] of CLIENTS) if (re.test(q)) return { client, ctor: expr };
    return undefined;
  };
  const mounted = new Set<string>();
  walkBody(fn, (n) => {
    // session.mount("https://", TimeoutAdapter(...)): an adapter of the project's own may set a default timeout
    if (n.type === 'call' && /^\w+\.mount$/.test(n.childForFieldName('function')?.text ?? '')) mounted.add(n.childForFieldName('function')!.text.split('.')[0]);
    if (n.type === 'assignment') {
      const left = n.childForFieldName('left');
      const c = classify(n.childForFieldName('right'));
      if (left?.type === 'identifier' && c) out.set(left.text, c);
    } else if (n.type === 'as_pattern') {
      const c = classify(n.namedChildren[0]);
      const target = n.childForFieldName('alias')?.namedChildren[0];
      if (c && target?.type === 'identifier') out.set(target.text, c);
    }
  }, ['call', 'assignment', 'as_pattern']);
  for (const m of mounted) out.delete(m);
  return out;
}

/** The call, when it is an outbound HTTP request without a timeout; undefined otherwise. */
function untimed(idx: PyIndex, file: SourceFile, call: SyntaxNode, clients: Map<string, { client: Client; ctor: SyntaxNode }>, defaultSocketTimeout: boolean): HttpCall | undefined {
  if (call.parent?.type === 'await') return undefined;
  const { args, kwargs } = callParts(call);
  const splat = (call.childForFieldName('arguments')?.namedChildren ?? []).some((a) => a.type === 'dictionary_splat');
  const timeout = kwargs.get('timeout');
  const explicitNone = timeout?.type === 'none';
  if (timeout && !explicitNone) return undefined;
  if (splat && !timeout) return undefined; // **kwargs may carry a timeout
  const fnNode = call.childForFieldName('function');
  const q = idx.qualify(file, fnNode);
  if (q) {
    for (const [re, client] of CALLS) {
      if (!re.test(q)) continue;
      if (client === 'httpx' && !explicitNone) return undefined; // httpx times out after 5 s by default
      if (client === 'urllib' && (args.length >= 3 || (defaultSocketTimeout && !explicitNone))) return undefined; // urlopen(url, data, timeout)
      return { client, label: `${q.replace(/^requests\.api\./, 'requests.').replace(/^.*\.urlopen$/, 'urlopen')}()`, explicitNone };
    }
  }
  if (fnNode?.type === 'attribute') {
    const obj = fnNode.childForFieldName('object');
    const method = fnNode.childForFieldName('attribute')?.text ?? '';
    if (!obj || !CLIENT_METHODS.test(method)) return undefined;
    let c: { client: Client; ctor: SyntaxNode } | undefined;
    if (obj.type === 'identifier') c = clients.get(obj.text);
    else if (obj.type === 'call') {
      const oq = idx.qualify(file, obj.childForFieldName('function'));
      if (oq) for (const [re, client] of CLIENTS) if (re.test(oq)) c = { client, ctor: obj };
    }
    if (!c) return undefined;
    if (c.client === 'httpx') {
      const ctorTimeout = callParts(c.ctor).kwargs.get('timeout');
      if (!explicitNone && ctorTimeout?.type !== 'none') return undefined;
    }
    return { client: c.client, label: `${obj.type === 'identifier' ? obj.text : 'Session()'}.${method}()`, explicitNone };
  }
  return undefined;
}

/** How deep the rule follows calls from a view: its helpers, theirs, and theirs. */
const CALL_DEPTH = 3;

/** One call on the way from a view to an HTTP call: the function called, where it is called, and its file. */
interface Step {
  name: string;
  at: Location;
  file: string;
}

/** A method `name` defined in a class's body. */
function methodOf(cls: SyntaxNode, name: string): SyntaxNode | undefined {
  return methodsOf(cls).find((m) => m.childForFieldName('name')?.text === name);
}

/**
 * The project function a call runs, when the scan can name it: a function of the caller's module, a method of the
 * caller's class (`self.x()`, `cls.x()`), or a function or class method (`SiretData.fetch()`, Compl'alim's INSEE
 * lookup) imported from a project module that makes HTTP calls (one that never names requests, urlopen or httpx is
 * not parsed to look). A method called on an instance (`client.post()`) is not followed: its class is not known.
 */
function calleeOf(idx: PyIndex, file: SourceFile, call: SyntaxNode, cls: SyntaxNode | undefined): { file: SourceFile; node: SyntaxNode; name: string; cls?: SyntaxNode } | undefined {
  const fnNode = call.childForFieldName('function');
  if (fnNode?.type === 'attribute') {
    const obj = fnNode.childForFieldName('object');
    const attr = fnNode.childForFieldName('attribute')?.text;
    if (obj?.type === 'identifier' && (obj.text === 'self' || obj.text === 'cls')) {
      const m = cls && attr ? methodOf(cls, attr) : undefined;
      return m ? { file, node: m, name: `${cls!.childForFieldName('name')?.text ?? '?'}.${attr}`, cls } : undefined;
    }
  } else if (fnNode?.type === 'identifier') {
    const local = idx.defs(file).get(fnNode.text);
    if (local) return local.type === 'function_definition' ? { file, node: local, name: fnNode.text } : undefined;
  } else return undefined;
  const q = idx.qualify(file, fnNode);
  if (!q || !q.includes('.') || q === fnNode.text) return undefined;
  const parts = q.split('.');
  // the module file the name points into: not parsed when it makes no HTTP call (nor a class method's)
  const home = idx.resolveModule(parts.slice(0, -1).join('.'), file.rel) ?? idx.resolveModule(parts.slice(0, -2).join('.'), file.rel);
  if (!home || !HTTP_FILE.test(home.text)) return undefined;
  const def = idx.resolveDef(q, file.rel);
  if (!def) return undefined;
  if (def.node.type === 'function_definition') return q.endsWith(`.${def.name}`) ? { file: def.file, node: def.node, name: def.name } : undefined;
  if (def.node.type === 'class_definition' && q.endsWith(`.${def.name}.${parts.at(-1)}`)) {
    const m = methodOf(def.node, parts.at(-1)!);
    if (m) return { file: def.file, node: m, name: `${def.name}.${parts.at(-1)}`, cls: def.node };
  }
  return undefined;
}

/** Does production code set a process-wide socket timeout (socket.setdefaulttimeout), which urlopen uses? */
function socketDefault(ctx: ScanContext): boolean {
  return scanFactOf(ctx, 'socket-default-timeout', () => productionPythonFiles(ctx).some((f) => /socket\.setdefaulttimeout\(\s*[1-9]/.test(f.text)));
}

/** launch.W124: outbound HTTP in a view with no timeout. */
export default {
  reads: 'views',
  batchWeight: (f) => (HTTP_FILE.test(f.text) ? f.text.length : 0),
  meta: {
    id: 'launch.W124',
    name: 'http-without-timeout',
    checklist: 'code-security',
    level: 'warning',
    title: 'An outbound HTTP request in a view has no timeout',
    fix: 'Pass a timeout: requests.get(url, timeout=(3.05, 10)) (connect, read seconds); urlopen(url, timeout=10); never timeout=None.',
    securitySeverity: 5.3,
    precision: 'very-high',
    tags: ['security', 'reliability', 'external/cwe/cwe-1088', 'external/cwe/cwe-400'],
  },
  check(ctx) {
    const idx = PyIndex.of(ctx);
    const views = findViews(ctx).functions;
    if (views.length === 0) return { hits: [], ...noViewsFound(ctx) };
    const sockDefault = socketDefault(ctx);
    const hits: RuleHit[] = [];
    const seen = new Set<number>();
    const report = (file: SourceFile, call: SyntaxNode, http: HttpCall, view: ViewFunction, chain: Step[] = []) => {
      if (seen.has(call.id)) return;
      // under `if settings.DEBUG:` with DEBUG off in production: never runs there
      const debugOnly = onlyWhenDebug(call);
      if (debugOnly && debugOffInProduction(ctx, file.rel)) return;
      // under `if settings.X:` with X off in production (django-crm's VOIP_FORWARD_DATA): never runs there
      if (switchedOffInProduction(ctx, file.rel, call)) return;
      seen.add(call.id);
      const helper = chain.at(-1);
      const through = chain.length > 1 ? ` through ${chain.slice(0, -1).map((c) => `\`${c.name}()\``).join(' → ')}` : '';
      const where = helper
        ? `in helper \`${helper.name}()\`${helper.file !== view.file.rel ? ` (${helper.file})` : ''}, called from view \`${view.label}\`${helper.file !== view.file.rel ? ` (${view.file.rel})` : ''}${through}`
        : `in view \`${view.label}\``;
      const none = http.explicitNone ? ' (`timeout=None` turns it off)' : '';
      const what =
        http.client === 'urllib'
          ? 'urlopen() without one (and with no socket.setdefaulttimeout()) blocks forever on a server that accepts the connection and never answers'
          : `${http.client} then waits forever for a server that accepts the connection and never answers`;
      hits.push({
        location: loc(file, call),
        message: `\`${http.label}\` ${where} has no timeout${none}: ${what}, holding the worker that serves this request${debugOnly ? ` — a note: ${DEBUG_ONLY_NOTE}` : ''}.`,
        ...(debugOnly ? { level: 'note' as const } : {}),
        ...(chain.length ? { related: chain.map((c, i) => ({ location: c.at, message: `${i === 0 ? `view \`${view.label}\`` : `\`${chain[i - 1].name}()\``} calls \`${c.name}()\` here` })) } : {}),
      });
    };
    const found = new Map<number, Array<{ call: SyntaxNode; http: HttpCall }>>();
    const scanFn = (file: SourceFile, fn: SyntaxNode, visit: (call: SyntaxNode, http: HttpCall) => void) => {
      let calls = found.get(fn.id);
      if (!calls) {
        const list: Array<{ call: SyntaxNode; http: HttpCall }> = [];
        if (HTTP_HINT.test(fn.text)) {
          const clients = clientNames(idx, file, fn);
          walkBody(fn, (n) => {
            if (n.type !== 'call') return;
            const h = untimed(idx, file, n, clients, sockDefault);
            if (h) list.push({ call: n, http: h });
          }, CALL);
        }
        found.set(fn.id, (calls = list));
      }
      for (const c of calls) visit(c.call, c.http);
    };
    // The views of the batch: the direct calls first, so a call in a view's own body is reported as that view's.
    const batch = views.filter((v) => inFileBatch(ctx, v.file.rel));
    for (const v of batch) if (HTTP_FILE.test(v.file.text)) scanFn(v.file, v.node, (call, h) => report(v.file, call, h, v));
    // Then the helpers a view calls, and theirs, CALL_DEPTH deep: functions of its module, its class's methods
    // (`self.x()`), and functions or class methods imported from the project's modules that make HTTP calls
    // (le marché's view → `recherche_entreprises_get_or_error()` → `fetch_api_recherche_entreprises()`'s
    // requests.get). A view is never followed into (its own calls are its findings). One untimed call reached
    // from several views names the first by file order and label — the same view whether the views run in
    // batches of files or all at once (batches are runs of files in that order, and a call reported by an
    // earlier batch is not reported again).
    const viewKeyed = viewKeys(ctx, 'all'); // every view's key, no view file parsed for it
    const fileOrder = new Map(ctx.workspace.pythonFiles().map((f, i) => [f.rel, i] as const));
    const reported = onceForBatches(ctx, 'launch.W124:helpers-reported', () => new Set<string>()).value;
    const reached = new Map<string, { file: SourceFile; call: SyntaxNode; http: HttpCall; view: ViewFunction; chain: Step[]; rank: string }>();
    const rankOf = (v: ViewFunction, chain: Step[]) => `${String(fileOrder.get(v.file.rel) ?? 0).padStart(8, '0')}\u0000${v.label}\u0000${chain.map((c) => c.name).join('\u0000')}`;
    const follow = (v: ViewFunction, file: SourceFile, fn: SyntaxNode, cls: SyntaxNode | undefined, chain: Step[], visited: Set<string>) => {
      if (chain.length >= CALL_DEPTH) return;
      walkBody(fn, (n) => {
        if (n.type !== 'call') return;
        const callee = calleeOf(idx, file, n, cls);
        if (!callee || isTaskFunction(callee.node)) return;
        const key = `${callee.file.rel}:${callee.node.startIndex}`;
        if (visited.has(key) || viewKeyed.has(key)) return;
        visited.add(key);
        const steps = [...chain, { name: callee.name, at: loc(file, n), file: callee.file.rel }];
        scanFn(callee.file, callee.node, (call, http) => {
          const at = `${callee.file.rel}:${call.startIndex}`;
          if (reported.has(at)) return;
          const rank = rankOf(v, steps);
          const prev = reached.get(at);
          if (!prev || rank < prev.rank) reached.set(at, { file: callee.file, call, http, view: v, chain: steps, rank });
        });
        follow(v, callee.file, callee.node, callee.cls, steps, visited);
      }, CALL);
    };
    for (const v of batch) follow(v, v.file, v.node, v.cls, [], new Set([`${v.file.rel}:${v.node.startIndex}`]));
    for (const [at, r] of [...reached].sort((a, b) => (a[1].rank < b[1].rank ? -1 : a[1].rank > b[1].rank ? 1 : 0))) {
      reported.add(at);
      report(r.file, r.call, r.http, r.view, r.chain);
    }
    return { hits };
  },
} satisfies Rule;
