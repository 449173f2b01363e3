import { statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Location } from '../finding';
import { callParts, lineOf, stringValue, walk, type SyntaxNode } from '../project/python';
import type { ScanContext, ScannedProject } from '../project/scan';
import type { SourceFile } from '../project/workspace';
import type { Rule, RuleHit } from './rule';
import { greenletWorkers } from '../project/workers';
import { CALL, PyIndex, countsFor, findViews, inFileBatch, isTaskFunction, isTestPath, loc, methodsOf, projectOf, noViewsFound, walkBody, type ViewFunction } from '../project/model';
import { CONSTANT, FunctionFlow, allParams, REQUEST, SINKS, callSitesOf, callersPassingRequestData, enclosingFunction, type Prov } from '../project/request-data';
import { manifestKind, productionEnvironment } from '../project/manifests';
import { composeServices, productionDeployFile } from '../project/deploy-commands';
import { isMap } from 'yaml';
import { isLoopbackHost } from '../project/proxy';
import { shortcuts } from '../project/shortcuts';
import { classExtends, defKey, viewKeys } from '../project/views';
import { appliedDecorators, DEBUG_ONLY_NOTE, onlyWhenDebug } from '../project/syntax';
import { WORLDS, type SettingBinding, debugOffInProduction, switchedOffInProduction, envVarNames, label, strOf, unreadSetting, valueIn } from './settings-util';

type Kind = 'email' | 'http' | 'image' | 'pdf';

const WHAT: Record<Kind, string> = {
  email: 'sends email over SMTP while the client waits: a slow or unreachable mail server stalls the worker and the response',
  http: 'makes an outbound HTTP request while the client waits: a slow or hung remote service ties up the worker until it answers or times out',
  image: 'resizes an image while the client waits: CPU-heavy work that ties up the worker',
  pdf: 'renders a PDF while the client waits: CPU-heavy work that ties up the worker',
};

/** Calls that are slow by themselves (fully qualified callee -> kind). */
const SLOW_FUNCS: Array<[RegExp, Kind]> = [
  [/^django\.core\.mail\.(send_mail|send_mass_mail|mail_admins|mail_managers)$/, 'email'],
  [/^requests(\.api)?\.(get|post|put|patch|delete|head|options|request)$/, 'http'],
  [/^httpx\.(get|post|put|patch|delete|head|options|request|stream)$/, 'http'],
  [/^(urllib\.request|urllib2|six\.moves\.urllib\.request|future\.moves\.urllib\.request)\.urlopen$/, 'http'],
  [/^pdfkit\.(from_string|from_url|from_file)$/, 'pdf'],
  [/^xhtml2pdf\.pisa\.(CreatePDF|pisaDocument)$/, 'pdf'],
  [/^reportlab\.pdfgen\.canvas\.Canvas$/, 'pdf'],
];

/** Objects whose methods are slow: constructor (qualified) -> origin. */
type Origin = 'email-message' | 'mail-connection' | 'http-client' | 'image' | 'weasyprint' | 'doc-template';
const CONSTRUCTORS: Array<[RegExp, Origin]> = [
  [/^((django\.core\.mail(\.message)?)\.)?(EmailMessage|EmailMultiAlternatives)$/, 'email-message'],
  [/^django\.core\.mail\.get_connection$/, 'mail-connection'],
  [/^requests(\.sessions)?\.(Session|session)$/, 'http-client'],
  [/^httpx\.Client$/, 'http-client'],
  [/^PIL\.Image\.open$/, 'image'],
  [/^weasyprint\.HTML$/, 'weasyprint'],
  [/^reportlab\.platypus(\.doctemplate)?\.SimpleDocTemplate$/, 'doc-template'],
];
/** Slow methods of those objects. */
const SLOW_METHODS: Record<Origin, [RegExp, Kind]> = {
  'email-message': [/^send$/, 'email'],
  'mail-connection': [/^send_messages$/, 'email'],
  'http-client': [/^(get|post|put|patch|delete|head|options|request|send)$/, 'http'],
  image: [/^(thumbnail|resize)$/, 'image'],
  weasyprint: [/^write_pdf$/, 'pdf'],
  'doc-template': [/^build$/, 'pdf'],
};
/** Image methods returning a new image (the chain stays an image). */
const IMAGE_CHAIN = /^(convert|copy|rotate|crop|transpose|filter|resize|quantize)$/;

interface Slow {
  kind: Kind;
  label: string;
}

/** `user.email_user(...)`: Django's AbstractUser.email_user() calls send_mail(). */
const EMAIL_USER = 'email_user';

/**
 * A file whose functions can make a slow call holds one of these words. A call's qualified name
 * (PyIndex.qualify) is made of what the file itself writes — the call, the import that binds its first part —
 * and, for relative imports and the file's own definitions, the file's module name: its last part is always
 * in the text, its first part in the text or the module name. Each name SLOW_FUNCS and CONSTRUCTORS match has
 * one of these as its first part (requests, httpx, pdfkit, xhtml2pdf, reportlab, PIL, weasyprint) or its last
 * (Django's mailers, urlopen); `email_user` is an attribute written in the call. Files without any are not walked.
 */
const SLOW_WORD = /send_mail|send_mass_mail|mail_admins|mail_managers|EmailMessage|EmailMultiAlternatives|get_connection|email_user|requests|httpx|urlopen|pdfkit|xhtml2pdf|reportlab|PIL|weasyprint/;

/** Bytes of a bundled image whose processing is no slow work: a 64×64 logo is a few KB; a 1-megapixel JPEG, more. */
const SMALL_IMAGE = 64 * 1024;

/**
 * `Image.open(BASE_DIR / "app/resources/logo.png")`: an image the repository ships, named by a path literal that
 * resolves from the file's folder or one above it (where BASE_DIR points), and small — its size is read from
 * disk. Resizing Tournesol's 64×64 logo costs nothing a task could save; an upload or a stored photo is
 * another matter (its path is no literal of the repository's).
 */
function smallBundledFile(root: string, file: SourceFile, call: SyntaxNode): boolean {
  const arg = call.childForFieldName('arguments')?.namedChildren.find((a) => a.type !== 'comment');
  if (!arg) return false;
  const literals: string[] = [];
  walk(arg, (n) => {
    if (n.type !== 'string') return true;
    const v = stringValue(n);
    if (v && /\.(png|jpe?g|gif|webp|bmp|ico)$/i.test(v) && !v.includes('..')) literals.push(v.replace(/^\.?\/+/, ''));
    return false;
  });
  if (literals.length !== 1) return false;
  for (let dir = dirname(file.rel); ; dir = dirname(dir)) {
    try {
      const st = statSync(join(root, dir === '.' ? '' : dir, literals[0]));
      if (st.isFile()) return st.size <= SMALL_IMAGE;
    } catch {
      // not from this folder: try the one above
    }
    if (dir === '.' || dir === '') return false;
  }
}

