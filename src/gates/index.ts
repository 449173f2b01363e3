/** The runtime gates this release ships, by name. A new gate: a file in src/gates/, a line here. */
import type { GateName } from '../finding';
import type { RuntimeGate } from './gate';
import { collectstaticGate } from './collectstatic';
import { deployChecksGate } from './deploy-checks';
import { historyGate } from './history';
import { migrationsGate } from './migrations';
import { testsGate } from './tests';

export const RUNTIME_GATES: Partial<Record<GateName, RuntimeGate>> = {
  'deploy-checks': deployChecksGate,
  tests: testsGate,
  migrations: migrationsGate,
  collectstatic: collectstaticGate,
  history: historyGate,
};
