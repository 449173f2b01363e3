from django.db import models


class Profile(models.Model):
    # ruleid: launch.W070
    avatar = models.ImageField(
        upload_to="avatars/",
        blank=True,
    )
