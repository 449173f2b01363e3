from django.urls import path

from backups import views as backups
from exports import views as exports
from prefs import views

urlpatterns = [
    path("prefs/", views.load_prefs),
    path("import/", views.import_config),
    path("restore/", views.Restore.as_view()),
    path("backups/restore/", backups.restore),
    path("exports/", exports.export_settings),
]
