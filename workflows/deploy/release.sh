#!/bin/sh
# release.sh — deploy a Django app as atomic releases on one server, and roll back.
#
#   release.sh APP_DIR REPO_URL REF     deploy REF (branch, tag or commit) as a new release
#   release.sh --rollback APP_DIR       switch back to the release deployed before the current one
#
# Layout (APP_DIR, e.g. /srv/app):
#   repo.git/                       bare cache of REPO_URL (fetched on every deploy)
#   releases/<UTC time>-<sha>/      one folder per release: the commit's files (git archive), REVISION (full
#                                   sha), venv/ (its own virtualenv), staticfiles/ (collectstatic), media →
#                                   shared/media when that folder exists
#   current → releases/<…>          the live release; switched atomically (a new symlink renamed over it)
#   shared/.env                     loaded (set -a; . shared/.env) into the environment of every manage.py call,
#                                   and the systemd units' EnvironmentFile: KEY=value lines, values with spaces,
#                                   $, quotes or backslashes in single quotes (systemd and sh read those alike)
#   shared/media/                   uploads, when they are on local disk (outlive releases)
#
# Steps, in order; the first that fails ends the deploy and `current` is not touched:
#   fetch          git fetch REPO_URL into repo.git, resolve REF to a commit
#   checkout       git archive of that exact commit into releases/<UTC time>-<short sha>/
#   venv           $PYTHON -m venv $VENV_ARGS releases/…/venv
#   pip install    $PIP_INSTALL -r $REQUIREMENTS (skipped when the file is absent)
#   link media     media → shared/media (only when shared/media exists)
#   check --deploy manage.py check --deploy --fail-level WARNING
#   collectstatic  manage.py collectstatic --noinput (into the release's own STATIC_ROOT)
#   migrate        manage.py migrate --noinput
#   switch         current → the new release (rename of a new symlink: atomic)
#   restart        $RELEASE_RESTART
#   then keep the $KEEP_RELEASES newest releases (never current nor the one before it).
# The checks that change nothing outside the release folder run before migrate: migrate is the one step
# whose effect is shared.
#
# Migrations are the one shared effect. The database is not versioned with the release: once `migrate` has
# run, the new schema is live for the release still serving (and for any release --rollback goes back to).
# Write migrations expand/contract: add nullable or defaulted columns and new tables in one release, start
# using them, and drop or rename old ones only in a later release, when no live or rollback-able release
# reads them. --rollback never migrates backwards.
# A migration that fails does not leave half its changes behind on PostgreSQL: DDL is transactional there,
# and Django runs each migration in one transaction (atomic = True, the default), so CREATE/ALTER/DROP and
# RunSQL/RunPython of the failed migration roll back together; the migrations before it stay applied (they
# were valid for the code that shipped them). Not transactional: a migration with `atomic = False`, a
# RunPython/RunSQL marked atomic=False, and statements PostgreSQL refuses inside a transaction —
# CREATE INDEX CONCURRENTLY (AddIndexConcurrently), ALTER TYPE … ADD VALUE before PostgreSQL 12, VACUUM;
# those may leave partial work on failure. MySQL and Oracle commit each DDL statement as it runs.
#
# Environment (all optional):
#   PYTHON           interpreter that creates the virtualenv (default: python3)
#   VENV_ARGS        extra arguments for `python -m venv` (default: none; e.g. --system-site-packages)
#   PIP_INSTALL      command that installs a requirements file; `-r FILE` is appended, it runs in the release
#                    folder with the release's venv/bin first on PATH (default:
#                    python -m pip install --disable-pip-version-check --no-input)
#   REQUIREMENTS     requirements file, relative to the repository root (default: requirements.txt)
#   MANAGE_DIR       folder of manage.py, relative to the repository root (default: .)
#   RELEASE_RESTART  shell command run after the switch, in APP_DIR (default:
#                    sudo -n systemctl reload gunicorn && sudo -n systemctl restart celery — gunicorn's HUP
#                    starts new workers on the new code and lets the old ones finish their requests; needs a
#                    sudoers entry for exactly those two commands). Empty: no restart.
#   KEEP_RELEASES    how many releases to keep (default: 5; current and the one before it are always kept)
#   LOCK_WAIT        seconds to wait for a deploy already running on APP_DIR (default: 600; 0: do not wait)
#   RELEASE_LOCK     flock or mkdir (default: flock when the flock command exists, else mkdir)
#
# Output: progress and the steps' own output on stdout; on failure exactly one line on stderr:
#   release.sh: migrate failed (exit 1) — current still points to releases/20250102T030405Z-1a2b3c4
# Exit codes: 0 deployed (or rolled back); 1 a step failed, current untouched (or nothing to roll back to);
#   2 usage error; 3 another deploy holds the lock (or a stale lock: the message names it);
#   4 the restart command failed after the switch (current points to the new release; the message names
#   the previous one — `release.sh --rollback APP_DIR` switches back).
#
# POSIX sh (dash), Linux with GNU coreutils (mv -T), git, and the Python that builds the virtualenv.

