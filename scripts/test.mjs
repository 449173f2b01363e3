#!/usr/bin/env node
// `npm test`: typecheck, then vitest (readable output on the console, JSON to a temp file),
// then one closing line `N passed, N failed[, N skipped]` computed from the JSON.
// Exit status is non-zero on any failing test, any test file that could not run, or a typecheck error.
// Extra arguments go to vitest (e.g. `npm test -- test/dist.test.ts`).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const extra = process.argv.slice(2);

function bin(pkg, name) {
  const pkgJson = require.resolve(`${pkg}/package.json`);
  const { bin: b } = JSON.parse(readFileSync(pkgJson, 'utf8'));
  return join(dirname(pkgJson), typeof b === 'string' ? b : b[name]);
}

function runNode(args) {
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (r.error) console.error(r.error.message);
  return r.status ?? 1;
}

console.log('typecheck: tsc -p tsconfig.json');
const tscStatus = runNode([bin('typescript', 'tsc'), '-p', 'tsconfig.json']);
console.log(tscStatus === 0 ? 'typecheck: ok' : 'typecheck: FAILED');

const tmp = mkdtempSync(join(tmpdir(), 'dlg-test-'));
const jsonFile = join(tmp, 'vitest.json');
const vitestStatus = runNode([
  bin('vitest', 'vitest'),
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${jsonFile}`,
  ...extra,
]);

let passed = 0;
let failed = 0;
let skipped = 0;
let brokenFiles = 0;
if (existsSync(jsonFile)) {
  const results = JSON.parse(readFileSync(jsonFile, 'utf8'));
  passed = results.numPassedTests ?? 0;
  failed = results.numFailedTests ?? 0;
  skipped = (results.numPendingTests ?? 0) + (results.numTodoTests ?? 0);
  // A test file that failed to load (syntax error, missing import) has no failed test of its own: count it.
  for (const file of results.testResults ?? []) {
    const failedHere = (file.assertionResults ?? []).filter((a) => a.status === 'failed').length;
    if (file.status === 'failed' && failedHere === 0) {
      brokenFiles++;
      console.error(`test file could not run: ${file.name}${file.message ? `: ${file.message.split('\n')[0]}` : ''}`);
    }
  }
} else {
  console.error('vitest wrote no JSON report');
  brokenFiles = 1;
}
rmSync(tmp, { recursive: true, force: true });

const typecheckFailed = tscStatus !== 0 ? 1 : 0;
if (typecheckFailed) console.error('the typecheck failed: counted as one failed test');
// vitest failing without a failed test (an unhandled error between tests): count it too.
const runnerFailed = vitestStatus !== 0 && failed + brokenFiles === 0 ? 1 : 0;
if (runnerFailed) console.error(`vitest exited with status ${vitestStatus}: counted as one failed test`);
const totalFailed = failed + brokenFiles + typecheckFailed + runnerFailed;
const ok = totalFailed === 0 && passed > 0;
if (passed === 0 && totalFailed === 0) console.error('no test ran');

console.log(`${passed} passed, ${totalFailed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exitCode = ok ? 0 : 1;
