from django.contrib.auth import views as auth_views
from django.urls import path

# urlpatterns of a module no URLconf names: never served
urlpatterns = [
    # ok: launch.W110
    path("old-login/", auth_views.LoginView.as_view()),
]
