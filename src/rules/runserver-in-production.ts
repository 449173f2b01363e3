import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { isMap } from 'yaml';
import type { ScanContext } from '../project/scan';
import { bindMountsProject, commandText, inheritsProjectMount, composeServices, deployCommands, dockerInstructions, declaredForDevelopment, isComposeFile, lineAt, localProcfile, yamlCommand, type DockerInstruction } from '../project/deploy-commands';
import { appServers, unreadableIncludes, type AppServer } from '../project/dependencies';
import type { Location } from '../finding';
import type { SourceFile, Workspace } from '../project/workspace';
import type { Rule, RuleHit } from './rule';
import { baseName, countsFor, dirName, inDevFolder, isDevName, projectOf } from '../project/model';
import { builtDockerfile, devImage, devImageStarting } from '../project/dev-image';
import { manifestKind, productionEnvironment } from '../project/manifests';
import { devStarImport, isDevModule, resolveModule } from '../project/settings-modules';

/** `manage.py runserver`, `django-admin runserver`, `python -m django runserver`, `runserver_plus`, within one command. */
const RUNSERVER = /(?:manage\.py|django-admin(?:\.py)?|-m\s+django)\b[^\n;&|]*?\brunserver(?:_plus)?\b/;

/** runserver starts, and no real server is an alternative in the same command (`if DEBUG ...; else gunicorn`). */
function runsDevServer(cmd: string): boolean {
  return RUNSERVER.test(cmd) && !REAL_SERVER.test(cmd);
}
const RUNSERVER_WORD = /\brunserver(?:_plus)?\b/;
/** A production-grade server started in the same file or config: runserver there is an alternative (dev) path. */
const REAL_SERVER = /\b(gunicorn|uvicorn|daphne|uwsgi|hypercorn|waitress-serve|granian|mod_wsgi-express|newrelic-admin\s+run-program\s+gunicorn)\b/;

function at(file: SourceFile, line: number): Location {
  return { file: file.rel, line };
}

const PROD_SUFFIX = /^(prod|production|prd|live|release|deploy|deployment)$/i;

/** Procfile / Procfile.prod (not Procfile.dev, Procfile.local). */
function isProcfile(name: string): boolean {
  const lower = name.toLowerCase();
  // Procfile.windows is Heroku's for `heroku local` on a Windows machine (heroku/python-getting-started): the
  // platform runs only Procfile
  return lower === 'procfile' || (lower.startsWith('procfile.') && !isDevName(lower) && lower !== 'procfile.windows');
}

/** Dockerfile, Dockerfile.prod, Dockerfile-aws, prod.Dockerfile (not Dockerfile.dev, dev.Dockerfile, Dockerfile.test). */
function isDockerfile(name: string): boolean {
  const lower = name.toLowerCase();
  return (lower === 'dockerfile' || lower.startsWith('dockerfile.') || lower.startsWith('dockerfile-') || lower.endsWith('.dockerfile')) && !isDevName(lower);
}

/** docker-compose.yml, compose.yaml, docker-compose.prod.yml (not override/dev/local/test files). */
function isProdCompose(name: string): boolean {
  const m = /^(?:docker-)?compose(?:[.-]([\w-]+))?\.ya?ml$/i.exec(name);
  return !!m && (m[1] === undefined || PROD_SUFFIX.test(m[1]));
}

/**
 * A plain Dockerfile/compose file next to an explicit production variant is the development one. For a
 * Dockerfile the variant may also sit in a production-named folder beside it (`docker/prod/Dockerfile` next to
 * `docker/Dockerfile`: Hypha's).
 */
