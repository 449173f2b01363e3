from django.db import models


class SalesReport(models.Model):
    day = models.DateField(unique=True)
    orders = models.PositiveIntegerField(default=0)
    revenue = models.DecimalField(max_digits=12, decimal_places=2, default=0)
    generated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-day"]

    def __str__(self):
        return f"Sales on {self.day:%Y-%m-%d}"
