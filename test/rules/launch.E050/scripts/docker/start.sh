#!/bin/bash
set -euo pipefail
if [ "${DJANGO_ENV:-production}" = "development" ]; then
  # ok: launch.E050
  exec python manage.py runserver 0.0.0.0:8000
fi
exec python -m gunicorn app.wsgi:application --bind 0.0.0.0:8000
