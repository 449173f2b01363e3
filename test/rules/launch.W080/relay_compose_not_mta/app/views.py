from django.core.mail import send_mail
from django.http import HttpResponse


def forgot_password(request):
    # `smtp` is a service of the stack, but its image is no mail relay (an HTTP mail API): SMTP waits on it.
    # ruleid: launch.W080
    send_mail("Reset", "Follow the link.", None, [request.POST["email"]])
    return HttpResponse("sent")


def status(request):
    return HttpResponse("ok")
