#!/bin/bash -e

# This one runs.
# ruleid: launch.E038
export DJANGO_SECRET_KEY=k7w2p9d4x1q8z3m6c0v5b2n7h4j9g1f6s3a8l5t0r2e7y4u1

# A here-document fed to `:` is a comment block: nothing in it runs, so it replaces nothing.
: << 'arguments'
Example values (do not use these in production):
# ok: launch.E038
export DJANGO_SECRET_KEY=ARQV8qGuJKH8sGnBf6ZeEdJQRKLTUhsvEcp8qG9X9sCPXvGLhdxqnNXpZcy6HEyf
arguments

exec gunicorn app.wsgi -b 0.0.0.0:8000
