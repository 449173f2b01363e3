from django.core.mail import send_mail
from django.http import HttpResponse


def report(request):
    # note: launch.W080
    send_mail("Thanks", "We got your report.", None, [request.user.email])
    return HttpResponse("ok")
