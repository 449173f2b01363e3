from django.contrib.auth import login
from django.http import HttpResponse
from django.views.decorators.csrf import csrf_exempt


# A project's own copy of python-social-auth's complete view: providers post back to it cross-site by design
# note: launch.W120
@csrf_exempt
def complete(request, backend):
    request.session["backend"] = backend
    login(request, request.user)
    return HttpResponse("done")

