import type { Location } from '../finding';
import { eachOfType, stringValue, walk, type SyntaxNode } from '../project/python';
import type { ScanContext } from '../project/scan';
import type { SourceFile } from '../project/workspace';
import { CALL, PyIndex, classAttr, countsFor, inFileBatch, loc, methodsOf, productionPythonFiles, walkBody } from '../project/model';
import { FunctionFlow, REQUEST, callersPassingRequestData, enclosingFunction, isRequestData, mayCarryRequestData } from '../project/request-data';
import { walkMatching } from '../project/syntax';
import type { DynamicMark, EvaluatedSettings, Overridden, World } from '../project/values';
import { switchedOffRoute } from '../project/url-switches';
import type { Rule, RuleHit } from './rule';
import { middlewareHadBeforeOverride, middlewareHas, statementAt, unreadSetting, WORLDS } from './settings-util';

const REDIRECT = /^django\.(shortcuts\.redirect|http\.(response\.)?(HttpResponseRedirect|HttpResponsePermanentRedirect))$/;

/**
 * Checks that validate a redirect target: Django's own (and its old name), project helpers named for it (Zeus's
 * `sanitize_redirect()`, also social-core's), and project helpers whose body calls Django's (wrapsGuard).
 */
const GUARD_Q = /^django\.utils\.http\.(url_has_allowed_host_and_scheme|is_safe_url)$/;
const GUARD_NAME = /(^|\.|_)(is_safe_url|url_has_allowed_host_and_scheme|safe_url|url_is_safe|is_safe_redirect|safe_redirect_url|is_valid_redirect|validate_redirect|check_redirect|allowed_redirect|is_local_url|is_internal_url|same_origin|is_same_domain|validate_next|sanitize_next|safe_next|sanitize_redirect)\w*$/i;

const REDIRECT_WORD = /redirect|Redirect/;

/** launch.W123: redirect() / HttpResponseRedirect() to a URL from request data, without a host check. */
export default {
  reads: 'views',
  batchWeight: (f) => (REDIRECT_WORD.test(f.text) ? f.text.length : 0),
  meta: {
    id: 'launch.W123',
    name: 'open-redirect',
    checklist: 'code-security',
    level: 'warning',
    title: 'A redirect goes to a URL taken from the request without checking its host (open redirect)',
    fix: 'Check the target first: if not url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()}, require_https=request.is_secure()): url = "/" (django.utils.http) — or redirect to a URL name with reverse().',
    securitySeverity: 6.1,
    precision: 'high',
    tags: ['security', 'external/cwe/cwe-601'],
  },
  check(ctx) {
    const idx = PyIndex.of(ctx);
    const hits = new Map<number, RuleHit>();
    let sinks = 0;
    for (const file of productionPythonFiles(ctx)) {
      if (!inFileBatch(ctx, file.rel) || !REDIRECT_WORD.test(file.text)) continue;
      walkMatching(ctx, file, REDIRECT_WORD, CALL, (n) => {
        if (n.type !== 'call') return;
        const q = idx.qualify(file, n.childForFieldName('function'));
        if (!q || !REDIRECT.test(q)) return;
        const args = (n.childForFieldName('arguments')?.namedChildren ?? []).filter((a) => a.type !== 'comment');
        const target = args.find((a) => a.type !== 'keyword_argument') ?? args.find((a) => a.type === 'keyword_argument' && /^(to|redirect_to)$/.test(a.childForFieldName('name')?.text ?? ''))?.childForFieldName('value');
        if (!target) return;
        sinks++;
        const hit = judge(ctx, idx, file, n, target, q.split('.').pop()!);
        if (!hit) return;
        // routed only when a setting production turns off (src/project/url-switches.ts): not served there
        const off = switchedOffRoute(ctx, file);
        hits.set(n.id, off ? { ...hit, level: 'note', message: `${hit.message.replace(/\.$/, '')} — a note: ${off.pkg}'s URLs are included only when ${off.setting} is on (${off.location.file}:${off.location.line}), ${off.how}.` } : hit);
      });
    }
    if (sinks === 0) return { hits: [], notApplicable: 'no redirect() or HttpResponseRedirect() in the code' };
    return { hits: [...hits.values()] };
  },
} satisfies Rule;

/** What a hand-written check of the target's start comes to (prefixCheck). */
type PrefixCheck = { strength: 'pinned' | 'weak'; prefix: string; decides: boolean };

/**
 * A hand-written check of the target's start. `url.startswith("/")` (or a backslash) is weak: "//evil.example" and
 * "/\\evil.example" pass it. A prefix of "/" and then a path character (`"/editor/"`) pins the URL to a path of
 * this site when it decides the value: the request data is taken only if it starts so (`r = request.GET["r"] if
 * request.GET.get("r", "").startswith("/editor/") else reverse(...)`, c3nav), the redirect runs only inside
 * `if r.startswith("/editor/"):`, or `if not r.startswith("/editor/"):` replaces it or returns first. A
 * startswith on the target anywhere else in the function is a check the scan cannot place (`decides` false).
 */
