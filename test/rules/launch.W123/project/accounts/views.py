from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import login, logout
from django.http import HttpResponseBadRequest, HttpResponsePermanentRedirect, HttpResponseRedirect
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views import View
from django.views.generic import FormView

from accounts.forms import FeedbackForm, MergeForm, SignupForm
from accounts.helpers import allow_redirect, clean_next, safe_for_redirect, sanitize_redirect


def login_view(request):
    user = authenticate_somehow(request)
    login(request, user)
    next_url = request.GET.get("next", "/")
    # ruleid: launch.W123
    return redirect(next_url)


def authenticate_somehow(request):
    return None


def logout_view(request):
    logout(request)
    # ruleid: launch.W123
    return HttpResponseRedirect(request.POST.get("next") or "/")


def set_lang(request):
    next_url = request.POST.get("next", "/")
    # checked with Django's helper in the same function: fine
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        next_url = "/"
    # ok: launch.W123
    return redirect(next_url)


def back(request):
    # the Referer: the user came from there; low risk alone, a note
    # note: launch.W123
    return HttpResponseRedirect(request.META.get("HTTP_REFERER", "/"))


def back_again(request):
    # the same header read by subscript, in any case
    # note: launch.W123
    return HttpResponseRedirect(request.headers["referer"])


def elsewhere(request):
    # any other header is the client's to choose: a warning
    # ruleid: launch.W123
    return HttpResponseRedirect(request.headers["X-Return-To"])


def go(request):
    target = request.GET["to"]
    # "/" + a value that may start with "/" is "//other-site": a note
    # note: launch.W123
    return redirect("/" + target)


def search(request):
    # a path on this site with the query string after it: fine
    # ok: launch.W123
    first = HttpResponseRedirect(reverse("search") + "?" + urlencode({"q": request.GET["q"]}))
    # the request's own path: fine
    # ok: launch.W123
    second = redirect(f"{request.path}?page={request.GET['page']}")
    # a fixed prefix that is a path: fine
    # ok: launch.W123
    third = redirect(f"/search/?q={request.GET['q']}")
    # the query string after a fixed host: fine
    # ok: launch.W123
    fourth = HttpResponsePermanentRedirect("https://shop.example.com/s?" + request.META["QUERY_STRING"])
    # the scheme is fixed but the host is not
    # ruleid: launch.W123
    fifth = redirect("https://" + request.GET["host"] + "/welcome")
    return first or second or third or fourth or fifth


class DoneView(View):
    def post(self, request):
        # ruleid: launch.W123
        return redirect(self.request.POST["return_to"])

    def get(self, request):
        nxt = request.GET.get("next", "")
        if nxt:
            nxt = f"?next={nxt}"
        # the rewrite under `if nxt:` always starts with "?": fine
        # ok: launch.W123
        return redirect(f"/login/{nxt}")


def shop_return(request):
    target = request.GET.get("return", "/")
    if not target.startswith("/"):
        target = "/"
    # a hand-written check that "//evil.example" and "/\evil.example" pass: still open
    # ruleid: launch.W123
    return redirect(target)


def editor_login(request):
    # the query value is taken only when it starts with a path of this site (c3nav's editor): fine
    path = request.GET["r"] if request.GET.get("r", "").startswith("/editor/") else reverse("home")
    # ok: launch.W123
    return redirect(path)


def editor_mixed_keys(request):
    # the check reads another key than the value taken: nothing pins `b`
    path = request.GET["b"] if request.GET.get("a", "").startswith("/editor/") else reverse("home")
    # ruleid: launch.W123
    return redirect(path)


def editor_reassigned(request, more):
    path = request.GET["r"] if request.GET.get("r", "").startswith("/editor/") else reverse("home")
    if more:
        path = request.GET["next"]
    # a second assignment takes the query value unchecked
    # ruleid: launch.W123
    return redirect(path)


def editor_logout(request):
    # the same shape with a lone "/": "//evil.example" passes it, a link chooses it: open
    path = request.GET["next"] if request.GET.get("next", "").startswith("/") else reverse("home")
    # ruleid: launch.W123
    return redirect(path)


def editor_return(request):
    back = request.GET.get("back", "")
    if back.startswith("/editor/"):
        # the redirect runs only inside the check: fine
        # ok: launch.W123
        return redirect(back)
    if back:
        # outside it the same value goes anywhere; the scan sees a check it cannot place: a note
        # note: launch.W123
        return redirect(back)
    return redirect("home")


def finish_login(request):
    next_url = request.POST.get("next", "/")
    # a project helper whose body is url_has_allowed_host_and_scheme(): checked
    if next_url and safe_for_redirect(next_url):
        pass
    else:
        next_url = reverse("home")
    # ok: launch.W123
    return HttpResponseRedirect(next_url)


