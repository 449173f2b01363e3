from django.contrib import auth
from django.http import HttpResponse
from django.shortcuts import redirect

from app.forms import EmailLoginForm, StaffLoginForm, TokenLoginForm


# ok: launch.W110
def token_login(request):
    form = TokenLoginForm(request.POST)
    if form.is_valid():
        user = auth.authenticate(request, username=form.cleaned_data["user"], token=form.cleaned_data["token"])
        if user is not None:
            auth.login(request, user)
            return redirect("/")
    return HttpResponse(status=401)


# ruleid: launch.W110
def email_login(request):
    form = EmailLoginForm(request.POST)
    if form.is_valid() and form.user_cache:
        auth.login(request, form.user_cache)
        return redirect("/")
    return HttpResponse(status=401)


# ruleid: launch.W110
def staff_login(request):
    form = StaffLoginForm(request.POST)
    if form.is_valid():
        auth.login(request, form.user_cache)
        return redirect("/")
    return HttpResponse(status=401)
