from django.core.mail import send_mail
from django.http import HttpResponse
from PIL import Image
import requests


def forgot_password(request):
    # gevent workers (the Procfile): waiting on the mail server yields to other requests — a note (gwells)
    # note: launch.W080
    send_mail("Reset", "Follow the link.", None, [request.POST["email"]])
    return HttpResponse("sent")


def status(request):
    # note: launch.W080
    r = requests.get("https://status.example.com/api", timeout=3)
    return HttpResponse(r.text)


def thumbnail(request):
    # CPU work holds a greenlet worker as it holds any other
    # ruleid: launch.W080
    Image.open(request.FILES["image"]).resize((64, 64))
    return HttpResponse("ok")
