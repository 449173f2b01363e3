/**
 * The config file (src/config.ts): `.django-launch-gate.toml` or `[tool.django-launch-gate]` in pyproject.toml.
 * Each key does what the README says on a real project in a temp folder — `exclude` globs the scan never reads,
 * per-rule `level`, `production-settings` / `dev-settings` module globs in the settings resolution — and every bad
 * value is exit 2 with one line naming the file, the key and what to write.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG_KEYS, loadConfig } from '../src/config';
import { projectDir, runCli } from './support/cli';

const SETTINGS = `import os
SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
DEBUG = False
ALLOWED_HOSTS = ["example.com"]
`;

function project(files: Record<string, string>): string {
  return projectDir('dlg-config-', {
    'manage.py': 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "app.settings")\n',
    'app/__init__.py': '',
    'app/settings.py': SETTINGS,
    ...files,
  });
}

interface JsonReport {
  projects: Array<{ root: string; settingsModule: string | null; reason: string }>;
  findings: Array<{ ruleId: string; level: string; location: { file: string; line: number } }>;
}

async function scanJson(dir: string): Promise<JsonReport> {
  const r = await runCli([dir, '--format', 'json']);
  expect(r.err).toBe('');
  return JSON.parse(r.out) as JsonReport;
}

/** exit 2, one line on stderr naming the config file and containing `text`. */
async function configError(files: Record<string, string>, text: string): Promise<string> {
  const dir = project(files);
  const r = await runCli([dir]);
  expect(r.code).toBe(2);
  const lines = r.err.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^django-launch-gate: config .*(\.django-launch-gate\.toml|pyproject\.toml): /);
  expect(lines[0]).toContain(text);
  return lines[0];
}

describe('exclude', () => {
  it('files and folders the globs match are never read: no project, no settings, no finding from them', async () => {
    const files = {
      'legacy/manage.py': 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "old.settings")\n',
      'legacy/old/__init__.py': '',
      'legacy/old/settings.py': 'DEBUG = True\nSECRET_KEY = "django-insecure-legacy-literal-key-0000"\n',
      'app/tests/settings_ci.py': 'X = (\n', // a syntax error: launch.I001 unless excluded
      'app/generated_pb2.py': 'Y = (\n',
    };
    const all = await scanJson(project(files));
    expect(all.projects.map((p) => p.root || '.').sort()).toEqual(['.', 'legacy']);
    expect(all.findings.some((f) => f.location.file.startsWith('legacy/'))).toBe(true);
    expect(all.findings.filter((f) => f.ruleId === 'launch.I001').map((f) => f.location.file).sort()).toEqual(['app/generated_pb2.py', 'app/tests/settings_ci.py']);

    const toml = 'exclude = ["legacy/**", "**/tests/**", "**/*_pb2.py"]\n';
    for (const config of <Array<Record<string, string>>>[{ '.django-launch-gate.toml': toml }, { 'pyproject.toml': `[project]\nname = "x"\n\n[tool.django-launch-gate]\n${toml}` }]) {
      const some = await scanJson(project({ ...files, ...config }));
      expect(some.projects.map((p) => p.root || '.')).toEqual(['.']);
      expect(some.findings.filter((f) => f.location.file.startsWith('legacy/') || f.ruleId === 'launch.I001')).toEqual([]);
    }
  });

  it('bad values: not a list of strings, absolute, above the root', async () => {
    await configError({ '.django-launch-gate.toml': 'exclude = "legacy/**"\n' }, 'exclude must be a list of strings, like exclude = ["legacy/**", "**/tests/**"]');
    await configError({ '.django-launch-gate.toml': 'exclude = ["/etc/**"]\n' }, 'exclude "/etc/**" is not relative to the scan root — write globs like "legacy/**" or "**/tests/**"');
    await configError({ '.django-launch-gate.toml': 'exclude = ["../other/**"]\n' }, 'exclude "../other/**" is not relative to the scan root');
    await configError({ '.django-launch-gate.toml': 'exclude = [""]\n' }, 'exclude must be a list of strings');
  });
});