class Analyzer {
  /** Does `x.email_user(...)` in this file send mail? false when its project overrides it without sending (a task). */
  emailUserSends: (file: SourceFile) => boolean = () => true;
  private readonly mayCallSlow = new Map<string, boolean>();
  constructor(
    private readonly idx: PyIndex,
    private readonly root: string,
  ) {}

  /** Can a function of this file make a slow call at all (see SLOW_WORD)? */
  maySlow(file: SourceFile): boolean {
    let may = this.mayCallSlow.get(file.rel);
    if (may === undefined) this.mayCallSlow.set(file.rel, (may = !shortcuts.on || SLOW_WORD.test(file.text) || SLOW_WORD.test(this.idx.moduleName(file))));
    return may;
  }

  /** Local names bound (by assignment or `with ... as`) to objects with slow methods. */
  origins(file: SourceFile, fn: SyntaxNode): Map<string, Origin> {
    const vars = new Map<string, Origin>();
    walkBody(fn, (n) => {
      if (n.type === 'assignment') {
        const left = n.childForFieldName('left');
        const right = n.childForFieldName('right');
        if (left?.type === 'identifier' && right) {
          const o = this.originOf(file, right, vars);
          if (o) vars.set(left.text, o);
          else vars.delete(left.text);
        }
      } else if (n.type === 'as_pattern') {
        const value = n.namedChildren[0];
        const target = n.childForFieldName('alias')?.namedChildren[0] ?? n.namedChildren[1]?.namedChildren[0];
        if (value && target?.type === 'identifier') {
          const o = this.originOf(file, value, vars);
          if (o) vars.set(target.text, o);
        }
      }
    }, ['assignment', 'as_pattern']);
    return vars;
  }

  originOf(file: SourceFile, expr: SyntaxNode, vars: Map<string, Origin>): Origin | undefined {
    if (expr.type === 'identifier') return vars.get(expr.text);
    if (expr.type === 'parenthesized_expression' && expr.namedChildren[0]) return this.originOf(file, expr.namedChildren[0], vars);
    if (expr.type !== 'call') return undefined;
    const fnNode = expr.childForFieldName('function');
    const q = this.idx.qualify(file, fnNode);
    if (q) for (const [re, o] of CONSTRUCTORS) if (re.test(q)) return o === 'image' && smallBundledFile(this.root, file, expr) ? undefined : o;
    if (fnNode?.type === 'attribute') {
      const obj = fnNode.childForFieldName('object');
      const attr = fnNode.childForFieldName('attribute')?.text ?? '';
      if (obj && IMAGE_CHAIN.test(attr) && this.originOf(file, obj, vars) === 'image') return 'image';
    }
    return undefined;
  }

  /** Is this call slow? */
  slow(file: SourceFile, call: SyntaxNode, vars: Map<string, Origin>): Slow | undefined {
    if (call.parent?.type === 'await') return undefined; // awaited async I/O does not block the worker
    const fnNode = call.childForFieldName('function');
    const q = this.idx.qualify(file, fnNode);
    if (q) {
      for (const [re, kind] of SLOW_FUNCS) if (re.test(q)) return { kind, label: `${shortName(q)}()` };
    }
    if (fnNode?.type === 'attribute') {
      const obj = fnNode.childForFieldName('object');
      const attr = fnNode.childForFieldName('attribute')?.text ?? '';
      // request.user.email_user(...), user.email_user(...), User.email_user(user, ...): AbstractUser's mailer
      if (attr === EMAIL_USER && obj && !/^(self|cls)$/.test(obj.text) && this.emailUserSends(file)) {
        return { kind: 'email', label: `${obj.type === 'identifier' || obj.type === 'attribute' ? obj.text : 'user'}.email_user()` };
      }
      const o = obj ? this.originOf(file, obj, vars) : undefined;
      if (o) {
        const [re, kind] = SLOW_METHODS[o];
        if (re.test(attr)) {
          const ctor = obj?.type === 'call' ? this.idx.qualify(file, obj.childForFieldName('function'))?.split('.').pop() : undefined;
          return { kind, label: obj?.type === 'identifier' ? `${obj.text}.${attr}()` : ctor ? `${ctor}(…).${attr}()` : `${ORIGIN_LABEL[o]}.${attr}()` };
        }
      }
    }
    return undefined;
  }

  /** Is this call an outbound HTTP request (a slow call of that kind, in the function it sits in)? */
  isHttp(file: SourceFile, call: SyntaxNode): boolean {
    const fn = enclosingFunction(call);
    return this.slow(file, call, fn ? this.origins(file, fn) : new Map())?.kind === 'http';
  }

  /** Every slow call directly in a function body (nested functions, lambdas and classes skipped). */
  slowCalls(file: SourceFile, fn: SyntaxNode): Array<{ call: SyntaxNode; slow: Slow }> {
    if (!this.maySlow(file)) return [];
    const vars = this.origins(file, fn);
    const out: Array<{ call: SyntaxNode; slow: Slow }> = [];
    walkBody(fn, (n) => {
      if (n.type !== 'call') return;
      const s = this.slow(file, n, vars);
      if (s) out.push({ call: n, slow: s });
    }, CALL);
    return out;
  }
}

const ORIGIN_LABEL: Record<Origin, string> = {
  'email-message': 'EmailMessage',
  'mail-connection': 'connection',
  'http-client': 'session',
  image: 'Image',
  weasyprint: 'HTML',
  'doc-template': 'SimpleDocTemplate',
};

/** `requests.get` -> `requests.get`, `django.core.mail.send_mail` -> `send_mail`, `urllib.request.urlopen` -> `urlopen`. */
function shortName(q: string): string {
  if (/^(requests|httpx|pdfkit)\./.test(q)) return q.replace(/^requests\.api\./, 'requests.');
  if (q.startsWith('xhtml2pdf.pisa.')) return `pisa.${q.split('.').pop()}`;
  if (q.startsWith('reportlab.pdfgen.canvas.')) return 'canvas.Canvas';
  return q.split('.').pop() ?? q;
}

/**
 * Email backends that queue instead of talking to a mail server in the request: django-celery-email,
 * django-mailer, django-q-email, django-rq-email-backend. With one of them as EMAIL_BACKEND, Django's mailers
 * (send_mail, mail_admins, EmailMessage.send, email_user…) only enqueue.
 */
const QUEUED_EMAIL_BACKEND = /^(djcelery_email|mailer\.backend|django_q_email|django_rq_email_backend)\./;

