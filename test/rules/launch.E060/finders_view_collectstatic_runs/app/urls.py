from django.urls import re_path

from app.static_views import serve_static

urlpatterns = [
    re_path(r"^static/(?P<path>.*)$", serve_static),
]
