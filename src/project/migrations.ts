/**
 * Django migrations as the migration-safety rules see them: every `migrations/NNNN_*.py` of the project,
 * its operations (`migrations.AddField(...)`, …) with their keyword arguments as syntax nodes, and the state
 * of each field as the earlier migrations of the same app left it — enough to tell an AlterField that
 * changes a column's type or nullability, or an AddField to a table that already exists.
 *
 * Which migrations are *new* (judged at their full level) is the caller's: the files added since a base ref
 * (`--base-ref`, the pull request's base). Without a base every migration is judged, as a note: the scan
 * cannot tell one that production already applied from one it is about to.
 */
import { callParts, eachOfType, lineOf, stringValue, walk, type SyntaxNode } from './python';
import type { ScanContext } from './scan';
import type { SourceFile } from './workspace';
import { resolveModule } from './settings-modules';
import { isUnreadable } from './evaluator/frame';

export interface Operation {
  /** `AddField`, `RemoveField`, `RunPython`… (the attribute after `migrations.` or an imported name) */
  kind: string;
  node: SyntaxNode;
  line: number;
  args: SyntaxNode[];
  kwargs: Map<string, SyntaxNode>;
  /** lower-cased model name the operation is about (model_name= / name= for model operations) */
  model?: string;
  /** field name (name= for field operations) */
  field?: string;
  /**
   * Inside SeparateDatabaseAndState's database_operations: the author split state from schema on purpose —
   * the contract step of an expand/contract change, whose code side shipped in an earlier release.
   */
  separated?: boolean;
}

export interface MigrationFile {
  file: SourceFile;
  /** the app's folder (the one holding `migrations/`), relative to the scan root */
  app: string;
  /** `0003_add_total` */
  name: string;
  operations: Operation[];
  /** `atomic = False` on the Migration class */
  nonAtomic: boolean;
  /** a squashed migration's `replaces`: the names of the same app's migrations it stands for */
  replaces: string[];
  /** `dependencies`: (app label, migration name) pairs, where both are string literals */
  dependencies: [string, string][];
}

/** A field as the migrations define it: its class (`CharField`, `ForeignKey`…) and its `null`. */
export interface FieldState {
  type: string;
  nullable: boolean | undefined;
  /** a foreign key: ForeignKey, OneToOneField, or any class given `on_delete=` (StatusField, TreeForeignKey…) */
  foreignKey: boolean;
  /** no column of its own: a many-to-many (its join table, or a `through=` model) or a generic relation */
  noColumn: boolean;
  /** `through=` is given: a many-to-many whose table is another model's */
  through: boolean;
  /** `max_length=`, `max_digits=`, `decimal_places=` when they are integer literals */
  maxLength?: number;
  maxDigits?: number;
  decimalPlaces?: number;
  /** `db_column=` is set: renaming the field leaves the column's name alone */
  dbColumn: boolean;
  /** the index the field has: `unique=True`, `db_index=True` or a foreign key (Django indexes those), or none */
  index: 'unique' | 'index' | undefined;
  line: number;
  file: string;
}

const OPERATION_NAMES = new Set([
  'CreateModel', 'DeleteModel', 'RenameModel', 'AlterModelTable', 'AlterUniqueTogether', 'AlterIndexTogether',
  'AddField', 'RemoveField', 'AlterField', 'RenameField', 'AddIndex', 'RemoveIndex', 'RenameIndex', 'AddConstraint',
  'RemoveConstraint', 'RunPython', 'RunSQL', 'SeparateDatabaseAndState', 'AddIndexConcurrently', 'RemoveIndexConcurrently',
  'AddConstraintNotValid', 'ValidateConstraint',
]);

const MIGRATION_FILE = /(^|\/)migrations\/\d{4}_[\w]+\.py$/;
const MIGRATION_NAME = /^\d{4}_[\w]+\.py$/;

const cache = new WeakMap<ScanContext, MigrationFile[]>();

/**
 * The migration packages production's MIGRATION_MODULES names instead of an app's `migrations/`
 * (`{"dojo": "dojo.db_migrations"}`), as folders of the scan: the dict literals assigned to it in the files of the
 * production settings, read from the code and not from the evaluated value, because it may be set only under a
 * condition the scan cannot decide — DefectDojo sets it when an environment variable asks for migrations tracked in
 * the repository, and its 290 migrations live there. The app is the package's parent folder, its label what the
 * migrations' dependencies name (appLabel), as for `migrations/`.
 */