/**
 * A backend that queues: one of those, or a class of the project's that extends one (astrobin's
 * CustomCeleryEmailBackend, a CeleryEmailBackend that sends a few priority messages at once).
 */
function queues(ctx: ScanContext, backend: string): boolean {
  return classExtends(PyIndex.of(ctx), backend, undefined, (q) => QUEUED_EMAIL_BACKEND.test(q));
}

/**
 * Backends that hand the message to a provider's HTTP API (django-anymail, django-ses, the SendGrid, Postmark,
 * Mailjet, SparkPost and GOV.UK Notify backends): the request still waits on a remote service, but not on an SMTP server, and
 * the message says so.
 */
const API_EMAIL_BACKEND = /^(anymail|django_ses|sgbackend|sendgrid_backend|postmarker|postmark|django_mailjet|mailjet|sparkpost|django_sparkpost|django_amazon_ses|django_gov_notify)\./;

/** Django's backends that deliver nowhere (the console, a folder, memory, nothing): development's, never what makes a client wait. */
const LOCAL_EMAIL_BACKEND = /^django\.core\.mail\.backends\.(console|filebased|locmem|dummy)\.EmailBackend$/;

/**
 * The EMAIL_BACKEND values production may use: Django's SMTP backend when unset; the value in each world; or,
 * where the settings choose between literals under a condition the scan cannot evaluate (MuckRock's
 * `if boolcheck(os.environ.get("USE_CELERY_EMAIL", True))`), each of them. Undefined when any is unknown.
 */
function emailBackends(ctx: ScanContext, file: SourceFile): { values: string[]; location?: Location } | undefined {
  const s = projectOf(ctx, file.rel)?.production;
  if (!s) return undefined;
  const b = s.bindings.get('EMAIL_BACKEND');
  if (!b) return { values: ['django.core.mail.backends.smtp.EmailBackend'] };
  const values = WORLDS.flatMap((w) => b.alternatives?.[w] ?? [b[w]]).map((v) => strOf(v));
  if (values.some((v) => v === undefined)) return undefined;
  return { values: [...new Set(values as string[])], location: b.location };
}

/** Does the production settings' EMAIL_BACKEND queue mail (known, in every world and branch)? */
function queuedEmail(ctx: ScanContext, file: SourceFile): boolean {
  const b = emailBackends(ctx, file);
  return !!b && b.values.every((v) => queues(ctx, v));
}

/**
 * The settings choose between a queueing backend and one that sends in the request, under a condition the scan
 * cannot evaluate: which one production runs is not known — a note that names both, never "sends over SMTP".
 */
function mixedBackend(ctx: ScanContext, file: SourceFile): string | undefined {
  const b = emailBackends(ctx, file);
  if (!b || !b.location) return undefined;
  const queued = b.values.filter((v) => queues(ctx, v));
  const direct = b.values.filter((v) => !queues(ctx, v));
  if (!queued.length || !direct.length) return undefined;
  return `EMAIL_BACKEND is ${queued.join(' or ')} (which queues the mail) or ${direct.join(' or ')} (which sends it in the request), chosen by a condition the scan cannot evaluate (${b.location.file}:${b.location.line}); only the second makes the client wait`;
}

/** What the send does, by the backends production may use: through a provider's HTTP API when every one that sends in the request is one. */
function emailWhat(ctx: ScanContext, file: SourceFile): string {
  // the backends that send in the request, less development's local ones chosen beside them (redbox: a folder,
  // the console or GOV.UK Notify by EMAIL_BACKEND_TYPE — the mail that makes a client wait goes to the API)
  const remote = emailBackends(ctx, file)?.values.filter((v) => !queues(ctx, v) && !LOCAL_EMAIL_BACKEND.test(v));
  if (remote?.length && remote.every((v) => API_EMAIL_BACKEND.test(v))) {
    return `sends email through a provider's HTTP API (${remote.join(', ')}) while the client waits: a slow or unreachable API stalls the worker and the response`;
  }
  // EMAIL_BACKEND read from the environment with no default (Compl'alim, Aides-territoires: an Anymail provider in
  // production): which backend sends is the variable's, so the message names it, not SMTP
  const b = remote ? undefined : projectOf(ctx, file.rel)?.production?.bindings.get('EMAIL_BACKEND');
  const names = b ? envVarNames(ctx, [b]) : [];
  if (names.length) {
    return `sends email while the client waits, through the backend ${names.map((n) => `\`${n}\``).join(' or ')} names in the environment (SMTP or a provider's HTTP API; the scan cannot read which): a slow or unreachable mail server or API stalls the worker and the response`;
  }
  return WHAT.email;
}

/**
 * EMAIL_BACKEND cannot be read (unreadSetting: shuup's settings are `globals().update(...)` of its configured
 * settings, which choose the console backend): which backend sends the
 * mail — SMTP, a queue, the console — is not known, so "sends over SMTP" is not a claim the scan can make. Why,
 * or undefined.
 */
function unreadBackend(ctx: ScanContext, file: SourceFile): string | undefined {
  const s = projectOf(ctx, file.rel)?.production;
  const d = s ? unreadSetting(s, 'EMAIL_BACKEND') : undefined;
  return d ? `which EMAIL_BACKEND production uses is not known: it is not set where the scan can read it, and ${d.reason} (${d.location.file}:${d.location.line}); with Django's SMTP backend the client waits on the mail server` : undefined;
}

/**
 * Production settings that set EMAIL_HOST to this machine (`"localhost"`, `127.0.0.1`, `::1`: isLoopbackHost) in every world,
 * with Django's SMTP backend: a relay on the same host (Zeste de Savoir's postfix) takes the message over
 * loopback in milliseconds and queues it — no remote server to wait on. Only when set explicitly: `localhost`
 * is also Django's default, which a project that never configured mail gets too. The binding, or undefined.
 */