def finish_signup(request):
    next_url = request.POST.get("next", "/")
    # a project helper that checks nothing about the host: still open
    if not clean_next(next_url):
        next_url = "/"
    # ruleid: launch.W123
    return HttpResponseRedirect(next_url)


class ReturnView(View):
    def post(self, request):
        target = request.POST.get("return_to", "/")
        if not self.allowed(target):
            target = "/"
        # a method of the view that wraps Django's check: checked
        # ok: launch.W123
        return redirect(target)

    def allowed(self, url):
        return url_has_allowed_host_and_scheme(url, allowed_hosts={self.request.get_host()})


def sign_out(request):
    return_url = request.GET.get("return_url", "/")
    return_url = sanitize_redirect(return_url)
    logout(request)
    # a project helper named for the check it makes (sanitize_redirect): checked
    # ok: launch.W123
    return HttpResponseRedirect(return_url)


def after_login(request):
    url = request.GET.get("next")
    # a project helper that compares the URL's netloc itself: checked
    if url and allow_redirect(url):
        # ok: launch.W123
        return redirect(url)
    return redirect("home")


def jump(request):
    # the example link in the message sets the key the view reads
    # ruleid: launch.W123
    return redirect(request.GET["to"])


class SignupView(FormView):
    form_class = SignupForm

    def form_valid(self, form):
        # the form's clean_next() checks the host (django-oscar's EmailUserCreationForm): fine
        # ok: launch.W123
        return redirect(form.cleaned_data["next"])


def feedback(request):
    form = FeedbackForm(request.GET)
    if form.is_valid():
        # a form that checks nothing about its `next`: still open
        # ruleid: launch.W123
        return redirect(form.cleaned_data["next"])
    return redirect("home")


def signup(request):
    form = SignupForm(request.GET, host=request.get_host())
    if form.is_valid():
        # ok: launch.W123
        return redirect(form.cleaned_data.get("next"))
    return redirect("home")


def end_session(request):
    # the target must be one of two URLs the settings fix, or the request is refused
    if (target := request.GET.get("post_logout_redirect_uri")) not in [settings.LOGOUT_REDIRECT_A, settings.LOGOUT_REDIRECT_B]:
        return HttpResponseBadRequest()
    # ok: launch.W123
    return HttpResponseRedirect(f"{target}?state={request.GET.get('state')}")


def end_session_lax(request):
    # the list holds request data itself: no allowlist at all
    target = request.GET.get("to")
    if target not in [request.GET.get("fallback"), "/"]:
        return HttpResponseBadRequest()
    # ruleid: launch.W123
    return HttpResponseRedirect(target)


def merge_into(request):
    form = FeedbackForm(request.GET)
    if form.is_valid():
        tickets = form.cleaned_data.get("tickets")
        chosen = tickets.get(id=request.POST.get("chosen"))
        # a row looked up by the request's id (a QuerySet's get, keywords only): redirect() goes to its
        # get_absolute_url(), not to text from the request (django-helpdesk's merge_tickets)
        # ok: launch.W123
        return redirect(chosen)
    # a QueryDict's get with its default by keyword is still the request's text
    # ruleid: launch.W123
    return redirect(request.GET.get("to", default="/"))


def merge_with(request):
    form = MergeForm(request.POST)
    if not form.is_valid():
        return redirect("home")
    into = form.cleaned_data["into"]
    if request.GET.get("note"):
        # a form's other field, free text: still open
        # ruleid: launch.W123
        return redirect(form.cleaned_data.get("note"))
    # the row a ModelChoiceField picked by id: redirect() goes to its get_absolute_url() (weblate's website)
    # ok: launch.W123
    return redirect(into)


def oidc_callback(request):
    user = authenticate_somehow(request)
    if not user.is_active:
        # the target is this site's logout path; the user's URL only rides in its query string — the later
        # assignment below never reaches this redirect (Itou's community site)
        next_url = f"{reverse('logout')}?{urlencode({'redirect_url': request.GET['previous']})}"
        # ok: launch.W123
        return HttpResponseRedirect(next_url)
    login(request, user)
    next_url = request.GET.get("next") or reverse("home")
    # ruleid: launch.W123
    return HttpResponseRedirect(next_url)


def retry_loop(request):
    target = "/start/"
    for attempt in range(3):
        # inside the loop the value set further down reaches this redirect on the next turn
        if attempt:
            # ruleid: launch.W123
            return HttpResponseRedirect(target)
        target = request.GET["next"]
    return HttpResponseRedirect("/")
