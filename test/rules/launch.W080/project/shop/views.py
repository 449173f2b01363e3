import os
import functools

import httpx
import requests
import time
import urllib.request
from django.conf import settings
from django.core import mail
from django.core.cache import cache
from django.core.mail import EmailMultiAlternatives, send_mail
from django.db import transaction
from django.http import HttpResponse, JsonResponse
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.cache import cache_page
from django.views.generic import FormView
from PIL import Image

from app.utils import send_mail as queue_mail

from .tasks import send_welcome_email
from .models import Channel


def signup(request):
    email = request.POST["email"]
    # ruleid: launch.W080
    send_mail("Welcome", "Hi!", "noreply@example.com", [email])
    # ok: launch.W080
    transaction.on_commit(lambda: send_mail("Welcome", "Hi!", "noreply@example.com", [email]))
    # ok: launch.W080
    transaction.on_commit(functools.partial(send_welcome_email.delay, email))
    # ok: launch.W080
    send_welcome_email.delay(email)
    # ok: launch.W080
    queue_mail("Welcome", "Hi!", [email])
    return HttpResponse("ok")


class ContactView(FormView):
    template_name = "contact.html"

    def form_valid(self, form):
        msg = EmailMultiAlternatives("Contact", form.cleaned_data["body"], to=["team@example.com"])
        msg.attach_alternative("<p>Contact</p>", "text/html")
        # ruleid: launch.W080
        msg.send()
        # ok: launch.W080
        form.send_mail("contact")
        return super().form_valid(form)

    def notify_admins(self):
        # ruleid: launch.W080
        mail.mail_admins("New contact", "See the admin.")


def thumbnail(request):
    img = Image.open(request.FILES["image"]).convert("RGB")
    # ruleid: launch.W080
    img.thumbnail((128, 128))
    # ruleid: launch.W080
    small = Image.open(request.FILES["image"]).resize((64, 64))
    return HttpResponse(small.tobytes())


BASE_DIR = settings.BASE_DIR


def badge(request):
    # The 8×8 logo the repository ships (75 bytes, shop/resources/logo.png): nothing a task would save.
    # ok: launch.W080
    logo = Image.open(BASE_DIR / "shop/resources/logo.png").convert("RGBA").resize((4, 4))
    # An image the repository does not hold (media, a stored photo): its size is anyone's guess.
    # ruleid: launch.W080
    photo = Image.open(BASE_DIR / "media/photos/cover.png").resize((640, 480))
    return HttpResponse(logo.tobytes() + photo.tobytes())


def _post_hook(url, payload):
    # ruleid: launch.W080
    return requests.post(url, json=payload, timeout=5)


def webhook(request):
    _post_hook("https://hooks.example.com/in", {"ok": True})
    return JsonResponse({"ok": True})


def lookup(request):
    with requests.Session() as session:
        # ruleid: launch.W080
        data = session.get("https://api.example.com/lookup", timeout=3).json()
    return JsonResponse(data)


async def status(request):
    async with httpx.AsyncClient() as client:
        # ok: launch.W080
        r = await client.get("https://status.example.com")
    return JsonResponse(r.json())


def unused_helper(address):
    # ok: launch.W080
    send_mail("Hello", "Not called from a view.", "noreply@example.com", [address])


def translate(request):
    # The answer is the response, and what is asked comes from this request: an exchange, not deferrable.
    text = request.POST["text"]
    # note: launch.W080
    r = requests.post("https://translate.example.com/v2", data={"q": text}, timeout=5)
    return JsonResponse(r.json())


def oauth_callback(request):
    code = request.GET["code"]
    token = _exchange(code)
    return JsonResponse({"ok": bool(token)})


def _exchange(code):
    # The helper's `code` is request data the view passes in.
    # note: launch.W080
    return requests.post("https://idp.example.com/token", data={"code": code}, timeout=5).json()


def order_placed(request):
    # Request data, but the answer is dropped: fire and forget, a task can send it.
    # ruleid: launch.W080
    requests.post("https://hooks.example.com/orders", json={"id": request.POST["id"]}, timeout=5).raise_for_status()
    return JsonResponse({"ok": True})


def latest_release(request):
    # The answer is used, but the question is the same on every request: cache it or refresh it in a task.
    # ruleid: launch.W080
    release = requests.get("https://api.github.com/repos/django/django/releases/latest", timeout=5).json()
    return JsonResponse({"tag": release["tag_name"]})


def sso_callback(request):
    # The second step of the exchange sends what the first answered: both are the login, neither a task.
    # note: launch.W080
    token_response = requests.post("https://idp.example.com/token", data={"code": request.GET["code"]}, timeout=5)
    token_data = token_response.json()
    access_token = token_data.get("access_token")
    # note: launch.W080
    userinfo = requests.get("https://idp.example.com/userinfo", headers={"Authorization": "Bearer %s" % access_token}, timeout=5)
    return JsonResponse(userinfo.json())


