from django.db.models import FileField, Model


class Attachment(Model):
    # ruleid: launch.W070
    file = FileField(upload_to="attachments/%Y/%m/")
