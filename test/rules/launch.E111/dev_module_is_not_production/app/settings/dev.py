DEBUG = True
# ok: launch.E111
SECURE_PROXY_SSL_HEADER = ("X-Forwarded-Proto", "https")
