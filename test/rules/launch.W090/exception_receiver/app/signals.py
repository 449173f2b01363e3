"""Every unhandled exception is recorded by the project's own incident table and pager."""
from django.core.signals import got_request_exception
from django.dispatch import receiver

from .incidents import record_incident


@receiver(got_request_exception)
def on_exception(sender, request=None, **kwargs):
    record_incident(request)
