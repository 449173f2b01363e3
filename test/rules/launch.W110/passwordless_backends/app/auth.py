from mozilla_django_oidc.auth import OIDCAuthenticationBackend


class SiteOIDCBackend(OIDCAuthenticationBackend):
    def filter_users_by_claims(self, claims):
        return self.UserModel.objects.filter(email__iexact=claims.get("email"))
