"""MIDDLEWARE is never set: Django's default is [] — no CSRF check, and no session either."""
# note: launch.W129
DEBUG = False
ALLOWED_HOSTS = ["shop.example.com"]
