from django.urls import path

from app import views

urlpatterns = [path("forgot/", views.forgot_password), path("status/", views.status), path("thumb/", views.thumbnail)]
