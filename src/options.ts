/**
 * Option values as both entries read them (CLI flags, action inputs, the config file): parsed and checked
 * here once, a bad value a UsageError naming its source (`--gates`, `input gates`, `config …: gates`).
 */
import { FAIL_ON_VALUES, GATE_NAMES, type FailOn, type GateName } from './finding';
import { UsageError } from './errors';
import { TOOL } from './version';

/**
 * Gates this version runs: all of GATE_NAMES since `history` shipped — `rules` and every gate src/gates/index.ts
 * lists (test/gates/registry.test.ts holds the two equal). Not read from that registry: importing it loads every
 * runtime gate's code, which a run of the rules gate alone never calls (the action's time to its first gate).
 */
export const AVAILABLE_GATES: readonly GateName[] = GATE_NAMES;

export function parseGates(value: string, source = '--gates'): GateName[] {
  const names = value
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (names.length === 0) throw new UsageError(`${source} is empty — name at least one gate: ${GATE_NAMES.join(', ')}`);
  const out: GateName[] = [];
  for (const n of names) {
    if (!(GATE_NAMES as readonly string[]).includes(n)) {
      throw new UsageError(`${source}: unknown gate "${n}" — use one or more of: ${GATE_NAMES.join(', ')}`);
    }
    if (!AVAILABLE_GATES.includes(n as GateName)) {
      throw new UsageError(`${source}: gate "${n}" is not available in ${TOOL.name} ${TOOL.version} yet — run with gates: ${AVAILABLE_GATES.join(', ')}`);
    }
    if (!out.includes(n as GateName)) out.push(n as GateName);
  }
  return out;
}

export function parseFailOn(value: string, source = '--fail-on'): FailOn {
  const v = value.trim().toLowerCase();
  if ((FAIL_ON_VALUES as readonly string[]).includes(v)) return v as FailOn;
  throw new UsageError(`${source}: unknown value "${value}" — use one of: ${FAIL_ON_VALUES.join(', ')}`);
}

/**
 * `KEY=VALUE` pairs (the env input's lines, repeated --env options) for the user's Django. Blank lines and
 * `#` comment lines are skipped; anything else without `=` or with a bad name is a UsageError naming `source`.
 */
export function parseEnvPairs(items: readonly string[], source = '--env'): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = items.flatMap((i) => i.split(/\r?\n/));
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const at = line.indexOf('=');
    const key = at > 0 ? line.slice(0, at).trim() : '';
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) {
      // The text itself is never echoed: a malformed line may hold a secret value.
      const what = at > 0 ? `"${key.slice(0, 40)}" is not a variable name` : `entry ${i + 1} has no "="`;
      throw new UsageError(`${source}: ${what} — write one KEY=VALUE per line, e.g. DJANGO_ALLOWED_HOSTS=example.com`);
    }
    out[key] = line.slice(at + 1).trim();
  }
  return out;
}

/** A positive number of minutes (fractions allowed), else a UsageError naming `source`. */
export function parseTimeoutMinutes(value: string, source = '--timeout-minutes'): number {
  const v = value.trim();
  const n = Number(v);
  if (!v || !Number.isFinite(n) || n <= 0) throw new UsageError(`${source}: "${value}" is not a positive number of minutes — e.g. 20`);
  return n;
}

/** The password in a database URL (`scheme://user:password@host/name`), decoded; undefined when none. */
export function databaseUrlPassword(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const p = new URL(url.trim()).password;
    return p ? decodeURIComponent(p) : undefined;
  } catch {
    return undefined;
  }
}
