from django.db import models

from .media import Attachment  # noqa: F401


class Product(models.Model):
    name = models.CharField(max_length=100)
    # ruleid: launch.W070
    image = models.ImageField(upload_to="products/")
    # ok: launch.W070
    manual = models.FileField(upload_to="manuals/", storage="app.storage.private_storage")
