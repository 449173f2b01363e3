from django.db import models


class Attachment(models.Model):
    # the host checkout the published image runs over keeps MEDIA_ROOT (mediacms's install)
    # ok: launch.W070
    upload = models.FileField(upload_to="attachments/")
