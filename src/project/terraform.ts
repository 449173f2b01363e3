/**
 * What Terraform in the repository says the hosting platform does with plain HTTP: the platform redirects it to
 * HTTPS before it reaches Django, as nginx's `return 301 https://…` would (launch.W104). Four switches of the
 * big clouds' providers:
 * - `azurerm_container_app`: `ingress { allow_insecure_connections = false }` — Azure redirects HTTP to HTTPS
 *   (round ten's Cal-ITP benefits);
 * - `azurerm_linux_web_app` / `azurerm_windows_web_app` / `azurerm_app_service`: `https_only = true`;
 * - `aws_lb_listener` (`aws_alb_listener`): a `redirect { protocol = "HTTPS" }` action;
 * - `google_compute_url_map`: `https_redirect = true`;
 * - `aws_cloudfront_distribution` in front of an app: every cache behaviour's `viewer_protocol_policy` redirects
 *   (cloudFrontRedirects);
 * - and, across the files, AWS load balancer listeners for HTTPS only (terraformHttpsOnly): no plain HTTP reaches Django.
 *
 * And error alerting for launch.W090: a CloudWatch log metric filter on errors with an alarm that has actions.
 *
 * Read by hand: HashiCorp's parser on npm, @cdktf/hcl2json, is Go compiled to WebAssembly — 1.7 MB gzipped, and
 * asynchronous where the rules are not — for four attributes; the others are unmaintained. What is read is only which
 * top-level `resource "TYPE" "NAME" {` block a line belongs to, by brace depth outside strings and comments,
 * and the attribute on that line; a value that is an expression (`var.https_only`) is not a literal and counts
 * for nothing.
 */
import type { ProxyFact } from './proxy';

interface Line {
  line: number;
  text: string;
  /** the resource block the line is in: its type, or undefined outside any */
  resource?: string;
  /** which top-level block the line is in (its order in the file), and that block's keyword (`resource`, `locals`) */
  top?: { index: number; keyword: string };
  /** nested block names from the resource down (`ingress`, `default_action`, `redirect`) */
  blocks: string[];
}

