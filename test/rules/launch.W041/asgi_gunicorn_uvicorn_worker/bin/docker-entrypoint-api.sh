#!/bin/bash
set -e
python manage.py migrate --noinput
exec gunicorn -w "$GUNICORN_WORKERS" -k uvicorn.workers.UvicornWorker app.asgi:application --bind 0.0.0.0:"${PORT:-8000}"
