from django.core.management.base import BaseCommand
from django.db import connection


class Command(BaseCommand):
    def handle(self, *args, **options):
        with connection.cursor() as cursor:
            for table in connection.introspection.table_names():
                # an operator's command over the database's own table names: not request data, not a view
                # ok: launch.E122
                cursor.execute(f"VACUUM ANALYZE {table}")
