/**
 * Metadata of the rule IDs the runtime gates define themselves (`launch.E2NN`), for the reporters (SARIF
 * driver rules, summary links, text "fix:" lines). Django's own check IDs (`security.W004`…) need none:
 * reporters describe them from the finding. Each ID here has its page docs/rules/<ID>.md.
 */
import type { RuleMeta } from '../finding';

export const RUNTIME_RULES: RuleMeta[] = [
  {
    id: 'launch.E201',
    name: 'test-fails',
    checklist: 'test-suite',
    level: 'error',
    title: 'A test fails or errors when the suite runs against PostgreSQL',
    fix: 'Fix the code or the test so the suite passes on the database production uses.',
    securitySeverity: 0,
    precision: 'very-high',
    tags: ['reliability', 'tests'],
  },
  {
    id: 'launch.E211',
    name: 'migration-missing',
    checklist: 'migrations',
    level: 'error',
    title: 'Models changed without a migration (makemigrations --check fails)',
    fix: 'Run manage.py makemigrations and commit the migration it writes.',
    securitySeverity: 0,
    precision: 'very-high',
    tags: ['reliability', 'migrations'],
  },
  {
    id: 'launch.E212',
    name: 'migration-fails-on-postgresql',
    checklist: 'migrations',
    level: 'error',
    title: 'A migration fails on an empty PostgreSQL database',
    fix: 'Make the migration work on PostgreSQL (portable SQL, data that fits the columns) and test migrate on PostgreSQL in CI.',
    securitySeverity: 0,
    precision: 'very-high',
    tags: ['reliability', 'migrations'],
  },
  {
    id: 'launch.E213',
    name: 'settings-ignore-database-url',
    checklist: 'migrations',
    level: 'error',
    title: 'The settings ignore DATABASE_URL / DB_* variables: Django used another database than the PostgreSQL provided',
    fix: 'Build DATABASES from the environment (DATABASE_URL with dj-database-url, or DB_NAME/DB_USER/DB_PASSWORD/DB_HOST/DB_PORT).',
    securitySeverity: 0,
    precision: 'very-high',
    tags: ['reliability', 'migrations'],
  },
  {
    id: 'launch.E214',
    name: 'migrations-unapplied',
    checklist: 'migrations',
    level: 'error',
    title: 'Migrations are not applied on the database (migrate --check fails)',
    fix: 'Run manage.py migrate against that database before (or as part of) the deploy.',
    securitySeverity: 0,
    precision: 'very-high',
    tags: ['reliability', 'migrations'],
  },
  {
    id: 'launch.E221',
    name: 'collectstatic-fails',
    checklist: 'static-files',
    level: 'error',
    title: 'collectstatic fails with the production storage, or a template names a static file that is not collected',
    fix: 'Fix the reference (or add the missing file) so collectstatic --noinput succeeds and every {% static %} name is in the manifest.',
    securitySeverity: 0,
    precision: 'very-high',
    tags: ['reliability'],
  },
];
