/**
 * `django-launch-gate verify` and the action's mode: verify on bad input: exit 2 (the step fails), one line
 * naming the input and what to do, never a stack trace — and no request is made. Also the help.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cli, HELP, VERIFY_HELP } from '../../src/cli';
import { readInputs } from '../../src/github/inputs';

async function runCli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await cli(argv, { stdout: { write: (t: string) => (out += t) }, stderr: { write: (t: string) => (err += t) }, cwd: '/', env: {} });
  return { code, out, err };
}

function oneCleanLine(err: string): string {
  const lines = err.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^django-launch-gate: .+ — .+/);
  expect(err).not.toMatch(/\n\s+at .+:\d+:\d+/);
  return lines[0];
}

describe('verify: bad input is exit 2 with one line, before any request', () => {
  // Port 9 on 127.0.0.1: nothing listens; a request there would be refused — none of these get that far.
  const cases: Array<[string, string[], string]> = [
    ['no URL', [], "verify needs the site's URL — e.g. django-launch-gate verify https://example.com/"],
    ['two URLs', ['https://a.example/', 'https://b.example/'], 'verify takes one URL, got 2'],
    ['a malformed URL', ['not a url'], 'URL: "not a url" is not a URL — give the site\'s address, e.g. https://example.com/'],
    ['a non-http(s) scheme', ['ftp://example.com/'], 'URL: ftp:// is not http:// or https://'],
    ['credentials in the URL', ['https://user:pw@example.com/'], 'URL: the URL holds a user name or password'],
    ['a negative --retries', ['https://127.0.0.1:9/', '--retries', '-1'], '--retries: "-1" is not a whole number from 0 to 30 — e.g. 5 while a new release warms up'],
    ['a fractional --retries', ['https://127.0.0.1:9/', '--retries', '1.5'], '--retries: "1.5" is not a whole number'],
    ['too many --retries', ['https://127.0.0.1:9/', '--retries', '31'], '--retries: "31" is not a whole number from 0 to 30'],
    ['--retries without a value', ['https://127.0.0.1:9/', '--retries'], '--retries needs a value — run django-launch-gate verify --help for usage'],
    ['an https --http-url', ['https://127.0.0.1:9/', '--http-url', 'https://127.0.0.1:9/'], '--http-url: https://127.0.0.1:9/ is not an http:// URL'],
    ['--http-url on another host', ['https://127.0.0.1:9/', '--http-url', 'http://10.0.0.1/'], '--http-url: 10.0.0.1 is not 127.0.0.1 — the HTTP side must be the same host'],
    ['--static-path on another host', ['https://127.0.0.1:9/', '--static-path', 'https://cdn.example/app.css'], '--static-path: https://cdn.example/app.css is not on https://127.0.0.1:9 — verify requests only the site it was given'],
    ['an empty --login-path', ['https://127.0.0.1:9/', '--login-path', ' '], '--login-path is empty'],
    ['an unknown --format', ['https://127.0.0.1:9/', '--format', 'xml'], "unknown format 'xml' — use --format text, json, sarif"],
    ['an empty --sarif', ['https://127.0.0.1:9/', '--sarif', ''], '--sarif needs a file name — e.g. --sarif site.sarif'],
    ['a scan option', ['https://127.0.0.1:9/', '--gates', 'rules'], 'unknown option --gates — run django-launch-gate verify --help for usage'],
    ['an unknown --fail-on', ['https://127.0.0.1:9/', '--fail-on', 'sometimes'], '--fail-on: unknown value "sometimes"'],
  ];
  for (const [what, args, says] of cases) {
    it(what, async () => {
      const r = await runCli(['verify', ...args]);
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(oneCleanLine(r.err)).toContain(says);
    });
  }

  it('verify --help, and the main help names the verify command', async () => {
    const r = await runCli(['verify', '--help']);
    expect(r.code).toBe(0);
    expect(r.out).toBe(VERIFY_HELP);
    for (const flag of ['--http-url', '--insecure', '--static-path', '--login-path', '--retries', '--format', '--sarif', '--fail-on', '--no-color']) expect(VERIFY_HELP).toContain(flag);
    expect(HELP).toContain('django-launch-gate verify URL [options]');
  });
});

describe("the action's mode and verify inputs", () => {
  const set: string[] = [];
  function inputs(values: Record<string, string>) {
    for (const [k, v] of Object.entries(values)) {
      const name = `INPUT_${k.toUpperCase()}`;
      process.env[name] = v;
      set.push(name);
    }
  }
  afterEach(() => {
    for (const name of set.splice(0)) delete process.env[name];
  });

  it('mode defaults to scan; verify reads url, http-url, insecure, static-path, login-path, retries', () => {
    expect(readInputs('/').mode).toBe('scan');
    expect(readInputs('/').verify).toBeUndefined();
    inputs({ mode: 'verify', url: 'https://example.com/', 'http-url': 'http://example.com:8080/', insecure: 'true', 'static-path': '/static/app.css', 'login-path': '/login/', retries: '5' });
    const r = readInputs('/');
    expect(r.mode).toBe('verify');
    expect(r.verify).toEqual({ url: 'https://example.com/', httpUrl: 'http://example.com:8080/', insecure: true, staticPath: '/static/app.css', loginPath: '/login/', retries: 5 });
  });

  const bad: Array<[string, Record<string, string>, string]> = [
    ['verify without url', { mode: 'verify' }, 'input url is required with mode: verify — the live site, e.g. url: https://example.com/'],
    ['url without mode: verify', { url: 'https://example.com/' }, 'input url is set but mode is scan — add mode: verify to check the live site'],
    ['an unknown mode', { mode: 'live' }, 'input mode: unknown value "live"'],
    ['a negative retries', { mode: 'verify', url: 'https://example.com/', retries: '-1' }, 'input retries: "-1" is not a whole number from 0 to 30'],
    ['a malformed url', { mode: 'verify', url: 'example' }, 'input url: "example" is not a URL'],
    ['insecure not a boolean', { mode: 'verify', url: 'https://example.com/', insecure: 'yes please' }, 'input insecure: "yes please" is not true or false'],
    ['http-url on another host', { mode: 'verify', url: 'https://example.com/', 'http-url': 'http://other.example/' }, 'input http-url: other.example is not example.com'],
  ];
  for (const [what, values, says] of bad) {
    it(what, () => {
      inputs(values);
      expect(() => readInputs('/')).toThrow(says);
    });
  }
});
