/** Every rule ID the runtime gates define has metadata the reporters use and a doc page in the rules' format. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECKLIST, LEVELS } from '../../src/finding';
import { RUNTIME_RULES } from '../../src/gates/rules-meta';
import { RULES } from '../../src/rules/index';

const DOCS = join(__dirname, '..', '..', 'docs', 'rules');

describe('runtime rule metadata', () => {
  it('has unique IDs, distinct from the code rules', () => {
    const ids = RUNTIME_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of RULES) expect(ids).not.toContain(r.meta.id);
    expect(ids).toEqual(expect.arrayContaining(['launch.E201', 'launch.E211', 'launch.E212', 'launch.E213', 'launch.E214']));
  });

  for (const meta of RUNTIME_RULES) {
    it(`${meta.id}: level matches its letter, known checklist item, a doc page with the five sections`, () => {
      expect(LEVELS).toContain(meta.level);
      // the runtime gates' own range, and the history gate's IDs beside the other SECRET_KEY rules
      expect(meta.id).toMatch(/^launch\.[EWI](2\d\d|03[6-9])$/);
      expect(meta.id[7]).toBe({ error: 'E', warning: 'W', note: 'I' }[meta.level]);
      expect(Object.keys(CHECKLIST)).toContain(meta.checklist);
      expect(meta.name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      const text = readFileSync(join(DOCS, `${meta.id}.md`), 'utf8');
      expect(text.split('\n')[0]).toBe(`# ${meta.id} ${meta.name}`);
      for (const h of ['## What it does', '## Why is this bad?', '## Example', '## Use instead', '## References']) expect(text).toContain(h);
    });
  }
});
