from django.urls import include, path

urlpatterns = [
    # ok: launch.W110
    path("accounts/", include("allauth.urls")),
]
