# A development URLconf: only the dev settings name it as ROOT_URLCONF; production routes nothing here.
from django.urls import include, path

from app.urls import urlpatterns

urlpatterns += [
    # ok: launch.W110
    path("api-auth/", include("rest_framework.urls")),
]
