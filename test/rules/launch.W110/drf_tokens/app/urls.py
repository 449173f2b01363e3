from django.urls import include, path
from rest_framework.authtoken.views import obtain_auth_token
from rest_framework_simplejwt.views import TokenObtainPairView, TokenRefreshView

urlpatterns = [
    # ruleid: launch.W110
    path("api/token/", TokenObtainPairView.as_view(), name="token_obtain_pair"),
    # ok: launch.W110
    path("api/token/refresh/", TokenRefreshView.as_view(), name="token_refresh"),
    # ruleid: launch.W110
    path("api-token-auth/", obtain_auth_token),
    # ruleid: launch.W110
    path("api/auth/", include("dj_rest_auth.urls")),
]
