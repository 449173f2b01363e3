/**
 * What the action does before its gates run: read its inputs and write debug lines. Written here as
 * @actions/core writes them — getInput reads INPUT_<NAME> (spaces as underscores, upper-cased) trimmed; debug
 * is the `::debug::` workflow command with its data escaped (%, CR, LF) — because importing @actions/core
 * loads its OIDC client's HTTP stack (@actions/http-client and undici): about 150 ms, and Node's http, https,
 * net and tls modules, before the first gate, for code the action uses only once the gates are done.
 * src/main.ts imports @actions/core after the gates; test/github/early.test.ts holds these two equal to core's.
 */
import { EOL } from 'node:os';

/** core.getInput(name): the input's value, trimmed; '' when absent. */
export function getInput(name: string): string {
  return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '').trim();
}

/** core.debug(message): one line of the step's debug log (shown when the run has debug logging on). */
export function debug(message: string): void {
  process.stdout.write(`::debug::${message.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')}${EOL}`);
}
