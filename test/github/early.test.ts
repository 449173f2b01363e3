/**
 * The action reads its inputs and writes its debug lines before its gates without @actions/core
 * (src/github/early.ts: importing core loads an HTTP stack the gates never use). These must behave as core's.
 */
import * as core from '@actions/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { debug, getInput } from '../../src/github/early';

const saved = { ...process.env };
afterEach(() => {
  for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
  vi.restoreAllMocks();
});

describe('early action I/O, as @actions/core does it', () => {
  it('getInput reads INPUT_<NAME> as core.getInput does: spaces as underscores, upper-cased, trimmed, "" when absent', () => {
    const cases: Array<[string, string | undefined]> = [
      ['fail-on', '  warning \n'],
      ['working directory', 'app/'],
      ['Settings-Module', 'config.settings.production'],
      ['extra-env', 'A=1\nB=2\n'],
      ['gates', undefined],
      ['python', ''],
    ];
    for (const [name, value] of cases) {
      const key = `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
      expect(getInput(name), name).toBe(core.getInput(name));
    }
    expect(getInput('fail-on')).toBe('warning');
    expect(getInput('working directory')).toBe('app/');
    expect(getInput('gates')).toBe('');
  });

  it('debug writes the ::debug:: command core.debug writes, its data escaped', () => {
    const written: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    for (const message of ['gate rules started 412 ms after the action\'s process started', '100% done\r\nnext line', '::warning::not a command']) {
      written.length = 0;
      core.debug(message);
      debug(message);
      expect(written).toHaveLength(2);
      expect(written[1]).toBe(written[0]);
    }
    expect(written[1]).toBe('::debug::::warning::not a command\n');
  });
});
