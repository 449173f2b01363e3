/** Every live-site rule: Django-style ID whose letter is its level, the live-site item, a doc page, a README row. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECKLIST } from '../../src/finding';
import { RUNTIME_RULES } from '../../src/gates/rules-meta';
import { RULES } from '../../src/rules/index';
import { LIVE_CHECKS, VERIFY_RULES } from '../../src/verify/checks/index';

const ROOT = join(__dirname, '..', '..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const LETTER = { error: 'E', warning: 'W', note: 'I' } as const;

describe('live-site rules', () => {
  it('the checklist item', () => {
    expect(CHECKLIST['live-site']).toBe('The live site (HTTPS, headers, no debug page)');
  });

  it('nine checks; IDs launch.[EWI]3NN, unique, numbered in check order, apart from every other rule', () => {
    expect(LIVE_CHECKS).toHaveLength(9);
    const ids = VERIFY_RULES.map((r) => r.id);
    expect(ids).toEqual([...ids].sort((a, b) => a.slice(8).localeCompare(b.slice(8))));
    expect(new Set(ids).size).toBe(ids.length);
    const others = [...RULES.map((r) => r.meta), ...RUNTIME_RULES];
    for (const r of VERIFY_RULES) {
      expect(r.id).toMatch(/^launch\.[EWI]3\d\d$/);
      expect(r.id[7]).toBe(LETTER[r.level]);
      expect(r.checklist).toBe('live-site');
      expect(r.name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(r.fix.length).toBeGreaterThan(10);
      expect(r.tags).toContain('live-site');
      expect(others.map((o) => o.id)).not.toContain(r.id);
      expect(others.map((o) => o.name)).not.toContain(r.name);
    }
  });

  for (const r of VERIFY_RULES) {
    it(`${r.id} ${r.name}: a doc page with the five sections, and a row in the README's verify table`, () => {
      const text = readFileSync(join(ROOT, 'docs', 'rules', `${r.id}.md`), 'utf8');
      expect(text.split('\n')[0]).toBe(`# ${r.id} ${r.name}`);
      for (const h of ['## What it does', '## Why is this bad?', '## Example', '## Use instead', '## References']) expect(text).toContain(h);
      expect(README).toMatch(new RegExp(`^\\| \\[\`${r.id.replace('.', '\\.')}\`\\]\\(docs/rules/${r.id.replace('.', '\\.')}\\.md\\) \\| [^|]+ \\| [^|]+ \\| ${r.level} \\|$`, 'm'));
    });
  }
});
