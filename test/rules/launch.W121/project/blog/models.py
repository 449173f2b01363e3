from django.db import models


class Post(models.Model):
    title = models.CharField(max_length=200)
    author_name = models.CharField(max_length=200)
    url = models.URLField()
