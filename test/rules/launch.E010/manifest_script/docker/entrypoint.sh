#!/bin/sh
set -e
export DJANGO_SETTINGS_MODULE=${DJANGO_SETTINGS_MODULE:-app.settings.live}
python manage.py migrate --noinput
exec gunicorn app.wsgi
