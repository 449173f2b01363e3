# Django's default is DEBUG = False.
# ok: launch.E010
ALLOWED_HOSTS = ["example.com"]
