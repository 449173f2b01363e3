import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
export const id = 568;
export const ids = [568];
export const modules = {

/***/ 94433:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {

const root = (__webpack_require__(16928).join)(__dirname, "..", "..");

module.exports =
  typeof process.versions.bun === "string"
    // Support `bun build --compile` by being statically analyzable enough to find the .node file at build-time
    ? __WEBPACK_EXTERNAL_createRequire(import.meta.url)(`../../prebuilds/${process.platform}-${process.arch}/tree-sitter-python.node`)
    : __WEBPACK_EXTERNAL_createRequire(import.meta.url)(__webpack_require__.ab + "prebuilds/tree-sitter-python/" + process.platform + "-" + process.arch + "/tree-sitter-python.node");

try {
  module.exports.nodeTypeInfo = __webpack_require__(81802);
} catch (_) {}


/***/ }),

/***/ 78072:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {

const binding = typeof process.versions.bun === "string" ?
    // Statically analyzable enough for `bun build --compile` to embed the tree-sitter.node napi addon
    __WEBPACK_EXTERNAL_createRequire(import.meta.url)(`./prebuilds/${process.platform}-${process.arch}/tree-sitter.node`) :
    __WEBPACK_EXTERNAL_createRequire(import.meta.url)(__webpack_require__.ab + "prebuilds/tree-sitter/" + process.platform + "-" + process.arch + "/tree-sitter.node");
const {Query, Parser, NodeMethods, Tree, TreeCursor, LookaheadIterator} = binding;

const util = __webpack_require__(39023);

/*
 * Tree
 */

const {rootNode, rootNodeWithOffset, edit} = Tree.prototype;

Object.defineProperty(Tree.prototype, 'rootNode', {
  get() {
    /*
      Due to a race condition arising from Jest's worker pool, "this"
      has no knowledge of the native extension if the extension has not
      yet loaded when multiple Jest tests are being run simultaneously.
      If the extension has correctly loaded, "this" should be an instance
      of the class whose prototype we are acting on (in this case, Tree).
      Furthermore, the race condition sometimes results in the function in
      question being undefined even when the context is correct, so we also
      perform a null function check.
    */
    if (this instanceof Tree && rootNode) {
      return unmarshalNode(rootNode.call(this), this);
    }
  },
  // Jest worker pool may attempt to override property due to race condition,
  // we don't want to error on this
  configurable: true
});

Tree.prototype.rootNodeWithOffset = function(offset_bytes, offset_extent) {
  return unmarshalNode(rootNodeWithOffset.call(this, offset_bytes, offset_extent.row, offset_extent.column), this);
}

Tree.prototype.edit = function(arg) {
  if (this instanceof Tree && edit) {
    edit.call(
      this,
      arg.startPosition.row, arg.startPosition.column,
      arg.oldEndPosition.row, arg.oldEndPosition.column,
      arg.newEndPosition.row, arg.newEndPosition.column,
      arg.startIndex,
      arg.oldEndIndex,
      arg.newEndIndex
    );
  }
};

Tree.prototype.walk = function() {
  return this.rootNode.walk()
};

/*
 * Node
 */

class SyntaxNode {
  constructor(tree) {
    Object.defineProperty(this, 'tree', {
      value: tree,
      enumerable: true
    });
  }

  [util.inspect.custom]() {
    return this.constructor.name + ' {\n' +
      '  type: ' + this.type + ',\n' +
      '  startPosition: ' + pointToString(this.startPosition) + ',\n' +
      '  endPosition: ' + pointToString(this.endPosition) + ',\n' +
      '  childCount: ' + this.childCount + ',\n' +
      '}'
  }

  get id() {
    marshalNode(this);
    return NodeMethods.id(this.tree);
  }

  get typeId() {
    marshalNode(this);
    return NodeMethods.typeId(this.tree);
  }

  get grammarId() {
    marshalNode(this);
    return NodeMethods.grammarId(this.tree);
  }

  get type() {
    marshalNode(this);
    return NodeMethods.type(this.tree);
  }

  get grammarType() {
    marshalNode(this);
    return NodeMethods.grammarType(this.tree);
  }

  get isExtra() {
    marshalNode(this);
    return NodeMethods.isExtra(this.tree);
  }

  get isNamed() {
    marshalNode(this);
    return NodeMethods.isNamed(this.tree);
  }

  get isMissing() {
    marshalNode(this);
    return NodeMethods.isMissing(this.tree);
  }

  get hasChanges() {
    marshalNode(this);
    return NodeMethods.hasChanges(this.tree);
  }

  get hasError() {
    marshalNode(this);
    return NodeMethods.hasError(this.tree);
  }

  get isError() {
    marshalNode(this);
    return NodeMethods.isError(this.tree);
  }

  get text() {
    return this.tree.getText(this);
  }

  get startPosition() {
    marshalNode(this);
    NodeMethods.startPosition(this.tree);
    return unmarshalPoint();
  }

  get endPosition() {
    marshalNode(this);
    NodeMethods.endPosition(this.tree);
    return unmarshalPoint();
  }

  get startIndex() {
    marshalNode(this);
    return NodeMethods.startIndex(this.tree);
  }

  get endIndex() {
    marshalNode(this);
    return NodeMethods.endIndex(this.tree);
  }

  get parent() {
    marshalNode(this);
    return unmarshalNode(NodeMethods.parent(this.tree), this.tree);
  }

  get children() {
    marshalNode(this);
    return unmarshalNodes(NodeMethods.children(this.tree), this.tree);
  }

  get namedChildren() {
    marshalNode(this);
    return unmarshalNodes(NodeMethods.namedChildren(this.tree), this.tree);
  }

  get childCount() {
    marshalNode(this);
    return NodeMethods.childCount(this.tree);
  }

  get namedChildCount() {
    marshalNode(this);
    return NodeMethods.namedChildCount(this.tree);
  }

  get firstChild() {
    marshalNode(this);
    return unmarshalNode(NodeMethods.firstChild(this.tree), this.tree);
  }

  get firstNamedChild() {
    marshalNode(this);
    return unmarshalNode(NodeMethods.firstNamedChild(this.tree), this.tree);
  }

  get lastChild() {
    marshalNode(this);
    return unmarshalNode(NodeMethods.lastChild(this.tree), this.tree);
  }

  get lastNamedChild() {
    marshalNode(this);
    return unmarshalNode(NodeMethods.lastNamedChild(this.tree), this.tree);
  }

  get nextSibling() {
    marshalNode(this);
    return unmarshalNode(NodeMethods.nextSibling(this.tree), this.tree);
  }

  get nextNamedSibling() {
    marshalNode(this);
    return unmarshalNode(NodeMethods.nextNamedSibling(this.tree), this.tree);
  }

  get previousSibling() {
    marshalNode(this);
    return unmarshalNode(NodeMethods.previousSibling(this.tree), this.tree);
  }

  get previousNamedSibling() {
    marshalNode(this);
    return unmarshalNode(NodeMethods.previousNamedSibling(this.tree), this.tree);
  }

  get parseState() {
    marshalNode(this);
    return NodeMethods.parseState(this.tree);
  }

  get nextParseState() {
    marshalNode(this);
    return NodeMethods.nextParseState(this.tree);
  }

  get descendantCount() {
    marshalNode(this);
    return NodeMethods.descendantCount(this.tree);
  }

  toString() {
    marshalNode(this);
    return NodeMethods.toString(this.tree);
  }

  toJSON() {
    return {
      type: this.type,
      startPosition: this.startPosition,
      endPosition: this.endPosition,
      childCount: this.childCount,
    }
  }

  child(index) {
    marshalNode(this);
    return unmarshalNode(NodeMethods.child(this.tree, index), this.tree);
  }

  namedChild(index) {
    marshalNode(this);
    return unmarshalNode(NodeMethods.namedChild(this.tree, index), this.tree);
  }

  childForFieldName(fieldName) {
    marshalNode(this);
    return unmarshalNode(NodeMethods.childForFieldName(this.tree, fieldName), this.tree);
  }

  childForFieldId(fieldId) {
    marshalNode(this);
    return unmarshalNode(NodeMethods.childForFieldId(this.tree, fieldId), this.tree);
  }

  fieldNameForChild(childIndex) {
    marshalNode(this);
    return NodeMethods.fieldNameForChild(this.tree, childIndex);
  }

  fieldNameForNamedChild(namedChildIndex) {
    marshalNode(this);
    return NodeMethods.fieldNameForNamedChild(this.tree, namedChildIndex);
  }

  childrenForFieldName(fieldName) {
    marshalNode(this);
    return unmarshalNodes(NodeMethods.childrenForFieldName(this.tree, fieldName), this.tree);
  }

  childrenForFieldId(fieldId) {
    marshalNode(this);
    return unmarshalNodes(NodeMethods.childrenForFieldId(this.tree, fieldId), this.tree);
  }

  firstChildForIndex(index) {
    marshalNode(this);
    return unmarshalNode(NodeMethods.firstChildForIndex(this.tree, index), this.tree);
  }

  firstNamedChildForIndex(index) {
    marshalNode(this);
    return unmarshalNode(NodeMethods.firstNamedChildForIndex(this.tree, index), this.tree);
  }

  childWithDescendant(descendant) {
    marshalNodes([this, descendant]);
    return unmarshalNode(NodeMethods.childWithDescendant(this.tree, descendant.tree), this.tree);
  }

  namedDescendantForIndex(start, end) {
    marshalNode(this);
    if (end == null) end = start;
    return unmarshalNode(NodeMethods.namedDescendantForIndex(this.tree, start, end), this.tree);
  }

  descendantForIndex(start, end) {
    marshalNode(this);
    if (end == null) end = start;
    return unmarshalNode(NodeMethods.descendantForIndex(this.tree, start, end), this.tree);
  }

  descendantsOfType(types, start, end) {
    marshalNode(this);
    if (typeof types === 'string') types = [types]
    return unmarshalNodes(NodeMethods.descendantsOfType(this.tree, types, start, end), this.tree);
  }

  namedDescendantForPosition(start, end) {
    marshalNode(this);
    if (end == null) end = start;
    return unmarshalNode(NodeMethods.namedDescendantForPosition(this.tree, start, end), this.tree);
  }

  descendantForPosition(start, end) {
    marshalNode(this);
    if (end == null) end = start;
    return unmarshalNode(NodeMethods.descendantForPosition(this.tree, start, end), this.tree);
  }

  closest(types) {
    marshalNode(this);
    if (typeof types === 'string') types = [types]
    return unmarshalNode(NodeMethods.closest(this.tree, types), this.tree);
  }

  walk () {
    marshalNode(this);
    const cursor = NodeMethods.walk(this.tree);
    cursor.tree = this.tree;
    unmarshalNode(cursor.currentNode, this.tree);
    return cursor;
  }
}

/*
 * Parser
 */

const {parse, setLanguage} = Parser.prototype;
const languageSymbol = Symbol('parser.language');

Parser.prototype.setLanguage = function(language) {
  if (this instanceof Parser && setLanguage) {
    setLanguage.call(this, language);
  }
  this[languageSymbol] = language;
  if (!language.nodeSubclasses) {
    initializeLanguageNodeClasses(language)
  }
  return this;
};

Parser.prototype.getLanguage = function(_language) {
  return this[languageSymbol] || null;
};

Parser.prototype.parse = function(input, oldTree, {bufferSize, includedRanges, progressCallback}={}) {
  let getText, treeInput = input
  if (typeof input === 'string') {
    const inputString = input;
    input = (offset, _position) => inputString.slice(offset)
    getText = getTextFromString
  } else {
    getText = getTextFromFunction
  }
  const tree = this instanceof Parser && parse
    ? parse.call(
      this,
      input,
      oldTree,
      bufferSize,
      includedRanges,
      progressCallback,
    )
    : undefined;

  if (tree) {
    tree.input = treeInput
    tree.getText = getText
    tree.language = this.getLanguage()
  }
  return tree
};

/*
 * TreeCursor
 */

const {startPosition, endPosition, currentNode} = TreeCursor.prototype;

Object.defineProperties(TreeCursor.prototype, {
  currentNode: {
    get() {
      if (this instanceof TreeCursor && currentNode) {
        return unmarshalNode(currentNode.call(this), this.tree);
      }
    },
    configurable: true
  },
  startPosition: {
    get() {
      if (this instanceof TreeCursor && startPosition) {
        startPosition.call(this);
        return unmarshalPoint();
      }
    },
    configurable: true
  },
  endPosition: {
    get() {
      if (this instanceof TreeCursor && endPosition) {
        endPosition.call(this);
        return unmarshalPoint();
      }
    },
    configurable: true
  },
  nodeText: {
    get() {
      return this.tree.getText(this)
    },
    configurable: true
  }
});

/*
 * Query
 */

const {_matches, _captures} = Query.prototype;

const PREDICATE_STEP_TYPE = {
  DONE: 0,
  CAPTURE: 1,
  STRING: 2,
}

const ZERO_POINT = { row: 0, column: 0 };

Query.prototype._init = function() {
  /*
   * Initialize predicate functions
   * format: [type1, value1, type2, value2, ...]
   */
  const predicateDescriptions = this._getPredicates();
  const patternCount = predicateDescriptions.length;

  const setProperties = new Array(patternCount);
  const assertedProperties = new Array(patternCount);
  const refutedProperties = new Array(patternCount);
  const predicates = new Array(patternCount);

  const FIRST  = 0
  const SECOND = 2
  const THIRD  = 4

  for (let i = 0; i < predicateDescriptions.length; i++) {
    predicates[i] = [];

    for (let j = 0; j < predicateDescriptions[i].length; j++) {

      const steps = predicateDescriptions[i][j];
      const stepsLength = steps.length / 2;

      if (steps[FIRST] !== PREDICATE_STEP_TYPE.STRING) {
        throw new Error('Predicates must begin with a literal value');
      }

      const operator = steps[FIRST + 1];

      let isPositive = true;
      let matchAll = true;
      let captureName;
      switch (operator) {
        case 'any-not-eq?':
        case 'not-eq?':
          isPositive = false;
        case 'any-eq?':
        case 'eq?':
          if (stepsLength !== 3) throw new Error(
            `Wrong number of arguments to \`#eq?\` predicate. Expected 2, got ${stepsLength - 1}`
          );
          if (steps[SECOND] !== PREDICATE_STEP_TYPE.CAPTURE) throw new Error(
            `First argument of \`#eq?\` predicate must be a capture. Got "${steps[SECOND + 1]}"`
          );
          matchAll = !operator.startsWith('any-');
          if (steps[THIRD] === PREDICATE_STEP_TYPE.CAPTURE) {
            const captureName1 = steps[SECOND + 1];
            const captureName2 = steps[THIRD + 1];
            predicates[i].push(function (captures) {
              let nodes_1 = [];
              let nodes_2 = [];
              for (const c of captures) {
                if (c.name === captureName1) nodes_1.push(c.node);
                if (c.name === captureName2) nodes_2.push(c.node);
              }
              let compare = (n1, n2, positive) => {
                return positive ?
                  n1.text === n2.text :
                  n1.text !== n2.text;
              };
              return matchAll
                ? nodes_1.every(n1 => nodes_2.some(n2 => compare(n1, n2, isPositive)))
                : nodes_1.some(n1 => nodes_2.some(n2 => compare(n1, n2, isPositive)));
            });
          } else {
            captureName = steps[SECOND + 1];
            const stringValue = steps[THIRD + 1];
            let matches = (n) => n.text === stringValue;
            let doesNotMatch = (n) => n.text !== stringValue;
            predicates[i].push(function (captures) {
              let nodes = [];
              for (const c of captures) {
                if (c.name === captureName) nodes.push(c.node);
              }
              let test = isPositive ? matches : doesNotMatch;
              return matchAll
                ? nodes.every(test)
                : nodes.some(test);
            });
          }
          break;

        case 'any-not-match?':
        case 'not-match?':
          isPositive = false;
        case 'any-match?':
        case 'match?':
          if (stepsLength !== 3) throw new Error(
            `Wrong number of arguments to \`#match?\` predicate. Expected 2, got ${stepsLength - 1}.`
          );
          if (steps[SECOND] !== PREDICATE_STEP_TYPE.CAPTURE) throw new Error(
            `First argument of \`#match?\` predicate must be a capture. Got "${steps[SECOND + 1]}".`
          );
          if (steps[THIRD] !== PREDICATE_STEP_TYPE.STRING) throw new Error(
            `Second argument of \`#match?\` predicate must be a string. Got @${steps[THIRD + 1]}.`
          );
          captureName = steps[SECOND + 1];
          const regex = new RegExp(steps[THIRD + 1]);
          matchAll = !operator.startsWith('any-');
          predicates[i].push(function (captures) {
            const nodes = [];
            for (const c of captures) {
              if (c.name === captureName) nodes.push(c.node.text);
            }
            let test = (text, positive) => {
              return positive ?
                regex.test(text) :
                !regex.test(text);
            };
            if (nodes.length === 0) return !isPositive;
            return matchAll
              ? nodes.every(text => test(text, isPositive))
              : nodes.some(text => test(text, isPositive))
          });
          break;

        case 'set!':
          if (stepsLength < 2 || stepsLength > 3) throw new Error(
            `Wrong number of arguments to \`#set!\` predicate. Expected 1 or 2. Got ${stepsLength - 1}.`
          );
          if (steps.some((s, i) => (i % 2 !== 1) && s !== PREDICATE_STEP_TYPE.STRING)) throw new Error(
            `Arguments to \`#set!\` predicate must be a strings.".`
          );
          if (!setProperties[i]) setProperties[i] = {};
          setProperties[i][steps[SECOND + 1]] = steps[THIRD] ? steps[THIRD + 1] : null;
          break;

        case 'is?':
        case 'is-not?':
          if (stepsLength < 2 || stepsLength > 3) throw new Error(
            `Wrong number of arguments to \`#${operator}\` predicate. Expected 1 or 2. Got ${stepsLength - 1}.`
          );
          if (steps.some((s, i) => (i % 2 !== 1) && s !== PREDICATE_STEP_TYPE.STRING)) throw new Error(
            `Arguments to \`#${operator}\` predicate must be a strings.".`
          );
          const properties = operator === 'is?' ? assertedProperties : refutedProperties;
          if (!properties[i]) properties[i] = {};
          properties[i][steps[SECOND + 1]] = steps[THIRD] ? steps[THIRD + 1] : null;
          break;

        case 'not-any-of?':
          isPositive = false;
        case 'any-of?':
          if (stepsLength < 2) throw new Error(
            `Wrong number of arguments to \`#${operator}\` predicate. Expected at least 1. Got ${stepsLength - 1}.`
          );
          if (steps[SECOND] !== PREDICATE_STEP_TYPE.CAPTURE) throw new Error(
            `First argument of \`#${operator}\` predicate must be a capture. Got "${steps[1].value}".`
          );
          const stringValues = [];
          for (let k = THIRD; k < 2 * stepsLength; k += 2) {
            if (steps[k] !== PREDICATE_STEP_TYPE.STRING) throw new Error(
              `Arguments to \`#${operator}\` predicate must be a strings.".`
            );
            stringValues.push(steps[k + 1]);
          }
          captureName = steps[SECOND + 1];
          predicates[i].push(function (captures) {
            const nodes = [];
            for (const c of captures) {
              if (c.name === captureName) nodes.push(c.node.text);
            }
            if (nodes.length === 0) return !isPositive;
            return nodes.every(text => stringValues.includes(text)) === isPositive;
          });
          break;

        default:
          throw new Error(`Unknown query predicate \`#${steps[FIRST + 1]}\``);
      }
    }
  }

  this.predicates = Object.freeze(predicates);
  this.setProperties = Object.freeze(setProperties);
  this.assertedProperties = Object.freeze(assertedProperties);
  this.refutedProperties = Object.freeze(refutedProperties);
}

Query.prototype.matches = function(
  node,
  {
    startPosition = ZERO_POINT,
    endPosition = ZERO_POINT,
    startIndex = 0,
    endIndex = 0,
    matchLimit = 0xFFFFFFFF,
    maxStartDepth = 0xFFFFFFFF,
    timeoutMicros = 0
  } = {}
) {
  marshalNode(node);
  const [returnedMatches, returnedNodes] = _matches.call(this, node.tree,
    startPosition.row, startPosition.column,
    endPosition.row, endPosition.column,
    startIndex, endIndex, matchLimit, maxStartDepth, timeoutMicros
  );
  const nodes = unmarshalNodes(returnedNodes, node.tree);
  const results = [];

  let i = 0
  let nodeIndex = 0;
  while (i < returnedMatches.length) {
    const patternIndex = returnedMatches[i++];
    const captures = [];

    while (i < returnedMatches.length && typeof returnedMatches[i] === 'string') {
      const captureName = returnedMatches[i++];
      captures.push({
        name: captureName,
        node: nodes[nodeIndex++],
      })
    }

    if (this.predicates[patternIndex].every(p => p(captures))) {
      const result = {pattern: patternIndex, captures};
      const setProperties = this.setProperties[patternIndex];
      const assertedProperties = this.assertedProperties[patternIndex];
      const refutedProperties = this.refutedProperties[patternIndex];
      if (setProperties) result.setProperties = setProperties;
      if (assertedProperties) result.assertedProperties = assertedProperties;
      if (refutedProperties) result.refutedProperties = refutedProperties;
      results.push(result);
    }
  }

  return results;
}

Query.prototype.captures = function(
  node,
  {
    startPosition = ZERO_POINT,
    endPosition = ZERO_POINT,
    startIndex = 0,
    endIndex = 0,
    matchLimit = 0xFFFFFFFF,
    maxStartDepth = 0xFFFFFFFF,
    timeoutMicros = 0,
    progressCallback = undefined,
  } = {}
) {
  marshalNode(node);
  const [returnedMatches, returnedNodes] = _captures.call(this, node.tree,
    startPosition.row, startPosition.column, endPosition.row, endPosition.column,
    startIndex, endIndex, matchLimit, maxStartDepth, timeoutMicros, progressCallback
  );
  const nodes = unmarshalNodes(returnedNodes, node.tree);
  const results = [];

  let i = 0
  let nodeIndex = 0;
  while (i < returnedMatches.length) {
    const patternIndex = returnedMatches[i++];
    const captureIndex = returnedMatches[i++];
    const captures = [];

    while (i < returnedMatches.length && typeof returnedMatches[i] === 'string') {
      const captureName = returnedMatches[i++];
      captures.push({
        name: captureName,
        node: nodes[nodeIndex++],
      })
    }

    if (this.predicates[patternIndex].every(p => p(captures))) {
      const result = captures[captureIndex];
      const setProperties = this.setProperties[patternIndex];
      const assertedProperties = this.assertedProperties[patternIndex];
      const refutedProperties = this.refutedProperties[patternIndex];
      if (setProperties) result.setProperties = setProperties;
      if (assertedProperties) result.assertedProperties = assertedProperties;
      if (refutedProperties) result.refutedProperties = refutedProperties;
      results.push(result);
    }
  }

  return results;
}

/*
 * LookaheadIterator
 */

LookaheadIterator.prototype[Symbol.iterator] = function() {
  const self = this;
  return {
    next() {
      if (self._next()) {
        return {done: false, value: self.currentType};
      }

      return {done: true, value: ''};
    },
  };
}

/*
 * Other functions
 */

function getTextFromString (node) {
  return this.input.substring(node.startIndex, node.endIndex);
}

function getTextFromFunction ({startIndex, endIndex}) {
  const {input} = this
  let result = '';
  const goalLength = endIndex - startIndex;
  while (result.length < goalLength) {
    const text = input(startIndex + result.length);
    result += text;
  }
  return result.slice(0, goalLength);
}

const {pointTransferArray} = binding;

const NODE_FIELD_COUNT = 6;
const ERROR_TYPE_ID = 0xFFFF

function getID(buffer, offset) {
  const low  = BigInt(buffer[offset]);
  const high = BigInt(buffer[offset + 1]);
  return (high << 32n) + low;
}

function unmarshalNode(value, tree, offset = 0, cache = null) {
  /* case 1: node from the tree cache */
  if (typeof value === 'object') {
    const node = value;
    return node;
  }

  /* case 2: node being transferred */
  const nodeTypeId = value;
  const NodeClass = nodeTypeId === ERROR_TYPE_ID
    ? SyntaxNode
    : tree.language.nodeSubclasses[nodeTypeId];

  const {nodeTransferArray} = binding;
  const id = getID(nodeTransferArray, offset)
  if (id === 0n) {
    return null
  }

  let cachedResult;
  if (cache && (cachedResult = cache.get(id)))
    return cachedResult;

  const result = new NodeClass(tree);
  for (let i = 0; i < NODE_FIELD_COUNT; i++) {
    result[i] = nodeTransferArray[offset + i];
  }

  if (cache)
    cache.set(id, result);
  else
    tree._cacheNode(result);

  return result;
}

function unmarshalNodes(nodes, tree) {
  const cache = new Map();

  let offset = 0;
  for (let i = 0, {length} = nodes; i < length; i++) {
    const node = unmarshalNode(nodes[i], tree, offset, cache);
    if (node !== nodes[i]) {
      nodes[i] = node;
      offset += NODE_FIELD_COUNT
    }
  }

  tree._cacheNodes(Array.from(cache.values()));

  return nodes;
}

function marshalNode(node, offset = 0) {
  if (!(node.tree instanceof Tree)) {
    throw new TypeError("SyntaxNode must belong to a Tree")
  }
  const { nodeTransferArray } = binding;
  for (let i = 0; i < NODE_FIELD_COUNT; i++) {
    nodeTransferArray[offset * NODE_FIELD_COUNT + i] = node[i];
  }
}

function marshalNodes(nodes) {
  for (let i = 0, { length } = nodes; i < length; i++) {
    marshalNode(nodes[i], i);
  }
}

function unmarshalPoint() {
  return {row: pointTransferArray[0], column: pointTransferArray[1]};
}

function pointToString(point) {
  return `{row: ${point.row}, column: ${point.column}}`;
}

function initializeLanguageNodeClasses(language) {
  const nodeTypeNamesById = binding.getNodeTypeNamesById(language);
  const nodeFieldNamesById = binding.getNodeFieldNamesById(language);
  const nodeTypeInfo = language.nodeTypeInfo || [];

  const nodeSubclasses = [];

  for (let id = 0, n = nodeTypeNamesById.length; id < n; ++id) {
    nodeSubclasses[id] = SyntaxNode;

    const typeName = nodeTypeNamesById[id];
    if (!typeName) continue;

    const typeInfo = nodeTypeInfo.find(info => info.named && info.type === typeName);
    if (!typeInfo) continue;

    const fieldNames = [];
    const fieldGetters = {};

    if (typeInfo.fields) {
      for (const fieldName in typeInfo.fields) {
        const fieldId = nodeFieldNamesById.indexOf(fieldName);
        if (fieldId === -1) continue;
        if (typeInfo.fields[fieldName].multiple) {
          const getterName = camelCase(fieldName) + 'Nodes';
          fieldNames.push(getterName);
          fieldGetters[getterName] = {
            get: function () {
              marshalNode(this);
              return unmarshalNodes(
                NodeMethods.childNodesForFieldId(this.tree, fieldId),
                this.tree
              );
            },
            enumerable: true
          };
        } else {
          const getterName = camelCase(fieldName, false) + 'Node';
          fieldNames.push(getterName);
          fieldGetters[getterName] = {
            get: function () {
              marshalNode(this);
              return unmarshalNode(
                NodeMethods.childNodeForFieldId(this.tree, fieldId),
                this.tree
              );
            },
            enumerable: true
          };
        }
      }
    }

    nodeSubclasses[id] = new Function('SyntaxNode', `
      return class ${camelCase(typeName, true)}Node extends SyntaxNode {}
    `)(SyntaxNode);

    Object.defineProperties(nodeSubclasses[id].prototype, {
      type: {
        value: typeName,
        enumerable: true
      },
      fields: {
        value: Object.freeze(fieldNames.sort()),
        enumerable: true
      },
      ...fieldGetters
    });
  }

  language.nodeSubclasses = nodeSubclasses;
}


function camelCase(name, upperCase) {
  name = name.replace(/_(\w)/g, (_match, letter) => letter.toUpperCase());
  if (upperCase) name = name[0].toUpperCase() + name.slice(1);
  return name;
}

module.exports = Parser;
module.exports.Query = Query;
module.exports.Tree = Tree;
module.exports.SyntaxNode = SyntaxNode;
module.exports.TreeCursor = TreeCursor;
module.exports.LookaheadIterator = LookaheadIterator;


/***/ }),

