import os

# ruleid: launch.E031
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "dev-key-0123456789")
# rejects another literal than the fallback
assert SECRET_KEY != "CHANGE_ME", "SECRET_KEY must be set"
