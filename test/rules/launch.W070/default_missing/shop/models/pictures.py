# The field class under another name: the call's line does not say ImageField, the import does.
from django.db.models import ImageField as Picture
from django.db.models import Model


class Gallery(Model):
    # ruleid: launch.W070
    cover = Picture(upload_to="covers/")
