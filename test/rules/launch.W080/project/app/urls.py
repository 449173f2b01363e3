from django.urls import include, path, re_path
from django.views.decorators.cache import cache_page
from rest_framework.routers import DefaultRouter

from blog.api import ExportViewSet, ReportViewSet
from blog.api import feed as blog_feed
from shop import views
from shop.views import ContactView, thumbnail

from .legacy import legacy_view

router = DefaultRouter()
router.register(r"reports", ReportViewSet, basename="report")
router.register(r"exports", ExportViewSet, basename="export")

urlpatterns = [
    path("contact/", ContactView.as_view(), name="contact"),
    path("signup/", views.signup, name="signup"),
    path("thumb/", cache_page(60)(thumbnail)),
    path("feed/", blog_feed),
    path("news/", views.NewsView.as_view()),
    path("rates/", views.RatesView.as_view()),
    path("weather/", views.WeatherView.as_view()),
    path("available/", views.url_available),
    path("order-notified/", views.order_notified),
    re_path(r"^legacy/$", legacy_view),
    path("api/", include(router.urls)),
]
