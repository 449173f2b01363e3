import hashlib
import hmac
import json

from django.conf import settings
from django.http import HttpResponse, HttpResponseBadRequest
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from .models import PaymentEvent


def _valid_signature(payload, header):
    """Check Stripe's `t=...,v1=...` signature header against the endpoint secret."""
    parts = dict(item.split("=", 1) for item in header.split(",") if "=" in item)
    signed = f"{parts.get('t', '')}.{payload.decode()}".encode()
    expected = hmac.new(settings.STRIPE_WEBHOOK_SECRET.encode(), signed, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, parts.get("v1", ""))


@csrf_exempt  # expect: launch.W120
@require_POST
def stripe_webhook(request):
    if not _valid_signature(request.body, request.headers.get("Stripe-Signature", "")):
        return HttpResponseBadRequest("bad signature")
    event = json.loads(request.body)
    PaymentEvent.objects.get_or_create(event_id=event["id"], defaults={"type": event["type"], "payload": event})
    return HttpResponse(status=204)
