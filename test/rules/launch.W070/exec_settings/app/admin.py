from django.contrib import admin

from app.models import Photo

admin.site.register(Photo)
