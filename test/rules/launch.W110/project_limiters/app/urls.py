from django.contrib.auth import views as auth_views
from django.urls import include, path

from accounts import views
from accounts.forms import LoginForm
from core.ratelimit import login_guard

urlpatterns = [
    # ok: launch.W110
    path("login/", views.PasswordLoginView.as_view(), name="login"),
    # ok: launch.W110
    path("admin-login/", auth_views.LoginView.as_view(authentication_form=LoginForm)),
    # ok: launch.W110
    path("guarded-login/", login_guard(auth_views.LoginView.as_view())),
    path("magic/<str:token>/", views.magic_link),
    path("remote/", views.remote_login),
    path("counted/", views.counted_login),
    path("api/login/", views.api_login),
    path("guarded/", views.guarded_login),
    path("bucket/", views.BucketLogin.as_view()),
    path("invite/", views.credentials_login),
    path("splat/", views.splat_password_login),
    path("banner/", views.banner_login),
    path("profile/", views.profile_cache_login),
    path("import/", views.import_login),
]
