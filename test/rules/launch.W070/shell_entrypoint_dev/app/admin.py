from django.contrib import admin

from app.models import Logo

admin.site.register(Logo)
