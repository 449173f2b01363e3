/**
 * Django's debug pages, recognised by the sentences only they print — taken from Django's own templates
 * (django/views/templates/technical_404.html, technical_500.html/.txt, default_urlconf.html and the CSRF
 * failure page in django/views/csrf.py / csrf_403.html) of Django 3.2, 4.2 and 5.2.
 *
 * Not `grep -i debug`: Django's non-debug CSRF failure page says "More information is available with
 * DEBUG=True", and a site may well print the word. Every phrase below is matched with any whitespace (the
 * templates break lines inside them), HTML tags between words (`<code>DEBUG = True</code>`), and the
 * apostrophe straight, curly (Django 3.0+ prints "You’re") or as an entity.
 */

const APOSTROPHE = `(?:'|\u2019|&#39;|&#x27;|&#8217;|&#x2019;|&rsquo;|&apos;)`;
/** Between two words: white space, or a tag (`<code>`), or both; around `=` there may be none. */
const GAP = '(?:\\s|&nbsp;|&#160;|<[^<>]{0,80}>)+';
const GAP_OPTIONAL = '(?:\\s|&nbsp;|&#160;|<[^<>]{0,80}>)*';

function phrase(text: string): RegExp {
  const words = text.split(/\s+/);
  let source = '';
  words.forEach((word, i) => {
    if (i > 0) source += word === '=' || words[i - 1] === '=' ? GAP_OPTIONAL : GAP;
    source += word
      .split("'")
      .map((piece) => piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join(APOSTROPHE);
  });
  return new RegExp(source, 'i');
}

export interface DebugMarker {
  /** Which Django page prints it. */
  page: string;
  /** The sentence, as the report quotes it. */
  text: string;
  re: RegExp;
}

export const DEBUG_MARKERS: readonly DebugMarker[] = [
  { page: "Django's technical 404 page", text: 'Using the URLconf defined in', re: phrase('Using the URLconf defined in') },
  { page: "Django's technical 404 page", text: 'Django tried these URL patterns', re: phrase('Django tried these URL patterns') },
  { page: "Django's debug page", text: "You're seeing this error because you have DEBUG = True", re: phrase("You're seeing this error because you have DEBUG = True") },
  { page: "Django's technical 500 page", text: 'Django Version:', re: phrase('Django Version:') },
  { page: "Django's CSRF failure page with DEBUG on", text: "You're seeing the help section of this page because you have DEBUG = True", re: phrase("You're seeing the help section of this page because you have DEBUG = True") },
  { page: "Django's default page of a project with no URLs (DEBUG on)", text: 'The install worked successfully! Congratulations!', re: phrase('The install worked successfully! Congratulations!') },
];

export interface DebugMatch {
  marker: DebugMarker;
  /** The exception a technical 500 page names in its title (`DisallowedHost at /`), when it does. */
  exception?: string;
}

/** The first Django debug marker in a body, or undefined. */
export function findDebugPage(body: string): DebugMatch | undefined {
  for (const marker of DEBUG_MARKERS) {
    if (marker.re.test(body)) {
      const exception = /<title>\s*([A-Za-z_][\w.]*)\s+at\s+/i.exec(body)?.[1] ?? /^([A-Za-z_][\w.]*) at \S+\s*$/m.exec(body.slice(0, 400))?.[1];
      return { marker, ...(exception ? { exception } : {}) };
    }
  }
  return undefined;
}