function hasProdSibling(all: readonly SourceFile[], file: SourceFile, kind: 'docker' | 'compose'): boolean {
  const dir = dirName(file.rel);
  return all.some((f) => {
    if (f === file) return false;
    const n = baseName(f.rel).toLowerCase();
    if (kind === 'docker' && n === 'dockerfile' && /^(prod|production|prd|live|release|deploy)$/i.test(baseName(dirName(f.rel))) && dirName(dirName(f.rel)) === dir) return true;
    if (dirName(f.rel) !== dir) return false;
    if (kind === 'docker') return /^dockerfile[.-](prod|production|prd|live|release|deploy)$/.test(n) || /^(prod|production|prd|live|release|deploy)\.dockerfile$/.test(n);
    const m = /^(?:docker-)?compose[.-]([\w-]+)\.ya?ml$/.exec(n);
    return !!m && PROD_SUFFIX.test(m[1]);
  });
}

function isSystemdUnit(name: string): boolean {
  return name.toLowerCase().endsWith('.service') && !isDevName(name.replace(/\.service$/i, ''));
}

/** entrypoint*.sh / docker-entrypoint.sh anywhere; start*.sh / run*.sh at the root, a project root, or docker/deploy folders. */
function isStartScript(rel: string, projectRoots: string[]): boolean {
  const name = baseName(rel).toLowerCase();
  if (isDevName(name.replace(/\.sh$/, ''))) return false;
  if (/^(docker-)?entrypoint([\w.-]*\.sh)?$/.test(name)) return true;
  if (!/^(start|run)[\w.-]*\.sh$/.test(name) || name.includes('runserver')) return false;
  const dir = dirName(rel);
  if (dir === '' || projectRoots.includes(dir)) return true;
  return dir.split('/').some((p) => /^\.?(docker|deploy|deployment)$/i.test(p));
}

// ---------------------------------------------------------------------------------------------

function checkProcfile(ctx: ScanContext, file: SourceFile): RuleHit[] {
  const hits: RuleHit[] = [];
  if (localProcfile(file.text)) return hits;
  const platforms = platformReads(ctx, file);
  file.text.split('\n').forEach((raw, i) => {
    const m = /^\s*web\s*:(.*)$/.exec(raw);
    if (m && runsDevServer(m[1])) {
      const message = `The \`web:\` process in ${file.rel} runs \`${cmdName(m[1])}\`, ${WHY}`;
      hits.push(
        platforms
          ? { location: at(file, i + 1), message: `${message}.` }
          : {
              location: at(file, i + 1),
              level: 'note',
              message: `${message} — a note: platforms (Heroku, Dokku, Scalingo) read the Procfile at the app's root, and ${file.rel} is neither at the repository's root nor beside a manage.py, and no production command starts it (\`honcho -f ${file.rel} start\`): a process manager on a developer's machine runs it; if production does, it runs runserver.`,
            },
      );
    }
  });
  return hits;
}

/**
 * Would a platform run this Procfile? Heroku's, Dokku's and Scalingo's docs: the Procfile lives in the app's root
 * directory — the repository's, or the subfolder a monorepo buildpack makes the root, where manage.py is. A
 * Procfile anywhere else runs only under a process manager told where it is, so it is production's when a
 * production command names it (`honcho -f docker/Procfile start`). Wagtail-torchbox's docker/Procfile is honcho's
 * in the development container (an alias in docker/bashrc.sh); its image serves with gunicorn.
 */
/** Process managers that run a Procfile given its path (`-f`): honcho, foreman, forego, overmind, hivemind, node-foreman's nf. */
const PROCESS_MANAGER = /(^|[\s;&|/])(honcho|foreman|forego|overmind|hivemind|nf)\s/;

function platformReads(ctx: ScanContext, file: SourceFile): boolean {
  const dir = dirName(file.rel);
  if (dir === '' || ctx.projects.some((p) => p.root === dir)) return true;
  // named from the project's folder (`deploy/Procfile`), as an image's or a script's command names it
  const root = projectOf(ctx, file.rel)?.root ?? '';
  const named = root ? file.rel.slice(root.length + 1) : file.rel;
  return deployCommands(ctx).some((c) => c.file !== file && c.text.includes(named) && PROCESS_MANAGER.test(c.text) && !/^\s*alias\s/.test(c.text));
}

