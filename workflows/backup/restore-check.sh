#!/bin/sh
# restore-check.sh — prove a dump is a backup: restore it into an empty database, then (with PROJECT_DIR)
# check that the code's migrations are all applied in it.
#
#   restore-check.sh DUMP DATABASE_URL [PROJECT_DIR]
#
# DUMP          a pg_dump custom-format archive (backup.sh's output)
# DATABASE_URL  postgres://USER:PASSWORD@HOST:PORT/NAME — the database to restore into: created when it does
#               not exist (through the server's `postgres` database), used when it exists and is empty,
#               refused when it holds any table (restore-check never restores over data). A CI service
#               container is the usual target. The password is shown as *** in every message, and handed
#               to the PostgreSQL tools as PGPASSWORD, never on their command line.
# PROJECT_DIR   the Django project (the folder with manage.py) whose migrations the dump must have: after the
#               restore, `python manage.py migrate --check` runs there with DATABASE_URL set to the restored
#               database (the settings must read DATABASE_URL; DJANGO_SETTINGS_MODULE and the rest of the
#               environment are passed through). A dump whose schema is behind the code fails, naming the
#               unapplied migrations.
#
# Steps: pg_restore --list (the file is a readable archive), create or check the database, pg_restore
# --no-owner --no-privileges --exit-on-error, count the restored tables, migrate --check.
# Environment: PYTHON (for manage.py; default python3), PG_BIN (folder of psql/pg_restore; default PATH).
# Output: progress and the tools' output (masked) on stdout; on failure one line on stderr:
#   restore-check.sh: migrate --check failed (exit 1) — the dump's schema is behind the code in app/: unapplied notes.0002_note_done
# Exit codes: 0 restored (and migrate --check passed); 1 a step failed; 2 usage.

set -u
ME=restore-check.sh
LC_ALL=C
export LC_ALL

# shellcheck source=pg-url.sh source-path=SCRIPTDIR
. "$(dirname "$0")/pg-url.sh" || exit 2

OUT=
# shellcheck disable=SC2317 # called by the EXIT trap
cleanup() {
  [ -n "$OUT" ] && rm -f "$OUT"
  return 0
}
trap cleanup EXIT
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 143' TERM

say() { printf '%s: %s\n' "$ME" "$*" | pg_mask; }
quit() { code=$1; shift; printf '%s: %s\n' "$ME" "$*" | pg_mask >&2; exit "$code"; }
usage() {
  printf '%s\n' "usage: restore-check.sh DUMP DATABASE_URL [PROJECT_DIR]" >&2
  [ $# -gt 0 ] && quit 2 "$*"
  exit 2
}
# run a tool, its output masked onto stdout; returns its exit code
tool() {
  "$@" >"$OUT" 2>&1
  _rc=$?
  pg_mask <"$OUT"
  return "$_rc"
}

case ${1:-} in -h | --help) sed -n '2,/^$/s/^# \{0,1\}//p' "$0"; exit 0 ;; esac
[ $# -eq 2 ] || [ $# -eq 3 ] || usage "expected 2 or 3 arguments, got $#"
DUMP=$1
URL=$2
PROJECT_DIR=${3:-}
pg_url_load "$URL" || usage "DATABASE_URL: $PG_URL_ERROR"
[ -f "$DUMP" ] || usage "no such file: $DUMP"
if [ -n "$PROJECT_DIR" ] && [ ! -f "$PROJECT_DIR/manage.py" ]; then usage "no manage.py in $PROJECT_DIR"; fi
PYTHON=${PYTHON:-python3}
PSQL=psql
PG_RESTORE=pg_restore
if [ -n "${PG_BIN:-}" ]; then PSQL=$PG_BIN/psql PG_RESTORE=$PG_BIN/pg_restore; fi
OUT=$(mktemp) || quit 1 "cannot create a temporary file"
DB=$PGDATABASE

# the archive is readable
"$PG_RESTORE" --list "$DUMP" >/dev/null 2>"$OUT"
rc=$?
if [ "$rc" -ne 0 ]; then
  pg_mask <"$OUT"
  quit 1 "pg_restore --list failed (exit $rc) — $DUMP is not a readable pg_dump custom-format archive"
fi

# psql with the query on stdin (psql variables are interpolated there, quoted by :'name' / :"name")
sql() { printf '%s\n' "$1" | "$PSQL" -X -q -t -A -w -v ON_ERROR_STOP=1 -v db="$DB" -f - >"$OUT" 2>&1; }
RELATIONS="SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
    AND n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\\_%';"

# an empty database: created, or checked empty
if sql "$RELATIONS"; then
  n=$(tr -d ' \n' <"$OUT")
  [ "$n" = 0 ] || quit 1 "$PG_URL_SHOWN is not empty ($n tables, views or sequences) — restore-check restores only into an empty database"
  say "restoring into the existing empty database $PG_URL_SHOWN"
else
  (PGDATABASE=postgres && sql "CREATE DATABASE :\"db\";")
  rc=$?
  if [ "$rc" -ne 0 ]; then
    pg_mask <"$OUT"
    quit 1 "cannot create the database $DB (psql exit $rc) on $PG_URL_SHOWN"
  fi
  say "created the database $PG_URL_SHOWN"
fi

# restore
say "pg_restore --no-owner --no-privileges --exit-on-error $DUMP"
tool "$PG_RESTORE" --no-owner --no-privileges --exit-on-error --no-password --dbname="$DB" "$DUMP"
rc=$?
[ "$rc" -eq 0 ] || quit 1 "pg_restore failed (exit $rc) — $DUMP did not restore into $PG_URL_SHOWN"
sql "$RELATIONS"
n=$(tr -d ' \n' <"$OUT")
say "restored $DUMP into $PG_URL_SHOWN: $n tables, views and sequences"

[ -n "$PROJECT_DIR" ] || exit 0

# the code's migrations are all in the dump
say "migrate --check in $PROJECT_DIR"
(cd "$PROJECT_DIR" && DATABASE_URL=$URL && export DATABASE_URL && tool "$PYTHON" manage.py migrate --check)
rc=$?
if [ "$rc" -ne 0 ]; then
  (cd "$PROJECT_DIR" && DATABASE_URL=$URL && export DATABASE_URL && "$PYTHON" manage.py showmigrations --plan >"$OUT" 2>&1)
  pending=$(sed -n 's/^\[ \] *//p' "$OUT" | tr '\n' ' ' | sed 's/ $//')
  if [ -n "$pending" ]; then
    quit 1 "migrate --check failed (exit $rc) — the dump's schema is behind the code in $PROJECT_DIR: unapplied $pending"
  fi
  quit 1 "migrate --check failed (exit $rc) in $PROJECT_DIR"
fi
say "migrate --check passed: every migration of $PROJECT_DIR is applied in the restored database"
exit 0
