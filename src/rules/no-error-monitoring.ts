import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Rule, RuleHit } from './rule';
import type { ScanContext, ScannedProject } from '../project/scan';
import { PyIndex } from '../project/modules';
import { dottedName, type SyntaxNode } from '../project/python';
import { normalizeName, requirements, unreadableIncludes } from '../project/dependencies';
import type { SourceFile } from '../project/workspace';
import { terraformErrorAlarm } from '../project/terraform';
import { baseName, countsFor, dirName, inDevFolder, isDevName, productionPythonFiles } from './code-util';
import { dictGet, label, mayBeSetDynamically, strOf, truthy, type EvaluatedSettings, type Value } from './settings-util';

/** Error trackers and APM agents, as Python packages. */
const AGENTS = 'sentry_sdk|azure\\.monitor|opencensus|applicationinsights|raven|rollbar|newrelic|ddtrace|elasticapm|bugsnag|honeybadger|opbeat|scout_apm|raygun4py|airbrake|pybrake|appsignal|opentelemetry|logfire|atatus|instana|appenlight_client|datadog';
/** `import sentry_sdk`, `from ddtrace import patch_all`, ... */
const IMPORT = new RegExp(`^[ \\t]*(?:import|from)[ \\t]+(?:${AGENTS})\\b`, 'm');
/**
 * Dotted paths in settings: "rollbar.contrib.django.middleware...", "raven.contrib.django.raven_compat",
 * "elasticapm.contrib.django". Not a domain name: "newrelic.com" in a table of websites (vulnerablecode) or
 * "sentry.io" in a content-security policy sets up no agent, and counting one let a project with no error
 * tracker pass.
 */
const DOTTED = new RegExp(`['"](?:${AGENTS})(?:\\.[\\w.]+)?(?<!\\.(?:com|io|net|org|dev|app|cloud|co|eu|us|ai|sh|hq))['"]`);
/** Agents started by a wrapper command in a Procfile, Dockerfile, compose file, unit or script. */
const WRAPPER = /\b(newrelic-admin|ddtrace-run|opentelemetry-instrument|scout-apm|elastic-apm)\b/;

/**
 * Logging handlers that ship records off the machine (a log pipeline, syslog, HTTP, a cloud logging agent) or
 * mail them (Django's AdminEmailHandler): errors logged by django.request reach someone.
 */
const REMOTE_HANDLER = /logstash|SysLogHandler|HTTPHandler|SocketHandler|DatagramHandler|graypy|GELF|fluent|loki|watchtower|cloudwatch|google\.cloud\.logging|datadog|opentelemetry|otlp|AdminEmailHandler|SMTPHandler/i;
/**
 * Google Cloud Error Reporting: its client library, or log entries typed as its ReportedErrorEvent, which Error
 * Reporting picks up from Cloud Logging (seqr's JSON log formatter types every ERROR record so).
 */
