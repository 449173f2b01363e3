import { fieldNode, fieldOf, onExistingTable } from '../project/migrations';
import { callParts } from '../project/python';
import type { Rule, RuleHit } from './rule';
import { at, forMigrations, migrationName } from './migration-util';

const NO_COLUMN = /^(ManyToManyField|GenericRelation|GenericForeignKey)$/;

/**
 * launch.E234: AddField of a NOT NULL column to a table that already exists, without a database default
 * (`db_default`, Django 5.0+). Without any default the migration fails on a table with rows (an error: the
 * deploy stops half-way; the migrations gate cannot see it, its database is empty); with a Python `default=`
 * (what makemigrations writes) Django fills the existing rows, then drops the database default — so every
 * INSERT of the release still serving (which does not know the column) fails until the new code is live (a
 * warning: a window of failed writes).
 */
export default {
  meta: {
    id: 'launch.E234',
    name: 'migration-not-null-column',
    checklist: 'migration-safety',
    level: 'error',
    title: 'A migration adds a NOT NULL column without a database default to an existing table',
    fix: 'Add it as null=True first (or with db_default= on Django 5.0+), deploy the code that writes it, backfill, then make it NOT NULL in a later release.',
    securitySeverity: 0,
    precision: 'high',
    tags: ['reliability'],
  },
  check(ctx) {
    return forMigrations(ctx, (m) => {
      const hits: RuleHit[] = [];
      for (const op of m.operations) {
        if (op.kind !== 'AddField' || !op.model) continue;
        const node = fieldNode(op);
        const field = fieldOf(node);
        if (!field || !node || field.nullable !== false || NO_COLUMN.test(field.type)) continue;
        if (!onExistingTable(ctx, m, op)) continue; // a new table: no rows, no old code
        const { kwargs } = callParts(node);
        if (kwargs.has('db_default') || kwargs.has('primary_key')) continue;
        const column = `${op.model}.${op.field ?? '?'}`;
        const hasDefault = kwargs.has('default') || op.kwargs.has('preserve_default');
        hits.push(hasDefault
          ? {
              location: at(m, op),
              level: 'warning',
              message: `${migrationName(m)} adds the NOT NULL column ${column} with only a Python default: Django fills the existing rows and then drops the database default, so every INSERT of the release still serving during the deploy fails (it does not send the column).`,
            }
          : {
              location: at(m, op),
              message: `${migrationName(m)} adds the NOT NULL column ${column} with no default to a table that already exists: the migration fails as soon as the table has a row.`,
            });
      }
      return hits;
    });
  },
} satisfies Rule;
