"""Saves a report's display options from the admin form: a module named for settings that is not Django settings.

It sets no Django setting, so the scan does not run it as a settings module; before, it did, and took every
module it imports (reports/views.py below) for a development-only settings file, whose SQL went unread.
"""
from reports.views import ORDER_COLUMNS


def update_report_settings(report, data):
    sort = data.get("sort", "date")
    report.default_sort = sort if sort in ORDER_COLUMNS else "date"
    report.save(update_fields=["default_sort"])
