export const id = 17;
export const ids = [17];
export const modules = {

/***/ 89017:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   syntaxWorker: () => (/* binding */ syntaxWorker)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_worker_threads__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(75919);
/* harmony import */ var node_worker_threads__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_worker_threads__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _memory__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(62264);
/* harmony import */ var _python__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76303);
/* harmony import */ var _source_encoding__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(69656);
/* harmony import */ var _syntax_pool__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(72989);
/**
 * A syntax-check worker thread (src/project/syntax-pool.ts): takes files from the shared queue until it is
 * empty, skipping those the main thread has checked; reads and decodes each as the workspace does, parses it,
 * and stores its first syntax error line, whether that error is Python 2 syntax, and the hash of the text it
 * parsed. Trees are let go as the main thread lets its go (src/project/memory.ts). Reports its time and the
 * source it parsed when done.
 */






/** Trees are let go every this many characters parsed (the workspace's syntax check uses 1 MiB). */
const RELEASE_EVERY = 64 * 1024;
/** The file's text as Workspace.addFile reads a plain Python file; undefined when it cannot be read so. */
function read(abs) {
    try {
        const d = (0,_source_encoding__WEBPACK_IMPORTED_MODULE_4__/* .decodePythonSource */ .m)((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(abs));
        if (!d.ok)
            return undefined;
        return d.text.charCodeAt(0) === 0xfeff ? d.text.slice(1) : d.text;
    }
    catch {
        return undefined;
    }
}
async function syntaxWorker(data) {
    const started = performance.now();
    const v = (0,_syntax_pool__WEBPACK_IMPORTED_MODULE_5__/* .sharedViews */ .Ag)(data.shared, data.paths.length);
    let held = 0;
    let files = 0;
    for (;;) {
        const i = Atomics.add(v.next, 0, 1);
        if (i >= data.paths.length)
            break;
        if (Atomics.load(v.known, i))
            continue;
        const text = read(data.paths[i]);
        if (text === undefined) {
            Atomics.store(v.line, i, _syntax_pool__WEBPACK_IMPORTED_MODULE_5__/* .NOT_READ */ .VF);
            continue;
        }
        const tree = (0,_python__WEBPACK_IMPORTED_MODULE_3__/* .parsePython */ .w_)(text);
        const line = (0,_python__WEBPACK_IMPORTED_MODULE_3__/* .firstErrorLine */ .hf)(tree, text);
        Atomics.store(v.hash, i, (0,_syntax_pool__WEBPACK_IMPORTED_MODULE_5__/* .textHash */ ._t)(text));
        Atomics.store(v.py2, i, line !== undefined && !tree.rootNode.hasError ? 1 : 0);
        // the line last: a result is whole once its line is stored (the main thread reads them after the worker exits)
        Atomics.store(v.line, i, line ?? _syntax_pool__WEBPACK_IMPORTED_MODULE_5__/* .CLEAN */ .w_);
        files++;
        held += text.length;
        if (held >= RELEASE_EVERY) {
            held = 0;
            await (0,_memory__WEBPACK_IMPORTED_MODULE_2__/* .release */ ._)();
        }
    }
    const report = { ms: performance.now() - started, parsedChars: (0,_python__WEBPACK_IMPORTED_MODULE_3__/* .parsedChars */ .R_)(), files };
    node_worker_threads__WEBPACK_IMPORTED_MODULE_1__.parentPort?.postMessage(report);
}


/***/ })

};
