from django.conf.urls import include, url

urlpatterns = [
    # ruleid: launch.W110
    url(r"^accounts/", include("allauth.urls")),
]