describe('level', () => {
  it("a rule's findings at the configured level, as a [level] table, an inline table or unquoted dotted keys", async () => {
    const before = await scanJson(project({}));
    expect(before.findings.find((f) => f.ruleId === 'launch.W090')?.level).toBe('warning');
    for (const toml of ['[level]\n"launch.W090" = "note"\n', 'level = { "launch.W090" = "note" }\n', '[level]\nlaunch.W090 = "note"\n']) {
      const after = await scanJson(project({ '.django-launch-gate.toml': toml }));
      expect(after.findings.find((f) => f.ruleId === 'launch.W090')?.level, toml).toBe('note');
    }
    // raised: fail-on error now fails on it
    const raised = project({ '.django-launch-gate.toml': '[level]\n"launch.W090" = "error"\n"security.W004" = "note"\n' });
    expect((await runCli([raised])).code).toBe(1);
    expect((await runCli([project({})])).code).toBe(0);
    expect(loadConfig(raised, undefined, process.cwd()).level).toEqual({ 'launch.W090': 'error', 'security.W004': 'note' });
  });

  it('never raises a finding the rule itself made lower (a check SILENCED_SYSTEM_CHECKS silences stays a note)', async () => {
    const secure = `${SETTINGS}MIDDLEWARE = ["django.middleware.security.SecurityMiddleware"]\n`;
    const config = { '.django-launch-gate.toml': 'level = { "launch.W101" = "error" }\n', 'app/settings.py': secure };
    const raised = await scanJson(project(config));
    expect(raised.findings.filter((f) => f.ruleId === 'launch.W101').map((f) => f.level)).toEqual(['error']);
    const silenced = await scanJson(project({ ...config, 'app/settings.py': `${secure}SILENCED_SYSTEM_CHECKS = ["security.W004"]\n` }));
    expect(silenced.findings.filter((f) => f.ruleId === 'launch.W101').map((f) => f.level)).toEqual(['note']);
    // lowering always applies
    const lowered = await scanJson(project({ 'app/settings.py': SETTINGS.replace('DEBUG = False', 'DEBUG = True'), '.django-launch-gate.toml': 'level = { "launch.E010" = "warning" }\n' }));
    expect(lowered.findings.filter((f) => f.ruleId === 'launch.E010').map((f) => f.level)).toEqual(['warning']);
  });

  it('bad values: unknown rule, a level that is none, not a table', async () => {
    await configError({ '.django-launch-gate.toml': 'level = { "launch.W999" = "note" }\n' }, 'level names unknown rule "launch.W999" — see docs/rules for the IDs');
    await configError({ '.django-launch-gate.toml': 'level = { "W090" = "note" }\n' }, 'level names unknown rule "W090"');
    await configError({ '.django-launch-gate.toml': 'level = { "launch.W090" = "info" }\n' }, 'level "launch.W090" must be "error", "warning" or "note", not "info"');
    await configError({ '.django-launch-gate.toml': 'level = { "launch.W090" = "off" }\n' }, 'not "off" — to turn a rule off, list it in disable');
    await configError({ '.django-launch-gate.toml': 'level = "note"\n' }, 'level must be a table of rule IDs, like level = { "launch.W090" = "note" }');
    await configError({ 'pyproject.toml': '[tool.django-launch-gate.level]\n"launch.W090" = 3\n' }, 'level "launch.W090" must be "error", "warning" or "note", not 3');
  });
});

