from django.db import models


class Profile(models.Model):
    # Installed on one server (a systemd unit, no image, no PaaS): MEDIA_ROOT may well be its persistent,
    # backed-up data directory — the rule cannot tell, so it says so in a note.
    # note: launch.W070
    avatar = models.ImageField(
        upload_to="avatars/",
        blank=True,
    )
