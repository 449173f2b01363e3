from django.contrib.auth import authenticate, login
from django.contrib.auth.views import LoginView
from django.core import signing
from django.core.cache import cache
from django.http import HttpResponse
from django.shortcuts import redirect
from django.views import View
from django_ratelimit.core import is_ratelimited

from accounts.forms import CountingLoginForm, LoginForm
from core.ratelimit import TokenBucket, login_guard


class PasswordLoginView(LoginView):
    """The password form: throttled by the project's own limiter in LoginForm.clean()."""

    form_class = LoginForm


# ok: launch.W110
def magic_link(request, token):
    """A signed magic-link token, not a password: not a password login."""
    email = signing.loads(token, max_age=900)
    user = authenticate(request, token=token, email=email)
    if user is None:
        return HttpResponse(status=403)
    login(request, user)
    return redirect("/")


# ok: launch.W110
def remote_login(request):
    user = authenticate(request, remote_user=request.META.get("HTTP_X_REMOTE_USER"))
    login(request, user)
    return redirect("/")


# ok: launch.W110
def counted_login(request):
    form = CountingLoginForm(request.POST or None)
    if form.is_valid():
        login(request, form.user)
        return redirect("/")
    return HttpResponse(status=401)


# ok: launch.W110
def api_login(request):
    if is_ratelimited(request, group="login", key="ip", rate="5/m", increment=True):
        return HttpResponse(status=429)
    user = authenticate(request, username=request.POST["username"], password=request.POST["password"])
    return HttpResponse(status=200 if user else 401)


@login_guard
# ok: launch.W110
def guarded_login(request):
    user = authenticate(request, username=request.POST["username"], password=request.POST["password"])
    return HttpResponse(status=200 if user else 401)


# ok: launch.W110
class BucketLogin(View):
    def post(self, request):
        if not TokenBucket(key=request.META["REMOTE_ADDR"], rate="10/m").consume():
            return HttpResponse(status=429)
        user = authenticate(request, username=request.POST["username"], password=request.POST["password"])
        return HttpResponse(status=200 if user else 401)


# ok: launch.W110
def credentials_login(request):
    """**credentials without a password anywhere in the view: an invitation code, not a password login."""
    credentials = {"invite_code": request.GET["code"]}
    user = authenticate(request, **credentials)
    login(request, user)
    return redirect("/")


# ruleid: launch.W110
def splat_password_login(request):
    credentials = {"username": request.POST["username"], "password": request.POST["password"]}
    user = authenticate(request, **credentials)
    return HttpResponse(status=200 if user else 401)


# ruleid: launch.W110
def banner_login(request):
    """Uses the cache, but not to count attempts: still unthrottled."""
    banner = cache.get("login-banner")
    if banner is None:
        banner = "Welcome"
        cache.set("login-banner", banner, 60)
    user = authenticate(request, username=request.POST["username"], password=request.POST["password"])
    return HttpResponse(banner if user else "no", status=200 if user else 401)


# ruleid: launch.W110
def profile_cache_login(request):
    """Caches per user, but stores a profile, not a count: still unthrottled."""
    user = authenticate(request, username=request.POST["username"], password=request.POST["password"])
    key = f"profile:{request.POST['username']}"
    profile = cache.get(key)
    if profile is None:
        cache.set(key, {"name": request.POST["username"]}, 60)
    return HttpResponse(status=200 if user else 401)


def csv_delimiter(request):
    return request.POST.get("delimiter", ",")


# ruleid: launch.W110
def import_login(request):
    """A helper whose name only contains 'limiter' (csv_delimiter) is not a limiter."""
    sep = csv_delimiter(request)
    user = authenticate(request, username=request.POST["username"], password=request.POST["password"])
    return HttpResponse(sep if user else "", status=200 if user else 401)
