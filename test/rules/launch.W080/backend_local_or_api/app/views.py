from django.core.mail import send_mail
from django.http import HttpResponse


def sign_in(request):
    # the client waits on GOV.UK Notify's API in production: a warning that says the API, not SMTP
    # ruleid: launch.W080
    send_mail("Sign in", "your link", None, [request.POST["email"]])
    # ok: launch.W080
    return HttpResponse("sent")
