/**
 * The Django versions the runtime gates are tested on: 3.2 is Debian bookworm's (system /usr/bin/python3),
 * 4.2 and 5.2 are unpacked by scripts/django-versions.sh into .cache/django/<version>/ and put first on
 * PYTHONPATH for the same /usr/bin/python3. A version whose folder is missing is reported with the reason.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');
export const SYSTEM_PYTHON = '/usr/bin/python3';

export interface DjangoVersion {
  /** '3.2', '4.2' or '5.2'. */
  version: string;
  python: string;
  /** Environment for the user's Django: process env with PYTHONPATH set for this version (unset for 3.2). */
  env: Record<string, string | undefined>;
  /** Why this version cannot run here (folder or interpreter missing); undefined when it can. */
  missing?: string;
}

function baseEnv(): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = { ...process.env };
  for (const k of ['PYTHONPATH', 'DJANGO_SETTINGS_MODULE', 'PYTHONHOME', 'VIRTUAL_ENV']) delete env[k];
  return env;
}

export function djangoVersions(): DjangoVersion[] {
  const out: DjangoVersion[] = [];
  const noPython = existsSync(SYSTEM_PYTHON) ? undefined : `${SYSTEM_PYTHON} is missing (install python3 from apt)`;
  out.push({
    version: '3.2',
    python: SYSTEM_PYTHON,
    env: baseEnv(),
    missing: noPython ?? (existsSync('/usr/lib/python3/dist-packages/django/__init__.py') ? undefined : "Debian's python3-django is not installed (scripts/test-all.sh installs it)"),
  });
  for (const version of ['4.2', '5.2']) {
    const site = join(ROOT, '.cache', 'django', version, 'usr', 'lib', 'python3', 'dist-packages');
    out.push({
      version,
      python: SYSTEM_PYTHON,
      env: { ...baseEnv(), PYTHONPATH: site },
      missing: noPython ?? (existsSync(join(site, 'django', '__init__.py')) ? undefined : `${site} is missing — run npm run django:versions (scripts/django-versions.sh)`),
    });
  }
  return out;
}

/** A SECRET_KEY Django's security.W009 accepts (long, varied, no django-insecure- prefix). */
export const STRONG_SECRET_KEY = 'k3J9x!vQ2m#Lp8Zr@W5t&Yh1Nc^Bs6Df*Gu0Ae(Ri7Oj)Kl4Mn-Pq_Sv+Tw=Xy';

/** What test/fixtures/hardened's production settings need; DB_* point at nothing (deploy checks do not connect). */
export const HARDENED_ENV: Record<string, string> = {
  DJANGO_SECRET_KEY: STRONG_SECRET_KEY,
  DJANGO_ALLOWED_HOSTS: 'shop.example.com',
  DB_NAME: 'shop',
  DB_USER: 'shop',
  DB_PASSWORD: 'not-a-real-password-1234',
  DB_HOST: '/nonexistent',
  DB_PORT: '5432',
  AWS_STORAGE_BUCKET_NAME: 'shop-uploads',
  CELERY_BROKER_URL: 'redis://127.0.0.1:1/0',
};

/** What example/'s webhooks project needs to import its settings (the other two need nothing). */
export const EXAMPLE_ENV: Record<string, string> = {
  DB_PASSWORD: 'not-a-real-password-1234',
  STRIPE_WEBHOOK_SECRET: 'whsec_not_a_real_secret_1234',
  // example/newsletter reads these (its deploy/production.env commits them — the launch.E038 it shows)
  NEWSLETTER_SECRET_KEY: 'test-only-newsletter-key-9f8e7d6c5b4a3928170f1e2d3c4b5a69788',
  DB_NAME: 'newsletter',
  DB_USER: 'newsletter',
  DB_HOST: 'localhost',
  // and the administrators' address, which the deploy supplies (not committed)
  NEWSLETTER_ADMIN_EMAIL: 'ops@news.invalid',
};
