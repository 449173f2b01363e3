import uuid

from django.contrib.auth import authenticate, login
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.contrib.auth.forms import AuthenticationForm, UserCreationForm
from django.contrib.auth.views import LoginView, PasswordResetConfirmView
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.utils.decorators import method_decorator
from django.views import View
from django_ratelimit.decorators import ratelimit


@method_decorator(ratelimit(key="ip", rate="5/m", method="POST"), name="post")
class SignInView(LoginView):
    template_name = "signin.html"


class StaffLoginView(LoginView):
    template_name = "staff_login.html"


# ruleid: launch.W110
def custom_login(request):
    user = authenticate(request, username=request.POST["username"], password=request.POST["password"])
    if user is not None:
        login(request, user)
        return redirect("/")
    return HttpResponse(status=401)


# ruleid: launch.W110
def form_login(request):
    form = AuthenticationForm(request, data=request.POST or None)
    if form.is_valid():
        login(request, form.get_user())
        return redirect("/")
    return HttpResponse(status=401)


@ratelimit(key="post:username", rate="5/m", block=True)
# ok: launch.W110
def limited_login(request):
    user = authenticate(request, username=request.POST["username"], password=request.POST["password"])
    return HttpResponse(status=200 if user else 401)


# ok: launch.W110
def signup(request):
    form = UserCreationForm(request.POST)
    user = form.save()
    login(request, user)
    return redirect("/")


# ruleid: launch.W110
class ApiLogin(View):
    def post(self, request):
        user = authenticate(request, username=request.POST.get("u"), password=request.POST.get("p"))
        return JsonResponse({"ok": user is not None})


@login_required
# ok: launch.W110
def change_password(request):
    # Re-authentication of the session's own account before a change: not a login endpoint.
    if not authenticate(username=request.user.username, password=request.POST.get("current")):
        return JsonResponse({"current": "Wrong password"}, status=400)
    request.user.set_password(request.POST["new"])
    request.user.save()
    return JsonResponse({"ok": True})


# ok: launch.W110
def register(request):
    # Signing in the account just made from the sign-up form's password1.
    form = UserCreationForm(request.POST)
    if not form.is_valid():
        return JsonResponse(form.errors, status=400)
    form.save()
    login(request, authenticate(username=request.POST["username"], password=request.POST["password1"]))
    return JsonResponse({"ok": True})


# ruleid: launch.W110
def login_or_register(request):
    # A login that checks any account's password, even after something else was saved.
    request.session.save()
    user = authenticate(request, username=request.POST["username"], password=request.POST["password"])
    return JsonResponse({"ok": user is not None})


def session_user(request):
    return request.user if request.user.is_authenticated else None


# ok: launch.W110
class VerifyPasswordView(View):
    def post(self, request):
        # The account is the one the session holds (through a helper given the request alone).
        user = session_user(self.request)
        user = authenticate(request=self.request, username=user.username, password=request.POST["password"])
        return JsonResponse({"ok": user is not None})


# ruleid: launch.W110
class LookupLoginView(View):
    def post(self, request):
        # The account is looked up from what the client posts: a login.
        user = find_user(request.POST["login"])
        ok = authenticate(request=self.request, username=user.username, password=request.POST["password"])
        return JsonResponse({"ok": ok is not None})


def find_user(login):
    return None


# ok: launch.W110
def register_and_sign_in(request):
    # The login form is only shown again beside the sign-up form; the account is created here, then signed in.
    if request.method == "GET":
        return JsonResponse({"login_form": str(AuthenticationForm()), "register_form": str(UserCreationForm())})
    user = User.objects.create_user(request.POST["username"], password=request.POST["password"])
    login(request, user)
    return redirect("/")


# ok: launch.W110
def auto_auth(request):
    # A development helper: it makes the password itself, creates the account and signs it in — nothing to guess.
    username = password = "auto_" + uuid.uuid4().hex[:20]
    User.objects.create_superuser(username, email=None, password=password)
    login(request, authenticate(username=username, password=password))
    return redirect("/")


# ruleid: launch.W110
def loop_login(request):
    # A name a loop binds from the posted form: the client's password.
    for password in request.POST.getlist("password"):
        user = authenticate(username=request.POST["username"], password=password)
        if user:
            login(request, user)
    return redirect("/")


# ruleid: launch.W110
def tuple_login(request):
    # Unpacked from the posted form: still the client's.
    username, password = request.POST["username"], request.POST["password"]
    user = authenticate(username=username, password=password)
    if user:
        login(request, user)
    return redirect("/")


# ok: launch.W110
def sign_up(request):
    # The account is made with save(commit=False) then save(), and password1 reaches authenticate() through a name.
    form = UserCreationForm(request.POST)
    if form.is_valid():
        user = form.save(commit=False)
        user.is_active = True
        user.save()
        raw_password = form.cleaned_data.get("password1")
        login(request, authenticate(username=user.username, password=raw_password))
    return redirect("/")


class ResetAndSignInView(PasswordResetConfirmView):
    # ok: launch.W110
    def form_valid(self, form):
        # The reset link's token was checked; the form's save() sets new_password1, which signs the user in (ESP's
        # password reset): it confirms the password the view has just written, no one else's.
        user = form.save()
        auth_user = authenticate(username=user.username, password=form.cleaned_data["new_password1"])
        if auth_user is not None:
            login(self.request, auth_user)
        return redirect("/")


# ruleid: launch.W110
def sign_in_named(request):
    # A name holding the login form's password: a login, whatever the name.
    raw_password = request.POST["password"]
    user = authenticate(username=request.POST["username"], password=raw_password)
    if user:
        login(request, user)
    return redirect("/")


# ok: launch.W110
def first_admin(request):
    # The view sets the password itself, then signs in with that same password (Kegbot's first-run setup):
    # the check confirms only what the view wrote a moment before.
    data = request.POST
    user = User(username=data["username"], email=data["email"])
    user.set_password(data["password"])
    user.save()
    login(request, authenticate(username=data["username"], password=data["password"]))
    return redirect("/")


# ruleid: launch.W110
def set_then_check_another(request):
    # A password set from one field and a login checked with another: the second is any account's password.
    user = User(username=request.POST["username"])
    user.set_password(request.POST["new_password"])
    user.save()
    login(request, authenticate(username=request.POST["username"], password=request.POST["password"]))
    return redirect("/")
