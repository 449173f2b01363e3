from django.db import models


class Receipt(models.Model):
    # Production pulls the app's image (no build here) beside a stock PostgreSQL: the container's disk is
    # replaced on every deploy, and MEDIA_ROOT with it.
    # ruleid: launch.W070
    scan = models.FileField(upload_to="receipts/")
