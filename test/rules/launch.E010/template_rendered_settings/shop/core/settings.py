ALLOWED_HOSTS = ["example.com"]
DEBUG = False
