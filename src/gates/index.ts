/** The runtime gates this release ships, by name. A new gate: a file in src/gates/, a line here. */
import type { GateName } from '../finding';
import type { RuntimeGate } from './gate';

export const RUNTIME_GATES: Partial<Record<GateName, RuntimeGate>> = {};
