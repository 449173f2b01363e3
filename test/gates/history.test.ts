/**
 * The history gate on real git repositories built here (temporary folders, removed after the tests): secrets on
 * added and removed lines, on every ref, one finding per secret naming the commit that introduced it;
 * placeholders and environment reads are not secrets; tracked .env files; a shallow clone and a folder
 * outside git are skipped, git missing is an error; no secret value reaches any reporter's output; and the
 * whole history is one `git log` process (a counting git shim first on PATH).
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../../src/cli';
import type { Finding, GateResult, Report } from '../../src/finding';
import { ENV_FILE_TRACKED, SECRET_IN_HISTORY, SHALLOW_DETAIL } from '../../src/gates/history';
import { BatchParser, isHistoryFile, RawLogParser, type RawSink } from '../../src/gates/history-git';
import { isDevPath, LineScanner, looksSecret } from '../../src/gates/history-secrets';
import { verdict } from '../../src/report/text';
import { RUNTIME_RULES } from '../../src/gates/rules-meta';
import { run } from '../../src/run';
import { tempDir as makeTempDir } from '../support/tmp';

function tempDir(): string {
  return makeTempDir('dlg-history-');
}

/** Outside any repository, whatever the temp folder sits in. */
const ENV = { ...process.env, GIT_CEILING_DIRECTORIES: tmpdir() };

/** A git repository with a small Django project (settings read from the environment) and dated commits. */
class Repo {
  constructor(readonly dir: string = tempDir()) {
    this.git('init', '-q', '-b', 'main');
    this.git('config', 'user.email', 'dev@example.com');
    this.git('config', 'user.name', 'Dev');
    this.git('config', 'commit.gpgsign', 'false');
    this.write('manage.py', 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "mysite.settings")\n');
    this.write('mysite/__init__.py', '');
    this.write('mysite/settings.py', SETTINGS_FROM_ENV);
  }

  git(...args: string[]): string {
    return execFileSync('git', args, { cwd: this.dir, env: ENV, encoding: 'utf8' }).trim();
  }

  write(path: string, text: string): this {
    mkdirSync(dirname(join(this.dir, path)), { recursive: true });
    writeFileSync(join(this.dir, path), text);
    return this;
  }

  remove(path: string): this {
    this.git('rm', '-q', path);
    return this;
  }

  /** Commits everything on `date` (YYYY-MM-DD); returns the short sha, as git log %h prints it. */
  commit(message: string, date: string): string {
    this.git('add', '-A');
    const when = `${date}T12:00:00Z`;
    execFileSync('git', ['commit', '-q', '-m', message], { cwd: this.dir, env: { ...ENV, GIT_AUTHOR_DATE: when, GIT_COMMITTER_DATE: when } });
    return this.git('rev-parse', '--short', 'HEAD');
  }
}

const SETTINGS_FROM_ENV = `import os

DEBUG = False
ALLOWED_HOSTS = ["example.com"]
SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
`;

// Values shaped like real ones (a Django key from get_random_secret_key's alphabet, a random password…).
const KEY = 'django-insecure-q8#z!m2v@k7w$x4p^r9t&y3u*b6n(c1d)e5f=g0h';
const BRANCH_KEY = 'h3!kq9z@w2m#v7x$p4r^t8y&u1b*n6c(d0e)f5g';
const MERGED_KEY = 'p0o9i8u7y6t5r4e3w2q1!a@s#d$f%g^h&j*k(l)';
const PG_PASSWORD = 'pX7#kQ29vLm';
const AWS_ID = 'AKIAZ3MQ7XKW4PLV2RTN';
const AWS_SECRET = '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';
const ENV_PASSWORD = 'Hq7Zt2pLx9w';
const ALL_SECRETS = [KEY, BRANCH_KEY, MERGED_KEY, PG_PASSWORD, AWS_ID, AWS_SECRET, ENV_PASSWORD];

function historyGate(report: Report): GateResult {
  const g = report.gates.find((x) => x.gate === 'history');
  expect(g, 'the history gate ran').toBeDefined();
  return g!;
}

