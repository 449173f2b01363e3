from django.db import models


class Receipt(models.Model):
    # The app's image keeps MEDIA_ROOT on its own disk; the only volume is the database container's data folder
    # (the Open Energy Platform's compose file): uploads are lost when the app container is replaced.
    # ruleid: launch.W070
    scan = models.FileField(upload_to="receipts/")
