/**
 * `primaryLocationLineHash` against GitHub's own algorithm (github/codeql-action src/fingerprints.ts, the
 * function that fingerprints SARIF results before upload). How the reference values are obtained:
 * 1. CODEQL_ACTION_VECTORS: input texts and expected hashes quoted verbatim from codeql-action's test suite;
 * 2. PYTHON_REFERENCE: the algorithm re-implemented in Python straight from its published description (the doc
 *    comment of `hash` in src/fingerprints.ts: rolling base-37 hash mod 2^64 over a 100-character window,
 *    spaces/tabs skipped, CR/CRLF as LF, a 65535 sentinel at the end, `:n` occurrence suffix). It is checked
 *    against (1) first, then used as the oracle for generated texts and for real files of this repository,
 *    which Python reads from disk itself (UTF-8, newlines untranslated, as codeql-action's read stream does).
 * `python3 -c` runs it; nothing is mocked.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { primaryLocationLineHashes } from '../../src/report/fingerprint';

/**
 * Reference vectors quoted verbatim from github/codeql-action's own tests, src/fingerprints.test.ts
 * (test 'hash'; seen at commit a7d3945ab4c0fd136ba0970df5a1b7ca4dadb07a and unchanged in later versions).
 */
const CODEQL_ACTION_VECTORS: Array<[string, string[]]> = [
  ['', ['c129715d7a2bc9a3:1']],
  [' a\nb\n  \t\tc\n d', ['271789c17abda88f:1', '54703d4cd895b18:1', '180aee12dab6264:1', 'a23a3dc5e078b07b:1']],
  [
    ' hello; \t\nworld!!!\n\n\n  \t\tGreetings\n End',
    ['8b7cf3e952e7aeb2:1', 'b1ae1287ec4718d9:1', 'bff680108adb0fcc:1', 'c6805c5e1288b612:1', 'b86d3392aea1be30:1', 'e6ceba753e1a442:1'],
  ],
  ...[
    ' hello; \t\nworld!!!\n\n\n  \t\tGreetings\n End\n',
    ' hello; \t\nworld!!!\r\r\r  \t\tGreetings\r End\r',
    ' hello; \t\r\nworld!!!\r\n\r\n\r\n  \t\tGreetings\r\n End\r\n',
    ' hello; \t\nworld!!!\r\n\n\r  \t\tGreetings\r End\r\n',
  ].map((input): [string, string[]] => [
    input,
    ['e9496ae3ebfced30:1', 'fb7c023a8b9ccb3f:1', 'ce8ba1a563dcdaca:1', 'e20e36e16fcb0cc8:1', 'b3edc88f2938467e:1', 'c8e28b0b4002a3a0:1', 'c129715d7a2bc9a3:1'],
  ]),
  [
    'Lorem ipsum dolor sit amet.\n'.repeat(10),
    [
      'a7f2ff13bc495cf2:1',
      'a7f2ff13bc495cf2:2',
      'a7f2ff13bc495cf2:3',
      'a7f2ff13bc495cf2:4',
      'a7f2ff13bc495cf2:5',
      'a7f2ff13bc495cf2:6',
      'a7f2ff1481e87703:1',
      'a9cf91f7bbf1862b:1',
      '55ec222b86bcae53:1',
      'cc97dc7b1d7d8f7b:1',
      'c129715d7a2bc9a3:1',
    ],
  ],
];

/**
 * An independent implementation written from the algorithm's description in codeql-action's
 * src/fingerprints.ts (doc comment of `hash`): Python's unbounded ints reduced mod 2^64 instead of
 * 32-bit halves, a plain list instead of a ring buffer of line starts. Input: JSON list of texts;
 * output: JSON list of per-line hash lists. JS strings are UTF-16, so the text is walked by UTF-16 code unit.
 */
const PYTHON_REFERENCE = String.raw`
import json, sys
M = 1 << 64
B = 100
FIRST_MOD = pow(37, B, M)

def hashes(text):
    raw = text.encode('utf-16-le', 'surrogatepass')
    units = [int.from_bytes(raw[i:i + 2], 'little') for i in range(0, len(raw), 2)]
    # 1. normalise: drop spaces/tabs and an LF right after a CR, CR -> LF; note where each line starts
    chars, starts = [], []
    prev_cr, line_start = False, True
    for c in units + [65535]:
        if c in (32, 9) or (prev_cr and c == 10):
            prev_cr = False
            continue
        prev_cr = c == 13
        if c == 13:
            c = 10
        if line_start:
            starts.append(len(chars))
            line_start = False
        if c == 10:
            line_start = True
        chars.append(c)
    chars += [0] * B
    # 2. h_i = polynomial hash (base 37, mod 2^64) of chars[i-B:i]; line k's hash is h at i = starts[k] + B
    line_of = {s: k for k, s in enumerate(starts)}
    result, seen, h = [None] * len(starts), {}, 0
    for i, c in enumerate(chars):
        if i >= B and (i - B) in line_of:
            v = format(h, 'x')
            seen[v] = seen.get(v, 0) + 1
            result[line_of[i - B]] = '%s:%d' % (v, seen[v])
        begin = chars[i - B] if i >= B else 0
        h = (37 * h + c - FIRST_MOD * begin) % M
    return result

req = json.load(sys.stdin)
if isinstance(req, dict):
    texts = [open(p, encoding='utf-8', errors='replace', newline='').read() for p in req['files']]
else:
    texts = req
print(json.dumps([hashes(t) for t in texts]))
`;

