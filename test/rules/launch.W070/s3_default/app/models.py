from django.core.files.storage import FileSystemStorage
from django.db import models

local_storage = FileSystemStorage(location="/srv/private")


class Document(models.Model):
    # ok: launch.W070
    pdf = models.FileField(upload_to="docs/")
    # ruleid: launch.W070
    scan = models.FileField(storage=FileSystemStorage(location="/srv/scans"))
