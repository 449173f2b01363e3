/**
 * Decoding Python source bytes the way CPython does (PEP 263 and PEP 3120): a UTF-8 BOM, else a coding
 * declaration in a comment on line 1 or 2, else UTF-8. What CPython rejects (bytes invalid in the declared
 * encoding, an unknown codec, a BOM contradicting the declaration) is an error with the line it is on,
 * never a silent substitution.
 *
 * Hand-written because no library maps Python codec names to decoders; the decoding itself is the
 * platform's (TextDecoder with ICU, Buffer's latin1).
 */

export type Decoded = { ok: true; text: string; encoding: string } | { ok: false; line: number; reason: string };

/** PEP 263: `^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)` on line 1, or on line 2 when line 1 is a comment or blank. */
const CODING = /^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)/;

/** The coding declaration of a source, with its 1-based line; undefined when there is none. */
export function codingDeclaration(buf: Uint8Array): { name: string; line: number } | undefined {
  const lines: string[] = [];
  let start = buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
  for (let i = start; i < buf.length && lines.length < 2; i++) {
    if (buf[i] === 0x0a) {
      lines.push(asciiOf(buf.subarray(start, i)));
      start = i + 1;
    }
  }
  if (lines.length < 2) lines.push(asciiOf(buf.subarray(start, Math.min(buf.length, start + 512))));
  const first = lines[0];
  const m1 = CODING.exec(first);
  if (m1) return { name: m1[1], line: 1 };
  if (/^[ \t\f]*(#.*)?\r?$/.test(first) && lines[1] !== undefined) {
    const m2 = CODING.exec(lines[1]);
    if (m2) return { name: m2[1], line: 2 };
  }
  return undefined;
}

function asciiOf(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += b < 0x80 ? String.fromCharCode(b) : '\u00bf';
  return s;
}

/**
 * Python codec names (normalised as CPython's `encodings.normalize_encoding` does, then lowercased) to a
 * WHATWG/ICU label. `latin-1` is real ISO-8859-1 (Buffer's latin1), not windows-1252 as WHATWG maps it.
 */
const CODECS: Record<string, string> = {
  utf_8: 'utf-8', utf8: 'utf-8', u8: 'utf-8', utf: 'utf-8', utf8_ucs2: 'utf-8', utf8_ucs4: 'utf-8', utf_8_sig: 'utf-8', cp65001: 'utf-8',
  latin_1: 'latin1', latin1: 'latin1', l1: 'latin1', iso_8859_1: 'latin1', iso8859_1: 'latin1', iso_latin_1: 'latin1', '8859': 'latin1', cp819: 'latin1', latin: 'latin1',
  ascii: 'ascii', us_ascii: 'ascii', '646': 'ascii',
  cp1250: 'windows-1250', windows_1250: 'windows-1250', cp1251: 'windows-1251', windows_1251: 'windows-1251',
  cp1252: 'windows-1252', windows_1252: 'windows-1252', cp1253: 'windows-1253', cp1254: 'windows-1254', cp1255: 'windows-1255',
  cp1256: 'windows-1256', cp1257: 'windows-1257', cp1258: 'windows-1258',
  iso_8859_2: 'iso-8859-2', iso8859_2: 'iso-8859-2', latin2: 'iso-8859-2', l2: 'iso-8859-2',
  iso_8859_5: 'iso-8859-5', iso8859_5: 'iso-8859-5', iso_8859_7: 'iso-8859-7', iso8859_7: 'iso-8859-7',
  iso_8859_9: 'iso-8859-9', iso8859_9: 'iso-8859-9', latin5: 'iso-8859-9',
  iso_8859_15: 'iso-8859-15', iso8859_15: 'iso-8859-15', latin9: 'iso-8859-15', l9: 'iso-8859-15',
  koi8_r: 'koi8-r', koi8_u: 'koi8-u', mac_roman: 'macintosh', macroman: 'macintosh',
  shift_jis: 'shift_jis', sjis: 'shift_jis', cp932: 'shift_jis', euc_jp: 'euc-jp', iso_2022_jp: 'iso-2022-jp',
  gbk: 'gbk', gb2312: 'gbk', cp936: 'gbk', gb18030: 'gb18030', big5: 'big5', cp950: 'big5', euc_kr: 'euc-kr', cp949: 'euc-kr',
};

function codecLabel(name: string): string | undefined {
  const norm = name.toLowerCase().replace(/[^a-z0-9.]+/g, '_').replace(/^_+|_+$/g, '');
  // CPython's tokenizer also accepts "utf-8-xxx" and "latin-1-xxx" / "iso-8859-1-xxx" prefixes.
  if (/^utf_8(_|$)/.test(norm)) return 'utf-8';
  if (/^(latin_1|iso_8859_1|iso_latin_1)(_|$)/.test(norm)) return 'latin1';
  return CODECS[norm];
}

/** Decode Python source bytes as CPython would, or say why CPython would refuse them. */
export function decodePythonSource(buf: Uint8Array): Decoded {
  const bom = buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf;
  const decl = codingDeclaration(buf);
  let label = 'utf-8';
  if (decl) {
    const l = codecLabel(decl.name);
    if (!l) return { ok: false, line: decl.line, reason: `it declares the encoding "${decl.name}", which Python does not know` };
    if (bom && l !== 'utf-8') return { ok: false, line: decl.line, reason: `it starts with a UTF-8 byte-order mark but declares the encoding "${decl.name}"` };
    label = l;
  }
  const body = bom ? buf.subarray(3) : buf;
  const named = decl ? `"${decl.name}" (declared on line ${decl.line})` : 'UTF-8 (no coding declaration)';
  if (label === 'latin1') return { ok: true, text: Buffer.from(body).toString('latin1'), encoding: 'latin-1' };
  if (label === 'ascii') {
    const bad = body.findIndex((b) => b >= 0x80);
    if (bad >= 0) return { ok: false, line: lineOfOffset(buf, bad + (bom ? 3 : 0)), reason: `a byte is not valid in its encoding ${named}` };
    return { ok: true, text: Buffer.from(body).toString('latin1'), encoding: 'ascii' };
  }
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label, { fatal: true });
  } catch {
    return { ok: false, line: decl?.line ?? 1, reason: `its encoding "${decl?.name ?? label}" cannot be decoded on this platform` };
  }
  try {
    return { ok: true, text: decoder.decode(body), encoding: decl ? decl.name : 'utf-8' };
  } catch {
    return { ok: false, line: firstUndecodableLine(body, label), reason: `a byte sequence is not valid in its encoding ${named}` };
  }
}

function lineOfOffset(buf: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < buf.length; i++) if (buf[i] === 0x0a) line++;
  return line;
}

/** 1-based line of the first line that does not decode on its own (line-wise, as CPython's tokenizer reads). */
function firstUndecodableLine(buf: Uint8Array, label: string): number {
  const dec = new TextDecoder(label, { fatal: true });
  let line = 1;
  let start = 0;
  for (let i = 0; i <= buf.length; i++) {
    if (i === buf.length || buf[i] === 0x0a) {
      try {
        dec.decode(buf.subarray(start, i));
      } catch {
        return line;
      }
      line++;
      start = i + 1;
    }
  }
  return 1;
}
