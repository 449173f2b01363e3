#!/bin/sh
# The VM this ran on before the Docker image existed.
set -e
export DJANGO_SETTINGS_MODULE=intranet.settings.server
exec gunicorn intranet.wsgi --bind 127.0.0.1:8000
