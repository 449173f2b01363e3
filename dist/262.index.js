export const id = 262;
export const ids = [262];
export const modules = {

/***/ 76303:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GG: () => (/* binding */ walk),
/* harmony export */   HR: () => (/* binding */ eachOfType),
/* harmony export */   Nr: () => (/* binding */ unescapePython),
/* harmony export */   R_: () => (/* binding */ parsedChars),
/* harmony export */   Ri: () => (/* binding */ callParts),
/* harmony export */   S$: () => (/* binding */ allParams),
/* harmony export */   _P: () => (/* binding */ dottedName),
/* harmony export */   cA: () => (/* binding */ lineOf),
/* harmony export */   hf: () => (/* binding */ firstErrorLine),
/* harmony export */   r$: () => (/* binding */ stringValue),
/* harmony export */   w_: () => (/* binding */ parsePython)
/* harmony export */ });
/* unused harmony exports enclosing, python2Only */
/* harmony import */ var tree_sitter__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(78072);
/* harmony import */ var tree_sitter__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(tree_sitter__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var tree_sitter_python__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(94433);
/* harmony import */ var tree_sitter_python__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(tree_sitter_python__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _shortcuts__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(93270);
/**
 * tree-sitter access for Python sources, and small helpers over its syntax tree.
 * The native binding (prebuilt per platform, see scripts/bundle.mjs) is loaded once.
 */



let parser;
function getParser() {
    if (!parser) {
        parser = new (tree_sitter__WEBPACK_IMPORTED_MODULE_0___default())();
        parser.setLanguage((tree_sitter_python__WEBPACK_IMPORTED_MODULE_1___default()));
        withoutNodeCache();
    }
    return parser;
}
/**
 * tree-sitter's Node binding registers every node JavaScript receives in a per-tree cache (a C++ map entry and
 * a weak reference with a finalizer each), so that asking for the same node twice returns the same object and
 * `tree.edit()` can move it. This code never edits a tree and compares nodes by `id`, never by object; and the
 * cache costs: visiting the 1.4 M nodes of the monolith's views and URLconfs took 3.8 s and 400 MB of native
 * memory with it, 1.4 s and 12 MB without — memory freed only after a garbage collection and an event-loop
 * turn, which the synchronous rules never give it. So the binding's two registration methods (private, of the
 * pinned version scripts/bundle.mjs ships) do nothing while the shortcuts are on; with them off (the equality
 * test) every node is registered as the binding does.
 */
function withoutNodeCache() {
    const proto = (tree_sitter__WEBPACK_IMPORTED_MODULE_0___default().Tree).prototype;
    const cacheNode = proto._cacheNode;
    const cacheNodes = proto._cacheNodes;
    if (typeof cacheNode !== 'function' || typeof cacheNodes !== 'function')
        return; // another binding: leave it be
    proto._cacheNode = function (...args) {
        return _shortcuts__WEBPACK_IMPORTED_MODULE_2__/* .shortcuts */ .a.on ? undefined : cacheNode.apply(this, args);
    };
    proto._cacheNodes = function (...args) {
        return _shortcuts__WEBPACK_IMPORTED_MODULE_2__/* .shortcuts */ .a.on ? undefined : cacheNodes.apply(this, args);
    };
}
const CHUNK = 64 * 1024;
/** Characters of source parsed by this process so far (the rules gate's --time table says what each rule parsed). */
let parsedSoFar = 0;
function parsedChars() {
    return parsedSoFar;
}
/**
 * Parse Python text. Uses a callback input so texts beyond the binding's 32 KiB string limit parse too. A tree
 * parsed from a callback gets a node's text by calling it again, chunk by chunk (64 KiB sliced for every
 * `node.text`: half a second on a 1 M-line project); the tree's getText is pointed at the text itself instead,
 * which returns the same characters (the indexes are the callback's, JavaScript string indexes).
 */
function parsePython(text) {
    parsedSoFar += text.length;
    const tree = getParser().parse((index) => (index < text.length ? text.slice(index, index + CHUNK) : ''));
    tree.getText = (node) => text.substring(node.startIndex, node.endIndex);
    return tree;
}
/** 1-based line of a node's start. */
function lineOf(node) {
    return node.startPosition.row + 1;
}
/** Dotted name of an identifier/attribute chain (`a.b.c`), or undefined for anything else. */
function dottedName(node) {
    if (!node)
        return undefined;
    if (node.type === 'identifier')
        return node.text;
    if (node.type === 'attribute') {
        const obj = dottedName(node.childForFieldName('object'));
        const attr = node.childForFieldName('attribute');
        return obj && attr ? `${obj}.${attr.text}` : undefined;
    }
    return undefined;
}
/** For a `call` node: the dotted callee (`os.environ.get`) and its positional and keyword arguments. */
function callParts(node) {
    const calleeNode = node.childForFieldName('function');
    const argList = node.childForFieldName('arguments');
    const args = [];
    const kwargs = new Map();
    if (argList && argList.type === 'argument_list') {
        for (const a of argList.namedChildren) {
            if (a.type === 'keyword_argument') {
                const name = a.childForFieldName('name');
                const value = a.childForFieldName('value');
                if (name && value)
                    kwargs.set(name.text, value);
            }
            else if (a.type !== 'comment') {
                args.push(a);
            }
        }
    }
    else if (argList) {
        // generator_expression as sole argument
        args.push(argList);
    }
    return { callee: dottedName(calleeNode), calleeNode, args, kwargs };
}
/**
 * The value of a plain string literal (no f-string interpolation, no bytes), with implicit concatenation.
 * Undefined when the node is not a constant string.
 */
function stringValue(node) {
    if (!node)
        return undefined;
    if (node.type === 'concatenated_string') {
        let out = '';
        for (const part of node.namedChildren) {
            const v = stringValue(part);
            if (v === undefined)
                return undefined;
            out += v;
        }
        return out;
    }
    if (node.type !== 'string')
        return undefined;
    const start = node.namedChildren.find((c) => c.type === 'string_start');
    const prefix = (start?.text ?? '"').replace(/["']/g, '').toLowerCase();
    if (prefix.includes('f') || prefix.includes('b')) {
        if (node.namedChildren.some((c) => c.type === 'interpolation') || prefix.includes('b'))
            return undefined;
    }
    const raw = prefix.includes('r');
    let out = '';
    for (const c of node.namedChildren) {
        if (c.type === 'string_content')
            out += raw ? c.text : unescapePython(c.text);
        else if (c.type === 'escape_sequence')
            out += raw ? c.text : unescapePython(c.text);
        else if (c.type === 'interpolation')
            return undefined;
    }
    return out;
}
function unescapePython(s) {
    return s.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|N\{[^}]*\}|[0-7]{1,3}|[\s\S])/g, (_m, e) => {
        switch (e[0]) {
            case 'n': return '\n';
            case 't': return '\t';
            case 'r': return '\r';
            case '0':
            case '1':
            case '2':
            case '3':
            case '4':
            case '5':
            case '6':
            case '7':
                return String.fromCharCode(parseInt(e, 8));
            case 'x':
            case 'u':
            case 'U':
                return e.length > 1 ? String.fromCodePoint(parseInt(e.slice(1), 16)) : e;
            case '\n': return '';
            case '\\': return '\\';
            case "'": return "'";
            case '"': return '"';
            case 'a': return '\x07';
            case 'b': return '\b';
            case 'f': return '\f';
            case 'v': return '\v';
            default: return '\\' + e;
        }
    });
}
/** Depth-first walk; the visitor returns false to skip a node's children. */
function walk(node, visit) {
    const cursor = node.walk();
    let descend = true;
    for (;;) {
        if (descend) {
            const r = visit(cursor.currentNode);
            if (r !== false && cursor.gotoFirstChild())
                continue;
        }
        if (cursor.gotoNextSibling()) {
            descend = true;
            continue;
        }
        if (!cursor.gotoParent())
            return;
        descend = false;
        if (cursor.currentNode.id === node.id)
            return;
    }
}
/**
 * Every node of the given types at or below `node`, in document order — what walk() acts on when its visitor
 * looks only at those types and never stops the descent — found by tree-sitter natively (descendantsOfType),
 * without a JavaScript call per node.
 */
function eachOfType(node, types, visit) {
    if (!_shortcuts__WEBPACK_IMPORTED_MODULE_2__/* .shortcuts */ .a.on) {
        const wanted = typeof types === 'string' ? [types] : types;
        walk(node, (n) => {
            if (wanted.includes(n.type))
                visit(n);
            return true;
        });
        return;
    }
    for (const n of node.descendantsOfType(types))
        visit(n);
}
/** The innermost enclosing function_definition / class_definition of a node. */
function enclosing(node, type) {
    let p = node.parent;
    while (p) {
        if (p.type === type)
            return p;
        p = p.parent;
    }
    return null;
}
/**
 * Does the tree contain syntax errors? Returns the first error's 1-based line, or undefined. `text` is the
 * source the tree was parsed from (default: the root node's text), for the Python 2 test below.
 */
function firstErrorLine(tree, text) {
    if (!tree.rootNode.hasError)
        return python2Only(tree, text);
    let line;
    walk(tree.rootNode, (n) => {
        if (line !== undefined)
            return false;
        if (n.type === 'ERROR' || n.isMissing) {
            line = lineOf(n);
            return false;
        }
        return n.hasError;
    });
    return line ?? 1;
}
/**
 * Python 2 syntax that tree-sitter-python still accepts but CPython 3 rejects: `print "x"`, `exec "code"`,
 * `raise E, "msg"`, backquotes, `0777`, `ur""`, `<>`, tuple parameters. A cheap text test first; only a file
 * that may hold one is looked at, and then only the node types that can hold one (found by tree-sitter
 * itself, natively — a node-by-node walk from JavaScript cost seconds on a large project), each type only when
 * the text holds what its node would be made of. The first in document order is the lowest line.
 */
const PY2_HINT = /\bprint[ \t]+[^\s(=.,)\]}#]|\bprint[ \t]*>>|\bexec[ \t]+[^\s(=.,)\]}#]|\braise[ \t]+[\w.]+[ \t]*,|`|<>|\b0[0-9]*[1-9][0-9]*\b|\b[uU][rR]["']|\bdef[ \t]+\w+[ \t]*\([^)]*\(/;
/** An old octal literal's text (`0777`, `0_7`, `0777L`) starts like this. */
const OLD_OCTAL_START = /0[0-9_]*[1-9]/;
const UR_PREFIX = /[uU][rR]["']/;
function python2Only(tree, text) {
    const root = tree.rootNode;
    const source = text ?? root.text;
    if (!PY2_HINT.test(source))
        return undefined;
    if (_shortcuts__WEBPACK_IMPORTED_MODULE_2__/* .shortcuts */ .a.on)
        return python2OnlyAt(root, source);
    const types = ['print_statement', 'exec_statement', 'raise_statement', 'parameters'];
    if (OLD_OCTAL_START.test(source))
        types.push('integer');
    if (source.includes('`') || UR_PREFIX.test(source))
        types.push('string_start');
    if (source.includes('<>'))
        types.push('comparison_operator');
    let line;
    for (const n of root.descendantsOfType(types)) {
        const row = n.startPosition.row + 1;
        if (line !== undefined && row >= line)
            continue;
        if (isPython2Only(n))
            line = row;
    }
    return line;
}
/**
 * python2Only without asking tree-sitter for every node of those types: that search walks the whole tree, and
 * most files that pass the text test do so for a backquote or a `07` in a docstring or a date (half a second
 * of a 0.5 M-line project). The same nodes are judged, found from where their text starts instead — each
 * begins with a token its text must hold (`print`, `exec`, `raise`, `<>`, the `(` after `def name`, a `0`
 * that no letter, digit or underscore precedes, a backquote, `ur"`) — asking tree-sitter for the node there.
 * A position inside a string or a comment finds no such node. The first line is the lowest row either way.
 */
function python2OnlyAt(root, source) {
    let line;
    const consider = (n) => {
        if (!n)
            return;
        const row = n.startPosition.row + 1;
        if ((line === undefined || row < line) && isPython2Only(n))
            line = row;
    };
    /** The node of `type` that starts at `index` (the token there, or one of its ancestors starting there too). */
    const startingAt = (index, type) => {
        for (let n = root.descendantForIndex(index); n && n.startIndex === index; n = n.parent) {
            if (n.type === type)
                return consider(n);
        }
    };
    for (const m of source.matchAll(/\b(print|exec|raise)\b/g))
        startingAt(m.index, `${m[1]}_statement`);
    for (const m of source.matchAll(/\bdef\s+[^\s(]+(?:\s|\\\r?\n)*\(/g))
        startingAt(m.index + m[0].length - 1, 'parameters');
    for (let i = source.indexOf('<>'); i >= 0; i = source.indexOf('<>', i + 2)) {
        const op = root.descendantForIndex(i);
        if (op.type === '<>' && op.parent?.type === 'comparison_operator')
            consider(op.parent);
    }
    if (OLD_OCTAL_START.test(source)) {
        for (const m of source.matchAll(/(?<![0-9A-Za-z_])0[0-9_]*[1-9]/g))
            startingAt(m.index, 'integer');
    }
    for (let i = source.indexOf('`'); i >= 0; i = source.indexOf('`', i + 1))
        startingAt(i, 'string_start');
    for (const m of source.matchAll(/[uU][rR]["']/g))
        startingAt(m.index, 'string_start');
    return line;
}
function isPython2Only(n) {
    switch (n.type) {
        case 'print_statement':
        case 'exec_statement':
            return true;
        case 'raise_statement':
            return n.namedChildren[0]?.type === 'expression_list';
        case 'integer':
            return /^0[0-9]*[1-9][0-9]*$/.test(n.text.replace(/_/g, '').replace(/[lL]$/, ''));
        case 'string_start':
            return n.text.startsWith('`') || /^[uU][rR]/.test(n.text);
        case 'comparison_operator':
            return n.children.some((c) => !c.isNamed && c.text === '<>');
        case 'parameters':
            return n.namedChildren.some((c) => c.type === 'tuple_pattern');
        default:
            return false;
    }
}
/** Every parameter name (positional, keyword, *args, **kwargs). */
function allParams(fn) {
    const params = fn.childForFieldName('parameters');
    if (!params)
        return [];
    const out = [];
    for (const p of params.namedChildren) {
        if (p.type === 'identifier')
            out.push(p.text);
        else if (p.type === 'typed_parameter' || p.type === 'list_splat_pattern' || p.type === 'dictionary_splat_pattern') {
            const id = p.namedChildren.find((c) => c.type === 'identifier') ?? p.namedChildren[0]?.namedChildren.find((c) => c.type === 'identifier');
            if (id)
                out.push(id.text);
        }
        else if (p.type === 'default_parameter' || p.type === 'typed_default_parameter') {
            const id = p.childForFieldName('name');
            if (id)
                out.push(id.text);
        }
    }
    return out;
}


/***/ }),

/***/ 93270:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ shortcuts)
/* harmony export */ });
/* unused harmony export withoutShortcuts */
/**
 * The rules' shortcuts, on by default: text pre-filters that skip a file whose text cannot hold what a rule
 * looks for (slow-work-in-view, uploads-on-local-disk), and node searches done by tree-sitter natively in place
 * of node-by-node walks from JavaScript (walkBody with `types`, eachOfType), and launch.I001's syntax check done
 * last without keeping trees no rule needs (runRulesReleasing in src/gates/rules.ts). Each is meant to change only the
 * time a rule takes, never its findings. Turned off, every rule takes the long way: test/shortcuts.test.ts runs
 * the rules over the Debian corpus both ways and requires identical findings.
 */
const shortcuts = {
    on: true,
    /**
     * With the shortcuts on, the migration rules run a batch of apps at a time whose migrations come to at most
     * this many characters of source (migrationAppBatches in src/project/migrations.ts); the equality test sets
     * it to 1 (one app per batch) so that splitting is exercised on every project it runs.
     */
    migrationBatchChars: 512 * 1024,
    /**
     * Likewise the model and view rules: a batch of files at a time whose source those rules parse comes to at
     * most this many characters (fileBatches in src/project/files.ts); the equality test makes it small.
     */
    fileBatchChars: 768 * 1024,
    /**
     * The view index (prepareViews in src/project/views.ts) is built a few files at a time, its trees let go whenever
     * this many characters of source are held; the equality test makes it small (a letting-go after every file).
     */
    viewIndexChars: 512 * 1024,
};
/** Runs `fn` with the shortcuts off (for the equality test and for measuring them). */
function withoutShortcuts(fn) {
    const was = shortcuts.on;
    shortcuts.on = false;
    try {
        return fn();
    }
    finally {
        shortcuts.on = was;
    }
}


/***/ }),

