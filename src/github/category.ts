/**
 * The code scanning category (`runs[].automationDetails.id` = `<category>/`). Code scanning keeps one
 * analysis per tool and category and closes the alerts an analysis no longer reports, so the category must
 * be the same on every run of the same job: workflow, job and matrix values — never a commit SHA or a run id
 * (with those, every run is a new analysis and no alert ever closes).
 *
 * The default mirrors codeql-action's `computeAutomationID` (`<analysis key>/<key>:<value>/…`, matrix keys
 * sorted) with the workflow name in place of the workflow path: `<GITHUB_WORKFLOW>:<GITHUB_JOB>/python:3.12/`.
 */

export interface CategoryResult {
  /** undefined: no workflow/job known, the SARIF default (`django-launch-gate`) applies. */
  category?: string;
  warnings: string[];
}

type Env = Record<string, string | undefined>;

/** The category input when given, else workflow + job + matrix values. */
export function resolveCategory(input: string | undefined, matrixInput: string | undefined, env: Env): CategoryResult {
  const warnings: string[] = [];
  const given = input?.trim();
  if (given) {
    const bad = volatilePart(given, env);
    if (bad) {
      warnings.push(
        `category "${given}" contains ${bad}: every run becomes a new analysis and code scanning never closes fixed alerts — use a category that is the same on every run (workflow, job, matrix values)`,
      );
    }
    return { category: given, warnings };
  }
  const workflow = env.GITHUB_WORKFLOW?.trim();
  const job = env.GITHUB_JOB?.trim();
  if (!workflow && !job) return { warnings };
  let category = `${workflow ?? ''}:${job ?? ''}/`;
  const matrix = parseMatrix(matrixInput);
  if (typeof matrix === 'string') warnings.push(matrix);
  else for (const [k, v] of matrix) category += `${k}:${v}/`;
  return { category: category.replace(/\/+$/, ''), warnings };
}

/** `${{ toJSON(matrix) }}` as sorted [key, value] pairs; `null`/empty is no matrix; a string is a warning. */
export function parseMatrix(text: string | undefined): Array<[string, string]> | string {
  const t = text?.trim();
  if (!t || t === 'null') return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(t);
  } catch {
    return 'input matrix is not JSON — pass it as ${{ toJSON(matrix) }}; the category leaves the matrix out';
  }
  if (parsed === null) return [];
  if (typeof parsed !== 'object' || Array.isArray(parsed)) return 'input matrix is not a JSON object — pass it as ${{ toJSON(matrix) }}; the category leaves the matrix out';
  return Object.entries(parsed as Record<string, unknown>)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => [k, typeof v === 'string' ? v : v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v)]);
}

/** Describes a per-run value inside the category, or undefined. */
function volatilePart(category: string, env: Env): string | undefined {
  const sha = env.GITHUB_SHA?.trim();
  if (sha && sha.length >= 7 && category.toLowerCase().includes(sha.slice(0, 7).toLowerCase())) return 'the commit SHA';
  if (/\b[0-9a-f]{40}\b/i.test(category)) return 'a commit SHA';
  for (const name of ['GITHUB_RUN_ID', 'GITHUB_RUN_NUMBER'] as const) {
    const v = env[name]?.trim();
    if (v && v.length >= 3 && new RegExp(`(^|[^0-9])${v}([^0-9]|$)`).test(category)) return `the run id (${name})`;
  }
  return undefined;
}
