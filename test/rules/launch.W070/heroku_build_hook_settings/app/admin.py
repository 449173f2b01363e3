from django.contrib import admin

from .models import Handout

admin.site.register(Handout)
