from django.urls import path

from prefs import views

urlpatterns = [
    path("prefs/", views.load_prefs),
    path("import/", views.import_config),
    path("restore/", views.Restore.as_view()),
]