function prefixCheck(fn: SyntaxNode | null, target: SyntaxNode, call: SyntaxNode): PrefixCheck | undefined {
  if (!fn) return undefined;
  const names = new Set<string>();
  walk(target, (n) => {
    if (n.type === 'identifier') names.add(n.text);
  });
  /**
   * The prefix literal of a `x.startswith("/…")` call, when `x` is a target name, or request data read with a
   * key that `value` (the target, or the branch that takes the request data) reads too.
   */
  const prefixOf = (n: SyntaxNode | null | undefined, value: SyntaxNode = target): string | undefined => {
    if (n?.type === 'parenthesized_expression') return prefixOf(n.namedChildren[0], value);
    if (n?.type !== 'call') return undefined;
    const callee = n.childForFieldName('function');
    if (callee?.type !== 'attribute' || callee.childForFieldName('attribute')?.text !== 'startswith') return undefined;
    const obj = callee.childForFieldName('object');
    const arg = n.childForFieldName('arguments')?.namedChildren[0];
    const prefix = arg ? stringValue(arg) : undefined;
    if (!obj || prefix === undefined || !/^(\/|\\)/.test(prefix)) return undefined;
    return names.has(obj.text) || (READS_REQUEST.test(obj.text) && sharesKey(obj, value)) ? prefix : undefined;
  };
  const checked = (prefix: string, decides = true): PrefixCheck => ({ strength: /^\/[^/\\]/.test(prefix) ? 'pinned' : 'weak', prefix, decides });
  // the condition itself is the check (or one side of an `and`), not its negation
  const conditionPrefix = (cond: SyntaxNode | null, value: SyntaxNode = target): string | undefined => {
    if (cond?.type === 'boolean_operator' && cond.childForFieldName('operator')?.text === 'and') return conditionPrefix(cond.childForFieldName('left'), value) ?? conditionPrefix(cond.childForFieldName('right'), value);
    return prefixOf(cond, value);
  };
  const weakest = (found: string[]): PrefixCheck => checked(found.find((p) => checked(p).strength === 'weak') ?? found[0]);
  // 1. `name = <request data> if <check> else <a fixed URL>`: every assignment of the target is so, or fixed
  const assigned: SyntaxNode[] = [];
  walkBody(fn, (n) => {
    if (n.type === 'assignment' && names.has(n.childForFieldName('left')?.text ?? '')) assigned.push(n.childForFieldName('right')!);
  });
  const decided = (value: SyntaxNode): string | undefined => {
    if (value.type !== 'conditional_expression') return undefined;
    const [taken, cond, alternative] = value.namedChildren;
    return taken && alternative && fixedUrl(alternative) ? conditionPrefix(cond, taken) : undefined;
  };
  const values = target.type === 'conditional_expression' ? [target] : assigned.filter((v) => !fixedUrl(v));
  const prefixes = values.map(decided);
  if (values.length && prefixes.every((x) => x !== undefined)) return weakest(prefixes as string[]);
  // 2. the redirect inside `if <check>:`
  for (let n = call.parent; n && n.id !== fn.id; n = n.parent) {
    if (n.type !== 'block' || n.parent?.type !== 'if_statement' || n.parent.childForFieldName('consequence')?.id !== n.id) continue;
    const prefix = conditionPrefix(n.parent.childForFieldName('condition'));
    if (prefix !== undefined) return checked(prefix);
  }
  // 3. `if not <check>:` before the redirect, whose block replaces the value or leaves the function
  let guard: string | undefined;
  walkBody(fn, (n) => {
    if (guard !== undefined || n.type !== 'if_statement' || n.startIndex >= call.startIndex || n.endIndex > call.startIndex) return;
    const cond = n.childForFieldName('condition');
    if (cond?.type !== 'not_operator') return;
    const prefix = prefixOf(cond.childForFieldName('argument'));
    const block = n.childForFieldName('consequence');
    const last = block?.namedChildren.filter((c) => c.type !== 'comment').pop();
    const replaces = block?.namedChildren.some((c) => c.type === 'expression_statement' && c.namedChildren[0]?.type === 'assignment' && names.has(c.namedChildren[0].childForFieldName('left')?.text ?? '') && !READS_REQUEST.test(c.namedChildren[0].childForFieldName('right')?.text ?? ''));
    if (prefix !== undefined && (replaces || last?.type === 'return_statement' || last?.type === 'raise_statement')) guard = prefix;
  });
  if (guard !== undefined) return checked(guard);
  // 4. a startswith on the target somewhere else in the function
  const found: string[] = [];
  walkBody(fn, (n) => {
    const prefix = prefixOf(n);
    if (prefix !== undefined) found.push(prefix);
  });
  return found.length ? { ...weakest(found), decides: false } : undefined;
}

/** Do two reads of request data share a literal key (`request.GET.get("r", "")` and `request.GET["r"]`)? */
function sharesKey(a: SyntaxNode, b: SyntaxNode): boolean {
  const keys = (n: SyntaxNode) => {
    const out = new Set<string>();
    walk(n, (c) => {
      const v = c.type === 'string' ? stringValue(c) : undefined;
      if (v) out.add(v);
    });
    return out;
  };
  const theirs = keys(b);
  return [...keys(a)].some((k) => theirs.has(k));
}

/** A URL fixed by the code: a string literal, or reverse()/reverse_lazy()/resolve_url() of literals. */
function fixedUrl(n: SyntaxNode): boolean {
  if (stringValue(n) !== undefined) return true;
  if (n.type !== 'call' || !/(^|\.)(reverse|reverse_lazy|resolve_url)$/.test(n.childForFieldName('function')?.text ?? '')) return false;
  return (n.childForFieldName('arguments')?.namedChildren ?? []).every((a) => stringValue(a.type === 'keyword_argument' ? a.childForFieldName('value') ?? a : a) !== undefined);
}

