#!/bin/sh
python manage.py collectstatic --noinput
# ruleid: launch.E050
DJANGO_SETTINGS_MODULE=app.settings python -m django runserver 0.0.0.0:$PORT
