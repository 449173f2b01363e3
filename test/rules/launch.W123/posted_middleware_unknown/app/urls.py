from django.urls import path

from returns import views

urlpatterns = [
    path("delete/", views.delete_confirmed),
    path("back/", views.back),
]
