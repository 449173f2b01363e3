#!/usr/bin/env node
// The history gate on a big history: `node bench/history.mjs [--commits N] [--rounds N] [--cli PATH]`.
// Generates a repository of N commits (default 10,000) with `git fast-import` — deterministic: a seeded
// random generator, fixed dates — holding a small Django project and 200 app modules: most commits touch app
// code (which the gate's pathspecs leave to git), the others settings.py, docker-compose.yml, the Dockerfile,
// a Kubernetes manifest or .env.example; every 250th commit adds a password to settings.py that a later
// commit removes, every 400th a new POSTGRES_PASSWORD in the compose file, every 1,000th a key on a branch
// of its own. Then runs the CLI (`--gates history --format json`, a bundle of the current sources unless
// --cli names one) and prints, best of the rounds: the gate's own time (durationMs), the process's wall
// time, and `git log` alone with the gate's own arguments (recorded by a git shim first on PATH; its output
// read and dropped) — git's share of the gate's time.
// Exits 1 when the report does not hold exactly the secrets sprinkled in.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { benchCli, int, rng, roundsOf, runCli } from './cli.mjs';

const APP_MODULES = 200;
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ!@#%^&*(-_=+)';

function argValue(argv, name, fallback) {
  const at = argv.indexOf(name);
  return at >= 0 ? Number(argv[at + 1]) || fallback : fallback;
}

