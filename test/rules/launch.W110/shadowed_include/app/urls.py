from django.urls import include, path, re_path
from django.views.generic import RedirectView
from django.views.static import serve

from app.views import SiteLoginView

urlpatterns = [
    # Python's named groups, which JavaScript spells (?<…>): read, never a crashed rule (ArchiveBox)
    re_path(r"^static/(?P<path>.*)$", serve, name="static"),
    re_path(r"^(?P<lang>[a-z]{2})/(?P=lang)/\Z", serve, name="lang"),
    # ruleid: launch.W110
    path("auth/login/", SiteLoginView.as_view(redirect_authenticated_user=True), name="login"),
    # the same view again: named on the finding above, not a second finding
    # ok: launch.W110
    path("auth/3rdparty/<path:rest>/", SiteLoginView.as_view(redirect_authenticated_user=True), name="oidc"),
    # auth/login/ is answered by the route above: the LoginView this include adds is never reached
    # ok: launch.W110
    path("auth/", include("django.contrib.auth.urls")),
    # the project's own URLconf, included first, routes members/login/ (its view is reported there)
    path("", include("app.member_urls")),
    # members/login/ is answered by the include above: django.contrib.auth's LoginView is never reached
    # ok: launch.W110
    path("members/", include("django.contrib.auth.urls")),
    # a different prefix: this include's login/ is reachable
    # ruleid: launch.W110
    re_path(r"^accounts/", include("django.contrib.auth.urls")),
    # login/ is answered by the RedirectView: its pattern has no `$`, so it matches every path it starts
    re_path(r"^login/", RedirectView.as_view(pattern_name="accounts-login", permanent=False)),
    # ok: launch.W110
    re_path("", include("django.contrib.auth.urls")),
]
