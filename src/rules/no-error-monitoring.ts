import type { Rule, RuleHit } from './rule';
import type { ScanContext } from '../project/scan';
import { PyIndex } from '../project/modules';
import { dottedName } from '../project/python';
import { terraformErrorAlarm } from '../project/terraform';
import { baseName, countsFor, inDevFolder, isDevName, productionPythonFiles } from './code-util';
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
/** Settings that configure an agent. */
const AGENT_SETTINGS = ['ROLLBAR', 'ELASTIC_APM', 'BUGSNAG', 'HONEYBADGER', 'RAVEN_CONFIG', 'OPBEAT', 'AIRBRAKE', 'APPSIGNAL', 'SCOUT_KEY', 'SCOUT_MONITOR', 'NEW_RELIC_CONFIG_FILE'];

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
 * Does the production LOGGING (unset world: what ships) have a handler that sends records off the machine?
 * undefined when LOGGING cannot be known (every value it may take is asked when they are known lists).
 */
function remoteLogging(s: EvaluatedSettings): boolean | undefined {
  const b = s.bindings.get('LOGGING');
  if (!b) return mayBeSetDynamically(s) ? undefined : false;
  const values = b.unset.kind === 'unknown' ? b.alternatives?.unset : [b.unset];
  if (!values) return undefined;
  const answers = values.map((v) => {
    const handlers = dictGet(v, 'handlers');
    if (!handlers) return false;
    if (handlers.kind !== 'dict') return undefined;
    const classes = handlers.entries.map(([, h]: [string, Value]) => dictGet(h, 'class')).filter((c) => c?.kind === 'str' || c?.kind === 'prefix').map((c) => (c as { value: string }).value);
    if (classes.some((c) => REMOTE_HANDLER.test(c) && !/AdminEmailHandler$/.test(c))) return true;
    // Django's AdminEmailHandler mails ADMINS: it reports only when ADMINS holds a real address (Archivematica's
    // storage service ships `your_email@example.com`)
    if (!classes.some((c) => /AdminEmailHandler$/.test(c))) return false;
    const admins = s.bindings.get('ADMINS');
    if (!admins) return mayBeSetDynamically(s) ? undefined : false;
    const mails = [admins.unset, admins.set].map((a) => (truthy(a) === false || placeholderAdmins(a) ? false : truthy(a) === undefined ? undefined : true));
    return mails.some((m) => m === true) ? true : mails.every((m) => m === false) ? false : undefined;
  });
  return answers.every((a) => a === true) ? true : answers.every((a) => a === false) ? false : undefined;
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
      if (AGENT_SETTINGS.some((n) => s.bindings.has(n)) || remote === true) continue;
      const py = productionPythonFiles(ctx, project);
      if (py.some((f) => IMPORT.test(f.text) || DOTTED.test(f.text) || WRAPPER.test(f.text) || REQUEST_EXCEPTION_RECEIVER.test(f.text) || GCP_ERROR_REPORTING.test(f.text))) continue;
      const deploy = ctx.workspace
        .deployFiles()
        .filter((f) => countsFor(ctx, project, f.rel) && !inDevFolder(f.rel, ctx) && !isDevName(baseName(f.rel)) && !/^requirements/i.test(baseName(f.rel)));
      if (deploy.some((f) => WRAPPER.test(f.text) || IMPORT.test(f.text) || (f.rel.endsWith('.tf') && terraformErrorAlarm(f)))) continue;
      if (reportingMiddleware(ctx, s)) continue;
      if (remote === undefined) {
        const logging = s.bindings.get('LOGGING');
        const placeholders = adminsPlaceholders(s);
        undecided ??= logging && logging.unset.kind !== 'unknown' && s.bindings.has('ADMINS')
          ? `no error tracker is set up; LOGGING in ${s.module} mails ADMINS (AdminEmailHandler), and whether ADMINS holds a real address cannot be known statically${placeholders ? ` (as it ships, only placeholders: ${placeholders.join(', ')})` : ''}`
          : `no error tracker is set up, and LOGGING in ${s.module} cannot be known statically (it may send errors somewhere)`;
        continue;
      }
      if (adminsMayBeSet(s)) {
        // No tracker anywhere; only ADMINS could report errors. Unknown ADMINS is not a pass.
        const b = s.bindings.get('ADMINS');
        if (!b || [b.unset, b.set].some((v) => truthy(v) === undefined)) undecided ??= `no error tracker is set up, and ADMINS in ${s.module} cannot be known statically`;
        continue;
      }
      hits.push({
        location: s.anchor,
        message: `Nothing reports errors from ${label(s)}: no sentry_sdk.init() or other error tracker/APM agent (Rollbar, New Relic, Datadog, Elastic APM, Bugsnag, Honeybadger, Scout, AppSignal, OpenTelemetry, Azure Monitor, Google Cloud Error Reporting) is set up in the project, and ADMINS ${adminsPhrase(s)}, so Django emails no tracebacks either. Unhandled exceptions in production go unnoticed.`,
      });
    }
    if (projects === 0) return { hits, notApplicable: 'no production settings module was found' };
    return { hits, ...(undecided && hits.length === 0 ? { undecided } : {}) };
  },
} satisfies Rule;
