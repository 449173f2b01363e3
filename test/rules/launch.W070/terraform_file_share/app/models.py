from django.db import models


class Logo(models.Model):
    # Terraform mounts an Azure file share at /srv/app/data in the container app: uploads outlive the container
    # ok: launch.W070
    image = models.ImageField(upload_to="logos/")
