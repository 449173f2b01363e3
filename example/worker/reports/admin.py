from django.contrib import admin

from .models import SalesReport


@admin.register(SalesReport)
class SalesReportAdmin(admin.ModelAdmin):
    list_display = ["day", "order_count", "revenue", "currency", "approved_by"]
    date_hierarchy = "day"