function migrationModuleFolders(ctx: ScanContext): Set<string> {
  const out = new Set<string>();
  for (const p of ctx.projects) {
    for (const rel of p.production?.files ?? []) {
      const f = ctx.workspace.get(rel);
      if (!f?.text.includes('MIGRATION_MODULES')) continue;
      eachOfType(ctx.workspace.tree(f).rootNode, 'assignment', (a) => {
        if (a.childForFieldName('left')?.text !== 'MIGRATION_MODULES' || a.childForFieldName('right')?.type !== 'dictionary') return;
        for (const pair of a.childForFieldName('right')!.namedChildren) {
          const module = pair.type === 'pair' ? stringValue(pair.childForFieldName('value')) : undefined;
          const r = module ? resolveModule(ctx.workspace, p.root, module) : undefined;
          const init = r && !isUnreadable(r) ? r.file.rel : undefined;
          if (init?.endsWith('/__init__.py')) out.add(init.slice(0, -'/__init__.py'.length));
        }
      });
    }
  }
  return out;
}

/** Every migration file of the scan, in app and name order (Django's numbering), each parsed when first asked about. */
export function migrationFiles(ctx: ScanContext): MigrationFile[] {
  const hit = cache.get(ctx);
  if (hit) return hit;
  const out: MigrationFile[] = [];
  const modules = migrationModuleFolders(ctx);
  const named = (rel: string) => modules.size > 0 && modules.has(rel.slice(0, rel.lastIndexOf('/'))) && MIGRATION_NAME.test(rel.slice(rel.lastIndexOf('/') + 1));
  for (const f of ctx.workspace.pythonFiles()) {
    if (!(MIGRATION_FILE.test(f.rel) || named(f.rel)) || /(^|\/)(tests?|site-packages)\//.test(f.rel)) continue;
    const parts = f.rel.split('/');
    out.push(lazyMigration(ctx, f, parts.slice(0, -2).join('/'), parts[parts.length - 1].replace(/\.py$/, '')));
  }
  out.sort((a, b) => (a.app < b.app ? -1 : a.app > b.app ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  cache.set(ctx, out);
  return out;
}

/**
 * The apps with migrations, in order, in batches whose migrations come to at most `max` characters of source
 * (an app larger than that is a batch of its own): the rules gate runs the migration rules one batch at a time
 * (ScanContext.migrationApps) and lets the batch's trees go before the next, so a project's thousands of
 * migrations are never all parsed and held at once. With a base ref only the apps that have a migration added
 * since it weigh anything: the others' migrations are not parsed.
 */
export function migrationAppBatches(ctx: ScanContext, max: number): Set<string>[] {
  const size = new Map<string, number>();
  const judged = new Set<string>();
  for (const m of migrationFiles(ctx)) {
    size.set(m.app, (size.get(m.app) ?? 0) + m.file.text.length);
    if (!ctx.newFiles || isNewMigration(ctx, m.file.rel)) judged.add(m.app);
  }
  const out: Set<string>[] = [];
  let batch = new Set<string>();
  let held = 0;
  for (const [app, all] of size) {
    // a judged migration parses its app's whole history (historyBefore); an app with none judged, nothing
    const n = judged.has(app) ? all : 0;
    if (batch.size && held + n > max) {
      out.push(batch);
      batch = new Set();
      held = 0;
    }
    batch.add(app);
    held += n;
  }
  if (batch.size) out.push(batch);
  return out;
}

/**
 * A migration whose file is parsed the first time something asks what is in it. Its app and name come from
 * its path, and whether it is a squash from its text (`replaces = [...]` needs the word): with a base ref the
 * rules judge only the new migrations, so only those and the histories of their apps are parsed — not the
 * thousands of migrations a large project has applied long ago. Without one every migration is judged and
 * parsed, as before.
 */
function lazyMigration(ctx: ScanContext, file: SourceFile, app: string, name: string): MigrationFile {
  let parsed: ReturnType<typeof parseMigration> | undefined;
  const read = () => (parsed ??= parseMigration(ctx, file));
  const squash = /\breplaces\b/.test(file.text);
  return {
    file,
    app,
    name,
    get operations() {
      return read().operations;
    },
    get nonAtomic() {
      return read().nonAtomic;
    },
    get replaces() {
      return squash ? read().replaces : [];
    },
    get dependencies() {
      return read().dependencies;
    },
  };
}

function parseMigration(ctx: ScanContext, f: SourceFile): Pick<MigrationFile, 'operations' | 'nonAtomic' | 'replaces' | 'dependencies'> {
  const operations: Operation[] = [];
  let nonAtomic = false;
  const replaces: string[] = [];
  const dependencies: [string, string][] = [];
  const root = ctx.workspace.tree(f).rootNode;
  for (const cls of root.namedChildren) {
    const def = cls.type === 'decorated_definition' ? cls.childForFieldName('definition') : cls;
    if (def?.type !== 'class_definition' || def.childForFieldName('name')?.text !== 'Migration') continue;
    for (const st of def.childForFieldName('body')?.namedChildren ?? []) {
      const a = st.type === 'expression_statement' ? st.namedChildren[0] : undefined;
      if (a?.type !== 'assignment') continue;
      const name = a.childForFieldName('left')?.text;
      const right = a.childForFieldName('right');
      if (name === 'atomic' && right?.type === 'false') nonAtomic = true;
      if (name === 'replaces' && right) {
        // [("shop", "0001_initial"), …] — always the squash's own app: Django applies either the squash or
        // what it replaces, never both.
        for (const t of right.namedChildren) {
          const mig = t.type === 'tuple' || t.type === 'list' ? stringValue(t.namedChildren[1]) : undefined;
          if (mig) replaces.push(mig);
        }
      }
      if (name === 'dependencies' && right) {
        for (const t of right.namedChildren) {
          const [a, n] = t.type === 'tuple' || t.type === 'list' ? t.namedChildren.map((c) => stringValue(c)) : [];
          if (a && n) dependencies.push([a, n]);
        }
      }
      if (name !== 'operations' || !right) continue;
      collectOperations(right, operations);
    }
  }
  return { operations, nonAtomic, replaces, dependencies };
}

/** The operation calls of a list (descending into SeparateDatabaseAndState's database_operations only). */
function collectOperations(list: SyntaxNode, out: Operation[], separated = false): void {
  if (list.type !== 'list' && list.type !== 'tuple') return;
  for (const item of list.namedChildren) {
    if (item.type !== 'call') continue;
    const { callee, args, kwargs } = callParts(item);
    const kind = (callee ?? '').split('.').pop() ?? '';
    if (!OPERATION_NAMES.has(kind)) continue;
    if (kind === 'SeparateDatabaseAndState') {
      // Only what runs on the database matters for locks and data; state_operations change nothing there.
      const db = kwargs.get('database_operations');
      if (db) collectOperations(db, out, true);
      continue;
    }
    const str = (n: SyntaxNode | undefined) => (n ? stringValue(n) : undefined);
    const modelKw = str(kwargs.get('model_name'));
    const nameKw = str(kwargs.get('name'));
    const isModelOp = /Model|Together|Table/.test(kind) && kind !== 'CreateModel' ? true : kind === 'CreateModel';
    const modelName = kind === 'RenameModel' ? str(kwargs.get('old_name')) ?? str(args[0]) : isModelOp ? nameKw ?? str(args[0]) : modelKw ?? str(args[0]);
    const model = modelName?.toLowerCase();
    const field = isModelOp ? undefined : nameKw ?? (kind === 'RenameField' ? str(kwargs.get('old_name')) ?? str(args[1]) : str(args[1]));
    out.push({ kind, node: item, line: lineOf(item), args, kwargs, ...(model ? { model } : {}), ...(field ? { field } : {}), ...(separated ? { separated } : {}) });
  }
}

export type FieldInfo = Omit<FieldState, 'line' | 'file'> & { node: SyntaxNode; kwargs: Map<string, SyntaxNode> };

/** `models.CharField(max_length=10, null=True)` → { type: 'CharField', nullable: true, maxLength: 10, … }. */
export function fieldOf(node: SyntaxNode | undefined): FieldInfo | undefined {
  if (!node || node.type !== 'call') return undefined;
  const { callee, kwargs } = callParts(node);
  const type = (callee ?? '').split('.').pop();
  if (!type) return undefined;
  const n = kwargs.get('null');
  // NullBooleanField is always nullable; a GeneratedField's value is the database's to compute (no NOT NULL
  // for an INSERT to miss): neither is a NOT NULL column the way a field without null=True is.
  const nullable = type === 'NullBooleanField' ? true : type === 'GeneratedField' ? undefined : !n ? false : n.type === 'true' ? true : n.type === 'false' ? false : undefined;
  const flag = (name: string) => kwargs.get(name)?.type === 'true';
  // Only foreign keys take on_delete: a subclass (StatusField, TreeForeignKey, ParentalKey) is one too.
  const foreignKey = /^(ForeignKey|OneToOneField)$/.test(type) || kwargs.has('on_delete');
  // a many-to-many of a package's class too: modelcluster's ParentalManyToManyField (Wagtail), SortedManyToManyField,
  // TreeManyToManyField, ClusterTaggableManager
  const noColumn = /(ManyToManyField|TaggableManager)$|^(GenericRelation|GenericForeignKey)$/.test(type) || kwargs.has('through');
  const indexed = foreignKey && kwargs.get('db_index')?.type !== 'false';
  const index = flag('unique') || flag('primary_key') || type === 'OneToOneField' ? 'unique' : flag('db_index') || indexed ? 'index' : undefined;
  const int = (name: string) => {
    const v = kwargs.get(name);
    return v?.type === 'integer' ? Number(v.text.replace(/_/g, '')) : undefined;
  };
  const sizes = { maxLength: int('max_length'), maxDigits: int('max_digits'), decimalPlaces: int('decimal_places') };
  for (const k of Object.keys(sizes) as (keyof typeof sizes)[]) if (sizes[k] === undefined) delete sizes[k];
  return { type, nullable, foreignKey, noColumn, through: kwargs.has('through'), dbColumn: kwargs.has('db_column'), index, ...sizes, node, kwargs };
}

/** The PostgreSQL column type family of a Django field class, undefined when the scan does not know it. */
export function columnType(cls: string): string | undefined {
  return COLUMN_TYPE[cls];
}

/**
 * The PostgreSQL column type a Django field class makes (Django's backends/postgresql/base.py data_types), by
 * family; undefined for classes the scan does not know (custom fields, foreign keys: their type is the target's
 * primary key). Used to tell a type change that rewrites the table from one that does not.
 */
const COLUMN_TYPE: Record<string, string> = {
  CharField: 'varchar', EmailField: 'varchar', SlugField: 'varchar', URLField: 'varchar', FilePathField: 'varchar',
  FileField: 'varchar', ImageField: 'varchar', CommaSeparatedIntegerField: 'varchar', TextField: 'text',
  IntegerField: 'integer', PositiveIntegerField: 'integer', AutoField: 'integer',
  BigIntegerField: 'bigint', PositiveBigIntegerField: 'bigint', BigAutoField: 'bigint',
  SmallIntegerField: 'smallint', PositiveSmallIntegerField: 'smallint', SmallAutoField: 'smallint',
  BooleanField: 'boolean', NullBooleanField: 'boolean', DateTimeField: 'timestamptz', DateField: 'date', TimeField: 'time',
  DurationField: 'interval', DecimalField: 'numeric', FloatField: 'double', UUIDField: 'uuid', JSONField: 'jsonb',
  BinaryField: 'bytea', GenericIPAddressField: 'inet', IPAddressField: 'inet',
};

/**
 * Does changing a column from one field class to another make PostgreSQL rewrite the table? Same column type:
 * no (a longer max_length, a Positive* check); varchar → text: no (binary coercible). Unknown classes: undefined.
 */
export function rewritesColumn(from: string, to: string): boolean | undefined {
  const a = COLUMN_TYPE[from];
  const b = COLUMN_TYPE[to];
  if (!a || !b) return undefined;
  if (a === b) return false;
  if (a === 'varchar' && b === 'text') return false;
  return true;
}

/**
 * Within one column type, a size change PostgreSQL must rewrite the table for (and that fails on a value that
 * no longer fits): a shorter varchar (a longer one, or none, is free), a numeric whose scale changes or whose
 * precision shrinks. Only integer literals are compared; undefined when there is nothing to say.
 */
export function shrinksColumn(before: Pick<FieldState, 'type' | 'maxLength' | 'maxDigits' | 'decimalPlaces'>, now: Pick<FieldState, 'type' | 'maxLength' | 'maxDigits' | 'decimalPlaces'>): string | undefined {
  const a = COLUMN_TYPE[before.type];
  if (!a || a !== COLUMN_TYPE[now.type]) return undefined;
  if (a === 'varchar' && before.maxLength !== undefined && now.maxLength !== undefined && now.maxLength < before.maxLength) {
    return `max_length ${before.maxLength} → ${now.maxLength}`;
  }
  if (a === 'numeric' && before.decimalPlaces !== undefined && now.decimalPlaces !== undefined && before.maxDigits !== undefined && now.maxDigits !== undefined) {
    if (now.decimalPlaces !== before.decimalPlaces) return `decimal_places ${before.decimalPlaces} → ${now.decimalPlaces}`;
    if (now.maxDigits < before.maxDigits) return `max_digits ${before.maxDigits} → ${now.maxDigits}`;
  }
  return undefined;
}

/** The field node of a field operation (`field=` or the third positional argument). */
export function fieldNode(op: Operation): SyntaxNode | undefined {
  return op.kwargs.get('field') ?? op.args[2];
}

export interface AppHistory {
  /** models created (lower-cased names) by migrations before the one asked about */
  models: Set<string>;
  /** models whose table name is fixed (`options={"db_table": …}`, AlterModelTable): renaming them renames no table */
  fixedTables: Set<string>;
  /** `model.field` → its state after the migrations before */
  fields: FieldStates;
  /** models Django does not manage (`options={"managed": False}`): their operations run no SQL */
  unmanaged: Set<string>;
}

/**
 * The state the earlier migrations of the same app leave: which models exist and how their fields are
 * defined. Approximate by design: it follows the numbered order within the app folder (not the
 * dependency graph across apps) — enough to tell "this table already existed".
 */
export function historyBefore(ctx: ScanContext, target: MigrationFile): AppHistory {
  const hit = histories.get(target);
  if (hit) return hit;
  // One pass over the app's migrations, in order, keeping the state before each (replaying the earlier ones
  // for every migration was quadratic: a minute on a 1 M-line project). The states share FieldState objects,
  // which nobody changes.
  const app = migrationFiles(ctx).filter((m) => m.app === target.app);
  // A squashed migration and the ones it replaces describe the same state: follow the squash only.
  const replaced = new Set(app.flatMap((m) => m.replaces));
  const history: AppHistory = { models: new Set(), fixedTables: new Set(), fields: new FieldStates(), unmanaged: new Set() };
  for (const m of app) {
    histories.set(m, { models: new Set(history.models), fixedTables: new Set(history.fixedTables), fields: new FieldStates(history.fields), unmanaged: new Set(history.unmanaged) });
    if (replaced.has(m.name)) continue;
    for (const op of m.operations) applyToHistory(op, m.file.rel, history);
  }
  const own = histories.get(target);
  if (own) return own;
  // A migration that is not one of the scan's (never so today): replay what comes before it by name.
  const before: AppHistory = { models: new Set(), fixedTables: new Set(), fields: new FieldStates(), unmanaged: new Set() };
  for (const m of app) {
    if (m.name >= target.name) break;
    if (!replaced.has(m.name)) for (const op of m.operations) applyToHistory(op, m.file.rel, before);
  }
  return before;
}

const histories = new WeakMap<MigrationFile, AppHistory>();

/**
 * `model.field` → FieldState, each read from its migration's field call only when asked: the rules ask about a
 * few fields (the ones a migration alters, renames or drops), the history holds every field of every model,
 * and reading a field call node by node was a second of a 1 M-line project. A read that finds no field (a
 * call the scan cannot read) leaves the state before it, as an eager read that set nothing did. Copies share
 * the entries (and what they read), which nobody changes.
 */
export class FieldStates {
  private readonly entries: Map<string, FieldEntry>;

  constructor(from?: FieldStates) {
    this.entries = new Map(from?.entries);
  }

  get(key: string): FieldState | undefined {
    return this.entries.get(key)?.state();
  }

  /** The field is (re)defined by this field call node. */
  define(key: string, node: SyntaxNode | undefined, line: (node: SyntaxNode) => number, file: string): void {
    this.entries.set(key, new FieldEntry(node, line, file, this.entries.get(key)));
  }

  delete(key: string): boolean {
    return this.entries.delete(key);
  }

  /** Moves every `model.` entry to `to.` (to undefined: drops them). */
  moveModel(model: string, to: string | undefined): void {
    for (const [key, entry] of [...this.entries]) {
      if (!key.startsWith(`${model}.`)) continue;
      this.entries.delete(key);
      if (to) this.entries.set(`${to}.${key.slice(model.length + 1)}`, entry);
    }
  }

  /** Moves one entry to a new key, when it holds a state. */
  rename(from: string, to: string | undefined): void {
    const entry = this.entries.get(from);
    const state = entry?.state();
    this.entries.delete(from);
    if (to && state) this.entries.set(to, entry!);
  }
}

class FieldEntry {
  private read = false;
  private value: FieldState | undefined;

  constructor(
    private readonly node: SyntaxNode | undefined,
    private readonly line: (node: SyntaxNode) => number,
    private readonly file: string,
    private readonly before: FieldEntry | undefined,
  ) {}

  state(): FieldState | undefined {
    if (!this.read) {
      this.read = true;
      const fs = fieldOf(this.node);
      this.value = fs ? stateOf(fs, this.line(this.node!), this.file) : this.before?.state();
    }
    return this.value;
  }
}

/**
 * The operation works on a table that exists before this migration (created by an earlier one, not by this
 * one): a table with rows, and with the old release reading it.
 */
export function onExistingTable(ctx: ScanContext, m: MigrationFile, op: Operation): boolean {
  return !!op.model && inDatabase(ctx, m, op) && !createdInSameMigration(m, op) && historyBefore(ctx, m).models.has(op.model);
}

/** `options={"managed": False, …}`: a model whose table Django neither creates nor alters. */
const UNMANAGED = /["']managed["']\s*:\s*False\b/;

/**
 * Does the operation run SQL? Not when it is a SeparateDatabaseAndState state operation, and not on a model
 * Django does not manage (djangoproject.com's tracdb models, `managed: False`, another application's database):
 * the migration only records the model's state.
 */
export function inDatabase(ctx: ScanContext, m: MigrationFile, op: Operation): boolean {
  if (op.separated) return false;
  if (!op.model) return true;
  // unmanaged before this migration: in the database only once an earlier operation here makes it managed again
  if (historyBefore(ctx, m).unmanaged.has(op.model)) return m.operations.some((o) => o.line < op.line && o.model === op.model && o.kind === 'AlterModelOptions' && !UNMANAGED.test(o.kwargs.get('options')?.text ?? ''));
  return !m.operations.some((o) => o.line <= op.line && o.model === op.model && (o.kind === 'CreateModel' || o.kind === 'AlterModelOptions') && UNMANAGED.test(o.kwargs.get('options')?.text ?? ''));
}

function applyToHistory(op: Operation, file: string, { models, fixedTables, fields, unmanaged }: AppHistory): void {
  if ((op.kind === 'CreateModel' || op.kind === 'AlterModelOptions') && op.model) {
    // AlterModelOptions replaces the options it knows, managed among them: absent, the model is managed again
    if (UNMANAGED.test(op.kwargs.get('options')?.text ?? '')) unmanaged.add(op.model);
    else if (op.kind === 'AlterModelOptions') unmanaged.delete(op.model);
  }
  if (op.kind === 'AlterModelTable' && op.model) {
    fixedTables.add(op.model);
  } else if (op.kind === 'CreateModel' && op.model) {
    models.add(op.model);
    if (/["']db_table["']\s*:/.test(op.kwargs.get('options')?.text ?? '')) fixedTables.add(op.model);
    const list = op.kwargs.get('fields') ?? op.args[1];
    for (const t of list?.namedChildren ?? []) {
      if (t.type !== 'tuple') continue;
      const [n, f] = t.namedChildren;
      const fname = n ? stringValue(n) : undefined;
      if (fname) fields.define(`${op.model}.${fname}`, f, lineOf, file);
    }
  } else if (op.kind === 'DeleteModel' && op.model) {
    models.delete(op.model);
    unmanaged.delete(op.model);
  } else if ((op.kind === 'AddField' || op.kind === 'AlterField') && op.model && op.field) {
    fields.define(`${op.model}.${op.field}`, fieldNode(op), () => op.line, file);
  } else if (op.kind === 'RemoveField' && op.model && op.field) {
    fields.delete(`${op.model}.${op.field}`);
  } else if (op.kind === 'RenameModel' && op.model) {
    const to = op.kwargs.get('new_name') ?? op.args[1];
    const name = to ? stringValue(to)?.toLowerCase() : undefined;
    models.delete(op.model);
    if (name) models.add(name);
    if (name && fixedTables.delete(op.model)) fixedTables.add(name);
    if (name && unmanaged.delete(op.model)) unmanaged.add(name);
    // Its fields go with it: a later AlterField names the new model.
    fields.moveModel(op.model, name);
  } else if (op.kind === 'RenameField' && op.model && op.field) {
    const to = op.kwargs.get('new_name') ?? op.args[2];
    const name = to ? stringValue(to) : undefined;
    fields.rename(`${op.model}.${op.field}`, name ? `${op.model}.${name}` : undefined);
  }
}

function stateOf({ node: _node, kwargs: _kwargs, ...state }: FieldInfo, line: number, file: string): FieldState {
  return { ...state, line, file };
}

const labels = new WeakMap<ScanContext, Map<string, string>>();

/**
 * The app label Django knows an app folder by (`misago_threads` for misago/threads/): the label its migrations
 * name most often when they depend on a migration of the same folder (another app's `0001_initial` has the
 * same name: the majority decides); the folder's name when none does.
 */
export function appLabel(ctx: ScanContext, app: string): string {
  let byApp = labels.get(ctx);
  if (!byApp) labels.set(ctx, (byApp = new Map()));
  let label = byApp.get(app);
  if (label === undefined) byApp.set(app, (label = labelOf(migrationFiles(ctx).filter((m) => m.app === app)) ?? app.split('/').pop() ?? app));
  return label;
}

/** The label most of an app folder's migrations name when they depend on another migration of the folder. */
function labelOf(own: readonly MigrationFile[]): string | undefined {
  const names = new Set(own.map((m) => m.name));
  const votes = new Map<string, number>();
  for (const m of own) for (const [a, n] of m.dependencies) if (n !== m.name && names.has(n)) votes.set(a, (votes.get(a) ?? 0) + 1);
  return [...votes].sort((x, y) => y[1] - x[1])[0]?.[0];
}

/** Models created by an earlier operation of the same migration (a new table: no lock, no old rows). */
export function createdInSameMigration(m: MigrationFile, op: Operation): boolean {
  return m.operations.some((o) => o !== op && o.kind === 'CreateModel' && o.model === op.model && o.line < op.line);
}

/**
 * Is a migration new, i.e. judged at its full level? With a base ref, the files added since it; without one
 * (undefined), unknown — findings are notes.
 */
export function isNewMigration(ctx: ScanContext, rel: string): boolean | undefined {
  const added = ctx.newFiles;
  if (!added) return undefined;
  return added.has(rel);
}

/** Names of the functions RunPython calls (code= / first positional, reverse_code=). */
export function runPythonFunctions(op: Operation): { code?: string; reverse?: SyntaxNode } {
  const code = op.kwargs.get('code') ?? op.args[0];
  const reverse = op.kwargs.get('reverse_code') ?? op.args[1];
  return { ...(code?.type === 'identifier' ? { code: code.text } : {}), ...(reverse ? { reverse } : {}) };
}

/** Imports of the project's models (`from shop.models import Order`, `import shop.models`) in a node. */
export function modelImports(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  walk(node, (n) => {
    if (n.type === 'import_from_statement') {
      const mod = n.childForFieldName('module_name')?.text ?? '';
      if (/(^|\.)models$/.test(mod) && !/^django(\.|$)/.test(mod)) out.push(n);
      return false;
    }
    if (n.type === 'import_statement') {
      if (n.namedChildren.some((c) => /(^|\.)models$/.test(c.text.split(' as ')[0]) && !/^django(\.|$)/.test(c.text))) out.push(n);
      return false;
    }
    return true;
  });
  return out;
}
