from django.urls import path

from reports import views

urlpatterns = [
    path("search/", views.search),
    path("login/", views.log_in),
    path("orders/", views.orders),
    path("stats/<str:table>/", views.stats),
    path("export/", views.ExportView.as_view()),
]
