/** Reading what an action wrote the way the runner does: GITHUB_OUTPUT's `name<<DELIMITER` blocks, escaped workflow commands. */

/** The step outputs in a GITHUB_OUTPUT file (`name<<ghadelimiter_…`, the value, the delimiter). */
export function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /^([^<\n]+)<<(\S+)\n([\s\S]*?)\n?\2$/gm;
  for (let m = re.exec(text); m; m = re.exec(text)) out[m[1]!] = m[3]!;
  return out;
}

/** Workflow commands come URL-escaped (%0A, %25, …); this reads them as text. */
export function unescape(line: string): string {
  return line.replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
}