function localRelay(ctx: ScanContext, file: SourceFile): string | undefined {
  const project = projectOf(ctx, file.rel);
  const s = project?.production;
  const host = s?.bindings.get('EMAIL_HOST');
  if (!project || !s || !host || host.conditional) return undefined;
  const smtp = (b: string) => b === 'django.core.mail.backends.smtp.EmailBackend';
  const backend = s.bindings.get('EMAIL_BACKEND');
  if (backend && (backend.conditional || !WORLDS.every((w) => smtp(strOf(backend[w]) ?? '')) && !defaultStands(ctx, project, backend, smtp))) return undefined;
  const relays = relayServices(ctx, project);
  const relay = (h: string) => isLoopbackHost(h) || relays.has(h);
  const which = (h: string) => (relays.has(h) ? `, ${relays.get(h)}` : '');
  if (WORLDS.every((w) => relay(strOf(host[w]) ?? ''))) return `EMAIL_HOST = "${strOf(host.unset)}" in ${label(s)}${which(strOf(host.unset) ?? '')}`;
  const dflt = strOf(host.unset) ?? '';
  // the production deploy gives the variable, and every value it gives is a relay (the Kartoza stack's
  // `EMAIL_HOST: smtp`, beside its postfix service)
  if (WORLDS.every((w) => host[w].kind === 'env')) {
    const given = deployValues(ctx, project, host);
    const v = given[0]?.value?.trim() ?? '';
    if (given.length && given.every((e) => relay(e.value?.trim() ?? ''))) return `${given[0].name} is "${v}" in ${given[0].file}${which(v)}`;
  }
  // Read from the environment with a relay as the default written in the settings (patchwork:
  // `os.getenv('EMAIL_HOST', 'localhost')`, its install guide's local postfix), and no production deploy file
  // giving the variable another host: the settings name the relay, as explicitly as a literal would.
  if (!defaultStands(ctx, project, host, relay)) return undefined;
  const names = envVarNames(ctx, [host]);
  return `EMAIL_HOST defaults to "${dflt}" in ${label(s)} when ${names.join(', ')} is not set${which(dflt)}, and no deploy file sets it to another host`;
}

/**
 * A setting read from the environment whose default written in the settings is acceptable, and no production
 * deploy file of the project gives that variable a value that is not.
 */
function defaultStands(ctx: ScanContext, project: ScannedProject, b: SettingBinding, ok: (v: string) => boolean): boolean {
  if (!ok(strOf(b.unset) ?? '') || b.set.kind !== 'env' || envVarNames(ctx, [b]).length === 0) return false;
  return deployValues(ctx, project, b).every((e) => ok(e.value?.trim() ?? ''));
}

/** What the project's production deploy files give the environment variables a setting is read from. */
function deployValues(ctx: ScanContext, project: ScannedProject, b: SettingBinding) {
  const names = new Set(envVarNames(ctx, [b]));
  return (ctx.environment ?? productionEnvironment(ctx.workspace)).filter((e) => names.has(e.name) && !e.dev && countsFor(ctx, project, e.file));
}

/** A mail relay's image: postfix, exim, OpenSMTPD, an smtp relay (`catatnight/postfix`, `boky/postfix`, `namshi/smtp`). */
const MTA_IMAGE = /(^|[/:-])(postfix|exim4?|opensmtpd|smtp|smtp-relay|mailrelay|sendmail)([:@-]|$)/i;

/**
 * The mail relays production's compose files run beside the app: service name (and hostname) → what it is. The
 * Kartoza projects site's stack runs `catatnight/postfix` as `smtp`, its settings' EMAIL_HOST default: the app
 * hands mail over the stack's own network to a relay that queues it, as to one on localhost.
 */
function relayServices(ctx: ScanContext, project: ScannedProject): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of ctx.workspace.deployFiles()) {
    if (manifestKind(f) !== 'compose' || !productionDeployFile(ctx, project, f)) continue;
    for (const svc of composeServices(f)) {
      if (svc.devOnly || !isMap(svc.node)) continue;
      const image = svc.node.get('image');
      if (typeof image !== 'string' || !MTA_IMAGE.test(image)) continue;
      const what = `the \`${svc.name}\` service of ${f.rel}, running ${image}`;
      out.set(svc.name, what);
      const hostname = svc.node.get('hostname');
      if (typeof hostname === 'string') out.set(hostname, what);
    }
  }
  return out;
}

/**
 * mail_admins() and mail_managers() return at once when ADMINS (MANAGERS) is empty: known empty or unset (Django's
 * default is []) in every world of the production settings, they send nothing (djangosnippets' flag view).
 */
function noRecipients(ctx: ScanContext, file: SourceFile, label: string): boolean {
  const setting = label === 'mail_admins()' ? 'ADMINS' : label === 'mail_managers()' ? 'MANAGERS' : undefined;
  const s = setting ? projectOf(ctx, file.rel)?.production : undefined;
  if (!setting || !s) return false;
  return WORLDS.every((w) => {
    const v = valueIn(s, setting, w, { kind: 'list', items: [] });
    return v?.kind === 'list' && v.items.length === 0;
  });
}

/**
 * A view or helper that tests the mail configuration — "send a test e-mail", "check SMTP credentials" — sends
 * mail in the request on purpose: its response is whether the mail server accepted it. Known by its name, or
 * by a mail connection it builds from explicit server settings (`get_connection(host=…, username=…)`).
 */
const MAIL_TEST_NAME = /test_?e?mail|e?mail_?test|send_?test|(check|verify|test)\w*(e?mail|smtp|credential)|(e?mail|smtp|credential)\w*(check|verif|test)/i;

function testsMailServer(idx: PyIndex, file: SourceFile, fn: SyntaxNode, names: string[]): boolean {
  if (names.some((n) => MAIL_TEST_NAME.test(n))) return true;
  let explicit = false;
  walkBody(fn, (n) => {
    if (explicit || n.type !== 'call') return;
    if (idx.qualify(file, n.childForFieldName('function')) !== 'django.core.mail.get_connection') return;
    const { kwargs } = callParts(n);
    if (kwargs.has('host') || kwargs.has('username')) explicit = true;
  }, CALL);
  return explicit;
}

/**
 * Project overrides of `email_user` (in the project the file belongs to): when every one of them leaves the
 * sending to a task (no mailer call of its own, no `super().email_user(...)`), `user.email_user(...)` is not
 * slow there. No override: Django's AbstractUser.email_user(), which calls send_mail().
 */
function emailUserSends(ctx: ScanContext, an: Analyzer): (file: SourceFile) => boolean {
  const byProject = new Map<string, boolean>();
  return (file) => {
    const project = projectOf(ctx, file.rel);
    const key = project?.root ?? '';
    const known = byProject.get(key);
    if (known !== undefined) return known;
    byProject.set(key, true); // while analysing the overrides themselves
    const overrides: Array<{ file: SourceFile; fn: SyntaxNode }> = [];
    for (const f of ctx.workspace.pythonFiles()) {
      if (!f.text.includes('def email_user') || isTestPath(f.rel) || (project && !countsFor(ctx, project, f.rel))) continue;
      walk(ctx.workspace.tree(f).rootNode, (n) => {
        if (n.type === 'class_definition') {
          for (const m of methodsOf(n)) if (m.childForFieldName('name')?.text === EMAIL_USER) overrides.push({ file: f, fn: m });
          return false;
        }
        return true;
      });
    }
    const sends =
      overrides.length === 0 ||
      overrides.some(({ file: f, fn }) => {
        if (an.slowCalls(f, fn).some((c) => c.slow.kind === 'email')) return true;
        let viaSuper = false;
        walkBody(fn, (n) => {
          if (n.type === 'call' && /^super\(.*\)\.email_user$/.test(n.childForFieldName('function')?.text ?? '')) viaSuper = true;
        }, CALL);
        return viaSuper;
      });
    byProject.set(key, sends);
    return sends;
  };
}