describe('production-settings and dev-settings', () => {
  // wsgi.py names app.settings (which sets things); app/settings_eu.py is named like nothing in particular
  const LAYOUT = {
    'app/wsgi.py': 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "app.settings")\n',
    'app/settings_eu.py': 'from .settings import *\nDEBUG = True\n',
  };

  it('production-settings: the project module it matches is production, before deploy files and wsgi.py', async () => {
    expect((await scanJson(project(LAYOUT))).projects[0].settingsModule).toBe('app.settings');
    const dir = project({ ...LAYOUT, Dockerfile: 'FROM python:3.12\nENV DJANGO_SETTINGS_MODULE=app.settings\n', '.django-launch-gate.toml': 'production-settings = ["*.settings_eu"]\n' });
    const report = await scanJson(dir);
    expect(report.projects[0].settingsModule).toBe('app.settings_eu');
    expect(report.projects[0].reason).toBe('matched by production-settings in the config (app/settings_eu.py)');
    expect(report.findings.some((f) => f.ruleId === 'launch.E010' && f.location.file === 'app/settings_eu.py')).toBe(true);
  });

  it('dev-settings: a module it matches is never judged as production, even when a deploy file names it', async () => {
    const files = { ...LAYOUT, Procfile: 'web: DJANGO_SETTINGS_MODULE=app.settings_eu gunicorn app.wsgi\n' };
    expect((await scanJson(project(files))).projects[0].settingsModule).toBe('app.settings_eu');
    const report = await scanJson(project({ ...files, '.django-launch-gate.toml': 'dev-settings = ["app.settings_eu"]\n' }));
    expect(report.projects[0].settingsModule).toBe('app.settings');
    expect(report.findings.some((f) => f.ruleId === 'launch.E010')).toBe(false);
    // matched by both: production wins
    const both = await scanJson(project({ ...files, '.django-launch-gate.toml': 'dev-settings = ["app.*"]\nproduction-settings = ["app.settings_eu"]\n' }));
    expect(both.projects[0].settingsModule).toBe('app.settings_eu');
  });

  it('bad values: a path instead of a module, not a list', async () => {
    await configError({ '.django-launch-gate.toml': 'production-settings = ["app/settings.py"]\n' }, 'production-settings "app/settings.py" is not a dotted module name or glob — write e.g. "mysite.settings.production" or "*.settings.prod*"');
    await configError({ '.django-launch-gate.toml': 'dev-settings = "app.dev"\n' }, 'dev-settings must be a list of strings, like dev-settings = ["*.settings.prod*"]');
  });
});

describe('fail-on', () => {
  it("the config's fail-on decides the exit code unless --fail-on is given", async () => {
    // SESSION_COOKIE_SECURE unset (a warning, launch.W105) and nothing at error level.
    const dir = project({ '.django-launch-gate.toml': 'fail-on = "warning"\n' });
    const byConfig = await runCli([dir, '--format', 'json']);
    expect((JSON.parse(byConfig.out) as { findings: Array<{ level: string }> }).findings.some((f) => f.level === 'warning')).toBe(true);
    expect(byConfig.code).toBe(1);
    expect((await runCli([dir, '--format', 'json', '--fail-on', 'error'])).code).toBe(0);
    expect((await runCli([project({}), '--format', 'json'])).code).toBe(0); // no config: error
  });
});

describe('unknown keys stay clear errors', () => {
  it('names the key and every known key', async () => {
    const line = await configError({ '.django-launch-gate.toml': 'excludes = ["legacy/**"]\n' }, 'unknown key "excludes" — known keys: ');
    for (const k of CONFIG_KEYS) expect(line).toContain(k);
  });
});

describe('--config that is not a readable file', () => {
  it('a folder, a missing file: one line saying which, exit 2', async () => {
    const dir = project({});
    const folder = await runCli([dir, '--config', dir]);
    expect(folder.code).toBe(2);
    expect(folder.err.trim()).toBe(`django-launch-gate: config ${dir} is a folder, not a file — pass the TOML file itself with --config, e.g. --config .django-launch-gate.toml`);
    const missing = await runCli([dir, '--config', join(dir, 'nope.toml')]);
    expect(missing.code).toBe(2);
    expect(missing.err.trim().split('\n')).toHaveLength(1);
    expect(missing.err).toContain('nope.toml does not exist');
  });
});

describe('README', () => {
  it('the "Config file" block shows every key', () => {
    const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
    const block = /Config file \(TOML\), all keys optional:\n\n```toml\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';
    for (const k of CONFIG_KEYS) expect(block, `README config block is missing ${k}`).toMatch(new RegExp(`^(\\[${k}\\]|${k} =)`, 'm'));
  });
});
