from django.urls import path

from shop import signup, views

urlpatterns = [
    path("rates/", views.rates),
    path("address/", views.AddressCheck.as_view()),
    path("weather/", views.weather),
    path("signup/", signup.SignupView.as_view()),
]
