from django.urls import path

from . import apis, views

urlpatterns = [
    path("rules/add/", apis.add_rule, name="add_rule"),
    path("rules/toggle/", views.toggle_rule, name="toggle_rule"),
    path("rules/import/", views.import_rules, name="import_rules"),
]