/**
 * Is an outbound HTTP call an exchange the response depends on — the view uses the answer, and what it asks
 * depends on this request: its data (the OAuth code, the text to translate, the page to embed), an earlier
 * answer (the access token a code exchange returned), or anything else that is not the same on every request
 * (a bound form, the object the URL names, the session, a value the view passes in)? Such a call is the view's
 * job, not work a background task could take over: the finding is a note. Returns what makes it one, or
 * undefined — a call whose answer is dropped (a webhook, a notification: fire and forget) or that asks the
 * same thing on every request (a feed, a version check, a key set: cacheable, or refreshed by a task) stays a
 * warning.
 */
function exchangeOf(ctx: ScanContext, file: SourceFile, call: SyntaxNode, fn: SyntaxNode, isHttp: (n: SyntaxNode) => boolean): string | undefined {
  if (!answerUsed(call) || callsOwnSite(call)) return undefined;
  const { args, kwargs } = callParts(call);
  const parts = [...args, ...kwargs.values()];
  if (parts.length === 0) return undefined;
  const flow = FunctionFlow.around(ctx, file, call);
  const provs = parts.map((a) => flow.prov(a));
  const own = provs.find(carriesRequest);
  if (own) return `it sends this request's data (${sourceText(own)})`;
  const scope = enclosingFunction(call);
  if (scope) {
    const earlier = answerOf(scope, parts, call, isHttp);
    if (earlier) return `it sends what the call at line ${lineOf(earlier)} answered`;
  }
  // what callers pass matters only for an argument made from the function's parameters
  if (fn.type === 'function_definition' && provs.some((p) => p.params?.size)) {
    const fromUrl = urlPart(ctx, file, fn, provs.flatMap((p) => [...(p.params ?? [])]));
    if (fromUrl) return `what it asks is not the same on every request (\`${fromUrl}\`, a parameter of the view after the request: a part of its URL, or what its caller passes)`;
    for (const c of callersPassingRequestData(ctx, file, fn)) {
      const p = parts.map((a) => c.flow.prov(a)).find(carriesRequest);
      if (p) return `it sends this request's data (${sourceText(p)}, passed in by \`${c.callerName}()\`)`;
    }
    // A caller in its module or class that passes a value of its own making which varies — an attribute of the
    // bound form (ephios' `form.code_data`), a URL built from the object it just saved (Arches' image):
    // the question changes with the request, as when the caller passes request data.
    const used = new Set(provs.flatMap((p) => [...(p.params ?? [])]));
    for (const site of callSitesOf(ctx, file, fn)) {
      for (const [param, p] of site.given) {
        if (used.has(param) && !p.params?.size && (p.request || p.meta || p.form || SINKS.some((s) => p.grade[s] !== CONSTANT))) {
          return `what it asks is not the same on every request (\`${param}\` is what \`${site.callerName}()\` passes at line ${site.at.line})`;
        }
        // One level further: the caller passes on a parameter of its own, which its caller fills with request
        // data (MuckRock's create() → _validate_create(request.data) → _clean_attachments(data.get(...))) — or
        // which is a part of its own URL, the caller being a view (Model My Watershed's
        // project_via_hydroshare_open(request, resource) → _via_hydroshare(request, resource, …)).
        if (!used.has(param) || !p.params?.size) continue;
        const outerUrl = urlPart(ctx, file, site.caller, [...p.params]);
        if (outerUrl) return `what it asks is not the same on every request (\`${param}\` is what \`${site.callerName}()\` passes at line ${site.at.line}, a parameter of that view after the request: a part of its URL)`;
        for (const outer of callSitesOf(ctx, file, site.caller)) {
          const fed = [...p.params].map((q) => outer.given.get(q)).find((o) => o && (o.request || o.meta || o.form || SINKS.some((s) => o.grade[s] === REQUEST)));
          if (fed) return `it sends this request's data (${sourceText(fed)}, passed in by \`${outer.callerName}()\` at line ${outer.at.line} through \`${site.callerName}()\`)`;
        }
      }
    }
  }
  // a parameter's value is what the view passes (request data in it is found above): not variable by itself
  if (provs.some((p, i) => p.request || p.meta || p.form || (SINKS.some((s) => p.grade[s] !== CONSTANT) && !p.params?.size && !configRead(parts[i]) && !constantSelfAttribute(ctx, file, parts[i])))) {
    return 'what it asks is not the same on every request (a form, the object the URL names, the session, a value passed in)';
  }
  return undefined;
}

