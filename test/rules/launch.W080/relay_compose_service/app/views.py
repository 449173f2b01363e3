from django.core.mail import send_mail
from django.http import HttpResponse


def forgot_password(request):
    # EMAIL_HOST defaults to `smtp`, the postfix relay the production compose file runs beside the app: a note.
    # note: launch.W080
    send_mail("Reset", "Follow the link.", None, [request.POST["email"]])
    return HttpResponse("sent")


def status(request):
    return HttpResponse("ok")
