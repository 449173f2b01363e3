#!/bin/bash
set -e
exec gunicorn app.wsgi --bind 0.0.0.0:8000
