from django import forms
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from urllib.parse import quote


class SignupForm(forms.Form):
    email = forms.EmailField()

    def __init__(self, *args, request=None, **kwargs):
        self.request = request
        super().__init__(*args, **kwargs)

    def clean_email(self):
        email = self.cleaned_data["email"]
        sign_in = _('<a href="/accounts/login/?next=%s">sign in</a>') % self.request.get_full_path()
        # ok: launch.W121
        taken = mark_safe(_("This address is taken. %s to use it.") % sign_in)
        resend = _('<a href="{url}?email={email}&next={next_path}">resend</a>').format(
            url=reverse("activate"), email=quote(email), next_path=self.request.get_full_path()
        )
        # ok: launch.W121
        inactive = mark_safe(f"The account is not active yet: {resend} the activation mail.")
        # the same link with single quotes
        # ruleid: launch.W121
        other = mark_safe(_("<a href='/accounts/login/?next=%s'>sign in</a>") % self.request.get_full_path())
        raise forms.ValidationError([taken, inactive, other])
