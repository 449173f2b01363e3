from django.db import models


class Handout(models.Model):
    # Heroku's build hook copies local.py-heroku (S3 storage) to the local.py the default settings import
    # (PyCon US): uploads go to S3, not to the slug's disk — not production.py's local disk.
    # ok: launch.W070
    file = models.FileField(upload_to="handouts/")