/** Does the function check a redirect target (url_has_allowed_host_and_scheme, a project helper, a netloc comparison)? */
function guarded(idx: PyIndex, file: SourceFile, fn: SyntaxNode | null): boolean {
  if (!fn) return false;
  let found = false;
  walkBody(fn, (n) => {
    if (found) return;
    if (n.type === 'call') {
      const callee = n.childForFieldName('function');
      const q = idx.qualify(file, callee) ?? '';
      if (GUARD_Q.test(q) || GUARD_NAME.test(callee?.text ?? '') || wrapsGuard(idx, file, fn, callee)) found = true;
    } else if (n.type === 'attribute' && /^(netloc|hostname)$/.test(n.childForFieldName('attribute')?.text ?? '')) found = true;
  });
  return found;
}

/**
 * Before the redirect, `if url not in [settings.A, settings.B]: return HttpResponseBadRequest()` (or `!=` one value,
 * the name bound there by `:=` too) on a name the target is built from: the target is one of values the code
 * fixes — settings, literals, names, none of them request data — so the request cannot choose the host
 * (aidants-connect's logout endpoint).
 */
function allowlisted(fn: SyntaxNode | null, call: SyntaxNode, target: SyntaxNode): boolean {
  if (!fn) return false;
  let ok = false;
  walkBody(fn, (n) => {
    if (ok || n.type !== 'if_statement' || n.endIndex > call.startIndex) return;
    const cond = n.childForFieldName('condition');
    if (cond?.type !== 'comparison_operator' || cond.namedChildren.length !== 2) return;
    const [left, right] = cond.namedChildren;
    const op = cond.text.slice(left.endIndex - cond.startIndex, right.startIndex - cond.startIndex).replace(/\s+/g, ' ').trim();
    const bound = left.type === 'parenthesized_expression' && left.namedChildren[0]?.type === 'named_expression' ? left.namedChildren[0].childForFieldName('name') : left;
    if (bound?.type !== 'identifier' || !new RegExp(`\\b${bound.text}\\b`).test(target.text)) return;
    const fixed = op === 'not in' ? ['list', 'tuple', 'set'].includes(right.type) && right.namedChildren.length > 0 : op === '!=';
    if (!fixed || READS_REQUEST.test(right.text)) return;
    const last = n.childForFieldName('consequence')?.namedChildren.filter((c) => c.type !== 'comment').pop();
    if (last?.type === 'return_statement' || last?.type === 'raise_statement') ok = true;
  });
  return ok;
}

