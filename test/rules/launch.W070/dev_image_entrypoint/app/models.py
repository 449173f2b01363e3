from django.db import models


class Logo(models.Model):
    # The Dockerfile's entrypoint script starts runserver, and docker-compose.yml mounts the source over the
    # image: the local setup, which says nothing about where production runs — a note.
    # note: launch.W070
    image = models.ImageField(upload_to="logos/")
