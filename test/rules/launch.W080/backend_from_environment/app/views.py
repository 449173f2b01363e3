from django.core.mail import send_mail
from django.http import HttpResponse


def contact(request):
    # a synchronous send waits on whatever backend the environment names: a warning that names the variable, never "over SMTP"
    # ruleid: launch.W080
    send_mail("Contact", request.POST["body"], None, ["team@example.com"])
    # ok: launch.W080
    return HttpResponse("ok")
