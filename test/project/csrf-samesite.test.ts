/**
 * What launch.W120's fixture (lines only) cannot say: its warning tells what is left of the protection. With the
 * session cookie SameSite=Lax (Django's default) or Strict, today's browsers leave it off other sites' POSTs, so
 * the message must not claim that any website can forge the request; with SameSite=None, any website can.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scan } from '../../src/project/scan';
import rule from '../../src/rules/csrf-exempt';
import { tempDir } from '../support/tmp';

function messageWith(sameSite: string | undefined): string[] {
  const root = tempDir('dlg-csrf-samesite-');
  mkdirSync(join(root, 'app'));
  writeFileSync(join(root, 'manage.py'), 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "app.settings")\n');
  writeFileSync(join(root, 'app', '__init__.py'), '');
  writeFileSync(
    join(root, 'app', 'settings.py'),
    `DEBUG = False\nROOT_URLCONF = "app.urls"\n${sameSite === undefined ? '' : `SESSION_COOKIE_SAMESITE = ${sameSite}\n`}`,
  );
  writeFileSync(join(root, 'app', 'urls.py'), 'from django.urls import path\n\nfrom app import views\n\nurlpatterns = [path("email/", views.change_email)]\n');
  writeFileSync(
    join(root, 'app', 'views.py'),
    [
      'from django.contrib.auth.decorators import login_required',
      'from django.http import HttpResponse',
      'from django.views.decorators.csrf import csrf_exempt',
      '',
      '',
      '@csrf_exempt',
      '@login_required',
      'def change_email(request):',
      '    request.user.email = request.POST["email"]',
      '    request.user.save()',
      '    return HttpResponse("ok")',
      '',
    ].join('\n'),
  );
  return rule.check(scan(root)).hits.map((h) => `${h.level ?? rule.meta.level}: ${h.message}`);
}

describe('launch.W120 says what SameSite leaves', () => {
  it('Lax by default, or Strict: a warning that names SameSite and what gets past it, not "any website"', () => {
    for (const [value, named] of [[undefined, "Django's default, Lax"], ['"Strict"', 'SESSION_COOKIE_SAMESITE in']] as const) {
      const [m, ...rest] = messageWith(value);
      expect(rest).toEqual([]);
      expect(m).toMatch(/^warning: /);
      expect(m).toContain(named);
      expect(m).toContain('sibling subdomains');
      expect(m).not.toContain('any website');
    }
  });

  it('None (or unknown): any website can submit it with the session cookie', () => {
    for (const value of ['"None"', 'os.environ["SAMESITE"]']) {
      const [m] = messageWith(value);
      expect(m).toMatch(/^warning: /);
      expect(m).toContain('any website the user visits can submit this request');
    }
  });
});
