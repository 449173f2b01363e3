from django.conf import settings
from django.urls import include, path

urlpatterns = []

# DEBUG comes from the environment: the scan cannot tell that production keeps it off
if settings.DEBUG:
    urlpatterns += [
        # note: launch.W110
        path("api-auth/", include("rest_framework.urls")),
    ]
