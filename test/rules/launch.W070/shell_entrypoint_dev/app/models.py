from django.db import models


class Logo(models.Model):
    # The image's entrypoint is a bare shell (no command of its own) and the compose service runs runserver over
    # a bind mount of the project: both the development setup, so where production runs is not shown — a note.
    # note: launch.W070
    image = models.ImageField(upload_to="logos/")
