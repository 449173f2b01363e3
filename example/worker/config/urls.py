from django.contrib import admin
from django.urls import path

from reports import views

urlpatterns = [
    path("admin/", admin.site.urls),
    path("reports/", views.report_list, name="report-list"),
    path("reports/<int:pk>/", views.report_detail, name="report-detail"),
    path("healthz/", views.healthz, name="healthz"),
]
