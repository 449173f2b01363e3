import hashlib
import hmac
import json

import stripe
from django.conf import settings
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import HttpResponse, HttpResponseForbidden, JsonResponse
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET

from .models import Cart, Stock


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
    request_user = None
    return HttpResponse(request_user)


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
