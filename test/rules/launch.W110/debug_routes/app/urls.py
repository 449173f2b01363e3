from django.conf import settings
from django.contrib.auth import views as auth_views
from django.urls import include, path

urlpatterns = [
    # ruleid: launch.W110
    path("login/", auth_views.LoginView.as_view(), name="login"),
]

# browsable-API login, for development only: DEBUG is False in production
if settings.DEBUG:
    urlpatterns += [
        # ok: launch.W110
        path("api-auth/", include("rest_framework.urls")),
    ]

if settings.SHOW_TOOLBAR:
    # ok: launch.W110
    urlpatterns.append(path("debug-login/", auth_views.LoginView.as_view()))
else:
    # ruleid: launch.W110
    urlpatterns.append(path("accounts/", include("django.contrib.auth.urls")))
