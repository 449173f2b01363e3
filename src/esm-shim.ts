/**
 * Imported first by src/index.ts. The bundle is ESM (the @actions/* packages are ESM-only), but some
 * bundled dependencies are CommonJS and reach for `require`, `__dirname` or `__filename` as free
 * variables. Give them the ESM module's equivalents. Harmless when they already exist.
 */
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const g = globalThis as Record<string, unknown>;
if (typeof g.require === 'undefined') g.require = createRequire(import.meta.url);
if (typeof g.__filename === 'undefined') g.__filename = fileURLToPath(import.meta.url);
if (typeof g.__dirname === 'undefined') g.__dirname = dirname(fileURLToPath(import.meta.url));

export {};
