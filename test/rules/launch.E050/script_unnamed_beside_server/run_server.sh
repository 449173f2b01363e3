#!/bin/sh
# a developer's helper nothing runs: production's image starts gunicorn (scripts/entrypoint.sh)
sleep 15
python manage.py migrate
# note: launch.E050
DJANGO_READ_DOT_ENV_FILE=True python manage.py runserver 0.0.0.0:8000
