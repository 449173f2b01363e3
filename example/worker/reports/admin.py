from django.contrib import admin

from .models import SalesReport


@admin.register(SalesReport)
class SalesReportAdmin(admin.ModelAdmin):
    list_display = ["day", "orders", "revenue", "generated_at"]
    date_hierarchy = "day"
