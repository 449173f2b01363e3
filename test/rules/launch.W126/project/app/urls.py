from django.urls import path

from blog import views

urlpatterns = [
    path("search/", views.search),
    path("hello/", views.hello),
    path("post/<int:pk>/", views.PostView.as_view()),
]
