#!/usr/bin/env node
// `npm run realworld -- <folder> [options]`: real-world precision, measured. Runs the CLI over checkouts of
// real open-source Django projects (one subfolder of <folder> per project in test/realworld/verdicts.json)
// and compares its production settings module and its errors + warnings with the reviewed verdicts.
// `--help` for the options; the logic is in scripts/realworld-lib.mjs (tested by test/realworld.test.ts).
import { main } from './realworld-lib.mjs';

const code = await main(process.argv.slice(2), {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  cwd: process.cwd(),
});
process.exitCode = code;
