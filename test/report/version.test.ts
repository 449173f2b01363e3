import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { docsUrl, TOOL } from '../../src/version';

describe('TOOL', () => {
  test('version equals package.json version', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { name: string; version: string; homepage?: string };
    expect(TOOL.version).toBe(pkg.version);
    expect(TOOL.name).toBe(pkg.name);
    expect(TOOL.informationUri).toBe('https://github.com/django-launch-gate/django-launch-gate');
  });

  test('docsUrl points at the rule page on the v1 tag, ID encoded', () => {
    expect(docsUrl('launch.E010')).toBe('https://github.com/django-launch-gate/django-launch-gate/blob/v1/docs/rules/launch.E010.md');
    expect(docsUrl('a b/c')).toBe('https://github.com/django-launch-gate/django-launch-gate/blob/v1/docs/rules/a%20b%2Fc.md');
  });
});
