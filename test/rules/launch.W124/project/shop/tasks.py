import requests
from celery import shared_task


@shared_task
def refresh_rates():
    # a task, not a view: out of this rule's scope
    # ok: launch.W124
    requests.get("https://api.rates.example/latest")
