from django.urls import path

from flags import views

urlpatterns = [
    path("flag/", views.flag),
    path("go/", views.go),
    path("hook/", views.hook),
]