function e036(report: Report): Finding[] {
  return historyGate(report).findings.filter((f) => f.ruleId === SECRET_IN_HISTORY);
}

function lineOf(repo: Repo, rel: string, re: RegExp): number {
  const i = readFileSync(join(repo.dir, rel), 'utf8').split('\n').findIndex((l) => re.test(l));
  expect(i, `${rel} has a line matching ${re}`).toBeGreaterThanOrEqual(0);
  return i + 1;
}

describe('history gate: secrets in the history', () => {
  const repo = new Repo();
  const sha: Record<string, string> = {};
  let report: Report;
  let secrets: Set<string>;

  beforeAll(async () => {
    sha.base = repo.commit('project', '2024-01-02');
    // a key committed, then replaced by an environment read
    repo.write('mysite/settings.py', SETTINGS_FROM_ENV.replace('os.environ["DJANGO_SECRET_KEY"]', `"${KEY}"`));
    sha.keyAdded = repo.commit('settings', '2024-01-10');
    // the same key in a second file, later: still one finding, introduced by the first commit
    repo.write('docker-compose.yml', `services:\n  web:\n    build: .\n    environment:\n      DJANGO_SECRET_KEY: "${KEY}"\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: "${PG_PASSWORD}"\n`);
    sha.compose = repo.commit('compose', '2024-01-15');
    repo.write('mysite/settings.py', SETTINGS_FROM_ENV);
    repo.write('docker-compose.yml', `services:\n  web:\n    build: .\n    environment:\n      DJANGO_SECRET_KEY: \${DJANGO_SECRET_KEY:?}\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: "${PG_PASSWORD}"\n`);
    sha.keyRemoved = repo.commit('key from the environment', '2024-02-20');
    // an AWS key pair in a deploy script, still there
    repo.write('deploy/env.sh', `#!/bin/sh\nexport AWS_ACCESS_KEY_ID=${AWS_ID}\nexport AWS_SECRET_ACCESS_KEY=${AWS_SECRET}\n`);
    sha.aws = repo.commit('deploy', '2024-03-01');
    // placeholders and environment reads: nothing to report
    repo.write('mysite/settings_example.py', 'SECRET_KEY = "change-me-in-production"\nEMAIL_HOST_PASSWORD = "your-password-here"\nDATABASE_URL = "postgres://user:password@localhost/db"\n');
    repo.write('mysite/settings_reads.py', 'import os\nSECRET_KEY = os.environ["SECRET_KEY"]\nDATABASES = {"default": {"PASSWORD": os.environ.get("DB_PASSWORD", "")}}\nDB_URL = f"postgres://{USER}:{PASSWORD}@db/app"\n');
    repo.write('.env.example', 'SECRET_KEY=your-secret-key\nDB_PASSWORD=xxx\nDATABASE_URL=postgres://postgres:postgres@db:5432/app\nAWS_SECRET_ACCESS_KEY=<your-aws-secret>\nSENTRY_DSN=https://abcdef0123456789abcdef0123456789@o1.ingest.sentry.io/1\n');
    // a tracked .env
    repo.write('.env', `DEBUG=0\nDB_PASSWORD=${ENV_PASSWORD}\n`);
    sha.env = repo.commit('examples', '2024-03-05');
    // a key only on a branch
    repo.git('checkout', '-q', '-b', 'feature/rotate');
    repo.write('mysite/settings.py', `${SETTINGS_FROM_ENV}SECRET_KEY_FALLBACKS = ["${BRANCH_KEY}"]\n`);
    sha.branch = repo.commit('fallbacks', '2024-04-01');
    repo.git('checkout', '-q', 'main');
    // a key added and removed on a branch merged back and deleted: only --full-history sees it
    repo.git('checkout', '-q', '-b', 'hotfix');
    repo.write('mysite/local_settings.py', `SECRET_KEY = "${MERGED_KEY}"\n`);
    sha.merged = repo.commit('hotfix', '2024-04-10');
    repo.remove('mysite/local_settings.py');
    sha.mergedRemoved = repo.commit('oops', '2024-04-11');
    repo.git('checkout', '-q', 'main');
    execFileSync('git', ['merge', '-q', '--no-ff', '-m', 'merge hotfix', 'hotfix'], { cwd: repo.dir, env: { ...ENV, GIT_AUTHOR_DATE: '2024-04-12T12:00:00Z', GIT_COMMITTER_DATE: '2024-04-12T12:00:00Z' } });
    repo.git('branch', '-q', '-D', 'hotfix');
    ({ report, secrets } = await run({ path: repo.dir, gates: ['history'], env: ENV }));
  });

  it('fails, with one finding per distinct secret', () => {
    const g = historyGate(report);
    expect(g.status, g.detail).toBe('failed');
    expect(e036(report)).toHaveLength(6); // KEY, PG_PASSWORD, the AWS pair, ENV_PASSWORD, BRANCH_KEY, MERGED_KEY
    expect(g.detail).toMatch(/^9 commits on all refs, 9 touching settings, env or deploy files \(\d+ file versions read\); 6 secrets in the history \(3 still in the checked-out files\); 1 env file tracked$/);
  });

  it('a key committed then removed: found, naming the commit that introduced it and the one that removed it', () => {
    const f = e036(report).find((x) => x.message.startsWith(`A value of SECRET_KEY was committed in ${sha.keyAdded}`))!;
    expect(f).toBeDefined();
    expect(f.level).toBe('error');
    expect(f.message).toBe(
      `A value of SECRET_KEY was committed in ${sha.keyAdded} (2024-01-10) to mysite/settings.py (also in docker-compose.yml); ` +
        `removed in ${sha.keyRemoved} (2024-02-20) but still in the history: rotate it.`,
    );
    // at the file as it is today, on the line that sets SECRET_KEY now
    expect(f.location).toEqual({ file: 'mysite/settings.py', line: lineOf(repo, 'mysite/settings.py', /^SECRET_KEY = os\.environ/) });
    expect(f.fix).toContain('get_random_secret_key');
  });

  it('a password in a compose file, still there: at its line today', () => {
    const f = e036(report).find((x) => x.message.startsWith('A value of POSTGRES_PASSWORD'))!;
    expect(f.message).toBe(
      `A value of POSTGRES_PASSWORD was committed in ${sha.compose} (2024-01-15) to docker-compose.yml, and is still in docker-compose.yml:${lineOf(repo, 'docker-compose.yml', /POSTGRES_PASSWORD/)}: anyone with the repository has it — rotate it and move it out of the repository.`,
    );
    expect(f.location).toEqual({ file: 'docker-compose.yml', line: lineOf(repo, 'docker-compose.yml', /POSTGRES_PASSWORD/) });
  });

  it('an AWS key pair: one finding for the access key ID and its secret', () => {
    const aws = e036(report).filter((x) => /AWS/.test(x.message));
    expect(aws).toHaveLength(1);
    expect(aws[0].message).toMatch(new RegExp(`^An AWS access key pair \\(access key ID and secret access key\\) was committed in ${sha.aws} \\(2024-03-01\\) to deploy/env\\.sh, and is still in deploy/env\\.sh:2: `));
    expect(aws[0].level).toBe('error');
    expect(aws[0].fix).toContain('IAM');
  });

  it('a key only on a branch: found with --all, not in the checked-out files', () => {
    const f = e036(report).find((x) => x.message.startsWith('A key in SECRET_KEY_FALLBACKS'))!;
    expect(f.message).toBe(
      `A key in SECRET_KEY_FALLBACKS was committed in ${sha.branch} (2024-04-01) to mysite/settings.py; not in the checked-out files, but still in the history (on another branch or ref): rotate it.`,
    );
    // the checked-out settings.py has no SECRET_KEY_FALLBACKS: the finding sits at its SECRET_KEY
    expect(f.location).toEqual({ file: 'mysite/settings.py', line: lineOf(repo, 'mysite/settings.py', /^SECRET_KEY = /) });
  });

  it('a key added and removed on a branch merged and deleted since: found (no history simplification)', () => {
    const f = e036(report).find((x) => x.message.includes('mysite/local_settings.py'))!;
    expect(f.message).toBe(
      `A value of SECRET_KEY was committed in ${sha.merged} (2024-04-10) to mysite/local_settings.py; removed in ${sha.mergedRemoved} (2024-04-11) but still in the history: rotate it.`,
    );
    // the file is gone: the finding points at the project's production settings, at SECRET_KEY
    expect(f.location).toEqual({ file: 'mysite/settings.py', line: lineOf(repo, 'mysite/settings.py', /^SECRET_KEY = /) });
  });

  it('placeholders, environment reads, f-strings and letters-only passwords are not secrets', () => {
    for (const f of e036(report)) expect(f.message).not.toMatch(/settings_example|settings_reads|\.env\.example/);
    expect(historyGate(report).findings.filter((f) => f.location.file === '.env.example')).toEqual([]);
  });

  it('a tracked .env is a finding; a tracked .env.example of placeholders is not', () => {
    const env = historyGate(report).findings.filter((f) => f.ruleId === ENV_FILE_TRACKED);
    expect(env.map((f) => [f.location.file, f.level])).toEqual([['.env', 'warning']]);
    expect(env[0].message).toBe('.env is tracked by git: every clone gets it, and the next secret written there is committed. It sets DB_PASSWORD. It holds a secret (launch.E036).');
    expect(env[0].location.line).toBe(2);
    expect(e036(report).some((f) => f.message.startsWith(`A value of DB_PASSWORD was committed in ${sha.env} (2024-03-05) to .env, and is still in .env:2`))).toBe(true);
  });

  it('every value found is a secret every reporter redacts; no message or fix contains one', () => {
    for (const s of ALL_SECRETS) expect(secrets.has(s), s.slice(0, 4)).toBe(true);
    const text = JSON.stringify(report);
    for (const s of ALL_SECRETS) expect(text.includes(s), `the report contains ${s.slice(0, 4)}…`).toBe(false);
  });

  it('the findings sit under the SECRET_KEY checklist item, described by their rule metadata', () => {
    expect(report.checklist.find((c) => c.item === 'secret-key')?.status).toBe('findings');
    const ids = RUNTIME_RULES.map((r) => r.id);
    expect(ids).toEqual(expect.arrayContaining([SECRET_IN_HISTORY, ENV_FILE_TRACKED]));
    expect(report.rules.find((r) => r.id === SECRET_IN_HISTORY)?.checklist).toBe('secret-key');
  });

  describe('through the CLI: text, JSON and SARIF, with a counting git shim on PATH', () => {
    const shim = tempDir();
    const calls = join(shim, 'calls.log');
    const realGit = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
    writeFileSync(join(shim, 'git'), `#!/bin/sh\nprintf '%s\\n' "$*" >> '${calls}'\nexec '${realGit}' "$@"\n`);
    chmodSync(join(shim, 'git'), 0o755);
    const outputs: Record<string, string> = {};
    const sarifFiles: Record<string, string> = {};
    const logCalls: number[] = [];
    const gitCalls: number[] = [];

    beforeAll(async () => {
      for (const format of ['text', 'json', 'sarif']) {
        writeFileSync(calls, '');
        let out = '';
        let err = '';
        const sarifFile = join(shim, `${format}.sarif`);
        const code = await cli([repo.dir, '--gates', 'history', '--format', format, '--sarif', sarifFile, '--no-color'], {
          stdout: { write: (t: string) => (out += t) },
          stderr: { write: (t: string) => (err += t) },
          cwd: repo.dir,
          env: { ...ENV, PATH: `${shim}:${process.env.PATH}` },
        });
        expect(code, err).toBe(1);
        outputs[format] = out + err;
        sarifFiles[format] = readFileSync(sarifFile, 'utf8');
        const lines = readFileSync(calls, 'utf8').split('\n').filter(Boolean);
        logCalls.push(lines.filter((l) => /(^| )log( |$)/.test(l)).length);
        gitCalls.push(lines.length);
      }
    });

    it('no secret value in any output', () => {
      for (const [format, out] of Object.entries({ ...outputs, ...Object.fromEntries(Object.entries(sarifFiles).map(([k, v]) => [`${k} --sarif`, v])) })) {
        expect(out.length, format).toBeGreaterThan(200);
        for (const s of ALL_SECRETS) expect(out.includes(s), `${format} output contains ${s.slice(0, 4)}…`).toBe(false);
      }
      expect(outputs.text).toContain('launch.E036');
      expect(outputs.text).toContain(`removed in ${sha.keyRemoved} (2024-02-20) but still in the history: rotate it`);
      const json = JSON.parse(outputs.json) as Report;
      expect(json.findings.filter((f) => f.ruleId === SECRET_IN_HISTORY)).toHaveLength(6);
      const sarif = JSON.parse(outputs.sarif) as { runs: Array<{ tool: { driver: { rules: Array<{ id: string }> } }; results: Array<{ ruleId: string }> }> };
      expect(sarif.runs[0].tool.driver.rules.map((r) => r.id)).toEqual(expect.arrayContaining([SECRET_IN_HISTORY, ENV_FILE_TRACKED]));
      expect(sarif.runs[0].results.filter((r) => r.ruleId === SECRET_IN_HISTORY)).toHaveLength(6);
    });

    it('the whole history is one git log process; five git processes in all, whatever the number of commits', () => {
      expect(logCalls).toEqual([1, 1, 1]);
      // rev-parse, ls-files, log, cat-file --batch-check, cat-file --batch
      expect(gitCalls).toEqual([5, 5, 5]);
    });
  });
});

