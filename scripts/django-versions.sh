#!/usr/bin/env bash
# `npm run django:versions` — the Django versions the runtime gates are tested on, from Debian's archive:
#   3.2  the system's python3-django (bookworm), seen by /usr/bin/python3 — nothing to fetch;
#   4.2  python3-django from bookworm-backports  → .cache/django/4.2/
#   5.2  python3-django from sid                 → .cache/django/5.2/
# plus sid's python3-asgiref and python3-sqlparse in both (Django 4.2/5.2 need newer ones than bookworm's),
# sid's python3-sentry-sdk (the fixtures' settings import it; bookworm's does not work with Django 5), and sid's
# libjs-jquery (the admin's jquery.js is a relative symlink into it, which collectstatic follows).
# Each is `apt-get download`ed under a temporary sources list (the machine's apt setup is not touched) and
# unpacked with `dpkg -x`; use it as PYTHONPATH=.cache/django/<v>/usr/lib/python3/dist-packages /usr/bin/python3.
# Idempotent: a version whose folder already imports as that version, with the same EXTRAS, is skipped. The archive's address is
# taken from the machine's own apt sources (or DEBIAN_MIRROR=http://…/debian): scripts/debian-apt.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

CACHE=.cache/django
# bookworm's sentry-sdk 1.9 breaks Django 5's signal dispatch (migrate's pre_migrate: "'tuple' object does not
# support item assignment"); sid's works with 3.2 to 5.2.
EXTRAS="python3-asgiref python3-sqlparse python3-sentry-sdk libjs-jquery"
PY=/usr/bin/python3
SITE=usr/lib/python3/dist-packages

django_version() { # folder → version it imports, or nothing
  PYTHONPATH="$1/$SITE" "$PY" -S -c 'import sys; sys.path.insert(0, sys.argv[1]); import django; print(django.get_version())' "$1/$SITE" 2>/dev/null || true
}

need=()
for v in 4.2 5.2; do
  have=$(django_version "$CACHE/$v")
  if [[ ( "$have" == "$v" || "$have" == "$v".* ) && "$(cat "$CACHE/$v/.extras" 2>/dev/null)" == "$EXTRAS" ]]; then
    echo "django-versions: Django $have already in $CACHE/$v"
  else
    need+=("$v")
  fi
done
if [ "${#need[@]}" -eq 0 ]; then exit 0; fi

# shellcheck source=scripts/debian-apt.sh
source scripts/debian-apt.sh
echo "django-versions: reading bookworm-backports and sid package lists"
temp_apt "" bookworm-backports sid

fetch() { # package/suite → path of the downloaded .deb
  local spec=$1 name=${1%%/*}
  (cd "$tmp/debs" && rm -f "${name}"_*.deb && apt-get "${APT_OPTS[@]}" download "$spec" >"$tmp/download.log" 2>&1) || {
    cat "$tmp/download.log" >&2
    exit 1
  }
  ls "$tmp/debs/${name}"_*.deb
}

extras=()
for p in $EXTRAS; do extras+=("$(fetch "$p/sid")"); done
for v in "${need[@]}"; do
  case $v in
    4.2) deb=$(fetch python3-django/bookworm-backports) ;;
    5.2) deb=$(fetch python3-django/sid) ;;
  esac
  rm -rf "$CACHE/$v" "$CACHE/$v.partial"
  mkdir -p "$CACHE/$v.partial"
  for d in "$deb" "${extras[@]}"; do dpkg -x "$d" "$CACHE/$v.partial"; done
  dangling=$(find "$CACHE/$v.partial" -xtype l | head -n 5)
  if [ -n "$dangling" ]; then
    echo "django-versions: symlinks into packages not fetched: $dangling — add their packages to EXTRAS" >&2
    exit 1
  fi
  echo "$EXTRAS" >"$CACHE/$v.partial/.extras"
  got=$(django_version "$CACHE/$v.partial")
  if [[ "$got" != "$v" && "$got" != "$v".* ]]; then
    echo "django-versions: $(basename "$deb") gives Django '${got:-(does not import)}', not $v — the archive moved on; update scripts/django-versions.sh" >&2
    exit 1
  fi
  mv "$CACHE/$v.partial" "$CACHE/$v"
  echo "django-versions: Django $got in $CACHE/$v ($(basename "$deb"))"
done