/** `form.cleaned_data["next"]`, `form.cleaned_data.get("next")`: the form's name and the field. */
const CLEANED = /^(\w+)\.cleaned_data(?:\[\s*["'](\w+)["']\s*\]|\.get\(\s*["'](\w+)["'])/;

/**
 * A target read from a form's cleaned data whose form checks that field itself: its `clean_<field>()` calls
 * url_has_allowed_host_and_scheme() (or a helper named for it, or compares the host) — django-oscar's
 * EmailUserCreationForm.clean_redirect_url. The form is the view class's `form_class`, or the class the function
 * builds the form from (`form = SignupForm(request.POST)`).
 */
function cleanedByForm(idx: PyIndex, file: SourceFile, fn: SyntaxNode | null, target: SyntaxNode): boolean {
  const m = CLEANED.exec(target.text.replace(/\s+/g, ''));
  if (!fn || !m) return false;
  const [, formName, field1, field2] = m;
  const field = field1 ?? field2;
  const candidates: SyntaxNode[] = [];
  let cls: SyntaxNode | null = fn.parent;
  while (cls && cls.type !== 'class_definition') cls = cls.parent;
  const attr = cls ? classAttr(cls, 'form_class') : undefined;
  if (attr) candidates.push(attr);
  walkBody(fn, (n) => {
    if (n.type === 'assignment' && n.childForFieldName('left')?.text === formName) {
      const right = n.childForFieldName('right');
      const callee = right?.type === 'call' ? right.childForFieldName('function') : undefined;
      if (callee) candidates.push(callee);
    }
  });
  return candidates.some((c) => {
    const q = idx.qualify(file, c);
    const d = q ? idx.resolveDef(q, file.rel) : undefined;
    if (!d || d.node.type !== 'class_definition') return false;
    const clean = methodsOf(d.node).find((x) => x.childForFieldName('name')?.text === `clean_${field}`);
    return !!clean && guarded(idx, d.file, clean);
  });
}

const wrapsCache = new WeakMap<PyIndex, Map<string, boolean>>();
const CALL_OR_ATTRIBUTE = [...CALL, 'attribute'];

/**
 * Is the callee a project function (or a method of the enclosing class, via `self.`) whose own body calls
 * url_has_allowed_host_and_scheme() / is_safe_url() — `def safe_for_redirect(url): return
 * url_has_allowed_host_and_scheme(url, allowed_hosts=None)` — or looks at the URL's host itself (`.netloc`,
 * `.hostname`), as guarded() accepts inline? One level: a helper that calls another helper is not followed.
 */
function wrapsGuard(idx: PyIndex, file: SourceFile, fn: SyntaxNode, callee: SyntaxNode | null): boolean {
  if (!callee || (callee.type !== 'identifier' && callee.type !== 'attribute')) return false;
  let def: { file: SourceFile; node: SyntaxNode } | undefined;
  const obj = callee.type === 'attribute' ? callee.childForFieldName('object') : null;
  if (obj?.type === 'identifier' && (obj.text === 'self' || obj.text === 'cls')) {
    const name = callee.childForFieldName('attribute')?.text;
    let cls: SyntaxNode | null = fn.parent;
    if (cls?.type === 'decorated_definition') cls = cls.parent;
    cls = cls?.type === 'block' ? cls.parent : null;
    const m = cls?.type === 'class_definition' ? methodsOf(cls).find((x) => x.childForFieldName('name')?.text === name) : undefined;
    if (m) def = { file, node: m };
  } else {
    const q = idx.qualify(file, callee);
    if (!q || /^django\./.test(q)) return false;
    def = idx.resolveDef(q, file.rel);
  }
  if (!def || def.node.type !== 'function_definition' || def.node.id === fn.id) return false;
  let cache = wrapsCache.get(idx);
  if (!cache) wrapsCache.set(idx, (cache = new Map()));
  const key = `${def.file.rel}:${def.node.startIndex}`;
  const known = cache.get(key);
  if (known !== undefined) return known;
  let wraps = false;
  const helper = def;
  walkBody(
    helper.node,
    (n) => {
      if (wraps) return;
      if (n.type === 'call') wraps = GUARD_Q.test(idx.qualify(helper.file, n.childForFieldName('function')) ?? '');
      // the host compared by hand, as guarded() accepts inline (healthchecks' _allow_redirect: urlparse(url).netloc)
      else if (/^(netloc|hostname)$/.test(n.childForFieldName('attribute')?.text ?? '')) wraps = true;
    },
    CALL_OR_ATTRIBUTE,
  );
  cache.set(key, wraps);
  return wraps;
}

function judge(ctx: ScanContext, idx: PyIndex, file: SourceFile, call: SyntaxNode, target: SyntaxNode, name: string): RuleHit | undefined {
  if (stringValue(target) !== undefined) return undefined; // a constant URL or URL name
  const fn = enclosingFunction(call);
  const params = fn?.childForFieldName('parameters')?.namedChildren.map((p) => p.text.split(/[:=]/)[0].trim()) ?? [];
  if (!mayCarryRequestData(fn, file) && !params.some((p) => p && new RegExp(`\\b${p.replace(/\W/g, '')}\\b`).test(target.text))) return undefined;
  if (guarded(idx, file, fn) || cleanedByForm(idx, file, fn, target) || allowlisted(fn, call, target)) return undefined;
  const flow = FunctionFlow.around(ctx, file, call);
  let p = flow.prov(target);
  let via: { at: Location; callerName: string } | undefined;
  let useFlow = flow;
  if (!isRequestData(p, 'url') && fn && p.params?.size) {
    for (const c of callersPassingRequestData(ctx, file, fn)) {
      const cp = c.flow.prov(target);
      if (isRequestData(cp, 'url') && !guarded(idx, c.flow.file, c.caller)) {
        p = cp;
        via = c;
        useFlow = c.flow;
        break;
      }
    }
  }
  if (!isRequestData(p, 'url')) return undefined;
  const host = urlHost(useFlow, target);
  const at = loc(file, call);
  const src = p.source ? `\`${p.source.text}\`, line ${p.source.line}` : 'request data';
  const through = via ? `, passed in by \`${via.callerName}()\` (line ${via.at.line})` : '';
  const related = via ? { related: [{ location: via.at, message: `\`${via.callerName}()\` passes request data here` }] } : {};
  if (host === 'fixed') return undefined; // a path on this site (reverse(), request.path, "/x…"), or a fixed host
  if (host === 'slash') {
    return {
      location: at,
      level: 'note',
      message: `\`${name}()\` goes to "/" followed by request data (${src}${through}): a value starting with "/" makes it "//other-site.example", a link to another site.`,
      fix: 'Check the whole URL with url_has_allowed_host_and_scheme(), or strip leading slashes from the value.',
      ...related,
    };
  }
  const prefix = prefixCheck(fn, target, call);
  if (prefix?.strength === 'pinned' && prefix.decides) return undefined; // request data only when it starts with a path of this site
  // Only a form post decides the target, and Django's CSRF protection keeps other sites from posting here: no
  // link can send a user off-site (kitsune's flag form). Still a note: a page of this site that posts a `next`
  // a user chose would.
  const posted = Boolean(p.source && /^(self\.)?request\.POST\b/.test(p.source.text) && !via);
  const csrf = posted ? csrfProtected(ctx, file, fn) : undefined;
  const filled = csrf ? filledFromQuery(fn) : undefined;
  if (prefix?.strength === 'weak') {
    const unsure = weakCheckNote(ctx, file, fn, prefix, posted && !filled, csrf);
    return {
      location: at,
      ...(unsure === undefined ? {} : { level: 'note' as const }),
      message: `\`${name}()\` goes to a URL taken from request data (${src}${through}), checked only with \`startswith(${JSON.stringify(prefix.prefix)})\`, which "//evil.example" and "/\\evil.example" pass — browsers read both as another site${unsure ?? ', so a link that sets it to `//evil.example` forwards your users to any site (open redirect)'}.`,
      fix: 'Check it with url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()}, require_https=request.is_secure()).',
      ...related,
    };
  }
  if (prefix) {
    return {
      location: at,
      level: 'note',
      message: `\`${name}()\` goes to a URL taken from request data (${src}${through}); the function checks it with \`startswith(${JSON.stringify(prefix.prefix)})\`, which keeps it on this site, but the scan cannot tell that the check comes before this redirect on every path.`,
      fix: 'Check it with url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()}, require_https=request.is_secure()).',
      ...related,
    };
  }
  if (p.source?.referer) {
    return {
      location: at,
      level: 'note',
      message: `\`${name}()\` sends the user back to the Referer header (${src}${through}) without checking its host: a page on another site that links here gets its visitors sent back to it — low risk alone, but it makes this an open redirect for chained attacks.`,
      fix: 'Check it with url_has_allowed_host_and_scheme(referer, allowed_hosts={request.get_host()}) and fall back to a fixed page.',
      ...related,
    };
  }
  if (filled) {
    return {
      location: at,
      message: `\`${name}()\` goes to a URL taken from the posted form (${src}) without checking its host, and the page that renders the form fills \`${filled.key}\` from the query string (line ${filled.line}): a link to it with \`?${filled.key}=https://evil.example\` forwards your users to any site once they submit it (open redirect, used for phishing — after a login, the classic one).`,
      ...related,
    };
  }
  if (csrf && 'unread' in csrf) {
    const d = csrf.unread;
    return {
      location: at,
      level: 'note',
      message: `\`${name}()\` goes to a URL taken from the posted form (${src}) without checking its host — a note: whether CsrfViewMiddleware keeps other sites from posting here is not known, because ${d.reason.startsWith('MIDDLEWARE ') ? d.reason : `MIDDLEWARE is not set where the scan can read it and ${d.reason}`} (${d.location.file}:${d.location.line}); with the middleware no link can use this, without it a page of any site can post a \`next\` of its choosing.`,
      fix: 'Check it with url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()}, require_https=request.is_secure()) and fall back to a fixed page.',
      related: [{ location: d.location, message: 'code the scan cannot follow that may set MIDDLEWARE' }],
    };
  }
  if (csrf) {
    return {
      location: at,
      level: 'note',
      message: `\`${name}()\` goes to a URL taken from the posted form (${src}) without checking its host; CsrfViewMiddleware ${csrfCaveat(csrf)}keeps other sites from posting here, so no link can use it — but a page of this site that posts a \`next\` a user chose would send them to any site.`,
      fix: 'Check it with url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()}, require_https=request.is_secure()) and fall back to a fixed page.',
      ...(csrf.length ? { related: overrideSites(csrf).map((b) => ({ location: b.location, message: `\`${b.code}\` may replace MIDDLEWARE: the scan cannot see what it sets` })) } : {}),
    };
  }
  if (posted) {
    // Only a posted form chooses it, and CSRF protection does not cover the view: a page of another site posts it.
    const key = [...(fn?.text.matchAll(REQUEST_KEY) ?? [])].find((m) => m[1] === 'POST' && TARGET_KEY.test(m[2]))?.[2] ?? 'next';
    return {
      location: at,
      message: `\`${name}()\` goes to a URL taken from the posted form (${src}) without checking its host, and CSRF protection does not cover this view: a page on any site can post \`${key}=https://evil.example\` here and forward your users to any site (open redirect, used for phishing).`,
      ...related,
    };
  }
  return {
    location: at,
    message: `\`${name}()\` goes to a URL taken from request data (${src}${through}) without checking its host: a link to this page with \`?${queryKey(via ? null : fn, p.source?.text)}=https://evil.example\` forwards your users to any site (open redirect, used for phishing).`,
    ...related,
  };
}

/**
 * A lone "/" checked where it decides the value is the classic bypass ("//evil.example"): a working open redirect
 * (undefined: a warning) unless only a form post chooses it and CSRF protection keeps, or may keep, other sites from
 * posting (netbox's delete form's return_url) — the note's clause then. Checked somewhere the scan cannot place: a
 * note with no clause ('').
 */
function weakCheckNote(ctx: ScanContext, file: SourceFile, fn: SyntaxNode | null, prefix: PrefixCheck, postedOnly: boolean, csrf: ReturnType<typeof csrfProtected>): string | undefined {
  if (!prefix.decides) return '';
  if (!postedOnly) return undefined;
  if (csrf && !('unread' in csrf)) return '; only a form post chooses it here, and CsrfViewMiddleware keeps other sites from posting';
  if (!csrf && (csrfExempt(fn) || csrfAbsent(ctx, file))) return undefined;
  return '; only a form post chooses it here, and whether CsrfViewMiddleware keeps other sites from posting is not known (MIDDLEWARE cannot be worked out)';
}

const CSRF_MIDDLEWARE = 'django.middleware.csrf.CsrfViewMiddleware';

/** Text that reads the request's data. */
const READS_REQUEST = /\brequest\.(GET|POST|data|query_params|META|headers|COOKIES)\b/;

/** `request.GET.get("next")`, `self.request.POST["next"]`: which query dict, and the literal key. */
const REQUEST_KEY = /\brequest\.(GET|POST)(?:\.get\(\s*|\[\s*)["']([^"'\\]+)["']/g;
/**
 * The query key the example link sets: the one key the function reads from `request.GET` when the target comes
 * from there (c3nav's `?r=`), else "next".
 */
function queryKey(fn: SyntaxNode | null, source: string | undefined): string {
  if (!fn || !source || !/^(self\.)?request\.GET\b/.test(source)) return 'next';
  const keys = new Set([...fn.text.matchAll(REQUEST_KEY)].filter((m) => m[1] === 'GET').map((m) => m[2]));
  return keys.size === 1 ? [...keys][0] : 'next';
}

/** Keys that name where to go next. */
const TARGET_KEY = /next|redirect|return|continue|goto|dest|back|target|url/i;

/** What renders a page: a template response, or the context a class view hands its template. */
const RENDERS = /\b(render|render_to_response|render_to_string|TemplateResponse)\s*\(|\bdef\s+get_context_data\b/;

/**
 * CSRF keeps other sites from posting a `next`, but not from linking to the page that renders the form: when the
 * view — the function, or a method of its class — renders a page with the key it posts read from the query
 * string (Arches' LoginView.get puts `?next=` into its login form, whose post() redirects to it), a link chooses
 * the target. A form another view renders is not followed (its action is in a template): that stays a note.
 */
function filledFromQuery(fn: SyntaxNode | null): { key: string; line: number } | undefined {
  if (!fn) return undefined;
  const posted = new Set([...fn.text.matchAll(REQUEST_KEY)].filter((m) => m[1] === 'POST' && TARGET_KEY.test(m[2])).map((m) => m[2]));
  if (!posted.size) return undefined;
  // the view itself (a function with a GET branch that renders the form) or its class (a get() that does)
  let scope: SyntaxNode = fn;
  for (let n = fn.parent; n; n = n.parent) if (n.type === 'class_definition') scope = n;
  let found: { key: string; line: number } | undefined;
  eachOfType(scope, 'function_definition', (def) => {
    if (found || !RENDERS.test(def.text)) return;
    for (const m of def.text.matchAll(REQUEST_KEY)) {
      if (m[1] === 'GET' && posted.has(m[2])) {
        found = { key: m[2], line: def.startPosition.row + 1 + def.text.slice(0, m.index).split('\n').length - 1 };
        return;
      }
    }
  });
  return found;
}

/**
 * The production settings of the view's project install CsrfViewMiddleware in every world, and the view is not
 * csrf_exempt: the overrides that leave it in doubt ([] when none), or undefined when it is not protected.
 *
 * An override is code the scan cannot follow that runs after MIDDLEWARE is set with CsrfViewMiddleware in it —
 * `from .local_settings import *` of a module that is not in the repository (freesound), `exec()` of a local
 * settings file (DMOJ). It may replace MIDDLEWARE, so the scan does not know the middleware is installed; but such
 * files set hosts, keys and databases, and taking CSRF protection out of a site whose settings ship it is not
 * what they are for. The finding stays a note — never silence — and names that code, so the reader checks it.
 */
function csrfProtected(ctx: ScanContext, file: SourceFile, fn: SyntaxNode | null): Overridden[] | { unread: DynamicMark } | undefined {
  const prod = productionSettingsOf(ctx, file);
  if (!prod.length) return undefined;
  const overrides: Overridden[] = [];
  let unread: DynamicMark | undefined;
  for (const s of prod) {
    for (const w of WORLDS) {
      if (middlewareHas(s, w, CSRF_MIDDLEWARE) === true) continue;
      const o = middlewareHadBeforeOverride(s, w, CSRF_MIDDLEWARE);
      if (o) {
        overrides.push(o);
        continue;
      }
      // MIDDLEWARE cannot be read at all (unreadSetting: shuup's `globals().update(...)` of its configured
      // settings): installed or not is not known — not "absent".
      const d = unreadSetting(s, 'MIDDLEWARE') ?? addedToUnknown(ctx, s, w);
      if (!d) return undefined;
      unread ??= d;
    }
  }
  if (csrfExempt(fn)) return undefined;
  return unread ? { unread } : overrides;
}

/**
 * MIDDLEWARE unknown in this world, last set by a statement that only adds to a list the scan could not compute —
 * `MIDDLEWARE = ["corsheaders…"] + MIDDLEWARE`, `MIDDLEWARE += [...]`, `.append()` — after a shared settings
 * package set it (Mediathread's `locals().update(common(...))` from ctlsettings): adding takes nothing out, so
 * whether CsrfViewMiddleware is in it is not known, never "absent". A mark to say so, or undefined (a list changed
 * in any other way — `del MIDDLEWARE[1]` after an override — keeps the finding).
 */
function addedToUnknown(ctx: ScanContext, s: EvaluatedSettings, w: World): DynamicMark | undefined {
  const b = s.bindings.get('MIDDLEWARE');
  if (!b || b.overridden?.[w] || middlewareHas(s, w, CSRF_MIDDLEWARE) !== undefined) return undefined;
  const e = statementAt(ctx, b.location.file, b.location.line)?.namedChildren[0];
  if (!e) return undefined;
  const left = e.childForFieldName('left')?.text ?? (e.type === 'call' ? e.childForFieldName('function')?.text : undefined);
  const right = e.childForFieldName('right')?.text ?? '';
  const adds =
    (e.type === 'augmented_assignment' && left === 'MIDDLEWARE' && e.childForFieldName('operator')?.text === '+=') ||
    (e.type === 'assignment' && left === 'MIDDLEWARE' && /\bMIDDLEWARE\b/.test(right) && !/\bMIDDLEWARE\s*\[/.test(right)) ||
    (e.type === 'call' && /^MIDDLEWARE\.(append|extend|insert)$/.test(left ?? ''));
  return adds ? { location: b.location, reason: 'MIDDLEWARE is built on a list the scan cannot compute', overrides: false } : undefined;
}

/** Is the view csrf_exempt, or a DRF view (which does its own CSRF check only for session authentication)? */
function csrfExempt(fn: SyntaxNode | null): boolean {
  for (let n: SyntaxNode | null = fn; n; n = n.parent) {
    if (n.type === 'decorated_definition' && /csrf_exempt/.test(n.namedChildren.filter((c) => c.type === 'decorator').map((d) => d.text).join(' '))) return true;
    if (n.type === 'class_definition' && /csrf_exempt|APIView|ViewSet|GenericAPIView/.test(n.text.slice(0, 400))) return true;
  }
  return false;
}

/** Do the production settings leave CsrfViewMiddleware out in some world, for sure (not merely unknown)? */
function csrfAbsent(ctx: ScanContext, file: SourceFile): boolean {
  return productionSettingsOf(ctx, file).some((s) => WORLDS.some((w) => middlewareHas(s, w, CSRF_MIDDLEWARE) === false));
}

/** The production settings of every project the file counts for. */
function productionSettingsOf(ctx: ScanContext, file: SourceFile): EvaluatedSettings[] {
  return ctx.projects.filter((p) => countsFor(ctx, p, file.rel)).map((p) => p.production).filter((s): s is EvaluatedSettings => s !== null);
}

/** Each place an override may replace MIDDLEWARE, once. */
function overrideSites(overrides: Overridden[]): Overridden['by'] {
  const out: Overridden['by'] = [];
  for (const b of overrides.flatMap((o) => o.by)) if (!out.some((x) => x.location.file === b.location.file && x.location.line === b.location.line)) out.push(b);
  return out;
}

/** "(in MIDDLEWARE at x.py:7, unless `from .local import *` (x.py:40), which the scan cannot see, takes it out) " */
function csrfCaveat(overrides: Overridden[]): string {
  if (!overrides.length) return '';
  const set = [...new Set(overrides.map((o) => `${o.location.file}:${o.location.line}`))].join(', ');
  const by = overrideSites(overrides).map((b) => `\`${b.code}\` (${b.location.file}:${b.location.line})`).join(' or ');
  return `(in MIDDLEWARE at ${set}, unless ${by}, which the scan cannot see into, takes it out) `;
}

type Host = 'fixed' | 'open' | 'slash';
const WORST: Record<Host, number> = { fixed: 0, slash: 1, open: 2 };

/**
 * Who decides the host of a URL expression: `fixed` when it starts with a path on this site or a full host
 * (`reverse(...)`, `request.path`, `"/x…"`, `"https://example.com/…"`, any value that is not request data), `open`
 * when request data comes first or completes a scheme or host (`next`, `"https://" + x`), `slash` for a lone
 * "/" followed by request data (`"/" + x` is `//host` when x starts with "/").
 */
function urlHost(flow: FunctionFlow, node: SyntaxNode, depth = 0, seen = new Set<string>()): Host {
  if (depth > 8) return 'fixed';
  const pieces = flatten(node);
  let text = '';
  for (const piece of pieces) {
    if (typeof piece === 'string') {
      text += piece;
      continue;
    }
    if (text) {
      if (!hostOpen(text)) return 'fixed';
      const tainted = flow.prov(piece).grade.url === REQUEST;
      if (!tainted) return 'fixed';
      if (text === '/' || text === '\\') return mayStartWithSlash(flow, piece, depth) ? 'slash' : 'fixed';
      return 'open';
    }
    return exprHost(flow, piece, depth, seen);
  }
  return text && hostOpen(text) ? 'open' : 'fixed';
}

/** Can this value start with "/" or "\\" (so that a "/" before it makes a protocol-relative URL)? */
function mayStartWithSlash(flow: FunctionFlow, node: SyntaxNode, depth: number): boolean {
  if (depth > 8) return true;
  if (node.type === 'identifier') {
    const rhss = reaching(node.text, flow.assignments(node.text));
    if (rhss.length === 0) return flow.prov(node).grade.url === REQUEST;
    return rhss.some((r) => r.id !== node.id && mayStartWithSlash(flow, r, depth + 1));
  }
  const first = flatten(node)[0];
  if (first === undefined) return false;
  if (typeof first === 'string') return /^[/\\]/.test(first);
  if (first.id === node.id) return flow.prov(node).grade.url === REQUEST;
  return mayStartWithSlash(flow, first, depth + 1);
}

function exprHost(flow: FunctionFlow, node: SyntaxNode, depth: number, seen: Set<string>): Host {
  if (node.type === 'identifier') {
    const rhss = reaching(node.text, before(node, flow.assignments(node.text)));
    if (rhss.length === 0 || seen.has(node.text)) return flow.prov(node).grade.url === REQUEST && rhss.length === 0 ? 'open' : 'fixed';
    seen.add(node.text);
    let worst: Host = 'fixed';
    for (const r of rhss) {
      const h = urlHost(flow, r, depth + 1, seen);
      if (WORST[h] > WORST[worst]) worst = h;
    }
    seen.delete(node.text);
    return worst;
  }
  if (node.type === 'boolean_operator' || node.type === 'conditional_expression') {
    const parts = node.type === 'boolean_operator' ? [node.childForFieldName('left'), node.childForFieldName('right')] : [node.namedChildren[0], node.namedChildren[2]];
    let worst: Host = 'fixed';
    for (const x of parts) {
      if (!x) continue;
      const h = urlHost(flow, x, depth + 1, seen);
      if (WORST[h] > WORST[worst]) worst = h;
    }
    return worst;
  }
  return flow.prov(node).grade.url === REQUEST ? 'open' : 'fixed';
}

/**
 * The assignments that can reach a use: those before it, and those after it inside a loop that holds the use too
 * (the next turn reads them). Itou's community site sets `next_url` to its logout path with the user's URL in the
 * query string, redirects, and only further down, for another path, to the URL kept in the session: that later
 * value never reaches the first redirect. All of them when none comes before (a parameter reassigned later).
 */
function before(use: SyntaxNode, rhss: readonly SyntaxNode[]): readonly SyntaxNode[] {
  const loops: SyntaxNode[] = [];
  for (let p = use.parent; p && p.type !== 'function_definition'; p = p.parent) if (p.type === 'for_statement' || p.type === 'while_statement') loops.push(p);
  const out = rhss.filter((r) => r.startIndex < use.startIndex || loops.some((l) => r.startIndex >= l.startIndex && r.endIndex <= l.endIndex));
  return out.length ? out : rhss;
}

/**
 * `next = request.GET.get("next", ""); if next: next = f"?next={next}"`: below such an `if`, the earlier values
 * only reach when they are empty — they contribute no text, so only the rewrite decides the host.
 */
function reaching(name: string, rhss: readonly SyntaxNode[]): readonly SyntaxNode[] {
  const rewrite = rhss.find((r) => {
    const assign = r.parent;
    const stmt = assign?.parent;
    const block = stmt?.parent;
    const ifs = block?.parent;
    return assign?.type === 'assignment' && ifs?.type === 'if_statement' && ifs.childForFieldName('condition')?.text === name && new RegExp(`\\b${name}\\b`).test(r.text) && !ifs.namedChildren.some((c) => c.type === 'else_clause' || c.type === 'elif_clause');
  });
  if (!rewrite) return rhss;
  return rhss.filter((r) => r === rewrite || r.startIndex > rewrite.startIndex);
}

/** A string expression as its pieces in order: literal text, and the expressions put between. */
function flatten(node: SyntaxNode): Array<string | SyntaxNode> {
  switch (node.type) {
    case 'parenthesized_expression':
      return node.namedChildren[0] ? flatten(node.namedChildren[0]) : [];
    case 'string': {
      const out: Array<string | SyntaxNode> = [];
      for (const c of node.namedChildren) {
        if (c.type === 'string_content' || c.type === 'escape_sequence') out.push(c.text);
        else if (c.type === 'interpolation') out.push(c.childForFieldName('expression') ?? c);
      }
      return out;
    }
    case 'concatenated_string':
      return node.namedChildren.flatMap((c) => flatten(c));
    case 'binary_operator': {
      const op = node.childForFieldName('operator')?.text;
      const l = node.childForFieldName('left');
      const r = node.childForFieldName('right');
      if (!l || !r) return [node];
      if (op === '+') return [...flatten(l), ...flatten(r)];
      if (op === '%') {
        const fmt = stringValue(l);
        if (fmt === undefined) return [node];
        const i = fmt.indexOf('%');
        const first = r.type === 'tuple' || r.type === 'parenthesized_expression' ? r.namedChildren[0] : r;
        return i < 0 ? [fmt] : [fmt.slice(0, i), ...(first ? [first] : [])];
      }
      return [node];
    }
    case 'call': {
      const fn = node.childForFieldName('function');
      const m = fn?.type === 'attribute' ? fn.childForFieldName('attribute')?.text : undefined;
      const obj = fn?.childForFieldName('object');
      const literal = stringValue(obj);
      const args = (node.childForFieldName('arguments')?.namedChildren ?? []).filter((a) => a.type !== 'comment');
      if (m === 'format' && literal !== undefined) {
        const i = literal.indexOf('{');
        const first = args.find((a) => a.type !== 'keyword_argument');
        return i < 0 ? [literal] : [literal.slice(0, i), ...(first ? [first] : [])];
      }
      if (m === 'join' && literal !== undefined && (args[0]?.type === 'list' || args[0]?.type === 'tuple')) {
        const out: Array<string | SyntaxNode> = [];
        args[0].namedChildren.forEach((x, i) => {
          if (i > 0) out.push(literal);
          out.push(...flatten(x));
        });
        return out;
      }
      return [node];
    }
    default: {
      const v = stringValue(node);
      return v !== undefined ? [v] : [node];
    }
  }
}

/** Does a URL that starts with this constant text still leave the host to what follows (`https://`, `//`, `/`)? */
function hostOpen(lead: string): boolean {
  if (lead === '/' || lead === '\\') return true;
  if (/^[a-z][\w+.-]*:(\/\/[^/?#\\]*)?$/i.test(lead)) return true; // scheme, or scheme://host-so-far
  if (/^[/\\]{2}[^/?#\\]*$/.test(lead)) return true; // //host-so-far
  return false;
}
