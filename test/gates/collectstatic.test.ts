/**
 * The collectstatic gate on real Python and real Django 3.2, 4.2 and 5.2: collectstatic into a temporary
 * STATIC_ROOT with DEBUG=False and the production storage; ManifestStaticFilesStorage errors become
 * launch.E221 at the CSS or template that names the missing file; the hardened fixture passes; the
 * temporary folder is removed.
 */
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/tmp';
import type { GateResult, Report } from '../../src/finding';
import { run } from '../../src/run';
import { djangoVersions, HARDENED_ENV, ROOT } from '../support/django';

const HARDENED = join(ROOT, 'test', 'fixtures', 'hardened');
const RUNTIME = join(ROOT, 'test', 'fixtures', 'runtime');
const TIMEOUT = 120_000;

function lineOf(root: string, rel: string, re: RegExp): number {
  const i = readFileSync(join(root, rel), 'utf8').split('\n').findIndex((l) => re.test(l));
  expect(i, `${rel} has a line matching ${re}`).toBeGreaterThanOrEqual(0);
  return i + 1;
}

function gate(report: Report): GateResult {
  const g = report.gates.find((x) => x.gate === 'collectstatic');
  expect(g, 'collectstatic ran').toBeDefined();
  return g!;
}

const tempDirs = (): string[] => readdirSync(tmpdir()).filter((n) => n.startsWith('dlg-static-'));

for (const v of djangoVersions()) {
  describe(`collectstatic on Django ${v.version}`, () => {
    if (v.missing) {
      it.skip(`skipped: ${v.missing}`, () => {});
      return;
    }

    it('a template naming a static file that is not collected: launch.E221 at the template line', async () => {
      const dir = join(RUNTIME, 'missing-static');
      const { report } = await run({ path: dir, gates: ['collectstatic'], python: v.python, env: v.env });
      const g = gate(report);
      expect(g.status, g.detail).toBe('failed');
      const tpl = 'pages/templates/pages/home.html';
      expect(g.findings.map((f) => [f.ruleId, f.level, f.location.file, f.location.line])).toEqual([
        ['launch.E221', 'error', tpl, lineOf(dir, tpl, /css\/print\.css/)],
      ]);
      expect(g.findings[0].message).toContain("{% static 'css/print.css' %}");
      expect(g.findings[0].message).toContain("Missing staticfiles manifest entry for 'css/print.css'");
      expect(g.findings[0].fix).toBe("Add css/print.css to a static folder (an app's static/ or STATICFILES_DIRS), or correct the name in the {% static %} tag.");
      expect(g.detail).toContain('with DEBUG=False, ManifestStaticFilesStorage');
      expect(g.detail).toMatch(/2 \{% static %\} references checked against the manifest/);
      // The report knows the rule (reporters describe it from RUNTIME_RULES).
      expect(report.rules.some((r) => r.id === 'launch.E221')).toBe(true);
    }, TIMEOUT);

    it('a stylesheet referencing a missing file fails collectstatic: launch.E221 at the CSS line', async () => {
      const dir = join(RUNTIME, 'css-missing');
      const { report } = await run({ path: dir, gates: ['collectstatic'], python: v.python, env: v.env });
      const g = gate(report);
      expect(g.status, g.detail).toBe('failed');
      const css = 'static/css/site.css';
      expect(g.findings.map((f) => [f.ruleId, f.location.file, f.location.line])).toEqual([['launch.E221', css, lineOf(dir, css, /logo\.png/)]]);
      expect(g.findings[0].message).toContain("The file 'img/logo.png' could not be found");
      expect(g.findings[0].message).not.toMatch(/object at 0x/);
      expect(g.findings[0].fix).toBe('Add img/logo.png to a static folder, or correct the url() that names it here.');
    }, TIMEOUT);

    it('collectstatic failing on a setting (no STATIC_URL) is launch.E221 whose fix names the setting, not a missing file', async () => {
      const dir = tempDir('dlg-nourl-');
      cpSync(join(RUNTIME, 'css-missing'), dir, { recursive: true });
      const settings = join(dir, 'proj', 'settings.py');
      writeFileSync(settings, readFileSync(settings, 'utf8').replace(/^STATIC_URL = .*\n/m, ''));
      const { report } = await run({ path: dir, gates: ['collectstatic'], python: v.python, env: v.env });
      const g = gate(report);
      expect(g.status, g.detail).toBe('failed');
      expect(g.findings.map((f) => f.ruleId)).toEqual(['launch.E221']);
      expect(g.findings[0].message).toContain('STATIC_URL');
      expect(g.findings[0].fix).toBe('Set or correct STATIC_URL in the production settings, so collectstatic --noinput succeeds with DEBUG=False.');
    }, TIMEOUT);

    it('a remote static files storage is never uploaded to: the gate is skipped, saying why', async () => {
      const { report } = await run({ path: join(RUNTIME, 'remote-storage'), gates: ['collectstatic'], python: v.python, env: v.env });
      const g = gate(report);
      expect(g.findings).toEqual([]);
      expect(g.status).toBe('skipped');
      expect(g.detail).toContain('the static files storage proj.bucket.BucketStorage is remote: collectstatic would upload to it');
    }, TIMEOUT);

    it('the hardened fixture passes, and no temporary STATIC_ROOT is left behind', async () => {
      const before = new Set(tempDirs());
      const { report } = await run({ path: HARDENED, gates: ['collectstatic'], python: v.python, env: { ...v.env, ...HARDENED_ENV } });
      const g = gate(report);
      expect(g.findings.map((f) => f.message)).toEqual([]);
      expect(g.status, g.detail).toBe('passed');
      expect(g.detail).toMatch(/config\.settings\.production with DEBUG=False, \w+ on Django/);
      expect(g.detail).toMatch(/[1-9]\d* files collected/);
      expect(tempDirs().filter((d) => !before.has(d))).toEqual([]);
    }, TIMEOUT);
  });
}
