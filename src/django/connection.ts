/**
 * A PostgreSQL database as the gates and the user's settings see it: its connection, the URL and the
 * variables (DATABASE_URL, DB_*, PG*, POSTGRES_*) that carry it to the user's Django, and the server the
 * environment names. Pure: no processes, no network — both src/django/postgres.ts and src/django/python.ts
 * need it, and neither imports the other for it.
 */
/** Where a database lives. `host` is a name, an IP or a Unix socket folder (starts with `/`). */
export interface PgConnection {
  host: string;
  port: number;
  user: string;
  password?: string;
  database: string;
}

/** The `postgres://` URL of a connection (dj-database-url, django-environ and psycopg all read it). */
export function connectionUrl(c: PgConnection): string {
  const auth = encodeURIComponent(c.user) + (c.password ? `:${encodeURIComponent(c.password)}` : '');
  const host = c.host.startsWith('/') ? encodeURIComponent(c.host) : c.host.includes(':') ? `[${c.host}]` : c.host;
  return `postgres://${auth}@${host}:${c.port}/${encodeURIComponent(c.database)}`;
}

/** `host:port` for messages (never the password). */
export function hostPort(c: Pick<PgConnection, 'host' | 'port'>): string {
  return `${c.host}:${c.port}`;
}

export class DatabaseUrlError extends Error {
  override name = 'DatabaseUrlError';
}

const PG_SCHEMES = ['postgres:', 'postgresql:', 'pgsql:', 'postgis:', 'psql:'];

/** Parse a PostgreSQL URL (`postgres://user:pass@host:5432/name`). Throws DatabaseUrlError on anything else. */
export function parseDatabaseUrl(url: string): PgConnection {
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    throw new DatabaseUrlError('database-url is not a URL — use postgres://USER:PASSWORD@HOST:5432/NAME');
  }
  if (!PG_SCHEMES.includes(u.protocol)) {
    throw new DatabaseUrlError(`database-url has scheme "${u.protocol.replace(/:$/, '')}", not postgres — use postgres://USER:PASSWORD@HOST:5432/NAME`);
  }
  let host = decodeURIComponent(u.hostname).replace(/^\[(.*)\]$/, '$1');
  const q = u.searchParams;
  if (!host && q.get('host')) host = q.get('host')!;
  const database = decodeURIComponent(u.pathname.replace(/^\//, '')) || q.get('dbname') || 'postgres';
  const port = u.port ? Number(u.port) : Number(q.get('port') || 5432);
  return {
    host: host || 'localhost',
    port,
    user: decodeURIComponent(u.username) || q.get('user') || 'postgres',
    ...(u.password ? { password: decodeURIComponent(u.password) } : q.get('password') ? { password: q.get('password')! } : {}),
    database,
  };
}

/** Names of the variables a database reaches the user's settings through (README documents them). */
export const DATABASE_ENV_NAMES = [
  'DATABASE_URL',
  'DB_NAME',
  'DB_USER',
  'DB_PASSWORD',
  'DB_HOST',
  'DB_PORT',
  'PGHOST',
  'PGPORT',
  'PGUSER',
  'PGPASSWORD',
  'PGDATABASE',
  'POSTGRES_DB',
  'POSTGRES_USER',
  'POSTGRES_PASSWORD',
  'POSTGRES_HOST',
  'POSTGRES_PORT',
] as const;

/** Every variable users' settings read a database from, all naming the same database. */
export function connectionEnv(c: PgConnection): Record<string, string> {
  const password = c.password ?? '';
  const port = String(c.port);
  return {
    DATABASE_URL: connectionUrl(c),
    DB_NAME: c.database,
    DB_USER: c.user,
    DB_PASSWORD: password,
    DB_HOST: c.host,
    DB_PORT: port,
    PGHOST: c.host,
    PGPORT: port,
    PGUSER: c.user,
    PGPASSWORD: password,
    PGDATABASE: c.database,
    POSTGRES_DB: c.database,
    POSTGRES_USER: c.user,
    POSTGRES_PASSWORD: password,
    POSTGRES_HOST: c.host,
    POSTGRES_PORT: port,
  };
}

/**
 * A PostgreSQL server configured in the environment, or undefined: DATABASE_URL (postgres scheme), else
 * DB_HOST (+ DB_PORT/DB_USER/DB_PASSWORD/DB_NAME), else PGHOST (+ PGPORT/PGUSER/PGPASSWORD/PGDATABASE).
 */
export function serverFromEnv(env: Record<string, string | undefined>): PgConnection | undefined {
  const url = env.DATABASE_URL?.trim();
  if (url) {
    try {
      return parseDatabaseUrl(url);
    } catch {
      // sqlite:// or mysql:// — not a PostgreSQL server to create databases on
    }
  }
  for (const p of [
    { host: 'DB_HOST', port: 'DB_PORT', user: 'DB_USER', password: 'DB_PASSWORD', name: 'DB_NAME' },
    { host: 'PGHOST', port: 'PGPORT', user: 'PGUSER', password: 'PGPASSWORD', name: 'PGDATABASE' },
  ]) {
    const host = env[p.host]?.trim();
    if (!host) continue;
    return {
      host,
      port: Number(env[p.port]?.trim() || 5432) || 5432,
      user: env[p.user]?.trim() || 'postgres',
      ...(env[p.password] ? { password: env[p.password]! } : {}),
      database: env[p.name]?.trim() || 'postgres',
    };
  }
  return undefined;
}
