import os

SECRET_KEY = os.environ["SECRET_KEY"]
DEBUG = False
ALLOWED_HOSTS = ["*", "example.com", "127.0.0.1"]
FRONTEND_HOST = os.getenv("FRONTEND_HOST", "http://localhost")
# the host appended from the environment is unknown, but '*' stays in the list
# ruleid: launch.E020
ALLOWED_HOSTS.append(FRONTEND_HOST.replace("http://", "").replace("https://", ""))
