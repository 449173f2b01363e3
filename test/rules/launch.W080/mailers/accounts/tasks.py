from celery import shared_task
from django.contrib.auth import get_user_model


@shared_task
def send_welcome(user_id):
    # a task, not a view
    # ok: launch.W080
    get_user_model().objects.get(pk=user_id).email_user("Welcome", "Hi!")
