# ruleid: launch.E040
DATABASES = {"default": {"ENGINE": "django.contrib.gis.db.backends.spatialite", "NAME": "geo.db"}}
