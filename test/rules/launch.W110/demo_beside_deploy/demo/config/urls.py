from django.urls import include, path

# only the demo settings name this URLconf, and nothing production runs includes it: production serves none of it
urlpatterns = [
    # ok: launch.W110
    path("api/auth/", include("rest_framework.urls", namespace="rest_framework")),
]
