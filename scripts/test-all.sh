#!/usr/bin/env bash
# `npm run test:all` — the whole test suite from a fresh clone (README's test command; .ci/run calls it).
# On a fresh Debian/Ubuntu machine as root, with only the npm registry and Debian's apt reachable:
# installs what the tests read (Debian's Django, the packages the fixtures import, the real-world corpus),
# then `npm ci` and `npm test`, whose last line is `N passed, N failed`.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages the tests need: Django itself and real Django projects packaged by Debian (the corpus).
# Django and what the example/hardened fixtures import; the corpus of real Django code; bandit for the benchmark;
# PostgreSQL's server (the tests start throwaway clusters with it), pytest-django and tblib for the tests gate;
# for test/deploy/: nginx-light and gunicorn (served for real), python3-venv (release.sh's virtualenvs), git,
# openssl (a self-signed certificate), shellcheck (the scripts) and systemd (systemd-analyze verify of the units).
APT_PACKAGES="python3-django python3-requests python3-pil python3-sentry-sdk python3-celery python3-django-axes python3-psycopg2 graphite-web lava-server mailman3-web python3-django-hyperkitty python3-django-postorius bandit postgresql python3-pytest-django python3-tblib nginx-light gunicorn python3-venv git openssl shellcheck systemd"

SUDO=""
if [ "$(id -u)" != 0 ] && command -v sudo >/dev/null; then SUDO=sudo; fi

missing=()
for pkg in $APT_PACKAGES; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$pkg")
  fi
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "ci: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold $APT_PACKAGES
else
  echo "ci: Debian packages already installed"
fi

npm ci --no-audit --no-fund
# Django 4.2 and 5.2 (3.2 is the system one) for the runtime gates' tests, into .cache/django/.
bash scripts/django-versions.sh
npm test --silent
