from django.contrib import admin

from app.models import Profile

admin.site.register(Profile)
