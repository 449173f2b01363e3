import { fieldNode, fieldOf, onExistingTable } from '../project/migrations';
import type { Rule, RuleHit } from './rule';
import { at, forMigrations, migrationName } from './migration-util';

/**
 * launch.I236: a foreign key added to a table that already exists: Django adds the column, an index, and a
 * constraint that PostgreSQL validates by scanning the table while holding locks on both tables. A note:
 * harmless on small tables.
 */
export default {
  reads: 'migrations',
  meta: {
    id: 'launch.I236',
    name: 'migration-foreign-key',
    checklist: 'migration-safety',
    level: 'note',
    title: 'A migration adds a foreign key to an existing table',
    fix: 'On a big table: add the column nullable with db_constraint=False and db_index=False, build the index concurrently, then add the constraint NOT VALID and VALIDATE it in a later migration (RunSQL).',
    securitySeverity: 0,
    precision: 'medium',
    tags: ['reliability'],
  },
  check(ctx) {
    return forMigrations(ctx, (m) => {
      const hits: RuleHit[] = [];
      for (const op of m.operations) {
        if (op.kind !== 'AddField' || !onExistingTable(ctx, m, op)) continue;
        const f = fieldOf(fieldNode(op));
        if (!f?.foreignKey || f.kwargs.get('db_constraint')?.type === 'false') continue;
        hits.push({
          location: at(m, op),
          message: `${migrationName(m, ctx)} adds the foreign key ${op.model}.${op.field ?? '?'} to an existing table: PostgreSQL validates the constraint by scanning the table while locking both tables, and builds an index on it.`,
        });
      }
      return hits;
    });
  },
} satisfies Rule;
