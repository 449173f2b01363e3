ALLOWED_HOSTS = ["{{ cookiecutter.domain_name }}"]
# ok: launch.W100
MIDDLEWARE = [
{%- if cookiecutter.use_security == "y" %}
    "django.middleware.security.SecurityMiddleware",
{%- endif %}
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
]
