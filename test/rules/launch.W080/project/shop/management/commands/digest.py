from django.core.mail import send_mail
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    def handle(self, *args, **options):
        # ok: launch.W080
        send_mail("Digest", "Weekly digest", "noreply@example.com", ["team@example.com"])
