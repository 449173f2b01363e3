import { describe, expect, it } from 'vitest';
import { GATE_NAMES } from '../../src/finding';
import { RUNTIME_GATES } from '../../src/gates/index';
import { AVAILABLE_GATES, parseGates } from '../../src/options';

// The options module names the gates this version runs without importing the runtime gates' registry (a run of
// the rules gate alone never loads their code): the two lists must not drift apart.
describe('gate registry', () => {
  it('every gate name but rules has a runtime gate, and no runtime gate lacks a name', () => {
    expect(Object.keys(RUNTIME_GATES).sort()).toEqual(GATE_NAMES.filter((g) => g !== 'rules').sort());
  });

  it('every gate the options accept is a gate run.ts can run', () => {
    for (const g of AVAILABLE_GATES) expect(g === 'rules' || RUNTIME_GATES[g] !== undefined, g).toBe(true);
    expect(parseGates(GATE_NAMES.join(','))).toEqual([...GATE_NAMES]);
  });
});
