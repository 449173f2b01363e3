/**
 * Python 2 syntax that tree-sitter-python accepts but CPython 3 refuses is a syntax error for the scan too:
 * a settings file written in it cannot be imported, so it must never be read as if it could.
 */
import { describe, expect, it } from 'vitest';
import { firstErrorLine, parsePython } from '../../src/project/python';
import { withoutShortcuts } from '../../src/project/shortcuts';

describe('Python 2 only syntax is a syntax error', () => {
  const cases: Array<[string, string]> = [
    ['print statement', 'import sys\nprint "done"\n'],
    ['print chevron', 'import sys\nprint >>sys.stderr, "x"\n'],
    ['exec statement', 'x = 1\nexec "y = 2"\n'],
    ['raise with a comma', 'x = 1\nraise ValueError, "bad"\n'],
    ['backquotes', 'x = 1\ny = `x`\n'],
    ['old octal', 'x = 1\nMODE = 0755\n'],
    ['ur prefix', 'x = 1\nPATTERN = ur"\\d+"\n'],
    ['<> operator', 'x = 1\nif x <> 2: pass\n'],
    ['tuple parameters', 'x = 1\ndef f((a, b)):\n    pass\n'],
  ];
  for (const [what, src] of cases) {
    it(`${what}: line 2`, () => expect(firstErrorLine(parsePython(src))).toBe(2));
    // the long way (every node of the kinds that can hold it) finds the same line
    it(`${what}: line 2, shortcuts off`, () => expect(withoutShortcuts(() => firstErrorLine(parsePython(src)))).toBe(2));
  }
  it('the first of several is the lowest line, both ways; quotes and digits inside strings and names are not it', () => {
    const src = 'x = "`a` 0755 ur\'b\'"\nv0755 = 1\nd = "2023-07-01"\ndef ok(a, b=(1, 2)):\n    for (i, j) in []: pass\ny = 1.0755\nMODE = 0_755\nz = `x`\ndef f((a, b)):\n    pass\n';
    expect(firstErrorLine(parsePython(src))).toBe(7);
    expect(withoutShortcuts(() => firstErrorLine(parsePython(src)))).toBe(7);
    const later = src.replace('MODE = 0_755', 'MODE = 0o755');
    expect(firstErrorLine(parsePython(later))).toBe(8);
    expect(withoutShortcuts(() => firstErrorLine(parsePython(later)))).toBe(8);
  });
  it('the Python 3 spellings are fine', () => {
    const ok = 'import sys\nprint("done")\nprint(file=sys.stderr)\nexec("y = 2")\nraise ValueError("bad") from None\nMODE = 0o755\nZERO = 00\nPATTERN = r"\\d+"\nif 1 != 2: pass\ndef f(a, b=(1, 2)):\n    return print\nx = "print \\"a\\" <> `b`"\n';
    expect(firstErrorLine(parsePython(ok))).toBeUndefined();
  });
});
