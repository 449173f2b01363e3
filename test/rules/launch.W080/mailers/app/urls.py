from django.urls import path

from accounts import views

urlpatterns = [
    path("welcome/", views.welcome),
    path("invite/", views.invite),
    path("newsletter/", views.newsletter),
    path("admin/tools/", views.admin_tools),
    path("admin/smtp/", views.SmtpSettingsView.as_view()),
]
