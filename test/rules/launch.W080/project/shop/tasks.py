from celery import shared_task
from django.core.mail import send_mail


@shared_task
def send_welcome_email(address):
    # ok: launch.W080
    send_mail("Welcome", "Hi!", "noreply@example.com", [address])
