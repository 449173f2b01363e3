from django.urls import path

from . import views

app_name = "orders"

urlpatterns = [
    path("", views.order_list, name="list"),
    path("login/", views.login_view, name="login"),
    path("logout/", views.logout_view, name="logout"),
    path("orders/new/", views.create_order, name="create"),
    path("orders/<int:pk>/", views.order_detail, name="detail"),
    path("orders/search/", views.search_orders, name="search"),
    path("recent/", views.recently_viewed, name="recent"),
]
