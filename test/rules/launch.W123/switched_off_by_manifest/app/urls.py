from django.conf import settings
from django.urls import include, path

urlpatterns = [
    path("accounts/", include("accounts.urls")),
]

if settings.MOCK_LOGIN:
    urlpatterns.append(path("mock/", include("mocklogin.urls")))
