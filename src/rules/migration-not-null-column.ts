import { columnType, fieldNode, fieldOf, onExistingTable, type FieldInfo } from '../project/migrations';
import type { Rule, RuleHit } from './rule';
import { at, forMigrations, migrationName } from './migration-util';

/** Field classes Django gives an empty string when they are blank=True with no default (empty_strings_allowed). */
const EMPTY_STRING = /^(CharField|TextField|EmailField|SlugField|URLField|FilePathField|FileField|ImageField|CommaSeparatedIntegerField|BinaryField)$/;

/**
 * What Django's schema editor fills the existing rows with when it adds the column (its `effective_default`):
 * the `default=`, the current time for `auto_now`/`auto_now_add`, an empty string for a blank string field —
 * added as a database default and dropped right after. Undefined: nothing, the migration fails on the first row;
 * 'unknown': a blank=True custom field, which gets an empty string only if its class allows one.
 */
function filledWith(field: FieldInfo, preserveDefault: boolean): string | undefined {
  const { kwargs, type } = field;
  if (kwargs.has('default') || preserveDefault) return 'its default';
  const flag = (name: string) => kwargs.get(name)?.type === 'true';
  if (/^(DateTimeField|DateField|TimeField)$/.test(type) && (flag('auto_now') || flag('auto_now_add'))) return 'the current time (auto_now)';
  if (flag('blank')) {
    if (EMPTY_STRING.test(type)) return 'an empty string (blank=True)';
    if (!columnType(type) && !field.foreignKey) return 'unknown';
  }
  return undefined;
}

/**
 * launch.E234: AddField of a NOT NULL column to a table that already exists, without a database default
 * (`db_default`, Django 5.0+). Without any default the migration fails on a table with rows (an error: the
 * deploy stops half-way; the migrations gate cannot see it, its database is empty); with a Python `default=`
 * (what makemigrations writes) Django fills the existing rows, then drops the database default — so every
 * INSERT of the release still serving (which does not know the column) fails until the new code is live (a
 * warning: a window of failed writes).
 */
export default {
  reads: 'migrations',
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
        const field = fieldOf(fieldNode(op));
        if (!field || field.nullable !== false || field.noColumn) continue;
        if (!onExistingTable(ctx, m, op)) continue; // a new table: no rows, no old code
        const { kwargs } = field;
        if (kwargs.has('db_default') || kwargs.has('primary_key')) continue;
        const column = `${op.model}.${op.field ?? '?'}`;
        const filled = filledWith(field, op.kwargs.has('preserve_default'));
        const inserts = 'so every INSERT of the release still serving during the deploy fails (it does not send the column)';
        if (filled === undefined) {
          hits.push({
            location: at(m, op),
            message: `${migrationName(m, ctx)} adds the NOT NULL column ${column} with no default to a table that already exists: the migration fails as soon as the table has a row.`,
          });
        } else if (filled === 'unknown') {
          hits.push({
            location: at(m, op),
            level: 'warning',
            message: `${migrationName(m, ctx)} adds the NOT NULL column ${column} (a ${field.type}, blank=True) with no default: Django fills the existing rows with an empty string if the field class takes one (else the migration fails on the first row), and leaves no database default, ${inserts}.`,
          });
        } else {
          hits.push({
            location: at(m, op),
            level: 'warning',
            message: `${migrationName(m, ctx)} adds the NOT NULL column ${column} with no database default: Django fills the existing rows with ${filled} and then drops the default, ${inserts}.`,
          });
        }
      }
      return hits;
    });
  },
} satisfies Rule;
