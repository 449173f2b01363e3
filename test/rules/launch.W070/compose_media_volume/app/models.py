from django.core.files.storage import FileSystemStorage
from django.db import models


class Attachment(models.Model):
    # docker-compose.yml mounts the named volume `media` at /app/media: uploads outlive the container
    # ok: launch.W070
    upload = models.FileField(upload_to="attachments/")
    # ok: launch.W070
    scan = models.FileField(storage=FileSystemStorage())
