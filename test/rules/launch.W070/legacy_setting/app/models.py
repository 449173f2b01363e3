from django.db import models


class Profile(models.Model):
    # ok: launch.W070
    avatar = models.ImageField(upload_to="avatars/")
