/**
 * What the rule fixtures (test/rules/<ID>/, `# ruleid` lines) cannot say: the level and the claim of a
 * migration-safety finding. Patterns measured on real projects (test/realworld/migration-verdicts.json):
 * a NOT NULL column Django fills itself (auto_now, blank=True strings) is a warning, not a migration that
 * fails; a many-to-many's RemoveField drops a join table, not a column.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scan } from '../../src/project/scan';
import alters from '../../src/rules/migration-alters-column';
import drops from '../../src/rules/migration-drops-column';
import notNull from '../../src/rules/migration-not-null-column';
import type { Rule } from '../../src/rules/rule';
import { historyBefore, migrationFiles } from '../../src/project/migrations';
import { tempDir } from '../support/tmp';

const FIXTURES = join(__dirname, '..', 'rules');

/** The hits of a rule on its fixture, by the name= of the operation they are on. */
function hitsByField(rule: Rule, file: string): Map<string, { level: string; message: string }[]> {
  const dir = join(FIXTURES, rule.meta.id);
  const newFiles = new Set(readFileSync(join(dir, '.new-files'), 'utf8').split('\n').map((l) => l.trim()).filter(Boolean));
  const lines = readFileSync(join(dir, file), 'utf8').split('\n');
  const out = new Map<string, { level: string; message: string }[]>();
  for (const h of rule.check(scan(dir, { newFiles })).hits) {
    if (h.location.file !== file) continue;
    const name = /\bname="(\w+)"/.exec(lines.slice(h.location.line - 1, h.location.line + 3).join(' '))?.[1] ?? `line ${h.location.line}`;
    out.set(name, [...(out.get(name) ?? []), { level: h.level ?? rule.meta.level, message: h.message }]);
  }
  return out;
}

