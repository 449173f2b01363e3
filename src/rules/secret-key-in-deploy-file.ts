import { isEnvFileName, productionEnvironment } from '../project/manifests';
import { belongsTo } from '../project/production';
import { isLoopbackHost } from '../project/proxy';
import { isReference, looksSecret } from '../project/secret-values';
import type { Rule, RuleHit } from './rule';
import { envVarNames, forProduction, label } from './settings-util';

const KIND_NAMES: Record<string, string> = {
  compose: 'compose file',
  dockerfile: 'Dockerfile',
  'env-file': 'env file',
  kubernetes: 'Kubernetes manifest',
  systemd: 'systemd unit',
  script: 'start script',
};

/**
 * launch.E038: the production settings read SECRET_KEY from an environment variable, and a deploy file the
 * scan takes as production's (not a dev/test/example one) gives that variable a value written in the file — an
 * env file, a compose `environment:` entry or `${VAR:-default}`, a Dockerfile ENV, a Kubernetes `value:`, a
 * systemd `Environment=`. Every deployment made from the file signs with a key anyone who can read the
 * repository knows. Only the variables SECRET_KEY is read from count (not LIVE_SERVER_SECRET_KEY); a value the
 * file does not hold (`${SECRET_KEY}`, a secretKeyRef, `generateValue`) is fine; the value is never shown.
 * Precision first, as the history gate's detector: only a value that looks like a real key counts; a placeholder
 * (`CHANGE_ME` in a Helm chart's values, `change-me-in-production`) makes the rule undecided (the item not
 * checked, never passed). Not a file that also turns on the variable DEBUG is read from (`DEBUG=1`): that file runs
 * a development or demo setup, not production.
 */
export default {
  meta: {
    id: 'launch.E038',
    name: 'secret-key-in-deploy-file',
    checklist: 'secret-key',
    level: 'error',
    title: "A production deploy file sets SECRET_KEY's environment variable to a value written in the file",
    fix: "Remove the value from the file and provide the variable from a secret store or the platform's secrets (compose: ${DJANGO_SECRET_KEY:?set it}; Kubernetes: a Secret and secretKeyRef), then rotate the key.",
    securitySeverity: 8.8,
    precision: 'high',
    tags: ['security', 'external/cwe/cwe-798', 'external/cwe/cwe-321'],
    settings: ['SECRET_KEY'],
  },
  check(ctx) {
    const environment = ctx.environment ?? productionEnvironment(ctx.workspace);
    const roots = ctx.projects.map((p) => p.root);
    // A placeholder (`change-me-in-production` in doccano's image ENV, a Helm chart's CHANGE_ME) is meant to be
    // replaced, and most such files are development or demo setups the scan cannot tell from production's (seven
    // of eight in round 26): not reported — but the item is not checked, never passed, since a deployment that
    // keeps it signs with a value everyone knows.
    let placeholder: string | undefined;
    const result = forProduction(ctx, (s, project) => {
      const b = s.bindings.get('SECRET_KEY');
      if (!b) return [];
      const names = new Set(envVarNames(ctx, [b]));
      if (names.size === 0) return [];
      const debugNames = new Set(envVarNames(ctx, [s.bindings.get('DEBUG')]));
      const debugOn = new Set(environment.filter((e) => debugNames.has(e.name) && /^(1|true|yes|on)$/i.test(e.value?.trim() ?? '')).map((e) => e.file));
      // One finding per file and value: the same key repeated for each service of a compose file (DefectDojo's
      // uwsgi, celerybeat, celeryworker, initializer) is one key to rotate, its other lines named in the message.
      const groups = new Map<string, Array<(typeof environment)[number]>>();
      for (const e of environment) {
        if (!names.has(e.name) || e.dev || !e.value?.trim() || isReference(e.value) || debugOn.has(e.file)) continue;
        if (!belongsTo({ dir: project.root, roots }, e.file)) continue;
        if (!looksSecret(e.value)) {
          placeholder ??= `the ${fileNoun(e.file, e.kind)} gives ${e.name} — the variable SECRET_KEY in ${s.module} is read from — a placeholder (${e.file}:${e.line}): whether every deployment replaces it cannot be known from the repository`;
          continue;
        }
        const key = `${e.file}\0${e.name}\0${e.value}`;
        const g = groups.get(key) ?? [];
        if (!g.some((x) => x.line === e.line)) g.push(e);
        groups.set(key, g);
      }
      // A file that gives ALLOWED_HOSTS' variable only local names (`app localhost`) runs a stack no public domain
      // reaches — a "prod-like" CI or local run of the production image (Secure the News, the Press Freedom Tracker)
      const hostNames = new Set(envVarNames(ctx, [s.bindings.get('ALLOWED_HOSTS')]));
      const localOnly = new Map<string, string>();
      for (const e of environment) if (hostNames.has(e.name) && e.value && localHosts(e.value)) localOnly.set(e.file, `${e.name}=${e.value.trim()}`);
      const hits: RuleHit[] = [];
      for (const g of groups.values()) {
        const [e, ...more] = g.sort((a, b) => a.line - b.line);
        const also = more.length ? ` (the same value again on line${more.length > 1 ? 's' : ''} ${more.map((x) => x.line).join(', ')})` : '';
        const local = localOnly.get(e.file);
        hits.push({
          location: { file: e.file, line: e.line },
          message: `The ${fileNoun(e.file, e.kind)} gives ${e.name} — the variable SECRET_KEY in ${label(s)} is read from — a value written in the file (${e.value!.length} characters)${also}${
            local
              ? ` — a note: the same file sets ${local}, local names only, so no public domain reaches what it runs (a local or CI run of the production setup); make sure no deployment uses the file or its key.`
              : ': every deployment made from it signs sessions, password-reset links and signed cookies with a key anyone who can read the repository knows. Rotate it.'
          }`,
          ...(local ? { level: 'note' as const } : {}),
        });
      }
      return hits;
    });
    return result.hits.length === 0 && placeholder ? { ...result, undecided: placeholder } : result;
  },
} satisfies Rule;

/** The file and what it is, for the message: an env file is one whichever manifest loads it (a compose env_file). */
/** `app localhost`, `127.0.0.1,web`: hosts no public request names — loopback, or a single label (a compose service). */
function localHosts(value: string): boolean {
  const hosts = value.split(/[\s,]+/).filter(Boolean);
  return hosts.length > 0 && hosts.every((h) => isLoopbackHost(h) || h === '0.0.0.0' || /^[A-Za-z0-9_-]+$/.test(h));
}

function fileNoun(file: string, kind: string): string {
  if (isEnvFileName(file.slice(file.lastIndexOf('/') + 1).toLowerCase())) return `env file ${file}${kind === 'compose' ? ' (loaded by a compose service)' : ''}`;
  return `${KIND_NAMES[kind] ?? kind} ${file}`;
}
