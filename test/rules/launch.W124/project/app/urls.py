from django.urls import path

from shop import views

urlpatterns = [
    path("rates/", views.rates),
    path("address/", views.AddressCheck.as_view()),
    path("weather/", views.weather),
]
