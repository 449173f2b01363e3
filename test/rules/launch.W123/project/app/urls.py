from django.urls import path

from accounts import views

urlpatterns = [
    path("login/", views.login_view),
    path("logout/", views.logout_view),
    path("lang/", views.set_lang),
    path("back/", views.back),
    path("go/", views.go),
    path("search/", views.search),
    path("done/", views.DoneView.as_view()),
    path("finish/", views.finish_login),
    path("signup/finish/", views.finish_signup),
    path("return/", views.ReturnView.as_view()),
    path("after/", views.after_login),
    path("sign-out/", views.sign_out),
    path("oidc/callback/", views.oidc_callback),
    path("retry/", views.retry_loop),
]