function pythonHashes(texts: string[]): string[][] {
  const run = spawnSync('/usr/bin/python3', ['-c', PYTHON_REFERENCE], { input: JSON.stringify(texts), encoding: 'utf8' });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout) as string[][];
}

/** The same oracle, reading the files itself. */
function pythonFileHashes(files: string[]): string[][] {
  const run = spawnSync('/usr/bin/python3', ['-c', PYTHON_REFERENCE], { input: JSON.stringify({ files }), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout) as string[][];
}

/** Every file under the folders (the example app and the hardened fixture: Python, templates, Procfile, Dockerfile). */
function filesUnder(...dirs: string[]): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.name === '__pycache__') continue;
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(p);
    }
  };
  for (const d of dirs) walk(d);
  return out.sort();
}

/** Deterministic pseudo-random texts that stress the windowing: long lines, blank runs, mixed newlines, tabs, non-ASCII. */
function randomTexts(n: number): string[] {
  let seed = 0x2545f491;
  const next = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed;
  };
  const pieces = ['a', 'Z', '=', ' ', '  ', '\t', '\n', '\r\n', '\r', '\n\n\n', 'é', '日本', '😀', 'DEBUG = True', 'x'.repeat(120), '\u00a0', '\u2028'];
  const texts: string[] = [];
  for (let i = 0; i < n; i++) {
    let t = '';
    const len = next() % 400;
    for (let j = 0; j < len; j++) t += pieces[next() % pieces.length];
    texts.push(t);
  }
  return texts;
}

describe('primaryLocationLineHashes', () => {
  test.each(CODEQL_ACTION_VECTORS)('matches codeql-action test vector %#', (input, expected) => {
    expect(primaryLocationLineHashes(input)).toEqual(expected);
  });

  test('one hash per line, as codeql-action counts lines', () => {
    for (const t of ['a', 'a\n', 'a\r\nb\rc\n\n', '   \n\t\n', 'x'.repeat(150)]) {
      expect(primaryLocationLineHashes(t)).toHaveLength(t.split(/\r\n|\r|\n/).length);
    }
  });

  test('whitespace inside a line and newline style do not change the hashes', () => {
    const a = primaryLocationLineHashes('DEBUG = True\nALLOWED_HOSTS = ["*"]\n');
    expect(primaryLocationLineHashes('DEBUG=True\r\n  ALLOWED_HOSTS\t=\t["*"]\r\n')).toEqual(a);
    expect(primaryLocationLineHashes('DEBUG = False\nALLOWED_HOSTS = ["*"]\n')[0]).not.toEqual(a[0]);
  });

  test('agrees with an independent Python implementation on 300 generated texts', () => {
    const texts = [...randomTexts(300), 'line\n'.repeat(500), '\uFEFFimport os\n', 'a'.repeat(99) + '\nb'];
    const expected = pythonHashes(texts);
    // the Python reference itself reproduces codeql-action's vectors, so it is a fair oracle
    const vectors = pythonHashes(CODEQL_ACTION_VECTORS.map(([input]) => input));
    expect(vectors).toEqual(CODEQL_ACTION_VECTORS.map(([, hashes]) => hashes));
    texts.forEach((t, i) => expect(primaryLocationLineHashes(t), JSON.stringify(t.slice(0, 40))).toEqual(expected[i]));
  });

  test('agrees with the reference on every file of the example app and the hardened fixture, read from disk', () => {
    const root = join(__dirname, '..', '..');
    const files = filesUnder(join(root, 'example'), join(root, 'test', 'fixtures', 'hardened'));
    expect(files.length).toBeGreaterThan(30);
    const expected = pythonFileHashes(files);
    files.forEach((f, i) => expect(primaryLocationLineHashes(readFileSync(f, 'utf8')), f).toEqual(expected[i]));
  });

  test('is fast enough for large files', () => {
    const big = 'SECRET_KEY = os.environ["SECRET_KEY"]  # comment\n'.repeat(40_000); // ~2 MB
    const start = performance.now();
    const hashes = primaryLocationLineHashes(big);
    expect(hashes).toHaveLength(40_001);
    expect(performance.now() - start).toBeLessThan(2_000);
  });
});
