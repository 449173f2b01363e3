#!/bin/sh
# run by the local-development compose file only (as /src/run.sh): production's Procfile starts gunicorn
python manage.py migrate
# ok: launch.E050
python manage.py runserver 0.0.0.0:8000
