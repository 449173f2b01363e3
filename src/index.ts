/**
 * Bundle entry (dist/index.js). One bundle, two faces:
 * the CLI when DJANGO_LAUNCH_GATE_MODE=cli (dist/cli.js sets it) or when not inside GitHub Actions,
 * else the action — and, in a worker thread the rules gate started, its syntax check (src/project/syntax-pool.ts).
 *
 * Each face is imported only when chosen: the action's GitHub clients are code the CLI never runs, and
 * loading them cost the CLI 33 MB of memory and 0.1 s of start-up (ncc puts them in chunks of their own).
 */
import './esm-shim';
import { isMainThread, workerData } from 'node:worker_threads';
import { keepYoungGenerationSmall } from './project/memory';
import { SYNTAX_JOB, type SyntaxJobData } from './project/syntax-pool';

keepYoungGenerationSmall();

if (!isMainThread && (workerData as SyntaxJobData | undefined)?.job === SYNTAX_JOB) {
  // a syntax-check worker thread of the rules gate (src/project/syntax-pool.ts), started from this same file
  const { syntaxWorker } = await import('./project/syntax-worker');
  await syntaxWorker(workerData as SyntaxJobData);
} else if (process.env.DJANGO_LAUNCH_GATE_MODE === 'cli' || process.env.GITHUB_ACTIONS !== 'true') {
  const { cli, endQuietlyOnClosedPipe } = await import('./cli');
  endQuietlyOnClosedPipe();
  void cli(process.argv.slice(2)).then((code) => {
    if (!process.exitCode) process.exitCode = code; // a failed write may have set 2 already
  });
} else {
  const { main } = await import('./main');
  void main();
}
