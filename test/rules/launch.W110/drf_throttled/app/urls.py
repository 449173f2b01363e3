from django.urls import include, path
from rest_framework.authtoken.views import obtain_auth_token
from rest_framework_simplejwt.views import TokenObtainPairView

from . import api

urlpatterns = [
    # ok: launch.W110
    path("api/token/", TokenObtainPairView.as_view()),
    # ok: launch.W110
    path("api-token-auth/", obtain_auth_token),
    # ruleid: launch.W110
    path("api-auth/", include("rest_framework.urls")),
    path("api/login/", api.LoginAPI.as_view()),
]
