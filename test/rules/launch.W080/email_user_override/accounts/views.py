import requests
from django.http import HttpResponse


def welcome(request):
    # the project's User.email_user enqueues a task (accounts/models.py): not slow here
    # ok: launch.W080
    request.user.email_user("Welcome", "Hi!")
    # ruleid: launch.W080
    requests.get("https://api.example.com/profile", timeout=3)
    return HttpResponse("ok")
