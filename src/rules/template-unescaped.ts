import type { Location } from '../finding';
import { callParts, stringValue, walk, type SyntaxNode } from '../project/python';
import type { ScanContext } from '../project/scan';
import type { SourceFile } from '../project/workspace';
import { PyIndex, classAttr, inDevFolder, isTestPath, methodsOf, productionPythonFiles } from '../project/model';
import { FunctionFlow, SAFE, isRequestData, type Prov, type RequestSource } from '../project/request-data';
import { walkMatching } from '../project/syntax';
import type { Rule, RuleHit } from './rule';

/** Filters that escape (or encode) what they get: a `|safe` after one of them is harmless. */
const ESCAPING = /^(escape|force_escape|escapejs|json_script|urlencode|iriencode|length|wordcount|floatformat|filesizeformat|date|time|timesince|timeuntil|naturaltime|naturalday|intcomma|intword|yesno|pluralize|add|divisibleby|length_is|default_if_none_escaped|slugify|stringformat)$/;
/** Context variables Django itself renders safely: forms and their parts, the CSRF token. */
const SAFE_ROOT = /^(csrf_token|csrf_input|form|forms|formset|wizard|field|widget|adminform|inline_admin_formset|inline_admin_form|fieldset|errors|form_errors|messages?|settings|flat_attrs)$|_?form$|_formset$/i;
/** Attributes that are developer-written (help texts, labels) or already-rendered form HTML. */
const SAFE_LAST = /^(help_text|label|label_tag|verbose_name|verbose_name_plural|as_p|as_ul|as_table|as_div|as_hidden|as_widget|media|errors|non_field_errors|management_form|super|csrf_token)$/;
/** Reads of the request the client chooses, as templates write them. */
const REQUEST_VAR = /^request\.(GET|POST|COOKIES|META|headers|body|path|path_info|get_full_path|data|query_params)(\.|$)/;
/** Plain-text templates (e-mail bodies and subjects): nothing is HTML there. */
const TEXT_TEMPLATE = /\.txt$/i;
const EMAIL_TEMPLATE = /(^|\/)(e-?mails?|mail)(\/|_)|e-?mail|_subject\.|_message\./i;

interface Token {
  kind: 'var' | 'tag';
  body: string;
  line: number;
  text: string;
}

/** Django's lexer: `{{ … }}`, `{% … %}`, `{# … #}` on one line each; comment and verbatim blocks skipped. */
function tokens(text: string): Token[] {
  const out: Token[] = [];
  const re = /\{%.*?%\}|\{\{.*?\}\}|\{#.*?#\}/g;
  let line = 1;
  let last = 0;
  let skipUntil: RegExp | undefined;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    for (let i = last; i < m.index; i++) if (text.charCodeAt(i) === 10) line++;
    last = m.index;
    const t = m[0];
    if (t.startsWith('{#')) continue;
    const body = t.slice(2, -2).trim();
    if (skipUntil) {
      if (t.startsWith('{%') && skipUntil.test(body)) skipUntil = undefined;
      continue;
    }
    if (t.startsWith('{%')) {
      if (/^comment\b/.test(body)) {
        skipUntil = /^endcomment\b/;
        continue;
      }
      if (/^verbatim\b/.test(body)) {
        skipUntil = /^endverbatim\b/;
        continue;
      }
      out.push({ kind: 'tag', body, line, text: t });
    } else out.push({ kind: 'var', body, line, text: t });
  }
  return out;
}

