/**
 * Runs every rule over its fixture folder test/rules/<ID>/ (semgrep style): a `# ruleid: ID` comment
 * means the rule must report on the next line, `# ok: ID` means it must not. Missed or extra hits fail.
 * A fixture's `.new-files` (one path per line, relative to it) lists the files its change adds since the base
 * ref, as `--base-ref` computes them: the migration-safety rules judge those.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTextUnder } from '../src/files';
import { CHECKLIST, type Level } from '../src/finding';
import { runRules } from '../src/gates/rules';
import { scan, type ScanContext } from '../src/project/scan';
import { RULES } from '../src/rules/index';
import type { Rule, RuleHit } from '../src/rules/rule';
import { applySuppressions, ranOf, runReview, suppressionsOf } from '../src/suppressions';

const FIXTURES = join(__dirname, 'rules');
const DOCS = join(__dirname, '..', 'docs', 'rules');

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...filesUnder(p));
    else if (e.isFile()) out.push(p);
  }
  return out;
}

/**
 * `# ruleid: ID` — the rule must report the next line (at its level, never downgraded to a note unless the
 * rule is a note rule); `# note: ID` — it must report the next line as a note (a finding it cannot confirm,
 * said out loud); `# ok: ID` — it must not report the next line at all.
 */
function annotations(dir: string, id: string): { expected: Set<string>; notes: Set<string>; ok: Set<string> } {
  const expected = new Set<string>();
  const notes = new Set<string>();
  const ok = new Set<string>();
  const re = /#\s*(ruleid|note|ok):\s*([\w.,\s]+?)\s*$/;
  for (const f of filesUnder(dir)) {
    const rel = relative(dir, f).split(sep).join('/');
    const lines = readFileSync(f, 'utf8').split('\n');
    lines.forEach((line, i) => {
      const m = re.exec(line.trim());
      if (!m) return;
      const ids = m[2].split(',').map((s) => s.trim());
      if (!ids.includes(id)) return;
      (m[1] === 'ruleid' ? expected : m[1] === 'note' ? notes : ok).add(`${rel}:${i + 2}`);
    });
  }
  return { expected, notes, ok };
}

const LETTER: Record<Level, string> = { error: 'E', warning: 'W', note: 'I' };

/**
 * A rule that reviews the run (Rule.review) is judged as the engine judges it: after every other code rule
 * has run over the fixture, with inline suppressions applied.
 */
function reviewHits(ctx: ScanContext, rule: Rule): RuleHit[] {
  const others = RULES.filter((r) => !r.review);
  const gate = runRules(ctx, others);
  const findings = gate.gate.findings;
  const comments = suppressionsOf(ctx, findings, readTextUnder(ctx.root));
  applySuppressions(findings, comments);
  return rule.review!(ctx, runReview(findings, comments, ranOf(new Set(others.map((r) => r.meta.id)), [gate.gate])));
}

describe('rule fixtures', () => {
  for (const rule of RULES) {
    const id = rule.meta.id;
    it(`${id} ${rule.meta.name}: reports exactly the # ruleid lines of its fixture`, () => {
      const dir = join(FIXTURES, id);
      expect(statSync(dir).isDirectory(), `fixture folder test/rules/${id}/ is missing`).toBe(true);
      const { expected, notes, ok } = annotations(dir, id);
      expect(expected.size, `fixture for ${id} has no '# ruleid: ${id}' line`).toBeGreaterThan(0);
      if (id !== 'launch.I001') expect(ok.size, `fixture for ${id} has no '# ok: ${id}' line`).toBeGreaterThan(0);
      const marker = join(dir, '.new-files');
      const newFiles = existsSync(marker) ? new Set(readFileSync(marker, 'utf8').split('\n').map((l) => l.trim()).filter(Boolean)) : undefined;
      const ctx = scan(dir, newFiles ? { newFiles } : {});
      const res = [...rule.check(ctx).hits, ...(rule.review ? reviewHits(ctx, rule) : [])];
      const got = new Set(res.map((h) => `${h.location.file}:${h.location.line}`));
      const gotNotes = new Set(res.filter((h) => (h.level ?? rule.meta.level) === 'note').map((h) => `${h.location.file}:${h.location.line}`));
      const want = new Set([...expected, ...notes]);
      const missed = [...want].filter((e) => !got.has(e)).sort();
      const extra = [...got].filter((g) => !want.has(g)).sort();
      const okViolations = [...ok].filter((o) => got.has(o)).sort();
      const notNotes = [...notes].filter((n) => got.has(n) && !gotNotes.has(n)).sort();
      const downgraded = rule.meta.level === 'note' ? [] : [...expected].filter((e) => gotNotes.has(e) && ![...notes].includes(e)).sort();
      expect({ missed, extra, okViolations, notNotes, downgraded }).toEqual({ missed: [], extra: [], okViolations: [], notNotes: [], downgraded: [] });
    });
  }
});