/***/ 81802:
/***/ ((module) => {

module.exports = /*#__PURE__*/JSON.parse('[{"type":"_compound_statement","named":true,"subtypes":[{"type":"class_definition","named":true},{"type":"decorated_definition","named":true},{"type":"for_statement","named":true},{"type":"function_definition","named":true},{"type":"if_statement","named":true},{"type":"match_statement","named":true},{"type":"try_statement","named":true},{"type":"while_statement","named":true},{"type":"with_statement","named":true}]},{"type":"_simple_statement","named":true,"subtypes":[{"type":"assert_statement","named":true},{"type":"break_statement","named":true},{"type":"continue_statement","named":true},{"type":"delete_statement","named":true},{"type":"exec_statement","named":true},{"type":"expression_statement","named":true},{"type":"future_import_statement","named":true},{"type":"global_statement","named":true},{"type":"import_from_statement","named":true},{"type":"import_statement","named":true},{"type":"nonlocal_statement","named":true},{"type":"pass_statement","named":true},{"type":"print_statement","named":true},{"type":"raise_statement","named":true},{"type":"return_statement","named":true},{"type":"type_alias_statement","named":true}]},{"type":"expression","named":true,"subtypes":[{"type":"as_pattern","named":true},{"type":"boolean_operator","named":true},{"type":"comparison_operator","named":true},{"type":"conditional_expression","named":true},{"type":"lambda","named":true},{"type":"named_expression","named":true},{"type":"not_operator","named":true},{"type":"primary_expression","named":true}]},{"type":"parameter","named":true,"subtypes":[{"type":"default_parameter","named":true},{"type":"dictionary_splat_pattern","named":true},{"type":"identifier","named":true},{"type":"keyword_separator","named":true},{"type":"list_splat_pattern","named":true},{"type":"positional_separator","named":true},{"type":"tuple_pattern","named":true},{"type":"typed_default_parameter","named":true},{"type":"typed_parameter","named":true}]},{"type":"pattern","named":true,"subtypes":[{"type":"attribute","named":true},{"type":"identifier","named":true},{"type":"list_pattern","named":true},{"type":"list_splat_pattern","named":true},{"type":"subscript","named":true},{"type":"tuple_pattern","named":true}]},{"type":"primary_expression","named":true,"subtypes":[{"type":"attribute","named":true},{"type":"await","named":true},{"type":"binary_operator","named":true},{"type":"call","named":true},{"type":"concatenated_string","named":true},{"type":"dictionary","named":true},{"type":"dictionary_comprehension","named":true},{"type":"ellipsis","named":true},{"type":"false","named":true},{"type":"float","named":true},{"type":"generator_expression","named":true},{"type":"identifier","named":true},{"type":"integer","named":true},{"type":"list","named":true},{"type":"list_comprehension","named":true},{"type":"list_splat","named":true},{"type":"none","named":true},{"type":"parenthesized_expression","named":true},{"type":"set","named":true},{"type":"set_comprehension","named":true},{"type":"string","named":true},{"type":"subscript","named":true},{"type":"true","named":true},{"type":"tuple","named":true},{"type":"unary_operator","named":true}]},{"type":"aliased_import","named":true,"fields":{"alias":{"multiple":false,"required":true,"types":[{"type":"identifier","named":true}]},"name":{"multiple":false,"required":true,"types":[{"type":"dotted_name","named":true}]}}},{"type":"argument_list","named":true,"fields":{},"children":{"multiple":true,"required":false,"types":[{"type":"dictionary_splat","named":true},{"type":"expression","named":true},{"type":"keyword_argument","named":true},{"type":"list_splat","named":true},{"type":"parenthesized_expression","named":true}]}},{"type":"as_pattern","named":true,"fields":{"alias":{"multiple":false,"required":false,"types":[{"type":"as_pattern_target","named":true}]}},"children":{"multiple":true,"required":true,"types":[{"type":"case_pattern","named":true},{"type":"expression","named":true},{"type":"identifier","named":true}]}},{"type":"assert_statement","named":true,"fields":{},"children":{"multiple":true,"required":true,"types":[{"type":"expression","named":true}]}},{"type":"assignment","named":true,"fields":{"left":{"multiple":false,"required":true,"types":[{"type":"pattern","named":true},{"type":"pattern_list","named":true}]},"right":{"multiple":false,"required":false,"types":[{"type":"assignment","named":true},{"type":"augmented_assignment","named":true},{"type":"expression","named":true},{"type":"expression_list","named":true},{"type":"pattern_list","named":true},{"type":"yield","named":true}]},"type":{"multiple":false,"required":false,"types":[{"type":"type","named":true}]}}},{"type":"attribute","named":true,"fields":{"attribute":{"multiple":false,"required":true,"types":[{"type":"identifier","named":true}]},"object":{"multiple":false,"required":true,"types":[{"type":"primary_expression","named":true}]}}},{"type":"augmented_assignment","named":true,"fields":{"left":{"multiple":false,"required":true,"types":[{"type":"pattern","named":true},{"type":"pattern_list","named":true}]},"operator":{"multiple":false,"required":true,"types":[{"type":"%=","named":false},{"type":"&=","named":false},{"type":"**=","named":false},{"type":"*=","named":false},{"type":"+=","named":false},{"type":"-=","named":false},{"type":"//=","named":false},{"type":"/=","named":false},{"type":"<<=","named":false},{"type":">>=","named":false},{"type":"@=","named":false},{"type":"^=","named":false},{"type":"|=","named":false}]},"right":{"multiple":false,"required":true,"types":[{"type":"assignment","named":true},{"type":"augmented_assignment","named":true},{"type":"expression","named":true},{"type":"expression_list","named":true},{"type":"pattern_list","named":true},{"type":"yield","named":true}]}}},{"type":"await","named":true,"fields":{},"children":{"multiple":false,"required":true,"types":[{"type":"primary_expression","named":true}]}},{"type":"binary_operator","named":true,"fields":{"left":{"multiple":false,"required":true,"types":[{"type":"primary_expression","named":true}]},"operator":{"multiple":false,"required":true,"types":[{"type":"%","named":false},{"type":"&","named":false},{"type":"*","named":false},{"type":"**","named":false},{"type":"+","named":false},{"type":"-","named":false},{"type":"/","named":false},{"type":"//","named":false},{"type":"<<","named":false},{"type":">>","named":false},{"type":"@","named":false},{"type":"^","named":false},{"type":"|","named":false}]},"right":{"multiple":false,"required":true,"types":[{"type":"primary_expression","named":true}]}}},{"type":"block","named":true,"fields":{"alternative":{"multiple":true,"required":false,"types":[{"type":"case_clause","named":true}]}},"children":{"multiple":true,"required":false,"types":[{"type":"_compound_statement","named":true},{"type":"_simple_statement","named":true}]}},{"type":"boolean_operator","named":true,"fields":{"left":{"multiple":false,"required":true,"types":[{"type":"expression","named":true}]},"operator":{"multiple":false,"required":true,"types":[{"type":"and","named":false},{"type":"or","named":false}]},"right":{"multiple":false,"required":true,"types":[{"type":"expression","named":true}]}}},{"type":"break_statement","named":true,"fields":{}},{"type":"call","named":true,"fields":{"arguments":{"multiple":false,"required":true,"types":[{"type":"argument_list","named":true},{"type":"generator_expression","named":true}]},"function":{"multiple":false,"required":true,"types":[{"type":"primary_expression","named":true}]}}},{"type":"case_clause","named":true,"fields":{"consequence":{"multiple":false,"required":true,"types":[{"type":"block","named":true}]},"guard":{"multiple":false,"required":false,"types":[{"type":"if_clause","named":true}]}},"children":{"multiple":true,"required":true,"types":[{"type":"case_pattern","named":true}]}},{"type":"case_pattern","named":true,"fields":{},"children":{"multiple":false,"required":false,"types":[{"type":"as_pattern","named":true},{"type":"class_pattern","named":true},{"type":"complex_pattern","named":true},{"type":"concatenated_string","named":true},{"type":"dict_pattern","named":true},{"type":"dotted_name","named":true},{"type":"false","named":true},{"type":"float","named":true},{"type":"integer","named":true},{"type":"keyword_pattern","named":true},{"type":"list_pattern","named":true},{"type":"none","named":true},{"type":"splat_pattern","named":true},{"type":"string","named":true},{"type":"true","named":true},{"type":"tuple_pattern","named":true},{"type":"union_pattern","named":true}]}},{"type":"chevron","named":true,"fields":{},"children":{"multiple":false,"required":true,"types":[{"type":"expression","named":true}]}},{"type":"class_definition","named":true,"fields":{"body":{"multiple":false,"required":true,"types":[{"type":"block","named":true}]},"name":{"multiple":false,"required":true,"types":[{"type":"identifier","named":true}]},"superclasses":{"multiple":false,"required":false,"types":[{"type":"argument_list","named":true}]},"type_parameters":{"multiple":false,"required":false,"types":[{"type":"type_parameter","named":true}]}}},{"type":"class_pattern","named":true,"fields":{},"children":{"multiple":true,"required":true,"types":[{"type":"case_pattern","named":true},{"type":"dotted_name","named":true}]}},{"type":"comparison_operator","named":true,"fields":{"operators":{"multiple":true,"required":true,"types":[{"type":"!=","named":false},{"type":"<","named":false},{"type":"<=","named":false},{"type":"<>","named":false},{"type":"==","named":false},{"type":">","named":false},{"type":">=","named":false},{"type":"in","named":false},{"type":"is","named":false},{"type":"is not","named":false},{"type":"not in","named":false}]}},"children":{"multiple":true,"required":true,"types":[{"type":"primary_expression","named":true}]}},{"type":"complex_pattern","named":true,"fields":{},"children":{"multiple":true,"required":true,"types":[{"type":"float","named":true},{"type":"integer","named":true}]}},{"type":"concatenated_string","named":true,"fields":{},"children":{"multiple":true,"required":true,"types":[{"type":"string","named":true}]}},{"type":"conditional_expression","named":true,"fields":{},"children":{"multiple":true,"required":true,"types":[{"type":"expression","named":true}]}},{"type":"constrained_type","named":true,"fields":{},"children":{"multiple":true,"required":true,"types":[{"type":"type","named":true}]}},{"type":"continue_statement","named":true,"fields":{}},{"type":"decorated_definition","named":true,"fields":{"definition":{"multiple":false,"required":true,"types":[{"type":"class_definition","named":true},{"type":"function_definition","named":true}]}},"children":{"multiple":true,"required":true,"types":[{"type":"decorator","named":true}]}},{"type":"decorator","named":true,"fields":{},"children":{"multiple":false,"required":true,"types":[{"type":"expression","named":true}]}},{"type":"default_parameter","named":true,"fields":{"name":{"multiple":false,"required":true,"types":[{"type":"identifier","named":true},{"type":"tuple_pattern","named":true}]},"value":{"multiple":false,"required":true,"types":[{"type":"expression","named":true}]}}},{"type":"delete_statement","named":true,"fields":{},"children":{"multiple":false,"required":true,"types":[{"type":"expression","named":true},{"type":"expression_list","named":true}]}},{"type":"dict_pattern","named":true,"fields":{"key":{"multiple":true,"required":false,"types":[{"type":"-","named":false},{"type":"_","named":false},{"type":"class_pattern","named":true},{"type":"complex_pattern","named":true},{"type":"concatenated_string","named":true},{"type":"dict_pattern","named":true},{"type":"dotted_name","named":true},{"type":"false","named":true},{"type":"float","named":true},{"type":"integer","named":true},{"type":"list_pattern","named":true},{"type":"none","named":true},{"type":"splat_pattern","named":true},{"type":"string","named":true},{"type":"true","named":true},{"type":"tuple_pattern","named":true},{"type":"union_pattern","named":true}]},"value":{"multiple":true,"required":false,"types":[{"type":"case_pattern","named":true}]}},"children":{"multiple":true,"required":false,"types":[{"type":"splat_pattern","named":true}]}},{"type":"dictionary","named":true,"fields":{},"children":{"multiple":true,"required":false,"types":[{"type":"dictionary_splat","named":true},{"type":"pair","named":true}]}},{"type":"dictionary_comprehension","named":true,"fields":{"body":{"multiple":false,"required":true,"types":[{"type":"pair","named":true}]}},"children":{"multiple":true,"required":true,"types":[{"type":"for_in_clause","named":true},{"type":"if_clause","named":true}]}},{"type":"dictionary_splat","named":true,"fields":{},"children":{"multiple":false,"required":true,"types":[{"type":"expression","named":true}]}},{"type":"dictionary_splat_pattern","named":true,"fields":{},"children":{"multiple":false,"required":true,"types":[{"type":"attribute","named":true},{"type":"identifier","named":true},{"type":"subscript","named":true}]}},{"type":"dotted_name","named":true,"fields":{},"children":{"multiple":true,"required":true,"types":[{"type":"identifier","named":true}]}},{"type":"elif_clause","named":true,"fields":{"condition":{"multiple":false,"required":true,"types":[{"type":"expression","named":true}]},"consequence":{"multiple":false,"required":true,"types":[{"type":"block","named":true}]}}},{"type":"else_clause","named":true,"fields":{"body":{"multiple":false,"required":true,"types":[{"type":"block","named":true}]}}},{"type":"except_clause","named":true,"fields":{"alias":{"multiple":false,"required":false,"types":[{"type":"expression","named":true}]},"value":{"multiple":true,"required":false,"types":[{"type":"expression","named":true}]}},"children":{"multiple":false,"required":true,"types":[{"type":"block","named":true}]}},{"type":"exec_statement","named":true,"fields":{"code":{"multiple":false,"required":true,"types":[{"type":"identifier","named":true},{"type":"string","named":true}]}},"children":{"multiple":true,"required":false,"types":[{"type":"expression","named":true}]}},{"type":"expression_list","named":true,"fields":{},"children":{"multiple":true,"required":true,"types":[{"type":"expression","named":true}]}},{"type":"expression_statement","named":true,"fields":{},"children":{"multiple":true,"required":true,"types":[{"type":"assignment","named":true},{"type":"augmented_assignment","named":true},{"type":"expression","named":true},{"type":"yield","named":true}]}},{"type":"finally_clause","named":true,"fields":{},"children":{"multiple":false,"required":true,"types":[{"type":"block","named":true}]}},{"type":"for_in_clause","named":true,"fields":{"left":{"multiple":false,"required":true,"types":[{"type":"pattern","named":true},{"type":"pattern_list","named":true}]},"right":{"multiple":true,"required":true,"types":[{"type":",","named":false},{"type":"expression","named":true}]}}},{"type":"for_statement","named":true,"fields":{"alternative":{"multiple":false,"required":false,"types":[{"type":"else_clause","named":true}]},"body":{"multiple":false,"required":true,"types":[{"type":"block","named":true}]},"left":{"multiple":false,"required":true,"types":[{"type":"pattern","named":true},{"type":"pattern_list","named":true}]},"right":{"multiple":false,"required":true,"types":[{"type":"expression","named":true},{"type":"expression_list","named":true}]}}},{"type":"format_expression","named":true,"fields":{"expression":{"multiple":false,"required":true,"types":[{"type":"expression","named":true},{"type":"expression_list","named":true},{"type":"pattern_list","named":true},{"type":"yield","named":true}]},"format_specifier":{"multiple":false,"required":false,"types":[{"type":"format_specifier","named":true}]},"type_conversion":{"multiple":false,"required":false,"types":[{"type":"type_conversion","named":true}]}}},{"type":"format_specifier","named":true,"fields":{},"children":{"multiple":true,"required":false,"types":[{"type":"format_expression","named":true}]}},{"type":"function_definition","named":true,"fields":{"body":{"multiple":false,"required":true,"types":[{"type":"block","named":true}]},"name":{"multiple":false,"required":true,"types":[{"type":"identifier","named":true}]},"parameters":{"multiple":false,"required":true,"types":[{"type":"parameters","named":true}]},"return_type":{"multiple":false,"required":false,"types":[{"type":"type","named":true}]},"type_parameters":{"multiple":false,"required":false,"types":[{"type":"type_parameter","named":true}]}}},{"type":"future_import_statement","named":true,"fields":{"name":{"multiple":true,"required":true,"types":[{"type":"aliased_import","named":true},{"type":"dotted_name","named":true}]}}},{"type":"generator_expression","named":true,"fields":{"body":{"multiple":false,"required":true,"types":[{"type":"expression","named":true}]}},"children":{"multiple":true,"required":true,"types":[{"type":"for_in_clause","named":true},{"type":"if_clause","named":true}]}},{"type":"generic_type","named":true,"fields":{},"children":{"multiple":true,"required":true,"types":[{"type":"identifier","named":true},{"type":"type_parameter","named":true}]}},{"type":"global_statement","named":true,"fields":{},"children":{"multiple":true,"required":true,"types":[{"type":"identifier","named":true}]}},{"type":"if_clause","named":true,"fields":{},"children":{"multiple":false,"required":true,"types":[{"type":"expression","named":true}]}},{"type":"if_statement","named":true,"fields":{"alternative":{"multiple":true,"required":false,"types":[{"type":"elif_clause","named":true},{"type":"else_clause","named":true}]},"condition":{"multiple":false,"required":true,"types":[{"type":"expression","named":true}]},"consequence":{"multiple":false,"required":true,"types":[{"type":"block","named":true}]}}},{"type":"import_from_statement","named":true,"fields":{"module_name":{"multiple":false,"required":true,"types":[{"type":"dotted_name","named":true},{"type":"relative_import","named":true}]},"name":{"multiple":true,"required":false,"types":[{"type":"aliased_import","named":true},{"type":"dotted_name","named":true}]}},"children":{"multiple":false,"required":false,"types":[{"type":"wildcard_import","named":true}]}},{"type":"import_prefix","named":true,"fields":{}},{"type":"import_statement","named":true,"fields":{"name":{"multiple":true,"required":true,"types":[{"type":"aliased_import","named":true},{"type":"dotted_name","named":true}]}}},{"type":"interpolation","named":true,"fields":{"expression":{"multiple":false,"required":true,"types":[{"type":"expression","named":true},{"type":"expression_list","named":true},{"type":"pattern_list","named":true},{"type":"yield","named":true}]},"format_specifier":{"multiple":false,"required":false,"types":[{"type":"format_specifier","named":true}]},"type_conversion":{"multiple":false,"required":false,"types":[{"type":"type_conversion","named":true}]}}},{"type":"is not","named":false,"fields":{}},{"type":"keyword_argument","named":true,"fields":{"name":{"multiple":false,"required":true,"types":[{"type":"identifier","named":true}]},"value":{"multiple":false,"required":true,"types":[{"type":"expression","named":true}]}}},{"type":"keyword_pattern","named":true,"fields":{},"children":{"multiple":true,"required":true,"types":[{"type":"class_pattern","named":true},{"type":"complex_pattern","named":true},{"type":"concatenated_string","named":true},{"type":"dict_pattern","named":true},{"type":"dotted_name","named":true},{"type":"false","named":true},{"type":"float","named":true},{"type":"identifier","named":true},{"type":"integer","named":true},{"type":"list_pattern","named":true},{"type":"none","named":true},{"type":"splat_pattern","named":true},{"type":"string","named":true},{"type":"true","named":true},{"type":"tuple_pattern","named":true},{"type":"union_pattern","named":true}]}},{"type":"keyword_separator","named":true,"fields":{}},{"type":"lambda","named":true,"fields":{"body":{"multiple":false,"required":true,"types":[{"type":"expression","named":true}]},"parameters":{"multiple":false,"required":false,"types":[{"type":"lambda_parameters","named":true}]}}},{"type":"lambda_parameters","named":true,"fields":{},"children":{"multiple":true,"required":true,"types":[{"type":"parameter","named":true}]}},{"type":"list","named":true,"fields":{},"children":{"multiple":true,"required":false,"types":[{"type":"expression","named":true},{"type":"list_splat","named":true},{"type":"parenthesized_list_splat","named":true},{"type":"yield","named":true}]}},{"type":"list_comprehension","named":true,"fields":{"body":{"multiple":false,"required":true,"types":[{"type":"expression","named":true}]}},"children":{"multiple":true,"required":true,"types":[{"type":"for_in_clause","named":true},{"type":"if_clause","named":true}]}},{"type":"list_pattern","named":true,"fields":{},"children":{"multiple":true,"required":false,"types":[{"type":"case_pattern","named":true},{"type":"pattern","named":true}]}},{"type":"list_splat","named":true,"fields":{},"children":{"multiple":false,"required":true,"types":[{"type":"attribute","named":true},{"type":"expression","named":true},{"type":"identifier","named":true},{"type":"subscript","named":true}]}},{"type":"list_splat_pattern","named":true,"fields":{},"children":{"multiple":false,"required":true,"types":[{"type":"attribute","named":true},{"type":"identifier","named":true},{"type":"subscript","named":true}]}},{"type":"match_statement","named":true,"fields":{"body":{"multiple":false,"required":true,"types":[{"type":"block","named":true}]},"subject":{"multiple":true,"required":true,"types":[{"type":"expression","named":true}]}}},{"type":"member_type","named":true,"fields":{},"children":{"multiple":true,"required":true,"types":[{"type":"identifier","named":true},{"type":"type","named":true}]}},{"type":"module","named":true,"root":true,"fields":{},"children":{"multiple":true,"required":false,"types":[{"type":"_compound_statement","named":true},{"type":"_simple_statement","named":true}]}},{"type":"named_expression","named":true,"fields":{"name":{"multiple":false,"required":true,"types":[{"type":"identifier","named":true}]},"value":{"multiple":false,"required":true,"types":[{"type":"expression","named":true}]}}},{"type":"nonlocal_statement","named":true,"fields":{},"children":{"multiple":true,"required":true,"types":[{"type":"identifier","named":true}]}},{"type":"not in","named":false,"fields":{}},{"type":"not_operator","named":true,"fields":{"argument":{"multiple":false,"required":true,"types":[{"type":"expression","named":true}]}}},{"type":"pair","named":true,"fields":{"key":{"multiple":false,"required":true,"types":[{"type":"expression","named":true}]},"value":{"multiple":false,"required":true,"types":[{"type":"expression","named":true}]}}},{"type":"parameters","named":true,"fields":{},"children":{"multiple":true,"required":false,"types":[{"type":"parameter","named":true}]}},{"type":"parenthesized_expression","named":true,"fields":{},"children":{"multiple":false,"required":true,"types":[{"type":"expression","named":true},{"type":"list_splat","named":true},{"type":"parenthesized_expression","named":true},{"type":"yield","named":true}]}},{"type":"parenthesized_list_splat","named":true,"fields":{},"children":{"multiple":false,"required":true,"types":[{"type":"list_splat","named":true},{"type":"parenthesized_expression","named":true}]}},{"type":"pass_statement","named":true,"fields":{}},{"type":"pattern_list","named":true,"fields":{},"children":{"multiple":true,"required":true,"types":[{"type":"pattern","named":true}]}},{"type":"positional_separator","named":true,"fields":{}},{"type":"print_statement","named":true,"fields":{"argument":{"multiple":true,"required":false,"types":[{"type":"expression","named":true}]}},"children":{"multiple":false,"required":false,"types":[{"type":"chevron","named":true}]}},{"type":"raise_statement","named":true,"fields":{"cause":{"multiple":false,"required":false,"types":[{"type":"expression","named":true}]}},"children":{"multiple":false,"required":false,"types":[{"type":"expression","named":true},{"type":"expression_list","named":true}]}},{"type":"relative_import","named":true,"fields":{},"children":{"multiple":true,"required":true,"types":[{"type":"dotted_name","named":true},{"type":"import_prefix","named":true}]}},{"type":"return_statement","named":true,"fields":{},"children":{"multiple":false,"required":false,"types":[{"type":"expression","named":true},{"type":"expression_list","named":true}]}},{"type":"set","named":true,"fields":{},"children":{"multiple":true,"required":true,"types":[{"type":"expression","named":true},{"type":"list_splat","named":true},{"type":"parenthesized_list_splat","named":true},{"type":"yield","named":true}]}},{"type":"set_comprehension","named":true,"fields":{"body":{"multiple":false,"required":true,"types":[{"type":"expression","named":true}]}},"children":{"multiple":true,"required":true,"types":[{"type":"for_in_clause","named":true},{"type":"if_clause","named":true}]}},{"type":"slice","named":true,"fields":{},"children":{"multiple":true,"required":false,"types":[{"type":"expression","named":true}]}},{"type":"splat_pattern","named":true,"fields":{},"children":{"multiple":false,"required":false,"types":[{"type":"identifier","named":true}]}},{"type":"splat_type","named":true,"fields":{},"children":{"multiple":false,"required":true,"types":[{"type":"identifier","named":true}]}},{"type":"string","named":true,"fields":{},"children":{"multiple":true,"required":true,"types":[{"type":"interpolation","named":true},{"type":"string_content","named":true},{"type":"string_end","named":true},{"type":"string_start","named":true}]}},{"type":"string_content","named":true,"fields":{},"children":{"multiple":true,"required":false,"types":[{"type":"escape_interpolation","named":true},{"type":"escape_sequence","named":true}]}},{"type":"subscript","named":true,"fields":{"subscript":{"multiple":true,"required":true,"types":[{"type":"expression","named":true},{"type":"slice","named":true}]},"value":{"multiple":false,"required":true,"types":[{"type":"primary_expression","named":true}]}}},{"type":"try_statement","named":true,"fields":{"body":{"multiple":false,"required":true,"types":[{"type":"block","named":true}]}},"children":{"multiple":true,"required":false,"types":[{"type":"else_clause","named":true},{"type":"except_clause","named":true},{"type":"finally_clause","named":true}]}},{"type":"tuple","named":true,"fields":{},"children":{"multiple":true,"required":false,"types":[{"type":"expression","named":true},{"type":"list_splat","named":true},{"type":"parenthesized_list_splat","named":true},{"type":"yield","named":true}]}},{"type":"tuple_pattern","named":true,"fields":{},"children":{"multiple":true,"required":false,"types":[{"type":"case_pattern","named":true},{"type":"pattern","named":true}]}},{"type":"type","named":true,"fields":{},"children":{"multiple":false,"required":true,"types":[{"type":"constrained_type","named":true},{"type":"expression","named":true},{"type":"generic_type","named":true},{"type":"member_type","named":true},{"type":"splat_type","named":true},{"type":"union_type","named":true}]}},{"type":"type_alias_statement","named":true,"fields":{"left":{"multiple":false,"required":true,"types":[{"type":"type","named":true}]},"right":{"multiple":false,"required":true,"types":[{"type":"type","named":true}]}}},{"type":"type_parameter","named":true,"fields":{},"children":{"multiple":true,"required":true,"types":[{"type":"type","named":true}]}},{"type":"typed_default_parameter","named":true,"fields":{"name":{"multiple":false,"required":true,"types":[{"type":"identifier","named":true}]},"type":{"multiple":false,"required":true,"types":[{"type":"type","named":true}]},"value":{"multiple":false,"required":true,"types":[{"type":"expression","named":true}]}}},{"type":"typed_parameter","named":true,"fields":{"type":{"multiple":false,"required":true,"types":[{"type":"type","named":true}]}},"children":{"multiple":false,"required":true,"types":[{"type":"dictionary_splat_pattern","named":true},{"type":"identifier","named":true},{"type":"list_splat_pattern","named":true}]}},{"type":"unary_operator","named":true,"fields":{"argument":{"multiple":false,"required":true,"types":[{"type":"primary_expression","named":true}]},"operator":{"multiple":false,"required":true,"types":[{"type":"+","named":false},{"type":"-","named":false},{"type":"~","named":false}]}}},{"type":"union_pattern","named":true,"fields":{},"children":{"multiple":true,"required":false,"types":[{"type":"class_pattern","named":true},{"type":"complex_pattern","named":true},{"type":"concatenated_string","named":true},{"type":"dict_pattern","named":true},{"type":"dotted_name","named":true},{"type":"false","named":true},{"type":"float","named":true},{"type":"integer","named":true},{"type":"list_pattern","named":true},{"type":"none","named":true},{"type":"splat_pattern","named":true},{"type":"string","named":true},{"type":"true","named":true},{"type":"tuple_pattern","named":true},{"type":"union_pattern","named":true}]}},{"type":"union_type","named":true,"fields":{},"children":{"multiple":true,"required":true,"types":[{"type":"type","named":true}]}},{"type":"while_statement","named":true,"fields":{"alternative":{"multiple":false,"required":false,"types":[{"type":"else_clause","named":true}]},"body":{"multiple":false,"required":true,"types":[{"type":"block","named":true}]},"condition":{"multiple":false,"required":true,"types":[{"type":"expression","named":true}]}}},{"type":"wildcard_import","named":true,"fields":{}},{"type":"with_clause","named":true,"fields":{},"children":{"multiple":true,"required":true,"types":[{"type":"with_item","named":true}]}},{"type":"with_item","named":true,"fields":{"value":{"multiple":false,"required":true,"types":[{"type":"expression","named":true}]}}},{"type":"with_statement","named":true,"fields":{"body":{"multiple":false,"required":true,"types":[{"type":"block","named":true}]}},"children":{"multiple":false,"required":true,"types":[{"type":"with_clause","named":true}]}},{"type":"yield","named":true,"fields":{},"children":{"multiple":false,"required":false,"types":[{"type":"expression","named":true},{"type":"expression_list","named":true}]}},{"type":"!=","named":false},{"type":"%","named":false},{"type":"%=","named":false},{"type":"&","named":false},{"type":"&=","named":false},{"type":"(","named":false},{"type":")","named":false},{"type":"*","named":false},{"type":"**","named":false},{"type":"**=","named":false},{"type":"*=","named":false},{"type":"+","named":false},{"type":"+=","named":false},{"type":",","named":false},{"type":"-","named":false},{"type":"-=","named":false},{"type":"->","named":false},{"type":".","named":false},{"type":"/","named":false},{"type":"//","named":false},{"type":"//=","named":false},{"type":"/=","named":false},{"type":":","named":false},{"type":":=","named":false},{"type":";","named":false},{"type":"<","named":false},{"type":"<<","named":false},{"type":"<<=","named":false},{"type":"<=","named":false},{"type":"<>","named":false},{"type":"=","named":false},{"type":"==","named":false},{"type":">","named":false},{"type":">=","named":false},{"type":">>","named":false},{"type":">>=","named":false},{"type":"@","named":false},{"type":"@=","named":false},{"type":"[","named":false},{"type":"\\\\","named":false},{"type":"]","named":false},{"type":"^","named":false},{"type":"^=","named":false},{"type":"_","named":false},{"type":"__future__","named":false},{"type":"and","named":false},{"type":"as","named":false},{"type":"assert","named":false},{"type":"async","named":false},{"type":"await","named":false},{"type":"break","named":false},{"type":"case","named":false},{"type":"class","named":false},{"type":"comment","named":true,"extra":true},{"type":"continue","named":false},{"type":"def","named":false},{"type":"del","named":false},{"type":"elif","named":false},{"type":"ellipsis","named":true},{"type":"else","named":false},{"type":"escape_interpolation","named":true},{"type":"escape_sequence","named":true},{"type":"except","named":false},{"type":"exec","named":false},{"type":"false","named":true},{"type":"finally","named":false},{"type":"float","named":true},{"type":"for","named":false},{"type":"from","named":false},{"type":"global","named":false},{"type":"identifier","named":true},{"type":"if","named":false},{"type":"import","named":false},{"type":"in","named":false},{"type":"integer","named":true},{"type":"is","named":false},{"type":"lambda","named":false},{"type":"line_continuation","named":true,"extra":true},{"type":"match","named":false},{"type":"none","named":true},{"type":"nonlocal","named":false},{"type":"not","named":false},{"type":"or","named":false},{"type":"pass","named":false},{"type":"print","named":false},{"type":"raise","named":false},{"type":"return","named":false},{"type":"string_end","named":true},{"type":"string_start","named":true},{"type":"true","named":true},{"type":"try","named":false},{"type":"type","named":false},{"type":"type_conversion","named":true},{"type":"while","named":false},{"type":"with","named":false},{"type":"yield","named":false},{"type":"{","named":false},{"type":"|","named":false},{"type":"|=","named":false},{"type":"}","named":false},{"type":"~","named":false}]');

/***/ })

};