/** How the command names the server: `manage.py runserver`, `django-admin runserver`, `python -m django runserver_plus`. */
function cmdName(cmd: string): string {
  const m = RUNSERVER.exec(cmd);
  if (!m) return 'runserver';
  const tool = /^-m/.test(m[0]) ? 'python -m django' : m[0].startsWith('django-admin') ? 'django-admin' : 'manage.py';
  return `${tool} ${/runserver_plus\b/.test(m[0]) ? 'runserver_plus' : 'runserver'}`;
}

const WHY = "Django's development server, which the Django docs say not to use in production (it has not gone through security audits or performance tests)";

interface Stage {
  name?: string;
  base: string;
  cmd?: DockerInstruction;
  entrypoint?: DockerInstruction;
}

/** A build stage named for production. */
const PROD_STAGE = /^(prod|production|prd|live|release|deploy|deployment)$/;

function checkDockerfile(file: SourceFile, overridden: boolean): RuleHit[] {
  const stages: Stage[] = [];
  for (const ins of dockerInstructions(file.text)) {
    if (ins.keyword === 'FROM') {
      const m = /^(?:--\S+\s+)*(\S+)(?:\s+as\s+(\S+))?/i.exec(ins.args.trim());
      stages.push({ base: m?.[1] ?? '', name: m?.[2]?.toLowerCase() });
    } else if (stages.length && (ins.keyword === 'CMD' || ins.keyword === 'ENTRYPOINT')) {
      const s = stages[stages.length - 1];
      if (ins.keyword === 'CMD') s.cmd = ins;
      else s.entrypoint = ins;
    }
  }
  if (stages.length === 0) return [];
  // The final stage, inheriting CMD/ENTRYPOINT from an earlier stage it is built FROM — unless it is named for
  // development (`FROM app as dev`) and another stage for production (`FROM app as prod`): production builds that
  // one (`--target prod`; Open edX ecommerce's devstack image is the last stage, its gunicorn one before it).
  const last = stages[stages.length - 1];
  const prodStage = last.name && isDevName(last.name) ? stages.find((x) => x.name && PROD_STAGE.test(x.name)) : undefined;
  const judged = prodStage ?? last;
  let cmd: DockerInstruction | undefined;
  let entrypoint: DockerInstruction | undefined;
  let s: Stage | undefined = judged;
  const seen = new Set<Stage>();
  while (s && !seen.has(s)) {
    seen.add(s);
    if (!entrypoint && s.entrypoint) entrypoint = s.entrypoint;
    if (!cmd && s.cmd) cmd = s.cmd;
    if (entrypoint && cmd) break;
    if (s.entrypoint && !s.cmd) break; // ENTRYPOINT here resets the CMD inherited from the base
    const base = s.base.toLowerCase();
    s = stages.find((x) => x.name === base && !seen.has(x));
  }
  const full = `${entrypoint ? commandText(entrypoint.args) : ''} ${cmd ? commandText(cmd.args) : ''}`;
  if (!runsDevServer(full) || overridden) return [];
  const ins = [cmd, entrypoint].find((x) => x && RUNSERVER_WORD.test(x.args));
  if (!ins) return [];
  const phys = ins.lines.find((l) => RUNSERVER_WORD.test(l.text)) ?? ins.lines[0];
  const multi = prodStage ? ` (its \`${prodStage.name}\` stage, which production builds)` : stages.length > 1 ? ' (the final build stage)' : '';
  return [{
    location: at(file, phys.line),
    message: `The ${ins.keyword} of ${file.rel}${multi} starts \`${cmdName(full)}\` in the container, ${WHY}.`,
  }];
}

