from django.contrib.auth.models import AbstractUser

from .tasks import send_user_mail


class User(AbstractUser):
    def email_user(self, subject, message, from_email=None, **kwargs):
        """Sends in the background: enqueue a task instead of talking to SMTP."""
        send_user_mail.delay(self.pk, subject, message, from_email)
