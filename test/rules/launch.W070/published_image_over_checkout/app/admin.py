from django.contrib import admin

from app.models import Attachment

admin.site.register(Attachment)