const GCP_ERROR_REPORTING = /type\.googleapis\.com\/google\.devtools\.clouderrorreporting\.v1beta1\.ReportedErrorEvent|^[ \t]*from[ \t]+google\.cloud[ \t]+import[ \t][^\n]*\berror_reporting\b|^[ \t]*(?:import|from)[ \t]+google\.cloud\.error_reporting\b/m;
/** A receiver of got_request_exception: the project captures unhandled exceptions itself. */
const REQUEST_EXCEPTION_RECEIVER = /got_request_exception\s*\.\s*connect\s*\(|@receiver\s*\(\s*(?:[\w.]+\.)?got_request_exception\b/;

/**
 * The handlers Django's request errors (ERROR records of the `django.request` logger) reach under a LOGGING dict,
 * as Python's dictConfig applies it after Django's default configuration: the configured `django.request`, then
 * `django` (while they propagate), then the root logger. A logger the dict does not configure keeps Django's
 * default — `django` mails ADMINS through its `mail_admins` handler (`defaultMail`) — unless
 * `disable_existing_loggers` (True when not given) disables it; `django.request` is left enabled when `django` is
 * configured (a child of a configured logger), and a disabled logger drops the record. undefined when any of it
 * cannot be known.
 */
function requestHandlers(v: Value, namesMatter: boolean): { handlers: Value[]; defaultMail: boolean; why: string } | undefined {
  if (v.kind !== 'dict') return undefined;
  if (v.entries.length === 0) return { handlers: [], defaultMail: true, why: '' }; // Django configures nothing more
  const incremental = dictGet(v, 'incremental');
  if (incremental && !(incremental.kind === 'bool' && !incremental.value)) return undefined;
  const de = dictGet(v, 'disable_existing_loggers');
  if (de && de.kind !== 'bool') return undefined;
  const disableExisting = de ? de.value : true;
  const defined = dictGet(v, 'handlers') ?? { kind: 'dict', entries: [] };
  const loggers = dictGet(v, 'loggers') ?? { kind: 'dict', entries: [] };
  if (defined.kind !== 'dict' || loggers.kind !== 'dict') return undefined;
  const handlers: Value[] = [];
  const attach = (cfg: Value): boolean => {
    const names = dictGet(cfg, 'handlers');
    if (!names) return true;
    // a list the scan cannot know (`env.list("DJANGO_LOG_HANDLERS", …)`) matters only when some handler it may name reports
    if (names.kind !== 'list') return !namesMatter;
    for (const n of names.items) {
      const h = n.kind === 'str' ? dictGet(defined, n.value) : undefined;
      if (!h) {
        if (namesMatter) return false;
        continue;
      }
      handlers.push(h);
    }
    return true;
  };
  const propagates = (cfg: Value): boolean | undefined => {
    const p = dictGet(cfg, 'propagate');
    return p === undefined ? true : p.kind === 'bool' ? p.value : undefined;
  };
  const request = dictGet(loggers, 'django.request');
  const django = dictGet(loggers, 'django');
  if (request) {
    if (!attach(request)) return undefined;
    const p = propagates(request);
    if (p === undefined) return undefined;
    if (!p) return { handlers, defaultMail: false, why: 'it configures the `django.request` logger not to propagate, without Django\'s `mail_admins`' };
  } else if (!django && disableExisting) {
    return { handlers, defaultMail: false, why: 'it configures neither the `django` nor the `django.request` logger and leaves disable_existing_loggers True, which disables them' };
  }
  const root = dictGet(v, 'root') ?? dictGet(loggers, '');
  if (!django) {
    // Django's own `django` logger, mail_admins and all, propagating to the root (a disabled logger still hands on
    // what a child propagates to it)
    if (root && !attach(root)) return undefined;
    return { handlers, defaultMail: true, why: '' };
  }
  if (!attach(django)) return undefined;
  const p = propagates(django);
  if (p === undefined) return undefined;
  const why = 'it gives the `django` logger handlers of its own, without Django\'s `mail_admins`';
  if (!p) return { handlers, defaultMail: false, why };
  if (root && !attach(root)) return undefined;
  return { handlers, defaultMail: false, why };
}

/** `LOGGING_CONFIG = None`: Django configures no logging at all — not even its default `mail_admins` (PyCon Taiwan's settings call dictConfig themselves). */
function noDefaultLogging(s: EvaluatedSettings): boolean {
  return s.bindings.get('LOGGING_CONFIG')?.unset.kind === 'none';
}

/**
 * Does the production LOGGING (unset world: what ships) send Django's request errors off the machine? true: a
 * handler they reach does (a log pipeline defined anywhere in it, or an AdminEmailHandler with a real ADMINS); false:
 * none does, and Django's default mail to ADMINS may still (ADMINS decides); `{ detached: why }`: none does and the
 * default mail is gone too — LOGGING gave the `django` logger other handlers, or disabled it, or LOGGING_CONFIG is
 * None (gPodder's and OSMCha's settings: the `django` logger logs to the console only), so ADMINS gets nothing.
 * undefined when LOGGING cannot be known (every value it may take is asked when they are known alternatives).
 */
function remoteLogging(s: EvaluatedSettings): boolean | { detached: string } | undefined {
  const b = s.bindings.get('LOGGING');
  if (!b) return mayBeSetDynamically(s) ? undefined : false;
  const values = b.unset.kind === 'unknown' ? b.alternatives?.unset : [b.unset];
  if (!values) return undefined;
  const answers = values.map((v): boolean | { detached: string } | undefined => {
    // a handler that ships records to a log pipeline, wherever it hangs: the project has one, and may route its
    // errors there by means the scan does not follow (CVAT's REST exception handler records each traceback as an
    // event its `vector` logger ships) — as before, it counts
    const handlers = dictGet(v, 'handlers');
    if (handlers && handlers.kind !== 'dict') return undefined;
    const defined = (handlers?.entries ?? []).map(([, h]: [string, Value]) => dictGet(h, 'class')).filter((c) => c?.kind === 'str' || c?.kind === 'prefix').map((c) => (c as { value: string }).value);
    if (defined.some((c) => REMOTE_HANDLER.test(c) && !/AdminEmailHandler$/.test(c))) return true;
    // which handlers the request errors reach matters only when one of those defined mails ADMINS
    const reached = requestHandlers(v, defined.some((c) => /AdminEmailHandler$/.test(c)) || defined.length < (handlers?.entries.length ?? 0));
    if (!reached) return undefined;
    const classes = reached.handlers.map((h) => dictGet(h, 'class'));
    if (classes.some((c) => c?.kind !== 'str' && c?.kind !== 'prefix')) return undefined;
    const names = classes.map((c) => (c as { value: string }).value);
    if (reached.defaultMail && !noDefaultLogging(s)) return false;
    // Django's AdminEmailHandler mails ADMINS: it reports only when ADMINS holds a real address (Archivematica's
    // storage service ships `your_email@example.com`)
    if (!names.some((c) => /AdminEmailHandler$/.test(c))) return { detached: reached.why || 'LOGGING_CONFIG is None, so Django configures no logging, not even its default `mail_admins`' };
    const admins = s.bindings.get('ADMINS');
    if (!admins) return mayBeSetDynamically(s) ? undefined : false;
    const mails = [admins.unset, admins.set].map((a) => (truthy(a) === false || placeholderAdmins(a) ? false : truthy(a) === undefined ? undefined : true));
    return mails.some((m) => m === true) ? true : mails.every((m) => m === false) ? false : undefined;
  });
  if (answers.every((a) => a === true)) return true;
  const detached = answers.filter((a): a is { detached: string } => typeof a === 'object');
  if (detached.length === answers.length) return detached[0];
  return answers.every((a) => a === false || typeof a === 'object') ? false : undefined;
}

/** The package that installs an agent's module, where its name is not the module's (PEP 503-normalised). */
const AGENT_PACKAGES: Record<string, string> = { elasticapm: 'elastic-apm', 'azure.monitor': 'azure-monitor', raygun4py: 'raygun4py', appenlight_client: 'appenlight-client', scout_apm: 'scout-apm' };

/** The agent modules a file imports, with the import node. */
function agentImports(ctx: ScanContext, f: SourceFile): Array<{ module: string; node: SyntaxNode }> {
  const re = new RegExp(`^(${AGENTS})\\b`);
  const out: Array<{ module: string; node: SyntaxNode }> = [];
  for (const n of ctx.workspace.tree(f).rootNode.descendantsOfType(['import_statement', 'import_from_statement'])) {
    const names = n.type === 'import_from_statement' ? [n.childForFieldName('module_name')] : n.childrenForFieldName('name');
    for (const name of names) {
      const dotted = name?.type === 'aliased_import' ? name.childForFieldName('name')?.text : name?.text;
      const m = dotted ? re.exec(dotted) : null;
      if (m) out.push({ module: m[1], node: n });
    }
  }
  return out;
}

/** Is the import in the body of a `try:` that catches its ImportError (`except ImportError`, `ModuleNotFoundError`, `Exception`, bare)? */
function optionalImport(node: SyntaxNode): boolean {
  for (let n: SyntaxNode | null = node; n?.parent; n = n.parent) {
    const parent: SyntaxNode = n.parent;
    if (parent.type === 'function_definition' || parent.type === 'class_definition') return false;
    if (parent.type === 'try_statement' && n.type === 'block' && parent.childForFieldName('body')?.id === n.id) {
      return parent.namedChildren.some((c) => c.type === 'except_clause' && (c.namedChildren.length === 1 || /\b(ImportError|ModuleNotFoundError|Exception|BaseException)\b/.test(c.namedChildren[0]?.text ?? '')));
    }
  }
  return false;
}

/**
 * A tracker the project imports only under `try: … except ImportError:` — the settings go on without it — while no
 * production dependency file declares its package and no deploy file installs it (gPodder's settings: `try: import
 * sentry_sdk … except (ImportError, ValueError): pass`, with sentry-sdk in no requirements file): it never loads, so
 * it reports nothing. What was found (for the message), or undefined when some agent import may load. `undecided`
 * when the project declares no dependencies at all, or a requirements include could not be read.
 */
function optionalAgentsMissing(ctx: ScanContext, project: ScannedProject, files: readonly SourceFile[]): { what: string } | { undecided: string } | undefined {
  const imports = files.filter((f) => IMPORT.test(f.text)).flatMap((f) => agentImports(ctx, f).map((i) => ({ ...i, file: f })));
  if (imports.length === 0 || !imports.every((i) => optionalImport(i.node))) return undefined;
  const packages = [...new Set(imports.map((i) => AGENT_PACKAGES[i.module] ?? normalizeName(i.module)))];
  const first = imports[0];
  const where = `${first.file.rel}:${first.node.startPosition.row + 1}`;
  const declared = requirements(ctx, project);
  const deploy = ctx.workspace.deployFiles().filter((f) => countsFor(ctx, project, f.rel));
  const installed = (pkg: string): boolean => {
    const name = pkg.replace(/-/g, '[-_.]');
    if (declared.some((r) => r.name === pkg || r.name.startsWith(`${pkg}-`))) return true;
    return deploy.some((f) => [...f.text.matchAll(/\bpip3?\b[^\n]*?\binstall\b([^\n]*)/g)].some(([, args]) => {
      if (new RegExp(`(^|[\\s"'])${name}\\b`, 'i').test(args)) return true;
      // `pip install -r sentry-requirements.txt` (openIMIS' Dockerfile, when a DSN is given): a requirements file
      // the deploy installs, whatever its name, read where the deploy file sits or at the root
      return [...args.matchAll(/(?:-r|--requirement)[=\s]*([\w./-]+)/g)].some(([, req]) =>
        [join(ctx.root, dirName(f.rel), req), join(ctx.root, req)].some((abs) => existsSync(abs) && new RegExp(`^\\s*${name}\\b`, 'im').test(readFileSync(abs, 'utf8'))));
    }));
  };
  if (packages.some(installed)) return undefined;
  if (declared.length === 0 || unreadableIncludes(ctx, project).length) {
    return { undecided: `${first.module} is imported only under try/except ImportError (${where}), and the project's dependencies could not all be read to tell whether ${packages.join(', ')} is installed` };
  }
  return { what: `${first.module} is imported only under try/except ImportError (${where}) and no dependency file of the project declares ${packages.join(', ')}, so it never loads` };
}

/** A call that hands an exception to someone: mail, a problem report, a notification, a capture, an alert. */
const REPORTING_CALL = /(^|[._])(send_?\w*mail\w*|mail_\w+|\w*report\w*|notify\w*|capture_\w+|alert\w*)$/i;

/**
 * A middleware of the project's own, in production's MIDDLEWARE as it ships (the unset world's list), whose
 * `process_exception` reports the exception — ocfweb's OcflibErrorMiddleware mails every unhandled exception's
 * traceback to the staff list through ocflib's `send_problem_report()`. What it is, or undefined. A
 * process_exception that only turns exceptions into responses reports nothing and does not count.
 */
function reportingMiddleware(ctx: ScanContext, s: EvaluatedSettings): string | undefined {
  const b = s.bindings.get('MIDDLEWARE');
  if (!b || b.unset.kind !== 'list') return undefined;
  const idx = PyIndex.of(ctx);
  for (const item of b.unset.items) {
    const path = strOf(item);
    const def = path ? idx.resolveDef(path, s.file) : undefined;
    if (def?.node.type !== 'class_definition') continue;
    const method = def.node.childForFieldName('body')?.namedChildren.find((n) => n.type === 'function_definition' && n.childForFieldName('name')?.text === 'process_exception');
    const call = method?.descendantsOfType('call').find((c) => REPORTING_CALL.test(dottedName(c.childForFieldName('function')) ?? ''));
    if (call) return `${path} (its process_exception calls ${dottedName(call.childForFieldName('function'))}())`;
  }
  return undefined;
}

/** Are Django's error emails on? ADMINS truthy (or not knowable) in some world, with a real address. */
function adminsMayBeSet(s: EvaluatedSettings): boolean {
  const b = s.bindings.get('ADMINS');
  if (!b) return mayBeSetDynamically(s); // set by code the scan cannot follow, maybe
  return [b.unset, b.set].some((v) => truthy(v) !== false && !placeholderAdmins(v));
}

/**
 * Domains reserved for examples (RFC 2606/6761) and the template's "your domain": no one reads mail sent there.
 * Not `localhost`: `root@localhost` is the host's own administrator mailbox, which Debian's mail aliases forward
 * (mailman3-web's packaged settings).
 */
const PLACEHOLDER_DOMAIN = /@([\w-]+\.)*(example\.(com|org|net)|example|test|invalid|your-?domain\.\w+|my-?domain\.\w+|domain\.(com|tld))$/i;

/**
 * ADMINS as a known list whose every address is a placeholder (Archivematica's storage service ships
 * `(("Your Name", "your_email@example.com"),)`): Django mails its tracebacks where no one reads them. The addresses,
 * or undefined when the value is not that.
 */
function placeholderAdmins(v: Value): string[] | undefined {
  const emails: string[] = [];
  const walkValue = (x: Value): boolean => {
    if (x.kind === 'list') return x.items.every(walkValue);
    if (x.kind === 'str') {
      if (x.value.includes('@')) emails.push(x.value);
      return true;
    }
    return false;
  };
  if (v.kind !== 'list' || !walkValue(v) || emails.length === 0) return undefined;
  return emails.every((e) => PLACEHOLDER_DOMAIN.test(e.trim())) ? emails : undefined;
}

/** The placeholder addresses ADMINS holds in some world (placeholderAdmins), or undefined. */
function adminsPlaceholders(s: EvaluatedSettings): string[] | undefined {
  const b = s.bindings.get('ADMINS');
  const found = b ? [b.unset, b.set].map(placeholderAdmins).find((p) => p) : undefined;
  return found && [...new Set(found)];
}

/** Why Django's error mails go nowhere when LOGGING took them away (remoteLogging's `detached`). */
function detachedPhrase(s: EvaluatedSettings, why: string): string {
  const b = s.bindings.get('LOGGING');
  const at = b ? ` (${b.location.file}:${b.location.line})` : '';
  return `LOGGING${at} leaves Django's request errors no handler that mails ADMINS or sends them anywhere — ${why} — so Django emails no tracebacks whatever ADMINS holds`;
}

function adminsPhrase(s: EvaluatedSettings): string {
  const b = s.bindings.get('ADMINS');
  if (!b) return 'is not set';
  const placeholders = adminsPlaceholders(s);
  return placeholders ? `holds only placeholder addresses (${placeholders.join(', ')}, ${b.location.file}:${b.location.line})` : 'is empty';
}

/** launch.W090: nothing reports production errors (no Sentry or other tracker/APM, no ADMINS). */
export default {
  meta: {
    id: 'launch.W090',
    name: 'no-error-monitoring',
    checklist: 'monitoring',
    level: 'warning',
    title: 'No error monitoring is configured for production',
    fix: 'Initialise an error tracker in production, e.g. sentry_sdk.init(dsn=os.environ["SENTRY_DSN"]) in the production settings (or set ADMINS so Django emails tracebacks).',
    securitySeverity: 3.0,
    precision: 'high',
    tags: ['security', 'external/cwe/cwe-778'],
  },
  check(ctx) {
    const hits: RuleHit[] = [];
    let projects = 0;
    let undecided: string | undefined;
    for (const project of ctx.projects) {
      const s = project.production;
      if (!s) continue;
      projects++;
      const remote = remoteLogging(s);
      // an agent's settings alone (`OPBEAT = {…}`, `ROLLBAR = {…}`) set nothing up: the agent loads through its app,
      // middleware or import, which DOTTED and IMPORT find (gPodder keeps an OPBEAT dict for a client it no longer installs)
      if (remote === true) continue;
      const py = productionPythonFiles(ctx, project);
      const optional = optionalAgentsMissing(ctx, project, py);
      if (py.some((f) => (!optional && IMPORT.test(f.text)) || DOTTED.test(f.text) || WRAPPER.test(f.text) || REQUEST_EXCEPTION_RECEIVER.test(f.text) || GCP_ERROR_REPORTING.test(f.text))) continue;
      const deploy = ctx.workspace
        .deployFiles()
        .filter((f) => countsFor(ctx, project, f.rel) && !inDevFolder(f.rel, ctx) && !isDevName(baseName(f.rel)) && !/^requirements/i.test(baseName(f.rel)));
      if (deploy.some((f) => WRAPPER.test(f.text) || IMPORT.test(f.text) || (f.rel.endsWith('.tf') && terraformErrorAlarm(f)))) continue;
      if (reportingMiddleware(ctx, s)) continue;
      if (optional && 'undecided' in optional) {
        undecided ??= `no error tracker is known to load: ${optional.undecided}`;
        continue;
      }
      if (remote === undefined) {
        const logging = s.bindings.get('LOGGING');
        const placeholders = adminsPlaceholders(s);
        const admins = s.bindings.get('ADMINS');
        undecided ??= logging && logging.unset.kind !== 'unknown' && admins && [admins.unset, admins.set].some((v) => truthy(v) === undefined)
          ? `no error tracker is set up; LOGGING in ${s.module} mails ADMINS (AdminEmailHandler), and whether ADMINS holds a real address cannot be known statically${placeholders ? ` (as it ships, only placeholders: ${placeholders.join(', ')})` : ''}`
          : `no error tracker is set up, and LOGGING in ${s.module} cannot be known statically (it may send errors somewhere)`;
        continue;
      }
      if (typeof remote !== 'object' && adminsMayBeSet(s)) {
        // No tracker anywhere; only ADMINS could report errors. Unknown ADMINS is not a pass.
        const b = s.bindings.get('ADMINS');
        if (!b || [b.unset, b.set].some((v) => truthy(v) === undefined)) undecided ??= `no error tracker is set up, and ADMINS in ${s.module} cannot be known statically`;
        continue;
      }
      hits.push({
        location: s.anchor,
        message: `Nothing reports errors from ${label(s)}: no sentry_sdk.init() or other error tracker/APM agent (Rollbar, New Relic, Datadog, Elastic APM, Bugsnag, Honeybadger, Scout, AppSignal, OpenTelemetry, Azure Monitor, Google Cloud Error Reporting) is set up in the project${optional && 'what' in optional ? ` (${optional.what})` : ''}, and ${typeof remote === 'object' ? detachedPhrase(s, remote.detached) : `ADMINS ${adminsPhrase(s)}, so Django emails no tracebacks either`}. Unhandled exceptions in production go unnoticed.`,
      });
    }
    if (projects === 0) return { hits, notApplicable: 'no production settings module was found' };
    return { hits, ...(undecided && hits.length === 0 ? { undecided } : {}) };
  },
} satisfies Rule;