/** The lines of an HCL file with the blocks they are in (strings and comments — `#`, `//`, block comments — skipped for braces). */
function hclLines(text: string): Line[] {
  const out: Line[] = [];
  const stack: string[] = [];
  let resource: string | undefined;
  let top: { index: number; keyword: string } | undefined;
  let tops = 0;
  let inBlockComment = false;
  text.split('\n').forEach((raw, i) => {
    let code = '';
    let inString = false;
    for (let j = 0; j < raw.length; j++) {
      const c = raw[j];
      if (inBlockComment) {
        if (c === '*' && raw[j + 1] === '/') {
          inBlockComment = false;
          j++;
        }
        continue;
      }
      if (inString) {
        if (c === '\\') j++;
        else if (c === '"') inString = false;
        code += c === '{' || c === '}' ? ' ' : c;
        continue;
      }
      if (c === '"') inString = true;
      else if (c === '#' || (c === '/' && raw[j + 1] === '/')) break;
      else if (c === '/' && raw[j + 1] === '*') {
        inBlockComment = true;
        j++;
        continue;
      }
      code += c;
    }
    out.push({ line: i + 1, text: code, ...(resource !== undefined ? { resource } : {}), ...(top ? { top } : {}), blocks: stack.slice(1) });
    for (const m of code.matchAll(/([{}])/g)) {
      if (m[1] === '{') {
        const head = code.slice(0, m.index).trim();
        if (stack.length === 0) {
          const r = /^resource\s+"([\w-]+)"/.exec(head);
          resource = r?.[1];
          top = { index: tops++, keyword: /^([\w-]+)/.exec(head)?.[1] ?? '' };
        }
        stack.push(/([\w-]+)(?:\s+"[^"]*")*\s*=?\s*$/.exec(head)?.[1] ?? '');
      } else {
        stack.pop();
        if (stack.length === 0) {
          resource = undefined;
          top = undefined;
        }
      }
    }
  });
  return out;
}

const APP_SERVICE = /^azurerm_(linux_web_app|windows_web_app|app_service|linux_web_app_slot|windows_web_app_slot)$/;

/** The HTTPS redirects a Terraform file declares (see the module comment). */
export function terraformRedirects(file: { rel: string; text: string }): ProxyFact[] {
  if (!/allow_insecure_connections|https_only|https_redirect|HTTPS|viewer_protocol_policy/.test(file.text)) return [];
  const out: ProxyFact[] = [];
  const at = (l: Line) => ({ file: file.rel, line: l.line });
  const lines = hclLines(file.text);
  out.push(...cloudFrontRedirects(file.rel, lines));
  for (const l of lines) {
    const t = l.text.trim();
    if (l.resource === 'azurerm_container_app' && l.blocks.at(-1) === 'ingress' && /^allow_insecure_connections\s*=\s*false$/.test(t)) {
      out.push({ location: at(l), what: 'Azure Container Apps ingress with allow_insecure_connections = false (Azure redirects HTTP to HTTPS)' });
    } else if (l.resource && APP_SERVICE.test(l.resource) && l.blocks.length === 0 && /^https_only\s*=\s*true$/.test(t)) {
      out.push({ location: at(l), what: `Azure App Service ${l.resource} with https_only = true (Azure redirects HTTP to HTTPS)` });
    } else if ((l.resource === 'aws_lb_listener' || l.resource === 'aws_alb_listener') && l.blocks.at(-1) === 'redirect' && /^protocol\s*=\s*"HTTPS"$/.test(t)) {
      out.push({ location: at(l), what: 'AWS load balancer listener whose action redirects to HTTPS' });
    } else if (l.resource === 'google_compute_url_map' && /^https_redirect\s*=\s*true$/.test(t)) {
      out.push({ location: at(l), what: 'Google Cloud URL map with https_redirect = true' });
    }
  }
  return out;
}

/**
 * An `aws_cloudfront_distribution` in front of an app — an origin with `custom_origin_config` (a load balancer or a
 * server, not only S3 buckets: a CDN for static files and uploads says nothing of the app) — whose every cache
 * behaviour, default and ordered (dynamic ones included), has a literal `viewer_protocol_policy` of
 * `redirect-to-https` or `https-only`: CloudFront answers plain HTTP with a redirect (or refuses it) on every route
 * (Open Supply Hub's cdn.tf, whose load balancer takes only CloudFront's requests).
 */
function cloudFrontRedirects(rel: string, lines: readonly Line[]): ProxyFact[] {
  const byResource = new Map<number, { head: number; customOrigin: boolean; policies: string[] }>();
  for (const l of lines) {
    if (l.resource !== 'aws_cloudfront_distribution' || !l.top) continue;
    let d = byResource.get(l.top.index);
    if (!d) byResource.set(l.top.index, (d = { head: l.line, customOrigin: false, policies: [] }));
    if (l.blocks.includes('custom_origin_config')) d.customOrigin = true;
    const m = /^viewer_protocol_policy\s*=\s*(.+)$/.exec(l.text.trim());
    if (m) d.policies.push(/^"([\w-]+)"$/.exec(m[1].trim())?.[1] ?? '(expression)');
  }
  return [...byResource.values()]
    .filter((d) => d.customOrigin && d.policies.length > 0 && d.policies.every((p) => p === 'redirect-to-https' || p === 'https-only'))
    .map((d) => ({ location: { file: rel, line: d.head }, what: 'AWS CloudFront distribution whose every cache behaviour redirects HTTP to HTTPS (viewer_protocol_policy)' }));
}

/** An AWS load balancer listener of a Terraform file: its protocol (a literal, upper-cased; undefined for an expression or none) and where it starts. */
export interface LbListener {
  location: { file: string; line: number };
  protocol?: string;
  literalProtocol: boolean;
}

/** The `aws_lb_listener` / `aws_alb_listener` resources of a file (terraformHttpsOnly judges them together). */
export function terraformListeners(file: { rel: string; text: string }): LbListener[] {
  if (!/aws_a?lb_listener/.test(file.text)) return [];
  const out = new Map<number, LbListener>();
  let head = 0; // the `resource "aws_lb_listener" … {` line: it opens the block, so it is not inside it
  for (const l of hclLines(file.text)) {
    if (/^\s*resource\s+"aws_a?lb_listener"/.test(l.text)) head = l.line;
    if ((l.resource !== 'aws_lb_listener' && l.resource !== 'aws_alb_listener') || !l.top) continue;
    let entry = out.get(l.top.index);
    if (!entry) out.set(l.top.index, (entry = { location: { file: file.rel, line: head || l.line }, literalProtocol: true }));
    const m = /^protocol\s*=\s*(.+)$/.exec(l.text.trim());
    if (m && l.blocks.length === 0) {
      const lit = /^"([A-Za-z_]+)"$/.exec(m[1].trim());
      entry.protocol = lit?.[1].toUpperCase();
      entry.literalProtocol = !!lit;
    }
  }
  return [...out.values()];
}

/**
 * The repository's Terraform gives its AWS load balancers HTTPS (or TLS) listeners only — no listener for plain HTTP
 * anywhere, and none whose protocol is an expression or left to the default (HTTP): a plain-HTTP request never
 * reaches Django (CMS Blue Button's ALB listens on 443 alone). The fact, or undefined.
 */
export function terraformHttpsOnly(listeners: readonly LbListener[]): ProxyFact | undefined {
  if (listeners.length === 0 || !listeners.every((l) => l.literalProtocol && (l.protocol === 'HTTPS' || l.protocol === 'TLS'))) return undefined;
  return { location: listeners[0].location, what: 'AWS load balancer listeners for HTTPS only in the Terraform (no plain-HTTP listener: plain HTTP never reaches Django)' };
}

/**
 * Persistent shares Terraform mounts into an Azure Container App: a `volume` of storage type `AzureFile` (or
 * `NfsAzureFile`; not `EmptyDir`) and the container's `volume_mounts { path = … }` — a literal, or a `local.`
 * value a `locals` block of the same folder gives literally (Cal-ITP benefits mounts its file share where
 * MEDIA_ROOT points). Files written there outlive the container (launch.W070).
 */
export function terraformDataMounts(
  files: ReadonlyArray<{ rel: string; text: string }>,
  /** where `locals` are looked up (every .tf file: `locals.tf` is named like a development file, and is not one) */
  all: ReadonlyArray<{ rel: string; text: string }> = files,
): Array<{ file: string; line: number; target: string }> {
  const out: Array<{ file: string; line: number; target: string }> = [];
  const parsed = files.filter((f) => f.rel.endsWith('.tf')).map((f) => ({ f, lines: hclLines(f.text) }));
  const dirOf = (rel: string) => rel.slice(0, Math.max(0, rel.lastIndexOf('/')));
  const locals = new Map<string, string>();
  for (const { f, lines } of all.filter((x) => x.rel.endsWith('.tf') && x.text.includes('locals')).map((x) => ({ f: x, lines: hclLines(x.text) }))) {
    for (const l of lines) {
      const m = l.top?.keyword === 'locals' && l.blocks.length === 0 ? /^\s*([\w-]+)\s*=\s*"([^"$]*)"\s*$/.exec(l.text) : null;
      if (m) locals.set(`${dirOf(f.rel)}:${m[1]}`, m[2]);
    }
  }
  for (const { f, lines } of parsed) {
    if (!f.text.includes('volume_mounts')) continue;
    const apps = new Map<number, Line[]>();
    for (const l of lines) if (l.resource === 'azurerm_container_app' && l.top) apps.set(l.top.index, [...(apps.get(l.top.index) ?? []), l]);
    for (const app of apps.values()) {
      const persistent = app.some((l) => l.blocks.at(-1) === 'volume' && /^\s*storage_type\s*=\s*"(AzureFile|NfsAzureFile)"\s*$/.test(l.text));
      if (!persistent) continue;
      for (const l of app) {
        const m = l.blocks.at(-1) === 'volume_mounts' ? /^\s*path\s*=\s*(?:"([^"$]+)"|local\.([\w-]+))\s*$/.exec(l.text) : null;
        const target = m ? m[1] ?? locals.get(`${dirOf(f.rel)}:${m[2]}`) : undefined;
        if (target) out.push({ file: f.rel, line: l.line, target });
      }
    }
  }
  return out;
}

