import datetime
from decimal import Decimal

from django.core.management.base import BaseCommand

from reports.models import SalesReport


class Command(BaseCommand):
    help = "Build (or rebuild) the sales report for one day; cron runs it every night."

    def add_arguments(self, parser):
        parser.add_argument("--day", type=datetime.date.fromisoformat, default=None)
        parser.add_argument("--orders", type=int, default=0)
        parser.add_argument("--revenue", type=Decimal, default=Decimal("0"))

    def handle(self, *args, day=None, orders=0, revenue=Decimal("0"), **options):
        day = day or datetime.date.today() - datetime.timedelta(days=1)
        report, created = SalesReport.objects.update_or_create(day=day, defaults={"order_count": orders, "revenue": revenue})
        self.stdout.write(self.style.SUCCESS(f"{'Created' if created else 'Updated'} {report}"))
