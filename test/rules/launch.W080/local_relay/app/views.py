import requests
from django.core.mail import send_mail
from django.http import HttpResponse


def forgot_password(request):
    # Handed to the relay on this machine: fast unless the relay is down — a note.
    # note: launch.W080
    send_mail("Reset", "Follow the link.", None, [request.POST["email"]])
    return HttpResponse("sent")


def status(request):
    # The local relay says nothing about other slow work.
    # ruleid: launch.W080
    r = requests.get("https://status.example.com/api", timeout=3)
    return HttpResponse(r.text)
