from django.urls import path

from blog import merge, views

urlpatterns = [
    path("search/", views.search),
    path("preview/", views.preview),
    path("badge/", views.badge),
    path("merge/", merge.PostMerge.as_view()),
]
