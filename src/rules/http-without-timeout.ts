import type { Location } from '../finding';
import { callParts, type SyntaxNode } from '../project/python';
import type { ScanContext } from '../project/scan';
import type { SourceFile } from '../project/workspace';
import { scanFactOf } from '../project/scan-facts';
import { CALL, PyIndex, findViews, inFileBatch, isTaskFunction, loc, productionPythonFiles, noViewsFound, walkBody, type ViewFunction } from '../project/model';
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
    const report = (file: SourceFile, call: SyntaxNode, http: HttpCall, view: ViewFunction, via?: { name: string; at: Location }) => {
      if (seen.has(call.id)) return;
      // under `if settings.DEBUG:` with DEBUG off in production: never runs there
      const debugOnly = onlyWhenDebug(call);
      if (debugOnly && debugOffInProduction(ctx, file.rel)) return;
      // under `if settings.X:` with X off in production (django-crm's VOIP_FORWARD_DATA): never runs there
      if (switchedOffInProduction(ctx, file.rel, call)) return;
      seen.add(call.id);
      const where = via ? `in helper \`${via.name}()\`, called from view \`${view.label}\`` : `in view \`${view.label}\``;
      const none = http.explicitNone ? ' (`timeout=None` turns it off)' : '';
      const what =
        http.client === 'urllib'
          ? 'urlopen() without one (and with no socket.setdefaulttimeout()) blocks forever on a server that accepts the connection and never answers'
          : `${http.client} then waits forever for a server that accepts the connection and never answers`;
      hits.push({
        location: loc(file, call),
        message: `\`${http.label}\` ${where} has no timeout${none}: ${what}, holding the worker that serves this request${debugOnly ? ` — a note: ${DEBUG_ONLY_NOTE}` : ''}.`,
        ...(debugOnly ? { level: 'note' as const } : {}),
        ...(via ? { related: [{ location: via.at, message: `view \`${view.label}\` calls \`${via.name}()\` here` }] } : {}),
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
    const fileHas = new Map<string, boolean>();
    // a call is reported in its view's file (its helpers are in the same module): the views of the batch
    const relevant = views.filter((v) => {
      if (!inFileBatch(ctx, v.file.rel)) return false;
      let has = fileHas.get(v.file.rel);
      if (has === undefined) fileHas.set(v.file.rel, (has = HTTP_FILE.test(v.file.text)));
      return has;
    });
    for (const v of relevant) scanFn(v.file, v.node, (call, h) => report(v.file, call, h, v));
    // one level of same-module helper functions
    for (const v of relevant) {
      const defs = idx.defs(v.file);
      walkBody(v.node, (n) => {
        if (n.type !== 'call') return;
        const fnNode = n.childForFieldName('function');
        if (fnNode?.type !== 'identifier') return;
        const helper = defs.get(fnNode.text);
        if (!helper || helper.type !== 'function_definition' || helper.id === v.node.id || isTaskFunction(helper)) return;
        scanFn(v.file, helper, (call, h) => report(v.file, call, h, v, { name: fnNode.text, at: loc(v.file, n) }));
      }, CALL);
    }
    return { hits };
  },
} satisfies Rule;
