/**
 * The view index (src/project/views.ts) is facts — file, range, route — built in one pass a file at a time:
 * the rules gate builds it before the view rules (prepareViews), letting the trees go whenever the source held
 * passes a limit, and a view's node is found again when a rule asks for it. Here the limit is one character (the
 * trees let go after every file), and the index must be findViews' built at once on a fresh scan of the same
 * tree — every view, in order, with its route, its route's view argument, its class, and what each route
 * resolves to — over the view rules' fixtures, the example app and a generated monolith.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { scan, type ScanContext } from '../../src/project/scan';
import { shortcuts } from '../../src/project/shortcuts';
import { findViews, prepareViews, routeCalls, routeTarget, targetNode } from '../../src/project/views';
// @ts-expect-error plain ESM script without types
import { generateMonolith } from '../../bench/monolith.mjs';
import { tempDir } from '../support/tmp';

const ROOT = join(__dirname, '..', '..');
const was = { ...shortcuts };
afterEach(() => void Object.assign(shortcuts, was));

/** Everything the index says, nodes read back as text: what a rule could see of it. */
function describeIndex(ctx: ScanContext) {
  const v = findViews(ctx);
  const functions = v.functions.map((f) => [f.key, f.label, f.file.rel, f.node.type, f.node.text.split('\n')[0], f.route, f.routeView?.text, f.drf, f.clsKey, f.cls?.childForFieldName('name')?.text]);
  const classes = v.classes.map((c) => [c.key, c.name, c.file.rel, c.node.childForFieldName('name')?.text, c.route, c.routeView?.text, c.drf]);
  const targets = routeCalls(ctx).map((r) => {
    const t = routeTarget(ctx, r);
    return t ? [r.file.rel, r.call.startIndex, t.q, t.ref.file.rel, t.ref.start, t.name, t.ref.type, t.ancestors, targetNode(ctx, t).childForFieldName('name')?.text] : [r.file.rel, r.call.startIndex];
  });
  return { functions, classes, targets };
}

async function bothWays(dir: string) {
  const atOnce = describeIndex(scan(dir));
  shortcuts.viewIndexChars = 1;
  const ctx = scan(dir);
  await prepareViews(ctx);
  // the trees the index was built from are gone: every node is found again in a new parse
  ctx.workspace.releaseTrees();
  const byFiles = describeIndex(ctx);
  return { atOnce, byFiles };
}

const DIRS = ['launch.W080', 'launch.W110', 'launch.W120', 'launch.W121', 'launch.E122', 'launch.W123', 'launch.W124', 'launch.E125']
  .map((id) => join(ROOT, 'test', 'rules', id))
  .concat([join(ROOT, 'example'), join(ROOT, 'test', 'fixtures', 'hardened')]);

describe('the view index built a file at a time is the index built at once', () => {
  for (const dir of DIRS) {
    it(dir.slice(ROOT.length + 1), async () => {
      expect(existsSync(dir)).toBe(true);
      const { atOnce, byFiles } = await bothWays(dir);
      expect(atOnce.functions.length).toBeGreaterThan(0);
      expect(byFiles).toEqual(atOnce);
    }, 60_000);
  }

  it('a generated monolith (routes, DRF routers and view modules in many apps)', async () => {
    const dir = generateMonolith(tempDir('dlg-views-'), 40_000).dir as string;
    const { atOnce, byFiles } = await bothWays(dir);
    expect(atOnce.classes.length).toBeGreaterThan(20);
    expect(atOnce.targets.filter((t) => t.length > 2).length).toBeGreaterThan(20);
    // function views and methods of class-based views both, routed
    expect(atOnce.functions.some((f) => f[8] === undefined && f[5] !== undefined)).toBe(true);
    expect(atOnce.functions.some((f) => f[8] !== undefined && f[5] !== undefined)).toBe(true);
    expect(byFiles).toEqual(atOnce);
  }, 120_000);
});

describe('the order of the index', () => {
  it('routed views first (every URLconf, then the routers), then the views found by their definitions, whatever the file order', async () => {
    const dir = tempDir('dlg-views-order-');
    const put = (rel: string, text: string) => {
      mkdirSync(join(dir, rel, '..'), { recursive: true });
      writeFileSync(join(dir, rel), text);
    };
    put('manage.py', 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "site_conf.settings")\n');
    put('site_conf/__init__.py', '');
    put('site_conf/settings.py', 'import os\nSECRET_KEY = os.environ["SECRET_KEY"]\nDEBUG = False\nROOT_URLCONF = "zzz.urls"\n');
    // aaa/views.py comes before zzz/urls.py in file order; its unrouted view before the routed one
    put('aaa/__init__.py', '');
    put('aaa/views.py', 'from django.views import View\n\n\ndef unrouted(request):\n    return None\n\n\nclass Plain(View):\n    pass\n\n\ndef routed(request):\n    return None\n\n\nclass Routed(View):\n    pass\n');
    // named elsewhere, so the unrouted view is kept (one nothing names is dead code: unnamed.ts)
    put('aaa/links.py', 'from aaa.views import unrouted\n\nLINKS = [unrouted]\n');
    put('zzz/__init__.py', '');
    put('zzz/urls.py', 'from django.urls import path\n\nfrom aaa import views\n\nurlpatterns = [path("r/", views.routed), path("c/", views.Routed.as_view())]\n');
    for (const chars of [Number.MAX_SAFE_INTEGER, 1]) {
      shortcuts.viewIndexChars = chars;
      const ctx = scan(dir);
      await prepareViews(ctx);
      const v = findViews(ctx);
      expect(v.functions.filter((f) => !f.clsKey).map((f) => [f.label, f.route?.file])).toEqual([
        ['routed', 'zzz/urls.py'],
        ['unrouted', undefined],
      ]);
      expect(v.classes.map((c) => [c.name, c.route?.file])).toEqual([
        ['Routed', 'zzz/urls.py'],
        ['Plain', undefined],
      ]);
    }
  });
});
