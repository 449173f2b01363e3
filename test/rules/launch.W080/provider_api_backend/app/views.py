from django.core.mail import send_mail
from django.http import HttpResponse


def contact(request):
    # the client still waits on a remote service: a warning, which says the provider's API, not SMTP
    # ruleid: launch.W080
    send_mail("Contact", request.POST["body"], None, ["team@example.com"])
    # ok: launch.W080
    return HttpResponse("ok")