set -u

ME=release.sh
LC_ALL=C
export LC_ALL
GIT_TERMINAL_PROMPT=0
export GIT_TERMINAL_PROMPT

PYTHON=${PYTHON:-python3}
VENV_ARGS=${VENV_ARGS:-}
PIP_INSTALL=${PIP_INSTALL:-python -m pip install --disable-pip-version-check --no-input}
REQUIREMENTS=${REQUIREMENTS:-requirements.txt}
MANAGE_DIR=${MANAGE_DIR:-.}
RELEASE_RESTART=${RELEASE_RESTART-sudo -n systemctl reload gunicorn && sudo -n systemctl restart celery}
KEEP_RELEASES=${KEEP_RELEASES:-5}
LOCK_WAIT=${LOCK_WAIT:-600}
RELEASE_LOCK=${RELEASE_LOCK:-}

# state for messages and cleanup
APP_DIR=
BUILDING=      # release folder being built (removed if the deploy does not finish)
LOCK_DIR=      # mkdir lock held by us

say() { printf '%s: %s\n' "$ME" "$*"; }
# one line on stderr, then exit
quit() { code=$1; shift; printf '%s: %s\n' "$ME" "$*" >&2; exit "$code"; }
usage() {
  printf '%s\n' "usage: release.sh APP_DIR REPO_URL REF | release.sh --rollback APP_DIR" >&2
  [ $# -gt 0 ] && printf '%s: %s\n' "$ME" "$*" >&2
  exit 2
}

# shellcheck disable=SC2317 # called by the EXIT trap
cleanup() {
  # a release that did not go live (never the one current points to, whatever the moment of the signal)
  if [ -n "$BUILDING" ] && [ -d "$BUILDING" ] && [ "$(current_name)" != "${BUILDING##*/}" ]; then rm -rf "$BUILDING"; fi
  if [ -n "$LOCK_DIR" ]; then rm -rf "$LOCK_DIR"; fi
  if [ -n "$APP_DIR" ]; then rm -f "$APP_DIR/.current.new"; fi
}
trap cleanup EXIT
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 143' TERM

is_count() { case $1 in '' | *[!0-9]*) return 1 ;; *) return 0 ;; esac; }

# what current points to, for messages
current_target() {
  if [ -L "$APP_DIR/current" ]; then readlink "$APP_DIR/current"; else printf 'nothing (no release is live yet)'; fi
}
current_name() {
  [ -L "$APP_DIR/current" ] || return 0
  t=$(readlink "$APP_DIR/current")
  printf '%s' "${t##*/}"
}

# a step failed: one line, current untouched
step_failed() { quit 1 "$1 failed ($2) — current still points to $(current_target)"; }

# run a step's command: its stdout and stderr go to our stdout; stdin is /dev/null (no prompt can hang a
# deploy, and `ssh host sh -s -- ARGS < release.sh` works: no step reads the script); the lock's descriptor
# is not inherited (a daemon started by a step must not hold the lock)
run() { "$@" </dev/null 2>&1 9>&-; }

