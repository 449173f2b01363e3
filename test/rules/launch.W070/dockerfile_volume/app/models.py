from django.core.files.storage import FileSystemStorage
from django.db import models


class Attachment(models.Model):
    # the Dockerfile declares VOLUME /opt/app/data, where MEDIA_ROOT is: uploads outlive the container
    # ok: launch.W070
    upload = models.FileField(upload_to="attachments/")
    # ok: launch.W070
    scan = models.FileField(storage=FileSystemStorage())
