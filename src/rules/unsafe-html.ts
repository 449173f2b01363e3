import type { Location } from '../finding';
import type { SyntaxNode } from '../project/python';
import type { ScanContext } from '../project/scan';
import type { SourceFile } from '../project/workspace';
import { PyIndex, inFileBatch, loc, productionPythonFiles } from '../project/model';
import {
  FunctionFlow,
  SAFE,
  UNKNOWN,
  callersPassingRequestData,
  enclosingFunction,
  formatted,
  formattedHow,
  isRequestData,
  mayCarryRequestData,
  openParts,
  type Prov,
} from '../project/request-data';
import { htmlProv } from '../project/html-context';
import { CALL, walkMatching } from '../project/syntax';
import type { Rule, RuleHit } from './rule';

const MARK_SAFE = /^django\.utils\.safestring\.(mark_safe|SafeString|SafeText|SafeUnicode)$/;
const FORMAT_HTML = /^django\.utils\.html\.(format_html|format_html_join)$/;

const SAFE_WORD = /mark_safe|SafeString|SafeText|SafeUnicode|format_html/;

/** launch.W121: mark_safe/SafeString on request data or unescaped formatted HTML; format_html given an already formatted string. */
export default {
  reads: 'views',
  batchWeight: (f) => (SAFE_WORD.test(f.text) ? f.text.length : 0),
  meta: {
    id: 'launch.W121',
    name: 'unsafe-html',
    checklist: 'code-security',
    level: 'warning',
    title: 'HTML is marked safe without escaping what goes into it (mark_safe, SafeString, format_html misuse)',
    fix: 'Build HTML with format_html("<b>{}</b>", value) — the template and the values separately, so every value is escaped — or escape() each value; keep mark_safe() for constant markup.',
    securitySeverity: 6.1,
    precision: 'high',
    tags: ['security', 'external/cwe/cwe-79', 'external/cwe/cwe-80'],
  },
  check(ctx) {
    const idx = PyIndex.of(ctx);
    const hits = new Map<number, RuleHit>();
    let sinks = 0;
    for (const file of productionPythonFiles(ctx)) {
      if (!inFileBatch(ctx, file.rel) || !SAFE_WORD.test(file.text)) continue;
      walkMatching(ctx, file, SAFE_WORD, CALL, (n) => {
        if (n.type !== 'call') return;
        const q = idx.qualify(file, n.childForFieldName('function'));
        if (!q) return;
        const isMarkSafe = MARK_SAFE.test(q);
        const isFormat = FORMAT_HTML.test(q);
        if (!isMarkSafe && !isFormat) return;
        const args = (n.childForFieldName('arguments')?.namedChildren ?? []).filter((a) => a.type !== 'comment' && a.type !== 'keyword_argument');
        const name = q.split('.').pop()!;
        // format_html_join(sep, format_string, args_generator): the format string is the second argument
        const arg = name === 'format_html_join' ? args[1] : args[0];
        if (!arg) return;
        sinks++;
        if (arg.type === 'string' && !arg.namedChildren.some((c) => c.type === 'interpolation')) return; // constant markup
        const flow = FunctionFlow.around(ctx, file, n);
        const hit = isMarkSafe ? judgeMarkSafe(ctx, file, flow, n, arg, name) : judgeFormatHtml(flow, file, arg, name, (n.childForFieldName('arguments')?.namedChildren ?? []).filter((a) => a.type !== 'comment').length <= 1);
        if (hit && !hits.has(n.id)) hits.set(n.id, hit);
      });
    }
    if (sinks === 0) return { hits: [], notApplicable: 'no mark_safe, SafeString or format_html in the code' };
    return { hits: [...hits.values()] };
  },
} satisfies Rule;

