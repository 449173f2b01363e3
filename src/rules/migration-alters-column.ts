import { fieldNode, fieldOf, historyBefore, inDatabase, rewritesColumn, shrinksColumn } from '../project/migrations';
import type { Rule, RuleHit } from './rule';
import { at, forMigrations, migrationName } from './migration-util';

/**
 * launch.W233: an AlterField changes a column's type or makes it NOT NULL. The table is rewritten (or
 * scanned) under an exclusive lock, the old release may write values the new type or constraint refuses,
 * and NOT NULL fails outright on a row that is still NULL (unless the field has a default, which Django writes
 * into those rows first). A many-to-many's `null=` changes no column and is not reported. Changes PostgreSQL makes without a rewrite
 * (CharField → TextField, EmailField → CharField, a Positive* variant) and field classes whose column type
 * the scan does not know (custom fields, foreign keys) are not reported.
 */
export default {
  reads: 'migrations',
  meta: {
    id: 'launch.W233',
    name: 'migration-alters-column',
    checklist: 'migration-safety',
    level: 'warning',
    title: "A migration changes a column's type or makes it NOT NULL under the running release",
    fix: 'Add a new column of the new type (nullable), backfill it, switch the code, and drop the old one later; for NOT NULL, backfill the NULLs first and add the constraint in a later release.',
    securitySeverity: 0,
    precision: 'high',
    tags: ['reliability'],
  },
  check(ctx) {
    return forMigrations(ctx, (m) => {
      const hits: RuleHit[] = [];
      for (const op of m.operations) {
        if (op.kind !== 'AlterField' || !op.model || !op.field || !inDatabase(ctx, m, op)) continue;
        const now = fieldOf(fieldNode(op));
        const before = historyBefore(ctx, m).fields.get(`${op.model}.${op.field}`);
        if (!now || !before) continue; // the earlier definition is unknown: nothing to compare
        if (now.noColumn || before.noColumn) continue; // a many-to-many's null= changes no column
        const column = `${op.model}.${op.field}`;
        const shrinks = shrinksColumn(before, now);
        if (rewritesColumn(before.type, now.type)) {
          hits.push({
            location: at(m, op),
            message: `${migrationName(m, ctx)} changes the type of ${column} from ${before.type} (${before.file}:${before.line}) to ${now.type}: PostgreSQL rewrites the table under an exclusive lock, and the release still serving writes values of the old type.`,
          });
        } else if (shrinks) {
          hits.push({
            location: at(m, op),
            message: `${migrationName(m, ctx)} narrows ${column} (${shrinks}, ${before.file}:${before.line}): PostgreSQL rewrites the table under an exclusive lock, the migration fails on any existing value that no longer fits, and the release still serving keeps writing values of the old size.`,
          });
        } else if (before.nullable === true && now.nullable === false) {
          // With `default=` on the new field (preserve_default=False keeps it for the migration) Django's schema
          // editor fills the rows still NULL with it before it adds NOT NULL (its "four-way default alteration");
          // without one — blank=True alone included — it adds NOT NULL at once.
          const filled = now.kwargs.has('default') || now.kwargs.has('db_default');
          hits.push({
            location: at(m, op),
            message: filled
              ? `${migrationName(m, ctx)} makes ${column} NOT NULL (it was null=True, ${before.file}:${before.line}): Django first updates the rows still NULL to the field's default, then scans the table under a lock to add the constraint, and the release still serving may insert NULLs once the default is dropped.`
              : `${migrationName(m, ctx)} makes ${column} NOT NULL (it was null=True, ${before.file}:${before.line}): the migration fails on any row still NULL, scans the table under a lock, and the release still serving may insert NULLs.`,
          });
        }
      }
      return hits;
    });
  },
} satisfies Rule;
