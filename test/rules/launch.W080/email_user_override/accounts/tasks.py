from celery import shared_task


@shared_task
def send_user_mail(user_pk, subject, message, from_email):
    from django.contrib.auth import get_user_model

    # ok: launch.W080
    get_user_model().objects.get(pk=user_pk).email_user(subject, message, from_email)
