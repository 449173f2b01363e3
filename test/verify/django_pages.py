"""Render Django's own error pages — debug and not — with the Django on sys.path, and save each body.

    python3 django_pages.py OUT_DIR

Writes OUT_DIR/<name>.html for every page below and prints {"django": version, "pages": {name: status}} as JSON.
The debug pages come from Django's templates (technical_404.html, technical_500.html/.txt,
default_urlconf.html, the CSRF failure page); the non-debug ones are what production serves. No database.
"""
import json
import logging
import os
import sys

import django
from django.conf import settings

settings.configure(
    DEBUG=True,
    SECRET_KEY="django-pages-5e1b0c9a7f3d4e2b8a6c1d0f9e8b7a6c5d4e3f2a1b0c9d8e",
    ALLOWED_HOSTS=["testserver"],
    ROOT_URLCONF=__name__,
    DATABASES={},
    INSTALLED_APPS=[],
    MIDDLEWARE=[
        "django.middleware.common.CommonMiddleware",
        "django.middleware.csrf.CsrfViewMiddleware",
    ],
    TEMPLATES=[{"BACKEND": "django.template.backends.django.DjangoTemplates"}],
    USE_TZ=True,
)
django.setup()

from django.http import Http404, HttpResponse  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.urls import path  # noqa: E402


def boom(request):
    raise ValueError("a bug in a view")


def missing(request):
    raise Http404("no such note")


def form(request):
    return HttpResponse("posted")


urlpatterns = [path("boom/", boom), path("missing/", missing), path("form/", form)]


class NoUrls:
    urlpatterns = []


def main(out):
    logging.disable(logging.CRITICAL)  # the 500s would log their tracebacks
    os.makedirs(out, exist_ok=True)
    client = Client(raise_request_exception=False)
    csrf_client = Client(enforce_csrf_checks=True, raise_request_exception=False)
    pages = {}

    def save(name, response):
        with open(os.path.join(out, f"{name}.html"), "wb") as f:
            f.write(response.content)
        pages[name] = response.status_code

    html = {"HTTP_ACCEPT": "text/html,application/xhtml+xml,*/*;q=0.8"}
    for debug in (True, False):
        kind = "debug" if debug else "production"
        with override_settings(DEBUG=debug):
            save(f"{kind}-404-resolver", client.get("/no-such-page/", **html))
            save(f"{kind}-404-raised", client.get("/missing/", **html))
            save(f"{kind}-500", client.get("/boom/", **html))
            save(f"{kind}-400-disallowed-host", client.get("/", HTTP_HOST="bogus.invalid", **html))
            save(f"{kind}-403-csrf", csrf_client.post("/form/", {"x": "1"}, **html))
            if debug:
                save("debug-500-text", client.get("/boom/", HTTP_ACCEPT="text/plain"))
                with override_settings(ROOT_URLCONF=NoUrls):
                    save("debug-default-urlconf", client.get("/", **html))
    print(json.dumps({"django": django.get_version(), "pages": pages}))


if __name__ == "__main__":
    main(sys.argv[1])
