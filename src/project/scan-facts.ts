/**
 * Facts worked out once per scan — its workspace and projects — that hold no syntax node (module names, import
 * bindings, the view index): they outlive the copies of the scan context the rules gate runs its groups and batches
 * on (src/gates/rules.ts), whose trees are let go between them. Kept apart per shortcut setting, so that the
 * equality test's run with the shortcuts off (test/shortcuts.test.ts) works everything out its own way.
 */
import type { ScanContext, ScannedProject } from './scan';
import type { Workspace } from './workspace';
import { shortcuts } from './shortcuts';

const facts = new WeakMap<Workspace, WeakMap<readonly ScannedProject[], Map<string, unknown>>>();

function of(ctx: ScanContext): Map<string, unknown> {
  let byProjects = facts.get(ctx.workspace);
  if (!byProjects) facts.set(ctx.workspace, (byProjects = new WeakMap()));
  let m = byProjects.get(ctx.projects);
  if (!m) byProjects.set(ctx.projects, (m = new Map()));
  return m;
}

/** The fact `name` of this scan, or undefined when not worked out yet. */
export function scanFact<T>(ctx: ScanContext, name: string): T | undefined {
  return of(ctx).get(`${name}:${shortcuts.on}`) as T | undefined;
}

export function setScanFact<T>(ctx: ScanContext, name: string, value: T): T {
  of(ctx).set(`${name}:${shortcuts.on}`, value);
  return value;
}

/** The fact `name` of this scan, worked out by `make` the first time. */
export function scanFactOf<T>(ctx: ScanContext, name: string, make: () => T): T {
  return scanFact<T>(ctx, name) ?? setScanFact(ctx, name, make());
}
