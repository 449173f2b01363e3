from django.core.mail import mail_admins, mail_managers, send_mail
from django.http import HttpResponse


def flag(request):
    # ok: launch.W080
    mail_admins("Flagged", request.POST["reason"])
    # ok: launch.W080
    mail_managers("Flagged", request.POST["reason"])
    # other mail still goes out
    # ruleid: launch.W080
    send_mail("Thanks", "We got your report.", None, [request.user.email])
    return HttpResponse("ok")
