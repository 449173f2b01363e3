from django.contrib.auth.views import LoginView
from django.urls import include, path

urlpatterns = [
    # ok: launch.W110
    path("login/", LoginView.as_view()),
    # ok: launch.W110
    path("accounts/", include("django.contrib.auth.urls")),
]