describe('history gate: what it cannot check', () => {
  it('a shallow clone is skipped, saying fetch-depth: 0 — never passed', async () => {
    const src = new Repo();
    src.write('mysite/settings.py', SETTINGS_FROM_ENV.replace('os.environ["DJANGO_SECRET_KEY"]', `"${KEY}"`));
    src.commit('one', '2024-01-01');
    src.write('mysite/settings.py', SETTINGS_FROM_ENV);
    src.commit('two', '2024-01-02');
    const dst = join(tempDir(), 'clone');
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${src.dir}`, dst], { env: ENV });
    const { report } = await run({ path: dst, gates: ['history'], env: ENV });
    const g = historyGate(report);
    expect(g.status).toBe('skipped');
    expect(g.detail).toBe(SHALLOW_DETAIL);
    expect(g.detail).toContain('fetch-depth: 0');
    expect(g.findings).toEqual([]);
    expect(report.checklist.find((c) => c.item === 'secret-key')?.status).not.toBe('pass');
  });

  // A pass by the rules gate does not win the item when the history gate asked for could not read the history;
  // and the verdict says the launch is not verified.
  it('a shallow clone with rules and history: the SECRET_KEY item is not passed, the launch not verified', async () => {
    const src = new Repo();
    src.commit('one', '2024-01-01');
    src.write('README', 'x\n');
    src.commit('two', '2024-01-02');
    const dst = join(tempDir(), 'clone');
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${src.dir}`, dst], { env: ENV });
    const { report } = await run({ path: dst, gates: ['rules', 'history'], env: ENV });
    expect(historyGate(report).status).toBe('skipped');
    expect(report.checklist.find((c) => c.item === 'secret-key')).toMatchObject({ status: 'not-checked', reason: expect.stringContaining('fetch-depth: 0') });
    expect(verdict(report).text).toMatch(/launch not verified: history not checked: shallow clone/);
  });

  it('a folder outside git is skipped, saying so', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'mysite'));
    writeFileSync(join(dir, 'manage.py'), 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "mysite.settings")\n');
    writeFileSync(join(dir, 'mysite', '__init__.py'), '');
    writeFileSync(join(dir, 'mysite', 'settings.py'), SETTINGS_FROM_ENV);
    const { report } = await run({ path: dir, gates: ['history'], env: ENV });
    const g = historyGate(report);
    expect(g.status).toBe('skipped');
    expect(g.detail).toMatch(/^history not checked: the folder is not in a git repository/);
  });

  it('git not installed is an error of the gate', async () => {
    const repo = new Repo();
    repo.commit('one', '2024-01-01');
    const { report } = await run({ path: repo.dir, gates: ['history'], env: { ...ENV, PATH: tempDir() } });
    const g = historyGate(report);
    expect(g.status).toBe('error');
    expect(g.detail).toContain('git is not installed');
  });

  it('a repository without commits passes: there is no history', async () => {
    const repo = new Repo();
    const { report } = await run({ path: repo.dir, gates: ['history'], env: ENV });
    expect(historyGate(report).status).toBe('passed');
  });
});

