# ok: launch.E020
ALLOWED_HOSTS = ["example.com", ".example.org"]
