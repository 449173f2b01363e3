from django.urls import path

from app.views import MemberLoginView

urlpatterns = [
    # ruleid: launch.W110
    path("members/login/", MemberLoginView.as_view(), name="member-login"),
]
