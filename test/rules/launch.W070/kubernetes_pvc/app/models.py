from django.db import models


class Avatar(models.Model):
    # deploy/k8s/web.yaml mounts a PersistentVolumeClaim at /srv/app/uploads
    # ok: launch.W070
    image = models.ImageField(upload_to="avatars/")
