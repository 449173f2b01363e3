from djcelery_email.backends import CeleryEmailBackend


class TaggedBackend(CeleryEmailBackend):
    def send_messages(self, email_messages):
        for message in email_messages:
            message.extra_headers["X-Site"] = "example"
        return super().send_messages(email_messages)


class QueuedBackend(TaggedBackend):
    """Two levels down: still a CeleryEmailBackend."""
