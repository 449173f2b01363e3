from django.contrib import admin

from app.models import Agency, Avatar


@admin.register(Agency)
class AgencyAdmin(admin.ModelAdmin):
    fields = ["seal"]
    readonly_fields = ["seal"]


admin.site.register(Avatar)
