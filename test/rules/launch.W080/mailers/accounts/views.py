from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.core import mail
from django.core.mail import EmailMessage, EmailMultiAlternatives, get_connection, mail_managers, send_mass_mail
from django.db import transaction
from django.http import HttpResponse, JsonResponse
from django.views import View

from .tasks import send_welcome


def welcome(request):
    # AbstractUser.email_user() is send_mail() on the user's address
    # ruleid: launch.W080
    request.user.email_user("Welcome", "Thanks for signing up.")
    # ok: launch.W080
    transaction.on_commit(lambda: request.user.email_user("Welcome", "Thanks for signing up."))
    # ok: launch.W080
    send_welcome.delay(request.user.pk)
    return HttpResponse("ok")


def invite(request):
    user = get_user_model().objects.get(email=request.POST["email"])
    # ruleid: launch.W080
    User.email_user(user, "Invitation", "Join us.")
    # ruleid: launch.W080
    mail_managers("New invitation", f"{user} was invited.")
    # ruleid: launch.W080
    send_mass_mail((("Hi", "Welcome", None, [user.email]),))
    return HttpResponse("ok")


def newsletter(request):
    # ruleid: launch.W080
    EmailMultiAlternatives("News", "Text", to=[request.user.email]).send()
    # ruleid: launch.W080
    EmailMessage("News", "Text", to=[request.user.email]).send(fail_silently=True)
    messages = [EmailMessage("News", "Text", to=[e]) for e in request.POST.getlist("to")]
    # ruleid: launch.W080
    get_connection().send_messages(messages)
    with mail.get_connection() as connection:
        # ruleid: launch.W080
        connection.send_messages(messages)
    return HttpResponse("ok")


def send_test_email(address):
    # the admin's "send a test e-mail" tool: its response is whether the mail server accepted it
    # ok: launch.W080
    mail.send_mail("Test e-mail", "It works.", None, [address])


def admin_tools(request):
    send_test_email(request.POST["email"])
    return HttpResponse("sent")


class SmtpSettingsView(View):
    def post(self, request):
        # checks SMTP settings the admin just typed in: the connection is built from them, the result is the response
        connection = get_connection(host=request.POST["host"], port=int(request.POST["port"]), username=request.POST["user"], password=request.POST["password"])
        try:
            # ok: launch.W080
            EmailMultiAlternatives("Test", "Test", to=[request.user.email], connection=connection).send(fail_silently=False)
        except OSError as error:
            return JsonResponse({"error": str(error)}, status=400)
        return JsonResponse({"ok": True})
