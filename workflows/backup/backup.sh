#!/bin/sh
# backup.sh — dump a PostgreSQL database (pg_dump custom format) into a folder, and apply the retention.
#
#   DATABASE_URL=postgres://USER:PASSWORD@HOST:5432/NAME backup.sh DEST_DIR
#
# Writes DEST_DIR/<BACKUP_NAME>-<UTC time>.dump (e.g. shop-20250102T030405Z.dump; mode 0600, the folder is
# created 0700) and prints its path — the only line on stdout. The dump is written under a temporary name
# and renamed once pg_dump has finished and pg_restore --list can read it back, so a failed or cut-off
# dump never looks like a backup. Then, and only then, the retention: dumps of the same name in DEST_DIR
# that are RETENTION_DAYS days old or older are deleted (other files are never touched).
# A dump is only a backup once it has been restored: restore-check.sh does that.
#
# Environment:
#   DATABASE_URL     the database (required); read from the environment, never from the command line, and
#                    handed to pg_dump as libpq variables: the password is in no process's arguments, and
#                    is shown as *** in every message (query parameters: sslmode, sslrootcert, … see pg-url.sh)
#   BACKUP_NAME      file name prefix (default: the database name)
#   RETENTION_DAYS   delete dumps this many days old or older (default: 30; 0 keeps every dump)
#   PG_BIN           folder of pg_dump/pg_restore (default: PATH). pg_dump must be at least the server's
#                    major version.
# Messages go to stderr. Exit codes: 0 backed up; 1 pg_dump failed (nothing left in DEST_DIR); 2 usage.

set -u
ME=backup.sh
LC_ALL=C
export LC_ALL
umask 077

# shellcheck source=pg-url.sh source-path=SCRIPTDIR
. "$(dirname "$0")/pg-url.sh" || exit 2

PARTIAL=
OUT=
# shellcheck disable=SC2317 # called by the EXIT trap
cleanup() {
  [ -n "$PARTIAL" ] && rm -f "$PARTIAL"
  [ -n "$OUT" ] && rm -f "$OUT"
  return 0
}
trap cleanup EXIT
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 143' TERM

say() { printf '%s: %s\n' "$ME" "$*" | pg_mask >&2; }
quit() { code=$1; shift; say "$*"; exit "$code"; }
usage() {
  printf '%s\n' "usage: DATABASE_URL=postgres://USER:PASSWORD@HOST:PORT/NAME backup.sh DEST_DIR" >&2
  [ $# -gt 0 ] && say "$*"
  exit 2
}

[ $# -eq 1 ] || usage "expected 1 argument (DEST_DIR), got $#"
case $1 in -h | --help) sed -n '2,/^$/s/^# \{0,1\}//p' "$0"; exit 0 ;; esac
DEST=$1
[ -n "${DATABASE_URL:-}" ] || usage "DATABASE_URL is not set"
pg_url_load "$DATABASE_URL" || usage "DATABASE_URL: $PG_URL_ERROR"
RETENTION_DAYS=${RETENTION_DAYS:-30}
case $RETENTION_DAYS in '' | *[!0-9]*) usage "RETENTION_DAYS must be a whole number of days, not '$RETENTION_DAYS'" ;; esac
NAME=$(printf '%s' "${BACKUP_NAME:-$PGDATABASE}" | tr -c 'A-Za-z0-9._-' '_')
[ -n "$NAME" ] || usage "BACKUP_NAME is empty"
PG_DUMP=pg_dump
PG_RESTORE=pg_restore
if [ -n "${PG_BIN:-}" ]; then PG_DUMP=$PG_BIN/pg_dump PG_RESTORE=$PG_BIN/pg_restore; fi

mkdir -p "$DEST" || usage "cannot create $DEST"
DEST=$(cd "$DEST" && pwd) || usage "cannot enter $DEST"
OUT=$(mktemp) || quit 1 "cannot create a temporary file"

stamp=$(date -u +%Y%m%dT%H%M%SZ)
while [ -e "$DEST/$NAME-$stamp.dump" ]; do
  sleep 1
  stamp=$(date -u +%Y%m%dT%H%M%SZ)
done
file=$DEST/$NAME-$stamp.dump
PARTIAL=$DEST/.$NAME-$stamp.dump.partial

say "pg_dump of $PG_URL_SHOWN"
started=$(date +%s)
"$PG_DUMP" --format=custom --no-password --file="$PARTIAL" >"$OUT" 2>&1
rc=$?
pg_mask <"$OUT" >&2
[ "$rc" -eq 0 ] || quit 1 "pg_dump failed (exit $rc) for $PG_URL_SHOWN — no dump written"
"$PG_RESTORE" --list "$PARTIAL" >/dev/null 2>"$OUT"
rc=$?
pg_mask <"$OUT" >&2
[ "$rc" -eq 0 ] || quit 1 "pg_restore --list cannot read the dump pg_dump wrote (exit $rc) — no dump written"
mv "$PARTIAL" "$file" || quit 1 "cannot rename the dump to $file"
PARTIAL=
size=$(wc -c <"$file" | tr -d ' ')
say "wrote $file ($size bytes in $(($(date +%s) - started)) s)"

if [ "$RETENTION_DAYS" -gt 0 ]; then
  # -mtime +N: N+1 full days old or older
  find "$DEST" -maxdepth 1 -type f \( -name "$NAME-[0-9]*T[0-9]*Z.dump" -o -name ".$NAME-[0-9]*T[0-9]*Z.dump.partial" \) \
    -mtime +"$((RETENTION_DAYS - 1))" | sort | while IFS= read -r old; do
    [ "$old" = "$file" ] && continue
    rm -f "$old" && say "retention: removed $old ($RETENTION_DAYS days old or older)"
  done
fi

printf '%s\n' "$file"
exit 0
