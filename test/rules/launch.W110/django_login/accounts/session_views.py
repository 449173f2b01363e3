# Django's auth functions under other names: the view still checks a password and starts a session.
from django.contrib.auth import authenticate as check_credentials
from django.contrib.auth import login as start_session
from django.http import HttpResponse


# ruleid: launch.W110
def open_session(request):
    user = check_credentials(request, username=request.POST["u"], password=request.POST["p"])
    if user is None:
        return HttpResponse(status=401)
    start_session(request, user)
    return HttpResponse(status=204)
