from django.db import models


class Photo(models.Model):
    # Where uploads go is the .conf files' to say: not checked, never a warning.
    # ok: launch.W070
    image = models.ImageField(upload_to="photos/")
