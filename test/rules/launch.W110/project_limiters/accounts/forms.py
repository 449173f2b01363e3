from django import forms
from django.contrib.auth import authenticate

from core.ratelimit import check_rate_limit


class LoginForm(forms.Form):
    """Throttles its own password check (a weblate-style limiter in clean())."""

    username = forms.CharField()
    password = forms.CharField(widget=forms.PasswordInput)

    def __init__(self, request=None, *args, **kwargs):
        self.request = request
        self.user_cache = None
        super().__init__(*args, **kwargs)

    def clean(self):
        if not check_rate_limit("login", self.request):
            raise forms.ValidationError("Too many attempts from this address.")
        self.user_cache = authenticate(self.request, username=self.cleaned_data.get("username"), password=self.cleaned_data.get("password"))
        if self.user_cache is None:
            raise forms.ValidationError("Wrong username or password.")
        return self.cleaned_data

    def get_user(self):
        return self.user_cache


class CountingLoginForm(forms.Form):
    """A cache counter keyed on the username, by hand, in the form."""

    username = forms.CharField()
    password = forms.CharField(widget=forms.PasswordInput)

    def clean(self):
        from django.core.cache import cache

        username = self.cleaned_data.get("username", "")
        failures_key = f"failed-logins:{username}"
        failures = cache.get(failures_key, 0)
        if failures > 5:
            raise forms.ValidationError("Locked for 15 minutes.")
        user = authenticate(username=username, password=self.cleaned_data.get("password"))
        if user is None:
            cache.set(failures_key, failures + 1, 900)
            raise forms.ValidationError("Wrong username or password.")
        self.user = user
        return self.cleaned_data