/** Writes the fast-import stream for `commits` commits into git's stdin; resolves with the secrets it holds. */
async function generate(dir, commits) {
  const random = rng(20261130);
  const secret = () => Array.from({ length: 32 }, () => ALPHABET[Math.floor(random() * ALPHABET.length)]).join('');
  const secrets = new Set();
  const files = new Map();
  files.set('manage.py', 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "shop.settings")\n');
  files.set('shop/__init__.py', '');
  const settings = ['import os', '', 'DEBUG = False', 'ALLOWED_HOSTS = ["shop.example.com"]', 'SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]', 'CACHE_TIMEOUT = 0'];
  for (let i = 0; i < 30; i++) settings.push(`FEATURE_${i} = ${i % 2 === 0 ? 'True' : 'False'}`);
  const compose = ['services:', '  web:', '    build: .', '    environment:', '      DJANGO_SECRET_KEY: ${DJANGO_SECRET_KEY:?}', '      WORKERS: "2"', '  db:', '    image: postgres:16', '    environment:', '      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:?}'];
  const dockerfile = ['FROM python:3.12-slim', 'WORKDIR /app', 'COPY . .', 'RUN pip install -r requirements.txt', 'ENV BUILD=0', 'CMD ["gunicorn", "shop.wsgi"]'];
  const k8s = ['apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: shop', 'spec:', '  replicas: 2', '  template:', '    spec:', '      containers:', '        - name: web', '          image: shop:0'];
  const envExample = ['SECRET_KEY=change-me', 'DATABASE_URL=postgres://postgres:postgres@db:5432/shop', 'DEBUG=0'];
  const apps = Array.from({ length: APP_MODULES }, (_, m) => Array.from({ length: 60 }, (_, l) => `def view_${m}_${l}(request):  # ${l}`));
  let pendingRemoval = [];

  const git = spawn('git', ['fast-import', '--quiet', '--done'], { cwd: dir, stdio: ['pipe', 'inherit', 'inherit'] });
  const closed = new Promise((done, fail) => git.on('close', (code) => (code === 0 ? done() : fail(new Error(`git fast-import exited ${code}`)))));
  let buffer = [];
  let size = 0;
  const write = async (text) => {
    buffer.push(text);
    size += text.length;
    if (size < 1 << 20) return;
    const chunk = buffer.join('');
    buffer = [];
    size = 0;
    if (!git.stdin.write(chunk)) await new Promise((r) => git.stdin.once('drain', r));
  };
  const data = (text) => `data ${Buffer.byteLength(text)}\n${text}\n`;
  const base = Date.UTC(2020, 0, 1) / 1000;
  const commit = async (ref, n, message, changed, from) => {
    const when = `${base + n * 600} +0000`;
    let out = `commit ${ref}\nmark :${n + 1}\nauthor Dev <dev@example.com> ${when}\ncommitter Dev <dev@example.com> ${when}\n${data(message)}`;
    if (from) out += `from ${from}\n`;
    for (const [path, text] of changed) out += `M 100644 inline ${path}\n${data(text)}`;
    await write(out);
  };

  for (let n = 0; n < commits; n++) {
    const changed = new Map();
    if (n === 0) {
      for (const [p, t] of files) changed.set(p, t);
      for (let m = 0; m < APP_MODULES; m++) changed.set(`shop/app${m}/views.py`, apps[m].join('\n') + '\n');
    }
    const r = random();
    const touch = (m) => {
      apps[m][Math.floor(random() * 60)] = `def view_${m}_${n}(request):  # edited in ${n}`;
      changed.set(`shop/app${m}/views.py`, apps[m].join('\n') + '\n');
    };
    touch(Math.floor(random() * APP_MODULES));
    const dirty = new Set(n === 0 ? ['settings', 'compose', 'dockerfile', 'k8s', 'env'] : []);
    if (r < 0.2) (settings[5] = `CACHE_TIMEOUT = ${n}`), dirty.add('settings');
    else if (r < 0.3) (compose[5] = `      WORKERS: "${n % 8}"`), dirty.add('compose');
    else if (r < 0.35) (dockerfile[4] = `ENV BUILD=${n}`), dirty.add('dockerfile');
    else if (r < 0.4) (k8s[10] = `          image: shop:${n}`), dirty.add('k8s');
    else if (r < 0.45) (envExample[2] = `DEBUG=${n % 2}`), dirty.add('env');
    else touch(Math.floor(random() * APP_MODULES));
    if (n > 0 && n % 250 === 0) {
      const s = secret();
      secrets.add(s);
      settings.push(`EMAIL_HOST_PASSWORD = "${s}"`);
      pendingRemoval.push([n + 7, settings.length - 1]);
      dirty.add('settings');
    }
    for (const [, line] of pendingRemoval.filter(([at]) => at === n)) {
      settings[line] = 'EMAIL_HOST_PASSWORD = os.environ["EMAIL_HOST_PASSWORD"]';
      dirty.add('settings');
    }
    pendingRemoval = pendingRemoval.filter(([at]) => at !== n);
    if (n > 0 && n % 400 === 0) {
      const s = secret();
      secrets.add(s);
      compose[9] = `      POSTGRES_PASSWORD: "${s}"`;
      dirty.add('compose');
    }
    if (dirty.has('settings')) changed.set('shop/settings.py', settings.join('\n') + '\n');
    if (dirty.has('compose')) changed.set('docker-compose.yml', compose.join('\n') + '\n');
    if (dirty.has('dockerfile')) changed.set('Dockerfile', dockerfile.join('\n') + '\n');
    if (dirty.has('k8s')) changed.set('deploy/k8s/app.yaml', k8s.join('\n') + '\n');
    if (dirty.has('env')) changed.set('.env.example', envExample.join('\n') + '\n');
    await commit('refs/heads/main', n, `change ${n}`, changed, n > 0 ? `:${n}` : undefined);
    if (n > 0 && n % 1000 === 0) {
      const s = secret();
      secrets.add(s);
      await commit(`refs/heads/feature-${n}`, commits + n, `feature ${n}`, new Map([['shop/settings.py', `${settings.join('\n')}\nSECRET_KEY_FALLBACKS = ["${s}"]\n`]]), `:${n + 1}`);
    }
  }
  await write('done\n');
  git.stdin.end(buffer.join(''));
  await closed;
  return secrets;
}

