/**
 * Bundle entry (dist/index.js). One bundle, two faces:
 * the CLI when DJANGO_LAUNCH_GATE_MODE=cli (dist/cli.js sets it) or when not inside GitHub Actions,
 * else the action.
 */
import './esm-shim';
import { cli, endQuietlyOnClosedPipe } from './cli';
import { main } from './main';

if (process.env.DJANGO_LAUNCH_GATE_MODE === 'cli' || process.env.GITHUB_ACTIONS !== 'true') {
  endQuietlyOnClosedPipe();
  void cli(process.argv.slice(2)).then((code) => {
    if (!process.exitCode) process.exitCode = code; // a failed write may have set 2 already
  });
} else {
  void main();
}
