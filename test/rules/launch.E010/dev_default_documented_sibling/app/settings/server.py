"""Settings for the production deployment on our servers."""
ALLOWED_HOSTS = ["shop.example.com"]
# ruleid: launch.E010
DEBUG = True
