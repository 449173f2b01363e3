from django.core.mail import send_mail
from django.http import HttpResponse


def forgot_password(request):
    # EMAIL_HOST defaults to the relay on this machine and nothing in the repository sets it: a note.
    # note: launch.W080
    send_mail("Reset", "Follow the link.", None, [request.POST["email"]])
    return HttpResponse("sent")


def status(request):
    return HttpResponse("ok")
