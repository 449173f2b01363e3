import type { Location } from '../finding';
import type { SyntaxNode } from '../project/python';
import type { ScanContext } from '../project/scan';
import type { SourceFile } from '../project/workspace';
import { PyIndex, defKey, inFileBatch, viewKeys, loc, productionPythonFiles } from '../project/model';
import { FunctionFlow, UNKNOWN, callersPassingRequestData, enclosingFunction, formatted, formattedHow, isRequestData, mayCarryRequestData, openParts, type Prov } from '../project/request-data';
import { CALL, walkMatching } from '../project/syntax';
import type { Rule, RuleHit } from './rule';

const RAW_SQL = /^django\.db\.models(\.expressions)?\.RawSQL$/;
const CURSOR_NAME = /^(cursor|cur|curs)$|cursor$/i;

interface SqlArg {
  /** What runs it: `cursor.execute()`, `Model.objects.raw()`, `.extra(where=…)`, `RawSQL()`. */
  label: string;
  node: SyntaxNode;
}

/** The SQL text arguments of a call that runs raw SQL; [] for any other call. */
function sqlArgs(idx: PyIndex, file: SourceFile, flow: FunctionFlow, call: SyntaxNode): SqlArg[] {
  const fn = call.childForFieldName('function');
  const argList = call.childForFieldName('arguments');
  if (!fn || argList?.type !== 'argument_list') return [];
  const args = argList.namedChildren.filter((a) => a.type !== 'comment');
  const positional = args.filter((a) => a.type !== 'keyword_argument');
  const kw = (name: string) => args.find((a) => a.type === 'keyword_argument' && a.childForFieldName('name')?.text === name)?.childForFieldName('value') ?? undefined;
  if (fn.type === 'attribute') {
    const obj = fn.childForFieldName('object');
    const method = fn.childForFieldName('attribute')?.text ?? '';
    if (!obj) return [];
    if (/^(execute|executemany|executescript)$/.test(method) && isCursor(flow, obj)) {
      const sql = positional[0] ?? kw('sql') ?? kw('query') ?? kw('operation');
      return sql ? [{ label: `${short(obj)}.${method}()`, node: sql }] : [];
    }
    if (method === 'raw' && /(^|\.)(objects|_default_manager|_base_manager)$|manager$/i.test(obj.text)) {
      const sql = positional[0] ?? kw('raw_query');
      return sql ? [{ label: `${short(obj)}.raw()`, node: sql }] : [];
    }
    if (method === 'extra') {
      const out: SqlArg[] = [];
      const where = kw('where');
      if (where && (where.type === 'list' || where.type === 'tuple')) for (const w of where.namedChildren) out.push({ label: '.extra(where=…)', node: w });
      else if (where) out.push({ label: '.extra(where=…)', node: where });
      const select = kw('select');
      if (select?.type === 'dictionary') {
        for (const p of select.namedChildren) {
          const v = p.type === 'pair' ? p.childForFieldName('value') : null;
          if (v) out.push({ label: '.extra(select=…)', node: v });
        }
      }
      return out;
    }
  }
  const q = idx.qualify(file, fn);
  if (q && RAW_SQL.test(q)) {
    const sql = positional[0] ?? kw('sql');
    return sql ? [{ label: 'RawSQL()', node: sql }] : [];
  }
  return [];
}

function short(node: SyntaxNode): string {
  const t = node.text.replace(/\s+/g, '');
  return t.length > 40 ? `${t.slice(0, 37)}…` : t;
}

/** A DB-API cursor: `connection.cursor()`, a name bound to one (`with connection.cursor() as c`), or named like one. */
function isCursor(flow: FunctionFlow, obj: SyntaxNode): boolean {
  if (obj.type === 'call') return /\.cursor$/.test(obj.childForFieldName('function')?.text ?? '');
  const name = obj.type === 'identifier' ? obj.text : obj.type === 'attribute' ? obj.childForFieldName('attribute')?.text ?? '' : '';
  if (!name) return false;
  if (obj.type === 'identifier' && flow.assignments(name).some((r) => r.type === 'call' && /\.cursor$/.test(r.childForFieldName('function')?.text ?? ''))) return true;
  return CURSOR_NAME.test(name);
}

