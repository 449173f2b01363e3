from django.core.management.base import BaseCommand

from app.models import Agency


class Command(BaseCommand):
    def handle(self, *args, **options):
        for agency in Agency.objects.all():
            agency.seal.name = f"{agency.pk}.png"
            agency.save()