/** Runs git with `args` in `dir`, reading (and dropping) its output as the gate would; resolves with the ms. */
function timeGit(dir, args) {
  return new Promise((done, fail) => {
    const started = process.hrtime.bigint();
    const git = spawn('git', args, { cwd: dir, stdio: ['ignore', 'pipe', 'inherit'] });
    git.stdout.on('data', () => {});
    git.on('error', fail);
    git.on('close', (code) => (code === 0 ? done(Number(process.hrtime.bigint() - started) / 1e6) : fail(new Error(`git log exited ${code}`))));
  });
}

/** A git first on PATH that records the arguments of the gate's `git log` (NUL-separated) and runs the real one. */
function recordingGit(dir) {
  const real = spawnSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).stdout.trim();
  const bin = join(dir, 'bin');
  mkdirSync(bin);
  const file = join(dir, 'log-args');
  writeFileSync(join(bin, 'git'), `#!/bin/sh\ncase " $* " in *" log "*) for a in "$@"; do printf '%s\\0' "$a"; done > '${file}';; esac\nexec '${real}' "$@"\n`);
  chmodSync(join(bin, 'git'), 0o755);
  return { bin, args: () => readFileSync(file, 'utf8').split('\0').slice(0, -1) };
}

export async function main(argv = process.argv.slice(2)) {
  const commits = argValue(argv, '--commits', 10_000);
  const rounds = roundsOf(argv, 3);
  const { cli, from } = benchCli(argv);
  const tmp = mkdtempSync(join(tmpdir(), 'dlg-bench-history-'));
  process.on('exit', () => rmSync(tmp, { recursive: true, force: true }));
  const dir = join(tmp, 'repo');
  mkdirSync(dir);
  const git = (...args) => {
    const r = spawnSync('git', args, { cwd: dir, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
    return r.stdout.trim();
  };
  git('init', '-q', '-b', 'main');
  const started = process.hrtime.bigint();
  const secrets = await generate(dir, commits);
  git('checkout', '-q', '-f', 'main');
  const genMs = Number(process.hrtime.bigint() - started) / 1e6;
  const total = Number(git('rev-list', '--all', '--count'));
  console.log(`bench/history: ${int(total)} commits on ${git('branch', '--list').split('\n').length} branches, ${secrets.size} secrets sprinkled in; generated in ${int(genMs)} ms`);
  console.log(`CLI: ${from}; ${cpus().length} cores, node ${process.versions.node}, best of ${rounds}`);

  const recorder = recordingGit(tmp);
  const env = { ...process.env, PATH: `${recorder.bin}:${process.env.PATH}`, GIT_CEILING_DIRECTORIES: tmpdir() };
  let best;
  for (let i = 0; i < rounds; i++) {
    const r = await runCli(cli, [dir, '--gates', 'history', '--format', 'json', '--fail-on', 'never'], { env });
    if (r.code !== 0) throw new Error(`the CLI exited ${r.code}: ${r.stderr.trim().split('\n')[0]}`);
    const report = JSON.parse(r.stdout);
    const gate = report.gates.find((g) => g.gate === 'history');
    if (!gate || gate.status === 'error' || gate.status === 'skipped') throw new Error(`the history gate did not run: ${gate?.detail}`);
    const found = report.findings.filter((f) => f.ruleId === 'launch.E036').length;
    if (found !== secrets.size) {
      console.error(`the report holds ${found} launch.E036 findings, the repository ${secrets.size} secrets`);
      process.exitCode = 1;
    }
    if (!best || gate.durationMs < best.gate) best = { gate: gate.durationMs, wall: r.ms, detail: gate.detail, found };
  }
  const logArgs = recorder.args();
  let gitMs = Infinity;
  for (let i = 0; i < rounds; i++) gitMs = Math.min(gitMs, await timeGit(dir, logArgs));
  console.log(`history gate: ${int(best.gate)} ms (${int((total / best.gate) * 1000)} commits/s) — ${best.detail}; ${best.found} launch.E036 findings`);
  console.log(`CLI process:  ${int(best.wall)} ms wall`);
  console.log(`git log alone (the gate's arguments, output read and dropped): ${int(gitMs)} ms, ${Math.round((gitMs / best.gate) * 100)} % of the gate`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((e) => {
    console.error(`bench/history: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  });
}
