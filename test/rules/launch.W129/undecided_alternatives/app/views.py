from django import forms
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render


class EmailForm(forms.Form):
    email = forms.EmailField()


@login_required
def change_email(request):
    form = EmailForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        request.user.email = form.cleaned_data["email"]
        request.user.save()
        return redirect("/account/")
    return render(request, "account/email.html", {"form": form})