/** A log metric filter pattern that counts errors: an error/exception/traceback/critical word, or a 5xx status. */
const ERROR_PATTERN = /error|exception|traceback|critical|fatal|\b5\d\d\b|\\?" ?5\\?"|HTTP\/1\.1 5/i;

/**
 * Error alerting declared in Terraform (launch.W090): an `aws_cloudwatch_log_metric_filter` whose `pattern` counts
 * error lines or 5xx responses in the app's logs, and an `aws_cloudwatch_metric_alarm` on that filter's metric
 * (`metric_name = aws_cloudwatch_log_metric_filter.NAME.name`, or the filter's literal name) with `alarm_actions`
 * — someone is told when the app logs an error (the COVID Alert portal's alarms post to Slack through SNS). What
 * it is (`file:line`), or undefined. A filter no alarm with actions watches tells no one, and does not count.
 */
export function terraformErrorAlarm(file: { rel: string; text: string }): string | undefined {
  if (!file.text.includes('aws_cloudwatch_log_metric_filter') || !file.text.includes('aws_cloudwatch_metric_alarm')) return undefined;
  const blocks = new Map<number, Line[]>();
  for (const l of hclLines(file.text)) if (l.top) blocks.set(l.top.index, [...(blocks.get(l.top.index) ?? []), l]);
  const filters: Array<{ name: string; metric?: string; line: number }> = [];
  const alarms: Array<{ metric: string; line: number }> = [];
  const text = file.text.split('\n');
  for (const lines of blocks.values()) {
    // a block's own `resource "TYPE" "NAME" {` line comes before the first line hclLines puts in it
    const head = /^\s*resource\s+"([\w-]+)"\s+"([\w-]+)"/.exec(text[lines[0].line - 2] ?? '');
    if (!head) continue;
    // the attribute values as written on the original lines (hclLines keeps strings' text, blanks their braces)
    const attr = (key: string) => lines.find((l) => l.blocks.length === 0 && new RegExp(`^\\s*${key}\\s*=`).test(l.text));
    const raw = (l: Line | undefined) => (l ? text[l.line - 1].replace(/^[^=]*=\s*/, '').trim() : undefined);
    if (head[1] === 'aws_cloudwatch_log_metric_filter') {
      const pattern = attr('pattern');
      if (!pattern || !ERROR_PATTERN.test(raw(pattern) ?? '')) continue;
      const name = raw(attr('name'));
      filters.push({ name: head[2], ...(name && /^"[^"]+"$/.test(name) ? { metric: name.slice(1, -1) } : {}), line: pattern.line });
    } else if (head[1] === 'aws_cloudwatch_metric_alarm') {
      const actions = raw(attr('alarm_actions'));
      const metric = raw(attr('metric_name'));
      if (actions && !/^\[\s*\]$/.test(actions) && metric) alarms.push({ metric, line: lines[0].line - 1 });
    }
  }
  for (const f of filters) {
    const alarm = alarms.find((a) => a.metric.startsWith(`aws_cloudwatch_log_metric_filter.${f.name}.`) || (f.metric !== undefined && a.metric === `"${f.metric}"`));
    if (alarm) return `${file.rel}:${f.line} (a CloudWatch log metric filter on errors, alarmed at line ${alarm.line} with alarm_actions)`;
  }
  return undefined;
}
