from django.contrib.auth.views import LoginView
from django.urls import path

urlpatterns = [
    # ruleid: launch.W110
    path("login/", LoginView.as_view()),
]