describe('migration-safety levels and claims', () => {
  it('E234: an error only when nothing fills the existing rows; a warning that names what Django fills them with', () => {
    const hits = new Map([...hitsByField(notNull, 'shop/migrations/0003_add_columns.py')].map(([k, v]) => [k, v[0]]));
    expect(hits.get('country')?.level).toBe('error');
    expect(hits.get('score')?.level).toBe('error');
    expect(hits.get('currency')).toMatchObject({ level: 'warning', message: expect.stringContaining('with its default') });
    expect(hits.get('seen_at')).toMatchObject({ level: 'warning', message: expect.stringContaining('the current time (auto_now)') });
    expect(hits.get('about')).toMatchObject({ level: 'warning', message: expect.stringContaining('an empty string (blank=True)') });
    expect(hits.get('photo')?.level).toBe('warning');
    expect(hits.get('secret')).toMatchObject({ level: 'warning', message: expect.stringContaining('if the field class takes one') });
    for (const h of hits.values()) if (h.level === 'warning') expect(h.message).toContain('every INSERT of the release still serving');
  });

  it('W231: a many-to-many drops its join table, a field drops its column', () => {
    const hits = new Map([...hitsByField(drops, 'shop/migrations/0003_remove_order_note.py')].map(([k, v]) => [k, v[0]]));
    expect(hits.get('watchers')?.message).toContain('drops the join table of the many-to-many order.watchers');
    expect(hits.get('note')?.message).toContain('drops the column order.note');
  });

  it('W233: a narrower varchar or numeric names the size change', () => {
    const hits = [...hitsByField(alters, 'shop/migrations/0003_alter_types.py').values()].flat().map((h) => h.message);
    expect(hits.some((m) => m.includes('narrows order.code (max_length 64 → 32'))).toBe(true);
    expect(hits.some((m) => m.includes('narrows order.price (decimal_places 2 → 3'))).toBe(true);
    expect(hits.some((m) => m.includes('narrows order.price (max_digits 8 → 6'))).toBe(true);
  });

  it('messages name a migration by the app label migrate uses, not the folder', () => {
    const root = tempDir('dlg-miglabel-');
    const dir = join(root, 'forum', 'threads', 'migrations');
    mkdirSync(dir, { recursive: true });
    const head = 'from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n';
    writeFileSync(join(dir, '__init__.py'), '');
    writeFileSync(join(root, 'manage.py'), 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "forum.settings")\n');
    writeFileSync(join(root, 'forum', 'settings.py'), 'DEBUG = False\n');
    writeFileSync(
      join(dir, '0001_initial.py'),
      `${head}    initial = True\n    dependencies = []\n    operations = [\n        migrations.CreateModel(name="Post", fields=[("id", models.BigAutoField(primary_key=True)), ("body", models.TextField())]),\n    ]\n`,
    );
    // Another app's 0001_initial has the same name as this folder's: not the label.
    writeFileSync(join(dir, '0002_remove_post_body.py'), `${head}    dependencies = [("forum_users", "0001_initial"), ("forum_threads", "0001_initial")]\n    operations = [\n        migrations.RemoveField(model_name="post", name="body"),\n    ]\n`);
    writeFileSync(join(dir, '0003_post_title.py'), `${head}    dependencies = [("forum_threads", "0002_remove_post_body")]\n    operations = []\n`);
    const hits = drops.check(scan(root, { newFiles: new Set(['forum/threads/migrations/0002_remove_post_body.py']) })).hits;
    expect(hits.map((h) => h.message.split(' ')[0])).toEqual(['forum_threads.0002_remove_post_body']);
  });

  it('the history reads a field only when asked, and a field call it cannot read leaves the state before it', () => {
    const root = tempDir('dlg-mighist-');
    const dir = join(root, 'shop', 'migrations');
    mkdirSync(dir, { recursive: true });
    const head = 'from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n    dependencies = []\n    operations = [\n';
    writeFileSync(join(dir, '__init__.py'), '');
    writeFileSync(join(root, 'manage.py'), 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "shop.settings")\n');
    writeFileSync(join(root, 'shop', 'settings.py'), 'DEBUG = False\n');
    writeFileSync(join(dir, '0001_initial.py'), `${head}        migrations.CreateModel(name="Order", fields=[("code", models.CharField(max_length=64)), ("note", models.TextField(null=True))]),\n    ]\n`);
    // FIELD is not a call the scan can read: the state stays what 0001 made it.
    writeFileSync(join(dir, '0002_alter.py'), `${head}        migrations.AlterField(model_name="order", name="code", field=FIELD),\n        migrations.RenameField(model_name="order", old_name="note", new_name="remark"),\n    ]\n`);
    writeFileSync(join(dir, '0003_rename.py'), `${head}        migrations.RenameModel(old_name="Order", new_name="Purchase"),\n        migrations.AlterField(model_name="purchase", name="code", field=models.CharField(max_length=32)),\n    ]\n`);
    writeFileSync(join(dir, '0004_last.py'), `${head}    ]\n`);
    const ctx = scan(root);
    const [m1, m2, m3, m4] = migrationFiles(ctx);
    expect(historyBefore(ctx, m1).fields.get('order.code')).toBeUndefined();
    expect(historyBefore(ctx, m2).fields.get('order.code')).toMatchObject({ type: 'CharField', maxLength: 64, line: 7, file: 'shop/migrations/0001_initial.py' });
    expect(historyBefore(ctx, m3).fields.get('order.code')).toMatchObject({ type: 'CharField', maxLength: 64, file: 'shop/migrations/0001_initial.py' });
    expect(historyBefore(ctx, m3).fields.get('order.remark')).toMatchObject({ type: 'TextField', nullable: true });
    expect(historyBefore(ctx, m3).fields.get('order.note')).toBeUndefined();
    expect(historyBefore(ctx, m4).fields.get('order.code')).toBeUndefined();
    expect(historyBefore(ctx, m4).fields.get('purchase.code')).toMatchObject({ type: 'CharField', maxLength: 32, line: 8, file: 'shop/migrations/0003_rename.py' });
    expect(historyBefore(ctx, m4).fields.get('purchase.remark')).toMatchObject({ type: 'TextField' });
  });
  it("a column dropped and added back in the same migration as a stored GeneratedField is not lost: the message says the old release's writes fail, not its reads (FAC's audit.0018), and says nothing when it was generated already", () => {
    const root = tempDir('dlg-miggen-');
    const head = 'from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n';
    writeFileSync(join(root, 'manage.py'), 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "site.settings")\n');
    mkdirSync(join(root, 'site'));
    writeFileSync(join(root, 'site', 'settings.py'), 'DEBUG = False\n');
    mkdirSync(join(root, 'audit', 'migrations'), { recursive: true });
    writeFileSync(join(root, 'audit', 'migrations', '__init__.py'), '');
    writeFileSync(join(root, 'audit', 'migrations', '0001_initial.py'), `${head}    dependencies = []\n    operations = [\n        migrations.CreateModel(name="Audit", fields=[("id", models.BigAutoField(primary_key=True)), ("audit", models.JSONField()), ("ein", models.CharField(max_length=12)), ("note", models.TextField()), ("year", ${'models.GeneratedField(db_persist=True, expression=models.F("audit__year"), output_field=models.IntegerField())'})]),\n    ]\n`);
    const generated = 'models.GeneratedField(db_persist=True, expression=models.F("audit__ein"), output_field=models.CharField())';
    writeFileSync(
      join(root, 'audit', 'migrations', '0002_generated.py'),
      `${head}    dependencies = [("audit", "0001_initial")]\n    operations = [\n        migrations.RemoveField(model_name="audit", name="ein"),\n        migrations.AddField(model_name="audit", name="ein", field=${generated}),\n        migrations.RemoveField(model_name="audit", name="note"),\n        migrations.AddField(model_name="audit", name="note", field=models.TextField(default="")),\n        migrations.RemoveField(model_name="audit", name="year"),\n        migrations.AddField(model_name="audit", name="year", field=${generated.replace('ein', 'year')}),\n    ]\n`,
    );
    const hits = drops.check(scan(root)).hits;
    expect(hits.map((h) => h.location.line)).toEqual([7, 9]);
    expect(hits[0].message).toContain('drops the column audit.ein (RemoveField) and adds it back as a stored GeneratedField');
    expect(hits[0].message).toContain('inserts and updates still write the field');
    // added back as a plain column: its data is gone, as any drop's
    expect(hits[1].message).toContain('drops the column audit.note (RemoveField): the release still serving during the deploy selects it');
    // audit.year was generated already (Compl'alim's data.0036): the old release never writes it — nothing to say
  });

  it('with a base ref, only the apps with a new migration are parsed; a squash is known by its text', () => {
    const root = tempDir('dlg-miglazy-');
    const head = 'from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n';
    writeFileSync(join(root, 'manage.py'), 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "site.settings")\n');
    mkdirSync(join(root, 'site'));
    writeFileSync(join(root, 'site', 'settings.py'), 'DEBUG = False\n');
    for (const app of ['shop', 'blog', 'wiki']) {
      mkdirSync(join(root, app, 'migrations'), { recursive: true });
      writeFileSync(join(root, app, 'migrations', '__init__.py'), '');
      writeFileSync(
        join(root, app, 'migrations', '0001_initial.py'),
        `${head}    dependencies = []\n    operations = [\n        migrations.CreateModel(name="Item", fields=[("id", models.BigAutoField(primary_key=True)), ("note", models.TextField())]),\n    ]\n`,
      );
    }
    writeFileSync(join(root, 'shop', 'migrations', '0002_remove_item_note.py'), `${head}    dependencies = [("shop", "0001_initial")]\n    operations = [\n        migrations.RemoveField(model_name="item", name="note"),\n    ]\n`);
    // wiki's squash names what it replaces: read to know that, although wiki has nothing new
    writeFileSync(join(root, 'wiki', 'migrations', '0001_squashed_0002.py'), `${head}    replaces = [("wiki", "0001_initial"), ("wiki", "0002_x")]\n    dependencies = []\n    operations = []\n`);
    const ctx = scan(root, { newFiles: new Set(['shop/migrations/0002_remove_item_note.py']) });
    const parsed: string[] = [];
    const tree = ctx.workspace.tree.bind(ctx.workspace);
    ctx.workspace.tree = (f) => (parsed.push(f.rel), tree(f));
    const hits = drops.check(ctx).hits;
    expect(hits.map((h) => h.message.split(' ')[0])).toEqual(['shop.0002_remove_item_note']);
    expect(hits[0].message).toContain('drops the column item.note');
    expect([...new Set(parsed)].filter((r) => r.includes('/migrations/')).sort()).toEqual(['shop/migrations/0001_initial.py', 'shop/migrations/0002_remove_item_note.py', 'wiki/migrations/0001_squashed_0002.py']);
    // without a base every migration is judged (as a note), so every one is read
    const all = scan(root);
    expect(drops.check(all).hits.map((h) => [h.message.split(' ')[0], h.level])).toEqual([['shop.0002_remove_item_note', 'note']]);
    expect(migrationFiles(all).map((m) => [m.name, m.replaces.length, m.operations.length])).toEqual([
      ['0001_initial', 0, 1], ['0001_initial', 0, 1], ['0002_remove_item_note', 0, 1], ['0001_initial', 0, 1], ['0001_squashed_0002', 2, 0],
    ]);
  });
});
