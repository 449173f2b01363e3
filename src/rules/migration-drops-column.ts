import type { Rule } from './rule';
import { at, forMigrations, migrationName } from './migration-util';

/**
 * launch.W231: a migration drops a column (RemoveField) or a table (DeleteModel) that the release still
 * running during the deploy reads: every request of the old code that touches it fails until the new code
 * is live, and the data is gone for a rollback.
 */
export default {
  meta: {
    id: 'launch.W231',
    name: 'migration-drops-column',
    checklist: 'migration-safety',
    level: 'warning',
    title: 'A migration drops a column or table the running release still uses',
    fix: 'Expand/contract in two releases: first stop using the field (remove it from the model with SeparateDatabaseAndState, state only), then drop the column in a later release.',
    securitySeverity: 0,
    precision: 'high',
    tags: ['reliability'],
  },
  check(ctx) {
    return forMigrations(ctx, (m) =>
      m.operations
        .filter((op) => (op.kind === 'RemoveField' || op.kind === 'DeleteModel') && !op.separated)
        .map((op) => ({
          location: at(m, op),
          message:
            op.kind === 'RemoveField'
              ? `${migrationName(m)} drops the column ${op.model ?? '?'}.${op.field ?? '?'} (RemoveField): the release still serving during the deploy selects it, so its queries fail until the new code is live, and a rollback finds the data gone.`
              : `${migrationName(m)} drops the table of ${op.model ?? 'a model'} (DeleteModel): the release still serving during the deploy queries it and fails, and a rollback finds the data gone.`,
        })),
    );
  },
} satisfies Rule;
