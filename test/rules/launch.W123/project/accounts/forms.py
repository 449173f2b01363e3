from django import forms
from django.utils.http import url_has_allowed_host_and_scheme


class SignupForm(forms.Form):
    email = forms.EmailField()
    next = forms.CharField(required=False)

    def __init__(self, *args, host=None, **kwargs):
        self.host = host
        super().__init__(*args, **kwargs)

    def clean_next(self):
        url = self.cleaned_data["next"]
        if not url_has_allowed_host_and_scheme(url, allowed_hosts={self.host}):
            return "/"
        return url


class FeedbackForm(forms.Form):
    text = forms.CharField()
    next = forms.CharField(required=False)


class MergeForm(forms.Form):
    into = forms.ModelChoiceField(queryset=None)
    note = forms.CharField(required=False)
