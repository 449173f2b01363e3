#!/bin/sh
set -e

echo "Waiting for postgres..."
while ! nc -z "$DB_HOST" 5432; do
  sleep 0.5
done

python manage.py migrate --noinput
# ok: launch.E050
echo "starting python manage.py runserver"
# ruleid: launch.E050
exec python manage.py runserver 0.0.0.0:8000
