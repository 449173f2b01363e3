from django.db import models


class Logo(models.Model):
    # The compose service hands its script a development flag over a bind mount of the project (the live-reload
    # setup), and the image has no command of its own: where production runs is not shown — a note.
    # note: launch.W070
    image = models.ImageField(upload_to="logos/")