/** `f"{SITE_URL}/api/…"`, `settings.SITE_URL + …`, `request.build_absolute_uri(…)`: a URL of the site itself. */
const OWN_SITE = /^(f?["']\{\s*(settings\.)?SITE(_BASE|_ROOT)?_URL\b|(settings\.)?SITE(_BASE|_ROOT)?_URL\s*\+|(self\.)?request\.build_absolute_uri\()/;

/**
 * Does the call ask the site itself — its URL (the first argument, or the one local assignment that names it)
 * built on the site's own address? Not an exchange with another service whatever it asks: while the client
 * waits, the view holds a second worker of its own server for the answer (pontoon's entity view fetching its
 * own API; with one sync worker it waits for ever). It stays a warning.
 */
function callsOwnSite(call: SyntaxNode): boolean {
  const { args, kwargs } = callParts(call);
  const url = args[0] ?? kwargs.get('url');
  if (!url) return false;
  let text = url.text;
  const fn = enclosingFunction(call);
  if (url.type === 'identifier' && fn) {
    walkBody(fn, (n) => {
      if (n.endIndex <= call.startIndex && n.childForFieldName('left')?.text === url.text) text = n.childForFieldName('right')?.text ?? text;
    }, ['assignment']);
  }
  return OWN_SITE.test(text);
}

/**
 * The first of `names` that is a part of the URL of the view `fn` — a parameter after the request (`def
 * page(request, slug)`, `def get(self, request, pk)`): what the URL names differs from request to request, as
 * request data does. Undefined when `fn` is no view (the index's views: routed or taking a request).
 */
function urlPart(ctx: ScanContext, file: SourceFile, fn: SyntaxNode, names: readonly string[]): string | undefined {
  if (names.length === 0 || !viewKeys(ctx, 'all').has(defKey(file, fn))) return undefined;
  const params = allParams(fn);
  const after = params.slice(params[0] === 'self' || params[0] === 'cls' ? 2 : 1);
  const splat = new Set((fn.childForFieldName('parameters')?.namedChildren ?? []).filter((p) => p.type === 'list_splat_pattern' || p.type === 'dictionary_splat_pattern').map((p) => p.text.replace(/^\*+/, '').split(':')[0].trim()));
  return names.find((n) => after.includes(n) && !splat.has(n));
}

/**
 * A read of configuration by a literal name — `self.get_settings("OIDC_OP_JWKS_ENDPOINT")` (kitsune's),
 * `getenv("API_URL")`, `config("FEED_URL")`, `env("X")`: the same on every request, like a settings value.
 */
function configRead(node: SyntaxNode): boolean {
  if (node.type !== 'call') return false;
  const { callee, args, kwargs } = callParts(node);
  const name = (callee ?? '').split('.').pop() ?? '';
  return /^(get_?)?(settings?|config|conf|env|getenv|environ)$/i.test(name) && args.length > 0 && kwargs.size === 0 && args.every((a) => a.type === 'string' || a.type === 'true' || a.type === 'false' || a.type === 'integer');
}

/**
 * `self.NAME` where every value the class gives NAME — a class attribute, `self.NAME = …` in its methods — is a
 * constant (pydis' `github_api = "https://api.github.com/…"` and `self.headers` built from settings): the same
 * on every request.
 */
function constantSelfAttribute(ctx: ScanContext, file: SourceFile, node: SyntaxNode): boolean {
  if (node.type !== 'attribute' || node.childForFieldName('object')?.text !== 'self') return false;
  const name = node.childForFieldName('attribute')?.text;
  let cls = node.parent;
  while (cls && cls.type !== 'class_definition') cls = cls.parent;
  const body = cls?.childForFieldName('body');
  if (!name || !body) return false;
  const values: SyntaxNode[] = [];
  walk(body, (n) => {
    if (n.type === 'class_definition' && n.id !== cls!.id) return false;
    if (n.type !== 'assignment') return true;
    const left = n.childForFieldName('left');
    const right = n.childForFieldName('right');
    const classLevel = left?.type === 'identifier' && left.text === name && n.parent?.parent?.id === body.id;
    const onSelf = left?.type === 'attribute' && left.text === `self.${name}`;
    if (classLevel || onSelf) values.push(right ?? left!);
    return true;
  });
  return values.length > 0 && values.every((v) => {
    const p = FunctionFlow.around(ctx, file, v).prov(v);
    return !p.request && !p.meta && !p.form && SINKS.every((s) => p.grade[s] === CONSTANT);
  });
}

/**
 * An outbound HTTP call earlier in `scope` whose answer reaches one of `parts` through local assignments
 * (`r = requests.post(…)`, `data = r.json()`, `token = data["access_token"]`), or undefined.
 */
function answerOf(scope: SyntaxNode, parts: SyntaxNode[], before: SyntaxNode, isHttp: (n: SyntaxNode) => boolean): SyntaxNode | undefined {
  const assigned = new Map<string, SyntaxNode[]>();
  walkBody(scope, (n) => {
    if (n.type !== 'assignment' || n.startIndex >= before.startIndex) return;
    const left = n.childForFieldName('left');
    const right = n.childForFieldName('right');
    if (left?.type === 'identifier' && right) assigned.set(left.text, [...(assigned.get(left.text) ?? []), right]);
  }, ['assignment']);
  const seen = new Set<string>();
  const names = (node: SyntaxNode): string[] => {
    const out: string[] = [];
    walk(node, (n) => {
      if (n.type === 'identifier') out.push(n.text);
      return n.type !== 'lambda';
    });
    return out;
  };
  const queue = parts.flatMap(names);
  while (queue.length) {
    const name = queue.shift()!;
    if (seen.has(name) || seen.size > 50) continue;
    seen.add(name);
    for (const right of assigned.get(name) ?? []) {
      let found: SyntaxNode | undefined;
      walk(right, (n) => {
        if (!found && n.type === 'call' && isHttp(n)) found = n;
        return !found;
      });
      if (found) return found;
      queue.push(...names(right));
    }
  }
  return undefined;
}

function carriesRequest(p: Prov): boolean {
  return SINKS.some((s) => p.grade[s] === REQUEST) && !!p.source;
}

function sourceText(p: Prov): string {
  return p.source ? `\`${p.source.text}\`, line ${p.source.line}` : 'request data';
}

/**
 * Memoizing decorators: the function's result is kept, so its slow call runs on a cache miss only —
 * linkding's `@lru_cache(maxsize=1)` on a release check called with an hourly time bucket, a view under
 * `@cache_page(60 * 15)`.
 */
const MEMOIZE = /(^|\.)(lru_cache|cache|cached|ttl_cache|cache_page|memoize|memoized|cache_memoize|cached_as)$/;

/**
 * functools' `lru_cache`/`cache` and cachetools' `ttl_cache`/`cached` key a call on its arguments' hashes, and an
 * HttpRequest hashes by identity: a function that takes the request never hits its cache (manage.get.gov's
 * `@ttl_cache` on a view). `cache_page` keys on the URL, and the other memoizers' keys are not known here.
 */
const KEYED_ON_ARGUMENTS = /(^|\.)(lru_cache|cache|ttl_cache|cached)$/;

function memoizedBy(fn: SyntaxNode): string | undefined {
  const by = appliedDecorators(fn).find((d) => MEMOIZE.test(d));
  return by && KEYED_ON_ARGUMENTS.test(by) && allParams(fn).includes('request') ? undefined : by;
}

/** Does the call pass a `timeout=` that is not None? */
function passesTimeout(call: SyntaxNode): boolean {
  return (call.childForFieldName('arguments')?.namedChildren ?? []).some((a) => a.type === 'keyword_argument' && a.childForFieldName('name')?.text === 'timeout' && a.childForFieldName('value')?.text !== 'None');
}

/**
 * A cache kept by hand around the call, in the same function: an earlier `if` on a value read with
 * `cache.get(…)` (Django's cache, or `caches[…]`) that returns, and a `cache.set(…)` after the call that stores
 * its answer — course-discovery's exchange rates, cached for a day. What to say, or undefined.
 */
function cachedByHand(fn: SyntaxNode, call: SyntaxNode): string | undefined {
  const CACHE = /^(cache|caches\[[^\]]+\])\.(get|get_many)$/;
  const reads = new Map<string, SyntaxNode>();
  let early: SyntaxNode | undefined;
  let stored: SyntaxNode | undefined;
  walkBody(fn, (n) => {
    if (n.type === 'assignment' && n.endIndex < call.startIndex) {
      const right = n.childForFieldName('right');
      const left = n.childForFieldName('left');
      if (right?.type === 'call' && left?.type === 'identifier' && CACHE.test(right.childForFieldName('function')?.text.replace(/\s+/g, '') ?? '')) reads.set(left.text, right);
    } else if (n.type === 'if_statement' && n.endIndex < call.startIndex && !early) {
      const test = n.childForFieldName('condition')?.text ?? '';
      const body = n.childForFieldName('consequence');
      if ([...reads.keys()].some((k) => new RegExp(`\\b${k}\\b`).test(test)) && body?.descendantsOfType('return_statement').length) early = n;
    } else if (n.type === 'call' && n.startIndex > call.endIndex && /^(cache|caches\[[^\]]+\])\.(set|set_many|add)$/.test(n.childForFieldName('function')?.text.replace(/\s+/g, '') ?? '')) {
      stored ??= n;
    }
  });
  if (!stored) return undefined;
  const storedAt = `with \`${stored.childForFieldName('function')?.text}()\` of the answer at line ${stored.startPosition.row + 1},`;
  if (early) return `the cache read the function returns early from (line ${early.startPosition.row + 1}), ${storedAt}`;
  const miss = missBranch(fn, call, [...reads.keys()]);
  return miss ? `the cache read whose miss alone runs the call (\`if ${miss.childForFieldName('condition')?.text}:\`, line ${miss.startPosition.row + 1}), ${storedAt}` : undefined;
}

