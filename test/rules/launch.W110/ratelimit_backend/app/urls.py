from django.contrib.auth import views as auth_views
from django.urls import include, path

urlpatterns = [
    # ok: launch.W110
    path("login/", auth_views.LoginView.as_view()),
    # ok: launch.W110
    path("accounts/", include("django.contrib.auth.urls")),
]
