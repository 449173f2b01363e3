from django.contrib.gis.db import models


class Place(models.Model):
    # GeoDjango's models module re-exports Django's fields: the same FileField
    location = models.PointField()
    # (a note: nothing in the project uploads to it)
    # note: launch.W070
    photo = models.ImageField(upload_to="places/")
