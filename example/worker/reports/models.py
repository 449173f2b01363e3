from django.conf import settings
from django.db import models


class SalesReport(models.Model):
    day = models.DateField(unique=True)
    order_count = models.PositiveBigIntegerField(default=0)
    revenue = models.DecimalField(max_digits=12, decimal_places=2, default=0)
    currency = models.CharField(max_length=3, default="EUR")
    approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)

    class Meta:
        ordering = ["-day"]
        indexes = [models.Index(fields=["currency", "day"], name="report_currency_day_idx")]

    def __str__(self):
        return f"Sales on {self.day:%Y-%m-%d}"
