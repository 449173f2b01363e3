"""Production settings of a GraphQL API (caluma): no admin, no templates, and nothing in the image collects static files."""
# note: launch.E060
INSTALLED_APPS = [
    "django.contrib.contenttypes",
    "django.contrib.staticfiles",
    "graphene_django",
]
STATIC_URL = "static/"
