from urllib.parse import unquote, urlparse

from django.conf import settings
from django.core.exceptions import SuspiciousOperation

from django.utils.http import url_has_allowed_host_and_scheme


def safe_for_redirect(url):
    """A project helper around Django's check (netbox's utilities/request.py)."""
    return url_has_allowed_host_and_scheme(url, allowed_hosts=None)


def clean_next(url):
    """Tidies the value, checks nothing about its host."""
    return url.strip()


def allow_redirect(url):
    """The host looked at by hand: only a path on this site (healthchecks' _allow_redirect)."""
    return bool(url) and not urlparse(url).netloc


def sanitize_redirect(url):
    """Named for the check it makes: a path on this site, or a URL of the site's own host (Zeus's helper)."""
    decoded = unquote(url).strip()
    if decoded.startswith("/"):
        return "/" + decoded.lstrip("/")
    if decoded.startswith(settings.SITE_URL):
        return decoded
    raise SuspiciousOperation("Invalid redirect url")