/** What a finding says must hold for the whole of what it describes: cases where a message once claimed more. */
describe('what messages say', () => {
  const lineOf = (id: string, rel: string, text: string) => readFileSync(join(FIXTURES, id, rel), 'utf8').split('\n').findIndex((l) => l.includes(text)) + 1;
  const hitsOf = (id: string, folder: string) => {
    const rule = RULES.find((r) => r.meta.id === id)!;
    return rule.check(scan(join(FIXTURES, id, folder))).hits;
  };

  it('launch.W061 on a range that also allows Django before 4.2 (SQUAD: Django>=3) says what both ends do, not that STORAGES exists', () => {
    const [hit] = hitsOf('launch.W061', 'open_range_from_3');
    expect(hit.message).toContain('allows Django >=3');
    expect(hit.message).toContain('before 4.2');
    expect(hit.message).toContain('Django 5.1 and later');
    expect(hit.message).not.toMatch(/where STORAGES\["staticfiles"\] exists/);
  });

  it("launch.E038 with a placeholder key a production image ships (doccano's ENV SECRET_KEY) reports nothing but is undecided, never passed, and never shows the value", () => {
    const rule = RULES.find((r) => r.meta.id === 'launch.E038')!;
    const res = rule.check(scan(join(FIXTURES, 'launch.E038', 'dockerfile_placeholder')));
    expect(res.hits).toEqual([]);
    expect(res.undecided).toContain('a placeholder (Dockerfile:7)');
    expect(res.undecided).not.toContain('change-me');
    expect(rule.check(scan(join(FIXTURES, 'launch.E038', 'dockerfile_env'))).undecided).toBeUndefined();
  });

  it("launch.W120 on a view whose only cookie is a display preference (AstroBin's theme toggle) says so, not that servers call it with a credential", () => {
    const hit = hitsOf('launch.W120', 'project').find((h) => h.message.includes('`ThemeToggle`'));
    expect(hit?.level).toBe('note');
    expect(hit?.message).toContain('the only cookie it reads, "high_contrast_theme", is a preference that logs no one in');
    expect(hit?.message).not.toContain('other servers call');
  });

  it("launch.W233 making a field with default= NOT NULL says Django fills the NULL rows first (apilos's blank_and_null migrations), not that the migration fails on them", () => {
    const hits = hitsOf('launch.W233', '.');
    const filled = hits.find((h) => h.location.line === lineOf('launch.W233', 'shop/migrations/0003_alter_types.py', 'name="note", field=models.TextField(default="")'));
    expect(filled?.message).toContain("Django first updates the rows still NULL to the field's default");
    expect(filled?.message).not.toContain('fails on any row still NULL');
    const blank = hits.find((h) => h.location.line === lineOf('launch.W233', 'shop/migrations/0003_alter_types.py', 'name="remark", field=models.TextField(blank=True)'));
    expect(blank?.message).toContain('the migration fails on any row still NULL');
  });

  it('launch.W123 names the query key the view reads in its example link (c3nav reads ?r=, not ?next=)', () => {
    const hit = hitsOf('launch.W123', 'project').find((h) => h.message.includes('request.GET') && h.location.line === lineOf('launch.W123', 'project/accounts/views.py', 'redirect(request.GET["to"])'));
    expect(hit?.message).toContain('`?to=https://evil.example`');
  });

  it('launch.W041 with the engine read from the environment names that variable, not the host or name ones (scancode.io)', () => {
    const [hit] = hitsOf('launch.W041', 'engine_from_env');
    expect(hit.message).toContain('when APP_DB_ENGINE is unset');
    expect(hit.message).not.toMatch(/APP_DB_HOST|APP_DB_NAME|the environment variables the database configuration reads/);
  });

  it('launch.W105 off unless an undecided condition turns it on names the variable the condition reads (money-to-prisoners: ENV)', () => {
    const [hit] = hitsOf('launch.W105', 'env_selector_default_local');
    expect(hit.message).toContain('when ENV is unset');
    expect(hit.message).not.toContain('its environment variable');
  });

  it("launch.E010 from the .env a production image holds says where the image gets it, not the settings' default (Firefox Relay)", () => {
    const [hit] = hitsOf('launch.E010', 'decouple_image_dotenv');
    expect(hit.message).toContain('when DEBUG is unset, as the .env in the production image says (Dockerfile:4 copies .env-dist to /app/.env');
  });

  it('launch.W110 with an app list the scan cannot compute says the login endpoints are undecided, never passed', () => {
    const rule = RULES.find((r) => r.meta.id === 'launch.W110')!;
    const res = rule.check(scan(join(FIXTURES, 'launch.W110', 'unknown_apps')));
    expect(res.hits).toEqual([]);
    expect(res.undecided).toContain('1 login endpoint found, but whether production limits login attempts cannot be decided');
  });

  it("launch.W080 mail through a provider's API backend (django-anymail) says the API, not SMTP", () => {
    const [hit] = hitsOf('launch.W080', 'provider_api_backend');
    expect(hit.message).toContain("through a provider's HTTP API (anymail.backends.postmark.EmailBackend)");
    expect(hit.message).not.toContain('SMTP');
  });

  it('launch.W080 with EMAIL_BACKEND read from the environment names the variable, not SMTP', () => {
    const [hit] = hitsOf('launch.W080', 'backend_from_environment');
    expect(hit.message).toContain('through the backend `EMAIL_BACKEND` names in the environment');
    expect(hit.message).not.toContain('over SMTP');
  });

  it('launch.W080 with the backend chosen among local ones and an API one (redbox: file, console or GOV.UK Notify) says the API, not SMTP', () => {
    const [hit] = hitsOf('launch.W080', 'backend_local_or_api');
    expect(hit.message).toContain("through a provider's HTTP API (django_gov_notify.backends.NotifyEmailBackend)");
    expect(hit.message).not.toContain('SMTP');
  });
});

