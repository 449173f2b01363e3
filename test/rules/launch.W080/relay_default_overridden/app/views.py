from django.core.mail import send_mail
from django.http import HttpResponse


def forgot_password(request):
    # The compose file sets EMAIL_HOST to a remote server: SMTP to it while the client waits.
    # ruleid: launch.W080
    send_mail("Reset", "Follow the link.", None, [request.POST["email"]])
    return HttpResponse("sent")


def status(request):
    return HttpResponse("ok")