/**
 * Runserver services of a compose file. Services under a dev profile or with a dev name are left out; services
 * that bind-mount the project folder over the image (the live-reload development pattern) are returned apart,
 * in `bindMounted`: they are reported only when nothing else in the project could serve production.
 */
function composeServers(ws: Workspace, file: SourceFile): { hits: RuleHit[]; bindMounted: RuleHit[]; overrides: string[] } {
  const hits: RuleHit[] = [];
  const bindMounted: RuleHit[] = [];
  const overrides: string[] = [];
  for (const { name: svcName, node: svc, doc, devOnly } of composeServices(file)) {
    if (devOnly || !isMap(svc)) continue;
    const command = yamlCommand(svc.get('command', true), doc);
    const entrypoint = yamlCommand(svc.get('entrypoint', true), doc);
    const full = `${entrypoint?.text ?? ''} ${command?.text ?? ''}`;
    if (REAL_SERVER.test(full)) {
      const df = builtDockerfile(svc, file.rel);
      if (df) overrides.push(df);
    }
    if (!runsDevServer(full)) continue;
    const where = [command, entrypoint].find((c) => c && RUNSERVER_WORD.test(c.text));
    let line = 1;
    if (where?.range) {
      const src = file.text.slice(where.range[0], where.range[1]);
      const m = RUNSERVER_WORD.exec(src);
      line = lineAt(file.text, where.range[0] + (m ? m.index : 0));
    }
    const hit = { location: at(file, line), message: `Service \`${svcName}\` in ${file.rel} runs \`${cmdName(full)}\`, ${WHY}.` };
    (bindMountsProject(svc, doc) || inheritsProjectMount(ws, file, svc, doc) ? bindMounted : hits).push(hit);
  }
  return { hits, bindMounted, overrides };
}

function checkSystemd(file: SourceFile): RuleHit[] {
  const hits: RuleHit[] = [];
  const lines = file.text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!/^\s*ExecStart\s*=/.test(lines[i])) continue;
    let cmd = lines[i];
    let j = i;
    while (/\\\s*$/.test(lines[j]) && j + 1 < lines.length) cmd += ' ' + lines[++j];
    if (!runsDevServer(cmd)) continue;
    let line = i + 1;
    for (let k = i; k <= j; k++) if (RUNSERVER_WORD.test(lines[k])) { line = k + 1; break; }
    hits.push({ location: at(file, line), message: `ExecStart in systemd unit ${file.rel} runs \`${cmdName(cmd)}\`, ${WHY}.` });
  }
  return hits;
}

