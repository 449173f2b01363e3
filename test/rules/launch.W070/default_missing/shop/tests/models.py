from django.db import models


class FakeUpload(models.Model):
    # ok: launch.W070
    file = models.FileField()
