import httpx
import pdfkit
from django.http import HttpResponse
from django.template.loader import render_to_string
from reportlab.pdfgen import canvas
from rest_framework import viewsets
from rest_framework.decorators import api_view
from rest_framework.response import Response
from weasyprint import HTML
from xhtml2pdf import pisa


@api_view(["GET"])
def feed(request):
    # ruleid: launch.W080
    r = httpx.get("https://example.com/feed.json", timeout=10)
    return Response(r.json())


class ReportViewSet(viewsets.ModelViewSet):
    def perform_create(self, serializer):
        report = serializer.save()
        # ruleid: launch.W080
        HTML(string=render_to_string("report.html", {"r": report})).write_pdf(report.pdf_path)

    def retrieve(self, request, pk=None):
        response = HttpResponse(content_type="application/pdf")
        # ruleid: launch.W080
        pdf = canvas.Canvas(response)
        pdf.drawString(100, 750, "Report")
        pdf.save()
        return response


class ExportMixin:
    pass


class ExportViewSet(ExportMixin):
    def list(self, request):
        # ruleid: launch.W080
        data = pdfkit.from_string("<h1>Export</h1>", False)
        out = HttpResponse(content_type="application/pdf")
        # ruleid: launch.W080
        pisa.CreatePDF("<h1>Export</h1>", dest=out)
        return HttpResponse(data)


def render_pdf(html):
    # ok: launch.W080
    return pdfkit.from_string(html, False)
