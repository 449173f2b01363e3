from django.urls import path
from django.views.decorators.csrf import csrf_exempt
from graphene_django.views import GraphQLView

from api import views as api_views
from shop import methods, views
from tokens import oauth, views as token_views
from workspace import views as workspace_views

urlpatterns = [
    path("cart/add/", views.add_to_cart),
    path(
        "cart/clear/",
        # ruleid: launch.W120
        csrf_exempt(views.clear_cart),
    ),
    path(
        "api/orders/",
        # ok: launch.W120
        csrf_exempt(api_views.OrderList.as_view()),
    ),
    path("profile/", views.ProfileUpdate.as_view()),
    path("curate/", views.CurateView.as_view()),
    path("star/", views.StarView.as_view()),
    path("vote/", views.VoteView.as_view()),
    path("graphs/", views.GraphList.as_view()),
    path("theme/", views.ThemeToggle.as_view()),
    path("detect/", views.DetectLanguage.as_view()),
    path("seen/", views.SeenView.as_view()),
    path("token-cookie/", views.TokenCookieUpdate.as_view()),
    path("visitor-csp-report/", views.CspReport.as_view()),
    path("remembered/", views.RememberedUpdate.as_view()),
    path("address/", views.AddressUpdate.as_view()),
    path("hooks/stripe/", views.stripe_webhook),
    path("hooks/github/", views.github_webhook),
    path("hooks/shipping/", views.ShippingWebhook.as_view()),
    path("csp-report/", views.csp_report),
    path("api/v1/stock/", views.stock_update),
    path("saml/acs/", views.saml_acs),
    path("feed/", views.feed),
    path("handoff/", views.SessionHandoff.as_view()),
    path("email/confirm/", views.confirm_email),
    path("unsubscribe/", views.unsubscribe),
    path("cart/restore/", views.restore_cart),
    path("account/switch/", views.switch_account),
    path("graph/", views.TokenGraph.as_view()),
    path("settings/save/", views.save_settings),
    path("cart/sync/", views.CartSync.as_view()),
    path("preview/", views.PreviewAccess.as_view()),
    path("release/", token_views.update_release),
    path("o/token/", oauth.TokenView.as_view()),
    path("o/authorize/", oauth.ApproveView.as_view()),
    path("profile/token/", token_views.update_profile),
    path(
        "graphql/",
        # a library view: a note that says what to check
        # note: launch.W120
        csrf_exempt(GraphQLView.as_view(graphiql=True)),
    ),
    path("workspace/credentials/", workspace_views.credentials_view),
    path("workspace/application/<str:host>/", workspace_views.application_view),
    path("workspace/any/<str:host>/", workspace_views.application_any_view),
]

# a route for every view judged: a views module's function that no route reaches and nothing names is dead code, not a view
urlpatterns += [
    path("change-email/", views.change_email),
    path("quick-login/", views.quick_login),
    path("checkout/", views.checkout),
    path("rpc/", views.rpc),
    path("monitor-proxy/", views.monitor_proxy),
    path("export-status/", views.export_status),
    path("export-seen/", views.export_seen),
    path("export-remember/", views.export_remember),
    path("export-reset/", views.export_reset),
    path("export-touch/", views.export_touch),
    path("export-mirror/", views.export_mirror),
    path("export-refresh/", views.export_refresh),
    path("export-pin/", views.export_pin),
    path("export-cancel/", views.export_cancel),
    path("export-rename/", views.export_rename),
    path("export-archive/", views.export_archive),
    path("export-drop/", views.export_drop),
    path("export-flag/", views.export_flag),
    path("user-lists/", views.user_lists),
    path("stock-levels/", views.stock_levels),
    path("cart-or-add/", views.cart_or_add),
    path("cart-dispatch/", views.cart_dispatch),
    path("orders/cancel/", api_views.cancel_order),
    path("cart-items/", methods.cart_items),
    path("cart-count/", methods.cart_count),
    path("cart-put/", methods.cart_put),
    path("cart-drop/", methods.cart_drop),
    path("cart-clear/", methods.cart_clear),
    path("cart-clear-or-post/", methods.cart_clear_or_post),
    # note: launch.W120
    path("cart-entry/<int:pk>/", csrf_exempt(methods.CartEntry.as_view())),
    # ruleid: launch.W120
    path("cart-entry/<int:pk>/remove/", csrf_exempt(methods.CartEntryRemove.as_view())),
]