const SINK = /\.(execute|executemany|executescript|raw|extra)\s*\(|RawSQL/;

/** launch.E122: raw SQL built from request data by string formatting (SQL injection). */
export default {
  reads: 'views',
  batchWeight: (f) => (SINK.test(f.text) ? f.text.length : 0),
  meta: {
    id: 'launch.E122',
    name: 'sql-from-string',
    checklist: 'code-security',
    level: 'error',
    title: 'Raw SQL is built from request data by string formatting (SQL injection)',
    fix: 'Pass values as query parameters: cursor.execute("... WHERE name = %s", [name]), Model.objects.raw(sql, [params]), RawSQL(sql, [params]), .extra(where=["x = %s"], params=[...]) — or use the ORM. Identifiers (table or column names) cannot be parameters: pick them from a fixed list.',
    securitySeverity: 9.8,
    precision: 'high',
    tags: ['security', 'external/cwe/cwe-89'],
  },
  check(ctx) {
    const idx = PyIndex.of(ctx);
    const views = viewKeys(ctx, 'all');
    const hits = new Map<number, RuleHit>();
    let sinks = 0;
    for (const file of productionPythonFiles(ctx)) {
      if (!inFileBatch(ctx, file.rel) || !SINK.test(file.text)) continue;
      walkMatching(ctx, file, SINK, CALL, (n) => {
        if (n.type !== 'call') return;
        const fnNode = n.childForFieldName('function');
        if (!fnNode || !/(^|\.)(execute|executemany|executescript|raw|extra|RawSQL)$/.test(fnNode.text)) return;
        const flow = FunctionFlow.around(ctx, file, n);
        for (const arg of sqlArgs(idx, file, flow, n)) {
          sinks++;
          const hit = judge(ctx, file, flow, n, arg, views);
          if (hit && !hits.has(arg.node.id)) hits.set(arg.node.id, hit);
        }
      });
    }
    if (sinks === 0) return { hits: [], notApplicable: 'no raw SQL (cursor.execute, .raw, .extra, RawSQL) in the code' };
    return { hits: [...hits.values()] };
  },
} satisfies Rule;

function judge(ctx: ScanContext, file: SourceFile, flow: FunctionFlow, call: SyntaxNode, arg: SqlArg, views: Set<string>): RuleHit | undefined {
  const at = loc(file, arg.node);
  if (arg.node.type === 'string' && !arg.node.namedChildren.some((c) => c.type === 'interpolation')) return undefined; // a constant
  const fnNode = enclosingFunction(call);
  const isFormatted = formatted(flow, arg.node);
  // no request read in the function, not formatted from its parameters, not a view: nothing to judge
  if (!mayCarryRequestData(fnNode, file) && !(isFormatted && fnNode && (views.has(defKey(file, fnNode)) || fnNode.childForFieldName('parameters')?.namedChildren.length))) return undefined;
  const p = flow.prov(arg.node);
  if (isRequestData(p, 'sql')) return errorHit(flow, arg, at, p);
  const fn = enclosingFunction(call);
  // one level: a helper whose parameters reach the SQL, called with request data
  if (fn && p.params?.size && formatted(flow, arg.node)) {
    for (const c of callersPassingRequestData(ctx, file, fn)) {
      const cp = c.flow.prov(arg.node);
      if (isRequestData(cp, 'sql')) return errorHit(c.flow, arg, at, cp, c);
    }
  }
  // a note in views only, and only those that get the request (a `*View` model class is no view)
  if (fn && views.has(defKey(file, fn)) && (flow.parameters.some((x) => flow.isRequestName(x)) || /\bself\.request\b/.test(fn.text)) && p.grade.sql === UNKNOWN && formatted(flow, arg.node)) {
    const parts = openParts(flow, arg.node, 'sql');
    if (parts.length === 0) return undefined;
    return {
      location: at,
      level: 'note',
      message: `${arg.label} in view \`${fn.childForFieldName('name')?.text ?? '?'}\` runs SQL built with ${formattedHow(flow, arg.node)} from ${parts.map((x) => `\`${x}\``).join(' and ')}, whose origin the scan cannot see: if a client can choose it, this is SQL injection.`,
      fix: 'Pass values as query parameters (%s placeholders and a params list); quote identifiers with connection.ops.quote_name() and pick them from a fixed list.',
    };
  }
  return undefined;
}

function errorHit(flow: FunctionFlow, arg: SqlArg, at: Location, p: Prov, via?: { at: Location; callerName: string }): RuleHit {
  const src = p.source;
  const from = src ? `request data (\`${src.text}\`, line ${src.line})` : 'request data';
  const through = via ? `, passed in by \`${via.callerName}()\` (line ${via.at.line})` : '';
  return {
    location: at,
    message: `${arg.label} runs SQL ${formatted(flow, arg.node) ? `built with ${formattedHow(flow, arg.node)} from` : 'taken from'} ${from}${through}: a value such as \`' OR '1'='1\` rewrites the query (SQL injection).`,
    ...(via ? { related: [{ location: via.at, message: `\`${via.callerName}()\` passes request data here` }] } : {}),
  };
}

