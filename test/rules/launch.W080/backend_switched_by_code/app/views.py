from django.core.mail import send_mail
from django.http import HttpResponse


def contact(request):
    # queued, or sent through Mailgun's API in the request: the scan cannot tell which — a note naming both
    # note: launch.W080
    send_mail("Contact", request.POST["body"], None, ["team@example.com"])
    return HttpResponse("ok")
