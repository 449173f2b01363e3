#!/bin/sh -e
./manage.py migrate
# The image starts runserver, and the only thing that builds it mounts the source over it: a development image.
# note: launch.E050
./manage.py runserver 0.0.0.0:8000
