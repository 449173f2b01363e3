import type { Rule } from './rule';

/**
 * launch.E003: wsgi.py / asgi.py / manage.py name a settings module that exists nowhere in the repository
 * (no file, no COPY in a Dockerfile, no template or example it is made from). Production would fail to
 * start — and the scan judges nothing in its place.
 */
export default {
  meta: {
    id: 'launch.E003',
    name: 'settings-module-missing',
    checklist: 'settings',
    level: 'error',
    title: 'The settings module production is told to use does not exist',
    fix: 'Point DJANGO_SETTINGS_MODULE at a module that exists (or commit it), or name the production settings with --settings / settings-module.',
    securitySeverity: 0,
    precision: 'very-high',
    tags: ['reliability'],
  },
  check(ctx) {
    const hits = [];
    for (const p of ctx.projects) {
      if (p.development || p.info.status !== 'missing') continue;
      for (const m of p.resolution.missing) {
        if (!m.at) continue;
        hits.push({
          location: m.at,
          message: `${m.at.file} names the settings module \`${m.module}\`, which does not exist in the repository (no ${m.module.replace(/\./g, '/')}.py or package, no Dockerfile COPY or template that makes it): Django would fail to start with it, and no other settings were judged in its place.`,
        });
      }
    }
    return { hits };
  },
} satisfies Rule;
