import { historyBefore, inDatabase, type FieldState, type MigrationFile, type Operation } from '../project/migrations';
import type { ScanContext } from '../project/scan';
import type { Rule, RuleHit } from './rule';
import { at, forMigrations, migrationName } from './migration-util';

/**
 * launch.W231: a migration drops a column (RemoveField), a many-to-many's join table (RemoveField of a
 * ManyToManyField without `through=`) or a table (DeleteModel) that the release still running during the deploy
 * reads: every request of the old code that touches it fails until the new code is live, and the data is gone
 * for a rollback. A field with no column and no table of its own (a `through=` many-to-many, a generic
 * relation) drops nothing; the fields of a model the same migration deletes are said once, by its DeleteModel.
 */
export default {
  reads: 'migrations',
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
    return forMigrations(ctx, (m) => {
      const hits: RuleHit[] = [];
      // makemigrations removes a model's foreign keys before its DeleteModel: that table's finding says it once.
      const deleted = new Set(m.operations.filter((o) => o.kind === 'DeleteModel' && inDatabase(ctx, m, o) && o.model).map((o) => o.model));
      // A table or field an earlier operation of this same migration created never reached a release: dropping
      // it again (makemigrations' reordering in an initial migration, librephotos' 0001) breaks nothing.
      const createdHere = new Set<string>();
      for (const op of m.operations) {
        if (!inDatabase(ctx, m, op)) continue;
        if (op.kind === 'CreateModel' && op.model) createdHere.add(op.model);
        else if (op.kind === 'AddField' && op.model) createdHere.add(`${op.model}.${op.field}`);
        else if (op.kind === 'DeleteModel') {
          if (op.model && createdHere.has(op.model)) continue;
          hits.push({
            location: at(m, op),
            message: `${migrationName(m, ctx)} drops the table of ${op.model ?? 'a model'} (DeleteModel): the release still serving during the deploy queries it and fails, and a rollback finds the data gone.`,
          });
        } else if (op.kind === 'RemoveField' && !deleted.has(op.model)) {
          if (op.model && (createdHere.has(op.model) || createdHere.has(`${op.model}.${op.field}`))) continue;
          if (regeneratedLater(ctx, m, op)) {
            // It was a generated column already (Compl'alim's data.0036, which must drop it before the columns it
            // is computed from): the release still serving never writes it, and reads the same values again.
            if (historyBefore(ctx, m).fields.get(`${op.model}.${op.field}`)?.type === 'GeneratedField') continue;
            hits.push({
              location: at(m, op),
              message: `${migrationName(m, ctx)} drops the column ${op.model ?? '?'}.${op.field ?? '?'} (RemoveField) and adds it back as a stored GeneratedField: the release still serving reads the same values, but its inserts and updates still write the field, which a generated column refuses, so they fail until the new code is live (nothing is lost: the values are computed again).`,
            });
            continue;
          }
          const hit = removeField(ctx, m, op, historyBefore(ctx, m).fields.get(`${op.model}.${op.field}`));
          if (hit) hits.push(hit);
        }
      }
      return hits;
    });
  },
} satisfies Rule;

/**
 * The same migration adds the field back, later, as a stored GeneratedField (`db_persist=True`) computed from other
 * columns (the Federal Audit Clearinghouse's audit.0018: `auditee_ein` dropped, then re-added as generated from the
 * stored JSON): the column is there again when the migration commits, with values computed again — the release still
 * serving reads it; only its writes of the field fail (a generated column takes none).
 */
function regeneratedLater(ctx: ScanContext, m: MigrationFile, op: Operation): boolean {
  const i = m.operations.indexOf(op);
  return m.operations.slice(i + 1).some((o) => {
    if (o.kind !== 'AddField' || o.model !== op.model || o.field !== op.field || !inDatabase(ctx, m, o)) return false;
    const field = o.kwargs.get('field') ?? o.args[2];
    return !!field && /^(\w+\.)*GeneratedField\s*\(/.test(field.text) && /\bdb_persist\s*=\s*True\b/.test(field.text);
  });
}

function removeField(ctx: ScanContext, m: MigrationFile, op: Operation, before: FieldState | undefined): RuleHit | undefined {
  const field = `${op.model ?? '?'}.${op.field ?? '?'}`;
  if (before && /ManyToManyField$/.test(before.type) && !before.through) {
    return {
      location: at(m, op),
      message: `${migrationName(m, ctx)} drops the join table of the many-to-many ${field} (RemoveField): the release still serving during the deploy reads it through the relation and deletes from it whenever a row on either side is deleted, so those requests fail until the new code is live, and a rollback finds the links gone.`,
    };
  }
  // A through= many-to-many or a generic relation: no column, and its table belongs to another model.
  if (before?.noColumn) return undefined;
  return {
    location: at(m, op),
    message: `${migrationName(m, ctx)} drops the column ${field} (RemoveField): the release still serving during the deploy selects it, so its queries fail until the new code is live, and a rollback finds the data gone.`,
  };
}