def contact_to_chat(request):
    # The user's message goes to a chat webhook and its status decides the page: an exchange.
    # note: launch.W080
    r = requests.post("https://hooks.example.com/chat", json={"text": request.POST["message"]}, timeout=5)
    if not r.ok:
        return JsonResponse({"sent": False}, status=502)
    return JsonResponse({"sent": True})


def embed(request):
    # The page asked for is fetched and its body is the response (urllib, read through `with … as`).
    # note: launch.W080
    with urllib.request.urlopen(request.GET["url"], timeout=3) as page:
        body = page.read()
    return HttpResponse(body)


class ImportView(View):
    def post(self, request):
        files = self._validate(request.POST)
        return JsonResponse({"files": len(files)})

    def _validate(self, data):
        return self._fetch_files(data.getlist("url"))

    def _fetch_files(self, urls):
        # The URLs come from this request two calls up (post → _validate → here), and each answer decides the
        # response (MuckRock's attachment check): an exchange.
        fetched = []
        for url in urls[:3]:
            # note: launch.W080
            res = requests.get(url, timeout=10)
            if res.status_code != 200:
                raise ValueError(url)
            fetched.append(res.content)
        return fetched


@functools.lru_cache(maxsize=1)
def _latest_version(ttl_hash=None):
    # Kept: the release check runs once per time bucket the view passes, not on every request.
    # note: launch.W080
    return requests.get("https://api.example.com/releases/latest", timeout=5).json()["name"]


