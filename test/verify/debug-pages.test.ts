/**
 * Django's debug-page markers (src/verify/markers.ts) against bodies rendered by Django itself — 3.2 (Debian's),
 * 4.2 and 5.2 (.cache/django/, scripts/django-versions.sh) — by test/verify/django_pages.py: the technical 404
 * (resolver and raised Http404), the technical 500 (HTML and plain text), the DisallowedHost page, the
 * default "install worked" page and the CSRF failure page with DEBUG on are all caught, with the apostrophe
 * straight, curly or an entity and the whitespace reflowed; the same pages with DEBUG off — the CSRF failure page
 * saying "More information is available with DEBUG=True" included — are not.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEBUG_MARKERS, findDebugPage } from '../../src/verify/markers';
import { djangoVersions } from '../support/django';

const SCRIPT = join(__dirname, 'django_pages.py');
const DEBUG_PAGES = ['debug-404-resolver', 'debug-404-raised', 'debug-500', 'debug-500-text', 'debug-400-disallowed-host', 'debug-403-csrf', 'debug-default-urlconf'];
const PRODUCTION_PAGES = ['production-404-resolver', 'production-404-raised', 'production-500', 'production-400-disallowed-host', 'production-403-csrf'];

const tmp = mkdtempSync(join(tmpdir(), 'dlg-django-pages-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Every page of one Django version, rendered by Django. */
function render(v: ReturnType<typeof djangoVersions>[number]): Record<string, string> {
  const out = join(tmp, v.version);
  const r = spawnSync(v.python, [SCRIPT, out], { encoding: 'utf8', env: v.env as NodeJS.ProcessEnv });
  expect(r.status, r.stderr).toBe(0);
  const meta = JSON.parse(r.stdout.trim().split('\n').pop()!) as { django: string; pages: Record<string, number> };
  expect(meta.django.startsWith(v.version)).toBe(true);
  return Object.fromEntries(Object.keys(meta.pages).map((name) => [name, readFileSync(join(out, `${name}.html`), 'utf8')]));
}

/** The same text as another page could print it: straight apostrophes, or entities, and the lines reflowed. */
const variants: Record<string, (s: string) => string> = {
  'as Django renders it': (s) => s,
  'straight apostrophe': (s) => s.replaceAll('\u2019', "'"),
  "apostrophe as &#x27;": (s) => s.replaceAll('\u2019', '&#x27;'),
  'apostrophe as &rsquo;': (s) => s.replaceAll('\u2019', '&rsquo;'),
  'whitespace reflowed (one line, runs of spaces)': (s) => s.replace(/\s+/g, '  '),
  'whitespace reflowed (a line break between every word)': (s) => s.replace(/ +/g, '\n\t'),
};

for (const v of djangoVersions()) {
  if (v.missing) {
    it.skip(`Django ${v.version}: skipped — ${v.missing}`, () => {});
    continue;
  }
  describe(`Django ${v.version}'s own pages`, () => {
    const pages = render(v);

    it('renders every page, the debug ones with the curly apostrophe Django prints since 3.0', () => {
      expect(Object.keys(pages).sort()).toEqual([...DEBUG_PAGES, ...PRODUCTION_PAGES].sort());
      expect(pages['debug-404-resolver']).toContain('You\u2019re seeing this error because you have');
      expect(pages['production-403-csrf']).toContain('More information is available with DEBUG=True');
    });

    for (const name of DEBUG_PAGES) {
      for (const [how, change] of Object.entries(variants)) {
        it(`${name} (${how}) is a debug page`, () => {
          expect(findDebugPage(change(pages[name])), pages[name].slice(0, 300)).toBeDefined();
        });
      }
    }

    // The apostrophe sentences on their own (no other marker helping): every variant of every page that prints one.
    const seeing = DEBUG_MARKERS.filter((m) => m.text.startsWith("You're seeing"));
    for (const name of DEBUG_PAGES) {
      it(`${name}: its "You're seeing …" sentence itself is matched in every variant`, () => {
        const printed = seeing.filter((m) => m.re.test(pages[name]));
        if (name === 'debug-default-urlconf') expect(printed).toEqual([]);
        else expect(printed.length, name).toBe(1);
        for (const [how, change] of Object.entries(variants)) for (const m of printed) expect(m.re.test(change(pages[name])), `${how}: ${m.text}`).toBe(true);
      });
    }

    it('the DisallowedHost page names its exception', () => {
      expect(findDebugPage(pages['debug-400-disallowed-host'])?.exception).toBe('DisallowedHost');
    });

    for (const name of PRODUCTION_PAGES) {
      it(`${name} (DEBUG off) is not a debug page`, () => {
        expect(findDebugPage(pages[name])).toBeUndefined();
      });
    }

    it('"More information is available with DEBUG=True" — the grep -i debug false positive — is not a debug page', () => {
      expect(/debug/i.test(pages['production-403-csrf'])).toBe(true);
      expect(findDebugPage(pages['production-403-csrf'])).toBeUndefined();
    });
  });
}
