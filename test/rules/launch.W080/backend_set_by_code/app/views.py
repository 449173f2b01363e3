from django.core.mail import send_mail
from django.http import HttpResponse


def invite(request):
    # EMAIL_BACKEND comes from globals().update(...): which backend sends this is not known — a note
    # note: launch.W080
    send_mail("Invite", "Join us.", None, [request.POST["email"]])
    return HttpResponse("sent")
