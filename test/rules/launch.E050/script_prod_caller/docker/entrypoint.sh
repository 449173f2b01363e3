#!/bin/sh
set -e
# The only image, so production's: its entrypoint runs the development server.
# ruleid: launch.E050
exec python /srv/manage.py runserver 0.0.0.0:8000
