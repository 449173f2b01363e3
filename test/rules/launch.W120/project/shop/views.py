import hashlib
import hmac
import json

import requests
import stripe
from django.conf import settings
from django.contrib.auth import login, logout
from django.contrib.sessions.backends.db import SessionStore
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.core.signing import TimestampSigner
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.cache import cache
from django.http import Http404, HttpResponse, HttpResponseForbidden, JsonResponse
from django.http.response import HttpResponseForbidden as ResponseForbidden
from django.shortcuts import get_object_or_404, redirect
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET

from proxy.views import proxy_view  # django-proxy, a library

from .models import Cart, Export, Stock


# the classic: a cart endpoint a front-end posts to, exempted "because the token was annoying"
# ruleid: launch.W120
@csrf_exempt
def add_to_cart(request):
    cart = Cart.objects.get(owner=request.user)
    cart.add(request.POST["sku"])
    return JsonResponse({"items": cart.count()})


# wrapped in urls.py; the session is the credential
def clear_cart(request):
    request.session["cart"] = []
    return JsonResponse({"ok": True})


# login_required says the session cookie is what authenticates it
# ruleid: launch.W120
@csrf_exempt
@login_required
def change_email(request):
    Cart.objects.filter(pk=request.POST["cart"]).update(email=request.POST["email"])
    return HttpResponse("changed")


# logging in through an exempt view: login CSRF
# ruleid: launch.W120
@csrf_exempt
def quick_login(request):
    user = authenticate_by_link(request.GET["token"])
    login(request, user)
    return HttpResponse("welcome")


def authenticate_by_link(token):
    return None


# ruleid: launch.W120
@method_decorator(csrf_exempt, name="dispatch")
class ProfileUpdate(LoginRequiredMixin, View):
    def post(self, request):
        request.user.first_name = request.POST["first_name"]
        request.user.save()
        return HttpResponse("saved")


class CsrfExemptMixin:
    # ruleid: launch.W120
    @method_decorator(csrf_exempt)
    def dispatch(self, *args, **kwargs):
        return super().dispatch(*args, **kwargs)


class AddressUpdate(CsrfExemptMixin, View):
    def post(self, request):
        request.user.address = request.POST["address"]
        return HttpResponse("saved")


# a webhook that checks the sender's signature: a note, not a warning
# note: launch.W120
@csrf_exempt
def stripe_webhook(request):
    event = stripe.Webhook.construct_event(request.body, request.headers["Stripe-Signature"], settings.STRIPE_WEBHOOK_SECRET)
    handle(event)
    return HttpResponse(status=200)


# note: launch.W120
@csrf_exempt
def github_webhook(request):
    if not verify_signature(request):
        return HttpResponseForbidden()
    handle(json.loads(request.body))
    return HttpResponse(status=204)