describe('history gate: the detector, line by line', () => {
  const found = (path: string, line: string) => new LineScanner(path).line(line, true).map((d) => [d.kind, d.name]);

  it.each([
    ['mysite/settings.py', `SECRET_KEY = "${KEY}"`, [['secret-key', 'SECRET_KEY']]],
    ['mysite/settings.py', `SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "${BRANCH_KEY}")`, [['secret-key', 'SECRET_KEY']]],
    ['mysite/settings.py', `SECRET_KEY = env("SECRET_KEY", default="${BRANCH_KEY}")`, [['secret-key', 'SECRET_KEY']]],
    ['mysite/settings.py', `        'PASSWORD': 'Xk9mP2vLq7',`, [['password', 'PASSWORD']]],
    ['mysite/settings.py', `EMAIL_HOST_PASSWORD = "mQ4#tR8!zW2v"`, [['password', 'EMAIL_HOST_PASSWORD']]],
    ['mysite/settings.py', `GITHUB_TOKEN = "ghp_R8mQ4tZ2vW9kL3nP7xC1bV5yH6jD0sF4aG8e"`, [['token', 'GITHUB_TOKEN']]],
    ['docker-compose.yml', `      - POSTGRES_PASSWORD=${PG_PASSWORD}`, [['password', 'POSTGRES_PASSWORD']]],
    ['docker-compose.yml', '      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:-Zk3pQ9wXm2}', [['password', 'POSTGRES_PASSWORD']]],
    ['.env', 'DATABASE_URL=postgres://app:Hq7Zt2pLx9@db.internal:5432/app', [['database-url', 'postgres://']]],
    ['.env', 'SENTRY_DSN=https://abcdef0123456789abcdef0123456789:0f1e2d3c4b5a69788796a5b4c3d2e1f0@sentry.io/1', [['sentry-dsn', 'https://']]],
    ['deploy/app.service', 'Environment="DJANGO_SECRET_KEY=Ab3dEf9hIj2kLm5nOp8q"', [['secret-key', 'DJANGO_SECRET_KEY']]],
    ['Dockerfile', 'ENV SECRET_KEY Ab3dEf9hIj2kLm5nOp8qZZ', [['secret-key', 'SECRET_KEY']]],
    ['k8s/secret.yaml', '  clientSecret: "T7v!Lq2#Zr9m"', [['secret', 'clientSecret']]],
  ])('%s: %s', (path, line, want) => {
    expect(found(path, line)).toEqual(want);
  });

  it.each([
    ['mysite/settings.py', 'SECRET_KEY = os.environ["SECRET_KEY"]'],
    ['mysite/settings.py', 'SECRET_KEY = config("SECRET_KEY")'],
    ['mysite/settings.py', 'SECRET_KEY = "change-me-in-production"'],
    ['mysite/settings.py', 'SECRET_KEY = "django-insecure-change-me"'],
    ['mysite/settings.py', 'SECRET_KEY = "abcdefghijklmnopqrstuvwxyz"'],
    ['mysite/settings.py', 'SECRET_KEY = "short1!"'],
    ['mysite/settings.py', 'SECRET_KEY = "xxxxxxxxxxxxxxxxxxxx"'],
    ['mysite/settings.py', 'SECRET_KEY = "django-insecure-" + get_random_string(50)'],
    ['mysite/settings.py', 'if SECRET_KEY == "q8#z!m2v@k7w$x4p":'],
    ['mysite/settings.py', "        'PASSWORD': 'postgres',"],
    ['mysite/settings.py', "        'PASSWORD': 'P@ssw0rd!',"],
    ['mysite/settings.py', "        'PASSWORD': 'admin12345',"],
    ['mysite/settings.py', "        'PASSWORD': os.environ.get('DB_PASSWORD', ''),"],
    ['mysite/settings.py', 'DB_URL = f"postgres://{DB_USER}:{DB_PASSWORD}@{DB_HOST}/app"'],
    ['mysite/settings.py', "AUTH_PASSWORD_VALIDATORS = ['x1y2z3w4v5u6']"],
    ['mysite/settings.py', "PASSWORD_RESET_TIMEOUT = 259200"],
    ['mysite/settings.py', "CSRF_COOKIE_NAME = 'csrftoken123'"],
    ['mysite/settings.py', "SECRET_KEY_FILE = '/run/secrets/django_key'"],
    ['.env.example', 'SECRET_KEY=your-secret-key'],
    ['.env.example', 'SECRET_KEY=<your-secret-key>'],
    ['.env.example', 'DB_PASSWORD=xxx'],
    ['.env.example', 'DB_PASSWORD=${DB_PASSWORD}'],
    ['.env.example', 'DB_PASSWORD=$DB_PASSWORD'],
    ['.env', 'DATABASE_URL=postgres://postgres:postgres@db:5432/app'],
    ['.env', 'DATABASE_URL=postgres://USER:PASSWORD@HOST:5432/NAME'],
    ['.env', 'DATABASE_URL=postgres://u:Hq7Zt2pLx9@example.com/db'],
    ['.env', 'SENTRY_DSN=https://abcdef0123456789abcdef0123456789@o1.ingest.sentry.io/1'],
    ['.env', 'AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE'],
    ['.env', 'AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'],
    ['docker-compose.yml', '      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}'],
    ['docker-compose.yml', '      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:?set it}'],
    ['.github/deploy.yml', '      DB_PASSWORD: ${{ secrets.DB_PASSWORD }}'],
    ['k8s/deploy.yaml', '          secretKeyRef:'],
    ['Dockerfile', 'RUN --mount=type=secret,id=db_password cat /run/secrets/db_password'],
    ['deploy/run.sh', 'export DB_PASSWORD="$(cat /run/secrets/db_password)"'],
    // seen in real histories (Tandoor's allauth rate limits, awx's dev websocket secret, a k8s Secret of placeholders)
    ['recipes/settings.py', '    "change_password": "1/m/user",'],
    ['recipes/settings.py', '    "reset_password": "1/m/ip,1/m/key",'],
    ['awx/settings/minikube.py', "BROADCAST_WEBSOCKET_SECRET = '🤖starscream🤖'"],
    ['k8s/15-secrets.yaml', '  postgresql-password: ZGItcGFzc3dvcmQ='],
    ['mysite/settings.py', `SECRET_KEY = "${KEY}"  # gitleaks:allow`],
    ['mysite/settings.py', `API_TOKEN = "${KEY}"  # pragma: allowlist secret`],
  ])('%s: %s — nothing', (path, line) => {
    expect(found(path, line)).toEqual([]);
  });

  it('a Kubernetes env entry: the name on one line, its value on the next', () => {
    const s = new LineScanner('k8s/deployment.yaml');
    expect(s.line('        - name: DB_PASSWORD', true)).toEqual([]);
    expect(s.line('          value: "Hq7Zt2pLx9w"', true).map((d) => [d.kind, d.name])).toEqual([['password', 'DB_PASSWORD']]);
  });

  it('SECRET_KEY_FALLBACKS over several lines, even when the list opens on a context line', () => {
    const s = new LineScanner('mysite/settings.py');
    expect(s.line('SECRET_KEY_FALLBACKS = [', false)).toEqual([]);
    expect(s.line(`    "${BRANCH_KEY}",`, true).map((d) => d.kind)).toEqual(['secret-key']);
    expect(s.line(']', false)).toEqual([]);
    expect(s.line('    "Zq8!older-key-9876",', true)).toEqual([]);
  });

  it('django-insecure- keys are secrets; weak dictionary passwords are not', () => {
    expect(looksSecret('django-insecure-8f#k2@v9!x$q1m&z7w^e3r(t)y_u+i')).toBe(true);
    for (const v of ['password123', 'Passw0rd!', 's3cr3t-k3y-2024', 'postgres2024', 'changeme123', '12345678']) expect(looksSecret(v), v).toBe(false);
  });
});