# release names (deployed ones, oldest first): only folders a deploy finished
deployed_releases() {
  for d in "$APP_DIR"/releases/*/; do
    [ -f "$d.deployed" ] && basename "$d"
  done | sort
}

# the newest deployed, not rolled-back release older than $1 (names sort by their UTC time)
previous_of() {
  prev=
  for r in $({ deployed_releases; printf '%s\n' "$1"; } | sort -u); do
    [ "$r" = "$1" ] && break
    [ -f "$APP_DIR/releases/$r/.rolled-back" ] && continue
    prev=$r
  done
  printf '%s' "$prev"
}

# ---------------------------------------------------------------------------------------------------------
# The lock: one deploy or rollback at a time on APP_DIR.

pid_alive() { kill -0 "$1" 2>/dev/null || [ -d "/proc/$1" ]; }

lock() {
  method=$RELEASE_LOCK
  if [ -z "$method" ]; then
    if command -v flock >/dev/null 2>&1; then method='flock'; else method='mkdir'; fi
  fi
  case $method in
    flock)
      file=$APP_DIR/.release.lock
      touch "$file" 2>/dev/null || quit 3 "cannot create the lock $file"
      exec 9>>"$file"
      if ! flock -n 9; then
        holder=$(cat "$file" 2>/dev/null)
        if [ "$LOCK_WAIT" -eq 0 ]; then
          quit 3 "another deploy holds the lock $file${holder:+ (pid $holder)} — not waiting (LOCK_WAIT=0)"
        fi
        say "waiting up to $LOCK_WAIT s for the lock $file${holder:+ (held by pid $holder)}"
        flock -w "$LOCK_WAIT" 9 ||
          quit 3 "another deploy holds the lock $file${holder:+ (pid $holder)} — gave up after $LOCK_WAIT s"
      fi
      printf '%s\n' "$$" >"$file"
      ;;
    mkdir)
      dir=$APP_DIR/.release.lock.d
      waited=0
      until mkdir "$dir" 2>/dev/null; do
        holder=$(cat "$dir/pid" 2>/dev/null)
        if [ -n "$holder" ] && ! pid_alive "$holder"; then
          quit 3 "stale lock $dir: its deploy (pid $holder) is not running — remove the folder if no deploy is running"
        fi
        if [ "$LOCK_WAIT" -eq 0 ]; then
          quit 3 "another deploy holds the lock $dir${holder:+ (pid $holder)} — not waiting (LOCK_WAIT=0)"
        fi
        if [ "$waited" -ge "$LOCK_WAIT" ]; then
          if [ -z "$holder" ]; then
            quit 3 "stale lock $dir: it names no deploy (no pid file) — remove the folder if no deploy is running"
          fi
          quit 3 "another deploy holds the lock $dir (pid $holder) — gave up after $LOCK_WAIT s"
        fi
        [ "$waited" -eq 0 ] && say "waiting up to $LOCK_WAIT s for the lock $dir${holder:+ (held by pid $holder)}"
        sleep 1
        waited=$((waited + 1))
      done
      LOCK_DIR=$dir
      printf '%s\n' "$$" >"$dir/pid"
      ;;
    *) usage "RELEASE_LOCK must be flock or mkdir, not '$method'" ;;
  esac
}

# ---------------------------------------------------------------------------------------------------------
# switch current atomically: a new symlink beside it, renamed over it

switch_to() {
  rm -f "$APP_DIR/.current.new"
  ln -s "releases/$1" "$APP_DIR/.current.new" && mv -T "$APP_DIR/.current.new" "$APP_DIR/current"
}

restart() {
  if [ -z "$RELEASE_RESTART" ]; then
    say "restart: skipped (RELEASE_RESTART is empty)"
    return 0
  fi
  say "restart: $RELEASE_RESTART"
  (cd "$APP_DIR" && run sh -c "$RELEASE_RESTART")
}

# keep the KEEP_RELEASES newest deployed releases, current and the one before it; remove leftovers of
# deploys that never finished (we hold the lock: no other deploy is building)
prune() {
  cur=$(current_name)
  prev=$(previous_of "$cur")
  total=$(deployed_releases | wc -l)
  n=0
  for r in $(deployed_releases); do
    n=$((n + 1))
    [ $((total - n)) -lt "$KEEP_RELEASES" ] && continue
    [ "$r" = "$cur" ] && continue
    [ "$r" = "$prev" ] && continue
    say "prune: removing releases/$r"
    rm -rf "${APP_DIR:?}/releases/$r"
  done
  for d in "$APP_DIR"/releases/*/; do
    [ -d "$d" ] || continue
    [ -f "$d.deployed" ] && continue
    r=$(basename "$d")
    [ "$r" = "$cur" ] && continue
    say "prune: removing releases/$r (a deploy that did not finish)"
    rm -rf "${APP_DIR:?}/releases/$r"
  done
}

