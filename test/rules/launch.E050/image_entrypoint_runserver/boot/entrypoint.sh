#!/bin/sh -e
./manage.py migrate
# The compose service runs the image as built, without a source mount: nothing says it is for development.
# ruleid: launch.E050
./manage.py runserver 0.0.0.0:8000
