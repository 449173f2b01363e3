/**
 * What the migration-safety rules share: which migrations they judge, and at what level. With a base ref
 * (`--base-ref`; the action uses the pull request's base, or the commit before a push) only the migrations
 * added since it are judged, at the rule's level: those are the ones the next deploy applies while the
 * release before it still serves. Without a base the scan cannot tell a migration production applied long
 * ago from one it is about to: every migration is judged, as a note that says so, and the checklist item
 * is "not checked" with the reason — never a pass, and never a warning about a migration applied years ago.
 */
import { appLabel, isNewMigration, migrationFiles, type MigrationFile, type Operation } from '../project/migrations';
import type { ScanContext } from '../project/scan';
import type { RuleHit, RuleResult } from './rule';

const AS_NOTE = 'no base ref tells whether production already applied it — pass --base-ref';

export const NO_BASE =
  'no base ref to tell the migrations this change adds from those production already applied: pass --base-ref (the action uses the pull request\'s base, or the commit before a push)';

/** Run `check` on every migration added since the base ref (without a base: on every migration, as notes). */
export function forMigrations(ctx: ScanContext, check: (m: MigrationFile) => RuleHit[]): RuleResult {
  // A squashed migration (`replaces = [...]`) runs only on a database that applied none of what it replaces — a
  // fresh one, with empty tables; a database that applied them marks it applied without running it. Its
  // operations never meet the old release or a table with rows: not judged.
  const all = migrationFiles(ctx);
  // The gate may run this on a few apps at a time (ScanContext.migrationApps): only theirs are judged (and
  // parsed), while whether the project has migrations at all is the whole project's answer.
  const apps = ctx.migrationApps;
  const mine = apps ? all.filter((m) => apps.has(m.app)) : all;
  const files = mine.filter((m) => m.replaces.length === 0);
  if (files.length === 0 && (mine === all || !all.some((m) => m.replaces.length === 0))) return { hits: [], notApplicable: 'no migrations in the project' };
  if (!ctx.newFiles) {
    const why = ctx.baseUnavailable ?? AS_NOTE;
    const hits = files.flatMap((m) => check(m)).map((h) => ({ ...h, level: 'note' as const, message: `${h.message.replace(/\.$/, '')} (a note: ${why}).` }));
    return { hits, undecided: ctx.baseUnavailable ?? NO_BASE };
  }
  const hits: RuleHit[] = [];
  let judged = 0;
  for (const m of files) {
    if (!isNewMigration(ctx, m.file.rel)) continue;
    judged++;
    hits.push(...check(m));
  }
  if (judged === 0) return { hits, notApplicable: 'no migration was added since the base ref' };
  return { hits };
}

export function at(m: MigrationFile, op: Operation): { file: string; line: number } {
  return { file: m.file.rel, line: op.line };
}

/** `label.0003_x` for messages, by the app label `migrate` uses (the folder's name when no migration says it). */
export function migrationName(m: MigrationFile, ctx: ScanContext): string {
  return `${appLabel(ctx, m.app)}.${m.name}`;
}
