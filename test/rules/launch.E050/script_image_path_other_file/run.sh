#!/bin/sh
# nothing runs this one: production's Procfile starts gunicorn
# note: launch.E050
python manage.py runserver 0.0.0.0:8000
