#!/bin/sh
# not a start script location (only the root, a project root and docker/ or deploy/ folders count)
# ok: launch.E050
exec python manage.py runserver
