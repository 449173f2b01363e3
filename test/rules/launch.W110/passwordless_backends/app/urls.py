from django.contrib.auth import views as auth_views
from django.urls import include, path

urlpatterns = [
    # a LoginView whose form no backend can check a password for: a note
    # note: launch.W110
    path("login/", auth_views.LoginView.as_view()),
    # ok: launch.W110
    path("oidc/", include("mozilla_django_oidc.urls")),
]
