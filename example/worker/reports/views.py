from django.contrib.admin.views.decorators import staff_member_required
from django.http import JsonResponse
from django.shortcuts import get_object_or_404

from .models import SalesReport


def _as_dict(report):
    return {"day": report.day.isoformat(), "orders": report.order_count, "revenue": str(report.revenue), "currency": report.currency}


@staff_member_required
def report_list(request):
    reports = SalesReport.objects.all()[:30]
    return JsonResponse({"reports": [_as_dict(r) for r in reports]})


@staff_member_required
def report_detail(request, pk):
    return JsonResponse(_as_dict(get_object_or_404(SalesReport, pk=pk)))


def healthz(request):
    return JsonResponse({"status": "ok"})