def about(request):
    return JsonResponse({"latest": _latest_version(int(time.time() // 3600))})


@functools.lru_cache(maxsize=32)
def feed(request):
    # A cache keyed on the request object never hits: every request is a new object.
    # ruleid: launch.W080
    return JsonResponse(requests.get("https://api.example.com/feed", timeout=5).json())


def buy_number(request, pk):
    # What it asks depends on the object the URL names (not request data), and the answer decides the page.
    channel = Channel.objects.get(pk=pk)
    # note: launch.W080
    r = requests.post("https://api.example.com/numbers", json={"account": channel.account_id}, timeout=5)
    if r.status_code != 201:
        return JsonResponse({"ok": False}, status=502)
    return JsonResponse({"ok": True})


def service_status(request):
    # The same question on every request, only its status used: cache it or check it in a task.
    # ruleid: launch.W080
    r = requests.get("https://status.example.com/api", timeout=3)
    return JsonResponse({"up": r.ok})


def service_worker(request):
    # Only with DEBUG on (the production settings set DEBUG = False): the webpack dev server, never production.
    if settings.DEBUG:
        # ok: launch.W080
        return HttpResponse(requests.get("http://127.0.0.1:4000/sw.js", timeout=2).content)
    return HttpResponse("self.addEventListener('fetch', () => {});")


def index_page(request):
    # DEBUG on and no built page: the dev front-end container, never production (DEBUG is False there).
    if settings.DEBUG and not os.path.exists("build/index.html"):
        # ok: launch.W080
        return HttpResponse(requests.get("http://frontend:3000/", timeout=10).text)
    # Either side of an `or` may hold with DEBUG off: this runs in production too.
    if settings.DEBUG or request.GET.get("fresh") == "1":
        # ruleid: launch.W080
        return HttpResponse(requests.get("https://cdn.example.com/index.html", timeout=10).text)
    return HttpResponse("ok")


class KeySetView(View):
    def get_settings(self, name):
        return getattr(settings, name)

    def get(self, request):
        # The same key set on every request, read through a settings helper: cache it.
        # ruleid: launch.W080
        keys = requests.get(self.get_settings("OIDC_JWKS_ENDPOINT"), timeout=5).json()
        return JsonResponse(keys)


class ReposView(View):
    # The same request every time: a class constant and headers built from settings.
    api = "https://api.example.com/orgs/shop/repos"

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.headers = {"Authorization": f"token {settings.API_TOKEN}"} if settings.API_TOKEN else {}

    def get(self, request):
        # ruleid: launch.W080
        repos = requests.get(self.api, headers=self.headers, timeout=settings.API_TIMEOUT).json()
        return JsonResponse({"repos": repos})


class RedeemView(FormView):
    def _redeem(self, data):
        # What the form's validation made of the posted code (form_valid passes it): a new question every time.
        # note: launch.W080
        answer = requests.post("https://partner.example.com/redeem", data={"code": data["code"]}, timeout=5)
        return answer.json()

    def form_valid(self, form):
        self._redeem(form.code_data)
        return HttpResponse("ok")


class PingView(View):
    def _ping(self, url):
        # Its one caller passes the same URL: the same question on every request.
        # ruleid: launch.W080
        return requests.get(url, timeout=5).ok

    def get(self, request):
        return JsonResponse({"up": self._ping("https://status.example.com/")})


def rates(request):
    cached = cache.get("rates")
    if cached:
        return JsonResponse(cached)
    # Cached by hand for an hour: the call runs on a cache miss only.
    # note: launch.W080
    data = requests.get("https://api.example.com/rates", timeout=2).json()
    cache.set("rates", data, 3600)
    return JsonResponse(data)


def quotes(request):
    last = cache.get("quotes")
    # The cached value is only compared, never returned: every request calls out.
    # ruleid: launch.W080
    data = requests.get("https://api.example.com/quotes", timeout=2).json()
    cache.set("quotes", data, 3600)
    return JsonResponse({"data": data, "changed": data != last})


def planet(request):
    feed = cache.get("planet")
    if not feed:
        # Fetched only when the cache misses, and the answer kept for eight hours.
        # note: launch.W080
        feed = requests.get("https://planet.example.com/atom.xml", timeout=5).text
        cache.set("planet", feed, 60 * 60 * 8)
    return HttpResponse(feed)


def headlines(request):
    latest = cache.get("headlines")
    if latest:
        # The call runs when the cache HITS (a freshness check on every cached request): not a cache.
        # ruleid: launch.W080
        fresh = requests.get("https://news.example.com/latest", timeout=5).json()
        cache.set("headlines", fresh, 600)
        return JsonResponse(fresh)
    return JsonResponse({})


def package_page(request, name):
    # The view's URL names what it asks about (`name`, a part of the path) and the answer is the page: an exchange.
    # note: launch.W080
    info = requests.get(f"https://pypi.example.org/pypi/{name}/json", timeout=5).json()
    return JsonResponse({"version": info["info"]["version"]})


def resource_snapshot(request, resource):
    return _snapshot_of(resource)


def _snapshot_of(resource):
    # `resource` is what the view passes from its URL (Model My Watershed's HydroShare lookup): an exchange.
    # note: launch.W080
    r = requests.get(f"https://hub.example.com/resource/{resource}/snapshot.json", timeout=5)
    return JsonResponse(r.json() if r.status_code == 200 else {})


def default_snapshot(request):
    return _snapshot_again("main")


def _snapshot_again(resource):
    # Its only caller passes a constant: the same question on every request, cacheable.
    # ruleid: launch.W080
    r = requests.get(f"https://hub.example.com/resource/{resource}/snapshot.json", timeout=5)
    return JsonResponse(r.json())


def entity(request, pk):
    # The view fetches its own API (the site's own address): a second worker of this server held for the
    # answer while the client waits — not an exchange with another service, whatever the URL names (pontoon).
    api_url = f"{settings.SITE_URL}/api/entities/{pk}/"
    # ruleid: launch.W080
    data = requests.get(api_url, timeout=5).json()
    return JsonResponse(data)


class NewsView(View):
    # The page is cached for an hour: the feed is fetched on a cache miss only.
    @method_decorator(cache_page(60 * 60))
    def get(self, request):
        # note: launch.W080
        return JsonResponse(requests.get("https://api.example.com/news", timeout=5).json())


@method_decorator(cache_page(60 * 15), name="dispatch")
class RatesView(View):
    def get(self, request):
        # note: launch.W080
        return JsonResponse(requests.get("https://api.example.com/rates", timeout=5).json())


@method_decorator(cache_page(60 * 15), name="post")
class WeatherView(View):
    # The cache is on post(); get() fetches on every request.
    def get(self, request):
        # ruleid: launch.W080
        return JsonResponse(requests.get("https://api.example.com/weather", timeout=5).json())


def url_available(request):
    # the answer is dropped, but whether the call succeeds is the answer the view returns
    url = request.GET.get("url", "")
    available = False
    try:
        # note: launch.W080
        requests.head(url, timeout=5, allow_redirects=False)
        available = True
    except requests.RequestException:
        pass
    return JsonResponse({"available": available})


def order_notified(request):
    # a notification whose failure is only logged: nothing the view answers depends on it, a task can send it
    sent = False
    try:
        # ruleid: launch.W080
        requests.post("https://hooks.example.com/orders", json={"user": request.user.pk}, timeout=5)
        sent = True
    except requests.RequestException:
        pass
    return JsonResponse({"ok": True})


# an earlier version of a view no route reaches and nothing names (urls.py imports this module): dead code
def notify_team_old(request):
    # ok: launch.W080
    send_mail("New order", request.POST["note"], "shop@example.com", ["team@example.com"])
    return HttpResponse("sent")
