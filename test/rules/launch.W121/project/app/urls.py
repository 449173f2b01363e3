from django.urls import path

from blog import views

urlpatterns = [
    path("search/", views.search),
    path("preview/", views.preview),
    path("badge/", views.badge),
]
