from django.urls import path

from app import views

urlpatterns = [path("contact/", views.contact)]

# a route for every view judged: a views module's function that no route reaches and nothing names is dead code, not a view
urlpatterns += [
    path("flag/", views.flag),
]
