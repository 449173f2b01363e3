import os

DEBUG = False
ALLOWED_HOSTS = ["example.com"]
# The sample's SECRET_KEY is a placeholder the operator must replace, and may forget: the fallback stays reachable.
# ruleid: launch.E031
SECRET_KEY = os.environ.get("SECRET_KEY", "committed-fallback-key-0123456789")
