import requests
from django.conf import settings


class CompanyRegistry:
    """A lookup of the company registry's API, called from the signup view (two modules away)."""

    @staticmethod
    def fetch(number):
        # ruleid: launch.W124
        return requests.get(f"{settings.REGISTRY_URL}/companies/{number}").json()

    @staticmethod
    def ping():
        # ok: launch.W124
        return requests.get(f"{settings.REGISTRY_URL}/ping", timeout=5).ok


def lookup_or_none(number):
    try:
        return _search(number)
    except requests.RequestException:
        return None


def _search(number):
    # reached through lookup_or_none(), from a method the view calls on itself
    # ruleid: launch.W124
    return requests.get(f"{settings.REGISTRY_URL}/search", params={"q": number}).json()


def nightly_sync():
    # called by no view: a command's or a worker's business, not this rule's
    # ok: launch.W124
    return requests.get(f"{settings.REGISTRY_URL}/dump").json()