/***/ 69656:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   m: () => (/* binding */ decodePythonSource)
/* harmony export */ });
/* unused harmony export codingDeclaration */
/**
 * Decoding Python source bytes the way CPython does (PEP 263 and PEP 3120): a UTF-8 BOM, else a coding
 * declaration in a comment on line 1 or 2, else UTF-8. What CPython rejects (bytes invalid in the declared
 * encoding, an unknown codec, a BOM contradicting the declaration) is an error with the line it is on,
 * never a silent substitution.
 *
 * Hand-written because no library maps Python codec names to decoders; the decoding itself is the
 * platform's (TextDecoder with ICU, Buffer's latin1).
 */
/** PEP 263: `^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)` on line 1, or on line 2 when line 1 is a comment or blank. */
const CODING = /^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)/;
/** The coding declaration of a source, with its 1-based line; undefined when there is none. */
function codingDeclaration(buf) {
    const lines = [];
    let start = buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
    for (let i = start; i < buf.length && lines.length < 2; i++) {
        if (buf[i] === 0x0a) {
            lines.push(asciiOf(buf.subarray(start, i)));
            start = i + 1;
        }
    }
    if (lines.length < 2)
        lines.push(asciiOf(buf.subarray(start, Math.min(buf.length, start + 512))));
    const first = lines[0];
    const m1 = CODING.exec(first);
    if (m1)
        return { name: m1[1], line: 1 };
    if (/^[ \t\f]*(#.*)?\r?$/.test(first) && lines[1] !== undefined) {
        const m2 = CODING.exec(lines[1]);
        if (m2)
            return { name: m2[1], line: 2 };
    }
    return undefined;
}
function asciiOf(bytes) {
    let s = '';
    for (const b of bytes)
        s += b < 0x80 ? String.fromCharCode(b) : '\u00bf';
    return s;
}
/**
 * Python codec names (normalised as CPython's `encodings.normalize_encoding` does, then lowercased) to a
 * WHATWG/ICU label. `latin-1` is real ISO-8859-1 (Buffer's latin1), not windows-1252 as WHATWG maps it.
 */
const CODECS = {
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
function codecLabel(name) {
    const norm = name.toLowerCase().replace(/[^a-z0-9.]+/g, '_').replace(/^_+|_+$/g, '');
    // CPython's tokenizer also accepts "utf-8-xxx" and "latin-1-xxx" / "iso-8859-1-xxx" prefixes.
    if (/^utf_8(_|$)/.test(norm))
        return 'utf-8';
    if (/^(latin_1|iso_8859_1|iso_latin_1)(_|$)/.test(norm))
        return 'latin1';
    return CODECS[norm];
}
/** Decode Python source bytes as CPython would, or say why CPython would refuse them. */
function decodePythonSource(buf) {
    const bom = buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf;
    const decl = codingDeclaration(buf);
    let label = 'utf-8';
    if (decl) {
        const l = codecLabel(decl.name);
        if (!l)
            return { ok: false, line: decl.line, reason: `it declares the encoding "${decl.name}", which Python does not know` };
        if (bom && l !== 'utf-8')
            return { ok: false, line: decl.line, reason: `it starts with a UTF-8 byte-order mark but declares the encoding "${decl.name}"` };
        label = l;
    }
    const body = bom ? buf.subarray(3) : buf;
    const named = decl ? `"${decl.name}" (declared on line ${decl.line})` : 'UTF-8 (no coding declaration)';
    if (label === 'latin1')
        return { ok: true, text: Buffer.from(body).toString('latin1'), encoding: 'latin-1' };
    if (label === 'ascii') {
        const bad = body.findIndex((b) => b >= 0x80);
        if (bad >= 0)
            return { ok: false, line: lineOfOffset(buf, bad + (bom ? 3 : 0)), reason: `a byte is not valid in its encoding ${named}` };
        return { ok: true, text: Buffer.from(body).toString('latin1'), encoding: 'ascii' };
    }
    let decoder;
    try {
        decoder = new TextDecoder(label, { fatal: true });
    }
    catch {
        return { ok: false, line: decl?.line ?? 1, reason: `its encoding "${decl?.name ?? label}" cannot be decoded on this platform` };
    }
    try {
        return { ok: true, text: decoder.decode(body), encoding: decl ? decl.name : 'utf-8' };
    }
    catch {
        return { ok: false, line: firstUndecodableLine(body, label), reason: `a byte sequence is not valid in its encoding ${named}` };
    }
}
function lineOfOffset(buf, offset) {
    let line = 1;
    for (let i = 0; i < offset && i < buf.length; i++)
        if (buf[i] === 0x0a)
            line++;
    return line;
}
/** 1-based line of the first line that does not decode on its own (line-wise, as CPython's tokenizer reads). */
function firstUndecodableLine(buf, label) {
    const dec = new TextDecoder(label, { fatal: true });
    let line = 1;
    let start = 0;
    for (let i = 0; i <= buf.length; i++) {
        if (i === buf.length || buf[i] === 0x0a) {
            try {
                dec.decode(buf.subarray(start, i));
            }
            catch {
                return line;
            }
            line++;
            start = i + 1;
        }
    }
    return 1;
}


/***/ })

};
