from celery import shared_task
from django.core.mail import send_mail


@shared_task
def deliver(subject, body, to):
    # ok: launch.W080
    send_mail(subject, body, "noreply@example.com", to)
