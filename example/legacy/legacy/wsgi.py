import os

from django.core.wsgi import get_wsgi_application

# The production settings were renamed in the old repository and never copied over.
# expect: launch.E003
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "legacy.settings_prod")

application = get_wsgi_application()
