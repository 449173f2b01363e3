import type { Rule, RuleHit } from './rule';
import { at, forMigrations, migrationName } from './migration-util';

/** launch.W237: RunPython without reverse_code, RunSQL without reverse_sql: the migration cannot be unapplied. */
export default {
  reads: 'migrations',
  meta: {
    id: 'launch.W237',
    name: 'migration-irreversible',
    checklist: 'migration-safety',
    level: 'warning',
    title: 'A data migration cannot be reversed',
    fix: 'Give RunPython a reverse_code (migrations.RunPython.noop when undoing needs nothing) and RunSQL a reverse_sql (migrations.RunSQL.noop), so `migrate app PREVIOUS` can roll the release back.',
    securitySeverity: 0,
    precision: 'very-high',
    tags: ['reliability'],
  },
  check(ctx) {
    return forMigrations(ctx, (m) => {
      const hits: RuleHit[] = [];
      for (const op of m.operations) {
        if (op.kind === 'RunPython' && !op.kwargs.has('reverse_code') && op.args.length < 2) {
          hits.push({ location: at(m, op), message: `${migrationName(m, ctx)} runs Python with no reverse_code: \`migrate\` back to the previous migration fails, so a rollback of this release cannot undo its schema.` });
        } else if (op.kind === 'RunSQL' && !op.kwargs.has('reverse_sql') && op.args.length < 2) {
          hits.push({ location: at(m, op), message: `${migrationName(m, ctx)} runs SQL with no reverse_sql: \`migrate\` back to the previous migration fails, so a rollback of this release cannot undo its schema.` });
        }
      }
      return hits;
    });
  },
} satisfies Rule;
