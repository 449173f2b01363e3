from django.db import models


class Order(models.Model):
    status = models.CharField(max_length=20)




class MaterializedView(models.Model):
    """A database view (not a Django view): refreshed by name."""

    REFRESH = "REFRESH MATERIALIZED VIEW %s"

    class Meta:
        abstract = True


class OrderTotalsView(MaterializedView):
    """The class name ends in "View", but it answers no request."""

    class Meta:
        managed = False

    @classmethod
    def refresh(cls, name):
        from django.db import connection

        with connection.cursor() as cursor:
            # ok: launch.E122
            cursor.execute(cls.REFRESH % name)
