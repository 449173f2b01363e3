from django.urls import path

from returns import views

urlpatterns = [path("sources/", views.manage_sources)]
