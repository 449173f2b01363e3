from django.db import models


class Cart(models.Model):
    owner = models.ForeignKey("auth.User", on_delete=models.CASCADE)


class Stock(models.Model):
    sku = models.CharField(max_length=20)
    count = models.IntegerField()


class Export(models.Model):
    owner = models.ForeignKey("auth.User", on_delete=models.CASCADE)
    status = models.CharField(max_length=20)
    seen = models.BooleanField(default=False)

    def readers(self):
        return Export.objects.filter(pk=self.pk).values_list("owner_id", flat=True)

    def can_read(self, user):
        return user.pk in self.readers() or user.has_perm("shop.view_export")

    def mark_seen(self):
        self.seen = True
        self.save(update_fields=["seen"])
