from django.core.mail import send_mail
from django.db.models.signals import post_save
from django.dispatch import receiver


@receiver(post_save, sender="shop.Order")
def order_saved(sender, instance, created, **kwargs):
    # ok: launch.W080
    send_mail("Order", "Saved", "noreply@example.com", ["team@example.com"])
