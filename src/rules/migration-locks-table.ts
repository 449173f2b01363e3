import { callParts } from '../project/python';
import { fieldNode, fieldOf, historyBefore, onExistingTable } from '../project/migrations';
import type { Rule, RuleHit } from './rule';
import { at, forMigrations, migrationName } from './migration-util';

/**
 * launch.I235: an index or unique constraint built on a table that already exists, in the normal way —
 * PostgreSQL holds a lock that blocks writes (SHARE lock) while it builds, which on a big table is an outage.
 * A note: on a small table it is instant; `AddIndexConcurrently` builds without blocking writes.
 */
export default {
  reads: 'migrations',
  meta: {
    id: 'launch.I235',
    name: 'migration-locks-table',
    checklist: 'migration-safety',
    level: 'note',
    title: 'A migration builds an index or unique constraint on an existing table while blocking writes',
    fix: 'On PostgreSQL use django.contrib.postgres.operations.AddIndexConcurrently (in a migration with atomic = False); for a unique constraint, build a unique index concurrently first, then add the constraint using it.',
    securitySeverity: 0,
    precision: 'medium',
    tags: ['reliability'],
  },
  check(ctx) {
    return forMigrations(ctx, (m) => {
      const hits: RuleHit[] = [];
      for (const op of m.operations) {
        if (!op.model || !onExistingTable(ctx, m, op)) continue;
        let what: string | undefined;
        if (op.kind === 'AddIndex') what = 'an index (AddIndex)';
        else if (op.kind === 'AddConstraint') what = /UniqueConstraint/.test(op.node.text) ? 'a unique constraint (AddConstraint)' : undefined;
        else if (op.kind === 'AlterUniqueTogether') what = 'a unique constraint (AlterUniqueTogether)';
        else if (op.kind === 'AlterIndexTogether') what = 'an index (AlterIndexTogether)';
        else if (op.kind === 'AddField' || op.kind === 'AlterField') {
          const f = fieldNode(op);
          const kw = f?.type === 'call' ? callParts(f).kwargs : new Map();
          // AlterField builds an index only where the field had none (or a plain one, for unique); unknown before: not judged.
          const before = op.kind === 'AlterField' ? historyBefore(ctx, m).fields.get(`${op.model}.${op.field}`) : undefined;
          if (op.kind === 'AlterField' && !before) continue;
          if (fieldOf(f)?.foreignKey) continue; // its index is launch.I236's
          const had = before?.index;
          if (kw.get('unique')?.type === 'true' && had !== 'unique') what = `a unique index on ${op.model}.${op.field ?? '?'} (${op.kind} unique=True)`;
          else if (kw.get('db_index')?.type === 'true' && !had) what = `an index on ${op.model}.${op.field ?? '?'} (${op.kind} db_index=True)`;
        }
        if (!what) continue;
        hits.push({
          location: at(m, op),
          message: `${migrationName(m, ctx)} builds ${what} on the existing table of ${op.model}: PostgreSQL blocks writes to it until the build ends — an outage on a big table.`,
        });
      }
      return hits;
    });
  },
} satisfies Rule;
