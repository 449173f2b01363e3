/**
 * `partialFingerprints.primaryLocationLineHash`, computed exactly as github/codeql-action does
 * (src/fingerprints.ts, function `hash`), so GitHub code scanning tracks our alerts across commits the
 * same way it would if the upload action had fingerprinted the file itself.
 *
 * The algorithm: a rolling polynomial hash (base 37, 64-bit wrap-around arithmetic as with the `long`
 * package) over a window of BLOCK_SIZE = 100 characters (UTF-16 code units). Spaces and tabs are skipped,
 * CR, LF and CRLF all count as one LF, and a sentinel 65535 is appended at the end of the input followed by
 * BLOCK_SIZE zeros. The hash of a line is the window hash at the moment its first character leaves the
 * window, printed as unsigned hex, suffixed with `:n` where n counts how often that hash value has been
 * seen so far in the file. A line is "started" by its first non-space/tab character (or its newline),
 * so the hash of line N covers the next 100 significant characters starting at line N.
 *
 * The 64-bit state is kept as two unsigned 32-bit halves: exact, and much faster than BigInt per character.
 */

const TAB = 0x09;
const SPACE = 0x20;
const LF = 0x0a;
const CR = 0x0d;
const EOF_CHAR = 65535;
const BLOCK_SIZE = 100;
const TWO_32 = 0x1_0000_0000;

/** 37^BLOCK_SIZE mod 2^64, as [hi, lo]. */
const FIRST_MOD: readonly [number, number] = (() => {
  const v = BigInt.asUintN(64, 37n ** BigInt(BLOCK_SIZE));
  return [Number(v >> 32n), Number(v & 0xffff_ffffn)];
})();

/**
 * One hash per line of `text`: index 0 is line 1. The number of entries equals
 * `text.split(/\r\n|\r|\n/).length` (a trailing newline gives a final, empty line, as in codeql-action).
 * `text` is the file decoded as UTF-8 without stripping a BOM (what `fs.createReadStream(path, 'utf8')` yields).
 */
export function primaryLocationLineHashes(text: string): string[] {
  const out: string[] = [];
  const window = new Array<number>(BLOCK_SIZE).fill(0);
  const lineNumbers = new Array<number>(BLOCK_SIZE).fill(-1);
  let hi = 0;
  let lo = 0;
  let index = 0;
  let lineNumber = 0;
  let lineStart = true;
  let prevCR = false;
  const hashCounts = new Map<string, number>();
  const [fmHi, fmLo] = FIRST_MOD;

  const outputHash = (): void => {
    const value = hi === 0 ? lo.toString(16) : hi.toString(16) + lo.toString(16).padStart(8, '0');
    const count = (hashCounts.get(value) ?? 0) + 1;
    hashCounts.set(value, count);
    out[lineNumbers[index] - 1] = `${value}:${count}`;
    lineNumbers[index] = -1;
  };

  // hash = 37 * hash + current - 37^BLOCK_SIZE * begin  (mod 2^64)
  const updateHash = (current: number): void => {
    const begin = window[index];
    window[index] = current;

    // 37 * hash: lo * 37 < 2^38, exact in a double
    let l = lo * 37;
    let carry = Math.floor(l / TWO_32);
    l -= carry * TWO_32;
    let h = (Math.imul(hi, 37) + carry) >>> 0;

    // + current (< 2^16)
    l += current;
    if (l >= TWO_32) {
      l -= TWO_32;
      h = (h + 1) >>> 0;
    }

    // - FIRST_MOD * begin (begin < 2^16, so fmLo * begin < 2^48)
    if (begin !== 0) {
      let pl = fmLo * begin;
      carry = Math.floor(pl / TWO_32);
      pl -= carry * TWO_32;
      const ph = (Math.imul(fmHi, begin) + carry) >>> 0;
      l -= pl;
      let borrow = 0;
      if (l < 0) {
        l += TWO_32;
        borrow = 1;
      }
      h = (h - ph - borrow) >>> 0;
    }

    hi = h;
    lo = l;
    index = (index + 1) % BLOCK_SIZE;
  };

  const processCharacter = (ch: number): void => {
    // skip tabs, spaces, and a LF directly after a CR
    if (ch === SPACE || ch === TAB || (prevCR && ch === LF)) {
      prevCR = false;
      return;
    }
    let current = ch;
    if (current === CR) {
      current = LF;
      prevCR = true;
    } else {
      prevCR = false;
    }
    if (lineNumbers[index] !== -1) outputHash();
    if (lineStart) {
      lineStart = false;
      lineNumber++;
      lineNumbers[index] = lineNumber;
    }
    if (current === LF) lineStart = true;
    updateHash(current);
  };

  for (let i = 0; i < text.length; i++) processCharacter(text.charCodeAt(i));
  processCharacter(EOF_CHAR);
  // Flush the remaining lines
  for (let i = 0; i < BLOCK_SIZE; i++) {
    if (lineNumbers[index] !== -1) outputHash();
    updateHash(0);
  }
  return out;
}
