from django.urls import path

from app import views

urlpatterns = [path("sign-in/", views.sign_in)]
