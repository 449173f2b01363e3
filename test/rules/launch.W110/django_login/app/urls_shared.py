from django.contrib.auth import views as auth_views
from django.urls import path


class SharedLoginView(auth_views.LoginView):
    template_name = "shared_login.html"


# a URLconf module named urls_<part>.py (Sefaria's urls_shared.py), its list included by the main one
shared_patterns = [
    # ruleid: launch.W110
    path("shared/login/", SharedLoginView.as_view(), name="shared-login"),
]
