# ok: launch.E020
ALLOWED_HOSTS = ["example.com"]
