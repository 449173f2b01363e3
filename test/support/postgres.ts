/**
 * A PostgreSQL cluster for the tests of one file or describe block, started by the product's own postgres.ts
 * before them and stopped (and removed) after them.
 */
import { afterAll, beforeAll } from 'vitest';
import { startCluster, type EmbeddedCluster } from '../../src/django/postgres';

export interface TestCluster {
  /** The running cluster (inside a test or hook of the block that called useCluster). */
  readonly cluster: EmbeddedCluster;
  /** The cluster handed to a gate the way a CI service container is: PGHOST/PGPORT/PGUSER/PGPASSWORD. */
  serverEnv(): Record<string, string>;
}

/** Call at the top of a test file or describe block: registers the beforeAll/afterAll that start and stop it. */
export function useCluster(): TestCluster {
  let cluster: EmbeddedCluster | undefined;
  beforeAll(async () => {
    cluster = await startCluster();
  }, 120_000);
  afterAll(async () => {
    await cluster?.stop();
  });
  const running = (): EmbeddedCluster => {
    if (!cluster) throw new Error('the test cluster is not running: use it inside a test or hook');
    return cluster;
  };
  return {
    get cluster() {
      return running();
    },
    serverEnv() {
      const { admin } = running();
      return { PGHOST: admin.host, PGPORT: String(admin.port), PGUSER: admin.user, PGPASSWORD: admin.password ?? '' };
    },
  };
}
