from django.db import models


class Attachment(models.Model):
    # the only mounts are the source tree (dev live reload) and the database's own data volume
    # ruleid: launch.W070
    upload = models.FileField(upload_to="attachments/")
