from django.urls import path

from verifysite import views

urlpatterns = [
    path("", views.home),
    path("accounts/login/", views.login),
]
