import os

# An older server deploy set IS_PRODUCTION; on Heroku nothing does, and the default settings run.
settings = "production" if "IS_PRODUCTION" in os.environ else "default"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "app.settings.%s" % settings)

from django.core.wsgi import get_wsgi_application

application = get_wsgi_application()