/** `a.b|f1:"x|y"|f2` -> ["a.b", "f1", "f2"] (filter names only; `|` inside quotes kept). */
function splitFilters(body: string): { variable: string; filters: string[] } {
  const parts: string[] = [];
  let cur = '';
  let quote: string | undefined;
  for (const ch of body) {
    if (quote) {
      cur += ch;
      if (ch === quote) quote = undefined;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      cur += ch;
    } else if (ch === '|') {
      parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  parts.push(cur);
  return { variable: parts[0].trim(), filters: parts.slice(1).map((f) => f.split(':')[0].trim()) };
}

type Verdict = { kind: 'request'; why: string } | { kind: 'unknown' } | { kind: 'safe' };

/** Context keys that views pass request data in, per template name: `render(request, "x.html", {"q": request.GET["q"]})`. */
interface ContextKey {
  /** Request data some view passes under this key. */
  request?: { source: RequestSource; file: string; view: string };
  /** Every view that passes the key passes a constant or escaped value (format_html, a number…). */
  safe: boolean;
}

function taintedContext(ctx: ScanContext): Map<string, Map<string, ContextKey>> {
  const idx = PyIndex.of(ctx);
  const out = new Map<string, Map<string, ContextKey>>();
  const add = (template: string, key: string, p: Prov, file: SourceFile, view: string) => {
    let m = out.get(template);
    if (!m) out.set(template, (m = new Map()));
    const k = m.get(key) ?? { safe: true };
    if (isRequestData(p, 'html') && p.source) k.request ??= { source: p.source, file: file.rel, view };
    if (p.grade.html > SAFE || p.request || p.meta || p.form) k.safe = false;
    m.set(key, k);
  };
  /** key -> value expressions of a context argument (a dict literal, or a local dict filled in by subscripts / update()). */
  const entries = (flow: FunctionFlow, node: SyntaxNode | undefined, depth = 0): Array<[string, SyntaxNode]> => {
    if (!node || depth > 3) return [];
    if (node.type === 'dictionary') {
      const out2: Array<[string, SyntaxNode]> = [];
      for (const p of node.namedChildren) {
        if (p.type !== 'pair') continue;
        const k = stringValue(p.childForFieldName('key'));
        const v = p.childForFieldName('value');
        if (k !== undefined && v) out2.push([k, v]);
      }
      return out2;
    }
    if (node.type === 'call' && /^dict$/.test(node.childForFieldName('function')?.text ?? '')) {
      return [...callParts(node).kwargs].map(([k, v]) => [k, v] as [string, SyntaxNode]);
    }
    if (node.type === 'identifier') {
      const out2: Array<[string, SyntaxNode]> = [];
      for (const rhs of flow.assignments(node.text)) {
        const assign = rhs.parent;
        const left = assign?.type === 'assignment' ? assign.childForFieldName('left') : null;
        if (left?.type === 'subscript' && left.childForFieldName('value')?.text === node.text) {
          const k = stringValue(left.childForFieldName('subscript'));
          if (k !== undefined) out2.push([k, rhs]);
        } else out2.push(...entries(flow, rhs, depth + 1));
      }
      // context.update({...}) / context.update(k=v)
      walk(flow.scope, (n) => {
        if (n.type === 'call' && n.childForFieldName('function')?.text === `${node.text}.update`) {
          const { args, kwargs } = callParts(n);
          if (args[0]) out2.push(...entries(flow, args[0], depth + 1));
          for (const [k, v] of kwargs) out2.push([k, v]);
        }
        return true;
      });
      return out2;
    }
    return [];
  };
  for (const file of productionPythonFiles(ctx)) {
    if (!/render|TemplateResponse|template_name/.test(file.text)) continue;
    walkMatching(ctx, file, /render|TemplateResponse|template_name|get_context_data/, ['class_definition', 'call'], (n) => {
      if (n.type === 'class_definition') {
        // class-based views: template_name = "x.html" and get_context_data() filling context[...] with request data
        const tn = stringValue(classAttr(n, 'template_name'));
        const gcd = methodsOf(n).find((m) => m.childForFieldName('name')?.text === 'get_context_data');
        if (tn && gcd) {
          const flow = FunctionFlow.of(ctx, file, gcd);
          for (const name of ['context', 'ctx', 'data', 'kwargs']) {
            for (const [k, v] of entries(flow, identifierIn(gcd, name))) add(tn, k, flow.prov(v), file, `${n.childForFieldName('name')?.text}.get_context_data`);
          }
        }
        return;
      }
      if (n.type !== 'call') return;
      const q = idx.qualify(file, n.childForFieldName('function')) ?? '';
      const { args, kwargs } = callParts(n);
      let name: SyntaxNode | undefined;
      let context: SyntaxNode | undefined;
      if (/^django\.shortcuts\.(render|render_to_response)$|^django\.template\.response\.(TemplateResponse|SimpleTemplateResponse)$/.test(q)) {
        const withRequest = /\.(render|TemplateResponse)$/.test(q);
        name = kwargs.get('template_name') ?? args[withRequest ? 1 : 0];
        context = kwargs.get('context') ?? kwargs.get('dictionary') ?? args[withRequest ? 2 : 1];
      } else if (/^django\.template\.loader\.render_to_string$/.test(q)) {
        name = kwargs.get('template_name') ?? args[0];
        context = kwargs.get('context') ?? args[1];
      } else return;
      const tn = stringValue(name);
      if (!tn || !context) return;
      const flow = FunctionFlow.around(ctx, file, n);
      const view = flow.scope.type === 'function_definition' ? flow.scope.childForFieldName('name')?.text ?? '?' : '?';
      for (const [k, v] of entries(flow, context)) add(tn, k, flow.prov(v), file, view);
    });
  }
  return out;
}

/** A node standing for a local name in a function (for entries()): a synthetic lookup via the first identifier with that text. */
function identifierIn(fn: SyntaxNode, name: string): SyntaxNode | undefined {
  let found: SyntaxNode | undefined;
  walk(fn, (n) => {
    if (found) return false;
    if (n.type === 'identifier' && n.text === name) found = n;
    return true;
  });
  return found;
}

/** launch.W126: `|safe` / `{% autoescape off %}` on request data in Django templates. */
export default {
  meta: {
    id: 'launch.W126',
    name: 'template-unescaped',
    checklist: 'code-security',
    level: 'warning',
    title: 'A template turns off HTML escaping (|safe, {% autoescape off %}) for request data',
    fix: 'Drop |safe / {% autoescape off %} for values a user can choose and let Django escape them; for HTML you build yourself, mark it safe where it is made (format_html), and sanitise user-written HTML (nh3, bleach) before it is stored or shown.',
    securitySeverity: 6.1,
    precision: 'high',
    tags: ['security', 'external/cwe/cwe-79', 'external/cwe/cwe-80'],
  },
  check(ctx) {
    const templates = ctx.workspace.djangoTemplates().filter((t) => !isTestPath(t.rel) && !inDevFolder(t.rel, ctx));
    if (templates.length === 0) return { hits: [], notApplicable: 'no Django templates (templates/**/*.html)' };
    let context: ReturnType<typeof taintedContext> | undefined;
    const contextFor = (t: SourceFile) => {
      context ??= taintedContext(ctx);
      const out = new Map<string, ContextKey>();
      for (const [name, keys] of context) {
        if (!t.rel.endsWith(`templates/${name}`)) continue;
        for (const [k, v] of keys) {
          const prev = out.get(k);
          out.set(k, prev ? { request: prev.request ?? v.request, safe: prev.safe && v.safe } : v);
        }
      }
      return out;
    };
    const hits: RuleHit[] = [];
    for (const t of templates) {
      if (!/\|\s*safe|autoescape\s+off/.test(t.text)) continue;
      const text = TEXT_TEMPLATE.test(t.rel);
      if (text) continue; // a plain-text template renders no HTML
      const email = EMAIL_TEMPLATE.test(t.rel);
      const tainted = contextFor(t);
      const classify = (variable: string): Verdict => {
        if (/^(["']).*\1$/.test(variable) || /^-?\d/.test(variable)) return { kind: 'safe' };
        // QueryDict.urlencode() percent-encodes every key and value (a template cannot pass its `safe=`): no
        // `<`, `"` or `'` survives — EuroPython's `?{{ request.GET.urlencode|safe }}` in an export link
        if (/^request\.(GET|POST)\.urlencode$/.test(variable)) return { kind: 'safe' };
        if (REQUEST_VAR.test(variable)) return { kind: 'request', why: `\`${variable}\` is request data` };
        const parts = variable.split('.');
        const key = tainted.get(parts[0]);
        const from = key?.request;
        if (from) return { kind: 'request', why: `\`${parts[0]}\` is request data (\`${from.source.text}\`, ${from.file}:${from.source.line}) that \`${from.view}\` passes to this template` };
        if (key?.safe && parts.length === 1) return { kind: 'safe' };
        if (SAFE_ROOT.test(parts[0]) || SAFE_LAST.test(parts[parts.length - 1])) return { kind: 'safe' };
        return { kind: 'unknown' };
      };
      const escapes = new Array<boolean>(); // stack: true = autoescape off
      let block: { line: number; vars: Array<{ variable: string; verdict: Verdict }> } | undefined;
      const closeBlock = () => {
        if (!block) return;
        const b = block;
        block = undefined;
        if (email || b.vars.length === 0) return;
        const req = b.vars.find((v) => v.verdict.kind === 'request');
        const names = [...new Set(b.vars.map((v) => v.variable))];
        const list = names.slice(0, 3).map((x) => `\`${x}\``).join(', ') + (names.length > 3 ? ` and ${names.length - 3} more` : '');
        const at: Location = { file: t.rel, line: b.line };
        if (req && req.verdict.kind === 'request') {
          hits.push({ location: at, message: `\`{% autoescape off %}\` puts ${list} into the page unescaped, and ${req.verdict.why}: a value with \`<script>\` in it runs in the visitor's browser (cross-site scripting).` });
        } else {
          hits.push({
            location: at,
            level: 'note',
            message: `\`{% autoescape off %}\` puts ${list} into the page unescaped: if ${names.length > 1 ? 'any of them holds' : 'it holds'} text a user wrote, that is cross-site scripting.`,
            fix: 'Remove {% autoescape off %}, and mark HTML you build yourself safe where it is made (format_html), or sanitise user-written HTML (nh3, bleach).',
          });
        }
      };
      for (const tok of tokens(t.text)) {
        if (tok.kind === 'tag') {
          const m = /^autoescape\s+(on|off)\b/.exec(tok.body);
          if (m) {
            if (m[1] === 'off' && !escapes.includes(true)) block = { line: tok.line, vars: [] };
            escapes.push(m[1] === 'off');
          } else if (/^endautoescape\b/.test(tok.body)) {
            escapes.pop();
            if (!escapes.includes(true)) closeBlock();
          }
          continue;
        }
        const { variable, filters } = splitFilters(tok.body);
        if (!variable) continue;
        const off = escapes.length > 0 && escapes[escapes.length - 1];
        if (off) {
          if (filters.some((f) => ESCAPING.test(f))) continue;
          const v = classify(variable);
          if (v.kind !== 'safe' && block) block.vars.push({ variable, verdict: v });
          continue;
        }
        const s = filters.findIndex((f) => f === 'safe' || f === 'safeseq');
        if (s < 0) continue;
        if (filters.slice(0, s).some((f) => ESCAPING.test(f))) continue;
        const v = classify(variable);
        if (v.kind === 'safe') continue;
        const at: Location = { file: t.rel, line: tok.line };
        const shown = tok.text.length > 70 ? `{{ ${variable}|…|${filters[s]} }}` : tok.text;
        if (v.kind === 'request') {
          hits.push({ location: at, message: `\`${shown}\` puts request data into the page unescaped: ${v.why}, and a value with \`<script>\` in it runs in the visitor's browser (cross-site scripting).` });
        } else {
          hits.push({
            location: at,
            level: 'note',
            message: `\`${shown}\` turns off escaping for \`${variable}\`: if it can hold text a user wrote, that is cross-site scripting.`,
            fix: 'Drop |safe and let Django escape it; mark HTML you build yourself safe where it is made (format_html), or sanitise user-written HTML (nh3, bleach).',
          });
        }
      }
      closeBlock();
    }
    return { hits };
  },
} satisfies Rule;

