from two_factor.views import LoginView as TwoFactorLoginView


class AccountLoginView(TwoFactorLoginView):
    # django-two-factor-auth's wizard: its first step is the username and password form
    redirect_authenticated_user = True
