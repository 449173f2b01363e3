from django.db import models


class Logo(models.Model):
    # Every container file here is the local setup: the image has no command of its own, the compose service
    # runs runserver over a bind mount, the Procfile's web process is `make run` (runserver) for honcho. Where
    # production runs is not shown, so the rule cannot tell whether MEDIA_ROOT persists — a note.
    # note: launch.W070
    image = models.ImageField(upload_to="logos/")
