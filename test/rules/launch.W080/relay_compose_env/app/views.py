from django.core.mail import send_mail
from django.http import HttpResponse


def forgot_password(request):
    # The production compose file sets EMAIL_HOST to `postfix`, the hostname of the relay it runs: a note.
    # note: launch.W080
    send_mail("Reset", "Follow the link.", None, [request.POST["email"]])
    return HttpResponse("sent")


def status(request):
    return HttpResponse("ok")
