from django.db import models


class Cart(models.Model):
    owner = models.ForeignKey("auth.User", on_delete=models.CASCADE)


class Stock(models.Model):
    sku = models.CharField(max_length=20)
    count = models.IntegerField()