/** Blocks a shell line opens and closes (if/case/loops/functions), ignoring quoted text. */
function shellNesting(line: string): { opens: number; closes: number } {
  const bare = line.replace(/'[^']*'|"(?:[^"\\]|\\.)*"/g, "''");
  let opens = 0;
  let closes = 0;
  if (/^(function\s+[\w-]+|[\w-]+\s*\(\s*\))\s*\{?\s*$/.test(bare)) opens++;
  for (let seg of bare.split(/;|&&|\|\||\|/)) {
    seg = seg.trim().replace(/^(then|do|else|elif)\s+/, '');
    const word = seg.split(/\s+/)[0];
    if (['if', 'case', 'while', 'until', 'for', 'select'].includes(word)) opens++;
    else if (['fi', 'esac', 'done', '}'].includes(word)) closes++;
  }
  return { opens, closes };
}

/**
 * Entrypoint/start scripts: a top-level command line that runs runserver. Lines inside if/case blocks or
 * shell functions are skipped (an environment switch: the dev branch), and so is every line of a script
 * that also starts a real app server.
 */
function checkScript(file: SourceFile): RuleHit[] {
  const lines = file.text.split('\n');
  const code = lines.map((l) => (l.trim().startsWith('#') ? '' : l));
  if (code.some((l) => REAL_SERVER.test(l))) return [];
  const hits: RuleHit[] = [];
  let depth = 0;
  for (let i = 0; i < code.length; i++) {
    const t = code[i].trim();
    if (t === '') continue;
    const { opens, closes } = shellNesting(t);
    if (depth === 0 && opens === 0 && RUNSERVER.test(t)) {
      const cmd = t.replace(/^exec\s+/, '').replace(/^(\w+=\S*\s+)+/, '');
      if (!/^(echo|printf|cat|log|info|warn|:)\b/.test(cmd) && !/&\s*$/.test(t)) {
        hits.push({ location: at(file, i + 1), message: `${file.rel} starts \`${cmdName(t)}\`, ${WHY}.` });
      }
    }
    depth = Math.max(0, depth + opens - closes);
  }
  return hits;
}

/** launch.E050: runserver serves production (Procfile web, Dockerfile CMD/ENTRYPOINT, compose, systemd, entrypoint scripts). */
export default {
  meta: {
    id: 'launch.E050',
    name: 'runserver-in-production',
    checklist: 'app-server',
    level: 'error',
    title: "Django's development server (runserver) serves production",
    fix: 'Serve the app with gunicorn (WSGI) or uvicorn/daphne (ASGI) workers, e.g. `gunicorn mysite.wsgi --workers 3 --bind 0.0.0.0:$PORT`.',
    securitySeverity: 6.5,
    precision: 'very-high',
    tags: ['security', 'external/cwe/cwe-489'],
  },
  check(ctx) {
    const files = ctx.workspace.deployFiles().filter((f) => !inDevFolder(f.rel, ctx) && !declaredForDevelopment(f));
    const devSettings = devSettingsFiles(ctx);
    const asDevNote = (f: SourceFile) => (h: RuleHit) => (devSettings.has(f.rel) ? devSettingsNote(h, f, devSettings.get(f.rel)!) : h);
    const roots = ctx.projects.map((p) => p.root);
    const hits: RuleHit[] = [];
    let looked = 0;
    // a production compose service that starts a real server overrides the CMD of the Dockerfile it builds
    const overridden = new Set<string>();
    const composeHits: RuleHit[] = [];
    for (const f of files) {
      const name = baseName(f.rel);
      if (isProdCompose(name) && !hasProdSibling(files, f, 'compose')) {
        looked++;
        const r = composeServers(ctx.workspace, f);
        for (const o of r.overrides) overridden.add(o);
        const elsewhere = r.hits.length ? serverDeployedElsewhere(ctx, f) : undefined;
        composeHits.push(...r.hits.map(asDevNote(f)).map((h) => (elsewhere && h.level !== 'note' ? localComposeNote(h, f, elsewhere) : h)));
        if (r.bindMounted.length && onlyServerDefinition(ctx, f)) {
          composeHits.push(...r.bindMounted.map((h) => ({ ...h, message: `${h.message.replace(/\.$/, '')} — and it is the project's only compose file, with no other app server anywhere (no gunicorn/uvicorn/uWSGI/daphne in a Procfile, Dockerfile, unit, script or the requirements), so this is what serves production.` })));
        }
      }
    }
    hits.push(...composeHits);
    for (const f of files) {
      const name = baseName(f.rel);
      if (isProcfile(name)) {
        looked++;
        hits.push(...checkProcfile(ctx, f));
      } else if (isDockerfile(name)) {
        if (name.toLowerCase() === 'dockerfile' && hasProdSibling(files, f, 'docker')) continue;
        looked++;
        const dev = devImage(ctx.workspace.deployFiles(), f);
        hits.push(...checkDockerfile(f, overridden.has(f.rel)).map((h) => (dev ? devImageNote(h, f, dev.why) : asDevNote(f)(h))));
      } else if (isSystemdUnit(name)) {
        looked++;
        hits.push(...checkSystemd(f));
      } else if (isStartScript(f.rel, roots)) {
        if (onlyDevCallers(ctx, f)) continue;
        looked++;
        const dev = devImageStarting(ctx.workspace.deployFiles(), f, (d) => isDockerfile(baseName(d.rel)));
        const script = checkScript(f);
        const server = script.length && !dev ? unnamedBesideServer(ctx, f) : undefined;
        const local = script.length && !dev && !server ? localComposeCaller(ctx, f) : undefined;
        hits.push(...script.map((h) => (dev ? devImageNote(h, dev.dockerfile, dev.image.why) : server ? unnamedScriptNote(h, f, server) : local ? localComposeNote(h, local.compose, local.server) : h)));
      }
    }
    if (looked === 0) return { hits, notApplicable: 'no Procfile, Dockerfile, production compose file, systemd unit or entrypoint script found' };
    return { hits };
  },
} satisfies Rule;

/**
 * Deploy files whose every DJANGO_SETTINGS_MODULE names development settings other than the ones production runs
 * — named for development, or a module that imports everything from such a one (devStarImport): what they start
 * runs a development setup. adhocracy+'s Dockerfile and docker-compose.yml set `config.settings.docker`, which
 * begins `from .dev import *`, and start runserver; its production runs gunicorn on `config.settings.production`.
 * File → why.
 */
function devSettingsFiles(ctx: ScanContext): Map<string, string> {
  const byFile = new Map<string, string[] | null>();
  for (const e of ctx.environment ?? productionEnvironment(ctx.workspace)) {
    if (e.name !== 'DJANGO_SETTINGS_MODULE') continue;
    const why = e.value ? devSettingsWhy(ctx, e.file, e.value.trim()) : undefined;
    const seen = byFile.get(e.file);
    if (seen === null) continue;
    byFile.set(e.file, why ? [...(seen ?? []), why] : null);
  }
  const out = new Map<string, string>();
  for (const [file, whys] of byFile) if (whys?.length) out.set(file, whys[0]);
  return out;
}

function devSettingsWhy(ctx: ScanContext, file: string, module: string): string | undefined {
  const project = projectOf(ctx, file);
  if (!project?.production || project.production.module === module) return undefined;
  if (isDevModule(module)) return `its DJANGO_SETTINGS_MODULE is ${module}, development settings by their name`;
  const r = resolveModule(ctx.workspace, project.root, module);
  const settings = r && 'file' in r ? r.file : undefined;
  const dev = settings ? devStarImport(ctx.workspace, settings, module) : undefined;
  return settings && dev ? `its DJANGO_SETTINGS_MODULE is ${module}, which imports everything from ${dev.module} (${settings.rel}, line ${dev.line})` : undefined;
}

/** A finding in a deploy file that runs development settings (devSettingsFiles): a note that says so. */
/**
 * A real app server that a deploy path other than compose and Docker starts for the projects the compose file
 * belongs to — a Kubernetes/OpenShift manifest's command, a Procfile, a systemd unit, a supervisord program
 * (gwells' OpenShift Deployment runs gunicorn; its docker-compose.yml loads fixtures and runs runserver for local
 * work). Where, or undefined. A Dockerfile's CMD is not such a path: a compose file that builds the image and
 * overrides its command may well be how production runs it.
 */
function serverDeployedElsewhere(ctx: ScanContext, compose: SourceFile): AppServer | undefined {
  for (const p of ctx.projects.filter((x) => countsFor(ctx, x, compose.rel))) {
    const sources = new Map(deployCommands(ctx, p).map((c) => [`${c.file.rel}:${c.line}`, c.source]));
    const found = appServers(ctx, p).find((a) => a.evidence === 'command' && ['manifest', 'procfile', 'systemd', 'supervisor'].includes(sources.get(`${a.location.file}:${a.location.line}`) ?? ''));
    if (found) return found;
  }
  return undefined;
}

/**
 * A start script run only by compose files that production's real server, started elsewhere, marks as the local
 * setup (serverDeployedElsewhere): CRT Portal's docker-compose.yml runs `/code/run.sh`, while its cloud.gov
 * manifests start gunicorn. The script's finding is then the compose service's own note. undefined otherwise.
 */
function localComposeCaller(ctx: ScanContext, script: SourceFile): { compose: SourceFile; server: AppServer } | undefined {
  const callers = scriptCallers(ctx, script);
  let found: { compose: SourceFile; server: AppServer } | undefined;
  for (const c of callers) {
    const server = isComposeFile(baseName(c.rel)) ? serverDeployedElsewhere(ctx, c) : undefined;
    if (!server) return undefined;
    found ??= { compose: c, server };
  }
  return found;
}

/** A compose runserver service beside a production deploy that starts a real server: likely the local setup, a note. */
function localComposeNote(h: RuleHit, f: SourceFile, server: AppServer): RuleHit {
  return {
    ...h,
    level: 'note',
    message: `${h.message.replace(/\.$/, '')} — a note: the project's deploy starts ${server.server} elsewhere (${server.location.file}:${server.location.line}), so ${f.rel} is likely the local setup; if production runs it, it runs runserver.`,
    related: [...(h.related ?? []), { location: server.location, message: `${server.server} started here` }],
  };
}

function devSettingsNote(h: RuleHit, f: SourceFile, why: string): RuleHit {
  return {
    ...h,
    level: 'note',
    message: `${h.message.replace(/\.$/, '')} — a note: ${f.rel} runs a development setup (${why}), not the production settings; if production runs it, it runs runserver.`,
  };
}

/** A finding about a development image (src/project/dev-image.ts): a note that says why, and what would make it production's. */
function devImageNote(h: RuleHit, dockerfile: SourceFile, why: string): RuleHit {
  return {
    ...h,
    level: 'note',
    message: `${h.message.replace(/\.$/, '')} — a note: ${dockerfile.rel} is a development image: ${why}; if production runs this image, it runs runserver.`,
  };
}

/**
 * Is a start script run only by development files? Its callers are the deploy files that name it by its folder
 * and name (a Dockerfile's ENTRYPOINT `/opt/app/docker/entrypoint.sh` names `docker/entrypoint.sh`, not
 * `docker/prod/entrypoint.sh`), or by its bare name from its own folder. It is development's when it has callers and
 * every one is: in a development folder or named for development, declared so, or a plain Dockerfile or compose
 * file beside a production variant (Hypha's `docker/Dockerfile`, whose production twin is `docker/prod/`).
 */
function onlyDevCallers(ctx: ScanContext, script: SourceFile): boolean {
  const all = ctx.workspace.deployFiles();
  const callers = scriptCallers(ctx, script);
  if (callers.length === 0) return false;
  return callers.every((f) => {
    const base = baseName(f.rel);
    if (inDevFolder(f.rel, ctx) || declaredForDevelopment(f) || isDevName(base.replace(/\.(ya?ml|sh)$/i, ''))) return true;
    if (base.toLowerCase() === 'dockerfile') return hasProdSibling(all, f, 'docker');
    if (/^(docker-)?compose[\w.-]*\.ya?ml$/i.test(base)) return !isProdCompose(base) || hasProdSibling(all, f, 'compose');
    return false;
  });
}

/** The deploy files of the script's project that name it (see onlyDevCallers). */
function scriptCallers(ctx: ScanContext, script: SourceFile): SourceFile[] {
  const all = ctx.workspace.deployFiles();
  const name = baseName(script.rel);
  const token = new RegExp(`[\\w./-]*${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w.-])`, 'g');
  const project = projectOf(ctx, script.rel);
  const callers = all.filter((f) => {
    if (f === script || !f.text.includes(name) || (project && !countsFor(ctx, project, f.rel))) return false;
    // the script's folder and name (`docker/entrypoint.sh`): what an image path or a build-context path ends with
    const tail = script.rel.split('/').slice(-2).join('/');
    return [...f.text.matchAll(token)].some(([t]) => {
      const p = t.replace(/^\.\//, '');
      if (!p.includes('/')) return dirName(f.rel) === dirName(script.rel);
      if (tail.includes('/') && (p === tail || p.endsWith(`/${tail}`))) return true;
      // an image path from a deploy file in the script's own folder, its build context copied to some image folder
      // (FAC's compose `command: /src/run.sh` beside backend/run.sh) — unless a longer end of the path names
      // another file of that folder (`/app/scripts/run.sh` is scripts/run.sh, not run.sh)
      return p.startsWith('/') && dirName(f.rel) === dirName(script.rel) && !otherFileAtImagePath(ctx, dirName(f.rel), p);
    });
  });
  return callers;
}

/** Does an end of the image path longer than its file name name a file under the build context folder? */
function otherFileAtImagePath(ctx: ScanContext, context: string, imagePath: string): boolean {
  const parts = imagePath.split('/').filter(Boolean);
  for (let k = 0; k < parts.length - 1; k++) {
    if (existsSync(join(ctx.root, context === '.' ? '' : context, ...parts.slice(k)))) return true;
  }
  return false;
}

/**
 * A start script nothing in the repository runs, beside a real app server production starts elsewhere
 * (insights-rbac's root `run_server.sh`, a developer's migrate-then-runserver helper reading a local `.env`,
 * while its image's ENTRYPOINT script starts gunicorn): a note naming that server. undefined when something
 * names the script, or no command of its project starts a real server.
 */
function unnamedBesideServer(ctx: ScanContext, script: SourceFile): AppServer | undefined {
  if (scriptCallers(ctx, script).length > 0) return undefined;
  // the projects the script counts for (a root script serves a project in a subfolder: insights-rbac's rbac/)
  const projects = ctx.projects.filter((p) => countsFor(ctx, p, script.rel));
  const started = (a: AppServer): boolean => {
    if (a.evidence !== 'command' || a.location.file === script.rel) return false;
    // a server in another script counts only when something runs that script (a Dockerfile's ENTRYPOINT)
    const file = ctx.workspace.deployFiles().find((f) => f.rel === a.location.file);
    return !!file && (manifestKind(file) !== 'script' || scriptCallers(ctx, file).length > 0);
  };
  return projects.length ? projects.map((p) => appServers(ctx, p).find(started)).reduce((a, b) => (a && b ? a : undefined)) : undefined;
}

function unnamedScriptNote(h: RuleHit, script: SourceFile, server: AppServer): RuleHit {
  return {
    ...h,
    level: 'note',
    message: `${h.message.replace(/\.$/, '')} — a note: nothing in the repository runs ${script.rel}, and production starts ${server.server} (${server.location.file}:${server.location.line}); if a deploy does run this script, it runs runserver.`,
  };
}

/**
 * Is this compose file the only way the project is run? For every project it belongs to: it is the project's
 * only compose file (dev folders aside; a docker-compose.override.yml or *.dev.yml next to it means the project
 * separates environments), and no app server is defined anywhere — no gunicorn/uvicorn/uWSGI/daphne/… started by
 * a Procfile, Dockerfile, compose service, unit, supervisord program or script, configured, or listed in the
 * production requirements (and every requirements include could be read).
 */
function onlyServerDefinition(ctx: ScanContext, compose: SourceFile): boolean {
  const projects = ctx.projects.filter((p) => countsFor(ctx, p, compose.rel));
  if (projects.length === 0) return false;
  return projects.every((p) => {
    const composeFiles = ctx.workspace.deployFiles().filter((f) => isComposeFile(baseName(f.rel)) && countsFor(ctx, p, f.rel) && !inDevFolder(f.rel, ctx));
    return composeFiles.length === 1 && composeFiles[0] === compose && appServers(ctx, p).length === 0 && unreadableIncludes(ctx, p).length === 0;
  });
}
