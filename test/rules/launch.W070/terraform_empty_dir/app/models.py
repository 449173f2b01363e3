from django.db import models


class Logo(models.Model):
    # An EmptyDir volume goes with the replica: not persistent storage
    # ruleid: launch.W070
    image = models.ImageField(upload_to="logos/")
