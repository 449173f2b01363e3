#!/bin/sh
# ok: launch.I004
export DJANGO_SETTINGS_MODULE=app.settings.heroku