/**
 * The `if` around the call that runs it only when a cached value is missing — `if not feed:` or `if feed is None:`
 * on a name read with `cache.get()` (remo's planet feed, kept for eight hours) — with the call in its body.
 */
function missBranch(fn: SyntaxNode, call: SyntaxNode, names: string[]): SyntaxNode | undefined {
  for (let n = call.parent; n && n.id !== fn.id; n = n.parent) {
    if (n.type !== 'if_statement') continue;
    const body = n.childForFieldName('consequence');
    if (!body || call.startIndex < body.startIndex || call.endIndex > body.endIndex) continue;
    const test = (n.childForFieldName('condition')?.text ?? '').replace(/^\(\s*|\s*\)$/g, '').trim();
    if (names.some((k) => new RegExp(`^(not\\s+${k}|${k}\\s+(is|==)\\s+None)$`).test(test))) return n;
  }
  return undefined;
}

/**
 * Is the call's answer used — read at all, its status included (a failed purchase that decides the page)?
 * Not when the statement is the call alone, or the call with methods chained on its answer whose results are
 * dropped too (`requests.post(url, json=event).raise_for_status()`), or when the name it is given is never read.
 */
function answerUsed(call: SyntaxNode): boolean {
  let top = call;
  for (;;) {
    const parent = top.parent;
    if (parent?.type === 'attribute' && parent.childForFieldName('object')?.id === top.id && parent.parent?.type === 'call') top = parent.parent;
    else break;
  }
  if (top.parent?.type === 'expression_statement') return outcomeDecides(top.parent);
  const parent = call.parent;
  const holder =
    parent?.type === 'assignment' && parent.childForFieldName('right')?.id === call.id ? parent.childForFieldName('left')
      : parent?.type === 'as_pattern' ? parent.childForFieldName('alias')?.namedChildren[0] ?? null
        : undefined;
  if (holder?.type !== 'identifier') return true;
  const scope = enclosingFunction(call);
  if (!scope) return true;
  return readAfter(scope, new Set([holder.text]), call.endIndex);
}

/** Is one of the names read (not only assigned) in the function after a position? */
function readAfter(scope: SyntaxNode, names: ReadonlySet<string>, after: number): boolean {
  let read = false;
  walk(scope, (n) => {
    if (read) return false;
    if (n.type === 'identifier' && names.has(n.text) && n.startIndex > after) {
      const p = n.parent;
      if (!(p?.type === 'assignment' && p.childForFieldName('left')?.id === n.id)) read = true;
    }
    return true;
  });
  return read;
}

/**
 * A call whose answer is dropped but whose success is the answer: it sits in a `try` that catches its failure, and
 * a name set after it in the `try` is read after the whole statement — `session.request("HEAD", url, timeout=5)`
 * then `available = True`, with `{"available": available}` returned (astrobin's URL check).
 */
function outcomeDecides(stmt: SyntaxNode): boolean {
  const block = stmt.parent;
  const attempt = block?.parent;
  if (block?.type !== 'block' || attempt?.type !== 'try_statement' || attempt.childForFieldName('body')?.id !== block.id) return false;
  if (!attempt.namedChildren.some((c) => c.type === 'except_clause' || c.type === 'except_group_clause')) return false;
  const set = new Set<string>();
  for (const st of block.namedChildren) {
    if (st.startIndex <= stmt.startIndex || st.type !== 'expression_statement') continue;
    const a = st.namedChildren[0];
    const left = a?.type === 'assignment' ? a.childForFieldName('left') : undefined;
    if (left?.type === 'identifier') set.add(left.text);
  }
  const scope = enclosingFunction(stmt);
  return !!set.size && !!scope && readAfter(scope, set, attempt.endIndex);
}

/**
 * Why a slow call is a note rather than a warning, the first that holds: mail handed to a local relay, a call
 * that runs only with DEBUG on (production's DEBUG not known to be off), a memoized call, an exchange the view
 * depends on. Each later reason is worked out only when the earlier ones do not hold.
 */
