/**
 * Persistent storage the production deploy files give the app: a named volume or a host data directory
 * mounted into an app service of a compose file, a PersistentVolumeClaim mounted in a Kubernetes/Helm
 * manifest, an Azure file share Terraform mounts into a Container App, or a VOLUME a production Dockerfile declares, at a data-like path (`/app/media`, `/home/django/data`, `/srv/uploads`). Files written there
 * outlive the container. Part of the project model (see model.ts).
 */
import { isMap, isScalar, isSeq, type Node as YamlNode } from 'yaml';
import type { Location } from '../finding';
import type { ScanContext, ScannedProject } from './scan';
import { baseName, perProject } from './files';
import { composeServices, dockerInstructions, isComposeFile, lineAt, productionDeployFile, runsDevSetup } from './deploy-commands';
import { manifestKind } from './manifests';
import { terraformDataMounts } from './terraform';

export interface DataMount {
  location: Location;
  /** The path inside the container. */
  target: string;
  /** A named compose volume, a host directory, a Kubernetes PersistentVolumeClaim, or a Dockerfile VOLUME. */
  kind: 'volume' | 'host-directory' | 'pvc' | 'image-volume';
}

/** Paths where an app keeps user files. Not static files (collected at build time), not code. */
const DATA_PATH = /(^|\/)(media|media_?files|uploads?|user_?files|files|data|storage|attachments)(\/|$)/i;

/** Images of services that are not the Django app: their data volumes are theirs. */
const INFRA_IMAGE = /(^|\/)(postgres|postgis|mysql|mariadb|redis|valkey|keydb|memcached|nginx|traefik|caddy|haproxy|envoy|rabbitmq|minio|elasticsearch|opensearch|clickhouse|mongo|kafka|zookeeper|grafana|prometheus|loki|localstack|mailhog|mailpit|smtp|clamav|rabbitmq|vector|fluent|certbot|pgbouncer|pgadmin|adminer)([:@/]|$)/i;

/**
 * Where database, cache and broker images keep their data (`/var/lib/postgresql/data`): a volume there is the
 * service's own, whatever its image is called (the Open Energy Platform's `oeplatform-postgres`).
 */
const INFRA_DATA_PATH = /^\/var\/lib\/(postgresql|pgsql|mysql|mariadb|redis|rabbitmq|elasticsearch|opensearch|clickhouse|mongodb|influxdb|minio)(\/|$)/;

/** Toolchain and bare OS images: what a service runs over the source tree is a build or a shell, not the app. */
const TOOL_IMAGE = /^(?:[\w.-]+\/)*(node|npm|yarn|bun|deno|alpine|busybox|ubuntu|debian|golang|rust|ruby|php|openjdk|maven|gradle|curlimages\/curl)(:[\w.-]+)?$/i;

/** The project source mounted over the image (`.:/app`): the live-reload pattern, not data. */
const SOURCE_MOUNT = /^\.{1,2}\/?$/;

const cache = new WeakMap<ScanContext, Map<string, DataMount[]>>();

export function persistentDataMounts(ctx: ScanContext, project?: ScannedProject): DataMount[] {
  return perProject(cache, ctx, project, () => findMounts(ctx, project));
}

function findMounts(ctx: ScanContext, project: ScannedProject | undefined): DataMount[] {
  const out: DataMount[] = [];
  const production = ctx.workspace.deployFiles().filter((f) => productionDeployFile(ctx, project, f));
  for (const m of terraformDataMounts(production, ctx.workspace.deployFiles())) if (DATA_PATH.test(m.target)) out.push({ location: { file: m.file, line: m.line }, target: m.target, kind: 'volume' });
  for (const f of production) {
    const name = baseName(f.rel).toLowerCase();
    if (isComposeFile(name)) {
      for (const svc of composeServices(f)) {
        if (svc.devOnly || !isMap(svc.node)) continue;
        const image = svc.node.get('image', true);
        if (isScalar(image) && INFRA_IMAGE.test(String(image.value)) && !svc.node.has('build')) continue;
        const volumes = svc.node.get('volumes', true) as unknown;
        if (!isSeq(volumes)) continue;
        // A published image run over the host's checkout (`image: mediacms/mediacms`, `- ./:/home/mediacms.io/mediacms/`,
        // no build, no dev server): that checkout is the install directory, and MEDIA_ROOT inside it lives on the host.
        // Not a toolchain image over it (manage.get.gov's `image: node` building the front end), nor a service only a
        // compose profile starts (its `owasp-scan` ZAP run over the source).
        const install = !svc.node.has('build') && !svc.node.has('profiles') && isScalar(image) && !TOOL_IMAGE.test(String(image.value)) && !runsDevSetup(svc.node, svc.doc);
        for (const v of volumes.items as YamlNode[]) {
          const m = mountOf(v);
          if (!m || (SOURCE_MOUNT.test(m.source) ? !install : !DATA_PATH.test(m.target) || INFRA_DATA_PATH.test(m.target))) continue;
          const kind = /^[\w.-]+$/.test(m.source) && !m.source.startsWith('.') ? 'volume' : 'host-directory';
          out.push({ location: { file: f.rel, line: v.range ? lineAt(f.text, v.range[0]) : 1 }, target: m.target, kind });
        }
      }
    } else if (manifestKind(f) === 'dockerfile') {
      // `VOLUME /opt/jumpserver/data`: the image declares the folder storage that outlives the container, which
      // whoever runs it mounts (compose keeps even an anonymous one across re-creation).
      for (const ins of dockerInstructions(f.text)) {
        if (ins.keyword !== 'VOLUME') continue;
        for (const target of volumeTargets(ins.args)) {
          if (DATA_PATH.test(target)) out.push({ location: { file: f.rel, line: ins.lines[0]?.line ?? 1 }, target, kind: 'image-volume' });
        }
      }
    } else if (/\.ya?ml$/.test(name) && /persistentVolumeClaim\s*:/.test(f.text)) {
      f.text.split('\n').forEach((line, i) => {
        const m = /^\s*-?\s*mountPath\s*:\s*["']?([^"'\s#]+)/.exec(line);
        if (m && DATA_PATH.test(m[1])) out.push({ location: { file: f.rel, line: i + 1 }, target: m[1], kind: 'pvc' });
      });
    }
  }
  return out;
}

/** A Dockerfile VOLUME's paths: the JSON form (`["/data", "/logs"]`) or space-separated. */
function volumeTargets(args: string): string[] {
  const t = args.trim();
  if (t.startsWith('[')) {
    try {
      const arr = JSON.parse(t) as unknown;
      if (Array.isArray(arr)) return arr.map(String);
    } catch {
      // not JSON: read as the plain form
    }
  }
  return t.split(/\s+/).filter(Boolean);
}

/** `source:target[:mode]` (short syntax) or `{type, source, target}` (long syntax). */
function mountOf(v: YamlNode): { source: string; target: string } | undefined {
  if (isScalar(v)) {
    const parts = String(v.value ?? '').split(':');
    if (parts.length < 2) return undefined; // an anonymous volume: gone with the container
    return { source: parts[0], target: parts[1] };
  }
  if (isMap(v)) {
    const source = v.get('source');
    const target = v.get('target');
    if (typeof source === 'string' && typeof target === 'string') return { source, target };
  }
  return undefined;
}
