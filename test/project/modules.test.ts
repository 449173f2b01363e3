/**
 * PyIndex.imports finds its import statements by the lines that hold the keyword `import` (a walk of only
 * the subtrees spanning them) when the shortcuts are on, and by tree-sitter's search of the whole tree when
 * they are off. Both must bind the same names, whatever line the keyword sits on.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PyIndex } from '../../src/project/modules';
import { scan } from '../../src/project/scan';
import { withoutShortcuts } from '../../src/project/shortcuts';
import { tempDir } from '../support/tmp';

const SOURCE = [
  '"""A module whose imports sit where a line-based search could miss them."""',
  'from django.db import \\',
  '    models',
  'from django.db.models \\',
  '    import FileField as Upload',
  'from .import signals',
  'from . import (',
  '    forms as f,  # a comment',
  '    admin',
  ')',
  'import os.path, json as j',
  '',
  'class Thing(models.Model):',
  '    name = models.CharField(max_length=10)',
  '',
  '    def late(self):',
  '        from billing import tasks',
  '        if True:',
  '            import decimal as dec',
  '        return tasks, dec',
  '',
  'text = "not an import statement: import this"',
  '',
].join('\n');

function bindings(dir: string): Record<string, unknown> {
  const ctx = scan(dir, { env: {} });
  const file = ctx.workspace.get('shop/models.py')!;
  return Object.fromEntries(PyIndex.of(ctx).imports(file));
}

describe('PyIndex.imports', () => {
  it('binds the same names with the line search as with the whole-tree search', () => {
    const dir = tempDir('dlg-imports-');
    writeFileSync(join(dir, 'manage.py'), 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings")\n');
    writeFileSync(join(dir, 'settings.py'), 'INSTALLED_APPS = ["shop"]\n');
    const shop = join(dir, 'shop');
    mkdirSync(shop);
    writeFileSync(join(shop, '__init__.py'), '');
    writeFileSync(join(shop, 'models.py'), SOURCE);
    const fast = bindings(dir);
    const slow = withoutShortcuts(() => bindings(dir));
    expect(fast).toEqual(slow);
    expect(fast).toMatchObject({
      models: { module: 'django.db', name: 'models' },
      Upload: { module: 'django.db.models', name: 'FileField' },
      signals: { module: 'shop', name: 'signals' },
      f: { module: 'shop', name: 'forms' },
      admin: { module: 'shop', name: 'admin' },
      os: { module: 'os' },
      j: { module: 'json' },
      tasks: { module: 'billing', name: 'tasks' },
      dec: { module: 'decimal' },
    });
  });
});
