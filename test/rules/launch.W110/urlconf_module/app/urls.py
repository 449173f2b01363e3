from django.urls import include, path

from app.accounts import urlpatterns as accounts_urls

urlpatterns = [
    # a URLconf not named like one: app/accounts.py sets urlpatterns (EuroPython's conference/accounts.py)
    path("accounts/", include((accounts_urls, "accounts"), namespace="accounts")),
]