describe('rule metadata and docs', () => {
  it('IDs are unique and Django-style: launch.<level letter><3 digits>, the letter matching the level', () => {
    const ids = RULES.map((r) => r.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of RULES) {
      expect(r.meta.id).toMatch(/^launch\.[EWI]\d{3}$/);
      expect(r.meta.id[7]).toBe(LETTER[r.meta.level]);
      expect(Object.keys(CHECKLIST)).toContain(r.meta.checklist);
      expect(r.meta.securitySeverity).toBeGreaterThanOrEqual(0);
      expect(r.meta.securitySeverity).toBeLessThanOrEqual(10);
      expect(r.meta.fix.length).toBeGreaterThan(10);
    }
  });
  for (const rule of RULES) {
    it(`${rule.meta.id} has a doc page with the five sections`, () => {
      const text = readFileSync(join(DOCS, `${rule.meta.id}.md`), 'utf8');
      expect(text.split('\n')[0]).toBe(`# ${rule.meta.id} ${rule.meta.name}`);
      for (const h of ['## What it does', '## Why is this bad?', '## Example', '## Use instead', '## References']) expect(text).toContain(h);
    });
  }
});

describe('README', () => {
  it('lists every rule with a link to its doc page', () => {
    const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
    for (const r of RULES) expect(readme, `README is missing ${r.meta.id}`).toContain(`[\`${r.meta.id}\`](docs/rules/${r.meta.id}.md)`);
  });
});
