import type { Rule, RuleHit } from './rule';
import { forProduction, label, settingOff, bool, WORLDS, worldClause, type Value, type World } from './settings-util';

/**
 * launch.E111: SECURE_PROXY_SSL_HEADER that Django can never use. Django reads it as `header, value =
 * SECURE_PROXY_SSL_HEADER` and looks `header` up in request.META, where a request header `X-Forwarded-Proto`
 * is the key `HTTP_X_FORWARDED_PROTO` (CGI's form: `HTTP_`, upper case, `-` as `_`; gunicorn, uWSGI,
 * mod_wsgi and Django's ASGI handler all build it so). A name with a hyphen, or `HTTP_` in lower or mixed
 * case, is never such a key, so request.is_secure() never turns True through it; a value that is not two
 * items makes is_secure() raise ImproperlyConfigured. Only literal values are judged: a name without `HTTP_`
 * (`HTTPS`, `wsgi.url_scheme`) may be a variable the server sets, and is left alone.
 */
export default {
  meta: {
    id: 'launch.E111',
    name: 'proxy-ssl-header-malformed',
    checklist: 'security-settings',
    level: 'error',
    title: 'SECURE_PROXY_SSL_HEADER names a request.META key that never exists, or is not a (header, value) pair',
    fix: 'Write the header as its request.META key: SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") for the X-Forwarded-Proto header — "HTTP_", upper case, "-" as "_".',
    securitySeverity: 0,
    precision: 'very-high',
    tags: ['reliability'],
  },
  check(ctx) {
    return forProduction(ctx, (s) => {
      const b = s.bindings.get('SECURE_PROXY_SSL_HEADER');
      if (!b) return [];
      const hits: RuleHit[] = [];
      const byProblem = new Map<string, { problem: Problem; worlds: World[] }>();
      for (const w of WORLDS) {
        const problem = malformed(w === 'unset' ? b.unset : b.set);
        if (problem) byProblem.set(problem.text, { problem, worlds: [...(byProblem.get(problem.text)?.worlds ?? []), w] });
      }
      for (const { problem, worlds } of byProblem.values()) {
        const redirects = worlds.some((w) => settingOff(s, 'SECURE_SSL_REDIRECT', w, bool(false)) === false);
        const breaks = problem.unpacks === false
          ? 'request.is_secure() raises ImproperlyConfigured wherever it is asked (the SSL redirect, CSRF on a form post, build_absolute_uri()), a server error for that request'
          : `request.is_secure() never becomes True through it: behind a TLS-terminating proxy Django takes every HTTPS request for plain HTTP${redirects ? ', so SECURE_SSL_REDIRECT redirects it to HTTPS forever' : ''}, CSRF's origin check rejects HTTPS form posts from browsers that send Origin (unless CSRF_TRUSTED_ORIGINS lists the site), and build_absolute_uri() makes http:// links`;
        hits.push({
          location: b.location,
          message: `SECURE_PROXY_SSL_HEADER in ${label(s)} ${problem.text}${worldClause(ctx, worlds, [b])}: ${breaks}.`,
        });
      }
      return hits;
    });
  },
} satisfies Rule;

interface Problem {
  text: string;
  /** false: Django's `header, value = SECURE_PROXY_SSL_HEADER` fails */
  unpacks: boolean;
}

/**
 * What is wrong with a known value, or undefined when it is right or not known. An empty value is Django's
 * "not set" (`if settings.SECURE_PROXY_SSL_HEADER:`), not a mistake.
 */
function malformed(v: Value): Problem | undefined {
  if (v.kind === 'str') return v.value.length === 0 || v.value.length === 2 ? undefined : { text: `is the string "${v.value}", not a (header, value) pair`, unpacks: false };
  if (v.kind !== 'list' || v.items.length === 0) return undefined;
  if (v.items.length !== 2) return { text: `is not a (header, value) pair: it has ${v.items.length} item${v.items.length === 1 ? '' : 's'}`, unpacks: false };
  const name = v.items[0];
  if (name.kind !== 'str') return undefined;
  const meta = `HTTP_${name.value.replace(/^http[-_]/i, '').toUpperCase().replace(/-/g, '_')}`;
  if (name.value.includes('-')) return { text: `names "${name.value}", the header as a client writes it, which request.META only has as "${meta}"`, unpacks: true };
  if (/^http_/i.test(name.value) && name.value !== name.value.toUpperCase()) return { text: `names "${name.value}", which request.META only has in upper case, "${meta}"`, unpacks: true };
  return undefined;
}