function noteOn(
  slow: Slow,
  debugOnly: boolean,
  lazy: { backend: () => string | undefined; relay: () => string | undefined; memoized: () => string | undefined; exchange: () => string | undefined; greenlets: () => string | undefined },
): { why: string; fix: string } | undefined {
  const backend = slow.kind === 'email' ? lazy.backend() : undefined;
  if (backend) return { why: backend, fix: 'Make sure production sends mail from a task or through a queueing EMAIL_BACKEND (django-celery-email), or move the sending out of the request.' };
  const relay = slow.kind === 'email' ? lazy.relay() : undefined;
  if (relay) return { why: `production hands it to a mail relay on the same machine or the deployment's own network (${relay}), which takes it at once and queues it; slow only when that relay is down`, fix: 'Keep the local relay (and watch its queue), or send from a task.' };
  if (debugOnly) return { why: DEBUG_ONLY_NOTE, fix: 'Keep DEBUG off in production (then this branch never runs there), or move the work out of the request.' };
  const cached = lazy.memoized();
  if (cached) {
    return {
      why: `${cached} keeps its result, so the call runs again only when the cache misses (once per argument, or per time bucket when one is passed); keep its timeout short`,
      fix: 'Keep it cached, with a short timeout= (a few seconds); a background refresh takes even the misses out of the request.',
    };
  }
  const exchange = slow.kind === 'http' ? lazy.exchange() : undefined;
  if (exchange) {
    return {
      why: `${exchange}, and the view uses the answer: an exchange (a proxy, a token, a lookup, a purchase) that cannot move to a background task; keep its timeout short (launch.W124)`,
      fix: 'Keep it, with a short timeout= (a few seconds), and cache what does not change per request.',
    };
  }
  // Waiting on a mail server or a remote service yields to the other requests under greenlets (gwells' gunicorn
  // gevent workers): the worker is not held, only this client waits. CPU work (images, PDFs) still holds it.
  const greenlets = slow.kind === 'email' || slow.kind === 'http' ? lazy.greenlets() : undefined;
  if (greenlets) {
    return {
      why: `production serves requests with greenlets (${greenlets}), so waiting on the ${slow.kind === 'email' ? 'mail server' : 'remote service'} yields to the other requests instead of holding the worker — this client still waits; keep a short timeout`,
      fix: slow.kind === 'email' ? 'Set EMAIL_TIMEOUT (a few seconds), or send from a task so the response does not wait.' : 'Keep a short timeout= (a few seconds), or move the call to a task if the response does not need its answer.',
    };
  }
  return undefined;
}

/** launch.W080: email, outbound HTTP, image resizing or PDF rendering inside a view. */
export default {
  reads: 'views',
  // maySlow's filter (the module's name approximated by its path): a wrong weight costs memory, never findings
  batchWeight: (f) => (SLOW_WORD.test(f.text) || SLOW_WORD.test(f.rel) ? f.text.length : 0),
  meta: {
    id: 'launch.W080',
    name: 'slow-work-in-view',
    checklist: 'slow-work',
    level: 'warning',
    title: 'Slow work (email, outbound HTTP, image or PDF processing) runs inside a view',
    fix: 'Move it to a background task (Celery, RQ, Dramatiq, Django 6 tasks) enqueued with transaction.on_commit(lambda: task.delay(...)), and return the response right away.',
    securitySeverity: 3.0,
    precision: 'medium',
    tags: ['security', 'performance', 'reliability', 'external/cwe/cwe-400'],
  },
  check(ctx) {
    const idx = PyIndex.of(ctx);
    const an = new Analyzer(idx, ctx.root);
    an.emailUserSends = emailUserSends(ctx, an);
    const views = findViews(ctx);
    if (views.functions.length === 0) return { hits: [], ...noViewsFound(ctx) };
    const hits: RuleHit[] = [];
    const seen = new Set<number>();
    const report = (file: SourceFile, call: SyntaxNode, slow: Slow, view: ViewFunction, via?: { name: string; at: Location; fn: SyntaxNode }) => {
      if (seen.has(call.id)) return;
      // under `if settings.DEBUG:` with DEBUG off in production: never runs there
      const debugOnly = onlyWhenDebug(call);
      if (debugOnly && debugOffInProduction(ctx, file.rel)) return;
      // under `if settings.X:` with X off in production (django-crm's VOIP_FORWARD_DATA): never runs there
      if (switchedOffInProduction(ctx, file.rel, call)) return;
      if (slow.kind === 'email') {
        if (queuedEmail(ctx, file)) return;
        if (noRecipients(ctx, file, slow.label)) return;
        const names = [view.label, ...(via ? [via.name] : [])];
        if (testsMailServer(idx, file, via?.fn ?? view.node, names) || (via && testsMailServer(idx, file, view.node, names))) return;
      }
      seen.add(call.id);
      const where = via ? ` in helper \`${via.name}()\`, called from view \`${view.label}\` (${view.file.rel})` : ` in view \`${view.label}\``;
      const related: Array<{ location: Location; message: string }> = [];
      if (via) related.push({ location: via.at, message: `view \`${view.label}\` calls \`${via.name}()\` here` });
      if (view.route) related.push({ location: view.route, message: `the route to \`${view.label.split('.')[0]}\`` });
      const fn = via?.fn ?? view.node;
      const note = noteOn(slow, debugOnly, {
        backend: () => unreadBackend(ctx, file) ?? mixedBackend(ctx, file),
        relay: () => localRelay(ctx, file),
        memoized: () => {
          // a cached HTTP call without a timeout still hangs the worker on a miss (wger's GitHub stars, reviewed true)
          if (slow.kind === 'http' && !passesTimeout(call)) return undefined;
          const by = memoizedBy(fn) ?? (via ? memoizedBy(view.node) : undefined);
          return by ? `\`@${by}\` on \`${fn.childForFieldName('name')?.text ?? '?'}()\`` : cachedByHand(fn, call);
        },
        exchange: () => exchangeOf(ctx, file, call, fn, (n) => an.isHttp(file, n)),
        greenlets: () => {
          const project = projectOf(ctx, file.rel);
          const where = project ? greenletWorkers(ctx, project) : undefined;
          return where ? `${where.file}:${where.line}` : undefined;
        },
      });
      hits.push({
        location: loc(file, call),
        message: `\`${slow.label}\`${where} ${slow.kind === 'email' ? emailWhat(ctx, file) : WHAT[slow.kind]}${note ? ` — a note: ${note.why}` : ''}.`,
        ...(note ? { level: 'note' as const, fix: note.fix } : {}),
        ...(related.length ? { related } : {}),
      });
    };
    // A call is reported in its view's file (its helpers are in the same module): the views of the batch, and of
    // those only the files that may call something slow (slowCalls finds nothing in the others), parsed.
    const mine = views.functions.filter((v) => inFileBatch(ctx, v.file.rel) && an.maySlow(v.file));
    // direct calls first, so a helper that is itself a view is reported as one
    for (const v of mine) for (const { call, slow } of an.slowCalls(v.file, v.node)) report(v.file, call, slow, v);
    // one level of same-module helper functions (no slow call in the others' files: their helpers are there)
    for (const v of mine) {
      const defs = idx.defs(v.file);
      walkBody(v.node, (n) => {
        if (n.type !== 'call') return;
        const fnNode = n.childForFieldName('function');
        if (fnNode?.type !== 'identifier') return;
        const helper = defs.get(fnNode.text);
        if (!helper || helper.type !== 'function_definition' || helper.id === v.node.id || isTaskFunction(helper)) return;
        if (callParts(n).callee !== fnNode.text) return;
        for (const { call, slow } of an.slowCalls(v.file, helper)) report(v.file, call, slow, v, { name: fnNode.text, at: loc(v.file, n), fn: helper });
      }, CALL);
    }
    return { hits };
  },
} satisfies Rule;