function judgeMarkSafe(ctx: ScanContext, file: SourceFile, flow: FunctionFlow, call: SyntaxNode, arg: SyntaxNode, name: string): RuleHit | undefined {
  const at = loc(file, call);
  const fn = enclosingFunction(call);
  if (!mayCarryRequestData(fn, file) && !formatted(flow, arg) && !(fn && arg.type === 'identifier' && fn.childForFieldName('parameters')?.text.includes(arg.text))) return undefined;
  // htmlProv: request.get_full_path() where its percent-encoding keeps it inert (a link's double-quoted href,
  // element text) is not request data that can make markup; see html-context.ts
  const p = htmlProv(flow, arg);
  if (isRequestData(p, 'html')) return requestHit(at, name, p);
  if (fn && p.params?.size) {
    for (const c of callersPassingRequestData(ctx, file, fn)) {
      const cp = htmlProv(c.flow, arg);
      if (isRequestData(cp, 'html')) return requestHit(at, name, cp, c);
    }
  }
  if (p.grade.html === UNKNOWN && formatted(flow, arg)) {
    // a note only for data put in directly: a parameter's value, a database field — not HTML rendered elsewhere
    const parts = openParts(flow, arg, 'html', true);
    if (parts.length === 0) return undefined;
    return {
      location: at,
      level: 'note',
      message: `\`${name}()\` marks HTML built with ${formattedHow(flow, arg)} as safe, and ${parts.map((x) => `\`${x}\``).join(' and ')} ${parts.length > 1 ? 'go' : 'goes'} into it unescaped: if ${parts.length > 1 ? 'they hold' : 'it holds'} text a user wrote, that is cross-site scripting.`,
      fix: 'Build it with format_html("…{}…", value), which escapes each value, or wrap each value in escape().',
    };
  }
  return undefined;
}

function requestHit(at: Location, name: string, p: Prov, via?: { at: Location; callerName: string }): RuleHit {
  const src = p.source ? ` (\`${p.source.text}\`, line ${p.source.line})` : '';
  const through = via ? `, passed in by \`${via.callerName}()\` (line ${via.at.line})` : '';
  return {
    location: at,
    message: `\`${name}()\` marks request data${src}${through} as safe HTML: Django will not escape it, so a link with \`<script>\` in it runs in the user's browser (cross-site scripting).`,
    ...(via ? { related: [{ location: via.at, message: `\`${via.callerName}()\` passes request data here` }] } : {}),
  };
}

function judgeFormatHtml(flow: FunctionFlow, file: SourceFile, arg: SyntaxNode, name: string, noArgs: boolean): RuleHit | undefined {
  if (!formatted(flow, arg)) return undefined;
  const how = formattedHow(flow, arg);
  // a template composed from template pieces (`"{} <a href='{}'>{}</a>" + extra_template`) with its values passed
  // separately is how format_html is meant to be extended; only filling values in is the mistake
  if (!noArgs && (how === 'string concatenation' || how === '.join()')) return undefined;
  const p = htmlProv(flow, arg);
  if (p.grade.html <= SAFE) return undefined; // formatted from constants or values safe in this HTML: nothing to escape
  const request = isRequestData(p, 'html');
  const parts = openParts(flow, arg, 'html');
  if (parts.length === 0 && !request) return undefined;
  const crash = noArgs && name === 'format_html' ? ' Called without arguments, format_html() is deprecated since Django 5.0 and raises TypeError from Django 6.0.' : '';
  const fix = `Pass the template and the values separately: ${name === 'format_html' ? 'format_html("<code>{}</code>", value)' : 'format_html_join(sep, "<li>{}</li>", rows)'}.`;
  if (request) {
    return {
      location: loc(file, arg),
      message: `\`${name}()\` is given a format string already filled in with ${how} from request data${p.source ? ` (\`${p.source.text}\`, line ${p.source.line})` : ''}: it goes into the HTML before ${name} can escape it — cross-site scripting.${crash}`,
      fix,
    };
  }
  return {
    location: loc(file, arg),
    level: 'note',
    message: `\`${name}()\` is given a format string already filled in with ${how}: ${parts.map((x) => `\`${x}\``).join(' and ')} ${parts.length > 1 ? 'go' : 'goes'} into the HTML unescaped, so if ${parts.length > 1 ? 'they hold' : 'it holds'} text a user wrote, that is cross-site scripting.${crash}`,
    fix,
  };
}
