from django.urls import include, path

urlpatterns = [
    # ruleid: launch.W110
    path("api/auth/", include("rest_framework.urls", namespace="rest_framework")),
]
