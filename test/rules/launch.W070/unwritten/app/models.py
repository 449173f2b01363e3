from django.db import models


class VoterList(models.Model):
    # The legacy file column: new rows keep the text in `content`; nothing puts an upload here any more.
    # note: launch.W070
    legacy_file = models.FileField(upload_to="voters/", null=True)
    content = models.TextField(null=True)


class Agency(models.Model):
    # Read-only in the admin; a management command points it at images the repository ships, by name only.
    # note: launch.W070
    seal = models.ImageField(null=True, blank=True, upload_to="")


class Document(models.Model):
    # A form edits it.
    # ruleid: launch.W070
    scan = models.FileField(upload_to="scans/")


class Avatar(models.Model):
    # The admin edits it (registered, not read-only).
    # ruleid: launch.W070
    image = models.ImageField(upload_to="avatars/")


class Receipt(models.Model):
    # Code assigns an uploaded file to it.
    # ruleid: launch.W070
    pdf = models.FileField(upload_to="receipts/")


class Invoice(models.Model):
    # Created with a file.
    # ruleid: launch.W070
    attachment = models.FileField(upload_to="invoices/")
