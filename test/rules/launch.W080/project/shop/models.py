from django.db import models


class Channel(models.Model):
    account_id = models.CharField(max_length=40)
