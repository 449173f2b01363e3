import { ignoredPaths } from '../project/git-ignored';
import type { Rule, RuleHit } from './rule';

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
    const hits: RuleHit[] = [];
    for (const p of ctx.projects) {
      if (p.development || p.info.status !== 'missing') continue;
      // Kept out of the repository on purpose: .gitignore names it (every deployment writes its own)
      const paths = (m: string) => ['.py', '/__init__.py'].map((ext) => [p.root, `${m.replace(/\./g, '/')}${ext}`].filter(Boolean).join('/'));
      const ignored = ignoredPaths(ctx.workspace.root, p.resolution.missing.flatMap((m) => paths(m.module)));
      for (const m of p.resolution.missing) {
        if (!m.at) continue;
        const left = paths(m.module).find((x) => ignored.has(x));
        if (left) {
          hits.push({
            location: m.at,
            level: 'note',
            message: `${m.at.file} names the settings module \`${m.module}\`, which .gitignore keeps out of the repository (${left}): each deployment supplies its own, which the scan cannot read — no settings were judged. Name a module that is in the repository with --settings (the settings-module input) to check it.`,
          });
          continue;
        }
        hits.push({
          location: m.at,
          message: `${m.at.file} names the settings module \`${m.module}\`, which does not exist in the repository (no ${m.module.replace(/\./g, '/')}.py or package, no Dockerfile COPY or template that makes it): Django would fail to start with it, and no other settings were judged in its place.`,
        });
      }
    }
    return { hits };
  },
} satisfies Rule;
