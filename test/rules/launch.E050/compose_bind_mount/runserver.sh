#!/bin/sh
# ok: launch.E050
python manage.py runserver
