import type { Rule } from './rule';
import { historyBefore, inDatabase } from '../project/migrations';
import { at, forMigrations, migrationName } from './migration-util';

/**
 * launch.W232: a migration renames a column (RenameField) or a table (RenameModel) under the running release.
 * A field with db_column= or a model with a fixed db_table keeps its database name: that rename touches no table.
 * Renaming a plain many-to-many renames its join table (said so); a through= many-to-many or a generic relation
 * has nothing in the database to rename.
 */
export default {
  reads: 'migrations',
  meta: {
    id: 'launch.W232',
    name: 'migration-renames',
    checklist: 'migration-safety',
    level: 'warning',
    title: 'A migration renames a column or table the running release still uses by its old name',
    fix: 'Keep the database name (db_column= / db_table= with the old name, a state-only rename), or add the new column, copy, switch the code, and drop the old one in a later release.',
    securitySeverity: 0,
    precision: 'high',
    tags: ['reliability'],
  },
  check(ctx) {
    return forMigrations(ctx, (m) => {
      const history = historyBefore(ctx, m);
      const renamesInDatabase = (op: (typeof m.operations)[number]) =>
        op.kind === 'RenameField' ? !history.fields.get(`${op.model}.${op.field}`)?.dbColumn : !(op.model && history.fixedTables.has(op.model));
      // A many-to-many has no column: renaming it renames its join table (a through= model's table is its own).
      const joinTable = (op: (typeof m.operations)[number]) => {
        const f = history.fields.get(`${op.model}.${op.field}`);
        return f?.type === 'ManyToManyField' && !f.through;
      };
      // …and a field with no column and no table of its own (a through= many-to-many, a generic relation) renames nothing.
      const nothingInDatabase = (op: (typeof m.operations)[number]) => history.fields.get(`${op.model}.${op.field}`)?.noColumn === true && !joinTable(op);
      return m.operations
        .filter((op) => (op.kind === 'RenameField' || op.kind === 'RenameModel') && inDatabase(ctx, m, op) && renamesInDatabase(op) && !(op.kind === 'RenameField' && nothingInDatabase(op)))
        .map((op) => ({
          location: at(m, op),
          message:
            op.kind === 'RenameField' && joinTable(op)
              ? `${migrationName(m, ctx)} renames the join table of the many-to-many ${op.model ?? '?'}.${op.field ?? '?'} (RenameField): the release still serving during the deploy queries the old table and fails until the new code is live.`
              : op.kind === 'RenameField'
              ? `${migrationName(m, ctx)} renames the column ${op.model ?? '?'}.${op.field ?? '?'} (RenameField): the release still serving during the deploy queries the old name and fails until the new code is live.`
              : `${migrationName(m, ctx)} renames the table of ${op.model ?? 'a model'} (RenameModel): the release still serving during the deploy queries the old table and fails until the new code is live.`,
        }));
    });
  },
} satisfies Rule;
