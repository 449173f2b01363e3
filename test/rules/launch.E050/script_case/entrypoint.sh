#!/bin/sh
set -e
serve_dev() {
  # ok: launch.E050
  python manage.py runserver 0.0.0.0:8000
}
case "$1" in
  dev)
    serve_dev ;;
  # ok: launch.E050
  debug) exec python manage.py runserver_plus 0.0.0.0:8000 ;;
  *)
    exec "$@" ;;
esac
