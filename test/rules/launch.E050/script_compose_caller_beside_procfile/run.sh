#!/bin/bash
# run by docker-compose.yml; production's Procfile starts gunicorn (CRT Portal's shape)
python /code/manage.py migrate
# note: launch.E050
python /code/manage.py runserver 0.0.0.0:8000
