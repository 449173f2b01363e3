/**
 * A rule's documentation page (docs/rules/<ID>.md), the SARIF `help` text.
 *
 * Two layouts exist at runtime:
 *  - the ncc bundle `dist/index.js`, with the pages copied to `dist/docs/rules/`;
 *  - the sources (`src/rules/docs.ts` run by vitest/tsx), with the pages at `../../docs/rules/`.
 * Both candidates are tried relative to this module's URL; results (including misses) are cached.
 */
import { readFileSync } from 'node:fs';

const CANDIDATE_DIRS = ['./docs/rules/', '../../docs/rules/'] as const;

/** Rule IDs are Django-style (`launch.E010`, `security.W004`): anything else never touches the file system. */
const SAFE_ID = /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/;

const cache = new Map<string, string | undefined>();

export function ruleDoc(id: string): string | undefined {
  if (cache.has(id)) return cache.get(id);
  let text: string | undefined;
  if (SAFE_ID.test(id)) {
    for (const dir of CANDIDATE_DIRS) {
      try {
        text = readFileSync(new URL(`${dir}${id}.md`, import.meta.url), 'utf8');
        break;
      } catch {
        // not in this layout: try the next one
      }
    }
  }
  cache.set(id, text);
  return text;
}
