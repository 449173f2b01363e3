from django.contrib import admin

from app.models import Receipt

admin.site.register(Receipt)
