from .tasks import deliver


def send_mail(subject, body, to):
    """The project's own send_mail: queues the message."""
    deliver.delay(subject, body, to)
