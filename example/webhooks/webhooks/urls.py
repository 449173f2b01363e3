from django.urls import path

from payments import views

urlpatterns = [
    path("stripe/", views.stripe_webhook, name="stripe-webhook"),
]