describe('history gate: the stream parsers', () => {
  it('the raw log: commits and changed files with their blobs, however the chunks fall, quoted paths included', () => {
    const events: string[] = [];
    const sink: RawSink = {
      commit: (sha, at) => events.push(`commit ${sha} ${at}`),
      change: (path, before, after) => events.push(`${path} ${before ?? '-'} ${after ?? '-'}`),
    };
    const a = 'a'.repeat(40);
    const b = 'b'.repeat(40);
    const zero = '0'.repeat(40);
    const log =
      `\x00abc1234\x001700000000\n\n:000000 100644 ${zero} ${a} A\tmy settings.py\n:100644 100644 ${a} ${b} M\tdeploy/app.sh\n` +
      `\x00def5678\x001600000000\n\n:100644 000000 ${b} ${zero} D\t"caf\\303\\251/.env"\n:160000 160000 ${a} ${b} M\tvendor/lib\n`;
    const p = new RawLogParser(sink);
    const bytes = Buffer.from(log, 'utf8');
    for (let i = 0; i < bytes.length; i += 7) p.push(bytes.subarray(i, i + 7));
    p.end();
    expect(events).toEqual([
      'commit abc1234 1700000000', `my settings.py - ${a}`, `deploy/app.sh ${a} ${b}`,
      'commit def5678 1600000000', `café/.env ${b} -`, 'vendor/lib - -',
    ]);
  });

  it('cat-file --batch: each blob whole, however the chunks fall', () => {
    const got: Array<[string, string]> = [];
    const p = new BatchParser((oid, content) => got.push([oid, content.toString('utf8')]));
    const out = Buffer.from(`${'a'.repeat(40)} blob 7\nx\ny\nzé\n${'b'.repeat(40)} missing\n${'c'.repeat(40)} blob 0\n\n`, 'utf8');
    for (let i = 0; i < out.length; i += 5) p.push(out.subarray(i, i + 5));
    expect(got).toEqual([['a'.repeat(40), 'x\ny\nzé'], ['c'.repeat(40), '']]);
  });

  it('the files read: settings, env and deploy files, nothing else', () => {
    for (const f of ['mysite/settings.py', 'config/settings/base.py', 'local_settings.py', 'app/gunicorn_config.py', '.env', 'prod.env', '.env.production', 'Dockerfile', 'docker/Dockerfile.prod', 'docker-compose.yml', 'compose.prod.yaml', 'Procfile', 'deploy/app.service', 'bin/release.sh', 'k8s/base/deployment.yaml', 'charts/app/values.yaml', 'app.json', 'fly.toml', 'render.yaml', '.do/deploy.template.yaml']) {
      expect(isHistoryFile(f), f).toBe(true);
    }
    for (const f of ['shop/views.py', 'README.md', 'settings.json', '.github/workflows/ci.yml', 'docs/environment.md', 'shop/models.py', 'package.json', 'awx/lib/site-packages/rest_framework/runtests/settings.py', 'node_modules/x/config.py', 'venv/lib/python3.12/settings.py']) {
      expect(isHistoryFile(f), f).toBe(false);
    }
  });

  it('development, test and example files: a secret only ever there is a note', () => {
    for (const f of ['mysite/settings/dev.py', 'tests/settings.py', 'test_settings.py', 'local_settings.py.example', '.env.example', 'docker-compose.override.yml', 'settings/local.py', 'docs/install/.env']) expect(isDevPath(f), f).toBe(true);
    for (const f of ['mysite/settings.py', 'local_settings.py', 'settings/production.py', '.env', 'docker-compose.yml', 'deploy/app.service']) expect(isDevPath(f), f).toBe(false);
  });
});
