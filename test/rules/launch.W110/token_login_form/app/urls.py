from django.urls import path

from app import views

urlpatterns = [
    path("login/token/", views.token_login),
    path("login/email/", views.email_login),
    path("login/staff/", views.staff_login),
]
