# vendorlib.workers.PooledWorker is not in the repository: the scan cannot say what it is, so gunicorn
# serving app.wsgi is taken as WSGI (the message names the unresolved worker class rather than claiming WSGI).
# ruleid: launch.W041
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "app",
    }
}
