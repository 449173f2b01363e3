from django.contrib.auth import views as auth_views
from django.urls import path

urlpatterns = [
    # ruleid: launch.W110
    path("accounts/login/", auth_views.LoginView.as_view()),
]
