#!/usr/bin/env bash
# `npm run test:all` — the whole test suite from a fresh clone (README's test command; .ci/run calls it).
# On a fresh Debian/Ubuntu machine as root, with only the npm registry and Debian's apt reachable:
# installs the Debian packages the tests *run*, unpacks (never installs) the ones they only *read*, then
# `npm ci` and `npm test`, whose last line is `N passed, N failed`.
#   bash scripts/test-all.sh --system-only   only the Debian part (apt packages, corpus, Django versions)
set -euo pipefail
cd "$(dirname "$0")/.."

# Installed: only what a test runs, each with the test that runs it. Installed with --no-install-recommends,
# no service started (policy-rc.d), none left enabled, and no PostgreSQL "main" cluster (the tests start
# their own throwaway clusters). Packages the tests only read are not here: the corpus of real Django code
# (graphite-web, lava-server, mailman3-web, hyperkitty, postorius and Django's source) is `apt-get download`ed
# and unpacked by scripts/corpus.mjs into .cache/debs/; Django 4.2 and 5.2 by scripts/django-versions.sh.
APT_PACKAGES=(
  python3-django        # Django 3.2: every runtime gate test (test/gates, test/django, e2e-runtime, fixtures, deploy)
  python3-psycopg2      # Django's PostgreSQL backend: tests/migrations gates, test/django/postgres, test/deploy
  python3-requests      # imported by example/orders/views.py: fixtures.test.ts runs manage.py check on example/
  python3-pil           # Pillow for the ImageField of example/ and test/fixtures/hardened (Django's fields.E210)
  python3-django-axes   # INSTALLED_APPS of test/fixtures/hardened (fixtures.test.ts, e2e-runtime, test/gates)
  python3-celery        # imported by test/fixtures/hardened/config/celery.py
  python3-sentry-sdk    # imported by test/fixtures/hardened's production settings
  python3-pytest-django # test/gates/tests.test.ts runs pytest-django projects
  python3-tblib         # tests gate: manage.py test --parallel tracebacks (test/gates/tests.test.ts)
  postgresql            # initdb/pg_ctl/postgres: the throwaway clusters of test/django and the runtime gates
  python3-venv          # test/deploy/release.test.ts: release.sh makes one virtualenv per release
  python3-gunicorn      # test/deploy/release.test.ts: `python -m gunicorn` as workflows/server/gunicorn.service runs it
  nginx-light           # test/deploy/release.test.ts: `nginx -t` and real nginx serving workflows/server/nginx-site.conf
  openssl               # test/deploy/release.test.ts: a self-signed certificate for that nginx
  git                   # test/deploy (release.sh clones), test/github (git diff fallback), test/realworld
  shellcheck            # test/deploy: release.sh, backup.sh, restore-check.sh, pg-url.sh are shellcheck-clean
  systemd               # test/deploy/release.test.ts: systemd-analyze verify of gunicorn.service and celery.service
  pre-commit            # test/precommit.test.ts: the hook of .pre-commit-hooks.yaml run by a real pre-commit (3.0.4)
  qemu-user-static      # test/prebuilds.test.ts: the bundle's CLI on arm64 (qemu-aarch64-static, Debian's arm64 node)
)
# Services these packages would enable at install (nginx-light: nginx; postgresql: the per-cluster units).
UNITS_NOT_ENABLED=(nginx.service postgresql.service)

SUDO=""
if [ "$(id -u)" != 0 ] && command -v sudo >/dev/null; then SUDO=sudo; fi

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  installed "$pkg" || missing+=("$pkg")
done
apt_updated=""
if [ "${#missing[@]}" -gt 0 ]; then
  echo "ci: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  apt_updated=1
  cleanup=()
  on_exit() { for f in "${cleanup[@]}"; do $SUDO rm -f "$f"; done; }
  trap on_exit EXIT
  # No service starts during the install (invoke-rc.d and deb-systemd-invoke ask policy-rc.d; 101: refused).
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\n# scripts/test-all.sh: no service starts while the test packages install\nexit 101\n' | $SUDO tee /usr/sbin/policy-rc.d >/dev/null
    $SUDO chmod 755 /usr/sbin/policy-rc.d
    cleanup+=(/usr/sbin/policy-rc.d)
  fi
  # No "main" cluster (postgresql-common makes and starts one when a server version is first installed).
  if ! installed postgresql-common; then
    nomain=/etc/postgresql-common/createcluster.d/zz-django-launch-gate-tests.conf
    $SUDO mkdir -p "$(dirname "$nomain")"
    echo 'create_main_cluster = false' | $SUDO tee "$nomain" >/dev/null
    cleanup+=("$nomain")
  fi
  was_enabled=()
  for unit in "${UNITS_NOT_ENABLED[@]}"; do
    if [ -e "/etc/systemd/system/multi-user.target.wants/$unit" ]; then was_enabled+=("$unit"); fi
  done
  $SUDO apt-get install -y -qq --no-install-recommends \
    -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold "${missing[@]}"
  # …and none left enabled: the units these packages just enabled are disabled again (not ones enabled before).
  for unit in "${UNITS_NOT_ENABLED[@]}"; do
    if [ -e "/etc/systemd/system/multi-user.target.wants/$unit" ] && [[ " ${was_enabled[*]} " != *" $unit "* ]]; then
      if $SUDO systemctl disable --quiet "$unit"; then
        echo "ci: $unit left disabled"
      else
        echo "ci: warning: could not disable $unit (systemctl disable $unit)" >&2
      fi
    fi
  done
  on_exit # the temporary policy-rc.d and createcluster drop-in go now, not after the tests
  trap - EXIT
else
  echo "ci: Debian packages already installed"
fi

# The corpus of real Django code: downloaded and unpacked, never installed (stale package lists: update once).
if ! node scripts/corpus.mjs --fetch; then
  if [ -n "$apt_updated" ]; then exit 1; fi
  $SUDO apt-get update -qq
  node scripts/corpus.mjs --fetch
fi
# Django 4.2 and 5.2 (3.2 is the system one) for the runtime gates' tests, into .cache/django/.
bash scripts/django-versions.sh
# Debian bookworm's arm64 node and libraries, into .cache/arm64-node/, for qemu-aarch64-static (test/prebuilds.test.ts).
bash scripts/arm64-node.sh

if [ "${1:-}" = "--system-only" ]; then exit 0; fi

npm ci --no-audit --no-fund
npm test --silent
