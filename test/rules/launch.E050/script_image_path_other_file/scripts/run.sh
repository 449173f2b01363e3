#!/bin/sh
# ok: launch.E050
python manage.py runserver 0.0.0.0:8000