# ---------------------------------------------------------------------------------------------------------
# --rollback APP_DIR

rollback() {
  [ -d "$1" ] || usage "no such folder: $1"
  APP_DIR=$(cd "$1" && pwd) || usage "cannot enter $1"
  lock
  [ -L "$APP_DIR/current" ] || quit 1 "rollback failed (no release is live: $APP_DIR/current does not exist)"
  cur=$(current_name)
  prev=$(previous_of "$cur")
  [ -n "$prev" ] || quit 1 "rollback failed (no deployed release before releases/$cur) — current still points to releases/$cur"
  switch_to "$prev" || quit 1 "switch failed — current still points to $(current_target)"
  : >"$APP_DIR/releases/$cur/.rolled-back"
  say "rolled back: current → releases/$prev (was releases/$cur; its migrations stay applied)"
  restart
  rc=$?
  [ "$rc" -eq 0 ] || quit 4 "restart failed (exit $rc) — current now points to releases/$prev"
  exit 0
}

# ---------------------------------------------------------------------------------------------------------
# APP_DIR REPO_URL REF

# shellcheck disable=SC2317 # called through run
manage() {
  (
    cd "$BUILDING/$MANAGE_DIR" || exit 1
    if [ -f "$APP_DIR/shared/.env" ]; then
      set -a
      # shellcheck source=/dev/null
      . "$APP_DIR/shared/.env"
      set +a
    fi
    exec "$BUILDING/venv/bin/python" manage.py "$@"
  )
}

