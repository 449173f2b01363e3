#!/bin/sh
set -e
python /srv/manage.py migrate
# Start dev server.
# ok: launch.E050
exec python /srv/manage.py runserver 0.0.0.0:8000
