from django.urls import path

from app.api.api import api

urlpatterns = [path("api/", api.urls)]
