from django.contrib import admin

from shop.models import Attachment, Product
from shop.models.pictures import Gallery

admin.site.register(Attachment)
admin.site.register(Product)


@admin.register(Gallery)
class GalleryAdmin(admin.ModelAdmin):
    list_display = ["cover"]
