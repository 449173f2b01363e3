import type { Location } from '../finding';
import { callParts, type SyntaxNode } from '../project/python';
import type { ScanContext } from '../project/scan';
import type { SourceFile } from '../project/workspace';
import { PyIndex, inFileBatch, loc, productionPythonFiles } from '../project/model';
import { FunctionFlow, callersPassingRequestData, enclosingFunction, isRequestData, type Prov } from '../project/request-data';
import { CALL, walkMatching } from '../project/syntax';
import type { Rule, RuleHit } from './rule';

/** Loaders that build arbitrary Python objects (run code) from their input. */
const CODE_LOADERS = /^(pickle|cPickle|_pickle|dill|cloudpickle|joblib|jsonpickle|marshal|pandas)\.(loads?|decode|read_pickle)$/;
const YAML_LOAD = /^yaml\.(load|load_all)$/;
const YAML_UNSAFE = /^yaml\.(unsafe_load|unsafe_load_all)$/;
const YAML_SAFE_LOADER = /(^|\.)(SafeLoader|CSafeLoader|BaseLoader|CBaseLoader)$/;
const YAML_FULL_LOADER = /(^|\.)(FullLoader|CFullLoader)$/;

const LOADER_WORD = /pickle|yaml|marshal|dill|shelve|read_pickle/;

/** launch.E125: pickle / yaml.load without SafeLoader (and similar) on request data: remote code execution. */
export default {
  reads: 'views',
  batchWeight: (f) => (LOADER_WORD.test(f.text) ? f.text.length : 0),
  meta: {
    id: 'launch.E125',
    name: 'unsafe-deserialization',
    checklist: 'code-security',
    level: 'error',
    title: 'Request data is deserialized with a loader that can run code (pickle, yaml.load without SafeLoader)',
    fix: 'Parse client data with a format that cannot build objects: json.loads(), or yaml.safe_load(); if the data must round-trip through the client, sign it (django.core.signing.dumps/loads) and keep it JSON.',
    securitySeverity: 9.8,
    precision: 'very-high',
    tags: ['security', 'external/cwe/cwe-502'],
  },
  check(ctx) {
    const idx = PyIndex.of(ctx);
    const hits = new Map<number, RuleHit>();
    let sinks = 0;
    for (const file of productionPythonFiles(ctx)) {
      if (!inFileBatch(ctx, file.rel) || !LOADER_WORD.test(file.text)) continue;
      walkMatching(ctx, file, /\b(loads?|decode|read_pickle|load_all|unsafe_load|unsafe_load_all)\s*\(/, CALL, (n) => {
        if (n.type !== 'call') return;
        const q = idx.qualify(file, n.childForFieldName('function'));
        if (!q) return;
        const kind = loaderKind(idx, file, n, q);
        if (!kind) return;
        const { args, kwargs } = callParts(n);
        const data = args[0] ?? kwargs.get('stream') ?? kwargs.get('data');
        if (!data) return;
        sinks++;
        const hit = judge(ctx, file, n, data, q, kind);
        if (hit) hits.set(n.id, hit);
      });
    }
    if (sinks === 0) return { hits: [], notApplicable: 'no pickle, marshal or unsafe YAML loading in the code' };
    return { hits: [...hits.values()] };
  },
} satisfies Rule;

type Kind = 'code' | 'yaml-unsafe' | 'yaml-default' | 'yaml-full';

function loaderKind(idx: PyIndex, file: SourceFile, call: SyntaxNode, q: string): Kind | undefined {
  if (CODE_LOADERS.test(q)) return 'code';
  if (YAML_UNSAFE.test(q)) return 'yaml-unsafe';
  if (!YAML_LOAD.test(q)) return undefined;
  const { args, kwargs } = callParts(call);
  const loader = kwargs.get('Loader') ?? args[1];
  if (!loader) return 'yaml-default';
  const lq = idx.qualify(file, loader) ?? loader.text;
  if (YAML_SAFE_LOADER.test(lq)) return undefined;
  if (YAML_FULL_LOADER.test(lq)) return 'yaml-full';
  if (/(^|\.)(Loader|UnsafeLoader|CLoader|CUnsafeLoader)$/.test(lq)) return 'yaml-unsafe';
  return undefined; // a loader of the project's own: not known
}

function judge(ctx: ScanContext, file: SourceFile, call: SyntaxNode, data: SyntaxNode, q: string, kind: Kind): RuleHit | undefined {
  const flow = FunctionFlow.around(ctx, file, call);
  let p: Prov = flow.prov(data);
  let via: { at: Location; callerName: string } | undefined;
  const fn = enclosingFunction(call);
  if (!isRequestData(p, 'code') && fn && p.params?.size) {
    for (const c of callersPassingRequestData(ctx, file, fn)) {
      const cp = c.flow.prov(data);
      if (isRequestData(cp, 'code')) {
        p = cp;
        via = c;
        break;
      }
    }
  }
  if (!isRequestData(p, 'code')) return undefined;
  const name = `${q.replace(/^(cPickle|_pickle)\./, 'pickle.')}()`;
  const src = p.source ? `\`${p.source.text}\`, line ${p.source.line}` : 'request data';
  const through = via ? `, passed in by \`${via.callerName}()\` (line ${via.at.line})` : '';
  const related = via ? { related: [{ location: via.at, message: `\`${via.callerName}()\` passes request data here` }] } : {};
  const at = loc(file, call);
  if (kind === 'yaml-default' || kind === 'yaml-full') {
    return {
      location: at,
      level: 'note',
      message: `\`${name}\` parses request data (${src}${through}) with ${kind === 'yaml-full' ? 'FullLoader' : 'no Loader (FullLoader on PyYAML 5, a TypeError on PyYAML 6)'}: FullLoader ran code from crafted YAML before PyYAML 5.4 (CVE-2020-1747, CVE-2020-14343) and is not meant for untrusted input.`,
      fix: 'Use yaml.safe_load() for data a client sends.',
      ...related,
    };
  }
  const loader = kind === 'yaml-unsafe' && /^yaml\.(load|load_all)$/.test(q) ? (callParts(call).kwargs.get('Loader') ?? callParts(call).args[1])?.text : undefined;
  const how = `${loader ? `with Loader=${loader} ` : ''}builds arbitrary Python objects from its input`;
  return {
    location: at,
    message: `\`${name}\` ${how}, and the input is request data (${src}${through}): whoever sends the request can run code on the server (insecure deserialization).`,
    ...related,
  };
}