deploy() {
  repo_url=$2
  ref=$3
  [ -n "$repo_url" ] || usage "REPO_URL is empty"
  [ -n "$ref" ] || usage "REF is empty"
  if ! is_count "$KEEP_RELEASES" || [ "$KEEP_RELEASES" -lt 1 ]; then
    usage "KEEP_RELEASES must be a whole number ≥ 1, not '$KEEP_RELEASES'"
  fi
  mkdir -p "$1/releases" "$1/shared" || usage "cannot create $1/releases"
  APP_DIR=$(cd "$1" && pwd) || usage "cannot enter $1"
  lock
  started=$(date +%s)
  before=$(current_target)

  # fetch
  git_dir=$APP_DIR/repo.git
  if [ ! -d "$git_dir" ]; then
    run git init --quiet --bare "$git_dir" || step_failed fetch "git init exited $?"
  fi
  if git --git-dir="$git_dir" remote get-url origin >/dev/null 2>&1; then
    git --git-dir="$git_dir" remote set-url origin "$repo_url"
  else
    git --git-dir="$git_dir" remote add origin "$repo_url"
  fi
  say "fetch: $ref from $repo_url"
  run git --git-dir="$git_dir" fetch --quiet --prune --tags origin '+refs/heads/*:refs/remotes/origin/*'
  rc=$?
  [ "$rc" -eq 0 ] || step_failed fetch "exit $rc"
  sha=
  for candidate in "refs/remotes/origin/$ref" "refs/tags/$ref" "$ref"; do
    sha=$(git --git-dir="$git_dir" rev-parse --quiet --verify "$candidate^{commit}" 2>/dev/null) && break
    sha=
  done
  if [ -z "$sha" ]; then
    # a commit no branch or tag holds (servers that allow fetching one)
    if run git --git-dir="$git_dir" fetch --quiet origin "$ref" >/dev/null; then
      sha=$(git --git-dir="$git_dir" rev-parse --quiet --verify 'FETCH_HEAD^{commit}' 2>/dev/null)
    fi
  fi
  [ -n "$sha" ] || step_failed fetch "$ref is no branch, tag or commit of $repo_url"
  short=$(git --git-dir="$git_dir" rev-parse --short "$sha")

  # checkout
  name=$(date -u +%Y%m%dT%H%M%SZ)-$short
  while [ -e "$APP_DIR/releases/$name" ]; do
    sleep 1
    name=$(date -u +%Y%m%dT%H%M%SZ)-$short
  done
  release=$APP_DIR/releases/$name
  mkdir "$release" || step_failed checkout "cannot create $release"
  BUILDING=$release
  say "checkout: $sha into releases/$name"
  git --git-dir="$git_dir" archive --format=tar "$sha" | (cd "$release" && tar -xf -)
  rc=$?
  if [ "$rc" -ne 0 ] || [ -z "$(ls -A "$release")" ]; then step_failed checkout "git archive | tar exited $rc"; fi
  printf '%s\n' "$sha" >"$release/REVISION"
  [ -f "$release/$MANAGE_DIR/manage.py" ] ||
    step_failed checkout "no manage.py in $MANAGE_DIR of commit $short — set MANAGE_DIR"

  # venv
  say "venv: $PYTHON -m venv $VENV_ARGS"
  # shellcheck disable=SC2086 # VENV_ARGS is a list of arguments
  run "$PYTHON" -m venv $VENV_ARGS "$release/venv"
  rc=$?
  [ "$rc" -eq 0 ] || step_failed venv "exit $rc"

  # pip install
  if [ -f "$release/$REQUIREMENTS" ]; then
    say "pip install: $PIP_INSTALL -r $REQUIREMENTS"
    (
      cd "$release" || exit 1
      PATH=$release/venv/bin:$PATH VIRTUAL_ENV=$release/venv
      export PATH VIRTUAL_ENV
      # shellcheck disable=SC2086 # PIP_INSTALL is a command line
      run $PIP_INSTALL -r "$REQUIREMENTS"
    )
    rc=$?
    [ "$rc" -eq 0 ] || step_failed "pip install" "exit $rc"
  else
    say "pip install: skipped ($REQUIREMENTS is not in the repository)"
  fi

  # link media
  if [ -d "$APP_DIR/shared/media" ]; then
    media=$release/$MANAGE_DIR/media
    if [ -e "$media" ] || [ -L "$media" ]; then
      say "link media: replacing the repository's $MANAGE_DIR/media with the shared one"
      rm -rf "$media"
    fi
    ln -s "$APP_DIR/shared/media" "$media" || step_failed "link media" "ln exited $?"
  fi

  for step in "check --deploy" collectstatic migrate; do
    say "$step"
    case $step in
      "check --deploy") run manage check --deploy --fail-level WARNING ;;
      collectstatic) run manage collectstatic --noinput ;;
      migrate) run manage migrate --noinput ;;
    esac
    rc=$?
    [ "$rc" -eq 0 ] || step_failed "$step" "exit $rc"
  done

  # switch
  : >"$release/.deployed"
  switch_to "$name" || step_failed switch "could not rename a new symlink over $APP_DIR/current"
  BUILDING=
  say "switch: current → releases/$name (was $before)"

  restart
  rc=$?
  if [ "$rc" -ne 0 ]; then
    prev=$(previous_of "$name")
    quit 4 "restart failed (exit $rc) — current now points to releases/$name${prev:+; the previous release is releases/$prev (release.sh --rollback $APP_DIR switches back)}"
  fi

  prune
  say "deployed $short as releases/$name in $(($(date +%s) - started)) s"
  exit 0
}

# ---------------------------------------------------------------------------------------------------------

is_count "$LOCK_WAIT" || usage "LOCK_WAIT must be a number of seconds, not '$LOCK_WAIT'"

case ${1:-} in
  -h | --help)
    sed -n '2,/^$/s/^# \{0,1\}//p' "$0"
    exit 0
    ;;
  --rollback)
    [ $# -eq 2 ] || usage "--rollback takes one argument: APP_DIR"
    rollback "$2"
    ;;
  -*) usage "unknown option $1" ;;
  *)
    [ $# -eq 3 ] || usage "expected 3 arguments, got $#"
    deploy "$1" "$2" "$3"
    ;;
esac
