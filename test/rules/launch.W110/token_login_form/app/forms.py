from django import forms


class TokenLoginForm(forms.Form):
    """A user name and a token the backend checks against another service: no password."""

    user = forms.CharField()
    token = forms.CharField()


class EmailLoginForm(forms.Form):
    email = forms.EmailField()
    password = forms.CharField(widget=forms.PasswordInput)


class StaffLoginForm(EmailLoginForm):
    pass
