#!/bin/sh
set -e
if [ ! -f /srv/site/app/overrides.py ]; then
    cat > /srv/site/app/overrides.py << EOF2
DEBUG = False
SECRET_KEY = '$(head -c 50 /dev/urandom | base64)'
EOF2
fi
exec gunicorn app.wsgi --bind 0.0.0.0:8000
