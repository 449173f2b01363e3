from django.shortcuts import render


def home(request):
    return render(request, "home.html")


def login(request):
    """A login form (sets csrftoken) that also starts a session (sets sessionid), as a real login page would."""
    request.session["login_page_seen"] = True
    return render(request, "login.html")
