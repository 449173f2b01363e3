/**
 * A JSON document written in pieces, as JSON.stringify(doc, null, 2) writes it whole: the text around one array
 * the document holds empty, then each of the array's items stringified on its own and indented to its depth (a
 * JSON string holds no raw line break, so every line break is indentation). The CLI's JSON report (jsonChunks)
 * and the SARIF (sarifChunks) are written so: a monolith's thousands of findings are never one string.
 */
export interface ArrayPieces {
  /** the document up to and including the array's opening bracket */
  head: string;
  /** one item, with its comma unless it is the last */
  item(value: unknown, last: boolean): string;
  /** the array's closing bracket and the rest of the document, with the trailing line break */
  tail: string;
}

/**
 * The pieces around the array `name`, an object key `depth` levels deep (its key line indented by two spaces per
 * level) that is not the object's last key, in `whole` (the document stringified with the array empty).
 * Undefined when no such key line is there: the caller writes the document whole instead. Unique: inside a JSON
 * string every line break is escaped, so only the document's own key reads like this.
 */
export function arrayPieces(whole: string, name: string, depth: number): ArrayPieces | undefined {
  const pad = '  '.repeat(depth);
  const key = `\n${pad}${JSON.stringify(name)}: [],\n`;
  const at = whole.indexOf(key);
  if (at < 0) return undefined;
  const inner = `${pad}  `;
  return {
    head: `${whole.slice(0, at)}\n${pad}${JSON.stringify(name)}: [\n`,
    item: (value, last) => `${inner}${JSON.stringify(value, null, 2).replace(/\n/g, `\n${inner}`)}${last ? '' : ','}\n`,
    tail: `${pad}],\n${whole.slice(at + key.length)}\n`,
  };
}
