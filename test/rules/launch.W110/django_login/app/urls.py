from django.contrib.auth import views as auth_views
from django.urls import include, path
from django_ratelimit.decorators import ratelimit
from two_factor.urls import urlpatterns as tf_urls

from accounts import session_views, two_factor_views, views
from app.urls_shared import shared_patterns

urlpatterns = [
    # ruleid: launch.W110
    path("login/", auth_views.LoginView.as_view(template_name="login.html"), name="login"),
    # ruleid: launch.W110
    path("accounts/", include("django.contrib.auth.urls")),
    # ok: launch.W110
    path("quick-login/", ratelimit(key="ip", rate="5/m", method="POST")(auth_views.LoginView.as_view())),
    # ok: launch.W110
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    # ok: launch.W110
    path("signin/", views.SignInView.as_view()),
    # ruleid: launch.W110
    path("staff/login/", views.StaffLoginView.as_view()),
    # ruleid: launch.W110
    path("account/login/", two_factor_views.AccountLoginView.as_view()),
    # django-two-factor-auth's URLconf, its patterns imported by name: its account/login/ is the wizard
    # ruleid: launch.W110
    path("2fa/", include(tf_urls)),
    # ok: launch.W110
    path("custom-login/", views.custom_login),
    path("form-login/", views.form_login),
    path("limited-login/", views.limited_login),
    path("signup/", views.signup),
    path("auto-auth/", views.auto_auth),
    path("loop-login/", views.loop_login),
    path("tuple-login/", views.tuple_login),
    path("sign-up/", views.sign_up),
    path("sign-in-named/", views.sign_in_named),
    path("reset/<uidb64>/<token>/", views.ResetAndSignInView.as_view()),
    path("api/login/", views.ApiLogin.as_view()),
    path("session/", session_views.open_session),
] + shared_patterns

# a route for every view judged: a views module's function that no route reaches and nothing names is dead code, not a view
urlpatterns += [
    path("change-password/", views.change_password),
    path("register/", views.register),
    path("login-or-register/", views.login_or_register),
    path("register-and-sign-in/", views.register_and_sign_in),
    path("first-admin/", views.first_admin),
    path("set-then-check-another/", views.set_then_check_another),
]
