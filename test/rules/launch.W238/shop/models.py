from django.db import models


class Customer(models.Model):
    email = models.EmailField()


class Order(models.Model):
    total = models.DecimalField(max_digits=10, decimal_places=2)


def make_token():
    return "token"
