/**
 * Which Python files are settings (src/project/settings-modules.ts isSettingsModuleFile) beside the production
 * chain, and which of the files non-production settings run are development-only (src/project/files.ts
 * devOnlySettingsFiles): only settings are — the project's code that test settings import stays production code.
 */
import { describe, expect, it } from 'vitest';
import { scan } from '../../src/project/scan';
import { productionPythonFiles } from '../../src/project/files';
import { projectDir } from '../support/cli';

const PROJECT = {
  'manage.py': 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "app.settings")\n',
  'app/__init__.py': '',
  'app/settings.py': 'import os\nSECRET_KEY = os.environ["SECRET_KEY"]\nDEBUG = False\nINSTALLED_APPS = ["shop"]\n',
  // development settings, one of them pulling in a module of development-only settings
  'app/settings_local.py': 'from .settings import *\nfrom .local_extras import *\nDEBUG = True\n',
  'app/local_extras.py': 'INTERNAL_IPS = ["127.0.0.1"]\n',
  // test settings that import the project's own code for a value
  'app/test_settings.py': 'from .settings import *\nfrom shop.constants import PAGE_SIZE\nREST_FRAMEWORK = {"PAGE_SIZE": PAGE_SIZE}\n',
  'shop/__init__.py': '',
  'shop/constants.py': 'from shop.models import Order\nPAGE_SIZE = 50\n',
  'shop/models.py': 'from django.db import models\n\nclass Order(models.Model):\n    total = models.IntegerField()\n',
  // named for settings, but a GraphQL mutation: it sets no Django setting
  'shop/mutations/__init__.py': '',
  'shop/mutations/shop_settings_update.py':
    'from shop.models import Order\nfrom shop.views import refresh\n\nclass ShopSettingsUpdate:\n    def mutate(self, info, page_size):\n        return refresh(Order, page_size)\n',
  'shop/views.py': 'def refresh(model, page_size):\n    return model.objects.all()[:page_size]\n',
  // named with a development word: thread-local storage is the project's code, a debug view and local settings are not
  'shop/local.py': 'import threading\n\nthread_local = threading.local()\n',
  'shop/debug.py': 'def dump(request):\n    return repr(request.META)\n',
  'app/local.py': 'from .settings import *\nDEBUG = True\n',
  'shop/backends/__init__.py': '',
  'shop/backends/local/__init__.py': 'class LocalAccountBackend:\n    pass\n',
  'shop/fixtures/make_orders.py': 'ORDERS = [1, 2, 3]\n',
  // tests named for settings
  'shop/tests/__init__.py': '',
  'shop/tests/test_shop_settings.py': 'from shop.mutations.shop_settings_update import ShopSettingsUpdate\n\ndef test_update():\n    assert ShopSettingsUpdate\n',
};

describe('settings modules beside production', () => {
  const ctx = scan(projectDir('dlg-settings-files-', PROJECT));
  const project = ctx.projects[0];
  const modules = project.settings.map((s) => s.module);

  it('evaluates the modules that read as settings, and not a mutation or a test merely named for settings', () => {
    expect(project.production?.module).toBe('app.settings');
    expect(modules).toEqual(expect.arrayContaining(['app.settings', 'app.settings_local', 'app.test_settings']));
    expect(modules).not.toContain('shop.mutations.shop_settings_update');
    expect(modules).not.toContain('shop.tests.test_shop_settings');
  });

  it('keeps the code test settings import in production, and only settings out of it', () => {
    const prod = productionPythonFiles(ctx, project).map((f) => f.rel);
    // the project's code, run by test settings for a value: production runs it too
    expect(prod).toEqual(expect.arrayContaining(['shop/constants.py', 'shop/models.py', 'shop/views.py', 'shop/mutations/shop_settings_update.py']));
    // development settings and the settings module only they pull in
    expect(prod).not.toContain('app/settings_local.py');
    expect(prod).not.toContain('app/local_extras.py');
    expect(prod).not.toContain('app/test_settings.py');
  });

  it('takes a module or package named `local` for the code of the project unless it sets Django settings', () => {
    const prod = productionPythonFiles(ctx, project).map((f) => f.rel);
    expect(prod).toContain('shop/local.py');
    expect(prod).toContain('shop/backends/local/__init__.py');
    expect(prod).not.toContain('shop/fixtures/make_orders.py');
    expect(prod).not.toContain('app/local.py');
    expect(prod).not.toContain('shop/debug.py');
  });
});
