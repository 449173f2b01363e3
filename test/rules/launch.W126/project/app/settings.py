import os

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
DEBUG = False
ALLOWED_HOSTS = ["blog.example.com"]
INSTALLED_APPS = ["django.contrib.auth", "django.contrib.contenttypes", "blog"]
ROOT_URLCONF = "app.urls"
TEMPLATES = [{"BACKEND": "django.template.backends.django.DjangoTemplates", "DIRS": [os.path.join(os.path.dirname(__file__), "..", "templates")], "APP_DIRS": True}]