def verify_signature(request):
    digest = hmac.new(settings.GITHUB_SECRET.encode(), request.body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(f"sha256={digest}", request.headers.get("X-Hub-Signature-256", ""))


class ShippingWebhook(View):
    # note: launch.W120
    @method_decorator(csrf_exempt)
    def dispatch(self, request, *args, **kwargs):
        return super().dispatch(request, *args, **kwargs)

    def post(self, request):
        if not self.signature_ok(request):
            return HttpResponseForbidden()
        handle(json.loads(request.body))
        return HttpResponse(status=204)

    def signature_ok(self, request):
        expected = hmac.new(settings.SHIPPING_SECRET.encode(), request.body, hashlib.sha256).hexdigest()
        return hmac.compare_digest(expected, request.headers.get("X-Signature", ""))


def handle(event):
    return event


# browsers post CSP reports without a token; nothing here uses the session
# note: launch.W120
@csrf_exempt
def csp_report(request):
    print(json.loads(request.body))
    return HttpResponse(status=204)


# a token API for other servers: the Authorization header is the credential
# note: launch.W120
@csrf_exempt
def stock_update(request):
    token = request.headers.get("Authorization", "")
    if token != f"Bearer {settings.STOCK_TOKEN}":
        return HttpResponseForbidden()
    Stock.objects.filter(sku=request.POST["sku"]).update(count=request.POST["count"])
    return HttpResponse(status=204)


# SAML's POST binding comes cross-site by design; the protocol's own checks stand in for the token
# note: launch.W120
@csrf_exempt
def saml_acs(request):
    login(request, user_from_assertion(request.POST["SAMLResponse"]))
    return HttpResponse("ok")


def user_from_assertion(assertion):
    return None


# only GET: CSRF protection never applies to safe methods
# ok: launch.W120
@csrf_exempt
@require_GET
def feed(request):
    return JsonResponse({"user": request.user.pk})


class Orders(View):
    # csrf_exempt on a handler method has no effect (as_view copies dispatch's attributes only)
    # ok: launch.W120
    @csrf_exempt
    def post(self, request):
        return HttpResponse(request.user.pk)


# ok: launch.W120
def checkout(request):
    return HttpResponse(request.user.pk)


# a token API that falls back to the session when the header is missing: still a note, saying so
# note: launch.W120
@csrf_exempt
def rpc(request):
    auth = request.META.get("HTTP_AUTHORIZATION")
    user = token_user(auth) if auth else request.user
    return JsonResponse({"user": user.pk})


def token_user(header):
    return None


# a cross-domain session hand-off (pretalx, pretix): the main domain posts its session key to another domain,
# where no CSRF cookie can exist; the secret key in the body is the credential, checked before the session is written
class SessionHandoff(View):
    # note: launch.W120
    @csrf_exempt
    def dispatch(self, request, *args, **kwargs):
        return super().dispatch(request, *args, **kwargs)

    def post(self, request):
        child = SessionStore(request.POST.get("session")).load()
        if "parent" not in child:
            raise PermissionDenied
        request.session["preview_access"] = child["parent"]
        return redirect("/")


# a value signed with SECRET_KEY in the body: another site cannot make one
# note: launch.W120
@csrf_exempt
def confirm_email(request):
    data = signing.loads(request.POST["token"], max_age=3600)
    request.session["confirmed_email"] = data["email"]
    return HttpResponse("confirmed")


# note: launch.W120
@csrf_exempt
def unsubscribe(request):
    email = TimestampSigner().unsign(request.GET.get("t", ""), max_age=86400)
    Cart.objects.filter(owner__email=email, owner=request.user).delete()
    return HttpResponse("done")


# the signed token is checked on one path only; without it the session decides
# ruleid: launch.W120
@csrf_exempt
def save_settings(request):
    if "token" in request.POST:
        owner = signing.loads(request.POST["token"])["user"]
    else:
        owner = request.user.pk
    Cart.objects.filter(owner_id=owner).update(note=request.POST["note"])
    return HttpResponse("saved")


# the secret guards the hand-off, but delete() acts on the session without it
class CartSync(View):
    # ruleid: launch.W120
    @csrf_exempt
    def dispatch(self, request, *args, **kwargs):
        return super().dispatch(request, *args, **kwargs)

    def post(self, request):
        data = SessionStore(request.POST["session"]).load()
        request.session["cart"] = data.get("cart", [])
        return HttpResponse("synced")

    def delete(self, request):
        request.session["cart"] = []
        return HttpResponse("cleared")


# every handler that changes data calls the same check first: a note
class PreviewAccess(View):
    # note: launch.W120
    @csrf_exempt
    def dispatch(self, request, *args, **kwargs):
        return super().dispatch(request, *args, **kwargs)

    def post(self, request):
        parent = self.parent_session(request)
        request.session["preview"] = parent
        return HttpResponse("granted")

    def delete(self, request):
        self.parent_session(request)
        request.session.pop("preview", None)
        return HttpResponse("revoked")

    def parent_session(self, request):
        data = SessionStore(request.headers.get("X-Parent-Session")).load()
        if "parent" not in data:
            raise PermissionDenied
        return data["parent"]


# the session key from the cookie is the browser's own: every cross-site request carries it
# ruleid: launch.W120
@csrf_exempt
def restore_cart(request):
    saved = SessionStore(request.COOKIES.get("sessionid")).load()
    request.session["cart"] = saved.get("cart", [])
    return JsonResponse({"ok": True})


# signing the user's own data is no check of the request
# ruleid: launch.W120
@csrf_exempt
def switch_account(request):
    previous = request.user
    logout(request)
    login(request, user_for_email(request.GET["email"]))
    return HttpResponse(signing.dumps({"from": previous.pk}))


def user_for_email(email):
    return None


# a token view that falls back to the logged-in user: read before it sets request.user itself — a note that says so
class TokenGraph(View):
    # note: launch.W120
    @csrf_exempt
    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            user = token_user(request.META.get("HTTP_X_TOKEN"))
            if user is not None:
                request.user = user
        if not request.user.is_authenticated:
            return HttpResponseForbidden()
        return super().dispatch(request, *args, **kwargs)

    def post(self, request):
        return JsonResponse({"data": []})


# The user is checked, then the whole request goes to another service (a reverse proxy).
# note: launch.W120
@csrf_exempt
def monitor_proxy(request, path):
    if not request.user.has_perm("shop.view_monitor"):
        return HttpResponse("Forbidden")
    return proxy_view(request, f"http://monitor.internal/{path}")


# post() does what get() does: a cross-site POST can do nothing a cross-site GET cannot.
# ok: launch.W120
@method_decorator(csrf_exempt, name="dispatch")
class ExportReport(LoginRequiredMixin, View):
    def get(self, request):
        name = request.GET.get("report")
        return self._export(request, name)

    def post(self, request):
        name = request.POST.get("report")
        return self._export(request, name)

    def _export(self, request, name):
        return HttpResponse(f"{name} for {request.user}", content_type="application/pdf")


# post() hands its work to another method than get(): still a form post with the session.
# ruleid: launch.W120
@method_decorator(csrf_exempt, name="dispatch")
class SaveReport(LoginRequiredMixin, View):
    def get(self, request):
        return self._show(request)

    def post(self, request):
        return self._save(request)

    def _show(self, request):
        return HttpResponse("form")

    def _save(self, request):
        Stock.objects.filter(owner=request.user).update(count=0)
        return HttpResponse("saved")


def require_ajax(view):
    def wrapped(request, *args, **kwargs):
        if request.headers.get("x-requested-with") != "XMLHttpRequest":
            return HttpResponse(status=400)
        return view(request, *args, **kwargs)

    return wrapped


# A POST that only another page of this site's JavaScript can send: the custom header needs a CORS preflight.
# note: launch.W120
@csrf_exempt
@require_ajax
def search_entities(request):
    return JsonResponse({"user": request.user.pk, "q": request.POST.get("q")})


class ExportDenied(Exception):
    pass


class JSONAnswer(HttpResponse):
    def __init__(self, obj):
        super().__init__(json.dumps(obj), content_type="application/json")


def can_export(user, export):
    if user.is_superuser:
        return True
    return export.can_read(user)


# A status poll that only reads: the object, a permission check (seen through, a model method included), a JSON
# answer. A cross-site POST changes nothing, and the other site cannot read the answer.
# note: launch.W120
@csrf_exempt
@login_required
def export_status(request, pk):
    export = get_object_or_404(Export, pk=pk)
    if not can_export(request.user, export):
        raise ExportDenied()
    data = {"status": export.status}
    if export.status == "done":
        data["rows"] = str(Export.objects.filter(owner=request.user).count())
    return JSONAnswer(data)


# The same poll, but the model method it calls saves.
# ruleid: launch.W120
@csrf_exempt
@login_required
def export_seen(request, pk):
    export = get_object_or_404(Export, pk=pk)
    export.mark_seen()
    return JsonResponse({"status": export.status})


# Writes the session: a cross-site POST changes the visitor's state.
# ruleid: launch.W120
@csrf_exempt
@login_required
def export_remember(request, pk):
    export = get_object_or_404(Export, pk=pk)
    request.session["last_export"] = export.pk
    return JsonResponse({"status": export.status})


# A queryset update.
# ruleid: launch.W120
@csrf_exempt
@login_required
def export_reset(request):
    Export.objects.filter(owner=request.user).update(status="new")
    return JsonResponse({"ok": True})


# A library call it does not know (the cache is state too): cannot tell, so still a warning.
# ruleid: launch.W120
@csrf_exempt
@login_required
def export_touch(request, pk):
    cache.set(f"export-{pk}", request.user.pk)
    return JsonResponse({"ok": True})


# An outbound request: `get` is a read on a queryset or a dict, not on a library module.
# ruleid: launch.W120
@csrf_exempt
@login_required
def export_mirror(request, pk):
    answer = requests.get(f"https://mirror.example.com/exports/{pk}", timeout=5)
    return JsonResponse({"status": answer.status_code})


# A method no class of the project defines: cannot be seen through.
# ruleid: launch.W120
@csrf_exempt
@login_required
def export_refresh(request, pk):
    export = get_object_or_404(Export, pk=pk)
    export.refresh_from_remote()
    return JsonResponse({"status": export.status})


# An item of the session, changed through a local name.
# ruleid: launch.W120
@csrf_exempt
@login_required
def export_pin(request, pk):
    pinned = request.session["pinned"]
    pinned[pk] = True
    return JsonResponse({"ok": True})


def is_ajax(request):
    return request.META.get("HTTP_X_REQUESTED_WITH") == "XMLHttpRequest"


# The X-Requested-With check written in the view, first: the same protection as @require_ajax.
# note: launch.W120
@csrf_exempt
@login_required
def export_cancel(request, pk):
    if not is_ajax(request):
        return HttpResponseForbidden()
    Export.objects.filter(pk=pk, owner=request.user).delete()
    return JsonResponse({"ok": True})


# All the work inside `if is_ajax(request) and …:`, then only a refusal.
# note: launch.W120
@csrf_exempt
@login_required
def export_rename(request, pk):
    if is_ajax(request) and request.method == "POST":
        Export.objects.filter(pk=pk, owner=request.user).update(status=request.POST["status"])
        return JsonResponse({"ok": True})
    raise Http404


# The check answers AJAX requests early, but a plain form post goes on to the write.
# ruleid: launch.W120
@csrf_exempt
@login_required
def export_archive(request, pk):
    if is_ajax(request):
        return JsonResponse({"ok": False})
    Export.objects.filter(pk=pk, owner=request.user).delete()
    return JsonResponse({"ok": True})


def wants_json(request):
    return request.GET.get("format") == "json"


# A helper that reads the query string, not the header: no protection.
# ruleid: launch.W120
@csrf_exempt
@login_required
def export_drop(request, pk):
    if not wants_json(request):
        return HttpResponseForbidden()
    Export.objects.filter(pk=pk, owner=request.user).delete()
    return JsonResponse({"ok": True})


def audit_posts(view):
    def wrapped(request, *args, **kwargs):
        if request.method == "POST":
            Stock.objects.create(sku=request.POST.get("sku", ""), count=0)
        return view(request, *args, **kwargs)

    return wrapped


# The body only reads, but a decorator of the project does something for POSTs only.
# ruleid: launch.W120
@csrf_exempt
@login_required
@audit_posts
def export_count(request):
    return JsonResponse({"n": Export.objects.filter(owner=request.user).count()})


# The same first-statement refusal, its response imported from django.http.response (Junction's comment views).
# note: launch.W120
@csrf_exempt
@login_required
def export_flag(request, pk):
    if not request.is_ajax():
        return ResponseForbidden()
    Export.objects.filter(pk=pk, owner=request.user).update(flagged=True)
    return JsonResponse({"ok": True})


# A plain View whose dispatch() only hands over, and each handler refuses requests without X-Requested-With
# first (frePPLe's OperationPlanDetail): the same protection as @require_ajax on each.
class ExportDetail(View):
    # note: launch.W120
    @method_decorator(csrf_exempt)
    def dispatch(self, request, *args, **kwargs):
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        if request.headers.get("x-requested-with") != "XMLHttpRequest":
            raise Http404("Only ajax requests allowed")
        return JsonResponse({"n": Export.objects.filter(owner=request.user).count()})

    def post(self, request):
        if request.headers.get("x-requested-with") != "XMLHttpRequest":
            raise Http404("Only ajax requests allowed")
        Export.objects.filter(owner=request.user).update(status=request.POST["status"])
        return JsonResponse({"ok": True})


# One handler checks, the other does not: a plain form post reaches the write.
class ExportBulk(View):
    # ruleid: launch.W120
    @method_decorator(csrf_exempt)
    def dispatch(self, request, *args, **kwargs):
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        if request.headers.get("x-requested-with") != "XMLHttpRequest":
            raise Http404("Only ajax requests allowed")
        return JsonResponse({"n": Export.objects.filter(owner=request.user).count()})

    def post(self, request):
        Export.objects.filter(owner=request.user).delete()
        return JsonResponse({"ok": True})


# dispatch() itself does work before handing over: the handlers' checks come too late for it.
class ExportTouch(View):
    # ruleid: launch.W120
    @method_decorator(csrf_exempt)
    def dispatch(self, request, *args, **kwargs):
        Export.objects.filter(owner=request.user).update(touched=True)
        return super().dispatch(request, *args, **kwargs)

    def post(self, request):
        if request.headers.get("x-requested-with") != "XMLHttpRequest":
            raise Http404("Only ajax requests allowed")
        return JsonResponse({"ok": True})


# answers GET only, by its own test: every other method gets the error the last line returns (Sefaria's
# user_collections_api)
# ok: launch.W120
@csrf_exempt
def user_lists(request, user_id):
    from .models import Cart
    if request.method == "GET":
        return JsonResponse({"carts": list(Cart.objects.filter(owner_id=user_id).values("id")), "me": request.user.pk})
    return JsonResponse({"error": "Unsupported HTTP method."}, status=405)


# refuses every other method first
# ok: launch.W120
@csrf_exempt
def stock_levels(request):
    if request.method not in ("GET", "HEAD"):
        return HttpResponse(status=405)
    return JsonResponse({"stock": list(Stock.objects.values("sku", "count")), "user": request.user.pk})


# GET first, but a POST still reaches the work below the if
# ruleid: launch.W120
@csrf_exempt
def cart_or_add(request):
    if request.method == "GET":
        return JsonResponse({"cart": request.user.pk})
    Cart.objects.create(owner=request.user)
    return JsonResponse({"ok": True})


# the fallback hands the request to a handler: it may do anything
# ruleid: launch.W120
@csrf_exempt
def cart_dispatch(request):
    if request.method == "GET":
        return JsonResponse({"cart": request.user.pk})
    return handle_cart_post(request)


def handle_cart_post(request):
    Cart.objects.create(owner=request.user)
    return JsonResponse({"ok": True})


class CurateView(LoginRequiredMixin, View):
    # dispatch() only checks the user and hands on: View.dispatch() calls get(), the only handler, and CSRF never
    # checks a GET — the exemption changes nothing (wastd's curate link)
    @method_decorator(csrf_exempt)
    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_staff:
            return HttpResponseForbidden("staff only")
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        request.user.curated += 1
        request.user.save()
        return redirect("/")


class StarView(LoginRequiredMixin, View):
    # dispatch() does its work for every method and hands on: a cross-site GET, which CSRF never checks, does it
    # too — the exemption changes nothing (a write on GET is another problem)
    # ok: launch.W120
    @method_decorator(csrf_exempt)
    def dispatch(self, request, *args, **kwargs):
        request.user.stars += 1
        request.user.save()
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        return redirect("/")


class VoteView(LoginRequiredMixin, View):
    # dispatch() looks at the method itself: what a POST does here no GET does
    # ruleid: launch.W120
    @method_decorator(csrf_exempt)
    def dispatch(self, request, *args, **kwargs):
        if request.method == "POST":
            request.user.votes += 1
            request.user.save()
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        return redirect("/")


class FormatBase(View):
    # the project's API base: rewrites the query parameters for every request, then hands on (Arches' APIBase)
    def dispatch(self, request, *args, **kwargs):
        params = request.GET.copy()
        params["format"] = request.headers.get("Accept", "json")
        request.GET = params
        return super().dispatch(request, *args, **kwargs)


# a GET-only class under a base whose dispatch() only hands on: the exemption changes nothing
# ok: launch.W120
@method_decorator(csrf_exempt, name="dispatch")
class GraphList(FormatBase):
    def get(self, request):
        return JsonResponse({"user": request.user.username})


# the only cookie it reads is a display preference, which logs no one in: a forged request acts for nobody
# note: launch.W120
@method_decorator(csrf_exempt, name="dispatch")
class ThemeToggle(View):
    def post(self, request):
        cookie_name = "high_contrast_theme"
        response = HttpResponse("ok")
        if request.COOKIES.get(cookie_name):
            response.delete_cookie(cookie_name)
        else:
            response.set_cookie(cookie_name, "1")
        return response


# the cookie's name comes from a setting production gives one string, "visitorid": a visitor id, which logs no one in
# (EnvErgo's CSP report view)
# note: launch.W120
@method_decorator(csrf_exempt, name="dispatch")
class CspReport(View):
    def post(self, request):
        Export.objects.create(owner_key=request.COOKIES.get(settings.VISITOR_COOKIE_NAME, ""), data=request.body)
        return HttpResponse(status=204)


# a setting whose value names a credential ("remember_me") is one, whatever the setting is called
# ruleid: launch.W120
@method_decorator(csrf_exempt, name="dispatch")
class RememberedUpdate(View):
    def post(self, request):
        account = Account.from_token(request.COOKIES.get(settings.REMEMBER_COOKIE_NAME))
        account.name = request.POST["name"]
        account.save()
        return HttpResponse("ok")


# ruleid: launch.W120
@method_decorator(csrf_exempt, name="dispatch")
class TokenCookieUpdate(View):
    # a cookie named for a credential is one: the browser sends it on a forged request too
    def post(self, request):
        account = Account.from_token(request.COOKIES.get("api_token"))
        account.name = request.POST["name"]
        account.save()
        return HttpResponse("ok")


# a class whose post() only reads: it answers the logged-in user from the text it is sent, and changes nothing
# note: launch.W120
@method_decorator(csrf_exempt, name="dispatch")
class DetectLanguage(View):
    def post(self, request):
        if not request.user.is_authenticated:
            return JsonResponse({"error": "unauthorized"}, status=401)
        data = json.loads(request.body)
        return JsonResponse({"language": self.guess(data.get("text", ""))})

    def guess(self, text):
        return "en" if text else "unknown"


class SavingBase(View):
    def post(self, request):
        request.user.seen = True
        request.user.save()
        return HttpResponse("ok")


# its own get() only reads, but the project's base class it extends adds a post() that writes
# ruleid: launch.W120
@method_decorator(csrf_exempt, name="dispatch")
class SeenView(SavingBase):
    def get(self, request):
        return JsonResponse({"user": request.user.username})
