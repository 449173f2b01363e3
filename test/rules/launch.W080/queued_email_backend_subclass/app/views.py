import requests
from django.core.mail import send_mail
from django.http import HttpResponse


def contact(request):
    # ok: launch.W080
    send_mail("Contact", request.POST["body"], None, ["team@example.com"])
    # ok: launch.W080
    request.user.email_user("Thanks", "We got your message.")
    # the mail backend does not make outbound HTTP any faster
    # ruleid: launch.W080
    requests.post("https://hooks.example.com/contact", json={"from": request.user.pk}, timeout=5)
    return HttpResponse("ok")
