#!/bin/sh
# ok: launch.E050
exec python manage.py runserver
